"""The window and the tray: the tray icon (at start, or when a login start's panel turns
up late), where the window goes when it is closed (the tray, or quitting when there
is none), the notice that there is no tray, and the window's size and place."""

from __future__ import annotations

import base64
import contextlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from companion import APP_NAME
from companion.ui.tray import TrayIcon

if TYPE_CHECKING:
    from companion.app.root import CompanionApp

GEOMETRY_KEY = "window.geometry"
TRAY_HINT_SHOWN_KEY = "notice.tray_hint_shown"
NO_TRAY_NOTICE_KEY = "notice.no_tray_acknowledged"


class TrayHost:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app

    def offer_no_tray_notice(self) -> None:
        """Once (until dismissed): with no tray, closing the window quits."""
        if not self.app.settings.get(NO_TRAY_NOTICE_KEY, False):
            self.app._no_tray_banner = self.app.window.add_banner(
                QCoreApplication.translate(
                    "CompanionApp",
                    "No system tray was found on this desktop, so closing this window quits "
                    "Recovery Companion and its reminders stop until you open it again.",
                ),
                on_dismiss=lambda: self.app.settings.set(
                    NO_TRAY_NOTICE_KEY, True, self.app.clock.now()
                ),
            )

    def attach(self) -> None:
        """The tray icon and its menu (at start, or when the panel's tray turns up later)."""
        if self.app.tray is not None:
            return
        self.app.tray = TrayIcon(self.app.actions, self.app.pause, self.app)
        self.app.tray.water_logged.connect(lambda ml: self.app.log_water(ml, "tray"))
        self.app.tray.finished_activity.connect(self.app.just_finished)

    def look_for_tray(self) -> None:
        if self.app.tray_probe():
            self.app._tray_wait.stop()
            self.attach()
            assert self.app.tray is not None
            self.app.tray.show()
            self.app._sync_reminder_status()
            if self.app._no_tray_banner is not None:
                self.app._no_tray_banner.hide()  # it said closing would quit; no longer true
        elif time.monotonic() >= self.app._tray_deadline:
            self.app._tray_wait.stop()
            self.app.window.show()

    def close_requested(self) -> None:
        if self.app.tray is None:
            self.app.quit()
            return
        self.save_geometry()
        self.app.window.hide()
        self.app.drop_pixmap_cache()
        if not self.app.settings.get(TRAY_HINT_SHOWN_KEY, False) and not self.app.db.read_only:
            self.app.tray.showMessage(
                APP_NAME,
                QCoreApplication.translate(
                    "CompanionApp",
                    "Still running in the tray, so your reminders keep coming. "
                    "Choose Quit from the tray menu to stop.",
                ),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
            self.app.settings.set(TRAY_HINT_SHOWN_KEY, True, self.app.clock.now())

    def save_geometry(self) -> None:
        if self.app.db.read_only:
            return  # the window's place is not the user's data: nothing to refuse
        data = bytes(self.app.window.saveGeometry().data())
        self.app.settings.set(
            GEOMETRY_KEY, base64.b64encode(data).decode("ascii"), self.app.clock.now()
        )

    def restore_geometry(self) -> None:
        raw = self.app.settings.get(GEOMETRY_KEY)
        if isinstance(raw, str):
            with contextlib.suppress(ValueError):
                if self.app.window.restoreGeometry(QByteArray(base64.b64decode(raw))):
                    return
        # First start: the default size, but never larger than the screen, centred.
        screen = self.app.qapp.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            size = self.app.window.size().boundedTo(area.size() * 0.92)
            self.app.window.resize(size.expandedTo(self.app.window.minimumSize()))
            frame = self.app.window.frameGeometry()
            frame.moveCenter(area.center())
            self.app.window.move(frame.topLeft())
