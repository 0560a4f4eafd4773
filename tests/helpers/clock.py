"""A clock that only moves when a test moves it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from companion.domain.clock import later

LONDON = ZoneInfo("Europe/London")


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 6, 15, 9, 0, tzinfo=LONDON)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move on by ``delta`` of real time, as a real clock would.

        Across a DST change the wall-clock time moves by an hour more or less:
        two hours after 00:30 on the night the clocks go forward is 03:30.
        (``now + delta`` in one tzinfo would be wall-clock arithmetic, 02:30.)
        """
        self._now = later(self._now, delta if delta is not None else timedelta(**kwargs))
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = moment
