"""Settings, wired: the Settings page with health conditions, start at login, the test
sound and the Your data card, and what follows a change of preferences (theme, cues,
reminders, and every page that shows units, goals or waking hours)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from companion import __version__

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.autostart import Autostart
    from companion.ui.cues import CuePlayer
    from companion.ui.settings.page import SettingsPage


class SettingsWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self._cues: CuePlayer | None = None  # Settings' test sound
        app.preferences.changed_keys.connect(self._watch_folder_changed)

    def _watch_folder_changed(self, keys: set[str]) -> None:
        if "watch_folder" in keys:
            from companion.app.watch_folder import follow_folder  # noqa: PLC0415

            follow_folder(self.app)

    def _settings_page(self) -> SettingsPage:
        from companion.domain.triage import emergency_number_for  # noqa: PLC0415
        from companion.resources import load_exercises, load_protocols  # noqa: PLC0415
        from companion.services.data import for_data_folder  # noqa: PLC0415
        from companion.ui.settings.page import SettingsPage  # noqa: PLC0415
        from companion.ui.settings.your_data import QT_TRANSLATE, YourDataCard  # noqa: PLC0415

        page = SettingsPage(
            self.app.preferences,
            self.app.today.content.protocols,
            self.app.paths.data_dir,
            local_emergency_number=emergency_number_for(self.app.country),
            conditions_summary=self._conditions_summary(),
            autostart=self.autostart,
        )
        page.edit_conditions.connect(lambda: self._edit_conditions(page))
        page.test_sound_requested.connect(self.test_sound)

        self.app.data_card = YourDataCard(
            service=for_data_folder(
                self.app.db,
                self.app.paths.data_dir,
                self.app.clock,
                load_exercises,
                load_protocols,
                app_version=__version__,
                translate=QT_TRANSLATE,
            )
        )
        self.app.data_card.data_changed.connect(self.app._data_replaced)
        self.app.data_changed.connect(
            lambda: page.set_conditions_summary(self._conditions_summary())
        )
        page.add_after_data(self.app.data_card)
        return page

    def _conditions_summary(self) -> str:
        if not self.app.today.conditions_asked():
            return QCoreApplication.translate(
                "CompanionApp",
                "Health conditions: not answered yet (asked with your first check-in).",
            )
        chosen = self.app.today.conditions()
        if not chosen:
            return QCoreApplication.translate("CompanionApp", "Health conditions: none reported.")
        labels = [self.app.today.content.conditions.get(c.id).label for c in chosen]
        return QCoreApplication.translate("CompanionApp", "Health conditions: %s.") % "; ".join(
            labels
        )

    def _edit_conditions(self, page: SettingsPage) -> None:
        from companion.ui.today.dialogs import ConditionsDialog  # noqa: PLC0415

        dialog = ConditionsDialog(self.app.today, self.app.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.app.today.save_conditions(dialog.chosen())
            page.set_conditions_summary(self._conditions_summary())

    def _preferences_changed(self, keys: set[str]) -> None:
        """Settings changed ``keys``: bring everything that shows or uses them up to date."""
        prefs = self.app.preferences.current
        if "theme" in keys:
            self.app.theme.follow(prefs.theme.value)
        if keys & {"sounds", "voice", "volume"}:
            players = [self._cues] + [
                getattr(v, "sound", None) for v in (self.app.player, self.app.therapy)
            ]
            for cues in players:
                if cues is not None:
                    self._configure_cues(cues)
        if "waking" in keys and self.app.reminder_wiring.center is not None:
            self.app.reminder_wiring.center.reschedule()
        reminders_page = self.app._built_page("reminders")
        if reminders_page is not None:
            if "waking" in keys:
                reminders_page.show_waking()
            if "units" in keys:
                reminders_page.units_changed()
            reminders_page.refresh()
        if keys & {"units", "water_goal_ml", "equipment", "emergency_number"}:
            today = self.app._built_page("today")
            if today is not None:
                today.preferences_changed()
        guide_page = self.app._built_page("guide")
        if "units" in keys and guide_page is not None:
            from companion.resources import load_guide  # noqa: PLC0415

            guide_page.set_guide(load_guide().in_units(prefs.units))
        if "water_goal_ml" in keys:
            self.app.data_changed.emit()  # History's water chart measures against the goal

    def _configure_cues(self, cues: CuePlayer) -> CuePlayer:
        prefs = self.app.preferences.current
        cues.configure(sounds=prefs.sounds, voice=prefs.voice, volume=prefs.volume)
        return cues

    def test_sound(self) -> None:
        """Settings' "Play a test sound": a chime and a spoken line, as set."""
        if self._cues is None:
            from companion.ui.cues import CuePlayer  # noqa: PLC0415

            self._cues = CuePlayer(parent=self.app)
        self._configure_cues(self._cues).phase(
            QCoreApplication.translate("CompanionApp", "This is how cues will sound.")
        )

    @property
    def autostart(self) -> Autostart:
        from companion.autostart import Autostart, launch_command  # noqa: PLC0415
        from companion.paths import default_data_dir  # noqa: PLC0415

        # A profile in another folder starts at login with that folder.
        own_folder = self.app.paths.data_dir.resolve() != default_data_dir().resolve()
        return Autostart(launch_command(data_dir=self.app.paths.data_dir if own_folder else None))
