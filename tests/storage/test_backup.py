"""Rolling backups and restore, on real SQLite files."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from companion.storage.backup import (
    BackupError,
    backups_dir,
    ensure_daily,
    list_backups,
    make_backup,
    prune,
    restore_backup,
    verify_backup,
)
from companion.storage.database import Database, open_database
from companion.storage.migrations import MIGRATIONS, latest_version
from companion.storage.reminders import WaterLog
from companion.storage.settings import SettingsRepository
from tests.storage.test_export import dump, fill

N = latest_version()


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def folder(data_dir) -> Path:
    return backups_dir(data_dir)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def water_ml(db: Database) -> list[int]:
    return [ml for (ml,) in db.conn.execute("SELECT ml FROM water_log ORDER BY id")]


def test_a_backup_is_a_private_self_contained_copy(db, folder, clock):
    fill(db, clock)
    path = make_backup(db.path, folder, clock.now())
    assert path == folder / "companion-20260615-090000.db"
    assert mode(folder) == 0o700
    assert mode(path) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no -wal, no temp file
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT count(*) FROM water_log").fetchone() == (2,)
    copy.close()
    assert verify_backup(path, N) == ""


def test_a_backup_sees_what_the_app_wrote_while_its_connection_stays_open(db, folder, clock):
    WaterLog(db).add(300, clock.now(), "app")  # committed, still in the WAL
    path = make_backup(db.path, folder, clock.now())
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT ml FROM water_log").fetchall() == [(300,)]
    copy.close()


def test_a_backup_can_be_made_on_another_thread(db, folder, clock):
    WaterLog(db).add(300, clock.now(), "app")
    made: list[Path] = []
    worker = threading.Thread(target=lambda: made.append(make_backup(db.path, folder, clock.now())))
    worker.start()
    WaterLog(db).add(200, clock.now(), "app")  # the GUI thread goes on writing
    worker.join()
    assert verify_backup(made[0], N) == ""


def test_two_backups_in_one_second_do_not_overwrite_each_other(db, folder, clock):
    first = make_backup(db.path, folder, clock.now())
    second = make_backup(db.path, folder, clock.now())
    assert second.name == "companion-20260615-090000-2.db"
    assert [b.path for b in list_backups(folder)] == [second, first]


def test_a_missing_database_cannot_be_backed_up(tmp_path, clock):
    with pytest.raises(BackupError, match="There is no database at"):
        make_backup(tmp_path / "none.db", tmp_path / "backups", clock.now())
    assert not (tmp_path / "backups").exists()


def test_ensure_daily_makes_one_a_day_and_keeps_seven(db, folder, clock):
    made = []
    for _day in range(10):
        made.append(ensure_daily(db.path, folder, clock.now()))
        clock.advance(hours=2)
        assert ensure_daily(db.path, folder, clock.now()) is None  # same day: nothing new
        clock.advance(hours=22)
    assert all(made)
    kept = list_backups(folder)
    assert [b.path for b in kept] == list(reversed(made[-7:]))
    assert kept[0].taken_at.date() > kept[-1].taken_at.date()
    assert kept[0].size == db.path.stat().st_size or kept[0].size > 0


def test_pruning_never_takes_the_copies_kept_before_a_restore(db, folder, clock):
    aside = make_backup(db.path, folder, clock.now(), prefix="companion-before-restore-")
    for _ in range(3):
        clock.advance(days=1)
        make_backup(db.path, folder, clock.now())
    removed = prune(folder, keep=1)
    assert len(removed) == 2
    infos = list_backups(folder)
    assert [b.before_restore for b in infos] == [False, True]
    assert infos[1].path == aside


def test_list_backups_ignores_other_files(folder, clock, db):
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("x")
    (folder / "companion-2026.db").write_text("x")
    (folder / ".companion-20260615-090000.db.part").write_text("x")
    assert list_backups(folder) == []
    assert list_backups(folder / "missing") == []


def damaged_copies(good: Path, tmp_path: Path) -> dict[str, Path]:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    truncated = tmp_path / "truncated.db"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    scrambled = tmp_path / "scrambled.db"
    scrambled.write_bytes(data[:4096] + b"\xa5" * (len(data) - 4096))
    return {"garbage": garbage, "truncated": truncated, "scrambled": scrambled}


def test_verify_names_the_problem(db, folder, clock, tmp_path):
    fill(db, clock)
    good = make_backup(db.path, folder, clock.now())
    copies = damaged_copies(good, tmp_path)
    assert "not a SQLite database" in verify_backup(copies["garbage"], N)
    assert "is damaged" in verify_backup(copies["truncated"], N)
    assert "is damaged" in verify_backup(copies["scrambled"], N)
    assert "does not exist" in verify_backup(tmp_path / "gone.db", N)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    assert "not one of Recovery Companion's" in verify_backup(other, N)
    assert "newer version" in verify_backup(good, N - 1)


@pytest.mark.parametrize("kind", ["garbage", "truncated", "scrambled"])
def test_restoring_a_damaged_file_is_refused_and_changes_nothing(db, folder, clock, tmp_path, kind):
    fill(db, clock)
    good = make_backup(db.path, folder, clock.now())
    bad = damaged_copies(good, tmp_path)[kind]
    WaterLog(db).add(123, clock.now(), "app")
    before = dump(db)
    with pytest.raises(BackupError):
        restore_backup(db, bad, folder, clock.now() + timedelta(minutes=1))
    assert dump(db) == before
    assert [b.path for b in list_backups(folder)] == [good]  # nothing kept aside: not needed


def test_restore_brings_back_the_backup_and_keeps_the_current_data_aside(db, folder, clock):
    WaterLog(db).add(250, clock.now(), "app")
    backup = make_backup(db.path, folder, clock.now())
    clock.advance(hours=1)
    WaterLog(db).add(500, clock.now(), "app")
    SettingsRepository(db).set("emergency_number", "999", clock.now())
    after_backup = dump(db)
    aside = restore_backup(db, backup, folder, clock.now())
    assert aside.name == "companion-before-restore-20260615-100000.db"
    assert mode(aside) == 0o600
    # The same open connection now holds what the backup had.
    assert water_ml(db) == [250]
    assert SettingsRepository(db).get("emergency_number") is None
    WaterLog(db).add(100, clock.now(), "app")  # and goes on working
    assert water_ml(db) == [250, 100]
    # The data from before is in the kept-aside copy, whole.
    kept = open_database(aside, clock.now()).database
    assert dump(kept) == after_backup
    kept.close()
    assert [b.before_restore for b in list_backups(folder)] == [True, False]
    # Another connection (the next start of the app) sees the restored data.
    again = open_database(db.path, clock.now()).database
    assert water_ml(again) == [250, 100]
    again.close()


def test_restoring_an_older_schema_runs_the_newer_migrations(db, folder, clock, tmp_path):
    old = tmp_path / "old" / "companion.db"
    old.parent.mkdir()
    older = open_database(old, clock.now(), MIGRATIONS[:5]).database
    older.conn.execute("INSERT INTO water_log (at, ml, source) VALUES ('2026-01-01', 300, 'app')")
    older.close()
    assert verify_backup(old, N) == ""
    restore_backup(db, old, folder, clock.now())
    assert db.user_version == N
    assert water_ml(db) == [300]
    assert db.query_one("SELECT snoozes FROM reminder_events") is None  # column exists
    db.conn.execute("SELECT count(*) FROM activities")  # the migration-7 table exists


def test_a_backup_from_a_newer_app_is_refused(db, folder, clock, tmp_path):
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE checkins (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE settings (key TEXT)")
    conn.execute(f"PRAGMA user_version = {N + 1}")
    conn.commit()
    conn.close()
    before = dump(db)
    with pytest.raises(BackupError, match="newer version"):
        restore_backup(db, newer, folder, clock.now())
    assert dump(db) == before
    assert not folder.exists()


def _index_damaged(good: Path, tmp_path: Path, how: str) -> Path:
    """A copy of a backup that opens and answers SELECTs, but whose index is wrong.

    ``schema``: the index's definition names another column than the one it was
    built on, so its entries no longer match the rows (PRAGMA quick_check does
    not look; integrity_check does). ``page``: the index's b-tree page has its
    cells overwritten, as a bad disk sector would leave it.
    """
    bad = tmp_path / f"index-{how}.db"
    bad.write_bytes(good.read_bytes())
    conn = sqlite3.connect(bad)
    if how == "schema":
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX water_log_at ON water_log(ml)'"
            " WHERE name = 'water_log_at'"
        )
        conn.commit()
        conn.close()
        conn = sqlite3.connect(bad)  # a fresh connection reads the edited schema
    else:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'water_log_at'"
        ).fetchone()
        conn.close()
        raw = bytearray(bad.read_bytes())
        start = (root - 1) * page_size
        raw[start + page_size // 2 : start + page_size] = b"\x5a" * (page_size // 2)
        bad.write_bytes(bytes(raw))
        conn = sqlite3.connect(bad)
    # It still opens and reads as SQLite, and the table's rows are all there.
    assert conn.execute("SELECT count(*) FROM water_log").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] > 0
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()
    return bad


@pytest.mark.parametrize("how", ["schema", "page"])
def test_a_backup_that_opens_but_fails_the_integrity_check_is_refused(
    db, folder, clock, tmp_path, how
):
    fill(db, clock)
    good = make_backup(db.path, folder, clock.now())
    bad = _index_damaged(good, tmp_path, how)
    WaterLog(db).add(123, clock.now(), "app")
    before = dump(db)
    bad_bytes = bad.read_bytes()
    with pytest.raises(BackupError, match="is damaged: SQLite's check found") as info:
        restore_backup(db, bad, folder, clock.now() + timedelta(minutes=1))
    assert bad.name in str(info.value)
    assert dump(db) == before  # the open database is as it was
    assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert [b.path for b in list_backups(folder)] == [good]  # nothing kept aside: not needed
    assert bad.read_bytes() == bad_bytes  # and the damaged file was only read
    # Another connection (the next start of the app) sees the same data.
    again = open_database(db.path, clock.now()).database
    assert dump(again) == before
    again.close()
