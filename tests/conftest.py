"""Test set-up shared by every test.

- Qt runs offscreen: set before anything imports Qt.
- Every test gets its own data folder and XDG folders, so no test can touch
  the real user data folder, whatever it calls.
- Nothing here imports Qt or needs pytest-qt: the domain, storage, scheduling and
  services tests also run where PySide6 is not installed (.ci/run, step 3).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path
from typing import Literal

import pytest

from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parent.parent

# pytest-qt's settings in pyproject.toml; pytest-qt declares them when it is installed.
PYTEST_QT_INI: dict[str, Literal["string", "linelist"]] = {
    "qt_api": "string",
    "qt_log_level_fail": "string",
    "qt_log_ignore": "linelist",
}


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Without pytest-qt (the no-Qt run), declare its settings so --strict-config accepts them."""
    if pluginmanager.has_plugin("pytest-qt"):
        return
    for name, kind in PYTEST_QT_INI.items():
        parser.addini(name, "pytest-qt's setting, unused: pytest-qt is not installed", type=kind)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    # Never the developer's own desktop bus: no real notifications from tests.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    # Qt's mock speech engine: spoken cues are exercised without a real voice.
    monkeypatch.setenv("COMPANION_TTS_ENGINE", "mock")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
