import sqlite3
from datetime import timedelta

import pytest

from companion.domain.checkin import (
    Cause,
    CheckIn,
    Descriptor,
    RegionReport,
    SorenessType,
    Swelling,
)
from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.triage import GREEN, Tier, combine
from companion.resources import load_triage
from companion.storage.checkins import CheckInRepository, ConditionRepository
from companion.storage.database import open_database

L, R = Side.LEFT, Side.RIGHT


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def make_checkin(clock, **kw):
    defaults = {
        "at": clock.now(),
        "onset": clock.now() - timedelta(hours=30),
        "cause": Cause.RUN,
        "soreness_type": SorenessType.DOMS,
        "regions": (
            RegionReport("quads_L", L, 3, 6, frozenset({Descriptor.TIGHT, Descriptor.SORE})),
            RegionReport("calves_R", R, 1, 4),
        ),
        "triage_answers": {"R1": False, "O5": False},
    }
    return CheckIn(**{**defaults, **kw})


def test_a_checkin_round_trips(db, clock):
    repo = CheckInRepository(db)
    original = make_checkin(
        clock, swelling=Swelling.ONE_SIDE, swollen_side=L, area_warm_or_red=True
    )
    repo.save(original, GREEN)
    assert repo.latest() == original
    assert repo.for_day(clock.now().date()) == original
    assert repo.for_day(clock.now().date() - timedelta(days=1)) is None


def test_saving_again_the_same_day_replaces_it(db, clock):
    repo = CheckInRepository(db)
    first_id = repo.save(make_checkin(clock), GREEN)
    clock.advance(hours=3)
    edited = make_checkin(clock, regions=(RegionReport("hamstrings_L", L, 2, 5),))
    assert repo.save(edited, GREEN) == first_id
    assert repo.latest() == edited
    assert db.query_one("SELECT count(*) FROM checkin_regions") == (1,)
    clock.advance(days=1)
    tomorrow = make_checkin(clock)
    assert repo.save(tomorrow, GREEN) != first_id
    assert repo.latest() == tomorrow


def test_a_failed_save_leaves_nothing_behind(db, clock, monkeypatch):
    repo = CheckInRepository(db)
    repo.save(make_checkin(clock), GREEN)
    before = repo.latest()
    bad = make_checkin(clock, regions=(RegionReport("quads_L", L, 1, 1),))
    # Break the database half way through the action: the answers table is gone.
    db.conn.execute("ALTER TABLE triage_answers RENAME TO triage_answers_gone")
    with pytest.raises(sqlite3.OperationalError):
        repo.save(bad, GREEN)
    db.conn.execute("ALTER TABLE triage_answers_gone RENAME TO triage_answers")
    assert repo.latest() == before


def test_orange_lock_runs_24_hours(db, clock):
    repo = CheckInRepository(db)
    catalog = load_triage()
    orange = catalog.evaluate({"O5": True}, [L], clock.now())
    repo.save(make_checkin(clock, triage_answers={"O5": True}), orange)
    (record,) = repo.active_locks(clock.now())
    rebuilt = catalog.rebuild(record)
    assert rebuilt.tier is Tier.ORANGE
    assert rebuilt.locked_legs == {L}
    assert rebuilt.flags[0].question.id == "O5"
    clock.advance(hours=23, minutes=59)
    assert len(repo.active_locks(clock.now())) == 1
    clock.advance(minutes=1)
    assert repo.active_locks(clock.now()) == []


def test_red_stays_until_assessed(db, clock):
    repo = CheckInRepository(db)
    red = load_triage().evaluate({"R2": True}, [R], clock.now())
    repo.record_outcome(red)
    clock.advance(days=5)
    assert [r.tier for r in repo.active_locks(clock.now())] == [Tier.RED]
    assert repo.confirm_assessed(clock.now()) == 1
    assert repo.active_locks(clock.now()) == []
    assert repo.confirm_assessed(clock.now()) == 0


def test_green_outcomes_are_not_stored_as_locks(db, clock):
    repo = CheckInRepository(db)
    repo.record_outcome(GREEN)
    repo.save(make_checkin(clock), GREEN)
    assert db.query_one("SELECT count(*) FROM triage_outcomes") == (0,)
    assert combine(load_triage().rebuild(r) for r in repo.active_locks(clock.now())) is GREEN


def test_scores_out_of_range_are_refused_by_the_schema(db, clock):
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute(
            "INSERT INTO checkins (day, at, onset, cause, soreness_type) "
            "VALUES ('d', 'a', 'o', 'run', 'doms')"
        )
        conn.execute(
            "INSERT INTO checkin_regions "
            "VALUES (last_insert_rowid(), 'quads_L', 'left', 11, 2, '[]')"
        )


def test_conditions_replace_as_one_action(db, clock):
    repo = ConditionRepository(db)
    assert repo.all() == ()
    repo.replace(
        [ReportedCondition("pregnancy"), ReportedCondition("skin_problem", frozenset({R}))],
        clock.now(),
    )
    assert repo.all() == (
        ReportedCondition("pregnancy"),
        ReportedCondition("skin_problem", frozenset({R})),
    )
    repo.replace([], clock.now())
    assert repo.all() == ()


def test_a_checkin_and_its_safety_outcome_are_saved_together_or_not_at_all(db, clock, monkeypatch):
    repo = CheckInRepository(db)
    red = load_triage().evaluate({"R1": True}, [L], clock.now())

    def fail(conn, triage):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(CheckInRepository, "_insert_outcome", staticmethod(fail))
    with pytest.raises(sqlite3.OperationalError):
        repo.save(make_checkin(clock, triage_answers={"R1": True}), red)
    assert repo.latest() is None
    for table in ("checkins", "checkin_regions", "triage_answers", "triage_outcomes"):
        assert db.query_one(f"SELECT count(*) FROM {table}") == (0,), table
    assert not db.conn.in_transaction
    # A trigger that refuses the outcome row itself: the same.
    monkeypatch.undo()
    db.conn.execute(
        "CREATE TRIGGER refuse_outcome BEFORE INSERT ON triage_outcomes "
        "BEGIN SELECT RAISE(ABORT, 'outcome refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="outcome refused"):
        repo.save(make_checkin(clock, triage_answers={"R1": True}), red)
    assert repo.latest() is None
    assert db.query_one("SELECT count(*) FROM triage_answers") == (0,)
