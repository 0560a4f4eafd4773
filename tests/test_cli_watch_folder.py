"""``settings set watch-folder PATH|off``: a full path saved with the Settings screen's checks."""

from __future__ import annotations

import json

import pytest

from companion.domain.preferences import Preferences, parse_setting, read_preferences
from tests.test_cli_settings import run, stored


def test_a_folder_is_saved_as_a_full_path_and_off_stops_it(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    watch = tmp_path / "My Watch"
    watch.mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, data, "set", "watch-folder", "My", "Watch")
    assert (code, err) == (0, "")
    assert stored(data).watch_folder == str(watch.resolve())
    code, out, _ = run(capsys, data)
    assert f"watch-folder      {watch.resolve()}" in out
    code, out, _ = run(capsys, data, "--json")
    assert json.loads(out)["watch_folder"] == str(watch.resolve())
    assert run(capsys, data, "set", "watch-folder", "off")[0] == 0
    assert stored(data).watch_folder == ""
    assert "watch-folder      off" in run(capsys, data)[1]


def test_a_folder_that_is_not_there_is_refused(tmp_path, capsys):
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "set", "watch-folder", str(tmp_path / "nowhere"))
    assert code == 1
    assert "not saved: there is no folder at" in err
    assert stored(data).watch_folder == ""


def test_the_preference_reads_back_and_refuses_a_relative_path():
    assert parse_setting("watch-folder", ["off"], Preferences()) == {"watch_folder": ""}
    assert parse_setting("watch-folder", ["/media/w"], Preferences()) == {
        "watch_folder": "/media/w"
    }
    document = Preferences(watch_folder="/media/w").to_dict()
    assert read_preferences(document).preferences.watch_folder == "/media/w"
    loaded = read_preferences({**document, "watch_folder": "relative/path"})
    assert loaded.preferences.watch_folder == ""
    assert loaded.problems and "full path" in loaded.problems[0]


@pytest.mark.parametrize("value", ["relative", "a\0b", 3])
def test_check_change_refuses_what_is_no_full_path(value):
    from companion.domain.preferences import check_change
    from companion.domain.protocols import Verdict
    from companion.resources import load_protocols

    assert check_change(load_protocols(), watch_folder=value).verdict is Verdict.REFUSE
