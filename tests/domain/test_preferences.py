"""Preferences: reading stored documents (good, old, damaged, newer), checks and units."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from companion.domain.equipment import Equipment
from companion.domain.preferences import (
    SCHEMA_VERSION,
    Preferences,
    ThemeChoice,
    check_change,
    check_emergency_number,
    read_preferences,
)
from companion.domain.protocols import Verdict
from companion.domain.reminders import (
    Kind,
    ReminderRule,
    WakingHours,
    WakingWeek,
    check_rule,
    day_times,
    due,
    pace,
)
from companion.domain.units import TemperatureUnit, Units, VolumeUnit
from companion.resources import load_protocols

LONDON = ZoneInfo("Europe/London")
WEEKEND = WakingHours(time(9, 0), time(23, 0))
WEEK = WakingWeek((WakingHours(),) * 5 + (WEEKEND,) * 2)


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


def test_the_defaults_round_trip_through_the_stored_document(bounds):
    prefs = Preferences(
        units=Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT),
        waking=WEEK,
        water_goal_ml=2500,
        sounds=False,
        voice=True,
        volume=35,
        theme=ThemeChoice.DARK,
        emergency_number="911",
        equipment=frozenset({Equipment.BALL, Equipment.STRAP}),
    )
    document = prefs.to_dict()
    assert document["schema"] == SCHEMA_VERSION
    assert document["equipment"] == ["ball", "strap"]
    loaded = read_preferences(document, bounds)
    assert loaded.preferences == prefs
    assert loaded.problems == ()
    assert not loaded.newer
    assert read_preferences(Preferences().to_dict(), bounds).preferences == Preferences()


def test_a_damaged_key_falls_back_to_its_default_and_is_named(bounds):
    document = Preferences(volume=20, theme=ThemeChoice.LIGHT).to_dict()
    document["volume"] = 250
    document["water_goal_ml"] = 9000  # beyond the 6 L hard limit
    document["waking"] = [{"start": "22:00", "end": "07:00"}] * 7
    document["emergency_number"] = "call 999"
    loaded = read_preferences(document, bounds)
    prefs = loaded.preferences
    assert (prefs.volume, prefs.water_goal_ml, prefs.emergency_number) == (60, None, "")
    assert prefs.waking == WakingWeek()
    assert prefs.theme is ThemeChoice.LIGHT  # the good keys are kept
    named = " ".join(loaded.problems)
    for key in ("volume", "water_goal_ml", "waking: Monday", "emergency_number"):
        assert key in named


@pytest.mark.parametrize("document", ["[]", 7, {"schema": "one"}, {"schema": 0}, {"schema": True}])
def test_a_document_that_is_not_preferences_gives_the_defaults(bounds, document):
    loaded = read_preferences(document, bounds)
    assert loaded.preferences == Preferences()
    assert loaded.problems


def test_a_newer_schema_is_read_as_far_as_known_and_marked(bounds):
    document = {"schema": SCHEMA_VERSION + 1, "theme": "dark", "pedometer": {"steps": 1}}
    loaded = read_preferences(document, bounds)
    assert loaded.newer
    assert loaded.preferences.theme is ThemeChoice.DARK


def test_the_keys_kept_before_schema_one_are_carried_over(bounds):
    legacy = {
        "emergency_number": "999",
        "reminders.waking_hours": {"start": "08:00", "end": "21:30"},
    }
    prefs = read_preferences(None, bounds, legacy).preferences
    assert prefs.emergency_number == "999"
    assert prefs.waking == WakingWeek.every_day(WakingHours(time(8, 0), time(21, 30)))


def test_without_limits_loaded_a_stored_goal_is_kept_but_never_used_beyond_them(bounds):
    prefs = read_preferences({"schema": 1, "water_goal_ml": 9000}).preferences
    assert prefs.water_goal_ml == 9000
    assert prefs.water_goal_l(bounds) == 2.0  # the protocol's default, not 9 L
    assert Preferences(water_goal_ml=2400).water_goal_l(bounds) == 2.4


@pytest.mark.parametrize(
    ("values", "verdict", "words"),
    [
        ({"water_goal_ml": 2500}, Verdict.OK, ""),
        ({"water_goal_ml": 4500}, Verdict.CONFIRM, "above the usual"),
        ({"water_goal_ml": 1200}, Verdict.CONFIRM, "below the usual"),
        ({"water_goal_ml": 6500}, Verdict.REFUSE, "above the safe limit of 6 L"),
        ({"water_goal_ml": 300}, Verdict.REFUSE, "below the safe minimum"),
        ({"volume": 101}, Verdict.REFUSE, "from 0 to 100"),
        ({"emergency_number": "9 9 9"}, Verdict.REFUSE, "2 to 14 digits"),
        ({"emergency_number": ""}, Verdict.OK, ""),
        ({"emergency_number": "+4420"}, Verdict.OK, ""),
        ({"theme": ThemeChoice.DARK}, Verdict.OK, ""),
    ],
)
def test_changes_are_checked_with_the_reason(bounds, values, verdict, words):
    check = check_change(bounds, **values)
    assert check.verdict is verdict
    assert words in check.reason


def test_an_unknown_preference_is_a_programming_error(bounds):
    with pytest.raises(KeyError, match="colour"):
        check_change(bounds, colour="blue")


def test_emergency_numbers():
    assert check_emergency_number("112") == ""
    assert check_emergency_number("1") != ""
    assert check_emergency_number("999a") != ""


# -- waking hours per weekday -------------------------------------------------------------------
def test_the_week_describes_itself_in_groups():
    assert WakingWeek().describe() == "07:00-22:00"
    assert WEEK.describe() == "Mon-Fri 07:00-22:00, Sat-Sun 09:00-23:00"
    odd = WakingWeek().with_day(2, WEEKEND)
    assert odd.describe() == "Mon-Tue 07:00-22:00, Wed 09:00-23:00, Thu-Sun 07:00-22:00"


def test_reminders_follow_each_days_own_waking_hours():
    water = ReminderRule(Kind.HYDRATION, "Water", id=1, every_min=120, amount_ml=250)
    friday, saturday = date(2026, 6, 19), date(2026, 6, 20)
    assert day_times(water, friday, WEEK)[0] == time(9, 0)  # 07:00 + 2 h
    assert day_times(water, saturday, WEEK)[0] == time(11, 0)  # 09:00 + 2 h
    assert day_times(water, saturday, WEEK)[-1] == time(21, 0)
    # 08:00 on a Saturday is still night: nothing is due.
    assert due(water, datetime(2026, 6, 20, 8, 0, tzinfo=LONDON), None, LONDON, WEEK) is None
    assert pace(2000, 0, datetime(2026, 6, 20, 9, 0, tzinfo=LONDON), WEEK).expected_ml == 0


def test_a_time_outside_some_days_hours_asks_and_outside_all_is_refused(bounds):
    stretch = ReminderRule(Kind.ROUTINE, "Stretch", id=3, times=(time(8, 0),), routine_id="x")
    review = check_rule(stretch, bounds, WEEK)
    assert not review.refused
    assert "Saturdays" in " ".join(review.to_confirm)
    weekdays_only = ReminderRule(
        Kind.ROUTINE,
        "Stretch",
        id=3,
        times=(time(8, 0),),
        routine_id="x",
        weekdays=frozenset(range(5)),
    )
    assert not check_rule(weekdays_only, bounds, WEEK).to_confirm
    late = ReminderRule(Kind.ROUTINE, "Late", id=4, times=(time(23, 30),), routine_id="x")
    assert "outside your waking hours" in " ".join(check_rule(late, bounds, WEEK).refused)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([{"start": "07:00", "end": "22:00"}] * 6, "seven days"),
        ([{"start": "07:00", "end": "22:00"}] * 6 + [{"start": "x"}], "Sunday"),
        ([{"start": "07:00", "end": "09:00"}] * 7, "Monday: Waking hours shorter than 4"),
        ("7-22", "seven days"),
    ],
)
def test_malformed_weeks_are_refused_naming_the_day(value, message):
    with pytest.raises(ValueError, match=message):
        WakingWeek.parse(value)


# -- units --------------------------------------------------------------------------------------
def test_units_show_metric_values_in_the_users_units():
    us = Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT)
    assert Units().temp(38) == "38 °C"
    assert us.temp(38) == "100 °F"
    assert us.temp(10) == "50 °F"
    assert us.to_celsius(104) == 40.0
    assert Units().amount(250) == "250 mL"
    assert us.amount(250) == "8.5 fl oz"
    assert us.litres(2.0) == "68 fl oz"
    assert Units().litres(1.6) == "1.6 L"
    assert us.to_ml(8) == 237
    assert Units().to_ml(250) == 250


def test_timers_and_therapy_lines_speak_the_users_temperature_unit(bounds):
    from companion.domain.therapy import Therapy, describe_protocol
    from companion.domain.therapy_timer import build_plan

    us = Units(temperature=TemperatureUnit.FAHRENHEIT)
    bath = build_plan("warm-bath", {"temp_c": 37.5}, bounds, us)
    assert "100 °F, never above 104 °F" in bath.before
    contrast = build_plan("contrast", {}, bounds, us)
    assert "about 100 °F" in contrast.phases[0].say
    assert "55 °F" in contrast.before  # 13 °C
    line = describe_protocol(
        Therapy.CONTRAST,
        {
            "hot_minutes": 3,
            "hot_c": 38,
            "cold_minutes": 1,
            "cold_c": 13,
            "cycles": 3,
            "total_minutes": 12,
            "end_on": "cold",
        },
        us,
    )
    assert "(100 °F)" in line and "(55 °F)" in line
    assert "38 °C" in describe_protocol(
        Therapy.CONTRAST,
        {
            "hot_minutes": 3,
            "hot_c": 38,
            "cold_minutes": 1,
            "cold_c": 13,
            "cycles": 3,
            "total_minutes": 12,
            "end_on": "cold",
        },
    )


def test_prose_in_metric_is_rewritten_in_the_users_units():
    from companion.domain.units import in_units

    us = Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT)
    text = "Drink 1.5 to 3 litres; goal 2 litres. Water at 10 to 15 °C, never above 40 °C."
    assert in_units(text, us) == (
        "Drink 51 to 101 fl oz; goal 68 fl oz. Water at 50 to 59 °F, never above 104 °F."
    )
    assert in_units(text, Units()) == text


def test_a_new_user_owns_no_equipment_until_they_say_so():
    from companion.domain.equipment import Equipment
    from companion.domain.preferences import Preferences, read_preferences

    fresh = Preferences()
    assert fresh.equipment == frozenset()
    assert not fresh.owns(Equipment.FOAM_ROLLER)
    assert read_preferences(None).preferences.equipment == frozenset()  # nothing stored yet


def test_an_existing_users_saved_equipment_is_kept():
    from companion.domain.equipment import Equipment
    from companion.domain.preferences import read_preferences

    everything = read_preferences({"schema": 1, "equipment": None}).preferences
    assert everything.equipment is None and everything.owns(Equipment.FOAM_ROLLER)
    some = read_preferences({"schema": 1, "equipment": ["ball"]}).preferences
    assert some.equipment == frozenset({Equipment.BALL})
