"""Marker glyphs: small filled paths around (0, 0), and sprites of them for fast blitting."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPixmap, QPolygonF

from companion.ui.charts.colours import ChartColours
from companion.ui.charts.markers import GLYPH, MORE
from companion.ui.charts.model import BATH, CONTRAST, HEAT, ICE, LEG_DAY, OTHER, ROUTINE, RUN

SPRITE = 14  # a glyph's sprite, in pixels: the glyph and its antialiased edge


@dataclass(frozen=True)
class GlyphPart:
    path: QPainterPath  # filled; strokes are turned into outlines when the glyph is built
    colour: str  # a key of ChartColours.markers, or "muted"


def _outline(path: QPainterPath, width: float = 1.7) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(path)


def _glyph_parts() -> dict[str, tuple[GlyphPart, ...]]:
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
        ROUTINE: (GlyphPart(triangle, ROUTINE),),
        ICE: (GlyphPart(_outline(asterisk), ICE),),
        HEAT: (GlyphPart(disc, HEAT),),
        CONTRAST: (GlyphPart(left_half, HEAT), GlyphPart(right_half, ICE)),
        BATH: (GlyphPart(_outline(wave), BATH),),
        RUN: (GlyphPart(_outline(chevron, 1.9), RUN),),
        LEG_DAY: (GlyphPart(square, LEG_DAY),),
        OTHER: (GlyphPart(_outline(diamond, 1.5), OTHER),),
        MORE: (GlyphPart(more, "muted"),),
    }


_GLYPHS: dict[str, tuple[GlyphPart, ...]] = {}


def glyph_parts(kind: str) -> tuple[GlyphPart, ...]:
    """The glyph of a marker kind around (0, 0), built on first use (no Qt work at import)."""
    if not _GLYPHS:
        _GLYPHS.update(_glyph_parts())
    return _GLYPHS[kind if kind in _GLYPHS else OTHER]


def paint_glyph_parts(
    painter: QPainter, parts: Sequence[tuple[GlyphPart, QPainterPath]], colours: ChartColours
) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for part, path in parts:
        painter.setBrush(colours.muted if part.colour == "muted" else colours.markers[part.colour])
        painter.drawPath(path)


def paint_glyph(painter: QPainter, kind: str, centre: QPointF, colours: ChartColours) -> None:
    """A marker kind's glyph centred on ``centre`` (as the legend draws it)."""
    parts = [(p, p.path.translated(centre)) for p in glyph_parts(kind)]
    paint_glyph_parts(painter, parts, colours)


def sprite(kind: str, colours: ChartColours, ratio: float) -> QPixmap:
    """A marker glyph painted once into a small pixmap: thousands of them blit cheaply."""
    pixmap = QPixmap(math.ceil(SPRITE * ratio), math.ceil(SPRITE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(SPRITE / 2, SPRITE / 2)
    paint_glyph(painter, kind, centre, colours)
    painter.end()
    return pixmap
