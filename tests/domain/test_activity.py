from datetime import UTC, date, datetime, timedelta

import pytest

from companion.domain.activity import (
    Activity,
    ActivityKind,
    MorningLog,
    NudgeKind,
    onset_for,
    training_load_nudges,
)

NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)


def run(days_ago: float, km: float) -> Activity:
    return Activity(ActivityKind.RUN, NOW - timedelta(days=days_ago), minutes=km * 6, km=km)


def test_a_run_over_ten_percent_longer_than_the_month_longest_gets_a_note():
    # 30 km is older than 30 days; the week before had 24 km, so no weekly jump.
    history = [run(3, 10), run(9, 8), run(10, 8), run(12, 8), run(40, 30)]
    assert training_load_nudges(11.0, NOW, history) == ()  # exactly 10 % longer: fine
    (note,) = training_load_nudges(11.2, NOW, history)
    assert "12 % longer" in note.text and "10 km" in note.text
    assert note.kind is NudgeKind.SPIKE
    assert (note.percent, note.compared_km, note.total_km) == (12, 10, 11.2)


def test_a_weekly_jump_above_thirty_percent_gets_a_note():
    history = [run(8, 10), run(10, 10), run(2, 10)]  # last week 20 km; this week 10 + new
    assert training_load_nudges(5.0, NOW, history) == ()  # 15 km: 25 % less
    notes = training_load_nudges(10.0, NOW, history)  # 20 km: the same
    assert notes == ()
    (note,) = [n for n in training_load_nudges(16.5, NOW, history) if "7 days" in n.text]
    assert "26.5 km" in note.text and "32 %" in note.text
    assert note.kind is NudgeKind.WEEKLY_JUMP
    assert (note.percent, note.compared_km, note.total_km) == (32, 20, 26.5)


def test_the_run_being_checked_is_not_compared_with_itself():
    logged = run(0, 12)
    assert training_load_nudges(12, logged.ended_at, [logged, run(5, 11.5)]) == ()


def test_no_history_means_no_note():
    assert training_load_nudges(42.2, NOW, []) == ()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"minutes": 0}, "Minutes"),
        ({"minutes": 2000}, "Minutes"),
        ({"km": -1}, "Distance"),
        ({"km": float("nan")}, "Distance"),
        ({"effort": 11}, "Effort"),
        ({"effort": True}, "Effort"),
        ({"km": 50, "minutes": 60}, "faster than anyone"),
    ],
)
def test_impossible_values_are_refused_with_the_reason(kwargs, words):
    with pytest.raises(ValueError, match=words):
        Activity(ActivityKind.RUN, NOW, **kwargs)


def test_a_leg_day_has_no_distance():
    with pytest.raises(ValueError, match="runs"):
        Activity(ActivityKind.LEG_DAY, NOW, km=3)
    assert Activity(ActivityKind.LEG_DAY, NOW, minutes=60, effort=7).describe() == (
        "Leg day, 60 min, effort 7/10"
    )
    assert run(0, 12.5).describe() == "12.5 km run, 75 min"


def test_sleep_under_seven_hours_gets_the_note():
    assert "under the 7" in MorningLog(date(2026, 11, 21), sleep_hours=6.5).sleep_note()
    assert MorningLog(date(2026, 11, 21), sleep_hours=7).sleep_note() == ""
    with pytest.raises(ValueError, match="0 to 24"):
        MorningLog(date(2026, 11, 21), sleep_hours=25)
    with pytest.raises(ValueError, match="0 to 10"):
        MorningLog(date(2026, 11, 21), prs=11)
    with pytest.raises(ValueError, match="both"):
        MorningLog(date(2026, 11, 21))


def test_onset_is_the_latest_activity_within_the_window():
    activities = [run(1, 10), run(0.25, 5), run(-1, 5)]  # the last one is in the future
    assert onset_for(NOW, activities, timedelta(days=3)) == activities[1]
    assert onset_for(NOW, activities, timedelta(hours=1)) is None
