"""Whether a rule is safe to keep: ``check_rule`` applies the protocol bounds
(PROTOCOLS.md 1.1-1.3). A hard limit refuses the rule with the reason, a value
outside the usual range asks for confirmation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from companion.domain.clock import utc
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.domain.regions import OUTER_KNEE_GROUPS
from companion.domain.reminders.rules import (
    ALL_DAYS,
    MAX_MESSAGE,
    MAX_TITLE,
    Kind,
    ReminderRule,
    session_min,
)
from companion.domain.reminders.schedule import day_times, fits
from companion.domain.reminders.timeline import WELL_PAST_GOAL, scheduled_water_ml
from companion.domain.reminders.waking import DAY_NAMES, Waking

ICING_WINDOW_USUAL_H = 72  # the main window after an acute injury


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
    *,
    now: datetime | None = None,
) -> RuleReview:
    """Every limit the rule must respect, with ``others`` (the user's other rules);
    with ``now``, a window that has already closed is refused too."""
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
    elif rule.ends is not None and now is not None and utc(rule.ends) <= utc(now):
        checks.append(
            _refuse(
                f"Its window already ended ({rule.ends.astimezone(now.tzinfo):%a %H:%M}), "
                "so it would never remind you."
            )
        )
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
    per_day = scheduled_water_ml(water, ctx.waking)
    day_cap = ctx.bounds.bound("hydration.daily_target").hard_max or 6.0
    if per_day > day_cap * 1000:
        checks.append(
            _refuse(
                f"That schedules {per_day / 1000:g} L of water a day; more than "
                f"{day_cap:g} L is not allowed."
            )
        )
        return checks
    goal = rule.daily_goal_ml
    warn = ctx.bounds.bound("hydration.daily_target").warn_max
    if goal and per_day > goal * WELL_PAST_GOAL:
        checks.append(
            Check(
                Verdict.CONFIRM,
                f"That schedules about {per_day / 1000:g} L of water a day, well past your "
                f"goal of {goal / 1000:g} L. Keep it anyway?",
            )
        )
    elif warn is not None and per_day > warn * 1000:
        checks.append(
            Check(
                Verdict.CONFIRM,
                f"That schedules about {per_day / 1000:g} L of water a day, more than the "
                f"usual {warn:g} L. Keep it anyway?",
            )
        )
    return checks


_A_MONDAY = date(2026, 1, 5)


def _icing(rule: ReminderRule, ctx: _Context) -> list[Check]:
    if rule.on_min is None:
        return [_refuse("Say how long the ice stays on.")]
    lean = rule.region in OUTER_KNEE_GROUPS
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
