"""The body map in History's replay: the same map, with score badges that never overlap.

On the Today screen one or two regions carry a score; a replayed day of a sore
spell can carry ten, and on the thighs (front, inner, hip flexors, both legs)
their badges fell on one another. Here each badge is placed by
``badge_layout.place_badges`` and, when pushed off its region, joined to the
region's centre by a thin leader line with a dot.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAccessibilityHints, QColor, QFont, QGuiApplication, QPainter, QPen

from companion.ui.history.badge_layout import Placed, place_badges
from companion.ui.today.body_map import (
    LOGICAL_H,
    LOGICAL_W,
    VIEWS,
    BodyMapView,
    Spot,
    intensity_colour,
    text_on,
)
from companion.ui.today.body_shapes import figure


def motion_hints() -> QAccessibilityHints | None:
    """The system's accessibility hints (motion, contrast), or None without an app."""
    if QGuiApplication.instance() is None:
        return None
    return QGuiApplication.styleHints().accessibility()


def reduced_motion() -> bool:
    """Whether the system asks for less motion: then the replay never plays by itself."""
    hints = motion_hints()
    return hints is not None and hints.motionPreference() == Qt.MotionPreference.ReducedMotion


class ReplayMapView(BodyMapView):
    """A read-only body map whose badges are laid out apart (see the module's words)."""

    def sizeHint(self) -> QSize:
        return QSize(320, 340)

    def spots(self) -> list[Spot]:
        """Every region in each view it is drawn in, front first."""
        return [Spot(rid, view) for view in VIEWS for rid in figure(view).regions]

    def map_scale(self) -> float:
        """The figures' scale at this size (as the map draws them)."""
        return min(self.width() / LOGICAL_W, self.height() / LOGICAL_H)

    def badge_radius(self) -> float:
        scale = self.map_scale()
        return max(7.0, 9.5 * scale / 0.9)

    def badges(self) -> list[tuple[Spot, int, Placed]]:
        """The scored spots with their score and where their badge goes."""
        scored = [(s, self.score(s.region_id)) for s in self.spots()]
        scored = [(s, v) for s, v in scored if v > 0]
        radius = self.badge_radius()
        centres = [self.centre(s) for s, _v in scored]
        placed = place_badges(
            [(c.x(), c.y()) for c in centres],
            radius,
            (0.0, 0.0, float(self.width()), float(self.height())),
        )
        return [(s, v, p) for (s, v), p in zip(scored, placed, strict=True)]

    def _paint_badges(self, painter: QPainter, ring: QColor | None = None) -> None:
        """BodyMapView's badge hook: each badge in the ``ring`` colour (the map's halo)."""
        font = QFont(self.font())
        scale = self.map_scale()
        font.setPointSizeF(max(6.5, min(10.0, 8.5 * scale / 0.9)))
        font.setBold(True)
        painter.setFont(font)
        radius = self.badge_radius()
        badges = self.badges()
        leader = QColor(self.palette().color(self.foregroundRole()))
        for _spot, _value, at in badges:  # leaders first, under every badge
            if at.leader:
                anchor = QPointF(*at.anchor)
                painter.setPen(QPen(leader, 1.2))
                painter.drawLine(anchor, QPointF(at.x, at.y))
                painter.setBrush(leader)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(anchor, 2.2, 2.2)
        for _spot, value, at in badges:
            centre = QPointF(at.x, at.y)
            fill = intensity_colour(value)
            painter.setPen(QPen(ring or QColor("#ffffff"), 1.5))
            painter.setBrush(fill)
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(text_on(fill))
            painter.drawText(
                QRectF(at.x - radius, at.y - radius, radius * 2, radius * 2),
                Qt.AlignmentFlag.AlignCenter,
                str(value),
            )
