"""The History screen's reads: a period of the history from storage, through the
history rules, into the charts' content and sentences (``HistoryService``). No PySide6 here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from companion.domain.activity import Activity
from companion.domain.checkin import DayScores
from companion.domain.clock import Clock, utc
from companion.domain.history import (
    Adherence,
    Episode,
    Reading,
    adherence,
    episodes,
)
from companion.domain.regions import RegionCatalog
from companion.domain.translatable import Translate, english
from companion.domain.units import METRIC, Units
from companion.services.history import habits, routines, spells
from companion.services.history.soreness import BANDS_UP_TO, SorenessCharts
from companion.services.history.views import (
    DEFAULT_RANGE,
    RANGES,
    EpisodeCard,
    Period,
    RegionView,
    WaterChart,
)
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.database import Database
from companion.storage.history import Event, HistoryRepository

EPISODE_LOOKBACK = timedelta(days=120)  # earlier episodes the first one in range is compared with
ROUTINE_MARKERS_UP_TO = 91  # days: longer periods leave routines off the timeline
RUNS_LISTED = 8  # the newest routine runs of the period in "What you did"
ACTIVITY_PAGE = 20  # lines a page of the activity list
SHOWN_AT_LEAST = 7  # days: a chart of a short history spans this much, not the whole range

T = TypeVar("T")


@dataclass(frozen=True)
class ActivityPage:
    """One page of the activity list: its lines, newest first, and where it is."""

    lines: tuple[str, ...]
    page: int  # 0: the newest
    pages: int
    total: int  # entries in the period

    @property
    def has_newer(self) -> bool:
        return self.page > 0

    @property
    def has_older(self) -> bool:
        return self.page + 1 < self.pages


class HistoryService:
    """One period of the history (``period``; 30 days at first), read once and kept
    until ``reload`` or ``set_range``; every sentence worded with ``translate``."""

    def __init__(
        self,
        db: Database,
        regions: RegionCatalog,
        clock: Clock,
        zone: tzinfo,
        goal_ml: Callable[[], int | None],
        *,
        translate: Translate = english,
        units: Callable[[], Units] = lambda: METRIC,
    ) -> None:
        self.store = HistoryRepository(db)
        self.activity_store = ActivityRepository(db)
        self.mornings = MorningLogRepository(db)
        self.regions = regions
        self.clock = clock
        self.zone = zone
        self.goal_ml = goal_ml
        self.translate = translate
        self.units = units  # the user's units (Settings): water in mL or fl oz
        self.region_names = routines.region_names(regions)
        self._first_day: tuple[date | None] | None = None
        self._held: dict[str, tuple[date, date, Any]] = {}  # longer reads, kept across ranges
        # What was worked out for a period (and its other inputs), kept across range
        # changes until ``reload``: going back to a period redraws without reading.
        self._memo: dict[tuple[object, ...], Any] = {}
        self.period = self.period_for(RANGES[DEFAULT_RANGE][1])

    # -- the range ------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def period_for(self, days: int | None) -> Period:
        """The last ``days`` days up to today; None: from the first day with history."""
        today = self.today()
        if days is None:
            first = self.first_day() or today
            return Period(min(first, today), today)
        return Period(today - timedelta(days=days - 1), today)

    def first_day(self) -> date | None:
        """The first day anything was logged (read once until ``reload``)."""
        if self._first_day is None:
            self._first_day = (self.store.first_day(),)
        return self._first_day[0]

    @property
    def shown(self) -> Period:
        """The days the charts span: the period, or, while the history is younger than it,
        from the history's first day (``SHOWN_AT_LEAST`` days at least), so that one day
        of ratings is not a dot at the end of 30 empty days."""
        p = self.period
        first = self.first_day()
        start = p.first if first is None or first <= p.first else first
        start = min(start, p.last - timedelta(days=SHOWN_AT_LEAST - 1))
        return p if start == p.first else Period(start, p.last)

    def so_far(self) -> str:
        """ "3 days so far: ..." while the history is younger than the period; else ""."""
        first = self.first_day()
        if first is None or first <= self.period.first:
            return ""
        n = (self.period.last - first).days + 1
        return self.translate(
            "HistoryPresenter",
            "%n day(s) of history so far: the chart fills in as you check in.",
            None,
            n,
        )

    def set_range(self, days: int | None) -> None:
        """Show another period. What was read for a longer one is kept and cut to it, and
        what was worked out for a period is kept (the data has not changed), so going
        back and forth between periods reads little and works out nothing twice."""
        self.period = self.period_for(days)

    def reload(self) -> None:
        """Forget what was read (the data changed): the next question reads it again."""
        self._held.clear()
        self._memo.clear()
        self._first_day = None

    def _remember(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """``make()``, worked out once for this period and ``key`` until ``reload``."""
        full = (self.period, *key)
        if full not in self._memo:
            self._memo[full] = make()
        found: T = self._memo[full]
        return found

    def _kept(self, name: str, first: date, last: date, read: Callable[[date, date], Any]) -> Any:
        """What ``read(first, last)`` returns, or a longer span's answer kept under
        ``name`` that holds [first, last] (the caller cuts it to the period)."""
        held = self._held.get(name)
        if held is None or not (held[0] <= first and last <= held[1]):
            held = (first, last, read(first, last))
            self._held[name] = held
        return held[2]

    @property
    def water(self) -> dict[date, int]:
        """Water per local day over the period."""
        p = self.period

        def read() -> dict[date, int]:
            kept: dict[date, int] = self._kept(
                "water", p.first, p.last, lambda a, b: self.store.water_by_day(a, b, self.zone)
            )
            return {d: ml for d, ml in kept.items() if p.first <= d <= p.last}

        return self._remember(("water",), read)

    @property
    def events(self) -> list[Event]:
        """What was logged in the period, for the timeline; over months, without routines
        (several a day would hide everything else: "What you did" counts them)."""

        def read() -> list[Event]:
            found = self.store.events(
                self.period.first,
                self.period.last,
                self.zone,
                routines=self.period.days <= ROUTINE_MARKERS_UP_TO,
                activities=self._activities(),
            )
            return [
                replace(e, label=routines.marker_label(e.run, self.region_names, self.translate))
                if e.run is not None
                else e
                for e in found
            ]

        return self._remember(("events",), read)

    @property
    def days(self) -> list[DayScores]:
        """Check-ins of the period, plus earlier ones its first episodes compare with."""
        first, last = self.period.first - EPISODE_LOOKBACK, self.period.last

        def read() -> list[DayScores]:
            kept: list[DayScores] = self._kept("days", first, last, self.store.days)
            keys = [d.day for d in kept]
            return kept[bisect_left(keys, first) : bisect_right(keys, last)]

        return self._remember(("days",), read)

    def _days_in(self, first: date, last: date) -> list[DayScores]:
        """The check-ins of [first, last] (inside the period), from those read."""
        days = self.days
        keys = [d.day for d in days]
        return days[bisect_left(keys, first) : bisect_right(keys, last)]

    @property
    def episodes(self) -> list[Episode]:
        """Episodes that reach into the period, oldest first, linked to earlier ones."""

        def work_out() -> list[Episode]:
            found = episodes(self.days, self._activities())
            return [e for e in found if e.last_day >= self.period.first]

        return self._remember(("episodes",), work_out)

    def _activities(self) -> list[Activity]:
        """Activities of the period and the lookback before it (``days``' span)."""
        first, last = self.period.first - EPISODE_LOOKBACK, self.period.last
        start = datetime.combine(first, time(0), tzinfo=self.zone)
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=self.zone)

        def read() -> list[Activity]:
            kept: list[Activity] = self._kept(
                "activities", first, last, lambda _a, _b: self.store.activities(start, end)
            )
            low, high = utc(start), utc(end)
            return [a for a in kept if low <= utc(a.ended_at) < high]

        return self._remember(("activities",), read)

    # -- regions ----------------------------------------------------------------------------
    def region_choices(self) -> list[tuple[str, str]]:
        """(group or region id, label) of what was rated in the period, sorest first."""

        def work_out() -> list[tuple[str, str]]:
            tops: dict[str, int] = {}
            for day in self._days_in(self.period.first, self.period.last):
                for rid, (_rest, move) in day.scores.items():
                    if move > tops.get(rid, -1):
                        tops[rid] = move
            groups: dict[str, int] = {}
            for rid, top in tops.items():
                if rid not in self.regions:
                    continue
                key = self.regions.get(rid).group
                groups[key] = max(groups.get(key, 0), top)
            choices = []
            for group, _top in sorted(groups.items(), key=lambda g: (-g[1], g[0])):
                members = [r for r in self.regions if r.group == group]
                choices.append((group, members[0].name))
            return choices

        return list(self._remember(("region_choices",), work_out))

    def members(self, group: str) -> tuple[str, ...]:
        """The region ids of a group (a pair's left and right, or one region)."""
        return tuple(r.id for r in self.regions if r.group == group)

    def region_view(self, group: str, *, since_activity: bool = False) -> RegionView:
        """A group's soreness over the period by calendar day (with left against right
        for a pair), or in hours since the activity of its latest sore spell."""

        def work_out() -> RegionView:
            ids = self.members(group)
            shown = self.shown
            charts = SorenessCharts(
                shown, self.zone, self.today(), self.regions, self.translate, self.so_far()
            )
            if since_activity:
                name = self.regions.get(ids[0]).name
                return charts.since_activity(ids, name, self.events, self.episodes)
            readings = self._readings(ids, shown.first, shown.last)
            # The typical course per spell only over short periods (the spells are read then).
            spells_shown = self.episodes if shown.days <= BANDS_UP_TO else []
            return charts.by_day(ids, readings, self.events, spells_shown)

        return self._remember(("region_view", group, since_activity), work_out)

    def _readings(self, ids: tuple[str, ...], first: date, last: date) -> list[Reading]:
        """Every rating of ``ids`` in [first, last], oldest first, from the check-ins read
        (what ``HistoryRepository.readings`` reads, without reading it again)."""
        return [
            Reading(d.day, d.at, d.onset, d.cause, rid, *d.scores[rid])
            for d in self._days_in(first, last)
            for rid in ids
            if rid in d.scores
        ]

    # -- the body map replay ----------------------------------------------------------------
    def map_days(self) -> list[date]:
        p = self.period
        return list(self._remember(("map_days",), lambda: self.store.checkin_days(p.first, p.last)))

    def map_for(self, day: date) -> tuple[dict[str, int], str]:
        """A day's scores on movement by region, and the day in words, with that day's
        routines and how each region felt after them."""
        scores = {rid: v for rid, v in self.store.day_map(day).items() if rid in self.regions}
        words = spells.map_words(day, scores, self.regions, self.translate)
        runs = self.store.runs(day, day, limit=routines.DAY_RUNS_LISTED)
        lines = [routines.marker_label(r, self.region_names, self.translate) + "." for r in runs]
        return scores, "\n\n".join([words, "\n".join(lines)]) if lines else words

    # -- routine runs -------------------------------------------------------------------------
    def run_lines(self, limit: int = RUNS_LISTED) -> list[str]:
        """The period's newest routine runs in words, newest first: how far each got and
        how each region felt after it."""

        def work_out() -> list[str]:
            runs = self.store.runs(self.period.first, self.period.last, limit=limit)
            return [
                routines.run_line(r, self.zone, self.region_names, self.translate)
                for r in reversed(runs)
            ]

        return list(self._remember(("run_lines", limit), work_out))

    # -- episodes ---------------------------------------------------------------------------
    def episode_count(self) -> int:
        return len(self.episodes)

    def episode_cards(self, limit: int) -> list[EpisodeCard]:
        """The newest ``limit`` episodes' cards, newest first."""
        goal = self.goal_ml()
        return list(
            self._remember(("episode_cards", limit, goal), lambda: self._episode_cards(limit, goal))
        )

    def _episode_cards(self, limit: int, goal: int | None) -> list[EpisodeCard]:
        shown = list(reversed(self.episodes))[:limit]
        if not shown:
            return []
        first = shown[-1].onset.astimezone(self.zone).date()
        water = (
            self.water  # read already, and kept
            if first >= self.period.first
            else self.store.water_by_day(first, self.period.last, self.zone)
        )
        mornings = self.mornings.between(first, self.period.last)
        latest = self.episodes[-1]
        return [
            spells.episode_card(
                e,
                latest=e is latest,
                zone=self.zone,
                regions=self.regions,
                mornings=mornings,
                water=water,
                goal=goal,
                translate=self.translate,
            )
            for e in shown
        ]

    # -- adherence ---------------------------------------------------------------------------
    def adherence(self) -> Adherence:
        goal = self.goal_ml()
        found: Adherence = self._remember(("adherence", goal), lambda: self._adherence(goal))
        return found

    def _adherence(self, goal: int | None) -> Adherence:
        p, today = self.period, self.today()
        water = self.water
        routines = self.store.routine_days(p.first, p.last)
        return adherence(
            routines,
            self.store.therapy_counts(p.first, p.last, self.zone),
            water,
            goal,
            first=max(p.first, self.first_day() or p.first),  # not days before any history
            last=p.last,
            today=today,
            all_routine_days=[d for d, (done, _s) in routines.items() if done],
            all_water_days_met=[d for d, ml in water.items() if goal and ml >= goal],
        )

    def adherence_lines(self, result: Adherence) -> list[str]:
        return habits.adherence_lines(result, self.translate)

    def water_chart(self) -> WaterChart:
        """Water against the goal, in the user's units."""
        goal, units = self.goal_ml(), self.units()
        chart: WaterChart = self._remember(
            ("water_chart", goal, units),
            lambda: habits.water_chart(
                self.shown, self.today(), self.water, goal, self.translate, units=units
            ),
        )
        return chart

    # -- activity ---------------------------------------------------------------------------
    def activity_page(self, page: int = 0, size: int = ACTIVITY_PAGE) -> ActivityPage:
        """Page ``page`` (0: the newest) of the period's activities and mornings, ``size``
        lines a page, newest first; a page past the end is the last one. Only that page's
        entries are read."""
        found: ActivityPage = self._remember(
            ("activity_page", page, size), lambda: self._activity_page(page, size)
        )
        return found

    def _activity_page(self, page: int, size: int) -> ActivityPage:
        p = self.period
        moments: list[datetime] = self._remember(
            ("log_moments",), lambda: self.store.log_moments(p.first, p.last, self.zone)
        )
        pages = max(1, -(-len(moments) // size))
        page = min(max(0, page), pages - 1)
        a, b = page * size, min(len(moments), (page + 1) * size)
        if a >= b:
            return ActivityPage((), 0, 1, 0)
        newest, oldest = moments[a], moments[b - 1]
        ahead = a  # entries at the page's newest moment that the page before shows
        while ahead > 0 and moments[ahead - 1] == newest:
            ahead -= 1
        activities = [
            act for _id, act in self.activity_store.between(oldest, newest + timedelta(seconds=1))
        ]
        days = (oldest.astimezone(self.zone).date(), newest.astimezone(self.zone).date())
        mornings = self.mornings.between(*days)
        lines = habits.activity_entries(activities, mornings, self.zone, self.translate)
        inside = [text for when, text in lines if utc(oldest) <= utc(when) <= utc(newest)]
        shown = inside[a - ahead : a - ahead + (b - a)]
        return ActivityPage(tuple(shown), page, pages, len(moments))

    def activity_lines(self) -> list[str]:
        """Every activity and morning of the period in short lines, newest first."""
        lines: list[str] = []
        page = self.activity_page(0, 1000)
        while True:
            lines += page.lines
            if page.page + 1 >= page.pages:
                return lines
            page = self.activity_page(page.page + 1, 1000)

    def weekly_distance(self) -> str:
        """The last 7 days' running distance in words; "" without runs."""
        now = self.clock.now()
        week = [
            a.km or 0.0
            for _id, a in self.activity_store.between(now - timedelta(days=7), now)
            if a.km
        ]
        return habits.distance_words(week, self.translate)
