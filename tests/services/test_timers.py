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
