"""The reminders' paused state, shared by the tray menu and the window."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from companion.domain.clock import Clock
from companion.domain.pause import RESUMED, PauseChoice, PauseState, pause
from companion.storage.settings import SettingsRepository

_MAX_TIMER_MS = 2**31 - 1


class PauseController(QObject):
    """Holds the pause, persists every change, and notices when it runs out.

    One single-shot timer is armed for the end of a pause; nothing ticks while
    reminders are on. ``refresh`` re-reads the clock (tests call it after
    moving a fake clock; the timer calls it for real).
    """

    changed = Signal()

    def __init__(self, settings: SettingsRepository, clock: Clock, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._state = settings.pause_state()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._arm()

    @property
    def state(self) -> PauseState:
        return self._state

    def is_paused(self) -> bool:
        return self._state.is_paused(self._clock.now())

    def describe(self) -> str:
        """The status in English, for the command line: "Reminders on", "Paused until 14:30"."""
        return self._state.describe(self._clock.now())

    def status_line(self) -> str:
        """The same status in the user's language, for the window and the tray."""
        now = self._clock.now()
        until = self._state.paused_until
        if until is None or not self._state.is_paused(now):
            return QCoreApplication.translate("PauseController", "Reminders on")
        until = until.astimezone(now.tzinfo)
        when = f"{until:%H:%M}" if until.date() == now.date() else f"{until:%a %H:%M}"
        return QCoreApplication.translate("PauseController", "Paused until %s") % when

    def pause(self, choice: PauseChoice) -> None:
        now = self._clock.now()
        self._set(pause(choice, now), now)

    def resume(self) -> None:
        self._set(RESUMED, self._clock.now())

    def refresh(self) -> None:
        """Re-check the pause against the clock; emit ``changed`` when it has run out."""
        now = self._clock.now()
        if self._state.paused_until is not None and not self._state.is_paused(now):
            self._set(RESUMED, now)
        else:
            self._arm()

    def _set(self, state: PauseState, now: datetime) -> None:
        self._settings.save_pause_state(state, now)
        self._state = state
        self._arm()
        self.changed.emit()

    def _arm(self) -> None:
        self._timer.stop()
        remaining = self._state.remaining(self._clock.now())
        if remaining.total_seconds() > 0:
            # +50 ms so the timer lands just after the end, not a hair before it
            ms = int(remaining.total_seconds() * 1000) + 50
            self._timer.start(min(ms, _MAX_TIMER_MS))

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()
