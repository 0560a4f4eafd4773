"""Reminders end to end on the GUI side: fired jobs become one prompt at a time, answered."""

from __future__ import annotations

import threading
from datetime import time, timedelta

import pytest

from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.reminders import Fired
from companion.storage.activities import ActivityRepository
from companion.ui.reminders.center import ReminderCenter


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=8, minute=0))
    return make_app(has_tray=True)


@pytest.fixture
def center(companion):
    center = companion.reminders
    center.scheduler.start(paused=True)  # jobs exist; the test fires them itself
    return center


def water_rule(**changes) -> ReminderRule:
    values = {"every_min": 90, "amount_ml": 250, "daily_goal_ml": 2000} | changes
    return ReminderRule(Kind.HYDRATION, "Water", **values)


def press(center: ReminderCenter, action: str) -> None:
    """Click the popup's button for ``action``, as a user would."""
    from PySide6.QtWidgets import QPushButton

    (button,) = [
        b
        for b in center.popup.findChildren(QPushButton)
        if b.property("action") == action and not b.isHidden()
    ]
    button.click()


def test_a_job_fired_on_a_worker_thread_is_handled_on_the_gui_thread(center, clock, qtbot):
    rule = center.save_rule(water_rule())
    clock.advance(minutes=30)  # 08:30, the first water reminder
    worker = threading.Thread(target=center._bridge.fired.emit, args=(Fired(rule_id=rule.id),))
    with qtbot.waitSignal(center.prompt_shown) as shown:
        worker.start()
        worker.join()
    assert center.handled_on == [threading.main_thread().name]
    prompt = shown.args[0]
    assert prompt.title == "Water"
    assert "250 mL" in prompt.body
    assert [a for a, _ in prompt.actions] == ["done", "snooze", "skip"]
    assert center.popup.isVisible()


def test_done_logs_the_water_and_the_next_prompt_waits_its_turn(center, clock, qtbot):
    water = center.save_rule(water_rule())
    stand = center.save_rule(
        ReminderRule(Kind.CUSTOM, "Stand up", times=(time(8, 30),), message="Walk for two minutes.")
    )
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=water.id))
    center._on_fired(Fired(rule_id=stand.id))
    assert center.current.title == "Water"
    assert [p.title for p in center.queue] == ["Stand up"]  # never two at once
    press(center, "done")
    assert center.water_today() == 250
    assert center.current.title == "Stand up"
    assert center.popup.body.text() == "Walk for two minutes."
    press(center, "skip")
    assert center.current is None and not center.popup.isVisible()
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"done": 1, "skipped": 1}


def test_snooze_comes_back_after_the_snooze_and_survives_a_restart(
    make_app, companion, center, clock, qtbot
):
    from tests.ui.conftest import reopen

    rule = center.save_rule(water_rule())
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    press(center, "snooze")
    key, when = next(iter(center.scheduler.next_once().items()))
    assert key.startswith("snooze-")
    assert when == clock.now() + timedelta(minutes=10)
    again = reopen(make_app, companion)
    clock.advance(minutes=11)
    with qtbot.waitSignal(again.reminders.prompt_shown) as shown:
        again.start_reminders()
    assert shown.args[0].title.startswith("Water")
    again.reminders.stop()


def test_after_a_gap_one_prompt_says_what_was_missed(center, clock, qtbot):
    rule = center.save_rule(water_rule())
    clock.advance(hours=5, minutes=10)  # 13:10: 08:30, 10:00, 11:30 and 13:00 passed
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current.title == "Water (13:00)"
    assert "3 earlier reminders missed" in center.current.body
    assert center.queue == []
    center._on_fired(Fired(rule_id=rule.id))  # a second delivery of the same moment
    assert center.queue == []


def test_water_drunk_recently_quietens_the_reminder(center, clock):
    rule = center.save_rule(water_rule())
    clock.advance(minutes=10)
    center.log_water(300, "tray")
    clock.advance(minutes=20)  # 08:30, 20 minutes after drinking
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current is None
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"backed_off": 1}


def test_behind_pace_shows_only_when_behind(center, clock):
    rule = center.save_rule(water_rule())
    clock.set(clock.now().replace(hour=14, minute=30))  # pace line: 1000 mL
    center._on_fired(Fired(rule_id=rule.id))
    assert "1,000 mL behind" in center.current.body
    press(center, "skip")
    center.log_water(1300)
    clock.set(clock.now().replace(hour=16, minute=0))  # the line is at 1200 mL
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current.body == "Time for about 250 mL of water."


def test_icing_done_schedules_taking_it_off_with_no_snooze(center, clock):
    rule = center.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    clock.set(clock.now().replace(hour=9, minute=0))
    center._on_fired(Fired(rule_id=rule.id))
    press(center, "done")
    ((key, when),) = center.scheduler.next_once().items()
    assert key.startswith("ice-off-")
    assert when == clock.now() + timedelta(minutes=15)
    clock.advance(minutes=15)
    center._on_fired(Fired(key=key))
    assert center.current.title == "Take the ice off now"
    assert [a for a, _ in center.current.actions] == ["done"]  # never snoozed past the limit


def test_a_paused_reminder_is_held_back_and_not_replayed(center, companion, clock):
    from companion.domain.pause import PauseChoice

    rule = center.save_rule(water_rule())
    clock.advance(minutes=30)
    companion.pause.pause(PauseChoice.HOUR_1)
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current is None
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"quiet": 1}


def test_a_routine_reminder_done_starts_the_routine(center, companion, clock, qtbot):
    rule = center.save_rule(
        ReminderRule(
            Kind.ROUTINE, "Cool-down", times=(time(8, 30),), routine_id="post_run_cooldown"
        )
    )
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    with qtbot.waitSignal(center.routine_requested) as requested:
        press(center, "done")
    assert requested.args == ["post_run_cooldown"]
    assert companion.player is not None and companion.player.isVisible()
    companion.player.close()


def test_the_tray_logs_water_and_tells_the_next_reminder(companion, center, clock):
    center.save_rule(water_rule())
    companion.tray.water_menu.actions()[1].trigger()
    assert center.water_today() == 250
    tip = companion.tray.toolTip()
    assert "Next: Water, today 08:30" in tip
    assert "Water today: 250 mL of 2,000 mL" in tip


def test_log_water_over_the_instance_channel(companion, center):
    assert companion.handle_message({"command": "log-water", "ml": 500}) == {
        "ok": True,
        "today_ml": 500,
    }
    refused = companion.handle_message({"command": "log-water", "ml": 5000})
    assert not refused["ok"] and "not an amount" in refused["error"]
    assert not companion.handle_message({"command": "log-water", "ml": "lots"})["ok"]
    assert center.water_today() == 500


def test_when_words(clock):
    from companion.ui.reminders.center import when_words

    now = clock.now().replace(hour=22, minute=0)  # Monday 15 June
    assert when_words(now.replace(hour=23), now) == "today 23:00"
    assert when_words(now + timedelta(hours=9, minutes=30), now) == "tomorrow 07:30"
    assert when_words(now + timedelta(days=3), now) == "Thu 22:00"


def test_just_finished_a_run_starts_the_cool_down_and_schedules_the_rest(
    companion, center, clock, qtbot
):
    clock.set(clock.now().replace(hour=18, minute=20))
    companion.tray.finished_menu.actions()[0].trigger()  # "A run"
    dialog = companion.activity_dialog  # log it: distance, time and effort are optional
    assert dialog is not None and dialog.save_button.text() == "Log it and start the cool-down"
    dialog.km.setValue(8)
    dialog.save_button.click()
    (_id, run), *_ = ActivityRepository(companion.db).recent(1)
    assert (run.kind.value, run.km, run.ended_at) == ("run", 8, clock.now())
    assert companion.player is not None and companion.player.isVisible()
    companion.player.close()
    titles = [rule.title for rule in center.service.repo.all()]
    assert titles == [
        "Drink after your run",
        "A little more water",
        "How are your legs, day 1 after your run?",
        "How are your legs, day 2 after your run?",
    ]
    first = center.service.repo.all()[0]
    clock.advance(minutes=1)
    center._on_fired(Fired(rule_id=first.id))
    press(center, "done")
    assert center.water_today() == 250
    check = center.service.repo.all()[2]
    clock.advance(days=1)
    center._on_fired(Fired(rule_id=check.id))
    with qtbot.waitSignal(center.checkin_requested):
        press(center, "done")
    assert companion.window.current_section() == "today"


def test_finished_rules_are_cleared_a_day_after_their_window(companion, center, clock):
    from companion.domain.reminders import recovery_timeline

    center.save_rules(recovery_timeline("run", clock.now(), center.waking()))  # Monday 08:00
    clock.advance(days=2, hours=1)  # Wednesday 09:00: only the day-2 check-in ended < 1 day ago
    assert center.service.repo.delete_finished(clock.now() - timedelta(days=1)) == 3
    assert [r.title for r in center.service.repo.all()] == [
        "How are your legs, day 2 after your run?"
    ]


def test_the_tray_menu_shows_the_status_lines_and_snooze_length_is_a_setting(
    companion, center, clock
):
    center.save_rule(water_rule())
    companion.set_snooze_minutes(25)
    companion.set_snooze_minutes(500)  # out of range: ignored
    rule = center.service.repo.all()[0]
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    assert ("snooze", "Snooze 25 min") in center.current.actions
    press(center, "snooze")
    (until,) = center.scheduler.next_once().values()
    assert until == clock.now() + timedelta(minutes=25)
    center.log_water(250)
    texts = [a.text() for a in companion.tray.menu.actions()[:3]]
    # (the paused test scheduler has not moved the job on; the line's form is the point)
    assert texts[0].startswith("Next: Water, today ")
    assert texts[1] == "Water today: 250 mL of 2,000 mL"
    assert companion.tray.menu.actions()[2].isSeparator()
    assert not companion.tray.menu.actions()[0].isEnabled()
