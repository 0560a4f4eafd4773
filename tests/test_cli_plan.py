import json
from datetime import UTC
from typing import Any

import pytest

from companion.cli import main


def run_plan(capsys, *args: str) -> dict[str, Any]:
    assert main(["plan", *args, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def therapy(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(t for t in data["therapies"] if t["therapy"] == name)


def test_plan_json_has_the_documented_shape(capsys):
    data = run_plan(capsys, "--sore", "quads_L=6,calves_R=3", "--hours-since", "30")
    assert set(data) == {
        "schema",
        "made_at",
        "hours_since_onset",
        "soreness_type",
        "headline",
        "concerns",
        "triage",
        "notes",
        "therapies",
        "routine",
        "active_recovery",
        "water",
        "stop_rules",
    }
    assert data["schema"] == 1
    assert data["headline"] == "No warning signs reported."
    assert data["concerns"] == []
    assert data["hours_since_onset"] == 30
    assert data["triage"]["tier"] == "green"
    assert [t["therapy"] for t in data["therapies"]] == [
        "ice_pack",
        "heat_pack",
        "contrast",
        "cold_water_immersion",
        "warm_bath",
    ]
    for item in data["therapies"]:
        assert set(item) == {
            "therapy",
            "label",
            "status",
            "allowed",
            "why",
            "reasons",
            "protocol",
            "how",
        }
    assert therapy(data, "contrast")["protocol"]["total_minutes"] == 12
    routine = data["routine"]
    assert set(routine) == {"minutes", "steps", "total_seconds", "note"}
    assert routine["minutes"] == 10
    assert 0 < routine["total_seconds"] <= 600
    assert routine["steps"][0] == {
        "exercise": "standing_quad",
        "name": "Standing quad stretch",
        "region": "quads_L",
        "side": "left",
        "seconds": routine["steps"][0]["seconds"],
        "reps": 2,
        "cautions": [],
    }
    assert {s["region"] for s in routine["steps"]} >= {"quads_L", "calves_R"}
    assert data["water"]["litres"] == 2.0
    assert len(data["stop_rules"]) == 5


def test_red_answer_locks_the_plan(capsys):
    data = run_plan(capsys, "--sore", "calves_L=4", "--hours-since", "20", "--yes", "R1")
    assert data["triage"]["tier"] == "red"
    assert data["triage"]["requires_assessment"] is True
    assert all(not t["allowed"] for t in data["therapies"])
    assert data["notes"][0] == "Stop. These symptoms need emergency care now."


def test_orange_leg_lock_and_lock_time(capsys):
    data = run_plan(capsys, "--sore", "calves_L=4", "--hours-since", "20", "--yes", "O5")
    assert data["triage"]["locked_legs"] == ["left"]
    assert data["triage"]["lock_until"] is not None
    assert data["routine"]["note"] == "Routines for the left leg are paused for 24 hours."


def test_acute_injury_and_condition(capsys):
    data = run_plan(
        capsys,
        "--sore",
        "ankle_achilles_R=6",
        "--hours-since",
        "6",
        "--type",
        "acute_injury",
        "--condition",
        "cold_sensitivity",
    )
    assert therapy(data, "heat_pack")["status"] == "blocked"
    assert therapy(data, "ice_pack")["status"] == "blocked"
    assert "cold sensitivity" in therapy(data, "ice_pack")["why"]


def test_text_output(capsys):
    assert main(["plan", "--sore", "hamstrings_R=5", "--hours-since", "48"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Safety check: GREEN. No warning signs reported.")
    assert " + Warm bath (suggested)" in out
    assert "Water: 2 L today." in out
    assert out.rstrip().endswith("General self-care guidance, not medical advice.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sore", "quadz_L=6", "--hours-since", "3"], "unknown region 'quadz_L'"),
        (["--sore", "quads_L=11", "--hours-since", "3"], "must be from 0 to 10, got 11"),
        (["--sore", "quads_L=six", "--hours-since", "3"], "whole number"),
        (["--sore", "quads_L", "--hours-since", "3"], "wants REGION=N pairs"),
        (["--sore", "quads_L=2", "--hours-since", "-1"], "must be from 0 to 8760"),
        (["--sore", "quads_L=2", "--hours-since", "inf"], "must be from 0 to 8760"),
        (["--sore", "quads_L=2", "--hours-since", "3", "--minutes", "7"], "invalid choice"),
        (["--sore", "quads_L=2", "--hours-since", "3", "--type", "cramp"], "invalid choice"),
        (
            ["--sore", "quads_L=2", "--hours-since", "3", "--condition", "flu"],
            "No health condition 'flu'",
        ),
        (["--sore", "quads_L=2", "--hours-since", "3", "--yes", "Z1"], "No triage question 'Z1'"),
        (["--sore", "quads_L=2,quads_L=3", "--hours-since", "3"], "given twice"),
        (["--hours-since", "3"], "the following arguments are required: --sore"),
    ],
)
def test_bad_input_is_a_message_and_exit_2(capsys, args, message):
    with pytest.raises(SystemExit) as info:
        main(["plan", *args])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_the_same_region_in_two_sore_options_is_refused(capsys):
    assert main(["plan", "--sore", "quads_L=2", "--sore", "quads_L=3", "--hours-since", "3"]) == 2
    assert "given twice" in capsys.readouterr().err


def test_plan_uses_the_conditions_and_locks_saved_by_the_app(tmp_path, capsys):
    from datetime import datetime

    from companion.domain.conditions import ReportedCondition
    from companion.domain.regions import Side
    from companion.resources import load_triage
    from companion.storage.checkins import CheckInRepository, ConditionRepository
    from companion.storage.database import open_database

    folder = tmp_path / "profile"
    folder.mkdir()
    now = datetime.now(UTC)
    db = open_database(folder / "companion.db", now).database
    ConditionRepository(db).replace([ReportedCondition("cold_sensitivity")], now)
    CheckInRepository(db).record_outcome(load_triage().evaluate({"O5": True}, [Side.RIGHT], now))
    db.close()
    assert (
        main(
            [
                "--data-dir",
                str(folder),
                "plan",
                "--sore",
                "calves_L=3",
                "--hours-since",
                "30",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert therapy(data, "ice_pack")["status"] == "blocked"
    assert data["triage"]["tier"] == "orange"
    assert data["triage"]["locked_legs"] == ["right"]


def test_plan_creates_nothing_in_an_empty_folder(tmp_path, capsys):
    folder = tmp_path / "nothing-here"
    assert (
        main(["--data-dir", str(folder), "plan", "--sore", "calves_L=3", "--hours-since", "30"])
        == 0
    )
    assert not folder.exists()


def test_a_red_text_plan_is_the_emergency_message_alone(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    args = ["plan", "--sore", "calves_L=4", "--hours-since", "20", "--yes", "R1"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Safety check: RED. Stop. These symptoms need emergency care now.")
    assert "Call 999 now" in out
    assert "Do not drive yourself." in out
    assert "blood clot" in out  # the reason
    for absent in ("Water", "use what helps you", "Ice pack", "Stretching", "Active recovery"):
        assert absent not in out, absent


def test_a_red_text_plan_calls_the_number_set_in_the_app(tmp_path, capsys, monkeypatch):
    from datetime import datetime

    from companion.domain.preferences import Preferences
    from companion.storage.database import open_database
    from companion.storage.preferences import PreferencesRepository

    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    folder = tmp_path / "profile"
    folder.mkdir()
    now = datetime.now(UTC)
    db = open_database(folder / "companion.db", now).database
    PreferencesRepository(db).save(Preferences(emergency_number="112"), now)
    db.close()
    args = ["--data-dir", str(folder), "plan", "--sore", "calves_L=4", "--hours-since", "2"]
    assert main([*args, "--yes", "R2"]) == 0
    out = capsys.readouterr().out
    assert "Call 112 now" in out
    assert "999" not in out


def test_a_text_plan_shows_concerns_and_step_cautions(capsys):
    args = ["plan", "--sore", "calves_L=5", "--hours-since", "200", "--condition", "bleeding_risk"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "No warning signs reported." not in out
    assert "needs a check" in out.splitlines()[0]
    assert "! Light pressure only" in out


def test_plan_uses_the_equipment_and_water_goal_saved_in_settings(tmp_path, capsys):
    from datetime import datetime

    from companion.domain.preferences import Preferences
    from companion.storage.database import open_database
    from companion.storage.preferences import PreferencesRepository

    folder = tmp_path / "profile"
    folder.mkdir()
    now = datetime.now(UTC)
    db = open_database(folder / "companion.db", now).database
    PreferencesRepository(db).save(Preferences(equipment=frozenset(), water_goal_ml=3000), now)
    db.close()
    args = ["--data-dir", str(folder), "plan", "--sore", "quads_L=4", "--hours-since", "30"]
    assert main([*args, "--minutes", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [step["name"] for step in data["routine"]["steps"]]
    assert names, "a routine by hand"
    assert not any("roll" in name.lower() for name in names), names  # no roller owned
    assert data["water"]["litres"] == 3.0


def test_plan_keeps_the_saved_check_ins_standing_restrictions(tmp_path, capsys):
    from datetime import datetime, timedelta

    from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
    from companion.domain.regions import Side
    from companion.resources import load_triage
    from companion.storage.checkins import CheckInRepository
    from companion.storage.database import open_database

    folder = tmp_path / "profile"
    folder.mkdir()
    now = datetime.now(UTC)
    checkin = CheckIn(
        at=now,
        onset=now - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(RegionReport("calves_L", Side.LEFT, 3, 4),),
        triage_answers={"Y4": True},
    )
    db = open_database(folder / "companion.db", now).database
    result = load_triage().evaluate({"Y4": True}, [Side.LEFT], now)
    CheckInRepository(db).save(checkin, result)
    db.close()
    args = ["--data-dir", str(folder), "plan", "--sore", "calves_L=3", "--hours-since", "30"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert therapy(data, "ice_pack")["status"] == "blocked"  # Y4: no cold until cleared
    assert "no_cold" in data["triage"]["restrictions"]
