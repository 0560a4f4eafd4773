"""Training load that tells the truth: what was done, in words, and nothing it cannot know.

Four separate readings, never blended into one number:

- **Session load** (Foster et al. 2001, session RPE): minutes x effort (1-10) per
  session, summed over 7 days, in arbitrary units. A session without an effort is
  listed as "effort not given" and left out: an effort is never guessed. Long
  shifts on your feet are not training sessions and are left out of it.
- **Distance**: the runs' kilometres over the same 7 days.
- **Monotony and strain** (Foster 1998): monotony is the mean daily session load
  over the 7 days (rest days count as 0) divided by its standard deviation
  (population SD); strain is the week's load times its monotony. They are said in
  words about the week itself; Foster's 2.0 marks "most days alike". No week is
  compared with a longer "chronic" average: the acute:chronic workload ratio and
  its "risk zones" did not hold up as an injury predictor (Impellizzeri et al.
  2021; Lolli et al. 2019), so the app shows none (the Guide says why).
- **Heart-rate load** (Banister's TRIMP, Banister 1991; Morton, Fitz-Clarke and
  Banister 1990), only for sessions that carry an average heart rate, shown beside
  session load and never added to it::

      HRr   = (HR average - HR rest) / (HR max - HR rest), kept within 0..1
      TRIMP = minutes x HRr x 0.64 x e^(1.92 x HRr)

  HR max is the highest maximum heart rate seen in any logged session (a single
  easy run's own maximum is far below a person's true maximum and would inflate
  HRr); HR rest is ``RESTING_HR_DEFAULT`` (60 bpm, a typical adult resting rate),
  since the app does not ask for it. The weighting 0.64/1.92 is Banister's
  published one for men; the app does not ask for sex, so the numbers are for
  comparing your own sessions with each other, not with anyone else's.

The headline warning is the single-session spike: a run more than 10 % longer than
the longest of the past 30 days (Frandsen et al., BJSM 2025). It is
``activity.training_load_nudges``, reused here, not written again; a weekly jump
above 30 % (Nielsen et al. 2014) is its other kind of note. Said the morning after
(the plan's why lines, readiness), a note names its run ("Yesterday's 21.4 km run
was about 18 % longer ...") rather than "this run".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from companion.domain.activity import (
    LONGEST_RUN_DAYS,
    Activity,
    ActivityKind,
    Nudge,
    NudgeKind,
    format_km,
    training_load_nudges,
)
from companion.domain.clock import elapsed, utc

WEEK_DAYS = 7
WEEKS_SHOWN = 4  # this week and the three before it
RESTING_HR_DEFAULT = 60  # bpm: a typical adult resting heart rate (the app does not ask)
TRIMP_A, TRIMP_B = 0.64, 1.92  # Banister's weighting (published for men; see above)
MONOTONY_HIGH = 2.0  # Foster 1998: most days alike
MONOTONY_SOME = 1.5  # many days alike
RECENT = timedelta(hours=36)  # a run this recent still speaks for today (see readiness)


def session_load(activity: Activity) -> float | None:
    """Minutes x effort, or None when either is not given (never guessed)."""
    if activity.kind is ActivityKind.LONG_STANDING:
        return None
    if activity.minutes is None or activity.effort is None:
        return None
    return activity.minutes * activity.effort


def trimp(
    minutes: float | None,
    avg_hr: int | None,
    max_hr: int | None,
    resting_hr: int = RESTING_HR_DEFAULT,
) -> float | None:
    """Banister's TRIMP for one session (formula in the module's docstring), or None
    when the session has no time or average heart rate, or no usable maximum."""
    if minutes is None or avg_hr is None or max_hr is None or max_hr <= resting_hr:
        return None
    ratio = min(1.0, max(0.0, (avg_hr - resting_hr) / (max_hr - resting_hr)))
    return minutes * ratio * TRIMP_A * math.exp(TRIMP_B * ratio)


def highest_max_hr(activities: Iterable[Activity]) -> int | None:
    """The highest maximum heart rate seen in any session (HR max for TRIMP)."""
    seen = [a.max_hr for a in activities if a.max_hr]
    return max(seen, default=None)


def monotony(daily: Sequence[float]) -> float | None:
    """Mean daily load / its standard deviation; None with no load, or with every day
    the same (no spread to divide by: see ``WeekLoad.same_every_day``)."""
    # Plain arithmetic, not ``statistics`` (which loads decimal and fractions: about
    # half a megabyte held by an app idling in the tray, for one mean and one spread).
    mean = math.fsum(daily) / len(daily) if daily else 0.0
    if mean <= 0:
        return None
    spread = math.sqrt(math.fsum((day - mean) ** 2 for day in daily) / len(daily))
    return None if spread == 0 else mean / spread


@dataclass(frozen=True)
class WeekLoad:
    """Seven days of load, ``first`` to ``last`` inclusive (local days)."""

    first: date
    last: date
    session_load: float  # minutes x effort, summed over the sessions that have both
    counted: tuple[Activity, ...]  # the sessions in session_load
    effort_missing: tuple[Activity, ...]  # sessions with no effort: left out, listed
    time_missing: tuple[Activity, ...]  # sessions with an effort but no minutes
    distance_km: float
    runs: int
    daily: tuple[float, ...]  # session load per day, first to last
    hr_load: float  # TRIMP summed over the sessions with heart rate
    hr_sessions: int  # how many sessions the HR load is from
    notes: tuple[str, ...] = ()  # spike notes for this week's runs, newest first

    @property
    def monotony(self) -> float | None:
        return monotony(self.daily)

    @property
    def same_every_day(self) -> bool:
        """Load on all 7 days, all the same (monotony without end)."""
        return self.session_load > 0 and len(set(self.daily)) == 1

    @property
    def strain(self) -> float | None:
        m = self.monotony
        return None if m is None else self.session_load * m

    @property
    def sameness_high(self) -> bool:
        """Most days alike (monotony 2.0 or more, or every day the same)."""
        m = self.monotony
        return self.same_every_day or (m is not None and m >= MONOTONY_HIGH)


def _day_start(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def week_load(
    activities: Sequence[Activity],
    last: date,
    zone: tzinfo,
    *,
    max_hr: int | None = None,
    resting_hr: int = RESTING_HR_DEFAULT,
) -> WeekLoad:
    """The 7 local days ending with ``last``. ``activities`` may hold more (the 30
    days before are what a run's spike is measured against)."""
    first = last - timedelta(days=WEEK_DAYS - 1)
    start, end = _day_start(first, zone), _day_start(last + timedelta(days=1), zone)
    inside = sorted(
        (a for a in activities if utc(start) <= utc(a.ended_at) < utc(end)),
        key=lambda a: utc(a.ended_at),
    )
    daily = [0.0] * WEEK_DAYS
    counted: list[Activity] = []
    no_effort: list[Activity] = []
    no_time: list[Activity] = []
    hr_load, hr_sessions = 0.0, 0
    top = max_hr if max_hr is not None else highest_max_hr(activities)
    for a in inside:
        load = session_load(a)
        if load is not None:
            daily[(a.ended_at.astimezone(zone).date() - first).days] += load
            counted.append(a)
        elif a.kind is not ActivityKind.LONG_STANDING:
            (no_time if a.effort is not None else no_effort).append(a)
        highest = max(filter(None, (top, a.max_hr)), default=None)
        heart = trimp(a.minutes, a.avg_hr, highest, resting_hr)
        if heart is not None:
            hr_load += heart
            hr_sessions += 1
    runs = [a for a in inside if a.kind is ActivityKind.RUN]
    notes: list[str] = []
    for run in reversed(runs):
        if run.km:
            notes += [n.text for n in training_load_nudges(run.km, run.ended_at, activities)]
    return WeekLoad(
        first=first,
        last=last,
        session_load=sum(daily),
        counted=tuple(counted),
        effort_missing=tuple(no_effort),
        time_missing=tuple(no_time),
        distance_km=sum(a.km or 0.0 for a in runs),
        runs=len(runs),
        daily=tuple(daily),
        hr_load=hr_load,
        hr_sessions=hr_sessions,
        notes=tuple(dict.fromkeys(notes)),
    )


def load_weeks(
    activities: Sequence[Activity], today: date, zone: tzinfo, weeks: int = WEEKS_SHOWN
) -> tuple[WeekLoad, ...]:
    """Back-to-back 7-day spells ending today, newest first (the last 7 days, the 7
    before them, ...): each always has 7 days for its monotony."""
    top = highest_max_hr(activities)
    return tuple(
        week_load(activities, today - timedelta(days=WEEK_DAYS * i), zone, max_hr=top)
        for i in range(weeks)
    )


# -- words --------------------------------------------------------------------------------------
def load_words(week: WeekLoad) -> str:
    """ "Session load 1,240 (minutes x effort) from 4 sessions." """
    if not week.counted:
        if week.effort_missing:
            return "No session load: no effort was given for this week's sessions."
        return "No sessions with an effort this week."
    n = len(week.counted)
    return (
        f"Session load {week.session_load:,.0f} (minutes x effort) from {n} "
        f"session{'s' if n != 1 else ''}."
    )


def distance_words(week: WeekLoad) -> str:
    if not week.runs:
        return "No runs."
    km = f"{week.distance_km:.1f}".rstrip("0").rstrip(".")
    return f"{km} km in {week.runs} run{'s' if week.runs != 1 else ''}."


def sameness_words(week: WeekLoad) -> str:
    """Monotony in words: how alike the week's days were."""
    m = week.monotony
    if week.session_load <= 0:
        return ""
    if week.same_every_day:
        return (
            "Every day carried the same load, with no easier day; a lighter or rest day "
            "gives your legs a change."
        )
    assert m is not None
    if m >= MONOTONY_HIGH:
        return "Most days this week were alike; a lighter day helps."
    if m >= MONOTONY_SOME:
        return "Many days this week were alike; an easier day now and then keeps it varied."
    return "Hard and easy days were mixed, which gives your legs time between efforts."


def strain_words(week: WeekLoad) -> str:
    """Strain in words: the week's load weighed by how alike its days were."""
    strain = week.strain
    if week.session_load <= 0:
        return ""
    if strain is None:  # the same every day
        return "Strain is as high as this load can make it, because no day was easier."
    m = week.monotony or 0.0
    if m >= MONOTONY_HIGH:
        why = "high for this much load, because the days were so alike"
    elif m >= MONOTONY_SOME:
        why = "somewhat above the load itself, because many days were alike"
    else:
        why = "low for this much load, because harder days had easier ones around them"
    return f"Strain ({strain:,.0f}) is {why}."


def hr_words(week: WeekLoad) -> str:
    """Heart-rate load, said apart from session load (never added to it)."""
    if not week.hr_sessions:
        return ""
    n = week.hr_sessions
    return (
        f"Heart-rate load (TRIMP) {week.hr_load:,.0f} from the {n} session"
        f"{'s' if n != 1 else ''} with heart rate; it is a separate measure, not part of "
        "the session load."
    )


def missing_words(week: WeekLoad) -> tuple[str, ...]:
    """The sessions left out of session load, one line each."""
    lines = [f"{a.describe()}: effort not given, left out." for a in week.effort_missing]
    lines += [f"{a.describe()}: time not given, left out." for a in week.time_missing]
    return tuple(lines)


# -- what speaks for today --------------------------------------------------------------------
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class RunNote:
    """A training-load note (``nudge``: a spike or a weekly jump) about one recent run."""

    run: Activity
    nudge: Nudge

    @property
    def kind(self) -> NudgeKind:
        return self.nudge.kind


def run_name(run: Activity, now: datetime, *, capital: bool = True) -> str:
    """ "Yesterday's 21.4 km run": today's, yesterday's or its weekday's, in ``now``'s days."""
    day = run.ended_at.astimezone(now.tzinfo).date()
    days = (now.date() - day).days
    if days <= 1:
        when = "today's" if days <= 0 else "yesterday's"
        when = when.capitalize() if capital else when
    else:
        when = f"{WEEKDAYS[day.weekday()]}'s"
    return f"{when} {format_km(run.km or 0.0)} km run"


def spike_words(note: RunNote, now: datetime) -> str:
    """A spike, naming its run: what was seen, then what helps."""
    n = note.nudge
    return (
        f"{run_name(note.run, now)} was about {n.percent} % longer than your longest in the "
        f"past {LONGEST_RUN_DAYS} days ({format_km(n.compared_km)} km). Building up by about "
        "10 % at a time gives your legs time to adapt; an easy day after it helps."
    )


def weekly_jump_seen(note: RunNote, now: datetime) -> str:
    """A weekly jump, naming the run that made it: what was seen."""
    n = note.nudge
    return (
        f"With {run_name(note.run, now, capital=False)} your last 7 days came to "
        f"{format_km(n.total_km)} km, about {n.percent} % more than the 7 days before "
        f"({format_km(n.compared_km)} km)."
    )


def named_words(note: RunNote, now: datetime) -> str:
    """A recent run's note as said the morning after, naming the run."""
    if note.kind is NudgeKind.SPIKE:
        return spike_words(note, now)
    return (
        f"{weekly_jump_seen(note, now)} Jumps above about 30 % in a week are when legs most "
        "often complain; consider keeping the rest of the week easy."
    )


def recent_load_notes(
    activities: Sequence[Activity], now: datetime, within: timedelta = RECENT
) -> tuple[RunNote, ...]:
    """The training-load notes of the runs that ended within ``within`` before ``now``,
    newest run first (a weekly jump another recent run also made is said once)."""
    notes: list[RunNote] = []
    for run in sorted(activities, key=lambda a: utc(a.ended_at), reverse=True):
        if (
            run.kind is ActivityKind.RUN
            and run.km
            and timedelta(0) <= elapsed(run.ended_at, now) <= within
        ):
            for nudge in training_load_nudges(run.km, run.ended_at, activities):
                if nudge.kind is NudgeKind.WEEKLY_JUMP and any(
                    n.kind is NudgeKind.WEEKLY_JUMP for n in notes
                ):
                    continue  # the newest run's 7 days already say it
                notes.append(RunNote(run, nudge))
    return tuple(notes)


def recent_spike_notes(
    activities: Sequence[Activity], now: datetime, within: timedelta = RECENT
) -> tuple[str, ...]:
    """The words of ``recent_load_notes``, each naming its run."""
    return tuple(
        dict.fromkeys(named_words(n, now) for n in recent_load_notes(activities, now, within))
    )


def plan_load_lines(activities: Sequence[Activity], now: datetime) -> tuple[str, ...]:
    """The plan's why lines about load: a recent spike, and a week of alike days."""
    zone = now.tzinfo
    assert zone is not None
    lines = list(recent_spike_notes(activities, now))
    week = week_load(activities, now.date(), zone)
    if week.sameness_high and len(week.counted) >= 3:
        lines.append(
            "Most of your last 7 days carried a similar load; an easier day today gives "
            "your legs a change."
        )
    return tuple(lines)
