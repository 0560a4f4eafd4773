"""The first start's welcome: small skippable steps, asked once, saved where Settings reads."""

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog

from companion.domain.equipment import Equipment
from companion.domain.preferences import Preferences
from companion.resources import load_conditions, load_protocols
from companion.ui.today.dialogs import ConditionsPicker
from companion.ui.welcome.dialog import STEPS, WelcomeAnswers, WelcomeDialog


@pytest.fixture
def welcome(qtbot):
    dialog = WelcomeDialog(load_conditions(), load_protocols(), Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_four_steps_with_an_indicator_and_skip_everywhere(welcome, qtbot):
    for index, step in enumerate(STEPS):
        assert welcome.step == step
        assert welcome.step_label.text() == f"Step {index + 1} of {len(STEPS)}"
        assert welcome.skip_button.isVisible() and welcome.skip_button.text() == "Skip for now"
        qtbot.mouseClick(welcome.skip_button, Qt.MouseButton.LeftButton)
    assert welcome.result() == QDialog.DialogCode.Accepted
    assert welcome.answers() == WelcomeAnswers()  # everything skipped: nothing set


def test_none_of_these_is_exclusive_and_answers_the_step(welcome, qtbot):
    picker = welcome.conditions
    assert not welcome.next_button.isEnabled()  # no answer yet: Skip, or tick something
    first, second = list(picker.boxes.values())[:2]
    first.setChecked(True)
    second.setChecked(True)
    picker.none_box.setChecked(True)
    assert not any(b.isChecked() for b in picker.boxes.values())
    assert welcome.next_button.isEnabled()
    first.setChecked(True)
    assert not picker.none_box.isChecked()
    picker.none_box.setChecked(True)
    qtbot.keyClick(welcome, Qt.Key.Key_Return)  # Enter is Next
    assert welcome.step == "equipment"


def test_no_equipment_is_ticked_for_a_new_user(welcome):
    assert welcome.equipment
    assert not any(box.isChecked() for box in welcome.equipment.values())


def test_answers_from_each_step(welcome, qtbot):
    welcome.conditions.boxes["cold_sensitivity"].setChecked(True)
    qtbot.keyClick(welcome, Qt.Key.Key_Return)
    welcome.equipment[Equipment.BALL].setChecked(True)
    qtbot.keyClick(welcome, Qt.Key.Key_Return)
    welcome.wake_from.setTime(QTime(6, 30))
    welcome.wake_to.setTime(QTime(21, 0))
    qtbot.keyClick(welcome, Qt.Key.Key_Return)
    welcome.water.setValue(2.5)
    assert welcome.next_button.text() == "Finish"
    with qtbot.waitSignal(welcome.accepted):
        qtbot.keyClick(welcome, Qt.Key.Key_Return)
    got = welcome.answers()
    assert [c.id for c in got.conditions] == ["cold_sensitivity"]
    assert got.equipment == {Equipment.BALL}
    assert (got.waking.start.hour, got.waking.start.minute, got.waking.end.hour) == (6, 30, 21)
    assert got.water_ml == 2500


def test_the_water_goal_stays_inside_the_usual_range(welcome):
    bound = load_protocols().bound("hydration.daily_target")
    assert (welcome.water.minimum(), welcome.water.maximum()) == (bound.warn_min, bound.warn_max)


def test_waking_hours_too_short_cannot_go_on(welcome, qtbot):
    welcome.conditions.none_box.setChecked(True)
    welcome.next()
    welcome.next()
    assert welcome.step == "waking"
    welcome.wake_from.setTime(QTime(9, 0))
    welcome.wake_to.setTime(QTime(10, 0))
    assert not welcome.next_button.isEnabled()
    assert welcome.waking_note.text()


def test_escape_closes_it_keeping_what_was_answered(welcome, qtbot):
    welcome.conditions.none_box.setChecked(True)
    welcome.next()
    with qtbot.waitSignal(welcome.rejected):
        qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    got = welcome.answers()
    assert got.conditions == ()  # "None of these" was answered
    assert got.equipment is None and got.water_ml is None


def test_the_conditions_dialog_has_none_of_these_too(qtbot):
    picker = ConditionsPicker(load_conditions(), (), none_ticked=True)
    qtbot.addWidget(picker)
    assert picker.none_box.isChecked() and picker.answered() and picker.chosen() == ()


# -- the app: offered once, for a new data folder, never over a start to the tray ----------
def answered(conditions=(), equipment=frozenset(), water_ml=None, finished=True):
    calls = []

    def ask():
        calls.append(1)
        return WelcomeAnswers(conditions, equipment, None, water_ml), finished

    ask.calls = calls  # type: ignore[attr-defined]
    return ask


def test_a_normal_start_offers_it_after_the_window_shows(make_app, qtbot):
    companion = make_app(show=False, has_tray=False)
    companion.welcome.enabled = True
    companion.welcome.ask = ask = answered()
    companion.start(minimized=False)
    qtbot.waitUntil(lambda: ask.calls == [1])
    assert companion.window.isVisible()


def test_a_new_folder_is_welcomed_once_and_the_answers_are_saved(make_app):
    from tests.ui.conftest import reopen

    companion = make_app()
    companion.welcome.enabled = True
    ask = companion.welcome.ask = answered(
        equipment=frozenset({Equipment.FOAM_ROLLER}), water_ml=3000
    )
    assert companion.welcome.offer()
    assert ask.calls == [1]
    assert companion.preferences.current.equipment == {Equipment.FOAM_ROLLER}
    assert companion.preferences.current.water_goal_ml == 3000
    assert companion.today.conditions_asked()  # the first check-in will not ask them
    assert not companion.welcome.offer()  # not again
    again = reopen(make_app, companion)
    again.welcome.enabled = True
    again.welcome.ask = answered()
    assert not again.welcome.offer()


def test_skipping_is_remembered_and_the_check_in_still_asks_conditions(make_app):
    companion = make_app()
    companion.welcome.enabled = True
    companion.welcome.ask = lambda: (WelcomeAnswers(), False)
    assert companion.welcome.offer()
    assert companion.settings.get("welcome.state") == "skipped"
    assert not companion.today.conditions_asked()
    assert not companion.today.welcome_needed()


def test_an_existing_users_folder_is_not_welcomed(make_app, clock):
    companion = make_app()
    companion.preferences.request(sounds=False)  # someone who has used Settings
    companion.welcome.enabled = True
    companion.welcome.ask = answered()
    assert not companion.welcome.offer()


def test_tests_and_tools_never_meet_it_unless_asked(make_app):
    companion = make_app(show=False, has_tray=False)
    companion.welcome.ask = ask = answered()
    companion.start(minimized=False)
    QApplication.processEvents()
    assert ask.calls == []


def test_a_start_to_the_tray_waits_for_the_window(make_app, qtbot):
    companion = make_app(show=False, has_tray=False)
    companion.welcome.enabled = True
    companion.welcome.ask = ask = answered()
    companion.start(minimized=True)  # waiting for the panel's tray
    QApplication.processEvents()
    assert ask.calls == []  # no window, no welcome
    companion.window.show()
    qtbot.waitUntil(lambda: ask.calls == [1])
