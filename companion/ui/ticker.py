"""The one timer of the routine player and the therapy timer, and the countdown's text.

The windows keep no time of their own: a ``Ticker`` wakes them just after the
moment their display next changes and hands them the clock's now; they show
deadline minus now, formatted by ``format_left``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from companion.domain.clock import Clock

SETTLE_MS = 2  # wake this long after the countdown's digit is due to change


class Ticker(QObject):
    """A countdown window's one timer, woken just after the next moment its display changes.

    It does not tick at a fixed rate: the player asks for the moment its countdown
    digit next changes (``wake_in``), so the digit flips within a few milliseconds
    of the true time, and a paused routine costs no wake-ups at all. A late wake-up
    (a busy UI thread, a sleeping laptop) is harmless: the time shown is always the
    deadline minus the clock's now.
    """

    ticked = Signal(object)  # the clock's now

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self.ticked.emit(self._clock.now()))

    def start(self) -> None:
        self._running = True
        self._timer.start(0)

    def wake_in(self, seconds: float) -> None:
        """Tick once, ``seconds`` from now (plus a hair, so the change is due)."""
        if self._running:
            self._timer.start(max(1, math.ceil(seconds * 1000)) + SETTLE_MS)

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._running


def format_left(seconds: float) -> str:
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"
