"""Built-in routines: named sequences of exercises, checked at load.

A routine step names an exercise and may override its seconds or reps
(inside the same protocol bounds); "each"-side exercises become a left and a
right step. A routine must last 5 to 25 minutes, lead-ins, rests and side
switches included, as the player will actually run it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from companion.domain.content import Reader
from companion.domain.exercises import ExerciseLibrary, check_dose
from companion.domain.protocols import ProtocolBounds
from companion.domain.routine_builder import RoutineStep, routine_steps
from companion.domain.session import build_segments

MIN_MINUTES, MAX_MINUTES = 5, 25


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    steps: tuple[RoutineStep, ...]

    @property
    def seconds(self) -> int:
        return sum(segment.seconds for segment in build_segments(self.steps))


@dataclass(frozen=True)
class RoutineCatalog:
    routines: tuple[Routine, ...]

    def __iter__(self) -> Iterator[Routine]:
        return iter(self.routines)

    def __len__(self) -> int:
        return len(self.routines)

    def get(self, routine_id: str) -> Routine:
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        raise KeyError(f"No routine {routine_id!r}; known: {', '.join(r.id for r in self)}")


def parse_routines(
    data: Mapping[str, Any], source: str, library: ExerciseLibrary, bounds: ProtocolBounds
) -> RoutineCatalog:
    top = Reader(data, source)
    top.reject_unknown(("schema", "routine"))
    if top.integer("schema") != 1:
        raise top.error("schema", "only version 1 is supported")
    routines: list[Routine] = []
    seen: set[str] = set()
    for entry in top.tables("routine"):
        entry.reject_unknown(("id", "name", "description", "steps"))
        rid = entry.text("id")
        if rid in seen:
            raise entry.error("id", f"{rid!r} is listed twice")
        seen.add(rid)
        steps: list[RoutineStep] = []
        for item in entry.tables("steps"):
            item.reject_unknown(("exercise", "seconds", "reps"))
            eid = item.text("exercise")
            try:
                exercise = library.get(eid)
            except KeyError:
                raise item.error("exercise", f"{eid!r} is not in the exercise library") from None
            seconds = item.integer("seconds", exercise.dose.seconds)
            reps = item.integer("reps", exercise.dose.reps)
            check_dose(
                item, exercise.kind, seconds, reps, bounds=bounds, protocol=exercise.protocol
            )
            steps += routine_steps(exercise, seconds, reps)
        routine = Routine(rid, entry.text("name"), entry.text("description"), tuple(steps))
        minutes = routine.seconds / 60
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise entry.error(
                "steps",
                f"lasts {minutes:.1f} min; a routine must last {MIN_MINUTES}-{MAX_MINUTES} min",
            )
        routines.append(routine)
    return RoutineCatalog(tuple(routines))
