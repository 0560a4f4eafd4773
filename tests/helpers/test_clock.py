import itertools
from datetime import UTC, datetime, timedelta

import pytest

from companion.domain.clock import elapsed
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


# Europe/London in 2026: the clocks go forward at 01:00 UTC on 29 March (01:00 GMT becomes
# 02:00 BST) and back at 01:00 UTC on 25 October (02:00 BST becomes 01:00 GMT).
def test_advance_moves_real_time_when_the_clocks_go_forward():
    clock = FakeClock(datetime(2026, 3, 29, 0, 30, tzinfo=LONDON))  # 00:30 GMT
    start = clock.now()
    moved = clock.advance(hours=2)
    assert elapsed(start, moved) == timedelta(hours=2)
    assert moved.astimezone(UTC) == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)
    assert (moved.hour, moved.minute, moved.utcoffset()) == (3, 30, timedelta(hours=1))
    assert clock.now() is moved


def test_advance_moves_real_time_when_the_clocks_go_back():
    clock = FakeClock(datetime(2026, 10, 25, 0, 30, tzinfo=LONDON))  # 00:30 BST
    start = clock.now()
    clock.advance(timedelta(hours=2))
    assert elapsed(start, clock.now()) == timedelta(hours=2)
    assert clock.now().astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert (clock.now().hour, clock.now().utcoffset()) == (1, timedelta(0))  # 01:30 GMT
    # The repeated hour: 01:30 BST and then 01:30 GMT, an hour apart, in steps of 30 min.
    clock = FakeClock(datetime(2026, 10, 25, 0, 30, tzinfo=LONDON))
    seen = [clock.advance(minutes=30) for _ in range(4)]
    assert [(m.hour, m.minute, m.fold) for m in seen] == [
        (1, 0, 0),
        (1, 30, 0),
        (1, 0, 1),
        (1, 30, 1),
    ]
    assert [elapsed(a, b) for a, b in itertools.pairwise(seen)] == [timedelta(minutes=30)] * 3


def test_advance_by_a_day_across_a_change_is_24_hours_not_the_same_wall_time():
    clock = FakeClock(datetime(2026, 3, 28, 9, 0, tzinfo=LONDON))
    clock.advance(days=1)
    assert clock.now() == datetime(2026, 3, 29, 10, 0, tzinfo=LONDON)  # 24 h after 09:00 GMT
