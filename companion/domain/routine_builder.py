"""Today's stretching and rolling, built from the sore regions and the time available.

Rules (PROTOCOLS 1, 2, 3 and 4.3):
- sorest regions first; for each, one stretch (its gentler alternative at 7/10
  or more) then one roll where rolling is safe; never-roll regions get their
  neighbours rolled instead;
- a side scored 7/10 or more is never rolled (rolling stops at 7), and a side
  with sharp pain at 7/10 or more gets nothing at all;
- only the sore side is worked; when both are sore and one clearly more (by 2
  or more), its holds grow by up to 50 %, inside the hold and per-side limits
  (a stretch or yoga pose never passes 120 s per side);
- nothing for a leg whose routines are locked by the safety check; in the first
  72 h after an injury only slow movement that neither swings nor loads the leg
  (``Exercise.gentle_for_fresh_injury``), and nothing where there is none; no
  stretching or rolling of the bone-prone regions while a possible stress
  fracture waits for a check (``no_bone_area_work``);
- health conditions: a blocked gate drops the step for that leg; a caution is
  acted on where it changes what is safe (no face-down positions in pregnancy,
  no tender-spot pauses with a bleeding risk, no rolling with lymphoedema, no
  calf rolling with varicose veins) and its sentence rides on the step;
- steps are added until the chosen 5, 10 or 20 minutes are used;
- with the user's equipment known, every step is one they can do: a stretch is
  the usual choice, else its alternative, else another stretch for the group;
  a roll uses the best tool they have (foam roller, then massage ball, then
  massage stick, then hands). A group with nothing usable gets no such step.

Whatever is left out is said in a plain sentence (``BuiltRoutine.notes``), so an
empty routine always has its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from companion.domain.checkin import FRESH_INJURY_H, Descriptor, RegionReport, SorenessType
from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.equipment import Equipment
from companion.domain.exercises import Exercise, ExerciseLibrary, Kind, Sides, usable
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog, Rolling, Side
from companion.domain.triage import TriageResult

HEAVY = 7
NO_ROLL_AT = 7  # rolling discomfort stops at 7/10 (PROTOCOLS 1.1)
SHARP_STOP = 7  # sharp pain at 7/10 or more: a stop rule (PROTOCOLS 1.3)
SORER_BY = 2
MAX_EXTRA = 0.5
GENTLE_KINDS = (Kind.STRETCH, Kind.YOGA, Kind.MOBILITY)
# Rolling tools, best first; a roll needing none of them is done by hand.
ROLL_TOOL_ORDER = (Equipment.FOAM_ROLLER, Equipment.BALL, Equipment.STICK)
# Where a possible stress fracture sits (shin, foot, hip): not stretched or rolled
# while the triage restriction "no_bone_area_work" stands.
BONE_GROUPS = frozenset({"shin", "lateral_lower_leg", "foot_plantar", "hip_flexors"})
# Health conditions (conditions.toml ids) whose caution changes what is offered.
NO_PRONE = frozenset({"pregnancy"})  # no face-down positions
NO_TENDER_HOLDS = frozenset({"bleeding_risk"})  # light, moving pressure: no tender-spot pauses
NO_ROLLING = frozenset({"lymphoedema"})  # only a therapist's specialist massage
NO_ROLLING_GROUPS = {"varicose_veins": frozenset({"calves"})}  # where the veins usually are
FRESH_NOTE = (
    "In the first 72 hours after an injury only slow, gentle movement is offered: "
    "no stretching, rolling or swinging of the injured area and no weight on it."
)


@dataclass(frozen=True)
class RoutineStep:
    exercise: Exercise
    region_id: str  # the region it serves ("calves_R"), or the group for a both-legs step
    side: str  # "left", "right" or "both"
    seconds: int  # per hold, rolling set or timed bout
    reps: int
    cautions: tuple[str, ...] = ()  # health-condition care for this step, plain sentences

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
            movements = "slow movement" if self.reps == 1 else "slow movements"
            return f"{self.reps} {movements} (about {self.seconds} s)"
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
        "cautions": list(step.cautions),
    }


@dataclass(frozen=True)
class RoutineContext:
    reports: tuple[RegionReport, ...]
    soreness_type: SorenessType
    hours_since_onset: float
    triage: TriageResult
    conditions: tuple[ReportedCondition, ...] = ()


@dataclass(frozen=True)
class BuiltRoutine:
    """The steps, and plain sentences saying what was left out or changed, and why."""

    steps: tuple[RoutineStep, ...]
    notes: tuple[str, ...] = ()


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
    """The routine's steps, sorest group first, inside ``minutes`` (see ``plan_routine``)."""
    return plan_routine(
        ctx,
        minutes,
        library=library,
        regions=regions,
        bounds=bounds,
        catalog=catalog,
        equipment=equipment,
    ).steps


def plan_routine(
    ctx: RoutineContext,
    minutes: int,
    *,
    library: ExerciseLibrary,
    regions: RegionCatalog,
    bounds: ProtocolBounds,
    catalog: ConditionCatalog,
    equipment: frozenset[Equipment] | None = None,
) -> BuiltRoutine:
    """The routine's steps, sorest group first, inside ``minutes``, with the reasons for
    anything left out.

    ``equipment`` is what the user owns besides what is always at hand
    (``equipment.ALWAYS_AT_HAND``); ``None`` means everything is owned. Locks from the
    safety check and nerve-type pain give no steps; the planner says why.
    """
    if ctx.soreness_type is SorenessType.NERVE or ctx.triage.locks_everything:
        return BuiltRoutine(())
    if "no_leg_contact" in ctx.triage.restrictions:
        return BuiltRoutine(())
    budget = minutes * 60
    fresh = ctx.soreness_type is SorenessType.ACUTE and ctx.hours_since_onset < FRESH_INJURY_H
    builder = _Builder(ctx, library, regions, bounds, catalog, equipment, fresh)
    if fresh:
        builder.notes.append(FRESH_NOTE)
    steps: list[RoutineStep] = []
    used = 0
    seen: set[tuple[str, str]] = set()
    for group, sides in _sore_groups(ctx.reports, ctx.triage):
        for step in builder.steps_for(group, sides):
            key = (step.exercise.id, step.region_id)
            if key in seen:
                continue  # a neighbour's roll already in the routine
            if used + step.total_s > budget and steps:
                return BuiltRoutine(tuple(steps), builder.said())
            seen.add(key)
            steps.append(step)
            used += step.total_s
    return BuiltRoutine(tuple(steps), builder.said())


@dataclass(frozen=True)
class _Sore:
    score: int  # the worst of rest and movement, 0-10
    sharp: bool = False  # "sharp" was ticked for it


def _sore_groups(
    reports: Iterable[RegionReport], triage: TriageResult
) -> list[tuple[str, dict[Side, _Sore]]]:
    """Region groups by soreness, worst first, with each free side's score."""
    groups: dict[str, dict[Side, _Sore]] = {}
    for report in reports:
        if report.worst <= 0 or triage.leg_locked(report.side):
            continue
        group = report.region_id if report.side is Side.CENTRE else report.region_id[:-2]
        sharp = Descriptor.SHARP in report.descriptors
        groups.setdefault(group, {})[report.side] = _Sore(report.worst, sharp)
    return sorted(groups.items(), key=lambda item: -max(s.score for s in item[1].values()))


def _primary_first(options: list[Exercise], group: str) -> list[Exercise]:
    """Exercises aimed mainly at this group before those that also reach it."""
    return sorted(options, key=lambda e: e.regions[0] != group)


@dataclass
class _Builder:
    """One routine's choices, and the sentences saying what was left out."""

    ctx: RoutineContext
    library: ExerciseLibrary
    regions: RegionCatalog
    bounds: ProtocolBounds
    catalog: ConditionCatalog
    equipment: frozenset[Equipment] | None
    fresh: bool
    notes: list[str] = field(default_factory=list)

    def said(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.notes))

    @property
    def conditions(self) -> set[str]:
        return {item.id for item in self.ctx.conditions}

    def where(self, group: str, sides: Iterable[Side]) -> str:
        """ "your left calves", "your lower back", "both sides of your hamstrings"."""
        region = self.regions.get(group if group == "lower_back" else group + "_L")
        name = region.name[:1].lower() + region.name[1:]
        found = set(sides)
        if Side.CENTRE in found or group == "lower_back":
            return f"your {name}"
        if found == {Side.LEFT, Side.RIGHT}:
            return f"both sides of your {name}"
        return f"your {next(iter(found)).value} {name}"

    def allowed_sides(self, gate: Gate, sides: dict[Side, int], what: str) -> dict[Side, int]:
        """The sides a health condition does not block for this gate (checked leg by
        leg); a blocked side's reason is noted."""
        allowed: dict[Side, int] = {}
        for side, score in sides.items():
            verdict = self.catalog.verdict(self.ctx.conditions, gate, {side})
            if verdict.effect is Effect.BLOCKED:
                self.notes.extend(
                    f"{what}: {reason[:1].lower()}{reason[1:]}" for reason in verdict.reasons
                )
            else:
                allowed[side] = score
        return allowed

    def cautions(self, gate: Gate | None, side: str) -> tuple[str, ...]:
        """The health conditions' caution sentences for a step on ``side``."""
        if gate is None:
            return ()
        legs = {Side.LEFT, Side.RIGHT} if side == "both" else {Side(side)}
        verdict = self.catalog.verdict(self.ctx.conditions, gate, legs)
        return verdict.reasons if verdict.effect is Effect.CAUTION else ()

    def steps_for(self, group: str, sore: dict[Side, _Sore]) -> list[RoutineStep]:
        sharp = [side for side, s in sore.items() if s.sharp and s.score >= SHARP_STOP]
        if sharp:
            self.notes.append(
                f"Nothing to stretch or roll for {self.where(group, sharp)} today: sharp pain "
                "at 7/10 or more is a reason to stop, not to work the area. If it does not "
                "settle, get it checked today."
            )
        sides = {side: s.score for side, s in sore.items() if side not in sharp}
        if not sides:
            return []
        bone = "no_bone_area_work" in self.ctx.triage.restrictions and group in BONE_GROUPS
        if bone:
            self.notes.append(
                f"No stretching or rolling of {self.where(group, sides)} until the sore spot "
                "on a bone has been checked: pulling or pressing on a possible stress "
                "fracture can make it worse."
            )
        steps, offered = self.gentle_steps(group, sides, bone=bone)
        if not (self.fresh or bone):
            steps += self.roll_steps(group, sides)
        if not steps and offered and self.equipment is not None:
            self.notes.append(
                f"Nothing for {self.where(group, sides)} can be done with the equipment you have."
            )
        return steps

    def gentle_steps(
        self, group: str, sides: dict[Side, int], *, bone: bool
    ) -> tuple[list[RoutineStep], bool]:
        """The group's stretch (or gentle movement), and whether any would suit today."""
        where = self.where(group, sides)
        kinds = (Kind.MOBILITY,) if self.fresh or bone else GENTLE_KINDS
        no_prone = bool(self.conditions & NO_PRONE)
        options = _primary_first(
            [
                e
                for e in self.library.for_group(group)
                if e.kind in kinds
                and (e.gentle_for_fresh_injury or not self.fresh)
                and not (no_prone and e.prone)
            ],
            group,
        )
        if self.fresh and not options:
            self.notes.append(
                f"Nothing to stretch or roll for {where} in the first 72 hours after the "
                "injury: no movement for it is gentle enough yet. Rest it, and move the nearby "
                "joints (such as the ankle) slowly within comfort."
            )
        allowed = self.allowed_sides(Gate.STRETCH, sides, f"Nothing to stretch for {where}")
        if not allowed:
            return [], False
        order = _stretch_order(options, max(sides.values()), self.library)
        stretch = _first_usable(order, self.equipment)
        if stretch is None:
            return [], bool(options)
        gate = None if stretch.kind is Kind.MOBILITY else Gate.STRETCH
        return self.place(stretch, group, allowed, gate), True

    def roll_steps(self, group: str, sides: dict[Side, int]) -> list[RoutineStep]:
        where = self.where(group, sides)
        blockers = self.conditions & NO_ROLLING
        if blockers:
            reasons = " ".join(self.catalog.get(c).notes[Gate.FOAM_ROLL] for c in sorted(blockers))
            self.notes.append(f"No rolling or massage today. {reasons}")
            return []
        heavy = [side for side, score in sides.items() if score >= NO_ROLL_AT]
        if heavy:
            self.notes.append(
                f"No rolling of {self.where(group, heavy)} today: at 7/10 or more, rolling "
                "would pass the point where it should stop. A gentle stretch is there instead."
            )
        light = {side: score for side, score in sides.items() if score < NO_ROLL_AT}
        allowed = self.allowed_sides(Gate.FOAM_ROLL, light, f"Nothing to roll for {where}")
        if not allowed:
            return []
        region = self.regions.get(group if group == "lower_back" else group + "_L")
        roll_groups = (group,) if region.rolling is Rolling.ALLOWED else region.roll_instead
        for roll_group in roll_groups:  # the first neighbour with a roll the user can do
            if any(roll_group in NO_ROLLING_GROUPS.get(c, ()) for c in self.conditions):
                self.notes.append(
                    f"No rolling of {self.where(roll_group, allowed)}: with varicose veins, "
                    "never roll directly over the veins, and they often run there."
                )
                continue
            roll = _first_usable(self.rolls(roll_group), self.equipment)
            if roll is not None:
                return self.place(roll, roll_group, allowed, Gate.FOAM_ROLL)
        return []

    def rolls(self, group: str) -> list[Exercise]:
        """The group's rolls, best tool first, without those a condition rules out."""
        no_prone = bool(self.conditions & NO_PRONE)
        rolls = [
            e
            for e in _roll_order(self.library.for_group(group, Kind.ROLL), group)
            if not (no_prone and e.prone)
        ]
        if self.conditions & NO_TENDER_HOLDS:
            rolls = [e for e in map(_without_tender_holds, rolls) if e is not None]
        return rolls

    def place(
        self, exercise: Exercise, group: str, sides: dict[Side, int], gate: Gate | None
    ) -> list[RoutineStep]:
        """Steps for the sore sides. A central sore spot (the lower back) works both legs
        of a paired neighbour; a both-legs exercise is one step named after its group."""
        dose = exercise.dose

        def step(region_id: str, side: str, seconds: int) -> RoutineStep:
            if exercise.holds:
                seconds = _capped_hold(exercise, seconds, self.bounds)
            return RoutineStep(
                exercise, region_id, side, seconds, dose.reps, self.cautions(gate, side)
            )

        if Side.CENTRE in sides:
            score = sides[Side.CENTRE]
            sides = (
                {Side.CENTRE: score}
                if group == "lower_back"
                else {Side.LEFT: score, Side.RIGHT: score}
            )
        if exercise.sides is Sides.BOTH or Side.CENTRE in sides:
            return [step(group, "both", dose.seconds)]
        steps = []
        sorer = _sorer(sides)
        for side in (Side.LEFT, Side.RIGHT):
            if side not in sides:
                continue
            seconds = dose.seconds
            if side is sorer and exercise.kind is Kind.STRETCH:
                seconds = _longer_hold(exercise, sides)
            steps.append(step(f"{group}{side.suffix}", side.value, seconds))
        return steps


_TENDER_CLAUSE = re.compile(
    r",? (?:and |or )?(?:pause|rest) (?:up to \d+ seconds )?on (?:a )?tender spots?"
    r"(?: for up to \d+ seconds)?",
    re.IGNORECASE,
)
_TENDER_SENTENCE = re.compile(r"(?:pause|rest) (?:up to \d+ seconds )?on (?:a )?tender", re.I)


def _without_tender_holds(exercise: Exercise) -> Exercise | None:
    """The roll with its pauses on tender spots taken out (bruising risk), or None when
    pressing on a tender spot is the exercise itself."""
    cues: list[str] = []
    for cue in exercise.cues:
        sentences = [
            _TENDER_CLAUSE.sub("", sentence)
            for sentence in re.split(r"(?<=\.)\s+", cue)
            if not _TENDER_SENTENCE.match(sentence)
        ]
        text = " ".join(sentences).strip()
        if text:
            cues.append(text if text.endswith(".") else text + ".")
    if any("tender" in cue.lower() for cue in cues):
        return None
    return replace(exercise, cues=tuple(cues))


def _stretch_order(options: list[Exercise], worst: int, library: ExerciseLibrary) -> list[Exercise]:
    """The usual choice (the gentler alternative when soreness is heavy), then its
    alternative, then the group's other stretches in their usual order."""
    if not options:
        return []
    usual = options[0]
    alternative = library.get(usual.alternative) if usual.alternative else None
    if alternative is not None and alternative not in options:
        alternative = None  # not allowed today (a fresh injury, a position to avoid)
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


def _sorer(sides: dict[Side, int]) -> Side | None:
    left, right = sides.get(Side.LEFT, 0), sides.get(Side.RIGHT, 0)
    if left and right and abs(left - right) >= SORER_BY:
        return Side.LEFT if left > right else Side.RIGHT
    return None


def _longer_hold(exercise: Exercise, sides: dict[Side, int]) -> int:
    """Up to +50 % for the sorer side, scaled by how much sorer (capped in ``_place``)."""
    difference = abs(sides.get(Side.LEFT, 0) - sides.get(Side.RIGHT, 0))
    extra = min(MAX_EXTRA, 0.1 * difference + 0.1)
    return round(exercise.dose.seconds * (1 + extra))


def _capped_hold(exercise: Exercise, seconds: int, bounds: ProtocolBounds) -> int:
    """A stretch or yoga hold inside the single-hold and per-side limits (PROTOCOLS 1.2:
    60 s a hold, 120 s per side in all; the short-hold plantar stretch has its own)."""
    table = exercise.protocol or "stretch_static"
    hold_max = bounds.bound(f"{table}.hold").hard_max or 60
    total_max = bounds.bound(f"{table}.total_hold_per_side").hard_max or 120
    return int(max(1, min(seconds, hold_max, total_max // exercise.dose.reps)))
