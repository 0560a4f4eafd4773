"""Desktop notifications over a private D-Bus session bus, against a fake server.

How the bus is isolated: every test that needs a bus starts its own
``dbus-daemon`` from a minimal configuration (no service directories, so no
notification daemon installed on the machine can be D-Bus-activated into the
test) and points ``DBUS_SESSION_BUS_ADDRESS`` at it with ``monkeypatch``. The
notifier opens its own named connection to the address in the environment at
the moment it connects; it does not use ``QDBusConnection.sessionBus()``, whose
address Qt and libdbus fix the first time anything in the process asks for it.
So the notifier runs here, in the test process, with its signals checked by
``qtbot.waitSignal`` on the real main thread, and nothing depends on the order
of tests or on what other tests did to the default bus. Each fixture's
teardown ends what it started: the notifier's connection, then the fake
server, then the daemon.

The fake ``org.freedesktop.Notifications`` server runs in its own process
(tests/helpers/fake_notifications.py): a fake on a thread of this process
would deadlock against Qt's blocking calls. It records every call as a JSON
line and plays the user through its ``/control`` object.

Needs ``dbus-daemon`` (Debian package ``dbus-daemon``); skipped without it.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from companion.ui.reminders import notifications
from companion.ui.reminders.notifications import DesktopNotifier
from tests.helpers.fake_notifications import CONTROL_INTERFACE, CONTROL_PATH, SERVICE

FAKE_SERVER = Path(__file__).resolve().parent.parent / "helpers" / "fake_notifications.py"
DBUS_DAEMON = shutil.which("dbus-daemon")
START_TIMEOUT_S = 10.0
QUICK_S = 2.0  # available() must answer within this, server or not
BUTTONS = [("done", "Done"), ("snooze", "Snooze 10 min"), ("skip", "Skip")]
FLAT_BUTTONS = ["done", "Done", "snooze", "Snooze 10 min", "skip", "Skip"]

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

_control_numbers = count(1)

pytestmark = pytest.mark.slow


def _read_line(proc: subprocess.Popen[str], what: str) -> str:
    """The process's first line of output, or a clear failure (no test hangs)."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT_S)
    line = proc.stdout.readline().strip() if ready else ""
    if not line:
        proc.kill()
        _, err = proc.communicate(timeout=5)
        pytest.fail(f"{what} did not start: {err.strip()}")
    return line


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


@pytest.fixture
def bus_address(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private session bus for this test only, in DBUS_SESSION_BUS_ADDRESS."""
    if DBUS_DAEMON is None:
        if os.environ.get("CI"):  # CI installs it: a skip there would hide a failure
            pytest.fail("dbus-daemon is missing; .ci/run should have installed it")
        pytest.skip("dbus-daemon is not installed (Debian: apt-get install dbus-daemon)")
    folder = Path(tempfile.mkdtemp(prefix="rc-dbus-"))  # short: socket paths max 107 bytes
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
    daemon = subprocess.Popen(
        [DBUS_DAEMON, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        address = _read_line(daemon, "dbus-daemon")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        _stop(daemon)
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class FakeServer:
    record: Path
    control: QDBusConnection

    def calls(self, method: str) -> list[dict[str, Any]]:
        if not self.record.exists():
            return []
        lines = self.record.read_text(encoding="utf-8").splitlines()
        return [c for c in map(json.loads, lines) if c["method"] == method]

    def _control(self, member: str, *arguments: Any) -> None:
        message = QDBusMessage.createMethodCall(SERVICE, CONTROL_PATH, CONTROL_INTERFACE, member)
        message.setArguments(list(arguments))
        # Blocking is safe here: the server is another process, and it only emits a signal.
        reply = self.control.call(message, QDBus.CallMode.Block, 5000)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()

    def click(self, notification_id: int, action: str) -> None:
        self._control("Invoke", notification_id, action)

    def dismiss(self, notification_id: int) -> None:
        self._control("Dismiss", notification_id)


@contextmanager
def fake_server(bus_address: str, tmp_path: Path, *extra: str) -> Iterator[FakeServer]:
    record = tmp_path / "notifications.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(FAKE_SERVER), str(record), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_address},
    )
    name = f"test-notifications-control-{next(_control_numbers)}"
    try:
        assert _read_line(proc, "the fake notification server") == "READY"
        control = QDBusConnection.connectToBus(bus_address, name)
        assert control.isConnected(), control.lastError().message()
        yield FakeServer(record, control)
    finally:
        QDBusConnection.disconnectFromBus(name)
        _stop(proc)


@pytest.fixture
def server(bus_address: str, tmp_path: Path) -> Iterator[FakeServer]:
    with fake_server(bus_address, tmp_path) as started:
        yield started


@pytest.fixture
def notifier(qtbot) -> Iterator[DesktopNotifier]:
    made = DesktopNotifier()
    yield made
    # Let the worker finish any call, so no reply is emitted at a deleted object.
    notifications._worker().submit(lambda: None).result(timeout=10)
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _timed_available(notifier: DesktopNotifier) -> tuple[bool, float]:
    start = time.monotonic()
    result = notifier.available()
    return result, time.monotonic() - start


def _shown(qtbot, server: FakeServer, count: int = 1) -> list[dict[str, Any]]:
    qtbot.waitUntil(lambda: len(server.calls("Notify")) >= count, timeout=10_000)
    return server.calls("Notify")


# -- available() ------------------------------------------------------------------------------
def test_available_with_a_server_that_shows_buttons(server, notifier):
    result, took = _timed_available(notifier)
    assert result is True
    assert took < QUICK_S


def test_not_available_with_no_server_on_the_bus(bus_address, notifier):
    result, took = _timed_available(notifier)
    assert result is False
    assert took < QUICK_S


def test_not_available_without_a_bus(notifier, tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus-here'}")
    result, took = _timed_available(notifier)
    assert result is False
    assert took < QUICK_S


def test_not_available_when_the_server_cannot_show_buttons(bus_address, tmp_path, notifier):
    with fake_server(bus_address, tmp_path, "--capabilities", "body"):
        assert notifier.available() is False


# -- notify() -------------------------------------------------------------------------------
def test_notify_sends_the_buttons_in_the_flat_freedesktop_format(qtbot, server, notifier):
    notifier.notify("some-key", "Time to stretch", "Calf stretch, 2 minutes", BUTTONS)
    [call] = _shown(qtbot, server)
    assert call["actions"] == FLAT_BUTTONS
    assert call["summary"] == "Time to stretch"
    assert call["body"] == "Calf stretch, 2 minutes"
    assert call["app_name"] == "Recovery Companion"
    assert call["replaces_id"] == 0
    assert call["expire_timeout"] == 0
    assert call["hints"]["desktop-entry"] == "recovery-companion"
    # Typed as the specification says: replaces_id is UINT32, not a Python int's INT32.
    assert call["signature"] == "susssasa{sv}i"


def test_a_snooze_click_comes_back_as_action_invoked_on_the_main_thread(qtbot, server, notifier):
    threads: list[bool] = []
    notifier.action_invoked.connect(
        lambda *_: threads.append(QThread.currentThread() is QCoreApplication.instance().thread())
    )
    notifier.notify("some-key", "Time to stretch", "Calf stretch", BUTTONS)
    [call] = _shown(qtbot, server)
    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000) as clicked:
        server.click(call["id"], "snooze")
    assert clicked.args == ["some-key", "snooze"]
    assert threads == [True]


def test_a_click_that_overtakes_the_notify_reply_is_not_lost(
    qtbot, bus_address, tmp_path, notifier
):
    # The server clicks before it replies, so the client learns the id after the click.
    with (
        fake_server(bus_address, tmp_path, "--click-at-once", "done"),
        qtbot.waitSignal(notifier.action_invoked, timeout=10_000) as clicked,
    ):
        notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    assert clicked.args == ["some-key", "done"]


def test_a_click_on_someone_elses_notification_is_ignored(qtbot, server, notifier):
    notifier.notify("mine", "Ice", "Ice the calf", BUTTONS)
    [call] = _shown(qtbot, server)
    got: list[tuple[str, str]] = []
    notifier.action_invoked.connect(lambda key, action: got.append((key, action)))
    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000):
        server.click(call["id"] + 100, "done")  # not ours: must be dropped...
        server.click(call["id"], "done")  # ...and this, sent after it, arrives after it
    assert got == [("mine", "done")]


def test_notify_again_with_the_same_key_replaces_the_first(qtbot, server, notifier):
    notifier.notify("some-key", "Time to stretch", "Calf stretch", BUTTONS)
    [first] = _shown(qtbot, server)
    notifier.notify("some-key", "Still time to stretch", "Calf stretch", BUTTONS)
    second = _shown(qtbot, server, 2)[1]
    assert second["replaces_id"] == first["id"]
    assert second["summary"] == "Still time to stretch"


def test_quick_repeats_send_the_newest_once_the_first_id_is_known(qtbot, server, notifier):
    for n in range(3):
        notifier.notify("some-key", f"Reminder {n}", "", BUTTONS)
    calls = _shown(qtbot, server, 2)
    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000):
        server.click(calls[0]["id"], "done")  # a round trip: nothing else is on its way
    calls = server.calls("Notify")
    assert [c["summary"] for c in calls] == ["Reminder 0", "Reminder 2"]
    assert calls[1]["replaces_id"] == calls[0]["id"]


def test_keys_are_kept_apart(qtbot, server, notifier):
    notifier.notify("water", "Drink", "", BUTTONS)
    notifier.notify("ice", "Ice", "", BUTTONS)
    calls = _shown(qtbot, server, 2)
    ids = {c["summary"]: c["id"] for c in calls}
    assert ids["Drink"] != ids["Ice"]
    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000) as clicked:
        server.click(ids["Ice"], "skip")
    assert clicked.args == ["ice", "skip"]


def test_failed_when_no_server_answers(qtbot, bus_address, notifier):
    with qtbot.waitSignal(notifier.failed, timeout=10_000) as failure:
        notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    key, error = failure.args
    assert key == "some-key"
    assert error


def test_failed_without_a_bus_comes_later_not_inside_notify(qtbot, notifier, tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus-here'}")
    got: list[tuple[str, str]] = []
    notifier.failed.connect(lambda key, error: got.append((key, error)))
    with qtbot.waitSignal(notifier.failed, timeout=10_000):
        notifier.notify("some-key", "Time to stretch", "", BUTTONS)
        assert got == []  # reported from the event loop, never re-entering the caller
    assert got[0][0] == "some-key"


# -- withdraw() and closing -----------------------------------------------------------------
def test_withdraw_sends_close_notification_and_no_closed_signal(qtbot, server, notifier):
    closed: list[str] = []
    notifier.closed.connect(closed.append)
    notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    notifier.notify("other", "Drink", "", BUTTONS)
    calls = _shown(qtbot, server, 2)
    ids = {c["summary"]: c["id"] for c in calls}
    notifier.withdraw("some-key")
    qtbot.waitUntil(lambda: len(server.calls("CloseNotification")) == 1, timeout=10_000)
    [close] = server.calls("CloseNotification")
    assert close["id"] == ids["Time to stretch"]
    assert close["signature"] == "u"
    # The server's NotificationClosed for the withdrawn one came before this one.
    with qtbot.waitSignal(notifier.closed, timeout=10_000):
        server.dismiss(ids["Drink"])
    assert closed == ["other"]


def test_withdraw_right_after_notify_still_closes_it(qtbot, server, notifier):
    notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    notifier.withdraw("some-key")  # before Notify's reply: waits for the id
    qtbot.waitUntil(lambda: len(server.calls("CloseNotification")) == 1, timeout=10_000)
    assert server.calls("CloseNotification")[0]["id"] == server.calls("Notify")[0]["id"]


def test_withdraw_of_an_unknown_key_does_nothing(server, notifier):
    notifier.withdraw("never-shown")
    notifications._worker().submit(lambda: None).result(timeout=10)
    assert server.calls("CloseNotification") == []


def test_a_dismissal_by_the_user_is_reported_as_closed(qtbot, server, notifier):
    notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    [call] = _shown(qtbot, server)
    with qtbot.waitSignal(notifier.closed, timeout=10_000) as closed:
        server.dismiss(call["id"])
    assert closed.args == ["some-key"]
    # Closed means gone: the next notify for the key starts a new notification.
    notifier.notify("some-key", "Time to stretch", "", BUTTONS)
    assert _shown(qtbot, server, 2)[1]["replaces_id"] == 0


# -- why the typed calls run on a worker thread ----------------------------------------------------
def test_a_plain_pyside_message_cannot_carry_uint32(server):
    """PySide6 sends a Python int as INT32, so a hand-built Notify is refused.

    If this starts to pass a uint32, ``asyncCall`` can replace the worker thread
    in companion/ui/reminders/notifications.py.
    """
    message = QDBusMessage.createMethodCall(SERVICE, notifications.PATH, SERVICE, "Notify")
    message.setArguments(["app", 0, "", "summary", "body", FLAT_BUTTONS, {}, 0])
    reply = server.control.call(message, QDBus.CallMode.Block, 5000)
    assert reply.type() == QDBusMessage.MessageType.ErrorMessage
    assert "sisssasa{sv}i" in reply.errorMessage()
    assert server.calls("Notify") == []


# -- end to end: a due reminder through the app --------------------------------------------------
def test_a_due_reminder_reaches_the_desktop_and_a_snooze_click_is_applied(
    server, make_app, clock, qtbot
):
    from datetime import timedelta

    from companion.domain.reminders import Kind, ReminderRule
    from companion.scheduling.reminders import Fired

    clock.set(clock.now().replace(hour=8, minute=0))
    companion = make_app(has_tray=True)
    center = companion.reminders
    center.scheduler.start(paused=True)
    rule = center.save_rule(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250))
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    (shown,) = _shown(qtbot, server)
    assert shown["summary"] == "Water"
    assert shown["actions"] == ["default", "Open", *FLAT_BUTTONS]
    assert not center.popup.isVisible()  # once, on the desktop: no popup as well
    with qtbot.waitSignal(center.changed):
        server.click(shown["id"], "snooze")
    assert center.current is None and not center.popup.isVisible()
    ((key, until),) = center.scheduler.next_once().items()
    assert key.startswith("snooze-") and until == clock.now() + timedelta(minutes=10)
    qtbot.waitUntil(lambda: len(server.calls("CloseNotification")) == 1, timeout=10_000)
