"""Therapy sessions (ice, contrast, baths, heat) as they went, for the history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from companion.domain.clock import elapsed, later, utc
from companion.domain.sessions import COUNTS_FROM_S, PastSession
from companion.storage.database import Database

if TYPE_CHECKING:
    from companion.domain.therapy_timer import PhaseTimer


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
        phases: list[dict[str, Any]] = [
            {
                "phase": r.phase.name,
                "temp": r.phase.temp.value,
                "planned_s": r.phase.seconds,
                "worked_s": round(r.worked.total_seconds(), 3),
            }
            for r in timer.records
        ]
        for check in timer.skin:  # with the phase it was asked in (no column of its own)
            answered = (
                round(elapsed(check.asked_at, check.answered_at).total_seconds(), 3)
                if check.answered_at is not None
                else None
            )
            phases[check.phase_index].setdefault("skin_checks", []).append(
                {"at_s": check.due_s, "answer": check.answer or "unanswered", "after_s": answered}
            )
        settings: dict[str, Any] = dict(timer.plan.settings)
        if timer.quick_check:
            settings["quick_check"] = {
                q: "yes" if a else "no" for q, a in timer.quick_check.items()
            }
        if timer.stop_reason:
            settings["stopped_for"] = timer.stop_reason
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
                    json.dumps(settings, sort_keys=True),
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

    def sessions_since(self, moment: datetime) -> tuple[PastSession, ...]:
        """Every ice, heat, bath and contrast session that ended after ``moment``, oldest
        first: the timers run, and icing and contrast reminders answered Done (which
        stand for a session the user did without a timer)."""
        since = utc(moment).isoformat()
        found: list[PastSession] = []
        for kind, started, ended, phases in self._db.conn.execute(
            "SELECT therapy, started_at, ended_at, phases FROM therapy_sessions "
            "WHERE ended_at > ? ORDER BY started_at",
            (since,),
        ):
            exposure = exposure_s(phases)
            found.append(
                PastSession(
                    kind, datetime.fromisoformat(started), datetime.fromisoformat(ended), exposure
                )
            )
        for kind, answered, spec in self._db.conn.execute(
            "SELECT e.kind, e.answered_at, r.spec FROM reminder_events e "
            "LEFT JOIN reminder_rules r ON r.id = e.rule_id "
            "WHERE e.answer = 'done' AND e.kind IN ('icing', 'contrast') AND e.answered_at >= ?",
            (utc(moment - REMINDED_SESSION_MAX).isoformat(),),
        ):
            start = datetime.fromisoformat(answered)
            minutes = _reminded_minutes(kind, spec)
            end = later(start, timedelta(minutes=minutes))
            if utc(end) > utc(moment):
                timer_kind = "ice" if kind == "icing" else "contrast"
                found.append(PastSession(timer_kind, start, end, minutes * 60.0))
        return tuple(sorted(found, key=lambda s: utc(s.started_at)))


def exposure_s(phases: str) -> float:
    """Seconds of cold or heat in a stored session's phases (the "off" phases between
    ice applications are not counted)."""
    return sum(float(p.get("worked_s", 0)) for p in json.loads(phases) if p.get("temp") != "off")


def counts(phases: str) -> bool:
    """Whether a stored session counts as one (PROTOCOLS 1.1-1.2, ``PastSession.counts``):
    at least ``COUNTS_FROM_S`` of cold or heat. A contrast stopped in its first hot
    minute, or an ice pack taken off after a few seconds, does not."""
    return exposure_s(phases) >= COUNTS_FROM_S


REMINDED_SESSION_MAX = timedelta(minutes=30)  # the longest an icing or contrast prompt stands for


def _reminded_minutes(kind: str, spec: str | None) -> float:
    """How long a session done from a reminder lasted: the rule's ice time, else the usual."""
    if kind == "icing" and spec:
        on_min = json.loads(spec).get("on_min")
        if isinstance(on_min, int | float) and not isinstance(on_min, bool) and 0 < on_min <= 30:
            return float(on_min)
    return 15.0 if kind == "icing" else 12.0
