"""No value changes from the mouse wheel on a control that was never clicked or tabbed to.

Scrolling a long page with the wheel used to change whatever drop-down, spin box
or slider passed under the pointer ("What set it off" went from A run to Leg day
to Not sure). One filter on the application stops that everywhere: a wheel event
over such a control without keyboard focus goes to the control's parent instead,
so the page around it scrolls; once the control has focus (clicked or tabbed to)
the wheel changes it as before. Each such control also takes focus only by click
or Tab (``Qt.StrongFocus``), never by the wheel. Scroll bars keep their wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
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


def guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """The application's wheel filter; ``install_wheel_guard`` puts one on the app."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, QWidget) and guarded(watched) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                _scroll_page(watched, event)
                return True
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, QWidget)
            and guarded(watched)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


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


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Put the guard on ``app`` once (a second call returns the first guard)."""
    existing = app.findChild(WheelGuard)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
