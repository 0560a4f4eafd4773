"""The routines library: the built-in routines and the user's own, by id.

The window's Routines screen, a routine reminder answered Done, the tray, IPC
(``start``) and the command line (``routines``, ``start``) all find a routine
here, so "which routine is 'mine-3'?" has one answer.

The user's own routines are also changed here, once for every caller: saved
(new or edited), deleted, duplicated as an editable draft (a built-in one
becomes the user's own), imported from a routine file and exported to one. The
window asks its questions (the editor, file choosers, messages) and calls
these; no Qt here. Sentences are worded through ``translate`` (the window
passes ``QCoreApplication.translate``, the command line the default ``english``).
"""

from __future__ import annotations

from pathlib import Path

from companion.domain.clock import Clock, SystemClock
from companion.domain.custom_routines import (
    MAX_FILE_BYTES,
    RoutineDraft,
    RoutineFileError,
    as_draft,
    from_file,
    playable,
    to_file,
    to_routine,
)
from companion.domain.exercises import ExerciseLibrary
from companion.domain.protocols import ProtocolBounds
from companion.domain.routines import Routine, RoutineCatalog
from companion.domain.translatable import Translate, english
from companion.storage.user_routines import PREFIX, UserRoutineRepository


class RoutineLibrary:
    def __init__(
        self,
        repo: UserRoutineRepository,
        catalog: RoutineCatalog,
        library: ExerciseLibrary,
        *,
        clock: Clock | None = None,
        translate: Translate = english,
    ) -> None:
        self.repo = repo
        self.catalog = catalog
        self.library = library
        self.clock: Clock = clock or SystemClock()
        self.translate = translate

    # -- finding -------------------------------------------------------------------------------
    def mine(self) -> list[Routine]:
        """The user's own routines that can be played (a step whose exercise has gone
        from the library is left out, as the editor says)."""
        return playable(self.repo.all(), self.library)

    def all(self) -> list[Routine]:
        """The user's routines first, then the built-in ones."""
        return [*self.mine(), *self.catalog]

    def get(self, routine_id: str) -> Routine | None:
        if self.is_mine(routine_id):
            draft = self.repo.get(routine_id)
            return None if draft is None else to_routine(draft, self.library)
        try:
            return self.catalog.get(routine_id)
        except KeyError:
            return None

    @staticmethod
    def is_mine(routine_id: str) -> bool:
        """Whether the id names one of the user's own routines (``mine-3``), not a built-in one."""
        return routine_id.startswith(PREFIX)

    def draft(self, routine_id: str) -> RoutineDraft | None:
        """One of the user's own routines as it is stored and edited, or None."""
        return self.repo.get(routine_id)

    # -- changing the user's own ---------------------------------------------------------------
    def save(self, draft: RoutineDraft) -> RoutineDraft:
        """Insert (a draft without an id) or update; the draft with its id. One transaction."""
        return self.repo.save(draft, self.clock.now())

    def delete(self, routine_id: str) -> None:
        """Delete one of the user's own routines; its past runs stay in the history."""
        self.repo.delete(routine_id)

    def duplicate_as_draft(self, routine_id: str) -> RoutineDraft | None:
        """An unsaved copy of any routine, the user's own or a built-in one, named
        "… (copy)", to edit and save as a new routine of theirs; None for no such routine."""
        if self.is_mine(routine_id):
            original = self.repo.get(routine_id)
        else:
            routine = self.get(routine_id)
            original = None if routine is None else as_draft(routine)
        if original is None:
            return None
        return RoutineDraft(
            self.translate("MyRoutines", "%s (copy)") % original.name,
            original.description,
            original.steps,
        )

    # -- routine files -------------------------------------------------------------------------
    def read_file(self, path: Path, bounds: ProtocolBounds) -> RoutineDraft:
        """A routine file read and checked, not saved.

        Raises ``OSError`` (cannot be read), ``UnicodeDecodeError`` (not text) or
        ``RoutineFileError`` (too large, or not a valid routine, with the reason).
        """
        # Read one byte past the limit, never more: /dev/zero and pipes report size 0.
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise RoutineFileError(
                self.translate("MyRoutines", "The file is larger than %d KB.")
                % (MAX_FILE_BYTES // 1024)
            )
        return from_file(raw.decode("utf-8"), self.library, bounds)

    def import_file(self, path: Path, bounds: ProtocolBounds) -> RoutineDraft:
        """Read, check and save a routine file as a new routine of the user's; the saved
        draft. Raises as ``read_file`` does, and then nothing was changed."""
        return self.save(self.read_file(path, bounds))

    @staticmethod
    def with_json_suffix(path: Path) -> Path:
        """Where an export of ``path`` goes: ``.json`` added unless it ends so already."""
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def export_file(self, draft: RoutineDraft, path: Path) -> None:
        """Write ``draft`` as a routine file at ``path``; raises ``OSError``."""
        path.write_text(to_file(draft), encoding="utf-8")
