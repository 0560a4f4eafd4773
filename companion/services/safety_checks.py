"""The gate's checks of therapy timers, routines and their steps, and reminders falling
due (PROTOCOLS.md 1.1, 1.2, 3.2-3.4, 4.1-4.3); ``companion.services.safety`` holds the
state they decide from, the answers, the whole-app locks and the gate that asks them.

Each check decides from a ``SafetyState`` alone. ``SafetyGate`` loads this module with
the first timer, routine or reminder it is asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from companion.domain.checkin import FRESH_INJURY_H, CheckIn, SorenessType
from companion.domain.clock import elapsed, later, utc
from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.exercises import Kind as ExerciseKind
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import Side
from companion.domain.reminders import Kind as ReminderKind
from companion.domain.reminders import ReminderRule
from companion.domain.triage import LEGS, Tier
from companion.domain.units import minutes_words
from companion.services.content import SafetyContent
from companion.services.safety import (
    ALLOWED,
    WINDOW,
    Answer,
    RoutineAnswer,
    SafetyState,
    Verdict,
    orange_lock,
    reasons_for,
    red_lock,
    when_words,
)

if TYPE_CHECKING:
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.therapy import TherapyContext
    from companion.domain.therapy_timer import TimerKind, TimerPlan
    from companion.domain.water import WaterTarget

ROLL_KINDS = frozenset({ExerciseKind.ROLL})


# -- therapy timers ----------------------------------------------------------------------------
def therapy_context(state: SafetyState, legs: Iterable[Side] | None = None) -> TherapyContext:
    """The latest check-in (as of now), the running locks and the conditions, as the
    therapy rules see them. With no check-in yet, nothing about soreness blocks."""
    from companion.domain.therapy import TherapyContext  # noqa: PLC0415 - with the first timer

    checkin = state.checkin
    if checkin is None:
        return TherapyContext(
            soreness_type=SorenessType.DOMS,
            hours_since_onset=48.0,
            legs=frozenset(legs or LEGS),
            conditions=state.conditions,
            triage=state.triage,
        )
    current = replace(checkin, at=state.now)
    return TherapyContext(
        soreness_type=current.soreness_type,
        hours_since_onset=current.hours_since_onset,
        legs=frozenset(legs) if legs is not None else current.legs or LEGS,
        groups=sore_groups(current),
        swelling=current.swelling,
        area_warm_or_red=current.area_warm_or_red,
        conditions=state.conditions,
        triage=state.triage,
    )


def sore_groups(checkin: CheckIn) -> frozenset[str]:
    return frozenset(
        r.region_id if r.side is Side.CENTRE else r.region_id.rsplit("_", 1)[0]
        for r in checkin.sore_regions
    )


@dataclass(frozen=True)
class Spacing:
    """How often one treatment may be done (PROTOCOLS 1.1-1.2)."""

    gap: timedelta | None  # from the end of one session to the start of the next
    per_window: int  # sessions started in any 24 hours
    noun: str  # "ice", "heat", "contrast", "a cold soak", "a warm bath"


def spacing(kind: TimerKind, bounds: ProtocolBounds) -> Spacing:
    from companion.domain.therapy_timer import TimerKind  # noqa: PLC0415 - with the first timer

    def cap(key: str, fallback: int) -> int:
        value = bounds.bound(key).hard_max
        return int(value) if value is not None else fallback

    def minutes(key: str, fallback: float) -> timedelta:
        value = bounds.bound(key).hard_min
        return timedelta(minutes=value if value is not None else fallback)

    if kind is TimerKind.ICE:
        return Spacing(
            minutes("ice_pack.interval_between_sessions", 60),
            cap("ice_pack.sessions_per_24h", 8),
            "ice",
        )
    if kind is TimerKind.HEAT:
        return Spacing(minutes("local_heat.gap", 60), cap("local_heat.per_day", 6), "heat")
    if kind is TimerKind.CONTRAST:
        return Spacing(None, cap("contrast_water.per_day", 1), "contrast")
    if kind is TimerKind.COLD_BATH:
        hours = bounds.setting("cold_water_immersion.min_gap_h")
        gap = hours if isinstance(hours, int | float) and not isinstance(hours, bool) else 4
        return Spacing(
            timedelta(hours=gap), cap("cold_water_immersion.per_day", 2), "a cold-water soak"
        )
    return Spacing(None, cap("warm_bath.per_day", 1), "a warm bath")


def _spacing_answer(state: SafetyState, kind: TimerKind, bounds: ProtocolBounds) -> Answer | None:
    rule = spacing(kind, bounds)
    window_start = utc(state.now) - WINDOW
    mine = sorted(
        (s for s in state.sessions if s.kind == kind.value and s.counts),
        key=lambda s: utc(s.started_at),
    )
    what = kind.label
    if rule.gap is not None and mine:
        last = max(mine, key=lambda s: utc(s.ended_at))
        free_at = later(last.ended_at, rule.gap)
        if utc(free_at) > utc(state.now):
            gap_min = round(rule.gap.total_seconds() / 60)
            gap_words = minutes_words(gap_min) if gap_min < 120 else f"{gap_min // 60} hours"
            return Answer(
                Verdict.REFUSED,
                what,
                (
                    (
                        f"Your last session ended {when_words(last.ended_at, state.now)}, and "
                        f"{rule.noun} needs at least {gap_words} between sessions so the skin and "
                        "tissue can recover"
                    ),
                ),
                available_at=free_at.astimezone(state.now.tzinfo),
            )
    recent = [s for s in mine if utc(s.started_at) > window_start]
    if len(recent) >= rule.per_window:
        frees = recent[len(recent) - rule.per_window]
        free_at = later(frees.started_at, WINDOW)
        times = "once" if rule.per_window == 1 else f"{rule.per_window} times"
        return Answer(
            Verdict.REFUSED,
            what,
            (f"You have had {rule.noun} {times} in the last 24 hours, the most that is advised",),
            available_at=free_at.astimezone(state.now.tzinfo),
        )
    return None


def _water_caps(state: SafetyState, plan: TimerPlan, catalog: ConditionCatalog) -> Answer | None:
    """A warm bath (and contrast's hot water) inside the caps the user's conditions set."""
    from companion.domain.therapy_timer import TimerKind  # noqa: PLC0415 - with the first timer

    if plan.kind not in (TimerKind.WARM_BATH, TimerKind.CONTRAST):
        return None
    units = state.units
    key = "temp_c" if plan.kind is TimerKind.WARM_BATH else "hot_c"
    temp = plan.settings.get(key)
    cap, notes = _cap(state.conditions, catalog, "warm_bath_temp_max_c")
    if cap is not None and isinstance(temp, int | float) and temp > cap:
        return Answer(
            Verdict.REFUSED,
            plan.kind.label,
            (*notes, f"{units.temp(temp)} is above the {units.temp(cap)} your health allows"),
            f"Choose {units.temp(cap)} or cooler, checked with a thermometer",
        )
    minutes = plan.settings.get("minutes")
    cap_min, notes = _cap(state.conditions, catalog, "warm_bath_minutes_max")
    if (
        plan.kind is TimerKind.WARM_BATH
        and cap_min is not None
        and isinstance(minutes, int | float)
        and minutes > cap_min
    ):
        return Answer(
            Verdict.REFUSED,
            plan.kind.label,
            (*notes, f"{minutes_words(minutes)} is longer than the {cap_min:g} your health allows"),
            f"Choose {minutes_words(cap_min)} or less",
        )
    return None


def _cap(
    conditions: Sequence[ReportedCondition], catalog: ConditionCatalog, key: str
) -> tuple[float | None, tuple[str, ...]]:
    """The tightest cap the conditions set, and what those conditions say about baths."""
    cap = catalog.cap(conditions, key)
    if cap is None:
        return None, ()
    setting = [catalog.get(c.id) for c in conditions if catalog.get(c.id).caps.get(key) == cap]
    notes = [c.notes.get(Gate.WARM_BATH, "") for c in setting]
    return cap, tuple(dict.fromkeys(n for n in notes if n))


def check_timer(
    state: SafetyState, plan: TimerPlan, content: SafetyContent, *, region: str = ""
) -> Answer:
    """May this timer start now? Locks, the check-in, conditions, caps and gaps."""
    from companion.domain.therapy import Status, therapy_options  # noqa: PLC0415

    what = plan.kind.label
    locked = red_lock(state, what) or orange_lock(state, what)
    if locked is not None:
        return locked
    ctx = therapy_context(state)
    if region:
        ctx = replace(ctx, groups=ctx.groups | {region})
    therapy = plan.kind.therapy
    option = next(
        o
        for o in therapy_options(ctx, content.conditions, content.protocols)
        if o.therapy is therapy
    )
    if option.status is Status.BLOCKED:
        return Answer(
            Verdict.REFUSED,
            what,
            option.reasons,
            "Today's plan on the Today screen shows what suits you instead",
        )
    refused = _water_caps(state, plan, content.conditions) or _spacing_answer(
        state, plan.kind, content.protocols
    )
    if refused is not None:
        return refused
    cautions = tuple(option.reasons) if option.status is Status.CAUTION else ()
    return Answer(
        Verdict.CAUTION if cautions else Verdict.ALLOWED,
        what,
        cautions=cautions,
        to_confirm=plan.to_confirm,
    )


# -- routines -----------------------------------------------------------------------------------
def check_routine(
    state: SafetyState, steps: Sequence[RoutineStep], content: SafetyContent
) -> RoutineAnswer:
    """May this routine run, and which of its steps? (Each step is checked for its leg.)"""
    what = "Routines"
    triage = state.triage
    whole = red_lock(state, what)
    if whole is None and (triage.locks_everything or "no_leg_contact" in triage.restrictions):
        whole = Answer(
            Verdict.REFUSED,
            what,
            ("Care today was advised.", *reasons_for(triage, Tier.ORANGE)),
            "Get medical advice today; no stretching, rolling or massage until you have been "
            "checked",
            available_at=triage.lock_until,
        )
    checkin = state.checkin
    if whole is None and checkin is not None and checkin.soreness_type is SorenessType.NERVE:
        whole = Answer(
            Verdict.REFUSED,
            what,
            (
                (
                    "Your check-in describes burning, shooting, tingling or numb pain, "
                    "which is not stretched or rolled"
                ),
            ),
            "Answer the safety questions on the Today screen; see a doctor if it persists",
        )
    if whole is not None:
        return RoutineAnswer(whole)
    kept: list[RoutineStep] = []
    left_out: list[str] = []
    cautions: list[str] = []
    for step in steps:
        reason, step_cautions = _step(state, step, content.conditions)
        if reason:
            left_out.append(reason)
        else:
            kept.append(step)
            cautions.extend(step_cautions)
    left = tuple(dict.fromkeys(left_out))
    if not kept:
        return RoutineAnswer(
            Answer(
                Verdict.REFUSED,
                what,
                left or ("This routine has no steps",),
                "Choose a routine for another area, or check in again when things change",
                available_at=triage.lock_until if triage.locked_legs else None,
            ),
            left_out=left,
        )
    extra = tuple(dict.fromkeys([*left, *cautions]))
    return RoutineAnswer(
        Answer(Verdict.CAUTION if extra else Verdict.ALLOWED, what, cautions=extra),
        tuple(kept),
        left,
    )


def check_step(state: SafetyState, step: RoutineStep, content: SafetyContent) -> Answer:
    """One step on its region, now (the player asks before each step begins)."""
    routine = check_routine(state, [step], content)
    return routine.answer


def _step_legs(step: RoutineStep) -> frozenset[Side]:
    if step.side in (Side.LEFT.value, Side.RIGHT.value):
        return frozenset({Side(step.side)})
    return LEGS


def _step_group(step: RoutineStep) -> str:
    region = step.region_id
    return region[:-2] if region.endswith(("_L", "_R")) else region


def _step(
    state: SafetyState, step: RoutineStep, catalog: ConditionCatalog
) -> tuple[str, tuple[str, ...]]:
    """Why this step may not run (empty if it may), and its cautions."""
    triage = state.triage
    legs = _step_legs(step)
    name = step.exercise.name
    locked = sorted(s.value for s in legs if triage.leg_locked(s))
    if locked:
        until = f" until {when_words(triage.lock_until, state.now)}" if triage.lock_until else ""
        return (
            (
                f"{name} was left out: the safety check locked the {' and '.join(locked)} "
                f"leg{'s' if len(locked) > 1 else ''}{until}"
            ),
            (),
        )
    kind = step.exercise.kind
    gate = Gate.FOAM_ROLL if kind in ROLL_KINDS else Gate.STRETCH
    verdict = catalog.verdict(state.conditions, gate, legs)
    if verdict.effect is Effect.BLOCKED:
        return f"{name} was left out: " + " ".join(verdict.reasons), ()
    checkin = state.checkin
    if checkin is not None and checkin.soreness_type is SorenessType.ACUTE:
        hours = elapsed(checkin.onset, state.now).total_seconds() / 3600
        injured = sore_groups(checkin) & ({_step_group(step)} | set(step.exercise.regions))
        if hours < FRESH_INJURY_H and injured and kind is not ExerciseKind.MOBILITY:
            healed = later(checkin.onset, timedelta(hours=FRESH_INJURY_H))
            return (
                (
                    f"{name} was left out: a fresh injury is not stretched or rolled for the first "
                    f"72 hours (until {when_words(healed, state.now)})"
                ),
                (),
            )
    cautions = verdict.reasons if verdict.effect is Effect.CAUTION else ()
    return "", tuple(cautions)


# -- reminders falling due ----------------------------------------------------------------------
def check_reminder(
    state: SafetyState,
    rule: ReminderRule,
    content: SafetyContent,
    water: Callable[[SafetyState], WaterTarget] | None = None,
) -> Answer:
    """Should this reminder prompt now, or stay quiet (``REFUSED``) and why?"""
    from companion.domain.therapy_timer import TimerKind  # noqa: PLC0415 - with the first timer

    if rule.kind is ReminderKind.HYDRATION:
        target = water(state) if water is not None else water_target(state, content)
        if target.litres is None:
            return Answer(Verdict.REFUSED, "Water reminders", (target.why,))
        return ALLOWED
    if rule.kind is ReminderKind.ICING:
        plan = _reminder_plan(TimerKind.ICE, rule)
        return check_timer(state, plan, content, region=rule.region)
    if rule.kind is ReminderKind.CONTRAST:
        return check_timer(state, _reminder_plan(TimerKind.CONTRAST, rule), content)
    if rule.kind is ReminderKind.ROUTINE:
        return check_routine(state, (), content).answer if _routine_locked(state) else ALLOWED
    return ALLOWED  # a custom reminder or a check-in: saying something is never unsafe


def _routine_locked(state: SafetyState) -> bool:
    triage = state.triage
    return (
        triage.tier is Tier.RED
        or triage.locks_everything
        or "no_leg_contact" in triage.restrictions
        or (state.checkin is not None and state.checkin.soreness_type is SorenessType.NERVE)
    )


def _reminder_plan(kind: TimerKind, rule: ReminderRule) -> TimerPlan:
    """The session a reminder stands for, as the gate checks it (no phases needed)."""
    from companion.domain.therapy_timer import TimerPlan  # noqa: PLC0415 - with the first timer

    settings: dict[str, float | str] = {"region": rule.region}
    if rule.on_min:
        settings["on_min"] = rule.on_min
    return TimerPlan(kind, (), settings)


def water_target(
    state: SafetyState, content: SafetyContent, base_litres: float | None = None
) -> WaterTarget:
    """Today's water goal under the running locks and conditions (None: no goal)."""
    from companion.domain.water import water_target as target  # noqa: PLC0415

    return target(
        state.conditions, content.conditions, state.triage, content.protocols, base_litres
    )


__all__ = [
    "check_reminder",
    "check_routine",
    "check_step",
    "check_timer",
    "spacing",
    "therapy_context",
    "water_target",
]
