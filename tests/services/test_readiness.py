"""Readiness from storage and the safety gate: a real database, the fake clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.readiness import Level
from companion.domain.regions import Side
from companion.services.checkin import CheckInService
from companion.services.content import LazyContent
from companion.services.readiness import ReadinessService
from companion.services.safety import SafetyGate
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def content():
    return LazyContent()


@pytest.fixture
def service(db, clock, content):
    return ReadinessService(db, clock, SafetyGate(db, content, clock))


def check_in(db, clock, content, move: int, yes=(), onset=None, kind=SorenessType.DOMS):
    checkins = CheckInService(db, content, clock, SettingsRepository(db))
    checkins.save_conditions(())
    checkin = CheckIn(
        at=clock.now(),
        onset=onset or clock.now() - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=kind,
        regions=(RegionReport("quads_L", Side.LEFT, 1, move),),
    )
    saved = checkins.submit(checkin, lambda qs: {q.id: q.id in yes for q in qs})
    assert saved is not None
    return saved


def test_with_nothing_logged_readiness_is_not_known(service):
    result = service.today()
    assert result.level is Level.NOT_KNOWN
    assert all(i.reading.startswith(("Not known", "No warning")) for i in result.inputs)


def test_a_good_morning_and_easing_soreness_make_a_normal_day(service, db, clock, content):
    onset = clock.now() - timedelta(hours=30)
    check_in(db, clock, content, 4, onset=onset)
    clock.advance(hours=22)
    check_in(db, clock, content, 2, onset=onset)
    MorningLogRepository(db).save(MorningLog(clock.now().date(), 8, 7), clock.now())
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, clock.now() - timedelta(days=3), minutes=50, km=8), "test"
    )
    result = service.today()
    assert result.level is Level.NORMAL
    assert "getting better (it was 4/10)" in result.inputs[1].reading
    assert result.inputs[4].reading == "No jump in your latest run."


def test_a_red_answer_means_rest_with_the_gates_words(service, db, clock, content):
    MorningLogRepository(db).save(MorningLog(clock.now().date(), 9, 9), clock.now())
    saved = check_in(db, clock, content, 2, yes={"R1"})
    assert saved.plan.locked
    result = service.today()
    assert result.level is Level.REST
    assert result.inputs[0].points_to is Level.REST
    assert any("Call 112" in w for w in result.safety_words)
    assert result.lines()[1] == "Stop. These symptoms need emergency care now."


def test_a_recent_spike_makes_an_easy_day(service, db, clock, content):
    repo = ActivityRepository(db)
    repo.add(Activity(ActivityKind.RUN, clock.now() - timedelta(days=6), minutes=60, km=10), "t")
    repo.add(Activity(ActivityKind.RUN, clock.now() - timedelta(hours=14), minutes=75, km=12), "t")
    MorningLogRepository(db).save(MorningLog(clock.now().date(), 8, 8), clock.now())
    result = service.today()
    assert result.level is Level.EASY
    assert "20 % longer" in result.inputs[4].reading


def test_when_the_gate_refuses_running_readiness_says_rest_with_its_reason(
    service, db, clock, content
):
    MorningLogRepository(db).save(MorningLog(clock.now().date(), 9, 9), clock.now())
    check_in(db, clock, content, 2, kind=SorenessType.NERVE)
    result = service.today()
    assert result.level is Level.REST
    assert "burning, shooting, tingling or numb" in result.inputs[0].reading
    assert any("Running is not available now" in w for w in result.safety_words)
