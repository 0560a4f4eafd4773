import os
import stat
from pathlib import Path

import pytest

from companion.paths import ENV_DATA_DIR, DataDirError, prepare_data_dir, resolve_data_dir


def test_cli_beats_environment_beats_default(tmp_path, monkeypatch):
    env = {ENV_DATA_DIR: str(tmp_path / "from-env")}
    assert resolve_data_dir(str(tmp_path / "from-cli"), env) == tmp_path / "from-cli"
    assert resolve_data_dir(None, env) == tmp_path / "from-env"
    monkeypatch.delenv(ENV_DATA_DIR)
    default = resolve_data_dir(None)
    # conftest points XDG_DATA_HOME into the test's temp folder: the real one is never used.
    assert default == Path(os.environ["XDG_DATA_HOME"]) / "recovery-companion"
    assert str(default).startswith(str(tmp_path))


def test_relative_and_home_paths_are_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir("rel", {}) == tmp_path / "rel"
    assert resolve_data_dir("~/x", {}) == Path(os.environ["HOME"]) / "x"


def test_prepare_creates_a_private_folder(tmp_path):
    paths = prepare_data_dir(tmp_path / "a" / "b")
    assert paths.data_dir.is_dir()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert paths.database == tmp_path / "a" / "b" / "companion.db"


def test_prepare_tightens_an_open_folder(tmp_path):
    folder = tmp_path / "open"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    prepare_data_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_file_in_the_way_is_named(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    with pytest.raises(DataDirError, match=f"{blocker} is a file"):
        prepare_data_dir(blocker)
    with pytest.raises(DataDirError, match=r"Cannot create the data folder .*notes\.txt/sub"):
        prepare_data_dir(blocker / "sub")


def test_an_unwritable_folder_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    # Tests may run as root, for whom chmod does not lock anything: fake the access check.
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    with pytest.raises(DataDirError, match=f"{folder} cannot be read and written"):
        prepare_data_dir(folder)


def test_instance_key_differs_per_folder(tmp_path):
    a = prepare_data_dir(tmp_path / "a").instance_key
    b = prepare_data_dir(tmp_path / "b").instance_key
    assert a != b
    assert a.startswith("recovery-companion-")
    assert len(a) < 90  # local socket names have a length limit


def test_a_folder_holding_other_things_keeps_its_permissions(tmp_path):
    import stat

    from companion.paths import prepare_data_dir

    home = tmp_path / "someone"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    (home / "notes.txt").write_text("mine")
    prepare_data_dir(home)
    assert stat.S_IMODE(home.stat().st_mode) == 0o755  # not ours to lock down
    fresh = tmp_path / "fresh"
    prepare_data_dir(fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    empty.chmod(0o755)
    prepare_data_dir(empty)
    assert stat.S_IMODE(empty.stat().st_mode) == 0o700
