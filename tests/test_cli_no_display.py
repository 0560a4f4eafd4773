"""With no display the app says so in one line and how to run headless (exit 2), instead
of Qt aborting with its own text and a hint about libxcb-cursor."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from companion.app.startup import NO_DISPLAY, no_display

EXPECTED = (
    "recovery-companion: no display found. Run it in a desktop session, or with "
    "QT_QPA_PLATFORM=offscreen for a headless check."
)


def test_the_sentence_is_the_one_line_promised() -> None:
    assert NO_DISPLAY == EXPECTED


@pytest.mark.parametrize(
    ("env", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_no_display_is_linux_without_x_wayland_or_a_chosen_platform(
    env: dict[str, str], platform: str, missing: bool
) -> None:
    assert no_display(env, platform) is missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_starting_with_no_display_is_one_line_and_exit_2(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == EXPECTED + "\n"
    assert result.stdout == ""
    assert "xcb" not in result.stderr
