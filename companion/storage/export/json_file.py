"""The JSON file: ``export_json`` writes every record into one file, ``read_document``
reads one back as a JSON object once its size, encoding, format and versions are right
(the format is documented in docs/data-export.md)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, TypeGuard

from companion.domain.excerpt import quote
from companion.storage.database import COMPANION_SUFFIXES, Database
from companion.storage.export.files import (
    DataFileError,
    RefusedError,
    reason,
    snapshot,
    write_atomically,
)
from companion.storage.export.kinds import RECORD_KINDS, Column, RecordKind
from companion.storage.migrations import latest_version

FORMAT = "recovery-companion-export"
VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024


def export_json(db: Database, path: Path, now: datetime, app_version: str) -> dict[str, int]:
    """Write every record into one JSON file at ``path``. Returns how many of each kind."""
    _refuse_own_database(db, path)
    with snapshot(db.conn):
        records = {kind.name: _read_kind(db.conn, kind) for kind in RECORD_KINDS}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema": db.user_version,
        "exported_at": now.isoformat(),
        "app_version": app_version,
        "records": records,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    write_atomically(path, lambda fh: fh.write(text))
    return {name: len(rows) for name, rows in records.items()}


def _refuse_own_database(db: Database, path: Path) -> None:
    """An export written over the database (or its -wal or -shm file) would destroy the
    very data it exports: refuse, whatever name or link leads there."""
    for own in (db.path, *(db.path.with_name(db.path.name + s) for s in COMPANION_SUFFIXES)):
        try:
            same = path.resolve() == own.resolve() or (path.exists() and path.samefile(own))
        except (OSError, RuntimeError):  # a name too long, a loop of links: not ours
            continue
        if same:
            raise DataFileError(
                f"Cannot write {path}: it is the app's own database. Choose another file."
            )


def _read_kind(conn: sqlite3.Connection, kind: RecordKind) -> list[dict[str, Any]]:
    names = ", ".join(c.name for c in kind.columns)
    sql = f"SELECT rowid, {names} FROM {kind.table} ORDER BY {kind.order}"  # noqa: S608
    records = []
    for row_id, *values in conn.execute(sql).fetchall():
        record = {
            col.name: _to_json(col, value) for col, value in zip(kind.columns, values, strict=True)
        }
        for child in kind.children:
            child_names = ", ".join(c.name for c in child.columns)
            record[child.key] = [
                {c.name: _to_json(c, v) for c, v in zip(child.columns, child_row, strict=True)}
                for child_row in conn.execute(
                    f"SELECT {child_names} FROM {child.table} "  # noqa: S608
                    f"WHERE {child.parent} = ? ORDER BY {child.order}",
                    (row_id,),
                )
            ]
        records.append(record)
    return records


def _to_json(col: Column, value: Any) -> Any:
    if value is None:
        return None
    if col.type == "flag":
        return bool(value)
    if col.type in ("strings", "object", "list", "any"):
        try:
            return json.loads(value)
        except (TypeError, ValueError):
            return value  # a value the app wrote as plain text: kept as text
    return value


def read_document(path: Path) -> dict[str, Any]:
    """The file's JSON object, once its size, encoding, format and versions are right."""
    too_large = RefusedError(
        f"the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB "
        "(an export is much smaller)."
    )
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise too_large
        with path.open("rb") as fh:  # never more than the limit: /dev/zero reports size 0
            raw = fh.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            raise too_large
    except OSError as exc:
        raise RefusedError(f"{reason(exc)}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefusedError("it is not a text file in UTF-8.") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise RefusedError(
            f"it is not a JSON file (line {exc.lineno}, column {exc.colno})."
        ) from None
    except ValueError:
        raise RefusedError(
            "it is not a JSON file (NaN and Infinity are not JSON, and a number may have "
            "at most 4300 digits)."
        ) from None
    except RecursionError:
        raise RefusedError("it nests lists or objects too deeply to be an export.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RefusedError("this is not a Recovery Companion export.")
    version, schema = data.get("version"), data.get("schema")
    if not is_int(version) or version < 1 or not is_int(schema) or schema < 1:
        raise RefusedError('"version" and "schema" must be whole numbers from 1.')
    if version > VERSION or schema > latest_version():
        raise RefusedError(
            "it was made by a newer version of Recovery Companion (export version "
            f"{quote(version)}, schema {quote(schema)}; this version reads up to {VERSION} "
            f"and {latest_version()}). "
            "Update the app, then import it."
        )
    try:  # a "\ud800" escape makes text that cannot be stored as UTF-8
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise RefusedError(
            "it holds text that is not valid Unicode (a lone \\uD800-\\uDFFF escape)."
        ) from None
    except RecursionError:
        raise RefusedError("it nests lists or objects too deeply to be an export.") from None
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def is_int(value: object) -> TypeGuard[int]:
    """A whole number in JSON (true and false are not)."""
    return isinstance(value, int) and not isinstance(value, bool)
