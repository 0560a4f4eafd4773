"""Desktop notifications with Done, Snooze and Skip buttons, over the session D-Bus.

``QSystemTrayIcon.showMessage`` cannot carry action buttons and makes a blocking
D-Bus call on the GUI thread, so reminders speak the freedesktop notification
protocol (``org.freedesktop.Notifications``) themselves, with Qt's own QtDBus:
no new dependency, and nothing but the session bus is touched.

One PySide6 limit shapes this module. A Python ``int`` put in a ``QDBusMessage``
always goes out as ``int32`` (``int64`` when large), and ``QDBusArgument << int``
writes a ``uint16``; there is no way to say ``uint32``. ``Notify``'s
``replaces_id`` and ``CloseNotification``'s ``id`` are ``uint32``, and servers
check the signature (GDBus-based ones such as GNOME Shell and dunst answer
``InvalidArgs``; QtDBus-based ones such as Plasma, ``UnknownMethod``), so
``asyncCall`` with a hand-built message cannot show a notification at all. The
one typed route PySide6 leaves is a ``QDBusInterface`` (which learns the
signature by introspection) invoked with ``Q_ARG("uint", ...)``; that call
blocks, so these two calls run one at a time on a worker thread and their
results come back to the GUI thread through a queued signal. The blocking wait
releases the GIL, so the GUI keeps painting. Everything else (the capability
check, ``ActionInvoked`` and ``NotificationClosed``) is plain QtDBus on the GUI
thread.

For the same reason the ``urgency`` hint (a byte) cannot be sent: it would go
out as ``int32``, which servers that look it up as a byte (dunst) ignore. It is
left out; the specification's default is normal urgency, what reminders want.

A ``QDBusInterface`` takes its Qt types from the server's introspection, and
QtDBus knows no Qt type for ``a{sv}`` (``Notify``'s ``hints``) unless the XML
carries Qt's own type annotation, which only QtDBus-based servers write. Against
any other server (seen with dunst 1.9; GDBus-based ones such as GNOME Shell
write no Qt annotations either) ``Notify`` comes out as ``Notify(...,
QDBusRawType<0x617b73767d>*, int)``, which cannot be invoked: no notification
was shown, and the popup alone was left. QtDBus keeps one meta-object per
interface name and connection, made from the first introspection of that
interface on it; so each connection first introspects a schema object of our
own (``_NotificationsSchema``, exported for that moment only), which gives
QtDBus the specification's signatures with their Qt types, whatever the server
says. tests/desktop proves it against a real dunst.

The notifier opens its own connection to the address in
``DBUS_SESSION_BUS_ADDRESS`` when that is set, rather than sharing
``QDBusConnection.sessionBus()``: Qt and libdbus fix the default connection's
address the first time anything in the process asks for it, while a connection
of our own follows the environment of the moment (tests point it at a private
bus) and is closed when the notifier goes.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    SLOT,
    ClassInfo,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
BUS_SERVICE = "org.freedesktop.DBus"
BUS_PATH = "/org/freedesktop/DBus"

SCHEMA_PATH = "/org/recovery_companion/NotificationsSchema"  # exported for a moment only
NOTIFY = "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"

DESKTOP_ENTRY = "recovery-companion"  # the .desktop file's name, so servers show our icon
CATEGORY = "x-recovery-companion.reminder"  # the specification has no reminder category
PERSISTENT = 0  # expire_timeout: stays until answered

QUERY_TIMEOUT_MS = 1000  # questions to the bus daemon: it answers at once or is broken
CAPABILITIES_TIMEOUT_MS = 2000  # leaves a D-Bus-activated server time to start
CALL_TIMEOUT_MS = 5000  # Notify and CloseNotification, on the worker thread
EARLY_EVENTS_KEPT = 16

_numbers = itertools.count(1)


@functools.cache
def _worker() -> ThreadPoolExecutor:
    """One thread for every typed call of the process: calls keep their order."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="notifications")


# ClassInfo names the exported interface; its stubs lag behind it.
@ClassInfo(**{"D-Bus Interface": INTERFACE})  # type: ignore[arg-type]
class _NotificationsSchema(QObject):  # type: ignore[operator]
    """The specification's typed methods, for QtDBus to read their Qt types from; never called."""

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, *arguments):
        return 0

    @Slot("uint")
    def CloseNotification(self, notification_id):
        return None


def _learn_signatures(bus: QDBusConnection) -> bool:
    """Give ``bus`` the typed meta-object for the interface before any server's own.

    Runs on the GUI thread before the first typed call on ``bus``: the schema is
    introspected through the connection itself (a local call), and QtDBus keeps
    the result for every later ``QDBusInterface`` of the interface on ``bus``.
    """
    schema = _NotificationsSchema()
    if not bus.registerObject(SCHEMA_PATH, schema, QDBusConnection.RegisterOption.ExportAllSlots):
        return False
    try:
        learned = QDBusInterface(bus.baseService(), SCHEMA_PATH, INTERFACE, bus)
        return learned.isValid() and learned.metaObject().indexOfMethod(NOTIFY) >= 0
    finally:
        bus.unregisterObject(SCHEMA_PATH)


def _typed_call(
    bus: QDBusConnection, method: str, arguments: Sequence[tuple[str, Any]], returns: str | None
) -> tuple[Any, str]:
    """Call ``method`` with arguments marshalled as the given Qt types; blocks.

    Returns (result, "") or (None, error). Runs on the worker thread only.
    """
    interface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
    if not interface.isValid():
        return None, interface.lastError().message() or QCoreApplication.translate(
            "DesktopNotifier", "No notification service."
        )
    interface.setTimeout(CALL_TIMEOUT_MS)
    holders = [Q_ARG(type_name, value) for type_name, value in arguments]
    direct = Qt.ConnectionType.DirectConnection
    try:
        if returns is None:
            result: Any = QMetaObject.invokeMethod(interface, method, direct, *holders)
        else:
            result = QMetaObject.invokeMethod(
                interface, method, direct, Q_RETURN_ARG(returns), *holders
            )
    except RuntimeError as exc:  # the server's introspection has no such method
        return None, f"{method}: {exc}"
    error = interface.lastError()
    if error.isValid():
        return None, f"{error.name()}: {error.message()}"
    return result, ""


@dataclass
class _Request:
    title: str
    body: str
    actions: list[str]  # flat: id, label, id, label, ...


@dataclass
class _Entry:
    """What the notifier knows about one key's notification."""

    notification_id: int = 0  # the server's id for it, 0 while none is known
    sending: bool = False  # a Notify call is on its way
    queued: _Request | None = None  # the newest notify() made while sending
    withdraw: bool = False  # withdraw() was called while sending


@dataclass
class _Early:
    """Signals for ids not known yet: their Notify reply may still be on the worker."""

    events: list[tuple[str, int, str]] = field(default_factory=list)  # kind, id, action

    def keep(self, kind: str, notification_id: int, action: str = "") -> None:
        self.events = [*self.events[-(EARLY_EVENTS_KEPT - 1) :], (kind, notification_id, action)]

    def take(self, notification_id: int) -> list[tuple[str, str]]:
        mine = [(kind, action) for kind, i, action in self.events if i == notification_id]
        self.events = [e for e in self.events if e[1] != notification_id]
        return mine


class DesktopNotifier(QObject):
    """Shows reminders as desktop notifications with buttons, and reports the clicks.

    Each notification has a key chosen by the caller (a reminder's id): showing
    another with the same key replaces it on screen, ``withdraw`` closes it, and
    the signals name the key, never the server's numbers. All signals arrive on
    the GUI thread. Typed D-Bus calls run on a worker thread (see the module
    docstring); keep the notifier for the life of the app.

    ``closed`` follows ``action_invoked`` on servers that close a notification
    once a button is pressed; treat the action as the answer.
    """

    action_invoked = Signal(str, str)  # key, action id
    closed = Signal(str)  # key: the server closed it (expired, dismissed), not withdraw()
    failed = Signal(str, str)  # key, error: Notify did not reach a server
    # key, id (0 on failure), error; from the worker. object: a uint32 id may not fit a Qt int.
    _notify_finished = Signal(str, object, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        app_name: str = "Recovery Companion",
        icon: str = "",
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._icon = icon
        self._connection_name = f"recovery-companion-notifications-{next(_numbers)}"
        self._bus: QDBusConnection | None = None
        self._entries: dict[str, _Entry] = {}
        self._keys: dict[int, str] = {}  # server id -> key
        self._early = _Early()
        # Queued even when emitted on the GUI thread: notify() never calls back into its caller.
        self._notify_finished.connect(self._on_notify_finished, Qt.ConnectionType.QueuedConnection)
        name = self._connection_name
        self.destroyed.connect(lambda: QDBusConnection.disconnectFromBus(name))

    # -- the bus --------------------------------------------------------------------------
    def _connection(self) -> QDBusConnection | None:
        """The session bus, connected on first use and again if it went away."""
        if self._bus is not None and self._bus.isConnected():
            return self._bus
        self._bus = None
        address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if address:
            # A failed earlier attempt stays registered under the name: drop it first.
            QDBusConnection.disconnectFromBus(self._connection_name)
            bus = QDBusConnection.connectToBus(address, self._connection_name)
        else:  # libdbus's own discovery ($XDG_RUNTIME_DIR/bus, X11 autolaunch)
            bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no session bus: %s", bus.lastError().message())
            QDBusConnection.disconnectFromBus(self._connection_name)
            return None
        hooks = (
            ("ActionInvoked", SLOT("_on_action_invoked(uint,QString)")),
            ("NotificationClosed", SLOT("_on_notification_closed(uint,uint)")),
        )
        for signal, slot in hooks:
            # The stubs say bytes for the slot, but PySide6 accepts only SLOT()'s str.
            if not bus.connect(SERVICE, PATH, INTERFACE, signal, self, slot):  # type: ignore[call-overload]
                log.warning("cannot listen to %s: %s", signal, bus.lastError().message())
        if not _learn_signatures(bus):  # see the module docstring
            log.warning("Notify's types not learned; servers not built on QtDBus will refuse it")
        self._bus = bus
        return bus

    @staticmethod
    def _ask(bus: QDBusConnection, message: QDBusMessage, timeout_ms: int) -> list[Any] | None:
        reply = bus.call(message, QDBus.CallMode.Block, timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.info("%s: %s", message.member(), reply.errorMessage())
            return None
        return list(reply.arguments())

    def available(self) -> bool:
        """Is there a notification server on the session bus that can show buttons?

        Blocks for a few short round trips at most (none when there is no bus),
        so it is fine at start-up. A server that is installed for D-Bus
        activation but not running yet counts, and is started by the check.
        """
        bus = self._connection()
        if bus is None:
            return False
        daemon = functools.partial(
            QDBusMessage.createMethodCall, BUS_SERVICE, BUS_PATH, BUS_SERVICE
        )
        has_owner = daemon("NameHasOwner")
        has_owner.setArguments([SERVICE])
        owned = self._ask(bus, has_owner, QUERY_TIMEOUT_MS)
        if not (owned and owned[0]):
            activatable = self._ask(bus, daemon("ListActivatableNames"), QUERY_TIMEOUT_MS)
            if not (activatable and SERVICE in activatable[0]):
                return False
        capabilities = self._ask(
            bus,
            QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "GetCapabilities"),
            CAPABILITIES_TIMEOUT_MS,
        )
        if not capabilities:
            return False
        return "actions" in capabilities[0]

    # -- showing and withdrawing ------------------------------------------------------------
    def notify(self, key: str, title: str, body: str, actions: list[tuple[str, str]]) -> None:
        """Show (or replace) the notification for ``key``; returns at once.

        ``actions`` are (action id, label) pairs; a click comes back as
        ``action_invoked(key, action_id)``. Failure comes back as ``failed``.
        """
        request = _Request(title, body, [part for pair in actions for part in pair])
        entry = self._entries.setdefault(key, _Entry())
        if entry.sending:  # sent once the id to replace is known; only the newest counts
            entry.queued = request
            entry.withdraw = False
            return
        self._send(key, entry, request)

    def _send(self, key: str, entry: _Entry, request: _Request) -> None:
        entry.sending = True
        bus = self._connection()
        if bus is None:
            self._notify_finished.emit(
                key,
                0,
                QCoreApplication.translate("DesktopNotifier", "There is no D-Bus session bus."),
            )
            return
        arguments = [
            ("QString", self._app_name),
            ("uint", entry.notification_id),
            ("QString", self._icon),
            ("QString", request.title),
            ("QString", request.body),
            ("QStringList", request.actions),
            ("QVariantMap", {"desktop-entry": DESKTOP_ENTRY, "category": CATEGORY}),
            ("int", PERSISTENT),
        ]
        finished = self._notify_finished

        def call() -> None:
            try:
                result, error = _typed_call(bus, "Notify", arguments, "uint")
            except Exception:
                log.exception("Notify failed")
                result, error = (
                    None,
                    QCoreApplication.translate(
                        "DesktopNotifier", "Internal error while sending the notification."
                    ),
                )
            if not (result or error):
                error = QCoreApplication.translate(
                    "DesktopNotifier", "The notification service answered without an id."
                )
            try:
                finished.emit(key, result or 0, error)
            except RuntimeError:  # the notifier was deleted meanwhile
                log.debug("notifier gone before Notify's reply")

        _worker().submit(call)

    def withdraw(self, key: str) -> None:
        """Close the notification for ``key`` if it is shown; no ``closed`` signal follows."""
        entry = self._entries.get(key)
        if entry is None:
            return
        if entry.sending:
            entry.queued = None
            entry.withdraw = True
            return
        del self._entries[key]
        if not entry.notification_id:
            return
        self._keys.pop(entry.notification_id, None)
        bus = self._connection()
        if bus is None:
            return
        notification_id = entry.notification_id

        def call() -> None:
            try:
                _, error = _typed_call(bus, "CloseNotification", [("uint", notification_id)], None)
            except Exception:
                log.exception("CloseNotification failed")
                return
            if error:
                log.info("CloseNotification(%d): %s", notification_id, error)

        _worker().submit(call)

    # -- replies and signals, on the GUI thread -----------------------------------------------
    @Slot(str, object, str)
    def _on_notify_finished(self, key: str, notification_id: int, error: str) -> None:
        entry = self._entries.get(key)
        if entry is None:  # cannot happen: an entry is kept while it is sending
            return
        entry.sending = False
        if notification_id:
            if entry.notification_id not in (0, notification_id):
                self._keys.pop(entry.notification_id, None)
            entry.notification_id = notification_id
            self._keys[notification_id] = key
            self._replay_early(notification_id)
        else:
            log.info("notification %r not shown: %s", key, error)
            self.failed.emit(key, error)
        self._next_step(key)

    def _replay_early(self, notification_id: int) -> None:
        """Signals that overtook their Notify reply (it waits on the worker's wake-up)."""
        for kind, action in self._early.take(notification_id):
            if kind == "action":
                self._on_action_invoked(notification_id, action)
            else:
                self._on_notification_closed(notification_id, 0)

    def _next_step(self, key: str) -> None:
        """What was asked for ``key`` while its Notify was on its way."""
        entry = self._entries.get(key)
        if entry is None or entry.sending:
            return
        if entry.withdraw:
            entry.withdraw = False
            self.withdraw(key)
        elif entry.queued is not None:
            request, entry.queued = entry.queued, None
            self._send(key, entry, request)
        elif not entry.notification_id:
            del self._entries[key]

    def _sending(self) -> bool:
        return any(entry.sending for entry in self._entries.values())

    @Slot("uint", str)
    def _on_action_invoked(self, notification_id: int, action: str) -> None:
        key = self._keys.get(notification_id)
        if key is not None:
            self.action_invoked.emit(key, action)
        elif self._sending():
            self._early.keep("action", notification_id, action)

    @Slot("uint", "uint")
    def _on_notification_closed(self, notification_id: int, reason: int) -> None:
        key = self._keys.pop(notification_id, None)
        if key is None:
            if self._sending():
                self._early.keep("closed", notification_id)
            return
        entry = self._entries.get(key)
        if entry is not None and entry.notification_id == notification_id:
            entry.notification_id = 0
            if not entry.sending and entry.queued is None:
                del self._entries[key]
        self.closed.emit(key)
