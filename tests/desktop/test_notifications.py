"""A due reminder on a real notification daemon (dunst), answered there.

The reminder fires as the scheduler's job does: a worker thread emits the
reminder center's bridge signal, queued to the GUI thread. dunst shows no
buttons of its own: a notification's actions are in its context menu, which a
left click opens (``mouse_left_click = do_action`` with several actions and no
default one) and which dunst shows through its ``dmenu`` program, here a script
that writes down what dunst offered and picks the entry the test chose. A
reminder's notification has a default action, so a left click on its body does
that (opens the reminder in the window) and the buttons are in the menu that
``dunstctl context`` (a keyboard shortcut, usually) opens.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.reminders import Fired
from companion.ui.reminders.center import ReminderCenter
from tests.desktop.session import Desktop
from tests.desktop.shots import assert_not_blank, screen_shot

pytestmark = pytest.mark.desktop

WAIT_MS = 10_000
BUTTONS = [("Done", "done"), ("Snooze 10 min", "snooze"), ("Skip", "skip")]


@pytest.fixture
def center(desktop: Desktop, make_app, clock) -> Iterator[ReminderCenter]:
    clock.set(clock.now().replace(hour=8, minute=0))
    companion = make_app(has_tray=True)
    center = companion.reminders
    center.scheduler.start(paused=True)  # jobs exist; the test fires them itself
    yield center
    desktop.run("dunstctl", "close-all")  # the next test starts with none on screen


def fire_water_reminder(center: ReminderCenter, clock, qtbot) -> None:
    rule = center.save_rule(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250))
    clock.advance(minutes=30)  # 08:30: the first one is due
    job = threading.Thread(target=center._bridge.fired.emit, args=(Fired(rule_id=rule.id),))
    with qtbot.waitSignal(center.prompt_shown, timeout=WAIT_MS):
        job.start()
        job.join()


def on_screen(desktop: Desktop, qtbot) -> None:
    qtbot.waitUntil(lambda: desktop.displayed() == 1, timeout=WAIT_MS)


def popup_shown(center: ReminderCenter) -> bool:
    return center._popup is not None and center._popup.isVisible()


def test_one_reminder_is_exactly_one_notification_with_a_default_action(
    desktop, center, clock, qtbot
):
    shown_before = len(desktop.history())
    fire_water_reminder(center, clock, qtbot)
    on_screen(desktop, qtbot)
    assert not popup_shown(center)  # not the app's popup as well
    desktop.choose(None)
    desktop.open_context_menu()
    qtbot.waitUntil(lambda: bool(desktop.offered()), timeout=WAIT_MS)
    assert desktop.displayed() == 1
    assert len(desktop.history()) == shown_before  # nothing else was shown and closed
    offered = sorted(entry.action for entry in desktop.offered())  # dunst's order varies
    assert offered == ["default", "done", "skip", "snooze"], offered
    assert center.channel == "desktop"


def test_a_click_on_the_body_opens_the_reminder_in_the_window(desktop, center, clock, qtbot):
    fire_water_reminder(center, clock, qtbot)
    on_screen(desktop, qtbot)
    with qtbot.waitSignal(center.open_requested, timeout=WAIT_MS):
        desktop.click_notification()  # a real left click: dunst invokes "default"
    window = center.parent().window
    assert window.isVisible() and window.current_section() == "reminders"
    qtbot.waitUntil(lambda: popup_shown(center), timeout=WAIT_MS)
    assert center.popup.title.text() == "Water"
    assert center.current is not None  # opened, still to answer
    qtbot.waitUntil(lambda: desktop.displayed() == 0, timeout=WAIT_MS)  # closed by the click
    assert center.current is not None and popup_shown(center)
    shot = screen_shot("reminder-opened-from-the-desktop")
    assert_not_blank(shot, "the window with the opened reminder")


def test_a_due_reminder_reaches_dunst_with_its_buttons(desktop, center, clock, qtbot):
    assert center.notifier is not None and center.notifier.available()
    fire_water_reminder(center, clock, qtbot)
    on_screen(desktop, qtbot)
    assert not popup_shown(center)  # once: the app's own prompt is not there as well

    desktop.choose(None)  # look at the menu, pick nothing
    desktop.open_context_menu()
    qtbot.waitUntil(lambda: bool(desktop.offered()), timeout=WAIT_MS)
    offered = desktop.offered()
    buttons = {(entry.label, entry.action) for entry in offered if entry.action != "default"}
    assert buttons == set(BUTTONS)
    assert {entry.summary for entry in offered} == {"Water"}
    assert len({entry.notification_id for entry in offered}) == 1
    assert center.current is not None  # nothing was picked: still waiting for an answer
    assert desktop.displayed() == 1
    shot = screen_shot("reminder-on-the-desktop")
    assert_not_blank(shot, "the desktop with the reminder")


def test_done_clicked_in_dunst_logs_the_water(desktop, center, clock, qtbot):
    fire_water_reminder(center, clock, qtbot)
    on_screen(desktop, qtbot)
    desktop.choose("Done")
    desktop.open_context_menu()  # the buttons: the body's click opens the reminder instead
    qtbot.waitUntil(lambda: center.water_today() == 250, timeout=WAIT_MS)
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"done": 1}
    assert center.current is None and not popup_shown(center)
    # Answered: the app withdraws its notification, and dunst files it in its history.
    qtbot.waitUntil(lambda: desktop.displayed() == 0, timeout=WAIT_MS)
    latest = desktop.history()[0]
    assert latest["summary"] == "Water"
    assert latest["body"].startswith("Time for about 250 mL of water.")
    assert latest["appname"] == "Recovery Companion"


def test_snooze_chosen_in_dunst_brings_the_reminder_back_in_ten_minutes(
    desktop, center, clock, qtbot
):
    fire_water_reminder(center, clock, qtbot)
    on_screen(desktop, qtbot)
    desktop.choose("Snooze 10 min")
    desktop.open_context_menu()  # the keyboard's way ("dunstctl action" would open it)
    qtbot.waitUntil(lambda: center.current is None, timeout=WAIT_MS)
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"snoozed": 1}
    ((key, until),) = center.scheduler.next_once().items()
    assert key.startswith("snooze-") and until == clock.now() + timedelta(minutes=10)
    assert center.water_today() == 0
    qtbot.waitUntil(lambda: desktop.displayed() == 0, timeout=WAIT_MS)
