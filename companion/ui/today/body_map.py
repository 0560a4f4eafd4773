"""The body map: front and back figures whose leg regions the user rates 0-10.

Mouse: hover names a region, click selects it, the wheel over a region
changes its score. Keyboard: Tab into the map, arrows move between regions,
1-9 set the score, 0 sets 10, + and - step it, Delete or Backspace clears it.
Colours run from pale yellow to dark red (a scale that stays ordered for
colour-blind eyes) and every marked region also shows its number.
Each region is an accessible child whose name carries its score ("Calves (left),
6 of 10") and whose value interface reads and sets it, so a screen reader (or any
AT-SPI client) can rate a region without the mouse.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleValueChangeEvent,
    QAccessibleValueInterface,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from companion.domain.regions import RegionCatalog
from companion.ui.theme import body_map_colours, variant_of
from companion.ui.today.body_shapes import FIGURE, FigureShapes, figure

VIEWS = ("front", "back")
GAP = 36.0
TOP_BAND = 30.0
BOTTOM_BAND = 8.0
LOGICAL_W = FIGURE.width() * 2 + GAP
LOGICAL_H = FIGURE.height() + TOP_BAND + BOTTOM_BAND

# ColorBrewer YlOrRd: light to dark, ordered in lightness for colour-blind readers.
SCALE = (
    "#ffffcc",
    "#ffeda0",
    "#fed976",
    "#feb24c",
    "#fd8d3c",
    "#fc4e2a",
    "#e31a1c",
    "#bd0026",
    "#800026",
)


def intensity_colour(value: int) -> QColor:
    """1..10 along the scale; 0 has no colour (the caller draws it neutral)."""
    if value <= 0:
        return QColor(0, 0, 0, 0)
    position = (min(value, 10) - 1) / 9 * (len(SCALE) - 1)
    low = math.floor(position)
    high = min(low + 1, len(SCALE) - 1)
    a, b = QColor(SCALE[low]), QColor(SCALE[high])
    t = position - low
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def _luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill`` (4.5:1 or more on every
    colour of the scale: tests/ui/test_contrast.py)."""
    light = _luminance(fill)
    on_black = (light + 0.05) / 0.05
    on_white = 1.05 / (light + 0.05)
    return QColor("#000000") if on_black >= on_white else QColor("#ffffff")


def severity_word(value: int) -> str:
    """PROTOCOLS 5.1 helper labels."""
    if value <= 0:
        return QCoreApplication.translate("BodyMapView", "none")
    if value <= 3:
        return QCoreApplication.translate("BodyMapView", "mild")
    if value <= 6:
        return QCoreApplication.translate("BodyMapView", "moderate")
    return QCoreApplication.translate("BodyMapView", "severe")


@dataclass(frozen=True)
class Spot:
    region_id: str
    view: str


def figure_pen(colour: QColor, width: float, scale: float, bold: bool) -> QPen:
    """A line of the figure, ``width`` in the figure's units, drawn at ``scale``.

    At normal contrast no line of the figure is wider than one pixel on screen: Qt draws
    those with its hairline stroker, which keeps nothing and is quicker. A wider line
    goes through Qt's full stroker, whose buffers then stay with the window's paint
    engine for as long as the window lives (0.2 MB for the figure's outline at the
    default size, docs/PERFORMANCE.md). High contrast keeps its heavier lines, in the
    figure's units (1.6 times as wide), scaling with the figure.
    """
    if bold:
        return QPen(colour, width * 1.6)
    pen = QPen(colour, min(width * scale, 1.0))
    pen.setCosmetic(True)  # the width is in pixels, not the figure's units
    return pen


class BodyMapView(QWidget):
    region_selected = Signal(str)
    region_hovered = Signal(str)  # "" when the pointer leaves every region
    intensity_changed = Signal(str, int)

    def __init__(
        self, catalog: RegionCatalog, parent: QWidget | None = None, *, interactive: bool = True
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.interactive = interactive
        self._highlight: frozenset[str] = frozenset()
        self._shapes = {view: figure(view) for view in VIEWS}
        self._scores: dict[str, int] = {}
        self._selected: Spot | None = None
        self._hovered: Spot | None = None
        self._order = [Spot(rid, view) for view in VIEWS for rid in self._shapes[view].regions]
        self.setMouseTracking(interactive)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
        if interactive:
            self.setMinimumSize(280, 300)
        else:
            self.setMinimumSize(120, 130)
        self.setAccessibleName(QCoreApplication.translate("BodyMapView", "Body map"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "BodyMapView",
                "Front and back of both legs. Arrow keys move between regions, 1 to 9 set the "
                "soreness, 0 sets 10, Delete clears.",
            )
            if interactive
            else QCoreApplication.translate(
                "BodyMapView", "The regions this step works, highlighted."
            )
        )
        self._accessible: BodyMapAccessible | None = None

    # -- the model --------------------------------------------------------------
    def scores(self) -> dict[str, int]:
        return {rid: v for rid, v in self._scores.items() if v > 0}

    def score(self, region_id: str) -> int:
        return self._scores.get(region_id, 0)

    def set_scores(self, scores: dict[str, int]) -> None:
        for rid in scores:
            self._catalog.get(rid)  # unknown ids raise
        self._scores = {rid: max(0, min(10, v)) for rid, v in scores.items()}
        self.update()

    def set_score(self, region_id: str, value: int) -> None:
        value = max(0, min(10, value))
        if self.score(region_id) == value:
            return
        self._scores[region_id] = value
        self.update()
        self.intensity_changed.emit(region_id, value)
        self._announce_score(region_id, value)

    def set_highlight(self, region_ids: frozenset[str]) -> None:
        """Regions drawn in the accent colour (the player's illustration of a step)."""
        chosen = frozenset(region_ids)
        if chosen == self._highlight:
            return  # the player sets it on every tick: repaint only on a change
        for rid in chosen:
            self._catalog.get(rid)
        self._highlight = chosen
        self.update()

    @property
    def highlighted(self) -> frozenset[str]:
        return self._highlight

    @property
    def selected_region(self) -> str | None:
        return self._selected.region_id if self._selected else None

    def select(self, region_id: str, view: str | None = None) -> None:
        self._catalog.get(region_id)
        views = [v for v in VIEWS if region_id in self._shapes[v].regions]
        spot = Spot(region_id, view if view in views else views[0])
        if spot == self._selected:
            return
        self._selected = spot
        self.update()
        self.region_selected.emit(region_id)
        self._announce(region_id, QAccessible.Event.Focus)

    def describe(self, region_id: str) -> str:
        region = self._catalog.get(region_id)
        value = self.score(region_id)
        words = QCoreApplication.translate("BodyMapView", "%d out of 10 (%s)") % (
            value,
            severity_word(value),
        )
        return f"{region.display_name}, {region.plain_name}: {words}"

    # -- geometry ---------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(460, 500)

    def _transform(self, view: str) -> QTransform:
        scale = min(self.width() / LOGICAL_W, self.height() / LOGICAL_H)
        left = (self.width() - LOGICAL_W * scale) / 2
        top = (self.height() - LOGICAL_H * scale) / 2
        index = VIEWS.index(view)
        x0 = left + (index * (FIGURE.width() + GAP) - FIGURE.left()) * scale
        y0 = top + TOP_BAND * scale
        return QTransform(scale, 0, 0, scale, x0, y0)

    def region_path(self, spot: Spot) -> QPainterPath:
        """The region's shape in widget coordinates."""
        return self._transform(spot.view).map(self._shapes[spot.view].regions[spot.region_id])

    def spot_at(self, point: QPointF) -> Spot | None:
        for view in VIEWS:
            inverse, ok = self._transform(view).inverted()
            if not ok:
                continue
            local = inverse.map(point)
            for rid, path in self._shapes[view].regions.items():
                if path.contains(local):
                    return Spot(rid, view)
        return None

    def centre(self, spot: Spot) -> QPointF:
        return self.region_path(spot).boundingRect().center()

    # -- painting -----------------------------------------------------------------------
    def colours(self) -> dict[str, QColor]:
        """The theme's body map colours for this widget's palette (light, dark, or
        either in high contrast): companion/ui/theme.py, checked by test_contrast."""
        scheme, high_contrast = variant_of(self.palette())
        return {name: QColor(c) for name, c in body_map_colours(scheme, high_contrast).items()}

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.colours()
        bold = variant_of(self.palette())[1]  # high contrast: heavier lines
        for view in VIEWS:
            shapes: FigureShapes = self._shapes[view]
            transform = self._transform(view)
            scale = transform.m11()
            painter.save()
            painter.setTransform(transform)
            painter.setPen(figure_pen(colours["figure_outline"], 1.2, scale, bold))
            painter.setBrush(colours["figure"])
            painter.drawPath(shapes.silhouette)
            for rid, path in shapes.regions.items():
                value = self.score(rid)
                if rid in self._highlight:
                    painter.setBrush(colours["highlight"])
                else:
                    painter.setBrush(intensity_colour(value) if value else colours["region"])
                # A scored region: outlined in the words' colour, which sets it apart
                # from the window where its fill alone would not (mid-scale on light).
                edge = colours["text"] if value and rid not in self._highlight else None
                painter.setPen(figure_pen(edge or colours["region_outline"], 0.9, scale, bold))
                painter.drawPath(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(figure_pen(colours["details"], 0.8, scale, bold))
            painter.drawPath(shapes.details)
            painter.restore()
            self._paint_labels(painter, view, colours["text"])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._hovered is not None and self._hovered != self._selected:
            painter.setPen(QPen(colours["text"], 2.0))
            painter.drawPath(self.region_path(self._hovered))
        if self._selected is not None:
            # The focus colour on a halo of the window's: 3:1 whatever score fills it.
            path = self.region_path(self._selected)
            painter.setPen(QPen(colours["halo"], 6.0))
            painter.drawPath(path)
            painter.setPen(QPen(colours["focus"], 3.0))
            painter.drawPath(path)
        self._paint_badges(painter, colours["halo"])
        if self.hasFocus() and self._selected is None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colours["focus"], 2, Qt.PenStyle.DashLine))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def _paint_labels(self, painter: QPainter, view: str, colour: QColor) -> None:
        transform = self._transform(view)
        scale = transform.m11()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(11.0, 10 * scale / 0.9)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colour)
        top = transform.map(QPointF(0, -TOP_BAND + 4))
        painter.drawText(
            QRectF(top.x() - 100, top.y(), 200, TOP_BAND * scale),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            QCoreApplication.translate("BodyMapView", "Front")
            if view == "front"
            else QCoreApplication.translate("BodyMapView", "Back"),
        )
        # Which side is which: the person's right or left, beside each foot.
        font.setBold(False)
        painter.setFont(font)
        right, left = (
            QCoreApplication.translate("BodyMapView", "Right"),
            QCoreApplication.translate("BodyMapView", "Left"),
        )
        left_word, right_word = (right, left) if view == "front" else (left, right)
        for x, word in ((-78, left_word), (78, right_word)):
            centre = transform.map(QPointF(x, 480))
            painter.drawText(
                QRectF(centre.x() - 40, centre.y() - 12, 80, 24), Qt.AlignmentFlag.AlignCenter, word
            )

    def _paint_badges(self, painter: QPainter, ring: QColor | None = None) -> None:
        """Each scored region's number on a badge of its colour, in a ``ring`` of the
        window's colour (the map's halo)."""
        font = QFont(self.font())
        scale = self._transform("front").m11()
        font.setPointSizeF(max(6.5, min(10.0, 8.5 * scale / 0.9)))
        font.setBold(True)
        painter.setFont(font)
        radius = max(7.0, 9.5 * scale / 0.9)
        ring = ring or self.colours()["halo"]
        for spot in self._order:
            value = self.score(spot.region_id)
            if value <= 0:
                continue
            centre = self.centre(spot)
            fill = intensity_colour(value)
            painter.setPen(QPen(ring, 1.5))  # the window's colour round it
            painter.setBrush(fill)
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(text_on(fill))
            painter.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2),
                Qt.AlignmentFlag.AlignCenter,
                str(value),
            )

    # -- input ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.interactive:
            event.ignore()
            return
        spot = self.spot_at(event.position())
        if spot != self._hovered:
            self._hovered = spot
            self.setToolTip(self.describe(spot.region_id) if spot else "")
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if spot else Qt.CursorShape.ArrowCursor
            )
            self.update()
            self.region_hovered.emit(spot.region_id if spot else "")

    def leaveEvent(self, event: object) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
            self.region_hovered.emit("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.interactive:
            event.ignore()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        spot = self.spot_at(event.position())
        if spot is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select(spot.region_id, spot.view)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.interactive:
            event.ignore()
            return
        spot = self.spot_at(event.position())
        if spot is None or event.angleDelta().y() == 0:
            event.ignore()
            return
        self.select(spot.region_id, spot.view)
        step = 1 if event.angleDelta().y() > 0 else -1
        self.set_score(spot.region_id, self.score(spot.region_id) + step)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.interactive:
            event.ignore()
            return
        key = Qt.Key(event.key())
        directions = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in directions:
            self._move(*directions[key])
            return
        if self._selected is None:
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
                Qt.Key.Key_0 <= key <= Qt.Key.Key_9
            ):
                self.select(self._order[0].region_id, self._order[0].view)
                return
            super().keyPressEvent(event)
            return
        rid = self._selected.region_id
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.set_score(rid, key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_0:
            self.set_score(rid, 10)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_score(rid, self.score(rid) + 1)
        elif key == Qt.Key.Key_Minus:
            self.set_score(rid, self.score(rid) - 1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_score(rid, 0)
        else:
            super().keyPressEvent(event)

    def _move(self, dx: int, dy: int) -> None:
        if self._selected is None:
            first = self._order[0]
            self.select(first.region_id, first.view)
            return
        here = self.centre(self._selected)
        best: tuple[float, Spot] | None = None
        for spot in self._order:
            if spot.region_id == self._selected.region_id:
                continue
            v = self.centre(spot) - here
            along = v.x() * dx + v.y() * dy
            if along <= 1:
                continue
            across = abs(v.x() * dy - v.y() * dx)
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, spot)
        if best is not None:
            self.select(best[1].region_id, best[1].view)

    # -- accessibility ---------------------------------------------------------------------
    def accessible(self) -> BodyMapAccessible:
        if self._accessible is None:
            self._accessible = BodyMapAccessible(self)
        return self._accessible

    def region_ids(self) -> list[str]:
        return list(self._catalog.ids)

    def _announce(self, region_id: str, kind: QAccessible.Event) -> None:
        if not QAccessible.isActive():
            return
        event = QAccessibleEvent(self, kind)
        event.setChild(self.region_ids().index(region_id))
        QAccessible.updateAccessibility(event)

    def _announce_score(self, region_id: str, value: int) -> None:
        """The region's new value, and its name that carries it."""
        if not QAccessible.isActive():
            return
        changed = QAccessibleValueChangeEvent(self, value)
        changed.setChild(self.region_ids().index(region_id))
        QAccessible.updateAccessibility(changed)
        self._announce(region_id, QAccessible.Event.NameChanged)

    def region_name(self, region_id: str) -> str:
        """What a screen reader says for a region: "Calves (left), 6 of 10"."""
        region = self._catalog.get(region_id)
        return QCoreApplication.translate("BodyMapView", "%s, %d of 10") % (
            region.display_name,
            self.score(region_id),
        )


class RegionValue(QAccessibleValueInterface):
    """A region's score, 0 to 10 in steps of 1, read and set through AT-SPI's Value."""

    def __init__(self, owner: BodyMapAccessible, region_id: str) -> None:
        super().__init__()
        self._owner = owner
        self.region_id = region_id

    def currentValue(self) -> int:
        return self._owner.map_view.score(self.region_id)

    def setCurrentValue(self, value: Any) -> None:
        view = self._owner.map_view
        if not view.interactive or not view.isEnabled():
            return
        try:
            score = round(float(value))
        except (TypeError, ValueError):
            return
        view.select(self.region_id)
        view.set_score(self.region_id, score)

    def maximumValue(self) -> int:
        return 10

    def minimumValue(self) -> int:
        return 0

    def minimumStepSize(self) -> int:
        return 1


class RegionAccessible(QAccessibleInterface):
    """One region as a screen reader sees it: a list item named with its score
    ("Calves (left), 6 of 10") and a 0-10 value interface.

    It has no QObject and no children, so several methods return null, as Qt's
    own leaf interfaces do; PySide6's stubs do not allow for that (type: ignore).
    """

    def __init__(self, owner: BodyMapAccessible, region_id: str) -> None:
        super().__init__()
        self._owner = owner
        self.region_id = region_id
        self.value = RegionValue(owner, region_id)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        """The value interface for Qt's C++ side (its address, as PySide6 passes a void *)."""
        if kind == QAccessible.InterfaceType.ValueInterface and self._map().interactive:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self.value)[0])
        return shiboken6.VoidPtr(0)  # no other interface (a plain int here crashes PySide6)

    def _map(self) -> BodyMapView:
        return self._owner.map_view

    def isValid(self) -> bool:
        return True

    def object(self) -> None:  # type: ignore[override]
        return None

    def window(self) -> Any:
        return self._owner.window()

    def relations(self, match: Any = None) -> list[Any]:
        return []

    def focusChild(self) -> None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> None:  # type: ignore[override]
        return None

    def parent(self) -> QAccessibleInterface:
        return self._owner

    def child(self, index: int) -> None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: Any) -> int:
        return -1

    def text(self, kind: QAccessible.Text) -> str:
        view = self._map()
        region = view._catalog.get(self.region_id)
        if kind == QAccessible.Text.Name:
            return view.region_name(self.region_id)
        if kind == QAccessible.Text.Value:
            value = view.score(self.region_id)
            return QCoreApplication.translate("BodyMapView", "%d out of 10, %s") % (
                value,
                severity_word(value),
            )
        if kind == QAccessible.Text.Description:
            if not view.interactive:
                return region.plain_name
            return (
                region.plain_name
                + ". "
                + QCoreApplication.translate(
                    "BodyMapView", "Number keys set the soreness from 0 to 10."
                )
            )
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        return

    def rect(self) -> QRect:
        view = self._map()
        views = [v for v in VIEWS if self.region_id in view._shapes[v].regions]
        box = view.region_path(Spot(self.region_id, views[0])).boundingRect().toAlignedRect()
        return QRect(view.mapToGlobal(box.topLeft()), box.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.selectable = True
        if self._map().selected_region == self.region_id:
            state.selected = True
            state.focused = self._map().hasFocus()
        return state


class BodyMapAccessible(QAccessibleWidget):
    def __init__(self, view: BodyMapView) -> None:
        super().__init__(
            view, QAccessible.Role.List, QCoreApplication.translate("BodyMapView", "Body map")
        )
        self.map_view = view
        self._children = [RegionAccessible(self, rid) for rid in view.region_ids()]

    def childCount(self) -> int:
        return len(self._children)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return self._children[index] if 0 <= index < len(self._children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for index, item in enumerate(self._children):
            if item is child:
                return index
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        selected = self.map_view.selected_region
        if selected is None:
            return None
        return self._children[self.map_view.region_ids().index(selected)]


def _accessible_factory(_key: str, obj: object) -> QAccessibleInterface | None:
    if isinstance(obj, BodyMapView):
        return obj.accessible()
    return None


QAccessible.installFactory(_accessible_factory)


class IntensityLegend(QWidget):
    """The colour scale with its numbers and words, so colour is never the only cue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(44)
        self.setAccessibleName(QCoreApplication.translate("BodyMapView", "Soreness scale"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "BodyMapView",
                "From 1, pale yellow, to 10, dark red. 1 to 3 mild, 4 to 6 moderate, 7 to 10 "
                "severe.",
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(320, 44)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        width = self.width() - 2
        cell = width / 10
        for value in range(1, 11):
            rect = QRectF(1 + (value - 1) * cell, 2, cell, 16)
            painter.fillRect(rect, intensity_colour(value))
            painter.setPen(text_on(intensity_colour(value)))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(value))
        painter.setPen(text)
        for first, last in ((1, 3), (4, 6), (7, 10)):
            word = severity_word(first)
            rect = QRectF(1 + (first - 1) * cell, 20, (last - first + 1) * cell, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
        painter.end()
