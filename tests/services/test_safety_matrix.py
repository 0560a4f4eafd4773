"""The safety gate's matrix: every situation against every action (no Qt, no storage).

Rows: each RED question, ORANGE on one leg, ORANGE on both legs (a possible
clot), R6 ("do not drink more"), each health condition, a session just ended
and the daily cap reached. Columns: a routine, each timer kind, each reminder
kind and the plan. The expected answers are written out here from
PROTOCOLS.md (3.2 tier actions, 3.4 condition table, 4.3 hard gates, 1.1-1.2
gaps and caps), not computed from the rules under test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache

import pytest

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.conditions import ConditionCatalog, ReportedCondition
from companion.domain.exercises import ExerciseLibrary
from companion.domain.planner import make_plan
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog, Side
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.routine_builder import RoutineStep, routine_steps
from companion.domain.sessions import PastSession
from companion.domain.therapy import Status, Therapy
from companion.domain.therapy_timer import TimerKind, build_plan
from companion.domain.triage import TriageCatalog, TriageResult
from companion.resources import (
    load_conditions,
    load_exercises,
    load_protocols,
    load_regions,
    load_triage,
)
from companion.services.safety import SafetyState, Verdict
from companion.services.safety_checks import check_reminder, check_routine, check_timer
from tests.helpers.clock import LONDON

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=LONDON)
TIMERS = tuple(TimerKind)
REMINDERS = (Kind.HYDRATION, Kind.ICING, Kind.CONTRAST, Kind.ROUTINE, Kind.CUSTOM)
RED_QUESTIONS = tuple(f"R{i}" for i in range(1, 9))


@dataclass(frozen=True)
class Content:
    protocols: ProtocolBounds
    triage: TriageCatalog
    conditions: ConditionCatalog
    regions: RegionCatalog
    exercises: ExerciseLibrary


@cache
def content() -> Content:
    regions = load_regions()
    protocols = load_protocols()
    return Content(
        protocols,
        load_triage(),
        load_conditions(),
        regions,
        load_exercises(regions=regions, protocols=protocols),
    )


def calf_routine() -> tuple[RoutineStep, ...]:
    library = content().exercises
    return (
        *routine_steps(library.get("wall_calf_straight"), 30, 2),
        *routine_steps(library.get("calf_roll"), 60, 1),
    )


def checkin(**changes: object) -> CheckIn:
    base: dict[str, object] = {
        "at": NOW - timedelta(hours=1),
        "onset": NOW - timedelta(hours=30),
        "cause": Cause.RUN,
        "soreness_type": SorenessType.DOMS,
        "regions": (
            RegionReport("calves_L", Side.LEFT, 4, 5),
            RegionReport("calves_R", Side.RIGHT, 3, 4),
        ),
    }
    base.update(changes)
    return CheckIn(**base)  # type: ignore[arg-type]


def answered(*yes: str, legs: frozenset[Side] = frozenset({Side.LEFT})) -> TriageResult:
    return content().triage.evaluate(dict.fromkeys(yes, True), legs, NOW - timedelta(minutes=5))


def rule(kind: Kind) -> ReminderRule:
    if kind is Kind.HYDRATION:
        return ReminderRule(kind, "Water", id=1, every_min=90, amount_ml=250)
    if kind is Kind.ICING:
        return ReminderRule(kind, "Ice", id=2, every_min=120, on_min=15, region="calves")
    if kind is Kind.ROUTINE:
        return ReminderRule(kind, "Stretch", id=3, times=(time(18),), routine_id="calves")
    if kind is Kind.CONTRAST:
        return ReminderRule(kind, "Contrast", id=4, times=(time(18),))
    return ReminderRule(kind, "Note", id=5, times=(time(18),), message="Stand up")


def timer_plan(kind: TimerKind):
    """The usual settings; a warm bath inside every condition's caps (the caps have
    their own test)."""
    options: dict[str, object] = {}
    if kind is TimerKind.WARM_BATH:
        options = {"temp_c": 36.5, "minutes": 15}
    if kind is TimerKind.CONTRAST:
        options = {"hot_c": 37}
    return build_plan(kind.value, options, content().protocols)


def state(**changes: object) -> SafetyState:
    base: dict[str, object] = {"now": NOW, "checkin": checkin(), "emergency_number": "999"}
    base.update(changes)
    return SafetyState(**base)  # type: ignore[arg-type]


def timer_verdict(s: SafetyState, kind: TimerKind) -> Verdict:
    return check_timer(s, timer_plan(kind), content()).verdict


def reminder_verdict(s: SafetyState, kind: Kind) -> Verdict:
    return check_reminder(s, rule(kind), content()).verdict


def routine_result(s: SafetyState) -> str:
    """refused, partial (some steps left out), caution or allowed."""
    answer = check_routine(s, calf_routine(), content())
    if not answer.allowed:
        return "refused"
    if answer.left_out:
        return "partial"
    return answer.answer.verdict.value


def plan_for(s: SafetyState):
    c = content()
    assert s.checkin is not None
    return make_plan(
        s.checkin,
        triage=s.triage,
        conditions=s.conditions,
        catalog=c.conditions,
        bounds=c.protocols,
        now=s.now,
        library=c.exercises,
        regions=c.regions,
    )


R, Q, C, A = Verdict.REFUSED, Verdict.REFUSED, Verdict.CAUTION, Verdict.ALLOWED  # Q: quiet


# -- RED: everything that touches the body stops; the words say call for help ------------------
@pytest.mark.parametrize("question", RED_QUESTIONS)
def test_red_locks_every_routine_timer_and_treatment_reminder(question):
    s = state(triage=answered(question))
    assert routine_result(s) == "refused"
    for kind in TIMERS:
        answer = check_timer(s, timer_plan(kind), content())
        assert answer.verdict is R, (question, kind)
        text = answer.message(NOW)
        assert "Call 999 now" in text
        assert "do not drive yourself" in text
        assert "assessed" in text
    for reminder in (Kind.ICING, Kind.CONTRAST, Kind.ROUTINE):
        assert reminder_verdict(s, reminder) is Q, (question, reminder)
    assert reminder_verdict(s, Kind.CUSTOM) is A
    plan = plan_for(s)
    assert plan.locked
    assert plan.routine == ()
    assert all(option.status is Status.BLOCKED for option in plan.therapies)


@pytest.mark.parametrize("question", ["R5", "R6"])
def test_fluid_reds_quiet_the_water_reminders(question):
    s = state(triage=answered(question))
    assert reminder_verdict(s, Kind.HYDRATION) is Q
    assert plan_for(s).water.litres is None


def test_r6_says_not_to_drink_more():
    answer = check_reminder(state(triage=answered("R6")), rule(Kind.HYDRATION), content())
    assert "do not drink more" in answer.message(NOW).lower()


# -- ORANGE ------------------------------------------------------------------------------------
def test_orange_on_one_leg_locks_that_leg_and_every_thermal_treatment():
    s = state(triage=answered("O2", legs=frozenset({Side.LEFT})))
    routine = check_routine(s, calf_routine(), content())
    assert routine.allowed
    assert {step.side for step in routine.steps} == {"right"}
    assert routine.left_out and "left leg" in routine.left_out[0]
    for kind in TIMERS:
        answer = check_timer(s, timer_plan(kind), content())
        assert answer.verdict is R, kind
        assert answer.available_at == s.triage.lock_until
    assert reminder_verdict(s, Kind.ICING) is Q
    assert reminder_verdict(s, Kind.CONTRAST) is Q
    assert reminder_verdict(s, Kind.ROUTINE) is A  # the right leg's steps still run
    assert reminder_verdict(s, Kind.HYDRATION) is A
    plan = plan_for(s)
    assert all(step.side != "left" for step in plan.routine)
    assert all(option.status is Status.BLOCKED for option in plan.therapies)


def test_orange_on_both_legs_locks_every_routine():
    s = state(triage=answered("O1"))
    assert routine_result(s) == "refused"
    for kind in TIMERS:
        assert timer_verdict(s, kind) is R, kind
    for reminder in (Kind.ICING, Kind.CONTRAST, Kind.ROUTINE):
        assert reminder_verdict(s, reminder) is Q, reminder
    plan = plan_for(s)
    assert plan.routine == ()
    assert all(option.status is Status.BLOCKED for option in plan.therapies)


# -- health conditions (PROTOCOLS 3.4) -------------------------------------------------------------
# timers: ice, contrast, cold-bath, warm-bath, heat; then the calf routine.
CONDITIONS = {
    "cold_sensitivity": ((R, R, R, A, A), "allowed"),
    "poor_circulation": ((R, R, R, C, R), "caution"),
    "reduced_sensation": ((R, R, R, C, R), "caution"),
    "heart_condition": ((C, R, R, C, A), "allowed"),
    "pregnancy": ((A, C, C, C, A), "caution"),
    "clotting_history": ((C, R, C, C, R), "partial"),
    "bleeding_risk": ((A, C, A, A, C), "caution"),
    "skin_problem": ((R, R, R, R, R), "partial"),
    "fracture": ((A, R, R, R, R), "refused"),
    "osteoporosis": ((A, A, A, A, A), "caution"),
    "cancer_in_area": ((C, R, C, C, R), "partial"),
    "heat_sensitivity": ((A, C, C, C, C), "allowed"),
    "fluid_limit": ((A, C, C, C, A), "allowed"),
    "lymphoedema": ((C, R, C, C, R), "caution"),
    "varicose_veins": ((A, C, A, A, C), "caution"),
}


def test_every_condition_has_a_row():
    assert set(CONDITIONS) == {c.id for c in content().conditions.conditions}


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_conditions_block_or_caution_timers_and_routines(condition):
    timers, routine = CONDITIONS[condition]
    s = state(conditions=(ReportedCondition(condition),))
    got = tuple(timer_verdict(s, kind) for kind in TIMERS)
    assert got == timers, condition
    assert routine_result(s) == routine, condition
    # The plan never suggests what the timer refuses, and blocks exactly those.
    statuses = {option.therapy: option.status for option in plan_for(s).therapies}
    for kind, verdict in zip(TIMERS, timers, strict=True):
        blocked = statuses[kind.therapy] is Status.BLOCKED
        assert blocked == (verdict is R), (condition, kind)
    # Reminders follow their timers.
    assert (reminder_verdict(s, Kind.ICING) is Q) == (timers[0] is R)
    assert (reminder_verdict(s, Kind.CONTRAST) is Q) == (timers[1] is R)
    assert (reminder_verdict(s, Kind.HYDRATION) is Q) == (condition == "fluid_limit")


@pytest.mark.parametrize(
    ("condition", "temp", "cap"),
    [
        ("pregnancy", 38.5, "38 °C"),
        ("heart_condition", 39, "38 °C"),
        ("poor_circulation", 37.5, "37 °C"),
        ("reduced_sensation", 38, "37 °C"),
        ("heat_sensitivity", 37.5, "37 °C"),
    ],
)
def test_condition_caps_the_warm_bath(condition, temp, cap):
    s = state(conditions=(ReportedCondition(condition),))
    too_hot = build_plan("warm-bath", {"temp_c": temp, "minutes": 15}, content().protocols)
    answer = check_timer(s, too_hot, content())
    assert answer.verdict is R
    assert cap in answer.message(NOW)
    cool = build_plan("warm-bath", {"temp_c": 36.5, "minutes": 15}, content().protocols)
    assert check_timer(s, cool, content()).allowed


def test_heart_disease_keeps_a_warm_bath_to_15_minutes():
    s = state(conditions=(ReportedCondition("heart_condition"),))
    long_bath = build_plan("warm-bath", {"temp_c": 37, "minutes": 20}, content().protocols)
    answer = check_timer(s, long_bath, content())
    assert answer.verdict is R
    assert "15 minutes" in answer.message(NOW)


# -- gaps and daily caps (PROTOCOLS 1.1-1.2) ----------------------------------------------------
GAPS = {  # kind: (minutes after the end when it is allowed again, or None: the cap decides)
    TimerKind.ICE: 60,
    TimerKind.HEAT: 60,
    TimerKind.CONTRAST: None,
    TimerKind.COLD_BATH: 240,
    TimerKind.WARM_BATH: None,
}
CAPS = {
    TimerKind.ICE: 8,
    TimerKind.HEAT: 6,
    TimerKind.CONTRAST: 1,
    TimerKind.COLD_BATH: 2,
    TimerKind.WARM_BATH: 1,
}


def session(kind: TimerKind, ended_ago: timedelta, minutes: float = 15) -> PastSession:
    end = NOW - ended_ago
    return PastSession(kind.value, end - timedelta(minutes=minutes), end, minutes * 60)


@pytest.mark.parametrize("kind", TIMERS)
def test_a_session_just_ended(kind):
    s = state(sessions=(session(kind, timedelta(seconds=70)),))
    answer = check_timer(s, timer_plan(kind), content())
    assert answer.verdict is R
    gap = GAPS[kind]
    ended = NOW - timedelta(seconds=70)
    if gap is not None:
        assert answer.available_at == ended + timedelta(minutes=gap)
    else:
        assert answer.available_at == ended - timedelta(minutes=15) + timedelta(hours=24)
    assert "Available again" in answer.message(NOW)
    for other in TIMERS:
        if other is not kind:
            assert timer_verdict(s, other) is not R, other
    if kind is TimerKind.ICE:
        assert reminder_verdict(s, Kind.ICING) is Q
    if kind is TimerKind.CONTRAST:
        assert reminder_verdict(s, Kind.CONTRAST) is Q
    assert routine_result(s) == "allowed"


@pytest.mark.parametrize("kind", TIMERS)
def test_the_daily_cap_reached(kind):
    count = CAPS[kind]
    # Spread over the last 23 hours, the last one ended 5 hours ago: every gap has
    # passed, so only the cap holds the next one back.
    step = timedelta(hours=18) / max(1, count - 1)
    sessions = tuple(session(kind, timedelta(hours=23) - step * i) for i in range(count))
    if count == 1:
        sessions = (session(kind, timedelta(hours=5)),)
    s = state(sessions=sessions)
    last_end = max(p.ended_at for p in sessions)
    assert NOW - last_end >= timedelta(minutes=GAPS[kind] or 0)
    answer = check_timer(s, timer_plan(kind), content())
    assert answer.verdict is R
    assert "last 24 hours" in answer.message(NOW)
    first = min(p.started_at for p in sessions)
    assert answer.available_at == first + timedelta(hours=24)
    fewer = state(sessions=sessions[1:])
    assert timer_verdict(fewer, kind) is not R


def test_a_timer_stopped_within_a_minute_is_not_a_session():
    s = state(sessions=(PastSession("ice", NOW - timedelta(seconds=40), NOW, 40),))
    assert timer_verdict(s, TimerKind.ICE) is A


def test_the_icing_inside_a_10_10_10_cycle_is_one_session():
    plan = build_plan("ice", {"intermittent": True}, content().protocols)
    assert len(plan.phases) == 3
    assert check_timer(state(), plan, content()).allowed


# -- the check-in itself (PROTOCOLS 4.1-4.3) -----------------------------------------------------
def test_nerve_type_pain_stops_timers_and_routines():
    s = state(checkin=checkin(soreness_type=SorenessType.NERVE))
    assert routine_result(s) == "refused"
    for kind in TIMERS:
        assert timer_verdict(s, kind) is R, kind


def test_a_fresh_injury_is_not_heated_rolled_or_stretched():
    s = state(
        checkin=checkin(
            soreness_type=SorenessType.ACUTE, cause=Cause.INJURY, onset=NOW - timedelta(hours=10)
        )
    )
    assert timer_verdict(s, TimerKind.ICE) is A
    for kind in (TimerKind.HEAT, TimerKind.WARM_BATH, TimerKind.CONTRAST):
        assert timer_verdict(s, kind) is R, kind
    answer = check_routine(s, calf_routine(), content())
    assert not answer.allowed
    assert "72 hours" in answer.answer.message(NOW)


def test_plan_and_timer_agree_for_a_stored_yellow_no_cold():
    s = state(triage=answered("Y4"))
    statuses = {o.therapy: o.status for o in plan_for(s).therapies}
    assert statuses[Therapy.ICE_PACK] is Status.BLOCKED
    assert timer_verdict(s, TimerKind.ICE) is R
    assert timer_verdict(s, TimerKind.COLD_BATH) is R
