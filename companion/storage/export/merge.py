"""``import_json``: merging a checked export file into this database, without duplicates.

Records are matched by natural keys, never by database ids, and written in one
transaction: a refused file changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from companion.domain.clock import utc
from companion.domain.exercises import ExerciseLibrary
from companion.domain.protocols import ProtocolBounds
from companion.storage.database import Database
from companion.storage.export.checks import (
    check_rule_limits,
    check_settings,
    read_export,
    waking_after_import,
)
from companion.storage.export.files import DataFileError, RefusedError
from companion.storage.export.kinds import BY_NAME, KINDS, ChildTable, Record
from companion.storage.user_routines import PREFIX


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
        check_rule_limits(records["reminder_rules"], bounds, waking_after_import(db, records))
        check_settings(records["settings"], now)
    except RefusedError as exc:
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
        merge.activities(records["activities"])
        merge.keyed("daily_log", records["daily_log"], ("day",))
        merge.keyed("trend_alerts", records["trend_alerts"], ("rule", "subject", "episode"))
        merge.return_to_run_plans(records["return_to_run_plans"])
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
        return {c.name: record[c.name] for c in BY_NAME[kind].columns}

    def keyed(self, kind: str, records: list[Record], key: Sequence[str]) -> None:
        """Records of one flat table, skipped when their natural key is already here."""
        table = BY_NAME[kind].table
        seen = self._keys(table, key)
        for record in records:
            natural = tuple(record[k] for k in key)
            if natural in seen:
                self.present[kind] += 1
                continue
            self._insert(table, self._columns(kind, record))
            seen.add(natural)
            self.added[kind] += 1

    def activities(self, records: list[Record]) -> None:
        """Skipped when the same kind ends at the same moment, or the same file (its
        content hash) is already here."""
        hashes = {h for (h,) in self.conn.execute("SELECT content_hash FROM activities") if h}
        kept = []
        for record in records:
            digest = record.get("content_hash") or ""
            if digest and digest in hashes:
                self.present["activities"] += 1
                continue
            hashes.add(digest)
            kept.append(record)
        self.keyed("activities", kept, ("kind", "ended_at"))

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
            for child in BY_NAME["checkins"].children:
                for row in record[child.key]:
                    self._insert(
                        child.table,
                        {child.parent: checkin_id, **{c.name: row[c.name] for c in child.columns}},
                    )
            days.add(record["day"])
            self.added["checkins"] += 1

    def routine_runs(self, records: list[Record]) -> None:
        """Matched by start and routine; a run of a routine re-numbered here follows it.

        A run already here keeps its steps; how each region felt afterwards is added
        for the regions it has no answer for yet (the answer here wins).
        """
        here = {
            (started, routine): run_id
            for run_id, started, routine in self.conn.execute(
                "SELECT id, started_at, routine FROM routine_runs"
            )
        }
        steps, feel = BY_NAME["routine_runs"].children
        for record in records:
            mapped = self.routine_ids.get(record["routine"], record["routine"])
            started = record["started_at"]
            existing = here.get((started, record["routine"]), here.get((started, mapped)))
            if existing is not None:
                self.present["routine_runs"] += 1
                self._missing_feel(existing, record[feel.key], feel)
                continue
            row = {**self._columns("routine_runs", record), "routine": mapped}
            run_id = self._insert("routine_runs", row)
            for child in (steps, feel):
                for item in record[child.key]:
                    self._insert(
                        child.table,
                        {child.parent: run_id, **{c.name: item[c.name] for c in child.columns}},
                    )
            here[(started, mapped)] = run_id
            self.added["routine_runs"] += 1

    def return_to_run_plans(self, records: list[Record]) -> None:
        """Matched by their start; a plan already here keeps its own sessions and takes the
        file's sessions on days it has none (a day here wins)."""
        here = {
            started: plan_id
            for plan_id, started in self.conn.execute(
                "SELECT id, started_at FROM return_to_run_plans"
            )
        }
        (sessions,) = BY_NAME["return_to_run_plans"].children
        for record in records:
            existing = here.get(record["started_at"])
            if existing is None:
                existing = self._insert(
                    "return_to_run_plans", self._columns("return_to_run_plans", record)
                )
                here[record["started_at"]] = existing
                self.added["return_to_run_plans"] += 1
            else:
                self.present["return_to_run_plans"] += 1
            days = {
                day
                for (day,) in self.conn.execute(
                    "SELECT day FROM return_to_run_sessions WHERE plan_id = ?", (existing,)
                )
            }
            for item in record[sessions.key]:
                if item["day"] in days:
                    continue
                self._insert(
                    sessions.table,
                    {sessions.parent: existing, **{c.name: item[c.name] for c in sessions.columns}},
                )

    def _missing_feel(self, run_id: int, rows: list[Record], feel: ChildTable) -> None:
        answered = set(
            self.conn.execute(
                "SELECT region_id, side FROM routine_run_feel WHERE run_id = ?", (run_id,)
            ).fetchall()
        )
        for item in rows:
            if (item["region_id"], item["side"]) in answered:
                continue
            self._insert(
                feel.table, {feel.parent: run_id, **{c.name: item[c.name] for c in feel.columns}}
            )
