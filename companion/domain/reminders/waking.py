"""Waking hours: the part of each day reminders may use, the same every day or per weekday.

``Waking`` is either: every function that places a reminder asks ``on(day)``
for that day's hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

MIN_WAKING_H = 4


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

SHORT_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
            days = (
                SHORT_DAY_NAMES[first]
                if first == last
                else f"{SHORT_DAY_NAMES[first]}-{SHORT_DAY_NAMES[last]}"
            )
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
