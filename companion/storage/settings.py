"""Small app state as JSON values under string keys: window geometry, pause state, flags.

Reads and writes use the plain connection: they happen at start-up and at quit
(the window's geometry), where importing sqlite-utils would cost about 90 ms. Each
write is one transaction.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from companion.domain.pause import PauseState
from companion.storage.database import Database

PAUSED_UNTIL = "reminders.paused_until"


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except (ValueError, TypeError, RecursionError):
            # Not JSON (or not text), a number of thousands of digits, or nested too
            # deeply: a damaged or hand-edited value reads as missing.
            return default

    def set(self, key: str, value: Any, now: datetime) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at",
                (key, json.dumps(value), now.isoformat()),
            )

    def delete(self, key: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def pause_state(self) -> PauseState:
        raw = self.get(PAUSED_UNTIL)
        if not isinstance(raw, str):
            return PauseState()
        try:
            until = datetime.fromisoformat(raw)
        except ValueError:
            return PauseState()
        if until.tzinfo is None:
            return PauseState()
        return PauseState(paused_until=until)

    def save_pause_state(self, state: PauseState, now: datetime) -> None:
        if state.paused_until is None:
            self.set(PAUSED_UNTIL, None, now)
        else:
            self.set(PAUSED_UNTIL, state.paused_until.isoformat(), now)
