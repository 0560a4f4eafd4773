"""Pausing reminders: "30 minutes", "1 hour" or "until tomorrow morning".

A pause is a single moment, ``paused_until``; reminders that fall due
before it are held back and none are fired in a burst afterwards (the
scheduler decides what to do with what it held back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from companion.domain.clock import elapsed, later, utc
from companion.domain.translatable import QT_TRANSLATE_NOOP

DEFAULT_MORNING = time(7, 0)
# The longest pause the app offers: "until tomorrow morning" chosen just after the
# morning is 24 h, one more across a change to winter time. A stored or imported
# pause that ends later than this from now was not made by the app.
LONGEST_PAUSE = timedelta(hours=25)


class PauseChoice(StrEnum):
    MINUTES_30 = "30min"
    HOUR_1 = "1h"
    UNTIL_MORNING = "morning"

    @property
    def label(self) -> str:
        return {
            "30min": QT_TRANSLATE_NOOP("PauseChoice", "For 30 minutes"),
            "1h": QT_TRANSLATE_NOOP("PauseChoice", "For 1 hour"),
            "morning": QT_TRANSLATE_NOOP("PauseChoice", "Until tomorrow morning"),
        }[self.value]


def pause_end(choice: PauseChoice, now: datetime, morning: time = DEFAULT_MORNING) -> datetime:
    """When a pause chosen at ``now`` ends.

    "Until tomorrow morning" ends at the next ``morning`` wall-clock time: later
    today when chosen in the small hours, otherwise tomorrow. Wall-clock
    arithmetic in ``now``'s zone keeps it at 07:00 across a DST change.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if choice is PauseChoice.MINUTES_30:
        return later(now, timedelta(minutes=30))
    if choice is PauseChoice.HOUR_1:
        return later(now, timedelta(hours=1))
    today_morning = datetime.combine(now.date(), morning, tzinfo=now.tzinfo)
    if utc(now) < utc(today_morning):
        return today_morning
    return datetime.combine(now.date() + timedelta(days=1), morning, tzinfo=now.tzinfo)


@dataclass(frozen=True)
class PauseState:
    paused_until: datetime | None = None

    def is_paused(self, now: datetime) -> bool:
        return self.paused_until is not None and utc(now) < utc(self.paused_until)

    def within_reach(self, now: datetime) -> bool:
        """No pause, or one that ends no later than the longest the app offers."""
        return self.paused_until is None or elapsed(now, self.paused_until) <= LONGEST_PAUSE

    def remaining(self, now: datetime) -> timedelta:
        if self.paused_until is None or not self.is_paused(now):
            return timedelta(0)
        return elapsed(now, self.paused_until)

    def describe(self, now: datetime) -> str:
        """A short status line: "Reminders on" or "Paused until 14:30" / "until Sun 07:00"."""
        if not self.is_paused(now):
            return "Reminders on"
        assert self.paused_until is not None
        until = self.paused_until.astimezone(now.tzinfo)
        if until.date() == now.date():
            return f"Paused until {until:%H:%M}"
        return f"Paused until {until:%a %H:%M}"


def pause(choice: PauseChoice, now: datetime, morning: time = DEFAULT_MORNING) -> PauseState:
    """A new pause replaces any running one: the user's latest choice wins."""
    return PauseState(paused_until=pause_end(choice, now, morning))


RESUMED = PauseState()
