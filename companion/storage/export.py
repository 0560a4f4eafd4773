"""Your data out and back in: one JSON file, CSV files for spreadsheets, deleting history.

- ``export_json`` writes every record the user made into one JSON file (the
  format is documented in docs/data-export.md); ``import_json`` merges such a
  file into this database without duplicates, matching records by natural
  keys, never by database ids.
- ``export_csv`` writes one CSV file per kind of record, times in the user's
  zone, for reading in a spreadsheet. CSV files are not read back.
- ``delete_history`` deletes the history and keeps what the user set up.

Files are written atomically (a temporary file in the same folder, then a
rename), so a failed export never leaves half a file behind. An import reads
and checks the whole file before it writes anything, and writes in one
transaction: a refused file changes nothing.

The record kinds, their columns and the bounds on each value are declared
once (``_KINDS``): export, validation and import all read that table. The
bounds are the schema's CHECK constraints and the domain's enums.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import IO, Any, TypeGuard

from companion.domain.activity import ActivityKind
from companion.domain.checkin import Cause, Descriptor, SorenessType, Swelling
from companion.domain.clock import utc
from companion.domain.custom_routines import RoutineDraft, StepSpec, review
from companion.domain.exercises import ExerciseLibrary
from companion.domain.preferences import read_preferences
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import Side
from companion.domain.reminders import Kind as ReminderKind
from companion.domain.reminders import WakingWeek, check_rule
from companion.domain.triage import Tier
from companion.storage.database import COMPANION_SUFFIXES, Database
from companion.storage.migrations import latest_version
from companion.storage.preferences import KEY as PREFERENCES_KEY
from companion.storage.preferences import LEGACY_KEYS as PREFERENCES_LEGACY_KEYS
from companion.storage.reminders import _rule as parse_rule
from companion.storage.user_routines import PREFIX

FORMAT = "recovery-companion-export"
VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024


class DataFileError(ValueError):
    """A file that cannot be written or imported. The message names the path and why."""


# -- the record kinds --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Col:
    """One exported field: its column, JSON type and the values it may take.

    Types: text, day (YYYY-MM-DD), moment (ISO 8601 with an offset), int,
    real, flag (JSON true/false, stored 0/1), strings (a list of text, stored
    as JSON), object and list (JSON values stored as text), any (any JSON).
    """

    name: str
    type: str
    null: bool = False
    low: float | None = None  # inclusive
    high: float | None = None  # inclusive
    above: float | None = None  # exclusive lower bound
    choices: frozenset[str] | None = None
    utc: bool = False  # stored in UTC: an imported time is converted
    sort: bool = False  # JSON stored sorted (keys of an object, items of a list)


@dataclass(frozen=True)
class _Child:
    key: str
    table: str
    parent: str
    order: str
    columns: tuple[_Col, ...]
    unique: str  # the column no two rows of one parent may share


@dataclass(frozen=True)
class _Kind:
    name: str
    table: str
    order: str
    columns: tuple[_Col, ...]
    children: tuple[_Child, ...] = ()


def _values(enum: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(member.value) for member in enum)


_SIDES = _values(Side)
_LEGS = frozenset({Side.LEFT.value, Side.RIGHT.value})
_TIERS = _values(Tier)
_RUN_OUTCOMES = frozenset({"completed", "stopped"})

_KINDS: tuple[_Kind, ...] = (
    _Kind(
        "checkins",
        "checkins",
        "day",
        (
            _Col("day", "day"),
            _Col("at", "moment"),
            _Col("onset", "moment"),
            _Col("cause", "text", choices=_values(Cause)),
            _Col("soreness_type", "text", choices=_values(SorenessType)),
            _Col("swelling", "text", choices=_values(Swelling)),
            _Col("swollen_side", "text", null=True, choices=_SIDES),
            _Col("area_warm_or_red", "flag"),
            _Col("triage_tier", "text", choices=_TIERS),
        ),
        (
            _Child(
                "regions",
                "checkin_regions",
                "checkin_id",
                "rowid",
                (
                    _Col("region_id", "text"),
                    _Col("side", "text", choices=_SIDES),
                    _Col("at_rest", "int", low=0, high=10),
                    _Col("on_movement", "int", low=0, high=10),
                    _Col("descriptors", "strings", choices=_values(Descriptor), sort=True),
                ),
                "region_id",
            ),
            _Child(
                "triage_answers",
                "triage_answers",
                "checkin_id",
                "question_id",
                (
                    _Col("question_id", "text"),
                    _Col("answer", "flag"),
                    _Col("answered_at", "moment"),
                ),
                "question_id",
            ),
        ),
    ),
    _Kind(
        "triage_outcomes",
        "triage_outcomes",
        "at, tier, id",
        (
            _Col("at", "moment"),
            _Col("tier", "text", choices=_TIERS),
            _Col("questions", "strings"),
            _Col("restrictions", "strings"),
            _Col("locked_legs", "strings", choices=_LEGS),
            _Col("locks_everything", "flag"),
            _Col("lock_until", "moment", null=True),
            _Col("assessed_at", "moment", null=True),
        ),
    ),
    _Kind(
        "health_conditions",
        "health_conditions",
        "condition_id",
        (
            _Col("condition_id", "text"),
            _Col("legs", "strings", choices=_LEGS),
            _Col("updated_at", "moment"),
        ),
    ),
    _Kind(
        "routine_runs",
        "routine_runs",
        "started_at, id",
        (
            _Col("routine", "text"),
            _Col("name", "text"),
            _Col("started_at", "moment"),
            _Col("ended_at", "moment"),
            _Col("outcome", "text", choices=_RUN_OUTCOMES),
        ),
        (
            _Child(
                "steps",
                "routine_run_steps",
                "run_id",
                "position",
                (
                    _Col("position", "int", low=0),
                    _Col("exercise", "text"),
                    _Col("region", "text"),
                    _Col("side", "text"),
                    _Col("planned_s", "int", low=0),
                    _Col("worked_s", "real", low=0),
                    _Col("outcome", "text", choices=frozenset({*_RUN_OUTCOMES, "skipped"})),
                ),
                "position",
            ),
        ),
    ),
    _Kind(
        "user_routines",
        "user_routines",
        "created_at, id",
        (
            _Col("id", "text"),
            _Col("name", "text"),
            _Col("description", "text"),
            _Col("steps", "list"),
            _Col("created_at", "moment"),
            _Col("updated_at", "moment"),
        ),
    ),
    _Kind(
        "reminder_rules",
        "reminder_rules",
        "id",
        (
            _Col("kind", "text", choices=_values(ReminderKind)),
            _Col("title", "text"),
            _Col("enabled", "flag"),
            _Col("spec", "object", sort=True),
            _Col("created_at", "moment"),
            _Col("updated_at", "moment"),
        ),
    ),
    _Kind(
        "reminder_events",
        "reminder_events",
        "due_at, id",
        (
            _Col("kind", "text"),
            _Col("title", "text"),
            _Col("due_at", "moment", utc=True),
            _Col("missed", "int", low=0),
            _Col("shown_at", "moment", null=True, utc=True),
            _Col(
                "answer",
                "text",
                null=True,
                choices=frozenset({"done", "snoozed", "skipped", "backed_off", "quiet"}),
            ),
            _Col("answered_at", "moment", null=True),
            _Col("snoozed_until", "moment", null=True),
            _Col("snoozes", "int", low=0),
        ),
    ),
    _Kind(
        "water_log",
        "water_log",
        "at, id",
        (
            _Col("at", "moment", utc=True),
            _Col("ml", "int", low=1, high=2000),
            _Col("source", "text"),
        ),
    ),
    _Kind(
        "therapy_sessions",
        "therapy_sessions",
        "started_at, id",
        (
            _Col("therapy", "text"),
            _Col("started_at", "moment", utc=True),
            _Col("ended_at", "moment", utc=True),
            _Col("outcome", "text", choices=_RUN_OUTCOMES),
            _Col("settings", "object", sort=True),
            _Col("phases", "list"),
        ),
    ),
    _Kind(
        "activities",
        "activities",
        "ended_at, kind",
        (
            _Col("kind", "text", choices=_values(ActivityKind)),
            _Col("ended_at", "moment", utc=True),
            _Col("minutes", "real", null=True, above=0, high=1440),
            _Col("km", "real", null=True, above=0, high=400),
            _Col("effort", "int", null=True, low=1, high=10),
            _Col("note", "text"),
            _Col("source", "text"),
        ),
    ),
    _Kind(
        "daily_log",
        "daily_log",
        "day",
        (
            _Col("day", "day"),
            _Col("sleep_hours", "real", null=True, low=0, high=24),
            _Col("prs", "int", null=True, low=0, high=10),
            _Col("updated_at", "moment"),
        ),
    ),
    _Kind(
        "trend_alerts",
        "trend_alerts",
        "raised_at, id",
        (
            _Col("rule", "text"),
            _Col("subject", "text"),
            _Col("episode", "text"),
            _Col("raised_at", "moment"),
            _Col("detail", "text"),
            _Col("answer", "text", null=True, choices=frozenset({"answered", "dismissed"})),
            _Col("answered_at", "moment", null=True),
        ),
    ),
    _Kind(
        "settings",
        "settings",
        "key",
        (
            _Col("key", "text"),
            _Col("value", "any"),
            _Col("updated_at", "moment"),
        ),
    ),
)

KINDS: tuple[str, ...] = tuple(k.name for k in _KINDS)
_BY_NAME = {k.name: k for k in _KINDS}

# How the kinds are named in a sentence: (one, many).
NOUNS: dict[str, tuple[str, str]] = {
    "checkins": ("check-in", "check-ins"),
    "triage_outcomes": ("safety check result", "safety check results"),
    "health_conditions": ("health condition", "health conditions"),
    "routine_runs": ("routine session", "routine sessions"),
    "user_routines": ("routine of yours", "routines of yours"),
    "reminder_rules": ("reminder (switched off)", "reminders (switched off)"),
    "reminder_events": ("past reminder", "past reminders"),
    "water_log": ("drink", "drinks"),
    "therapy_sessions": ("therapy session", "therapy sessions"),
    "activities": ("activity", "activities"),
    "daily_log": ("morning entry", "morning entries"),
    "trend_alerts": ("trend alert", "trend alerts"),
    "settings": ("setting", "settings"),
}


def describe_counts(counts: Mapping[str, int]) -> str:
    """``{"checkins": 12, "water_log": 40}`` -> "12 check-ins and 40 drinks"."""
    parts = [
        f"{n} {NOUNS[kind][0] if n == 1 else NOUNS[kind][1]}"
        for kind in KINDS
        if (n := counts.get(kind, 0))
    ]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class ImportReport:
    added: dict[str, int]  # kind -> records added
    present: dict[str, int]  # kind -> records already here (or kept local)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_present(self) -> int:
        return sum(self.present.values())

    def summary(self) -> str:
        """One line, e.g. "Imported 12 check-ins and 40 drinks; 3 were already here." """
        present = self.total_present
        if not self.total_added:
            if not present:
                return "The file holds no records; nothing was imported."
            were = "record was" if present == 1 else f"{present} records were"
            return f"Nothing new: {'the one' if present == 1 else 'all'} {were} already here."
        text = f"Imported {describe_counts(self.added)}"
        if present:
            text += f"; {present} {'was' if present == 1 else 'were'} already here"
        return text + "."


@dataclass(frozen=True)
class DeleteReport:
    deleted: dict[str, int]  # kind -> records deleted
    kept_locks: int  # safety locks still standing, kept

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


# -- export ------------------------------------------------------------------------------------
def export_json(db: Database, path: Path, now: datetime, app_version: str) -> dict[str, int]:
    """Write every record into one JSON file at ``path``. Returns how many of each kind."""
    _refuse_own_database(db, path)
    with _snapshot(db.conn):
        records = {kind.name: _read_kind(db.conn, kind) for kind in _KINDS}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema": db.user_version,
        "exported_at": now.isoformat(),
        "app_version": app_version,
        "records": records,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    _write_atomically(path, lambda fh: fh.write(text))
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


@contextlib.contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read every table from one moment, even while another connection writes (WAL)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")  # deferred: a read transaction, no write lock
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _read_kind(conn: sqlite3.Connection, kind: _Kind) -> list[dict[str, Any]]:
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


def _to_json(col: _Col, value: Any) -> Any:
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


# -- CSV -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Sheet:
    name: str  # the file name without .csv
    header: tuple[str, ...]
    sql: str
    # Turns one row of ``sql`` into the file's row, given the user's zone.
    shape: Callable[[tuple[Any, ...], tzinfo | None], list[Any]]


def _local(text: str | None, zone: tzinfo | None) -> str:
    if not text:
        return ""
    return datetime.fromisoformat(text).astimezone(zone).isoformat(timespec="seconds")


def _day(text: str, zone: tzinfo | None) -> str:
    return datetime.fromisoformat(text).astimezone(zone).date().isoformat()


def _yes(value: object) -> str:
    return "yes" if value else "no"


def _joined(text: str) -> str:
    try:
        items = json.loads(text)
    except ValueError:
        return text
    return ";".join(str(i) for i in items) if isinstance(items, list) else text


def _num(value: float | None) -> str | float:
    return "" if value is None else value


def _blank(value: object) -> object:
    return "" if value is None else value


_SHEETS: tuple[_Sheet, ...] = (
    _Sheet(
        "checkins",
        (
            "day",
            "at",
            "onset",
            "cause",
            "soreness_type",
            "swelling",
            "swollen_side",
            "area_warm_or_red",
            "safety_tier",
            "regions",
            "worst_at_rest",
            "worst_on_movement",
        ),
        "SELECT day, at, onset, cause, soreness_type, swelling, swollen_side, area_warm_or_red, "
        "triage_tier, (SELECT COUNT(*) FROM checkin_regions r WHERE r.checkin_id = c.id), "
        "(SELECT MAX(at_rest) FROM checkin_regions r WHERE r.checkin_id = c.id), "
        "(SELECT MAX(on_movement) FROM checkin_regions r WHERE r.checkin_id = c.id) "
        "FROM checkins c ORDER BY day",
        lambda r, z: [
            r[0],
            _local(r[1], z),
            _local(r[2], z),
            *r[3:6],
            _blank(r[6]),
            _yes(r[7]),
            r[8],
            r[9],
            _blank(r[10]),
            _blank(r[11]),
        ],
    ),
    _Sheet(
        "soreness",
        (
            "day",
            "at",
            "onset",
            "cause",
            "soreness_type",
            "region",
            "side",
            "at_rest",
            "on_movement",
            "descriptors",
        ),
        "SELECT c.day, c.at, c.onset, c.cause, c.soreness_type, r.region_id, r.side, "
        "r.at_rest, r.on_movement, r.descriptors "
        "FROM checkin_regions r JOIN checkins c ON c.id = r.checkin_id ORDER BY c.day, r.rowid",
        lambda r, z: [r[0], _local(r[1], z), _local(r[2], z), *r[3:9], _joined(r[9])],
    ),
    _Sheet(
        "safety_answers",
        ("day", "question", "answer", "answered_at"),
        "SELECT c.day, a.question_id, a.answer, a.answered_at FROM triage_answers a "
        "JOIN checkins c ON c.id = a.checkin_id ORDER BY c.day, a.question_id",
        lambda r, z: [r[0], r[1], _yes(r[2]), _local(r[3], z)],
    ),
    _Sheet(
        "safety_outcomes",
        (
            "day",
            "at",
            "tier",
            "questions",
            "restrictions",
            "locked_legs",
            "locks_everything",
            "lock_until",
            "assessed_at",
        ),
        "SELECT at, tier, questions, restrictions, locked_legs, locks_everything, lock_until, "
        "assessed_at FROM triage_outcomes ORDER BY at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            r[1],
            _joined(r[2]),
            _joined(r[3]),
            _joined(r[4]),
            _yes(r[5]),
            _local(r[6], z),
            _local(r[7], z),
        ],
    ),
    _Sheet(
        "routine_runs",
        ("day", "started_at", "ended_at", "routine", "name", "outcome", "steps", "worked_s"),
        "SELECT started_at, ended_at, routine, name, outcome, "
        "(SELECT COUNT(*) FROM routine_run_steps s WHERE s.run_id = r.id), "
        "(SELECT COALESCE(SUM(worked_s), 0) FROM routine_run_steps s WHERE s.run_id = r.id) "
        "FROM routine_runs r ORDER BY started_at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            _local(r[1], z),
            *r[2:6],
            round(float(r[6]), 3),
        ],
    ),
    _Sheet(
        "routine_steps",
        (
            "run_started_at",
            "routine",
            "position",
            "exercise",
            "region",
            "side",
            "planned_s",
            "worked_s",
            "outcome",
        ),
        "SELECT r.started_at, r.routine, s.position, s.exercise, s.region, s.side, s.planned_s, "
        "s.worked_s, s.outcome FROM routine_run_steps s JOIN routine_runs r ON r.id = s.run_id "
        "ORDER BY r.started_at, r.id, s.position",
        lambda r, z: [_local(r[0], z), *r[1:]],
    ),
    _Sheet(
        "water",
        ("day", "at", "ml", "source"),
        "SELECT at, ml, source FROM water_log ORDER BY at, id",
        lambda r, z: [_day(r[0], z), _local(r[0], z), r[1], r[2]],
    ),
    _Sheet(
        "therapy_sessions",
        (
            "day",
            "started_at",
            "ended_at",
            "therapy",
            "outcome",
            "planned_s",
            "worked_s",
            "settings",
        ),
        "SELECT started_at, ended_at, therapy, outcome, phases, settings "
        "FROM therapy_sessions ORDER BY started_at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            _local(r[1], z),
            r[2],
            r[3],
            *_phase_totals(r[4]),
            r[5],
        ],
    ),
    _Sheet(
        "activities",
        ("day", "ended_at", "kind", "minutes", "km", "effort", "note", "source"),
        "SELECT ended_at, kind, minutes, km, effort, note, source FROM activities "
        "ORDER BY ended_at, kind",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            r[1],
            _num(r[2]),
            _num(r[3]),
            _num(r[4]),
            r[5],
            r[6],
        ],
    ),
    _Sheet(
        "mornings",
        ("day", "sleep_hours", "prs"),
        "SELECT day, sleep_hours, prs FROM daily_log ORDER BY day",
        lambda r, _z: [r[0], _num(r[1]), _num(r[2])],
    ),
    _Sheet(
        "reminder_events",
        (
            "day",
            "due_at",
            "kind",
            "title",
            "shown_at",
            "answer",
            "answered_at",
            "missed",
            "snoozes",
        ),
        "SELECT due_at, kind, title, shown_at, answer, answered_at, missed, snoozes "
        "FROM reminder_events ORDER BY due_at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            r[1],
            r[2],
            _local(r[3], z),
            _blank(r[4]),
            _local(r[5], z),
            r[6],
            r[7],
        ],
    ),
    _Sheet(
        "trend_alerts",
        ("day", "raised_at", "rule", "subject", "episode", "detail", "answer", "answered_at"),
        "SELECT raised_at, rule, subject, episode, detail, answer, answered_at "
        "FROM trend_alerts ORDER BY raised_at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            *r[1:5],
            _blank(r[5]),
            _local(r[6], z),
        ],
    ),
)

CSV_COLUMNS: dict[str, tuple[str, ...]] = {f"{sheet.name}.csv": sheet.header for sheet in _SHEETS}
CSV_FILES: tuple[str, ...] = tuple(CSV_COLUMNS)


def _phase_totals(phases_text: str) -> tuple[int | str, float | str]:
    try:
        phases = json.loads(phases_text)
        planned = sum(int(p.get("planned_s", 0)) for p in phases)
        worked = round(sum(float(p.get("worked_s", 0)) for p in phases), 3)
    except (ValueError, TypeError, AttributeError):
        return "", ""
    return planned, worked


def export_csv(db: Database, folder: Path, now: datetime) -> list[Path]:
    """One CSV file per kind of record in ``folder`` (created if missing; its parent must exist).

    Times are given in ``now``'s zone, with their offset. Returns the files written.
    """
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise DataFileError(f"Cannot write {folder}: {_reason(exc)}.") from exc
    zone = now.tzinfo
    with _snapshot(db.conn):
        tables = [
            (sheet, [sheet.shape(row, zone) for row in db.conn.execute(sheet.sql).fetchall()])
            for sheet in _SHEETS
        ]
    written = []
    for sheet, rows in tables:
        path = folder / f"{sheet.name}.csv"
        _write_atomically(path, _csv_writer(sheet.header, rows))
        written.append(path)
    return written


def _csv_writer(header: Sequence[str], rows: list[list[Any]]) -> Callable[[IO[str]], object]:
    def write(fh: IO[str]) -> None:
        out = csv.writer(fh, lineterminator="\r\n")  # RFC 4180: CRLF, minimal quoting
        out.writerow(header)
        out.writerows(rows)

    return write


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _write_atomically(path: Path, write: Callable[[IO[str]], object]) -> None:
    """Write a new file next to ``path``, then rename it over ``path`` (0600: health data)."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise DataFileError(f"Cannot write {path}: {_reason(exc)}.") from exc
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
        raise DataFileError(f"Cannot write {path}: {_reason(exc)}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


# -- import: reading and checking ---------------------------------------------------------------
class _RefusedError(Exception):
    """Why a file is refused; import_json adds the path."""


Record = dict[str, Any]  # column -> value as stored; children under their key


def read_export(
    path: Path, library: ExerciseLibrary, bounds: ProtocolBounds
) -> dict[str, list[Record]]:
    """Read and check a whole export file; every record as it would be stored.

    Raises DataFileError naming the path and the first problem.
    """
    try:
        return _read_checked(path, library, bounds)
    except _RefusedError as exc:
        raise DataFileError(f"Cannot import {path}: {exc} Nothing was changed.") from None


def _read_checked(
    path: Path, library: ExerciseLibrary, bounds: ProtocolBounds
) -> dict[str, list[Record]]:
    data = _read_document(path)
    records = data.get("records")
    if not isinstance(records, dict):
        raise _RefusedError('"records" must be an object with a list for each kind.')
    unknown = sorted(set(records) - set(KINDS))
    if unknown:
        raise _RefusedError(f"unknown kind of record {unknown[0]!r}.")
    checked: dict[str, list[Record]] = {}
    for kind in _KINDS:
        items = records.get(kind.name, [])
        if not isinstance(items, list):
            raise _RefusedError(f'"{kind.name}" must be a list.')
        checked[kind.name] = [
            _check_record(kind, item, f"{kind.name}[{n}]") for n, item in enumerate(items)
        ]
    for n, routine in enumerate(checked["user_routines"]):
        _check_routine(routine, f"user_routines[{n}]", library, bounds)
    for n, rule in enumerate(checked["reminder_rules"]):
        _check_rule_spec(rule, f"reminder_rules[{n}]")
    for n, session in enumerate(checked["therapy_sessions"]):
        phases = json.loads(session["phases"])
        if not all(isinstance(p, dict) for p in phases):
            raise _RefusedError(f"therapy_sessions[{n}].phases: must be a list of objects.")
    return checked


def _read_document(path: Path) -> dict[str, Any]:
    """The file's JSON object, once its size, encoding, format and versions are right."""
    too_large = _RefusedError(
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
        raise _RefusedError(f"{_reason(exc)}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _RefusedError("it is not a text file in UTF-8.") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _RefusedError(
            f"it is not a JSON file (line {exc.lineno}, column {exc.colno})."
        ) from None
    except ValueError:
        raise _RefusedError(
            "it is not a JSON file (NaN and Infinity are not JSON, and a number may have "
            "at most 4300 digits)."
        ) from None
    except RecursionError:
        raise _RefusedError("it nests lists or objects too deeply to be an export.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _RefusedError("this is not a Recovery Companion export.")
    version, schema = data.get("version"), data.get("schema")
    if not _is_int(version) or version < 1 or not _is_int(schema) or schema < 1:
        raise _RefusedError('"version" and "schema" must be whole numbers from 1.')
    if version > VERSION or schema > latest_version():
        raise _RefusedError(
            f"it was made by a newer version of Recovery Companion (export version {version}, "
            f"schema {schema}; this version reads up to {VERSION} and {latest_version()}). "
            "Update the app, then import it."
        )
    try:  # a "\ud800" escape makes text that cannot be stored as UTF-8
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _RefusedError(
            "it holds text that is not valid Unicode (a lone \\uD800-\\uDFFF escape)."
        ) from None
    except RecursionError:
        raise _RefusedError("it nests lists or objects too deeply to be an export.") from None
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_record(kind: _Kind | _Child, item: object, where: str) -> Record:
    if not isinstance(item, dict):
        raise _RefusedError(f"{where}: must be an object.")
    known = {c.name for c in kind.columns} | {c.key for c in getattr(kind, "children", ())}
    unknown = sorted(set(item) - known)
    if unknown:
        raise _RefusedError(f"{where}: unknown field {unknown[0]!r}.")
    record: Record = {col.name: _check_value(col, item, where) for col in kind.columns}
    for child in getattr(kind, "children", ()):
        if child.key not in item:
            raise _RefusedError(f"{where}.{child.key}: is missing.")
        rows = item[child.key]
        if not isinstance(rows, list):
            raise _RefusedError(f"{where}.{child.key}: must be a list.")
        record[child.key] = [
            _check_record(child, row, f"{where}.{child.key}[{n}]") for n, row in enumerate(rows)
        ]
        seen: set[Any] = set()
        for n, row in enumerate(record[child.key]):
            value = row[child.unique]
            if value in seen:
                at = f"{where}.{child.key}[{n}].{child.unique}"
                raise _RefusedError(f"{at}: {value!r} is listed twice.")
            seen.add(value)
    return record


def _check_value(col: _Col, item: dict[str, Any], where: str) -> Any:  # noqa: PLR0911, PLR0912
    """The value as it is stored, or _RefusedError naming the record and field."""
    at = f"{where}.{col.name}"
    if col.name not in item:
        raise _RefusedError(f"{at}: is missing.")
    value = item[col.name]
    if value is None:
        if col.null:
            return None
        raise _RefusedError(f"{at}: must have a value, not null.")
    if col.type in ("text", "day", "moment"):
        if not isinstance(value, str):
            raise _RefusedError(f"{at}: must be text.")
        if col.type == "day":
            return _check_day(value, at)
        if col.type == "moment":
            return _check_moment(value, at, col.utc)
        if col.choices is not None and value not in col.choices:
            raise _RefusedError(f"{at}: {value!r} is not one of {', '.join(sorted(col.choices))}.")
        return value
    if col.type == "flag":
        if not isinstance(value, bool):
            raise _RefusedError(f"{at}: must be true or false.")
        return int(value)
    if col.type in ("int", "real"):
        return _check_number(col, value, at)
    if col.type == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _RefusedError(f"{at}: must be a list of text.")
        bad = [v for v in value if col.choices is not None and v not in col.choices]
        if bad:
            raise _RefusedError(
                f"{at}: {bad[0]!r} is not one of {', '.join(sorted(col.choices or ()))}."
            )
        return json.dumps(sorted(value) if col.sort else value)
    if col.type == "object" and not isinstance(value, dict):
        raise _RefusedError(f"{at}: must be an object.")
    if col.type == "list" and not isinstance(value, list):
        raise _RefusedError(f"{at}: must be a list.")
    return json.dumps(value, sort_keys=col.sort, ensure_ascii=False)


def _check_day(value: str, at: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise _RefusedError(f"{at}: {value!r} is not a date like 2026-06-15.")
    return value


def _check_moment(value: str, at: str, to_utc: bool) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _RefusedError(
            f"{at}: {value!r} is not a time with its offset, like 2026-06-15T09:00+01:00."
        )
    return utc(moment).isoformat() if to_utc else value


def _check_number(col: _Col, value: object, at: str) -> float | int:
    whole = col.type == "int"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _RefusedError(f"{at}: must be {'a whole number' if whole else 'a number'}.")
    if whole and not isinstance(value, int):
        raise _RefusedError(f"{at}: must be a whole number, not {value!r}.")
    if not math.isfinite(value):
        raise _RefusedError(f"{at}: must be a finite number.")
    too_low = (col.low is not None and value < col.low) or (
        col.above is not None and value <= col.above
    )
    too_high = col.high is not None and value > col.high
    if too_low or too_high:
        low = f"above {col.above:g}" if col.above is not None else f"{col.low:g}"
        if col.high is None:
            span = f"at least {low}" if col.above is None else low
        else:
            span = f"from {low} to {col.high:g}"
        raise _RefusedError(f"{at}: {value!r} is out of range ({span}).")
    return value if whole else float(value)


_ROUTINE_ID = re.compile(re.escape(PREFIX) + "[0-9]+")


def _check_routine(
    routine: Record, where: str, library: ExerciseLibrary, bounds: ProtocolBounds
) -> None:
    if not _ROUTINE_ID.fullmatch(routine["id"]):
        raise _RefusedError(f"{where}.id: {routine['id']!r} is not an id like {PREFIX}1.")
    specs = []
    for n, step in enumerate(json.loads(routine["steps"])):
        at = f"{where}.steps[{n}]"
        if not isinstance(step, dict) or set(step) != {"exercise", "seconds", "reps"}:
            raise _RefusedError(f"{at}: must be an object with exercise, seconds and reps.")
        if not isinstance(step["exercise"], str):
            raise _RefusedError(f"{at}.exercise: must be text.")
        for key in ("seconds", "reps"):
            if not _is_int(step[key]):
                raise _RefusedError(f"{at}.{key}: must be a whole number.")
        specs.append(StepSpec(step["exercise"], step["seconds"], step["reps"]))
    draft = RoutineDraft(routine["name"], routine["description"], tuple(specs))
    verdict = review(draft, library, bounds)
    if verdict.refusals:
        raise _RefusedError(f"{where}: {verdict.refusals[0]}")


_SPEC_TYPES: dict[str, tuple[type, ...]] = {
    "every_min": (int,),
    "amount_ml": (int,),
    "daily_goal_ml": (int,),
    "on_min": (int,),
    "region": (str,),
    "routine_id": (str,),
    "message": (str,),
    "action": (str,),
    "times": (list,),
    "weekdays": (list,),
    "starts": (str,),
    "ends": (str,),
}


def _check_rule_spec(rule: Record, where: str) -> None:
    spec = json.loads(rule["spec"])
    at = f"{where}.spec"
    for key, value in spec.items():
        types = _SPEC_TYPES.get(key)
        if types is None:
            raise _RefusedError(f"{at}: unknown field {key!r}.")
        if value is None:
            continue
        if types == (int,):
            if not _is_int(value) or value <= 0:
                raise _RefusedError(f"{at}.{key}: must be a whole number above 0.")
        elif not isinstance(value, types):
            raise _RefusedError(f"{at}.{key}: has the wrong type.")
    if not all(_is_int(d) and d in range(7) for d in spec.get("weekdays", [])):
        raise _RefusedError(f"{at}.weekdays: must be days 0 (Monday) to 6 (Sunday).")
    if not all(isinstance(t, str) for t in spec.get("times", [])):
        raise _RefusedError(f"{at}.times: must be times like 08:30.")
    try:
        parsed = parse_rule((None, rule["kind"], rule["title"], rule["enabled"], rule["spec"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise _RefusedError(f"{at}: {exc}.") from None
    for name in ("starts", "ends"):
        moment = getattr(parsed, name)
        if moment is not None and moment.tzinfo is None:
            raise _RefusedError(f"{at}.{name}: needs its offset, like 2026-06-15T09:00+01:00.")


def _waking_after_import(db: Database, records: dict[str, list[Record]]) -> WakingWeek:
    """The waking hours this database will have once the file is merged: the settings
    here win, the file's fill the keys not set here (as ``_Merge.settings`` does)."""
    stored: dict[str, str] = {
        str(key): str(value) for key, value in db.conn.execute("SELECT key, value FROM settings")
    }
    for record in records["settings"]:
        stored.setdefault(record["key"], record["value"])

    def value(key: str) -> Any:
        try:
            return json.loads(stored[key]) if key in stored else None
        except (ValueError, TypeError, RecursionError):
            return None  # a damaged value reads as missing, as SettingsRepository.get does

    document = value(PREFERENCES_KEY)
    legacy = {k: value(k) for k in PREFERENCES_LEGACY_KEYS} if document is None else {}
    return read_preferences(document, None, legacy).preferences.waking


def _check_rule_limits(rules: list[Record], bounds: ProtocolBounds, waking: WakingWeek) -> None:
    """Each reminder as it would be switched on here: a rule beyond a hard limit (or one
    the Reminders screen would refuse for another reason) refuses the whole file."""
    for n, record in enumerate(rules):
        rule = parse_rule(
            (None, record["kind"], record["title"], record["enabled"], record["spec"])
        )
        refused = check_rule(replace(rule, enabled=True), bounds, waking).refused
        if refused:
            raise _RefusedError(f"reminder_rules[{n}] ({rule.title!r}): {refused[0]}")


# -- import: merging -----------------------------------------------------------------------------
def import_json(
    db: Database, path: Path, now: datetime, library: ExerciseLibrary, bounds: ProtocolBounds
) -> ImportReport:
    """Merge an export file into this database, without duplicates, in one transaction.

    The whole file is checked first (DataFileError names the problem; nothing
    changes). Records are matched by natural keys (docs/data-export.md), so
    importing the same file twice adds nothing the second time.
    """
    records = read_export(path, library, bounds)
    try:
        _check_rule_limits(records["reminder_rules"], bounds, _waking_after_import(db, records))
    except _RefusedError as exc:
        raise DataFileError(f"Cannot import {path}: {exc} Nothing was changed.") from None
    try:
        return _merge_all(db, records, now)
    except sqlite3.IntegrityError as exc:
        raise DataFileError(
            f"Cannot import {path}: a record does not fit this database ({exc}). "
            "Nothing was changed."
        ) from exc


def _merge_all(db: Database, records: dict[str, list[Record]], now: datetime) -> ImportReport:
    added = dict.fromkeys(KINDS, 0)
    present = dict.fromkeys(KINDS, 0)
    with db.transaction() as conn:
        merge = _Merge(conn, now, added, present)
        merge.settings(records["settings"])
        merge.health_conditions(records["health_conditions"])
        merge.user_routines(records["user_routines"])
        merge.reminder_rules(records["reminder_rules"])
        merge.checkins(records["checkins"])
        merge.keyed("triage_outcomes", records["triage_outcomes"], ("at", "tier"))
        merge.routine_runs(records["routine_runs"])
        merge.keyed("reminder_events", records["reminder_events"], ("kind", "title", "due_at"))
        merge.keyed("water_log", records["water_log"], ("at", "ml"))
        merge.keyed("therapy_sessions", records["therapy_sessions"], ("started_at", "therapy"))
        merge.keyed("activities", records["activities"], ("kind", "ended_at"))
        merge.keyed("daily_log", records["daily_log"], ("day",))
        merge.keyed("trend_alerts", records["trend_alerts"], ("rule", "subject", "episode"))
    return ImportReport(
        {k: v for k, v in added.items() if v}, {k: v for k, v in present.items() if v}
    )


@dataclass
class _Merge:
    conn: sqlite3.Connection
    now: datetime
    added: dict[str, int]
    present: dict[str, int]
    routine_ids: dict[str, str] = field(default_factory=dict)  # file id -> id here

    def _insert(self, table: str, row: Mapping[str, Any]) -> int:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 - names are ours
            tuple(row.values()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _keys(self, table: str, columns: Sequence[str]) -> set[tuple[Any, ...]]:
        sql = f"SELECT {', '.join(columns)} FROM {table}"  # noqa: S608
        return set(self.conn.execute(sql).fetchall())

    def _columns(self, kind: str, record: Record) -> dict[str, Any]:
        return {c.name: record[c.name] for c in _BY_NAME[kind].columns}

    def keyed(self, kind: str, records: list[Record], key: Sequence[str]) -> None:
        """Records of one flat table, skipped when their natural key is already here."""
        table = _BY_NAME[kind].table
        seen = self._keys(table, key)
        for record in records:
            natural = tuple(record[k] for k in key)
            if natural in seen:
                self.present[kind] += 1
                continue
            self._insert(table, self._columns(kind, record))
            seen.add(natural)
            self.added[kind] += 1

    def settings(self, records: list[Record]) -> None:
        """Only keys not set here: the settings on this computer win."""
        self.keyed("settings", records, ("key",))

    def health_conditions(self, records: list[Record]) -> None:
        """Taken from the file only when none are stored here (they are one answer)."""
        if self._keys("health_conditions", ("condition_id",)):
            self.present["health_conditions"] += len(records)
            return
        self.keyed("health_conditions", records, ("condition_id",))

    def user_routines(self, records: list[Record]) -> None:
        """Skip a routine with the same name and steps; otherwise add it under a new id."""
        here = {
            (name, json.dumps(json.loads(steps), sort_keys=True)): routine_id
            for routine_id, name, steps in self.conn.execute(
                "SELECT id, name, steps FROM user_routines ORDER BY created_at DESC, id DESC"
            )
        }
        for record in records:
            same = (record["name"], json.dumps(json.loads(record["steps"]), sort_keys=True))
            if same in here:
                self.routine_ids[record["id"]] = here[same]
                self.present["user_routines"] += 1
                continue
            (highest,) = self.conn.execute(
                "SELECT COALESCE(MAX(CAST(SUBSTR(id, ?) AS INTEGER)), 0) FROM user_routines",
                (len(PREFIX) + 1,),
            ).fetchone()
            new_id = f"{PREFIX}{int(highest) + 1}"
            self._insert("user_routines", {**self._columns("user_routines", record), "id": new_id})
            self.routine_ids[record["id"]] = new_id
            here[same] = new_id
            self.added["user_routines"] += 1

    def reminder_rules(self, records: list[Record]) -> None:
        """Skip a rule whose kind and spec are already here; add the others switched off."""
        here = {
            (kind, json.dumps(json.loads(spec), sort_keys=True))
            for kind, spec in self.conn.execute("SELECT kind, spec FROM reminder_rules")
        }
        for record in records:
            spec = json.loads(record["spec"])
            if spec.get("routine_id") in self.routine_ids:
                spec["routine_id"] = self.routine_ids[spec["routine_id"]]
            spec_text = json.dumps(spec, sort_keys=True)
            if (record["kind"], spec_text) in here:
                self.present["reminder_rules"] += 1
                continue
            row = self._columns("reminder_rules", record)
            row.update(
                spec=spec_text,
                enabled=0,  # the user switches it on after looking at it
                last_fired_at=utc(self.now).isoformat(),  # nothing before now counts as missed
            )
            self._insert("reminder_rules", row)
            here.add((record["kind"], spec_text))
            self.added["reminder_rules"] += 1

    def checkins(self, records: list[Record]) -> None:
        """One check-in a day: a day already here keeps the check-in made here."""
        days = {day for (day,) in self.conn.execute("SELECT day FROM checkins")}
        for record in records:
            if record["day"] in days:
                self.present["checkins"] += 1
                continue
            checkin_id = self._insert("checkins", self._columns("checkins", record))
            for child in _BY_NAME["checkins"].children:
                for row in record[child.key]:
                    self._insert(
                        child.table,
                        {child.parent: checkin_id, **{c.name: row[c.name] for c in child.columns}},
                    )
            days.add(record["day"])
            self.added["checkins"] += 1

    def routine_runs(self, records: list[Record]) -> None:
        """Matched by start and routine; a run of a routine re-numbered here follows it."""
        seen = self._keys("routine_runs", ("started_at", "routine"))
        (child,) = _BY_NAME["routine_runs"].children
        for record in records:
            mapped = self.routine_ids.get(record["routine"], record["routine"])
            started = record["started_at"]
            if (started, record["routine"]) in seen or (started, mapped) in seen:
                self.present["routine_runs"] += 1
                continue
            row = {**self._columns("routine_runs", record), "routine": mapped}
            run_id = self._insert("routine_runs", row)
            for step in record[child.key]:
                self._insert(
                    child.table,
                    {child.parent: run_id, **{c.name: step[c.name] for c in child.columns}},
                )
            seen.add((started, mapped))
            self.added["routine_runs"] += 1


# -- deleting -------------------------------------------------------------------------------------
_HISTORY = (
    # kind, table, the rows that go with each (deleted first)
    ("checkins", "checkins", ("checkin_regions", "triage_answers")),
    ("routine_runs", "routine_runs", ("routine_run_steps",)),
    ("reminder_events", "reminder_events", ()),
    ("water_log", "water_log", ()),
    ("therapy_sessions", "therapy_sessions", ()),
    ("activities", "activities", ()),
    ("daily_log", "daily_log", ()),
    ("trend_alerts", "trend_alerts", ()),
)


def delete_history(db: Database, now: datetime) -> DeleteReport:
    """Delete all history in one transaction; keep what the user set up.

    Deleted: check-ins (with their regions and safety answers), routine runs
    (with their steps), reminder events, water, therapy sessions, activities,
    the morning log, trend alerts and triage outcomes, except the safety locks
    still standing at ``now`` (a red outcome not yet confirmed as assessed, an
    orange one whose 24-hour lock has not run out): those are a safety state,
    and deleting them would unlock exercises.

    Kept: settings, health conditions, the user's own routines and reminder
    rules. Deleted rows are overwritten in the file (``secure_delete``).
    """
    deleted: dict[str, int] = {}
    conn = db.conn
    (secure,) = conn.execute("PRAGMA secure_delete").fetchone()
    conn.execute("PRAGMA secure_delete = ON")
    try:
        with db.transaction():
            for kind, table, children in _HISTORY:
                for child in children:
                    conn.execute(f"DELETE FROM {child}")  # noqa: S608 - our own table names
                deleted[kind] = conn.execute(f"DELETE FROM {table}").rowcount  # noqa: S608
            outcomes = conn.execute(
                "SELECT id, tier, lock_until, assessed_at FROM triage_outcomes"
            ).fetchall()
            standing = [row[0] for row in outcomes if _standing(row[1], row[2], row[3], now)]
            gone = [(row[0],) for row in outcomes if row[0] not in standing]
            conn.executemany("DELETE FROM triage_outcomes WHERE id = ?", gone)
            deleted["triage_outcomes"] = len(gone)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(secure)}")
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the old pages leave the WAL too
    return DeleteReport({k: v for k, v in deleted.items() if v}, len(standing))


def _standing(tier: str, lock_until: str | None, assessed_at: str | None, now: datetime) -> bool:
    """The same rule as CheckInRepository.active_locks."""
    if assessed_at is not None:
        return False
    if tier == Tier.RED.value:
        return True
    if tier == Tier.ORANGE.value and lock_until:
        return utc(datetime.fromisoformat(lock_until)) > utc(now)
    return False
