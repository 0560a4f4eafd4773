"""The return-to-run plan and its walk-run sessions (``return_to_run_plans`` and
``return_to_run_sessions``, migration 10)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from companion.domain.return_to_run import PlanState, Session, Sign
from companion.storage.database import Database


@dataclass(frozen=True)
class StoredPlan:
    id: int
    state: PlanState
    current_step: str
    stop_reason: str | None  # 'user', 'care' or None while it runs


def _signs(text: str) -> frozenset[Sign]:
    return frozenset(Sign(s) for s in json.loads(text) if s in Sign.__members__.values())


def _signs_text(signs: Iterable[Sign]) -> str:
    return json.dumps(sorted(s.value for s in signs))


class ReturnToRunRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def latest(self) -> StoredPlan | None:
        """The plan started last, running or stopped."""
        row = self._db.query_one(
            "SELECT id, started_at, baseline, current_step, stopped_at, stop_reason "
            "FROM return_to_run_plans ORDER BY started_at DESC, id DESC LIMIT 1"
        )
        if row is None:
            return None
        pid, started, baseline, step, stopped, reason = row
        state = PlanState(
            datetime.fromisoformat(started),
            int(baseline),
            datetime.fromisoformat(stopped) if stopped else None,
            reason == "care",
        )
        return StoredPlan(int(pid), state, step, reason)

    def start(self, started_at: datetime, baseline: int, step: str) -> int:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO return_to_run_plans (started_at, baseline, current_step) "
                "VALUES (?, ?, ?)",
                (started_at.isoformat(), baseline, step),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def sessions(self, plan_id: int) -> list[Session]:
        return [
            Session(
                date.fromisoformat(day),
                step,
                int(pain),
                bool(completed),
                _signs(signs),
                None if morning is None else int(morning),
                _signs(morning_signs),
            )
            for day, step, pain, completed, signs, morning, morning_signs in self._db.conn.execute(
                "SELECT day, step, pain, completed, signs, morning, morning_signs "
                "FROM return_to_run_sessions WHERE plan_id = ? ORDER BY day",
                (plan_id,),
            )
        ]

    def add_session(
        self, plan_id: int, session: Session, logged_at: datetime, current_step: str
    ) -> None:
        """Log a session and the step the plan stands at after it, in one transaction."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO return_to_run_sessions "
                "(plan_id, day, step, pain, completed, signs, logged_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    plan_id,
                    session.day.isoformat(),
                    session.step,
                    session.pain,
                    int(session.completed),
                    _signs_text(session.signs),
                    logged_at.isoformat(),
                ),
            )
            conn.execute(
                "UPDATE return_to_run_plans SET current_step = ? WHERE id = ?",
                (current_step, plan_id),
            )

    def set_morning(
        self,
        plan_id: int,
        day: date,
        *,
        morning: int,
        signs: Iterable[Sign],
        at: datetime,
        current_step: str,
    ) -> None:
        """The next morning after the session of ``day``, and the step it leaves the plan at."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE return_to_run_sessions SET morning = ?, morning_signs = ?, morning_at = ? "
                "WHERE plan_id = ? AND day = ?",
                (morning, _signs_text(signs), at.isoformat(), plan_id, day.isoformat()),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"no session on {day} in plan {plan_id}")
            conn.execute(
                "UPDATE return_to_run_plans SET current_step = ? WHERE id = ?",
                (current_step, plan_id),
            )

    def stop(self, plan_id: int, at: datetime, *, for_care: bool) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE return_to_run_plans SET stopped_at = ?, stop_reason = ? "
                "WHERE id = ? AND stopped_at IS NULL",
                (at.isoformat(), "care" if for_care else "user", plan_id),
            )
