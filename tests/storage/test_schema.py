"""The schema every path reaches: from scratch, and from each earlier version.

``schema.golden.json`` beside this file is the schema ``open_database``
makes: every table's columns (type, not null, default, primary key), its
foreign keys and normalised SQL (which holds the CHECK constraints), every
index with its columns, triggers and views, and ``user_version``. A database
built at any earlier version with migrations 1..N (with a little data in it)
and then opened by the app must reach exactly the same schema, and keep its
data.

After adding a migration, regenerate the snapshot and review its diff:

    UPDATE_SCHEMA_GOLDEN=1 .venv/bin/pytest tests/storage/test_schema.py

(or ``.venv/bin/python -m tests.storage.test_schema``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from companion.storage.database import open_database
from companion.storage.migrations import MIGRATIONS, latest_version
from tests.helpers.clock import FakeClock

GOLDEN = Path(__file__).with_name("schema.golden.json")
UPDATE_ENV = "UPDATE_SCHEMA_GOLDEN"
N = latest_version()

# A little data for the tables each version brings, so an upgrade is tested on a
# database in use, not an empty one.
SEED: dict[int, tuple[str, ...]] = {
    1: ("INSERT INTO settings VALUES ('water_goal_ml', '2500', '2026-01-01T09:00:00+00:00')",),
    2: (
        (
            "INSERT INTO checkins (id, day, at, onset, cause, soreness_type)"
            " VALUES (1, '2026-01-01', '2026-01-01T09:00:00+00:00', '2026-01-01T07:00:00+00:00',"
            " 'run', 'doms')"
        ),
        "INSERT INTO checkin_regions VALUES (1, 'calf', 'left', 2, 4, '[\"tight\"]')",
        "INSERT INTO triage_answers VALUES (1, 'R1', 0, '2026-01-01T09:00:00+00:00')",
        (
            "INSERT INTO triage_outcomes (at, tier, questions, restrictions, locked_legs,"
            " locks_everything) VALUES ('2026-01-01T09:00:00+00:00', 'green', '[]', '[]', '[]', 0)"
        ),
        "INSERT INTO health_conditions VALUES ('diabetes', '[]', '2026-01-01T09:00:00+00:00')",
    ),
    3: (
        (
            "INSERT INTO routine_runs VALUES (1, 'today', 'Today', '2026-01-01T10:00:00+00:00',"
            " '2026-01-01T10:10:00+00:00', 'completed')"
        ),
        (
            "INSERT INTO routine_run_steps VALUES (1, 0, 'calf_stretch', 'calf', 'left', 30, 30.0,"
            " 'completed')"
        ),
    ),
    4: (
        (
            "INSERT INTO user_routines VALUES ('mine-1', 'Mine', '', '[]',"
            " '2026-01-01T10:00:00+00:00', '2026-01-01T10:00:00+00:00')"
        ),
    ),
    5: (
        (
            "INSERT INTO reminder_rules (id, kind, title, spec, created_at, updated_at)"
            " VALUES (1, 'hydration', 'Water', '{}', '2026-01-01T08:00:00+00:00',"
            " '2026-01-01T08:00:00+00:00')"
        ),
        (
            "INSERT INTO reminder_events (rule_id, kind, title, due_at, answer)"
            " VALUES (1, 'hydration', 'Water', '2026-01-01T11:00:00+00:00', 'done')"
        ),
        "INSERT INTO water_log (at, ml, source) VALUES ('2026-01-01T11:00:00+00:00', 250, 'app')",
        (
            "INSERT INTO therapy_sessions"
            " (therapy, started_at, ended_at, outcome, settings, phases)"
            " VALUES ('ice', '2026-01-01T12:00:00+00:00', '2026-01-01T12:15:00+00:00', 'completed',"
            " '{}', '[]')"
        ),
    ),
    6: ("UPDATE reminder_events SET snoozes = 2",),
    7: (
        (
            "INSERT INTO activities (kind, ended_at, minutes, source)"
            " VALUES ('run', '2026-01-01T07:00:00+00:00', 30, 'app')"
        ),
        "INSERT INTO daily_log VALUES ('2026-01-02', 7.5, 6, '2026-01-02T08:00:00+00:00')",
        (
            "INSERT INTO trend_alerts (rule, subject, episode, raised_at, detail)"
            " VALUES ('T8', '', '2026-01-01', '2026-01-02T08:00:00+00:00', 'three tired mornings')"
        ),
    ),
    8: ("INSERT INTO routine_run_feel VALUES (1, 'calf', 'left', 4, 2)",),
    9: (
        (
            "INSERT INTO activities (kind, ended_at, minutes, km, source, sport, avg_hr, max_hr, "
            "elevation_gain_m, source_file, content_hash) "
            "VALUES ('run', '2026-11-02T07:00:00+00:00', "
            "50, 10.2, 'import', 'trail running', 148, 171, 240.5, 'run.fit', 'ab12')"
        ),
    ),
    10: (
        (
            "INSERT INTO return_to_run_plans (id, started_at, baseline, current_step)"
            " VALUES (1, '2026-12-01T09:00:00+00:00', 1, 'walk_run_1')"
        ),
        (
            "INSERT INTO return_to_run_sessions (plan_id, day, step, pain, completed, logged_at)"
            " VALUES (1, '2026-12-01', 'walk_run_1', 2, 1, '2026-12-01T10:00:00+00:00')"
        ),
    ),
}


def _normalise_sql(sql: str | None) -> str | None:
    if sql is None:
        return None
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return re.sub(r"\s+", " ", without_comments).strip().replace("( ", "(").replace(" )", ")")


def _column(name: str, kind: str, notnull: int, default: str | None, pk: int, hidden: int) -> str:
    """One column on one line, as SQL would say it, so a diff names the column it is in."""
    text = f"{name} {kind}"
    if notnull:
        text += " NOT NULL"
    if default is not None:
        text += f" DEFAULT {default}"
    if pk:
        text += f" PRIMARY KEY #{pk}"
    if hidden:
        text += f" HIDDEN {hidden}"
    return text


def schema_of(conn: sqlite3.Connection) -> dict[str, Any]:
    """The schema as plain data, sorted, so two databases compare (and diff) by value."""
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    tables: dict[str, Any] = {}
    indexes: dict[str, Any] = {}
    others: dict[str, Any] = {}
    for kind, name, table, sql in objects:
        if kind == "table":
            tables[name] = {
                "columns": [
                    _column(col_name, col_type, notnull, default, pk, hidden)
                    for _cid, col_name, col_type, notnull, default, pk, hidden in conn.execute(
                        f"PRAGMA table_xinfo('{name}')"
                    )
                ],
                "foreign_keys": sorted(
                    f"{src} -> {ref}({dst}) ON DELETE {on_delete} ON UPDATE {on_update}"
                    for _id, _seq, ref, src, dst, on_update, on_delete, _match in conn.execute(
                        f"PRAGMA foreign_key_list('{name}')"
                    )
                ),
                "sql": _normalise_sql(sql),
            }
        else:
            entry = {"table": table, "sql": _normalise_sql(sql)}
            if kind == "index":
                indexes[name] = entry
            else:
                others[f"{kind} {name}"] = entry
    # Each table's indexes by their columns, those SQLite makes itself for UNIQUE and
    # composite primary keys (sqlite_autoindex_*, no SQL) included.
    for table, described in tables.items():
        listed = []
        for _seq, index_name, unique, origin, partial in conn.execute(
            f"PRAGMA index_list('{table}')"
        ):
            columns = [
                col for _seqno, _cid, col, *_ in conn.execute(f"PRAGMA index_info('{index_name}')")
            ]
            flags = (" UNIQUE" if unique else "") + (" PARTIAL" if partial else "")
            listed.append(f"{index_name} ({', '.join(columns)}){flags} origin={origin}")
        described["indexes"] = sorted(listed)
    return {
        "user_version": int(conn.execute("PRAGMA user_version").fetchone()[0]),
        "tables": tables,
        "indexes": indexes,
        "triggers_and_views": others,
    }


def schema_json(path: Path) -> str:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return json.dumps(schema_of(conn), indent=2, sort_keys=True) + "\n"
    finally:
        conn.close()


def build_at_version(path: Path, version: int) -> None:
    """A database as an older app left it: migrations 1..version, with some data."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        for migration in MIGRATIONS[:version]:
            conn.execute("BEGIN")
            for statement in migration.statements:
                conn.execute(statement)
            for statement in SEED.get(migration.version, ()):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
    finally:
        conn.close()


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f"SELECT count(*) FROM '{n}'").fetchone()[0] for n in names}
    finally:
        conn.close()


def from_scratch(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "companion.db"
    open_database(path, FakeClock().now()).database.close()
    return path


def assert_matches_golden(actual: str, how: str) -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    if actual == expected:
        return
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(GOLDEN.name),
            tofile=how,
        )
    )
    pytest.fail(
        f"The schema {how} differs from {GOLDEN.name}. If a new migration meant this, "
        f"regenerate it with {UPDATE_ENV}=1 and review the change.\n{diff}",
        pytrace=False,
    )


def test_the_golden_snapshot_is_of_the_newest_schema():
    assert json.loads(GOLDEN.read_text(encoding="utf-8"))["user_version"] == N


def test_migrating_from_scratch_gives_the_golden_schema(tmp_path):
    actual = schema_json(from_scratch(tmp_path / "scratch"))
    if os.environ.get(UPDATE_ENV):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert_matches_golden(actual, "made from scratch")


@pytest.mark.parametrize("version", range(1, N))
def test_migrating_from_an_earlier_version_gives_the_same_schema_and_keeps_the_data(
    tmp_path, clock, version
):
    path = tmp_path / "companion.db"
    build_at_version(path, version)
    seeded = row_counts(path)
    assert all(seeded.values()), seeded  # every table there has a row
    opened = open_database(path, clock.now())
    assert opened.moved_aside is None
    db = opened.database
    assert db.user_version == N
    assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
    assert_matches_golden(schema_json(path), f"migrated from version {version}")
    after = row_counts(path)
    assert {t: after[t] for t in seeded} == seeded
    if version == 5:
        # Migration 6's column reaches rows written before it with its default.
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT snoozes FROM reminder_events").fetchall() == [(0,)]
        conn.close()


def test_the_seed_data_covers_every_version():
    assert set(SEED) == {m.version for m in MIGRATIONS}


if __name__ == "__main__":  # python -m tests.storage.test_schema: rewrite the snapshot
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        GOLDEN.write_text(schema_json(from_scratch(Path(scratch))), encoding="utf-8")
    print(f"wrote {GOLDEN}")
