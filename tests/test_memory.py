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
