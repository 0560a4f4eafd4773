"""A click on a desktop notification's button is the reminder's answer: fast, no D-Bus.

tests/ui/test_notifications.py (slow) proves DesktopNotifier against a fake
server on a private dbus-daemon, and tests/desktop against a real dunst. Here
the real app, with its real ReminderCenter and DesktopNotifier, runs with only
the wire replaced: the typed calls (``Notify``, ``CloseNotification``) answer
from a stand-in in this process, and the server's ``ActionInvoked`` signal is
delivered to the slot QtDBus calls for it, by its D-Bus signature, as QtDBus
would. What is checked is everything after the wire: the server's id is
mapped back to the reminder's key, and Done reaches ``ReminderCenter.answer``,
which records it and logs the water.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject, Qt

from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.reminders import Fired
from companion.ui.reminders import notifications
from companion.ui.reminders.notifications import DesktopNotifier

ACTION_SLOT = "_on_action_invoked(uint,QString)"  # what _connection() hooks ActionInvoked to


@dataclass
class Wire:
    """Stands in for the notification server at the end of the typed calls."""

    calls: list[tuple[str, list[tuple[str, Any]]]] = field(default_factory=list)
    next_id: int = 40
    lock: threading.Lock = field(default_factory=threading.Lock)

    def typed_call(
        self, bus: object, method: str, arguments: Sequence[tuple[str, Any]], returns: str | None
    ) -> tuple[Any, str]:
        with self.lock:  # runs on the notifier's worker thread
            self.calls.append((method, list(arguments)))
            if method == "Notify":
                self.next_id += 1
                return self.next_id, ""
            return None, ""

    def made(self, method: str) -> list[list[tuple[str, Any]]]:
        with self.lock:
            return [arguments for name, arguments in self.calls if name == method]


@pytest.fixture
def wire(monkeypatch) -> Wire:
    fake = Wire()
    monkeypatch.setattr(notifications, "_typed_call", fake.typed_call)
    monkeypatch.setattr(DesktopNotifier, "_connection", lambda self: object())
    monkeypatch.setattr(DesktopNotifier, "available", lambda self: True)
    return fake


@pytest.fixture
def center(make_app, clock):
    clock.set(clock.now().replace(hour=8, minute=0))
    companion = make_app(has_tray=True)
    center = companion.reminders
    center.scheduler.start(paused=True)  # jobs exist; the test fires them itself
    return center


def server_clicks(notifier: DesktopNotifier, notification_id: int, action: str) -> None:
    """The server's ActionInvoked(uint32 id, string action), as QtDBus delivers it."""
    assert notifier.metaObject().indexOfSlot(ACTION_SLOT) >= 0
    assert QMetaObject.invokeMethod(
        notifier,
        "_on_action_invoked",
        Qt.ConnectionType.DirectConnection,
        Q_ARG("uint", notification_id),
        Q_ARG(str, action),
    ) in (None, True)


def due_water(center, clock):
    rule = center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    clock.advance(minutes=30)  # 08:30, the first water reminder
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current is not None and center.current.title == "Water"
    return center.current


def test_done_on_the_desktop_notification_records_done_and_logs_the_water(
    center, wire, clock, qtbot
):
    prompt = due_water(center, clock)
    notifier = center.notifier
    qtbot.waitUntil(lambda: len(wire.made("Notify")) == 1)
    (shown,) = wire.made("Notify")
    assert dict(shown)["QStringList"][:4] == ["default", "Open", "done", "Done"]
    qtbot.waitUntil(lambda: prompt.key in notifier._keys.values())  # the id came back
    (notification_id,) = notifier._keys
    with qtbot.waitSignal(center.changed, timeout=5000):
        server_clicks(notifier, notification_id, "done")
    assert center.current is None
    assert not center.popup.isVisible()
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"done": 1}
    assert center.water_today() == 250
    # The answered notification is taken off the desktop.
    qtbot.waitUntil(lambda: len(wire.made("CloseNotification")) == 1)
    assert wire.made("CloseNotification") == [[("uint", notification_id)]]


def test_done_that_overtakes_the_notify_reply_is_still_the_answer(center, wire, clock, qtbot):
    # The server may send ActionInvoked before its reply to Notify reaches the GUI thread.
    first_id = wire.next_id + 1
    prompt = due_water(center, clock)
    notifier = center.notifier
    # No event has been processed since: the reply, whenever the worker has it, waits
    # in the queue for the GUI thread, so the id is not known yet.
    assert notifier._keys == {}
    server_clicks(notifier, first_id, "done")
    assert center.current is prompt  # not yet: the id is not known
    qtbot.waitUntil(lambda: center.current is None)
    assert center.service.repo.counts(clock.now() - timedelta(days=1)) == {"done": 1}
    assert center.water_today() == 250


def test_a_click_on_another_notification_answers_nothing(center, wire, clock, qtbot):
    due_water(center, clock)
    notifier = center.notifier
    qtbot.waitUntil(lambda: bool(notifier._keys))
    (notification_id,) = notifier._keys
    server_clicks(notifier, notification_id + 100, "done")
    assert center.current is not None
    assert center.water_today() == 0
