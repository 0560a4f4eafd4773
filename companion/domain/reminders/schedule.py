"""When a rule fires: its times on a day, its occurrences, the next one, and catching up.

Occurrences are computed from wall-clock times in the user's time zone, so a
reminder at 08:30 stays at 08:30 across a DST change, a time that occurs twice
on the autumn change day fires once, and one that does not exist on the spring
day fires at the same instant an hour later on the clock. Everything takes
``now`` (or a window) as an argument: no clock is read here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from companion.domain.clock import utc
from companion.domain.reminders.rules import Kind, ReminderRule, session_min
from companion.domain.reminders.waking import Waking, WakingHours


def wall_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """``at`` on ``day`` as an instant in ``zone``.

    A wall time that does not exist (the spring gap) is moved to the instant
    it would have been with the old offset, i.e. an hour later on the clock; a
    wall time that exists twice (autumn) is its first occurrence only.
    """
    naive = datetime.combine(day, at)
    moment = naive.replace(tzinfo=zone, fold=0)
    return utc(moment).astimezone(zone)


def _minute(at: time) -> int:
    return at.hour * 60 + at.minute


def fits(rule: ReminderRule, at: time, waking: WakingHours) -> bool:
    """Whether ``rule`` may start at ``at``: inside waking hours, with its session over by
    their end (23:00 + 15 min of ice does not fit hours ending at 23:10)."""
    if not waking.start <= at < waking.end:
        return False
    return _minute(at) + session_min(rule) <= _minute(waking.end)


def day_times(rule: ReminderRule, day: date, week: Waking) -> list[time]:
    """The wall-clock times the rule fires on ``day`` (before window and zone)."""
    if day.weekday() not in rule.weekdays:
        return []
    waking = week.on(day)
    if rule.kind.by_interval:
        every = rule.every_min or 0
        if every <= 0:
            return []
        start, end = _minute(waking.start), _minute(waking.end)
        # Ice must be off again before waking hours end: never on during sleep.
        first = start if rule.kind is Kind.ICING else start + every
        slots = (time(m // 60, m % 60) for m in range(first, end, every))
        return [t for t in slots if fits(rule, t, waking)]
    return sorted(t for t in rule.times if fits(rule, t, waking))


def occurrences(
    rule: ReminderRule,
    after: datetime,
    until: datetime,
    zone: tzinfo,
    waking: Waking,
) -> Iterator[datetime]:
    """Every moment in (after, until] the rule fires, in order, in ``zone``."""
    if not rule.enabled:
        return
    low, high = utc(after), utc(until)
    if rule.starts is not None:
        low = max(low, utc(rule.starts) - timedelta(microseconds=1))
    if rule.ends is not None:
        high = min(high, utc(rule.ends))
    if low >= high:
        return
    day = low.astimezone(zone).date() - timedelta(days=1)
    last_day = high.astimezone(zone).date() + timedelta(days=1)
    seen: set[datetime] = set()
    while day <= last_day:
        for at in day_times(rule, day, waking):
            moment = wall_moment(day, at, zone)
            instant = utc(moment)
            if low < instant <= high and instant not in seen:
                seen.add(instant)
                yield moment
        day += timedelta(days=1)


SEARCH_DAYS = 8  # a rule that fires on no day in the next week fires never


def next_fire(
    rule: ReminderRule,
    after: datetime,
    zone: tzinfo,
    waking: Waking,
    paused_until: datetime | None = None,
) -> datetime | None:
    """The first moment after ``after`` (and after any pause) the rule fires, or None."""
    start = after
    if paused_until is not None and utc(paused_until) > utc(after):
        start = paused_until - timedelta(microseconds=1)
    horizon = start + timedelta(days=SEARCH_DAYS)
    return next(occurrences(rule, start, horizon, zone, waking), None)


@dataclass(frozen=True)
class Due:
    """What firing now means: the occurrence to show and the ones it stands in for."""

    at: datetime  # the latest occurrence at or before now
    missed: tuple[datetime, ...]  # earlier ones since the last firing, not shown

    @property
    def coalesced(self) -> bool:
        return bool(self.missed)


CATCH_UP_DAYS = 2  # how far back missed occurrences are looked for


def due(
    rule: ReminderRule,
    now: datetime,
    last_fired: datetime | None,
    zone: tzinfo,
    waking: Waking,
) -> Due | None:
    """The one reminder to show at ``now``, with what it stands in for, or None.

    Everything between ``last_fired`` and ``now`` collapses into one: after a
    sleep, a closed app or a clock jump, the user gets one prompt (never a
    burst), and never the same occurrence twice. Outside waking hours nothing
    is due: a missed reminder is not replayed at night.
    """
    local = now.astimezone(zone)
    if not waking.contains(local):
        return None
    # A late prompt (one missed earlier) is not offered once its session, started this
    # minute, would run past the end of waking hours: no ice on at 23:20.
    if not fits(
        rule, local.timetz().replace(tzinfo=None, second=0, microsecond=0), waking.on(local.date())
    ):
        return None
    floor = now - timedelta(days=CATCH_UP_DAYS)
    if last_fired is not None and utc(last_fired) > utc(floor):
        floor = last_fired
    today = now.astimezone(zone).date()
    # Yesterday's reminders are not replayed this morning.
    found = [
        m for m in occurrences(rule, floor, now, zone, waking) if m.astimezone(zone).date() == today
    ]
    if not found:
        return None
    return Due(found[-1], tuple(found[:-1]))


GAP_GRACE = timedelta(minutes=5)  # later than this, a reminder was missed, not just shown late


def after_gap(due_now: list[tuple[datetime, int]], now: datetime) -> bool:
    """Whether reminders falling due together at ``now`` are one summary, not a burst.

    ``due_now`` holds, for each reminder that would prompt, the occurrence it
    shows and how many earlier ones it stands in for. After a gap (the computer
    asleep, the app closed, a clock jump) several of them arrive at once, late:
    the user gets one summary of what was missed instead of a prompt each. Two
    reminders simply set for the same minute, on time, are not a gap; nor is one
    reminder alone (its own prompt already says what it stands in for).
    """
    if len(due_now) < 2:
        return False
    return any(missed > 0 or utc(now) - utc(at) > GAP_GRACE for at, missed in due_now)
