"""Where event markers go under the plot, in plain numbers: no PySide6 here.

(tests/test_layering.py imports this module with no Qt loaded.)

Markers closer than a glyph share a column, one glyph per kind in each. With
few kinds each keeps its own row ("lane": runs on one line, ice on the next);
with more, the kinds at each x stack from the top and the overflow shows as
"more".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from companion.ui.charts.model import MARKER_KINDS, Marker

GLYPH = 10.0  # a marker glyph's box, in pixels
ROW = GLYPH + 3  # one stacked marker row
SLOT = GLYPH + 3  # markers closer than this share a column
MAX_LANES = 4  # up to this many kinds present: one fixed row ("lane") per kind
MAX_STACK = 3  # else kinds stack at each x, in this many rows at most, the last one "more"
MORE = "more"  # the glyph of a stack's overflow


@dataclass
class MarkerColumn:
    px: float
    glyphs: list[tuple[int, str, tuple[Marker, ...]]]  # row, kind (or "more"), its markers

    @property
    def depth(self) -> int:
        return max((row + 1 for row, _k, _m in self.glyphs), default=0)


def markers_in_range(markers: Sequence[Marker], x_range: tuple[float, float]) -> list[Marker]:
    """The markers inside the x range, sorted by x."""
    x0, x1 = x_range
    return sorted((m for m in markers if x0 <= m.x <= x1), key=lambda m: m.x)


def marker_columns(
    markers: Sequence[Marker], x_range: tuple[float, float], horizontal: tuple[float, float]
) -> list[MarkerColumn]:
    """Markers (inside the range, sorted by x) gathered into columns at least a glyph apart,
    for a plot running from pixel ``horizontal[0]`` to ``horizontal[1]``."""
    x0, x1 = x_range
    left, right = horizontal
    scale = (right - left) / (x1 - x0)
    kinds = [m.glyph for m in markers]
    present = [k for k in MARKER_KINDS if k in set(kinds)]
    lanes = {k: i for i, k in enumerate(present)} if len(present) <= MAX_LANES else None
    pxs = [left + (m.x - x0) * scale for m in markers]
    columns: list[MarkerColumn] = []
    first = 0
    for i in range(1, len(pxs) + 1):
        if i < len(pxs) and pxs[i] - pxs[first] < SLOT:
            continue
        by_kind: dict[str, list[Marker]] = {}
        for j in range(first, i):
            by_kind.setdefault(kinds[j], []).append(markers[j])
        here = [k for k in MARKER_KINDS if k in by_kind]
        if lanes is not None:
            glyphs = [(lanes[k], k, tuple(by_kind[k])) for k in here]
        else:
            glyphs = [(row, k, tuple(by_kind[k])) for row, k in enumerate(here)]
            if len(glyphs) > MAX_STACK:
                rest = tuple(m for _r, _k, ms in glyphs[MAX_STACK - 1 :] for m in ms)
                glyphs = [*glyphs[: MAX_STACK - 1], (MAX_STACK - 1, MORE, rest)]
        columns.append(MarkerColumn((pxs[first] + pxs[i - 1]) / 2, glyphs))
        first = i
    return columns
