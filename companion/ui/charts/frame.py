"""A chart's pixel layout at one size (``Frame``), its fonts, pens and data-to-pixel map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QTransform

from companion.ui.charts.model import LegendEntry

PAD = 8.0  # around everything; the focus frame is drawn inside it
SWATCH = 18.0
LEGEND_GAP = 16.0
PLOT_HEIGHT = 150.0  # the plot's natural height; the widget asks for room around it


@dataclass
class Frame:
    """Where everything goes at one widget size, in pixels. Built once per size and font."""

    size: tuple[int, int]
    plot: QRectF
    title_at: QPointF | None = None
    legend: list[tuple[QPointF, LegendEntry]] = field(default_factory=list)
    x_labels: list[tuple[float, QPointF, str]] = field(default_factory=list)
    y_labels: list[tuple[float, QPointF, str]] = field(default_factory=list)
    y_label_at: QPointF | None = None
    below: float = 0.0  # top of the marker row
    x_label_top: float = 0.0


def flow_legend(
    entries: Sequence[LegendEntry], font: QFont, width: int, top: float, row_h: float
) -> list[tuple[QPointF, LegendEntry]]:
    """Legend entries left to right, wrapping into rows across the widget."""
    fm = QFontMetricsF(font)
    left, right = PAD + 4, width - PAD - 4
    sizes = [SWATCH + 6 + fm.horizontalAdvance(e.label) for e in entries]
    placed: list[tuple[QPointF, LegendEntry]] = []
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


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(max(7.5, font.pointSizeF() * factor))
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(10, round(font.pixelSize() * factor)))
    scaled.setBold(bold)
    return scaled


def small_font(font: QFont) -> QFont:
    """The font of tick labels, the legend and the cursor label."""
    return scaled_font(font, 0.9)


def line_pen(colour: QColor, dashed: bool, width: float = 2.0) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashed:
        pen.setDashPattern([2.5, 2.5])
    return pen


def goal_pen(colour: QColor) -> QPen:
    pen = QPen(colour, 1.4)
    pen.setDashPattern([4, 3])
    return pen


def dot_pen(colour: QColor, diameter: float) -> QPen:
    """Points drawn with drawPoints and this pen are round dots: one call for thousands."""
    pen = QPen(colour, diameter)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def pixel_map(
    x_range: tuple[float, float], y_range: tuple[float, float], plot: QRectF
) -> QTransform:
    sx = plot.width() / (x_range[1] - x_range[0])
    sy = -plot.height() / (y_range[1] - y_range[0])
    return QTransform(sx, 0, 0, sy, plot.left() - x_range[0] * sx, plot.bottom() - y_range[0] * sy)
