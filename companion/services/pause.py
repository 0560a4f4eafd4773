"""Pausing every reminder ("30 minutes", "1 hour", "until tomorrow morning") and resuming,
read once per data folder and saved at once: the window's pause menu, the tray, IPC
and the command line all go through this. Light on purpose: it loads at start-up,
before the rest of the reminders service is needed."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from companion.domain.clock import Clock
from companion.domain.pause import RESUMED, PauseChoice, PauseState, pause

if TYPE_CHECKING:
    from companion.storage.database import Database


class PauseService:
    """The reminders' pause over one data folder: read once, every change saved at once."""

    def __init__(self, db: Database, clock: Clock) -> None:
        from companion.storage.settings import SettingsRepository  # noqa: PLC0415

        self.clock = clock
        self.settings = SettingsRepository(db)
        stored = self.settings.pause_state()
        # A pause longer than any the app offers (a hand-edited file, an old import)
        # is no pause: reminders stay on rather than silent until year 9999.
        self.state: PauseState = stored if stored.within_reach(clock.now()) else RESUMED

    def is_paused(self, now: datetime | None = None) -> bool:
        return self.state.is_paused(now or self.clock.now())

    def remaining(self) -> timedelta:
        return self.state.remaining(self.clock.now())

    def describe(self) -> str:
        """The status in English: "Reminders on", "Paused until 14:30"."""
        return self.state.describe(self.clock.now())

    def pause(self, choice: PauseChoice | str) -> PauseState:
        """A new pause (the latest choice wins), saved; "off" resumes."""
        if choice == "off":
            return self.resume()
        now = self.clock.now()
        return self._set(pause(PauseChoice(choice), now), now)

    def resume(self) -> PauseState:
        return self._set(RESUMED, self.clock.now())

    def refresh(self) -> bool:
        """Re-check the pause against the clock; True when it has just run out (and the
        stored pause is cleared)."""
        now = self.clock.now()
        if self.state.paused_until is not None and not self.state.is_paused(now):
            self._set(RESUMED, now)
            return True
        return False

    def _set(self, state: PauseState, now: datetime) -> PauseState:
        self.settings.save_pause_state(state, now)
        self.state = state
        return state
