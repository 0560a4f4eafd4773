"""The return-to-run tables: a plan, its sessions, the morning after, stops."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from companion.domain.return_to_run import Session, Sign
from companion.storage.database import open_database
from companion.storage.return_to_run import ReturnToRunRepository


def _repo(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "c.db", clock.now()).database
    return db, ReturnToRunRepository(db)


def test_a_plan_its_sessions_and_mornings_are_stored(data_dir, clock):
    _db, repo = _repo(data_dir, clock)
    assert repo.latest() is None
    pid = repo.start(clock.now(), 2, "walk_run_1")
    plan = repo.latest()
    assert plan is not None
    assert (plan.id, plan.current_step, plan.stop_reason) == (pid, "walk_run_1", None)
    assert plan.state.started_at == clock.now()
    assert plan.state.baseline == 2
    assert not plan.state.stopped
    day = clock.now().date()
    session = Session(day, "walk_run_1", 3, True, frozenset({Sign.LIMP}))
    repo.add_session(pid, session, clock.now(), "walk_run_1")
    assert repo.sessions(pid) == [session]
    repo.set_morning(
        pid,
        day,
        morning=1,
        signs={Sign.NIGHT_PAIN},
        at=clock.now() + timedelta(days=1),
        current_step="walk_run_2",
    )
    (stored,) = repo.sessions(pid)
    assert stored.morning == 1
    assert stored.morning_signs == {Sign.NIGHT_PAIN}
    assert repo.latest().current_step == "walk_run_2"


def test_a_morning_for_a_day_without_a_session_is_refused(data_dir, clock):
    _db, repo = _repo(data_dir, clock)
    pid = repo.start(clock.now(), 2, "walk_run_1")
    with pytest.raises(KeyError, match="no session on 2026-06-01"):
        repo.set_morning(
            pid, date(2026, 6, 1), morning=1, signs=(), at=clock.now(), current_step="a"
        )


def test_one_session_a_day_and_scores_in_range(data_dir, clock):
    db, repo = _repo(data_dir, clock)
    pid = repo.start(clock.now(), 2, "walk_run_1")
    day = clock.now().date()
    repo.add_session(pid, Session(day, "walk_run_1", 1, True), clock.now(), "walk_run_1")
    with pytest.raises(sqlite3.IntegrityError):
        repo.add_session(pid, Session(day, "walk_run_1", 1, True), clock.now(), "walk_run_1")
    with pytest.raises(sqlite3.IntegrityError):
        repo.add_session(
            pid, Session(day + timedelta(days=2), "walk_run_1", 11, True), clock.now(), "x"
        )
    with pytest.raises(sqlite3.IntegrityError):
        repo.start(clock.now() + timedelta(hours=1), 12, "walk_run_1")
    assert len(repo.sessions(pid)) == 1
    assert db.query_one("SELECT current_step FROM return_to_run_plans") == ("walk_run_1",)


def test_a_stop_is_kept_with_its_reason_and_the_latest_plan_wins(data_dir, clock):
    _db, repo = _repo(data_dir, clock)
    first = repo.start(clock.now(), 2, "walk_run_1")
    repo.stop(first, clock.now(), for_care=True)
    plan = repo.latest()
    assert plan is not None
    assert plan.stop_reason == "care"
    assert plan.state.stopped_for_care
    assert plan.state.stopped_at == clock.now()
    repo.stop(first, clock.now() + timedelta(hours=1), for_care=False)  # a second stop: no-op
    assert repo.latest().stop_reason == "care"
    second = repo.start(clock.now() + timedelta(days=3), 1, "walk_run_1")
    latest = repo.latest()
    assert latest is not None
    assert latest.id == second
    assert not latest.state.stopped
