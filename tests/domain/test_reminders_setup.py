"""Setting a reminder up: what a water schedule adds up to, when a rule is finished, and
where and from when an icing reminder ices."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.checkin import Cause, CheckIn, Descriptor, RegionReport, SorenessType
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule, WakingHours, WakingWeek, check_rule
from companion.domain.reminders.timeline import (
    IcingSpot,
    finished,
    icing_spot,
    icing_start,
    icing_window,
    scheduled_water_ml,
    water_schedule,
)
from companion.resources import load_protocols

LONDON = ZoneInfo("Europe/London")
WAKING = WakingHours(time(7, 0), time(22, 0))
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=LONDON)


@pytest.fixture(scope="module")
def bounds() -> ProtocolBounds:
    return load_protocols()


def water(every: int, ml: int, *, rule_id: int | None = None, goal: int = 2000) -> ReminderRule:
    return ReminderRule(
        Kind.HYDRATION, "Water", id=rule_id, every_min=every, amount_ml=ml, daily_goal_ml=goal
    )


# -- what a water schedule adds up to ----------------------------------------------------------
def test_hourly_250_ml_adds_up_over_the_waking_hours() -> None:
    # 07:00-22:00: the first an hour in, at 08:00, the last at 21:00: 14 reminders, 3.5 L.
    assert scheduled_water_ml([water(60, 250)], WAKING) == 14 * 250


def test_the_sum_follows_the_waking_hours_of_the_busiest_day() -> None:
    week = WakingWeek((WakingHours(time(7), time(22)),) * 5 + (WakingHours(time(9), time(23)),) * 2)
    assert scheduled_water_ml([water(60, 250)], week) == 14 * 250
    short = WakingWeek.every_day(WakingHours(time(9), time(13)))
    assert scheduled_water_ml([water(60, 250)], short) == 3 * 250


def test_switched_off_and_other_kinds_add_nothing() -> None:
    off = ReminderRule(Kind.HYDRATION, "Off", enabled=False, every_min=60, amount_ml=250)
    ice = ReminderRule(Kind.ICING, "Ice", every_min=120, on_min=15)
    assert scheduled_water_ml([off, ice], WAKING) == 0


def test_the_schedule_counts_the_others_once_and_against_the_goal() -> None:
    stored = water(90, 250, rule_id=1)
    edited = water(60, 250, rule_id=1)
    other = water(180, 200, rule_id=2)
    got = water_schedule(edited, [stored, other], WAKING, 2000)
    assert got.rule_ml == 3500
    assert got.total_ml == 3500 + 200 * 4  # 10:00, 13:00, 16:00, 19:00
    assert got.well_past_goal
    assert not water_schedule(water(90, 250), [], WAKING, 2000).well_past_goal  # 2.5 L
    assert not water_schedule(water(60, 250), [], WAKING, None).well_past_goal


def test_well_past_the_goal_asks_first(bounds: ProtocolBounds) -> None:
    got = check_rule(water(60, 250), bounds, WAKING)
    assert got.allowed
    words = "about 3.5 L of water a day, well past your goal of 2 L"
    assert any(words in r for r in got.to_confirm)
    assert not check_rule(water(90, 250), bounds, WAKING).to_confirm


def test_past_the_usual_daily_amount_asks_even_with_a_high_goal(bounds: ProtocolBounds) -> None:
    got = check_rule(water(45, 250, goal=4000), bounds, WAKING)  # 19 x 250 = 4.75 L
    assert any("more than the usual 4 L" in r for r in got.to_confirm), got.checks


# -- finished ------------------------------------------------------------------------------------
def test_a_rule_is_finished_once_its_window_has_closed() -> None:
    once = ReminderRule(
        Kind.CUSTOM,
        "Drink",
        times=(time(13, 0),),
        starts=NOW - timedelta(hours=1, minutes=1),
        ends=NOW - timedelta(minutes=59),
    )
    assert finished(once, NOW)
    assert not finished(once, NOW - timedelta(hours=2))
    assert not finished(water(90, 250), NOW)  # no window: never finished


def test_a_window_that_already_ended_is_refused(bounds: ProtocolBounds) -> None:
    starts, ends = icing_window(NOW - timedelta(hours=80), 72)
    ice = ReminderRule(
        Kind.ICING, "Ice", every_min=120, on_min=15, region="calves", starts=starts, ends=ends
    )
    assert check_rule(ice, bounds, WAKING).allowed  # without now, as imports check
    got = check_rule(ice, bounds, WAKING, now=NOW)
    assert any("window already ended (Mon 06:00)" in r for r in got.refused), got.refused


# -- where and from when to ice -------------------------------------------------------------------
ONSET = NOW - timedelta(hours=30)


def checkin(*reports: RegionReport, kind: SorenessType = SorenessType.ACUTE) -> CheckIn:
    return CheckIn(NOW, ONSET, Cause.RUN, kind, regions=reports)


def sore(region: str, worst: int, *words: Descriptor) -> RegionReport:
    sides = {"_L": Side.LEFT, "_R": Side.RIGHT}
    side = sides.get(region[-2:], Side.CENTRE)
    return RegionReport(region, side, 0, worst, frozenset(words))


def test_the_sorest_region_with_its_side_and_onset() -> None:
    got = icing_spot(checkin(sore("quads_R", 4), sore("calves_L", 6), sore("adductors_L", 0)), NOW)
    assert got == IcingSpot("calves", Side.LEFT, ONSET)


def test_regions_not_suited_to_ice_are_passed_over() -> None:
    got = icing_spot(
        checkin(sore("lower_back", 8), sore("shin_R", 7, Descriptor.TINGLING), sore("knee_L", 3)),
        NOW,
    )
    assert got == IcingSpot("knee", Side.LEFT, ONSET)


def test_both_sides_alike_give_the_region_without_a_side() -> None:
    got = icing_spot(checkin(sore("calves_L", 5), sore("calves_R", 5)), NOW)
    assert got == IcingSpot("calves", None, ONSET)


@pytest.mark.parametrize(
    "found",
    [
        None,
        checkin(),
        checkin(sore("calves_L", 5), sore("quads_R", 5)),  # a tie: the user chooses
        checkin(sore("calves_L", 5), kind=SorenessType.NERVE),  # no cold or heat at all
        checkin(sore("lower_back", 6)),
    ],
)
def test_no_silent_default_when_nothing_clearly_suits(found: CheckIn | None) -> None:
    assert icing_spot(found, NOW) is None


def test_the_72_hour_window_counts_from_the_onset_not_from_now() -> None:
    starts, ends = icing_window(ONSET, 72)
    assert starts == ONSET
    assert ends - NOW == timedelta(hours=42)


def test_an_old_check_in_neither_places_nor_starts_the_window() -> None:
    old = CheckIn(
        NOW, NOW - timedelta(hours=73), Cause.RUN, SorenessType.ACUTE, (sore("calves_L", 6),)
    )
    assert icing_spot(old, NOW) is None
    assert icing_start(old, NOW) == NOW
    assert icing_start(None, NOW) == NOW
    assert icing_start(checkin(sore("calves_L", 6)), NOW) == ONSET
