""" "Just finished a run" says what it added and when, with an Undo that removes exactly those."""

from __future__ import annotations

import pytest

from companion.domain.reminders import Kind, ReminderRule
from tests.ui.test_timer_alerts import FakeNotifier

SUMMARY = "Added: water at 18:21 and 18:51; check-ins tomorrow at 18:21 and on Wed at 18:21."


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=18, minute=20))  # Monday 15 June
    companion = make_app(has_tray=True)
    companion.reminders.scheduler.start(paused=True)
    return companion


def finish_a_run(companion) -> None:
    companion.tray.finished_menu.actions()[0].trigger()  # "A run"
    companion.activity_dialog.save_button.click()
    if companion.player is not None:
        companion.player.close()


def test_the_tray_says_what_was_added_and_undo_on_the_page_removes_exactly_those(
    companion, clock, qtbot
):
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier
    center = companion.reminders
    mine = center.save_rule(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250))
    finish_a_run(companion)
    ((key, title, body),) = notifier.log
    assert (title, body) == ("Reminders added", SUMMARY)
    assert notifier.shown[key][2] == [("default", "Open"), ("undo", "Undo")]
    assert len(center.rules()) == 5
    companion.window.show_section("reminders")
    page = companion.window.page("reminders")
    notice = page.finished_notice
    assert notice.isVisible() and notice.text.text() == SUMMARY  # built later, it still says
    assert notice.undo_button.isVisible()
    notice.undo_button.click()
    assert [r.id for r in center.rules()] == [mine.id]
    assert notice.text.text() == "Removed the 4 reminders it had added."
    assert not notice.undo_button.isVisible()
    assert key in notifier.withdrawn
    assert companion.reminder_wiring.undo_finished(key) == 0  # once only


def test_undo_from_the_desktop_notification(companion, clock, qtbot):
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier
    companion.window.show_section("reminders")
    page = companion.window.page("reminders")
    finish_a_run(companion)
    assert page.finished_notice.isVisible()
    ((key, _title, _body),) = notifier.log
    first = companion.reminders.rules()
    assert len(first) == 4
    clock.advance(hours=2)
    finish_a_run(companion)  # a second one: its own notice, its own undo
    (_, (second_key, *_)) = notifier.log
    notifier.click(key, "undo")
    left = companion.reminders.rules()
    assert len(left) == 4 and not {r.id for r in first} & {r.id for r in left}
    assert page.finished_notice.text.text() != "Removed the 4 reminders it had added."
    notifier.click(second_key, "undo")
    assert companion.reminders.rules() == []
    assert page.finished_notice.text.text() == "Removed the 4 reminders it had added."


def test_a_click_on_the_notices_body_opens_reminders(companion, qtbot):
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier
    companion.window.show_section("today")
    finish_a_run(companion)
    ((key, _title, _body),) = notifier.log
    companion.window.hide()
    notifier.click(key, "default")
    assert companion.window.isVisible()
    assert companion.window.page("reminders").isVisible()
    assert len(companion.reminders.rules()) == 4  # opening it is not undoing it


def test_without_notifications_the_tray_message_says_where_undo_is(companion, monkeypatch):
    companion.reminder_wiring._notifier = FakeNotifier(available=False)
    shown = []
    monkeypatch.setattr(companion.tray, "isVisible", lambda: True)
    monkeypatch.setattr(companion.tray, "supportsMessages", lambda: True)
    monkeypatch.setattr(companion.tray, "showMessage", lambda *args: shown.append(args[:2]))
    finish_a_run(companion)
    assert shown == [("Reminders added", SUMMARY + " To undo, open Reminders in the window.")]
