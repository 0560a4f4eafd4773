"""Readiness: every input listed with its reading, the most careful one wins, safety first."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from companion.domain.activity import Activity, ActivityKind, MorningLog, NudgeKind
from companion.domain.checkin import Cause, DayScores
from companion.domain.load import RunNote, recent_load_notes
from companion.domain.readiness import (
    STALE_AFTER,
    Level,
    Readiness,
    SafetyReading,
    SorenessCourse,
    readiness,
    soreness_course,
)
from companion.domain.triage import Tier

ZONE = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 7, 30, tzinfo=ZONE)
GREEN = SafetyReading()
GOOD_MORNING = MorningLog(NOW.date(), sleep_hours=8, prs=7)


def course(worst: int, previous: int | None = None, hours_ago: float = 12) -> SorenessCourse:
    return SorenessCourse(
        NOW - timedelta(hours=hours_ago), worst, previous, max(worst, previous or 0)
    )


def ready(**kw: object) -> Readiness:
    args: dict[str, object] = {
        "safety": GREEN,
        "soreness": course(2, 3),
        "morning": GOOD_MORNING,
        "load_notes": (),
        "activities_logged": True,
    }
    args.update(kw)
    return readiness(NOW, **args)  # type: ignore[arg-type]


def run(days_ago: float, km: float) -> Activity:
    return Activity(ActivityKind.RUN, NOW - timedelta(days=days_ago), minutes=km * 6, km=km)


# yesterday evening's 21.4 km run against a longest of 18.1 km: a spike, no weekly jump
SPIKE = recent_load_notes([run(9, 18.1), run(11, 15), run(4, 10), run(0.5, 21.4)], NOW)
# a 10 km run yesterday after a quiet week: the 7 days jump, no run is longer than 10 km
JUMP = recent_load_notes([run(8, 10), run(3, 5), run(0.5, 10)], NOW)


def reading(result: Readiness, name: str) -> str:
    return next(i.reading for i in result.inputs if i.name == name)


def test_every_input_is_listed_with_its_reading():
    result = ready()
    assert result.level is Level.NORMAL
    assert [i.name for i in result.inputs] == [
        "Safety answers",
        "Soreness",
        "Last night's sleep",
        "How recovered you feel",
        "Training load",
    ]
    assert reading(result, "Soreness") == "2/10 on movement, getting better (it was 3/10)."
    assert reading(result, "Last night's sleep") == "8 hours."
    assert reading(result, "How recovered you feel") == "7/10: well recovered."
    assert reading(result, "Safety answers") == "No warning signs in your answers."
    assert result.lines()[0] == Level.NORMAL.headline


def test_the_most_careful_input_decides_and_nothing_is_added_up():
    assert ready(morning=MorningLog(NOW.date(), sleep_hours=6, prs=7)).level is Level.EASY
    assert ready(morning=MorningLog(NOW.date(), sleep_hours=8, prs=3)).level is Level.EASY
    assert ready(soreness=course(5, 5)).level is Level.EASY
    assert ready(soreness=course(7, 8)).level is Level.REST
    assert ready(load_notes=SPIKE).level is Level.EASY
    # three easy signals are still an easy day, never a rest day
    many = ready(
        morning=MorningLog(NOW.date(), sleep_hours=5, prs=2),
        soreness=course(5),
        load_notes=SPIKE,
    )
    assert many.level is Level.EASY


def test_soreness_now_against_the_spells_course():
    assert "getting worse (it was 1/10)" in reading(ready(soreness=course(3, 1)), "Soreness")
    assert ready(soreness=course(3, 1)).level is Level.EASY  # rising: easy
    assert "about the same" in reading(ready(soreness=course(2, 2)), "Soreness")
    assert "first check-in" in reading(ready(soreness=course(2)), "Soreness")
    days = [
        DayScores(
            date(2026, 12, 4),
            NOW - timedelta(days=3),
            NOW - timedelta(days=4),
            Cause.RUN,
            {"calves_L": (1, 6)},
        ),
        DayScores(
            date(2026, 12, 5),
            NOW - timedelta(days=2),
            NOW - timedelta(days=4),
            Cause.RUN,
            {"calves_L": (1, 4)},
        ),
        DayScores(
            date(2026, 12, 6),
            NOW - timedelta(hours=14),
            NOW - timedelta(days=4),
            Cause.RUN,
            {"calves_L": (0, 2), "quads_R": (0, 1)},
        ),
    ]
    found = soreness_course(days)
    assert found == SorenessCourse(days[-1].at, 2, 4, 6)
    assert "the spell's peak was 6/10" in reading(ready(soreness=found), "Soreness")
    # a new spell (another onset) starts its own course
    new = DayScores(date(2026, 12, 7), NOW, NOW - timedelta(hours=20), Cause.LEG_DAY,
                    {"quads_L": (1, 3)})  # fmt: skip
    assert soreness_course([*days, new]) == SorenessCourse(NOW, 3, None, 3)
    assert soreness_course([]) is None


def test_missing_or_stale_data_is_not_known():
    stale = ready(soreness=course(2, 3, hours_ago=STALE_AFTER.total_seconds() / 3600 + 1))
    assert reading(stale, "Soreness") == "Not known: your last check-in was 2 days ago."
    yesterday = MorningLog(NOW.date() - timedelta(days=1), sleep_hours=4, prs=1)
    old = ready(morning=yesterday)
    assert reading(old, "Last night's sleep") == "Not known: not logged this morning."
    assert old.level is Level.NORMAL  # yesterday's short night does not speak for today
    only_prs = ready(morning=MorningLog(NOW.date(), prs=5))
    assert reading(only_prs, "Last night's sleep").startswith("Not known")
    assert "Not known" in reading(ready(activities_logged=False), "Training load")
    assert "Not known: no check-in yet." in reading(ready(soreness=None), "Soreness")


def test_with_nothing_known_about_the_body_the_day_is_not_known():
    empty = ready(soreness=None, morning=None, activities_logged=False)
    assert empty.level is Level.NOT_KNOWN
    assert all(not i.known for i in empty.inputs[1:])
    # ... unless an input already asks for care
    assert ready(soreness=None, morning=None, load_notes=SPIKE).level is Level.EASY


def test_a_red_answer_or_lock_means_rest_and_the_safety_words_first():
    red = SafetyReading(
        Tier.RED, locked=True, words=("Stop. These symptoms need emergency care now.", "Call 112.")
    )
    result = ready(safety=red, soreness=None, morning=None)
    assert result.level is Level.REST
    assert result.headline == "Rest today: no run."
    assert result.lines()[:3] == [Level.REST.headline, *red.words]
    # the best morning cannot override it
    assert ready(safety=red).level is Level.REST
    orange = SafetyReading(Tier.ORANGE, locked=True, words=("Get medical advice today.",))
    assert ready(safety=orange).level is Level.REST


def test_a_no_running_restriction_means_no_run_and_yellow_means_easy():
    no_run = SafetyReading(Tier.YELLOW, no_running=True, words=("No running or jumping.",))
    result = ready(safety=no_run)
    assert result.level is Level.REST and result.safety_words == no_run.words
    assert ready(safety=SafetyReading(Tier.YELLOW)).level is Level.EASY
    assert ready(safety=SafetyReading(Tier.YELLOW)).safety_words == ()


def test_the_notes_are_a_spike_and_a_weekly_jump():
    assert [n.kind for n in SPIKE] == [NudgeKind.SPIKE]
    assert [n.kind for n in JUMP] == [NudgeKind.WEEKLY_JUMP]


def test_a_spike_names_its_run_and_means_an_easy_day():
    result = ready(load_notes=SPIKE)
    assert result.level is Level.EASY
    assert reading(result, "Training load").startswith(
        "Yesterday's 21.4 km run was about 18 % longer than your longest in the past 30 days "
        "(18.1 km)."
    )


def test_a_weekly_jump_is_said_in_its_own_words_and_leaves_the_day_normal():
    result = ready(load_notes=JUMP)
    words = reading(result, "Training load")
    assert words.startswith(
        "With yesterday's 10 km run your last 7 days came to 15 km, about 50 % more than the "
        "7 days before (10 km)."
    )
    assert "weekly jump" in words and "longer than your longest" not in words
    assert result.level is Level.NORMAL
    assert next(i for i in result.inputs if i.name == "Training load").known


def test_a_spike_and_a_weekly_jump_together_say_both_spike_first():
    both: tuple[RunNote, ...] = (*JUMP, *SPIKE)
    result = ready(load_notes=both)
    words = reading(result, "Training load")
    assert words.startswith("Yesterday's 21.4 km run was about 18 % longer")
    assert "With yesterday's 10 km run your last 7 days" in words
    assert result.level is Level.EASY
