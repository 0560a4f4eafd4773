"""The line chart's data in pixels: polylines, dots, band polygons, and where the band's
label fits without covering a line or a point."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPolygonF, QTransform

from companion.ui.charts.data import (
    band_outline,
    dot_indices,
    interpolate,
    line_chunks,
    segment_meets,
    two_lines,
)
from companion.ui.charts.model import Band, Highlight, Marker, Series


@dataclass
class LineGeometry:
    """The pixel geometry of a line chart's data at one size."""

    lines: list[tuple[Series, list[QPolygonF]]] = field(default_factory=list)
    dots: list[tuple[Series, QPolygonF]] = field(default_factory=list)
    bands: list[tuple[Band, QPolygonF]] = field(default_factory=list)
    band_label: tuple[QRectF, str] | None = None
    highlights: list[tuple[QRectF, Highlight]] = field(default_factory=list)
    glyphs: list[tuple[str, QPointF]] = field(default_factory=list)  # kind, sprite corner
    hits: list[tuple[QRectF, tuple[Marker, ...]]] = field(default_factory=list)


def band_polygon(band: Band, x_range: tuple[float, float]) -> QPolygonF:
    """The band culled to the x range, as a polygon in data units."""
    return QPolygonF([QPointF(x, y) for x, y in band_outline(band, x_range)])


def line_pieces(
    px: list[float], py: list[float], runs: list[tuple[int, int]], width: float
) -> tuple[list[QPolygonF], list[int]]:
    """Polylines in pieces of CHUNK points (sharing ends), and the indices of one-point runs."""
    chunks, lonely = line_chunks(px, py, runs, width)
    pieces = [QPolygonF([QPointF(px[i], py[i]) for i in chunk]) for chunk in chunks]
    return pieces, lonely


def dots(px: list[float], py: list[float], indices: Sequence[int], width: float) -> QPolygonF:
    """Points to draw; when there are more than pixel columns, one per pixel."""
    return QPolygonF([QPointF(px[i], py[i]) for i in dot_indices(px, py, indices, width)])


def band_label_at(
    geometry: LineGeometry, plot: QRectF, to_px: QTransform, fm: QFontMetricsF
) -> tuple[QRectF, str] | None:
    """Where the labelled band's text goes: inside the band, else just above or below it,
    on one line or two, wherever it covers no line or point; None if nowhere (the legend
    still names the band). Text over the data would hide what the chart is for.
    """
    labelled = [b for b, _poly in geometry.bands if b.label and len(b.points) >= 2]
    if not labelled or sum(d.size() for _s, d in geometry.dots) > 3000:
        return None
    band = labelled[-1]
    t = to_px
    points = sorted(band.points)
    xs = [t.map(QPointF(x, 0)).x() for x, _low, _high in points]
    tops = [t.map(QPointF(0, high)).y() for _x, _low, high in points]
    bottoms = [t.map(QPointF(0, low)).y() for _x, low, _high in points]
    span = (max(xs[0], plot.left() + 4), min(xs[-1], plot.right() - 4))
    thickest = sorted(range(len(xs)), key=lambda i: tops[i] - bottoms[i])
    texts = [t for t in (band.label, two_lines(band.label)) if "\n" not in t or " " in t]
    for near in (False, True):  # inside first, on one line or two; then next to it
        for text in texts:
            width = max(fm.horizontalAdvance(line) for line in text.split("\n")) + 4
            height = fm.height() * (text.count("\n") + 1)
            if width > span[1] - span[0]:
                continue
            for i in thickest:
                left = min(max(xs[i] - width / 2, span[0]), span[1] - width)
                samples = [left + width * k / 6 for k in range(7)]
                above = [interpolate(xs, tops, s) for s in samples]
                below = [interpolate(xs, bottoms, s) for s in samples]
                if near:
                    ys = [min(above) - height - 3, max(below) + 3]
                else:
                    room = min(below) - max(above) - height - 4
                    ys = [max(above) + 2 + room * k / 4 for k in (2, 1, 3, 0, 4)]
                    ys = ys if room >= 0 else []
                for y in ys:
                    rect = QRectF(left, y, width, height)
                    if plot.adjusted(2, 2, -2, -2).contains(rect) and clear(rect, geometry):
                        return rect, text
    return None


def clear(rect: QRectF, geometry: LineGeometry) -> bool:
    """True if no drawn point or line of the geometry comes within 3 px of rect."""
    room = rect.adjusted(-3, -3, 3, 3)
    reach = room.adjusted(-3, -3, 3, 3)  # a dot's radius further
    for _s, points in geometry.dots:
        # (grown: the box of one point, or of a flat line, is empty and meets nothing)
        near = points.boundingRect().adjusted(-1, -1, 1, 1).intersects(reach)
        if near and any(reach.contains(points.at(i)) for i in range(points.size())):
            return False
    edges = (room.left(), room.top(), room.right(), room.bottom())
    for _s, pieces in geometry.lines:
        for piece in pieces:
            if not piece.boundingRect().adjusted(-1, -1, 1, 1).intersects(room):
                continue
            ends = [(p.x(), p.y()) for p in (piece.at(i) for i in range(piece.size()))]
            if any(segment_meets(a, b, edges) for a, b in pairwise(ends)):
                return False
    return True
