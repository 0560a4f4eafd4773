"""Reminder commands with no app running write straight into the data folder."""

import json
from datetime import time

import pytest

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.domain.reminders import Kind, ReminderRule
from companion.localzone import local_zone
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.storage.reminders import ReminderRepository, WaterLog


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_water_offline_adds_to_today(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert (
        run(capsys, "--data-dir", data, "log-water", "250")[1] == "Logged 250 mL; 250 mL today.\n"
    )
    assert run(capsys, "--data-dir", data, "log-water", "300 mL")[1].endswith("550 mL today.\n")
    paths = prepare_data_dir(tmp_path / "data")
    db = open_database(paths.database, SystemClock().now()).database
    now = SystemClock(local_zone()).now()
    assert now.tzinfo is not None
    assert WaterLog(db).total_on(now.date(), now.tzinfo) == 550
    db.close()


@pytest.mark.parametrize("amount", ["0", "2001", "lots", "-5"])
def test_log_water_refuses_bad_amounts_before_touching_anything(tmp_path, capsys, amount):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), "log-water", amount])
    assert exited.value.code == 2
    assert "log-water" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_pause_and_resume_offline(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "pause", "30min")
    assert code == 0 and out.startswith("Paused until ")
    assert run(capsys, "--data-dir", data, "pause", "off")[1] == "Reminders on\n"
    with pytest.raises(SystemExit):
        main(["--data-dir", data, "pause", "forever"])
    assert "use 30min, 1h, morning or off" in capsys.readouterr().err


def test_reminders_lists_rules_and_next_times(tmp_path, capsys):
    paths = prepare_data_dir(tmp_path / "data")
    clock = SystemClock(local_zone())
    db = open_database(paths.database, clock.now()).database
    repo = ReminderRepository(db)
    repo.save(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250), clock.now())
    repo.save(
        ReminderRule(Kind.ROUTINE, "Evening", times=(time(19, 30),), routine_id="x", enabled=False),
        clock.now(),
    )
    db.close()
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "reminders", "--json")
    assert code == 0
    report = json.loads(out)
    water, evening = report["reminders"]
    assert water["schedule"] == "every 1 h 30 min while awake"
    assert water["next"] is not None
    assert evening == {
        "id": 2,
        "kind": "routine",
        "title": "Evening",
        "enabled": False,
        "schedule": "at 19:30",
        "next": None,
    }
    text = run(capsys, "--data-dir", str(tmp_path / "data"), "reminders")[1]
    assert "  1  Water: every 1 h 30 min while awake; next " in text
    assert "  2  Evening: at 19:30; next off" in text


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["contrast", "--cold-min", "0"], "The cold phase must last more than 0 minutes, not 0."),
        (["contrast", "--hot-min", "-1"], "The hot phase must last more than 0 minutes, not -1."),
        (["ice", "--minutes", "0"], "The timer must last more than 0 minutes, not 0."),
        (["heat", "--minutes", "-5"], "The timer must last more than 0 minutes, not -5."),
    ],
)
def test_a_timer_of_no_time_is_refused_in_one_line(tmp_path, capsys, args, reason):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), "timer", *args])
    assert exited.value.code == f"recovery-companion: {reason}"
    assert "Traceback" not in capsys.readouterr().err
