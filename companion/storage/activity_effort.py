"""Setting a logged activity's effort after the fact (an imported run asked once).

Kept apart from ``ActivityRepository``: one small write, in one transaction.
"""

from __future__ import annotations

from companion.storage.database import Database


def set_effort(db: Database, activity_id: int, effort: int) -> bool:
    """Store ``effort`` (1-10) on the activity ``activity_id``; False if there is none.

    ValueError when the effort is not a whole number from 1 to 10 (the rule of
    ``domain.activity.check_activity_values``)."""
    if isinstance(effort, bool) or not isinstance(effort, int) or not 1 <= effort <= 10:
        raise ValueError(f"Effort must be a whole number from 1 to 10, got {effort!r}.")
    with db.transaction() as conn:
        cursor = conn.execute(
            "UPDATE activities SET effort = ? WHERE id = ?", (effort, activity_id)
        )
    return cursor.rowcount == 1
