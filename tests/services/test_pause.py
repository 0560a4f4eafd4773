from __future__ import annotations

from datetime import UTC, datetime

from companion.services.pause import PauseService
from companion.storage.database import open_database
from companion.storage.settings import PAUSED_UNTIL, SettingsRepository


def test_a_stored_pause_longer_than_any_offered_is_no_pause(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "companion.db", clock.now()).database
    year_9999 = datetime(9999, 12, 31, 23, 59, tzinfo=UTC).isoformat()
    SettingsRepository(db).set(PAUSED_UNTIL, year_9999, clock.now())

    pause = PauseService(db, clock)

    assert not pause.is_paused()
    assert pause.describe() == "Reminders on"
    db.close()
