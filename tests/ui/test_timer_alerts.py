"""A therapy timer ends where the user is: the window comes back and a notification goes out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from companion.domain.therapy_timer import plan_heat, plan_ice
from companion.resources import load_protocols, load_triage
from companion.storage.therapy import TherapyRepository
from companion.ui.reminders.therapy_timer import TherapyTimerView
from companion.ui.reminders.timer_alerts import DEFAULT_ACTION, AlertRouter

OPEN = (DEFAULT_ACTION, "Open")  # a click on the body: sent with every alert


class FakeNotifier(QObject):
    """DesktopNotifier's face: a server that can show buttons, and what it was asked."""

    action_invoked = Signal(str, str)

    def __init__(self, available: bool = True) -> None:
        super().__init__()
        self.is_available = available
        self.shown: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
        self.log: list[tuple[str, str, str]] = []
        self.withdrawn: list[str] = []

    def available(self) -> bool:
        return self.is_available

    def notify(self, key, title, body, actions) -> None:
        self.shown[key] = (title, body, actions)
        self.log.append((key, title, body))

    def withdraw(self, key) -> None:
        self.withdrawn.append(key)
        self.shown.pop(key, None)

    def click(self, key: str, action: str) -> None:
        self.action_invoked.emit(key, action)


@pytest.fixture
def questions():
    catalog = load_triage()
    return [catalog.get(q) for q in ("R1", "R2", "O1", "O5")]


@pytest.fixture
def notifier():
    return FakeNotifier()


def make_view(qtbot, clock, plan, questions, notifier) -> TherapyTimerView:
    alerts = AlertRouter(lambda: notifier)
    view = TherapyTimerView(plan, clock, questions, alerts=alerts)
    alerts.setParent(view)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


class Spy:
    def __init__(self, view):
        self.calls: list[str] = []
        for name in ("raise_", "activateWindow"):
            original = getattr(view, name)
            setattr(view, name, self._wrap(name, original))

    def _wrap(self, name, original):
        def call():
            self.calls.append(name)
            original()

        return call


def test_ice_10_10_10_raises_and_notifies_at_every_phase_end(qtbot, clock, questions, notifier):
    view = make_view(
        qtbot, clock, plan_ice(load_protocols(), intermittent=True), questions, notifier
    )
    view.start()
    spy = Spy(view)
    view.showMinimized()
    clock.advance(minutes=10, seconds=1)  # the first ice-on is over
    view.advance(clock.now())
    assert view.isVisible() and not view.isMinimized()
    assert spy.calls == ["raise_", "activateWindow"]
    (title, body, actions) = notifier.shown[view._phase_key]
    assert title == "Ice pack: Ice off"
    assert body.startswith("Take the pack away and let the skin warm up.")
    assert actions == [OPEN, ("show", "Show the timer")]
    assert view.end_panel.isVisible() and view.end_panel.title.text() == "Ice off"
    view.hide()  # hidden: it comes back for the next one
    clock.advance(minutes=10)
    view.advance(clock.now())
    assert view.isVisible()
    assert notifier.shown[view._phase_key][0] == "Ice pack: Ice back on"
    view.end_panel.ok_button.click()  # done that: the notification goes too
    assert not view.end_panel.isVisible() and view._phase_key in notifier.withdrawn
    clock.advance(minutes=10)
    with qtbot.waitSignal(view.finished):
        view.advance(clock.now())
    assert notifier.log[-1][1] == "Ice pack: Ice off"
    assert notifier.log[-1][2].endswith("It should be pink and cool, not white, grey or numb.")
    assert view.phase.text() == "Done"
    assert view.end_panel.isVisible() and not view.end_panel.ok_button.isVisible()
    assert view.stop_button.text() == "Close"
    assert [k for k, *_ in notifier.log].count(view._phase_key) == 3


@pytest.mark.parametrize("which", ["phase", "skin"])
def test_a_click_on_the_notifications_body_brings_the_timer_forward(
    qtbot, clock, questions, notifier, which
):
    view = make_view(qtbot, clock, plan_ice(load_protocols(), 15), questions, notifier)
    view.start()
    clock.advance(minutes=5 if which == "skin" else 15)  # the skin check, or ice off
    view.advance(clock.now())
    key = view._skin_key if which == "skin" else view._phase_key
    assert notifier.shown[key][2][0] == OPEN
    view.showMinimized()
    spy = Spy(view)
    notifier.click(key, DEFAULT_ACTION)
    assert view.isVisible() and not view.isMinimized()
    assert spy.calls == ["raise_", "activateWindow"]
    if which == "skin":  # the body is not an answer: the question still waits
        assert view.skin_panel.isVisible() and view.timer.pending_skin is not None
        assert [c.answer for c in view.timer.skin] == [""]  # asked, not answered
    notifier.click("timer-phase-unknown", DEFAULT_ACTION)  # another key: not this window's
    assert spy.calls == ["raise_", "activateWindow"]


def test_without_a_notification_server_the_tray_then_the_window_carry_it(qtbot, clock, questions):
    notifier = FakeNotifier(available=False)
    view = make_view(qtbot, clock, plan_heat(load_protocols(), 10), questions, notifier)
    view.start()
    clock.advance(minutes=10)
    view.advance(clock.now())
    assert notifier.log == []
    assert view.alerts.sent[-1][0] == "window"  # no tray offscreen: the raised window says it
    assert view.isVisible() and view.end_panel.title.text() == "Heat off"


def test_skipping_a_phase_shows_what_to_do_without_a_notification(
    qtbot, clock, questions, notifier
):
    view = make_view(
        qtbot, clock, plan_ice(load_protocols(), intermittent=True), questions, notifier
    )
    view.start()
    view.skip()
    assert view.end_panel.isVisible() and view.end_panel.title.text() == "Ice off"
    assert notifier.log == []


def test_the_skin_check_appears_at_five_minutes_and_looks_fine_records_it(
    qtbot, clock, questions, notifier
):
    view = make_view(qtbot, clock, plan_ice(load_protocols(), 15), questions, notifier)
    view.start()
    spy = Spy(view)
    clock.advance(minutes=5)
    view.advance(clock.now())
    assert view.skin_panel.isVisible()
    assert view.skin_panel.question.text() == (
        "Is the skin numb, white or blistered, or does it burn?"
    )
    assert spy.calls == ["raise_", "activateWindow"]
    title, body, actions = notifier.shown[view._skin_key]
    assert (title, body) == ("Ice pack: skin check", view.skin_panel.question.text())
    assert [a for a, _ in actions] == [DEFAULT_ACTION, "fine", "stop"]
    clock.advance(seconds=30)
    view.skin_panel.fine_button.click()
    assert not view.skin_panel.isVisible() and view._skin_key in notifier.withdrawn
    check = view.timer.skin[0]
    assert (check.due_s, check.answer, check.answered_at) == (300, "fine", clock.now())
    clock.advance(minutes=4, seconds=30)  # 10:00, the second check, answered on the desktop
    view.advance(clock.now())
    assert view.skin_panel.isVisible()
    notifier.click(view._skin_key, "fine")
    assert not view.skin_panel.isVisible()
    assert [c.answer for c in view.timer.skin] == ["fine", "fine"]


def test_stop_now_ends_the_timer_with_advice_and_is_stored(make_app, clock, qtbot):
    companion = make_app(has_tray=True)
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier  # the app's one notifier, faked
    assert companion.start_timer("ice", {"minutes": 15}) is None
    view = companion.therapy
    view.start()
    clock.advance(minutes=5)
    view.advance(clock.now())
    assert view._skin_key in notifier.shown
    clock.advance(seconds=20)
    with qtbot.waitSignal(view.finished):
        view.skin_panel.stop_button.click()
    assert view.timer.outcome == "stopped"
    assert view.phase.text() == "Stopped"
    assert view.end_panel.title.text() == "Stop here"
    assert "do not rub it" in view.end_panel.body.text()
    assert view._skin_key in notifier.withdrawn
    (stored,) = TherapyRepository(companion.db).recent()
    assert stored.outcome == "stopped" and stored.settings["stopped_for"] == "skin check"
    assert stored.phases[0]["skin_checks"] == [{"at_s": 300, "answer": "stop", "after_s": 20.0}]
    assert stored.settings["quick_check"] == {"R1": "no", "R2": "no", "O1": "no", "O5": "no"}
    view.close()


def test_the_apps_timer_notifies_through_the_reminders_notifier(make_app, clock, qtbot):
    companion = make_app(has_tray=True)
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier
    companion.reminders.pause.pause("1h")  # reminders paused: a timer still says its end
    assert companion.reminders.pause.is_paused()
    companion.start_timer("heat", {"minutes": 10})
    view = companion.therapy
    view.start()
    companion.window.activateWindow()
    clock.advance(minutes=10)
    view.advance(clock.now())
    assert notifier.log[-1][1] == "Heat pack: Heat off"
    assert view.isVisible()
    view.close()


def test_a_quick_check_yes_is_stored_when_the_window_is_left(make_app, clock, qtbot):
    from companion.storage.checkins import CheckInRepository

    companion = make_app(has_tray=True)
    companion.start_timer("heat", {})
    view = companion.therapy
    view.answers[3].setChecked(True)  # new numbness or weakness
    with qtbot.waitSignal(view.quick_check_refused) as refused:
        view.close()
    assert refused.args[0]["O5"] is True
    (lock,) = CheckInRepository(companion.db).active_locks(clock.now())
    assert lock.tier.value == "orange"
    assert "not available now" in companion.start_timer("heat", {})
