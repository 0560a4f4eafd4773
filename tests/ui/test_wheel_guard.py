"""The wheel over an unfocused drop-down, spin box or slider scrolls the page instead."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.ui.wheel_guard import GUARD_PROPERTY, WheelGuard, install_wheel_guard


def wheel(widget, steps=-1):
    """A wheel turn over the middle of ``widget`` (negative: towards the user, down),
    arriving where the window system delivers it: at the widget's window."""
    centre = QPoint(widget.width() // 2, widget.height() // 2)
    top = widget.window()
    event = QWheelEvent(
        QPointF(widget.mapTo(top, centre)),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(top.windowHandle(), event)


@pytest.fixture
def page(qtbot, qapp):
    guard = install_wheel_guard(qapp)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    inner = QWidget()
    column = QVBoxLayout(inner)
    first = QPushButton("Save")  # the focus starts here, as on a page with a button first
    column.addWidget(first)
    column.addWidget(QLabel("What set it off"))
    combo = QComboBox()
    combo.addItems(["A run", "Leg day", "Not sure"])
    spin, slider, date = QSpinBox(), QSlider(Qt.Orientation.Horizontal), QDateEdit()
    spin.setValue(5)
    slider.setValue(50)
    for widget in (combo, spin, slider, date):
        column.addWidget(widget)
    column.addSpacing(2000)  # a long page
    scroll.setWidget(inner)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    guard.watch(scroll.windowHandle())  # focusWindowChanged does this on a desktop
    first.setFocus()
    return scroll, combo, spin, slider, date


def test_the_guard_is_installed_once(qapp):
    assert install_wheel_guard(qapp) is install_wheel_guard(qapp)
    assert len(qapp.findChildren(WheelGuard)) == 1


def test_an_unfocused_combo_keeps_its_value_and_the_page_scrolls(page):
    scroll, combo, *_ = page
    assert not combo.hasFocus()
    before = scroll.verticalScrollBar().value()
    wheel(combo)
    wheel(combo)
    assert combo.currentText() == "A run"
    assert scroll.verticalScrollBar().value() > before


def test_unfocused_spin_boxes_sliders_and_dates_keep_their_values(page):
    _scroll, _combo, spin, slider, date = page
    day = date.date()
    for widget in (spin, slider, date):
        wheel(widget, steps=1)
    assert (spin.value(), slider.value(), date.date()) == (5, 50, day)


def test_a_focused_combo_still_changes_with_the_wheel(page, qtbot):
    scroll, combo, *_ = page
    scroll.activateWindow()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentText() == "Leg day"


def test_the_wheel_never_gives_focus_to_a_control(page):
    _scroll, combo, spin, slider, date = page
    for widget in (combo, spin, slider, date):
        wheel(widget)
        assert not widget.hasFocus(), widget


def test_the_app_makes_the_guard(make_app, qapp):
    for guard in qapp.findChildren(WheelGuard):
        guard.setParent(None)
    qapp.setProperty(GUARD_PROPERTY, None)  # forgotten: the app must make its own
    companion = make_app()
    [guard] = qapp.findChildren(WheelGuard)
    assert qapp.property(GUARD_PROPERTY) is guard  # found again without a findChild walk
    guard.watch(companion.window.windowHandle())  # as when it first becomes active
    assert companion.window.windowHandle().property("companion_wheel_guard") is True


def test_a_window_that_becomes_active_is_watched(qapp, qtbot):
    guard = install_wheel_guard(qapp)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    guard.watch(other.windowHandle())
    guard.watch(other.windowHandle())  # once only
    assert other.windowHandle().property("companion_wheel_guard") is True
