"""The user's own routines, one row each; the steps as a JSON list."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from companion.domain.custom_routines import RoutineDraft, StepSpec
from companion.storage.database import Database

PREFIX = "mine-"


class UserRoutineRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[RoutineDraft]:
        rows = self._db.conn.execute(
            "SELECT id, name, description, steps FROM user_routines ORDER BY created_at, id"
        )
        return [_draft(*row) for row in rows]

    def get(self, routine_id: str) -> RoutineDraft | None:
        row = self._db.conn.execute(
            "SELECT id, name, description, steps FROM user_routines WHERE id = ?",
            (routine_id,),
        ).fetchone()
        return None if row is None else _draft(*row)

    def save(self, draft: RoutineDraft, now: datetime) -> RoutineDraft:
        """Insert (no id yet) or update; returns the draft with its id. One transaction."""
        steps = json.dumps(
            [{"exercise": s.exercise, "seconds": s.seconds, "reps": s.reps} for s in draft.steps]
        )
        with self._db.transaction() as conn:
            if draft.id:
                updated = conn.execute(
                    "UPDATE user_routines SET name = ?, description = ?, steps = ?, "
                    "updated_at = ? WHERE id = ?",
                    (draft.name, draft.description, steps, now.isoformat(), draft.id),
                )
                if updated.rowcount != 1:
                    raise KeyError(f"No routine of yours has the id {draft.id!r}.")
                return draft
            (highest,) = conn.execute(
                "SELECT COALESCE(MAX(CAST(SUBSTR(id, ?) AS INTEGER)), 0) FROM user_routines",
                (len(PREFIX) + 1,),
            ).fetchone()
            routine_id = f"{PREFIX}{int(highest) + 1}"
            conn.execute(
                "INSERT INTO user_routines (id, name, description, steps, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    routine_id,
                    draft.name,
                    draft.description,
                    steps,
                    now.isoformat(),
                    now.isoformat(),
                ),
            )
        return replace(draft, id=routine_id)

    def delete(self, routine_id: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM user_routines WHERE id = ?", (routine_id,))


def _draft(routine_id: str, name: str, description: str, steps: str) -> RoutineDraft:
    specs = tuple(
        StepSpec(str(s["exercise"]), int(s["seconds"]), int(s["reps"])) for s in json.loads(steps)
    )
    return RoutineDraft(name, description, specs, routine_id)
