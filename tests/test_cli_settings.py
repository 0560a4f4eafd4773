"""``settings``: shown, changed with the Settings screen's checks, live in a running app."""

from __future__ import annotations

import json
from datetime import time

import pytest

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.domain.equipment import Equipment
from companion.domain.preferences import Preferences, parse_setting
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.storage.preferences import PreferencesRepository


def run(capsys, data, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "settings", *args])
    out, err = capsys.readouterr()
    return code, out, err


def stored(data) -> Preferences:
    db = open_database(prepare_data_dir(data).database, SystemClock().now()).database
    try:
        return PreferencesRepository(db).load().preferences
    finally:
        db.close()


def test_settings_are_shown_and_changed_with_the_same_checks(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, _ = run(capsys, data)
    assert code == 0
    assert "water-goal        2 L (usual)" in out
    assert run(capsys, data, "set", "water-goal", "2.5")[0] == 0
    assert stored(data).water_goal_ml == 2500
    code, _, err = run(capsys, data, "set", "water-goal", "4.5")
    assert code == 1
    assert "above the usual 4 L. Add --yes to keep it." in err
    assert stored(data).water_goal_ml == 2500
    assert run(capsys, data, "set", "water-goal", "4.5", "--yes")[0] == 0
    code, _, err = run(capsys, data, "set", "water-goal", "9")
    assert (code, stored(data).water_goal_ml) == (1, 4500)
    assert "above the safe limit of 6 L" in err
    assert run(capsys, data, "set", "waking", "weekend", "09:00-23:00")[0] == 0
    assert stored(data).waking.days[5].start == time(9, 0)
    assert run(capsys, data, "set", "equipment", "ball", "stick")[0] == 0
    assert stored(data).equipment == frozenset({Equipment.BALL, Equipment.STICK})
    code, out, _ = run(capsys, data, "--json")
    assert json.loads(out)["equipment"] == ["ball", "stick"]


@pytest.mark.parametrize(
    ("name", "words", "message"),
    [
        ("colour", ["blue"], "no setting 'colour'"),
        ("volume", ["loud"], "volume is a whole number"),
        ("volume", ["150"], "Volume is a percentage from 0 to 100"),
        ("theme", ["pink"], "theme is one of system, light, dark"),
        ("waking", ["funday", "07:00-22:00"], "is not a day"),
        ("waking", ["mon", "7-22"], "is not hours like 07:00-22:00"),
        ("waking", ["mon", "07:00-09:00"], "shorter than 4 hours"),
        ("equipment", ["trampoline"], "no equipment 'trampoline'"),
        ("emergency-number", ["nine"], "2 to 14 digits"),
        ("water-goal", ["lots"], "in litres"),
    ],
)
def test_bad_values_are_refused_with_the_reason_and_nothing_changes(
    tmp_path, capsys, name, words, message
):
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "set", name, *words)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert stored(data) == Preferences()


def test_words_become_values():
    current = Preferences()
    assert parse_setting("theme", ["dark"], current)["theme"].value == "dark"
    assert parse_setting("equipment", ["all"], current) == {"equipment": None}
    assert parse_setting("water-goal", ["default"], current) == {"water_goal_ml": None}
    week = parse_setting("waking", ["sat", "10:00-23:30"], current)["waking"]
    assert week.describe() == "Mon-Fri 07:00-22:00, Sat 10:00-23:30, Sun 07:00-22:00"
