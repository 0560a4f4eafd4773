"""The safety questions in small steps, driven from the keyboard as a user would."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from companion.domain.applicability import Reported
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType, Swelling
from companion.domain.regions import Side
from companion.domain.triage import Moment, questions_for
from companion.resources import load_triage
from companion.ui.today.dialogs import SafetyQuestionsDialog


@pytest.fixture(scope="module")
def catalog():
    return load_triage()


def questions(catalog, clock, region="quads_L", **kw):
    side = Side.LEFT if region.endswith("_L") else Side.RIGHT
    checkin = CheckIn(
        clock.now(),
        clock.now() - timedelta(hours=24),
        kw.pop("cause", Cause.LEG_DAY),
        SorenessType.DOMS,
        (RegionReport(region, side, 1, 4),),
        **kw,
    )
    return questions_for(catalog, [Moment.NEW_REGION], Reported.of(checkin))


@pytest.fixture
def dialog(qtbot, catalog, clock):
    def make(**kw):
        shown = SafetyQuestionsDialog(questions(catalog, clock, **kw))
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        return shown

    return make


def shown_ids(dialog):
    return [q.id for q in dialog.steps()]


def test_one_question_a_screen_with_a_step_indicator(dialog):
    d = dialog()
    total = len(d.steps())
    assert d.current_question().id == "R1"
    assert d.question_label.text() == d.current_question().text
    assert d.step_label.text().endswith(f"question 1 of {total}")
    assert not d.back_button.isEnabled()
    assert not d.next_button.isEnabled()  # Enter cannot skip an unanswered question
    assert d.next_button.isDefault()


def test_only_the_questions_that_apply_are_shown(dialog):
    quads = dialog()
    assert "O3" not in shown_ids(quads)  # the Achilles question: no calf or heel marked
    calves = dialog(region="calves_R")
    assert {"O3", "Y3", "Y4"} <= set(shown_ids(calves))


def test_keyboard_only_n_answers_no_and_enter_finishes(dialog, qtbot):
    d = dialog()
    count = len(d.steps())
    qtbot.keyClick(d, Qt.Key.Key_Return)  # unanswered: Enter does nothing
    assert d.current_question().id == "R1"
    for _ in range(count):
        qtbot.keyClick(d, Qt.Key.Key_N)
    assert d.current_question() is None
    assert "no to every question" in d.summary_label.text()
    assert d.next_button.text() == "Done"
    with qtbot.waitSignal(d.accepted):
        qtbot.keyClick(d, Qt.Key.Key_Return)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.answers() and not any(d.answers().values())


def test_back_keeps_answers_and_enter_is_next(dialog, qtbot):
    d = dialog()
    qtbot.keyClick(d, Qt.Key.Key_Y)  # R1: yes
    second = d.current_question().id
    qtbot.mouseClick(d.back_button, Qt.MouseButton.LeftButton)
    assert d.current_question().id == "R1"
    assert d.yes_button.isChecked() and not d.no_button.isChecked()
    assert d.next_button.isEnabled()
    qtbot.keyClick(d, Qt.Key.Key_Return)  # Enter: Next, keeping the yes
    assert d.current_question().id == second
    assert d.answers()["R1"] is True


def test_a_follow_up_appears_only_after_a_yes_to_its_parent(dialog, qtbot):
    d = dialog(swelling=Swelling.BOTH_SIDES)
    assert "Y7" in shown_ids(d) and "Y7B" not in shown_ids(d)
    for _ in range(shown_ids(d).index("Y7")):
        qtbot.keyClick(d, Qt.Key.Key_N)
    assert d.current_question().id == "Y7"
    qtbot.keyClick(d, Qt.Key.Key_Y)
    assert d.current_question().id == "Y7B"
    qtbot.keyClick(d, Qt.Key.Key_Y)
    qtbot.mouseClick(d.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.back_button, Qt.MouseButton.LeftButton)
    assert d.current_question().id == "Y7"
    qtbot.keyClick(d, Qt.Key.Key_N)  # changed to no: the follow-up goes, and its answer
    assert "Y7B" not in shown_ids(d)
    assert d.answers()["Y7B"] is False


def test_escape_cancels(dialog, qtbot):
    d = dialog()
    qtbot.keyClick(d, Qt.Key.Key_N)
    with qtbot.waitSignal(d.rejected):
        qtbot.keyClick(d, Qt.Key.Key_Escape)


def test_yes_and_no_name_the_question_for_screen_readers(dialog):
    d = dialog()
    assert d.yes_button.accessibleName() == f"Yes: {d.current_question().text}"
    assert d.no_button.accessibleName().startswith("No: ")


def test_the_summary_lists_each_yes(dialog, qtbot):
    d = dialog()
    qtbot.keyClick(d, Qt.Key.Key_Y)
    for _ in range(len(d.steps()) - 1):
        qtbot.keyClick(d, Qt.Key.Key_N)
    assert d.current_question() is None
    assert "chest pain" in d.summary_label.text()
    assert d.answers()["R1"] is True
