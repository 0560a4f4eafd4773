"""``log-activity`` with no app running writes to the data folder; the app takes it too."""

from __future__ import annotations

from datetime import date

import pytest

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.paths import prepare_data_dir
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.database import open_database


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(tmp_path):
    """The activities and mornings in the data folder, read after the command ended."""
    db = open_database(prepare_data_dir(tmp_path / "data").database, SystemClock().now()).database
    try:
        mornings = MorningLogRepository(db).between(date.min, date.max)
        return [a for _id, a in ActivityRepository(db).recent()], mornings
    finally:
        db.close()


def test_a_run_is_logged_and_a_longer_one_gets_the_note(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "log-activity",
        "run",
        "--km",
        "10",
        "--minutes",
        "55",
        "--ago",
        "2h",
    )
    assert (code, out) == (0, "Logged a run of 10 km in 55 min, finished 120 min ago.\n")
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "log-activity",
        "run",
        "--km",
        "12",
        "--minutes",
        "70",
        "--effort",
        "6",
    )
    assert code == 0
    assert "Note: This run is about 20 % longer than your longest" in out
    runs, _ = stored(tmp_path)
    assert [(r.km, r.minutes, r.effort) for r in runs] == [(12, 70, 6), (10, 55, None)]


def test_leg_day_and_sleep(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "log-activity", "leg-day", "--minutes", "50")[0] == 0
    code, out, _ = run(
        capsys, "--data-dir", data, "log-activity", "sleep", "--hours", "6", "--recovered", "4"
    )
    assert code == 0
    assert out.startswith("Logged 6 hours of sleep and feeling 4/10 recovered.\nNote: 6 hours")
    runs, mornings = stored(tmp_path)
    assert runs[0].kind.value == "leg_day"
    assert [(m.sleep_hours, m.prs) for m in mornings] == [(6, 4)]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["run", "--km", "-3"], "Distance must be more than 0"),
        (["run", "--km", "60", "--minutes", "60"], "faster than anyone"),
        (["leg-day", "--km", "3"], "distance is logged for runs"),
        (["run", "--effort", "12"], "Effort"),
        (["sleep", "--hours", "30"], "0 to 24"),
        (["sleep"], "sleep, how recovered you feel, or both"),
        (["sleep", "--km", "3"], "sleep takes --hours"),
        (["run", "--hours", "8"], "go with 'sleep'"),
    ],
)
def test_impossible_values_are_refused_and_nothing_is_stored(tmp_path, capsys, args, words):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "log-activity", *args)
    assert code == 1 and out == "" and words in err
    runs, _ = stored(tmp_path)
    assert runs == []


def test_unknown_kinds_and_times_stop_at_the_command_line(tmp_path):
    for args in (["swim"], ["run", "--ago", "yesterday"], ["run", "--ago", "30d"]):
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(tmp_path / "data"), "log-activity", *args])
        assert exited.value.code == 2


def test_a_third_tired_morning_from_the_command_line_raises_t8_once(tmp_path, capsys):
    from datetime import timedelta

    from companion.domain.activity import MorningLog
    from companion.storage.trends import TrendAlertRepository

    data = tmp_path / "data"
    now = SystemClock().now()
    db = open_database(prepare_data_dir(data).database, now).database
    for days_ago in (2, 1):
        MorningLogRepository(db).save(MorningLog(now.date() - timedelta(days=days_ago), prs=2), now)
    db.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "log-activity", "sleep", "--recovered", "3")
    assert code == 0
    assert "3 mornings in a row" in out
    assert "answer the safety questions" in out
    db = open_database(prepare_data_dir(data).database, now).database
    try:
        assert [r[1] for r in TrendAlertRepository(db).recent()] == ["T8"]
    finally:
        db.close()
    _, again, _ = run(capsys, "--data-dir", str(data), "log-activity", "sleep", "--recovered", "2")
    assert "mornings in a row" not in again  # once for this run of mornings
