"""A fake ``org.freedesktop.Notifications`` server, run as its own process by the tests.

Usage: ``python tests/helpers/fake_notifications.py RECORD_FILE [--capabilities a,b]
[--click-at-once ACTION]`` with ``DBUS_SESSION_BUS_ADDRESS`` pointing at the test's
private bus. ``--click-at-once`` emits ``ActionInvoked`` for each new notification
before the reply to its ``Notify``, so the signal reaches the client first.

It must be a separate process: a fake served from a thread of the test process
deadlocks against Qt's blocking D-Bus calls (see TECH-NOTES, "Tray and notifications").

Every ``Notify`` and ``CloseNotification`` call is appended to RECORD_FILE as one
JSON line, with the D-Bus signature it arrived with, so a test can check that the
client sent ``uint32`` where the specification says ``UINT32``. The server answers
like a strict real one: QtDBus only routes a call to a slot whose argument types
match the message, so a ``Notify`` sent with an ``int32`` id fails with
``UnknownMethod``, as it would against GNOME Shell (GDBus) or Plasma (QtDBus).

A second object, ``/control`` with interface ``org.example.FakeControl``, lets a
test act as the user: ``Invoke(i id, s action)`` emits ``ActionInvoked`` and
``Dismiss(i id)`` emits ``NotificationClosed`` with reason 2 (dismissed). Its
arguments are ``int32`` so that any client can call it.

The script prints ``READY`` on its standard output once it owns the name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL_PATH = "/control"
CONTROL_INTERFACE = "org.example.FakeControl"
DISMISSED = 2
CLOSED_BY_CALL = 3

EXPORT = (
    QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
)


def _plain(value: Any) -> Any:
    """Hint values as JSON can hold them (QtDBus hands over str, int, bytes, lists)."""
    if isinstance(value, bytes | bytearray):
        return list(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


# ClassInfo names the interface that the exported signals carry; its stubs lag behind it.
@ClassInfo(**{"D-Bus Interface": SERVICE})  # type: ignore[arg-type]
class FakeServer(QObject):  # type: ignore[operator]
    # The Python type names become the D-Bus signature: "uint" is sent as UINT32.
    ActionInvoked = Signal("uint", str)  # type: ignore[arg-type]  # stubs allow only types
    NotificationClosed = Signal("uint", "uint")  # type: ignore[arg-type]

    def __init__(
        self, bus: QDBusConnection, record: TextIO, capabilities: list[str], click_at_once: str
    ) -> None:
        super().__init__()
        self._bus = bus
        self._record = record
        self._capabilities = capabilities
        self._click_at_once = click_at_once
        self._next_id = 1
        self.live: set[int] = set()

    def _write(self, entry: dict[str, Any]) -> None:
        self._record.write(json.dumps(entry) + "\n")
        self._record.flush()

    # A trailing QDBusMessage argument is not part of the D-Bus signature; QtDBus
    # fills it with the call itself, which gives the signature the client used.
    @Slot(
        str, "uint", str, str, str, "QStringList", "QVariantMap", int, QDBusMessage, result="uint"
    )
    def Notify(
        self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout, msg
    ):
        if replaces_id in self.live:
            notification_id = replaces_id
        else:
            notification_id = self._next_id
            self._next_id += 1
        self.live.add(notification_id)
        self._write(
            {
                "method": "Notify",
                "signature": msg.signature(),
                "sender": msg.service(),
                "app_name": app_name,
                "replaces_id": replaces_id,
                "app_icon": app_icon,
                "summary": summary,
                "body": body,
                "actions": list(actions),
                "hints": _plain(dict(hints)),
                "expire_timeout": expire_timeout,
                "id": notification_id,
            }
        )
        if self._click_at_once:  # sent now; the reply goes out when this slot returns
            self.ActionInvoked.emit(notification_id, self._click_at_once)
        return notification_id

    @Slot("uint", QDBusMessage)
    def CloseNotification(self, notification_id, msg):
        self._write(
            {"method": "CloseNotification", "signature": msg.signature(), "id": notification_id}
        )
        if notification_id in self.live:
            self.live.discard(notification_id)
            self.NotificationClosed.emit(notification_id, CLOSED_BY_CALL)

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return self._capabilities

    @Slot(QDBusMessage)
    def GetServerInformation(self, msg):
        # Four out-arguments: a Python slot can return only one, so reply by hand.
        # (createReply([...]) would pick its QVariant overload and send one "as".)
        msg.setDelayedReply(True)
        reply = msg.createReply()
        reply.setArguments(["fake-notifications", "tests", "1.0", "1.2"])
        self._bus.send(reply)


@ClassInfo(**{"D-Bus Interface": CONTROL_INTERFACE})  # type: ignore[arg-type]
class Control(QObject):  # type: ignore[operator]
    def __init__(self, server: FakeServer) -> None:
        super().__init__()
        self._server = server

    @Slot(int, str)
    def Invoke(self, notification_id, action):
        self._server.ActionInvoked.emit(notification_id, action)

    @Slot(int)
    def Dismiss(self, notification_id):
        self._server.live.discard(notification_id)
        self._server.NotificationClosed.emit(notification_id, DISMISSED)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("record", type=Path)
    parser.add_argument("--capabilities", default="actions,body")
    parser.add_argument("--click-at-once", default="")
    args = parser.parse_args(argv)
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print(f"no session bus: {bus.lastError().message()}", file=sys.stderr)
        return 1
    with args.record.open("a", encoding="utf-8") as record:
        capabilities = [c for c in args.capabilities.split(",") if c]
        server = FakeServer(bus, record, capabilities, args.click_at_once)
        control = Control(server)
        if not (
            bus.registerObject(PATH, server, EXPORT)
            and bus.registerObject(CONTROL_PATH, control, EXPORT)
            and bus.registerService(SERVICE)
        ):
            print(f"cannot serve: {bus.lastError().message()}", file=sys.stderr)
            return 1
        print("READY", flush=True)
        return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
