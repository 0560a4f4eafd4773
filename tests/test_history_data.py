"""benchmarks/history_data.py: a quarter of a year of generated history, checked.

The file must be sound SQLite, in the proportions a runner's life gives, load
through the app's own repositories, and show soreness the way DOMS runs.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.domain.activity import ActivityKind
from companion.domain.checkin import CheckIn
from companion.domain.reminders import Kind
from companion.resources import load_regions
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.checkins import CheckInRepository
from companion.storage.database import Database, open_database
from companion.storage.migrations import latest_version
from companion.storage.reminders import ReminderRepository, WaterLog
from companion.storage.runs import RunRepository
from companion.storage.therapy import TherapyRepository

REPO = Path(__file__).resolve().parent.parent


def _load_benchmark() -> Any:
    """benchmarks/ is a folder of scripts, not a package: load the file by its path."""
    spec = importlib.util.spec_from_file_location(
        "history_data", REPO / "benchmarks" / "history_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


history_data = _load_benchmark()
generate = history_data.generate
DEFAULT_ZONE = history_data.DEFAULT_ZONE
TABLES = history_data.TABLES
END = datetime(2025, 6, 30, 23, 30, tzinfo=DEFAULT_ZONE)
YEARS = 0.25
DAYS = round(YEARS * 365.25)
WEEKS = DAYS / 7


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("history") / "history.db"
    return path, generate(path, years=YEARS, seed=1, end=END)


@pytest.fixture
def conn(history: tuple[Path, dict[str, int]]) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(history[0])) as connection:
        yield connection


@pytest.fixture
def db(history: tuple[Path, dict[str, int]]) -> Iterator[Database]:
    database = open_database(history[0], END).database
    yield database
    database.close()


def count(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def test_the_file_is_sound_sqlite(conn):
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert count(conn, "PRAGMA user_version") == latest_version()


def test_the_counts_are_the_tables_and_in_proportion(history, conn):
    _, counts = history
    assert set(counts) == set(TABLES)
    for table, n in counts.items():
        assert count(conn, f"SELECT COUNT(*) FROM {table}") == n, table

    def kind(name: str) -> int:
        return count(conn, "SELECT COUNT(*) FROM activities WHERE kind = ?", name)

    assert 2.5 * WEEKS <= kind("run") <= 5 * WEEKS  # 3-5 a week, less in a break
    assert 0.7 * WEEKS <= kind("leg_day") <= 2 * WEEKS
    assert 0 < kind("long_standing") <= 2 * WEEKS
    assert DAYS / 2 <= counts["checkins"] <= DAYS  # most days, one at most
    assert 5 * counts["checkins"] <= counts["checkin_regions"] <= 25 * counts["checkins"]
    assert 0 < counts["triage_answers"] < counts["checkin_regions"]
    assert 0.7 * DAYS <= counts["daily_log"] <= DAYS
    # Most runs say how the regions they worked feel afterwards, up to four each.
    assert 0.5 * counts["routine_runs"] <= counts["routine_run_feel"] <= 4 * counts["routine_runs"]
    assert 4 * DAYS <= counts["water_log"] <= 12 * DAYS
    assert 2 * DAYS <= counts["routine_runs"] <= 6 * DAYS
    assert 4 * counts["routine_runs"] <= counts["routine_run_steps"]
    assert counts["routine_run_steps"] <= 13 * counts["routine_runs"]
    assert 1 * WEEKS <= counts["therapy_sessions"] <= 5 * WEEKS
    assert counts["reminder_rules"] == 1
    assert counts["reminder_events"] > 0


def test_the_values_look_like_a_runner(conn):
    runs = conn.execute("SELECT km, minutes, effort FROM activities WHERE kind = 'run'").fetchall()
    assert all(
        5 <= km <= 25 and 4.5 <= minutes / km <= 7.0 and 1 <= e <= 10 for km, minutes, e in runs
    )
    assert (
        count(conn, "SELECT COUNT(*) FROM activities WHERE kind != 'run' AND km IS NOT NULL") == 0
    )
    assert count(conn, "SELECT COUNT(*) FROM activities WHERE source != 'app'") == 0
    (sleep,) = conn.execute("SELECT AVG(sleep_hours) FROM daily_log").fetchone()
    assert 6.8 <= sleep <= 7.6
    assert count(conn, "SELECT MIN(sleep_hours) >= 5 AND MAX(sleep_hours) <= 9 FROM daily_log")
    drinks = conn.execute("SELECT MIN(ml), MAX(ml) FROM water_log WHERE source != 'reminder'")
    assert drinks.fetchone() == (150, 500)
    rests = conn.execute(
        "SELECT on_movement - at_rest FROM checkin_regions WHERE at_rest > 0"
    ).fetchall()
    assert {gap for (gap,) in rests} <= {1, 2, 3}


def test_times_are_stored_as_the_repositories_store_them(conn):
    utc_columns = (
        ("activities", "ended_at"),
        ("water_log", "at"),
        ("therapy_sessions", "started_at"),
        ("reminder_events", "due_at"),
    )
    for table, column in utc_columns:
        assert count(conn, f"SELECT COUNT(*) FROM {table} WHERE {column} NOT LIKE '%+00:00'") == 0
    for day, at, onset in conn.execute("SELECT day, at, onset FROM checkins"):
        moment = datetime.fromisoformat(at)
        assert moment.utcoffset() == moment.astimezone(DEFAULT_ZONE).utcoffset()
        assert moment.date().isoformat() == day
        assert datetime.fromisoformat(onset) <= moment
        assert moment <= END


def test_the_history_loads_through_the_apps_repositories(db):
    checkins = CheckInRepository(db)
    latest = checkins.latest()
    assert isinstance(latest, CheckIn)
    assert latest.regions
    for (checkin_id,) in db.conn.execute("SELECT id FROM checkins").fetchall():
        checkins.load(checkin_id)  # every region, descriptor and cause is a valid value

    activities = ActivityRepository(db)
    assert activities.recent()
    everything = activities.between(END - timedelta(days=DAYS + 1), END)
    assert {a.kind for _, a in everything} >= {ActivityKind.RUN, ActivityKind.LEG_DAY}

    assert TherapyRepository(db).recent()
    runs = RunRepository(db).recent()
    assert runs
    assert all(4 <= len(run.steps) <= 13 for run in runs)
    assert MorningLogRepository(db).between(END.date() - timedelta(days=DAYS), END.date())

    reminders = ReminderRepository(db)
    (rule,) = reminders.all()
    assert rule.kind is Kind.HYDRATION
    assert rule.enabled
    assert rule.daily_goal_ml == 2500
    assert reminders.events_between(END - timedelta(days=DAYS + 1), END)
    water = WaterLog(db)
    week = [END.date() - timedelta(days=n) for n in range(1, 8)]
    assert any(water.total_on(day, DEFAULT_ZONE) > 0 for day in week)


def test_region_ids_are_the_body_maps(conn):
    known = set(load_regions().ids)
    used = {rid for (rid,) in conn.execute("SELECT DISTINCT region_id FROM checkin_regions")}
    assert used <= known


def adductor_scores(conn: sqlite3.Connection, first: date, days: int) -> dict[int, int]:
    """Day offset -> the worse adductor's score on movement, on the days with a check-in."""
    scores: dict[int, int] = {}
    for offset in range(days):
        day = (first + timedelta(days=offset)).isoformat()
        row = conn.execute(
            "SELECT (SELECT COALESCE(MAX(on_movement), 0) FROM checkin_regions "
            "WHERE checkin_id = checkins.id AND region_id LIKE 'adductors%') "
            "FROM checkins WHERE day = ?",
            (day,),
        ).fetchone()
        if row is not None:
            scores[offset] = int(row[0])
    return scores


def test_doms_after_a_leg_day_rises_then_falls(conn):
    """Only leg days load the adductors; a leg day with no other within 6.5 days either side
    is one clean episode: worst on day 1-3, rising before and easing after."""
    legs = [
        datetime.fromisoformat(at)
        for (at,) in conn.execute("SELECT ended_at FROM activities WHERE kind = 'leg_day'")
    ]
    alone = [a for a in legs if all(b == a or abs(b - a) > timedelta(days=6.5) for b in legs)]
    assert alone
    peaks = []
    for leg_day in alone:
        scores = adductor_scores(conn, leg_day.astimezone(DEFAULT_ZONE).date(), 7)
        if not any(scores.values()):
            continue
        peak_day = max(scores, key=lambda d: (scores[d], -d))
        assert 1 <= peak_day <= 3, (leg_day, scores)
        before = [scores[d] for d in sorted(scores) if d <= peak_day]
        after = [scores[d] for d in sorted(scores) if d >= peak_day]
        assert before == sorted(before), (leg_day, scores)
        assert after == sorted(after, reverse=True), (leg_day, scores)
        peaks.append(scores[peak_day])
    assert max(peaks) >= 3


def test_a_recovered_region_comes_down_to_zero(conn):
    """The day after a region's last sore check-in, it is logged once more at 0."""
    zeros = count(
        conn, "SELECT COUNT(*) FROM checkin_regions WHERE on_movement = 0 AND at_rest = 0"
    )
    assert zeros > 0


def test_the_same_seed_gives_the_same_history(tmp_path, history, conn):
    again = tmp_path / "again.db"
    counts = generate(again, years=YEARS, seed=1, end=END)
    assert counts == history[1]
    with contextlib.closing(sqlite3.connect(again)) as other:
        for table in ("checkin_regions", "water_log", "routine_run_steps"):
            sql = f"SELECT * FROM {table} ORDER BY rowid"
            assert other.execute(sql).fetchall() == conn.execute(sql).fetchall(), table


def test_dense_rates_every_region_every_day(tmp_path):
    path = tmp_path / "dense.db"
    counts = generate(path, years=YEARS, seed=1, end=END, dense=True)
    assert counts["checkins"] == DAYS
    assert counts["checkin_regions"] == len(load_regions()) * DAYS


def test_an_existing_database_is_never_written_into(history):
    with pytest.raises(FileExistsError):
        generate(history[0], years=YEARS, end=END)
