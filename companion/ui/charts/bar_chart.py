"""The bar chart: one bar per day (or week), accent when the goal was met, the goal dashed."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QWidget

from companion.ui.charts.axes import bar_y_ticks, format_number
from companion.ui.charts.base import ChartBase
from companion.ui.charts.chrome import paint_grid
from companion.ui.charts.colours import ChartColours
from companion.ui.charts.frame import Frame, goal_pen, pixel_map
from companion.ui.charts.model import Bar, BarChartModel, LegendEntry


def goal_text(model: BarChartModel) -> str:
    """The goal's words in the legend, e.g. "Goal 2,000 mL" or "Goal 68 fl oz" (whole
    numbers from 10 up, as the summary words it); "" without a goal."""
    if model.goal is None:
        return ""
    goal = round(model.goal) if model.goal >= 10 else model.goal
    return (
        QCoreApplication.translate("Chart", "Goal %s %s") % (format_number(goal), model.unit)
    ).strip()


@dataclass
class _BarGeometry:
    met: QPainterPath = field(default_factory=QPainterPath)
    unmet: QPainterPath = field(default_factory=QPainterPath)
    rects: list[tuple[QRectF, Bar]] = field(default_factory=list)  # sorted by x
    goal_y: float | None = None


class BarChart(ChartBase):
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

    def _legend(self) -> list[LegendEntry]:
        if self._model.goal is None:
            return []
        entries = []
        if any(b.met for b in self._bars):
            entries.append(
                LegendEntry(QCoreApplication.translate("Chart", "Goal met"), "bar", "met")
            )
        if not all(b.met for b in self._bars):
            entries.append(
                LegendEntry(QCoreApplication.translate("Chart", "Below goal"), "bar", "unmet")
            )
        if 0 <= self._model.goal <= self._model.y_max:
            entries.append(LegendEntry(goal_text(self._model), "goal", "goal"))
        return entries

    def _y_axis(self) -> tuple[list[tuple[float, str]], str]:
        return bar_y_ticks(self._model.y_max), self._model.unit

    def _x_ticks(self) -> Sequence[tuple[float, str]]:
        return self._model.x_ticks

    def _data_map(self, plot: QRectF) -> QTransform:
        return pixel_map(self._model.x_range, (0.0, self._model.y_max), plot)

    def _build_geometry(self, frame: Frame) -> None:
        self._geometry = self._bar_geometry(frame)

    def _bar_geometry(self, frame: Frame) -> _BarGeometry:
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

    def _paint_chart(self, painter: QPainter, frame: Frame, colours: ChartColours) -> None:
        g, plot = self._geometry, frame.plot
        painter.fillRect(plot, colours.base)
        paint_grid(painter, frame, colours)
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
        painter.setPen(goal_pen(colours.text))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))

    def _bar_at_x(self, x: float) -> tuple[QRectF, Bar] | None:
        for rect, bar in self._geometry.rects:
            if abs(bar.x - x) <= 1e-9:
                return rect, bar
        return None

    def _paint_cursor(
        self, painter: QPainter, frame: Frame, colours: ChartColours, x: float
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
