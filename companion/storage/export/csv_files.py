"""``export_csv``: one CSV file per kind of record, times in the user's zone, for reading
in a spreadsheet. CSV files are not read back."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from companion.storage.database import Database
from companion.storage.export.files import DataFileError, reason, snapshot, write_atomically


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
        (
            "day",
            "started_at",
            "ended_at",
            "routine",
            "name",
            "outcome",
            "steps",
            "worked_s",
            "steps_done",
        ),
        "SELECT started_at, ended_at, routine, name, outcome, "
        "(SELECT COUNT(*) FROM routine_run_steps s WHERE s.run_id = r.id), "
        "(SELECT COALESCE(SUM(worked_s), 0) FROM routine_run_steps s WHERE s.run_id = r.id), "
        "(SELECT COUNT(*) FROM routine_run_steps s WHERE s.run_id = r.id "
        "AND s.outcome IN ('completed', 'skipped')) "
        "FROM routine_runs r ORDER BY started_at, id",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            _local(r[1], z),
            *r[2:6],
            round(float(r[6]), 3),
            r[7],
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
        "routine_feel",
        ("run_started_at", "routine", "region", "side", "before", "after"),
        "SELECT r.started_at, r.routine, f.region_id, f.side, f.before, f.after "
        "FROM routine_run_feel f JOIN routine_runs r ON r.id = f.run_id "
        "ORDER BY r.started_at, r.id, f.rowid",
        lambda r, z: [_local(r[0], z), *r[1:4], _blank(r[4]), r[5]],
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
        (
            "day",
            "ended_at",
            "kind",
            "minutes",
            "km",
            "effort",
            "note",
            "source",
            "sport",
            "avg_hr",
            "max_hr",
            "elevation_gain_m",
            "source_file",
            "content_hash",
        ),
        "SELECT ended_at, kind, minutes, km, effort, note, source, sport, avg_hr, max_hr, "
        "elevation_gain_m, source_file, content_hash FROM activities ORDER BY ended_at, kind",
        lambda r, z: [
            _day(r[0], z),
            _local(r[0], z),
            r[1],
            _num(r[2]),
            _num(r[3]),
            _num(r[4]),
            r[5],
            r[6],
            r[7],
            _num(r[8]),
            _num(r[9]),
            _num(r[10]),
            r[11],
            r[12],
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
        raise DataFileError(f"Cannot write {folder}: {reason(exc)}.") from exc
    zone = now.tzinfo
    with snapshot(db.conn):
        tables = [
            (sheet, [sheet.shape(row, zone) for row in db.conn.execute(sheet.sql).fetchall()])
            for sheet in _SHEETS
        ]
    written = []
    for sheet, rows in tables:
        path = folder / f"{sheet.name}.csv"
        write_atomically(path, _csv_writer(sheet.header, rows))
        written.append(path)
    return written


def _csv_writer(header: Sequence[str], rows: list[list[Any]]) -> Callable[[IO[str]], object]:
    def write(fh: IO[str]) -> None:
        out = csv.writer(fh, lineterminator="\r\n")  # RFC 4180: CRLF, minimal quoting
        out.writerow(header)
        out.writerows(rows)

    return write
