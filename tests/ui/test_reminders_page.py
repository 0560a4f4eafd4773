"""The Reminders screen and the reminder editor, used as a person would."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QPushButton

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.triage import GREEN
from companion.storage.checkins import CheckInRepository


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=8, minute=0))
    app = make_app(has_tray=True)
    app.reminders.scheduler.start(paused=True)
    return app


def open_page(companion):
    companion.window.show()
    companion.window.show_section("reminders")
    return companion.window.page("reminders")


def test_the_editor_refuses_beyond_a_hard_limit_and_says_why(companion, qtbot):
    dialog = companion.reminder_dialog(ReminderRule(Kind.HYDRATION, ""))
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    dialog.amount.setValue(750)
    assert not dialog.save_button.isEnabled()
    assert "Water per reminder: 750 mL is above the safe limit of 500 mL" in (
        dialog.review_label.text()
    )
    dialog.amount.setValue(300)
    dialog.save()
    assert dialog.result_rule.amount_ml == 300
    assert dialog.result_rule.title == "Water"  # an empty name takes the kind's


def test_icing_over_the_outer_knee_has_the_shorter_limit(companion, qtbot):
    dialog = companion.reminder_dialog(ReminderRule(Kind.ICING, "Ice"))
    qtbot.addWidget(dialog)
    assert dialog.every.value() == 120
    assert dialog.on_min.isVisibleTo(dialog) and not dialog.amount.isVisibleTo(dialog)
    dialog.region.setCurrentIndex(dialog.region.findData("knee"))
    dialog.on_min.setValue(15)
    assert not dialog.save_button.isEnabled()
    assert "above the safe limit of 10 min" in dialog.review_label.text()
    dialog.region.setCurrentIndex(dialog.region.findData("calves"))
    assert not dialog.save_button.isEnabled()  # which leg? (no side is picked for you)
    dialog.side.setCurrentIndex(dialog.side.findData("left"))
    assert dialog.save_button.isEnabled()
    dialog.every.setValue(45)
    assert "below the safe minimum of 60 min" in dialog.review_label.text()


def test_outside_the_usual_range_asks_first(companion, qtbot):
    dialog = companion.reminder_dialog(
        ReminderRule(Kind.ICING, "Ice", region="calves", extra={"side": "both"})
    )
    qtbot.addWidget(dialog)
    dialog.every.setValue(115)  # allowed (8 sessions a day), but under the usual 2 hours
    asked: list[str] = []

    def decline(text: str) -> bool:
        asked.append(text)
        return False

    dialog._confirm = decline
    dialog.save()
    assert dialog.result_rule is None and "Gap between ice sessions" in asked[0]
    dialog._confirm = lambda text: True
    dialog.save()
    assert dialog.result_rule is not None
    assert dialog.result_rule.every_min == 115


def test_clock_time_kinds_show_time_and_days(companion, qtbot):
    dialog = companion.reminder_dialog(ReminderRule(Kind.ROUTINE, "Evening"))
    qtbot.addWidget(dialog)
    assert dialog.at.isVisibleTo(dialog) and dialog.routine.isVisibleTo(dialog)
    assert not dialog.every.isVisibleTo(dialog)
    dialog.at.setTime(dialog.at.time().fromString("23:15", "HH:mm"))
    assert "outside your waking hours" in dialog.review_label.text()
    dialog.at.setTime(dialog.at.time().fromString("19:30", "HH:mm"))
    for box in dialog.days[5:]:
        box.setChecked(False)
    dialog.save()
    rule = dialog.result_rule
    assert rule.times == (time(19, 30),) and rule.weekdays == frozenset(range(5))
    assert rule.routine_id == "post_run_cooldown"


def test_the_page_lists_rules_with_next_time_toggles_and_deletes(
    companion, clock, qtbot, monkeypatch
):
    page = open_page(companion)
    assert not page.empty_label.isHidden()
    companion.reminders.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    assert page.empty_label.isHidden()

    def shown(kind, name):
        return [
            b
            for b in page.findChildren(kind)
            if name in (b.text(), b.accessibleName()) and b.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown(QCheckBox, "Water")) == 1)  # rows show on the next loop
    (toggle,) = shown(QCheckBox, "Water")
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert "every 1 h 30 min while awake; next today 08:30" in texts
    assert page.next_label.text() == "Next: Water, today 08:30"
    assert page.today_list.item(0).text() == "08:30  Water  (to come)"
    toggle.click()
    assert not companion.reminders.service.repo.all()[0].enabled
    assert companion.reminders.next_fire_times() == {}
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: len(shown(QPushButton, "Delete Water")) == 1)
    (delete,) = shown(QPushButton, "Delete Water")
    delete.click()
    assert companion.reminders.service.repo.all() == []


def test_water_buttons_fill_the_day_bar(companion):
    page = open_page(companion)
    (button,) = [b for b in page.water_buttons if b.property("ml") == 500]
    button.click()
    button.click()
    assert page.water_bar.value() == 1000
    assert page.water_bar.text() == "1,000 mL of 2,000 mL"


def test_today_shows_how_each_reminder_was_answered(companion, clock):
    from companion.scheduling.reminders import Fired

    center = companion.reminders
    page = open_page(companion)
    rule = center.save_rule(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250))
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    center.answer(center.current.key, "done")
    assert page.today_list.item(0).text() == "08:30  Water  (done)"
    assert page.week_label.text() == "Last seven days: 1 done, 0 snoozed, 0 skipped."
    assert page.today_list.item(1).text() == "10:00  Water  (to come)"


def test_waking_hours_from_settings_move_the_reminders(companion, clock):
    from datetime import time as clock_time

    from companion.domain.reminders import WakingHours, WakingWeek

    page = open_page(companion)
    companion.reminders.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250)
    )
    assert page.next_label.text() == "Next: Water, today 08:30"
    later = WakingWeek.every_day(WakingHours(clock_time(9, 0), clock_time(22, 0)))
    assert companion.preferences.request(waking=later).allowed
    assert companion.reminders.waking() == later
    assert page.next_label.text() == "Next: Water, today 10:30"
    assert page.waking_label.text() == "Awake 09:00-22:00: no reminders outside these hours."


def test_stored_waking_hours_that_make_no_sense_fall_back_to_the_defaults():
    from companion.domain.reminders import WakingHours

    assert WakingHours.from_dict({"start": "08:00", "end": "23:00"}).end.hour == 23
    for bad in (None, "7-22", {"start": "22:00", "end": "07:00"}, {"start": "x"}, {"end": 5}):
        assert WakingHours.from_dict(bad) == WakingHours()


def test_switching_on_a_rule_beyond_the_limits_is_refused(companion, qtbot):
    page = open_page(companion)
    repo = companion.reminders.service.repo
    (too_much,) = repo.save_many(  # as an import brings it: switched off, never checked
        [ReminderRule(Kind.HYDRATION, "Flood", every_min=5, amount_ml=500, daily_goal_ml=2000)],
        companion.clock.now(),
    )
    repo.set_enabled(too_much.id, False, companion.clock.now())
    companion.reminders.reschedule()
    qtbot.waitUntil(lambda: any(b.text() == "Flood" for b in page.findChildren(QCheckBox)))
    (toggle,) = [b for b in page.findChildren(QCheckBox) if b.text() == "Flood"]
    toggle.click()
    assert not companion.reminders.service.repo.all()[0].enabled
    assert "“Flood” stays off" in page.rules_note.text()
    assert "an hour" in page.rules_note.text()
    qtbot.waitUntil(
        lambda: not [b for b in page.findChildren(QCheckBox) if b.text() == "Flood"][-1].isChecked()
    )


def visible_texts(page) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisible()]


def test_a_water_reminder_held_back_after_a_drink_says_so(companion, clock, qtbot):
    page = open_page(companion)
    service = companion.reminders.service
    rule = companion.reminders.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=60, amount_ml=250, daily_goal_ml=3500)
    )
    clock.advance(minutes=45)  # 08:45
    companion.reminders.log_water(300)
    clock.advance(minutes=15)  # 09:00: due, a quarter of an hour after the drink
    decision = service.on_due(rule, clock.now())
    assert decision is not None and not decision.prompts
    page.refresh()
    words = "Held back at 09:00: you drank 300 mL at 08:45"
    qtbot.waitUntil(lambda: any(words in text for text in visible_texts(page)))
    items = [page.today_list.item(i).text() for i in range(page.today_list.count())]
    assert "09:00  Water  (held back: you drank 300 mL at 08:45)" in items


def test_finished_one_off_reminders_are_hidden_until_asked_for(companion, clock, qtbot):
    page = open_page(companion)
    now = clock.now()
    companion.reminders.save_rules(
        [
            ReminderRule(
                Kind.CUSTOM,
                "Drink after your run",
                times=(time(7, 30),),
                starts=now - timedelta(minutes=31),
                ends=now - timedelta(minutes=29),
            ),
            ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250),
        ]
    )

    def titles() -> list[str]:
        return [b.text() for b in page.findChildren(QCheckBox) if b.isVisible()]

    qtbot.waitUntil(lambda: "Water" in titles())
    assert "Drink after your run" not in titles()
    assert page.show_finished.isVisible() and page.show_finished.text() == "Show finished (1)"
    page.show_finished.click()
    qtbot.waitUntil(lambda: "Drink after your run" in titles())
    page.show_finished.click()
    qtbot.waitUntil(lambda: "Drink after your run" not in titles())
    assert len(companion.reminders.rules()) == 2  # hidden, not deleted


def test_the_app_hands_the_latest_check_in_to_the_icing_editor(companion, clock, qtbot):
    onset = clock.now() - timedelta(hours=20)
    CheckInRepository(companion.db).save(
        CheckIn(
            clock.now(),
            onset,
            Cause.RUN,
            SorenessType.DOMS,
            (
                RegionReport("quads_R", Side.RIGHT, 2, 7),
                RegionReport("lower_back", Side.CENTRE, 3, 8),  # not one to ice
            ),
        ),
        GREEN,
    )
    dialog = companion.reminder_dialog(ReminderRule(Kind.ICING, ""))
    qtbot.addWidget(dialog)
    assert (dialog.region.currentData(), dialog.side.currentData()) == ("quads", "right")
    dialog.save()
    assert dialog.result_rule is not None
    assert dialog.result_rule.starts == onset
    assert dialog.result_rule.ends == onset + timedelta(hours=72)
    dialog.region.setCurrentIndex(dialog.region.findData("lower_back"))
    assert dialog.side.isHidden()  # the app says which regions have two sides
