"""companion.memory hands back what start-up no longer needs, on any platform."""

from __future__ import annotations

import sys

import pytest

from companion import memory


def test_give_back_calls_malloc_trim_on_linux(monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only")
    calls: list[int] = []

    class Libc:
        def __init__(self, _name):
            self.malloc_trim = Trim()

    class Trim:
        argtypes: tuple[object, ...] = ()
        restype: object = None

        def __call__(self, pad: int) -> int:
            calls.append(pad)
            return 1

    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", Libc)
    memory.give_back()
    assert calls == [0]


def test_give_back_without_malloc_trim_does_nothing_else(monkeypatch):
    import ctypes

    class Musl:
        def __init__(self, _name):
            pass

    monkeypatch.setattr(ctypes, "CDLL", Musl)
    memory.give_back()  # no AttributeError


def test_give_back_skips_the_c_heap_off_linux(monkeypatch):
    import ctypes

    def fail(_name):
        raise AssertionError("ctypes used off Linux")

    monkeypatch.setattr(ctypes, "CDLL", fail)
    monkeypatch.setattr(sys, "platform", "win32")
    memory.give_back()


ARENAS = """\
import ctypes, sys, threading
from companion import memory
took = memory.one_heap() if sys.argv[1] == "one" else None
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
thread = threading.Thread(target=lambda: libc.malloc(4000))  # a thread's first malloc
thread.start()
thread.join()
libc.malloc_stats()  # one "Arena N:" paragraph per arena, on stderr
print(took)
"""


@pytest.mark.parametrize(("how", "arenas", "took"), [("one", 1, "True"), ("default", 2, "None")])
def test_one_heap_keeps_a_new_threads_allocations_in_the_main_arena(how, arenas, took):
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only")
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", ARENAS, how], capture_output=True, text=True, check=True
    )
    if "Arena 0:" not in done.stderr:
        pytest.skip("not glibc (no malloc_stats)")
    assert done.stderr.count("Arena ") == arenas
    assert done.stdout.strip() == took


def test_one_heap_asks_glibc_for_one_arena(monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only")
    calls: list[tuple[int, int]] = []

    class Libc:
        def __init__(self, _name):
            self.mallopt = Mallopt()

    class Mallopt:
        argtypes: tuple[object, ...] = ()
        restype: object = None

        def __call__(self, param: int, value: int) -> int:
            calls.append((param, value))
            return 1

    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", Libc)
    assert memory.one_heap() is True
    assert calls == [(-8, 1)]  # M_ARENA_MAX in glibc's malloc.h


def test_one_heap_without_mallopt_or_off_linux_is_a_no(monkeypatch):
    import ctypes

    class Musl:
        def __init__(self, _name):
            pass

    monkeypatch.setattr(ctypes, "CDLL", Musl)
    monkeypatch.setattr(sys, "platform", "linux")
    assert memory.one_heap() is False
    monkeypatch.setattr(sys, "platform", "win32")
    assert memory.one_heap() is False
