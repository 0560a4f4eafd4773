"""Settings' "Watched folder" card: off by default; Choose folder… and Stop watching.

The folder is a preference (``Preferences.watch_folder``) saved through the
window's ``PreferencesModel`` like every other, with its checks; the app's
``companion.app.watch_folder`` follows it. ``choose_folder`` is the one seam
tests replace (it is ``QFileDialog.getExistingDirectory``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from companion.domain.preferences import Preferences
from companion.domain.protocols import Verdict
from companion.ui.sections import Card, make_label
from companion.ui.settings.preferences import PreferencesModel

# (parent, caption, start folder) -> the folder chosen, or "" when cancelled
ChooseFolder = Callable[[QWidget, str, str], str]


class WatchFolderCard(Card):
    def __init__(self, model: PreferencesModel) -> None:
        super().__init__(QCoreApplication.translate("SettingsPage", "Watched folder"))
        self.model = model
        self.choose_folder: ChooseFolder = QFileDialog.getExistingDirectory
        self.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "New activity files that appear here — say from your watch or a sync app — "
                "are imported once, and the tray tells you what arrived. Files already in "
                "the folder are left alone: Import runs… on History takes those.",
            ),
            "Muted",
        )
        self.where = make_label("", "", selectable=True)
        self.where.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self.where)
        row = QHBoxLayout()
        self.choose = QPushButton(QCoreApplication.translate("SettingsPage", "Choose folder…"))
        self.choose.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Choose the watched folder")
        )
        self.stop = QPushButton(QCoreApplication.translate("SettingsPage", "Stop watching"))
        for button in (self.choose, self.stop):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.note = make_label("", "Warning")
        self.note.hide()
        self.body.addWidget(self.note)
        self.choose.clicked.connect(self._choose)
        self.stop.clicked.connect(self._stop)
        self.show_preferences(model.current)
        model.changed.connect(self.show_preferences)

    def show_preferences(self, preferences: Preferences) -> None:
        folder = preferences.watch_folder
        if folder:
            watching = QCoreApplication.translate("SettingsPage", "Watching: %s") % folder
            # A line may break after each separator: a long path never widens the page.
            self.where.setText(watching.replace("/", "/\u200b").replace("\\", "\\\u200b"))
            self.where.setAccessibleName(watching)
        else:
            off = QCoreApplication.translate("SettingsPage", "Off: no folder is watched.")
            self.where.setText(off)
            self.where.setAccessibleName(off)
        self.stop.setVisible(bool(folder))
        self.choose.setText(
            QCoreApplication.translate("SettingsPage", "Choose another folder…")
            if folder
            else QCoreApplication.translate("SettingsPage", "Choose folder…")
        )
        self.choose.setEnabled(not self.model.read_only)
        self.stop.setEnabled(not self.model.read_only)

    def _choose(self) -> None:
        chosen = self.choose_folder(
            self,
            QCoreApplication.translate("SettingsPage", "Folder to watch for activity files"),
            self.model.current.watch_folder,
        )
        if chosen:
            self._save(chosen)

    def _stop(self) -> None:
        self._save("")
        self.choose.setFocus()  # the Stop button hides under the keyboard

    def _save(self, folder: str) -> None:
        check = self.model.request(watch_folder=folder)
        if check.verdict is Verdict.OK:
            self.note.hide()
        else:
            self.note.setText(check.reason)
            self.note.show()
