"""Training load: session RPE, distance, monotony and strain in words, TRIMP apart, spikes."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from companion.domain import load
from companion.domain.activity import Activity, ActivityKind, NudgeKind, training_load_nudges
from companion.domain.load import (
    RESTING_HR_DEFAULT,
    highest_max_hr,
    load_weeks,
    monotony,
    plan_load_lines,
    recent_load_notes,
    recent_spike_notes,
    run_name,
    session_load,
    trimp,
    week_load,
)

ZONE = ZoneInfo("Europe/London")
TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=ZONE)


def at(days_ago: int, hour: int = 18) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=ZONE)


def run(
    days_ago: int, km: float = 10, minutes: float = 60, effort: int | None = 5, **extra: object
) -> Activity:
    return Activity(ActivityKind.RUN, at(days_ago), minutes=minutes, km=km, effort=effort, **extra)  # type: ignore[arg-type]


def test_session_load_is_minutes_times_effort_and_never_guessed():
    assert session_load(run(1, minutes=60, effort=5)) == 300
    assert session_load(run(1, effort=None)) is None
    assert session_load(Activity(ActivityKind.LEG_DAY, at(1), effort=7)) is None  # no minutes
    shift = Activity(ActivityKind.LONG_STANDING, at(1), minutes=600, effort=3)
    assert session_load(shift) is None  # a long day on your feet is not a training session


def test_a_week_sums_the_load_lists_missing_efforts_and_counts_distance():
    acts = [
        run(0, km=8, minutes=50, effort=4),
        run(2, km=12, minutes=70, effort=None),
        Activity(ActivityKind.LEG_DAY, at(3), minutes=45, effort=7),
        Activity(ActivityKind.OTHER, at(4), effort=5),  # effort but no time
        run(7, km=30, minutes=180, effort=8),  # the week before
    ]
    week = week_load(acts, TODAY, ZONE)
    assert week.first == TODAY - timedelta(days=6)
    assert week.session_load == 50 * 4 + 45 * 7
    assert [a.effort for a in week.counted] == [7, 4]
    assert [a.km for a in week.effort_missing] == [12]
    assert len(week.time_missing) == 1
    assert week.distance_km == 20 and week.runs == 2
    assert week.daily[-1] == 200 and week.daily[3] == 315  # by local day, oldest first
    lines = load.missing_words(week)
    assert lines[0].startswith("12 km run, 70 min") and "effort not given" in lines[0]
    assert "time not given" in lines[1]
    assert "515" in load.load_words(week) and "2 sessions" in load.load_words(week)
    assert load.distance_words(week) == "20 km in 2 runs."


def test_monotony_is_mean_over_standard_deviation_with_rest_days_as_zero():
    daily = (300.0, 0, 300, 0, 300, 0, 0)
    mean = 900 / 7
    sd = math.sqrt(sum((d - mean) ** 2 for d in daily) / 7)
    assert monotony(daily) == pytest.approx(mean / sd)
    assert monotony((0.0,) * 7) is None
    assert monotony((200.0,) * 7) is None  # no spread: said as "every day the same"


def test_sameness_and_strain_are_said_in_words():
    varied = week_load([run(0), run(3, minutes=30)], TODAY, ZONE)
    assert varied.monotony is not None and varied.monotony < 1.5
    assert "mixed" in load.sameness_words(varied)
    assert load.strain_words(varied).startswith("Strain (")
    assert "low for this much load" in load.strain_words(varied)

    alike = week_load([run(d) for d in range(6)], TODAY, ZONE)  # six alike days, one off
    assert alike.monotony is not None and alike.monotony >= 2
    assert alike.sameness_high
    assert load.sameness_words(alike) == "Most days this week were alike; a lighter day helps."
    assert "high for this much load" in load.strain_words(alike)
    assert alike.strain == pytest.approx(alike.session_load * alike.monotony)

    every = week_load([run(d) for d in range(7)], TODAY, ZONE)
    assert every.same_every_day and every.strain is None and every.sameness_high
    assert "no easier day" in load.sameness_words(every)

    empty = week_load([], TODAY, ZONE)
    assert load.sameness_words(empty) == load.strain_words(empty) == ""
    assert load.load_words(empty) == "No sessions with an effort this week."


def test_trimp_is_banisters_formula_with_the_documented_resting_rate():
    ratio = (150 - RESTING_HR_DEFAULT) / (190 - RESTING_HR_DEFAULT)
    expected = 60 * ratio * 0.64 * math.exp(1.92 * ratio)
    assert trimp(60, 150, 190) == pytest.approx(expected)
    assert trimp(60, None, 190) is None
    assert trimp(None, 150, 190) is None
    assert trimp(60, 150, 55) is None  # no usable maximum
    assert trimp(60, 50, 190) == 0  # below resting: no load, never negative
    assert trimp(60, 200, 190) == pytest.approx(60 * 0.64 * math.exp(1.92))  # kept within 1


def test_heart_rate_load_only_from_sessions_with_heart_rate_and_never_in_session_load():
    with_hr = run(1, minutes=60, effort=5, avg_hr=150, max_hr=170)
    hard = run(9, minutes=30, effort=9, avg_hr=175, max_hr=190)  # sets HR max, older week
    no_hr = run(2, minutes=40, effort=4)
    acts = [with_hr, hard, no_hr]
    assert highest_max_hr(acts) == 190
    week = week_load(acts, TODAY, ZONE)
    assert week.hr_sessions == 1
    assert week.hr_load == pytest.approx(trimp(60, 150, 190))  # the highest max seen
    assert week.session_load == 60 * 5 + 40 * 4  # untouched by heart rate
    assert "not part of the session load" in load.hr_words(week)
    assert load.hr_words(week_load([no_hr], TODAY, ZONE)) == ""


def test_weeks_are_back_to_back_seven_day_spells_newest_first():
    weeks = load_weeks([run(0), run(7), run(20)], TODAY, ZONE)
    assert [w.last for w in weeks] == [TODAY - timedelta(days=7 * i) for i in range(4)]
    assert [w.runs for w in weeks] == [1, 1, 1, 0]


def test_the_spike_note_is_the_activity_logs_own_rule():
    acts = [run(3, km=10), run(12, km=9), run(0, km=12)]  # 20 % longer than 10 km
    week = week_load(acts, TODAY, ZONE)
    assert any("20 % longer" in n for n in week.notes)
    own = training_load_nudges(12, at(0), acts)
    notes = recent_load_notes(acts, at(0, 20))
    assert own and tuple(n.nudge for n in notes) == own  # the same rule, reused
    assert {n.run for n in notes} == {acts[2]} and notes[0].kind is NudgeKind.SPIKE
    assert any("11 % longer" in n for n in week.notes)  # the 10 km run after 9 km, too
    assert recent_spike_notes(acts, at(0, 20) + timedelta(hours=37)) == ()  # too old now
    assert recent_spike_notes([run(3, km=10), run(0, km=10.5)], at(0, 20)) == ()


def test_the_morning_after_a_note_names_its_run():
    acts = [run(3, km=10), run(1, km=12.4)]
    (spike,) = recent_spike_notes(acts, NOW)
    assert spike.startswith(
        "Yesterday's 12.4 km run was about 24 % longer than your longest in the past 30 days "
        "(10 km)."
    )
    assert "This run" not in spike
    # last 7 days 26 km against 10 km the 7 before: a weekly jump, the run named too
    jump = [run(9, km=10), run(3, km=12), run(1, km=14)]
    (spiked, jumped) = recent_load_notes(jump, NOW)
    assert (spiked.kind, jumped.kind) == (NudgeKind.SPIKE, NudgeKind.WEEKLY_JUMP)
    (_, words) = recent_spike_notes(jump, NOW)
    assert words.startswith(
        "With yesterday's 14 km run your last 7 days came to 26 km, about 160 % more than the "
        "7 days before (10 km)."
    )


def test_a_run_is_named_by_its_local_day():
    assert run_name(run(0, km=5), at(0, 20)) == "Today's 5 km run"
    assert run_name(run(1, km=21.4), NOW, capital=False) == "yesterday's 21.4 km run"
    assert run_name(run(2, km=8), NOW) == "Saturday's 8 km run"  # 5 December 2026
    late = Activity(ActivityKind.RUN, datetime(2026, 12, 6, 23, 30, tzinfo=ZONE), km=5)
    assert run_name(late, NOW.astimezone(ZoneInfo("UTC"))) == "Yesterday's 5 km run"


def test_plan_lines_name_a_recent_spike_and_a_week_of_alike_days():
    spike = [run(3, km=10), run(0, km=12)]
    (line,) = plan_load_lines(spike, at(0, 20))
    assert line.startswith("Today's 12 km run was about 20 % longer")
    alike = [run(d, km=10) for d in range(1, 7)]
    (line,) = plan_load_lines(alike, NOW)
    assert line.startswith("Most of your last 7 days carried a similar load")
    assert plan_load_lines([run(2), run(5)], NOW) == ()


def test_no_acute_chronic_ratio_or_risk_zone_anywhere_in_the_rules():
    source = load.__doc__ or ""
    text = Path(load.__file__).read_text(encoding="utf-8").lower()
    assert "acute:chronic" in source.lower()  # named only to say why it is not shown
    assert "risk zone" not in text.replace('"risk zones"', "")
    assert "acwr" not in text
