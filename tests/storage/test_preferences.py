"""The preferences document on a real SQLite file: legacy keys, newer versions, reset."""

from __future__ import annotations

import json

import pytest

from companion.domain.preferences import SCHEMA_VERSION, Preferences, ThemeChoice
from companion.resources import load_protocols
from companion.storage.database import open_database
from companion.storage.preferences import KEY, NewerPreferencesError, PreferencesRepository
from companion.storage.settings import SettingsRepository


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def stored(db) -> dict[str, object]:
    row = db.query_one("SELECT value FROM settings WHERE key = ?", (KEY,))
    value: dict[str, object] = json.loads(row[0])
    return value


def test_a_fresh_database_has_the_defaults_and_saves_with_the_schema(db, clock):
    repo = PreferencesRepository(db)
    assert repo.load().preferences == Preferences()
    repo.save(Preferences(theme=ThemeChoice.DARK), clock.now())
    assert stored(db)["schema"] == SCHEMA_VERSION
    assert PreferencesRepository(db).load().preferences.theme is ThemeChoice.DARK


def test_the_keys_of_earlier_versions_move_into_the_document_on_first_save(db, clock):
    settings = SettingsRepository(db)
    settings.set("emergency_number", "999", clock.now())
    settings.set("reminders.waking_hours", {"start": "08:00", "end": "21:00"}, clock.now())
    repo = PreferencesRepository(db)
    prefs = repo.load(load_protocols()).preferences
    assert prefs.emergency_number == "999"
    assert prefs.waking.days[0].start.hour == 8
    repo.save(prefs, clock.now())
    assert settings.get("emergency_number") is None
    assert settings.get("reminders.waking_hours") is None
    assert stored(db)["emergency_number"] == "999"
    assert repo.load().preferences == prefs


def test_preferences_from_a_newer_version_are_read_but_never_overwritten(db, clock):
    newer = {"schema": SCHEMA_VERSION + 1, "theme": "dark", "watch": {"paired": True}}
    SettingsRepository(db).set(KEY, newer, clock.now())
    repo = PreferencesRepository(db)
    assert repo.load().newer
    with pytest.raises(NewerPreferencesError, match="newer version"):
        repo.save(Preferences(), clock.now())
    assert stored(db) == newer


def test_reset_stores_the_defaults(db, clock):
    repo = PreferencesRepository(db)
    repo.save(Preferences(volume=10, sounds=False), clock.now())
    assert repo.reset(clock.now()) == Preferences()
    assert repo.load().preferences == Preferences()


def test_a_damaged_stored_value_is_logged_and_the_rest_kept(db, clock, caplog):
    document = Preferences(theme=ThemeChoice.LIGHT).to_dict() | {"volume": "loud"}
    SettingsRepository(db).set(KEY, document, clock.now())
    loaded = PreferencesRepository(db).load()
    assert loaded.preferences.theme is ThemeChoice.LIGHT
    assert loaded.preferences.volume == 60
    assert "volume" in caplog.text
