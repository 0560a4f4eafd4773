"""Telling the user where they are: a desktop notification, else the tray's message.

A therapy timer's phase end and skin check, and the reminders "Just finished"
added, go out through the app's one ``DesktopNotifier`` (the reminders' own,
with buttons) when a notification server can show buttons; otherwise through
the tray icon's message when there is a tray; otherwise only in the window,
which the caller always shows as well (the timer window raises itself, the
Reminders page keeps a notice). A button pressed on a notification comes back
as ``action(key, action)`` for the keys sent from here.

A click on a desktop notification's body (the freedesktop "default" action) comes
back as ``action(key, "default")``: the timer window comes forward, as a reminder's
notification brings the main window forward.

Reminders' pause does not hold these back: they answer something the user
started themselves (a timer running, a "Just finished" pressed a moment ago).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

if TYPE_CHECKING:
    from companion.ui.reminders.notifications import DesktopNotifier

TRAY_MESSAGE_MS = 15_000
DEFAULT_ACTION = "default"  # freedesktop: what a click on the notification's body does
_keys = itertools.count(1)


def new_key(prefix: str) -> str:
    """A key no other alert of the process uses: "timer-3", "finished-4"."""
    return f"{prefix}-{next(_keys)}"


class AlertRouter(QObject):
    action = Signal(str, str)  # key, action id: a button pressed on a desktop notification

    def __init__(
        self,
        notifier: Callable[[], DesktopNotifier | None],
        tray: Callable[[], QSystemTrayIcon | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_notifier = notifier
        self._notifier: DesktopNotifier | None = None
        self._tray = tray
        self._mine: set[str] = set()
        self.sent: list[tuple[str, str, str, str]] = []  # channel, key, title, body

    def _get_notifier(self) -> DesktopNotifier | None:
        if self._notifier is None:
            self._notifier = self._make_notifier()
            if self._notifier is not None:
                self._notifier.action_invoked.connect(self._invoked)
        return self._notifier

    def send(
        self,
        key: str,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        *,
        without_buttons: str = "",
    ) -> str:
        """Show ``title`` and ``body``; which way it went: "desktop", "tray" or "window".

        ``without_buttons`` is added to the tray's message, which cannot carry
        ``actions`` (it says where to find them instead)."""
        notifier = self._get_notifier()
        if notifier is not None and notifier.available():
            self._mine.add(key)
            opens = QCoreApplication.translate("AlertRouter", "Open")
            notifier.notify(key, title, body, [(DEFAULT_ACTION, opens), *actions])
            channel = "desktop"
        else:
            tray = self._tray()
            if tray is not None and tray.isVisible() and tray.supportsMessages():
                text = f"{body} {without_buttons}" if without_buttons else body
                tray.showMessage(
                    title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
                )
                channel = "tray"
            else:
                channel = "window"
        self.sent.append((channel, key, title, body))
        return channel

    def withdraw(self, key: str) -> None:
        """Close the notification for ``key`` (answered in the window, or out of date)."""
        if key in self._mine and self._notifier is not None:
            self._mine.discard(key)
            self._notifier.withdraw(key)

    def _invoked(self, key: str, action: str) -> None:
        if key in self._mine:
            self.action.emit(key, action)
