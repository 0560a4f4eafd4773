"""Today's stretching and rolling, built from the sore regions and the time available.

Rules (PROTOCOLS 1, 2, 3 and 4.3):
- sorest regions first; for each, one stretch (its gentler alternative at 7/10
  or more) then one roll where rolling is safe; never-roll regions get their
  neighbours rolled instead;
- only the sore side is worked; when both are sore and one clearly more (by 2
  or more), its holds grow by up to 50 %, inside the hold and per-side limits;
- nothing for a leg whose routines are locked by the safety check, no rolling
  or stretching of a fresh injury's spot (first 72 h: gentle mobility only),
  and the health-condition gates for rolling and stretching apply per leg;
- steps are added until the chosen 5, 10 or 20 minutes are used;
- with the user's equipment known, every step is one they can do: a stretch is
  the usual choice, else its alternative, else another stretch for the group;
  a roll uses the best tool they have (foam roller, then massage ball, then
  massage stick, then hands). A group with nothing usable gets no such step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from companion.domain.checkin import RegionReport, SorenessType
from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.exercises import (
    Equipment,
    Exercise,
    ExerciseLibrary,
    Kind,
    Sides,
    usable,
)
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog, Rolling, Side
from companion.domain.triage import TriageResult

HEAVY = 7
SORER_BY = 2
MAX_EXTRA = 0.5
FRESH_INJURY_H = 72
GENTLE_KINDS = (Kind.STRETCH, Kind.YOGA, Kind.MOBILITY)
# Rolling tools, best first; a roll needing none of them is done by hand.
ROLL_TOOL_ORDER = (Equipment.FOAM_ROLLER, Equipment.BALL, Equipment.STICK)


@dataclass(frozen=True)
class RoutineStep:
    exercise: Exercise
    region_id: str  # the region it serves ("calves_R"), or the group for a both-legs step
    side: str  # "left", "right" or "both"
    seconds: int  # per hold, rolling set or timed bout
    reps: int

    @property
    def total_s(self) -> int:
        dose = self.exercise.dose
        if self.exercise.timed_reps:  # reps are movements inside one timed bout
            return dose.setup_s + self.seconds
        return dose.setup_s + self.seconds * self.reps + dose.rest_s * max(0, self.reps - 1)

    def describe_dose(self) -> str:
        if self.seconds >= 120 and self.seconds % 60 == 0 and self.reps == 1:
            return f"{self.seconds // 60} min"
        if self.exercise.timed_reps:
            return f"{self.reps} slow movements (about {self.seconds} s)"
        if self.reps > 1:
            return f"{self.reps} × {self.seconds} s"
        return f"{self.seconds} s"


def routine_steps(exercise: Exercise, seconds: int, reps: int) -> list[RoutineStep]:
    """A routine entry as player steps: an each-side exercise is a left then a right step."""
    group = exercise.regions[0]
    if exercise.sides is Sides.EACH:
        return [
            RoutineStep(exercise, f"{group}_L", "left", seconds, reps),
            RoutineStep(exercise, f"{group}_R", "right", seconds, reps),
        ]
    return [RoutineStep(exercise, group, "both", seconds, reps)]


def step_to_dict(step: RoutineStep) -> dict[str, object]:
    """A step for JSON output (the plan and ``routines --json``)."""
    return {
        "exercise": step.exercise.id,
        "name": step.exercise.name,
        "region": step.region_id,
        "side": step.side,
        "seconds": step.seconds,
        "reps": step.reps,
    }


@dataclass(frozen=True)
class RoutineContext:
    reports: tuple[RegionReport, ...]
    soreness_type: SorenessType
    hours_since_onset: float
    triage: TriageResult
    conditions: tuple[ReportedCondition, ...] = ()


def build_routine(
    ctx: RoutineContext,
    minutes: int,
    *,
    library: ExerciseLibrary,
    regions: RegionCatalog,
    bounds: ProtocolBounds,
    catalog: ConditionCatalog,
    equipment: frozenset[Equipment] | None = None,
) -> tuple[RoutineStep, ...]:
    """The routine's steps, sorest group first, inside ``minutes``.

    ``equipment`` is what the user owns besides what is always at hand
    (``exercises.ALWAYS_AT_HAND``); ``None`` means everything is owned.
    """
    if ctx.soreness_type is SorenessType.NERVE or ctx.triage.locks_everything:
        return ()
    if "no_leg_contact" in ctx.triage.restrictions:
        return ()
    budget = minutes * 60
    fresh = ctx.soreness_type is SorenessType.ACUTE and ctx.hours_since_onset < FRESH_INJURY_H
    steps: list[RoutineStep] = []
    used = 0
    seen: set[tuple[str, str]] = set()
    for group, sides in _sore_groups(ctx.reports, ctx.triage):
        kit = _Kit(library, regions, bounds, catalog, equipment)
        for step in _steps_for(group, sides, ctx, fresh=fresh, kit=kit):
            key = (step.exercise.id, step.region_id)
            if key in seen:
                continue  # a neighbour's roll already in the routine
            if used + step.total_s > budget and steps:
                return tuple(steps)
            seen.add(key)
            steps.append(step)
            used += step.total_s
    return tuple(steps)


def _sore_groups(
    reports: Iterable[RegionReport], triage: TriageResult
) -> list[tuple[str, dict[Side, int]]]:
    """Region groups by soreness, worst first, with each free side's score."""
    groups: dict[str, dict[Side, int]] = {}
    for report in reports:
        if report.worst <= 0 or triage.leg_locked(report.side):
            continue
        group = report.region_id if report.side is Side.CENTRE else report.region_id[:-2]
        groups.setdefault(group, {})[report.side] = report.worst
    return sorted(groups.items(), key=lambda item: -max(item[1].values()))


def _allowed_sides(
    gate: Gate, sides: dict[Side, int], ctx: RoutineContext, catalog: ConditionCatalog
) -> dict[Side, int]:
    """The sides a health condition does not block for this gate (checked leg by leg)."""
    return {
        side: score
        for side, score in sides.items()
        if catalog.verdict(ctx.conditions, gate, {side}).effect is not Effect.BLOCKED
    }


def _primary_first(options: list[Exercise], group: str) -> list[Exercise]:
    """Exercises aimed mainly at this group before those that also reach it."""
    return sorted(options, key=lambda e: e.regions[0] != group)


@dataclass(frozen=True)
class _Kit:
    library: ExerciseLibrary
    regions: RegionCatalog
    bounds: ProtocolBounds
    catalog: ConditionCatalog
    equipment: frozenset[Equipment] | None = None


def _steps_for(
    group: str, sides: dict[Side, int], ctx: RoutineContext, *, fresh: bool, kit: _Kit
) -> list[RoutineStep]:
    library, regions, bounds, catalog = kit.library, kit.regions, kit.bounds, kit.catalog
    worst = max(sides.values())
    steps: list[RoutineStep] = []
    gentle_kinds = (Kind.MOBILITY,) if fresh else GENTLE_KINDS
    stretch_sides = _allowed_sides(Gate.STRETCH, sides, ctx, catalog)
    if stretch_sides:
        options = _primary_first(
            [e for e in library.for_group(group) if e.kind in gentle_kinds], group
        )
        stretch = _first_usable(
            _stretch_order(options, worst, gentle_kinds, library), kit.equipment
        )
        if stretch is not None:
            steps.extend(_place(stretch, group, stretch_sides, bounds))
    region = regions.get(group if group == "lower_back" else group + "_L")
    roll_sides = _allowed_sides(Gate.FOAM_ROLL, sides, ctx, catalog)
    if not fresh and roll_sides:
        roll_groups = (group,) if region.rolling is Rolling.ALLOWED else region.roll_instead
        for roll_group in roll_groups:  # the first neighbour with a roll the user can do
            rolls = _roll_order(library.for_group(roll_group, Kind.ROLL), roll_group)
            roll = _first_usable(rolls, kit.equipment)
            if roll is not None:
                steps.extend(_place(roll, roll_group, roll_sides, bounds))
                break
    return steps


def _stretch_order(
    options: list[Exercise], worst: int, gentle_kinds: tuple[Kind, ...], library: ExerciseLibrary
) -> list[Exercise]:
    """The usual choice (the gentler alternative when soreness is heavy), then its
    alternative, then the group's other stretches in their usual order."""
    if not options:
        return []
    usual = options[0]
    alternative = library.get(usual.alternative) if usual.alternative else None
    if alternative is not None and alternative.kind not in gentle_kinds:
        alternative = None
    if alternative is None:
        ordered = [usual]
    elif worst >= HEAVY:
        ordered = [alternative, usual]
    else:
        ordered = [usual, alternative]
    return ordered + [e for e in options if e not in ordered]


def _roll_order(rolls: Iterable[Exercise], group: str) -> list[Exercise]:
    """Best tool first (foam roller, ball, stick, then hands), and within a tool the
    rolls aimed mainly at this group before those that also reach it."""

    def tool(exercise: Exercise) -> int:
        for rank, item in enumerate(ROLL_TOOL_ORDER):
            if item in exercise.equipment:
                return rank
        return len(ROLL_TOOL_ORDER)

    return sorted(rolls, key=lambda e: (tool(e), e.regions[0] != group))


def _first_usable(
    options: Iterable[Exercise], equipment: frozenset[Equipment] | None
) -> Exercise | None:
    return next((e for e in options if usable(e, equipment)), None)


def _place(
    exercise: Exercise, group: str, sides: dict[Side, int], bounds: ProtocolBounds
) -> list[RoutineStep]:
    """Steps for the sore sides. A central sore spot (the lower back) works both legs
    of a paired neighbour; a both-legs exercise is one step named after its group."""
    dose = exercise.dose
    if Side.CENTRE in sides:
        score = sides[Side.CENTRE]
        sides = (
            {Side.CENTRE: score} if group == "lower_back" else {Side.LEFT: score, Side.RIGHT: score}
        )
    if exercise.sides is Sides.BOTH or Side.CENTRE in sides:
        return [RoutineStep(exercise, group, "both", dose.seconds, dose.reps)]
    steps = []
    sorer = _sorer(sides)
    for side in (Side.LEFT, Side.RIGHT):
        if side not in sides:
            continue
        seconds = dose.seconds
        if side is sorer and exercise.kind is Kind.STRETCH:
            seconds = _longer_hold(exercise, sides, bounds)
        steps.append(RoutineStep(exercise, f"{group}{side.suffix}", side.value, seconds, dose.reps))
    return steps


def _sorer(sides: dict[Side, int]) -> Side | None:
    left, right = sides.get(Side.LEFT, 0), sides.get(Side.RIGHT, 0)
    if left and right and abs(left - right) >= SORER_BY:
        return Side.LEFT if left > right else Side.RIGHT
    return None


def _longer_hold(exercise: Exercise, sides: dict[Side, int], bounds: ProtocolBounds) -> int:
    """Up to +50 % for the sorer side, scaled by how much sorer, inside the limits."""
    difference = abs(sides.get(Side.LEFT, 0) - sides.get(Side.RIGHT, 0))
    extra = min(MAX_EXTRA, 0.1 * difference + 0.1)
    seconds = round(exercise.dose.seconds * (1 + extra))
    hold_max = bounds.bound("stretch_static.hold").hard_max or 60
    total_max = bounds.bound("stretch_static.total_hold_per_side").hard_max or 120
    return int(min(seconds, hold_max, total_max // exercise.dose.reps))
