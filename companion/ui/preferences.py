"""The live preferences: one object the whole app reads, and the one way to change them.

``request`` checks a change against the rules in ``companion.domain.preferences``
and saves it in one transaction when it is allowed; a value outside the usual
range comes back as a question and is saved only by ``confirm``. ``changed``
tells everyone (theme, cues, reminders, Today) what the preferences are now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from companion.domain.clock import Clock
from companion.domain.preferences import Preferences, check_change
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.storage.preferences import NewerPreferencesError, PreferencesRepository


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
        self._repo = repo
        self._bounds = bounds
        self._clock = clock
        loaded = repo.load()
        self.current: Preferences = loaded.preferences
        self.problems = loaded.problems
        self.read_only = loaded.newer

    def request(self, **values: Any) -> Check:
        """Change ``values`` if every rule allows it; CONFIRM means "ask first"."""
        check = check_change(self._bounds(), **values)
        if check.verdict is Verdict.OK:
            return self._save(values)
        return check

    def confirm(self, **values: Any) -> Check:
        """Change ``values`` after the user confirmed a value outside the usual range."""
        check = check_change(self._bounds(), **values)
        if check.verdict is Verdict.REFUSE:
            return check
        return self._save(values)

    def reset(self) -> Check:
        defaults = Preferences()
        changed = {
            key for key, value in vars(defaults).items() if getattr(self.current, key) != value
        }
        return self._save({key: getattr(defaults, key) for key in changed})

    def _save(self, values: dict[str, Any]) -> Check:
        updated = replace(self.current, **values)
        if updated == self.current:
            return Check(Verdict.OK)
        try:
            self._repo.save(updated, self._clock.now())
        except NewerPreferencesError as exc:
            return Check(Verdict.REFUSE, str(exc))
        keys = {key for key in values if getattr(self.current, key) != getattr(updated, key)}
        self.current = updated
        self.changed.emit(updated)
        self.changed_keys.emit(keys)
        return Check(Verdict.OK)
