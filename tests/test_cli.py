import json
import os
import subprocess
import sys

import pytest

from companion import __version__
from companion.cli import main
from companion.cli_commands import build_parser


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        check=False,
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"recovery-companion {__version__}"


def test_python_dash_m_companion_prints_the_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"recovery-companion {__version__}"


@pytest.mark.parametrize("argv", [["--bogus"], ["regions", "--yaml"], ["nosuchcommand"]])
def test_unknown_options_print_usage_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: recovery-companion")
    assert "error:" in err


def test_regions_table(capsys):
    assert main(["regions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "VIEW", "SIDE"]
    assert any(line.split()[0] == "quads_L" and line.split()[-1] == "left" for line in lines)
    assert any(line.startswith("lower_back") and line.endswith("centre") for line in lines)
    assert len(lines) == 26


def test_regions_json(capsys):
    assert main(["regions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 25
    knee = next(r for r in rows if r["id"] == "knee_R")
    assert knee == {
        "id": "knee_R",
        "name": "Knee",
        "plain_name": "knee joint",
        "views": ["front", "back"],
        "side": "right",
    }


def test_help_mentions_the_data_dir_switch():
    assert "--data-dir DIR" in build_parser().format_help()


@pytest.mark.slow
def test_a_file_as_data_dir_is_a_clear_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("--data-dir", str(blocker), "--exit-after-paint")
    assert result.returncode == 1
    assert f"The data folder {blocker} is a file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_newer_database_is_a_clear_message_and_left_alone(tmp_path):
    import sqlite3

    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "companion.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 500")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = run("--data-dir", str(folder), "--exit-after-paint")
    assert result.returncode == 1
    assert "newer version of Recovery Companion" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


@pytest.mark.slow
def test_environment_variable_redirects_the_data(tmp_path):
    folder = tmp_path / "via-env"
    result = run("--exit-after-paint", COMPANION_DATA_DIR=str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")
    assert (folder / "companion.db").exists()


def test_routines_lists_each_with_its_length_and_steps(capsys):
    assert main(["routines"]) == 0
    out = capsys.readouterr().out
    assert "calves_and_shins  Calves and shins  (" in out
    assert "- Seated calf roll, left: " in out
    assert out.count(" min, ") == 8


def test_routines_json_matches_the_catalog(capsys):
    from companion.resources import load_routines

    assert main(["routines", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    catalog = load_routines()
    assert [r["id"] for r in rows] == [r.id for r in catalog]
    for row in rows:
        routine = catalog.get(row["id"])
        assert row["seconds"] == routine.seconds
        assert 5 * 60 <= row["seconds"] <= 25 * 60
        assert len(row["steps"]) == len(routine.steps)
        assert all(step["side"] in ("left", "right", "both") for step in row["steps"])


def test_start_refuses_an_unknown_routine_before_starting_anything(capsys):
    with pytest.raises(SystemExit) as info:
        main(["start", "moonwalk"])
    assert info.value.code == 2
    assert "No routine 'moonwalk'" in capsys.readouterr().err


def test_routines_include_your_own_from_the_data_folder(tmp_path, capsys):
    from datetime import UTC, datetime

    from companion.domain.custom_routines import RoutineDraft, StepSpec
    from companion.paths import DATABASE_NAME
    from companion.storage.database import open_database
    from companion.storage.user_routines import UserRoutineRepository

    data = tmp_path / "data"
    data.mkdir()
    now = datetime(2026, 11, 21, 7, 0, tzinfo=UTC)
    db = open_database(data / DATABASE_NAME, now).database
    UserRoutineRepository(db).save(
        RoutineDraft("Evening calves", "", (StepSpec("calf_roll", 60, 1),)), now
    )
    db.close()
    assert main(["--data-dir", str(data), "routines", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "mine-1" and rows[0]["name"] == "Evening calves"
    assert [s["side"] for s in rows[0]["steps"]] == ["left", "right"]
    assert len(rows) == 9


def test_start_accepts_your_routine_ids():
    args = build_parser().parse_args(["start", "mine-12"])
    assert args.routine_id == "mine-12"
