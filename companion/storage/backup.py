"""Rolling backups of the database, and restoring one.

Backups live in ``<data folder>/backups/`` (a folder only the user can
enter), one SQLite file each, named after the local time it was taken:
``companion-YYYYMMDD-HHMMSS.db`` (mode 0600). ``ensure_daily`` makes one a day
and keeps the newest seven. Before a restore, the current data is saved as
``companion-before-restore-YYYYMMDD-HHMMSS.db``; those are never pruned.

A backup is copied with SQLite's online backup API from a connection this
module opens itself, so it can run on a worker thread while the GUI thread
uses its own connection (WAL lets a reader copy while the app writes). The
copy is written under a temporary name and renamed when complete, and is a
self-contained file (no -wal).

A restore copies the backup into the app's *open* connection
(``backup.backup(db.conn)``), so every repository holding that connection
sees the restored data at once. Nothing is touched unless the backup passes
``verify_backup`` first.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from companion.storage.database import SQLITE_HEADER, Database, migrate
from companion.storage.migrations import latest_version

FOLDER_NAME = "backups"
PREFIX = "companion-"
BEFORE_RESTORE_PREFIX = "companion-before-restore-"
STAMP = "%Y%m%d-%H%M%S"
KEEP = 7
_NAME = re.compile(
    r"companion-(?P<before>before-restore-)?(?P<stamp>[0-9]{8}-[0-9]{6})(?:-(?P<n>[0-9]+))?\.db"
)
_REQUIRED_TABLES = ("checkins", "settings")


class BackupError(Exception):
    """A backup cannot be made or restored. The message is meant for the user."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # the local time in its name
    size: int  # bytes
    before_restore: bool = False  # the data as it was before a restore


def backups_dir(data_dir: Path) -> Path:
    return data_dir / FOLDER_NAME


def make_backup(db_path: Path, backups_dir: Path, now: datetime, *, prefix: str = PREFIX) -> Path:
    """Copy the database at ``db_path`` into a new backup file; returns its path.

    Raises BackupError naming the path and the reason.
    """
    if not db_path.is_file():
        raise BackupError(f"There is no database at {db_path} to back up.")
    _prepare_folder(backups_dir)
    target = _free_name(backups_dir, prefix, now)
    part = target.with_name(f".{target.name}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        source = sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            _copy(source, part)
        finally:
            source.close()
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise BackupError(f"Cannot back up {db_path} to {backups_dir}: {_reason(exc)}.") from exc
    return target


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into a new self-contained file at ``target``."""
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    finally:
        dest.close()


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError as exc:
        raise BackupError(f"Cannot create the backup folder {folder}: {_reason(exc)}.") from exc


def _free_name(folder: Path, prefix: str, now: datetime) -> Path:
    stem = f"{prefix}{now.strftime(STAMP)}"
    target = folder / f"{stem}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}.db"
    return target


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def list_backups(backups_dir: Path, zone: tzinfo | None = None) -> list[BackupInfo]:
    """The backups in the folder, newest first (kept-aside copies from restores included).

    ``taken_at`` is the local time in the file's name, in ``zone`` (the
    system's zone when None).
    """
    found: list[tuple[tuple[datetime, int], BackupInfo]] = []
    try:
        entries = list(backups_dir.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        wall = datetime.strptime(match["stamp"], STAMP)  # noqa: DTZ007 - zone added next
        taken = wall.replace(tzinfo=zone) if zone is not None else wall.astimezone()
        try:
            size = path.stat().st_size
        except OSError:
            continue
        info = BackupInfo(path, taken, size, before_restore=bool(match["before"]))
        found.append(((wall, int(match["n"] or 1)), info))
    found.sort(key=lambda item: item[0], reverse=True)
    return [info for _, info in found]


def prune(backups_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups; returns what was deleted.

    Copies kept aside before a restore are never deleted here.
    """
    daily = [b for b in list_backups(backups_dir) if not b.before_restore]
    removed = []
    for old in daily[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def ensure_daily(db_path: Path, backups_dir: Path, now: datetime, keep: int = KEEP) -> Path | None:
    """Make today's backup if there is none yet for ``now``'s local date, then prune.

    Returns the new backup, or None when today already had one.
    """
    today = now.strftime("%Y%m%d")
    existing = [
        b for b in list_backups(backups_dir) if not b.before_restore and _stamp(b).startswith(today)
    ]
    made = None if existing else make_backup(db_path, backups_dir, now)
    prune(backups_dir, keep)
    return made


def _stamp(info: BackupInfo) -> str:
    match = _NAME.fullmatch(info.path.name)
    return match["stamp"] if match else ""


def verify_backup(path: Path, newest_schema: int) -> str:
    """What is wrong with a backup file, in words; "" when it can be restored.

    Opens the file read-only and changes nothing.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return f"The file {path} does not exist."
    except OSError as exc:
        return f"The file {path} cannot be read: {_reason(exc)}."
    if header != SQLITE_HEADER:
        return f"{path.name} is not a Recovery Companion backup: it is not a SQLite database."
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"{path.name} cannot be opened: {exc}."
    try:
        return _problem(conn, path, newest_schema)
    except sqlite3.DatabaseError as exc:
        return f"{path.name} is damaged: SQLite could not read it ({exc})."
    finally:
        conn.close()


def _problem(conn: sqlite3.Connection, path: Path, newest_schema: int) -> str:
    result = conn.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        found = "; ".join(str(row[0]) for row in result[:3])
        return f"{path.name} is damaged: SQLite's check found {found}."
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > newest_schema:
        return (
            f"{path.name} was made by a newer version of Recovery Companion (schema {version}; "
            f"this version knows up to {newest_schema}). Update the app to restore it."
        )
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if not set(_REQUIRED_TABLES) <= tables:
        return f"{path.name} is a SQLite database, but not one of Recovery Companion's."
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        return f"{path.name} is damaged: some records point to records that are missing."
    return ""


def restore_backup(db: Database, backup: Path, backups_dir: Path, now: datetime) -> Path:
    """Replace the data in the open database with the backup's; returns the kept-aside copy.

    Refused (BackupError, nothing touched) when the backup has a problem. The
    current data is saved first as ``companion-before-restore-<time>.db``;
    then the backup is copied into ``db``'s own connection, newer migrations
    run on it, and its links between records are checked. Should any of that
    fail, the saved copy is put back and BackupError says so.
    """
    problem = verify_backup(backup, latest_version())
    if problem:
        raise BackupError(problem)
    if db.conn.in_transaction:
        raise BackupError("The database is busy; try again in a moment.")
    aside = make_backup(db.path, backups_dir, now, prefix=BEFORE_RESTORE_PREFIX)
    try:
        _copy_into(backup, db)
        migrate(db.conn)
        broken = db.conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise BackupError(f"{backup.name} has records that point to missing records.")
    except (sqlite3.Error, BackupError) as exc:
        try:
            _copy_into(aside, db)
        except sqlite3.Error as again:
            raise BackupError(
                f"Restoring {backup.name} failed ({_reason(exc)}) and so did putting your data "
                f"back ({again}). Your data from before is safe in {aside}."
            ) from exc
        raise BackupError(
            f"Restoring {backup.name} failed: {_reason(exc)}. Your data is as it was."
        ) from exc
    return aside


def _copy_into(source_path: Path, db: Database) -> None:
    source = sqlite3.connect(f"{source_path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()
