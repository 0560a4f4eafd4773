"""The tray icon and its menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from companion import APP_NAME
from companion.domain.units import METRIC, Units
from companion.ui.actions import AppActions
from companion.ui.icons import app_icon
from companion.ui.reminders.pause import PauseController


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


WATER_AMOUNTS_ML = (150, 250, 500)


class TrayIcon(QSystemTrayIcon):
    """Open, Log water, Just finished, Import runs, Pause reminders, Quit; the tooltip
    tells the reminder status."""

    water_logged = Signal(int)
    finished_activity = Signal(str)  # "run" or "leg_day"

    def __init__(self, actions: AppActions, pause: PauseController, parent: QObject | None = None):
        super().__init__(app_icon(), parent)
        self._pause = pause
        self._extra: list[str] = []
        self.menu = QMenu()
        self.status_actions: list[QAction] = []
        self.menu.addAction(actions.open_window)
        self.menu.addSeparator()
        self.water_menu = QMenu(QCoreApplication.translate("TrayIcon", "Log &water"), self.menu)
        for ml in WATER_AMOUNTS_ML:
            action = self.water_menu.addAction(METRIC.amount(ml))
            action.setData(ml)
        self.water_menu.triggered.connect(lambda action: self.water_logged.emit(int(action.data())))
        self.menu.addMenu(self.water_menu)
        self.finished_menu = QMenu(
            QCoreApplication.translate("TrayIcon", "Just &finished..."), self.menu
        )
        for key, label in (
            ("run", QCoreApplication.translate("TrayIcon", "A run")),
            ("leg_day", QCoreApplication.translate("TrayIcon", "Leg day")),
        ):
            action = self.finished_menu.addAction(label)
            action.setData(key)
        self.finished_menu.triggered.connect(
            lambda action: self.finished_activity.emit(str(action.data()))
        )
        self.menu.addMenu(self.finished_menu)
        self.menu.addAction(actions.import_runs)
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

    def set_water_units(self, units: Units) -> None:
        """Write the Log water amounts as the window writes amounts (``Units.amount``)."""
        for action in self.water_menu.actions():
            action.setText(units.amount(int(action.data())))

    def set_extra_status(self, lines: list[str]) -> None:
        """Lines under the pause status in the tooltip: the next reminder, today's water."""
        self._extra = list(lines)
        for action in self.status_actions:  # the same lines at the top of the menu
            self.menu.removeAction(action)
        first = self.menu.actions()[0]  # "Open", always there
        self.status_actions = []
        for line in lines:
            action = QAction(line, self.menu)
            action.setEnabled(False)
            self.menu.insertAction(first, action)
            self.status_actions.append(action)
        if lines:
            separator = QAction(self.menu)
            separator.setSeparator(True)
            self.menu.insertAction(first, separator)
            self.status_actions.append(separator)
        self._sync()

    def _sync(self) -> None:
        status = self._pause.status_line()
        self.setToolTip("\n".join([APP_NAME, status, *self._extra]))
        self.pause_menu.setTitle(
            QCoreApplication.translate("TrayIcon", "&Pause reminders")
            if not self._pause.is_paused()
            else QCoreApplication.translate("TrayIcon", "Reminders: %s") % status
        )
