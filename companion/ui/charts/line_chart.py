"""The line chart: series, bands, highlights and event markers over time.

``set_model`` sorts, culls to the visible x range and splits lines at gaps
once (``data.prepare``). The pixel geometry (polylines in short pieces, points,
marker glyphs) is built once per widget size and font; the data is then painted
once into a pixmap per size and palette, so hovering, the cursor and focus
repaint in about a millisecond.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from companion.ui.charts.axes import format_number, line_y_ticks, x_name
from companion.ui.charts.base import ChartBase
from companion.ui.charts.chrome import paint_grid
from companion.ui.charts.colours import ChartColours, chart_colours
from companion.ui.charts.data import Prepared, cursor_stops, prepare, values_at
from companion.ui.charts.frame import Frame, dot_pen, line_pen, pixel_map, scaled_font
from companion.ui.charts.glyphs import SPRITE, sprite
from companion.ui.charts.line_geometry import (
    LineGeometry,
    band_label_at,
    band_polygon,
    dots,
    line_pieces,
)
from companion.ui.charts.markers import ROW, SLOT, MarkerColumn, marker_columns, markers_in_range
from companion.ui.charts.model import (
    MARKER_KINDS,
    MARKER_NAMES,
    Band,
    LegendEntry,
    LineChartModel,
    Marker,
)


class LineChart(ChartBase):
    """Series, bands, highlights and event markers over time, in the palette's colours."""

    def __init__(self, parent: QWidget | None = None, *, show_title: bool = True) -> None:
        super().__init__(parent, show_title=show_title)
        self._model = LineChartModel("", (0.0, 1.0))
        self._prepared: list[Prepared] = []
        self._markers: list[Marker] = []  # inside the range, sorted by x
        self._band_polys: list[tuple[Band, QPolygonF]] = []
        self._geometry = LineGeometry()
        self._layer: tuple[tuple[object, ...], QPixmap] | None = None
        self._columns: tuple[tuple[float, float], list[MarkerColumn]] | None = None
        self.set_model(self._model)

    @property
    def model(self) -> LineChartModel:
        return self._model

    def set_model(self, model: LineChartModel) -> None:
        self._model = model
        self._prepared = [prepare(s, model.x_range, model.gap) for s in model.series]
        self._markers = markers_in_range(model.markers, model.x_range)
        self._band_polys = [(b, band_polygon(b, model.x_range)) for b in model.bands]
        self._layer = None
        self._columns = None
        self._model_changed(cursor_stops(self._prepared, self._markers), self._legend_entries())

    def _legend_entries(self) -> list[LegendEntry]:
        model = self._model
        entries: list[LegendEntry] = []
        for s in model.series:
            entry = LegendEntry(s.name, s.style, s.role, s.dashed)
            if s.name and entry not in entries:
                entries.append(entry)
        for label in dict.fromkeys(b.label for b in model.bands if b.label):
            entries.append(LegendEntry(label, "band", "band"))
        x0, x1 = model.x_range
        shown = [h for h in model.highlights if h.x1 >= x0 and h.x0 <= x1]
        if len(shown) == 1:
            entries.append(LegendEntry(shown[0].label, "highlight", "highlight"))
        elif shown:
            shaded = QCoreApplication.translate("Chart", "Shaded: details on hover")
            entries.append(LegendEntry(shaded, "highlight", "highlight"))
        kinds = {m.glyph for m in self._markers}
        entries += [
            LegendEntry(QCoreApplication.translate("Chart", MARKER_NAMES[k]), "marker", k)
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
        return line_y_ticks(self._model.y_ticks, self._model.y_range), self._model.y_label

    def _x_ticks(self) -> Sequence[tuple[float, str]]:
        return self._model.x_ticks

    def _data_map(self, plot: QRectF) -> QTransform:
        return pixel_map(self._model.x_range, self._model.y_range, plot)

    # -- geometry per size ---------------------------------------------------------------------
    def _below_height(self, horizontal: tuple[float, float]) -> float:
        return max((c.depth for c in self._marker_columns(horizontal)), default=0) * ROW

    def _build_geometry(self, frame: Frame) -> None:
        self._geometry = self._data_geometry(frame)
        columns = self._marker_columns((frame.plot.left(), frame.plot.right()))
        self._place_markers(frame, columns)
        self._layer = None

    def _marker_columns(self, horizontal: tuple[float, float]) -> list[MarkerColumn]:
        """The markers' columns for this plot width (see ``markers.marker_columns``).

        The last answer is kept: the layout and the size hint ask for the same width.
        """
        if self._columns is not None and self._columns[0] == horizontal:
            return self._columns[1]
        columns = marker_columns(self._markers, self._model.x_range, horizontal)
        self._columns = (horizontal, columns)
        return columns

    def _place_markers(self, frame: Frame, columns: list[MarkerColumn]) -> None:
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

    def _data_geometry(self, frame: Frame) -> LineGeometry:
        geometry = LineGeometry()
        plot = frame.plot
        t = self._to_px
        sx, dx, sy, dy = t.m11(), t.m31(), t.m22(), t.m32()
        for p in self._prepared:
            px = [dx + sx * x for x in p.xs]
            py = [dy + sy * y for y in p.ys]
            style = p.series.style
            if style != "points":
                pieces, lonely = line_pieces(px, py, p.runs, plot.width())
                geometry.lines.append((p.series, pieces))
                if lonely and style == "line":
                    geometry.dots.append((p.series, dots(px, py, lonely, plot.width())))
            if style != "line":
                first, last = p.inside
                geometry.dots.append((p.series, dots(px, py, range(first, last), plot.width())))
        geometry.bands = [(b, t.map(poly)) for b, poly in self._band_polys]
        fm = QFontMetricsF(self._band_font())
        geometry.band_label = band_label_at(geometry, plot, t, fm)
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

    def _band_font(self) -> QFont:
        font = scaled_font(self.font(), 0.85)
        font.setItalic(True)
        return font

    # -- painting ------------------------------------------------------------------------------
    def _paint_chart(self, painter: QPainter, frame: Frame, colours: ChartColours) -> None:
        plot = frame.plot
        painter.fillRect(plot, colours.base)
        for rect, _h in self._geometry.highlights:
            painter.fillRect(rect, colours.highlight)
            edge = QRectF(rect.left(), plot.top(), rect.width(), 3)
            painter.fillRect(edge, colours.highlight_edge)
        paint_grid(painter, frame, colours)
        painter.drawPixmap(0, 0, self._data_layer(frame, colours))

    def _data_layer(self, frame: Frame, colours: ChartColours) -> QPixmap:
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

    def _paint_data(self, painter: QPainter, frame: Frame, colours: ChartColours) -> None:
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
            painter.setPen(line_pen(colours.roles[series.role], series.dashed))
            for piece in pieces:
                painter.drawPolyline(piece)
        for series, points in g.dots:
            size = 5.5 if series.style == "points+line" else 5.0
            painter.setPen(dot_pen(colours.roles[series.role], size))
            painter.drawPoints(points)
        painter.restore()
        sprites = {
            kind: sprite(kind, colours, painter.device().devicePixelRatioF())
            for kind in {k for k, _at in g.glyphs}
        }
        for kind, at in g.glyphs:
            painter.drawPixmap(at, sprites[kind])

    def _paint_cursor(
        self, painter: QPainter, frame: Frame, colours: ChartColours, x: float
    ) -> None:
        plot = frame.plot
        px = self._to_px.map(QPointF(x, 0)).x()
        pen = QPen(colours.text, 1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(px, plot.top(), px, plot.bottom()))
        for p, y in values_at(self._prepared, x):
            at = self._to_px.map(QPointF(x, y))
            painter.setPen(QPen(colours.base, 2))
            painter.setBrush(colours.roles[p.series.role])
            painter.drawEllipse(at, 4.5, 4.5)

    # -- the cursor's content ------------------------------------------------------------------
    def x_name(self, x: float) -> str:
        """What the cursor calls position x (see ``axes.x_name``)."""
        return x_name(x, self._model.x_names, self._model.x_ticks)

    def _cursor_lines(self, x: float) -> list[tuple[str, QColor | None]]:
        colours = chart_colours(self.palette())
        lines: list[tuple[str, QColor | None]] = [(self.x_name(x), None)]
        for p, y in values_at(self._prepared, x):
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
