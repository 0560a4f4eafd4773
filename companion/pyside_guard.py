"""Keep PySide6 6.12 from wearing out ``None``, ``True`` and ``False`` on CPython 3.11.

Measured here: every PySide6 6.12 method that returns nothing (``setText``,
``update``, every void ``QPainter`` call, ...) hands back ``None`` without a new
reference, so each call lowers ``None``'s reference count by one. On Python
3.12 and later ``None`` is immortal and this is harmless; on 3.11 the count
(about 4,000 at start) reaches zero after a few thousand net calls, a few
dozen body-map repaints, and the interpreter aborts with "deallocating None".

The same happens to ``True`` (or ``False``) with ``Signal.emit()``, which hands
back a bool without a new reference: a player ticking for a few minutes wore
``True`` out ("deallocating True or False").

The guard does on 3.11 what 3.12 does: it gives ``None``, ``True`` and
``False`` a reference count no program can wear down (2**40). It touches
nothing else and does nothing on 3.12+ or other interpreters.
``tests/test_pyside_guard.py`` shows both crashes without it.
"""

from __future__ import annotations

import sys

IMMORTAL_BOOST = 1 << 40
_applied = False


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def protect_singletons() -> bool:
    """Apply once per process; True if this call applied it."""
    global _applied  # noqa: PLW0603 - one flag for the whole process
    if _applied or not needed():
        return False
    import ctypes  # noqa: PLC0415

    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_BOOST
    _applied = True
    return True
