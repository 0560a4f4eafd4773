"""Icons from resources/icons, with line icons drawn in the palette's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from companion.resources import icon_path

APP_ICON = "recovery-companion"


def app_icon() -> QIcon:
    return QIcon(str(icon_path(APP_ICON)))


@cache
def _svg_text(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def line_icon(name: str, colour: QColor, size: int = 24) -> QIcon:
    """A monochrome icon whose ``currentColor`` strokes take ``colour``, crisp at 1x and 2x."""
    svg = _svg_text(name).replace("currentColor", colour.name())
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    icon = QIcon()
    for scale in (1, 2):
        image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon
