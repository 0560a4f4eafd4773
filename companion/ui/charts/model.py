"""What a chart draws, as plain data: no PySide6 here (tests/test_layering.py checks it).

Frozen dataclasses built by a presenter and handed to ``LineChart.set_model``
or ``BarChart.set_model``: ``Series``, ``Band``, ``Marker``, ``Highlight``,
``LineChartModel``, ``Bar``, ``BarChartModel``; and the marker vocabulary.

The marker kinds that are treatments are the therapy timer's names, as therapy
sessions are stored (``TimerKind``), with the cold soak and the warm bath drawn
as one "bath"; the activities are ``ActivityKind``'s. Only the order (the
legend's and the stacking order) and the chart's own kinds (routine, bath,
other) are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from companion.domain.activity import ActivityKind
from companion.domain.therapy_timer import TimerKind
from companion.domain.translatable import QT_TRANSLATE_NOOP

SeriesStyle = Literal["points", "line", "points+line"]
STYLES: tuple[str, ...] = ("points", "line", "points+line")
ROLES: tuple[str, ...] = ("primary", "secondary", "left", "right", "muted")

# -- the marker vocabulary ---------------------------------------------------------------------

ROUTINE = "routine"  # a routine run: the chart's own kind
ICE = TimerKind.ICE.value
HEAT = TimerKind.HEAT.value
CONTRAST = TimerKind.CONTRAST.value
BATH = "bath"  # TimerKind.COLD_BATH and TimerKind.WARM_BATH share one glyph
RUN = ActivityKind.RUN.value
LEG_DAY = ActivityKind.LEG_DAY.value
OTHER = "other"  # any kind not listed here (ActivityKind.OTHER is spelled the same)

# Legend and stacking order. Unknown kinds are drawn (and listed) as "other".
MARKER_KINDS: tuple[str, ...] = (ROUTINE, ICE, HEAT, CONTRAST, BATH, RUN, LEG_DAY, OTHER)
MARKER_NAMES: dict[str, str] = {  # translated where shown, in the "Chart" context
    ROUTINE: QT_TRANSLATE_NOOP("Chart", "Routine"),
    ICE: QT_TRANSLATE_NOOP("Chart", "Ice"),
    HEAT: QT_TRANSLATE_NOOP("Chart", "Heat"),
    CONTRAST: QT_TRANSLATE_NOOP("Chart", "Contrast"),
    BATH: QT_TRANSLATE_NOOP("Chart", "Bath"),
    RUN: QT_TRANSLATE_NOOP("Chart", "Run"),
    LEG_DAY: QT_TRANSLATE_NOOP("Chart", "Leg day"),
    OTHER: QT_TRANSLATE_NOOP("Chart", "Other"),
}
NOTHING_LOGGED = QT_TRANSLATE_NOOP("Chart", "Nothing logged in this period.")


def check_range(name: str, bounds: tuple[float, float]) -> None:
    if not bounds[0] < bounds[1]:
        raise ValueError(f"{name} must run from low to high, got {bounds}")


# -- the line chart's model --------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    name: str  # legend text, e.g. "On movement"
    points: tuple[tuple[float, float], ...]  # (x, y); x in the chart's x units
    style: SeriesStyle = "line"
    role: str = "primary"  # colour role: one of ROLES
    dashed: bool = False

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown series style {self.style!r}; known: {STYLES}")
        if self.role not in ROLES:
            raise ValueError(f"unknown colour role {self.role!r}; known: {ROLES}")


@dataclass(frozen=True)
class Band:
    """A shaded area, e.g. the typical soreness course after a run."""

    label: str  # drawn inside the band and in the legend; "" for neither
    points: tuple[tuple[float, float, float], ...]  # (x, low, high)

    def __post_init__(self) -> None:
        for x, low, high in self.points:
            if low > high:
                raise ValueError(f"band point at x={x} has low {low} above high {high}")


@dataclass(frozen=True)
class Marker:
    """An event on the time axis: routine, ice, heat, contrast, bath, run, leg day."""

    x: float
    kind: str  # one of MARKER_KINDS; anything else is drawn as "other"
    label: str  # tooltip and accessible text, neutral wording ("Ice logged, 15 min")

    @property
    def glyph(self) -> str:
        return self.kind if self.kind in MARKER_NAMES else OTHER


@dataclass(frozen=True)
class Highlight:
    """An x span drawn with a soft warning tint, e.g. left and right differ by 3 or more."""

    x0: float
    x1: float
    label: str

    def __post_init__(self) -> None:
        if self.x0 > self.x1:
            raise ValueError(f"highlight runs backwards: {self.x0} > {self.x1}")


@dataclass(frozen=True)
class LineChartModel:
    title: str
    x_range: tuple[float, float]
    y_range: tuple[float, float] = (0, 10)
    x_ticks: tuple[tuple[float, str], ...] = ()  # (x, label), e.g. day labels "3 Nov"
    y_ticks: tuple[float, ...] = (0, 2, 4, 6, 8, 10)
    y_label: str = ""
    series: tuple[Series, ...] = ()
    bands: tuple[Band, ...] = ()
    markers: tuple[Marker, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    empty_text: str = NOTHING_LOGGED  # a model from a presenter gives its own, translated
    description: str = ""  # a plain-words summary used as the accessible description
    gap: float = 3.0  # no line joins neighbours further apart than this (x units)
    # Names of x positions for the keyboard cursor, e.g. (3.8, "Tue 4 Nov, evening").
    # Without one the cursor names an x by the nearest tick within half a tick's spacing.
    x_names: tuple[tuple[float, str], ...] = ()

    def __post_init__(self) -> None:
        check_range("x_range", self.x_range)
        check_range("y_range", self.y_range)
        if self.gap <= 0:
            raise ValueError(f"gap must be positive, got {self.gap}")

    def has_points(self) -> bool:
        """True if any series has a point inside the x range."""
        x0, x1 = self.x_range
        return any(x0 <= x <= x1 for s in self.series for x, _y in s.points)


# -- the bar chart's model ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    x: float
    value: float
    label: str  # tooltip and cursor text, e.g. "Mon 3 Nov: 1,850 mL"
    met: bool  # reached the goal that day


@dataclass(frozen=True)
class BarChartModel:
    title: str
    x_range: tuple[float, float]
    bars: tuple[Bar, ...]
    goal: float | None  # drawn as a dashed horizontal line with its label
    y_max: float
    x_ticks: tuple[tuple[float, str], ...] = ()
    unit: str = "mL"
    empty_text: str = NOTHING_LOGGED  # a model from a presenter gives its own, translated
    description: str = ""

    def __post_init__(self) -> None:
        check_range("x_range", self.x_range)
        if self.y_max <= 0:
            raise ValueError(f"y_max must be positive, got {self.y_max}")

    def visible_bars(self) -> tuple[Bar, ...]:
        x0, x1 = self.x_range
        return tuple(sorted((b for b in self.bars if x0 <= b.x <= x1), key=lambda b: b.x))


# -- the legend --------------------------------------------------------------------------------

LegendKind = Literal["line", "points", "points+line", "band", "highlight", "bar", "goal", "marker"]


@dataclass(frozen=True)
class LegendEntry:
    label: str
    kind: LegendKind
    key: str  # colour role, marker kind, or "met" / "unmet"
    dashed: bool = False
