"""Today's plan: check-in + conditions + triage + now -> what to do, each with a why.

Pure: it takes data and returns data. The routine part (stretches and rolls)
is filled from the exercise library when one is supplied; with none, the
plan says so and offers the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from companion.domain.checkin import (
    FRESH_INJURY_H,
    ROUTINE_MINUTES,
    SEVERE,
    CheckIn,
    RegionReport,
    SorenessType,
    Swelling,
    sorer_side,
)
from companion.domain.conditions import ConditionCatalog, ReportedCondition
from companion.domain.equipment import Equipment
from companion.domain.exercises import ExerciseLibrary, Kind
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog, Side
from companion.domain.routine_builder import (
    RoutineContext,
    RoutineStep,
    plan_routine,
    step_to_dict,
)
from companion.domain.therapy import (
    TYPICAL_DOMS_END_H,
    TherapyChoice,
    TherapyContext,
    TherapyOption,
    choose_therapy,
    describe_protocol,
    therapy_options,
)
from companion.domain.triage import Tier, TriageResult
from companion.domain.water import WaterTarget, water_target

STOP_RULES = (
    (
        "Sharp, stabbing or tearing pain, pain 2 or more points above where you started, "
        "or 7/10 or more."
    ),
    "Tingling, pins and needles, burning, electric-shock feelings or numbness.",
    (
        "With cold: skin turning white, grey, waxy, blue or blotchy, numbness, "
        "or shivering you cannot stop."
    ),
    "With heat: skin that stings, blisters or stays bright red.",
    "Feeling dizzy, faint or sick, chest pain or trouble breathing.",
)


@dataclass(frozen=True)
class ActiveRecovery:
    allowed: bool
    minutes: int
    modes: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class HoldNote:
    """Why one step's holds differ from the other side's: the sorer side holds longer."""

    step: RoutineStep
    text: str


@dataclass(frozen=True)
class Plan:
    made_at: datetime
    minutes: int
    hours_since_onset: float
    soreness_type: SorenessType
    triage: TriageResult
    notes: tuple[str, ...]
    therapies: tuple[TherapyOption, ...]
    active_recovery: ActiveRecovery
    water: WaterTarget
    routine_note: str
    routine: tuple[RoutineStep, ...] = ()
    stop_rules: tuple[str, ...] = STOP_RULES
    # What the check-in itself shows that the stop rules name (sharp pain at 7/10 or more,
    # one swollen leg, 7/10 or more at rest, muscle soreness past a week), one sentence each.
    concerns: tuple[str, ...] = ()
    headline: str = ""  # the banner's sentence; "" means the safety tier's headline
    # The one heat or cold treatment offered today, with the others and their reasons.
    thermal: TherapyChoice | None = None
    hold_notes: tuple[HoldNote, ...] = ()  # steps held longer on the sorer side, and why
    routine_summary: str = ""  # "About 12 min for your calves and quadriceps: ..."

    def __post_init__(self) -> None:
        if not self.headline:
            object.__setattr__(self, "headline", self.triage.tier.headline)

    @property
    def routine_seconds(self) -> int:
        return sum(step.total_s for step in self.routine)

    def hold_note(self, step: RoutineStep) -> str:
        """Why this step's holds are longer than the other side's, or ""."""
        return next((n.text for n in self.hold_notes if n.step is step), "")

    @property
    def needs_attention(self) -> bool:
        """No warning sign in the answers, but concerns in the check-in: shown as a caution,
        never as the calm green of "no warning signs"."""
        return bool(self.concerns) and self.triage.tier is Tier.GREEN

    @property
    def locked(self) -> bool:
        """Nothing but the safety message is offered (RED)."""
        return self.triage.tier is Tier.RED


def make_plan(
    checkin: CheckIn,
    *,
    triage: TriageResult,
    conditions: tuple[ReportedCondition, ...],
    catalog: ConditionCatalog,
    bounds: ProtocolBounds,
    now: datetime,
    minutes: int = 10,
    strength_focus: bool = False,
    library: ExerciseLibrary | None = None,
    regions: RegionCatalog | None = None,
    equipment: frozenset[Equipment] | None = None,
    water_litres: float | None = None,  # the user's own daily goal (Settings)
) -> Plan:
    """``equipment``: what the user owns besides what is always at hand; ``None``
    means everything is owned. The routine uses only exercises they can do."""
    if minutes not in ROUTINE_MINUTES:
        raise ValueError(f"routine length must be one of {ROUTINE_MINUTES} minutes, got {minutes}")
    hours = checkin.hours_since_onset
    ctx = TherapyContext(
        soreness_type=checkin.soreness_type,
        hours_since_onset=hours,
        legs=checkin.legs,
        groups=frozenset(
            r.region_id.rsplit("_", 1)[0] if r.side is not Side.CENTRE else r.region_id
            for r in checkin.sore_regions
        ),
        swelling=checkin.swelling,
        area_warm_or_red=checkin.area_warm_or_red,
        conditions=conditions,
        triage=triage,
        strength_focus=strength_focus,
    )
    routine: tuple[RoutineStep, ...] = ()
    routine_notes: tuple[str, ...] = ()
    if library is not None and regions is not None:
        routine_ctx = RoutineContext(
            checkin.sore_regions, checkin.soreness_type, hours, triage, conditions
        )
        built = plan_routine(
            routine_ctx,
            minutes,
            library=library,
            regions=regions,
            bounds=bounds,
            catalog=catalog,
            equipment=equipment,
        )
        routine, routine_notes = built.steps, built.notes
    concerns = concerns_for(checkin, triage, regions)
    if library is None and not _routine_note(checkin, triage):
        routine_note = NO_LIBRARY_NOTE
    else:
        routine_note = _full_routine_note(checkin, triage, routine, routine_notes)
    therapies = therapy_options(ctx, catalog, bounds)
    return Plan(
        made_at=now,
        minutes=minutes,
        hours_since_onset=hours,
        soreness_type=checkin.soreness_type,
        triage=triage,
        notes=tuple(_notes(checkin, triage, hours)),
        therapies=therapies,
        active_recovery=_active_recovery(checkin, triage, bounds, hours),
        water=water_target(conditions, catalog, triage, bounds, water_litres),
        routine_note=routine_note,
        routine=routine,
        concerns=concerns,
        headline=_headline(checkin, triage, hours),
        thermal=choose_therapy(therapies, ctx),
        hold_notes=hold_notes(checkin, routine, regions),
        routine_summary=routine_summary(checkin, routine, regions),
    )


def _group_of(region_id: str) -> str:
    return region_id[:-2] if region_id.endswith(("_L", "_R")) else region_id


def _group_name(group: str, regions: RegionCatalog | None) -> str:
    if regions is not None:
        region = next((r for r in regions if r.group == group), None)
        if region is not None:
            return region.name.lower()
    return group.replace("_", " ")


def hold_notes(
    checkin: CheckIn, routine: tuple[RoutineStep, ...], regions: RegionCatalog | None = None
) -> tuple[HoldNote, ...]:
    """The routine builder holds a stretch longer on the clearly sorer side (by 2 or more
    points); each such step gets the sentence saying so, with both sides' doses."""
    sorer = sorer_side(checkin.sore_regions)
    notes: list[HoldNote] = []
    for step in routine:
        group = _group_of(step.region_id)
        side = sorer.get(group)
        if side is None or step.side != side.value or step.exercise.kind is not Kind.STRETCH:
            continue
        other = next(
            (
                s
                for s in routine
                if s.exercise.id == step.exercise.id
                and _group_of(s.region_id) == group
                and s.side not in (step.side, "both")
            ),
            None,
        )
        if other is None or other.seconds >= step.seconds:
            continue
        notes.append(
            HoldNote(
                step,
                f"{_group_name(group, regions).capitalize()}: the {side.value} side is sorer, "
                f"so its holds are longer ({step.describe_dose()}; the {other.side} side "
                f"{other.describe_dose()}).",
            )
        )
    return tuple(notes)


def routine_summary(
    checkin: CheckIn, routine: tuple[RoutineStep, ...], regions: RegionCatalog | None = None
) -> str:
    """The routine in one line: how long, for what, and what kind of work
    ("About 12 min for your calves and quadriceps: stretches and rolling.")."""
    if not routine:
        return ""
    minutes = max(1, round(sum(s.total_s for s in routine) / 60))
    groups = list(dict.fromkeys(_group_of(s.region_id) for s in routine))
    names = [_group_name(g, regions) for g in groups]
    where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    kinds = {s.exercise.kind for s in routine}
    work: list[str] = []
    heavy = any(r.worst >= SEVERE for r in checkin.sore_regions)
    if kinds & {Kind.STRETCH, Kind.YOGA}:
        work.append("gentle stretches" if heavy else "stretches")
    if kinds & {Kind.MOBILITY, Kind.ISOMETRIC, Kind.ACTIVE}:
        work.append("slow, easy movement")
    if Kind.ROLL in kinds:
        work.append("rolling")
    what = " and ".join(work) if len(work) <= 2 else ", ".join(work[:-1]) + " and " + work[-1]
    fresh = checkin.soreness_type is SorenessType.ACUTE and checkin.hours_since_onset < (
        FRESH_INJURY_H
    )
    if Kind.ROLL not in kinds and (heavy or fresh):
        what += ", no rolling on the sore spot yet"
    return f"About {minutes} min for your {where}: {what}."


def _severe_sharp(checkin: CheckIn) -> list[RegionReport]:
    return [r for r in checkin.sore_regions if r.sharp_and_severe]


def _severe_at_rest(checkin: CheckIn) -> list[RegionReport]:
    return [r for r in checkin.sore_regions if r.at_rest >= SEVERE]


def _doms_past_a_week(checkin: CheckIn, hours: float) -> bool:
    return checkin.soreness_type is SorenessType.DOMS and hours >= TYPICAL_DOMS_END_H


def _today_reasons(checkin: CheckIn) -> list[str]:
    """The stop-rule features in the check-in that call for a check today if they persist."""
    reasons = []
    if _severe_sharp(checkin):
        reasons.append("sharp pain at 7/10 or more")
    if checkin.swelling is Swelling.ONE_SIDE:
        reasons.append("one swollen leg")
    if _severe_at_rest(checkin):
        reasons.append("soreness of 7/10 or more at rest")
    return reasons


def _names(reports: list[RegionReport], regions: RegionCatalog | None) -> str:
    names = [
        regions.get(r.region_id).display_name.lower()
        if regions is not None and r.region_id in regions
        else r.region_id
        for r in reports
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def concerns_for(
    checkin: CheckIn, triage: TriageResult, regions: RegionCatalog | None = None
) -> tuple[str, ...]:
    """What the check-in shows that the stop rules name, even with no "yes" answer.

    A red outcome has none: its message is the only one shown.
    """
    if triage.tier is Tier.RED:
        return ()
    concerns: list[str] = []
    sharp = _severe_sharp(checkin)
    if sharp:
        concerns.append(
            f"Sharp pain at 7/10 or more in the {_names(sharp, regions)} is a reason to stop: "
            "rest it, and if it does not settle, get it checked today."
        )
    if checkin.swelling is Swelling.ONE_SIDE:
        concerns.append(
            "One leg is swollen: if it stays swollen, or becomes warm, red or painful, "
            "get it checked today."
        )
    rest = _severe_at_rest(checkin)
    if rest:
        concerns.append(
            f"Soreness of 7/10 or more even at rest in the {_names(rest, regions)} is more than "
            "ordinary soreness: get it checked today if it does not ease."
        )
    if (
        _doms_past_a_week(checkin, checkin.hours_since_onset)
        and triage.tier.rank < Tier.YELLOW.rank
    ):
        concerns.append(
            "Soreness from exercise usually eases clearly within a week. Since this has "
            "lasted longer, book a check with a doctor or physiotherapist."
        )
    return tuple(concerns)


def _headline(checkin: CheckIn, triage: TriageResult, hours: float) -> str:
    """The tier's headline, unless the check-in itself calls for more than "no warning
    signs reported" says (a green or yellow outcome with stop-rule features)."""
    if triage.tier.rank >= Tier.ORANGE.rank:
        return triage.tier.headline
    today = _today_reasons(checkin)
    if today:
        items = today[0] if len(today) == 1 else ", ".join(today[:-1]) + " and " + today[-1]
        verb = "is a reason" if len(today) == 1 else "are reasons"
        return (
            f"Your answers showed no emergency sign, but {items} {verb} to stop and get "
            "checked today if it does not settle."
        )
    if triage.tier is Tier.GREEN and _doms_past_a_week(checkin, hours):
        return (
            "No warning signs in your answers, but soreness lasting more than a week needs a "
            "check: book one with a doctor or physiotherapist in the next few days."
        )
    return triage.tier.headline


def _notes(checkin: CheckIn, triage: TriageResult, hours: float) -> list[str]:
    notes = triage.explain() if triage.tier is not Tier.GREEN else []
    if triage.tier is Tier.RED:
        return notes  # the emergency message alone
    kind = checkin.soreness_type
    if kind is SorenessType.DOMS and hours < TYPICAL_DOMS_END_H and triage.tier is not Tier.ORANGE:
        notes.append(
            "Soreness after exercise usually peaks one to three days after the activity and "
            "eases within about a week. No single treatment is clearly best; use what helps you."
        )
    if kind is SorenessType.ACUTE and hours < FRESH_INJURY_H:
        notes.append(
            "For the first days after an injury: protect it without keeping it completely still, "
            "raise it when you rest, and no heat, hot baths, massage or rolling on the spot."
        )
    if kind is SorenessType.STANDING:
        notes.append(
            "After a long time standing, raising your legs for 15 to 20 minutes, ankle pumps "
            "and a short walk help the most."
        )
    if kind is SorenessType.NERVE:
        notes.append(
            "Burning, shooting, tingling or numb feelings are not ordinary muscle soreness. "
            "Answer the safety questions; if they persist, see a doctor."
        )
    return notes


def _active_recovery(
    checkin: CheckIn, triage: TriageResult, bounds: ProtocolBounds, hours: float
) -> ActiveRecovery:
    default = int(bounds.bound("active_recovery.duration").default or 20)
    if triage.tier.rank >= Tier.ORANGE.rank:
        return ActiveRecovery(False, 0, (), "Not today: get the advised medical check first.")
    if checkin.soreness_type is SorenessType.ACUTE and hours < FRESH_INJURY_H:
        return ActiveRecovery(
            False,
            0,
            (),
            "Rest the injury for the first days; gentle movement of nearby joints is fine.",
        )
    if checkin.soreness_type is SorenessType.NERVE:
        return ActiveRecovery(
            False, 0, (), "Not until the nerve-type symptoms have been looked at."
        )
    if _today_reasons(checkin):
        return ActiveRecovery(
            False, 0, (), "Not today: let it settle first, or have it checked if it does not."
        )
    restrictions = triage.restrictions
    heavy = any(r.worst >= SEVERE for r in checkin.sore_regions)
    injury = checkin.soreness_type is SorenessType.ACUTE
    if restrictions & {"no_running", "no_impact", "no_running_recovery"} or heavy or injury:
        modes: tuple[str, ...] = ("easy cycling", "swimming", "walking on the flat")
        why = "Low-impact movement at an easy, chatty pace"
        if injury:
            why += " while the injury recovers: no jogging or running yet."
        elif heavy:
            why += " while the soreness is heavy."
        else:
            why += " while running is off."
    else:
        modes = ("walking", "easy cycling", "swimming", "a very easy jog")
        why = "Easy movement at a pace where you can still talk may ease soreness a little."
    return ActiveRecovery(True, default, modes, why)


def _routine_note(checkin: CheckIn, triage: TriageResult) -> str:
    if triage.tier is Tier.RED:
        return "Routines are locked until you confirm you have been assessed."
    if triage.locks_everything:
        return "Routines are paused for 24 hours while you get the advised check."
    if checkin.soreness_type is SorenessType.NERVE:
        return "No stretching or rolling while nerve-type symptoms are present."
    locked = sorted(s.value for s in triage.locked_legs)
    if locked:
        return f"Routines for the {' and '.join(locked)} leg are paused for 24 hours."
    return ""


def _full_routine_note(
    checkin: CheckIn,
    triage: TriageResult,
    routine: tuple[RoutineStep, ...],
    built_notes: tuple[str, ...],
) -> str:
    """Why steps are missing or limited; never empty when there are no steps."""
    lock = _routine_note(checkin, triage)
    parts = [p for p in (lock, *built_notes) if p]
    if routine or lock:
        return " ".join(parts)
    if not parts:
        if not checkin.sore_regions:
            parts = ["no sore region was marked."]
        else:
            parts = ["nothing in the exercise library fits these regions today."]
        return "Nothing to stretch or roll today: " + " ".join(parts)
    if parts[0].startswith("Nothing to stretch or roll"):
        return " ".join(parts)
    return "Nothing to stretch or roll today. " + " ".join(parts)


PLAN_SCHEMA = 1
NO_LIBRARY_NOTE = (
    "Stretching and foam-rolling steps for these regions are not available yet: "
    "the exercise library is still being written."
)


def plan_to_dict(plan: Plan) -> dict[str, object]:
    """The plan as plain JSON-ready data (documented in docs/plan-json.md)."""
    triage = plan.triage
    return {
        "schema": PLAN_SCHEMA,
        "made_at": plan.made_at.isoformat(),
        "hours_since_onset": round(plan.hours_since_onset, 2),
        "soreness_type": plan.soreness_type.value,
        "headline": plan.headline,
        "concerns": list(plan.concerns),
        "triage": {
            "tier": triage.tier.value,
            "headline": triage.tier.headline,
            "flags": [
                {"question": f.question.id, "tier": f.tier.value, "because": f.question.because}
                for f in triage.flags
            ],
            "restrictions": sorted(triage.restrictions),
            "locked_legs": sorted(s.value for s in triage.locked_legs),
            "locks_everything": triage.locks_everything,
            "requires_assessment": triage.requires_assessment,
            "lock_until": triage.lock_until.isoformat() if triage.lock_until else None,
        },
        "notes": list(plan.notes),
        "therapies": [
            {
                "therapy": option.therapy.value,
                "label": option.therapy.label,
                "status": option.status.value,
                "allowed": option.status.usable,
                "why": option.why,
                "reasons": list(option.reasons),
                "protocol": dict(option.protocol),
                "how": describe_protocol(option.therapy, option.protocol),
            }
            for option in plan.therapies
        ],
        "routine": {
            "minutes": plan.minutes,
            "steps": [step_to_dict(step) for step in plan.routine],
            "total_seconds": plan.routine_seconds,
            "note": plan.routine_note,
        },
        "active_recovery": {
            "allowed": plan.active_recovery.allowed,
            "minutes": plan.active_recovery.minutes,
            "modes": list(plan.active_recovery.modes),
            "why": plan.active_recovery.why,
        },
        "water": {"litres": plan.water.litres, "why": plan.water.why},
        "stop_rules": list(plan.stop_rules),
    }
