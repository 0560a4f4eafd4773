"""Axis numbers and labels: tick steps, number formatting, which labels fit. No PySide6 here.

(tests/test_layering.py imports this module with no Qt loaded.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise


def format_number(value: float) -> str:
    """2000 -> "2,000", 4.0 -> "4", 4.25 -> "4.2" (one decimal at most)."""
    if math.isclose(value, round(value), abs_tol=1e-9):
        return f"{round(value):,}"
    return f"{value:,.1f}"


def nice_ticks(top: float, most: int = 6) -> tuple[float, ...]:
    """0 and round steps (1, 2, 2.5 or 5 times a power of ten) up to ``top``."""
    if top <= 0:
        return (0.0,)
    magnitude = 10 ** math.floor(math.log10(top / most))
    step = magnitude * 10
    for m in (1, 2, 2.5, 5, 10):
        if top / (m * magnitude) <= most:
            step = m * magnitude
            break
    count = math.floor(top / step + 1e-9)
    return tuple(i * step for i in range(count + 1))


def thin_labels(
    centres: Sequence[float], sizes: Sequence[float], gap: float, low: float, high: float
) -> list[tuple[int, float]]:
    """Which labels to draw so none overlap or leave [low, high]: every k-th, smallest k.

    ``centres`` are sorted label centres along one axis and ``sizes`` their
    extents; returns (index, start) pairs, a label near an edge pushed inside.
    """
    count = len(centres)
    for step in range(1, count + 1):
        kept: list[tuple[int, float]] = []
        end = -math.inf
        for i in range(0, count, step):
            size = sizes[i]
            if size > high - low:
                kept = []
                break
            start = min(max(centres[i] - size / 2, low), high - size)
            if start < end + gap:
                kept = []
                break
            kept.append((i, start))
            end = start + size
        if kept:
            return kept
    return []


def line_y_ticks(y_ticks: Sequence[float], y_range: tuple[float, float]) -> list[tuple[float, str]]:
    """The line chart's y ticks inside its range, as (share of the height from the bottom, text)."""
    y0, y1 = y_range
    ticks = sorted(v for v in y_ticks if y0 <= v <= y1)
    return [((v - y0) / (y1 - y0), format_number(v)) for v in ticks]


def bar_y_ticks(y_max: float) -> list[tuple[float, str]]:
    """The bar chart's y ticks: round steps from 0 up to ``y_max``, as (share, text)."""
    return [(v / y_max, format_number(v)) for v in nice_ticks(y_max)]


def x_name(
    x: float, x_names: Sequence[tuple[float, str]], x_ticks: Sequence[tuple[float, str]]
) -> str:
    """What the cursor calls position x: its name in ``x_names``, else the nearest tick's
    label within half the tick spacing (a label names what is around it, like a day's
    ratings around its midday tick), else x itself."""
    for at, name in x_names:
        if abs(at - x) <= 1e-9:
            return name
    ticks = sorted(x_ticks)
    if ticks:
        at, label = min(ticks, key=lambda t: abs(t[0] - x))
        spacing = min((b[0] - a[0] for a, b in pairwise(ticks) if b[0] > a[0]), default=0.0)
        if abs(at - x) <= 1e-9 or abs(at - x) <= spacing / 2:
            return label
    return format_number(x)
