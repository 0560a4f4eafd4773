import sqlite3
from datetime import timedelta

import pytest

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.feel import FeelScore
from companion.domain.regions import Side
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.triage import GREEN
from companion.resources import load_exercises
from companion.services.runs import RunService
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def finished_session(clock):
    strap = load_exercises().get("strap_hamstring")
    steps = (
        RoutineStep(strap, "hamstrings_L", "left", 30, 2),
        RoutineStep(strap, "hamstrings_R", "right", 30, 2),
    )
    start = clock.now()
    session = RoutineSession(steps, start)
    session.stop(start + timedelta(seconds=20))
    return session


def checkin(at, *regions):
    return CheckIn(
        at=at,
        onset=at - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=regions,
        triage_answers={},
    )


def test_save_returns_the_run_id_and_feel_is_kept(db, clock):
    service = RunService(db, clock)
    run_id = service.save("post_run_cooldown", "Post-run cool-down", finished_session(clock))
    assert isinstance(run_id, int)
    scores = [FeelScore("hamstrings_L", "left", 6, 4), FeelScore("hamstrings_R", "right", None, 3)]
    service.record_feel(run_id, scores)
    assert service.feel(run_id) == tuple(scores)


def test_record_feel_replaces_earlier_scores(db, clock):
    service = RunService(db, clock)
    run_id = service.save("r", "R", finished_session(clock))
    service.record_feel(run_id, [FeelScore("hamstrings_L", "left", 6, 4)])
    service.record_feel(run_id, [FeelScore("hamstrings_R", "right", 5, 5)])
    assert service.feel(run_id) == (FeelScore("hamstrings_R", "right", 5, 5),)


def test_record_feel_is_one_transaction(db, clock):
    service = RunService(db, clock)
    run_id = service.save("r", "R", finished_session(clock))
    service.record_feel(run_id, [FeelScore("hamstrings_L", "left", 6, 4)])
    # The second row breaks the table's CHECK: nothing of the new answer is kept,
    # and the earlier one stands.
    bad = FeelScore("calves_L", "left", 5, 5)
    object.__setattr__(bad, "after", 14)
    with pytest.raises(sqlite3.IntegrityError):
        service.record_feel(run_id, [FeelScore("hamstrings_R", "right", 2, 1), bad])
    assert service.feel(run_id) == (FeelScore("hamstrings_L", "left", 6, 4),)


def test_record_feel_refuses_the_same_region_twice_and_an_unknown_run(db, clock):
    service = RunService(db, clock)
    run_id = service.save("r", "R", finished_session(clock))
    twice = [FeelScore("calves_L", "left", 6, 4), FeelScore("calves_L", "left", 6, 3)]
    with pytest.raises(ValueError, match="once per run"):
        service.record_feel(run_id, twice)
    with pytest.raises(KeyError, match="no routine run"):
        service.record_feel(run_id + 99, [FeelScore("calves_L", "left", 6, 4)])


def test_feel_goes_with_its_run(db, clock):
    service = RunService(db, clock)
    run_id = service.save("r", "R", finished_session(clock))
    service.record_feel(run_id, [FeelScore("hamstrings_L", "left", 6, 4)])
    with db.transaction() as conn:
        conn.execute("DELETE FROM routine_runs WHERE id = ?", (run_id,))
    assert db.query_one("SELECT COUNT(*) FROM routine_run_feel") == (0,)


def test_before_scores_come_from_todays_checkin(db, clock):
    CheckInRepository(db).save(
        checkin(
            clock.now() - timedelta(hours=1),
            RegionReport("calves_L", Side.LEFT, 2, 6),
            RegionReport("calves_R", Side.RIGHT, 4, 3),
            RegionReport("lower_back", Side.CENTRE, 5, 5),
        ),
        GREEN,
    )
    service = RunService(db, clock)
    asked = [
        ("calves_L", "left"),
        ("calves_R", "right"),
        ("calves", "both"),
        ("lower_back", "both"),
        ("quads_L", "left"),
    ]
    assert service.before_scores(asked) == {
        ("calves_L", "left"): 6,
        ("calves_R", "right"): 4,
        ("calves", "both"): 6,  # the sorer side
        ("lower_back", "both"): 5,
    }


def test_no_before_scores_from_yesterday(db, clock):
    CheckInRepository(db).save(
        checkin(clock.now() - timedelta(days=1), RegionReport("calves_L", Side.LEFT, 2, 6)),
        GREEN,
    )
    assert RunService(db, clock).before_scores([("calves_L", "left")]) == {}
