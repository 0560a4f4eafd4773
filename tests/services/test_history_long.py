"""History at any length: the grain rule (day, week, month), the soreness and water charts
over years, a young history's charts, and the activity list in pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.triage import GREEN
from companion.resources import load_regions
from companion.services.history import (
    ACTIVITY_PAGE,
    DAILY_UP_TO,
    WEEKLY_UP_TO,
    Grain,
    HistoryService,
    Period,
    grain_for,
)
from companion.services.history.buckets import buckets
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database
from companion.storage.reminders import WaterLog


@pytest.fixture
def db(data_dir, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def service(db, clock) -> HistoryService:
    return HistoryService(db, load_regions(), clock, clock.now().tzinfo, lambda: 2000)


def rate(db, at, move: int, rest: int = 0) -> None:
    CheckInRepository(db).save(
        CheckIn(
            at=at,
            onset=at - timedelta(days=1),
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=(RegionReport("calves_L", Side.LEFT, rest, move),),
        ),
        GREEN,
    )


def test_the_grain_is_daily_to_three_months_weekly_to_two_years_then_monthly():
    assert grain_for(14) is grain_for(91) is grain_for(DAILY_UP_TO) is Grain.DAY
    assert grain_for(DAILY_UP_TO + 1) is grain_for(365) is grain_for(WEEKLY_UP_TO) is Grain.WEEK
    assert grain_for(WEEKLY_UP_TO + 1) is grain_for(5 * 365) is Grain.MONTH


def test_weeks_run_monday_to_sunday_and_months_are_calendar_months_cut_to_the_period():
    period = Period(date(2026, 3, 4), date(2026, 3, 31))  # a Wednesday to a Tuesday
    weeks = buckets(period, Grain.WEEK)
    assert [(b.first, b.last) for b in weeks][:2] == [
        (date(2026, 3, 4), date(2026, 3, 8)),
        (date(2026, 3, 9), date(2026, 3, 15)),
    ]
    assert weeks[-1].last == date(2026, 3, 31) and weeks[0].x == 2.5
    assert weeks[0].name(lambda _c, s, _d=None, _n=-1: s) == "Week of 2 Mar 2026"
    months = buckets(Period(date(2024, 1, 15), date(2026, 12, 7)), Grain.MONTH)
    assert len(months) == 36
    assert (months[0].first, months[0].last) == (date(2024, 1, 15), date(2024, 1, 31))
    assert months[1].name(lambda _c, s, _d=None, _n=-1: s) == "February 2024"
    assert sum(m.days for m in months) == (date(2026, 12, 7) - date(2024, 1, 15)).days + 1


def test_three_years_of_soreness_are_shown_month_by_month(db, clock):
    now = clock.now()
    for n in range(0, 3 * 365, 5):  # a rating every 5 days for 3 years, 2 then 6 in turn
        rate(db, now - timedelta(days=n), 6 if n % 10 else 2, 1)
    ActivityRepository(db).add(Activity(ActivityKind.RUN, now - timedelta(days=2), km=8), "app")
    ActivityRepository(db).add(Activity(ActivityKind.RUN, now - timedelta(days=3), km=5), "app")
    history = service(db, clock)
    history.set_range(None)
    chart = history.region_view("calves").chart
    assert chart.title == "Calves (left): soreness month by month"
    highest, average, rest = chart.series
    assert highest.name == "On movement, highest in the month" and highest.style == "points"
    assert 36 <= len(highest.points) <= 37  # one a month, not 219 ratings
    assert {y for _x, y in highest.points} == {6.0}
    assert all(2 < y < 6 for _x, y in average.points)
    assert {y for _x, y in rest.points} == {1.0} and rest.dashed
    assert chart.bands == ()
    (runs,) = chart.markers  # both runs fell in this month: one marker
    assert runs.kind == "run" and runs.label == f"{now:%B %Y}: 2 runs logged"
    assert chart.x_names[-1] == (runs.x, f"{now:%B %Y}")
    assert chart.gap is not None and 31 < chart.gap < 62  # an empty month breaks the line
    water = history.water_chart()
    assert water.title == "Water: average per day, month by month"
    history.set_range(365)
    weekly = history.region_view("calves").chart
    assert weekly.title == "Calves (left): soreness week by week"
    assert 52 <= len(weekly.series[0].points) <= 54
    assert weekly.series[1].name == "On movement, week's average"
    history.set_range(91)
    assert history.region_view("calves").chart.title == "Calves (left): soreness by day"


def test_left_and_right_over_years_are_a_point_a_month_each(db, clock):
    now = clock.now()
    checkins = CheckInRepository(db)
    for n in range(0, 900, 7):
        at = now - timedelta(days=n)
        checkins.save(
            CheckIn(
                at=at,
                onset=at - timedelta(days=1),
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=(
                    RegionReport("calves_L", Side.LEFT, 0, 5 if n == 0 else 2),
                    RegionReport("calves_R", Side.RIGHT, 0, 1),
                ),
            ),
            GREEN,
        )
    history = service(db, clock)
    history.set_range(None)
    sides = history.region_view("calves").sides
    assert sides is not None
    left, right = sides.series
    assert 29 <= len(left.points) <= 31 and {y for _x, y in right.points} == {1.0}
    (wide,) = sides.highlights  # today's 5 against 1, shaded as its whole month
    assert wide.label == f"{now:%B %Y}: up to 4 points apart"
    assert wide.x1 - wide.x0 == now.day


def test_one_day_of_history_is_a_short_axis_with_a_note(db, clock):
    rate(db, clock.now(), 4, 2)
    history = service(db, clock)  # the 30 days at first
    view = history.region_view("calves")
    chart = view.chart
    assert chart.x_range == (0.0, 7.0)  # a week, not 30 empty days
    (point,) = chart.series[0].points
    assert 6 < point[0] < 7
    assert chart.x_ticks[-1][1] == f"{clock.now().day} {clock.now():%b}"  # its date beneath
    assert view.summary.endswith("1 day of history so far: the chart fills in as you check in.")
    assert len(history.water_chart().bars) == 7
    history.set_range(None)
    assert history.region_view("calves").chart.x_range == (0.0, 7.0)


def test_a_full_history_has_no_note(db, clock):
    rate(db, clock.now() - timedelta(days=60), 2)
    rate(db, clock.now(), 4, 2)
    view = service(db, clock).region_view("calves")
    assert view.chart.x_range == (0.0, 30.0)
    assert "so far" not in view.summary


def test_the_activity_list_is_complete_in_pages_of_twenty(db, clock):
    now = clock.now()
    activities, mornings = ActivityRepository(db), MorningLogRepository(db)
    for n in range(45):
        activities.add(Activity(ActivityKind.RUN, now - timedelta(days=n), km=5 + n), "app")
    for n in range(0, 60, 2):  # mornings up to two months back
        mornings.save(MorningLog((now - timedelta(days=n)).date(), sleep_hours=7), now)
    history = service(db, clock)
    history.set_range(91)
    first = history.activity_page(0)
    assert (first.total, first.pages, len(first.lines)) == (75, 4, ACTIVITY_PAGE)
    assert not first.has_newer and first.has_older
    assert "5 km run" in first.lines[0] and "morning" in first.lines[1]  # 19:00, then 07:00
    seen = list(first.lines)
    for page in range(1, 4):
        shown = history.activity_page(page)
        assert shown.page == page and shown.has_newer
        seen += shown.lines
    assert not shown.has_older and len(shown.lines) == 15
    assert len(seen) == len(set(seen)) == 75  # every entry once, in order
    assert seen == history.activity_lines()
    assert "morning" in seen[-1] and any("49 km run" in line for line in seen)  # the oldest
    assert history.activity_page(99).page == 3  # past the end: the last page


def test_an_empty_activity_list_is_one_empty_page(db, clock):
    page = service(db, clock).activity_page(0)
    assert (page.lines, page.pages, page.total) == ((), 1, 0)
    assert not page.has_newer and not page.has_older


def test_old_water_alone_makes_the_history_long(db, clock):
    WaterLog(db).add(500, clock.now() - timedelta(days=800), "app")
    history = service(db, clock)
    history.set_range(None)
    assert history.period.days == 801
    assert history.water_chart().title == "Water: average per day, month by month"


def test_a_shorter_period_is_cut_from_what_a_longer_one_read(db, clock):
    now = clock.now()
    for n in range(0, 400, 3):
        rate(db, now - timedelta(days=n), 3)
    history = service(db, clock)
    history.set_range(None)
    everything = len(history.days)
    reads: list[str] = []
    real = history.store.days

    def counted(first, last):
        reads.append("days")
        return real(first, last)

    history.store.days = counted  # type: ignore[method-assign]
    history.set_range(30)
    assert 0 < len(history.days) < everything and reads == []  # cut, not read again
    assert all(d.day >= history.period.first - timedelta(days=120) for d in history.days)
    history.reload()  # the data changed: read again
    assert history.days and reads == ["days"]
