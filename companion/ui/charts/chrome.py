"""What both charts paint around their data: the empty text, grid, axes, legend, cursor label."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from companion.ui.charts.colours import ChartColours
from companion.ui.charts.frame import (
    PAD,
    SWATCH,
    Frame,
    dot_pen,
    goal_pen,
    line_pen,
    scaled_font,
    small_font,
)
from companion.ui.charts.glyphs import paint_glyph
from companion.ui.charts.model import LegendEntry


def paint_empty(
    painter: QPainter,
    colours: ChartColours,
    frame: Frame,
    *,
    font: QFont,
    size: tuple[int, int],
    text: str,
) -> None:
    painter.setFont(font)
    painter.setPen(colours.muted)
    top = frame.title_at.y() if frame.title_at is not None else 0.0
    width, height = size
    area = QRectF(PAD, top, width - 2 * PAD, height - top - PAD)
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


def paint_grid(painter: QPainter, frame: Frame, colours: ChartColours) -> None:
    """Light lines at the labelled ticks (crisp: not antialiased)."""
    plot = frame.plot
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colours.grid, 1))
    lines = [QLineF(plot.left(), y, plot.right(), y) for y, _at, _t in frame.y_labels]
    lines += [QLineF(x, plot.top(), x, plot.bottom()) for x, _at, _t in frame.x_labels]
    painter.drawLines(lines)
    painter.restore()


def paint_axes_text(
    painter: QPainter, frame: Frame, colours: ChartColours, font: QFont, y_label: str
) -> None:
    plot = frame.plot
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colours.axis, 1))
    painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
    painter.restore()
    painter.setFont(small_font(font))
    painter.setPen(colours.muted)
    for _pos, at, text in frame.y_labels + frame.x_labels:
        painter.drawText(at, text)
    if frame.y_label_at is not None and y_label:
        fm = QFontMetricsF(small_font(font))
        painter.save()
        painter.translate(frame.y_label_at)
        painter.rotate(-90)
        width = min(fm.horizontalAdvance(y_label), plot.height() + 40)
        elided = fm.elidedText(y_label, Qt.TextElideMode.ElideRight, width + 1)
        painter.drawText(
            QPointF(-fm.horizontalAdvance(elided) / 2, fm.ascent() - fm.height() / 2), elided
        )
        painter.restore()


def paint_legend(painter: QPainter, frame: Frame, colours: ChartColours, font: QFont) -> None:
    fm = QFontMetricsF(small_font(font))
    painter.setFont(small_font(font))
    for at, entry in frame.legend:
        mid = at.y() + fm.height() / 2
        swatch = QRectF(at.x(), mid - 5, SWATCH, 10)
        paint_swatch(painter, entry, swatch, colours)
        painter.setPen(colours.text)
        painter.drawText(QPointF(at.x() + SWATCH + 6, at.y() + fm.ascent()), entry.label)


def paint_swatch(painter: QPainter, entry: LegendEntry, box: QRectF, colours: ChartColours) -> None:
    centre = box.center()
    if entry.kind in ("line", "points", "points+line"):
        colour = colours.roles[entry.key]
        if entry.kind != "points":
            painter.setPen(line_pen(colour, entry.dashed))
            painter.drawLine(QLineF(box.left() + 1, centre.y(), box.right() - 1, centre.y()))
        if entry.kind != "line":
            painter.setPen(dot_pen(colour, 6 if entry.kind == "points" else 5.5))
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
        painter.setPen(goal_pen(colours.text))
        painter.drawLine(QLineF(box.left(), centre.y(), box.right(), centre.y()))
    elif entry.kind == "bar":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.bar_met if entry.key == "met" else colours.bar_unmet)
        painter.drawRoundedRect(QRectF(centre.x() - 5, box.top(), 10, box.height()), 2, 2)
    else:
        paint_glyph(painter, entry.key, centre, colours)


def paint_cursor_label(
    painter: QPainter,
    frame: Frame,
    colours: ChartColours,
    font: QFont,
    *,
    lines: list[tuple[str, QColor | None]],
    cursor_px: float,
) -> None:
    """The values at the cursor in a small box inside the plot, away from the cursor."""
    fm = QFontMetricsF(small_font(font))
    bold = scaled_font(font, 0.9, bold=True)
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
        painter.setFont(bold if i == 0 else small_font(font))
        tx = box.left() + 8
        if colour is not None:
            painter.setPen(dot_pen(colour, 7))
            painter.drawPoint(QPointF(tx + 3.5, y + line_h / 2))
            tx += 14
        painter.setPen(colours.text)
        avail = box.right() - 8 - tx
        shown = (fm_bold if i == 0 else fm).elidedText(text, Qt.TextElideMode.ElideRight, avail)
        painter.drawText(QPointF(tx, y + 1 + fm.ascent()), shown)
        y += line_h
