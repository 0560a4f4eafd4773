"""How finely a period is charted: by day, by week or by month. No PySide6 here.

One rule for every History chart (soreness and water alike): a period of up to
``DAILY_UP_TO`` days shows each day; up to ``WEEKLY_UP_TO`` days, a point (or bar)
per calendar week, Monday to Sunday; beyond that, one per calendar month. Over
five years that is about 60 points where day by day would be 1,800, which no
screen can show apart.

A ``Bucket`` is one such span cut to the period (the first and last weeks or
months may be partial), with its place on the chart's x axis (days since the
period's first day, the span's middle) and its name in words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from companion.domain.translatable import Translate
from companion.services.history.views import Period, day_month

DAILY_UP_TO = 120  # days: up to about 4 months, a point a day (3 months is 91)
WEEKLY_UP_TO = 731  # days: up to 2 years, a point a week; longer, a point a month


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def grain_for(days: int) -> Grain:
    """The grain of a period ``days`` long (the rule above)."""
    if days <= DAILY_UP_TO:
        return Grain.DAY
    if days <= WEEKLY_UP_TO:
        return Grain.WEEK
    return Grain.MONTH


@dataclass(frozen=True)
class Bucket:
    first: date  # inside the period
    last: date
    grain: Grain
    x: float  # the middle of the span, in days since the period's first day

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def name(self, translate: Translate) -> str:
        """ "Tue 3 Mar 2026", "Week of 2 Mar 2026" or "March 2026"."""
        if self.grain is Grain.DAY:
            return f"{self.first:%a} {day_month(self.first)} {self.first.year}"
        if self.grain is Grain.WEEK:
            start = self.first - timedelta(days=self.first.weekday())
            return translate("HistoryPresenter", "Week of %s") % (
                f"{day_month(start)} {start.year}"
            )
        return f"{self.first:%B %Y}"


def _start(day: date, grain: Grain) -> date:
    if grain is Grain.WEEK:
        return day - timedelta(days=day.weekday())
    if grain is Grain.MONTH:
        return day.replace(day=1)
    return day


def _next(day: date, grain: Grain) -> date:
    if grain is Grain.WEEK:
        return day + timedelta(days=7)
    if grain is Grain.MONTH:
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def buckets(period: Period, grain: Grain | None = None) -> tuple[Bucket, ...]:
    """The period's days, weeks or months (``grain``; by default the rule's), oldest first,
    the first and last cut to the period."""
    grain = grain or grain_for(period.days)
    out: list[Bucket] = []
    start = _start(period.first, grain)
    while start <= period.last:
        following = _next(start, grain)
        first, last = max(start, period.first), min(following - timedelta(days=1), period.last)
        middle = (first - period.first).days + ((last - first).days + 1) / 2
        out.append(Bucket(first, last, grain, middle))
        start = following
    return tuple(out)


class BucketIndex:
    """Which bucket a day falls in, by bisecting the buckets' first days."""

    def __init__(self, spans: Sequence[Bucket]) -> None:
        self.spans = tuple(spans)
        self._firsts = [b.first for b in self.spans]

    def of(self, day: date) -> int | None:
        """The index of the bucket holding ``day``; None outside them all."""
        i = bisect_right(self._firsts, day) - 1
        if i < 0 or day > self.spans[i].last:
            return None
        return i
