"""The activity log and the morning log (sleep and how recovered you feel)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.clock import utc
from companion.storage.database import Database


class DuplicateActivityError(ValueError):
    pass


_COLUMNS = (
    "kind, ended_at, minutes, km, effort, note, sport, avg_hr, max_hr, elevation_gain_m, "
    "source_file, content_hash"
)


class ActivityRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, activity: Activity, source: str) -> int:
        """Log one activity, in one transaction. The same kind ending at the same moment,
        or the same file (by its content hash), is refused as a repeat."""
        try:
            with self._db.transaction() as conn:
                cursor = conn.execute(
                    f"INSERT INTO activities ({_COLUMNS}, source) "  # noqa: S608 - ours
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        activity.kind.value,
                        utc(activity.ended_at).isoformat(),
                        activity.minutes,
                        activity.km,
                        activity.effort,
                        activity.note,
                        activity.sport,
                        activity.avg_hr,
                        activity.max_hr,
                        activity.elevation_gain_m,
                        activity.source_file,
                        activity.content_hash,
                        source,
                    ),
                )
        except sqlite3.IntegrityError as exc:
            if activity.content_hash and self.has_hash(activity.content_hash):
                raise DuplicateActivityError("That file's activity is already logged.") from exc
            raise DuplicateActivityError(
                f"A {activity.kind.label.lower()} ending at that time is already logged."
            ) from exc
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def delete(self, activity_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM activities WHERE id = ?", (activity_id,))

    def between(self, start: datetime, end: datetime) -> list[tuple[int, Activity]]:
        """Activities that ended in [start, end), oldest first, with their ids."""
        rows = self._db.conn.execute(
            f"SELECT id, {_COLUMNS} FROM activities "  # noqa: S608 - ours
            "WHERE ended_at >= ? AND ended_at < ? ORDER BY ended_at",
            (utc(start).isoformat(), utc(end).isoformat()),
        )
        return [(int(row[0]), _activity(row[1:])) for row in rows]

    def recent(self, limit: int = 20) -> list[tuple[int, Activity]]:
        rows = self._db.conn.execute(
            f"SELECT id, {_COLUMNS} FROM activities "  # noqa: S608 - ours
            "ORDER BY ended_at DESC LIMIT ?",
            (limit,),
        )
        return [(int(row[0]), _activity(row[1:])) for row in rows]

    def latest(self) -> Activity | None:
        found = self.recent(1)
        return found[0][1] if found else None

    def has_hash(self, content_hash: str) -> bool:
        """Whether an activity from a file with this content hash is logged."""
        row = self._db.conn.execute(
            "SELECT 1 FROM activities WHERE content_hash = ? AND content_hash != '' LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row is not None


def _activity(row: tuple[object, ...]) -> Activity:
    kind, ended, minutes, km, effort, note, sport, avg_hr, max_hr, gain, source, digest = row
    return Activity(
        kind=ActivityKind(str(kind)),
        ended_at=datetime.fromisoformat(str(ended)),
        minutes=float(minutes) if minutes is not None else None,  # type: ignore[arg-type]
        km=float(km) if km is not None else None,  # type: ignore[arg-type]
        effort=int(effort) if effort is not None else None,  # type: ignore[call-overload]
        note=str(note),
        sport=str(sport),
        avg_hr=int(avg_hr) if avg_hr is not None else None,  # type: ignore[call-overload]
        max_hr=int(max_hr) if max_hr is not None else None,  # type: ignore[call-overload]
        elevation_gain_m=float(gain) if gain is not None else None,  # type: ignore[arg-type]
        source_file=str(source),
        content_hash=str(digest),
    )


class MorningLogRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, log: MorningLog, now: datetime) -> None:
        """One entry a morning; logging again the same day updates what was given."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO daily_log (day, sleep_hours, prs, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(day) DO UPDATE SET "
                "sleep_hours = COALESCE(excluded.sleep_hours, sleep_hours), "
                "prs = COALESCE(excluded.prs, prs), updated_at = excluded.updated_at",
                (log.day.isoformat(), log.sleep_hours, log.prs, now.isoformat()),
            )

    def for_day(self, day: date) -> MorningLog | None:
        found = self.between(day, day)
        return found[0] if found else None

    def between(self, first: date, last: date) -> list[MorningLog]:
        """Mornings from ``first`` to ``last`` inclusive, oldest first."""
        rows = self._db.conn.execute(
            "SELECT day, sleep_hours, prs FROM daily_log WHERE day >= ? AND day <= ? ORDER BY day",
            (first.isoformat(), last.isoformat()),
        )
        return [
            MorningLog(
                date.fromisoformat(day),
                float(sleep) if sleep is not None else None,
                int(prs) if prs is not None else None,
            )
            for day, sleep, prs in rows
        ]
