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

``skip_source_scans`` is about start-up time, not crashes: see its docstring.
"""

from __future__ import annotations

import sys
from types import ModuleType

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


def _imports_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds anything from PySide6 (a Qt class, a PySide6 module)."""
    try:
        values = list(vars(module).values())
    except TypeError:  # no __dict__
        return False
    for value in values:
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", "")
        if isinstance(name, str) and name.startswith("PySide6"):
            return True
    return False


def skip_source_scans() -> bool:
    """Stop PySide6 reading the source of every module imported after it; True if applied.

    PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``
    (which this app does not use). After every import statement, for each module it
    has not seen, it reads the module's whole source with ``inspect.getsource`` and
    looks for the word "PySide6", keeping the text in ``linecache``: measured here, 114
    modules and about 18 ms of a 0.4 s start (napari/napari#8584 found the same). This
    gives PySide6 the same answer for modules that import from PySide6 at the top, by
    looking at what the module holds instead of reading its file; a module that only
    imports PySide6 inside a function counts as not using it, which changes nothing while
    no module selects a feature. Where PySide6's internals differ from 6.12's, its own
    check is left alone.
    """
    import PySide6  # noqa: F401, PLC0415 - loads shiboken6 and its import hook

    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(current) or getattr(current, "_companion", False):
        return False
    if not hasattr(feature, "pyside_feature_dict"):
        return False
    _imports_pyside._companion = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", _imports_pyside)  # noqa: B010 - not in the stubs
    return True
