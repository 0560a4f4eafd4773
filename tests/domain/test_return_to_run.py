"""The return-to-run rules: advance, step back, wait for the morning, rest days, stop signs."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.return_to_run import (
    Change,
    Interval,
    Phase,
    PlanState,
    Refusal,
    ReturnToRunPlan,
    Session,
    Sign,
    Step,
    Today,
    Why,
    check_morning,
    check_session,
    intervals,
    position,
    progress,
    today,
)

ZONE = ZoneInfo("Europe/London")
DAY0 = date(2026, 12, 1)


def _plan() -> ReturnToRunPlan:
    return ReturnToRunPlan(
        (
            Step("a", "Step 1", 2, "care a", run_min=1, walk_min=2, repeats=8),
            Step("b", "Step 2", 2, "care b", run_min=2, walk_min=2, repeats=6),
            Step("c", "Step 3", 1, "care c", continuous_min=20),
        ),
        pain_limit=3,
        stop_pain=7,
        care="Get care.",
    )


PLAN = _plan()
STATE = PlanState(datetime(2026, 11, 30, 9, tzinfo=ZONE), baseline=1)


def good(n: int, step: str = "a", pain: int = 2, morning: int | None = 1) -> Session:
    """A session on day ``n`` after DAY0 (every other day keeps the rest days)."""
    return Session(DAY0 + timedelta(days=n), step, pain, True, morning=morning)


def test_the_steps_sessions_each_good_move_the_plan_on():
    done = progress(PLAN, 1, [good(0)])
    assert (done.step, done.counted, done.last.change if done.last else None) == (
        0,
        1,
        Change.COUNTED,
    )
    done = progress(PLAN, 1, [good(0), good(2)])
    assert (done.step, done.counted) == (1, 0)
    assert done.last is not None and done.last.change is Change.ADVANCED


def test_pain_during_at_the_limit_counts_and_above_it_steps_back():
    at_limit = progress(PLAN, 1, [good(0, pain=3), good(2, pain=3)])
    assert at_limit.step == 1
    back = progress(PLAN, 1, [good(0), good(2), good(4, "b", pain=4)])
    assert (back.step, back.counted) == (0, 0)
    assert back.last is not None
    assert (back.last.change, back.last.why) == (Change.STEPPED_BACK, Why.PAIN_DURING)


def test_a_morning_worse_than_baseline_steps_back_even_with_little_pain_during():
    back = progress(PLAN, 1, [good(0), good(2), good(4, "b", pain=1, morning=2)])
    assert back.step == 0
    assert back.last is not None and back.last.why is Why.MORNING_WORSE


def test_a_morning_back_to_baseline_is_needed_to_count():
    assert progress(PLAN, 1, [good(0, morning=1)]).counted == 1
    assert progress(PLAN, 2, [good(0, morning=2)]).counted == 1
    assert progress(PLAN, 0, [good(0, morning=1)]).step == 0
    assert progress(PLAN, 0, [good(0, morning=1)]).counted == 0


def test_stepping_back_never_goes_below_the_first_step_and_resets_the_count():
    done = progress(PLAN, 1, [good(0), good(2, pain=5)])
    assert (done.step, done.counted) == (0, 0)
    # After the step back, the step's sessions count again from zero.
    again = progress(PLAN, 1, [good(0), good(2, pain=5), good(4)])
    assert (again.step, again.counted) == (0, 1)


def test_a_morning_not_reported_decides_nothing():
    done = progress(PLAN, 1, [good(0), good(2, morning=None)])
    assert (done.step, done.counted) == (0, 1)
    assert done.last is not None and done.last.change is Change.WAITING


def test_an_unfinished_session_neither_counts_nor_steps_back():
    unfinished = Session(DAY0, "a", 2, False, morning=1)
    done = progress(PLAN, 1, [unfinished])
    assert (done.step, done.counted) == (0, 0)
    assert done.last is not None and done.last.change is Change.STAYED


def test_the_last_steps_sessions_finish_the_plan():
    log = [good(0), good(2), good(4, "b"), good(6, "b"), good(8, "c")]
    done = progress(PLAN, 1, log)
    assert done.finished
    assert done.last is not None and done.last.change is Change.FINISHED
    assert today(PLAN, STATE, log, DAY0 + timedelta(days=10)).kind is Today.FINISHED


@pytest.mark.parametrize(
    ("session", "why"),
    [
        (Session(DAY0, "a", 7, False), Why.PAIN_HIGH),
        (Session(DAY0, "a", 2, True, morning=7), Why.PAIN_HIGH),
        (Session(DAY0, "a", 1, True, signs=frozenset({Sign.SHARP})), Why.SIGN),
        (Session(DAY0, "a", 1, True, signs=frozenset({Sign.LIMP})), Why.SIGN),
        (
            Session(DAY0, "a", 1, True, morning=1, morning_signs=frozenset({Sign.SWELLING})),
            Why.SIGN,
        ),
        (
            Session(DAY0, "a", 1, True, morning=1, morning_signs=frozenset({Sign.NIGHT_PAIN})),
            Why.SIGN,
        ),
    ],
)
def test_stop_signs_stop_the_plan_and_say_get_care(session, why):
    done = progress(PLAN, 1, [session])
    assert done.stop is why
    assert done.stopped_for_care
    advice = today(PLAN, STATE, [session], DAY0 + timedelta(days=3))
    assert advice.kind is Today.GET_CARE
    assert check_session(PLAN, STATE, [session], DAY0 + timedelta(days=3), 1) is Refusal.STOPPED


def test_pain_of_six_steps_back_but_does_not_stop():
    done = progress(PLAN, 1, [good(0), good(2), good(4, "b", pain=6, morning=1)])
    assert not done.stopped_for_care
    assert done.step == 0


def test_a_stop_sign_ends_the_replay_there():
    stop = Session(DAY0, "a", 8, False)
    done = progress(PLAN, 1, [stop, good(2), good(4)])
    assert done.stopped_for_care
    assert (done.step, done.counted) == (0, 0)


def test_today_runs_rests_and_asks_for_the_morning_first():
    assert today(PLAN, STATE, [], DAY0).kind is Today.RUN
    logged = [good(0, morning=None)]
    assert today(PLAN, STATE, logged, DAY0).kind is Today.DONE_TODAY
    morning_first = today(PLAN, STATE, logged, DAY0 + timedelta(days=1))
    assert morning_first.kind is Today.MORNING_FIRST
    assert morning_first.rest_after_morning  # yesterday's session: today rests anyway
    assert morning_first.pending == logged[0]
    reported = [good(0, morning=1)]
    assert today(PLAN, STATE, reported, DAY0 + timedelta(days=1)).kind is Today.REST
    assert today(PLAN, STATE, reported, DAY0 + timedelta(days=2)).kind is Today.RUN
    late = today(PLAN, STATE, logged, DAY0 + timedelta(days=4))
    assert late.kind is Today.MORNING_FIRST
    assert not late.rest_after_morning


def test_today_shows_the_current_step():
    log = [good(0), good(2)]
    advice = today(PLAN, STATE, log, DAY0 + timedelta(days=4))
    assert advice.kind is Today.RUN
    assert advice.step.id == "b"


def test_a_plan_stopped_by_the_user_stays_stopped():
    stopped = PlanState(STATE.started_at, 1, stopped_at=datetime(2026, 12, 3, tzinfo=ZONE))
    assert today(PLAN, stopped, [], DAY0).kind is Today.STOPPED
    cared = PlanState(STATE.started_at, 1, stopped_at=stopped.stopped_at, stopped_for_care=True)
    assert today(PLAN, cared, [], DAY0).kind is Today.GET_CARE


def test_no_two_sessions_on_consecutive_days():
    log = [good(0)]
    assert check_session(PLAN, STATE, log, DAY0, 2) is Refusal.ALREADY_TODAY
    assert check_session(PLAN, STATE, log, DAY0 + timedelta(days=1), 2) is Refusal.REST_DAY
    assert check_session(PLAN, STATE, log, DAY0 + timedelta(days=2), 2) is None


def test_a_session_waits_for_the_last_mornings_report():
    log = [good(0, morning=None)]
    assert check_session(PLAN, STATE, log, DAY0 + timedelta(days=2), 2) is Refusal.MORNING_FIRST


def test_pain_scores_must_be_zero_to_ten():
    assert check_session(PLAN, STATE, [], DAY0, 11) is Refusal.OUT_OF_RANGE
    assert check_session(PLAN, STATE, [], DAY0, -1) is Refusal.OUT_OF_RANGE
    assert check_morning(STATE, [good(0, morning=None)], DAY0 + timedelta(days=1), 11) is (
        Refusal.OUT_OF_RANGE
    )


def test_the_morning_is_reported_the_day_after_or_later_once():
    log = [good(0, morning=None)]
    assert check_morning(STATE, log, DAY0, 1) is Refusal.NOT_YET_MORNING
    assert check_morning(STATE, log, DAY0 + timedelta(days=1), 1) is None
    assert check_morning(STATE, [good(0)], DAY0 + timedelta(days=1), 1) is (
        Refusal.NOTHING_TO_REPORT
    )
    assert check_morning(STATE, [], DAY0, 1) is Refusal.NOTHING_TO_REPORT


def test_the_walk_run_timer_is_intervals_and_deadlines():
    step = PLAN.steps[0]
    parts = intervals(step)
    assert len(parts) == 16
    assert parts[:2] == (Interval(Phase.RUN, 60), Interval(Phase.WALK, 120))
    assert sum(p.seconds for p in parts) == step.minutes * 60 == 24 * 60
    assert position(parts, 0).index == 0
    assert position(parts, 59.5).left_s == pytest.approx(0.5)
    at = position(parts, 61)
    assert (at.index, at.left_s) == (1, 119)
    # A late tick carries over: 10 minutes in is the fourth walk, whatever came before.
    assert position(parts, 599).index == 6
    ten = position(parts, 600)
    assert (ten.index, parts[ten.index].phase, ten.left_s) == (7, Phase.WALK, 120)
    assert position(parts, 24 * 60).done
    assert intervals(PLAN.steps[2]) == (Interval(Phase.RUN, 20 * 60),)


def test_step_minutes():
    assert PLAN.steps[0].minutes == 24
    assert PLAN.steps[0].running_minutes == 8
    assert PLAN.steps[2].minutes == PLAN.steps[2].running_minutes == 20
    assert PLAN.index("b") == 1
    with pytest.raises(KeyError, match="known: a, b, c"):
        PLAN.index("z")
