"""The widget machinery both charts share: layout, keyboard cursor, tooltips, focus frame."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from companion.ui.charts.axes import thin_labels
from companion.ui.charts.chrome import (
    paint_axes_text,
    paint_cursor_label,
    paint_empty,
    paint_legend,
)
from companion.ui.charts.colours import ChartColours, chart_colours
from companion.ui.charts.frame import PAD, PLOT_HEIGHT, Frame, flow_legend, scaled_font
from companion.ui.charts.model import LegendEntry


class ChartBase(QWidget):
    """Axes, legend, keyboard cursor, tooltips and focus frame shared by both charts."""

    def __init__(self, parent: QWidget | None = None, *, show_title: bool = True) -> None:
        super().__init__(parent)
        self.show_title = show_title
        self._frame: Frame | None = None
        self._positions: list[float] = []  # x positions with data, sorted: the cursor's stops
        self._cursor: int | None = None
        self._hover = ""
        self._to_px = QTransform()  # data to widget pixels, set by _build
        self._legend_items: list[LegendEntry] = []
        # heightForWidth's answers for this model and font: a layout pass asks it for the
        # same few widths again and again, and each answer measures every label.
        self._heights: dict[int, int] = {}
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
        """Room for the title, the legend's rows at this width, the plot and the marker row
        (worked out once for each width until the model or the font changes)."""
        found = self._heights.get(width)
        if found is None:
            found = self._heights[width] = self._height_for(width)
        return found

    def _height_for(self, width: int) -> int:
        y_ticks, y_label = self._y_axis()
        horizontal = self._margins([t for _f, t in y_ticks], y_label, width)
        empty = self._is_empty()
        below = 0.0 if empty else self._below_height(horizontal)
        line = QFontMetricsF(self._small_font()).height()
        top = self._title_bottom()
        if not empty:
            rows = flow_legend(self._legend_items, self._small_font(), width, top, line + 4)
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

    def _build_geometry(self, frame: Frame) -> None:
        """Build the data's pixel geometry for a new frame."""
        raise NotImplementedError

    def _paint_chart(self, painter: QPainter, frame: Frame, colours: ChartColours) -> None:
        raise NotImplementedError

    def _cursor_lines(self, x: float) -> list[tuple[str, QColor | None]]:
        """The cursor label's lines (first is the heading) and each line's swatch colour."""
        raise NotImplementedError

    def _paint_cursor(
        self, painter: QPainter, frame: Frame, colours: ChartColours, x: float
    ) -> None:
        raise NotImplementedError

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip for a widget position: a marker's or bar's label, or ""."""
        raise NotImplementedError

    def _y_label(self) -> str:
        return ""

    # -- model plumbing -----------------------------------------------------------------------
    def _model_changed(self, positions: list[float], legend: list[LegendEntry]) -> None:
        self._frame = None
        self._heights.clear()
        self._positions = positions
        self._legend_items = legend
        self._cursor = None
        self._hover = ""
        self.setAccessibleName(self._title())
        self.setAccessibleDescription(self._description())
        self.updateGeometry()
        self.update()

    def frame(self) -> Frame:
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
        return scaled_font(self.font(), 0.9)

    def _title_font(self) -> QFont:
        return scaled_font(self.font(), 1.0, bold=True)

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

    def _build(self, width: int, height: int) -> Frame:
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
    ) -> Frame:
        """Title, legend rows, plot area, marker row, then tick labels, top to bottom."""
        width, height = size
        left, right = horizontal
        fm = QFontMetricsF(self._small_font())
        line = fm.height()
        frame = Frame(size, QRectF())
        top = self._title_bottom()
        if self.show_title and self._title():
            frame.title_at = QPointF(PAD + 4, PAD + 2 + QFontMetricsF(self._title_font()).ascent())
        bottom_room = self._bottom_room(line, below)
        rows = flow_legend(self._legend_items, self._small_font(), width, top, line + 4)
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
        self, frame: Frame, ticks: Sequence[tuple[float, str]], to_px: QTransform
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
            size = (self.width(), self.height())
            text = self._empty_text()
            paint_empty(painter, colours, frame, font=self.font(), size=size, text=text)
        else:
            self._paint_chart(painter, frame, colours)
            paint_axes_text(painter, frame, colours, self.font(), self._y_label())
            paint_legend(painter, frame, colours, self.font())
            if self._cursor is not None:
                x = self._positions[self._cursor]
                self._paint_cursor(painter, frame, colours, x)
                lines, px = self._cursor_lines(x), self._x_to_px(x)
                paint_cursor_label(painter, frame, colours, self.font(), lines=lines, cursor_px=px)
        if self.hasFocus():
            pen = QPen(colours.accent, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()

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
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._frame = None
            self._heights.clear()
            self.updateGeometry()
            self.update()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.EnabledChange):
            self.update()
        super().changeEvent(event)
