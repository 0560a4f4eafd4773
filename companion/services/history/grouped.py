"""Soreness and what was logged, week by week or month by month, for long periods.
No PySide6 here.

Each week (or month) with ratings gives one point for its highest rating on
movement, and a line through the average of its ratings on movement and at
rest; what was logged in it becomes one marker per kind ("Week of 2 Mar 2026:
3 ice sessions logged"). The grain is ``buckets.grain_for``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from companion.domain.history import Reading
from companion.domain.translatable import Translate
from companion.services.history.buckets import Bucket, BucketIndex, Grain
from companion.services.history.views import ChartMarker, ChartSeries
from companion.storage.history import Event

GAP_BUCKETS = 1.6  # no line joins points more than one empty week (or month) apart


@dataclass(frozen=True)
class Grouped:
    series: tuple[ChartSeries, ...]
    markers: tuple[ChartMarker, ...]
    x_names: tuple[tuple[float, str], ...]
    gap: float  # in days


def _logged(kind: str, n: int, translate: Translate) -> str:
    words: dict[str, Callable[[], str]] = {
        "ice": lambda: translate("HistoryPresenter", "%n ice session(s)", None, n),
        "heat": lambda: translate("HistoryPresenter", "%n heat session(s)", None, n),
        "contrast": lambda: translate("HistoryPresenter", "%n contrast session(s)", None, n),
        "bath": lambda: translate("HistoryPresenter", "%n bath(s)", None, n),
        "run": lambda: translate("HistoryPresenter", "%n run(s)", None, n),
        "leg_day": lambda: translate("HistoryPresenter", "%n leg day(s)", None, n),
        "long_standing": lambda: translate("HistoryPresenter", "%n long day(s) on feet", None, n),
        "routine": lambda: translate("HistoryPresenter", "%n routine(s)", None, n),
    }
    if kind in words:
        return words[kind]()
    return translate("HistoryPresenter", "%n other activity(ies)", None, n)


def grouped(
    spans: Sequence[Bucket],
    readings: Sequence[Reading],
    events: Sequence[Event],
    zone: tzinfo,
    translate: Translate,
) -> Grouped:
    """``readings`` (one region's) and ``events`` gathered into ``spans``."""
    index = BucketIndex(spans)
    moves: list[list[int]] = [[] for _ in spans]
    rests: list[list[int]] = [[] for _ in spans]
    for r in readings:
        i = index.of(r.day)
        if i is not None:
            moves[i].append(r.on_movement)
            rests[i].append(r.at_rest)
    peak, move, rest = [], [], []
    for span, m, s in zip(spans, moves, rests, strict=True):
        if m:
            peak.append((span.x, float(max(m))))
            move.append((span.x, sum(m) / len(m)))
            rest.append((span.x, sum(s) / len(s)))
    grain = spans[0].grain if spans else Grain.WEEK
    if grain is Grain.MONTH:
        highest = translate("HistoryPresenter", "On movement, highest in the month")
        moving = translate("HistoryPresenter", "On movement, month's average")
        resting = translate("HistoryPresenter", "At rest, month's average")
    else:
        highest = translate("HistoryPresenter", "On movement, highest in the week")
        moving = translate("HistoryPresenter", "On movement, week's average")
        resting = translate("HistoryPresenter", "At rest, week's average")
    series = (
        ChartSeries(highest, tuple(peak), "points", "primary"),
        ChartSeries(moving, tuple(move), "line", "primary"),
        ChartSeries(resting, tuple(rest), "line", "secondary", True),
    )
    counts: dict[tuple[int, str], int] = {}
    for e in events:
        i = index.of(e.at.astimezone(zone).date())
        if i is not None:
            counts[i, e.kind] = counts.get((i, e.kind), 0) + 1
    names = [span.name(translate) for span in spans]
    markers = tuple(
        ChartMarker(
            spans[i].x,
            kind,
            translate("HistoryPresenter", "%s: %s logged")
            % (names[i], _logged(kind, n, translate)),
        )
        for (i, kind), n in sorted(counts.items())
    )
    length = 30.4 if grain is Grain.MONTH else 7.0
    x_names = tuple((span.x, name) for span, name in zip(spans, names, strict=True))
    return Grouped(series, markers, x_names, GAP_BUCKETS * length)
