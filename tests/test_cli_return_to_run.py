"""``recovery-companion return-to-run``: status, start, log, morning, stop, and the gate."""

from __future__ import annotations

import json

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.domain.regions import Side
from companion.paths import prepare_data_dir
from companion.services.content import LazyContent
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database


def run(capsys, data: str, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", data, "return-to-run", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_status_start_log_and_stop(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, data)
    assert code == 0
    assert "No return-to-run plan yet" in out
    assert "Step 1: short runs, long walks: Run 1 min, walk 2 min, 8 times" in out
    code, out, _ = run(capsys, data, "start", "--baseline", "1")
    assert (code, out.strip()) == (0, "Plan started. First: Step 1: short runs, long walks.")
    code, out, _ = run(capsys, data, "status")
    assert out.startswith("Today: Step 1")
    assert "> Step 1" in out
    code, out, _ = run(capsys, data, "log", "--pain", "2")
    assert code == 0
    assert "Rest tomorrow" in out
    code, _, err = run(capsys, data, "morning", "--pain", "1")
    assert code == 1
    assert "The next morning is tomorrow" in err
    code, _, err = run(capsys, data, "log", "--pain", "2")
    assert (code, err.strip()) == (1, "recovery-companion: Today's session is already logged.")
    code, out, _ = run(capsys, data, "--json")
    status = json.loads(out)
    assert status["running"]
    assert status["today"]["kind"] == "done_today"
    assert status["sessions"] == [
        {
            "day": status["sessions"][0]["day"],
            "step": "walk_run_1",
            "pain": 2,
            "completed": True,
            "morning": None,
            "signs": [],
        }
    ]
    code, out, _ = run(capsys, data, "stop")
    assert (code, "stopped" in out) == (0, True)
    code, _, err = run(capsys, data, "stop")
    assert code == 1


def test_a_sign_stops_the_plan_with_the_care_words(tmp_path, capsys):
    data = str(tmp_path / "data")
    run(capsys, data, "start")
    code, out, _ = run(capsys, data, "log", "--pain", "1", "--sign", "limp")
    assert code == 0
    assert "sign to stop" in out
    assert "doctor or physiotherapist" in out
    code, out, _ = run(capsys, data)
    assert out.startswith("Stop the plan and get care")


def test_bad_scores_are_usage_errors(tmp_path, capsys):
    data = str(tmp_path / "data")
    code = None
    try:
        main(["--data-dir", data, "return-to-run", "log", "--pain", "11"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "11 is not 0-10" in capsys.readouterr().err


def test_a_locked_leg_refuses_the_start(tmp_path, capsys):
    data = str(tmp_path / "data")
    run(capsys, data)  # makes the data folder and its database
    clock = SystemClock()
    db = open_database(prepare_data_dir(tmp_path / "data").database, clock.now()).database
    try:
        result = LazyContent().triage.evaluate({"O1": True}, [Side.LEFT], clock.now())
        CheckInRepository(db).record_outcome(result)
    finally:
        db.close()
    code, _, err = run(capsys, data, "start")
    assert code == 1
    assert "Running is not available now" in err
    assert "Get medical advice before you run on that leg" in err
