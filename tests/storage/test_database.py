import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from companion.storage.database import (
    DatabaseError,
    DatabaseTooNewError,
    open_database,
)
from companion.storage.migrations import MIGRATIONS, Migration, check_sequence, latest_version

N = latest_version()  # extra test migrations come after the app's own
EXTRA = (
    Migration(N + 1, "notes", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",)),
    Migration(
        N + 2,
        "tags",
        (
            (
                "CREATE TABLE tags (id INTEGER PRIMARY KEY,"
                " note_id INTEGER NOT NULL REFERENCES notes(id))"
            ),
            "CREATE INDEX tags_note ON tags(note_id)",
        ),
    ),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_new_database_is_private_wal_with_foreign_keys(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    opened = open_database(path, clock.now())
    db = opened.database
    assert opened.moved_aside is None
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.user_version == latest_version() >= 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "settings" in db.utils.table_names()
    db.close()


def test_migrations_run_in_order_once(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "x.db"
    open_database(path, clock.now()).database.close()
    db = open_database(path, clock.now(), MIGRATIONS + EXTRA).database
    assert db.user_version == N + 2
    assert {"settings", "notes", "tags"} <= set(db.utils.table_names())
    db.close()
    # Opening again applies nothing new and keeps the data.
    db = open_database(path, clock.now(), MIGRATIONS + EXTRA).database
    assert db.user_version == N + 2
    db.close()


def test_a_failing_migration_leaves_the_file_as_it_was(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "x.db"
    db = open_database(path, clock.now()).database
    db.conn.execute("INSERT INTO settings VALUES ('k', '1', 'now')")
    db.close()
    broken = (
        EXTRA[0],
        Migration(N + 2, "broken", ("CREATE TABLE ok_so_far (x)", "CREATE TABLE notes (dup)")),
    )
    with pytest.raises(DatabaseError, match="Could not update the database"):
        open_database(path, clock.now(), MIGRATIONS + broken)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == N
    assert conn.execute("SELECT value FROM settings WHERE key='k'").fetchone() == ("1",)
    conn.close()
    assert "notes" not in tables(path)  # neither the first extra migration
    assert "ok_so_far" not in tables(path)  # nor half of the broken one is left


def test_migration_numbers_must_be_a_sequence():
    check_sequence(MIGRATIONS + EXTRA)
    with pytest.raises(ValueError, match=r"1\.\.n"):
        check_sequence((*MIGRATIONS, EXTRA[1]))


def test_newer_database_is_refused_and_left_untouched(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(path, clock.now())
    message = str(info.value)
    assert "newer version" in message and str(path) in message and "untouched" in message
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["companion.db"]


def test_a_file_that_is_not_a_database_is_moved_aside(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    path.write_text("these are my notes, not a database\n" * 10)
    opened = open_database(path, clock.now())
    assert opened.moved_aside == data_dir / "companion.db.damaged-20260615-090000"
    assert opened.moved_aside is not None
    assert opened.moved_aside.read_text().startswith("these are my notes")
    assert "not a SQLite database" in opened.problem
    assert opened.database.user_version == latest_version()
    opened.database.close()


def test_a_corrupt_database_is_moved_aside_with_its_wal(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    db = open_database(path, clock.now()).database
    with db.transaction() as conn:
        conn.execute("CREATE TABLE big (x TEXT)")
        conn.executemany("INSERT INTO big VALUES (?)", [("x" * 500,)] * 200)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page * 2 : page * 4] = b"\xff" * (page * 2)  # wreck two pages past the header
    path.write_bytes(bytes(raw))
    (data_dir / "companion.db-wal").write_bytes(b"")
    opened = open_database(path, clock.now())
    assert opened.moved_aside is not None
    assert opened.moved_aside.exists()
    assert Path(str(opened.moved_aside) + "-wal").exists()
    assert opened.problem
    assert "big" not in opened.database.utils.table_names()
    opened.database.close()


def test_moving_aside_twice_in_one_second_keeps_both(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    for text in ("first", "second"):
        path.write_text(text)
        open_database(path, clock.now()).database.close()
        path.unlink()
        for extra in data_dir.glob("companion.db-*"):
            extra.unlink()
    kept = sorted(p.read_text() for p in data_dir.glob("companion.db.damaged-*"))
    assert kept == ["first", "second"]


def test_an_empty_file_becomes_a_new_database(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    path.touch()
    opened = open_database(path, clock.now())
    assert opened.moved_aside is None
    assert opened.database.user_version == latest_version()
    opened.database.close()


def test_transaction_is_all_or_nothing(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "x.db", clock.now()).database
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1', 'now')")
        raise RuntimeError("user cancelled half way")
    assert db.query_one("SELECT count(*) FROM settings") == (0,)
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1', 'now')")
        with pytest.raises(RuntimeError), db.transaction() as inner:
            inner.execute("INSERT INTO settings VALUES ('b', '2', 'now')")
            raise RuntimeError("inner step fails")
    assert db.query_one("SELECT group_concat(key) FROM settings") == ("a",)
    db.close()


def test_foreign_keys_are_enforced(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "x.db", clock.now(), MIGRATIONS + EXTRA).database
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute("INSERT INTO tags (note_id) VALUES (42)")
    db.close()


def _companions(path: Path) -> dict[str, str]:
    """The database's -wal/-shm/-journal files that exist, with their digests."""
    found = {}
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            found[suffix] = digest(companion)
    return found


def test_a_database_one_version_newer_written_by_the_app_is_refused_byte_for_byte(data_dir, clock):
    # As the next version would leave it: WAL mode, closed cleanly, schema N + 1.
    data_dir.mkdir()
    path = data_dir / "companion.db"
    db = open_database(path, clock.now(), MIGRATIONS + EXTRA[:1]).database
    db.conn.execute("INSERT INTO notes (body) VALUES ('from the future')")
    assert db.user_version == N + 1
    db.close()
    assert _companions(path) == {}
    before = digest(path)
    with pytest.raises(DatabaseTooNewError, match=rf"schema {N + 1}; this version knows up to {N}"):
        open_database(path, clock.now())
    assert digest(path) == before
    assert _companions(path) == {}  # the read-only look made no -wal or -shm
    assert sorted(p.name for p in data_dir.iterdir()) == ["companion.db"]


def test_a_newer_database_with_its_wal_still_beside_it_is_refused_and_both_kept(
    data_dir, clock, tmp_path
):
    # The newer app was killed: its last writes (the version bump too) are still in the -wal.
    live_dir = tmp_path / "live"
    live_dir.mkdir()
    live = open_database(live_dir / "companion.db", clock.now()).database
    live.conn.execute("PRAGMA wal_autocheckpoint = 0")
    live.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    live.conn.execute("CREATE TABLE notes (body TEXT)")
    live.conn.execute(f"PRAGMA user_version = {N + 1}")
    data_dir.mkdir()
    path = data_dir / "companion.db"
    for suffix in ("", "-wal"):  # a copy of the files as a crash would leave them
        (data_dir / f"companion.db{suffix}").write_bytes(
            (live_dir / f"companion.db{suffix}").read_bytes()
        )
    live.close()
    assert int.from_bytes(path.read_bytes()[60:64], "big") == N  # the main file alone says N
    before = digest(path), _companions(path)
    assert list(before[1]) == ["-wal"]
    with pytest.raises(DatabaseTooNewError, match=rf"schema {N + 1}"):
        open_database(path, clock.now())
    assert (digest(path), _companions(path)) == before  # and no -shm was left
