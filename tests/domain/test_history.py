from datetime import UTC, date, datetime, timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, DayScores
from companion.domain.history import (
    Reading,
    adherence,
    band_points,
    change_words,
    episode_extras,
    episodes,
    group_days,
    left_right,
    moving_average,
    streaks,
    summarise,
    typical_band,
)

RUN_END = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def day_scores(onset: datetime, hours: float, cause=Cause.RUN, **scores) -> DayScores:
    at = onset + timedelta(hours=hours)
    return DayScores(at.date(), at, onset, cause, {k: tuple(v) for k, v in scores.items()})


def test_the_typical_band_rises_to_a_peak_between_one_and_three_days_then_falls():
    highs = {h: typical_band(h, 8)[1] for h in (0, 12, 24, 48, 72, 120, 168, 300)}
    assert highs[0] < highs[12] < highs[24] < highs[48] == 8
    assert highs[72] == 8 > highs[120] > highs[168]
    assert highs[168] <= 2 and highs[300] <= 2  # towards 1-2 by day 5-7
    lows = [typical_band(h, 8)[0] for h in range(0, 200, 6)]
    assert all(lo <= typical_band(h, 8)[1] for lo, h in zip(lows, range(0, 200, 6), strict=True))
    assert band_points(6)[0][:2] == (0, 0.0)
    assert band_points(6)[0][2] == pytest.approx(0.9)
    assert band_points(6)[-1][0] == 168


def test_moving_average_is_centred_over_three_points():
    points = [(0, 6.0), (1, 3.0), (2, 6.0), (3, 0.0)]
    assert moving_average(points) == ((0, 4.5), (1, 5.0), (2, 3.0), (3, 3.0))
    assert moving_average([]) == ()


@pytest.mark.parametrize(
    ("now", "before", "days", "words"),
    [
        (3, 5, 2, "about 2 points lower than 2 days ago: a clear improvement"),
        (4, 5, 1, "about 1 point lower than yesterday: a noticeable improvement"),
        (1, 2, 2, "about 1 point lower than 2 days ago: a clear improvement"),  # 50 %
        (5, 5, 2, "about the same as 2 days ago"),
        (7, 4, 3, "about 3 points higher than 3 days ago: a clear rise, worth keeping an eye on"),
        (9.6, 8.5, 1, "about 1 point higher than yesterday: a noticeable rise"),
        (3.6, 3, 1, "about 1 point higher than yesterday: a noticeable rise"),  # 20 %
        (9.3, 9, 1, "about the same as yesterday"),
    ],
)
def test_change_in_plain_words(now, before, days, words):
    assert change_words(now, before, days) == words


def test_summary_compares_with_the_reading_nearest_two_days_before():
    d = date(2026, 11, 1)
    points = [(d, 6), (d + timedelta(days=1), 5), (d + timedelta(days=3), 3)]
    summary = summarise(points, d + timedelta(days=3))
    assert summary.latest == 3
    assert summary.words == "about 2 points lower than 2 days ago: a clear improvement"
    assert summarise(points[:1], d).words == ""
    assert summarise([], d).latest is None


def test_readings_group_into_one_day_per_check_in():
    at = RUN_END + timedelta(hours=30)
    readings = [
        Reading(at.date(), at, RUN_END, Cause.RUN, "calves_L", 2, 5),
        Reading(at.date(), at, RUN_END, Cause.RUN, "calves_R", 1, 3),
    ]
    (day,) = group_days(readings)
    assert day.scores == {"calves_L": (2, 5), "calves_R": (1, 3)} and day.worst == 5


def test_left_and_right_line_up_by_day_and_show_the_gap():
    d = date(2026, 11, 2)
    pairs = left_right([(d, 6)], [(d, 2), (d + timedelta(days=1), 1)])
    assert [(p.left, p.right, p.gap) for p in pairs] == [(6, 2, 4), (None, 1, 0)]


def test_episodes_follow_the_onset_and_compare_with_the_last_of_the_same_activity():
    second_run = RUN_END + timedelta(days=10)
    leg_day = RUN_END + timedelta(days=5)
    days = [
        day_scores(RUN_END, 20, calves_L=(1, 3)),
        day_scores(RUN_END, 44, calves_L=(3, 6), quads_L=(1, 2)),
        day_scores(RUN_END, 68, calves_L=(2, 4)),
        day_scores(RUN_END, 92, calves_L=(0, 1)),
        day_scores(leg_day, 24, Cause.LEG_DAY, quads_L=(2, 5)),
        day_scores(second_run, 40, calves_L=(2, 4)),
        day_scores(second_run, 64, calves_L=(0, 2)),
    ]
    run = Activity(ActivityKind.RUN, RUN_END + timedelta(minutes=20), minutes=60, km=12)
    first, legs, second = episodes(days, [run])
    assert first.peak == (6, "calves_L", 44)
    assert first.recovered_after_days == 4
    assert first.activity == run  # 20 minutes off: the same activity
    assert legs.cause is Cause.LEG_DAY and legs.previous is None
    assert second.previous is first
    assert second.recovered_after_days is None  # not yet at 1 or less
    assert second.compare_previous() == (
        "Peak 6 → 4 compared with your previous run: a smaller peak than last time."
    )
    assert first.compare_previous() == ""


def test_one_activity_is_one_episode_even_with_a_clear_day_inside():
    days = [
        day_scores(RUN_END, 24, calves_L=(1, 4)),
        day_scores(RUN_END, 48, calves_L=(0, 0)),
        day_scores(RUN_END, 72, calves_L=(2, 5)),
    ]
    (episode,) = episodes(days)
    assert episode.peak == (5, "calves_L", 72) and episode.recovered_after_days == 2
    assert episodes([day_scores(RUN_END, 24, calves_L=(0, 0))]) == []


def test_episode_extras_count_prs_short_nights_and_water():
    days = [day_scores(RUN_END, 24, calves_L=(1, 4)), day_scores(RUN_END, 48, calves_L=(0, 1))]
    (episode,) = episodes(days)
    first = RUN_END.date()
    mornings = [
        MorningLog(first + timedelta(days=1), sleep_hours=6.5, prs=4),
        MorningLog(first + timedelta(days=2), sleep_hours=8, prs=6),
        MorningLog(first + timedelta(days=9), sleep_hours=5, prs=1),  # after the episode
    ]
    water = {first: 2500, first + timedelta(days=1): 1200, first + timedelta(days=2): 2000}
    extras = episode_extras(episode, mornings, water, 2000)
    assert extras.average_prs == 5
    assert (extras.short_nights, extras.nights_logged) == (1, 2)
    assert (extras.water_days_met, extras.water_days) == (2, 3)


def test_streaks_count_days_in_a_row_and_today_may_still_come():
    today = date(2026, 11, 21)
    days = [today - timedelta(days=n) for n in (1, 2, 3, 7, 8)]
    assert streaks(days, today) == (3, 3)
    assert streaks([*days, today], today) == (4, 4)
    assert streaks([today - timedelta(days=5)], today) == (0, 1)
    assert streaks([], today) == (0, 0)


def test_adherence_in_words():
    today = date(2026, 11, 21)
    first = today - timedelta(days=6)
    result = adherence(
        {today: (2, 1), first: (1, 0)},
        {"ice": 2, "contrast": 1},
        {today: 2000, first: 500},
        2000,
        first=first,
        last=today + timedelta(days=3),  # days still to come are not counted
        today=today,
        all_routine_days=[today, first],
        all_water_days_met=[today],
    )
    assert result.words() == (
        "3 routines done, 1 more stopped part-way; 3 ice, heat, contrast or bath sessions; "
        "water goal reached on 1 of 7 days."
    )
    assert result.routine_streak == (1, 1)
