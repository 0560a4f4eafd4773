"""Which trend alerts were raised, so each is raised once per episode."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from companion.domain.clock import utc
from companion.domain.trends import TrendAlert
from companion.storage.database import Database


class TrendAlertRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def new(self, alerts: Iterable[TrendAlert]) -> list[TrendAlert]:
        """The alerts not raised before, in the order given."""
        fresh: list[TrendAlert] = []
        for alert in alerts:
            seen = any(
                self._db.query_one(
                    "SELECT 1 FROM trend_alerts WHERE rule = ? AND subject = ? AND episode = ?",
                    key,
                )
                for key in alert.keys
            )
            if not seen and alert.key not in {a.key for a in fresh}:
                fresh.append(alert)
        return fresh

    def record(self, alerts: Iterable[TrendAlert], answer: str, now: datetime) -> None:
        """Remember alerts as answered (questions gone through) or dismissed."""
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO trend_alerts "
                "(rule, subject, episode, raised_at, detail, answer, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (*a.key, utc(now).isoformat(), a.detail, answer, utc(now).isoformat())
                    for a in alerts
                ],
            )

    def recent(self, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """(raised at, rule, detail, answer), newest first."""
        rows = self._db.conn.execute(
            "SELECT raised_at, rule, detail, COALESCE(answer, '') FROM trend_alerts "
            "ORDER BY raised_at DESC LIMIT ?",
            (limit,),
        )
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]
