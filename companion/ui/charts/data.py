"""The line chart's data made ready to draw, in plain numbers: no PySide6 here.

(tests/test_layering.py imports this module with no Qt loaded.)

``prepare`` sorts a series, culls it to the visible x range (keeping one
neighbour outside at each end, so a line runs to the edge) and splits it into
runs at gaps; ``line_chunks`` and ``dot_indices`` choose which points are drawn
once they are in pixels (with more points than pixel columns a line keeps the
first, lowest, highest and last point of each 2-pixel column and points keep
one per 2-pixel cell), and ``band_outline`` culls a band to the range.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from companion.ui.charts.model import Band, Marker, Series

CHUNK = 40  # points per polyline piece: wide antialiased strokes cost far more in one piece


@dataclass(frozen=True)
class Prepared:
    """One series sorted and culled to the x range, with the runs its line draws."""

    series: Series
    xs: list[float]  # every kept x, one neighbour outside the range at each end for the line
    ys: list[float]
    inside: tuple[int, int]  # [first, last) indices of the points inside the range
    runs: list[tuple[int, int]]  # [first, last] index pairs joined by the line


def prepare(series: Series, x_range: tuple[float, float], gap: float) -> Prepared:
    points = series.points
    if any(a[0] > b[0] for a, b in pairwise(points)):
        points = tuple(sorted(points, key=lambda p: p[0]))
    all_xs = [p[0] for p in points]
    lo = bisect_left(all_xs, x_range[0])
    hi = bisect_right(all_xs, x_range[1])
    start, stop = max(lo - 1, 0), min(hi + 1, len(points))
    xs = all_xs[start:stop]
    ys = [p[1] for p in points[start:stop]]
    runs: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(xs) + 1):
        if i == len(xs) or xs[i] - xs[i - 1] > gap:
            runs.append((first, i - 1))
            first = i
    return Prepared(series, xs, ys, (lo - start, hi - start), runs if xs else [])


def values_at(prepared: Sequence[Prepared], x: float) -> list[tuple[Prepared, float]]:
    """Each series' value at exactly x (within 1e-9), for those that have a point there."""
    found = []
    for p in prepared:
        first, last = p.inside
        i = bisect_left(p.xs, x - 1e-9, first, last)
        if i < last and abs(p.xs[i] - x) <= 1e-9:
            found.append((p, p.ys[i]))
    return found


def cursor_stops(prepared: Sequence[Prepared], markers: Sequence[Marker]) -> list[float]:
    """The x positions the keyboard cursor steps between: points inside the range, markers."""
    positions: set[float] = {m.x for m in markers}
    for p in prepared:
        positions.update(p.xs[p.inside[0] : p.inside[1]])
    return sorted(positions)


def decimate(
    px: Sequence[float], py: Sequence[float], first: int, last: int, column_px: float = 2.0
) -> list[int]:
    """Indices keeping the first, lowest, highest and last point of each column of pixels.

    Past a point or two per pixel a line is an envelope; this keeps its outline exactly
    and drops what is hidden inside it (thousands of points become a few per column).
    """
    out: list[int] = []
    column = math.floor(px[first] / column_px)
    start = low = high = end = first
    for i in range(first + 1, last + 1):
        here = math.floor(px[i] / column_px)
        if here != column:
            out.extend(sorted({start, low, high, end}))
            column, start, low, high, end = here, i, i, i, i
            continue
        end = i
        if py[i] < py[low]:
            low = i
        elif py[i] > py[high]:
            high = i
    out.extend(sorted({start, low, high, end}))
    return out


def line_chunks(
    px: list[float], py: list[float], runs: list[tuple[int, int]], width: float
) -> tuple[list[list[int]], list[int]]:
    """Polylines as pieces of CHUNK points (sharing ends), and the indices of one-point runs."""
    pieces: list[list[int]] = []
    lonely: list[int] = []
    for first, last in runs:
        if first == last:
            lonely.append(first)
            continue
        if last - first > width:
            kept = decimate(px, py, first, last)
        else:
            kept = list(range(first, last + 1))
        for start in range(0, len(kept) - 1, CHUNK):
            pieces.append(kept[start : start + CHUNK + 1])
    return pieces, lonely


def dot_indices(
    px: list[float], py: list[float], indices: Sequence[int], width: float
) -> Sequence[int]:
    """Points to draw; when there are more than pixel columns, one per pixel."""
    if len(indices) <= width:
        return indices
    seen: dict[tuple[int, int], int] = {}
    for i in indices:  # a 2 px grid: invisible under 5 px dots, and far fewer of them
        seen.setdefault((int(px[i]) >> 1, int(py[i]) >> 1), i)
    return list(seen.values())


def band_outline(band: Band, x_range: tuple[float, float]) -> list[tuple[float, float]]:
    """The band's edge as one closed outline in data units: its top left to right, then
    its bottom back, culled to the range with one neighbour outside at each end."""
    points = sorted(band.points)
    xs = [p[0] for p in points]
    lo = max(bisect_left(xs, x_range[0]) - 1, 0)
    hi = min(bisect_right(xs, x_range[1]) + 1, len(points))
    kept = points[lo:hi]
    upper = [(x, high) for x, _low, high in kept]
    lower = [(x, low) for x, low, _high in reversed(kept)]
    return upper + lower


def two_lines(text: str) -> str:
    """Break a label once: after a colon if it has one, else at the space nearest the middle."""
    if ": " in text:
        head, tail = text.split(": ", 1)
        return f"{head}:\n{tail}"
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


def interpolate(xs: Sequence[float], ys: Sequence[float], x: float) -> float:
    """ys at x along the polyline (xs sorted), held flat past either end."""
    i = bisect_left(xs, x)
    if i <= 0:
        return ys[0]
    if i >= len(xs):
        return ys[-1]
    x0, x1 = xs[i - 1], xs[i]
    share = (x - x0) / (x1 - x0) if x1 > x0 else 0.0
    return ys[i - 1] + (ys[i] - ys[i - 1]) * share


def segment_meets(
    a: tuple[float, float], b: tuple[float, float], rect: tuple[float, float, float, float]
) -> bool:
    """Whether the segment a-b crosses rect (left, top, right, bottom): Liang-Barsky clipping."""
    left, top, right, bottom = rect
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, a[0] - left),
        (dx, right - a[0]),
        (-dy, a[1] - top),
        (dy, bottom - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return False
    return True
