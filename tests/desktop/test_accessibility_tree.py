"""The app as a screen reader meets it: its tree read over AT-SPI on the real desktop.

The app runs in a process of its own with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, on
a data folder past its first start, and tests/desktop/atspi.py reads its tree
through the accessibility bus (at-spi2-core, started by tests/desktop/session.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository
from tests.desktop.session import SYSTEM_PYTHON, Desktop, missing_atspi

pytestmark = pytest.mark.desktop

CLIENT = Path(__file__).with_name("atspi.py")
# Roles a user acts on (AT-SPI's names); each needs a name a screen reader can say.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "spin button",
    "slider",
    "page tab",
    "list item",
    "entry",
    "menu item",
}
RUN_S = 6.0


def client(app: subprocess.Popen[str], desktop: Desktop, *args: str) -> Any:
    done = subprocess.run(
        [SYSTEM_PYTHON, str(CLIENT), str(app.pid), *args],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def app(desktop: Desktop, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    problems = missing_atspi()
    if problems or not desktop.atspi:
        message = "no AT-SPI bus for this test: missing " + ", ".join(problems or ["the bus"])
        if os.environ.get("CI"):
            pytest.fail(f"{message}; .ci/run should have installed it", pytrace=False)
        pytest.skip(message)
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / "companion.db", datetime.now(UTC)).database
    SettingsRepository(db).set("welcome.state", "skipped", datetime.now(UTC))
    db.close()
    env = {**os.environ, **desktop.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    env["QT_QPA_PLATFORM"] = "xcb"
    log = (tmp_path / "app.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "companion", "--data-dir", str(data)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    proc.data_dir = data  # type: ignore[attr-defined]
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def showing(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for n in nodes if "showing" in n["states"]]


def under(nodes: list[dict[str, Any]], parent: dict[str, Any]) -> list[dict[str, Any]]:
    prefix = parent["path"] + "."
    return [
        n for n in nodes if n["path"].startswith(prefix) and "." not in n["path"][len(prefix) :]
    ]


def test_every_control_on_today_has_a_name_and_the_right_role(
    app: subprocess.Popen[str], desktop: Desktop
) -> None:
    nodes = client(app, desktop, "tree")
    seen = showing(nodes)
    unnamed = [n for n in seen if n["role"] in INTERACTIVE and not n["name"].strip()]
    assert unnamed == [], unnamed
    # the scales: two radio groups of eleven, no check or toggle buttons for scores
    groups = {n["name"]: n for n in nodes if n["role"] == "panel" and "Soreness" in n["name"]}
    assert set(groups) == {"Soreness at rest", "Soreness during the test movement"}
    for group in groups.values():
        radios = [n for n in under(nodes, group) if n["role"] == "radio button"]
        assert [n["name"] for n in radios] == [f"{v} of 10" for v in range(11)]
    assert not [
        n for n in nodes if n["role"] in {"check box", "toggle button"} and " of 10" in n["name"]
    ]


def test_each_body_map_region_reports_its_score_and_can_be_set(
    app: subprocess.Popen[str], desktop: Desktop
) -> None:
    nodes = client(app, desktop, "tree")
    (body_map,) = [n for n in nodes if n["role"] == "list" and n["name"] == "Body map"]
    regions = [n for n in under(nodes, body_map) if n["role"] == "list item"]
    assert len(regions) == 25
    for region in regions:
        assert "Value" in region["interfaces"], region
        assert region["value"] == [0.0, 0.0, 10.0], region
        assert region["name"].endswith(", 0 of 10"), region
    calf = next(n for n in regions if n["name"] == "Calves (left), 0 of 10")
    assert client(app, desktop, "set-value", calf["path"], "6") is True
    after = {n["path"]: n for n in client(app, desktop, "tree")}
    assert after[calf["path"]]["name"] == "Calves (left), 6 of 10"
    assert after[calf["path"]]["value"][0] == 6.0
    # the region's card now shows the score the map was given
    six = [
        n
        for n in after.values()
        if n["role"] == "radio button" and n["name"] == "6 of 10" and "checked" in n["states"]
    ]
    assert len(six) == 1


def test_the_player_tells_a_screen_reader_once_a_phase_not_every_second(
    app: subprocess.Popen[str], desktop: Desktop
) -> None:
    client(app, desktop, "tree")  # the app is up and on the bus
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(CLIENT), str(app.pid), "listen", str(RUN_S)],
        env=desktop.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert listener.stdout is not None
    assert json.loads(listener.stdout.readline()) == {"listening": True}
    started = subprocess.run(
        [
            sys.executable,
            "-m",
            "companion",
            "--data-dir",
            str(app.data_dir),  # type: ignore[attr-defined]
            "start",
            "post_run_cooldown",
        ],
        env={**os.environ, **desktop.env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert started.returncode == 0, started.stdout + started.stderr
    out, err = listener.communicate(timeout=RUN_S + 30)
    assert listener.returncode == 0, err
    heard = json.loads(out.splitlines()[-1])
    values = ("object:property-change:accessible-value", "object:value-changed")
    progress = [e for e in heard if e["name"] == "Routine progress" and e["type"] in values]
    ring = [e for e in heard if e["name"] == "Time left in this step" and "name" not in e["type"]]
    # The first seconds hold the lead-in ("Get ready") and the walk's start ("Go"):
    # the bar's value is told once each, the ring's seconds never.
    assert 1 <= len(progress) <= 2, heard
    assert ring == [], heard
    # Nothing ticks: each object is heard of when the window is made (its name, once
    # or twice) and once a phase, never every second.
    counts: dict[tuple[str, str], int] = {}
    for event in heard:
        key = (event["role"], event["name"])
        counts[key] = counts.get(key, 0) + 1
    assert max(counts.values()) <= 3, sorted(counts.items(), key=lambda kv: -kv[1])[:5]
