"""PySide6 6.12 on CPython 3.11 wears out None's reference count; the guard stops the crash."""

import subprocess
import sys

import pytest

from companion import pyside_guard

CALLS = 300_000  # far more net void calls than None's whole reference count

PROGRAM = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if sys.argv[1] == "guarded":
    from companion.pyside_guard import protect_none
    protect_none()
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(int(sys.argv[2])):
    label.setText("x")  # returns nothing
print("survived", flush=True)
"""


def run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, mode, str(CALLS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(not pyside_guard.needed(), reason="None is immortal on Python 3.12+")
def test_without_the_guard_void_calls_crash_the_interpreter():
    result = run("bare")
    if result.returncode == 0:
        pytest.fail("PySide6 no longer wears out None: the guard can be retired")
    assert "deallocating None" in result.stderr


@pytest.mark.slow
def test_with_the_guard_the_same_calls_are_harmless():
    result = run("guarded")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


def test_the_guard_applies_once():
    pyside_guard.protect_none()  # applied now, or already by an earlier import
    assert pyside_guard.protect_none() is False
    if pyside_guard.needed():
        assert sys.getrefcount(None) > pyside_guard.IMMORTAL_BOOST // 2
