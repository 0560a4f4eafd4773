"""The history of soreness: series, smoothing, the typical course, episodes and adherence.

PROTOCOLS 5.2 and 5.3. Plain data in, plain data out: the History screen draws
what these functions return, and the words beside the charts come from here.
Nothing here claims that anything logged caused a change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from itertools import pairwise

from companion.domain.activity import Activity, MorningLog
from companion.domain.checkin import SAME_ONSET, Cause, DayScores
from companion.domain.clock import elapsed, utc
from companion.domain.feel import FeelScore
from companion.domain.translatable import QT_TRANSLATE_NOOP

NOTICEABLE_POINTS, NOTICEABLE_SHARE = 1, 0.15  # PROTOCOLS 5.1: the smallest change people notice
CLEAR_POINTS, CLEAR_SHARE = 2, 0.30  # ... and "much better"
RECOVERED_AT = 1  # movement score at or below which a region counts as recovered (5.3.5)
LEFT_RIGHT_GAP = 3  # a one-sided difference worth pointing out (5.3.2)

# The typical course after unaccustomed exercise (PROTOCOLS 5.2) as a share of the
# episode's own peak, low and high edge, by hours since the activity. Between the
# knots the band is straight lines.
_BAND_KNOTS: tuple[tuple[float, float, float], ...] = (
    (0, 0.0, 0.15),
    (12, 0.05, 0.45),
    (24, 0.35, 0.9),
    (48, 0.6, 1.0),
    (72, 0.5, 1.0),
    (96, 0.25, 0.75),
    (120, 0.05, 0.45),
    (144, 0.0, 0.3),
    (168, 0.0, 0.2),
)
BAND_END_H = _BAND_KNOTS[-1][0]
BAND_LABEL = QT_TRANSLATE_NOOP("history", "Typical pattern after exercise: yours may differ")


def typical_band(hours: float, peak: float) -> tuple[float, float]:
    """The typical soreness range ``hours`` after the activity, scaled to ``peak``."""
    if hours <= 0:
        return (0.0, peak * _BAND_KNOTS[0][2])
    for (h0, lo0, hi0), (h1, lo1, hi1) in pairwise(_BAND_KNOTS):
        if hours <= h1:
            t = (hours - h0) / (h1 - h0)
            return (peak * (lo0 + t * (lo1 - lo0)), peak * (hi0 + t * (hi1 - hi0)))
    return (0.0, peak * _BAND_KNOTS[-1][2])


@cache
def band_points(peak: float, step_h: float = 6) -> tuple[tuple[float, float, float], ...]:
    """(hours, low, high) from the activity to the end of the typical course."""
    count = int(BAND_END_H / step_h) + 1
    return tuple((h, *typical_band(h, peak)) for h in (i * step_h for i in range(count)))


def moving_average(points: Sequence[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The 3-point moving average of PROTOCOLS 5.3.6, centred; the ends use what exists."""
    out = []
    for i, (x, _y) in enumerate(points):
        window = points[max(0, i - 1) : i + 2]
        out.append((x, sum(v for _, v in window) / len(window)))
    return tuple(out)


def change_words(now: float, before: float, days: int) -> str:
    """ "about 2 points lower than 2 days ago, a clear improvement" (PROTOCOLS 5.3.6)."""
    diff = now - before
    share = abs(diff) / before if before else (1.0 if diff else 0.0)
    ago = "yesterday" if days == 1 else f"{days} days ago"
    if abs(diff) < 0.5 or (abs(diff) < NOTICEABLE_POINTS and share < NOTICEABLE_SHARE):
        return f"about the same as {ago}"
    points = round(abs(diff))
    amount = "about 1 point" if points <= 1 else f"about {points} points"
    clear = abs(diff) >= CLEAR_POINTS or share >= CLEAR_SHARE
    if diff < 0:
        return f"{amount} lower than {ago}: " + (
            "a clear improvement" if clear else "a noticeable improvement"
        )
    return f"{amount} higher than {ago}: " + (
        "a clear rise, worth keeping an eye on" if clear else "a noticeable rise"
    )


# -- readings ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reading:
    """One region as rated in one check-in."""

    day: date
    at: datetime
    onset: datetime
    cause: Cause
    region_id: str
    at_rest: int
    on_movement: int

    @property
    def hours(self) -> float:
        return max(0.0, elapsed(self.onset, self.at).total_seconds() / 3600)


def group_days(readings: Iterable[Reading]) -> list[DayScores]:
    """Readings of many regions into one DayScores per check-in, oldest first."""
    days: dict[date, DayScores] = {}
    for r in readings:
        found = days.get(r.day)
        if found is None:
            found = DayScores(r.day, r.at, r.onset, r.cause, {})
            days[r.day] = found
        found.scores[r.region_id] = (r.at_rest, r.on_movement)  # type: ignore[index]
    return [days[d] for d in sorted(days)]


@dataclass(frozen=True)
class SeriesSummary:
    latest: int | None
    latest_day: date | None
    words: str  # the plain-words change, or ''


def summarise(points: Sequence[tuple[date, int]], today: date) -> SeriesSummary:
    """The latest score and how it compares with about 2 days before (else the one before)."""
    if not points:
        return SeriesSummary(None, None, "")
    last_day, last = points[-1]
    earlier = [(d, v) for d, v in points[:-1] if (last_day - d).days >= 1]
    if not earlier:
        return SeriesSummary(last, last_day, "")
    # Prefer the reading nearest to 2 days before the latest.
    day, value = min(earlier, key=lambda p: abs((last_day - p[0]).days - 2))
    words = change_words(last, value, (last_day - day).days)
    del today
    return SeriesSummary(last, last_day, words)


@dataclass(frozen=True)
class SidePair:
    day: date
    left: int | None
    right: int | None

    @property
    def gap(self) -> int:
        if self.left is None or self.right is None:
            return 0
        return abs(self.left - self.right)


def left_right(
    left: Sequence[tuple[date, int]], right: Sequence[tuple[date, int]]
) -> list[SidePair]:
    """The two sides of a paired region day by day (movement scores)."""
    by_left, by_right = dict(left), dict(right)
    return [SidePair(d, by_left.get(d), by_right.get(d)) for d in sorted({*by_left, *by_right})]


# -- episodes ------------------------------------------------------------------------------------
@dataclass
class Episode:
    """A spell of soreness after one activity: the check-ins that share its onset."""

    onset: datetime
    cause: Cause
    days: list[DayScores] = field(default_factory=list)
    activity: Activity | None = None
    previous: Episode | None = None  # the one before it with the same cause

    @property
    def peak(self) -> tuple[int, str, float]:
        """(movement score, region id, hours since the activity) at the peak."""
        best = (0, "", 0.0)
        for day in self.days:
            for region, (_rest, move) in day.scores.items():
                if move > best[0]:
                    best = (move, region, day.hours)
        return best

    @property
    def first_day(self) -> date:
        return self.days[0].day

    @property
    def last_day(self) -> date:
        return self.days[-1].day

    @property
    def recovered_after_days(self) -> int | None:
        """Days from the activity to the first check-in with every region at 1 or less
        on movement; None when that had not happened (yet)."""
        for day in self.days:
            if day.worst <= RECOVERED_AT:
                return max(1, (day.day - self.onset.date()).days)
        return None

    def compare_previous(self) -> str:
        """ "Peak 6 → 4 since your last leg day: a smaller peak than last time."""
        if self.previous is None:
            return ""
        now, before = self.peak[0], self.previous.peak[0]
        what = _CAUSE_WORDS.get(self.cause, "episode")
        text = f"Peak {before} → {now} compared with your previous {what}"
        if now < before:
            return text + ": a smaller peak than last time."
        if now > before:
            return text + ": a bigger peak than last time."
        return text + ": the same peak as last time."


_CAUSE_WORDS = {
    Cause.RUN: "run",
    Cause.LEG_DAY: "leg day",
    Cause.LONG_STANDING: "long day on your feet",
    Cause.INJURY: "injury",
    Cause.UNKNOWN: "sore spell",
}


def episodes(days: Iterable[DayScores], activities: Iterable[Activity] = ()) -> list[Episode]:
    """Check-ins into episodes (oldest first), linked to their activity and previous one.

    A new episode starts where the onset moves (a new activity); a check-in with
    nothing sore under a new onset starts none.
    """
    found: list[Episode] = []
    for day in days:
        current = found[-1] if found else None
        same = current is not None and abs(utc(day.onset) - utc(current.onset)) <= SAME_ONSET
        if same and current is not None:
            current.days.append(day)
        elif day.worst > 0:
            found.append(Episode(day.onset, day.cause, [day]))
    by_end = sorted(activities, key=lambda a: utc(a.ended_at))
    ends = [utc(a.ended_at) for a in by_end]
    last_by_cause: dict[Cause, Episode] = {}
    for episode in found:
        episode.activity = _activity_at(by_end, ends, episode.onset)
        episode.previous = last_by_cause.get(episode.cause)
        last_by_cause[episode.cause] = episode
    return found


def _activity_at(
    activities: Sequence[Activity], ends: Sequence[datetime], onset: datetime
) -> Activity | None:
    """The activity that ended nearest the onset, within SAME_ONSET (``ends`` sorted)."""
    target = utc(onset)
    lo = bisect_left(ends, target - SAME_ONSET)
    hi = bisect_right(ends, target + SAME_ONSET)
    near = range(lo, hi)
    best = min(near, key=lambda i: abs(ends[i] - target), default=None)
    return activities[best] if best is not None else None


@dataclass(frozen=True)
class EpisodeExtras:
    """What the episode card adds from the other logs (PROTOCOLS 5.3.5)."""

    average_prs: float | None
    short_nights: int  # nights under 7 hours
    nights_logged: int
    water_days_met: int
    water_days: int


def episode_extras(
    episode: Episode,
    mornings: Iterable[MorningLog],
    water_by_day: Mapping[date, int],
    goal_ml: int | None,
) -> EpisodeExtras:
    first, last = episode.onset.date(), episode.last_day
    inside = [m for m in mornings if first <= m.day <= last]
    prs = [m.prs for m in inside if m.prs is not None]
    sleep = [m.sleep_hours for m in inside if m.sleep_hours is not None]
    span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    met = sum(1 for d in span if goal_ml and water_by_day.get(d, 0) >= goal_ml)
    return EpisodeExtras(
        average_prs=sum(prs) / len(prs) if prs else None,
        short_nights=sum(1 for h in sleep if h < 7),
        nights_logged=len(sleep),
        water_days_met=met,
        water_days=len(span) if goal_ml else 0,
    )


# -- adherence ----------------------------------------------------------------------------------
def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, best) runs of consecutive days. The current run may end yesterday:
    today is not over yet."""
    ordered = sorted(set(days))
    best = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        best = max(best, run)
        previous = day
    current = 0
    if ordered and (today - ordered[-1]).days <= 1:
        current = run
    return current, best


@dataclass(frozen=True)
class RunSummary:
    """One guided routine as History lists it: when, how it ended, how far it got, and
    how each region felt afterwards ("How does it feel now?")."""

    id: int
    started_at: datetime
    routine: str
    name: str
    outcome: str  # completed | stopped
    steps_done: int  # completed or skipped
    steps_planned: int
    feel: tuple[FeelScore, ...] = ()

    @property
    def stopped(self) -> bool:
        return self.outcome == "stopped"


@dataclass(frozen=True)
class Adherence:
    routines_done: int
    routines_stopped: int
    therapy: Mapping[str, int]  # kind -> sessions
    water_days_met: int
    water_days: int
    routine_streak: tuple[int, int]  # (current, best) days in a row with a routine done
    water_streak: tuple[int, int]  # (current, best) days in a row at the water goal

    def words(self) -> str:
        parts = [
            f"{self.routines_done} routine{'s' if self.routines_done != 1 else ''} done"
            + (f", {self.routines_stopped} more stopped part-way" if self.routines_stopped else "")
        ]
        sessions = sum(self.therapy.values())
        parts.append(
            f"{sessions} ice, heat, contrast or bath session{'s' if sessions != 1 else ''}"
        )
        if self.water_days:
            parts.append(f"water goal reached on {self.water_days_met} of {self.water_days} days")
        return "; ".join(parts) + "."


def adherence(
    routine_days: Mapping[date, tuple[int, int]],  # day -> (completed, stopped)
    therapy: Mapping[str, int],
    water_by_day: Mapping[date, int],
    goal_ml: int | None,
    *,
    first: date,
    last: date,
    today: date,
    all_routine_days: Iterable[date] = (),
    all_water_days_met: Iterable[date] = (),
) -> Adherence:
    """Adherence over [first, last]; streaks over everything logged (``all_*``)."""
    span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    logged = [d for d in span if d <= today]
    met = sum(1 for d in logged if goal_ml and water_by_day.get(d, 0) >= goal_ml)
    return Adherence(
        routines_done=sum(done for done, _ in routine_days.values()),
        routines_stopped=sum(stopped for _, stopped in routine_days.values()),
        therapy=dict(therapy),
        water_days_met=met,
        water_days=len(logged) if goal_ml else 0,
        routine_streak=streaks(all_routine_days, today),
        water_streak=streaks(all_water_days_met, today),
    )
