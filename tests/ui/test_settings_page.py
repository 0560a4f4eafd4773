"""Settings on the real app: each change saved, refused with the reason, or asked about."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel, QWidget

from companion.domain.equipment import Equipment
from companion.domain.preferences import Preferences, ThemeChoice
from companion.domain.units import TemperatureUnit, VolumeUnit
from companion.storage.preferences import PreferencesRepository
from companion.ui.theme import Scheme


@pytest.fixture
def companion(make_app):
    return make_app(has_tray=True)


def open_settings(companion):
    companion.window.show_section("settings")
    return companion.window.page("settings")


def stored(companion) -> Preferences:
    return PreferencesRepository(companion.db).load().preferences


def test_the_theme_choice_applies_at_once_and_is_kept(companion, make_app):
    page = open_settings(companion)
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert companion.theme.scheme is Scheme.DARK
    assert stored(companion).theme is ThemeChoice.DARK
    page.theme.setCurrentIndex(page.theme.findData("light"))
    assert companion.theme.choice == "light"
    assert companion.theme.scheme.value == "light"


def test_a_water_goal_outside_the_usual_range_waits_for_keep_it(companion, qtbot):
    page = open_settings(companion)
    page.water_goal.setValue(4.5)
    page.water_goal.editingFinished.emit()
    qtbot.waitUntil(page.water_note.isVisible)
    assert "above the usual" in page.water_note.label.text()
    assert stored(companion).water_goal_ml is None  # not yet
    page.water_note.keep.click()
    assert stored(companion).water_goal_ml == 4500
    assert not page.water_note.isVisible()
    assert companion.water_goal() == 4500
    page.water_default.click()
    assert stored(companion).water_goal_ml is None
    assert page.water_goal.value() == 2.0


def test_the_spin_box_cannot_go_past_the_hard_limits(companion):
    page = open_settings(companion)
    page.water_goal.setValue(9)
    assert page.water_goal.value() == 6.0
    page.water_goal.setValue(0.1)
    assert page.water_goal.value() == 0.5


def test_ounces_and_fahrenheit_change_what_is_shown(companion, qtbot):
    page = open_settings(companion)
    page.volume_unit.setCurrentIndex(page.volume_unit.findData(VolumeUnit.FLUID_OUNCES.value))
    page.temp_unit.setCurrentIndex(page.temp_unit.findData(TemperatureUnit.FAHRENHEIT.value))
    units = stored(companion).units
    assert (units.volume, units.temperature) == (
        VolumeUnit.FLUID_OUNCES,
        TemperatureUnit.FAHRENHEIT,
    )
    assert page.water_goal.suffix() == " fl oz"
    assert page.water_goal.value() == 68  # 2 L
    companion.window.show_section("reminders")
    reminders = companion.window.page("reminders")
    reminders.timer_kind.setCurrentIndex(reminders.timer_kind.findData("warm-bath"))
    assert reminders.timer_temp.suffix() == " °F"
    assert reminders.timer_temp.value() == 100  # 37.5 °C
    assert reminders.water_buttons[0].text().endswith("fl oz")
    requested = []
    companion.reminder_wiring.start_timer = lambda kind, options: requested.append(options)
    reminders.timer_temp.setValue(104)
    reminders._start_timer()
    assert requested[-1]["temp_c"] == 40.0


def test_waking_hours_per_day_move_the_reminders(companion, qtbot, clock):
    from companion.domain.reminders import Kind, ReminderRule

    page = open_settings(companion)
    saturday = 5
    page.wake_from[saturday].setTime(QTime(9, 30))
    page.wake_from[saturday].editingFinished.emit()
    week = stored(companion).waking
    assert week.days[saturday].start == time(9, 30)
    assert week.days[0].start == time(7, 0)
    assert companion.waking_hours() == week
    page.wake_to[0].setTime(QTime(9, 0))  # Monday 07:00-09:00: too short
    page.wake_to[0].editingFinished.emit()
    assert page.waking_note.isVisible()
    assert page.waking_note.label.text().startswith("Monday: Waking hours shorter than 4")
    assert page.wake_to[0].time() == QTime(22, 0)  # put back
    page.copy_all.click()
    assert stored(companion).waking.same_every_day
    companion.reminders.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250)
    )
    companion.window.show_section("reminders")
    reminders = companion.window.page("reminders")
    assert reminders.waking_label.text() == "Awake 07:00-22:00: no reminders outside these hours."
    page.wake_from[saturday].setTime(QTime(10, 0))
    page.wake_from[saturday].editingFinished.emit()
    assert "Sat 10:00-22:00" in reminders.waking_label.text()
    reminders.waking_button.click()
    assert companion.window.current_section() == "settings"


def test_a_bad_emergency_number_is_refused_with_the_reason(companion, qtbot):
    page = open_settings(companion)
    assert page.emergency.placeholderText() == companion.today.emergency_number()
    page.emergency.setText("1")
    page.emergency.editingFinished.emit()
    assert "2 to 14 digits" in page.emergency_note.label.text()
    assert stored(companion).emergency_number == ""
    page.emergency.setText("112")
    page.emergency.editingFinished.emit()
    assert not page.emergency_note.isVisible()
    assert companion.today.emergency_number() == "112"


def test_equipment_unticked_is_remembered(companion):
    page = open_settings(companion)
    # A new user owns nothing until they say so: nothing starts ticked.
    assert not any(box.isChecked() for box in page.equipment.values())
    for box in page.equipment.values():
        box.click()
    assert stored(companion).equipment is None  # everything
    page.equipment[Equipment.FOAM_ROLLER].click()
    owned = stored(companion).equipment
    assert owned is not None and Equipment.FOAM_ROLLER not in owned
    assert Equipment.BALL in owned
    page.equipment[Equipment.FOAM_ROLLER].click()
    assert stored(companion).equipment is None  # everything again


def test_sound_settings_reach_the_cues(companion, qtbot):
    page = open_settings(companion)
    page.voice.click()
    page.volume.setValue(30)
    prefs = stored(companion)
    assert (prefs.voice, prefs.volume, prefs.sounds) == (False, 30, True)
    page.test_sound.click()
    cues = companion.settings_wiring._cues
    assert cues is not None and (cues.voice, cues.volume) == (False, 30)
    assert cues.history[-1].startswith("phase ")
    page.sounds.click()
    page.test_sound.click()
    assert len(cues.history) == 1  # no chime with sounds off


def test_start_at_login_writes_and_removes_the_entry(companion, tmp_path):
    page = open_settings(companion)
    entry = tmp_path / "home" / "xdg_config_home" / "autostart" / "recovery-companion.desktop"
    assert str(entry) in page.login_where.text()
    page.login.click()
    assert entry.exists()
    assert "--minimized" in entry.read_text()
    # This profile lives in its own folder, so login starts it with that folder.
    assert f"--data-dir {companion.paths.data_dir}" in entry.read_text()
    page.login.click()
    assert not entry.exists()


def test_reset_puts_the_defaults_back_after_asking(companion, qtbot):
    page = open_settings(companion)
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    page.sounds.click()
    page.reset_button.click()
    assert page.reset_confirm.isVisibleTo(page)
    page.reset_cancel.click()
    assert stored(companion).theme is ThemeChoice.DARK
    page.reset_button.click()
    page.reset_confirm.click()
    assert stored(companion) == Preferences()
    assert page.theme.currentData() == "system"
    assert page.sounds.isChecked()
    assert page.reset_done.text() == "Settings are back to their defaults."


def test_every_control_has_a_name_a_screen_reader_can_read(companion):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollBar

    page = open_settings(companion)
    checked = 0
    for widget in page.findChildren(QWidget):
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if not focusable or not widget.isVisibleTo(page) or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box: the box carries the name
        if type(widget) is QWidget or isinstance(widget, QLabel):
            continue
        text = getattr(widget, "text", lambda: "")()
        assert widget.accessibleName() or text, widget
        checked += 1
    assert checked > 30


def test_the_guide_follows_the_units(companion):
    companion.window.show_section("guide")
    guide = companion.window.page("guide")
    soak = next(p.id for p in guide.guide if "°C" in p.text)
    guide.show_passage(soak)
    assert "°C" in guide.reader.body.text()
    page = open_settings(companion)
    page.temp_unit.setCurrentIndex(page.temp_unit.findData(TemperatureUnit.FAHRENHEIT.value))
    assert "°F" in guide.reader.body.text()
    assert "°C" not in guide.reader.body.text()


def test_a_change_from_the_command_line_reaches_the_running_app(companion):
    page = open_settings(companion)
    reply = companion.handle_message(
        {"command": "set-preference", "name": "theme", "value": ["dark"], "confirmed": False}
    )
    assert reply["ok"] is True
    assert companion.theme.choice == "dark"
    assert page.theme.currentData() == "dark"
    reply = companion.handle_message(
        {"command": "set-preference", "name": "water-goal", "value": ["5"], "confirmed": False}
    )
    assert reply == {
        "ok": False,
        "error": "not saved: Daily water goal: 5 L is above the usual 4 L. Add --yes to keep it.",
    }
    assert companion.handle_message(
        {"command": "set-preference", "name": "water-goal", "value": ["5"], "confirmed": True}
    )["ok"]
    assert stored(companion).water_goal_ml == 5000
