"""Shared pieces for the fuzz tests: Hypothesis settings and strategies for hostile input.

CI runs the same examples every time (``derandomize``), a few hundred per property,
so a failure reproduces exactly and the whole fuzz suite stays well under a minute.
``COMPANION_FUZZ=deep`` explores instead: random seeds, twenty times the examples,
and Hypothesis' example database (``.hypothesis/``, gitignored) to replay failures.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

DEEP = os.environ.get("COMPANION_FUZZ") == "deep"
T = TypeVar("T")
E = TypeVar("E", bound=BaseException)


def fuzz(max_examples: int = 150) -> settings:
    """Settings for one property: deterministic in CI, exploring with COMPANION_FUZZ=deep."""
    return settings(
        max_examples=max_examples * 20 if DEEP else max_examples,
        deadline=None,  # real SQLite files and subprocess-free CLI runs vary in time
        derandomize=not DEEP,
        print_blob=True,
        # One temporary database per test, shared by its examples on purpose: every
        # example must leave it as it was, which is the point of the test.
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# -- JSON -------------------------------------------------------------------------------------
# Numbers a hand-edited file may hold: huge (past a float and a 64-bit int), negative,
# fractional, NaN and the infinities (Python's json reads and writes those).
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([0, -1, 1, 2**31, 2**63, -(2**63) - 1, 10**20, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324]),
)
# Text with what breaks naive code: control characters, right-to-left marks,
# lone surrogates (a JSON "\ud800" escape makes one), very long strings.
TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Cs", "Cc", "Cf", "Co", "Cn", "Zl"]), max_size=8),
    st.sampled_from(["", " ", "\x00", "\ud800", "x\udfffy", "\u202e", "\n\t", "🦵"]),
    st.integers(min_value=81, max_value=5000).map(lambda n: "x" * n),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
JSON: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)


def nested(depth: int, leaf: str = "1") -> str:
    """JSON text nested ``depth`` lists deep: past the parser's recursion limit when large."""
    return "[" * depth + leaf + "]" * depth


# -- SQLite -----------------------------------------------------------------------------------
def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (and the schema version): equal dumps mean nothing changed."""
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    rows = {
        name: conn.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid').fetchall()
        for name in names
    }
    rows["PRAGMA user_version"] = conn.execute("PRAGMA user_version").fetchall()
    return rows


def outcome(call: Callable[[], T], refusal: type[E]) -> tuple[T | None, E | None]:
    """``call()``'s result, or the refusal it raised. Any other exception propagates and
    fails the test: that is what the fuzz tests look for."""
    try:
        return call(), None
    except refusal as exc:
        return None, exc
