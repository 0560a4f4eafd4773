"""The running app in read-only mode: what the user sees when a write is refused,
over IPC and in the window, and the socket folder's fallback."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from companion.app import CompanionApp
from companion.app.read_only import WriteRefusals
from companion.ipc import runtime_dir
from companion.paths import prepare_data_dir
from companion.storage.database import Database, ReadOnlyDatabaseError, open_database


@pytest.fixture
def read_only_app(qapp, qtbot, data_dir, clock):
    paths = prepare_data_dir(data_dir)
    open_database(paths.database, clock.now()).database.close()
    conn = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True, isolation_level=None)
    db = Database(conn, paths.database, read_only=True)
    companion = CompanionApp(qapp, paths, db, clock, has_tray=False)
    qtbot.addWidget(companion.window)
    yield companion
    companion.shutdown()
    companion.window.allow_close = True
    companion.window.close()


def test_a_command_to_a_read_only_app_is_answered_with_the_sentence(read_only_app):
    reply = read_only_app.handle_message({"command": "log-water", "ml": 250, "protocol": 2})

    assert reply["ok"] is False
    assert reply["read_only"] is True
    assert "read-only" in reply["error"]
    assert read_only_app.handle_message({"command": "ping"})["ok"] is True  # reading works


def test_reminders_do_not_start_on_a_read_only_file(read_only_app):
    read_only_app.start_reminders()

    assert read_only_app.reminder_wiring.center is None


def test_a_refused_write_in_the_window_is_shown_not_printed(qtbot, capsys):
    passed_on: list[BaseException] = []
    hook = WriteRefusals(lambda: None)
    hook._previous = lambda kind, value, tb: passed_on.append(value)

    hook(ReadOnlyDatabaseError, ReadOnlyDatabaseError("Not saved: read-only."), None)
    hook(ReadOnlyDatabaseError, ReadOnlyDatabaseError("Not saved: read-only."), None)
    other = ValueError("a real bug")
    hook(ValueError, other, None)

    assert isinstance(hook.shown, QMessageBox)
    qtbot.addWidget(hook.shown)
    assert hook.shown.informativeText() == "Not saved: read-only."
    assert capsys.readouterr().err.count("Not saved") == 1  # one action, one message
    assert passed_on == [other]  # every other error still reaches the usual hook


def test_the_socket_folder_falls_back_when_its_name_is_taken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    taken = tmp_path / f"recovery-companion-{os.getuid()}"
    taken.write_text("someone else's")  # not a folder at all
    if os.geteuid() == 0:
        squatted = tmp_path / f"recovery-companion-{os.getuid()}-1"
        squatted.mkdir(mode=0o777)
        os.chown(squatted, 65534, 65534)  # another user's folder

    folder = runtime_dir()

    assert folder not in (taken, tmp_path / f"recovery-companion-{os.getuid()}-1")
    assert folder.parent == tmp_path and folder.is_dir()
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert runtime_dir() == folder  # the next launch finds the same one
    assert taken.read_text() == "someone else's"


def test_the_status_can_say_reminders_are_off(read_only_app):
    window = read_only_app.window
    window.set_status_override("Reminders off (read-only)")
    assert window.status_label.text() == "Reminders off (read-only)"
    window.set_status_override(None)
    assert window.status_label.text() == "Reminders on"
