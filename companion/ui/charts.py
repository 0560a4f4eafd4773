"""Line and bar charts for the History screen, painted with QPainter in the palette's colours.

What to draw is plain data: frozen dataclasses with no Qt in them (``Series``,
``Band``, ``Marker``, ``Highlight``, ``LineChartModel``, ``Bar``,
``BarChartModel``), built by a presenter and handed to ``LineChart.set_model``
or ``BarChart.set_model``. The widgets paint them; they hold no rules.

Speed: ``set_model`` sorts, culls to the visible x range and splits lines at
gaps once. The pixel geometry (polylines in short pieces, points, marker
glyphs, bars) is built once per widget size and font; the line chart's data
is then painted once into a pixmap per size and palette, so hovering, the
cursor and focus repaint in about a millisecond. With more points than pixel
columns a line keeps the first, lowest, highest and last point of each
2-pixel column and points keep one per 2-pixel cell: what is drawn looks the
same and years of data draw about as fast as a fortnight.

Keyboard: Tab into a chart; Left and Right step a cursor between the x
positions that have data (Home and End jump to the ends, Escape hides it).
The values at the cursor show in a small label inside the chart and lead the
accessible description. Hovering a marker or a bar shows its label.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from companion.domain.translatable import QT_TRANSLATE_NOOP

# -- the models: plain data ------------------------------------------------------------------

SeriesStyle = Literal["points", "line", "points+line"]
STYLES: tuple[str, ...] = ("points", "line", "points+line")
ROLES: tuple[str, ...] = ("primary", "secondary", "left", "right", "muted")
# Legend and stacking order. Unknown kinds are drawn (and listed) as "other".
MARKER_KINDS: tuple[str, ...] = (
    "routine",
    "ice",
    "heat",
    "contrast",
    "bath",
    "run",
    "leg_day",
    "other",
)
MARKER_NAMES: dict[str, str] = {  # translated where shown, in the "Chart" context
    "routine": QT_TRANSLATE_NOOP("Chart", "Routine"),
    "ice": QT_TRANSLATE_NOOP("Chart", "Ice"),
    "heat": QT_TRANSLATE_NOOP("Chart", "Heat"),
    "contrast": QT_TRANSLATE_NOOP("Chart", "Contrast"),
    "bath": QT_TRANSLATE_NOOP("Chart", "Bath"),
    "run": QT_TRANSLATE_NOOP("Chart", "Run"),
    "leg_day": QT_TRANSLATE_NOOP("Chart", "Leg day"),
    "other": QT_TRANSLATE_NOOP("Chart", "Other"),
}
NOTHING_LOGGED = QT_TRANSLATE_NOOP("Chart", "Nothing logged in this period.")


def _check_range(name: str, bounds: tuple[float, float]) -> None:
    if not bounds[0] < bounds[1]:
        raise ValueError(f"{name} must run from low to high, got {bounds}")


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
        return self.kind if self.kind in MARKER_NAMES else "other"


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
        _check_range("x_range", self.x_range)
        _check_range("y_range", self.y_range)
        if self.gap <= 0:
            raise ValueError(f"gap must be positive, got {self.gap}")

    def has_points(self) -> bool:
        """True if any series has a point inside the x range."""
        x0, x1 = self.x_range
        return any(x0 <= x <= x1 for s in self.series for x, _y in s.points)


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
        _check_range("x_range", self.x_range)
        if self.y_max <= 0:
            raise ValueError(f"y_max must be positive, got {self.y_max}")

    def visible_bars(self) -> tuple[Bar, ...]:
        x0, x1 = self.x_range
        return tuple(sorted((b for b in self.bars if x0 <= b.x <= x1), key=lambda b: b.x))

    def goal_text(self) -> str:
        if self.goal is None:
            return ""
        return (
            QCoreApplication.translate("Chart", "Goal %s %s")
            % (format_number(self.goal), self.unit)
        ).strip()


# -- pure helpers ------------------------------------------------------------------------------


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


def _decimate(
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


# -- colours -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartColours:
    """What a chart paints with, from the widget's palette and its lightness."""

    dark: bool
    text: QColor
    muted: QColor
    grid: QColor
    axis: QColor
    base: QColor
    accent: QColor
    roles: dict[str, QColor]
    markers: dict[str, QColor]
    band: QColor
    band_edge: QColor
    highlight: QColor
    highlight_edge: QColor
    bar_met: QColor
    bar_unmet: QColor


# Role and marker colours chosen to read on the light base (#ffffff) and the dark one (#242a28).
_ROLE_HEX = {
    False: {"secondary": "#7048b8", "left": "#2563b0", "right": "#c4561b", "muted": "#7d8a85"},
    True: {"secondary": "#b79cf2", "left": "#78aef0", "right": "#f09a5b", "muted": "#93a09a"},
}
_MARKER_HEX = {
    False: {
        "ice": "#1f78c8",
        "heat": "#d9661f",
        "bath": "#13879a",
        "run": "#b5336f",
        "leg_day": "#8a6a12",
        "other": "#6b7772",
    },
    True: {
        "ice": "#7cc0f5",
        "heat": "#f5a05a",
        "bath": "#5fd0e0",
        "run": "#f08abd",
        "leg_day": "#d8b75a",
        "other": "#a3b0aa",
    },
}


def chart_colours(palette: QPalette) -> ChartColours:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    highlight = palette.color(QPalette.ColorRole.Highlight)
    # The palette's highlight carries white text, so in dark schemes it is too deep for a line.
    accent = highlight.lighter(140) if dark else highlight
    mid = palette.color(QPalette.ColorRole.Mid)
    roles = {"primary": accent} | {k: QColor(v) for k, v in _ROLE_HEX[dark].items()}
    markers = {"routine": accent} | {k: QColor(v) for k, v in _MARKER_HEX[dark].items()}
    return ChartColours(
        dark=dark,
        text=palette.color(QPalette.ColorRole.Text),
        muted=palette.color(QPalette.ColorRole.PlaceholderText),
        grid=palette.color(QPalette.ColorRole.Midlight),
        axis=mid.lighter(135) if dark else mid.darker(110),
        base=palette.color(QPalette.ColorRole.Base),
        accent=accent,
        roles=roles,
        markers=markers,
        band=QColor(168, 186, 206, 46) if dark else QColor(96, 118, 140, 40),
        band_edge=QColor(168, 186, 206, 110) if dark else QColor(96, 118, 140, 100),
        highlight=QColor(238, 178, 60, 44) if dark else QColor(240, 168, 30, 52),
        highlight_edge=QColor(238, 178, 60, 150) if dark else QColor(214, 140, 10, 170),
        bar_met=accent,
        bar_unmet=QColor("#56625e") if dark else QColor("#b4bfba"),
    )


# -- marker glyphs -----------------------------------------------------------------------------

GLYPH = 10.0  # a marker glyph's box, in pixels
ROW = GLYPH + 3  # one stacked marker row
SLOT = GLYPH + 3  # markers closer than this share a column
MAX_LANES = 4  # up to this many kinds present: one fixed row ("lane") per kind
MAX_STACK = 3  # else kinds stack at each x, in this many rows at most, the last one "more"


@dataclass(frozen=True)
class _GlyphPart:
    path: QPainterPath  # filled; strokes are turned into outlines when the glyph is built
    colour: str  # a key of ChartColours.markers, or "muted"


def _outline(path: QPainterPath, width: float = 1.7) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(path)


def _glyph_parts() -> dict[str, tuple[_GlyphPart, ...]]:
    r = GLYPH / 2 - 0.5
    triangle = QPainterPath()
    triangle.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
    triangle.closeSubpath()
    asterisk = QPainterPath()
    for angle in (90, 30, -30):
        dx, dy = r * math.cos(math.radians(angle)), r * math.sin(math.radians(angle))
        asterisk.moveTo(-dx, -dy)
        asterisk.lineTo(dx, dy)
    disc = QPainterPath()
    disc.addEllipse(QPointF(0, 0), r * 0.85, r * 0.85)
    left_half, right_half = QPainterPath(), QPainterPath()
    box = QRectF(-r * 0.9, -r * 0.9, r * 1.8, r * 1.8)
    left_half.moveTo(0, 0)
    left_half.arcTo(box, 90, 180)
    left_half.closeSubpath()
    right_half.moveTo(0, 0)
    right_half.arcTo(box, -90, 180)
    right_half.closeSubpath()
    wave = QPainterPath()
    for y in (-2.2, 2.2):
        wave.moveTo(-r, y)
        wave.cubicTo(-r / 2, y - 3, 0, y - 3, 0, y)
        wave.cubicTo(r / 2, y + 3, r, y + 3, r, y)
    chevron = QPainterPath()
    for dx in (-2.6, 1.4):
        chevron.moveTo(dx - 1.8, -r * 0.8)
        chevron.lineTo(dx + 1.8, 0)
        chevron.lineTo(dx - 1.8, r * 0.8)
    square = QPainterPath()
    square.addRoundedRect(QRectF(-r * 0.78, -r * 0.78, r * 1.56, r * 1.56), 1.5, 1.5)
    diamond = QPainterPath()
    diamond.addPolygon(
        QPolygonF([QPointF(0, -r), QPointF(r * 0.8, 0), QPointF(0, r), QPointF(-r * 0.8, 0)])
    )
    diamond.closeSubpath()
    more = QPainterPath()
    for dx in (-3.4, 0.0, 3.4):
        more.addEllipse(QPointF(dx, 0), 1.5, 1.5)
    return {
        "routine": (_GlyphPart(triangle, "routine"),),
        "ice": (_GlyphPart(_outline(asterisk), "ice"),),
        "heat": (_GlyphPart(disc, "heat"),),
        "contrast": (_GlyphPart(left_half, "heat"), _GlyphPart(right_half, "ice")),
        "bath": (_GlyphPart(_outline(wave), "bath"),),
        "run": (_GlyphPart(_outline(chevron, 1.9), "run"),),
        "leg_day": (_GlyphPart(square, "leg_day"),),
        "other": (_GlyphPart(_outline(diamond, 1.5), "other"),),
        "more": (_GlyphPart(more, "muted"),),
    }


_GLYPHS: dict[str, tuple[_GlyphPart, ...]] = {}


def glyph_parts(kind: str) -> tuple[_GlyphPart, ...]:
    """The glyph of a marker kind around (0, 0), built on first use (no Qt work at import)."""
    if not _GLYPHS:
        _GLYPHS.update(_glyph_parts())
    return _GLYPHS[kind if kind in _GLYPHS else "other"]


def _paint_glyph_parts(
    painter: QPainter, parts: Sequence[tuple[_GlyphPart, QPainterPath]], colours: ChartColours
) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for part, path in parts:
        painter.setBrush(colours.muted if part.colour == "muted" else colours.markers[part.colour])
        painter.drawPath(path)


SPRITE = 14  # a glyph's sprite, in pixels: the glyph and its antialiased edge


def _sprite(kind: str, colours: ChartColours, ratio: float) -> QPixmap:
    """A marker glyph painted once into a small pixmap: thousands of them blit cheaply."""
    sprite = QPixmap(math.ceil(SPRITE * ratio), math.ceil(SPRITE * ratio))
    sprite.setDevicePixelRatio(ratio)
    sprite.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sprite)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(SPRITE / 2, SPRITE / 2)
    _paint_glyph_parts(
        painter, [(p, p.path.translated(centre)) for p in glyph_parts(kind)], colours
    )
    painter.end()
    return sprite


# -- shared widget machinery -------------------------------------------------------------------

PAD = 8.0  # around everything; the focus frame is drawn inside it
SWATCH = 18.0
LEGEND_GAP = 16.0
PLOT_HEIGHT = 150.0  # the plot's natural height; the widget asks for room around it
CHUNK = 40  # points per polyline piece: wide antialiased strokes cost far more in one piece
LegendKind = Literal["line", "points", "points+line", "band", "highlight", "bar", "goal", "marker"]


@dataclass(frozen=True)
class _LegendEntry:
    label: str
    kind: LegendKind
    key: str  # colour role, marker kind, or "met" / "unmet"
    dashed: bool = False


@dataclass
class _Frame:
    """Where everything goes at one widget size, in pixels. Built once per size and font."""

    size: tuple[int, int]
    plot: QRectF
    title_at: QPointF | None = None
    legend: list[tuple[QPointF, _LegendEntry]] = field(default_factory=list)
    x_labels: list[tuple[float, QPointF, str]] = field(default_factory=list)
    y_labels: list[tuple[float, QPointF, str]] = field(default_factory=list)
    y_label_at: QPointF | None = None
    below: float = 0.0  # top of the marker row
    x_label_top: float = 0.0


def _scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(max(7.5, font.pointSizeF() * factor))
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(10, round(font.pixelSize() * factor)))
    scaled.setBold(bold)
    return scaled


class _ChartBase(QWidget):
    """Axes, legend, keyboard cursor, tooltips and focus frame shared by both charts."""

    def __init__(self, parent: QWidget | None = None, *, show_title: bool = True) -> None:
        super().__init__(parent)
        self.show_title = show_title
        self._frame: _Frame | None = None
        self._positions: list[float] = []  # x positions with data, sorted: the cursor's stops
        self._cursor: int | None = None
        self._hover = ""
        self._to_px = QTransform()  # data to widget pixels, set by _build
        self._legend_items: list[_LegendEntry] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 180)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Room for the title, the legend's rows at this width, the plot and the marker row."""
        y_ticks, y_label = self._y_axis()
        horizontal = self._margins([t for _f, t in y_ticks], y_label, width)
        empty = self._is_empty()
        below = 0.0 if empty else self._below_height(horizontal)
        line = QFontMetricsF(self._small_font()).height()
        top = self._title_bottom()
        if not empty:
            rows = self._flow_legend(self._legend_items, width, top, line + 4)
            if rows:
                top = max(at.y() for at, _e in rows) + line + 4
        return math.ceil(top + line / 2 + 4 + PLOT_HEIGHT + self._bottom_room(line, below))

    # -- subclass hooks -----------------------------------------------------------------------
    def _title(self) -> str:
        raise NotImplementedError

    def _description(self) -> str:
        raise NotImplementedError

    def _is_empty(self) -> bool:
        raise NotImplementedError

    def _empty_text(self) -> str:
        raise NotImplementedError

    def _y_axis(self) -> tuple[list[tuple[float, str]], str]:
        """The y ticks as (share of the height from the bottom, text), and the axis label."""
        raise NotImplementedError

    def _x_ticks(self) -> Sequence[tuple[float, str]]:
        raise NotImplementedError

    def _data_map(self, plot: QRectF) -> QTransform:
        """Data to widget pixels for this plot area."""
        raise NotImplementedError

    def _below_height(self, horizontal: tuple[float, float]) -> float:
        """Height of a row under the plot (the line chart's markers)."""
        return 0.0

    def _build_geometry(self, frame: _Frame) -> None:
        """Build the data's pixel geometry for a new frame."""
        raise NotImplementedError

    def _paint_chart(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        raise NotImplementedError

    def _cursor_lines(self, x: float) -> list[tuple[str, QColor | None]]:
        """The cursor label's lines (first is the heading) and each line's swatch colour."""
        raise NotImplementedError

    def _paint_cursor(
        self, painter: QPainter, frame: _Frame, colours: ChartColours, x: float
    ) -> None:
        raise NotImplementedError

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip for a widget position: a marker's or bar's label, or ""."""
        raise NotImplementedError

    # -- model plumbing -----------------------------------------------------------------------
    def _model_changed(self, positions: list[float], legend: list[_LegendEntry]) -> None:
        self._frame = None
        self._positions = positions
        self._legend_items = legend
        self._cursor = None
        self._hover = ""
        self.setAccessibleName(self._title())
        self.setAccessibleDescription(self._description())
        self.updateGeometry()
        self.update()

    def frame(self) -> _Frame:
        """The pixel geometry for the current size, built when the size or font changed."""
        size = (self.width(), self.height())
        if self._frame is None or self._frame.size != size:
            self._frame = self._build(*size)
        return self._frame

    def plot_rect(self) -> QRectF:
        return QRectF(self.frame().plot)

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Where the data point (x, y) is drawn, in widget pixels."""
        self.frame()
        return self._to_px.map(QPointF(x, y))

    def _x_to_px(self, x: float) -> float:
        return self.map_to_widget(x, 0).x()

    def _px_to_x(self, px: float) -> float:
        self.frame()
        inverse, _ok = self._to_px.inverted()
        return inverse.map(QPointF(px, 0)).x()

    # -- fonts and shared layout --------------------------------------------------------------
    def _small_font(self) -> QFont:
        return _scaled_font(self.font(), 0.9)

    def _title_font(self) -> QFont:
        return _scaled_font(self.font(), 1.0, bold=True)

    def _title_bottom(self) -> float:
        top = PAD + 2
        if self.show_title and self._title():
            top += QFontMetricsF(self._title_font()).height() + 6
        return top

    def _margins(self, y_texts: Sequence[str], y_label: str, width: int) -> tuple[float, float]:
        fm = QFontMetricsF(self._small_font())
        widest = max((fm.horizontalAdvance(t) for t in y_texts), default=0.0)
        left = PAD + 4 + (fm.height() + 6 if y_label else 0) + widest + 8
        return left, width - PAD - 10

    @staticmethod
    def _bottom_room(line: float, below: float) -> float:
        """From the plot's bottom edge to the widget's: marker row, x labels, padding.

        The x labels sit at least half a line down, so the bottom y label ("0") never
        meets the first of them.
        """
        return max(below + 4 if below else 0, line / 2 + 3) + line + PAD

    def _build(self, width: int, height: int) -> _Frame:
        y_ticks, y_label = self._y_axis()
        horizontal = self._margins([t for _f, t in y_ticks], y_label, width)
        below = self._below_height(horizontal)
        frame = self._layout((width, height), horizontal, y_ticks, y_label, below)
        self._to_px = self._data_map(frame.plot)
        self._place_x_labels(frame, self._x_ticks(), self._to_px)
        self._build_geometry(frame)
        return frame

    def _layout(
        self,
        size: tuple[int, int],
        horizontal: tuple[float, float],
        y_ticks: Sequence[tuple[float, str]],
        y_label: str,
        below: float,
    ) -> _Frame:
        """Title, legend rows, plot area, marker row, then tick labels, top to bottom."""
        width, height = size
        left, right = horizontal
        fm = QFontMetricsF(self._small_font())
        line = fm.height()
        frame = _Frame(size, QRectF())
        top = self._title_bottom()
        if self.show_title and self._title():
            frame.title_at = QPointF(PAD + 4, PAD + 2 + QFontMetricsF(self._title_font()).ascent())
        bottom_room = self._bottom_room(line, below)
        rows = self._flow_legend(self._legend_items, width, top, line + 4)
        # Never let the legend squeeze the plot below 60 px: drop the rows that do not fit.
        room = height - bottom_room - top - line / 2 - 4 - 60
        last_row = max(0, math.floor(room / (line + 4)))
        frame.legend = [(at, e) for at, e in rows if at.y() < top + last_row * (line + 4) - 1]
        if frame.legend:
            top = max(at.y() for at, _e in frame.legend) + line + 4
        plot_top = top + line / 2 + 4
        plot_bottom = max(plot_top + 20, height - bottom_room)
        frame.plot = QRectF(QPointF(left, plot_top), QPointF(right, plot_bottom))
        frame.below = plot_bottom + 5
        frame.x_label_top = plot_bottom + self._bottom_room(line, below) - line - PAD
        if y_label:
            frame.y_label_at = QPointF(PAD + 4 + line / 2, frame.plot.center().y())
        # y tick labels thinned so they never touch, counted from the bottom one (the baseline);
        # thin_labels works upwards here on negated positions.
        ys = [plot_bottom - f * frame.plot.height() for f, _t in y_ticks]
        order = sorted(range(len(ys)), key=lambda i: -ys[i])
        kept = thin_labels([-ys[i] for i in order], [line] * len(order), 2, -height, 0)
        for j, _start in kept:
            i = order[j]
            text = y_ticks[i][1]
            at = QPointF(left - 8 - fm.horizontalAdvance(text), ys[i] - line / 2 + fm.ascent())
            frame.y_labels.append((ys[i], at, text))
        return frame

    def _place_x_labels(
        self, frame: _Frame, ticks: Sequence[tuple[float, str]], to_px: QTransform
    ) -> None:
        fm = QFontMetricsF(self._small_font())
        plot = frame.plot
        inside = sorted(
            ((to_px.map(QPointF(x, 0)).x(), text) for x, text in ticks),
            key=lambda t: t[0],
        )
        inside = [(px, t) for px, t in inside if plot.left() - 0.5 <= px <= plot.right() + 0.5]
        widths = [fm.horizontalAdvance(t) for _px, t in inside]
        kept = thin_labels([px for px, _t in inside], widths, 10, PAD, self.width() - PAD)
        baseline = frame.x_label_top + fm.ascent()
        frame.x_labels = [
            (inside[i][0], QPointF(start, baseline), inside[i][1]) for i, start in kept
        ]

    def _flow_legend(
        self, entries: Sequence[_LegendEntry], width: int, top: float, row_h: float
    ) -> list[tuple[QPointF, _LegendEntry]]:
        """Legend entries left to right, wrapping into rows across the widget."""
        fm = QFontMetricsF(self._small_font())
        left, right = PAD + 4, width - PAD - 4
        sizes = [SWATCH + 6 + fm.horizontalAdvance(e.label) for e in entries]
        placed: list[tuple[QPointF, _LegendEntry]] = []
        x, y = left, top
        for i, (entry, size) in enumerate(zip(entries, sizes, strict=True)):
            wrap = x > left and x + size > right
            if entry.kind == "marker" and i and entries[i - 1].kind != "marker":
                # The marker kinds start a row of their own unless they all fit on this one.
                group = sum(sizes[i:]) + LEGEND_GAP * (len(sizes) - i - 1)
                wrap = wrap or (x > left and x + group > right)
            if wrap:
                x, y = left, y + row_h
            placed.append((QPointF(x, y), entry))
            x += size + LEGEND_GAP
        return placed

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = chart_colours(self.palette())
        frame = self.frame()
        if frame.title_at is not None:
            painter.setFont(self._title_font())
            painter.setPen(colours.text)
            painter.drawText(frame.title_at, self._title())
        if self._is_empty():
            self._paint_empty(painter, colours, frame)
        else:
            self._paint_chart(painter, frame, colours)
            self._paint_axes_text(painter, frame, colours)
            self._paint_legend(painter, frame, colours)
            if self._cursor is not None:
                x = self._positions[self._cursor]
                self._paint_cursor(painter, frame, colours, x)
                self._paint_cursor_label(painter, frame, colours, x)
        if self.hasFocus():
            pen = QPen(colours.accent, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()

    def _paint_empty(self, painter: QPainter, colours: ChartColours, frame: _Frame) -> None:
        painter.setFont(self.font())
        painter.setPen(colours.muted)
        top = frame.title_at.y() if frame.title_at is not None else 0.0
        area = QRectF(PAD, top, self.width() - 2 * PAD, self.height() - top - PAD)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text()
        )

    def _paint_grid(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        """Light lines at the labelled ticks (crisp: not antialiased)."""
        plot = frame.plot
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colours.grid, 1))
        lines = [QLineF(plot.left(), y, plot.right(), y) for y, _at, _t in frame.y_labels]
        lines += [QLineF(x, plot.top(), x, plot.bottom()) for x, _at, _t in frame.x_labels]
        painter.drawLines(lines)
        painter.restore()

    def _paint_axes_text(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        plot = frame.plot
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colours.axis, 1))
        painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
        painter.restore()
        painter.setFont(self._small_font())
        painter.setPen(colours.muted)
        for _pos, at, text in frame.y_labels + frame.x_labels:
            painter.drawText(at, text)
        label = self._y_label()
        if frame.y_label_at is not None and label:
            fm = QFontMetricsF(self._small_font())
            painter.save()
            painter.translate(frame.y_label_at)
            painter.rotate(-90)
            width = min(fm.horizontalAdvance(label), plot.height() + 40)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, width + 1)
            painter.drawText(
                QPointF(-fm.horizontalAdvance(elided) / 2, fm.ascent() - fm.height() / 2), elided
            )
            painter.restore()

    def _y_label(self) -> str:
        return ""

    def _paint_legend(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        fm = QFontMetricsF(self._small_font())
        painter.setFont(self._small_font())
        for at, entry in frame.legend:
            mid = at.y() + fm.height() / 2
            swatch = QRectF(at.x(), mid - 5, SWATCH, 10)
            self._paint_swatch(painter, entry, swatch, colours)
            painter.setPen(colours.text)
            painter.drawText(QPointF(at.x() + SWATCH + 6, at.y() + fm.ascent()), entry.label)

    def _paint_swatch(
        self, painter: QPainter, entry: _LegendEntry, box: QRectF, colours: ChartColours
    ) -> None:
        centre = box.center()
        if entry.kind in ("line", "points", "points+line"):
            colour = colours.roles[entry.key]
            if entry.kind != "points":
                painter.setPen(_line_pen(colour, entry.dashed))
                painter.drawLine(QLineF(box.left() + 1, centre.y(), box.right() - 1, centre.y()))
            if entry.kind != "line":
                painter.setPen(_dot_pen(colour, 6 if entry.kind == "points" else 5.5))
                painter.drawPoint(centre)
        elif entry.kind == "band":
            painter.setPen(QPen(colours.band_edge, 1))
            painter.setBrush(colours.band)
            painter.drawRoundedRect(box.adjusted(1, 0, -1, 0), 2, 2)
        elif entry.kind == "highlight":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.highlight_edge)
            painter.drawRoundedRect(box.adjusted(1, 0, -1, 0), 2, 2)
        elif entry.kind == "goal":
            painter.setPen(_goal_pen(colours.text))
            painter.drawLine(QLineF(box.left(), centre.y(), box.right(), centre.y()))
        elif entry.kind == "bar":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.bar_met if entry.key == "met" else colours.bar_unmet)
            painter.drawRoundedRect(QRectF(centre.x() - 5, box.top(), 10, box.height()), 2, 2)
        else:
            parts = [(p, p.path.translated(centre)) for p in glyph_parts(entry.key)]
            _paint_glyph_parts(painter, parts, colours)

    def _paint_cursor_label(
        self, painter: QPainter, frame: _Frame, colours: ChartColours, x: float
    ) -> None:
        lines = self._cursor_lines(x)
        fm = QFontMetricsF(self._small_font())
        bold = _scaled_font(self.font(), 0.9, bold=True)
        fm_bold = QFontMetricsF(bold)
        plot = frame.plot
        line_h = fm.height() + 2
        most = max(1, math.floor((plot.height() - 12) / line_h))
        if len(lines) > most:
            more = QCoreApplication.translate("Chart", "and %n more", None, len(lines) - most + 1)
            lines = [*lines[: most - 1], (more, None)]
        widths = [
            (fm_bold if i == 0 else fm).horizontalAdvance(t) + (14 if c is not None else 0)
            for i, (t, c) in enumerate(lines)
        ]
        box_w = min(max(widths) + 16, plot.width() - 12)
        box_h = len(lines) * line_h + 10
        cursor_px = self._x_to_px(x)
        on_right = cursor_px < plot.center().x()
        left = plot.right() - box_w - 6 if on_right else plot.left() + 6
        box = QRectF(left, plot.top() + 6, box_w, box_h)
        fill = QColor(colours.base)
        fill.setAlpha(235)
        painter.setPen(QPen(colours.axis, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 5, 5)
        y = box.top() + 5
        for i, (text, colour) in enumerate(lines):
            painter.setFont(bold if i == 0 else self._small_font())
            tx = box.left() + 8
            if colour is not None:
                painter.setPen(_dot_pen(colour, 7))
                painter.drawPoint(QPointF(tx + 3.5, y + line_h / 2))
                tx += 14
            painter.setPen(colours.text)
            avail = box.right() - 8 - tx
            shown = (fm_bold if i == 0 else fm).elidedText(text, Qt.TextElideMode.ElideRight, avail)
            painter.drawText(QPointF(tx, y + 1 + fm.ascent()), shown)
            y += line_h

    # -- the keyboard cursor ------------------------------------------------------------------
    def cursor_x(self) -> float | None:
        return None if self._cursor is None else self._positions[self._cursor]

    def set_cursor(self, x: float | None) -> None:
        """Put the cursor on the data position nearest ``x``, or hide it with None."""
        if x is None or not self._positions:
            index = None
        else:
            i = bisect_left(self._positions, x)
            near = [j for j in (i - 1, i) if 0 <= j < len(self._positions)]
            index = min(near, key=lambda j: abs(self._positions[j] - x))
        if index == self._cursor:
            return
        self._cursor = index
        text = self.cursor_text()
        described = self._description()
        self.setAccessibleDescription(f"{text}. {described}".strip() if text else described)
        self.update()

    def cursor_text(self) -> str:
        """The cursor's values in one line, as the accessible description gives them."""
        x = self.cursor_x()
        if x is None:
            return ""
        lines = [t for t, _c in self._cursor_lines(x)]
        return lines[0] + (": " + "; ".join(lines[1:]) if len(lines) > 1 else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        count = len(self._positions)
        if not count or self._is_empty():
            super().keyPressEvent(event)
            return
        now = self._cursor
        if key == Qt.Key.Key_Right:
            target = 0 if now is None else min(now + 1, count - 1)
        elif key == Qt.Key.Key_Left:
            target = count - 1 if now is None else max(now - 1, 0)
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = count - 1
        elif key == Qt.Key.Key_Escape and now is not None:
            self.set_cursor(None)
            return
        else:
            super().keyPressEvent(event)
            return
        self.set_cursor(self._positions[target])

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- mouse and tooltips -------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = "" if self._is_empty() else self.tooltip_at(event.position())
        if text == self._hover:
            return
        self._hover = text
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover:
            self._hover = ""
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._is_empty():
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        plot = self.frame().plot
        pos = event.position()
        if plot.left() <= pos.x() <= plot.right():
            self.set_cursor(self._px_to_x(pos.x()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = "" if self._is_empty() else self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._frame = None
            self.updateGeometry()
            self.update()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.EnabledChange):
            self.update()
        super().changeEvent(event)


def _line_pen(colour: QColor, dashed: bool, width: float = 2.0) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashed:
        pen.setDashPattern([2.5, 2.5])
    return pen


def _goal_pen(colour: QColor) -> QPen:
    pen = QPen(colour, 1.4)
    pen.setDashPattern([4, 3])
    return pen


def _dot_pen(colour: QColor, diameter: float) -> QPen:
    """Points drawn with drawPoints and this pen are round dots: one call for thousands."""
    pen = QPen(colour, diameter)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _pixel_map(
    x_range: tuple[float, float], y_range: tuple[float, float], plot: QRectF
) -> QTransform:
    sx = plot.width() / (x_range[1] - x_range[0])
    sy = -plot.height() / (y_range[1] - y_range[0])
    return QTransform(sx, 0, 0, sy, plot.left() - x_range[0] * sx, plot.bottom() - y_range[0] * sy)


# -- the line chart ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    """One series sorted and culled to the x range, with the runs its line draws."""

    series: Series
    xs: list[float]  # every kept x, one neighbour outside the range at each end for the line
    ys: list[float]
    inside: tuple[int, int]  # [first, last) indices of the points inside the range
    runs: list[tuple[int, int]]  # [first, last] index pairs joined by the line


def _prepare(series: Series, x_range: tuple[float, float], gap: float) -> _Prepared:
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
    return _Prepared(series, xs, ys, (lo - start, hi - start), runs if xs else [])


@dataclass
class _MarkerColumn:
    px: float
    glyphs: list[tuple[int, str, tuple[Marker, ...]]]  # row, kind (or "more"), its markers

    @property
    def depth(self) -> int:
        return max((row + 1 for row, _k, _m in self.glyphs), default=0)


@dataclass
class _LineGeometry:
    """The pixel geometry of a line chart's data at one size."""

    lines: list[tuple[Series, list[QPolygonF]]] = field(default_factory=list)
    dots: list[tuple[Series, QPolygonF]] = field(default_factory=list)
    bands: list[tuple[Band, QPolygonF]] = field(default_factory=list)
    band_label: tuple[QRectF, str] | None = None
    highlights: list[tuple[QRectF, Highlight]] = field(default_factory=list)
    glyphs: list[tuple[str, QPointF]] = field(default_factory=list)  # kind, sprite corner
    hits: list[tuple[QRectF, tuple[Marker, ...]]] = field(default_factory=list)


class LineChart(_ChartBase):
    """Series, bands, highlights and event markers over time, in the palette's colours."""

    def __init__(self, parent: QWidget | None = None, *, show_title: bool = True) -> None:
        super().__init__(parent, show_title=show_title)
        self._model = LineChartModel("", (0.0, 1.0))
        self._prepared: list[_Prepared] = []
        self._markers: list[Marker] = []  # inside the range, sorted by x
        self._band_polys: list[tuple[Band, QPolygonF]] = []
        self._geometry = _LineGeometry()
        self._layer: tuple[tuple[object, ...], QPixmap] | None = None
        self._columns: tuple[tuple[float, float], list[_MarkerColumn]] | None = None
        self.set_model(self._model)

    @property
    def model(self) -> LineChartModel:
        return self._model

    def set_model(self, model: LineChartModel) -> None:
        self._model = model
        x0, x1 = model.x_range
        self._prepared = [_prepare(s, model.x_range, model.gap) for s in model.series]
        self._markers = sorted((m for m in model.markers if x0 <= m.x <= x1), key=lambda m: m.x)
        self._band_polys = [(b, _band_polygon(b, model.x_range)) for b in model.bands]
        self._layer = None
        self._columns = None
        positions: set[float] = {m.x for m in self._markers}
        for p in self._prepared:
            positions.update(p.xs[p.inside[0] : p.inside[1]])
        self._model_changed(sorted(positions), self._legend_entries())

    def _legend_entries(self) -> list[_LegendEntry]:
        model = self._model
        entries: list[_LegendEntry] = []
        for s in model.series:
            entry = _LegendEntry(s.name, s.style, s.role, s.dashed)
            if s.name and entry not in entries:
                entries.append(entry)
        for label in dict.fromkeys(b.label for b in model.bands if b.label):
            entries.append(_LegendEntry(label, "band", "band"))
        x0, x1 = model.x_range
        shown = [h for h in model.highlights if h.x1 >= x0 and h.x0 <= x1]
        if len(shown) == 1:
            entries.append(_LegendEntry(shown[0].label, "highlight", "highlight"))
        elif shown:
            shaded = QCoreApplication.translate("Chart", "Shaded: details on hover")
            entries.append(_LegendEntry(shaded, "highlight", "highlight"))
        kinds = {m.glyph for m in self._markers}
        entries += [
            _LegendEntry(QCoreApplication.translate("Chart", MARKER_NAMES[k]), "marker", k)
            for k in MARKER_KINDS
            if k in kinds
        ]
        return entries

    # -- hooks ---------------------------------------------------------------------------------
    def _title(self) -> str:
        return self._model.title

    def _description(self) -> str:
        return self._model.description

    def _empty_text(self) -> str:
        return QCoreApplication.translate("Chart", self._model.empty_text)

    def _is_empty(self) -> bool:
        return not any(p.inside[1] > p.inside[0] for p in self._prepared)

    def _y_label(self) -> str:
        return self._model.y_label

    def _y_axis(self) -> tuple[list[tuple[float, str]], str]:
        y0, y1 = self._model.y_range
        ticks = sorted(v for v in self._model.y_ticks if y0 <= v <= y1)
        return [((v - y0) / (y1 - y0), format_number(v)) for v in ticks], self._model.y_label

    def _x_ticks(self) -> Sequence[tuple[float, str]]:
        return self._model.x_ticks

    def _data_map(self, plot: QRectF) -> QTransform:
        return _pixel_map(self._model.x_range, self._model.y_range, plot)

    # -- geometry per size ---------------------------------------------------------------------
    def _below_height(self, horizontal: tuple[float, float]) -> float:
        return max((c.depth for c in self._marker_columns(horizontal)), default=0) * ROW

    def _build_geometry(self, frame: _Frame) -> None:
        self._geometry = self._data_geometry(frame)
        columns = self._marker_columns((frame.plot.left(), frame.plot.right()))
        self._place_markers(frame, columns)
        self._layer = None

    def _marker_columns(self, horizontal: tuple[float, float]) -> list[_MarkerColumn]:
        """Markers gathered into columns at least a glyph apart, one glyph per kind in each.

        With few kinds each keeps its own row (runs on one line, ice on the next); with
        more, the kinds at each x stack from the top and the overflow shows as "more".
        The last answer is kept: the layout and the size hint ask for the same width.
        """
        if self._columns is not None and self._columns[0] == horizontal:
            return self._columns[1]
        x0, x1 = self._model.x_range
        left, right = horizontal
        scale = (right - left) / (x1 - x0)
        kinds = [m.glyph for m in self._markers]
        present = [k for k in MARKER_KINDS if k in set(kinds)]
        lanes = {k: i for i, k in enumerate(present)} if len(present) <= MAX_LANES else None
        pxs = [left + (m.x - x0) * scale for m in self._markers]
        columns: list[_MarkerColumn] = []
        first = 0
        for i in range(1, len(pxs) + 1):
            if i < len(pxs) and pxs[i] - pxs[first] < SLOT:
                continue
            by_kind: dict[str, list[Marker]] = {}
            for j in range(first, i):
                by_kind.setdefault(kinds[j], []).append(self._markers[j])
            here = [k for k in MARKER_KINDS if k in by_kind]
            if lanes is not None:
                glyphs = [(lanes[k], k, tuple(by_kind[k])) for k in here]
            else:
                glyphs = [(row, k, tuple(by_kind[k])) for row, k in enumerate(here)]
                if len(glyphs) > MAX_STACK:
                    rest = tuple(m for _r, _k, ms in glyphs[MAX_STACK - 1 :] for m in ms)
                    glyphs = [*glyphs[: MAX_STACK - 1], (MAX_STACK - 1, "more", rest)]
            columns.append(_MarkerColumn((pxs[first] + pxs[i - 1]) / 2, glyphs))
            first = i
        self._columns = (horizontal, columns)
        return columns

    def _place_markers(self, frame: _Frame, columns: list[_MarkerColumn]) -> None:
        """Each glyph's top-left corner (whole pixels, so sprites stay crisp) and hit box."""
        geometry = self._geometry
        half = SPRITE / 2
        for column in columns:
            x = round(column.px)
            for row, kind, markers in column.glyphs:
                y = round(frame.below + ROW / 2 + row * ROW)
                geometry.glyphs.append((kind, QPointF(x - half, y - half)))
                hit = QRectF(column.px - SLOT / 2, y - ROW / 2, SLOT, ROW)
                geometry.hits.append((hit, markers))

    def _data_geometry(self, frame: _Frame) -> _LineGeometry:
        geometry = _LineGeometry()
        plot = frame.plot
        t = self._to_px
        sx, dx, sy, dy = t.m11(), t.m31(), t.m22(), t.m32()
        for p in self._prepared:
            px = [dx + sx * x for x in p.xs]
            py = [dy + sy * y for y in p.ys]
            style = p.series.style
            if style != "points":
                pieces, lonely = _line_pieces(px, py, p.runs, plot.width())
                geometry.lines.append((p.series, pieces))
                if lonely and style == "line":
                    geometry.dots.append((p.series, _dots(px, py, lonely, plot.width())))
            if style != "line":
                first, last = p.inside
                geometry.dots.append((p.series, _dots(px, py, range(first, last), plot.width())))
        geometry.bands = [(b, t.map(poly)) for b, poly in self._band_polys]
        geometry.band_label = self._band_label_at(geometry, plot)
        x0, x1 = self._model.x_range
        for h in self._model.highlights:
            if h.x1 < x0 or h.x0 > x1:
                continue
            a, b = t.map(QPointF(h.x0, 0)).x(), t.map(QPointF(h.x1, 0)).x()
            if b - a < 4:
                a, b = (a + b) / 2 - 2, (a + b) / 2 + 2
            rect = QRectF(a, plot.top(), b - a, plot.height()).intersected(plot)
            geometry.highlights.append((rect, h))
        return geometry

    def _band_label_at(self, geometry: _LineGeometry, plot: QRectF) -> tuple[QRectF, str] | None:
        """Where the labelled band's text goes: inside the band, else just above or below it,
        on one line or two, wherever it covers no line or point; None if nowhere (the legend
        still names the band). Text over the data would hide what the chart is for.
        """
        labelled = [b for b, _poly in geometry.bands if b.label and len(b.points) >= 2]
        if not labelled or sum(d.size() for _s, d in geometry.dots) > 3000:
            return None
        band = labelled[-1]
        fm = QFontMetricsF(self._band_font())
        t = self._to_px
        points = sorted(band.points)
        xs = [t.map(QPointF(x, 0)).x() for x, _low, _high in points]
        tops = [t.map(QPointF(0, high)).y() for _x, _low, high in points]
        bottoms = [t.map(QPointF(0, low)).y() for _x, low, _high in points]
        span = (max(xs[0], plot.left() + 4), min(xs[-1], plot.right() - 4))
        thickest = sorted(range(len(xs)), key=lambda i: tops[i] - bottoms[i])
        texts = [t for t in (band.label, _two_lines(band.label)) if "\n" not in t or " " in t]
        for near in (False, True):  # inside first, on one line or two; then next to it
            for text in texts:
                width = max(fm.horizontalAdvance(line) for line in text.split("\n")) + 4
                height = fm.height() * (text.count("\n") + 1)
                if width > span[1] - span[0]:
                    continue
                for i in thickest:
                    left = min(max(xs[i] - width / 2, span[0]), span[1] - width)
                    samples = [left + width * k / 6 for k in range(7)]
                    above = [_interpolate(xs, tops, s) for s in samples]
                    below = [_interpolate(xs, bottoms, s) for s in samples]
                    if near:
                        ys = [min(above) - height - 3, max(below) + 3]
                    else:
                        room = min(below) - max(above) - height - 4
                        ys = [max(above) + 2 + room * k / 4 for k in (2, 1, 3, 0, 4)]
                        ys = ys if room >= 0 else []
                    for y in ys:
                        rect = QRectF(left, y, width, height)
                        if plot.adjusted(2, 2, -2, -2).contains(rect) and _clear(rect, geometry):
                            return rect, text
        return None

    def _band_font(self) -> QFont:
        font = _scaled_font(self.font(), 0.85)
        font.setItalic(True)
        return font

    # -- painting ------------------------------------------------------------------------------
    def _paint_chart(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        plot = frame.plot
        painter.fillRect(plot, colours.base)
        for rect, _h in self._geometry.highlights:
            painter.fillRect(rect, colours.highlight)
            edge = QRectF(rect.left(), plot.top(), rect.width(), 3)
            painter.fillRect(edge, colours.highlight_edge)
        self._paint_grid(painter, frame, colours)
        painter.drawPixmap(0, 0, self._data_layer(frame, colours))

    def _data_layer(self, frame: _Frame, colours: ChartColours) -> QPixmap:
        """Bands, lines, points and marker glyphs, painted once per size, model and palette.

        Hovering, the cursor and focus repaint the widget often; they only draw this pixmap.
        """
        ratio = self.devicePixelRatioF()
        key = (frame.size, ratio, self.palette().cacheKey())
        if self._layer is not None and self._layer[0] == key:
            return self._layer[1]
        layer = QPixmap(round(frame.size[0] * ratio), round(frame.size[1] * ratio))
        layer.setDevicePixelRatio(ratio)
        layer.fill(Qt.GlobalColor.transparent)
        if layer.isNull():  # no size yet: nothing to paint on
            return layer
        painter = QPainter(layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_data(painter, frame, colours)
        painter.end()
        self._layer = (key, layer)
        return layer

    def _paint_data(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        g = self._geometry
        painter.save()
        painter.setClipRect(frame.plot.adjusted(-4, -5, 4, 3))
        for _band, poly in g.bands:
            painter.setPen(QPen(colours.band_edge, 1))
            painter.setBrush(colours.band)
            painter.drawPolygon(poly)
        if g.band_label is not None:
            painter.setFont(self._band_font())
            painter.setPen(colours.muted)
            painter.drawText(g.band_label[0], Qt.AlignmentFlag.AlignCenter, g.band_label[1])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for series, pieces in g.lines:
            painter.setPen(_line_pen(colours.roles[series.role], series.dashed))
            for piece in pieces:
                painter.drawPolyline(piece)
        for series, dots in g.dots:
            size = 5.5 if series.style == "points+line" else 5.0
            painter.setPen(_dot_pen(colours.roles[series.role], size))
            painter.drawPoints(dots)
        painter.restore()
        sprites = {
            kind: _sprite(kind, colours, painter.device().devicePixelRatioF())
            for kind in {k for k, _at in g.glyphs}
        }
        for kind, at in g.glyphs:
            painter.drawPixmap(at, sprites[kind])

    def _paint_cursor(
        self, painter: QPainter, frame: _Frame, colours: ChartColours, x: float
    ) -> None:
        plot = frame.plot
        px = self._to_px.map(QPointF(x, 0)).x()
        pen = QPen(colours.text, 1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(px, plot.top(), px, plot.bottom()))
        for p, y in self._values_at(x):
            at = self._to_px.map(QPointF(x, y))
            painter.setPen(QPen(colours.base, 2))
            painter.setBrush(colours.roles[p.series.role])
            painter.drawEllipse(at, 4.5, 4.5)

    # -- the cursor's content ------------------------------------------------------------------
    def _values_at(self, x: float) -> list[tuple[_Prepared, float]]:
        found = []
        for p in self._prepared:
            first, last = p.inside
            i = bisect_left(p.xs, x - 1e-9, first, last)
            if i < last and abs(p.xs[i] - x) <= 1e-9:
                found.append((p, p.ys[i]))
        return found

    def x_name(self, x: float) -> str:
        """What the cursor calls position x: its name in ``x_names``, else the nearest tick's
        label within half the tick spacing (a label names what is around it, like a day's
        ratings around its midday tick), else x itself."""
        model = self._model
        for at, name in model.x_names:
            if abs(at - x) <= 1e-9:
                return name
        ticks = sorted(model.x_ticks)
        if ticks:
            at, label = min(ticks, key=lambda t: abs(t[0] - x))
            spacing = min((b[0] - a[0] for a, b in pairwise(ticks) if b[0] > a[0]), default=0.0)
            if abs(at - x) <= 1e-9 or abs(at - x) <= spacing / 2:
                return label
        return format_number(x)

    def _cursor_lines(self, x: float) -> list[tuple[str, QColor | None]]:
        colours = chart_colours(self.palette())
        lines: list[tuple[str, QColor | None]] = [(self.x_name(x), None)]
        for p, y in self._values_at(x):
            lines.append((f"{p.series.name} {format_number(y)}", colours.roles[p.series.role]))
        i = bisect_left([m.x for m in self._markers], x - 1e-9)
        while i < len(self._markers) and abs(self._markers[i].x - x) <= 1e-9:
            marker = self._markers[i]
            lines.append((marker.label, colours.markers.get(marker.glyph, colours.muted)))
            i += 1
        for h in self._model.highlights:
            if h.x0 <= x <= h.x1:
                lines.append((h.label, colours.highlight_edge))
        return lines

    def markers_at(self, pos: QPointF) -> tuple[Marker, ...]:
        """The markers whose glyph is under a widget position."""
        self.frame()
        for rect, markers in self._geometry.hits:
            if rect.contains(pos):
                return markers
        return ()

    def tooltip_at(self, pos: QPointF) -> str:
        markers = self.markers_at(pos)
        if markers:
            labels = [m.label for m in markers]
            if len(labels) > 10:
                labels = [
                    *labels[:9],
                    QCoreApplication.translate("Chart", "and %n more", None, len(labels) - 9),
                ]
            return "\n".join(labels)
        if self.frame().plot.contains(pos):
            for rect, highlight in self._geometry.highlights:
                if rect.contains(pos):
                    return highlight.label
        return ""


def _band_polygon(band: Band, x_range: tuple[float, float]) -> QPolygonF:
    points = sorted(band.points)
    xs = [p[0] for p in points]
    lo = max(bisect_left(xs, x_range[0]) - 1, 0)
    hi = min(bisect_right(xs, x_range[1]) + 1, len(points))
    kept = points[lo:hi]
    upper = [QPointF(x, high) for x, _low, high in kept]
    lower = [QPointF(x, low) for x, low, _high in reversed(kept)]
    return QPolygonF(upper + lower)


def _two_lines(text: str) -> str:
    """Break a label once: after a colon if it has one, else at the space nearest the middle."""
    if ": " in text:
        head, tail = text.split(": ", 1)
        return f"{head}:\n{tail}"
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


def _clear(rect: QRectF, geometry: _LineGeometry) -> bool:
    """True if no drawn point or line of the geometry comes within 3 px of rect."""
    room = rect.adjusted(-3, -3, 3, 3)
    reach = room.adjusted(-3, -3, 3, 3)  # a dot's radius further
    for _s, dots in geometry.dots:
        # (grown: the box of one point, or of a flat line, is empty and meets nothing)
        near = dots.boundingRect().adjusted(-1, -1, 1, 1).intersects(reach)
        if near and any(reach.contains(dots.at(i)) for i in range(dots.size())):
            return False
    for _s, pieces in geometry.lines:
        for piece in pieces:
            if not piece.boundingRect().adjusted(-1, -1, 1, 1).intersects(room):
                continue
            ends = [piece.at(i) for i in range(piece.size())]
            if any(_meets(a, b, room) for a, b in pairwise(ends)):
                return False
    return True


def _meets(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    """Whether the segment a-b crosses rect (Liang-Barsky clipping)."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, a.x() - rect.left()),
        (dx, rect.right() - a.x()),
        (-dy, a.y() - rect.top()),
        (dy, rect.bottom() - a.y()),
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


def _interpolate(xs: Sequence[float], ys: Sequence[float], x: float) -> float:
    """ys at x along the polyline (xs sorted), held flat past either end."""
    i = bisect_left(xs, x)
    if i <= 0:
        return ys[0]
    if i >= len(xs):
        return ys[-1]
    x0, x1 = xs[i - 1], xs[i]
    share = (x - x0) / (x1 - x0) if x1 > x0 else 0.0
    return ys[i - 1] + (ys[i] - ys[i - 1]) * share


def _line_pieces(
    px: list[float], py: list[float], runs: list[tuple[int, int]], width: float
) -> tuple[list[QPolygonF], list[int]]:
    """Polylines in pieces of CHUNK points (sharing ends), and the indices of one-point runs."""
    pieces: list[QPolygonF] = []
    lonely: list[int] = []
    for first, last in runs:
        if first == last:
            lonely.append(first)
            continue
        if last - first > width:
            kept = _decimate(px, py, first, last)
        else:
            kept = list(range(first, last + 1))
        for start in range(0, len(kept) - 1, CHUNK):
            chunk = kept[start : start + CHUNK + 1]
            pieces.append(QPolygonF([QPointF(px[i], py[i]) for i in chunk]))
    return pieces, lonely


def _dots(px: list[float], py: list[float], indices: Sequence[int], width: float) -> QPolygonF:
    """Points to draw; when there are more than pixel columns, one per pixel."""
    if len(indices) <= width:
        return QPolygonF([QPointF(px[i], py[i]) for i in indices])
    seen: dict[tuple[int, int], int] = {}
    for i in indices:  # a 2 px grid: invisible under 5 px dots, and far fewer of them
        seen.setdefault((int(px[i]) >> 1, int(py[i]) >> 1), i)
    return QPolygonF([QPointF(px[i], py[i]) for i in seen.values()])


# -- the bar chart -----------------------------------------------------------------------------


@dataclass
class _BarGeometry:
    met: QPainterPath = field(default_factory=QPainterPath)
    unmet: QPainterPath = field(default_factory=QPainterPath)
    rects: list[tuple[QRectF, Bar]] = field(default_factory=list)  # sorted by x
    goal_y: float | None = None


class BarChart(_ChartBase):
    """One bar per day (or week), accent when the goal was met, with the goal as a dashed line."""

    def __init__(self, parent: QWidget | None = None, *, show_title: bool = True) -> None:
        super().__init__(parent, show_title=show_title)
        self._model = BarChartModel("", (0.0, 1.0), (), None, 1.0)
        self._bars: tuple[Bar, ...] = ()
        self._geometry = _BarGeometry()
        self.set_model(self._model)

    @property
    def model(self) -> BarChartModel:
        return self._model

    def set_model(self, model: BarChartModel) -> None:
        self._model = model
        self._bars = model.visible_bars()
        self._model_changed(sorted({b.x for b in self._bars}), self._legend())

    def _title(self) -> str:
        return self._model.title

    def _description(self) -> str:
        return self._model.description

    def _empty_text(self) -> str:
        return QCoreApplication.translate("Chart", self._model.empty_text)

    def _is_empty(self) -> bool:
        return not self._bars

    def _y_label(self) -> str:
        return self._model.unit

    def _legend(self) -> list[_LegendEntry]:
        if self._model.goal is None:
            return []
        entries = []
        if any(b.met for b in self._bars):
            entries.append(
                _LegendEntry(QCoreApplication.translate("Chart", "Goal met"), "bar", "met")
            )
        if not all(b.met for b in self._bars):
            entries.append(
                _LegendEntry(QCoreApplication.translate("Chart", "Below goal"), "bar", "unmet")
            )
        if 0 <= self._model.goal <= self._model.y_max:
            entries.append(_LegendEntry(self._model.goal_text(), "goal", "goal"))
        return entries

    def _y_axis(self) -> tuple[list[tuple[float, str]], str]:
        top = self._model.y_max
        return [(v / top, format_number(v)) for v in nice_ticks(top)], self._model.unit

    def _x_ticks(self) -> Sequence[tuple[float, str]]:
        return self._model.x_ticks

    def _data_map(self, plot: QRectF) -> QTransform:
        return _pixel_map(self._model.x_range, (0.0, self._model.y_max), plot)

    def _build_geometry(self, frame: _Frame) -> None:
        self._geometry = self._bar_geometry(frame)

    def _bar_geometry(self, frame: _Frame) -> _BarGeometry:
        g = _BarGeometry()
        model, plot, t = self._model, frame.plot, self._to_px
        xs = [b.x for b in self._bars]
        spacing = min((b - a for a, b in pairwise(xs) if b > a), default=1.0)
        width = max(1.0, min(36.0, 0.7 * spacing * t.m11()))
        radius = min(3.0, width / 3)
        for bar in self._bars:
            centre = t.map(QPointF(bar.x, 0)).x()
            top = max(t.map(QPointF(bar.x, bar.value)).y(), plot.top())
            rect = QRectF(centre - width / 2, top, width, plot.bottom() - top)
            g.rects.append((rect, bar))
            if rect.height() <= 0:
                continue
            path = g.met if bar.met else g.unmet
            if radius >= 1 and rect.height() > radius:
                path.addRoundedRect(rect.adjusted(0, 0, 0, radius), radius, radius)
            else:
                path.addRect(rect)
        if model.goal is not None and 0 <= model.goal <= model.y_max:
            g.goal_y = t.map(QPointF(0, model.goal)).y()
        return g

    def _paint_chart(self, painter: QPainter, frame: _Frame, colours: ChartColours) -> None:
        g, plot = self._geometry, frame.plot
        painter.fillRect(plot, colours.base)
        self._paint_grid(painter, frame, colours)
        painter.save()
        painter.setClipRect(plot)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.bar_unmet)
        painter.drawPath(g.unmet)
        painter.setBrush(colours.bar_met)
        painter.drawPath(g.met)
        painter.restore()
        if g.goal_y is not None:
            self._paint_goal(painter, plot, g.goal_y, colours)

    def _paint_goal(self, painter: QPainter, plot: QRectF, y: float, colours: ChartColours) -> None:
        """The goal as a dashed line across the plot; its words are in the legend.

        (A label on the line itself would sit on the bars around the goal, the ones that matter.)
        """
        painter.setPen(_goal_pen(colours.text))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))

    def _bar_at_x(self, x: float) -> tuple[QRectF, Bar] | None:
        for rect, bar in self._geometry.rects:
            if abs(bar.x - x) <= 1e-9:
                return rect, bar
        return None

    def _paint_cursor(
        self, painter: QPainter, frame: _Frame, colours: ChartColours, x: float
    ) -> None:
        found = self._bar_at_x(x)
        if found is None:
            return
        rect = found[0]
        outline = QRectF(rect.left() - 2, rect.top() - 2, rect.width() + 4, rect.height() + 2)
        if outline.height() < 4:
            outline.setTop(frame.plot.bottom() - 4)
        painter.setPen(QPen(colours.text, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(outline, 3, 3)

    def _cursor_lines(self, x: float) -> list[tuple[str, QColor | None]]:
        self.frame()
        found = self._bar_at_x(x)
        if found is None:
            return [(format_number(x), None)]
        return [(found[1].label, None)]

    def bar_at(self, pos: QPointF) -> Bar | None:
        """The bar whose column (the plot's full height, a little wider than the bar) holds pos."""
        plot = self.frame().plot
        if not plot.adjusted(0, -4, 0, 4).contains(pos):
            return None
        rects = self._geometry.rects
        i = bisect_left([r.center().x() for r, _b in rects], pos.x())
        best: tuple[float, Bar] | None = None
        for rect, bar in rects[max(i - 1, 0) : i + 1]:
            reach = max(rect.width() / 2 + 2, 4)
            distance = abs(rect.center().x() - pos.x())
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, bar)
        return best[1] if best else None

    def tooltip_at(self, pos: QPointF) -> str:
        bar = self.bar_at(pos)
        return bar.label if bar is not None else ""
