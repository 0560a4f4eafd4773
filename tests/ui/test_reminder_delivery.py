"""How a reminder reaches the user: once, on the desktop or in the app's popup, and one
summary after a gap. The notifier here is a stand-in with DesktopNotifier's signals and
methods (tests/ui/test_notifications_reminders.py runs the real one against a fake
D-Bus server, tests/desktop against dunst)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from companion.domain.preferences import ReminderStyle
from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.fired import Fired, FiredTogether
from companion.ui.reminders.center import ReminderCenter
from companion.ui.reminders.timer_alerts import DEFAULT_ACTION


class StandInNotifier(QObject):
    action_invoked = Signal(str, str)
    closed = Signal(str)
    failed = Signal(str, str)

    def __init__(self, *, can_show: bool = True) -> None:
        super().__init__()
        self.can_show = can_show
        self.shown: list[tuple[str, str, str, list[tuple[str, str]]]] = []
        self.withdrawn: list[str] = []

    def available(self) -> bool:
        return self.can_show

    def notify(self, key: str, title: str, body: str, actions: list[tuple[str, str]]) -> None:
        self.shown.append((key, title, body, actions))

    def withdraw(self, key: str) -> None:
        self.withdrawn.append(key)


@pytest.fixture
def notifier() -> StandInNotifier:
    return StandInNotifier()


@pytest.fixture
def companion(make_app, clock, notifier):
    clock.set(clock.now().replace(hour=8, minute=0))
    app = make_app(has_tray=True)
    app.reminder_wiring._notifier = notifier  # the app's one notifier, before first use
    return app


@pytest.fixture
def center(companion) -> ReminderCenter:
    center: ReminderCenter = companion.reminders
    center.scheduler.start(paused=True)  # jobs exist; the test fires them itself
    return center


def water(center: ReminderCenter) -> ReminderRule:
    return center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )


def icing(center: ReminderCenter) -> ReminderRule:
    return center.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )


def popup_visible(center: ReminderCenter) -> bool:
    return center._popup is not None and center._popup.isVisible()


def press(center: ReminderCenter, action: str) -> None:
    (button,) = [
        b
        for b in center.popup.findChildren(QPushButton)
        if b.property("action") == action and not b.isHidden()
    ]
    button.click()


def plural(text: str) -> str:
    """New "%n ...(s)" words read as English before the catalogue is regenerated."""
    return text.replace("reminder(s)", "reminders")


def counts(center: ReminderCenter, clock: Any) -> dict[str, int]:
    return dict(center.service.repo.counts(clock.now() - timedelta(days=1)))


# -- once, one way ---------------------------------------------------------------------------
def test_a_reminder_is_one_desktop_notification_with_a_default_action_and_no_popup(
    center, notifier, clock
):
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    ((key, title, body, actions),) = notifier.shown
    assert (key, title) == (center.current.key, "Water")
    assert body.startswith("Time for about 250 mL of water.")
    assert [a for a, _ in actions] == [DEFAULT_ACTION, "done", "snooze", "skip"]
    assert center.channel == "desktop"
    assert not popup_visible(center)


def test_done_on_the_notification_logs_the_water_and_withdraws_it(center, notifier, clock):
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    key = center.current.key
    notifier.action_invoked.emit(key, "done")
    assert center.water_today() == 250
    assert center.current is None and notifier.withdrawn == [key]
    assert counts(center, clock) == {"done": 1}


def test_a_click_on_the_body_brings_the_window_forward_on_the_prompt(
    companion, center, notifier, clock, qtbot
):
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    key = center.current.key
    with qtbot.waitSignal(center.open_requested) as opened:
        notifier.action_invoked.emit(key, DEFAULT_ACTION)
    assert opened.args[0].key == key
    assert companion.window.isVisible()
    assert companion.window.current_section() == "reminders"
    assert popup_visible(center) and center.popup.title.text() == "Water"
    assert center.current is not None  # opened, not answered
    notifier.closed.emit(key)  # the server closes it after the click: the popup stays
    assert center.current is not None and popup_visible(center)
    press(center, "snooze")
    assert counts(center, clock) == {"snoozed": 1}
    assert not popup_visible(center)


def test_the_apps_own_window_when_chosen_in_settings(companion, center, notifier, clock):
    assert companion.preferences.request(reminders_as=ReminderStyle.WINDOW).allowed
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    assert notifier.shown == []
    assert popup_visible(center) and center.channel == "window"


def test_the_popup_where_no_server_can_show_buttons(center, notifier, clock):
    notifier.can_show = False
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    assert notifier.shown == []
    assert popup_visible(center)
    press(center, "done")
    assert center.water_today() == 250


def test_a_notification_that_fails_falls_back_to_the_popup(center, notifier, clock):
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    notifier.failed.emit(center.current.key, "no server after all")
    assert popup_visible(center) and center.channel == "window"


def test_a_dismissed_notification_stays_unanswered_and_the_next_one_shows(center, notifier, clock):
    rule = water(center)
    stand = center.save_rule(
        ReminderRule(Kind.CUSTOM, "Stand up", times=(clock.now().time().replace(minute=30),))
    )
    clock.advance(minutes=30)
    center._on_fired(FiredTogether((Fired(rule_id=rule.id), Fired(rule_id=stand.id))))
    assert [title for _, title, _, _ in notifier.shown] == ["Water"]  # on time: one at a time
    notifier.closed.emit(center.current.key)
    assert [title for _, title, _, _ in notifier.shown] == ["Water", "Stand up"]
    assert counts(center, clock) == {"unanswered": 2}


# -- one summary after a gap -----------------------------------------------------------------
def test_after_a_gap_one_summary_says_what_was_missed(center, notifier, clock):
    rules = [water(center), icing(center)]
    clock.set(clock.now().replace(hour=12, minute=10))  # the computer slept since 08:00
    center._on_fired(FiredTogether(tuple(Fired(rule_id=r.id) for r in rules)))
    ((key, title, body, actions),) = notifier.shown  # one, not a burst
    assert key.startswith("summary-") and title == "Missed reminders"
    assert plural(body) == (
        "While you were away: 3 water reminders and 2 icing reminders. Next: Water at 13:00."
    )
    assert [a for a, _ in actions] == [DEFAULT_ACTION, "ok"]
    assert center.queue == []
    assert counts(center, clock) == {"quiet": 2}
    notifier.action_invoked.emit(key, "ok")
    assert center.current is None


def test_the_summary_in_the_popup_and_its_body_click_opens_reminders(
    companion, center, notifier, clock, qtbot
):
    rules = [water(center), icing(center)]
    clock.set(clock.now().replace(hour=12, minute=10))
    center._on_fired(FiredTogether(tuple(Fired(rule_id=r.id) for r in rules)))
    with qtbot.waitSignal(center.open_requested):
        notifier.action_invoked.emit(center.current.key, DEFAULT_ACTION)
    assert center.current is None  # seen: nothing to answer
    assert companion.window.current_section() == "reminders"
    notifier.can_show = False
    clock.set(clock.now().replace(hour=16, minute=10))
    center._on_fired(FiredTogether(tuple(Fired(rule_id=r.id) for r in rules)))
    assert popup_visible(center)
    assert center.popup.title.text() == "Missed reminders"
    assert plural(center.popup.body.text()).startswith("While you were away: 3 water reminders")
    press(center, "ok")
    assert center.current is None and not popup_visible(center)


def test_taking_the_ice_off_is_never_folded_into_the_summary(center, notifier, clock):
    rules = [water(center), icing(center)]
    clock.set(clock.now().replace(hour=12, minute=10))
    events = (Fired(key="ice-off-99"), *(Fired(rule_id=r.id) for r in rules))
    center._on_fired(FiredTogether(events))
    assert [title for _, title, _, _ in notifier.shown] == ["Take the ice off now"]
    assert [p.title for p in center.queue] == ["Missed reminders"]


def test_a_restart_after_hours_closed_gives_one_summary(make_app, companion, center, clock, qtbot):
    from tests.ui.conftest import reopen

    water(center)
    icing(center)
    again = reopen(make_app, companion)
    again.reminder_wiring._notifier = cast(Any, StandInNotifier(can_show=False))
    clock.set(clock.now().replace(hour=12, minute=10))
    with qtbot.waitSignal(again.reminders.prompt_shown) as shown:
        again.start_reminders()
    assert shown.args[0].title == "Missed reminders"
    assert again.reminders.queue == []
    again.reminders.stop()


# -- how they look ---------------------------------------------------------------------------
@pytest.mark.parametrize("scheme_name", ["light", "dark"])
def test_the_popup_and_the_summary_render_readably(make_app, clock, qtbot, tmp_path, scheme_name):
    import os
    from pathlib import Path

    from PySide6.QtGui import QPalette

    from companion.ui.theme import Scheme

    clock.set(clock.now().replace(hour=8, minute=0))
    app = make_app(has_tray=True, scheme=Scheme(scheme_name))
    app.reminder_wiring._notifier = cast(Any, StandInNotifier(can_show=False))
    center: ReminderCenter = app.reminders
    center.scheduler.start(paused=True)
    folder = Path(os.environ.get("COMPANION_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    rule = water(center)
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    popup = center.popup
    qtbot.waitExposed(popup)
    shots = {"popup": popup.grab()}
    press(center, "done")
    rules = [rule, icing(center)]
    clock.set(clock.now().replace(hour=12, minute=10))
    center._on_fired(FiredTogether(tuple(Fired(rule_id=r.id) for r in rules)))
    shots["summary"] = popup.grab()
    app.window.show_section("settings")
    card = app.window.page("settings").reminders_as
    shots["settings-card"] = card.grab()
    for name, pixmap in shots.items():
        image = pixmap.toImage()
        image.save(str(folder / f"reminder-{name}-{scheme_name}.png"))
        assert image.width() >= 300 and image.height() >= 80
    # The words are readable on the popup's background in either theme.
    palette = popup.palette()
    text = palette.color(QPalette.ColorRole.WindowText).lightnessF()
    ground = palette.color(QPalette.ColorRole.Window).lightnessF()
    assert abs(text - ground) > 0.5
