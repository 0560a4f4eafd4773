"""The gap rule: reminders due together after a gap are one summary; on time, each its own."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from companion.domain.preferences import (
    Preferences,
    ReminderStyle,
    check_change,
    parse_setting,
    read_preferences,
)
from companion.domain.reminders.schedule import GAP_GRACE, after_gap
from companion.resources import load_protocols

NOW = datetime(2026, 6, 15, 12, 10, tzinfo=ZoneInfo("Europe/London"))


def test_two_late_reminders_are_a_gap() -> None:
    assert after_gap([(NOW - timedelta(minutes=40), 2), (NOW - timedelta(hours=1), 0)], NOW)


def test_one_that_stood_in_for_others_makes_it_a_gap() -> None:
    assert after_gap([(NOW, 3), (NOW, 0)], NOW)


def test_two_on_time_are_not_a_gap() -> None:
    assert not after_gap([(NOW, 0), (NOW - GAP_GRACE, 0)], NOW)


def test_one_alone_is_never_a_summary() -> None:
    assert not after_gap([(NOW - timedelta(hours=4), 3)], NOW)
    assert not after_gap([], NOW)


def test_reminders_as_defaults_to_desktop_and_round_trips() -> None:
    assert Preferences().reminders_as is ReminderStyle.DESKTOP
    stored = Preferences(reminders_as=ReminderStyle.WINDOW).to_dict()
    assert stored["reminders_as"] == "window"
    assert read_preferences(stored).preferences.reminders_as is ReminderStyle.WINDOW


def test_a_bad_stored_reminders_as_falls_back_to_desktop_naming_the_key() -> None:
    loaded = read_preferences({"schema": 1, "reminders_as": "carrier pigeon"})
    assert loaded.preferences.reminders_as is ReminderStyle.DESKTOP
    assert loaded.problems and loaded.problems[0].startswith("reminders_as:")


def test_reminders_as_is_checked_and_parsed_like_the_others() -> None:
    bounds = load_protocols()
    assert check_change(bounds, reminders_as=ReminderStyle.WINDOW).allowed
    assert not check_change(bounds, reminders_as="window").allowed  # not the enum: refused
    assert parse_setting("reminders", ["window"], Preferences()) == {
        "reminders_as": ReminderStyle.WINDOW
    }
