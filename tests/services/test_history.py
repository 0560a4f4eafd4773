"""The History service on a real database, without Qt: what the History screen shows
after a couple of weeks, worded in English (``english``) or by a given ``translate``."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.translatable import english
from companion.domain.triage import GREEN
from companion.resources import load_regions
from companion.services.history import RANGES, HistoryService, Period
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database
from companion.storage.reminders import WaterLog

L, R = Side.LEFT, Side.RIGHT


def seed(db, clock) -> None:
    """Two runs ten days apart, each followed by five days of calf ratings."""
    checkins = CheckInRepository(db)
    activities = ActivityRepository(db)
    water = WaterLog(db)
    start = clock.now() - timedelta(days=20)
    for n in range(2):
        onset = start + timedelta(days=10 * n)
        activities.add(Activity(ActivityKind.RUN, onset, minutes=60, km=10 + n), "app")
        peaks = (6, 4)[n]
        for day, (left, right) in enumerate(
            [(3, 2), (peaks, 2), (peaks - 2, 1), (1, 0), (0, 0)], start=1
        ):
            at = onset + timedelta(days=day)
            checkin = CheckIn(
                at=at,
                onset=onset,
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=(
                    RegionReport("calves_L", L, max(0, left - 2), left),
                    RegionReport("calves_R", R, 0, right),
                ),
            )
            checkins.save(checkin, GREEN)
            for _drink in range(3 if day % 2 else 1):
                water.add(700, at, "app")  # 2,100 mL on odd days, 700 on even ones


@pytest.fixture
def db(data_dir, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    data_dir.mkdir()
    db = open_database(data_dir / "companion.db", clock.now()).database
    yield db
    db.close()


def service(db, clock, goal: int | None = 2000, **kwargs) -> HistoryService:
    return HistoryService(db, load_regions(), clock, clock.now().tzinfo, lambda: goal, **kwargs)


@pytest.fixture
def history(db, clock) -> HistoryService:
    seed(db, clock)
    return service(db, clock)


def test_the_default_period_is_the_last_30_days(history, clock):
    assert RANGES[1] == ("30 days", 30)
    today = clock.now().date()
    assert history.period == Period(today - timedelta(days=29), today)
    history.set_range(None)  # all of it: from the first check-in
    assert history.period.first == date(2026, 5, 26)


def test_a_region_by_calendar_day_with_its_summary_band_and_markers(history):
    assert history.region_choices() == [("calves", "Calves")]
    view = history.region_view("calves")
    chart = view.chart
    assert chart.title == "Calves (left): soreness by day"
    moves = next(s for s in chart.series if s.name == "On movement")
    assert [y for _x, y in moves.points] == [3, 6, 4, 1, 0, 3, 4, 2, 1, 0]
    assert [s.name for s in chart.series][1] == "On movement, 3-day average"
    typical = "Typical pattern after exercise: yours may differ"
    assert [b.label for b in chart.bands] == ["", typical]
    assert [(m.kind, m.label) for m in chart.markers] == [
        ("run", "Run, 10 km, 60 min"),
        ("run", "Run, 11 km, 60 min"),
    ]
    # The history began 21 days ago: the chart spans those, not 30 days.
    assert chart.x_range == (0.0, 21.0)
    assert chart.x_ticks[:2] == ((0.5, "26 May"), (2.5, "28 May"))
    assert view.summary == (
        "Calves (left): 0/10 on movement and 0/10 at rest on Wed 10 Jun, about 2 points "
        "lower than 2 days ago: a clear improvement. 21 days of history so far: the chart "
        "fills in as you check in."
    )
    assert chart.description == view.summary
    assert chart.empty_text == "No ratings for this region in this period."


def test_left_and_right_shade_the_days_far_apart(history):
    view = history.region_view("calves")
    assert view.sides is not None
    assert view.sides.title == "Calves: left and right on movement"
    assert [h.label for h in view.sides.highlights] == [
        "28 May: 4 points apart",
        "29 May: 3 points apart",
    ]
    assert view.sides_summary.startswith(
        "Left and right differed by 3 or more points on 2 days (shaded)."
    )


def test_since_the_activity_counts_hours_of_the_latest_spell(history):
    view = history.region_view("calves", since_activity=True)
    chart = view.chart
    assert chart.title == "Calves (left): hours since 11 km run, 60 min on 5 Jun"
    xs = [x for x, _y in next(s for s in chart.series if s.name == "On movement").points]
    assert xs == [24, 48, 72, 96, 120]
    assert chart.x_ticks[:3] == ((0, "0"), (24, "1d"), (48, "2d"))
    assert chart.gap == 48.0
    assert [b.label for b in chart.bands] == ["Typical pattern after exercise: yours may differ"]
    assert view.sides is None


def test_a_region_without_a_spell_says_so(history):
    view = history.region_view("quads", since_activity=True)
    assert view.summary == "Quadriceps: no sore spell in this period."
    assert view.chart.empty_text == "No sore spell of this region in this period."


def test_long_periods_tick_by_month_and_draw_no_calendar_bands(history, db, clock):
    WaterLog(db).add(250, clock.now() - timedelta(days=500), "app")  # a longer history
    history.set_range(365)
    chart = history.region_view("calves").chart
    assert chart.bands == ()
    assert (199.0, "Jan 2026") in chart.x_ticks
    assert chart.x_ticks[0] == (15.0, "Jul")


def test_the_body_map_replays_each_day_in_words(history):
    days = history.map_days()
    assert len(days) == 10
    scores, words = history.map_for(days[1])
    assert scores == {"calves_L": 6, "calves_R": 2}
    assert words == "Thu 28 May: Calves (left) 6, Calves (right) 2 (on movement, 0-10)."
    assert history.map_for(days[-1])[1] == "Wed 10 Jun: nothing sore."


def test_episode_cards_newest_first_compare_with_the_previous_run(history):
    assert history.episode_count() == 2
    newest, older = history.episode_cards(6)
    assert newest.title == "11 km run, 60 min · Fri 5 Jun 2026"
    assert newest.lines == (
        "Peak 4/10 on movement, 48 hours after: calves (left).",
        "Recovered (1 or less on movement) by day 4 — within the usual week.",
        "Peak 6 → 4 compared with your previous run: a smaller peak than last time.",
        "Water goal on 3 of 6 days.",
    )
    assert older.title.startswith("10 km run, 60 min")
    assert [c.title for c in history.episode_cards(1)] == [newest.title]


def test_a_spell_not_eased_yet(db, clock):
    onset = clock.now() - timedelta(days=2)
    ActivityRepository(db).add(Activity(ActivityKind.RUN, onset, minutes=40, km=8), "app")
    CheckInRepository(db).save(
        CheckIn(
            at=clock.now() - timedelta(days=1),
            onset=onset,
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=(RegionReport("quads_L", L, 2, 5),),
        ),
        GREEN,
    )
    yesterday = clock.now().date() - timedelta(days=1)
    MorningLogRepository(db).save(MorningLog(yesterday, sleep_hours=6, prs=5), clock.now())
    (card,) = service(db, clock, goal=None).episode_cards(6)
    assert "Not back to 1 or less yet." in card.lines
    assert card.lines[-1] == "Felt 5.0/10 recovered on average; 1 of 1 night logged under 7 hours."


def test_adherence_and_water_against_the_goal(history):
    lines = history.adherence_lines(history.adherence())
    assert lines == [
        (
            "0 routines done; 0 ice, heat, contrast or bath sessions; "
            "water goal reached on 6 of 21 days."
        ),
        "Water goal: 0 days in a row now; best run in this period 1 day.",
    ]
    chart = history.water_chart()
    assert chart.title == "Water per day"
    assert len(chart.bars) == 21 and sum(b.met for b in chart.bars) == 6  # since 26 May
    assert chart.bars[0].label == "Tue 26 May: 0 mL"
    assert chart.description == "Water per day. Goal 2,000 mL; reached on 6 of 21."
    assert chart.goal == 2000.0 and chart.y_max == pytest.approx(2310.0)


def test_water_without_a_goal_and_by_the_week(db, clock):
    seed(db, clock)
    history = service(db, clock, goal=None)
    chart = history.water_chart()
    assert chart.goal is None
    assert chart.description == (
        "Water per day. No daily goal is set: a hydration reminder sets one."
    )
    WaterLog(db).add(250, clock.now() - timedelta(days=500), "app")  # a longer history
    history.reload()  # the data changed (the screen reloads on every save)
    history.set_range(365)
    weekly = history.water_chart()
    assert weekly.title == "Water: average per day, week by week"
    assert weekly.bars[-1].label == "Week of 15 Jun 2026: 0 mL a day on average"


def test_the_activity_log_and_the_weeks_running(history, db, clock):
    MorningLogRepository(db).save(
        MorningLog(clock.now().date(), sleep_hours=7.5, prs=8), clock.now()
    )
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, clock.now() - timedelta(days=1), minutes=30, km=5), "app"
    )
    assert history.activity_lines() == [
        "Mon 15 Jun morning · slept 7.5 h, felt 8/10 recovered",
        "Sun 14 Jun 19:00 · 5 km run, 30 min",
        "Fri 5 Jun 19:00 · 11 km run, 60 min",
        "Tue 26 May 19:00 · 10 km run, 60 min",
    ]
    assert history.weekly_distance() == "Running in the last 7 days: 5 km in 1 run."
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, clock.now() - timedelta(days=3), minutes=30, km=6), "app"
    )
    assert history.weekly_distance() == "Running in the last 7 days: 11 km in 2 runs."


def test_an_empty_history(db, clock):
    history = service(db, clock)
    assert history.region_choices() == []
    assert history.events == [] and not any(history.water.values())
    assert history.episode_cards(6) == [] and history.activity_lines() == []
    assert history.weekly_distance() == ""
    history.set_range(None)
    assert history.period == Period(clock.now().date(), clock.now().date())


def test_every_sentence_goes_through_the_given_translate(history, db, clock):
    asked: set[str] = set()

    def translate(context, source, disambiguation=None, n=-1):
        asked.add(context)
        return "«" + english(context, source, disambiguation, n) + "»"

    marked = service(db, clock, translate=translate)
    view = marked.region_view("calves")
    assert view.chart.title == "«Calves (left): soreness by day»"
    assert view.chart.bands[-1].label == "«Typical pattern after exercise: yours may differ»"
    names = [s.name for s in view.chart.series][:2]
    assert names == ["«On movement»", "««On movement», 3-day average»"]
    marked.region_view("calves", since_activity=True)
    marked.episode_cards(6)
    marked.map_for(marked.map_days()[1])
    marked.adherence_lines(marked.adherence())
    assert marked.water_chart().unit == "«mL»"
    marked.activity_lines()
    marked.weekly_distance()
    # The catalogue's contexts, as they have always been.
    assert asked == {"HistoryPresenter", "history"}


def test_the_service_loads_no_qt():
    code = (
        "import sys\n"
        "import companion.services.history\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
