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

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

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
from companion.domain.equipment import ALWAYS_AT_HAND, Equipment
from companion.domain.exercises import Exercise, ExerciseLibrary
from companion.domain.protocols import ProtocolBounds
from companion.domain.routine_builder import RoutineStep
from companion.domain.routines import Routine, RoutineCatalog
from companion.domain.session import build_segments
from companion.domain.translatable import Translate, english
from companion.storage.user_routines import PREFIX, UserRoutineRepository

if TYPE_CHECKING:  # the plan's modules load with the Today page, not with this one
    from companion.domain.checkin import CheckIn
    from companion.domain.planner import Plan


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

    # -- the Routines page: what a routine works and needs, filters, today's pick -------------
    def filtered(
        self,
        regions: Collection[str] = (),
        equipment: Equipment | None = None,
        routines: Iterable[Routine] | None = None,
    ) -> list[Routine]:
        """The routines (the user's own, then the built-in ones) that ``matches`` keeps."""
        chosen = self.all() if routines is None else routines
        return [r for r in chosen if matches(r, regions, equipment)]


# What "No special equipment" allows: the floor, a wall, a chair, a towel or belt.
AT_HAND = ALWAYS_AT_HAND
TODAY_ID = "today"  # the id the page and the player give the plan's own routine


def _group(region_id: str) -> str:
    return region_id[:-2] if region_id.endswith(("_L", "_R")) else region_id


def routine_groups(routine: Routine) -> tuple[str, ...]:
    """The region groups the routine works, in the order its steps reach them: the
    group each step is for (``calves`` for ``calves_L``), which the filter reads too."""
    return tuple(dict.fromkeys(_group(step.region_id) for step in routine.steps))


def needed_equipment(routine: Routine) -> tuple[Equipment, ...]:
    """What the routine needs besides the floor, in the library's order (no ``none``)."""
    needed = {item for step in routine.steps for item in step.exercise.equipment}
    return tuple(item for item in Equipment if item in needed and item is not Equipment.NONE)


def distinct_exercises(routine: Routine) -> tuple[Exercise, ...]:
    """Each exercise once, in the order the routine first does it (a card's pictures)."""
    return tuple({step.exercise.id: step.exercise for step in routine.steps}.values())


def matches(
    routine: Routine, regions: Collection[str] = (), equipment: Equipment | None = None
) -> bool:
    """Whether the Routines page's filter keeps ``routine``.

    ``regions``: region groups (``hamstrings``); the routine must work one of them,
    none given keeps every routine. ``equipment``: ``None`` keeps every routine;
    ``Equipment.NONE`` keeps those that need nothing beyond what is always at hand
    (the floor, a wall, a chair, a towel or belt); any other item keeps the routines
    that use it.
    """
    if regions and not set(regions) & set(routine_groups(routine)):
        return False
    if equipment is None:
        return True
    needed = needed_equipment(routine)
    if equipment is Equipment.NONE:
        return all(item in AT_HAND for item in needed)
    return equipment in needed


@dataclass(frozen=True)
class FilterChoices:
    """What the filter row offers: only groups and equipment some routine has."""

    groups: tuple[str, ...]  # in body-map order when ``order`` is given
    equipment: tuple[Equipment, ...]  # in the library's order


def filter_choices(routines: Iterable[Routine], order: Sequence[str] = ()) -> FilterChoices:
    routines = list(routines)
    groups = {g for r in routines for g in routine_groups(r)}
    ranked = [g for g in order if g in groups] + sorted(groups - set(order))
    items = {item for r in routines for item in needed_equipment(r)}
    return FilterChoices(tuple(ranked), tuple(item for item in Equipment if item in items))


def step_seconds(steps: Sequence[RoutineStep]) -> tuple[int, ...]:
    """How long the player spends on each step: its lead-in or side switch, the holds
    and the rests between them (the same timeline as ``Routine.seconds``)."""
    totals = [0] * len(steps)
    for segment in build_segments(steps):
        totals[segment.step] += segment.seconds
    return tuple(totals)


def same_steps(a: Sequence[RoutineStep], b: Sequence[RoutineStep]) -> bool:
    """The same exercises on the same sides at the same doses, in the same order."""

    def key(steps: Sequence[RoutineStep]) -> list[tuple[str, str, int, int]]:
        return [(s.exercise.id, s.side, s.seconds, s.reps) for s in steps]

    return key(a) == key(b)


@dataclass(frozen=True)
class TodaysPick:
    """The routine today's plan chose, from today's check-in.

    ``routine`` holds the plan's steps (id ``TODAY_ID``); ``catalog_id`` names the
    built-in routine with exactly those steps, whose card then carries the badge
    instead. ``note`` is the plan's own sentence when it has no steps today.
    """

    routine: Routine
    catalog_id: str | None
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.routine.steps


def checked_in_today(latest: CheckIn | None, now: datetime) -> bool:
    """Whether the latest check-in was made today, on the user's own calendar."""
    if latest is None:
        return False
    return latest.at.astimezone(now.tzinfo).date() == now.date()


def todays_pick(
    latest: CheckIn | None,
    now: datetime,
    plan: Callable[[CheckIn], Plan],
    catalog: Iterable[Routine],
    *,
    name: str = "Today's routine",
) -> TodaysPick | None:
    """The plan's routine for today, or None when there is no check-in today.

    ``plan`` is the check-in service's (``CheckInService.plan``): the same plan the
    Today page shows. A built-in routine with the very same steps is named in
    ``catalog_id``.
    """
    if latest is None or not checked_in_today(latest, now):
        return None
    made = plan(latest)
    steps = tuple(made.routine)
    routine = Routine(TODAY_ID, name, "", steps)
    match = next((r.id for r in catalog if steps and same_steps(r.steps, steps)), None)
    return TodaysPick(routine, match, "" if steps else made.routine_note)
