"""The gate's answer for running again (check_running), decided from a SafetyState alone."""

from __future__ import annotations

from datetime import timedelta

from companion.domain.checkin import Cause, CheckIn, SorenessType
from companion.domain.regions import Side
from companion.services.content import LazyContent
from companion.services.safety import SafetyState, Verdict, check_running
from tests.helpers.clock import FakeClock


def _checkin(clock: FakeClock, kind: SorenessType, hours_ago: float) -> CheckIn:
    now = clock.now()
    return CheckIn(now, now - timedelta(hours=hours_ago), Cause.RUN, kind)


def test_nothing_stored_allows_running(clock):
    assert check_running(SafetyState(clock.now())).verdict is Verdict.ALLOWED


def test_a_red_answer_and_a_locked_leg_refuse():
    clock = FakeClock()
    catalog = LazyContent().triage
    red = catalog.evaluate({"R1": True}, [Side.LEFT], clock.now())
    answer = check_running(SafetyState(clock.now(), triage=red))
    assert not answer.allowed
    assert "Emergency signs were reported." in answer.message(clock.now())
    orange = catalog.evaluate({"O1": True}, [Side.RIGHT], clock.now())
    answer = check_running(SafetyState(clock.now(), triage=orange))
    assert not answer.allowed
    assert answer.available_at == orange.lock_until
    assert "before you run on that leg" in answer.message(clock.now())


def test_nerve_pain_refuses_and_doms_does_not(clock):
    nerve = _checkin(clock, SorenessType.NERVE, 30)
    assert not check_running(SafetyState(clock.now(), checkin=nerve)).allowed
    doms = _checkin(clock, SorenessType.DOMS, 30)
    assert check_running(SafetyState(clock.now(), checkin=doms)).allowed


def test_a_fresh_injury_is_protected_for_72_hours(clock):
    fresh = _checkin(clock, SorenessType.ACUTE, 71)
    answer = check_running(SafetyState(clock.now(), checkin=fresh))
    assert not answer.allowed
    assert answer.available_at == clock.now() + timedelta(hours=1)
    settled = _checkin(clock, SorenessType.ACUTE, 73)
    assert check_running(SafetyState(clock.now(), checkin=settled)).allowed
