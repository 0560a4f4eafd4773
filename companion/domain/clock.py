"""Time, injected.

Rules take a ``Clock`` (or a ``now``) instead of reading the wall clock, so
tests move time by hand. Only ``companion.app`` builds the ``SystemClock``.
All datetimes are timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in the user's local zone."""
        ...


class SystemClock:
    """The real clock, in the given zone (the machine's local zone by default)."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def now(self) -> datetime:
        if self._zone is None:
            return datetime.now().astimezone()
        return datetime.now(self._zone)


def utc(moment: datetime) -> datetime:
    """The same instant in UTC.

    Python compares and subtracts two datetimes that share a tzinfo by their
    wall-clock fields, so across a DST change ``b - a`` can be an hour off.
    Rules compare and subtract instants through this.
    """
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no instant; pass an aware one")
    return moment.astimezone(UTC)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time from ``start`` to ``end``, correct across DST changes."""
    return utc(end) - utc(start)


def later(moment: datetime, duration: timedelta) -> datetime:
    """The instant ``duration`` of real time after ``moment``, in ``moment``'s zone."""
    return (utc(moment) + duration).astimezone(moment.tzinfo)
