"""Where a second window opens: centred over the main window, not at the screen's corner.

The routine player and the therapy timer are top-level windows; left to the window
manager (or to Qt offscreen) they open at the screen's top-left. ``centre_over`` puts
one centred over the main window's frame before it is shown, kept inside the screen the
main window is on (or the primary screen, when the main window is hidden in the tray).
``place_popup`` puts the reminder popup the same way while the main window is on
screen, and otherwise in the corner of the screen's available area, where the tray
and the desktop's notifications are.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def centre_over(window: QWidget, anchor: QWidget) -> None:
    """Move ``window`` (not yet shown) so its frame is centred over ``anchor``'s frame."""
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        window.adjustSize()  # the size show() would give it, known now
    size = window.size()
    screen = anchor.screen() if anchor.isVisible() else QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect()
    centre = anchor.frameGeometry().center() if anchor.isVisible() else area.center()
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(centre)
    if area.isValid():  # never partly off the screen: the title bar stays reachable
        frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width() + 1)))
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)))
    window.move(frame.topLeft())


def place_popup(window: QWidget, anchor: QWidget) -> None:
    """A reminder popup: centred over the main window while it is on screen (as the
    player and the timer open), else in the screen's corner near the tray."""
    if anchor.isVisible() and not anchor.isMinimized():
        centre_over(window, anchor)
    else:
        from companion.ui.reminders.center import screen_corner  # noqa: PLC0415 - loaded

        screen_corner(window)
