"""Load for History and the plan, and an imported run's effort asked once: a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.services.checkin import CheckInService
from companion.services.content import LazyContent
from companion.services.load import EFFORT_ASKED_KEY, LoadService, effort_question
from companion.storage.activities import ActivityRepository
from companion.storage.activity_effort import set_effort
from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def log_run(db, clock, hours_ago: float, km: float, effort: int | None = 5, **extra):
    activity = Activity(
        ActivityKind.RUN,
        clock.now() - timedelta(hours=hours_ago),
        minutes=km * 6,
        km=km,
        effort=effort,
        **extra,
    )
    return ActivityRepository(db).add(activity, "test")


def test_weeks_read_the_log(db, clock):
    log_run(db, clock, 2, 10, effort=6)
    log_run(db, clock, 30, 8, effort=None)
    log_run(db, clock, 24 * 9, 12, effort=4)
    weeks = LoadService(db, clock).weeks()
    assert len(weeks) == 4
    assert weeks[0].session_load == 60 * 6
    assert [a.km for a in weeks[0].effort_missing] == [8]
    assert weeks[0].distance_km == 18
    assert weeks[1].session_load == 72 * 4


def test_set_effort_writes_one_row_and_refuses_what_is_not_an_effort(db, clock):
    run_id = log_run(db, clock, 2, 10, effort=None)
    assert set_effort(db, run_id, 7)
    assert ActivityRepository(db).recent(1)[0][1].effort == 7
    assert not set_effort(db, run_id + 99, 7)
    for bad in (0, 11, True):
        with pytest.raises(ValueError, match="1 to 10"):
            set_effort(db, run_id, bad)


def test_an_imported_run_without_effort_is_asked_about_once(db, clock):
    service = LoadService(db, clock)
    typed = log_run(db, clock, 3, 8, effort=None)  # typed in without effort: left so
    first = log_run(db, clock, 20, 12, effort=None, source_file="run.fit")
    second = log_run(db, clock, 5, 5, effort=None, source_file="b.gpx")
    log_run(db, clock, 24 * 4, 9, effort=None, source_file="old.fit")  # too long ago
    log_run(db, clock, 6, 6, effort=4, source_file="c.fit")  # has one
    assert [i for i, _a in service.runs_missing_effort()] == [second, first]
    assert typed not in [i for i, _a in service.runs_missing_effort()]
    service.set_effort(second, 6)
    assert [i for i, _a in service.runs_missing_effort()] == [first]
    service.mark_asked(first)  # waved away: never asked again
    assert service.runs_missing_effort() == []
    assert SettingsRepository(db).get(EFFORT_ASKED_KEY) == [second, first]
    with pytest.raises(ValueError, match="no longer"):
        service.set_effort(9999, 5)


def test_the_question_names_the_run_and_the_day(clock):
    now = clock.now()
    run = Activity(ActivityKind.RUN, now - timedelta(days=1), minutes=70, km=12)
    assert effort_question(run, now) == "How hard was your 12 km run yesterday?"
    today = Activity(ActivityKind.RUN, now - timedelta(hours=1), minutes=30)
    assert effort_question(today, now) == "How hard was your 30-minute run today?"


def test_the_plan_says_a_recent_spike_in_its_why_lines(db, clock):
    log_run(db, clock, 24 * 5, 10)
    log_run(db, clock, 3, 12)  # 20 % longer than the month's longest
    content = LazyContent()
    checkins = CheckInService(db, content, clock, SettingsRepository(db))
    checkins.save_conditions(())
    checkin = CheckIn(
        at=clock.now(),
        onset=clock.now() - timedelta(hours=3),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(RegionReport("calves_L", Side.LEFT, 1, 3),),
    )
    saved = checkins.submit(checkin, lambda qs: {q.id: False for q in qs})
    assert saved is not None
    assert any("20 % longer" in note for note in saved.plan.notes)


def test_a_red_plan_keeps_the_emergency_message_alone(db, clock):
    log_run(db, clock, 24 * 5, 10)
    log_run(db, clock, 3, 12)
    content = LazyContent()
    checkins = CheckInService(db, content, clock, SettingsRepository(db))
    checkins.save_conditions(())
    checkin = CheckIn(
        at=clock.now(),
        onset=clock.now() - timedelta(hours=3),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(RegionReport("calves_L", Side.LEFT, 2, 5),),
    )
    saved = checkins.submit(checkin, lambda qs: {q.id: q.id == "R1" for q in qs})
    assert saved is not None and saved.plan.locked
    assert not any("longer" in note for note in saved.plan.notes)
