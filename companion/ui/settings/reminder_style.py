"""Settings' "Reminders" card: show reminders as desktop notifications or in the app's window.

The choice is a preference (``Preferences.reminders_as``) saved through the
window's ``PreferencesModel`` like every other, with its checks. Desktop
notifications are the default; where the desktop has no notification service
that can show buttons, reminders use the app's own window whatever is chosen,
and the card says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from companion.domain.preferences import Preferences, ReminderStyle
from companion.ui.sections import Card
from companion.ui.settings.preferences import PreferencesModel


class ReminderStyleCard(Card):
    def __init__(self, model: PreferencesModel) -> None:
        super().__init__(QCoreApplication.translate("SettingsPage", "Reminders"))
        self.model = model
        self._loading = False
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("SettingsPage", "Show reminders as"))
        self.choice = QComboBox()
        self.choice.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.choice.addItem(
            QCoreApplication.translate("SettingsPage", "Desktop notifications"),
            ReminderStyle.DESKTOP.value,
        )
        self.choice.addItem(
            QCoreApplication.translate("SettingsPage", "The app's own window"),
            ReminderStyle.WINDOW.value,
        )
        self.choice.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Show reminders as")
        )
        label.setBuddy(self.choice)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addStretch(1)
        self.body.addLayout(row)
        self.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Each reminder shows once, with Done, Snooze and Skip. Where the desktop "
                "cannot show notifications with buttons, the app's own window is used.",
            ),
            "Muted",
        )
        self.show_preferences(model.current)
        self.choice.currentIndexChanged.connect(self._chosen)
        model.changed.connect(self.show_preferences)

    def show_preferences(self, preferences: Preferences) -> None:
        self._loading = True
        try:
            self.choice.setCurrentIndex(self.choice.findData(preferences.reminders_as.value))
        finally:
            self._loading = False

    def _chosen(self) -> None:
        if not self._loading:
            self.model.request(reminders_as=ReminderStyle(self.choice.currentData()))
