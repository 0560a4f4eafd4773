"""The activity log: runs, leg days and long shifts, plus sleep and morning recovery.

An activity's end is the onset that check-ins count hours from, and what an
episode of soreness is compared by. The training-load nudge (PROTOCOLS 1.1,
training-load row) is a note, never a block: a run more than 10 % longer than
the longest of the past 30 days, or a week's distance more than 30 % above the
week before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from companion.domain.checkin import Cause
from companion.domain.clock import utc
from companion.domain.translatable import QT_TRANSLATE_NOOP

LONGEST_RUN_DAYS = 30
LONGER_RUN_RATIO = 0.10  # more than 10 % longer than the longest recent run
WEEKLY_JUMP_RATIO = 0.30  # more than 30 % more distance than the week before
SLEEP_NOTE_HOURS = 7.0
MAX_KM = 400.0
MAX_MINUTES = 24 * 60
MAX_SLEEP_HOURS = 24.0
MIN_HR = 25  # beats a minute: below or above these a watch misread
MAX_HR = 250
MAX_ELEVATION_GAIN_M = 10_000.0
MAX_RUN_KMH = 30  # faster than anyone runs; other sports (a ride) may go faster


class ActivityKind(StrEnum):
    RUN = "run"
    LEG_DAY = "leg_day"
    LONG_STANDING = "long_standing"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "run": QT_TRANSLATE_NOOP("ActivityKind", "Run"),
            "leg_day": QT_TRANSLATE_NOOP("ActivityKind", "Leg day"),
            "long_standing": QT_TRANSLATE_NOOP("ActivityKind", "Long time on my feet"),
            "other": QT_TRANSLATE_NOOP("ActivityKind", "Other exercise"),
        }[self.value]


@dataclass(frozen=True)
class Activity:
    kind: ActivityKind
    ended_at: datetime
    minutes: float | None = None
    km: float | None = None
    effort: int | None = None  # 1 (very easy) to 10 (all-out)
    note: str = ""
    # From a watch's file (companion/activity_files); a logged activity leaves them empty.
    sport: str = ""  # the file's own sport, e.g. "trail running", "cycling"
    avg_hr: int | None = None  # beats a minute over the activity
    max_hr: int | None = None
    elevation_gain_m: float | None = None  # total ascent
    source_file: str = ""  # the file's name, inside its archive if it came in one
    content_hash: str = ""  # sha256 of the file's bytes: the same file is imported once

    def __post_init__(self) -> None:
        if self.ended_at.tzinfo is None:
            raise ValueError("an activity's time must be timezone-aware")
        check_activity_values(
            self.kind,
            self.minutes,
            self.km,
            self.effort,
            avg_hr=self.avg_hr,
            max_hr=self.max_hr,
            elevation_gain_m=self.elevation_gain_m,
        )

    @property
    def started_at(self) -> datetime:
        return self.ended_at - timedelta(minutes=self.minutes or 0)

    def describe(self) -> str:
        """ "12 km run, 70 min, effort 6/10" in words."""
        parts: list[str] = []
        if self.kind is ActivityKind.RUN and self.km:
            parts.append(f"{format_km(self.km)} km run")
        elif self.kind is ActivityKind.OTHER and self.sport:
            parts.append(self.sport.capitalize())
            if self.km:
                parts.append(f"{format_km(self.km)} km")
        else:
            parts.append(self.kind.label)
        if self.minutes:
            parts.append(f"{self.minutes:.0f} min")
        if self.effort:
            parts.append(f"effort {self.effort}/10")
        return ", ".join(parts)


def cause_of(kind: ActivityKind) -> Cause:
    """The check-in's "what set it off" for an activity."""
    return {
        ActivityKind.RUN: Cause.RUN,
        ActivityKind.LEG_DAY: Cause.LEG_DAY,
        ActivityKind.LONG_STANDING: Cause.LONG_STANDING,
        ActivityKind.OTHER: Cause.UNKNOWN,
    }[kind]


def format_km(km: float) -> str:
    return f"{km:.1f}".rstrip("0").rstrip(".")


def _finite(value: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{what} must be a number, got {value!r}")
    return float(value)


def check_activity_values(
    kind: ActivityKind,
    minutes: float | None,
    km: float | None,
    effort: int | None,
    *,
    avg_hr: int | None = None,
    max_hr: int | None = None,
    elevation_gain_m: float | None = None,
) -> None:
    """Refuse values no activity has, saying which and why."""
    if minutes is not None and not 0 < _finite(minutes, "Minutes") <= MAX_MINUTES:
        raise ValueError(f"Minutes must be more than 0 and at most {MAX_MINUTES}, got {minutes}.")
    if km is not None:
        if not 0 < _finite(km, "Distance") <= MAX_KM:
            raise ValueError(f"Distance must be more than 0 and at most {MAX_KM:g} km, got {km}.")
        if kind is not ActivityKind.RUN and kind is not ActivityKind.OTHER:
            raise ValueError(f"A distance is logged for runs, not for '{kind.label.lower()}'.")
    if effort is not None and (
        isinstance(effort, bool) or not isinstance(effort, int) or not 1 <= effort <= 10
    ):
        raise ValueError(f"Effort must be a whole number from 1 to 10, got {effort!r}.")
    if (
        kind is ActivityKind.RUN
        and km is not None
        and minutes is not None
        and km / (minutes / 60) > MAX_RUN_KMH
    ):
        raise ValueError(
            f"{format_km(km)} km in {minutes:g} min is faster than anyone runs; "
            "check the distance and the minutes."
        )
    for value, what in ((avg_hr, "Average heart rate"), (max_hr, "Highest heart rate")):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not MIN_HR <= value <= MAX_HR
        ):
            raise ValueError(
                f"{what} must be a whole number from {MIN_HR} to {MAX_HR} beats a minute, "
                f"got {value!r}."
            )
    if avg_hr is not None and max_hr is not None and avg_hr > max_hr:
        raise ValueError(f"The average heart rate ({avg_hr}) is above the highest ({max_hr}).")
    if elevation_gain_m is not None and not (
        0 <= _finite(elevation_gain_m, "Elevation gain") <= MAX_ELEVATION_GAIN_M
    ):
        raise ValueError(
            f"Elevation gain must be from 0 to {MAX_ELEVATION_GAIN_M:g} m, got {elevation_gain_m}."
        )


class NudgeKind(StrEnum):
    SPIKE = "spike"  # one run more than 10 % longer than the longest of the past 30 days
    WEEKLY_JUMP = "weekly_jump"  # 7 days' distance more than 30 % above the 7 days before


@dataclass(frozen=True)
class Nudge:
    """A gentle training-load note: what was seen and what to consider.

    ``percent``, ``compared_km`` and ``total_km`` are what ``text`` says, for words
    of another moment (readiness the morning after names the run instead of "this
    run"): a spike's run and the longest of 30 days, or the last 7 days with the run
    and the 7 days before.
    """

    kind: NudgeKind
    text: str
    percent: int = 0
    compared_km: float = 0.0  # the longest run of the 30 days, or the 7 days before
    total_km: float = 0.0  # the run itself, or the last 7 days with it

    @property
    def short(self) -> str:
        """What was seen in a few words, for a notification's sentence."""
        if self.kind is NudgeKind.SPIKE:
            return f"{self.percent} % longer than your longest in {LONGEST_RUN_DAYS} days"
        return f"{self.percent} % more in 7 days than the 7 before"


def training_load_nudges(
    run_km: float, at: datetime, history: Iterable[Activity]
) -> tuple[Nudge, ...]:
    """Notes for a run of ``run_km`` ending at ``at`` (planned or just logged).

    ``history`` is the activity log; the run itself, if it is already in it, is
    left out of the comparison by its time.
    """
    runs = [
        a for a in history if a.kind is ActivityKind.RUN and a.km and utc(a.ended_at) != utc(at)
    ]
    nudges: list[Nudge] = []
    month = [
        a.km or 0.0
        for a in runs
        if timedelta(0) < utc(at) - utc(a.ended_at) <= timedelta(days=LONGEST_RUN_DAYS)
    ]
    if month:
        longest = max(month)
        if run_km > longest * (1 + LONGER_RUN_RATIO):
            more = round((run_km / longest - 1) * 100)
            nudges.append(
                Nudge(
                    NudgeKind.SPIKE,
                    f"This run is about {more} % longer than your longest in the past "
                    f"{LONGEST_RUN_DAYS} days ({format_km(longest)} km). Building up by about "
                    "10 % at a time gives your legs time to adapt; an easy pace and a "
                    "lighter day after it help.",
                    percent=more,
                    compared_km=longest,
                    total_km=run_km,
                )
            )
    week_end = utc(at)
    this_week = run_km + sum(
        a.km or 0.0 for a in runs if timedelta(0) < week_end - utc(a.ended_at) < timedelta(days=7)
    )
    last_week = sum(
        a.km or 0.0
        for a in runs
        if timedelta(days=7) <= week_end - utc(a.ended_at) < timedelta(days=14)
    )
    if last_week > 0 and this_week > last_week * (1 + WEEKLY_JUMP_RATIO):
        more = round((this_week / last_week - 1) * 100)
        nudges.append(
            Nudge(
                NudgeKind.WEEKLY_JUMP,
                f"With this run your last 7 days come to {format_km(this_week)} km, about "
                f"{more} % more than the 7 days before ({format_km(last_week)} km). Jumps "
                "above about 30 % in a week are when legs most often complain; consider "
                "keeping the rest of the week easy.",
                percent=more,
                compared_km=last_week,
                total_km=this_week,
            )
        )
    return tuple(nudges)


@dataclass(frozen=True)
class MorningLog:
    """Sleep and Perceived Recovery Status (PROTOCOLS 5.1) for one morning."""

    day: date
    sleep_hours: float | None = None
    prs: int | None = None  # 0 very poorly recovered ... 10 very well recovered

    def __post_init__(self) -> None:
        if self.sleep_hours is not None and not (
            0 <= _finite(self.sleep_hours, "Sleep") <= MAX_SLEEP_HOURS
        ):
            raise ValueError(f"Sleep must be from 0 to 24 hours, got {self.sleep_hours}.")
        if self.prs is not None and (
            isinstance(self.prs, bool) or not isinstance(self.prs, int) or not 0 <= self.prs <= 10
        ):
            raise ValueError(
                f"How recovered you feel is a whole number from 0 to 10, got {self.prs!r}."
            )
        if self.sleep_hours is None and self.prs is None:
            raise ValueError("Log your sleep, how recovered you feel, or both.")

    def sleep_note(self) -> str:
        """The 7-hour note, or ''."""
        if self.sleep_hours is None or self.sleep_hours >= SLEEP_NOTE_HOURS:
            return ""
        return (
            f"{self.sleep_hours:g} hours is under the 7 or more that help muscles recover. "
            "An earlier night or a short nap can make up some of it."
        )


def onset_for(now: datetime, activities: Iterable[Activity], within: timedelta) -> Activity | None:
    """The most recent activity that ended within ``within`` before ``now``."""
    recent = [a for a in activities if timedelta(0) <= utc(now) - utc(a.ended_at) <= within]
    return max(recent, key=lambda a: utc(a.ended_at), default=None)


_STORED_DEFAULTS: dict[str, object] = {}  # each field's default, but kind's and ended_at's
_STORED_FACTORIES: dict[str, Callable[[], object]] = {}  # a field's default_factory
_STORED_REQUIRED: set[str] = set()  # fields without a default


def stored_activity(kind: ActivityKind, ended_at: datetime, **values: object) -> Activity:
    """An activity read back from our own database, built without checking it again.

    Only storage may use this, for rows it wrote itself: every activity was checked
    (``Activity(...)``) before it was saved, and the table's CHECKs hold the same
    bounds, so checking 1,600 of them again each time History shows five years is
    wasted (this takes a fifth of the time). Anything from outside (an import, the
    command line, another instance) is built with ``Activity(...)``, which checks.
    ``values`` are the other fields by name; a field not given takes its default; a
    name that is no field is refused.
    """
    if not _STORED_DEFAULTS:
        from dataclasses import MISSING, fields  # noqa: PLC0415

        for f in fields(Activity):
            if f.name not in ("kind", "ended_at"):
                _STORED_DEFAULTS[f.name] = None if f.default is MISSING else f.default
                if f.default_factory is not MISSING:
                    _STORED_FACTORIES[f.name] = f.default_factory
                elif f.default is MISSING:
                    _STORED_REQUIRED.add(f.name)
    if not _STORED_REQUIRED <= values.keys() <= _STORED_DEFAULTS.keys():
        unknown = values.keys() - _STORED_DEFAULTS.keys()
        missing = _STORED_REQUIRED - values.keys()
        raise TypeError(f"activity fields: unknown {sorted(unknown)}, missing {sorted(missing)}")
    activity = object.__new__(Activity)
    state = activity.__dict__  # frozen: its fields are set here, once, as __init__ would
    state.update(_STORED_DEFAULTS)
    for name, factory in _STORED_FACTORIES.items():
        state[name] = factory()
    state.update(values)
    state["kind"] = kind
    state["ended_at"] = ended_at
    return activity
