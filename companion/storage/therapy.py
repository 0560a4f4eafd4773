"""Therapy sessions (ice, contrast, baths, heat) as they went, for the history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from companion.domain.clock import utc
from companion.domain.therapy_timer import PhaseTimer
from companion.storage.database import Database


@dataclass(frozen=True)
class StoredTherapy:
    id: int
    therapy: str
    started_at: datetime
    ended_at: datetime
    outcome: str
    settings: dict[str, Any]
    phases: list[dict[str, Any]]


class TherapyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, timer: PhaseTimer) -> int:
        """Store a finished timer with every phase's planned and actual seconds."""
        if timer.ended_at is None:
            raise ValueError("only a finished timer can be stored")
        phases = [
            {
                "phase": r.phase.name,
                "temp": r.phase.temp.value,
                "planned_s": r.phase.seconds,
                "worked_s": round(r.worked.total_seconds(), 3),
            }
            for r in timer.records
        ]
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO therapy_sessions "
                "(therapy, started_at, ended_at, outcome, settings, phases) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    timer.plan.kind.value,
                    utc(timer.started_at).isoformat(),
                    utc(timer.ended_at).isoformat(),
                    timer.outcome,
                    json.dumps(timer.plan.settings, sort_keys=True),
                    json.dumps(phases),
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def recent(self, limit: int = 50) -> list[StoredTherapy]:
        rows = self._db.conn.execute(
            "SELECT id, therapy, started_at, ended_at, outcome, settings, phases "
            "FROM therapy_sessions ORDER BY started_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [
            StoredTherapy(
                row[0],
                row[1],
                datetime.fromisoformat(row[2]),
                datetime.fromisoformat(row[3]),
                row[4],
                json.loads(row[5]),
                json.loads(row[6]),
            )
            for row in rows
        ]
