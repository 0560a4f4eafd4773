"""The user's preferences: one way to read them and one way to change them.

``request`` checks a change against the rules in ``companion.domain.preferences``
and saves it in one transaction when it is allowed; a value outside the usual
range comes back as a question and is saved only by ``confirm``. ``change``
does the same for a setting given as words (``water-goal 2.5``), as the command
line and IPC give it, and answers in one sentence. Whoever needs to know about
a saved change (the window's live model) passes ``on_saved``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from companion.domain.clock import Clock
from companion.domain.preferences import Preferences, check_change, parse_setting
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.storage.preferences import NewerPreferencesError, PreferencesRepository

# The preferences now, and the names of those that changed.
OnSaved = Callable[[Preferences, set[str]], None]


@dataclass(frozen=True)
class Changed:
    """The answer to a change given in words: saved or not, and the sentence to show."""

    saved: bool
    said: str


class SettingsService:
    def __init__(
        self,
        repo: PreferencesRepository,
        bounds: Callable[[], ProtocolBounds],
        clock: Clock,
        on_saved: OnSaved | None = None,
    ) -> None:
        self._repo = repo
        self._bounds = bounds
        self._clock = clock
        self.on_saved = on_saved
        loaded = repo.load()
        self.current: Preferences = loaded.preferences
        self.problems = loaded.problems
        self.read_only = loaded.newer  # a document from a newer version: never overwritten

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

    def change(self, name: str, words: list[str], *, confirmed: bool = False) -> Changed:
        """A setting given as words (``settings set NAME VALUE [--yes]``): parsed, checked
        as the Settings screen checks it, and saved, with the sentence to answer."""
        try:
            values = parse_setting(name, words, self.current)
        except ValueError as exc:
            return Changed(False, str(exc))
        check = self.confirm(**values) if confirmed else self.request(**values)
        if check.verdict is Verdict.REFUSE:
            return Changed(False, f"not saved: {check.reason}")
        if check.verdict is Verdict.CONFIRM:
            question = check.reason.removesuffix(" Keep it anyway?")
            return Changed(False, f"not saved: {question} Add --yes to keep it.")
        return Changed(True, f"Saved: {name} {' '.join(words)}.")

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
        if self.on_saved is not None:
            self.on_saved(updated, keys)
        return Check(Verdict.OK)
