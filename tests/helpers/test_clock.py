from datetime import datetime, timedelta

import pytest

from tests.helpers.clock import LONDON, FakeClock


def test_fake_clock_stands_still_until_moved():
    clock = FakeClock(datetime(2026, 1, 1, 12, 0, tzinfo=LONDON))
    assert clock.now() == clock.now() == datetime(2026, 1, 1, 12, 0, tzinfo=LONDON)
    clock.advance(minutes=90)
    assert clock.now() == datetime(2026, 1, 1, 13, 30, tzinfo=LONDON)
    clock.advance(timedelta(days=1))
    assert clock.now().date().day == 2


def test_fake_clock_refuses_naive_times():
    with pytest.raises(ValueError, match="aware"):
        FakeClock(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        FakeClock().set(datetime(2026, 1, 1))
