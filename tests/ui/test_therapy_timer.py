"""Therapy timers in the window: the quick check, the phases on a fake clock, the record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from companion.domain.therapy_timer import plan_contrast, plan_heat
from companion.resources import load_protocols, load_triage
from companion.storage.therapy import TherapyRepository
from companion.ui.reminders.therapy_timer import TherapyTimerView


@pytest.fixture
def questions():
    catalog = load_triage()
    return [catalog.get(q) for q in ("R1", "R2", "O1", "O5")]


def make_view(qtbot, clock, plan, questions) -> TherapyTimerView:
    view = TherapyTimerView(plan, clock, questions)  # its ticker reads the test's clock
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_yes_in_the_quick_check_stops_the_start(qtbot, clock, questions):
    view = make_view(qtbot, clock, plan_heat(load_protocols()), questions)
    assert [box.accessibleName() for box in view.answers] == [q.text for q in questions]
    assert view.start_button.isEnabled()
    view.answers[2].setChecked(True)  # one leg swollen, warm, red
    assert not view.start_button.isEnabled()
    assert view.stop_note.isVisible()
    view.start()
    assert view.timer is None
    with qtbot.waitSignal(view.something_wrong):
        view.wrong_button.click()


def test_contrast_runs_hot_and_cold_on_the_clock_and_is_reported(qtbot, clock, questions):
    view = make_view(qtbot, clock, plan_contrast(load_protocols()), questions)
    assert any("thermometer" in label.text() for label in view.findChildren(QLabel))
    view.start_button.click()
    assert view.phase.text() == "Hot"
    assert view.countdown.text() == "3:00"
    clock.advance(seconds=61.5)
    view.advance(clock.now())
    assert view.countdown.text() == "1:59"  # deadline minus now, rounded up
    clock.advance(seconds=120)  # 1.5 s into the cold phase
    view.advance(clock.now())
    assert view.phase.text() == "Cold"
    assert view.countdown.text() == "0:59"
    assert "Cold water" in view.say.text()
    assert view.sound.history[-1].startswith("phase Switch to cold. Cold water")
    assert view.end_panel.isVisible() and view.end_panel.title.text() == "Switch to cold"
    assert view.status(clock.now()).startswith("Contrast therapy: Cold until ")
    view.toggle_pause()
    assert view.phase.text() == "Cold (paused)"
    clock.advance(minutes=5)
    view.advance(clock.now())
    assert view.countdown.text() == "0:59"
    view.toggle_pause()
    with qtbot.waitSignal(view.finished) as finished:
        clock.advance(minutes=20)
        view.advance(clock.now())
    timer = finished.args[0]
    assert timer.outcome == "completed"
    assert [r.worked for r in timer.records] == [timedelta(minutes=m) for m in (3, 1) * 3]


def test_skin_check_every_five_minutes_of_heat_is_a_question(qtbot, clock, questions):
    view = make_view(qtbot, clock, plan_heat(load_protocols(), 20), questions)
    view.start()
    clock.advance(minutes=4, seconds=59)
    view.advance(clock.now())
    assert not view.skin_panel.isVisible()
    clock.advance(seconds=2)
    view.advance(clock.now())
    assert view.skin_panel.isVisible()
    assert view.skin_panel.question.text() == (
        "Is the skin very red or blistered, or does it burn or feel numb?"
    )
    assert view.sound.history[-1].startswith("phase Skin check: Is the skin")
    clock.advance(minutes=3)  # no answer yet: the timer runs on, the question stays
    view.advance(clock.now())
    assert view.skin_panel.isVisible() and view.timer.ended_at is None
    assert view.countdown.text() == "11:59"
    view.skin_panel.fine_button.click()
    assert not view.skin_panel.isVisible()
    assert [(c.due_s, c.answer) for c in view.timer.skin] == [(300, "fine")]


def test_space_pauses_and_escape_stops_and_stopping_is_reported(qtbot, clock, questions):
    view = make_view(qtbot, clock, plan_heat(load_protocols(), 20), questions)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.start()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.timer.paused
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not view.timer.paused
    clock.advance(minutes=3)
    with qtbot.waitSignal(view.finished) as finished:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert finished.args[0].outcome == "stopped"
    assert finished.args[0].records[0].worked == timedelta(minutes=3)


def test_the_app_refuses_beyond_the_limits_and_stores_a_finished_timer(make_app, clock, qtbot):
    companion = make_app(has_tray=True)
    assert "above the safe limit of 20 min" in companion.start_timer("ice", {"minutes": 25})
    assert companion.therapy is None
    assert companion.start_timer("ice", {"intermittent": True}) is None
    view = companion.therapy
    assert view is not None
    view.start()
    assert "Ice pack: Ice on until" in companion.tray.toolTip()
    assert companion.start_timer("heat", {}) == "A timer is already running; stop it first."
    clock.advance(minutes=31)
    view.advance(clock.now())
    (stored,) = TherapyRepository(companion.db).recent()
    assert (stored.therapy, stored.outcome) == ("ice", "completed")
    assert [p["phase"] for p in stored.phases] == ["Ice on", "Ice off", "Ice on"]
    view.close()


def test_the_timer_command_over_the_instance_channel(make_app):
    companion = make_app()
    assert companion.handle_message(
        {"command": "timer", "kind": "contrast", "options": {"preset": "3-1x3"}}
    ) == {"ok": True}
    assert companion.therapy is not None and companion.therapy.isVisible()
    refused = companion.handle_message(
        {"command": "timer", "kind": "cold-bath", "options": {"temp_c": 5}}
    )
    assert not refused["ok"]
    companion.therapy.close()
    refused = companion.handle_message(
        {"command": "timer", "kind": "cold-bath", "options": {"temp_c": 5}}
    )
    assert refused == {
        "ok": False,
        "error": "Cold-water temperature: 5 °C is below the safe minimum of 10 °C.",
    }


def test_the_reminders_page_starts_a_timer_or_says_why_not(make_app, qtbot):
    companion = make_app()
    companion.window.show()
    companion.window.show_section("reminders")
    page = companion.window.page("reminders")
    page.timer_kind.setCurrentIndex(page.timer_kind.findData("warm-bath"))
    assert page.timer_temp.isVisible() and page.timer_minutes.value() == 20
    page.timer_temp.setValue(39.0)
    page._start_timer()
    assert "above the safe limit of 15 min" in page.timer_note.text()
    page.timer_minutes.setValue(15)
    page._start_timer()
    assert companion.therapy is not None
    assert companion.therapy.plan.settings == {"minutes": 15, "temp_c": 39.0}
    companion.therapy.close()
