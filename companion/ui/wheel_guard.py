"""No value changes from the mouse wheel on a control that was never clicked or tabbed to.

Scrolling a long page with the wheel used to change whatever drop-down, spin box
or slider passed under the pointer ("What set it off" went from A run to Leg day
to Not sure). One small filter stops that everywhere: a wheel turn over such a
control without keyboard focus goes to the scroll area around it instead, so the
page scrolls; once the control has focus (clicked or tabbed to) the wheel changes it
as before. Scroll bars keep their wheel.

The filter sits on each top-level window (the QWindow a wheel turn arrives at, before
Qt hands it to the widget under the pointer), put there the first time the window is
active. Not on the application: an application filter is called from Python for every
event of every object, and PySide6 keeps a wrapper for each object it has seen (about
2 MB at start, measured with tracemalloc by benchmarks/suite.py's memory row).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)  # date and time edits are spin boxes
WATCHED = "companion_wheel_guard"  # a window's property once the guard watches it


def guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def guarded_under(widget: QWidget | None) -> QWidget | None:
    """The guarded control ``widget`` is, or is part of (a spin box's line edit)."""
    while widget is not None and not widget.isWindow():
        if guarded(widget):
            return widget
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    """The windows' wheel filter; ``install_wheel_guard`` makes one for the app."""

    def watch(self, window: QWindow | None) -> None:
        """Guard ``window`` (once)."""
        if window is not None and not window.property(WATCHED):
            window.setProperty(WATCHED, True)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        assert isinstance(event, QWheelEvent)
        target = guarded_under(QApplication.widgetAt(event.globalPosition().toPoint()))
        if target is None or target.hasFocus():
            return False
        _scroll_page(target, event)
        return True


def _scroll_page(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the turn to the scroll area around ``widget``, if there is one."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    moved = QWheelEvent(
        position,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QCoreApplication.sendEvent(viewport, moved)


GUARD_PROPERTY = "companionWheelGuard"


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """The app's guard (made once): it watches each window as it becomes active, and
    every window already open."""
    # Found again by a property, not app.findChild: that walk wraps the app's QStyle
    # child for Python (its type and a dozen enums, about 1 MB an idle app never uses).
    existing = app.property(GUARD_PROPERTY)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.setProperty(GUARD_PROPERTY, guard)
    app.focusWindowChanged.connect(guard.watch)
    for window in app.topLevelWindows():
        guard.watch(window)
    return guard
