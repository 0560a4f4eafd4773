"""Paints an exercise's pose drawing (companion.domain.poses) in the palette's colours.

The worked leg is drawn in the accent colour, the far limbs a shade lighter
than the body, props in a quiet outline colour. With no pose the view paints
nothing and keeps no space (callers hide it).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.domain.poses import Figure, Pose, PropShape, figure

FRAME_W = 1.2  # figure units always given room, whatever the pose's own extent
FRAME_H = 1.05


class PoseView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figure: Figure | None = None
        self._flip = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(QCoreApplication.translate("PoseView", "Pose drawing"))

    def sizeHint(self) -> QSize:
        return QSize(220, 170)

    def set_pose(self, pose: Pose | None, *, description: str = "", flip: bool = False) -> None:
        """Show ``pose`` (mirrored when ``flip``), or nothing."""
        self._figure = figure(pose) if pose is not None else None
        self._flip = flip
        self.setAccessibleDescription(description)
        self.update()

    def has_pose(self) -> bool:
        return self._figure is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        fig = self._figure
        if fig is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        body = QColor("#c9d3cf") if dark else QColor("#46524d")
        far = QColor("#6f7c77") if dark else QColor("#a8b4af")
        accent = QColor("#4cc29f") if dark else palette.color(QPalette.ColorRole.Highlight)
        prop_line = QColor("#8a9691") if dark else QColor("#8d9994")
        prop_fill = QColor("#3a4541") if dark else QColor("#e3e9e6")

        min_x, min_y, max_x, max_y = fig.bounds
        margin = 8.0
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        # One scale for every pose (a standing figure fills the height) unless a
        # wide or tall pose needs less, so figures do not grow and shrink between steps.
        scale = min(
            area.width() / max(max_x - min_x, FRAME_W), area.height() / max(max_y - min_y, FRAME_H)
        )
        left = area.left() + (area.width() - (max_x - min_x) * scale) / 2
        floor_y = area.bottom() - (area.height() - (max_y - min_y) * scale) / 2

        def at(point: tuple[float, float]) -> QPointF:
            x = (point[0] - min_x) * scale
            if self._flip:
                x = (max_x - min_x) * scale - x
            return QPointF(left + x, floor_y - (point[1] - min_y) * scale)

        painter.setPen(QPen(prop_line, 1.5))
        painter.drawLine(QLineF(area.left(), floor_y, area.right(), floor_y))
        for shape in fig.props:
            if shape.behind:
                _paint_prop(painter, shape, at, scale, (prop_line, prop_fill))

        def limb(part: str) -> QColor:
            if part in fig.worked:
                return accent
            return far if part.startswith("far_") else body

        order = ("far_arm", "far_leg", "torso", "near_leg", "near_arm")
        for part in order:
            for segment in fig.segments:
                if segment.part != part:
                    continue
                pen = QPen(limb(part), segment.width * scale)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(QLineF(at(segment.start), at(segment.end)))
            if part == "torso":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(body)
                painter.drawEllipse(at(fig.head), fig.head_r * scale, fig.head_r * scale)
        for shape in fig.props:
            if not shape.behind:
                _paint_prop(painter, shape, at, scale, (prop_line, prop_fill))
        painter.end()


def _paint_prop(
    painter: QPainter,
    shape: PropShape,
    at: Callable[[tuple[float, float]], QPointF],
    scale: float,
    colours: tuple[QColor, QColor],
) -> None:
    line, fill = colours
    pen = QPen(line, max(1.5, shape.width * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(fill)
    if shape.kind == "circle":
        radius = shape.radius * scale
        painter.drawEllipse(at(shape.points[0]), radius, radius)
    elif shape.kind == "box":
        painter.drawRect(QRectF(at(shape.points[0]), at(shape.points[1])).normalized())
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in pairwise(at(p) for p in shape.points):
            painter.drawLine(QLineF(a, b))
