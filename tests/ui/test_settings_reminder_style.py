"""Settings' "Show reminders as": saved through the preferences service, used at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from companion.domain.preferences import ReminderStyle
from companion.storage.preferences import PreferencesRepository


def test_show_reminders_as_is_saved_and_follows_the_preferences(make_app):
    companion = make_app(has_tray=True)
    companion.window.show_section("settings")
    card = companion.window.page("settings").reminders_as
    assert card.choice.currentData() == "desktop"  # the default
    assert card.choice.focusPolicy() == Qt.FocusPolicy.StrongFocus  # no wheel changes
    assert card.choice.accessibleName() == "Show reminders as"
    card.choice.setCurrentIndex(card.choice.findData("window"))
    stored = PreferencesRepository(companion.db).load().preferences
    assert stored.reminders_as is ReminderStyle.WINDOW
    assert companion.reminders.style() is ReminderStyle.WINDOW
    companion.preferences.request(reminders_as=ReminderStyle.DESKTOP)  # elsewhere (the CLI)
    assert card.choice.currentData() == "desktop"
