"""Screenshots read back from the X server, kept in build/screenshots/desktop/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "desktop"
SAMPLE_STEP = 3  # every third pixel each way: enough to tell a drawn window from a blank one


def colours(image: QImage) -> set[int]:
    """The distinct colours in a sample of the image's pixels."""
    return {
        image.pixel(x, y)
        for y in range(0, image.height(), SAMPLE_STEP)
        for x in range(0, image.width(), SAMPLE_STEP)
    }


def assert_not_blank(image: QImage, what: str) -> None:
    assert not image.isNull() and image.width() > 0, f"{what}: no image"
    found = colours(image)
    assert len(found) > 1, f"{what}: a single colour ({next(iter(found)):#x}) over the whole image"


def painted(widget: QWidget) -> None:
    """Paint now and push the pixels to the X server (which then holds them)."""
    QApplication.processEvents()
    widget.repaint()
    QApplication.processEvents()


def screen_shot(name: str, area: QRect | None = None) -> QImage:
    """What the X server shows (the whole screen, or an area of it), saved as ``name``.png."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    if area is None:
        pixmap = screen.grabWindow(0)
    else:
        pixmap = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    return _save(pixmap.toImage(), name)


def window_shot(widget: QWidget, name: str) -> QImage:
    """The widget's own X window, read back from the server (not rendered again by Qt)."""
    painted(widget)
    screen = widget.screen()
    image = screen.grabWindow(widget.winId()).toImage()
    return _save(image, name)


def _save(image: QImage, name: str) -> QImage:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SHOTS / f"{name}.png")), name
    return image
