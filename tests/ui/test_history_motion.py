"""History follows the system and Settings: its body-map replay follows the system's motion setting
(``QAccessibilityHints.motionPreference``): under reduced motion nothing plays by itself;
the latest day stands still and Previous and Next step through the days. Its water
chart is in the units chosen in Settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from companion.domain.units import ML_PER_FL_OZ, TemperatureUnit, Units, VolumeUnit
from companion.ui.charts.bar_chart import goal_text
from companion.ui.history import page as page_module
from companion.ui.history import replay_map
from tests.ui.test_history_page import companion, open_history  # noqa: F401  (fixture)


def test_without_a_preference_the_replay_plays(companion, qtbot):  # noqa: F811
    page = open_history(companion, qtbot)
    assert not replay_map.reduced_motion()  # offscreen: no preference
    assert page.play_button.isVisible()
    assert not page.previous_day.isVisible() and not page.next_day.isVisible()


def test_under_reduced_motion_the_latest_day_stands_still_with_previous_and_next(
    companion,  # noqa: F811
    qtbot,
    monkeypatch,
):
    monkeypatch.setattr(page_module, "reduced_motion", lambda: True)
    page = open_history(companion, qtbot)
    assert not page.play_button.isVisible()
    assert page.previous_day.isVisible() and page.next_day.isVisible()
    last = page.day_slider.maximum()
    assert last == 9 and page.day_slider.value() == last  # the latest day
    assert page.previous_day.isEnabled() and not page.next_day.isEnabled()
    before = page.day_label.text()
    qtbot.mouseClick(page.previous_day, Qt.MouseButton.LeftButton)
    assert page.day_slider.value() == last - 1
    assert page.day_label.text() != before and page.next_day.isEnabled()
    qtbot.mouseClick(page.next_day, Qt.MouseButton.LeftButton)
    assert page.day_slider.value() == last and not page.next_day.isEnabled()
    page.day_slider.setValue(0)
    assert not page.previous_day.isEnabled()
    # Nothing starts a replay: Play (were it pressed by a shortcut) stays off, no timer runs.
    page.play_button.setChecked(True)
    assert not page.play_button.isChecked() and not page._replay.isActive()


def test_turning_reduced_motion_on_stops_a_playing_replay(companion, qtbot, monkeypatch):  # noqa: F811
    page = open_history(companion, qtbot)
    page.day_slider.setValue(0)
    page.play_button.setChecked(True)
    assert page._replay.isActive()
    monkeypatch.setattr(page_module, "reduced_motion", lambda: True)
    hints = QGuiApplication.styleHints().accessibility()
    hints.motionPreferenceChanged.emit(Qt.MotionPreference.ReducedMotion)  # as the system would
    assert not page._replay.isActive() and not page.play_button.isChecked()
    assert not page.play_button.isVisible() and page.previous_day.isVisible()


def test_water_follows_the_units_chosen_in_settings_when_history_is_shown_again(
    companion,  # noqa: F811
    qtbot,
):
    page = open_history(companion, qtbot)
    model = page.water_chart.model
    assert model.unit == "mL" and model.goal == 2000.0
    companion.window.show_section("today")
    qtbot.waitUntil(lambda: not page.isVisible())
    us = Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT)
    companion.preferences.request(units=us)
    assert companion.preferences.current.units == us
    open_history(companion, qtbot)
    model = page.water_chart.model
    assert model.unit == "fl oz" and model.goal == pytest.approx(2000 / ML_PER_FL_OZ)
    assert "Goal 68 fl oz" in page.water_summary.text()
    assert goal_text(model) == "Goal 68 fl oz"  # the legend words it as the summary does
