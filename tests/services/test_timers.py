"""Readying a therapy timer: the limits, then the safety gate, once for every caller."""

from __future__ import annotations

from companion.domain.conditions import ReportedCondition
from companion.domain.sessions import PastSession
from companion.domain.therapy_timer import PhaseTimer
from companion.resources import load_protocols
from companion.services.content import LazyContent
from companion.services.safety import SafetyGate
from companion.services.timers import TimerService
from companion.storage.checkins import ConditionRepository
from companion.storage.database import open_database
from tests.helpers.clock import FakeClock


def service(tmp_path, clock: FakeClock, *conditions: str) -> TimerService:
    db = open_database(tmp_path / "companion.db", clock.now()).database
    ConditionRepository(db).replace([ReportedCondition(c) for c in conditions], clock.now())
    return TimerService(load_protocols(), SafetyGate(db, LazyContent(), clock), db)


def test_a_setting_beyond_a_limit_is_refused_in_its_own_words(tmp_path):
    clock = FakeClock()
    timers = service(tmp_path, clock)
    ready = timers.ready("ice", {"minutes": 25})
    assert not ready.allowed and ready.plan is None
    assert timers.refusal(ready, clock.now()).startswith("Ice on the skin: 25 min")


def test_the_gate_answers_and_its_cautions_reach_what_to_do_first(tmp_path):
    clock = FakeClock()
    timers = service(tmp_path, clock, "heart_condition")
    ready = timers.ready("ice", {})
    assert ready.allowed and ready.plan is not None
    assert "Keep ice sessions short" in ready.plan.before
    refused = timers.ready("cold-bath", {})
    assert not refused.allowed
    assert "Cold-water soak is not available now" in timers.refusal(refused, clock.now())


def test_a_saved_session_holds_the_next_one_back(tmp_path):
    clock = FakeClock()
    timers = service(tmp_path, clock)
    ready = timers.ready("heat", {"minutes": 20})
    assert ready.plan is not None
    timer = PhaseTimer(ready.plan, clock.now())
    clock.advance(minutes=20)
    timer.tick(clock.now())
    timers.save(timer)
    assert timers.gate is not None
    assert [s.kind for s in timers.gate.state().sessions] == ["heat"]
    again = timers.ready("heat", {})
    assert not again.allowed
    assert "Available again" in timers.refusal(again, clock.now())
    assert isinstance(timers.gate.state().sessions[0], PastSession)


def test_with_nothing_stored_only_the_limits_apply():
    timers = TimerService(load_protocols(), None)
    ready = timers.ready("cold-bath", {"temp_c": 17})
    assert ready.allowed
    assert ready.to_confirm  # outside the usual range: asked first


def test_skin_checks_and_the_quick_check_are_kept_with_the_session(tmp_path):
    from companion.storage.therapy import TherapyRepository

    clock = FakeClock()
    timers = service(tmp_path, clock)
    ready = timers.ready("ice", {"intermittent": True})
    assert ready.plan is not None
    timer = PhaseTimer(ready.plan, clock.now())
    timer.quick_check = {"R1": False, "R2": False, "O1": False, "O5": False}
    clock.advance(minutes=5)
    timer.ask_skin(300, clock.now())
    clock.advance(seconds=40)
    timer.answer_skin("fine", clock.now())
    clock.advance(minutes=19, seconds=20)  # 25:00: into the second ice-on
    timer.tick(clock.now())
    timer.ask_skin(1500, clock.now())
    clock.advance(minutes=1)
    timer.answer_skin("stop", clock.now())
    timers.save(timer)
    assert timers._db is not None
    (stored,) = TherapyRepository(timers._db).recent()
    assert stored.outcome == "stopped"
    assert stored.settings["stopped_for"] == "skin check"
    assert stored.settings["quick_check"] == {"R1": "no", "R2": "no", "O1": "no", "O5": "no"}
    assert stored.phases[0]["skin_checks"] == [{"at_s": 300, "answer": "fine", "after_s": 40.0}]
    assert "skin_checks" not in stored.phases[1]
    assert stored.phases[2]["skin_checks"] == [{"at_s": 1500, "answer": "stop", "after_s": 60.0}]


def test_a_quick_check_yes_is_stored_as_a_safety_outcome_and_locks(tmp_path):
    clock = FakeClock()
    timers = service(tmp_path, clock)
    catalog = LazyContent().triage
    result = timers.record_quick_check({"R1": False, "O1": True}, catalog, clock.now())
    assert result.tier.value == "orange"
    assert not timers.ready("heat", {}).allowed  # the lock the answer brings
    nothing = timers.record_quick_check({"R1": False}, catalog, clock.now())
    assert nothing.tier.value == "green"
