"""The live preferences for the window: the settings service, with Qt signals.

Every change goes through ``companion.services.settings`` (the same checks the
command line and IPC use); ``changed`` tells everyone (theme, cues, reminders,
Today) what the preferences are now, and ``changed_keys`` which of them moved.
The model is given the service (the root builds it on the database), so the
window's side never reaches storage.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from companion.domain.preferences import Preferences
from companion.domain.protocols import Check
from companion.services.settings import Changed, OnSaved, SettingsService


class PreferencesModel(QObject):
    changed = Signal(object)  # Preferences
    #: the names of the preferences that changed (a set of strings)
    changed_keys = Signal(object)

    def __init__(self, service: SettingsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._also: OnSaved | None = service.on_saved  # whoever listened before, told first
        service.on_saved = self._saved
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
        if self._also is not None:
            self._also(preferences, keys)
        self.changed.emit(preferences)
        self.changed_keys.emit(keys)
