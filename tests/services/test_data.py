"""Your data as a service: each use case once, and the sentences the window and the
command line both show. Real SQLite files in a temporary folder; no Qt."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from companion import APP_NAME
from companion.domain.regions import Side
from companion.domain.translatable import english, english_forms
from companion.resources import load_exercises, load_protocols, load_triage
from companion.services.data import (
    Backups,
    DataService,
    ImportReport,
    counted,
    describe_backup,
    describe_import,
    for_data_folder,
    restore_refused_while_running,
    size_words,
)
from companion.storage.backup import BackupInfo, list_backups, make_backup
from companion.storage.checkins import CheckInRepository
from companion.storage.database import Database, open_database
from companion.storage.reminders import WaterLog
from tests.storage.test_export import dump, fill

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "companion_en.ts"


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    fill(database, clock)
    yield database
    database.close()


@pytest.fixture
def service(db, data_dir, clock) -> DataService:
    return for_data_folder(db, data_dir, clock, load_exercises, load_protocols, app_version="1.2")


def empty_service(path: Path, clock) -> tuple[Database, DataService]:
    path.parent.mkdir(parents=True, exist_ok=True)
    other = open_database(path, clock.now()).database
    return other, DataService(other, path.parent / "backups", clock, load_exercises, load_protocols)


# -- the words ------------------------------------------------------------------------------
def test_counted_nouns_read_as_a_sentence_in_the_export_order():
    assert counted({}) == "nothing"
    assert counted({"water_log": 1}) == "1 drink"
    assert counted({"water_log": 40, "checkins": 12}) == "12 check-ins and 40 drinks"
    assert counted({"water_log": 2, "checkins": 1, "settings": 3}) == (
        "1 check-in, 2 drinks and 3 settings"
    )
    assert counted({"activities": 1, "daily_log": 2}) == "1 activity and 2 morning entries"
    assert counted({"reminder_rules": 1}) == "1 reminder (switched off until you turn it on)"
    assert counted({"reminder_rules": 2}) == "2 reminders (switched off until you turn them on)"
    assert counted({"routine_runs": 1, "user_routines": 2, "checkins": 0}) == (
        "1 routine session and 2 routines of yours"
    )


def test_import_sentences():
    assert describe_import(ImportReport({}, {})) == (
        "The file holds no records, so nothing was imported."
    )
    assert describe_import(ImportReport({"water_log": 1}, {})) == "Imported 1 drink."
    assert describe_import(ImportReport({"checkins": 12, "water_log": 40}, {"water_log": 3})) == (
        "Imported 12 check-ins and 40 drinks; 3 were already here."
    )
    assert describe_import(ImportReport({"checkins": 1}, {"water_log": 1})) == (
        "Imported 1 check-in; 1 was already here."
    )
    assert describe_import(ImportReport({}, {"settings": 1})) == (
        "Nothing new to import: its one record was already here."
    )
    assert describe_import(ImportReport({}, {"settings": 2, "water_log": 15})) == (
        "Nothing new to import: all 17 records were already here."
    )


def test_every_sentence_goes_through_the_translate_it_is_given():
    calls: list[tuple[str, str, int]] = []

    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1):
        calls.append((context, source, n))
        return "<" + english(context, source, disambiguation, n) + ">"

    said = describe_import(ImportReport({"checkins": 2, "water_log": 1}, {}), translate)
    assert said == "<Imported <<2 check-ins> and <1 drink>>.>"
    assert {context for context, _, _ in calls} == {"YourData"}
    assert ("YourData", "%n check-in(s)", 2) in calls
    assert size_words(2048, translate) == "<2 KB>"


def test_the_command_lines_english_is_the_english_catalogues():
    """english() (no Qt) gives the singular and plural the catalogue gives the window."""
    numerus = []
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        current = translation is not None and translation.get("type") is None
        if current and message.get("numerus") == "yes":
            numerus.append(message)
    assert numerus
    for message in numerus:
        source = message.findtext("source", "")
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert list(english_forms(source)) == forms, source
        assert english("Any", source, None, 1) == forms[0].replace("%n", "1")
        assert english("Any", source, None, 3) == forms[1].replace("%n", "3")
    assert english("Any", "%n day(s)") == "%n day(s)"  # no count: the text as it is
    assert english("Any", "%n day(s)", None, 0) == "0 days"


def test_sizes_and_backup_lines(tmp_path, clock):
    assert size_words(10) == "1 KB"
    assert size_words(500 * 1024) == "500 KB"
    assert size_words(3 * 1024 * 1024 + 400 * 1024) == "3.4 MB"
    info = BackupInfo(tmp_path / "x.db", clock.now(), 12 * 1024)
    assert describe_backup(info) == "Mon 15 Jun 2026, 09:00 · 12 KB"
    aside = BackupInfo(tmp_path / "y.db", clock.now(), 12 * 1024, before_restore=True)
    assert describe_backup(aside) == "Mon 15 Jun 2026, 09:00 · 12 KB · your data before a restore"


# -- export ---------------------------------------------------------------------------------
def test_export_json_says_how_many_records_and_where(service, tmp_path):
    target = tmp_path / "mine.json"
    outcome = service.export_json(target)
    assert (outcome.ok, outcome.changed, outcome.path) == (True, False, target)
    assert outcome.said == f"Saved your data (17 records) to {target}."
    assert json.loads(target.read_text(encoding="utf-8"))["app_version"] == "1.2"
    assert service.suggested_json_name() == "recovery-companion-2026-06-15.json"
    assert service.with_json_suffix(tmp_path / "mine") == target
    assert service.with_json_suffix(tmp_path / "MINE.JSON") == tmp_path / "MINE.JSON"


def test_export_csv_says_how_many_files(service, tmp_path):
    outcome = service.export_csv(tmp_path / "sheets")
    assert outcome.ok and outcome.said == f"Saved 13 CSV files in {tmp_path / 'sheets'}."
    assert (tmp_path / "sheets" / "water.csv").is_file()


def test_an_export_that_cannot_be_written_is_refused_in_words(service, tmp_path):
    target = tmp_path / "no" / "such" / "x.json"
    outcome = service.export_json(target)
    assert not outcome.ok
    assert outcome.said == f"Not exported. Cannot write {target}: No such file or directory."
    assert not target.parent.exists()
    folder = tmp_path / "a-file"
    folder.write_text("", encoding="utf-8")
    assert service.export_csv(folder).said.startswith("Not exported. ")


# -- import ---------------------------------------------------------------------------------
def test_import_merges_says_what_came_in_and_only_then_counts_as_a_change(service, tmp_path, clock):
    service.export_json(tmp_path / "all.json")
    other, receiver = empty_service(tmp_path / "other" / "companion.db", clock)
    outcome = receiver.import_json(tmp_path / "all.json")
    assert outcome.ok and outcome.changed
    assert outcome.said.startswith("Imported 2 check-ins, 1 safety check result, ")
    assert "2 reminders (switched off until you turn them on)" in outcome.said
    assert outcome.said.endswith(" and 2 settings.")
    again = receiver.import_json(tmp_path / "all.json")
    assert (again.ok, again.changed) == (True, False)
    assert again.said == "Nothing new to import: all 17 records were already here."
    other.close()


def test_a_refused_import_changes_nothing_and_says_why(service, db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    before = dump(db)
    outcome = service.import_json(bad)
    assert (outcome.ok, outcome.changed) == (False, False)
    assert outcome.said == (
        f"Cannot import {bad}: it is not a JSON file (line 1, column 2). Nothing was changed."
    )
    assert dump(db) == before


# -- backups --------------------------------------------------------------------------------
def test_back_up_now_and_the_last_backup_line(service, data_dir, clock):
    backups = service.backups
    assert backups.last_backup() == (
        "Last backup: none yet. A backup is made each day, keeping the newest 7."
    )
    assert backups.listing() == [f"No backups yet in {data_dir / 'backups'}."]
    outcome = backups.back_up_now()
    (info,) = list_backups(data_dir / "backups")
    assert (outcome.ok, outcome.path, outcome.changed) == (True, info.path, False)
    assert outcome.said == f"Backed up to {info.path}."
    assert backups.last_backup() == "Last backup: Mon 15 Jun 2026, 09:00, keeping the newest 7."
    assert [b.path for b in backups.all()] == [info.path]
    assert backups.all()[0].taken_at.tzinfo == clock.now().tzinfo  # the clock's zone
    (line,) = backups.listing()
    assert line.startswith("2026-06-15 09:00:00 ") and line.endswith(f"  {info.path}")


def test_back_up_now_keeps_the_newest_few(db, data_dir, clock):
    backups = Backups(db.path, data_dir / "backups", clock, keep=2)
    for _ in range(3):
        assert backups.back_up_now().ok
        clock.advance(minutes=1)
    assert len(backups.all()) == 2
    assert backups.last_backup().endswith("keeping the newest 2.")


def test_a_backup_with_no_database_yet_is_refused_and_creates_nothing(tmp_path, clock):
    backups = Backups(tmp_path / "companion.db", tmp_path / "backups", clock)
    outcome = backups.back_up_now()
    assert not outcome.ok and outcome.path is None
    assert outcome.said.startswith("There is no database at ")
    assert not (tmp_path / "companion.db").exists()


def test_a_backup_is_named_by_its_path_or_by_its_name_in_the_folder(service, tmp_path):
    made = service.backups.back_up_now().path
    assert made is not None
    assert service.backups.named(made.name) == made
    assert service.backups.named(str(made)) == made
    assert service.backups.named(str(tmp_path / "elsewhere.db")) == tmp_path / "elsewhere.db"


# -- restore --------------------------------------------------------------------------------
def test_restore_asks_then_brings_the_backup_back_keeping_the_data_aside(
    service, db, data_dir, clock
):
    backup = make_backup(db.path, data_dir / "backups", clock.now())
    clock.advance(minutes=5)
    WaterLog(db).add(777, clock.now(), "app")
    assert service.restore_question(backup) == (
        f"Replace all your data with the backup {backup.name}? Your data as it is now is saved "
        "first, so you can go back to it."
    )
    outcome = service.restore(backup)
    assert outcome.ok and outcome.changed
    assert outcome.path == data_dir / "backups" / "companion-before-restore-20260615-090500.db"
    assert outcome.said == (
        f"Restored {backup.name}. Your data from before is kept in {outcome.path}."
    )
    assert db.query_one("SELECT count(*) FROM water_log WHERE ml = 777") == (0,)


def test_restoring_a_damaged_file_is_refused_and_changes_nothing(service, db, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"nonsense" * 1000)
    before = dump(db)
    outcome = service.restore(garbage)
    assert (outcome.ok, outcome.changed) == (False, False)
    assert outcome.said == (
        "Not restored. garbage.db is not a Recovery Companion backup: it is not a SQLite database."
    )
    assert dump(db) == before
    assert service.backups.all() == []


def test_restore_is_refused_while_the_app_runs(tmp_path):
    outcome = restore_refused_while_running(tmp_path)
    assert not outcome.ok
    assert outcome.said == (
        f"{APP_NAME} is running on {tmp_path}. Quit it first, or use Settings → Your data → "
        "Restore… in its window. Nothing was changed."
    )


# -- delete all history ---------------------------------------------------------------------
def test_delete_asks_names_what_goes_and_stays_then_backs_up_first(service, db, data_dir):
    question = service.delete_question()
    assert "Deleted: check-ins" in question and "Kept: your settings" in question
    assert str(data_dir / "backups") in question
    outcome = service.delete_history()
    (backup,) = list_backups(data_dir / "backups")
    assert outcome.ok and outcome.changed and outcome.path == backup.path
    assert outcome.said == (
        f"Deleted 11 records from your history. A backup from just before is in {backup.path}."
    )
    assert db.query_one("SELECT count(*) FROM checkins") == (0,)


def test_delete_says_which_safety_locks_it_kept(service, db, clock):
    repo = CheckInRepository(db)
    triage = load_triage()
    repo.record_outcome(triage.evaluate({"R2": True}, [Side.RIGHT], clock.now()))  # red
    assert service.delete_history().said.endswith(" A safety lock still running was kept.")
    repo.record_outcome(triage.evaluate({"R2": True}, [Side.LEFT], clock.now()))
    assert service.delete_history().said.endswith(" 2 safety locks still running were kept.")


def test_delete_deletes_nothing_when_the_backup_first_fails(db, tmp_path, clock):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the backups folder should be", encoding="utf-8")
    service = DataService(db, blocked, clock, load_exercises, load_protocols)
    before = dump(db)
    outcome = service.delete_history()
    assert (outcome.ok, outcome.changed) == (False, False)
    assert outcome.said.startswith("Nothing was deleted: the backup first failed. ")
    assert dump(db) == before
