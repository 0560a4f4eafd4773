"""Settings: units, waking hours, water goal, sound and voice, theme, safety, equipment,
start at login, your data, reset.

Every change goes through ``PreferencesModel.request``: a refused value is put
back and the reason shown under its card; one outside the usual range waits for
"Keep it". Nothing here is saved by closing the page; each change is saved as
it is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTimeEdit,
    QWidget,
)

from companion import APP_NAME, __version__
from companion.autostart import AutostartError
from companion.domain.equipment import OWNABLE_EQUIPMENT, Equipment
from companion.domain.preferences import Preferences, ThemeChoice
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.domain.reminders import WakingHours, WakingWeek
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import TemperatureUnit, Units, VolumeUnit
from companion.ui.sections import DISCLAIMER, SECTIONS, Card, SectionPage, make_label
from companion.ui.settings.preferences import PreferencesModel
from companion.ui.settings.reminder_style import ReminderStyleCard
from companion.ui.settings.watch_folder import WatchFolderCard

DAY_NAMES = (
    QT_TRANSLATE_NOOP("SettingsPage", "Monday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Tuesday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Wednesday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Thursday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Friday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Saturday"),
    QT_TRANSLATE_NOOP("SettingsPage", "Sunday"),
)


class AutostartControl(Protocol):
    """What Settings needs from ``companion.autostart.Autostart``."""

    def is_enabled(self) -> bool: ...
    def enable(self) -> None: ...
    def disable(self) -> None: ...
    def describe(self) -> str: ...


class Note(QWidget):
    """A card's answer to a change: why it was refused, or a question with "Keep it"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = make_label("", "Warning")
        self.label.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Setting not saved")
        )
        row.addWidget(self.label, 1)
        self.keep = QPushButton(QCoreApplication.translate("SettingsPage", "Keep it"))
        self.keep.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignTop)
        self._pending: dict[str, Any] = {}
        self.keep.clicked.connect(self._keep)
        self.model: PreferencesModel | None = None
        self.hide()

    def show_check(self, check: Check, pending: dict[str, Any]) -> None:
        if check.verdict is Verdict.OK:
            self.clear()
            return
        self.label.setText(check.reason)
        self._pending = pending if check.verdict is Verdict.CONFIRM else {}
        self.keep.setVisible(check.verdict is Verdict.CONFIRM)
        self.show()

    def clear(self) -> None:
        self._pending = {}
        self.label.clear()
        self.hide()

    def _keep(self) -> None:
        if self.model is not None and self._pending:
            self.show_check(self.model.confirm(**self._pending), {})


class SettingsPage(SectionPage):
    open_data_folder = Signal()
    edit_conditions = Signal()
    test_sound_requested = Signal()

    def __init__(
        self,
        model: PreferencesModel,
        bounds: ProtocolBounds,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        local_emergency_number: str = "112",
        conditions_summary: str = "",
        autostart: AutostartControl | None = None,
    ) -> None:
        super().__init__(next(s for s in SECTIONS if s.key == "settings"), parent)
        self.model = model
        self.bounds = bounds
        self.data_dir = data_dir
        self.local_number = local_emergency_number
        self.autostart = autostart
        self._loading = False
        if model.read_only:
            card = Card(QCoreApplication.translate("SettingsPage", "Settings from a newer version"))
            card.add_text(
                QCoreApplication.translate(
                    "SettingsPage",
                    "These settings were saved by a newer version of Recovery Companion. "
                    "They are shown here but cannot be changed until you update the app.",
                ),
                "Warning",
            )
            self.content.addWidget(card)
        self._units_card()
        self._waking_card()
        self._water_card()
        self._sound_card()
        self.reminders_as = ReminderStyleCard(model)  # how reminders show (its own module)
        self.content.addWidget(self.reminders_as)
        self.watch_folder = WatchFolderCard(model)  # new activity files imported (its own module)
        self.content.addWidget(self.watch_folder)
        self._appearance_card()
        self._safety_card(conditions_summary)
        self._equipment_card()
        self._login_card()
        self._data_card()
        self._reset_card()
        about = Card(QCoreApplication.translate("SettingsPage", "About"))
        about.add_text(f"{APP_NAME} {__version__}")
        about.add_text(QCoreApplication.translate("sections", DISCLAIMER), "Muted")
        self.content.addWidget(about)
        self.finish()
        self.show_preferences(model.current)
        model.changed.connect(self.show_preferences)

    # -- building ---------------------------------------------------------------------------
    def _note(self, card: Card) -> Note:
        note = Note()
        note.model = self.model
        card.body.addWidget(note)
        return note

    def _units_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Units"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.volume_unit = QComboBox()
        self.volume_unit.addItem(
            QCoreApplication.translate("SettingsPage", "Millilitres (mL)"),
            VolumeUnit.MILLILITRES.value,
        )
        self.volume_unit.addItem(
            QCoreApplication.translate("SettingsPage", "US fluid ounces (fl oz)"),
            VolumeUnit.FLUID_OUNCES.value,
        )
        self.temp_unit = QComboBox()
        self.temp_unit.addItem(
            QCoreApplication.translate("SettingsPage", "Celsius (°C)"),
            TemperatureUnit.CELSIUS.value,
        )
        self.temp_unit.addItem(
            QCoreApplication.translate("SettingsPage", "Fahrenheit (°F)"),
            TemperatureUnit.FAHRENHEIT.value,
        )
        for row, (text, box) in enumerate(
            (
                (QCoreApplication.translate("SettingsPage", "Water amounts"), self.volume_unit),
                (QCoreApplication.translate("SettingsPage", "Temperatures"), self.temp_unit),
            )
        ):
            label = QLabel(text)
            label.setBuddy(box)
            box.setAccessibleName(text)
            box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignLeft)
            box.currentIndexChanged.connect(self._units_chosen)
        card.body.addLayout(grid)
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Limits are checked in metric whichever you choose; only the display changes.",
            ),
            "Muted",
        )
        self.units_note = self._note(card)
        self.content.addWidget(card)

    def _waking_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Waking hours"))
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Reminders only come between these times, and water is spread across them. "
                "A day's hours must be at least 4 hours long.",
            ),
            "Muted",
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setColumnStretch(4, 1)
        self.wake_from: list[QTimeEdit] = []
        self.wake_to: list[QTimeEdit] = []
        for row, day in enumerate(DAY_NAMES):
            name = QCoreApplication.translate("SettingsPage", day)
            label = QLabel(name)
            start, end = QTimeEdit(), QTimeEdit()
            for edit, what in (
                (start, QCoreApplication.translate("SettingsPage", "%s: awake from")),
                (end, QCoreApplication.translate("SettingsPage", "%s: awake until")),
            ):
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(what % name)
                edit.setKeyboardTracking(False)
                edit.editingFinished.connect(self._waking_edited)
            label.setBuddy(start)
            grid.addWidget(label, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(QLabel(QCoreApplication.translate("SettingsPage", "to")), row, 2)
            grid.addWidget(end, row, 3)
            self.wake_from.append(start)
            self.wake_to.append(end)
        card.body.addLayout(grid)
        buttons = QGridLayout()
        self.copy_weekdays = QPushButton(
            QCoreApplication.translate("SettingsPage", "Copy Monday to Tuesday–Friday")
        )
        self.copy_all = QPushButton(
            QCoreApplication.translate("SettingsPage", "Copy Monday to every day")
        )
        for row, button in enumerate((self.copy_weekdays, self.copy_all)):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, row, 0)
        buttons.setColumnStretch(1, 1)
        self.copy_weekdays.clicked.connect(self._copy_to_weekdays)
        self.copy_all.clicked.connect(self._copy_to_all)
        card.body.addLayout(buttons)
        self.waking_note = self._note(card)
        self.content.addWidget(card)

    def _water_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Water goal"))
        self.water_text = card.add_text("", "Muted")
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("SettingsPage", "Daily goal"))
        self.water_goal = QDoubleSpinBox()
        self.water_goal.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Daily water goal")
        )
        self.water_goal.setKeyboardTracking(False)
        self.water_goal.setMinimumWidth(
            self.water_goal.fontMetrics().horizontalAdvance("000 fl oz") + 40
        )
        self.water_goal.editingFinished.connect(self._water_edited)
        label.setBuddy(self.water_goal)
        self.water_default = QPushButton(
            QCoreApplication.translate("SettingsPage", "Use the usual goal")
        )
        self.water_default.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.water_default.clicked.connect(self._water_to_default)
        row.addWidget(label)
        row.addWidget(self.water_goal)
        row.addWidget(self.water_default)
        row.addStretch(1)
        card.body.addLayout(row)
        self.water_note = self._note(card)
        self.content.addWidget(card)

    def _sound_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Sound and voice"))
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Routines and timers tick before each change and chime when one starts; "
                "where this computer has a voice, they also say what to do.",
            ),
            "Muted",
        )
        self.sounds = QCheckBox(QCoreApplication.translate("SettingsPage", "Ticks and chimes"))
        self.voice = QCheckBox(QCoreApplication.translate("SettingsPage", "Spoken instructions"))
        for box in (self.sounds, self.voice):
            card.body.addWidget(box)
            box.toggled.connect(self._sound_toggled)
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("SettingsPage", "Volume"))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setAccessibleName(QCoreApplication.translate("SettingsPage", "Cue volume"))
        self.volume.setMinimumWidth(120)
        label.setBuddy(self.volume)
        self.volume_value = QLabel()
        self.volume_value.setMinimumWidth(
            self.volume_value.fontMetrics().horizontalAdvance("100 %")
        )
        self.volume.valueChanged.connect(self._volume_moved)
        self.volume.sliderReleased.connect(self._volume_chosen)
        self.test_sound = QPushButton(
            QCoreApplication.translate("SettingsPage", "Play a test sound")
        )
        self.test_sound.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.test_sound.clicked.connect(self.test_sound_requested.emit)
        row.addWidget(label)
        row.addWidget(self.volume, 1)
        row.addWidget(self.volume_value)
        card.body.addLayout(row)
        card.body.addWidget(self.test_sound)
        self.sound_note = self._note(card)
        self.content.addWidget(card)

    def _appearance_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Appearance"))
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("SettingsPage", "Theme"))
        self.theme = QComboBox()
        self.theme.addItem(
            QCoreApplication.translate("SettingsPage", "Follow the system"),
            ThemeChoice.SYSTEM.value,
        )
        self.theme.addItem(
            QCoreApplication.translate("SettingsPage", "Light"), ThemeChoice.LIGHT.value
        )
        self.theme.addItem(
            QCoreApplication.translate("SettingsPage", "Dark"), ThemeChoice.DARK.value
        )
        self.theme.addItem(
            QCoreApplication.translate("SettingsPage", "High contrast, light"),
            ThemeChoice.HIGH_CONTRAST_LIGHT.value,
        )
        self.theme.addItem(
            QCoreApplication.translate("SettingsPage", "High contrast, dark"),
            ThemeChoice.HIGH_CONTRAST_DARK.value,
        )
        self.theme.setAccessibleName(QCoreApplication.translate("SettingsPage", "Theme"))
        label.setBuddy(self.theme)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        row.addWidget(label)
        row.addWidget(self.theme)
        row.addStretch(1)
        card.body.addLayout(row)
        self.contrast_note = card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "When your computer is set to high contrast, the app follows it, in light or dark.",
            ),
            "Muted",
        )
        self.content.addWidget(card)

    def _safety_card(self, conditions_summary: str) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Safety"))
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "When the safety check finds signs of an emergency, the app tells you to call "
                "this number. Leave it empty to use %s, the usual number where this computer "
                "is set up.",
            )
            % self.local_number
        )
        row = QHBoxLayout()
        number_label = QLabel(QCoreApplication.translate("SettingsPage", "Emergency number"))
        self.emergency = QLineEdit()
        self.emergency.setMaxLength(15)
        self.emergency.setPlaceholderText(self.local_number)
        self.emergency.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9]{0,14}"), self.emergency)
        )
        self.emergency.setAccessibleName(
            QCoreApplication.translate("SettingsPage", "Emergency number")
        )
        self.emergency.setMaximumWidth(160)
        number_label.setBuddy(self.emergency)
        self.emergency.editingFinished.connect(self._number_edited)
        row.addWidget(number_label)
        row.addWidget(self.emergency)
        row.addStretch(1)
        card.body.addLayout(row)
        self.emergency_note = self._note(card)
        self.conditions_label = card.add_text(conditions_summary)
        self.conditions_button = QPushButton(
            QCoreApplication.translate("SettingsPage", "Edit health conditions…")
        )
        self.conditions_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.conditions_button.clicked.connect(self.edit_conditions.emit)
        card.body.addWidget(self.conditions_button)
        self.content.addWidget(card)

    def _equipment_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Equipment you have"))
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Today's routine only uses what you tick. Without a foam roller it picks a "
                "ball, a stick or your hands; the floor, a wall, a chair and a towel are assumed.",
            ),
            "Muted",
        )
        self.equipment: dict[Equipment, QCheckBox] = {}
        grid = QGridLayout()
        for index, (item, name) in enumerate(OWNABLE_EQUIPMENT):
            box = QCheckBox(QCoreApplication.translate("Equipment", name))
            box.toggled.connect(self._equipment_toggled)
            self.equipment[item] = box
            grid.addWidget(box, index, 0)
        card.body.addLayout(grid)
        self.content.addWidget(card)

    def _login_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Start at login"))
        self.login = QCheckBox(
            QCoreApplication.translate("SettingsPage", "Start in the tray when I log in")
        )
        self.login.setEnabled(self.autostart is not None)
        self.login.toggled.connect(self._login_toggled)
        card.body.addWidget(self.login)
        self.login_where = card.add_text("", "Muted")
        self.login_note = self._note(card)
        self._show_login()
        self.content.addWidget(card)

    def _data_card(self) -> None:
        data = Card(QCoreApplication.translate("SettingsPage", "Your data"))
        data.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Everything you enter stays on this computer, in one database file in this "
                "folder. Recovery Companion never sends anything over the network.",
            )
        )
        path_label = make_label(str(self.data_dir), "", selectable=True)
        path_label.setAccessibleName(QCoreApplication.translate("SettingsPage", "Data folder"))
        path_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        data.body.addWidget(path_label)
        self.open_button = QPushButton(
            QCoreApplication.translate("SettingsPage", "Open data folder")
        )
        self.open_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.open_button.clicked.connect(self._open)
        data.body.addWidget(self.open_button)
        self.content.addWidget(data)
        self.data_card = data

    def _reset_card(self) -> None:
        card = Card(QCoreApplication.translate("SettingsPage", "Reset"))
        card.add_text(
            QCoreApplication.translate(
                "SettingsPage",
                "Put units, waking hours, the water goal, sound, theme, the emergency number "
                "and equipment back to how they started. Your history, reminders and health "
                "conditions stay as they are.",
            ),
            "Muted",
        )
        row = QHBoxLayout()
        self.reset_button = QPushButton(
            QCoreApplication.translate("SettingsPage", "Reset settings to defaults…")
        )
        self.reset_confirm = QPushButton(
            QCoreApplication.translate("SettingsPage", "Yes, reset them")
        )
        self.reset_cancel = QPushButton(QCoreApplication.translate("SettingsPage", "Cancel"))
        for button in (self.reset_button, self.reset_confirm, self.reset_cancel):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        row.addStretch(1)
        self.reset_question = make_label(
            QCoreApplication.translate("SettingsPage", "Reset every setting on this page?"),
            "Warning",
        )
        self.reset_question.hide()
        self.reset_confirm.hide()
        self.reset_cancel.hide()
        self.reset_button.clicked.connect(self._ask_reset)
        self.reset_confirm.clicked.connect(self._reset)
        self.reset_cancel.clicked.connect(self._cancel_reset)
        card.body.addWidget(self.reset_question)
        card.body.addLayout(row)
        self.reset_done = card.add_text("", "Muted")
        self.reset_done.hide()
        self.content.addWidget(card)

    def add_after_data(self, card: QWidget) -> None:
        """A card placed right after "Your data" (export, import, backups)."""
        self.content.insertWidget(self.content.indexOf(self.data_card) + 1, card)

    # -- showing ----------------------------------------------------------------------------
    def show_preferences(self, preferences: Preferences) -> None:
        """Put every control to ``preferences`` without treating it as a change."""
        self._loading = True
        try:
            units = preferences.units
            self.volume_unit.setCurrentIndex(self.volume_unit.findData(units.volume.value))
            self.temp_unit.setCurrentIndex(self.temp_unit.findData(units.temperature.value))
            for day, hours in enumerate(preferences.waking.days):
                self.wake_from[day].setTime(QTime(hours.start.hour, hours.start.minute))
                self.wake_to[day].setTime(QTime(hours.end.hour, hours.end.minute))
            self._show_water(preferences)
            self.sounds.setChecked(preferences.sounds)
            self.voice.setChecked(preferences.voice)
            self.volume.setValue(preferences.volume)
            self._volume_moved(preferences.volume)
            self.theme.setCurrentIndex(self.theme.findData(preferences.theme.value))
            self.emergency.setText(preferences.emergency_number)
            for item, box in self.equipment.items():
                box.setChecked(preferences.owns(item))
        finally:
            self._loading = False

    def _show_water(self, preferences: Preferences) -> None:
        bound = self.bounds.bound("hydration.daily_target")
        units = preferences.units
        low, high = bound.hard_min or 0.5, bound.hard_max or 6.0
        if units.ounces:
            self.water_goal.setDecimals(0)
            self.water_goal.setSingleStep(4)
            self.water_goal.setRange(
                units.volume_value(low * 1000), units.volume_value(high * 1000)
            )
            self.water_goal.setSuffix(" " + QCoreApplication.translate("SettingsPage", "fl oz"))
        else:
            self.water_goal.setDecimals(1)
            self.water_goal.setSingleStep(0.1)
            self.water_goal.setRange(low, high)
            self.water_goal.setSuffix(" " + QCoreApplication.translate("SettingsPage", "L"))
        self.water_text.setText(
            QCoreApplication.translate(
                "SettingsPage",
                "How much to drink in a day, counting all drinks. %s suits most adults in a "
                "mild climate; between %s and %s needs no second thought. Your health "
                "conditions can switch the goal off.",
            )
            % (
                units.litres(bound.default or 2.0),
                units.litres(bound.warn_min or 1.5),
                units.litres(3),
            )
        )
        litres = preferences.water_goal_l(self.bounds)
        self.water_goal.setValue(
            units.volume_value(litres * 1000) if units.ounces else round(litres, 1)
        )
        self.water_default.setEnabled(preferences.water_goal_ml is not None)

    def _show_login(self) -> None:
        if self.autostart is None:
            self.login_where.setText(
                QCoreApplication.translate(
                    "SettingsPage", "Starting at login is not available on this system."
                )
            )
            return
        self._loading = True
        try:
            self.login.setChecked(self.autostart.is_enabled())
        finally:
            self._loading = False
        self.login_where.setText(self.autostart.describe())

    def set_conditions_summary(self, text: str) -> None:
        self.conditions_label.setText(text)

    # -- changes ----------------------------------------------------------------------------
    def _ask(self, note: Note, **values: Any) -> Check:
        check = self.model.request(**values)
        note.show_check(check, values)
        if check.verdict is Verdict.REFUSE:
            self.show_preferences(self.model.current)
        return check

    def _units_chosen(self) -> None:
        if self._loading:
            return
        units = Units(
            VolumeUnit(self.volume_unit.currentData()),
            TemperatureUnit(self.temp_unit.currentData()),
        )
        self._ask(self.units_note, units=units)

    def _waking_edited(self) -> None:
        if self._loading:
            return
        days: list[WakingHours] = []
        for day, name in enumerate(DAY_NAMES):
            start, end = _time(self.wake_from[day].time()), _time(self.wake_to[day].time())
            reason = WakingHours.check(start, end)
            if reason:
                self.waking_note.show_check(
                    Check(
                        Verdict.REFUSE,
                        f"{QCoreApplication.translate('SettingsPage', name)}: {reason}",
                    ),
                    {},
                )
                self.show_preferences(self.model.current)
                return
            days.append(WakingHours(start, end))
        self._ask(self.waking_note, waking=WakingWeek(tuple(days)))

    def _copy_days(self, targets: Sequence[int]) -> None:
        week = self.model.current.waking
        monday = week.days[0]
        for day in targets:
            week = week.with_day(day, monday)
        self._ask(self.waking_note, waking=week)

    def _copy_to_weekdays(self) -> None:
        self._copy_days(range(1, 5))

    def _copy_to_all(self) -> None:
        self._copy_days(range(1, 7))

    def _water_edited(self) -> None:
        if self._loading:
            return
        units = self.model.current.units
        ml = (
            units.to_ml(self.water_goal.value())
            if units.ounces
            else round(self.water_goal.value() * 1000)
        )
        current = self.model.current
        if round(current.water_goal_l(self.bounds) * 1000) == ml:
            return
        check = self._ask(self.water_note, water_goal_ml=ml)
        if check.verdict is Verdict.CONFIRM:
            self.water_default.setEnabled(True)

    def _water_to_default(self) -> None:
        self._ask(self.water_note, water_goal_ml=None)

    def _sound_toggled(self) -> None:
        if not self._loading:
            self._ask(self.sound_note, sounds=self.sounds.isChecked(), voice=self.voice.isChecked())

    def _volume_moved(self, value: int) -> None:
        self.volume_value.setText(f"{value} %")
        if not self.volume.isSliderDown():  # keys, the wheel, a click on the groove
            self._volume_chosen()

    def _volume_chosen(self) -> None:
        if not self._loading:
            self._ask(self.sound_note, volume=self.volume.value())

    def _theme_chosen(self) -> None:
        if not self._loading:
            self.model.request(theme=ThemeChoice(self.theme.currentData()))

    def _number_edited(self) -> None:
        if self._loading:
            return
        self._ask(self.emergency_note, emergency_number=self.emergency.text().strip())

    def _equipment_toggled(self) -> None:
        if self._loading:
            return
        owned = frozenset(item for item, box in self.equipment.items() if box.isChecked())
        everything = frozenset(item for item, _name in OWNABLE_EQUIPMENT)
        self.model.request(equipment=None if owned == everything else owned)

    def _login_toggled(self, on: bool) -> None:
        if self._loading or self.autostart is None:
            return
        try:
            if on:
                self.autostart.enable()
            else:
                self.autostart.disable()
        except (AutostartError, OSError) as exc:
            self.login_note.show_check(Check(Verdict.REFUSE, str(exc)), {})
        else:
            self.login_note.clear()
        self._show_login()

    def _ask_reset(self) -> None:
        self.reset_done.hide()
        for widget in (self.reset_question, self.reset_confirm, self.reset_cancel):
            widget.show()
        self.reset_button.hide()
        self.reset_confirm.setFocus()

    def _cancel_reset(self) -> None:
        for widget in (self.reset_question, self.reset_confirm, self.reset_cancel):
            widget.hide()
        self.reset_button.show()
        self.reset_button.setFocus()

    def _reset(self) -> None:
        check = self.model.reset()
        self._cancel_reset()
        for note in (self.units_note, self.waking_note, self.water_note, self.sound_note):
            note.clear()
        self.emergency_note.clear()
        self.reset_done.setText(
            QCoreApplication.translate("SettingsPage", "Settings are back to their defaults.")
            if check.allowed
            else check.reason
        )
        self.reset_done.show()

    def _open(self) -> None:
        self.open_data_folder.emit()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())
