"""Checking an export file before anything is written: every record, routine and reminder.

``read_export`` reads the whole file and checks every value against the kinds
table; the reminders are then checked as they would be switched on here, with
the waking hours this database will have once the file is merged.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from companion.domain.clock import utc
from companion.domain.custom_routines import RoutineDraft, StepSpec, review
from companion.domain.excerpt import quote, shorten
from companion.domain.exercises import ExerciseLibrary
from companion.domain.pause import LONGEST_PAUSE, PauseState
from companion.domain.preferences import read_preferences
from companion.domain.protocols import ProtocolBounds
from companion.domain.reminders import WakingWeek, check_rule
from companion.storage.database import Database
from companion.storage.export.files import DataFileError, RefusedError
from companion.storage.export.json_file import is_int, read_document
from companion.storage.export.kinds import (
    KINDS,
    RECORD_KINDS,
    ChildTable,
    Column,
    Record,
    RecordKind,
)
from companion.storage.preferences import KEY as PREFERENCES_KEY
from companion.storage.preferences import LEGACY_KEYS as PREFERENCES_LEGACY_KEYS
from companion.storage.reminders import rule_from_row
from companion.storage.settings import PAUSED_UNTIL
from companion.storage.user_routines import PREFIX

SQLITE_INT_MAX = 2**63 - 1  # SQLite's integers are 64-bit
SQLITE_INT_MIN = -(2**63)
SPEC_NUMBER_MAX = 1_000_000  # no reminder field (minutes, millilitres) comes near it


def read_export(
    path: Path, library: ExerciseLibrary, bounds: ProtocolBounds
) -> dict[str, list[Record]]:
    """Read and check a whole export file; every record as it would be stored.

    Raises DataFileError naming the path and the first problem.
    """
    try:
        return _read_checked(path, library, bounds)
    except RefusedError as exc:
        raise DataFileError(f"Cannot import {path}: {exc} Nothing was changed.") from None


def _read_checked(
    path: Path, library: ExerciseLibrary, bounds: ProtocolBounds
) -> dict[str, list[Record]]:
    data = read_document(path)
    records = data.get("records")
    if not isinstance(records, dict):
        raise RefusedError('"records" must be an object with a list for each kind.')
    unknown = sorted(set(records) - set(KINDS))
    if unknown:
        raise RefusedError(f"unknown kind of record {quote(unknown[0])}.")
    checked: dict[str, list[Record]] = {}
    schema = int(data["schema"])  # read_document checked it is a whole number
    for kind in RECORD_KINDS:
        items = records.get(kind.name, [])
        if not isinstance(items, list):
            raise RefusedError(f'"{kind.name}" must be a list.')
        checked[kind.name] = [
            _check_record(kind, item, f"{kind.name}[{n}]", schema) for n, item in enumerate(items)
        ]
    for n, routine in enumerate(checked["user_routines"]):
        _check_routine(routine, f"user_routines[{n}]", library, bounds)
    for n, rule in enumerate(checked["reminder_rules"]):
        _check_rule_spec(rule, f"reminder_rules[{n}]")
    for n, plan in enumerate(checked["return_to_run_plans"]):
        if (plan["stopped_at"] is None) != (plan["stop_reason"] is None):
            raise RefusedError(f"return_to_run_plans[{n}]: stopped_at and stop_reason go together.")
    for n, session in enumerate(checked["therapy_sessions"]):
        phases = json.loads(session["phases"])
        if not all(isinstance(p, dict) for p in phases):
            raise RefusedError(f"therapy_sessions[{n}].phases: must be a list of objects.")
    return checked


def _check_record(kind: RecordKind | ChildTable, item: object, where: str, schema: int) -> Record:
    if not isinstance(item, dict):
        raise RefusedError(f"{where}: must be an object.")
    known = {c.name for c in kind.columns} | {c.key for c in getattr(kind, "children", ())}
    unknown = sorted(set(item) - known)
    if unknown:
        raise RefusedError(f"{where}: unknown field {quote(unknown[0])}.")
    record: Record = {
        col.name: col.default
        if col.name not in item and schema < col.since_schema
        else _check_value(col, item, where)
        for col in kind.columns
    }
    for child in getattr(kind, "children", ()):
        if child.key not in item and schema < child.since_schema:
            record[child.key] = []  # written before the app kept these
            continue
        if child.key not in item:
            raise RefusedError(f"{where}.{child.key}: is missing.")
        rows = item[child.key]
        if not isinstance(rows, list):
            raise RefusedError(f"{where}.{child.key}: must be a list.")
        record[child.key] = [
            _check_record(child, row, f"{where}.{child.key}[{n}]", schema)
            for n, row in enumerate(rows)
        ]
        seen: set[Any] = set()
        for n, row in enumerate(record[child.key]):
            value = row[child.unique]
            if value in seen:
                at = f"{where}.{child.key}[{n}].{child.unique}"
                raise RefusedError(f"{at}: {quote(value)} is listed twice.")
            seen.add(value)
    return record


def _check_value(col: Column, item: dict[str, Any], where: str) -> Any:  # noqa: PLR0911, PLR0912
    """The value as it is stored, or RefusedError naming the record and field."""
    at = f"{where}.{col.name}"
    if col.name not in item:
        raise RefusedError(f"{at}: is missing.")
    value = item[col.name]
    if value is None:
        if col.null:
            return None
        raise RefusedError(f"{at}: must have a value, not null.")
    if col.type in ("text", "day", "moment"):
        if not isinstance(value, str):
            raise RefusedError(f"{at}: must be text.")
        if col.type == "day":
            return _check_day(value, at)
        if col.type == "moment":
            return _check_moment(value, at, col.utc)
        if col.choices is not None and value not in col.choices:
            raise RefusedError(
                f"{at}: {quote(value)} is not one of {', '.join(sorted(col.choices))}."
            )
        return value
    if col.type == "flag":
        if not isinstance(value, bool):
            raise RefusedError(f"{at}: must be true or false.")
        return int(value)
    if col.type in ("int", "real"):
        return _check_number(col, value, at)
    if col.type == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RefusedError(f"{at}: must be a list of text.")
        bad = [v for v in value if col.choices is not None and v not in col.choices]
        if bad:
            raise RefusedError(
                f"{at}: {quote(bad[0])} is not one of {', '.join(sorted(col.choices or ()))}."
            )
        return json.dumps(sorted(value) if col.sort else value)
    if col.type == "object" and not isinstance(value, dict):
        raise RefusedError(f"{at}: must be an object.")
    if col.type == "list" and not isinstance(value, list):
        raise RefusedError(f"{at}: must be a list.")
    return json.dumps(value, sort_keys=col.sort, ensure_ascii=False)


def _check_day(value: str, at: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise RefusedError(f"{at}: {quote(value)} is not a date like 2026-06-15.")
    return value


def _check_moment(value: str, at: str, to_utc: bool) -> str:
    moment = _moment_or_none(value)
    if moment is None:
        raise RefusedError(
            f"{at}: {quote(value)} is not a time with its offset, like 2026-06-15T09:00+01:00."
        )
    return utc(moment).isoformat() if to_utc else value


def _check_number(col: Column, value: object, at: str) -> float | int:
    whole = col.type == "int"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RefusedError(f"{at}: must be {'a whole number' if whole else 'a number'}.")
    if whole and not isinstance(value, int):
        raise RefusedError(f"{at}: must be a whole number, not {quote(value)}.")
    if isinstance(value, int) and not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
        raise RefusedError(f"{at}: {quote(value)} is out of range ({_span(col)}).")
    if not math.isfinite(value):
        raise RefusedError(f"{at}: must be a finite number.")
    too_low = (col.low is not None and value < col.low) or (
        col.above is not None and value <= col.above
    )
    too_high = col.high is not None and value > col.high
    if too_low or too_high:
        raise RefusedError(f"{at}: {quote(value)} is out of range ({_span(col)}).")
    return value if whole else float(value)


def _span(col: Column) -> str:
    if col.above is None and col.low is None:
        return f"up to {col.high:g}" if col.high is not None else "a number SQLite can store"
    low = f"above {col.above:g}" if col.above is not None else f"{col.low:g}"
    if col.high is None:
        return f"at least {low}" if col.above is None else low
    return f"from {low} to {col.high:g}"


_ROUTINE_ID = re.compile(re.escape(PREFIX) + "[0-9]+")


def _check_routine(
    routine: Record, where: str, library: ExerciseLibrary, bounds: ProtocolBounds
) -> None:
    if not _ROUTINE_ID.fullmatch(routine["id"]):
        raise RefusedError(f"{where}.id: {quote(routine['id'])} is not an id like {PREFIX}1.")
    specs = []
    for n, step in enumerate(json.loads(routine["steps"])):
        at = f"{where}.steps[{n}]"
        if not isinstance(step, dict) or set(step) != {"exercise", "seconds", "reps"}:
            raise RefusedError(f"{at}: must be an object with exercise, seconds and reps.")
        if not isinstance(step["exercise"], str):
            raise RefusedError(f"{at}.exercise: must be text.")
        for key in ("seconds", "reps"):
            if not is_int(step[key]):
                raise RefusedError(f"{at}.{key}: must be a whole number.")
        specs.append(StepSpec(step["exercise"], step["seconds"], step["reps"]))
    draft = RoutineDraft(routine["name"], routine["description"], tuple(specs))
    verdict = review(draft, library, bounds)
    if verdict.refusals:
        raise RefusedError(f"{where}: {verdict.refusals[0]}")


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
            raise RefusedError(f"{at}: unknown field {quote(key)}.")
        if value is None:
            continue
        if types == (int,):
            if not is_int(value) or not 0 < value <= SPEC_NUMBER_MAX:
                raise RefusedError(
                    f"{at}.{key}: must be a whole number from 1 to {SPEC_NUMBER_MAX:,}, "
                    f"not {quote(value)}."
                )
        elif not isinstance(value, types):
            raise RefusedError(f"{at}.{key}: has the wrong type.")
    if not all(is_int(d) and d in range(7) for d in spec.get("weekdays", [])):
        raise RefusedError(f"{at}.weekdays: must be days 0 (Monday) to 6 (Sunday).")
    if not all(isinstance(t, str) for t in spec.get("times", [])):
        raise RefusedError(f"{at}.times: must be times like 08:30.")
    try:
        parsed = rule_from_row((None, rule["kind"], rule["title"], rule["enabled"], rule["spec"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise RefusedError(f"{at}: {shorten(str(exc))}.") from None
    for name in ("starts", "ends"):
        moment = getattr(parsed, name)
        if moment is not None and moment.tzinfo is None:
            raise RefusedError(f"{at}.{name}: needs its offset, like 2026-06-15T09:00+01:00.")


def waking_after_import(db: Database, records: dict[str, list[Record]]) -> WakingWeek:
    """The waking hours this database will have once the file is merged: the settings
    here win, the file's fill the keys not set here (as the merge does)."""
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


def check_rule_limits(rules: list[Record], bounds: ProtocolBounds, waking: WakingWeek) -> None:
    """Each reminder as it would be switched on here: a rule beyond a hard limit (or one
    the Reminders screen would refuse for another reason) refuses the whole file."""
    for n, record in enumerate(rules):
        rule = rule_from_row(
            (None, record["kind"], record["title"], record["enabled"], record["spec"])
        )
        refused = check_rule(replace(rule, enabled=True), bounds, waking).refused
        if refused:
            raise RefusedError(f"reminder_rules[{n}] ({quote(rule.title)}): {refused[0]}")


def check_settings(records: list[Record], now: datetime) -> None:
    """Settings the app reads as more than text: a pause must be one the app could
    have made (none ends later than LONGEST_PAUSE from now)."""
    for n, record in enumerate(records):
        if record["key"] != PAUSED_UNTIL:
            continue
        at = f"settings[{n}] ({PAUSED_UNTIL})"
        value = json.loads(record["value"])
        if value is None:
            continue
        until = _moment_or_none(value)
        if until is None:
            raise RefusedError(f"{at}: {quote(value)} is not a time with its offset, or null.")
        if not PauseState(until).within_reach(now):
            hours = int(LONGEST_PAUSE.total_seconds() // 3600)
            raise RefusedError(
                f"{at}: {quote(value)} is a pause longer than the longest the app offers "
                f"({hours} hours)."
            )


def _moment_or_none(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
