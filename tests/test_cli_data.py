"""export, import, backup and restore from the command line, end to end on a data folder."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.paths import prepare_data_dir
from companion.services.commands import PROTOCOL
from companion.storage.backup import list_backups
from companion.storage.database import Database, open_database
from companion.storage.reminders import WaterLog
from tests.storage.test_export import dump, fill


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def open_folder(folder: Path) -> Database:
    paths = prepare_data_dir(folder)
    return open_database(paths.database, SystemClock().now()).database


@pytest.fixture
def data(tmp_path, clock) -> Path:
    folder: Path = tmp_path / "data"
    db = open_folder(folder)
    fill(db, clock)
    db.close()
    return folder


def test_export_json_then_import_into_another_folder(data, tmp_path, capsys):
    out_file = tmp_path / "all.json"
    code, out, err = run(
        capsys, "--data-dir", str(data), "export", "--format", "json", str(out_file)
    )
    assert (code, err) == (0, "")
    # The window's sentences (companion.services.data), not words of the command line's own.
    assert out == f"Saved your data (17 records) to {out_file}.\n"
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "recovery-companion-export"
    other = str(tmp_path / "other")
    code, out, err = run(capsys, "--data-dir", other, "import", str(out_file))
    assert (code, err) == (0, "")
    assert out.startswith("Imported 2 check-ins, 1 safety check result, ")
    assert "2 reminders (switched off until you turn them on)" in out
    assert out.count("\n") == 1
    code, out, _ = run(capsys, "--data-dir", other, "import", str(out_file))
    assert (code, out) == (0, "Nothing new to import: all 17 records were already here.\n")
    db = open_folder(tmp_path / "other")
    assert db.query_one("SELECT count(*) FROM checkins") == (2,)
    db.close()


def test_export_csv_writes_a_folder(data, tmp_path, capsys):
    folder = tmp_path / "sheets"
    code, out, _ = run(capsys, "--data-dir", str(data), "export", "--format", "csv", str(folder))
    assert code == 0
    assert out == f"Saved 13 CSV files in {folder}.\n"
    assert (folder / "water.csv").read_bytes().startswith(b"day,at,ml,source\r\n")


def test_export_csv_says_how_far_a_stopped_run_got_and_how_it_felt(data, tmp_path, capsys):
    folder = tmp_path / "sheets"
    code, _out, _ = run(capsys, "--data-dir", str(data), "export", "--format", "csv", str(folder))
    assert code == 0
    with (folder / "routine_runs.csv").open(encoding="utf-8", newline="") as fh:
        (stopped,) = csv.DictReader(fh)
    # fill()'s run stopped on its only step: stopped after 0 of 1 step.
    assert (stopped["outcome"], stopped["steps_done"], stopped["steps"]) == ("stopped", "0", "1")
    with (folder / "routine_feel.csv").open(encoding="utf-8", newline="") as fh:
        feel = [(r["region"], r["before"], r["after"]) for r in csv.DictReader(fh)]
    assert feel == [("hamstrings_L", "6", "4"), ("calves", "", "2")]


def test_errors_say_why_on_stderr_and_exit_1(data, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    db = open_folder(data)
    before = dump(db)
    db.close()
    code, out, err = run(capsys, "--data-dir", str(data), "import", str(bad))
    assert (code, out) == (1, "")
    assert err == (
        f"recovery-companion: Cannot import {bad}: this is not a Recovery Companion export. "
        "Nothing was changed.\n"
    )
    code, _, err = run(capsys, "--data-dir", str(data), "export", str(tmp_path / "no" / "x.json"))
    assert code == 1
    assert err.startswith("recovery-companion: Not exported. Cannot write ")
    assert err.endswith(": No such file or directory.\n")
    db = open_folder(data)
    assert dump(db) == before
    db.close()


def test_backup_prints_its_path_and_restore_brings_it_back(data, capsys, clock):
    code, out, err = run(capsys, "--data-dir", str(data), "backup")
    assert (code, err) == (0, "")
    backup = Path(out.strip())
    assert backup.parent == data / "backups"
    assert backup.is_file()
    db = open_folder(data)
    WaterLog(db).add(999, clock.now(), "cli")
    db.close()
    code, out, err = run(capsys, "--data-dir", str(data), "backup", "--list")
    assert code == 0 and str(backup) in out
    code, out, err = run(capsys, "--data-dir", str(data), "restore", backup.name)  # by name
    assert (code, err) == (0, "")
    assert out.startswith(f"Restored {backup.name}. Your data from before is kept in ")
    db = open_folder(data)
    assert db.query_one("SELECT count(*) FROM water_log WHERE ml = 999") == (0,)
    db.close()
    kept = [b for b in list_backups(data / "backups") if b.before_restore]
    assert len(kept) == 1
    check = open_database(kept[0].path, clock.now()).database
    assert check.query_one("SELECT count(*) FROM water_log WHERE ml = 999") == (1,)
    check.close()


def test_restore_refuses_a_damaged_file(data, tmp_path, capsys):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00" * 5000)
    code, out, err = run(capsys, "--data-dir", str(data), "restore", str(garbage))
    assert (code, out) == (1, "")
    assert "not a SQLite database" in err
    assert not any(b.before_restore for b in list_backups(data / "backups"))


def test_restore_is_refused_while_the_app_runs_on_the_folder(data, capsys, monkeypatch):
    sent: list[tuple[str, dict[str, Any]]] = []

    def running(key: str, message: dict[str, Any]) -> dict[str, Any]:
        sent.append((key, message))
        return {"ok": True}

    monkeypatch.setattr("companion.ipc.send_to_running", running)
    code, out, err = run(capsys, "--data-dir", str(data), "backup")
    backup = out.strip()
    code, out, err = run(capsys, "--data-dir", str(data), "restore", backup)
    assert (code, out) == (1, "")
    assert "Recovery Companion is running on" in err and "Nothing was changed." in err
    assert sent[-1][1] == {"command": "ping", "protocol": PROTOCOL}
    assert sent[-1][0] == prepare_data_dir(data).instance_key


def test_import_tells_a_running_app_the_data_changed(data, tmp_path, capsys, monkeypatch):
    out_file = tmp_path / "all.json"
    run(capsys, "--data-dir", str(data), "export", str(out_file))
    sent: list[dict[str, Any]] = []

    def running(key: str, message: dict[str, Any]) -> dict[str, Any]:
        sent.append(message)
        return {"ok": True}

    monkeypatch.setattr("companion.ipc.send_to_running", running)
    code, _, _ = run(capsys, "--data-dir", str(tmp_path / "other"), "import", str(out_file))
    assert code == 0
    assert sent == [{"command": "data-changed", "protocol": PROTOCOL}]


def test_backup_with_no_database_yet_says_so(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "backup")
    assert (code, out) == (1, "")
    assert err.startswith("recovery-companion: There is no database at ")


def test_bad_usage_exits_2(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path), "export", "--format", "xml", "x"])
    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_import_refuses_a_reminder_beyond_a_hard_limit(data, tmp_path, capsys):
    out_file = tmp_path / "all.json"
    assert run(capsys, "--data-dir", str(data), "export", str(out_file))[0] == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    document["records"]["reminder_rules"].append(
        {
            "kind": "icing",
            "title": "Ice all evening",
            "enabled": True,
            "spec": {"every_min": 120, "on_min": 45, "region": "calves"},
            "created_at": document["exported_at"],
            "updated_at": document["exported_at"],
        }
    )
    out_file.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other"
    code, out, err = run(capsys, "--data-dir", str(other), "import", str(out_file))
    assert (code, out) == (1, "")
    assert err == (
        f"recovery-companion: Cannot import {out_file}: reminder_rules[2] ('Ice all evening'): "
        "Ice on the skin: 45 min is above the safe limit of 20 min. Nothing was changed.\n"
    )
    db = open_folder(other)
    assert db.query_one("SELECT count(*) FROM reminder_rules") == (0,)
    assert db.query_one("SELECT count(*) FROM checkins") == (0,)
    db.close()
