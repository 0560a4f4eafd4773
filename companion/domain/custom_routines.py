"""The user's own routines: drafts, their checks, and the routine JSON file.

A draft is what the editor holds: a name, a description and a list of steps,
each an exercise id with seconds and reps. ``review`` says what is wrong with
it (refusals, which block saving) and what needs the user's confirmation
(doses outside the usual range). The same checks guard an imported file, so a
file can never bring in a dose the editor would refuse.

The file format (documented in docs/routine-json.md)::

    {"format": "recovery-companion-routine", "version": 1,
     "name": "...", "description": "...",
     "steps": [{"exercise": "calf_roll", "seconds": 60, "reps": 1}, ...]}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from companion.domain.excerpt import quote
from companion.domain.exercises import ExerciseLibrary, assess_dose
from companion.domain.protocols import ProtocolBounds, Verdict
from companion.domain.routine_builder import RoutineStep, routine_steps
from companion.domain.routines import Routine
from companion.domain.session import build_segments

FORMAT = "recovery-companion-routine"
VERSION = 1
MAX_STEPS = 60
MAX_MINUTES = 60
MAX_NAME = 80
MAX_DESCRIPTION = 500
MAX_FILE_BYTES = 256 * 1024


class RoutineFileError(ValueError):
    """An import file that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class StepSpec:
    exercise: str
    seconds: int
    reps: int


@dataclass(frozen=True)
class RoutineDraft:
    name: str
    description: str = ""
    steps: tuple[StepSpec, ...] = ()
    id: str = ""  # empty until stored


@dataclass(frozen=True)
class Review:
    refusals: list[str] = field(default_factory=list)  # saving is blocked
    confirmations: list[str] = field(default_factory=list)  # the user must agree

    @property
    def ok(self) -> bool:
        return not self.refusals


def expand(steps: tuple[StepSpec, ...], library: ExerciseLibrary) -> tuple[RoutineStep, ...]:
    """Player steps: an each-side exercise becomes a left and a right step."""
    return tuple(
        step
        for spec in steps
        for step in routine_steps(library.get(spec.exercise), spec.seconds, spec.reps)
    )


def to_routine(draft: RoutineDraft, library: ExerciseLibrary) -> Routine:
    """A stored draft as a playable routine."""
    return Routine(draft.id, draft.name, draft.description, expand(draft.steps, library))


def playable(drafts: list[RoutineDraft], library: ExerciseLibrary) -> list[Routine]:
    """The drafts whose exercises all still exist (a later library may drop one), as routines."""
    known = {e.id for e in library.exercises}
    return [to_routine(d, library) for d in drafts if all(s.exercise in known for s in d.steps)]


def seconds_of(draft: RoutineDraft, library: ExerciseLibrary) -> int:
    """How long the player will take, lead-ins, rests and side switches included."""
    steps = expand(draft.steps, library)
    return sum(segment.seconds for segment in build_segments(steps)) if steps else 0


def review(draft: RoutineDraft, library: ExerciseLibrary, bounds: ProtocolBounds) -> Review:
    result = Review()
    if not draft.name.strip():
        result.refusals.append("Give the routine a name.")
    if len(draft.name) > MAX_NAME:
        result.refusals.append(f"The name is longer than {MAX_NAME} characters.")
    if len(draft.description) > MAX_DESCRIPTION:
        result.refusals.append(f"The description is longer than {MAX_DESCRIPTION} characters.")
    if not draft.steps:
        result.refusals.append("Add at least one exercise.")
    if len(draft.steps) > MAX_STEPS:
        result.refusals.append(f"A routine can have at most {MAX_STEPS} exercises.")
    known = True
    for number, spec in enumerate(draft.steps, 1):
        try:
            exercise = library.get(spec.exercise)
        except KeyError:
            result.refusals.append(f"Step {number}: {quote(spec.exercise)} is not in the library.")
            known = False
            continue
        for _name, check in assess_dose(
            exercise.kind,
            spec.seconds,
            spec.reps,
            bounds=bounds,
            protocol=exercise.protocol,
        ):
            line = f"{exercise.name}: {check.reason}"
            target = result.refusals if check.verdict is Verdict.REFUSE else result.confirmations
            if line not in target:
                target.append(line)
    if known and draft.steps and _lasts_longer_than(draft, library, MAX_MINUTES * 60):
        result.refusals.append(f"A routine can last at most {MAX_MINUTES} minutes.")
    return result


def _lasts_longer_than(draft: RoutineDraft, library: ExerciseLibrary, limit: int) -> bool:
    """``seconds_of(draft) > limit``, without building the player's timeline for an absurd
    dose first: a file asking for a billion repetitions would exhaust memory."""
    if any(spec.seconds < 1 or spec.reps < 1 for spec in draft.steps):
        return False  # refused already; such a dose has no length
    work = sum(
        spec.seconds * (1 if library.get(spec.exercise).timed_reps else spec.reps)
        for spec in draft.steps
    )
    return work > limit or seconds_of(draft, library) > limit


def to_file(draft: RoutineDraft) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "name": draft.name,
        "description": draft.description,
        "steps": [
            {"exercise": s.exercise, "seconds": s.seconds, "reps": s.reps} for s in draft.steps
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def from_file(text: str, library: ExerciseLibrary, bounds: ProtocolBounds) -> RoutineDraft:
    """Read a routine file; RoutineFileError names the first problem. Nothing else changes."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineFileError(f"The file is larger than {MAX_FILE_BYTES // 1024} KB.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoutineFileError(
            f"Not a JSON file: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except RecursionError:
        raise RoutineFileError("The file nests lists or objects too deeply.") from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise RoutineFileError("A number in the file has too many digits.") from None
    if not isinstance(data, Mapping):
        raise RoutineFileError("The file holds no routine: expected a JSON object.")
    if data.get("format") != FORMAT:
        raise RoutineFileError(f'Not a routine file: "format" should be "{FORMAT}".')
    if type(data.get("version")) is not int or data.get("version") != VERSION:  # not true, 1.0
        raise RoutineFileError(
            f'"version" is {_shown(data.get("version"))}; this app reads version {VERSION}.'
        )
    unknown = sorted(set(data) - {"format", "version", "name", "description", "steps"})
    if unknown:
        raise RoutineFileError(f"Unknown key {quote(unknown[0])}.")
    name = _text(data, "name", required=True)
    description = _text(data, "description", required=False)
    steps_data = data.get("steps")
    if not isinstance(steps_data, list):
        raise RoutineFileError('"steps" must be a list.')
    steps = tuple(_step(item, n) for n, item in enumerate(steps_data, 1))
    draft = RoutineDraft(_clean(name), _clean(description), steps)
    verdict = review(draft, library, bounds)
    if verdict.refusals:
        raise RoutineFileError(verdict.refusals[0])
    return draft


def _text(data: Mapping[str, Any], key: str, *, required: bool) -> str:
    value = data.get(key, None if required else "")
    if not isinstance(value, str):
        raise RoutineFileError(f'"{key}" must be text.')
    return value


def _shown(value: object) -> str:
    """A value from the file for a message: short, and never a whole nested structure."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _clean(text: str) -> str:
    """No control characters from a file into labels, nor the lone halves of a surrogate
    pair that a JSON escape such as "\\ud800" makes (they cannot be stored as UTF-8)."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", "", text).strip()


def _step(item: Any, number: int) -> StepSpec:
    where = f"steps[{number - 1}]"
    if not isinstance(item, Mapping):
        raise RoutineFileError(f"{where} must be an object.")
    unknown = sorted(set(item) - {"exercise", "seconds", "reps"})
    if unknown:
        raise RoutineFileError(f"{where}: unknown key {quote(unknown[0])}.")
    exercise = item.get("exercise")
    if not isinstance(exercise, str):
        raise RoutineFileError(f'{where}: "exercise" must be an exercise id.')
    values = []
    for key in ("seconds", "reps"):
        value = item.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise RoutineFileError(f'{where}: "{key}" must be a whole number.')
        values.append(value)
    return StepSpec(exercise, values[0], values[1])


def as_draft(routine: Routine) -> RoutineDraft:
    """A built-in routine as an editable draft: a left/right pair becomes one step again."""
    specs: list[StepSpec] = []
    previous = None
    for step in routine.steps:
        pair = (
            previous is not None
            and previous.exercise.id == step.exercise.id
            and (previous.side, step.side) == ("left", "right")
        )
        if not pair:
            specs.append(StepSpec(step.exercise.id, step.seconds, step.reps))
        previous = None if pair else step
    return RoutineDraft(routine.name, routine.description, tuple(specs))
