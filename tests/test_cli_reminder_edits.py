"""``reminders add``, ``set`` and ``remove`` with no app running: straight into the data
folder, with the editor's checks (check_rule); a refusal is one line and exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.cli import main
from companion.cli_reminder_edits import KINDS
from companion.domain.clock import SystemClock
from companion.domain.reminders import Kind, ReminderRule
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.storage.reminders import ReminderRepository


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(data: Path) -> list[ReminderRule]:
    paths = prepare_data_dir(data)
    db = open_database(paths.database, SystemClock().now()).database
    try:
        return ReminderRepository(db).all()
    finally:
        db.close()


def test_the_kinds_are_the_domains() -> None:
    assert tuple(k.value for k in Kind) == KINDS


def test_add_water_saves_the_rule_and_says_when_it_comes(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, err = run(
        capsys, "--data-dir", str(data), "reminders", "add", "water", "--every", "120"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Added reminder 1, “Water”: every 2 h while awake; next ")
    (rule,) = stored(data)
    assert (rule.kind, rule.every_min, rule.amount_ml, rule.enabled) == (
        Kind.HYDRATION,
        120,
        250,
        True,
    )


def test_a_hard_limit_is_refused_in_one_line_and_nothing_is_saved(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, err = run(
        capsys, "--data-dir", str(data), "reminders", "add", "water", "--every", "15"
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("recovery-companion: Not saved: ")
    assert "below the safe minimum of 30 min" in err
    assert stored(data) == []


def test_outside_the_usual_range_needs_yes(tmp_path, capsys):
    data = str(tmp_path / "data")
    ice = ["--data-dir", data, "reminders", "add", "ice", "--region", "calves", "--side", "left"]
    ice += ["--hours", "100"]
    code, _, err = run(capsys, *ice)
    assert code == 1 and "first 72 hours" in err and "--yes" in err
    assert stored(tmp_path / "data") == []
    code, out, _ = run(capsys, *ice, "--yes")
    assert code == 0 and out.startswith("Added reminder 1, “Icing”")
    (rule,) = stored(tmp_path / "data")
    assert rule.region == "calves" and rule.on_min == 15
    assert rule.starts is not None and rule.ends is not None
    assert (rule.ends - rule.starts).total_seconds() == 100 * 3600


def test_set_changes_only_what_is_given_and_rechecks_on_switching_on(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "reminders", "add", "water", "--every", "90")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "reminders", "set", "1", "--off")
    assert code == 0 and out.endswith("switched off.\n")
    code, _, err = run(capsys, "--data-dir", data, "reminders", "set", "1", "--every", "10")
    assert code == 0, err  # switched off: checked when it is switched on
    code, _, err = run(capsys, "--data-dir", data, "reminders", "set", "1", "--on")
    assert code == 1 and "safe minimum" in err
    (rule,) = stored(tmp_path / "data")
    assert (rule.every_min, rule.amount_ml, rule.enabled) == (10, 250, False)
    code, _, _ = run(capsys, "--data-dir", data, "reminders", "set", "1", "--every", "90", "--on")
    (rule,) = stored(tmp_path / "data")
    assert code == 0 and (rule.every_min, rule.enabled) == (90, True)


def test_set_and_remove_an_unknown_id_are_refused(tmp_path, capsys):
    data = str(tmp_path / "data")
    for action in (["set", "7", "--off"], ["remove", "7"]):
        code, out, err = run(capsys, "--data-dir", data, "reminders", *action)
        assert code == 1 and out == ""
        assert err == "recovery-companion: There is no reminder 7.\n" or "no reminder 7" in err


def test_remove_deletes_the_rule(tmp_path, capsys):
    data = str(tmp_path / "data")
    run(
        capsys, "--data-dir", data, "reminders", "add", "custom", "--at", "12:00", "--message", "Hi"
    )
    code, out, _ = run(capsys, "--data-dir", data, "reminders", "remove", "1")
    assert code == 0 and out.startswith("Removed reminder 1")
    assert stored(tmp_path / "data") == []


def test_times_and_days_are_read_and_checked_against_waking_hours(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, _, err = run(
        capsys, "--data-dir", data, "reminders", "add", "custom", "--at", "23:50", "--message", "x"
    )
    assert code == 1 and "outside your waking hours" in err
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "reminders",
        "add",
        "routine",
        "--routine",
        "calves_and_shins",
        "--at",
        "18:30",
        "--days",
        "weekdays",
    )
    assert code == 0 and "at 18:30 on Mon, Tue, Wed, Thu, Fri" in out
    (rule,) = stored(tmp_path / "data")
    assert rule.weekdays == frozenset(range(5)) and rule.routine_id == "calves_and_shins"


@pytest.mark.parametrize(
    "words",
    [
        ["add", "tea"],
        ["add", "custom", "--at", "25:00"],
        ["add", "routine", "--routine", "no_such_routine"],
        ["add", "ice", "--region", "elbow"],
        ["add", "custom", "--days", "funday"],
    ],
)
def test_bad_words_are_usage_errors_before_anything_is_made(tmp_path, capsys, words):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), "reminders", *words])
    assert exited.value.code == 2
    assert not (tmp_path / "data").exists()


def test_the_listing_still_works_and_says_the_status_once(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "reminders")
    assert code == 0
    assert out.splitlines()[0] == "Reminders on"
    assert "Reminders: Reminders" not in out


def test_an_icing_reminder_needs_its_region_and_leg(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data-dir", data, "reminders", "add", "ice")
    assert (code, out) == (1, "")
    assert err == (
        "recovery-companion: Not saved: Choose where to ice. "
        "Say which region with --region, e.g. --region calves.\n"
    )
    code, out, err = run(
        capsys, "--data-dir", data, "reminders", "add", "ice", "--region", "calves"
    )
    assert code == 1 and "Choose which leg to ice." in err and "--side" in err
    assert stored(tmp_path / "data") == []
    code, out, err = run(
        capsys,
        "--data-dir",
        data,
        "reminders",
        "add",
        "ice",
        "--region",
        "calves",
        "--side",
        "left",
    )
    assert (code, err) == (0, "")
    (rule,) = stored(tmp_path / "data")
    assert (rule.region, rule.extra["side"]) == ("calves", "left")
