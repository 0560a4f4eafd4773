"""The app-wide commands, shared by the tray menu and the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from companion.domain.pause import PauseChoice
from companion.ui.reminders.pause import PauseController


class AppActions(QObject):
    def __init__(self, pause_controller: PauseController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pause = pause_controller
        self.open_window = QAction(
            QCoreApplication.translate("AppActions", "&Open Recovery Companion"), self
        )
        self.quit = QAction(QCoreApplication.translate("AppActions", "&Quit"), self)
        self.import_runs = QAction(QCoreApplication.translate("AppActions", "&Import runs…"), self)
        self.import_runs.setToolTip(
            QCoreApplication.translate(
                "AppActions", "Import runs from your watch's FIT, GPX or TCX files"
            )
        )
        self.pause_actions: dict[PauseChoice, QAction] = {}
        for choice in PauseChoice:
            action = QAction(QCoreApplication.translate("PauseChoice", choice.label), self)
            action.triggered.connect(lambda _=False, c=choice: self._pause.pause(c))
            self.pause_actions[choice] = action
        self.resume = QAction(
            QCoreApplication.translate("AppActions", "&Resume reminders now"), self
        )
        self.resume.triggered.connect(self._pause.resume)
        self._pause.changed.connect(self._sync)
        self._sync()

    def pause_menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(QCoreApplication.translate("AppActions", "&Pause reminders"), parent)
        for action in self.pause_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.resume)
        return menu

    def _sync(self) -> None:
        self.resume.setEnabled(self._pause.is_paused())
