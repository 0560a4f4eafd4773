"""Timelines and the day's water: the Reminders screen's day view, the reminders after
a run or leg day, the water goal and pace, what a water schedule adds up to, when a
water reminder backs off, when a rule is finished, and where and from when an icing
reminder ices (the latest check-in's sorest spot suited to ice, from its onset)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from companion.domain.checkin import CheckIn, Descriptor, SorenessType
from companion.domain.clock import later, utc
from companion.domain.regions import Side
from companion.domain.reminders.rules import Kind, ReminderRule
from companion.domain.reminders.schedule import day_times, occurrences, wall_moment
from companion.domain.reminders.waking import Waking


def daily_goal_ml(rules: Sequence[ReminderRule]) -> int | None:
    """The day's water goal: the largest of the switched-on hydration reminders'."""
    goals = [
        r.daily_goal_ml for r in rules if r.kind is Kind.HYDRATION and r.enabled and r.daily_goal_ml
    ]
    return max(goals) if goals else None


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


# -- what a water schedule adds up to --------------------------------------------------------
WELL_PAST_GOAL = 1.5  # [D] a schedule above 1.5 times the day's goal asks first
_A_WEEK = tuple(date(2026, 1, 5) + timedelta(days=d) for d in range(7))  # Monday first


def scheduled_water_ml(rules: Iterable[ReminderRule], waking: Waking) -> int:
    """The water the switched-on hydration ``rules`` ask for on their busiest day, in mL:
    each reminder's amount once for every time it fires inside that day's waking hours
    (hourly 250 mL over 07:00-22:00 is 15 reminders, 3,750 mL)."""
    water = [
        r for r in rules if r.kind is Kind.HYDRATION and r.enabled and r.every_min and r.amount_ml
    ]
    if not water:
        return 0
    return max(
        sum((r.amount_ml or 0) * len(day_times(r, day, waking)) for r in water) for day in _A_WEEK
    )


@dataclass(frozen=True)
class WaterSchedule:
    """A water reminder's day, against the goal: what the editor says as you type."""

    rule_ml: int  # this reminder alone, on its busiest day
    total_ml: int  # with the user's other switched-on water reminders
    goal_ml: int | None

    @property
    def well_past_goal(self) -> bool:
        return bool(self.goal_ml) and self.total_ml > (self.goal_ml or 0) * WELL_PAST_GOAL


def water_schedule(
    rule: ReminderRule,
    others: Sequence[ReminderRule],
    waking: Waking,
    goal_ml: int | None,
) -> WaterSchedule:
    """What ``rule`` (as edited; its stored self among ``others`` does not count twice)
    and the other water reminders add up to over a waking day."""
    on = replace(rule, enabled=True)
    rest = [r for r in others if rule.id is None or r.id != rule.id]
    return WaterSchedule(
        scheduled_water_ml([on], waking), scheduled_water_ml([*rest, on], waking), goal_ml
    )


@dataclass(frozen=True)
class HeldBack:
    """A water reminder that backed off (its stored event), with the drink logged just
    before it fell due, if there is one: what the Reminders screen says."""

    event_id: int
    rule_id: int | None
    title: str
    due_at: datetime
    drink_at: datetime | None
    drink_ml: int | None


def backs_off(rule: ReminderRule, now: datetime, last_drink: datetime | None) -> bool:
    """Hydration stays quiet when the user drank within the last half interval."""
    if rule.kind is not Kind.HYDRATION or last_drink is None or not rule.every_min:
        return False
    return timedelta(0) <= utc(now) - utc(last_drink) < timedelta(minutes=rule.every_min / 2)


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
    return wall_moment(day, waking.start, moment.tzinfo) if moment.tzinfo else None


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


def one_off_at(rule: ReminderRule) -> datetime | None:
    """When a one-off rule (``_one_off``'s: one time, a two-minute window) fires."""
    if rule.starts is None or rule.ends is None or len(rule.times) != 1:
        return None
    return rule.starts + (rule.ends - rule.starts) / 2


RECOVERY_KINDS = ("water", "checkin", "other")


def recovery_groups(rules: Iterable[ReminderRule]) -> dict[str, list[datetime]]:
    """What a recovery timeline added, by kind ("water", "checkin", "other"), each with
    the moments it fires, in time order: what "Just finished" tells the user."""
    groups: dict[str, list[datetime]] = {}
    for rule in rules:
        at = one_off_at(rule)
        if at is None:
            continue
        kind = "checkin" if rule.action == "checkin" else "water" if rule.amount_ml else "other"
        groups.setdefault(kind, []).append(at)
    return {k: sorted(groups[k], key=utc) for k in RECOVERY_KINDS if k in groups}


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


def finished(rule: ReminderRule, now: datetime) -> bool:
    """Whether a rule's window has closed: a one-off that fired, an icing window that
    ended. Nothing more comes of it (its answers stay in the history)."""
    return rule.ends is not None and utc(rule.ends) <= utc(now)


# -- where and from when an icing reminder ices -----------------------------------------------
ICE_UNSUITED_GROUPS = frozenset({"lower_back"})  # [D] back pain that spreads: see the guide
ICING_DEFAULT_WINDOW_H = 72  # the first 72 h from onset (PROTOCOLS 4.2)
_DEFAULT_WINDOW = timedelta(hours=ICING_DEFAULT_WINDOW_H)
# Nerve-type words and numbness: cold is blocked over reduced sensation (PROTOCOLS 4.3).
_NO_ICE_WORDS = frozenset(
    {Descriptor.BURNING, Descriptor.SHOOTING, Descriptor.TINGLING, Descriptor.NUMB}
)


@dataclass(frozen=True)
class IcingSpot:
    """The spot an icing reminder starts from: a region group, its side (CENTRE for a
    central region, None for both sides of a pair sore alike), and when it started."""

    group: str
    side: Side | None
    onset: datetime


def icing_start(checkin: CheckIn | None, now: datetime) -> datetime:
    """Where a new icing reminder's window starts: the latest check-in's onset (when the
    soreness started), while its first 72 hours last; else now (no check-in, or an old one)."""
    if checkin is None or utc(later(checkin.onset, _DEFAULT_WINDOW)) <= utc(now):
        return now
    return checkin.onset


def icing_spot(checkin: CheckIn | None, now: datetime) -> IcingSpot | None:
    """The latest check-in's sorest region suited to ice, with its side and onset.

    None (the editor asks) without a check-in or with one whose first 72 hours are over,
    for nerve-type soreness (no cold or heat,
    PROTOCOLS 4.1 E), when no sore region suits ice (burning, tingling or numb words,
    the lower back), or when two different regions are equally sore: the app does not
    pick one for the user. Both sides of one region equally sore give that region with
    no side (both legs).
    """
    if checkin is None or checkin.soreness_type is SorenessType.NERVE:
        return None
    if icing_start(checkin, now) != checkin.onset:
        return None
    suited = [
        r
        for r in checkin.sore_regions
        if not r.descriptors & _NO_ICE_WORDS and _group(r.region_id) not in ICE_UNSUITED_GROUPS
    ]
    if not suited:
        return None
    worst = max(r.worst for r in suited)
    sorest = [r for r in suited if r.worst == worst]
    groups = {_group(r.region_id) for r in sorest}
    if len(groups) != 1:
        return None
    (group,) = groups
    side = sorest[0].side if len(sorest) == 1 else None
    return IcingSpot(group, side, checkin.onset)


def icing_window(onset: datetime, hours: int) -> tuple[datetime, datetime]:
    """An icing reminder's window: ``hours`` from when the soreness started, not from now
    (a check-in two days after a fall leaves a day of the first 72 h)."""
    return onset, later(onset, timedelta(hours=hours))


def _group(region_id: str) -> str:
    return region_id[:-2] if region_id.endswith(("_L", "_R")) else region_id
