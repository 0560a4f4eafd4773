"""What the History screen shows, as plain data: the period, the charts' content and
the cards. No PySide6 here, and no widgets: the screen turns a ``SorenessChart`` or a
``WaterChart`` into its chart widgets' models (``companion.ui.history.chart_models``).

The chart pieces carry the fields the chart models have, under the same names, so
the screen copies them across one for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from companion.domain.clock import elapsed
from companion.domain.history import Episode
from companion.domain.translatable import QT_TRANSLATE_NOOP

# The periods offered, (label, days; None for all of it), translated where shown.
RANGES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("HistoryPresenter", "2 weeks"), 14),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "30 days"), 30),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "3 months"), 91),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "1 year"), 365),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "All"), None),
)
DEFAULT_RANGE = 1

SeriesStyle = Literal["points", "line", "points+line"]


def day_month(day: date) -> str:
    """'5 Jun': the day of the month without a leading zero (strftime's dash flag is glibc-only)."""
    return f"{day.day} {day:%b}"


def weekday_day_month(day: date) -> str:
    """'Fri 5 Jun'."""
    return f"{day:%a} {day_month(day)}"


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, moment: datetime, zone: tzinfo) -> float:
        """Days (with the time of day as a fraction) since the start of the period."""
        local = moment.astimezone(zone)
        start = datetime.combine(self.first, time(0), tzinfo=zone)
        return elapsed(start, local).total_seconds() / 86400

    def ticks(self) -> tuple[tuple[float, str], ...]:
        step = max(1, self.days // 10)
        if self.days > 120:
            # Month starts for long ranges.
            out = []
            day = self.first.replace(day=1)
            years = self.days > 731  # over two years: a tick a year, named by its year
            while day <= self.last:
                if day >= self.first and (day.month == 1 or not years):
                    if years:
                        label = day.strftime("%Y")
                    else:
                        label = day.strftime("%b %Y") if day.month == 1 else day.strftime("%b")
                    out.append(((day - self.first).days + 0.0, label))
                day = (day + timedelta(days=32)).replace(day=1)
            return tuple(out)
        return tuple(
            ((d + 0.5), day_month(self.first + timedelta(days=d)))
            for d in range(0, self.days, step)
        )


# -- the charts' content ----------------------------------------------------------------------
@dataclass(frozen=True)
class ChartSeries:
    """Ratings as points or a line: ``name`` is the legend's text."""

    name: str
    points: tuple[tuple[float, float], ...]  # (x, y)
    style: SeriesStyle = "line"
    role: str = "primary"  # the chart's colour role: primary, secondary, left, right
    dashed: bool = False


@dataclass(frozen=True)
class ChartBand:
    """A shaded course (the typical pattern after exercise); ``label`` "" for none."""

    label: str
    points: tuple[tuple[float, float, float], ...]  # (x, low, high)


@dataclass(frozen=True)
class ChartMarker:
    """Something logged, on the time axis: its kind (``Event.kind``) and neutral words."""

    x: float
    kind: str
    label: str


@dataclass(frozen=True)
class ChartHighlight:
    """A shaded x span (left and right far apart) with its words."""

    x0: float
    x1: float
    label: str


@dataclass(frozen=True)
class SorenessChart:
    """A line chart of soreness 0-10. ``empty_text`` None: the chart's own words."""

    title: str
    x_range: tuple[float, float]
    x_ticks: tuple[tuple[float, str], ...] = ()
    y_label: str = ""
    series: tuple[ChartSeries, ...] = ()
    bands: tuple[ChartBand, ...] = ()
    markers: tuple[ChartMarker, ...] = ()
    highlights: tuple[ChartHighlight, ...] = ()
    empty_text: str | None = None
    description: str = ""
    gap: float | None = None  # no line joins points further apart; None: the chart's own
    x_names: tuple[tuple[float, str], ...] = ()  # the keyboard cursor's names of x positions


@dataclass(frozen=True)
class WaterBar:
    x: float
    value: float  # in the chart's unit (mL, or fl oz in US units)
    label: str
    met: bool  # reached the goal


@dataclass(frozen=True)
class WaterChart:
    title: str
    x_range: tuple[float, float]
    bars: tuple[WaterBar, ...]
    goal: float | None
    y_max: float
    x_ticks: tuple[tuple[float, str], ...]
    unit: str
    empty_text: str
    description: str


# -- the cards --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegionView:
    chart: SorenessChart
    sides: SorenessChart | None  # left and right of a pair
    summary: str
    sides_summary: str


@dataclass(frozen=True)
class EpisodeCard:
    title: str
    lines: tuple[str, ...]
    episode: Episode
