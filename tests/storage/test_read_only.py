"""A data file the user may not write: it opens read-only, reads work, writes are
refused with one plain sentence, and nothing about the file changes."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from companion.storage.database import (
    Database,
    DatabaseError,
    ReadOnlyDatabaseError,
    open_database,
)
from companion.storage.migrations import MIGRATIONS
from companion.storage.settings import SettingsRepository
from tests.helpers.clock import FakeClock
from tests.helpers.file_modes import run_where_modes_apply

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

OPEN_AND_TRY = r"""
import json, sys
from datetime import datetime, timezone
from pathlib import Path
from companion.storage.database import ReadOnlyDatabaseError, open_database
from companion.storage.settings import SettingsRepository
now = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
opened = open_database(Path(sys.argv[1]), now)
settings = SettingsRepository(opened.database)
report = {"read_only": opened.read_only, "value": settings.get("greeting")}
try:
    settings.set("greeting", "changed", now)
    report["write"] = "saved"
except ReadOnlyDatabaseError as exc:
    report["write"] = str(exc)
opened.database.close()
print(json.dumps(report))
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _made_database(folder: Path, clock: FakeClock) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "companion.db"
    db = open_database(path, clock.now()).database
    SettingsRepository(db).set("greeting", "hello", clock.now())
    db.close()
    return path


def test_a_read_only_file_opens_for_reading_and_refuses_writes(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = _made_database(tmp_path / "data", clock)
    path.chmod(0o400)
    before = _digest(path)

    result = run_where_modes_apply(["-c", OPEN_AND_TRY, str(path)])

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["read_only"] is True
    assert report["value"] == "hello"
    assert "read-only" in report["write"] and "Not saved" in report["write"]
    assert _digest(path) == before
    assert _mode(path) == 0o400  # the user's own chmod is kept
    assert sorted(p.name for p in path.parent.iterdir()) == ["companion.db"]


def test_a_read_only_file_from_an_older_version_is_refused_untouched(
    tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "companion.db"
    db = open_database(path, clock.now(), MIGRATIONS[:-1]).database
    db.close()
    path.chmod(0o400)
    before = _digest(path)

    result = run_where_modes_apply(["-c", OPEN_AND_TRY, str(path)])

    assert result.returncode != 0
    assert "read-only and was written by an older version" in result.stderr
    assert _digest(path) == before


def test_a_private_mode_is_left_alone_and_a_wide_one_is_tightened(
    tmp_path: Path, clock: FakeClock
) -> None:
    private = _made_database(tmp_path / "a", clock)
    wide = _made_database(tmp_path / "b", clock)
    private.chmod(0o400)
    wide.chmod(0o644)
    private.parent.chmod(0o700)

    for path in (private, wide):
        # As root the 0400 file is still writable, so this is the read-write open:
        # it must not reset the user's own private mode to 0600.
        open_database(path, clock.now()).database.close()

    assert _mode(private) in (0o400, 0o600)
    if os.geteuid() == 0:
        assert _mode(private) == 0o400
    assert _mode(wide) == 0o600


def test_new_files_are_private_from_the_first_byte(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the later chmod, what the files were created with shows.
    monkeypatch.setattr("companion.storage.database._restrict_to_owner", lambda path: None)
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    old = os.umask(0o022)  # a usual desktop umask: new files 0644
    try:
        db = open_database(folder / "companion.db", clock.now()).database
        SettingsRepository(db).set("k", 1, clock.now())
        modes = {p.name: _mode(p) for p in folder.iterdir()}
        db.close()
    finally:
        os.umask(old)

    assert set(modes) >= {"companion.db", "companion.db-wal", "companion.db-shm"}
    assert all(mode == 0o600 for mode in modes.values()), modes


def test_a_file_that_turns_read_only_while_open_gives_the_same_sentence(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = _made_database(tmp_path / "data", clock)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    db = Database(conn, path)  # it thinks it may write: SQLite says otherwise

    with pytest.raises(ReadOnlyDatabaseError, match="read-only mode"):
        SettingsRepository(db).set("greeting", "changed", clock.now())
    assert SettingsRepository(db).get("greeting") == "hello"
    conn.close()


def test_read_only_mode_refuses_before_touching_the_connection(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = _made_database(tmp_path / "data", clock)
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn, path, read_only=True)

    with pytest.raises(ReadOnlyDatabaseError) as raised, db.transaction():
        pytest.fail("a read-only database ran a write")
    assert isinstance(raised.value, DatabaseError)
    assert not conn.in_transaction
    conn.close()
