"""Writing an export's files safely, and the errors a file can give.

Files are written atomically (a temporary file in the same folder, then a
rename), so a failed export never leaves half a file behind; every table is
read from one moment (``snapshot``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


class DataFileError(ValueError):
    """A file that cannot be written or imported. The message names the path and why."""


class RefusedError(Exception):
    """Why a file is refused; the import adds the path."""


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read every table from one moment, even while another connection writes (WAL)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")  # deferred: a read transaction, no write lock
    try:
        yield
    finally:
        conn.execute("COMMIT")


def reason(exc: OSError) -> str:
    """Why the system refused, in its words ("Permission denied")."""
    return exc.strerror or str(exc)


def write_atomically(path: Path, write: Callable[[IO[str]], object]) -> None:
    """Write a new file next to ``path``, then rename it over ``path`` (0600: health data)."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise DataFileError(f"Cannot write {path}: {reason(exc)}.") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        temp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise DataFileError(f"Cannot write {path}: {reason(exc)}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
