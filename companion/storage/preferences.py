"""The preferences document: one JSON value under the ``preferences`` settings key.

It carries its schema version (``companion.domain.preferences.SCHEMA_VERSION``).
Before schema 1 the emergency number and the waking hours had keys of their
own; the first load reads them and the first save moves them into the document.
A document written by a newer version is read as far as this one understands
it and never overwritten by it, so going back a version loses nothing.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

from companion.domain.preferences import Loaded, Preferences, read_preferences
from companion.domain.protocols import ProtocolBounds
from companion.storage.database import Database
from companion.storage.settings import SettingsRepository

log = logging.getLogger(__name__)

KEY = "preferences"
LEGACY_KEYS = ("emergency_number", "reminders.waking_hours")


class NewerPreferencesError(RuntimeError):
    """Saving would overwrite preferences written by a newer version of the app."""


class PreferencesRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = SettingsRepository(db)

    def load(self, bounds: ProtocolBounds | None = None) -> Loaded:
        document = self._settings.get(KEY)
        legacy = {key: self._settings.get(key) for key in LEGACY_KEYS} if document is None else {}
        loaded = read_preferences(document, bounds, legacy)
        for problem in loaded.problems:
            log.warning("preferences: %s", problem)
        return loaded

    def save(self, preferences: Preferences, now: datetime) -> None:
        """Store ``preferences`` in one transaction (and retire the pre-schema keys)."""
        if self.load().newer:
            raise NewerPreferencesError(
                "These settings were saved by a newer version of Recovery Companion; "
                "update the app to change them."
            )
        record = {
            "key": KEY,
            "value": json.dumps(preferences.to_dict()),
            "updated_at": now.isoformat(),
        }
        with self._db.transaction() as conn:
            self._db.utils.table("settings").upsert(record, pk="key")
            conn.execute(
                f"DELETE FROM settings WHERE key IN ({', '.join('?' * len(LEGACY_KEYS))})",  # noqa: S608 - placeholders only
                LEGACY_KEYS,
            )

    def reset(self, now: datetime) -> Preferences:
        """Back to the defaults; returns them."""
        defaults = Preferences()
        self.save(defaults, now)
        return defaults
