"""Reminder rules: what to remind, when, and whether it is safe to (PROTOCOLS.md 1.1-1.3).

A rule is plain data (stored in our own table, the source of truth). Its
occurrences are computed here from wall-clock times in the user's time zone,
so a reminder at 08:30 stays at 08:30 across a DST change, a time that occurs
twice on the autumn change day fires once, and one that does not exist on the
spring day fires at the same instant an hour later on the clock. Everything
takes ``now`` (or a window) as an argument: no clock is read here.

Kinds:
- hydration: every N minutes inside waking hours, an amount each time, toward
  a daily goal;
- icing: a session every N minutes (start to start) inside waking hours, ice
  on for ``on_min``, only inside a window (e.g. the first 72 h) and never so
  late that the ice would still be on after waking hours end;
- contrast, routine and custom: at clock times on chosen weekdays (a contrast
  session, like the ice, must be over before waking hours end).

``check_rule`` applies the protocol bounds: a hard limit refuses the rule with
the reason, a value outside the usual range asks for confirmation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from companion.domain.clock import utc
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.domain.translatable import QT_TRANSLATE_NOOP

ALL_DAYS = frozenset(range(7))  # Monday is 0
MAX_TITLE = 80
MAX_MESSAGE = 200
OUTER_KNEE_REGIONS = ("knee", "lateral_lower_leg", "lateral_thigh_itb")
ICING_WINDOW_USUAL_H = 72  # the main window after an acute injury
SNOOZE_DEFAULT_MIN = 10
MIN_WAKING_H = 4
CONTRAST_SESSION_MIN = 12  # the session a contrast reminder stands for (PROTOCOLS 1.2 default)


class Kind(StrEnum):
    HYDRATION = "hydration"
    ICING = "icing"
    CONTRAST = "contrast"
    ROUTINE = "routine"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return {
            "hydration": QT_TRANSLATE_NOOP("Kind", "Water"),
            "icing": QT_TRANSLATE_NOOP("Kind", "Icing"),
            "contrast": QT_TRANSLATE_NOOP("Kind", "Contrast therapy"),
            "routine": QT_TRANSLATE_NOOP("Kind", "Daily routine"),
            "custom": QT_TRANSLATE_NOOP("Kind", "Reminder"),
        }[self.value]

    @property
    def by_interval(self) -> bool:
        return self in (Kind.HYDRATION, Kind.ICING)


@dataclass(frozen=True)
class WakingHours:
    """The part of each day reminders may use; outside it they are quiet."""

    start: time = time(7, 0)
    end: time = time(22, 0)

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("waking hours must end after they start on the same day")

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment.timetz().replace(tzinfo=None) < self.end

    def describe(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def to_dict(self) -> dict[str, str]:
        return {"start": f"{self.start:%H:%M}", "end": f"{self.end:%H:%M}"}

    @classmethod
    def from_dict(cls, value: object) -> WakingHours:
        """Stored waking hours, or the defaults when the value is missing or malformed."""
        if not isinstance(value, dict):
            return cls()
        start, end = _wall_time(value.get("start")), _wall_time(value.get("end"))
        if start is None or end is None:
            return cls()
        return cls(start, end) if not cls.check(start, end) else cls()

    @staticmethod
    def check(start: time, end: time) -> str:
        """Why these waking hours cannot be used, or "" when they can."""
        span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        if span <= 0:
            return "Waking hours must end after they start, on the same day."
        if span < MIN_WAKING_H * 60:
            return f"Waking hours shorter than {MIN_WAKING_H} hours leave no room for reminders."
        return ""

    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    def on(self, _day: date) -> WakingHours:
        """The hours on ``day``: the same every day."""
        return self


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class WakingWeek:
    """Waking hours for each weekday (Monday first): a later start at weekends, say."""

    days: tuple[WakingHours, ...] = (WakingHours(),) * 7

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("a waking week has seven days")

    @classmethod
    def every_day(cls, hours: WakingHours) -> WakingWeek:
        return cls((hours,) * 7)

    def on(self, day: date) -> WakingHours:
        return self.days[day.weekday()]

    def contains(self, moment: datetime) -> bool:
        """Inside the waking hours of ``moment``'s own (wall-clock) day."""
        return self.on(moment.date()).contains(moment)

    @property
    def same_every_day(self) -> bool:
        return len(set(self.days)) == 1

    def describe(self) -> str:
        """ "07:00-22:00", or the days grouped: "Mon-Fri 07:00-22:00, Sat-Sun 09:00-23:00"."""
        if self.same_every_day:
            return self.days[0].describe()
        groups: list[tuple[int, int, WakingHours]] = []
        for index, hours in enumerate(self.days):
            if groups and groups[-1][2] == hours:
                groups[-1] = (groups[-1][0], index, hours)
            else:
                groups.append((index, index, hours))
        parts = []
        for first, last, hours in groups:
            days = _DAY_NAMES[first] if first == last else f"{_DAY_NAMES[first]}-{_DAY_NAMES[last]}"
            parts.append(f"{days} {hours.describe()}")
        return ", ".join(parts)

    def to_list(self) -> list[dict[str, str]]:
        return [hours.to_dict() for hours in self.days]

    @classmethod
    def parse(cls, value: object) -> WakingWeek:
        """Stored hours: a list of seven {"start", "end"}, or one pair for every day.

        Raises ValueError naming the day when a value is malformed or unusable.
        """
        if isinstance(value, dict):
            return cls.every_day(_parse_hours(value, "every day"))
        if not isinstance(value, list) or len(value) != 7:
            raise ValueError("waking hours must list seven days, Monday first")
        return cls(tuple(_parse_hours(item, DAY_NAMES[i]) for i, item in enumerate(value)))

    def with_day(self, weekday: int, hours: WakingHours) -> WakingWeek:
        days = list(self.days)
        days[weekday] = hours
        return WakingWeek(tuple(days))


def _wall_time(text: object) -> time | None:
    """A stored clock time like "07:00", to the minute (as it is saved); None for anything
    else, a time with a UTC offset included (waking hours are on the local clock, and
    such a time cannot be compared with one)."""
    if not isinstance(text, str):
        return None
    try:
        moment = time.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(second=0, microsecond=0) if moment.tzinfo is None else None


def _parse_hours(value: object, day: str) -> WakingHours:
    if not isinstance(value, dict):
        raise ValueError(f"{day}: waking hours must have a start and an end")
    start, end = _wall_time(value.get("start")), _wall_time(value.get("end"))
    if start is None or end is None:
        raise ValueError(f"{day}: waking hours must be times like 07:00")
    reason = WakingHours.check(start, end)
    if reason:
        raise ValueError(f"{day}: {reason}")
    return WakingHours(start, end)


Waking = WakingHours | WakingWeek


@dataclass(frozen=True)
class ReminderRule:
    kind: Kind
    title: str
    id: int | None = None
    enabled: bool = True
    every_min: int | None = None  # hydration, icing: start to start, inside waking hours
    times: tuple[time, ...] = ()  # contrast, routine, custom: wall-clock times
    weekdays: frozenset[int] = ALL_DAYS
    starts: datetime | None = None  # the rule's window (icing: from onset)
    ends: datetime | None = None
    amount_ml: int | None = None  # hydration, per reminder
    daily_goal_ml: int | None = None  # hydration
    on_min: int | None = None  # icing: ice on for this long
    region: str = ""  # icing: the region group iced
    routine_id: str = ""  # routine: what to start
    message: str = ""  # custom: what to say
    action: str = ""  # what Done opens: "checkin" (the Today check-in), or nothing
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def describe_schedule(self) -> str:
        if self.kind.by_interval:
            every = self.every_min or 0
            text = f"every {_duration(every)} while awake"
        else:
            text = "at " + ", ".join(f"{t:%H:%M}" for t in self.times)
            if self.weekdays != ALL_DAYS:
                text += " on " + ", ".join(_DAY_NAMES[d] for d in sorted(self.weekdays))
        if self.ends is not None:
            text += f", until {self.ends:%a %H:%M}"
        return text


_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


# -- when ------------------------------------------------------------------------------------
def _wall(day: date, at: time, zone: tzinfo) -> datetime:
    """``at`` on ``day`` as an instant in ``zone``.

    A wall time that does not exist (the spring gap) is moved to the instant
    it would have been with the old offset, i.e. an hour later on the clock; a
    wall time that exists twice (autumn) is its first occurrence only.
    """
    naive = datetime.combine(day, at)
    moment = naive.replace(tzinfo=zone, fold=0)
    return utc(moment).astimezone(zone)


def daily_goal_ml(rules: Sequence[ReminderRule]) -> int | None:
    """The day's water goal: the largest of the switched-on hydration reminders'."""
    goals = [
        r.daily_goal_ml for r in rules if r.kind is Kind.HYDRATION and r.enabled and r.daily_goal_ml
    ]
    return max(goals) if goals else None


def session_min(rule: ReminderRule) -> int:
    """How long what the reminder starts keeps going: the ice on, the contrast session.

    Such a session must be over by the end of waking hours (never ice or water
    during sleep); other reminders only need to fall inside them.
    """
    if rule.kind is Kind.ICING:
        return max(0, rule.on_min or 0)
    if rule.kind is Kind.CONTRAST:
        return CONTRAST_SESSION_MIN
    return 0


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
            moment = _wall(day, at, zone)
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


# -- water -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pace:
    goal_ml: int
    drunk_ml: int
    expected_ml: int  # where the pace line is now

    @property
    def behind(self) -> bool:
        return self.drunk_ml < self.expected_ml

    @property
    def behind_by_ml(self) -> int:
        return max(0, self.expected_ml - self.drunk_ml)


def pace(goal_ml: int, drunk_ml: int, now: datetime, week: Waking) -> Pace:
    """The day's pace line: the goal spread evenly over the day's waking hours."""
    waking = week.on(now.date())
    wall = now.timetz().replace(tzinfo=None)
    minutes = waking.minutes()
    into = (wall.hour * 60 + wall.minute) - (waking.start.hour * 60 + waking.start.minute)
    fraction = min(1.0, max(0.0, into / minutes)) if minutes else 1.0
    return Pace(goal_ml, drunk_ml, round(goal_ml * fraction))


def backs_off(rule: ReminderRule, now: datetime, last_drink: datetime | None) -> bool:
    """Hydration stays quiet when the user drank within the last half interval."""
    if rule.kind is not Kind.HYDRATION or last_drink is None or not rule.every_min:
        return False
    return timedelta(0) <= utc(now) - utc(last_drink) < timedelta(minutes=rule.every_min / 2)


# -- safety ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleReview:
    checks: tuple[Check, ...]

    @property
    def refused(self) -> tuple[str, ...]:
        return tuple(c.reason for c in self.checks if c.verdict is Verdict.REFUSE)

    @property
    def to_confirm(self) -> tuple[str, ...]:
        return tuple(c.reason for c in self.checks if c.verdict is Verdict.CONFIRM)

    @property
    def allowed(self) -> bool:
        return not self.refused


def _refuse(reason: str) -> Check:
    return Check(Verdict.REFUSE, reason)


def check_rule(
    rule: ReminderRule,
    bounds: ProtocolBounds,
    waking: Waking,
    others: Sequence[ReminderRule] = (),
) -> RuleReview:
    """Every limit the rule must respect, with ``others`` (the user's other rules)."""
    checks: list[Check] = []
    title = rule.title.strip()
    if not title:
        checks.append(_refuse("Give the reminder a name."))
    elif len(title) > MAX_TITLE:
        checks.append(_refuse(f"The name is longer than {MAX_TITLE} characters."))
    if not rule.weekdays or not rule.weekdays <= ALL_DAYS:
        checks.append(_refuse("Choose at least one day of the week."))
    if rule.starts is not None and rule.ends is not None and utc(rule.ends) <= utc(rule.starts):
        checks.append(_refuse("The reminder's window ends before it starts."))
    if rule.kind.by_interval:
        if not rule.every_min or rule.every_min <= 0:
            checks.append(_refuse("Say how often, in minutes."))
    else:
        checks += _check_times(rule, waking)
    checker = _KIND_CHECKS.get(rule.kind)
    if checker is not None and not any(c.verdict is Verdict.REFUSE for c in checks):
        checks += checker(rule, _Context(bounds, waking, others))
    return RuleReview(tuple(c for c in checks if c.verdict is not Verdict.OK))


@dataclass(frozen=True)
class _Context:
    bounds: ProtocolBounds
    waking: Waking
    others: Sequence[ReminderRule]


def _check_times(rule: ReminderRule, waking: Waking) -> list[Check]:
    if not rule.times:
        return [_refuse("Choose at least one time of day.")]
    if len(set(rule.times)) != len(rule.times):
        return [_refuse("The same time is listed twice.")]
    days = [_A_MONDAY + timedelta(days=d) for d in sorted(rule.weekdays & ALL_DAYS)]

    def awake(at: time, day: date) -> bool:
        return fits(rule, at, waking.on(day))

    session = session_min(rule)
    # "23:05 is outside ..." or "23:05 (with its 12-minute session) runs past ...".
    what = "is outside" if not session else f"with its {session}-minute session does not fit inside"
    never = [t for t in rule.times if not any(awake(t, day) for day in days)]
    if never:
        return [
            _refuse(
                f"{never[0]:%H:%M} {what} your waking hours ({waking.describe()}); "
                "reminders stay quiet then."
            )
        ]
    some = [(t, day) for t in rule.times for day in days if not awake(t, day)]
    if some:
        at, day = some[0]
        return [
            Check(
                Verdict.CONFIRM,
                f"{at:%H:%M} {what} your waking hours on {DAY_NAMES[day.weekday()]}s, "
                "so it stays quiet that day. Keep it anyway?",
            )
        ]
    return []


def _busiest_day(rule: ReminderRule, waking: Waking) -> int:
    """The most times ``rule`` fires on any one day of the week."""
    return max(len(day_times(rule, _A_MONDAY + timedelta(days=d), waking)) for d in range(7))


def _hydration(rule: ReminderRule, ctx: _Context) -> list[Check]:
    checks = [ctx.bounds.check("hydration.reminder_interval", rule.every_min or 0)]
    if rule.amount_ml is None:
        return [*checks, _refuse("Say how much water each reminder is for.")]
    checks.append(ctx.bounds.check("hydration.reminder_volume", rule.amount_ml))
    if rule.daily_goal_ml is not None:
        checks.append(ctx.bounds.check("hydration.daily_target", rule.daily_goal_ml / 1000))
    # The rule as edited counts, its stored self does not.
    rest = [r for r in ctx.others if rule.id is None or r.id != rule.id]
    water = [
        r
        for r in (*rest, rule)
        if r.kind is Kind.HYDRATION and r.enabled and r.every_min and r.amount_ml
    ]
    per_hour = sum((r.amount_ml or 0) * math.ceil(60 / (r.every_min or 60)) for r in water)
    hour_cap = ctx.bounds.bound("hydration.scheduled_per_hour").hard_max or 1.0
    if per_hour > hour_cap * 1000:
        checks.append(
            _refuse(
                f"That schedules {per_hour} mL of water within one hour; more than "
                f"{hour_cap * 1000:g} mL an hour is more than kidneys clear, so it is not allowed."
            )
        )
    per_day = max(
        sum(
            (r.amount_ml or 0) * len(day_times(r, _A_MONDAY + timedelta(days=d), ctx.waking))
            for r in water
        )
        for d in range(7)
    )
    day_cap = ctx.bounds.bound("hydration.daily_target").hard_max or 6.0
    if per_day > day_cap * 1000:
        checks.append(
            _refuse(
                f"That schedules {per_day / 1000:g} L of water a day; more than "
                f"{day_cap:g} L is not allowed."
            )
        )
    return checks


_A_MONDAY = date(2026, 1, 5)


def _icing(rule: ReminderRule, ctx: _Context) -> list[Check]:
    if rule.on_min is None:
        return [_refuse("Say how long the ice stays on.")]
    lean = rule.region in OUTER_KNEE_REGIONS
    key = "ice_pack.application_outer_knee_or_lean" if lean else "ice_pack.application"
    checks = [ctx.bounds.check(key, rule.on_min)]
    every = rule.every_min or 0
    checks.append(ctx.bounds.check("ice_pack.interval_between_sessions", every))
    if every < rule.on_min + 10:
        checks.append(_refuse("Leave the skin at least 10 minutes without ice between sessions."))
    sessions = _busiest_day(rule, ctx.waking)
    cap = ctx.bounds.bound("ice_pack.sessions_per_24h").hard_max or 8
    if sessions > cap:
        checks.append(
            _refuse(
                f"That is {sessions} ice sessions a day; more than {cap:g} is not allowed. "
                "Leave a longer gap."
            )
        )
    elif sessions == 0:
        checks.append(_refuse("No session fits inside your waking hours; shorten the ice time."))
    if rule.starts is not None and rule.ends is not None:
        hours = (utc(rule.ends) - utc(rule.starts)).total_seconds() / 3600
        if hours > ICING_WINDOW_USUAL_H:
            checks.append(
                Check(
                    Verdict.CONFIRM,
                    f"Icing is mostly useful in the first {ICING_WINDOW_USUAL_H} hours; this "
                    f"window runs {hours:.0f} hours. Keep it anyway?",
                )
            )
    return checks


def _contrast(rule: ReminderRule, ctx: _Context) -> list[Check]:
    cap = ctx.bounds.bound("contrast_water.per_day").hard_max or 1
    if len(rule.times) > cap:
        return [_refuse(f"Contrast therapy is at most {cap:g} session a day.")]
    return []


def _custom(rule: ReminderRule, _ctx: _Context) -> list[Check]:
    if len(rule.message) > MAX_MESSAGE:
        return [_refuse(f"The message is longer than {MAX_MESSAGE} characters.")]
    return []


def _routine(rule: ReminderRule, _ctx: _Context) -> list[Check]:
    if not rule.routine_id:
        return [_refuse("Choose the routine to be reminded of.")]
    return []


_KIND_CHECKS = {
    Kind.HYDRATION: _hydration,
    Kind.ICING: _icing,
    Kind.CONTRAST: _contrast,
    Kind.CUSTOM: _custom,
    Kind.ROUTINE: _routine,
}


# -- "Just finished a run" -----------------------------------------------------------------------
ACTIVITY_ROUTINES = {"run": "post_run_cooldown", "leg_day": "leg_day_recovery"}
AFTER_WATER_ML = 250


def _one_off(title: str, at: datetime, **values: object) -> ReminderRule:
    """A rule that fires once, at ``at`` (its window is the minute around it)."""
    return ReminderRule(
        Kind.CUSTOM,
        title,
        times=(at.time().replace(second=0, microsecond=0, tzinfo=None),),
        starts=at - timedelta(minutes=1),
        ends=at + timedelta(minutes=1),
        **values,  # type: ignore[arg-type]
    )


def _waking_at(moment: datetime, week: Waking) -> datetime | None:
    """``moment`` if it is inside waking hours, else the next waking start."""
    waking = week.on(moment.date())
    wall = moment.timetz().replace(tzinfo=None)
    if waking.start <= wall < waking.end:
        return moment
    if wall < waking.start:
        day = moment.date()
    else:
        day = moment.date() + timedelta(days=1)
        waking = week.on(day)
    return _wall(day, waking.start, moment.tzinfo) if moment.tzinfo else None


def recovery_timeline(activity: str, now: datetime, waking: Waking) -> list[ReminderRule]:
    """After a run or leg day: water now and in 30 minutes, check-ins a day and two days on.

    (The cool-down routine starts at once; it is not a reminder.) Water that
    would fall outside waking hours is left out; a check-in moves to the next
    morning.
    """
    label = "run" if activity == "run" else "leg day"
    start = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    rules: list[ReminderRule] = []
    for at, title in (
        (start, "Drink after your %s"),
        (start + timedelta(minutes=30), "A little more water"),
    ):
        if waking.contains(at):
            rules.append(
                _one_off(
                    title.replace("%s", label),
                    at,
                    amount_ml=AFTER_WATER_ML,
                    message=f"About {AFTER_WATER_ML} mL of water, with some food if you can.",
                )
            )
    for days in (1, 2):
        when = _waking_at(start + timedelta(days=days), waking)
        if when is not None:
            rules.append(
                _one_off(
                    f"How are your legs, day {days} after your {label}?",
                    when,
                    message="A quick check-in: mark the sore spots on the body map.",
                    action="checkin",
                )
            )
    return rules


def timeline(
    rules: Iterable[ReminderRule],
    day: date,
    zone: tzinfo,
    waking: Waking,
) -> list[tuple[datetime, ReminderRule]]:
    """Every reminder due on ``day``, in time order: the Reminders screen's day view."""
    start = datetime.combine(day, time(0), tzinfo=zone) - timedelta(microseconds=1)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    items = [
        (moment, rule) for rule in rules for moment in occurrences(rule, start, end, zone, waking)
    ]
    return sorted(items, key=lambda item: (utc(item[0]), item[1].title))
