"""The routines library: the built-in routines and the user's own, by id.

The window's Routines screen, a routine reminder answered Done, the tray, IPC
(``start``) and the command line (``routines``, ``start``) all find a routine
here, so "which routine is 'mine-3'?" has one answer.
"""

from __future__ import annotations

from companion.domain.custom_routines import playable, to_routine
from companion.domain.exercises import ExerciseLibrary
from companion.domain.routines import Routine, RoutineCatalog
from companion.storage.user_routines import PREFIX, UserRoutineRepository


class RoutineLibrary:
    def __init__(
        self, repo: UserRoutineRepository, catalog: RoutineCatalog, library: ExerciseLibrary
    ) -> None:
        self.repo = repo
        self.catalog = catalog
        self.library = library

    def mine(self) -> list[Routine]:
        """The user's own routines that can be played (a step whose exercise has gone
        from the library is left out, as the editor says)."""
        return playable(self.repo.all(), self.library)

    def all(self) -> list[Routine]:
        """The user's routines first, then the built-in ones."""
        return [*self.mine(), *self.catalog]

    def get(self, routine_id: str) -> Routine | None:
        if routine_id.startswith(PREFIX):
            draft = self.repo.get(routine_id)
            return None if draft is None else to_routine(draft, self.library)
        try:
            return self.catalog.get(routine_id)
        except KeyError:
            return None
