"""``delete_history``: deleting the history and keeping what the user set up."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from companion.domain.triage import Tier, lock_stands
from companion.storage.database import Database


@dataclass(frozen=True)
class DeleteReport:
    deleted: dict[str, int]  # kind -> records deleted
    kept_locks: int  # safety locks still standing, kept

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


_HISTORY = (
    # kind, table, the rows that go with each (deleted first)
    ("checkins", "checkins", ("checkin_regions", "triage_answers")),
    ("routine_runs", "routine_runs", ("routine_run_steps", "routine_run_feel")),
    ("reminder_events", "reminder_events", ()),
    ("water_log", "water_log", ()),
    ("therapy_sessions", "therapy_sessions", ()),
    ("activities", "activities", ()),
    ("daily_log", "daily_log", ()),
    ("trend_alerts", "trend_alerts", ()),
    ("return_to_run_plans", "return_to_run_plans", ("return_to_run_sessions",)),
)


def delete_history(db: Database, now: datetime) -> DeleteReport:
    """Delete all history in one transaction; keep what the user set up.

    Deleted: check-ins (with their regions and safety answers), routine runs
    (with their steps and how each region felt afterwards), reminder events,
    water, therapy sessions, activities, the morning log, trend alerts, return-to-run
    plans (with their sessions) and triage outcomes, except the safety locks still
    standing at ``now`` (a red outcome not yet confirmed as assessed, an orange one
    whose 24-hour lock has not run out): those are a safety state, and deleting them
    would unlock exercises.

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
    """The stored columns read for the domain's rule (the one active_locks uses too)."""
    return lock_stands(
        Tier(tier),
        datetime.fromisoformat(lock_until) if lock_until else None,
        datetime.fromisoformat(assessed_at) if assessed_at else None,
        now,
    )
