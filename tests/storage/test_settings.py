from datetime import timedelta

from companion.domain.pause import PauseChoice, PauseState, pause
from companion.storage.database import open_database
from companion.storage.settings import PAUSED_UNTIL, SettingsRepository


def test_values_round_trip_and_survive_reopening(data_dir, clock):
    data_dir.mkdir()
    path = data_dir / "companion.db"
    db = open_database(path, clock.now()).database
    repo = SettingsRepository(db)
    assert repo.get("missing", "fallback") == "fallback"
    repo.set("window.geometry", "AAAA", clock.now())
    repo.set("flags", {"a": [1, 2], "b": True}, clock.now())
    repo.set("flags", {"a": [3]}, clock.now())  # upsert replaces
    db.close()
    repo = SettingsRepository(open_database(path, clock.now()).database)
    assert repo.get("window.geometry") == "AAAA"
    assert repo.get("flags") == {"a": [3]}
    repo.delete("flags")
    assert repo.get("flags") is None


def test_pause_state_round_trips_with_its_zone(data_dir, clock):
    data_dir.mkdir()
    repo = SettingsRepository(open_database(data_dir / "c.db", clock.now()).database)
    assert repo.pause_state() == PauseState()
    state = pause(PauseChoice.UNTIL_MORNING, clock.now())
    repo.save_pause_state(state, clock.now())
    loaded = repo.pause_state()
    assert loaded.paused_until == state.paused_until
    assert loaded.remaining(clock.now()) == state.remaining(clock.now()) > timedelta(hours=20)
    repo.save_pause_state(PauseState(), clock.now())
    assert repo.pause_state() == PauseState()


def test_a_garbled_pause_value_means_not_paused(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "c.db", clock.now()).database
    repo = SettingsRepository(db)
    for junk in ('"tomorrow"', '"2026-06-15T10:00:00"', "42", "{not json"):
        with db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings VALUES (?, ?, 'now')", (PAUSED_UNTIL, junk)
            )
        assert repo.pause_state() == PauseState()


def test_saving_a_value_does_not_load_sqlite_utils(tmp_path):
    # The window's geometry is saved at quit: importing sqlite-utils there cost ~90 ms.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        f"""
        import sys
        from datetime import datetime, timezone
        from pathlib import Path
        from companion.storage.database import open_database
        from companion.storage.settings import SettingsRepository
        now = datetime(2026, 6, 15, tzinfo=timezone.utc)
        db = open_database(Path({str(tmp_path / "c.db")!r}), now).database
        SettingsRepository(db).set("window.geometry", "AAAA", now)
        SettingsRepository(db).set("window.geometry", "BBBB", now)
        assert SettingsRepository(db).get("window.geometry") == "BBBB"
        print("sqlite_utils" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"
