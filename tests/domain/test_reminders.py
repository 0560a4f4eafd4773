"""Reminder rules: next-fire times as table tests with a fixed now, coalescing, and limits."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.reminders import (
    Kind,
    ReminderRule,
    WakingHours,
    backs_off,
    check_rule,
    due,
    next_fire,
    occurrences,
    pace,
)
from companion.domain.reminders.timeline import timeline
from companion.resources import load_protocols

LONDON = ZoneInfo("Europe/London")
WAKING = WakingHours(time(7, 0), time(22, 0))


def at(text: str, zone: ZoneInfo = LONDON) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


WATER = ReminderRule(Kind.HYDRATION, "Water", id=1, every_min=90, amount_ml=250)
ICE = ReminderRule(
    Kind.ICING,
    "Ice the calf",
    id=2,
    every_min=120,
    on_min=15,
    region="calves",
    starts=at("2026-06-15T10:00"),
    ends=at("2026-06-18T10:00"),
)
ROUTINE = ReminderRule(
    Kind.ROUTINE, "Evening routine", id=3, times=(time(19, 30),), routine_id="post_run_cooldown"
)
WEEKDAYS = ReminderRule(
    Kind.CUSTOM, "Stand up", id=4, times=(time(11, 0),), weekdays=frozenset(range(5))
)


@pytest.mark.parametrize(
    ("rule", "now", "expected"),
    [
        # water: every 90 min from 07:00, the first at 08:30, the last before 22:00
        (WATER, "2026-06-15T06:00", "2026-06-15T08:30"),
        (WATER, "2026-06-15T08:30", "2026-06-15T10:00"),
        (WATER, "2026-06-15T20:29", "2026-06-15T20:30"),
        (WATER, "2026-06-15T20:30", "2026-06-16T08:30"),  # 22:00 is not waking: quiet overnight
        # icing: sessions start at 07:00 + 2 h steps, only inside the window
        (ICE, "2026-06-15T08:00", "2026-06-15T11:00"),  # window opens at 10:00
        (ICE, "2026-06-15T19:00", "2026-06-15T21:00"),  # 21:00 + 15 min ends before 22:00
        (ICE, "2026-06-15T21:00", "2026-06-16T07:00"),
        (ICE, "2026-06-18T08:30", "2026-06-18T09:00"),
        (ICE, "2026-06-18T09:00", None),  # the window has closed
        # clock times, weekdays
        (ROUTINE, "2026-06-15T19:30", "2026-06-16T19:30"),
        (WEEKDAYS, "2026-06-19T12:00", "2026-06-22T11:00"),  # Friday noon -> Monday
        # DST: spring forward (29 March) and fall back (25 October) keep wall times
        (ROUTINE, "2026-03-28T20:00", "2026-03-29T19:30"),
        (WATER, "2026-03-29T00:30", "2026-03-29T08:30"),
        (ROUTINE, "2026-10-24T20:00", "2026-10-25T19:30"),
    ],
)
def test_next_fire(rule, now, expected):
    got = next_fire(rule, at(now), LONDON, WAKING)
    if expected is None:
        assert got is None
    else:
        assert got == at(expected)
        assert got.utcoffset() == at(expected).utcoffset()


def test_a_wall_time_keeps_its_clock_time_across_both_dst_changes():
    spring = next_fire(ROUTINE, at("2026-03-28T20:00"), LONDON, WAKING)
    autumn = next_fire(ROUTINE, at("2026-10-24T20:00"), LONDON, WAKING)
    assert (spring.hour, spring.minute, spring.utcoffset()) == (19, 30, timedelta(hours=1))
    assert (autumn.hour, autumn.minute, autumn.utcoffset()) == (19, 30, timedelta(0))


def test_a_time_that_happens_twice_fires_once_and_one_that_never_happens_fires_an_hour_on():
    night = WakingHours(time(0, 0), time(23, 59))
    rule = ReminderRule(Kind.CUSTOM, "Night", times=(time(1, 30),))
    autumn = list(occurrences(rule, at("2026-10-24T12:00"), at("2026-10-25T12:00"), LONDON, night))
    assert len(autumn) == 1
    spring = list(occurrences(rule, at("2026-03-28T12:00"), at("2026-03-29T12:00"), LONDON, night))
    assert [(m.hour, m.minute) for m in spring] == [(2, 30)]


def test_the_water_count_is_the_same_on_a_23_and_a_25_hour_day():
    def count(day: str) -> int:
        start = at(f"{day}T00:00") - timedelta(microseconds=1)
        return len(list(occurrences(WATER, start, start + timedelta(hours=26), LONDON, WAKING)))

    assert count("2026-03-29") == count("2026-10-25") == count("2026-06-15") == 9


def test_a_pause_moves_the_next_fire_past_it():
    paused_until = at("2026-06-15T11:15")
    assert next_fire(WATER, at("2026-06-15T09:00"), LONDON, WAKING, paused_until) == at(
        "2026-06-15T11:30"
    )
    assert next_fire(WATER, at("2026-06-15T09:00"), LONDON, WAKING, at("2026-06-15T08:00")) == at(
        "2026-06-15T10:00"
    )


def test_a_disabled_rule_never_fires():
    from dataclasses import replace

    assert next_fire(replace(WATER, enabled=False), at("2026-06-15T06:00"), LONDON, WAKING) is None


def test_after_a_gap_one_prompt_stands_in_for_the_missed_ones():
    now = at("2026-06-15T14:10")
    got = due(WATER, now, last_fired=at("2026-06-15T08:30"), zone=LONDON, waking=WAKING)
    assert got is not None
    assert got.at == at("2026-06-15T13:00")
    assert got.missed == (at("2026-06-15T10:00"), at("2026-06-15T11:30"))
    # firing again straight after gives nothing: no duplicates
    assert due(WATER, now, last_fired=got.at, zone=LONDON, waking=WAKING) is None


def test_nothing_is_replayed_at_night_or_from_yesterday():
    assert due(WATER, at("2026-06-15T23:30"), None, LONDON, WAKING) is None
    morning = due(WATER, at("2026-06-16T07:30"), at("2026-06-15T20:00"), LONDON, WAKING)
    assert morning is None  # yesterday's 21:30 is not shown this morning


def test_a_clock_set_back_does_not_fire_the_same_reminder_twice():
    fired = at("2026-06-15T10:00")
    assert due(WATER, at("2026-06-15T09:10"), fired, LONDON, WAKING) is None
    assert due(WATER, at("2026-06-15T10:05"), fired, LONDON, WAKING) is None


def test_pace_line_and_back_off():
    noon = at("2026-06-15T14:30")  # half-way through 07:00-22:00
    assert pace(2000, 900, noon, WAKING).behind
    assert pace(2000, 900, noon, WAKING).behind_by_ml == 100
    assert not pace(2000, 1000, noon, WAKING).behind
    assert pace(2000, 0, at("2026-06-15T06:00"), WAKING).expected_ml == 0
    assert backs_off(WATER, noon, noon - timedelta(minutes=30))
    assert not backs_off(WATER, noon, noon - timedelta(minutes=50))
    assert not backs_off(WATER, noon, None)


def test_the_day_timeline_lists_every_rule_in_time_order():
    items = timeline([WATER, ROUTINE, ICE], at("2026-06-16T00:00").date(), LONDON, WAKING)
    times = [m for m, _ in items]
    assert times == sorted(times)
    assert sum(1 for _, r in items if r is WATER) == 9
    assert sum(1 for _, r in items if r is ICE) == 8  # 07:00 ... 21:00
    assert items[-1] == (at("2026-06-16T21:00"), ICE)


# -- limits -------------------------------------------------------------------------------------
def review(rule, bounds, others=()):
    return check_rule(rule, bounds, WAKING, others)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (ReminderRule(Kind.ICING, "Ice", every_min=120, on_min=25), "above the safe limit of 20"),
        (
            ReminderRule(Kind.ICING, "Ice", every_min=120, on_min=15, region="knee"),
            "above the safe limit of 10",
        ),
        (ReminderRule(Kind.ICING, "Ice", every_min=45, on_min=15), "below the safe minimum of 60"),
        (
            ReminderRule(Kind.ICING, "Ice", every_min=60, on_min=15),
            "15 ice sessions a day; more than 8",
        ),
        (ReminderRule(Kind.HYDRATION, "Water", every_min=20, amount_ml=250), "below the safe"),
        (ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=750), "above the safe"),
        (ReminderRule(Kind.HYDRATION, "Water", every_min=90), "how much water"),
        (
            ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=7000),
            "above the safe limit of 6 L",
        ),
        (ReminderRule(Kind.ROUTINE, "Late", times=(time(23, 0),), routine_id="x"), "waking hours"),
        (ReminderRule(Kind.ROUTINE, "Routine", times=(time(9, 0),)), "Choose the routine"),
        (ReminderRule(Kind.CUSTOM, "Nothing", times=()), "at least one time"),
        (ReminderRule(Kind.CUSTOM, " ", times=(time(9, 0),)), "name"),
        (ReminderRule(Kind.CUSTOM, "Days", times=(time(9, 0),), weekdays=frozenset()), "day"),
        (
            ReminderRule(Kind.CONTRAST, "Contrast", times=(time(9, 0), time(18, 0))),
            "at most 1 session a day",
        ),
    ],
)
def test_hard_limits_refuse_with_the_reason(bounds, rule, words):
    got = review(rule, bounds)
    assert not got.allowed
    assert any(words in reason for reason in got.refused), got.refused


def test_more_than_a_litre_an_hour_across_rules_is_refused(bounds):
    short_day = WakingHours(time(9, 0), time(13, 0))  # so the daily cap does not bind first
    first = ReminderRule(Kind.HYDRATION, "Morning", id=1, every_min=30, amount_ml=400)
    assert check_rule(first, bounds, short_day).allowed  # 800 mL an hour
    second = ReminderRule(Kind.HYDRATION, "Extra", every_min=60, amount_ml=300)
    got = check_rule(second, bounds, short_day, [first])
    assert any("1100 mL of water within one hour" in r for r in got.refused)
    # editing the stored rule itself does not count it twice
    edited = ReminderRule(Kind.HYDRATION, "Morning", id=1, every_min=30, amount_ml=450)
    assert check_rule(edited, bounds, short_day, [first]).allowed


def test_more_than_six_litres_a_day_is_refused(bounds):
    got = review(ReminderRule(Kind.HYDRATION, "Lots", every_min=30, amount_ml=300), bounds)
    assert any("8.7 L of water a day; more than 6 L" in r for r in got.refused)


def test_values_outside_the_usual_range_ask_first(bounds):
    long_window = ReminderRule(
        Kind.ICING,
        "Ice",
        every_min=180,
        on_min=15,
        starts=at("2026-06-15T07:00"),
        ends=at("2026-06-20T07:00"),
    )
    got = review(long_window, bounds)
    assert got.allowed
    assert any("first 72 hours" in r for r in got.to_confirm)
    brief_gap = ReminderRule(Kind.ICING, "Ice", every_min=90, on_min=15)
    assert any("Gap between ice sessions" in r for r in review(brief_gap, bounds).to_confirm)


def test_sensible_defaults_pass_cleanly(bounds):
    for rule in (WATER, ICE, ROUTINE, WEEKDAYS):
        got = review(rule, bounds)
        assert got.allowed, got.refused
        assert not got.to_confirm, got.to_confirm


def test_describe_schedule():
    assert WATER.describe_schedule() == "every 1 h 30 min while awake"
    assert WEEKDAYS.describe_schedule() == "at 11:00 on Mon, Tue, Wed, Thu, Fri"


def test_after_a_run_water_now_and_soon_and_check_ins_on_the_next_two_days():
    from companion.domain.reminders import recovery_timeline

    now = at("2026-06-15T18:20:30")
    rules = recovery_timeline("run", now, WAKING)
    fires = [next_fire(rule, now, LONDON, WAKING) for rule in rules]
    assert fires == [
        at("2026-06-15T18:21"),
        at("2026-06-15T18:51"),
        at("2026-06-16T18:21"),
        at("2026-06-17T18:21"),
    ]
    assert [r.amount_ml for r in rules[:2]] == [250, 250]
    assert [r.action for r in rules] == ["", "", "checkin", "checkin"]
    # each fires once: nothing after its moment
    for rule, fired in zip(rules, fires, strict=True):
        assert fired is not None
        assert next_fire(rule, fired, LONDON, WAKING) is None


def test_late_in_the_evening_water_that_would_be_at_night_is_left_out():
    from companion.domain.reminders import recovery_timeline

    now = at("2026-06-15T21:40")
    rules = recovery_timeline("leg_day", now, WAKING)
    assert [r.title for r in rules] == [
        "Drink after your leg day",
        "How are your legs, day 1 after your leg day?",
        "How are your legs, day 2 after your leg day?",
    ]
    assert next_fire(rules[1], now, LONDON, WAKING) == at("2026-06-16T21:41")
    night = recovery_timeline("run", at("2026-06-15T23:10"), WAKING)
    assert [next_fire(r, at("2026-06-15T23:10"), LONDON, WAKING) for r in night] == [
        at("2026-06-17T07:00"),  # 23:11 the next day is after waking hours: the morning after
        at("2026-06-18T07:00"),
    ]


# -- sessions that must be over before waking hours end ----------------------------------------
LATE_DAY = WakingHours(time(7, 0), time(23, 10))
LATE_ICE = ReminderRule(Kind.ICING, "Ice", id=7, every_min=120, on_min=15)


def _times_on(rule, day, waking):
    start = at(f"{day}T00:00") - timedelta(microseconds=1)
    end = at(f"{day}T23:59:59")
    return [f"{m:%H:%M}" for m in occurrences(rule, start, end, LONDON, waking)]


def test_no_icing_slot_whose_ice_would_still_be_on_after_waking_hours():
    # Waking 07:00-23:10, every 2 h, 15 min on: 23:00 + 15 min is 23:15, after 23:10.
    slots = _times_on(LATE_ICE, "2026-06-15", LATE_DAY)
    assert slots == ["07:00", "09:00", "11:00", "13:00", "15:00", "17:00", "19:00", "21:00"]
    assert next_fire(LATE_ICE, at("2026-06-15T21:00"), LONDON, LATE_DAY) == at("2026-06-16T07:00")
    # Ice off exactly when waking hours end is fine.
    until_quarter_past = WakingHours(time(7, 0), time(23, 15))
    assert _times_on(LATE_ICE, "2026-06-15", until_quarter_past)[-1] == "23:00"


def test_a_missed_ice_session_is_not_offered_when_it_would_run_past_waking_hours():
    # The 21:00 session was missed (the computer slept): at 22:50 it is still offered
    # (ice off at 23:05), at 23:00 it is not (ice on until 23:15, after 23:10).
    fired = at("2026-06-15T19:00")
    offered = due(LATE_ICE, at("2026-06-15T22:50"), fired, LONDON, LATE_DAY)
    assert offered is not None and offered.at == at("2026-06-15T21:00")
    assert due(LATE_ICE, at("2026-06-15T22:55"), fired, LONDON, LATE_DAY) is not None
    assert due(LATE_ICE, at("2026-06-15T22:56"), fired, LONDON, LATE_DAY) is None
    assert due(LATE_ICE, at("2026-06-15T23:05"), fired, LONDON, LATE_DAY) is None


def test_a_contrast_session_must_be_over_before_waking_hours_end(bounds):
    late = ReminderRule(Kind.CONTRAST, "Contrast", times=(time(23, 0),))  # 12 min: to 23:12
    assert _times_on(late, "2026-06-15", LATE_DAY) == []
    got = check_rule(late, bounds, LATE_DAY)
    assert not got.allowed
    assert any(
        "23:00 with its 12-minute session does not fit inside your waking hours" in reason
        for reason in got.refused
    ), got.refused
    fits_in = ReminderRule(Kind.CONTRAST, "Contrast", times=(time(22, 58),))  # to 23:10
    assert _times_on(fits_in, "2026-06-15", LATE_DAY) == ["22:58"]
    assert check_rule(fits_in, bounds, LATE_DAY).allowed
    assert due(late, at("2026-06-15T23:00"), None, LONDON, LATE_DAY) is None
