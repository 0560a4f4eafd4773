"""Opening the SQLite file safely.

``open_database`` never loses data:

- a file written by a newer version of the app is refused and left untouched;
- a file that is not a database, or fails SQLite's quick check, is moved aside
  under a timestamped name (with its -wal and -shm companions) and a fresh
  database is created; the caller tells the user where the old file went;
- migrations run in one transaction with the ``user_version`` bump.

The start-up path uses the standard ``sqlite3`` module on purpose. Importing
sqlite-utils costs about 80 ms, so ``Database.utils`` loads it the first time
a repository needs it, on the same connection.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator, Set
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.storage.migrations import MIGRATIONS, Migration, check_sequence, latest_version

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


class DatabaseError(Exception):
    """The database cannot be used. The message is meant for the user."""


class DatabaseTooNewError(DatabaseError):
    pass


class ReadOnlyDatabaseError(DatabaseError):
    """A write was asked of a data file that cannot be written. The message says so."""


def read_only_message(path: Path) -> str:
    return (
        f"Not saved: your data file {path} is read-only, so Recovery Companion is in "
        "read-only mode. You can look at your plan and history and export them; to change "
        "anything, make the file writable again (for example chmod 600) and restart the app."
    )


def _is_read_only_error(exc: sqlite3.Error) -> bool:
    """SQLite's words for a file it may not write (SQLITE_READONLY and its kin)."""
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text


class Database:
    """One connection to the app's SQLite file, used from the GUI thread only."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        existed: frozenset[Path] = frozenset(),
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only  # opened read-only: every write is refused, with why
        # The -wal and -shm there before a read-only open: the ones it made go at close.
        self._existed = existed
        self._utils: sqlite_utils.Database | None = None

    @property
    def utils(self) -> sqlite_utils.Database:
        """The sqlite-utils view of this connection, loaded on first use."""
        if self._utils is None:
            import sqlite_utils  # noqa: PLC0415 - deferred: ~80 ms of imports

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action, one transaction. Nested blocks become savepoints.

        On a read-only data file it raises ReadOnlyDatabaseError before anything runs,
        and a file that turned read-only while open gives the same error, not SQLite's.
        """
        if self.read_only:
            raise ReadOnlyDatabaseError(read_only_message(self.path))
        try:
            with self._transaction() as conn:
                yield conn
        except sqlite3.OperationalError as exc:
            if _is_read_only_error(exc):
                raise ReadOnlyDatabaseError(read_only_message(self.path)) from exc
            raise

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT nested")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO SAVEPOINT nested")
                self.conn.execute("RELEASE SAVEPOINT nested")
                raise
            self.conn.execute("RELEASE SAVEPOINT nested")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def query_one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self.conn.execute(sql, params).fetchone()
        return row

    def close(self) -> None:
        if self.read_only:
            self.conn.close()
            _remove_created(_companions(self.path), self._existed)
            return
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()


@dataclass(frozen=True)
class OpenedDatabase:
    database: Database
    moved_aside: Path | None  # where a damaged file went, so the user can be told
    problem: str = ""  # what was wrong with it

    @property
    def read_only(self) -> bool:
        return self.database.read_only


def open_database(
    path: Path,
    now: datetime,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> OpenedDatabase:
    check_sequence(migrations)
    newest = latest_version(migrations)
    moved_aside: Path | None = None
    problem = ""
    if path.exists():
        read_only = cannot_write(path)
        problem = _probe(path, newest)
        if problem and read_only:
            raise DatabaseError(
                f"The database {path} is damaged ({problem}) and read-only, so it could not "
                "be moved aside. Make it writable, or start with another folder using --data-dir."
            )
        if problem:
            moved_aside = move_aside(path, now)
        elif read_only:
            return OpenedDatabase(_open_read_only(path, newest), None, "")
    conn = _connect(path)
    try:
        _apply_migrations(conn, migrations)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"Could not update the database at {path}: {exc}.") from exc
    _restrict_to_owner(path)
    return OpenedDatabase(Database(conn, path), moved_aside, problem)


def cannot_write(path: Path) -> bool:
    """The file (or the folder its -wal and -shm go in) may not be written by this user:
    its mode says so, or it lies on a read-only file system."""
    folder = path.parent
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        pass
    return not os.access(path, os.W_OK) or not os.access(folder, os.W_OK | os.X_OK)


def _open_read_only(path: Path, newest: int) -> Database:
    """Open a data file that cannot be written: reading works, every write is refused.

    With its folder writable SQLite keeps the -wal and -shm files it needs to read;
    without, a file whose last writer closed cleanly is read as immutable."""
    folder_writable = os.access(path.parent, os.W_OK | os.X_OK)
    existed = frozenset(c for c in _companions(path) if c.exists())
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if folder_writable or wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open the read-only database {path}: {exc}.") from exc
    if version < newest:
        conn.close()
        raise DatabaseError(
            f"The database {path} is read-only and was written by an older version of "
            "Recovery Companion, so it cannot be brought up to date. Make it writable "
            "(for example chmod 600) and start again, or use another folder with --data-dir."
        )
    return Database(conn, path, read_only=True, existed=existed)


def _probe(path: Path, newest: int) -> str:
    """Look at an existing file read-only. Returns what is wrong with it, or ''.

    Raises DatabaseTooNewError (and touches nothing) for a newer schema.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Cannot read the database {path}: {exc.strerror}.") from exc
    if not header:
        return ""  # an empty file is a new database
    if header != SQLITE_HEADER:
        return "it is not a SQLite database"
    companions = _companions(path)
    existed = {c for c in companions if c.exists()}
    # A read-only connection to a WAL-mode file creates its -wal and -shm (and,
    # being read-only, never removes them). With neither there, everything is in
    # the main file: read it as immutable, which creates nothing.
    mode = "mode=ro" if existed else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open the database {path}: {exc}.") from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > newest:
            raise DatabaseTooNewError(
                f"The database {path} was written by a newer version of Recovery Companion "
                f"(schema {version}; this version knows up to {newest}). It has been left "
                "untouched. Install the newer version, or start with another folder "
                "using --data-dir."
            )
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            return "SQLite's check found damage: " + "; ".join(r[0] for r in result[:3])
    except sqlite3.DatabaseError as exc:
        return f"SQLite could not read it ({exc})"
    finally:
        conn.close()
        _remove_created(companions, existed)
    return ""


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def _remove_created(companions: list[Path], existed: Set[Path]) -> None:
    """Remove the -wal/-shm files the read-only probe made (a -wal alone makes a -shm).

    A -wal is removed only while empty: one with content is another connection's.
    """
    for created in companions:
        if created in existed:
            continue
        with contextlib.suppress(OSError):
            if created.name.endswith("-shm") or created.stat().st_size == 0:
                created.unlink()


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm files) out of the way."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(target)
        for suffix in COMPANION_SUFFIXES:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise DatabaseError(
            f"The database {path} is damaged and could not be moved aside: {exc.strerror}."
        ) from exc
    return target


def _connect(path: Path) -> sqlite3.Connection:
    # Health data is private from the first byte: the file and its -wal and -shm are
    # created 0600, never world-readable for a moment before a chmod.
    old_umask = os.umask(0o077)
    try:
        return _connect_private(path)
    finally:
        os.umask(old_umask)


def _connect_private(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA synchronous=NORMAL")  # durable across app crashes in WAL mode
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open the database {path}: {exc}.") from exc
    return conn


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
    """Bring an open connection's schema up to date (e.g. after restoring an older backup)."""
    check_sequence(migrations)
    _apply_migrations(conn, migrations)


def _apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...]) -> None:
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= latest_version(migrations):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for migration in migrations:
            if migration.version <= current:
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _restrict_to_owner(path: Path) -> None:
    """Drop group and other access, and only that: a mode the user set that is already
    private (0400, say) is left as it is."""
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        with contextlib.suppress(OSError):
            if candidate.exists():
                mode = stat.S_IMODE(candidate.stat().st_mode)
                if mode & 0o077:
                    candidate.chmod(mode & 0o700)
