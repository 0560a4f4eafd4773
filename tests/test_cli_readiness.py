"""``readiness`` prints the same readiness as Today's card, from the data folder."""

from __future__ import annotations

import json

from companion.cli import main


def test_readiness_lists_every_input_and_says_not_known(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "readiness"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Not known yet")
    assert "- Soreness: Not known: no check-in yet." in out
    assert len([line for line in out if line.startswith("- ")]) == 5


def test_readiness_follows_a_logged_morning_and_prints_json(tmp_path, capsys):
    data = str(tmp_path / "data")
    main(["--data-dir", data, "log-activity", "sleep", "--hours", "6", "--recovered", "8"])
    capsys.readouterr()
    assert main(["--data-dir", data, "readiness", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["level"] == "easy"
    sleep = next(i for i in result["inputs"] if i["name"] == "Last night's sleep")
    assert sleep == {
        "name": "Last night's sleep",
        "reading": "6 hours, under the 7 or more that help recovery.",
        "points_to": "easy",
    }
