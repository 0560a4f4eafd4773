"""The "Return to running" window through the real app: opened from Routines, the plan
started, the timer run on the fake clock, the questions after the run and next morning,
the gate's refusal and the stop-and-get-care words."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from companion.domain.regions import Side
from companion.domain.return_to_run import Today
from companion.services.content import LazyContent
from companion.ui.routines.page import RoutinesPage
from companion.ui.routines.return_to_run import MIN_SIZE, ReturnToRunView
from companion.ui.theme import Scheme

SHOTS = Path(os.environ.get("COMPANION_SHOTS", "/tmp/shots/f2"))


@pytest.fixture(autouse=True)
def _closed_after(qtbot):
    """The window has no parent: close it after each test, or it stays on screen over the
    next test's main window and takes its mouse (test_today_page's hover)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReturnToRunView):
            widget.close()
            widget.deleteLater()


def _open(companion, qtbot) -> ReturnToRunView:
    window = companion.window
    window.show_section("routines")
    page = window.page("routines")
    assert isinstance(page, RoutinesPage)
    button = page.return_to_run_entry.property("entry_button")
    assert isinstance(button, QPushButton)
    assert button.accessibleName() == "Open the return-to-running plan"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = companion.routine_wiring._return_to_run.view
    assert isinstance(view, ReturnToRunView)
    qtbot.waitExposed(view)
    return view


def _shot(view: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout settles as it would before a paint
    view.grab().save(str(SHOTS / f"{name}.png"))


def test_start_run_the_timer_and_answer_the_questions(make_app, qtbot, clock):
    companion = make_app()
    view = _open(companion, qtbot)
    _shot(companion.window, "routines-page-light")
    assert view.start_box.isVisible()
    assert not view.today_box.isVisible()
    assert "7 out of 10" in view.plan_care.text()
    view.resize(*MIN_SIZE)
    _shot(view, "start-light-min")
    view.baseline.buttons()[1].click()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert "Plan started" in view.said.text()
    assert view.today_box.isVisible()
    assert view.headline.text().startswith("Today: Step 1")
    assert view.timer_button.isVisible()
    view.resize(900, 1000)
    _shot(view, "today-light-large")
    qtbot.mouseClick(view.timer_button, Qt.MouseButton.LeftButton)
    assert view.timing
    assert view.timer_box.isVisible()
    qtbot.waitUntil(lambda: view.phase.text() == "Run")
    assert view.left.text() == "1:00"
    clock.advance(seconds=70)
    qtbot.waitUntil(lambda: view.phase.text() == "Walk")
    assert view.left.text() == "1:50"
    assert view.where.text().startswith("Interval 2 of 16")
    _shot(view, "timer-light-large")
    clock.advance(minutes=24)  # a sleeping laptop: the session is over when it wakes
    qtbot.waitUntil(view.after_box.isVisible)
    assert not view.timing
    assert view.completed.isChecked()
    _shot(view, "after-light-large")
    view.pain.buttons()[2].click()
    view.save_after.click()
    assert "Rest tomorrow" in view.said.text()
    assert view.status is not None and view.status.today is not None
    assert view.status.today.kind is Today.DONE_TODAY
    clock.advance(days=1)
    view.close()
    view = _open(companion, qtbot)
    assert view.morning_box.isVisible()
    assert view.headline.text() == "Report how this morning feels first"
    _shot(view, "morning-light-large")
    view.save_morning.click()  # nothing chosen yet
    assert "0 to 10" in view.said.text()
    view.morning.buttons()[1].click()
    view.save_morning.click()
    assert view.said.text() == "A good session: 1 of 2 at this step."
    assert view.headline.text() == "Rest today"
    assert not view.timer_button.isVisible()


def test_a_stop_sign_shows_get_care_in_dark(make_app, qtbot, clock):
    companion = make_app(scheme=Scheme.DARK)
    view = _open(companion, qtbot)
    assert not view.start_button.isEnabled()
    view.baseline.buttons()[0].click()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    assert view.after_box.isVisible()
    view.pain.buttons()[2].click()
    view.after_signs.boxes[next(iter(view.after_signs.boxes))].setChecked(True)  # sharp
    view.save_after.click()
    assert "sign to stop" in view.said.text()
    assert view.headline.text() == "Stop the plan and get care"
    assert view.start_box.isVisible()  # a new plan can be started later
    view.resize(*MIN_SIZE)
    _shot(view, "care-dark-min")
    view.resize(900, 1000)
    _shot(view, "care-dark-large")


def test_the_gate_refuses_the_start_in_its_words(make_app, qtbot, clock):
    companion = make_app(scheme=Scheme.DARK)
    result = LazyContent().triage.evaluate({"O1": True}, [Side.LEFT], clock.now())
    companion.today.checkins.record_outcome(result)
    view = _open(companion, qtbot)
    assert not view.start_button.isEnabled()
    view.baseline.buttons()[0].click()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert "Running is not available now" in view.said.text()
    assert view.status is not None and view.status.plan is None
    view.resize(900, 1000)
    _shot(view, "refused-dark-large")


def test_a_lock_after_the_start_holds_the_timer_back(make_app, qtbot, clock):
    companion = make_app()
    view = _open(companion, qtbot)
    assert not view.start_button.isEnabled()
    view.baseline.buttons()[0].click()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    result = LazyContent().triage.evaluate({"O1": True}, [Side.RIGHT], clock.now())
    companion.today.checkins.record_outcome(result)
    qtbot.mouseClick(view.timer_button, Qt.MouseButton.LeftButton)
    assert not view.timing
    assert "Running is not available now" in view.blocked.text()
    assert view.blocked.isVisible()
    assert not view.timer_button.isVisible()
    view.resize(*MIN_SIZE)
    _shot(view, "blocked-light-min")
    clock.advance(timedelta(hours=1))
