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

from companion.ui.wheel_guard import WheelGuard, install_wheel_guard


def wheel(widget, steps=-1):
    """A wheel turn over the middle of ``widget`` (negative: towards the user, down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot, qapp):
    install_wheel_guard(qapp)
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


def test_guarded_controls_take_focus_by_click_or_tab_not_by_wheel(page):
    _scroll, combo, spin, slider, date = page
    for widget in (combo, spin, slider, date):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget


def test_the_app_installs_the_guard(make_app, qapp):
    for guard in qapp.findChildren(WheelGuard):
        qapp.removeEventFilter(guard)
        guard.setParent(None)
    make_app()
    assert len(qapp.findChildren(WheelGuard)) == 1
