"""Running code where file modes apply, even when the tests run as root.

Root ignores file modes (CAP_DAC_OVERRIDE), so a test of a read-only file run as
root would test nothing. As root, ``setpriv`` drops the two capabilities that
override modes from the child's bounding set: the child keeps uid 0 (so it can still
run an interpreter installed under /root) but a 0400 file is read-only to it, as to
any user. As another user, modes apply anyway. Never a skip: CI runs these.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NO_OVERRIDE = "-dac_override,-dac_read_search"


def modes_apply_prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail(
            "setpriv (util-linux) is needed to test file modes as root; .ci/run installs it"
        )
    return [setpriv, f"--bounding-set={NO_OVERRIDE}", f"--inh-caps={NO_OVERRIDE}"]


def run_where_modes_apply(
    args: list[str], env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """``python <args>`` from the repository, in a process that file modes bind."""
    child_env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    child_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    child_env.update(env or {})
    return subprocess.run(
        [*modes_apply_prefix(), sys.executable, *args],
        cwd=REPO,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


_LINUX_CAPABILITY_VERSION_3 = 0x20080522
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


@contextlib.contextmanager
def modes_apply() -> Iterator[None]:
    """Within the block, file modes bind this thread even as root: the two capabilities
    that override them leave the thread's effective set (they stay permitted, so they
    come back at the end). Capabilities are per thread in Linux, and the test's file
    calls run on this one."""
    if os.geteuid() != 0:
        yield
        return
    libc = ctypes.CDLL(None, use_errno=True)
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        pytest.fail(f"capget failed: {os.strerror(ctypes.get_errno())}")
    saved = data[0].effective
    data[0].effective &= ~((1 << _CAP_DAC_OVERRIDE) | (1 << _CAP_DAC_READ_SEARCH))
    if libc.capset(ctypes.byref(header), data) != 0:
        pytest.fail(f"capset failed: {os.strerror(ctypes.get_errno())}")
    try:
        yield
    finally:
        data[0].effective = saved
        libc.capset(ctypes.byref(header), data)
