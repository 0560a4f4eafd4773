"""Time, injected.

Rules take a ``Clock`` (or a ``now``) instead of reading the wall clock, so
tests move time by hand. Only ``companion.app`` builds the ``SystemClock``.
All datetimes are timezone-aware.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
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
