"""The live preferences for the window: the settings service, with Qt signals.

Every change goes through ``companion.services.settings`` (the same checks the
command line and IPC use); ``changed`` tells everyone (theme, cues, reminders,
Today) what the preferences are now, and ``changed_keys`` which of them moved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from companion.domain.clock import Clock
from companion.domain.preferences import Preferences
from companion.domain.protocols import Check, ProtocolBounds
from companion.services.settings import Changed, SettingsService
from companion.storage.preferences import PreferencesRepository


class PreferencesModel(QObject):
    changed = Signal(object)  # Preferences
    #: the names of the preferences that changed (a set of strings)
    changed_keys = Signal(object)

    def __init__(
        self,
        repo: PreferencesRepository,
        bounds: Callable[[], ProtocolBounds],
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = SettingsService(repo, bounds, clock, self._saved)
        self.problems = self.service.problems
        self.read_only = self.service.read_only

    @property
    def current(self) -> Preferences:
        return self.service.current

    def request(self, **values: Any) -> Check:
        """Change ``values`` if every rule allows it; CONFIRM means "ask first"."""
        return self.service.request(**values)

    def confirm(self, **values: Any) -> Check:
        """Change ``values`` after the user confirmed a value outside the usual range."""
        return self.service.confirm(**values)

    def reset(self) -> Check:
        return self.service.reset()

    def change(self, name: str, words: list[str], *, confirmed: bool = False) -> Changed:
        return self.service.change(name, words, confirmed=confirmed)

    def _saved(self, preferences: Preferences, keys: set[str]) -> None:
        self.changed.emit(preferences)
        self.changed_keys.emit(keys)
