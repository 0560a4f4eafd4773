"""The "your data" card in Settings, driven through its buttons with the dialogs replaced."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from companion.resources import load_exercises, load_protocols
from companion.storage.backup import BackupInfo, backups_dir, list_backups, make_backup
from companion.storage.database import open_database
from companion.storage.export import ImportReport
from companion.storage.reminders import WaterLog
from companion.ui.sections import Card
from companion.ui.settings.your_data import RestoreDialog, YourDataCard, describe_import
from tests.storage.test_export import fill


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    fill(database, clock)
    yield database
    database.close()


@pytest.fixture
def card(qtbot, db, data_dir, clock, monkeypatch):
    widget = YourDataCard(
        db, backups_dir(data_dir), clock, load_exercises, load_protocols, app_version="1.2"
    )
    qtbot.addWidget(widget)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(widget, "asked", asked, raising=False)

    def never(title: str, text: str) -> bool:
        asked.append((title, text))
        return False

    monkeypatch.setattr(widget, "confirm", never)
    widget.show()
    return widget


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_card_looks_like_the_other_cards_and_names_every_button(card):
    assert issubclass(YourDataCard, Card)
    assert card.objectName() == "Card"
    buttons = card.findChildren(QPushButton)
    assert [b.text() for b in buttons] == [
        "Export as CSV…",
        "Export as JSON…",
        "Import…",
        "Back up now",
        "Restore…",
        "Delete all history…",
    ]
    assert all(b.accessibleName() for b in buttons)
    assert card.last_backup_label.text() == (
        "Last backup: none yet. A backup is made each day, keeping the newest 7."
    )
    assert card.status_label.isHidden()


def test_export_json_and_csv(card, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(
        card, "choose_save_path", lambda title, suggested, filters: str(tmp_path / "mine")
    )
    click(qtbot, card.export_json_button)
    saved = tmp_path / "mine.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["app_version"] == "1.2"
    assert card.status_label.text() == f"Saved your data (17 records) to {saved}."
    monkeypatch.setattr(card, "choose_folder", lambda title: str(tmp_path / "sheets"))
    click(qtbot, card.export_csv_button)
    assert (tmp_path / "sheets" / "water.csv").is_file()
    assert card.status_label.text() == f"Saved 13 CSV files in {tmp_path / 'sheets'}."


def test_cancelled_choosers_do_nothing(card, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(card, "choose_save_path", lambda *args: "")
    monkeypatch.setattr(card, "choose_folder", lambda title: "")
    monkeypatch.setattr(card, "choose_open_path", lambda *args: "")
    monkeypatch.setattr(card, "choose_backup", lambda backups: None)
    with qtbot.assertNotEmitted(card.data_changed):
        for button in (
            card.export_json_button,
            card.export_csv_button,
            card.import_button,
            card.restore_button,
        ):
            click(qtbot, button)
    assert card.status_label.isHidden()


def test_an_export_error_is_shown_in_words(card, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(
        card, "choose_save_path", lambda *args: str(tmp_path / "no" / "such" / "x.json")
    )
    click(qtbot, card.export_json_button)
    assert card.status_label.text() == (
        f"Not exported. Cannot write {tmp_path / 'no' / 'such' / 'x.json'}: "
        "No such file or directory."
    )


def test_import_says_what_came_in_and_announces_the_change(
    card, qtbot, tmp_path, clock, data_dir, monkeypatch
):
    monkeypatch.setattr(card, "choose_save_path", lambda *args: str(tmp_path / "all.json"))
    click(qtbot, card.export_json_button)
    other = open_database(tmp_path / "other.db", clock.now()).database
    receiver = YourDataCard(other, tmp_path / "backups", clock, load_exercises, load_protocols)
    qtbot.addWidget(receiver)
    monkeypatch.setattr(receiver, "choose_open_path", lambda *args: str(tmp_path / "all.json"))
    with qtbot.waitSignal(receiver.data_changed, timeout=1000):
        click(qtbot, receiver.import_button)
    text = receiver.status_label.text()
    assert text.startswith("Imported 2 check-ins, 1 safety check result, 1 health condition, ")
    assert text.endswith(" and 2 settings.")
    assert "2 reminders (switched off until you turn them on)" in text
    with qtbot.assertNotEmitted(receiver.data_changed):
        click(qtbot, receiver.import_button)
    assert receiver.status_label.text() == (
        "Nothing new to import: all 17 records were already here."
    )
    other.close()


def test_a_refused_import_shows_the_reason(card, qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    monkeypatch.setattr(card, "choose_open_path", lambda *args: str(bad))
    with qtbot.assertNotEmitted(card.data_changed):
        click(qtbot, card.import_button)
    assert card.status_label.text() == (
        f"Cannot import {bad}: it is not a JSON file (line 1, column 2). Nothing was changed."
    )


def test_back_up_now_updates_the_last_backup_line(card, qtbot, data_dir, clock):
    click(qtbot, card.backup_button)
    (info,) = list_backups(data_dir / "backups")
    assert card.status_label.text() == f"Backed up to {info.path}."
    assert card.last_backup_label.text() == (
        "Last backup: Mon 15 Jun 2026, 09:00, keeping the newest 7."
    )


def test_restore_asks_then_brings_the_backup_back(card, qtbot, db, data_dir, clock, monkeypatch):
    backup = make_backup(db.path, data_dir / "backups", clock.now())
    clock.advance(minutes=5)
    WaterLog(db).add(777, clock.now(), "app")
    offered: list[list[BackupInfo]] = []

    def pick(backups):
        offered.append(list(backups))
        return backups[0].path

    monkeypatch.setattr(card, "choose_backup", pick)
    with qtbot.assertNotEmitted(card.data_changed):
        click(qtbot, card.restore_button)  # the confirmation says no
    assert card.asked[-1][0] == "Restore a backup"
    assert backup.name in card.asked[-1][1]
    assert db.query_one("SELECT count(*) FROM water_log WHERE ml = 777") == (1,)
    monkeypatch.setattr(card, "confirm", lambda title, text: True)
    with qtbot.waitSignal(card.data_changed, timeout=1000):
        click(qtbot, card.restore_button)
    assert offered[0][0].path == backup
    assert db.query_one("SELECT count(*) FROM water_log WHERE ml = 777") == (0,)
    assert card.status_label.text().startswith(
        f"Restored {backup.name}. Your data from before is kept in "
    )
    assert "companion-before-restore-20260615-090500.db" in card.status_label.text()


def test_restoring_a_damaged_file_is_refused_with_the_reason(
    card, qtbot, db, tmp_path, monkeypatch
):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"nonsense" * 1000)
    monkeypatch.setattr(card, "choose_backup", lambda backups: garbage)
    monkeypatch.setattr(card, "confirm", lambda title, text: True)
    with qtbot.assertNotEmitted(card.data_changed):
        click(qtbot, card.restore_button)
    assert card.status_label.text() == (
        "Not restored. garbage.db is not a Recovery Companion backup: it is not a SQLite database."
    )
    assert db.query_one("SELECT count(*) FROM water_log") == (2,)


def test_delete_asks_with_no_as_default_then_backs_up_and_deletes(
    card, qtbot, db, data_dir, monkeypatch
):
    with qtbot.assertNotEmitted(card.data_changed):
        click(qtbot, card.delete_button)
    title, question = card.asked[-1]
    assert title == "Delete all history"
    assert "Deleted: check-ins" in question and "Kept: your settings" in question
    assert str(data_dir / "backups") in question
    assert db.query_one("SELECT count(*) FROM checkins") == (2,)
    assert list_backups(data_dir / "backups") == []
    box = card.question_box(title, question)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.deleteLater()
    monkeypatch.setattr(card, "confirm", lambda title, text: True)
    with qtbot.waitSignal(card.data_changed, timeout=1000):
        click(qtbot, card.delete_button)
    assert db.query_one("SELECT count(*) FROM checkins") == (0,)
    (backup,) = list_backups(data_dir / "backups")
    assert card.status_label.text().startswith("Deleted 11 records from your history. ")
    assert f"A backup from just before is in {backup.path}." in card.status_label.text()
    # The backup still has it all.
    kept = open_database(backup.path, card.clock.now()).database
    assert kept.query_one("SELECT count(*) FROM checkins") == (2,)
    kept.close()


def test_the_restore_dialog_lists_backups_newest_first(qtbot, db, data_dir, clock, tmp_path):
    folder = data_dir / "backups"
    first = make_backup(db.path, folder, clock.now())
    clock.advance(days=1, hours=2)
    second = make_backup(db.path, folder, clock.now())
    dialog = RestoreDialog(list_backups(folder), lambda: "")
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0].startswith("Tue 16 Jun 2026, 11:00 · ")
    assert rows[1].startswith("Mon 15 Jun 2026, 09:00 · ")
    assert rows[0].endswith(" KB")
    assert dialog.list.currentRow() == 0 and dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(1)
    click(qtbot, dialog.restore_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen == first
    assert second != first


def test_the_restore_dialog_can_choose_a_file(qtbot, tmp_path):
    picked = tmp_path / "elsewhere.db"
    dialog = RestoreDialog([], lambda: str(picked))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    click(qtbot, dialog.file_button)
    assert dialog.chosen == picked
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_import_sentences():
    assert describe_import(ImportReport({}, {})) == (
        "The file holds no records, so nothing was imported."
    )
    assert describe_import(ImportReport({"water_log": 1}, {})) == "Imported 1 drink."
    assert describe_import(ImportReport({"checkins": 12, "water_log": 40}, {"water_log": 3})) == (
        "Imported 12 check-ins and 40 drinks; 3 were already here."
    )
    assert describe_import(ImportReport({}, {"settings": 1})) == (
        "Nothing new to import: its one record was already here."
    )


def test_clock_drives_the_suggested_file_name(card, qtbot, clock, monkeypatch):
    suggested: list[str] = []

    def remember(title: str, name: str, filters: str) -> str:
        suggested.append(name)
        return ""

    monkeypatch.setattr(card, "choose_save_path", remember)
    clock.advance(timedelta(days=3))
    click(qtbot, card.export_json_button)
    assert suggested == ["recovery-companion-2026-06-18.json"]
