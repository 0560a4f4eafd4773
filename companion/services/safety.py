"""The one safety gate: may this routine, step, timer, reminder or plan happen now?

Every way into the app asks here before anything starts: the Today plan, the
routine player, the therapy timer window, the Reminders page, a reminder
falling due, IPC commands and the command line. Nothing decides safety at a
call site.

The answer is built from what is stored (PROTOCOLS.md section numbers in brackets):

- triage outcomes: a RED answer locks every routine, timer and thermal reminder
  until the user confirms they have been assessed (3.1, 3.2); an ORANGE answer
  locks the affected leg's routines for 24 hours (3.2) and every heat or cold
  treatment while it runs (4.3: all thermal modalities are blocked while any
  RED/ORANGE is active); restrictions such as "no cold" or "do not drink more"
  hold while their check-in stands (3.2 tier actions);
- the latest check-in: nerve-type pain means no heat, cold, stretching or rolling
  (4.1 E, 4.3); a fresh injury's spot is not rolled or stretched for 72 hours and
  is not heated (4.1 B, 4.2); swelling, warmth or fever means no heat (4.3);
- health conditions: what they block or caution, per therapy and per leg, and the
  warm-water caps they set (3.4, 1.1 warm bath);
- past sessions: the gaps and daily caps of each treatment (1.1, 1.2): ice at
  least 60 min apart and 8 in 24 hours, heat 60 min apart and 6 a day, contrast
  once a day, a cold soak twice a day 4 hours apart, a warm bath once a day.

``SafetyGate`` reads that state from the database; the ``check_*`` functions
decide from a ``SafetyState`` alone, so every rule is tested without storage or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from companion.domain.checkin import FRESH_INJURY_H, CheckIn, SorenessType
from companion.domain.clock import Clock, elapsed, later, utc
from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.exercises import Kind as ExerciseKind
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import Side
from companion.domain.reminders import Kind as ReminderKind
from companion.domain.reminders import ReminderRule
from companion.domain.sessions import PastSession
from companion.domain.triage import (
    GREEN,
    LEGS,
    Tier,
    TriageCatalog,
    TriageResult,
    combine,
    emergency_number_for,
)
from companion.domain.units import METRIC, Units, minutes_words
from companion.services.content import SafetyContent

if TYPE_CHECKING:
    from companion.domain.preferences import Preferences
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.therapy import TherapyContext
    from companion.domain.therapy_timer import TimerKind, TimerPlan
    from companion.domain.triage import TriageRecord
    from companion.domain.water import WaterTarget
    from companion.storage.database import Database

WINDOW = timedelta(hours=24)  # daily caps count the sessions started in the last 24 hours
ROLL_KINDS = frozenset({ExerciseKind.ROLL})


class Verdict(StrEnum):
    ALLOWED = "allowed"
    CAUTION = "caution"  # allowed, with cautions to show first
    REFUSED = "refused"  # for a reminder falling due: quiet


@dataclass(frozen=True)
class Answer:
    """The gate's answer, in words a user can act on.

    ``what`` is the thing that is locked ("Therapy timers", "Ice pack"), ``why``
    the answer, condition or session behind it, ``todo`` what to do now, and
    ``available_at`` when it becomes allowed again, where that is known.
    """

    verdict: Verdict
    what: str = ""
    why: tuple[str, ...] = ()
    todo: str = ""
    available_at: datetime | None = None
    cautions: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()  # settings outside the usual range: ask first

    @property
    def allowed(self) -> bool:
        return self.verdict is not Verdict.REFUSED

    def message(self, now: datetime | None = None) -> str:
        """One plain paragraph: what is locked, why, and what to do."""
        if self.allowed:
            return " ".join(self.cautions)
        parts = [f"{self.what} {'are' if self.what.endswith('s') else 'is'} not available now."]
        parts += [_sentence(w) for w in self.why]
        if self.todo:
            parts.append(_sentence(self.todo))
        if self.available_at is not None and now is not None:
            parts.append(f"Available again {when_words(self.available_at, now)}.")
        return " ".join(parts)

    def summary(self, now: datetime) -> str:
        """The short form, for a list: the first reason and when it ends."""
        if self.allowed:
            return ""
        parts = [_sentence(self.why[0])] if self.why else []
        if self.available_at is not None:
            parts.append(f"Available again {when_words(self.available_at, now)}.")
        return " ".join(parts)


ALLOWED = Answer(Verdict.ALLOWED)


@dataclass(frozen=True)
class RoutineAnswer:
    """A routine's answer: the steps that may run, and why any were left out."""

    answer: Answer
    steps: tuple[RoutineStep, ...] = ()
    left_out: tuple[str, ...] = ()  # one sentence per reason a step was dropped

    @property
    def allowed(self) -> bool:
        return self.answer.allowed


@dataclass(frozen=True)
class SafetyState:
    """Everything the gate decides from, read at one moment."""

    now: datetime
    triage: TriageResult = GREEN  # locks still running plus the latest check-in's restrictions
    conditions: tuple[ReportedCondition, ...] = ()
    checkin: CheckIn | None = None
    sessions: tuple[PastSession, ...] = ()
    emergency_number: str = "112"
    units: Units = METRIC


# -- the whole-app locks ------------------------------------------------------------------------
def _red(state: SafetyState, what: str) -> Answer | None:
    triage = state.triage
    if triage.tier is not Tier.RED:
        return None
    return Answer(
        Verdict.REFUSED,
        what,
        ("Emergency signs were reported.", *_because(triage, Tier.RED)),
        f"Call {state.emergency_number} now and do not drive yourself. Routines, timers and "
        "treatment reminders stay locked until you confirm you have been assessed",
    )


def _orange(state: SafetyState, what: str) -> Answer | None:
    triage = state.triage
    if triage.tier is not Tier.ORANGE or not (triage.locked_legs or triage.locks_everything):
        return None
    return Answer(
        Verdict.REFUSED,
        what,
        ("Care today was advised.", *_because(triage, Tier.ORANGE)),
        "Get medical advice today; no heat or cold treatment until you have been checked",
        available_at=triage.lock_until,
    )


def _because(triage: TriageResult, tier: Tier) -> tuple[str, ...]:
    """The reasons behind the answers that raised ``tier``."""
    return tuple(dict.fromkeys(f.question.because for f in triage.flags if f.tier is tier))


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
    locked = _red(state, what) or _orange(state, what)
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
    whole = _red(state, what)
    if whole is None and (triage.locks_everything or "no_leg_contact" in triage.restrictions):
        whole = Answer(
            Verdict.REFUSED,
            what,
            ("Care today was advised.", *_because(triage, Tier.ORANGE)),
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


# -- running again ------------------------------------------------------------------------------
def check_running(state: SafetyState) -> Answer:
    """May a return-to-run plan start, or a walk-run session begin, now?

    Not after emergency signs (3.1), not while the safety check has a leg locked
    (3.2), not with burning, shooting or numb pain, and not on a fresh injury in
    its first 72 hours (4.1 B: protect it first)."""
    what = "Running"
    red = _red(state, what)
    if red is not None:
        return red
    triage = state.triage
    if triage.locks_everything or any(triage.leg_locked(leg) for leg in LEGS):
        return Answer(
            Verdict.REFUSED,
            what,
            ("Care today was advised.", *_because(triage, Tier.ORANGE)),
            "Get medical advice before you run on that leg",
            available_at=triage.lock_until,
        )
    checkin = state.checkin
    if checkin is not None and checkin.soreness_type is SorenessType.NERVE:
        return Answer(
            Verdict.REFUSED,
            what,
            ("Your check-in describes burning, shooting, tingling or numb pain",),
            "See a doctor or physiotherapist before running on it",
        )
    if checkin is not None and checkin.soreness_type is SorenessType.ACUTE:
        healed = later(checkin.onset, timedelta(hours=FRESH_INJURY_H))
        if utc(healed) > utc(state.now):
            return Answer(
                Verdict.REFUSED,
                what,
                ("A fresh injury is protected for its first 72 hours, not run on",),
                "Walk gently if it allows, and check in again after that",
                available_at=healed.astimezone(state.now.tzinfo),
            )
    return ALLOWED


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


# -- reading the state ----------------------------------------------------------------------------
def standing_restrictions(checkin: CheckIn | None, catalog: TriageCatalog) -> TriageResult:
    """Yellow answers keep their restrictions while their check-in stands. Red and orange
    locks come only from stored outcomes, which know when they end."""
    if checkin is None:
        return GREEN
    yellow = {
        qid: True
        for qid, yes in checkin.triage_answers.items()
        if yes and qid in {q.id for q in catalog.questions} and catalog.get(qid).tier is Tier.YELLOW
    }
    return catalog.evaluate(yellow, checkin.legs, checkin.at)


def active_triage(
    records: Iterable[TriageRecord], catalog: TriageCatalog, *current: TriageResult
) -> TriageResult:
    """Stored locks still running, combined with any outcome of now."""
    return combine([*(catalog.rebuild(r) for r in records), *current])


class SafetyGate:
    """The gate over one data folder: reads the state, answers each action."""

    def __init__(
        self,
        db: Database,
        content: SafetyContent,
        clock: Clock,
        *,
        country: str = "",
        preferences: Callable[[], Preferences] | None = None,
    ) -> None:
        from companion.storage.checkins import (  # noqa: PLC0415
            CheckInRepository,
            ConditionRepository,
        )
        from companion.storage.therapy import TherapyRepository  # noqa: PLC0415

        self.content = content
        self.clock = clock
        self._db = db
        self._country = country
        self._preferences = preferences
        self.checkins = CheckInRepository(db)
        self.conditions = ConditionRepository(db)
        self.therapy = TherapyRepository(db)

    def preferences(self) -> Preferences:
        """The user's preferences: the app's live model, or what is stored."""
        if self._preferences is not None:
            return self._preferences()
        from companion.storage.preferences import PreferencesRepository  # noqa: PLC0415

        return PreferencesRepository(self._db).load().preferences

    def emergency_number(self) -> str:
        return self.preferences().emergency_number or emergency_number_for(self._country)

    def state(self, *current: TriageResult) -> SafetyState:
        """The state now: running locks, the latest check-in's restrictions, conditions
        and the last day's sessions (plus ``current``, an outcome just answered)."""
        now = self.clock.now()
        latest = self.checkins.latest()
        catalog = self.content.triage
        triage = active_triage(
            self.checkins.active_locks(now),
            catalog,
            standing_restrictions(latest, catalog),
            *current,
        )
        prefs = self.preferences()
        number = prefs.emergency_number or emergency_number_for(self._country)
        return SafetyState(
            now=now,
            triage=triage,
            conditions=self.conditions.all(),
            checkin=latest,
            sessions=self.therapy.sessions_since(now - WINDOW - timedelta(hours=6)),
            emergency_number=number,
            units=prefs.units,
        )

    # -- the actions --------------------------------------------------------------------------
    def timer(self, plan: TimerPlan, *, region: str = "") -> Answer:
        return check_timer(self.state(), plan, self.content, region=region)

    def routine(self, steps: Sequence[RoutineStep]) -> RoutineAnswer:
        return check_routine(self.state(), steps, self.content)

    def step(self, step: RoutineStep) -> Answer:
        return check_step(self.state(), step, self.content)

    def reminder(self, rule: ReminderRule, base_litres: float | None = None) -> Answer:
        state = self.state()
        return check_reminder(
            state, rule, self.content, lambda s: water_target(s, self.content, base_litres)
        )

    def running(self) -> Answer:
        return check_running(self.state())

    def plan_triage(self, checkin: CheckIn | None = None) -> TriageResult:
        """The triage a plan for ``checkin`` (default: the latest) is made under."""
        now = self.clock.now()
        catalog = self.content.triage
        return active_triage(
            self.checkins.active_locks(now),
            catalog,
            standing_restrictions(checkin or self.checkins.latest(), catalog),
        )


# -- words ----------------------------------------------------------------------------------------
def when_words(moment: datetime, now: datetime) -> str:
    """'at 15:40', 'tomorrow at 07:00' or 'on Tue 12 May at 09:00', in ``now``'s zone."""
    local = moment.astimezone(now.tzinfo)
    days = (local.date() - now.date()).days
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if days == 0:
        return f"at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if days == -1:
        return f"yesterday at {clock}"
    return f"on {local:%a} {local.day} {local:%b} at {clock}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


__all__ = [
    "ALLOWED",
    "Answer",
    "RoutineAnswer",
    "SafetyGate",
    "SafetyState",
    "Verdict",
    "check_reminder",
    "check_routine",
    "check_running",
    "check_step",
    "check_timer",
    "spacing",
]
