"""The tray icon and its menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from companion import APP_NAME
from companion.ui.actions import AppActions
from companion.ui.icons import app_icon
from companion.ui.pause import PauseController


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayIcon(QSystemTrayIcon):
    """Open, Pause reminders, Quit; the tooltip tells the reminder status."""

    def __init__(self, actions: AppActions, pause: PauseController, parent: QObject | None = None):
        super().__init__(app_icon(), parent)
        self._pause = pause
        self.menu = QMenu()
        self.menu.addAction(actions.open_window)
        self.menu.addSeparator()
        self.pause_menu = actions.pause_menu(self.menu)
        self.menu.addMenu(self.pause_menu)
        self.menu.addSeparator()
        self.menu.addAction(actions.quit)
        self.setContextMenu(self.menu)
        self.activated.connect(self._on_activated)
        self._open = actions.open_window
        pause.changed.connect(self._sync)
        self._sync()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self._open.trigger()

    def _sync(self) -> None:
        status = self._pause.describe()
        self.setToolTip(f"{APP_NAME}\n{status}")
        self.pause_menu.setTitle(
            QCoreApplication.translate("TrayIcon", "&Pause reminders")
            if not self._pause.is_paused()
            else QCoreApplication.translate("TrayIcon", "Reminders: %s") % status
        )
