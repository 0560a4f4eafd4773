"""Small pose pictures: one exercise's drawing on a tile, and a routine's row of them.

The drawing itself is the player's (``pose_view.pose_pixmap``, the held
position, still); a thumbnail only gives it a small fixed size and a quiet tile. A row
shows one picture per exercise, in order, and "+3" for those that do not fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from companion.domain.exercises import Exercise
from companion.domain.poses import PoseCatalog
from companion.ui.routines.pose_view import pose_pixmap

THUMB = QSize(64, 56)
GAP = 6


def tile_colour(palette: QPalette) -> QColor:
    """A quiet tile that stands out from a card, light or dark."""
    window = palette.color(QPalette.ColorRole.Window)
    return window.darker(103) if window.lightness() >= 128 else window.lighter(190)


class PoseThumb(QWidget):
    """One exercise's pose, still, at a fixed size on a rounded tile (its name as the
    tooltip), drawn by the player's painter (``pose_view.pose_pixmap``); "right"
    mirrors it as the player does."""

    def __init__(
        self,
        exercise: Exercise,
        poses: PoseCatalog | None,
        *,
        size: QSize = THUMB,
        side: str = "both",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.side = side
        self._poses = poses
        self._size = QSize(size)
        self._pixmap: QPixmap | None = None
        self._painted_for: tuple[int, float] | None = None
        self.setFixedSize(self._size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(exercise.name)
        self.setAccessibleName(
            QCoreApplication.translate("Routines", "Pose for %s") % exercise.name
        )

    def sizeHint(self) -> QSize:
        return QSize(self._size)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._size)

    def has_pose(self) -> bool:
        return self._poses is not None and self._poses.get(self.exercise.id) is not None

    def _picture(self) -> QPixmap | None:
        """The pose, painted once for this palette and screen."""
        key = (self.palette().cacheKey(), self.devicePixelRatioF())
        if self._painted_for != key and self._poses is not None:
            inset = QSize(self._size.width() - 4, self._size.height() - 4)
            self._pixmap = pose_pixmap(
                self._poses,
                self.exercise.id,
                inset,
                self.palette(),
                side=self.side,
                groups=self.exercise.regions,
                ratio=key[1],
            )
            self._painted_for = key
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tile_colour(self.palette()))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        picture = self._picture()
        if picture is not None:
            painter.drawPixmap(2, 2, picture)
        else:  # no drawing for this exercise yet: its first letter
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.exercise.name[:1])
        painter.end()


class PoseStrip(QWidget):
    """A routine's exercises as a row of pose pictures; "+N" for those that do not fit."""

    def __init__(
        self,
        exercises: Sequence[Exercise],
        poses: PoseCatalog | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.thumbs = [PoseThumb(e, poses, parent=self) for e in exercises]
        self.more = QLabel(self)
        self.more.setObjectName("Muted")
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.setFixedSize(THUMB.width() * 2 // 3, THUMB.height())
        self.more.hide()
        names = ", ".join(e.name for e in exercises)
        self.setAccessibleName(QCoreApplication.translate("Routines", "Poses: %s") % names)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._arrange(self.width())

    def sizeHint(self) -> QSize:
        count = len(self.thumbs)
        return QSize(max(0, count * (THUMB.width() + GAP) - GAP), THUMB.height())

    def minimumSizeHint(self) -> QSize:
        shown = min(len(self.thumbs), 2)
        return QSize(shown * (THUMB.width() + GAP) + self.more.width(), THUMB.height())

    def shown(self) -> list[PoseThumb]:
        """The pictures in view (the rest are counted in the "+N")."""
        return [t for t in self.thumbs if not t.isHidden()]

    def hidden_count(self) -> int:
        return len(self.thumbs) - len(self.shown())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        step = THUMB.width() + GAP
        count = len(self.thumbs)
        fits = max(0, (width + GAP) // step)
        if count <= fits:
            shown = count
        else:  # keep room for the "+N" after the last picture shown
            shown = max(1, (width - self.more.width()) // step)
            shown = min(shown, count - 1)
        for index, thumb in enumerate(self.thumbs):
            thumb.setVisible(index < shown)
            thumb.move(index * step, 0)
        rest = count - shown
        self.more.setVisible(rest > 0)
        if rest > 0:
            self.more.setText(f"+{rest}")
            self.more.setToolTip(", ".join(t.exercise.name for t in self.thumbs[shown:]))
            self.more.setAccessibleName(
                QCoreApplication.translate("Routines", "%n more pose(s)", None, rest)
            )
            self.more.move(shown * step, 0)
