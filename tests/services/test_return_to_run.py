"""The return-to-run service: the gate at the start, today's session, logging, stopping."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.regions import Side
from companion.domain.return_to_run import Sign, Today
from companion.resources import load_return_to_run
from companion.services.content import LazyContent
from companion.services.return_to_run import ReturnToRunError, ReturnToRunService, step_words
from companion.services.safety import SafetyGate
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database
from tests.helpers.clock import FakeClock

PLAN = load_return_to_run()


def _service(tmp_path, clock: FakeClock) -> ReturnToRunService:
    db = open_database(tmp_path / "companion.db", clock.now()).database
    return ReturnToRunService(db, clock, SafetyGate(db, LazyContent(), clock), PLAN)


def _lock(service: ReturnToRunService, clock: FakeClock, answers: dict[str, bool], legs) -> None:
    catalog = LazyContent().triage
    result = catalog.evaluate(answers, legs, clock.now())
    CheckInRepository(service.gate._db).record_outcome(result)


def test_no_plan_yet_has_no_today(tmp_path, clock):
    service = _service(tmp_path, clock)
    status = service.status()
    assert status.plan is None
    assert status.today is None
    assert len(status.steps) == len(PLAN)


def test_start_then_today_is_step_one_with_its_intervals(tmp_path, clock):
    service = _service(tmp_path, clock)
    assert "Step 1" in service.start(2)
    view = service.today()
    assert view is not None
    assert view.kind is Today.RUN
    assert view.can_start
    assert view.step_number == 1
    assert view.headline.startswith("Today: Step 1")
    assert "Run 1 min, walk 2 min, 8 times: 24 min in all." in view.detail
    assert "3 out of 10" in view.detail
    assert len(view.intervals) == 16
    with pytest.raises(ReturnToRunError, match="already running"):
        service.start(2)


@pytest.mark.parametrize(
    ("answers", "legs", "words"),
    [
        ({"R1": True}, [Side.LEFT], "Call 112 now"),
        ({"O1": True}, [Side.LEFT], "Get medical advice before you run on that leg"),
    ],
)
def test_the_safety_gate_refuses_the_start_in_its_own_words(tmp_path, clock, answers, legs, words):
    service = _service(tmp_path, clock)
    _lock(service, clock, answers, legs)
    with pytest.raises(ReturnToRunError, match="Running is not available now") as refused:
        service.start(2)
    assert words in str(refused.value)
    assert service.status().plan is None  # nothing was started


def test_a_lock_after_the_start_blocks_todays_session_with_the_gates_words(tmp_path, clock):
    service = _service(tmp_path, clock)
    service.start(2)
    _lock(service, clock, {"O1": True}, [Side.RIGHT])
    view = service.today()
    assert view is not None
    assert view.kind is Today.RUN
    assert not view.can_start
    assert "Running is not available now" in view.blocked


def test_a_good_session_then_rest_then_the_morning_then_on(tmp_path, clock):
    service = _service(tmp_path, clock)
    service.start(1)
    assert "Rest tomorrow" in service.log_session(2)
    assert service.today().kind is Today.DONE_TODAY
    with pytest.raises(ReturnToRunError, match="already logged"):
        service.log_session(2)
    with pytest.raises(ReturnToRunError, match="The next morning is tomorrow"):
        service.log_morning(1)
    clock.advance(days=1)
    view = service.today()
    assert view is not None
    assert view.kind is Today.MORNING_FIRST
    assert view.headline == "Report how this morning feels first"
    assert "Today is a rest day either way." in view.detail
    with pytest.raises(ReturnToRunError, match="Report how this morning feels first"):
        service.log_session(2)
    assert service.log_morning(1) == "A good session: 1 of 2 at this step."
    assert service.today().kind is Today.REST
    with pytest.raises(ReturnToRunError, match="Rest today"):
        service.log_session(2)
    clock.advance(days=1)
    service.log_session(3)
    clock.advance(days=1)
    assert service.log_morning(0) == f"Well done: on to {PLAN.steps[1].title} next time."
    status = service.status()
    assert status.plan is not None
    assert status.plan.current_step == PLAN.steps[1].id
    clock.advance(days=1)
    assert status.today is not None
    assert service.today().step_number == 2


def test_pain_during_above_three_steps_back_at_once(tmp_path, clock):
    service = _service(tmp_path, clock)
    service.start(1)
    for _ in range(2):
        service.log_session(1)
        clock.advance(days=1)
        service.log_morning(1)
        clock.advance(days=1)
    assert service.today().step_number == 2
    words = service.log_session(4)
    assert words.startswith("The pain went above 3 out of 10, so the plan steps back to Step 1")
    assert service.status().plan.current_step == PLAN.steps[0].id


def test_a_morning_worse_than_usual_steps_back(tmp_path, clock):
    service = _service(tmp_path, clock)
    service.start(1)
    for _ in range(2):
        service.log_session(1)
        clock.advance(days=1)
        service.log_morning(1)
        clock.advance(days=1)
    service.log_session(1)
    clock.advance(days=1)
    assert "worse than your usual" in service.log_morning(2)
    assert service.today().step_number == 1


@pytest.mark.parametrize(
    ("pain", "signs", "morning", "morning_signs", "words"),
    [
        (7, (), None, (), "Pain of 7 out of 10 or more is a sign to stop"),
        (1, (Sign.LIMP,), None, (), "a limp, swelling"),
        (1, (), 8, (), "Pain of 7 out of 10 or more"),
        (1, (), 1, (Sign.NIGHT_PAIN,), "pain at night is a sign to stop"),
    ],
)
def test_a_stop_sign_stops_the_plan_and_says_get_care(
    tmp_path, clock, pain, signs, morning, morning_signs, words
):
    service = _service(tmp_path, clock)
    service.start(1)
    said = service.log_session(pain, signs=signs)
    if morning is not None:
        clock.advance(days=1)
        said = service.log_morning(morning, morning_signs)
    assert words in said
    assert "get your leg checked by a doctor or physiotherapist" in said
    status = service.status()
    assert status.plan is not None
    assert status.plan.stop_reason == "care"
    assert status.today is not None
    assert status.today.kind is Today.GET_CARE
    assert status.today.care == PLAN.care
    clock.advance(days=2)
    with pytest.raises(ReturnToRunError, match="stopped"):
        service.log_session(1)


def test_stop_and_start_again(tmp_path, clock):
    service = _service(tmp_path, clock)
    with pytest.raises(ReturnToRunError, match="start one first"):
        service.stop()
    service.start(1)
    assert "stopped" in service.stop()
    assert service.today().kind is Today.STOPPED
    with pytest.raises(ReturnToRunError, match="stopped"):
        service.stop()
    clock.advance(timedelta(hours=1))
    service.start(3)
    assert service.today().kind is Today.RUN


def test_scores_out_of_range_are_refused(tmp_path, clock):
    service = _service(tmp_path, clock)
    with pytest.raises(ReturnToRunError, match="0 to 10"):
        service.start(11)
    service.start(1)
    with pytest.raises(ReturnToRunError, match="Pain is 0 to 10"):
        service.log_session(12)


def test_step_words():
    walk_run, *_, last = PLAN.steps
    assert step_words(walk_run) == "Run 1 min, walk 2 min, 8 times: 24 min in all."
    assert step_words(last) == f"Run {last.continuous_min} min at an easy pace, without stopping."
