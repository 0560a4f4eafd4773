"""Each guided routine, as it went: when, how it ended, and every step's actual time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from companion.domain.feel import FeelScore
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


class FeelRepository:
    """How each region felt after a run (``routine_run_feel``), kept with the run."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def replace(self, run_id: int, scores: Sequence[FeelScore]) -> None:
        """The run's scores are these, in one transaction (earlier ones for it go)."""
        with self._db.transaction() as conn:
            if (
                conn.execute("SELECT 1 FROM routine_runs WHERE id = ?", (run_id,)).fetchone()
                is None
            ):
                raise KeyError(f"no routine run {run_id}")
            conn.execute("DELETE FROM routine_run_feel WHERE run_id = ?", (run_id,))
            conn.executemany(
                "INSERT INTO routine_run_feel (run_id, region_id, side, before, after) "
                "VALUES (?, ?, ?, ?, ?)",
                [(run_id, s.region_id, s.side, s.before, s.after) for s in scores],
            )

    def for_run(self, run_id: int) -> tuple[FeelScore, ...]:
        return self.for_runs((run_id,)).get(run_id, ())

    def for_runs(self, run_ids: Iterable[int]) -> dict[int, tuple[FeelScore, ...]]:
        """Run id -> its scores in the order they were given, for the runs that have any."""
        ids = list(dict.fromkeys(run_ids))
        found: dict[int, list[FeelScore]] = {}
        for start in range(0, len(ids), 500):  # inside SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))  # only placeholders go into the SQL
            sql = f"SELECT run_id, region_id, side, before, after FROM routine_run_feel WHERE run_id IN ({marks}) ORDER BY run_id, rowid"  # noqa: E501, S608
            for rid, region, side, before, after in self._db.conn.execute(sql, chunk):
                found.setdefault(int(rid), []).append(
                    FeelScore(region, side, None if before is None else int(before), int(after))
                )
        return {rid: tuple(scores) for rid, scores in found.items()}
