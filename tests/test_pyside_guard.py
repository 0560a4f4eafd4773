"""PySide6 6.12 on CPython 3.11 wears out None's and True's reference counts; the guard helps."""

import subprocess
import sys

import pytest

from companion import pyside_guard

CALLS = 300_000  # far more net void calls than None's whole reference count

PROGRAM = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if sys.argv[1] == "guarded":
    from companion.pyside_guard import protect_singletons
    protect_singletons()
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
class Source(QObject):
    fired = Signal(int)
source = Source()
source.fired.connect(lambda n: None)
for i in range(int(sys.argv[2])):
    if sys.argv[3] == "void":
        label.setText("x")  # returns nothing
    else:
        source.fired.emit(i)  # returns a bool
print("survived", flush=True)
"""


def run(mode: str, calls: str = "void") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, mode, str(CALLS), calls],
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
@pytest.mark.skipif(not pyside_guard.needed(), reason="bools are immortal on Python 3.12+")
def test_without_the_guard_signal_emits_crash_the_interpreter():
    result = run("bare", "emit")
    if result.returncode == 0:
        pytest.fail("PySide6 no longer wears out True: the guard's bool part can go")
    assert "deallocating True or False" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("calls", ["void", "emit"])
def test_with_the_guard_the_same_calls_are_harmless(calls):
    result = run("guarded", calls)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


def test_the_guard_applies_once():
    pyside_guard.protect_singletons()  # applied now, or already by an earlier import
    assert pyside_guard.protect_singletons() is False
    if pyside_guard.needed():
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > pyside_guard.IMMORTAL_BOOST // 2


SCAN_PROGRAM = """
import json, linecache, sys
from companion.pyside_guard import skip_source_scans
applied = skip_source_scans()
again = skip_source_scans()
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
from companion.domain.regions import Side  # no Qt in it
from companion.ui.today.body_shapes import figure  # imports from PySide6 at the top
from PySide6.QtWidgets import QApplication
app = QApplication([])
print(json.dumps({
    "applied": applied,
    "again": again,
    "pure": feature.pyside_feature_dict.get("companion.domain.regions"),
    "qt": feature.pyside_feature_dict.get("companion.ui.today.body_shapes"),
    "read": sorted(f for f in linecache.cache if "companion" in f),
}))
"""


def test_pyside6_no_longer_reads_each_module_s_source_to_start_the_app():
    import json

    result = subprocess.run(
        [sys.executable, "-c", SCAN_PROGRAM],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["applied"] is True
    assert found["again"] is False  # once per process
    # The same answers PySide6's own check gives (ignore / "no feature"), with no file read.
    assert found["pure"] == -1
    assert found["qt"] == 0
    assert found["read"] == []
