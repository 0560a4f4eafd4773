"""Hand back memory that start-up used once and will not need again.

Measured with heaptrack and ``/proc/<pid>/smaps`` (docs/PERFORMANCE.md): after start-up
the process holds freed C heap that glibc keeps for reuse, Python objects in reference
cycles that wait for the next collection, and source lines ``linecache`` kept when
PySide6's import hook read the first modules. None of it is needed by a window sitting
idle or an app waiting in the tray.
"""

from __future__ import annotations

import gc
import linecache
import sys

M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def one_heap() -> bool:
    """One C heap for every thread (glibc's ``M_ARENA_MAX`` = 1); call it before Qt starts
    its threads. Whether glibc took it.

    glibc gives each thread that allocates a heap (an arena) of its own, so that busy
    threads do not wait for each other's lock. The app's other threads (Qt's X11 event
    reader and D-Bus, the daily backup, APScheduler's) allocate little and seldom, and
    each arena kept its pages: 0.3 MB resident at idle (docs/PERFORMANCE.md).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # noqa: PLC0415 - as in _trim_c_heap

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))


def give_back() -> None:
    """Collect cycles, drop cached source lines and return free heap to the system."""
    gc.collect()
    linecache.clearcache()
    _trim_c_heap()


def _trim_c_heap() -> None:
    """glibc's ``malloc_trim(0)``: free pages at the top and inside every arena go back."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # noqa: PLC0415 - only here, and already loaded on CPython 3.11

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
