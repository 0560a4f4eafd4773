"""Paints an exercise's pose drawing (companion.domain.poses) as a small illustration.

Limbs are filled, rounded and tapered, with a thin outline; the far limbs are a
lighter shade, the worked muscle is drawn in the accent colour, props (roller,
wall, chair, strap, ...) quietly filled on a floor mat. Colours follow the
palette, so the drawing works in light and dark themes.

``PoseView`` shows one pose, mirrored for the right side, and can walk between
its key positions (``companion.domain.poses.Motion``): one QTimer owned by the
view, running only while something moves and the view is shown, and never when
the system asks for reduced motion or the view is ``static`` (thumbnails).
``pose_pixmap`` paints a still thumbnail for a list or a card.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QHideEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.domain.poses import (
    HEAD_R,
    Figure,
    Motion,
    Pose,
    PoseCatalog,
    PropShape,
    figure,
    frame,
    mirrored,
    motion,
    worked_parts,
)

FRAME_W = 1.2  # figure units always given room, whatever the pose's own extent
FRAME_H = 1.05
FRAME_MS = 33  # about 30 frames a second while a move is shown

# Widths in figure units at the body end and the far end of each part.
_WIDTHS = {
    ("leg", 0): (0.074, 0.052),
    ("leg", 1): (0.052, 0.036),
    ("leg", 2): (0.036, 0.026),
    ("arm", 0): (0.044, 0.034),
    ("arm", 1): (0.034, 0.028),
}
TORSO_WIDTHS = (0.092, 0.102)  # at the hip, at the shoulder
NECK_W = 0.034
OUTLINE = 0.012  # the outline around every part


def reduced_motion() -> bool:
    """Whether the system asks for less motion (Qt 6.12's accessibility hints)."""
    hints = QGuiApplication.styleHints()
    source: object = hints
    accessibility = getattr(hints, "accessibility", None)
    if callable(accessibility):
        source = accessibility()
    preference = getattr(source, "motionPreference", None)
    if not callable(preference):
        return False
    reduced = getattr(getattr(Qt, "MotionPreference", None), "ReducedMotion", None)
    return reduced is not None and bool(preference() == reduced)


class PoseColours:
    """The drawing's colours for a palette (light or dark)."""

    def __init__(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        self.body = QColor("#c3ced6") if dark else QColor("#55697a")
        self.far = QColor("#7c8b96") if dark else QColor("#a9b7c2")
        self.outline = QColor("#11171b") if dark else QColor("#2c3944")
        self.accent = QColor("#4cc29f") if dark else palette.color(QPalette.ColorRole.Highlight)
        self.prop_line = QColor("#8b979e") if dark else QColor("#8e9aa1")
        self.prop_fill = QColor("#39434a") if dark else QColor("#e4e9ec")
        self.floor = QColor("#333c42") if dark else QColor("#dde3e6")


class PoseView(QWidget):
    """One pose, drawn large; mirrored for the right side; moving when it may."""

    def __init__(self, parent: QWidget | None = None, *, static: bool = False) -> None:
        super().__init__(parent)
        self.static = static
        self._pose: Pose | None = None
        self._figure: Figure | None = None
        self._flip = False
        self._parts: frozenset[str] = frozenset()
        self._motion: Motion | None = None
        self._bounds: tuple[float, float, float, float] | None = None  # one place for a move
        self._caption = ""
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._frame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(QCoreApplication.translate("PoseView", "Pose drawing"))

    def sizeHint(self) -> QSize:
        return QSize(220, 170)

    # -- what it shows -------------------------------------------------------------------
    def set_pose(
        self,
        pose: Pose | None,
        *,
        description: str = "",
        flip: bool = False,
        groups: Iterable[str] = (),
        moving: bool = False,
    ) -> None:
        """Show ``pose`` (mirrored when ``flip``), or nothing.

        ``groups`` are the region groups the exercise works (their part of the
        worked leg is drawn in the accent colour). ``moving`` walks the pose's
        key positions: from its start into the hold, or round a repeated move.
        """
        self._pose = pose
        self._flip = flip
        self._parts = worked_parts(pose, tuple(groups)) if pose is not None else frozenset()
        self._motion = motion(pose, repeating=moving) if pose is not None else None
        self._bounds = None
        if self._motion is not None:
            keys = [figure(key) for key in self._motion.keys]
            self._bounds = frame(mirrored(k) if flip else k for k in keys)
        self.setAccessibleDescription(description)
        self._clock.start()
        self._show(self._start_pose())
        self._play()

    def set_caption(self, text: str) -> None:
        """A short label in the top corner (e.g. "Left leg"), readable across the room."""
        self._caption = text
        self.update()

    def has_pose(self) -> bool:
        return self._figure is not None

    @property
    def animating(self) -> bool:
        """Whether the view's frame timer runs (never when static or motion is reduced)."""
        return self._timer.isActive()

    @property
    def figure(self) -> Figure | None:
        """The geometry drawn now (mirrored already when flipped)."""
        return self._figure

    def _start_pose(self) -> Pose | None:
        if self._motion is None:
            return None
        if self.static or reduced_motion():
            return self._motion.held
        return self._motion.at(0.0)

    def _show(self, pose: Pose | None) -> None:
        fig = figure(pose) if pose is not None else None
        self._figure = mirrored(fig) if fig is not None and self._flip else fig
        self.update()

    def _may_move(self) -> bool:
        return (
            self._motion is not None
            and self._motion.moves
            and not self.static
            and self.isVisible()
            and not reduced_motion()
        )

    def _play(self) -> None:
        motion_now = self._motion
        if (
            self._may_move()
            and motion_now is not None
            and not motion_now.finished(self._clock.elapsed() / 1000)
        ):
            self._timer.start()
            return
        self._timer.stop()

    def _frame(self) -> None:
        if self._motion is None or not self._may_move():
            self._timer.stop()
            return
        seconds = self._clock.elapsed() / 1000
        self._show(self._motion.at(seconds))
        if self._motion.finished(seconds):
            self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._play()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # a hidden or closed player wakes nothing
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        fig = self._figure
        if fig is None:
            return
        painter = QPainter(self)
        paint_figure(
            painter,
            QRectF(self.rect()),
            fig,
            PoseColours(self.palette()),
            self._parts,
            bounds=self._bounds,
        )
        if self._caption:
            _paint_caption(painter, QRectF(self.rect()), self._caption, PoseColours(self.palette()))
        painter.end()


def pose_pixmap(
    poses: PoseCatalog,
    exercise_id: str,
    size: QSize,
    palette: QPalette,
    *,
    side: str = "both",
    groups: Iterable[str] = (),
    ratio: float = 1.0,
) -> QPixmap | None:
    """A still thumbnail of an exercise's pose (its held position), or None without one.

    ``side`` "right" mirrors it as the player does; ``ratio`` is the device pixel ratio.
    """
    pose = poses.get(exercise_id)
    if pose is None:
        return None
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    fig = figure(pose)
    if side == "right":
        fig = mirrored(fig)
    painter = QPainter(pixmap)
    paint_figure(
        painter,
        QRectF(0, 0, size.width(), size.height()),
        fig,
        PoseColours(palette),
        worked_parts(pose, tuple(groups)),
    )
    painter.end()
    return pixmap


# -- painting ------------------------------------------------------------------------------
def paint_figure(
    painter: QPainter,
    rect: QRectF,
    fig: Figure,
    colours: PoseColours,
    parts: frozenset[str] = frozenset(),
    *,
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    """Paint ``fig`` centred in ``rect`` on a floor mat, with its props.

    ``bounds`` (figure units) fixes the place and scale, e.g. for every frame of a move.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    min_x, min_y, max_x, max_y = bounds or fig.bounds
    margin = max(4.0, min(rect.width(), rect.height()) * 0.04)
    area = rect.adjusted(margin, margin, -margin, -margin)
    # One scale for every pose (a standing figure fills the height) unless a
    # wide or tall pose needs less, so figures do not grow and shrink between steps.
    scale = min(
        area.width() / max(max_x - min_x, FRAME_W), area.height() / max(max_y - min_y, FRAME_H)
    )
    left = area.left() + (area.width() - (max_x - min_x) * scale) / 2
    floor_y = area.bottom() - (area.height() - (max_y - min_y) * scale) / 2 - 0.02 * scale

    def at(point: tuple[float, float]) -> QPointF:
        return QPointF(left + (point[0] - min_x) * scale, floor_y - (point[1] - min_y) * scale)

    mat = QRectF(area.left(), floor_y, area.width(), max(3.0, 0.028 * scale))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.floor)
    painter.drawRoundedRect(mat, mat.height() / 2, mat.height() / 2)
    for shape in fig.props:
        if shape.behind:
            _paint_prop(painter, shape, at, scale, colours)
    for part in ("far_arm", "far_leg", "torso", "near_leg", "near_arm"):
        _paint_part(painter, fig, part, at=at, scale=scale, colours=colours, worked=parts)
    for shape in fig.props:
        if not shape.behind:
            _paint_prop(painter, shape, at, scale, colours)
    painter.restore()


def _paint_caption(painter: QPainter, rect: QRectF, text: str, colours: PoseColours) -> None:
    """A rounded tag in the accent colour, top left: which leg the picture shows."""
    font = QFont(painter.font())
    font.setPixelSize(max(13, min(22, round(rect.height() * 0.045))))
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.4
    tag = QRectF(
        rect.left() + 4,
        rect.top() + 4,
        metrics.horizontalAdvance(text) + 2 * pad,
        metrics.height() + pad,
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.accent)
    painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2)
    painter.setPen(QColor("#ffffff") if colours.accent.lightness() < 150 else QColor("#10211b"))
    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)


def _capsule(a: QPointF, b: QPointF, wa: float, wb: float) -> QPainterPath:
    """A rounded, tapered limb from ``a`` (width ``wa``) to ``b`` (width ``wb``).

    The outline runs round one end cap, along one side, round the other cap and
    back, so the shape is one simple region (no holes where parts overlap)."""
    path = QPainterPath()
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length < 1e-6:
        path.addEllipse(a, max(wa, wb) / 2, max(wa, wb) / 2)
        return path
    angle = math.degrees(math.atan2(-dy, dx))  # Qt's arcs count anticlockwise, y up
    ra, rb = wa / 2, wb / 2
    path.arcMoveTo(QRectF(b.x() - rb, b.y() - rb, wb, wb), angle - 90)
    path.arcTo(QRectF(b.x() - rb, b.y() - rb, wb, wb), angle - 90, 180)
    path.arcTo(QRectF(a.x() - ra, a.y() - ra, wa, wa), angle + 90, 180)
    path.closeSubpath()
    return path


_Piece = tuple[str, QPointF, QPointF, float, float]  # name, from, to, widths in pixels


def _pieces(
    fig: Figure, part: str, at: Callable[[tuple[float, float]], QPointF], scale: float
) -> list[_Piece]:
    """The limb's (or the torso's and neck's) shapes, in pixels."""
    pieces: list[_Piece] = []
    for segment in fig.segments:
        if segment.part != part:
            continue
        a, b = at(segment.start), at(segment.end)
        if part == "torso":
            wa, wb = TORSO_WIDTHS
            pieces.append(("torso", a, b, wa * scale, wb * scale))
            head = at(fig.head)
            pieces.append(("neck", b, head, NECK_W * scale, NECK_W * scale))
        else:
            kind = part.split("_")[1]
            wa, wb = _WIDTHS[(kind, segment.index)]
            pieces.append((f"{part}:{segment.index}", a, b, wa * scale, wb * scale))
    return pieces


def _paint_part(
    painter: QPainter,
    fig: Figure,
    part: str,
    *,
    at: Callable[[tuple[float, float]], QPointF],
    scale: float,
    colours: PoseColours,
    worked: frozenset[str],
) -> None:
    """One limb (or the torso with its head): outline, fill, then the worked muscle."""
    pieces = _pieces(fig, part, at, scale)
    if not pieces:
        return
    fill = colours.far if part.startswith("far_") else colours.body
    line = OUTLINE * scale
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.outline)
    for _name, a, b, wa, wb in pieces:
        painter.drawPath(_capsule(a, b, wa + 2 * line, wb + 2 * line))
    if part == "torso":
        head = at(fig.head)
        radius = HEAD_R * scale
        painter.drawEllipse(head, radius + line, radius + line)
    painter.setBrush(fill)
    for _name, a, b, wa, wb in pieces:
        painter.drawPath(_capsule(a, b, wa, wb))
    if part == "torso":
        painter.drawEllipse(at(fig.head), HEAD_R * scale, HEAD_R * scale)
    painter.setBrush(colours.accent)
    whole = part in worked
    for name, a, b, wa, wb in pieces:
        if name == "neck":
            continue
        if whole or name in worked:
            painter.drawPath(_capsule(a, b, wa * 0.78, wb * 0.78))
        elif name == "torso" and "torso" in worked:  # the lower back: the low half
            mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            painter.drawPath(_capsule(a, mid, wa * 0.7, wa * 0.7))
    if part == "near_leg" and "hip" in worked:  # the seat, over the top of the thigh
        hip = at(fig.anchors.get("hip", fig.segments[0].start))
        radius = _WIDTHS[("leg", 0)][0] * scale * 0.55
        painter.drawEllipse(hip, radius, radius)


def _paint_prop(
    painter: QPainter,
    shape: PropShape,
    at: Callable[[tuple[float, float]], QPointF],
    scale: float,
    colours: PoseColours,
) -> None:
    pen = QPen(colours.prop_line, max(1.5, shape.width * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(colours.prop_fill)
    if shape.kind == "circle":
        centre = at(shape.points[0])
        radius = shape.radius * scale
        painter.setPen(QPen(colours.prop_line, max(1.5, 0.01 * scale)))
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius * 0.45, radius * 0.45)  # the end of a roller
    elif shape.kind == "box":
        box = QRectF(at(shape.points[0]), at(shape.points[1])).normalized()
        painter.setPen(QPen(colours.prop_line, max(1.5, 0.008 * scale)))
        painter.drawRoundedRect(box, 0.015 * scale, 0.015 * scale)
    elif shape.kind == "line" and shape.behind:  # a wall: a filled strip
        a, b = at(shape.points[0]), at(shape.points[1])
        width = max(4.0, 0.035 * scale)
        strip = QRectF(min(a.x(), b.x()) - width / 2, min(a.y(), b.y()), width, abs(b.y() - a.y()))
        painter.setPen(QPen(colours.prop_line, max(1.0, 0.006 * scale)))
        painter.drawRoundedRect(strip, width / 4, width / 4)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in pairwise(at(p) for p in shape.points):
            painter.drawLine(a, b)
