from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.clock import SystemClock, elapsed, later, utc

LONDON = ZoneInfo("Europe/London")


def test_elapsed_and_later_count_real_time_across_the_spring_change():
    # 29 March 2026: 01:00 GMT jumps to 02:00 BST.
    before = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    after = later(before, timedelta(hours=1))
    assert (after.hour, after.minute) == (2, 30)
    assert elapsed(before, after) == timedelta(hours=1)
    assert after - before == timedelta(hours=2)  # the trap these helpers avoid


def test_utc_refuses_naive_times():
    with pytest.raises(ValueError, match="naive"):
        utc(datetime(2026, 1, 1))


def test_system_clock_is_aware():
    assert SystemClock().now().tzinfo is not None
    assert SystemClock(LONDON).now().tzinfo is LONDON
