"""Each guided routine, as it went: when, how it ended, and every step's actual time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from companion.domain.session import Outcome, RoutineSession
from companion.storage.database import Database


@dataclass(frozen=True)
class StoredRun:
    id: int
    routine: str
    name: str
    started_at: datetime
    ended_at: datetime
    outcome: str
    steps: tuple[
        tuple[str, str, str, int, float, str], ...
    ]  # exercise, region, side, planned, worked, outcome


class RunRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, routine: str, name: str, session: RoutineSession) -> int:
        """Store a finished session (completed or stopped) in one transaction."""
        if session.ended_at is None:
            raise ValueError("only a finished session can be stored")
        completed = all(r.outcome is not Outcome.STOPPED for r in session.records)
        utils = self._db.utils
        with self._db.transaction():
            last_pk = (
                utils.table("routine_runs")
                .insert(
                    {
                        "routine": routine,
                        "name": name,
                        "started_at": session.started_at.isoformat(),
                        "ended_at": session.ended_at.isoformat(),
                        "outcome": "completed" if completed else "stopped",
                    }
                )
                .last_pk
            )
            assert last_pk is not None
            run_id = int(last_pk)
            utils.table("routine_run_steps").insert_all(
                {
                    "run_id": run_id,
                    "position": position,
                    "exercise": record.step.exercise.id,
                    "region": record.step.region_id,
                    "side": record.step.side,
                    "planned_s": record.step.seconds
                    * (1 if record.step.exercise.timed_reps else record.step.reps),
                    "worked_s": round(record.worked.total_seconds(), 3),
                    "outcome": (record.outcome or Outcome.STOPPED).value,
                }
                for position, record in enumerate(session.records)
            )
        return run_id

    def recent(self, limit: int = 20) -> list[StoredRun]:
        conn = self._db.conn
        runs = []
        for rid, routine, name, started, ended, outcome in conn.execute(
            "SELECT id, routine, name, started_at, ended_at, outcome FROM routine_runs "
            "ORDER BY started_at DESC LIMIT ?",
            (limit,),
        ):
            steps = tuple(
                (exercise, region, side, int(planned), float(worked), step_outcome)
                for exercise, region, side, planned, worked, step_outcome in conn.execute(
                    "SELECT exercise, region, side, planned_s, worked_s, outcome "
                    "FROM routine_run_steps WHERE run_id = ? ORDER BY position",
                    (rid,),
                )
            )
            runs.append(
                StoredRun(
                    rid,
                    routine,
                    name,
                    datetime.fromisoformat(started),
                    datetime.fromisoformat(ended),
                    outcome,
                    steps,
                )
            )
        return runs
