"""Keyboard and screen readers: Tab order, Enter on buttons, radio scales, region values."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from companion.resources import load_routines
from companion.ui.buttons import ChoiceButton, install_enter_presses
from companion.ui.routines.player import RoutinePlayerView
from companion.ui.today.page import TodayPage


def tab_stops(window: QWidget, start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab reaches from ``start``, in order, as Qt walks them."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(count):
        window.focusNextChild()
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        assert focus is not None
        seen.append(focus)
    return seen


@pytest.fixture
def today_page(make_app: Any) -> Any:
    def build(size: tuple[int, int]) -> tuple[Any, TodayPage]:
        companion = make_app()
        companion.window.resize(*size)
        companion.window.show()
        page = companion.window.page("today")
        QApplication.processEvents()
        return companion, page

    return build


@pytest.mark.parametrize("size", [(1280, 860), (760, 700)], ids=["wide", "narrow"])
def test_tab_follows_the_page_map_scores_answers_then_save(today_page: Any, size: Any) -> None:
    companion, page = today_page(size)
    assert page.is_wide() == (size[0] > 1000)
    page.map.select("calves_L")  # the region's controls are enabled
    stops = tab_stops(companion.window, page.map, 30)
    names = [w.objectName() or type(w).__name__ for w in stops]
    first_rest = stops.index(page.rest_row.buttons()[0])
    first_move = stops.index(page.move_row.buttons()[0])
    save = stops.index(page.save_button)
    words = [stops.index(b) for b in page.word_boxes.values()]
    answers = [stops.index(w) for w in (page.hours, page.cause, page.kind, page.swelling)]
    assert first_rest == 0, names
    assert first_rest < first_move < min(words), names
    assert max(words) < min(answers) < max(answers) < save, names
    # one stop per scale: Tab does not walk the eleven scores
    assert sum(isinstance(w, ChoiceButton) for w in stops[:save]) == 2


# -- Enter presses the focused button --------------------------------------------------------
def test_enter_presses_a_focused_plan_button_in_the_main_window(
    today_page: Any, qtbot: Any
) -> None:
    companion, page = today_page((1280, 860))
    window = companion.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.ask = lambda questions: {q.id: False for q in questions}
    page.ask_conditions = lambda: ()
    page.map.select("calves_L")
    page.map.set_score("calves_L", 4)
    assert page.save()
    edit = page.plan_view.findChild(QPushButton, "EditCheckIn")
    assert edit is not None
    qtbot.waitUntil(edit.isVisible)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        assert QApplication.focusWidget() is edit
        with qtbot.waitSignal(edit.clicked, timeout=1000):
            qtbot.keyClick(edit, key)
        assert QApplication.focusWidget() is page.map  # what Edit check-in does


def test_enter_on_a_focused_score_saves_the_check_in_as_before(today_page: Any, qtbot: Any) -> None:
    companion, page = today_page((1280, 860))
    companion.window.activateWindow()
    qtbot.waitUntil(companion.window.isActiveWindow)
    page.ask = lambda questions: {q.id: False for q in questions}
    page.ask_conditions = lambda: ()
    page.map.select("calves_L")
    page.map.set_score("calves_L", 5)
    five = page.move_row.buttons()[5]
    five.setFocus()
    with qtbot.waitSignal(page.plan_shown, timeout=2000):
        qtbot.keyClick(five, Qt.Key.Key_Return)  # a choice, not a button: the form's Enter


def test_enter_presses_a_push_button_and_space_still_does(qtbot: Any, qapp: Any) -> None:
    install_enter_presses(qapp)
    window = QWidget()
    box = QVBoxLayout(window)
    field = QLineEdit()
    button = QPushButton("Go")
    tool = QToolButton()
    tool.setText("More")
    box.addWidget(field)
    box.addWidget(button)
    box.addWidget(tool)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    entered: list[bool] = []
    field.returnPressed.connect(lambda: entered.append(True))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert entered == [True] and pressed == []  # a field keeps its Enter
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == [True]
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert pressed == [True, True]
    button.setEnabled(False)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == [True, True]
    tool.setFocus()
    with qtbot.waitSignal(tool.clicked, timeout=1000):
        qtbot.keyClick(tool, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)


def test_enter_in_a_dialog_is_still_the_dialogs(qtbot: Any, qapp: Any) -> None:
    install_enter_presses(qapp)
    dialog = QDialog()
    row = QHBoxLayout(dialog)
    back = QPushButton("Back")
    back.setAutoDefault(False)  # as the safety questions' Back: Enter is always Next
    ok = QPushButton("Next")
    ok.setDefault(True)
    row.addWidget(back)
    row.addWidget(ok)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    clicked: list[str] = []
    back.clicked.connect(lambda: clicked.append("back"))
    ok.clicked.connect(lambda: clicked.append("next"))
    back.setFocus()
    qtbot.keyClick(back, Qt.Key.Key_Return)
    assert clicked == ["next"]


# -- the 0-10 scales are radio groups ------------------------------------------------------------
def test_the_scales_read_as_two_radio_groups(today_page: Any, qtbot: Any) -> None:
    _companion, page = today_page((1280, 860))
    page.map.select("calves_L")
    for row, title in (
        (page.rest_row, "Soreness at rest"),
        (page.move_row, "Soreness during the test movement"),
    ):
        group = QAccessible.queryAccessibleInterface(row)
        assert group.role() == QAccessible.Role.Grouping
        assert group.text(QAccessible.Text.Name) == title
        radios = [QAccessible.queryAccessibleInterface(b) for b in row.buttons()]
        assert [r.role() for r in radios] == [QAccessible.Role.RadioButton] * 11
        assert [r.text(QAccessible.Text.Name) for r in radios] == [f"{v} of 10" for v in range(11)]
        assert all(r.parent().object() is row for r in radios)
        row.set_value(4)
        assert [r.state().checked for r in radios] == [v == 4 for v in range(11)]
        action = radios[7].actionInterface()
        assert action is not None
        action.doAction(action.pressAction())
        assert row.value() == 7


def test_arrow_keys_move_the_choice_and_tab_stops_at_it(today_page: Any, qtbot: Any) -> None:
    _companion, page = today_page((1280, 860))
    page.map.select("calves_L")
    page.rest_row.set_value(3)
    three = page.rest_row.buttons()[3]
    assert three.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert page.rest_row.buttons()[0].focusPolicy() == Qt.FocusPolicy.ClickFocus
    three.setFocus()
    with qtbot.waitSignal(page.rest_row.changed, timeout=1000) as moved:
        qtbot.keyClick(three, Qt.Key.Key_Right)
    assert moved.args == [4]
    assert page.rest_row.value() == 4
    assert QApplication.focusWidget() is page.rest_row.buttons()[4]
    assert page.drafts["calves_L"].at_rest == 4
    qtbot.keyClick(page.rest_row.buttons()[4], Qt.Key.Key_Left)
    assert page.rest_row.value() == 3


# -- the player: told once a phase, never every second -------------------------------------------
def test_the_players_progress_is_told_once_a_phase_and_drawn_every_tick(
    qtbot: Any, clock: Any
) -> None:
    routine = load_routines().get("calves_and_shins")
    view = RoutinePlayerView(routine.name, routine.steps, clock)
    view.ticker.stop()  # the test moves time itself
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    drawn: list[int] = []
    told: list[int] = []
    segments: list[object] = []
    for _ in range(40):
        clock.advance(seconds=1)
        view.advance(clock.now())
        drawn.append(view.progress.value())
        told.append(view.progress.told())
        segments.append(view.session.current)
    assert len(set(drawn)) > 30  # the bar moves every second on screen
    phases = sum(1 for a, b in itertools.pairwise(segments) if a != b) + 1
    assert 2 <= phases < 10
    assert len(set(told)) <= phases  # a screen reader hears of it once a phase
    ring = QAccessible.queryAccessibleInterface(view.ring)
    assert ring.text(QAccessible.Text.Name) == "Time left in this step"
    assert ring.text(QAccessible.Text.Description) == view.ring.spoken()
    assert view.ring.spoken().startswith(view.ring.text())
    assert view.ring.accessibleDescription() == ""  # nothing pushed as the seconds go
