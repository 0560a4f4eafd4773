"""Buttons for keyboard and screen-reader users: Enter presses, choices read as radios.

Enter on a focused button. Qt's QPushButton takes Enter only as a dialog's
(auto-)default button, and QToolButton never; Space is the only key that presses
them in a main window (Fusion changes nothing there: the keys come from the
platform theme's ButtonPressKeys, Space and Select). ``install_enter_presses``
makes Enter and Return press the focused push or tool button in every window
that is not a dialog (dialogs already do: their buttons are auto-default). It is
one small filter on each such top-level widget, put there the first time focus
enters the window, and it sees only the key presses that no widget took: a line
edit, a spin box, a list, a page that saves on Enter (Today's check-in) keep theirs.
Not an application filter, which would be called from Python for every event.

``ChoiceButton``: a checkable push button, one of an exclusive QButtonGroup, that a
screen reader sees as a radio button in a group (not a check box), that the arrow
keys move along (checking the one they reach, as radio buttons do), and that Tab
reaches once per group, at the checked one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

WATCHED = "companion_enter_presses"  # a window's property once the filter is on it
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEYPAD = Qt.KeyboardModifier.KeypadModifier


class EnterPresses(QObject):
    """Enter presses the focused button of the windows it watches."""

    def watch(self, window: QWidget | None) -> None:
        """Watch ``window`` (once); dialogs handle Enter themselves."""
        if window is None or isinstance(window, QDialog) or window.property(WATCHED):
            return
        window.setProperty(WATCHED, True)
        window.installEventFilter(self)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.watch(new.window())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in ENTER_KEYS or event.modifiers() & ~KEYPAD:
            return False
        if not isinstance(watched, QWidget):
            return False
        button = watched.focusWidget()  # the window's, where the key began its way up
        if not pressable(button):
            return False
        assert isinstance(button, QAbstractButton)
        button.click()
        return True


def pressable(widget: QWidget | None) -> bool:
    """A push or tool button that Enter presses (not a choice, which reads as a radio)."""
    return (
        isinstance(widget, QPushButton | QToolButton)
        and not isinstance(widget, ChoiceButton)
        and widget.isEnabled()
        and widget.isVisible()
    )


PRESSES_PROPERTY = "companionEnterPresses"


def install_enter_presses(app: QApplication) -> EnterPresses:
    """The app's Enter handling (made once): each window is watched once focus enters it."""
    existing = app.property(PRESSES_PROPERTY)  # not findChild: see install_wheel_guard
    if isinstance(existing, EnterPresses):
        return existing
    presses = EnterPresses(app)
    app.setProperty(PRESSES_PROPERTY, presses)
    app.focusChanged.connect(presses._focus_changed)
    focus = app.focusWidget()
    if focus is not None:
        presses.watch(focus.window())
    return presses


class ChoiceButton(QPushButton):
    """One answer of an exclusive group, drawn as a button, read and keyed as a radio."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.toggled.connect(lambda _on: self._rove())

    def _siblings(self) -> list[QAbstractButton]:
        group = self.group()
        return list(group.buttons()) if group is not None else [self]

    def _rove(self) -> None:
        """Tab stops at the checked choice of the group (at the first when none is)."""
        buttons = self._siblings()
        stop = next((b for b in buttons if b.isChecked()), buttons[0])
        for button in buttons:
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }.get(Qt.Key(event.key()))
        buttons = [b for b in self._siblings() if b.isEnabled()]
        if step is None or self not in buttons:
            super().keyPressEvent(event)
            return
        index = buttons.index(self) + step
        if 0 <= index < len(buttons):
            target = buttons[index]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.click()
        event.accept()


class ChoiceAccessible(QAccessibleWidget):
    """A ChoiceButton as AT-SPI sees it: a radio button, checked or not, that "click"s."""

    def __init__(self, button: ChoiceButton) -> None:
        super().__init__(button, QAccessible.Role.RadioButton, button.accessibleName())
        self._button = button

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._button.accessibleName() or self._button.text()
        return str(super().text(kind))

    def actionNames(self) -> list[str]:
        return [QAccessibleWidget.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleWidget.pressAction():
            if self._button.isEnabled():
                self._button.click()
            return
        super().doAction(name)


class ChoiceGroup(QWidget):
    """The widget that holds one group of ChoiceButtons: a named grouping for AT-SPI."""


class GroupAccessible(QAccessibleWidget):
    def __init__(self, widget: ChoiceGroup) -> None:
        super().__init__(widget, QAccessible.Role.Grouping, widget.accessibleName())


def _accessible_factory(_key: str, obj: object) -> QAccessibleInterface | None:
    if isinstance(obj, ChoiceButton):
        return ChoiceAccessible(obj)
    if isinstance(obj, ChoiceGroup):
        return GroupAccessible(obj)
    return None


QAccessible.installFactory(_accessible_factory)
