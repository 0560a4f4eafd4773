"""Years of a runner's history in a Recovery Companion database, for benchmarking History.

    python benchmarks/history_data.py OUT.db [--years 5] [--seed 1] [--dense]
        [--end 2025-06-30] [--zone Europe/Berlin] [--force]

The database is created with the app's own ``open_database`` (its migrations
and pragmas) and filled with plain ``executemany`` in a few big transactions.
The same seed, end and zone always give the same file contents.

The person: runs 3-5 times a week (a long run on Sundays, a quality session
most weeks, build-up blocks ending in a rest week and now and then a race, a
couple of 1-3 week breaks a year), a leg day on Wednesday evenings and often a
second on Saturdays, some long shifts on their feet. Hard sessions bring on
delayed-onset soreness (DOMS): first felt 12-24 h after, worst at 24-72 h,
easing by day 4-5, gone by day 5-7, smaller when the same kind of session was
done recently (the repeated-bout effect) and larger after a break or a new
distance. They check in most days while something is sore (one check-in a
local day, morning or evening, every sore region of every overlapping episode,
and a 0 for a region the day it has recovered), log water, sleep and how
recovered they feel, do short routines several times a day, and use an ice pack,
contrast baths or heat a few times a week after hard sessions.

``--dense`` instead checks in every day and rates all 25 regions each time:
the most ``checkin_regions`` rows the schema's one-check-in-a-day model holds.

Storage formats follow the repositories: activities, water, therapy sessions
and reminder due/shown times in UTC; check-ins, routine runs, the morning log,
reminder answers and settings with the local offset; ``checkins.day`` and
``daily_log.day`` are local dates.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import random
import sys
import time as timer
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from companion.domain.regions import OUTER_KNEE_GROUPS
from companion.domain.reminders import Kind, ReminderRule, WakingHours, day_times
from companion.domain.routine_builder import RoutineStep, routine_steps
from companion.domain.session import build_segments
from companion.domain.therapy_timer import TimerPlan, build_plan
from companion.domain.triage import Moment
from companion.resources import (
    load_exercises,
    load_protocols,
    load_regions,
    load_routines,
    load_triage,
)
from companion.storage.database import Database, open_database
from companion.storage.reminders import ReminderRepository
from companion.storage.settings import SettingsRepository

DEFAULT_ZONE: tzinfo = ZoneInfo("Europe/Berlin")
TABLES = (
    "activities",
    "checkins",
    "checkin_regions",
    "triage_answers",
    "daily_log",
    "water_log",
    "reminder_rules",
    "reminder_events",
    "routine_runs",
    "routine_run_steps",
    "routine_run_feel",
    "therapy_sessions",
    "settings",
)
HOUR = 3600.0
DAY_S = 24 * HOUR
LOOKBACK_S = 8 * DAY_S  # no episode lasts longer than this

# Region groups each kind of session loads, with how much (the most loaded is 1).
# "Hips" are the hip flexors, the glutes and, on long runs, the outer thigh.
RUN_LOAD: dict[str, dict[str, float]] = {
    "easy": {
        "calves": 1.0,
        "quads": 0.8,
        "hamstrings": 0.6,
        "shin": 0.55,
        "foot_plantar": 0.5,
        "hip_flexors": 0.4,
        "ankle_achilles": 0.35,
    },
    "tempo": {
        "calves": 1.0,
        "quads": 0.85,
        "hamstrings": 0.75,
        "shin": 0.6,
        "hip_flexors": 0.55,
        "foot_plantar": 0.5,
        "glutes": 0.4,
        "ankle_achilles": 0.4,
    },
    "intervals": {
        "calves": 1.0,
        "hamstrings": 0.9,
        "quads": 0.75,
        "shin": 0.65,
        "hip_flexors": 0.6,
        "foot_plantar": 0.5,
        "glutes": 0.45,
        "ankle_achilles": 0.45,
    },
    "long": {
        "quads": 1.0,
        "calves": 0.95,
        "hamstrings": 0.7,
        "hip_flexors": 0.55,
        "foot_plantar": 0.55,
        "glutes": 0.5,
        "shin": 0.45,
        "lateral_thigh_itb": 0.35,
        "ankle_achilles": 0.35,
    },
}
RUN_LOAD["race"] = RUN_LOAD["long"]
LEG_LOAD = {"quads": 1.0, "glutes": 0.95, "hamstrings": 0.85, "adductors": 0.8}
DEADLIFT_LOAD = {"lower_back": 0.55}
STANDING_LOAD = {"calves": 1.0, "foot_plantar": 0.9, "lower_back": 0.6, "ankle_achilles": 0.5}
HIKE_LOAD = {"quads": 1.0, "calves": 0.8, "glutes": 0.6, "foot_plantar": 0.4}

DOMS_WORDS = (
    ("sore",),
    ("aching", "sore"),
    ("sore", "tight"),
    ("tender",),
    ("aching",),
    ("sore", "tender"),
)
DOMS_WEIGHTS = (5, 3, 3, 2, 2, 1)
MILD_WORDS = (("tight",), (), ("sore",))
STANDING_WORDS = (("aching",), ("aching", "tight"), ())
CAUSE = {"run": "run", "leg_day": "leg_day", "long_standing": "long_standing", "other": "unknown"}

DRINK_ML = (150, 200, 250, 250, 300, 330, 330, 400, 500)
HYDRATION = ReminderRule(
    kind=Kind.HYDRATION,
    title="Water",
    every_min=90,
    amount_ml=250,
    daily_goal_ml=2500,
)
WAKING = WakingHours(time(7, 0), time(22, 0))
TODAY_NAME = "Today's routine"


# ------------------------------------------------------------------------ time helpers
def _wall(day: date, minute: float, zone: tzinfo) -> datetime:
    """``minute`` minutes after local midnight on ``day`` (daytime only: no DST gaps)."""
    seconds = int(minute * 60)
    return datetime.combine(
        day, time(seconds // 3600, seconds // 60 % 60, seconds % 60), tzinfo=zone
    )


def _plus(moment: datetime, seconds: float) -> datetime:
    """Real time later, in the same zone (correct across DST changes)."""
    later = moment.astimezone(UTC) + timedelta(seconds=round(seconds))
    return later.astimezone(moment.tzinfo)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# ------------------------------------------------------------------------ activities
@dataclass
class Act:
    kind: str  # run, leg_day, long_standing, other
    end: datetime  # local
    minutes: float
    km: float | None
    effort: int
    flavour: str  # easy, tempo, intervals, long, race, legs, new_legs, shift, cycle, hike
    note: str = ""
    deadlift: bool = False

    @property
    def ts(self) -> float:
        return self.end.timestamp()


@dataclass
class Week:
    monday: date
    mode: str  # base, build, rest, comeback, break
    factor: float = 1.0
    holiday: bool = False


def _weeks(rng: random.Random, first: date, last: date) -> list[Week]:
    monday = first - timedelta(days=first.weekday())
    count = (last - monday).days // 7 + 1
    weeks = [Week(monday + timedelta(weeks=i), "base") for i in range(count)]
    i = 0
    while i < count:  # base weeks, then often a build-up block and a rest week
        i += rng.randint(2, 6)
        if rng.random() < 0.7:
            for k in range(rng.randint(3, 5)):
                if i < count:
                    weeks[i].mode, weeks[i].factor = "build", 1.0 + 0.08 * (k + 1)
                i += 1
            if i < count:
                weeks[i].mode, weeks[i].factor = "rest", 0.65
            i += 1
    # A couple of breaks of 1-3 weeks a year (illness, a holiday, a busy spell).
    for start in range(0, count, 52):
        span = min(52, count - start)
        wanted = 2 * span / 52
        breaks = int(wanted) + (rng.random() < wanted - int(wanted))
        chosen: list[int] = []
        for _ in range(50):
            if len(chosen) == breaks:
                break
            week = start + rng.randrange(span)
            if all(abs(week - other) >= 12 for other in chosen):
                chosen.append(week)
        for week in chosen:
            length = rng.choices((1, 2, 3), (4, 4, 2))[0]
            holiday = rng.random() < 0.5
            for j in range(week, min(week + length, count)):
                weeks[j].mode, weeks[j].factor, weeks[j].holiday = "break", 0.0, holiday
            if week + length < count:
                weeks[week + length].mode, weeks[week + length].factor = "comeback", 0.7
    return weeks


RUN_DAYS = {
    3: ((1, 3, 6), (1, 4, 6), (2, 4, 6)),
    4: ((1, 3, 5, 6), (0, 2, 4, 6), (1, 3, 4, 6)),
    5: ((0, 1, 3, 5, 6), (1, 2, 3, 5, 6), (0, 1, 3, 4, 6)),
}


def _run_end(rng: random.Random, day: date, flavour: str, zone: tzinfo) -> datetime:
    weekday = day.weekday()
    if weekday == 6:
        minute = rng.uniform(9 * 60, 11.5 * 60)
    elif weekday == 5:
        minute = rng.uniform(8.5 * 60, 10.5 * 60)
    elif flavour in ("tempo", "intervals") or rng.random() < 0.4:
        minute = rng.uniform(18 * 60, 20 * 60)
    else:
        minute = rng.uniform(6 * 60 + 40, 8 * 60 + 20)
    return _wall(day, minute, zone)


EFFORT = {"easy": (3, 4, 4, 5), "tempo": (7, 7, 8), "intervals": (8, 8, 9), "race": (9,)}


def _run(rng: random.Random, day: date, flavour: str, km: float, zone: tzinfo) -> Act:
    pace = {
        "easy": (5.75, 6.75),
        "long": (5.5, 6.5),
        "tempo": (4.75, 5.25),
        "intervals": (5.0, 5.5),  # average pace, recoveries included
        "race": (4.55, 5.0),
    }[flavour]
    minutes = km * rng.uniform(*pace)
    if flavour == "long":
        effort = min(8, 5 + round((km - 12) / 5) + rng.choice((0, 0, 1)))
    else:
        effort = rng.choice(EFFORT[flavour])
    return Act(
        "run",
        _run_end(rng, day, flavour, zone),
        round(minutes, 1),
        round(km, 2),
        effort,
        flavour,
        note="Race" if flavour == "race" else "",
    )


def _activities(rng: random.Random, first: date, last: date, zone: tzinfo) -> list[Act]:
    weeks = _weeks(rng, first, last)
    acts: list[Act] = []
    drift = 0.0
    for index, week in enumerate(weeks):
        drift = max(-6.0, min(6.0, drift + rng.gauss(0, 1)))
        years_in = index / 52.18
        season = 5 * math.sin(2 * math.pi * (week.monday.timetuple().tm_yday - 80) / 365.25)
        base_km = max(20.0, min(55.0, 28 + 3 * years_in + season + drift))
        acts += _week_runs(rng, week, base_km, weeks, index, zone)
        acts += _week_legs(rng, week, zone)
        acts += _week_other(rng, week, zone)
    return sorted((a for a in acts if first <= a.end.date() <= last), key=lambda a: (a.ts, a.kind))


def _week_runs(
    rng: random.Random, week: Week, base_km: float, weeks: list[Week], index: int, zone: tzinfo
) -> list[Act]:
    if week.mode == "break":
        return []
    if week.mode in ("rest", "comeback"):
        runs = 3
    elif week.mode == "build":
        runs = rng.choice((4, 5))
    else:
        runs = rng.choices((3, 4, 5), (2, 5, 2))[0]
    target = base_km * week.factor
    days = list(rng.choice(RUN_DAYS[runs]))
    block_ends = week.mode == "build" and index + 1 < len(weeks) and weeks[index + 1].mode == "rest"
    acts: list[Act] = []
    if block_ends and rng.random() < 0.35:
        long_km = rng.choice((10.0, 21.1, 21.1))
        acts.append(_run(rng, week.monday + timedelta(days=6), "race", long_km, zone))
    else:
        floor = 10.0 if week.mode in ("rest", "comeback") else 12.0
        long_km = max(floor, min(25.0, target * rng.uniform(0.33, 0.40)))
        acts.append(_run(rng, week.monday + timedelta(days=6), "long", long_km, zone))
    others = [d for d in days if d != 6]
    quality_km = 0.0
    if week.mode in ("base", "build") and rng.random() < 0.75:
        flavour = "tempo" if rng.random() < 0.55 else "intervals"
        quality_km = rng.uniform(7, 12) if flavour == "tempo" else rng.uniform(6, 10)
        quality_day = next((d for d in others if d in (1, 3)), others[0])
        others.remove(quality_day)
        acts.append(_run(rng, week.monday + timedelta(days=quality_day), flavour, quality_km, zone))
    if others:
        each = max(5.0, (target - long_km - quality_km) / len(others))
        for d in others:
            km = max(5.0, min(14.0, each * rng.uniform(0.8, 1.2)))
            acts.append(_run(rng, week.monday + timedelta(days=d), "easy", km, zone))
    return acts


def _week_legs(rng: random.Random, week: Week, zone: tzinfo) -> list[Act]:
    if week.mode == "break":
        return []
    acts: list[Act] = []
    wednesday_skipped = week.mode == "rest" and rng.random() < 0.5
    if not wednesday_skipped:
        day = week.monday + timedelta(days=rng.choices((2, 1, 3), (18, 1, 1))[0])
        novel = week.mode != "comeback" and rng.random() < 0.1  # a new programme
        acts.append(
            Act(
                "leg_day",
                _wall(day, rng.uniform(18.5 * 60, 20.5 * 60), zone),
                float(rng.randrange(45, 80, 5)),
                None,
                rng.choice((8, 9)) if novel else rng.choice((6, 7, 7, 8)),
                "new_legs" if novel else "legs",
                note="New programme" if novel else "",
                deadlift=rng.random() < 0.4,
            )
        )
    if week.mode in ("base", "build") and rng.random() < 0.45:
        day = week.monday + timedelta(days=5)
        acts.append(
            Act(
                "leg_day",
                _wall(day, rng.uniform(14 * 60, 16.5 * 60), zone),
                float(rng.randrange(40, 70, 5)),
                None,
                rng.choice((6, 7)),
                "legs",
                deadlift=rng.random() < 0.3,
            )
        )
    return acts


def _week_other(rng: random.Random, week: Week, zone: tzinfo) -> list[Act]:
    acts: list[Act] = []
    if not week.holiday:
        shifts = rng.choices((0, 1, 2), (35, 45, 20))[0]
        for offset in rng.sample(range(6), shifts):
            minutes = float(rng.randrange(480, 735, 15))
            end = _wall(week.monday + timedelta(days=offset), rng.uniform(16 * 60, 21.5 * 60), zone)
            acts.append(Act("long_standing", end, minutes, None, rng.choice((3, 4, 5)), "shift"))
    if week.mode == "break" and week.holiday:
        for offset in rng.sample(range(7), rng.choice((1, 2, 3))):
            end = _wall(week.monday + timedelta(days=offset), rng.uniform(15 * 60, 18 * 60), zone)
            minutes = float(rng.randrange(120, 330, 15))
            acts.append(Act("other", end, minutes, None, rng.choice((4, 5, 6)), "hike", "Hike"))
    elif rng.random() < 0.15:
        end = _wall(
            week.monday + timedelta(days=rng.choice((5, 6))), rng.uniform(11 * 60, 17 * 60), zone
        )
        minutes = float(rng.randrange(30, 95, 5))
        acts.append(Act("other", end, minutes, None, rng.choice((3, 4, 5, 6)), "cycle", "Cycling"))
    return acts


# ------------------------------------------------------------------------ soreness
@dataclass
class Episode:
    act: Act
    number: int
    cause: str
    soreness_type: str
    onset_h: float  # first felt
    peak_h: float  # worst
    resolve_h: float  # gone
    rise_from: float  # the share of the peak felt at onset
    top: int  # the worst region's movement score at the peak
    regions: list[tuple[str, int, int, str]] = field(default_factory=list)
    # region id, peak on movement, how much lower at rest, descriptors JSON

    @property
    def ts(self) -> float:
        return self.act.ts

    def share(self, hours: float) -> float:
        """How much of its peak the episode is felt ``hours`` after the activity ended."""
        if hours < self.onset_h or hours >= self.resolve_h:
            return 0.0
        if hours < self.peak_h:
            rising = (hours - self.onset_h) / (self.peak_h - self.onset_h)
            return self.rise_from + (1 - self.rise_from) * float(rising**0.8)
        return float(((self.resolve_h - hours) / (self.resolve_h - self.peak_h)) ** 1.5)


class Soreness:
    """Every episode, and how sore each region is at a moment (the worst episode wins)."""

    def __init__(self, episodes: list[Episode]) -> None:
        self.episodes = sorted(episodes, key=lambda e: e.ts)
        self._ts = [e.ts for e in self.episodes]

    def at(self, ts: float) -> dict[str, tuple[int, int, str, Episode]]:
        """Region id -> (on movement, at rest, descriptors, episode) for the sore regions."""
        low = bisect.bisect_left(self._ts, ts - LOOKBACK_S)
        high = bisect.bisect_right(self._ts, ts)
        found: dict[str, tuple[int, int, str, Episode]] = {}
        for episode in self.episodes[low:high]:
            share = episode.share((ts - episode.ts) / HOUR)
            if share <= 0:
                continue
            for rid, peak, gap, words in episode.regions:
                move = int(peak * share + 0.5)
                if move <= 0:
                    continue
                held = found.get(rid)
                if held is None or move > held[0] or (move == held[0] and episode.ts > held[3].ts):
                    found[rid] = (move, max(0, move - gap), words, episode)
        return found


def _words(rng: random.Random, options: Sequence[tuple[str, ...]], weights: Sequence[int]) -> str:
    return json.dumps(sorted(rng.choices(options, weights)[0]))


def _episodes(rng: random.Random, acts: list[Act], groups: dict[str, list[str]]) -> list[Episode]:
    episodes: list[Episode] = []
    last_same: dict[str, float] = {}  # flavour family -> when it was last done
    last_run = -math.inf
    recent_runs: list[Act] = []
    for act in acts:
        peak = 0.0
        load: dict[str, float] = {}
        family = act.flavour
        if act.kind == "run":
            assert act.km is not None
            family = {"race": "long", "intervals": "quality", "tempo": "quality"}.get(
                act.flavour, act.flavour
            )
            recent_runs = [r for r in recent_runs if act.ts - r.ts <= 28 * DAY_S]
            longest = max((r.km or 0.0 for r in recent_runs), default=0.0)
            base = {"easy": 2.0, "tempo": 3.6, "intervals": 4.2, "long": 3.2, "race": 4.2}
            peak = base[act.flavour] + 0.5 * (act.effort - 5) + 0.12 * max(0.0, act.km - 10)
            if longest and act.km > longest * 1.05:  # a new distance
                peak *= 1 + min(0.8, 1.5 * (act.km / longest - 1))
            if act.ts - last_run > 10 * DAY_S:  # back after a break
                peak *= 1.25
            load = RUN_LOAD[act.flavour]
            last_run = act.ts
            recent_runs.append(act)
        elif act.kind == "leg_day":
            family = "legs"
            peak = 4.0 + 0.6 * (act.effort - 6) + (2.5 if act.flavour == "new_legs" else 0.0)
            load = {**LEG_LOAD, **(DEADLIFT_LOAD if act.deadlift else {})}
        elif act.kind == "long_standing":
            peak = 2.0 + (act.minutes - 480) / 120 + rng.uniform(0, 1.5)
            load = STANDING_LOAD
        elif act.flavour == "hike" and act.minutes >= 150:
            peak = 2.5 + (act.minutes - 150) / 90
            load = HIKE_LOAD
        if not load:
            continue
        if act.kind != "long_standing":
            gap_days = (act.ts - last_same.get(family, -math.inf)) / DAY_S
            peak *= 1 - 0.35 * math.exp(-gap_days / 10)  # the repeated-bout effect
            last_same[family] = act.ts
        peak *= rng.uniform(0.85, 1.15)
        if peak < 1.5:
            continue
        episodes.append(_episode(rng, act, peak, load, groups, len(episodes)))
    return episodes


def _episode(
    rng: random.Random,
    act: Act,
    peak: float,
    load: dict[str, float],
    groups: dict[str, list[str]],
    number: int,
) -> Episode:
    standing = act.kind == "long_standing"
    mild = not standing and peak < 3
    if standing:
        top = max(1, min(5, round(peak)))
        timing = (rng.uniform(0, 1), rng.uniform(2, 8), rng.uniform(20, 40), 0.6)
        words: Sequence[tuple[str, ...]] = STANDING_WORDS
        weights: Sequence[int] = (3, 2, 1)
    elif mild:
        top = max(1, min(2, round(peak)))
        timing = (rng.uniform(6, 16), rng.uniform(20, 36), rng.uniform(48, 96), 0.5)
        words, weights = MILD_WORDS, (3, 1, 2)
        load = {group: w for group, w in load.items() if w >= 0.5}
    else:
        top = min(8, max(3, round(peak)))
        onset = rng.uniform(12, 24)
        timing = (
            onset,
            max(onset + 8, rng.triangular(24, 72, 40)),
            rng.uniform(5, 7) * 24,
            0.3,
        )
        words, weights = DOMS_WORDS, DOMS_WEIGHTS
    episode = Episode(
        act,
        number,
        CAUSE[act.kind],
        "standing_fatigue" if standing else "doms",
        *timing,
        top=top,
    )
    # Now and then one side is sorer (the right, more often); very rarely by 3 points.
    sorer: dict[str, tuple[str, int]] = {}
    paired = [g for g in load if len(groups[g]) == 2]
    if not mild and paired and rng.random() < 0.35:
        for group in rng.sample(paired, min(len(paired), rng.choice((1, 1, 2)))):
            side = "_R" if rng.random() < 0.65 else "_L"
            sorer[group] = (side, rng.choices((1, 2), (7, 3))[0])
    if not mild and paired and rng.random() < 0.025:
        sorer[rng.choice(paired)] = ("_R" if rng.random() < 0.5 else "_L", 3)
    for group, weight in load.items():
        group_peak = top if weight >= 1.0 else min(top, round(top * weight * rng.uniform(0.8, 1.1)))
        description = _words(rng, words, weights)
        for rid in groups[group]:
            value = group_peak
            if group in sorer and not rid.endswith(sorer[group][0]):
                value -= sorer[group][1]
            if value >= 1:
                gap = rng.choices((1, 2, 3), (4, 4, 2))[0]
                episode.regions.append((rid, value, gap, description))
    return episode


# ------------------------------------------------------------------------ tables
@dataclass
class Rows:
    activities: list[tuple[Any, ...]] = field(default_factory=list)
    checkins: list[tuple[Any, ...]] = field(default_factory=list)
    checkin_regions: list[tuple[Any, ...]] = field(default_factory=list)
    triage_answers: list[tuple[Any, ...]] = field(default_factory=list)
    daily_log: list[tuple[Any, ...]] = field(default_factory=list)
    water_log: list[tuple[Any, ...]] = field(default_factory=list)
    reminder_events: list[tuple[Any, ...]] = field(default_factory=list)
    routine_runs: list[tuple[Any, ...]] = field(default_factory=list)
    routine_run_steps: list[tuple[Any, ...]] = field(default_factory=list)
    routine_run_feel: list[tuple[Any, ...]] = field(default_factory=list)
    therapy_sessions: list[tuple[Any, ...]] = field(default_factory=list)


def _side(region_id: str) -> str:
    if region_id.endswith("_L"):
        return "left"
    if region_id.endswith("_R"):
        return "right"
    return "centre"


def _checkins(
    rng: random.Random,
    days: list[date],
    cut: float,
    soreness: Soreness,
    acts: list[Act],
    region_ids: Sequence[str],
    questions: Sequence[str],
    dense: bool,
    zone: tzinfo,
    rows: Rows,
) -> None:
    act_ts = [a.ts for a in acts]
    previous: dict[str, int] = {}  # region -> worst score at the last check-in
    last_episode: Episode | None = None
    asked: set[int] = set()
    morning_habit = 0.65
    for day in days:
        if day.day == 1:  # habits drift a little from month to month
            morning_habit = min(0.85, max(0.45, morning_habit + rng.uniform(-0.1, 0.1)))
        if rng.random() < morning_habit:
            at = _wall(day, rng.uniform(7 * 60, 9.5 * 60), zone)
        else:
            at = _wall(day, rng.uniform(19.5 * 60, 22.5 * 60), zone)
        ts = at.timestamp()
        if ts >= cut:
            continue
        sore = soreness.at(ts)
        recovered = [rid for rid, worst in previous.items() if worst > 0 and rid not in sore]
        if dense:
            reported = list(region_ids)
        else:
            if not sore and not recovered:
                continue
            if rng.random() > (0.9 if sore else 0.85):  # a forgotten day
                continue
            reported = [rid for rid in region_ids if rid in sore or rid in recovered]
        # The cause is the episode behind the worst score (the later one on a tie).
        worst = max(sore.values(), key=lambda v: (v[0], v[3].ts), default=None)
        episode = worst[3] if worst is not None else None
        if episode is None and last_episode is not None and recovered:
            episode = last_episode  # the day its last regions came down to 0
        if episode is not None:
            onset, cause, kind = episode.act.end, episode.cause, episode.soreness_type
        else:
            before = bisect.bisect_right(act_ts, ts) - 1
            if before >= 0:
                act = acts[before]
                onset, cause = act.end, CAUSE[act.kind]
                kind = "standing_fatigue" if act.kind == "long_standing" else "doms"
            else:
                onset, cause, kind = at, "unknown", "doms"
        checkin_id = len(rows.checkins) + 1
        stamp = at.isoformat()
        rows.checkins.append(
            (checkin_id, day.isoformat(), stamp, onset.isoformat(), cause, kind, "none", None, 0)
        )
        for rid in reported:
            move, rest, words, _ = sore.get(rid, (0, 0, "[]", None))
            rows.checkin_regions.append((checkin_id, rid, _side(rid), rest, move, words))
        previous = {rid: sore[rid][0] if rid in sore else 0 for rid in reported}
        if episode is not None and episode.number not in asked:
            asked.add(episode.number)  # a new region: the new-region questions, all "no"
            rows.triage_answers.extend((checkin_id, q, 0, stamp) for q in questions)
        last_episode = episode


def _morning_log(
    rng: random.Random,
    days: list[date],
    cut: float,
    soreness: Soreness,
    acts: list[Act],
    zone: tzinfo,
    rows: Rows,
) -> None:
    hard_ts = [a.ts for a in acts if a.effort >= 7 or a.kind == "long_standing"]
    for day in days:
        if rng.random() > 0.88:
            continue
        at = _wall(day, rng.uniform(6.75 * 60, 9.5 * 60), zone)
        ts = at.timestamp()
        if ts >= cut:
            continue
        weekend = day.weekday() >= 5
        sleep = rng.gauss(7.75 if weekend else 7.0, 0.7 if weekend else 0.6)
        sleep = round(max(5.0, min(9.0, sleep)) * 4) / 4
        worst = max((v[0] for v in soreness.at(ts).values()), default=0)
        index = bisect.bisect_right(hard_ts, ts)
        hard = index > 0 and ts - hard_ts[index - 1] < 30 * HOUR
        prs = 7.8 - 0.55 * worst - (1.2 if hard else 0) + 0.7 * (sleep - 7.2) + rng.gauss(0, 0.7)
        prs_value: int | None = max(0, min(10, round(prs)))
        sleep_value: float | None = sleep
        roll = rng.random()
        if roll < 0.05:
            prs_value = None
        elif roll < 0.09:
            sleep_value = None
        rows.daily_log.append((day.isoformat(), sleep_value, prs_value, at.isoformat()))


def _water_and_reminders(
    rng: random.Random, days: list[date], cut: float, rule_id: int, zone: tzinfo, rows: Rows
) -> float:
    """Water drunk and hydration prompts; returns when the rule last fired (0 if never)."""
    reminders_on = False
    switch = days[0] if days else date.min
    last_fired = 0.0
    drinks: list[tuple[float, str, int, str]] = []
    answers = ("done", "skipped", "snoozed_done", "snoozed", "backed_off", "unanswered")
    answer_weights = (55, 13, 12, 4, 6, 10)
    for day in days:
        if day >= switch:  # reminders on for some weeks, off for others
            reminders_on = not reminders_on
            weeks = rng.randint(2, 8) if reminders_on else rng.randint(2, 10)
            switch = day + timedelta(weeks=weeks)
        done_today = 0
        for wall in day_times(HYDRATION, day, WAKING) if reminders_on else ():
            due = datetime.combine(day, wall, tzinfo=zone)
            if due.timestamp() >= cut:
                break
            last_fired = due.timestamp()
            answer = rng.choices(answers, answer_weights)[0]
            shown: datetime | None = _plus(due, rng.uniform(0, 3))
            answered: datetime | None = None
            snoozes = 0
            if answer == "backed_off":  # a drink had just been logged: not shown
                shown = None
            elif answer != "unanswered":
                assert shown is not None
                snoozes = 1 if answer.startswith("snoozed") else 0
                answered = _plus(shown, rng.uniform(5, 600) + 600 * snoozes)
                answer = answer.removeprefix("snoozed_")
                if answered.timestamp() >= cut:
                    answered = None
            rows.reminder_events.append(
                (
                    rule_id,
                    HYDRATION.kind.value,
                    HYDRATION.title,
                    _utc(due),
                    0,
                    _utc(shown) if shown else None,
                    answer if answered or answer == "backed_off" else None,
                    answered.isoformat() if answered else None,
                    None,  # snoozed_until: cleared once the prompt came back
                    snoozes,
                )
            )
            if answered and answer == "done":
                done_today += 1
                drinks.append((answered.timestamp(), _utc(answered), 250, "reminder"))
        if rng.random() > 0.9 and not done_today:
            continue  # an unlogged day
        for _ in range(max(0, rng.randint(5, 12) - done_today)):
            at = _wall(day, rng.uniform(7 * 60, 22 * 60), zone)
            if at.timestamp() < cut:
                source = rng.choices(("tray", "app"), (65, 35))[0]
                drinks.append((at.timestamp(), _utc(at), rng.choice(DRINK_ML), source))
    drinks.sort()
    rows.water_log.extend((at, ml, source) for _, at, ml, source in drinks)
    return last_fired


@dataclass(frozen=True)
class RoutineShape:
    routine: str
    name: str
    steps: tuple[RoutineStep, ...]
    step_s: tuple[int, ...]  # each step's share of the player's time (lead-ins, rests)


def _shape(routine: str, name: str, steps: Sequence[RoutineStep]) -> RoutineShape:
    step_s = [0] * len(steps)
    for segment in build_segments(tuple(steps)):
        step_s[segment.step] += segment.seconds
    return RoutineShape(routine, name, tuple(steps), tuple(step_s))


class Routines:
    """The built-in routines and "today" routines built for the sore regions."""

    def __init__(self) -> None:
        library = load_exercises()
        self.builtin = {r.id: _shape(r.id, r.name, r.steps) for r in load_routines()}
        self.serving: dict[str, list[Any]] = {}
        for exercise in library:
            for group in exercise.regions:
                self.serving.setdefault(group, []).append(exercise)
        self._today: dict[tuple[str, ...], RoutineShape] = {}

    def today(self, rng: random.Random, groups: Sequence[str], max_steps: int) -> RoutineShape:
        picked: list[Any] = []
        steps: list[RoutineStep] = []
        pool = list(groups) or ["calves", "hamstrings", "hip_flexors", "quads", "lower_back"]
        target = rng.randint(4, max_steps)
        for _ in range(40):
            if len(steps) >= target:
                break
            exercise = rng.choice(self.serving[rng.choice(pool)])
            if exercise in picked:
                continue
            more = routine_steps(exercise, exercise.dose.seconds, exercise.dose.reps)
            if len(steps) + len(more) > 12:
                continue
            picked.append(exercise)
            steps += more
        key = tuple(e.id for e in picked)
        if key not in self._today:
            self._today[key] = _shape("today", TODAY_NAME, steps)
        return self._today[key]


def _store_run(rng: random.Random, shape: RoutineShape, start: datetime, rows: Rows) -> float:
    """One routine as it went; returns when it ended (a timestamp)."""
    run_id = len(rows.routine_runs) + 1
    stop_at = rng.randrange(1, len(shape.steps)) if rng.random() < 0.08 else None
    seconds = 0.0
    for position, (step, share) in enumerate(zip(shape.steps, shape.step_s, strict=True)):
        planned = step.seconds * (1 if step.exercise.timed_reps else step.reps)
        if stop_at is not None and position > stop_at:
            worked, outcome = 0.0, "stopped"
        elif stop_at is not None and position == stop_at:
            worked, outcome = round(planned * rng.uniform(0, 0.8), 3), "stopped"
            seconds += share - planned + worked
        elif rng.random() < 0.05:
            worked, outcome = round(planned * rng.uniform(0, 0.5), 3), "skipped"
            seconds += share - planned + worked
        else:
            worked, outcome = float(planned), "completed"
            seconds += share
        rows.routine_run_steps.append(
            (
                run_id,
                position,
                step.exercise.id,
                step.region_id,
                step.side,
                planned,
                worked,
                outcome,
            )
        )
    if rng.random() < 0.1:  # paused for a moment
        seconds += rng.uniform(20, 240)
    _store_feel(run_id, shape, rows)
    end = _plus(start, seconds)
    rows.routine_runs.append(
        (
            run_id,
            shape.routine,
            shape.name,
            start.isoformat(),
            end.isoformat(),
            "stopped" if stop_at is not None else "completed",
        )
    )
    return end.timestamp()


def _store_feel(run_id: int, shape: RoutineShape, rows: Rows) -> None:
    """Most runs answer "How does it feel now?" for the regions they worked (up to four).

    Its own generator, seeded by the run, so the rest of the history is as before.
    """
    rng = random.Random(run_id)
    if rng.random() >= 0.7:
        return
    worked = dict.fromkeys((step.region_id, step.side) for step in shape.steps)
    for region_id, side in list(worked)[:4]:
        before = rng.randint(1, 7) if rng.random() < 0.8 else None
        after = max(0, (before if before is not None else 4) - rng.choice((0, 1, 1, 2)))
        rows.routine_run_feel.append((run_id, region_id, side, before, after))


EVENING_ROUTINE = {
    "calves": "calves_and_shins",
    "shin": "calves_and_shins",
    "glutes": "hips_and_glutes",
    "hip_flexors": "hips_and_glutes",
    "foot_plantar": "plantar_and_achilles",
    "ankle_achilles": "plantar_and_achilles",
    "quads": "full_leg_foam_roll",
    "hamstrings": "full_leg_foam_roll",
    "adductors": "leg_day_recovery",
}


def _routine_runs(
    rng: random.Random,
    days: list[date],
    cut: float,
    soreness: Soreness,
    acts: list[Act],
    zone: tzinfo,
    rows: Rows,
) -> None:
    routines = Routines()
    planned: list[tuple[datetime, RoutineShape]] = []

    def sore_groups(at: datetime) -> list[str]:
        sore = soreness.at(at.timestamp())
        ranked = sorted(sore.items(), key=lambda item: -item[1][0])
        return list(dict.fromkeys(rid.removesuffix("_L").removesuffix("_R") for rid, _ in ranked))

    for act in acts:  # after the activity (leg days: the next day)
        if act.kind == "run" and rng.random() < 0.75:
            start = _plus(act.end, rng.uniform(5, 20) * 60)
            planned.append((start, routines.builtin["post_run_cooldown"]))
        elif act.kind == "leg_day" and rng.random() < 0.6:
            next_day = act.end.date() + timedelta(days=1)
            start = _wall(next_day, rng.uniform(18 * 60, 21 * 60), zone)
            planned.append((start, routines.builtin["leg_day_recovery"]))
        elif act.kind == "long_standing" and rng.random() < 0.7:
            start = _plus(act.end, rng.uniform(15, 60) * 60)
            planned.append((start, routines.builtin["long_standing_relief"]))
    for day in days:
        slots: list[tuple[float, int]] = []  # (minute of the day, most steps)
        if rng.random() < 0.85:
            slots.append((rng.uniform(7 * 60, 9 * 60), 12))
        if day.weekday() < 5:  # short breaks from the desk
            slots += [
                (rng.uniform(h * 60, h * 60 + 45), 6)
                for h in (10, 12, 14, 16)
                if rng.random() < 0.7
            ]
        elif rng.random() < 0.5:
            slots.append((rng.uniform(12 * 60, 15 * 60), 8))
        for minute, most in slots:
            start = _wall(day, minute, zone)
            planned.append((start, routines.today(rng, sore_groups(start)[:4], most)))
        if rng.random() < 0.55:
            start = _wall(day, rng.uniform(20 * 60, 21.75 * 60), zone)
            groups = sore_groups(start)
            choice = EVENING_ROUTINE.get(groups[0], "full_leg_foam_roll") if groups else None
            if choice is None:
                choice = rng.choice(("active_recovery_yoga", "full_leg_foam_roll"))
            planned.append((start, routines.builtin[choice]))
    planned.sort(key=lambda item: item[0].timestamp())
    busy_until = 0.0
    for start, shape in planned:
        ts = start.timestamp()
        if ts >= cut or ts < busy_until:  # never two at once
            continue
        ended = _store_run(rng, shape, start, rows)
        if ended >= cut:  # still going at the end: leave it out
            rows.routine_runs.pop()
            run_id = len(rows.routine_runs) + 1
            while rows.routine_run_steps and rows.routine_run_steps[-1][0] == run_id:
                rows.routine_run_steps.pop()
            while rows.routine_run_feel and rows.routine_run_feel[-1][0] == run_id:
                rows.routine_run_feel.pop()
            continue
        busy_until = ended


class Therapies:
    def __init__(self) -> None:
        self._bounds = load_protocols()
        self._plans: dict[str, TimerPlan] = {}

    def plan(self, kind: str, **options: object) -> TimerPlan:
        key = json.dumps([kind, options], sort_keys=True)
        if key not in self._plans:
            self._plans[key] = build_plan(kind, dict(options), self._bounds)
        return self._plans[key]


def _therapy(
    rng: random.Random, episodes: list[Episode], cut: float, zone: tzinfo, rows: Rows
) -> None:
    therapies = Therapies()
    sessions: list[tuple[float, datetime, TimerPlan]] = []
    for episode in episodes:
        act = episode.act
        if episode.top < 3 and act.kind != "long_standing":
            continue
        worst = max(episode.regions, key=lambda r: r[1])[0]
        group = worst.removesuffix("_L").removesuffix("_R")
        if act.kind == "long_standing":
            if rng.random() < 0.25:
                start = _plus(act.end, rng.uniform(1, 3) * HOUR)
                minutes = rng.choice((15, 20))
                sessions.append(
                    (start.timestamp(), start, therapies.plan("warm-bath", minutes=minutes))
                )
            continue
        if rng.random() < 0.55:  # the same day: cold
            start = _plus(act.end, rng.uniform(0.5, 2.5) * HOUR)
            if act.flavour in ("long", "race") and rng.random() < 0.45:
                plan = therapies.plan(
                    "cold-bath", minutes=rng.choice((10, 12, 15)), temp_c=rng.choice((12, 13, 14))
                )
            elif rng.random() < 0.2:
                plan = therapies.plan("ice", intermittent=True, region=group)
            else:
                minutes = 10 if group in OUTER_KNEE_GROUPS else rng.choice((10, 12, 15, 15, 20))
                plan = therapies.plan("ice", minutes=minutes, region=group)
            sessions.append((start.timestamp(), start, plan))
        if rng.random() < 0.45:  # a day or two later, at the worst of it: warmth
            later_day = act.end.date() + timedelta(days=rng.choice((1, 2, 2, 3)))
            start = _wall(later_day, rng.uniform(19 * 60, 21.5 * 60), zone)
            kind = rng.choices(("contrast", "warm-bath", "heat"), (35, 30, 35))[0]
            if kind == "contrast":
                plan = therapies.plan("contrast", preset=rng.choice(("3-1x3", "4-1x4", "3-2x3")))
            elif kind == "warm-bath":
                plan = therapies.plan(
                    "warm-bath", minutes=rng.choice((15, 20)), temp_c=rng.choice((37, 37.5, 38))
                )
            else:
                plan = therapies.plan("heat", minutes=rng.choice((15, 20)))
            sessions.append((start.timestamp(), start, plan))
    sessions.sort(key=lambda item: item[0])
    busy_until = 0.0
    for ts, start, plan in sessions:
        if ts < busy_until:
            continue
        stop_at = rng.randrange(len(plan.phases)) if rng.random() < 0.08 else None
        phases = []
        seconds = 0.0
        for index, phase in enumerate(plan.phases):
            if stop_at is None or index < stop_at:
                worked = float(phase.seconds)
            elif index == stop_at:
                worked = round(phase.seconds * rng.uniform(0.1, 0.9), 3)
            else:
                worked = 0.0
            seconds += worked
            phases.append(
                {
                    "phase": phase.name,
                    "temp": phase.temp.value,
                    "planned_s": phase.seconds,
                    "worked_s": worked,
                }
            )
        end = _plus(start, seconds)
        if end.timestamp() >= cut:
            continue
        busy_until = end.timestamp()
        rows.therapy_sessions.append(
            (
                plan.kind.value,
                _utc(start),
                _utc(end),
                "completed" if stop_at is None else "stopped",
                json.dumps(plan.settings, sort_keys=True),
                json.dumps(phases),
            )
        )


# ------------------------------------------------------------------------ writing
def _insert(db: Database, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    with db.transaction() as conn:
        conn.executemany(sql, rows)


def generate(
    path: Path,
    *,
    years: float = 5,
    seed: int = 1,
    end: datetime | None = None,
    zone: tzinfo = DEFAULT_ZONE,
    dense: bool = False,
) -> dict[str, int]:
    """Write ``years`` of history ending at ``end`` (default: now) into a new database.

    Returns the number of rows in each table. Refuses a file that already has data.
    """
    if path.exists() and path.stat().st_size > 0:
        raise FileExistsError(f"{path} already exists; history is only written to a new file")
    if end is None:
        end = datetime.now(zone).replace(microsecond=0)
    if end.tzinfo is None:
        raise ValueError("end must be timezone-aware")
    end = end.astimezone(zone)
    cut = end.timestamp()
    last = end.date()
    first = last - timedelta(days=max(1, round(years * 365.25)) - 1)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]

    catalog = load_regions()
    groups: dict[str, list[str]] = {}
    for region in catalog:
        groups.setdefault(region.group, []).append(region.id)
    questions = load_triage().moments[Moment.NEW_REGION]

    def stream(name: str) -> random.Random:  # one stream per table: tuning one keeps the rest
        return random.Random(f"{seed}:{name}")

    acts = [a for a in _activities(stream("activities"), first, last, zone) if a.ts < cut]
    episodes = _episodes(stream("episodes"), acts, groups)
    soreness = Soreness(episodes)
    rows = Rows()
    rows.activities = [
        (a.kind, _utc(a.end), a.minutes, a.km, a.effort, a.note, "app") for a in acts
    ]
    _checkins(
        stream("checkins"),
        days,
        cut,
        soreness,
        acts,
        catalog.ids,
        questions,
        dense,
        zone,
        rows,
    )
    _morning_log(stream("morning"), days, cut, soreness, acts, zone, rows)
    _routine_runs(stream("routines"), days, cut, soreness, acts, zone, rows)
    _therapy(stream("therapy"), episodes, cut, zone, rows)

    created = _wall(first, 7 * 60, zone)
    db = open_database(path, end).database
    try:
        rule = ReminderRepository(db).save(HYDRATION, created)
        assert rule.id is not None
        last_fired = _water_and_reminders(stream("water"), days, cut, rule.id, zone, rows)
        settings = SettingsRepository(db)
        settings.set("reminders.waking_hours", WAKING.to_dict(), created)
        settings.set("conditions.asked", True, created)
        settings.set("notice.tray_hint_shown", True, created)
        if last_fired:
            with db.transaction() as conn:
                conn.execute(
                    "UPDATE reminder_rules SET last_fired_at = ? WHERE id = ?",
                    (datetime.fromtimestamp(last_fired, UTC).isoformat(), rule.id),
                )
        _insert(
            db,
            "INSERT INTO activities (kind, ended_at, minutes, km, effort, note, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows.activities,
        )
        with db.transaction() as conn:
            conn.executemany(
                "INSERT INTO checkins (id, day, at, onset, cause, soreness_type, swelling, "
                "swollen_side, area_warm_or_red) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.checkins,
            )
            conn.executemany(
                "INSERT INTO checkin_regions (checkin_id, region_id, side, at_rest, on_movement, "
                "descriptors) VALUES (?, ?, ?, ?, ?, ?)",
                rows.checkin_regions,
            )
            conn.executemany(
                "INSERT INTO triage_answers (checkin_id, question_id, answer, answered_at) "
                "VALUES (?, ?, ?, ?)",
                rows.triage_answers,
            )
            conn.executemany(
                "INSERT INTO daily_log (day, sleep_hours, prs, updated_at) VALUES (?, ?, ?, ?)",
                rows.daily_log,
            )
        with db.transaction() as conn:
            conn.executemany(
                "INSERT INTO reminder_events (rule_id, kind, title, due_at, missed, shown_at, "
                "answer, answered_at, snoozed_until, snoozes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.reminder_events,
            )
            conn.executemany(
                "INSERT INTO water_log (at, ml, source) VALUES (?, ?, ?)", rows.water_log
            )
        with db.transaction() as conn:
            conn.executemany(
                "INSERT INTO routine_runs (id, routine, name, started_at, ended_at, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows.routine_runs,
            )
            conn.executemany(
                "INSERT INTO routine_run_steps (run_id, position, exercise, region, side, "
                "planned_s, worked_s, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows.routine_run_steps,
            )
            conn.executemany(
                "INSERT INTO routine_run_feel (run_id, region_id, side, before, after) "
                "VALUES (?, ?, ?, ?, ?)",
                rows.routine_run_feel,
            )
            conn.executemany(
                "INSERT INTO therapy_sessions (therapy, started_at, ended_at, outcome, settings, "
                "phases) VALUES (?, ?, ?, ?, ?, ?)",
                rows.therapy_sessions,
            )
        db.conn.execute("ANALYZE")
        return {
            table: int(db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in TABLES
        }
    finally:
        db.close()


# ------------------------------------------------------------------------ command line
def _parse_end(text: str, zone: tzinfo) -> datetime:
    moment = datetime.fromisoformat(text)
    if len(text) <= len("2025-06-30"):  # a date: the end of that day
        moment = datetime.combine(moment.date(), time(23, 59, 59))
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write years of realistic history into a new Recovery Companion database."
    )
    parser.add_argument("out", type=Path, help="the database file to create")
    parser.add_argument("--years", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--dense", action="store_true", help="a check-in every day rating every region"
    )
    parser.add_argument("--end", help="when the history ends (ISO date or time; default: now)")
    parser.add_argument("--zone", help="IANA time zone (default: this machine's)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)

    if args.zone:
        zone: tzinfo = ZoneInfo(args.zone)
    else:
        from companion.localzone import local_zone  # noqa: PLC0415

        zone = local_zone() or DEFAULT_ZONE
    end = _parse_end(args.end, zone) if args.end else None
    out: Path = args.out
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            out.with_name(out.name + suffix).unlink(missing_ok=True)
    started = timer.perf_counter()
    try:
        counts = generate(
            out, years=args.years, seed=args.seed, end=end, zone=zone, dense=args.dense
        )
    except FileExistsError as exc:
        print(f"{exc} (use --force to replace it)", file=sys.stderr)
        return 2
    took = timer.perf_counter() - started
    for table, count in counts.items():
        print(f"{table:18} {count:>8}")
    print(f"{'total':18} {sum(counts.values()):>8}")
    size = out.stat().st_size / 1e6
    kind = " (dense)" if args.dense else ""
    print(f"{args.years:g} years{kind} -> {out} ({size:.1f} MB) in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
