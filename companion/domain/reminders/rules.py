"""Reminder rules as plain data: their kinds, what each holds, and how a schedule reads.

A rule is stored in our own table (the source of truth); ``describe_schedule``
puts its schedule in words, ``session_min`` says how long what it starts lasts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum

from companion.domain.reminders.waking import SHORT_DAY_NAMES
from companion.domain.translatable import QT_TRANSLATE_NOOP

ALL_DAYS = frozenset(range(7))  # Monday is 0
MAX_TITLE = 80
MAX_MESSAGE = 200
SNOOZE_DEFAULT_MIN = 10
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
                text += " on " + ", ".join(SHORT_DAY_NAMES[d] for d in sorted(self.weekdays))
        if self.ends is not None:
            text += f", until {self.ends:%a %H:%M}"
        return text


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


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
