"""The player's ring countdown: the share of the phase left as an arc, the time inside.

It keeps no time: the player hands it the seconds left (deadline minus now)
and the phase's length at each tick, and it repaints.

Screen readers: the ring is a label named "Time left in this step" whose
description reads the time and the phase word when asked ("0:12 Hold"). It sends
no accessible event as the seconds go by (the player announces each phase once):
a description changed every second is the ticking screen-reader users dread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from companion.ui.ticker import format_left


class RingCountdown(QWidget):
    """A large ring: the remaining share of the phase in the accent colour, m:ss inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._left = 0.0
        self._total = 0.0
        self._caption = ""
        self._paused = False
        self.setMinimumSize(150, 150)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(QCoreApplication.translate("Player", "Time left in this step"))

    def sizeHint(self) -> QSize:
        return QSize(190, 190)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(width, 220)

    def set_time(
        self, left: float, total: float, *, caption: str = "", paused: bool = False
    ) -> None:
        self._left = max(0.0, left)
        self._total = max(0.0, total)
        self._caption = caption
        self._paused = paused
        self.update()

    def spoken(self) -> str:
        """What a screen reader reads for the ring when asked: the time and the phase."""
        return f"{self.text()} {self._caption}".strip()

    def text(self) -> str:
        return format_left(self._left)

    @property
    def fraction(self) -> float:
        """The share of the phase still to go, 0 to 1."""
        return 0.0 if self._total <= 0 else min(1.0, self._left / self._total)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        side = min(self.width(), self.height()) - 8
        thick = max(8.0, side * 0.085)
        ring = QRectF(
            (self.width() - side) / 2 + thick / 2,
            (self.height() - side) / 2 + thick / 2,
            side - thick,
            side - thick,
        )
        track = QPen(palette.color(QPalette.ColorRole.Mid), thick)
        painter.setPen(track)
        painter.drawEllipse(ring)
        accent = QColor("#4cc29f") if dark else palette.color(QPalette.ColorRole.Highlight)
        if self._paused:
            accent = palette.color(QPalette.ColorRole.Dark)
        arc = QPen(accent, thick)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        span = round(-360 * 16 * self.fraction)  # clockwise from twelve o'clock
        if span:
            painter.drawArc(ring, 90 * 16, span)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        digits = QFont(self.font())
        digits.setPixelSize(max(14, round(ring.height() * 0.30)))
        digits.setWeight(QFont.Weight.DemiBold)
        painter.setFont(digits)
        upper = QRectF(ring.left(), ring.top(), ring.width(), ring.height() * 0.68)
        painter.drawText(
            upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.text()
        )
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(11, round(ring.height() * 0.095)))
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            lower = QRectF(
                ring.left(), ring.top() + ring.height() * 0.68, ring.width(), ring.height() * 0.2
            )
            painter.drawText(
                lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption
            )
        painter.end()


class RingAccessible(QAccessibleWidget):
    """The ring for AT-SPI: a label whose description is read live, never pushed."""

    def __init__(self, ring: RingCountdown) -> None:
        super().__init__(ring, QAccessible.Role.StaticText, ring.accessibleName())
        self._ring = ring

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Description:
            return self._ring.spoken()
        return str(super().text(kind))


def _accessible_factory(_key: str, obj: object) -> QAccessibleInterface | None:
    if isinstance(obj, RingCountdown):
        return RingAccessible(obj)
    return None


QAccessible.installFactory(_accessible_factory)
