"""The reminders' paused state, shared by the tray menu and the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from companion.domain.pause import PauseChoice, PauseState

if TYPE_CHECKING:
    from companion.services.pause import PauseService

_MAX_TIMER_MS = 2**31 - 1


class PauseController(QObject):
    """The pause (``companion.services.reminders.PauseService``: held, saved at every
    change) as a Qt object: ``changed`` on every change, and a timer for its end.

    One single-shot timer is armed for the end of a pause; nothing ticks while
    reminders are on. ``refresh`` re-reads the clock (tests call it after
    moving a fake clock; the timer calls it for real).
    """

    changed = Signal()

    def __init__(self, service: PauseService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._arm()

    @property
    def state(self) -> PauseState:
        return self.service.state

    def is_paused(self) -> bool:
        return self.service.is_paused()

    def describe(self) -> str:
        """The status in English, for the command line: "Reminders on", "Paused until 14:30"."""
        return self.service.describe()

    def status_line(self) -> str:
        """The same status in the user's language, for the window and the tray."""
        now = self.service.clock.now()
        until = self.state.paused_until
        if until is None or not self.state.is_paused(now):
            return QCoreApplication.translate("PauseController", "Reminders on")
        until = until.astimezone(now.tzinfo)
        when = f"{until:%H:%M}" if until.date() == now.date() else f"{until:%a %H:%M}"
        return QCoreApplication.translate("PauseController", "Paused until %s") % when

    def pause(self, choice: PauseChoice) -> None:
        self.service.pause(choice)
        self._changed()

    def resume(self) -> None:
        self.service.resume()
        self._changed()

    def refresh(self) -> None:
        """Re-check the pause against the clock; emit ``changed`` when it has run out."""
        if self.service.refresh():
            self._changed()
        else:
            self._arm()

    def _changed(self) -> None:
        self._arm()
        self.changed.emit()

    def _arm(self) -> None:
        self._timer.stop()
        remaining = self.service.remaining()
        if remaining.total_seconds() > 0:
            # +50 ms so the timer lands just after the end, not a hair before it
            ms = int(remaining.total_seconds() * 1000) + 50
            self._timer.start(min(ms, _MAX_TIMER_MS))

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()
