from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.clock import elapsed
from companion.domain.pause import (
    LONGEST_PAUSE,
    RESUMED,
    PauseChoice,
    PauseState,
    pause,
    pause_end,
)

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("choice", "now", "end"),
    [
        (PauseChoice.MINUTES_30, at(2026, 6, 15, 9, 0), at(2026, 6, 15, 9, 30)),
        (PauseChoice.HOUR_1, at(2026, 6, 15, 23, 30), at(2026, 6, 16, 0, 30)),
        (PauseChoice.UNTIL_MORNING, at(2026, 6, 15, 21, 0), at(2026, 6, 16, 7, 0)),
        (PauseChoice.UNTIL_MORNING, at(2026, 6, 15, 7, 0), at(2026, 6, 16, 7, 0)),
        # In the small hours "tomorrow morning" is the coming one, not a day later.
        (PauseChoice.UNTIL_MORNING, at(2026, 6, 16, 1, 30), at(2026, 6, 16, 7, 0)),
    ],
)
def test_pause_end(choice, now, end):
    assert pause_end(choice, now) == end


def test_until_morning_stays_at_seven_across_the_autumn_clock_change():
    # Clocks go back at 02:00 on 25 October 2026 in London: that night is 25 hours long.
    now = at(2026, 10, 24, 22, 0)
    end = pause_end(PauseChoice.UNTIL_MORNING, now)
    assert (end.hour, end.minute) == (7, 0)
    assert elapsed(now, end) == timedelta(hours=10)  # 9 wall-clock hours plus the repeated hour
    state = PauseState(end)
    assert state.remaining(now) == timedelta(hours=10)
    # 06:30 is still before the end, even though the night had an extra hour.
    assert state.is_paused(at(2026, 10, 25, 6, 30))


def test_custom_morning():
    assert pause_end(PauseChoice.UNTIL_MORNING, at(2026, 6, 15, 9), time(6, 15)) == at(
        2026, 6, 16, 6, 15
    )


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        pause_end(PauseChoice.HOUR_1, datetime(2026, 6, 15, 9))


def test_state_runs_out_by_itself():
    now = at(2026, 6, 15, 9, 0)
    state = pause(PauseChoice.MINUTES_30, now)
    assert state.is_paused(now)
    assert state.is_paused(now + timedelta(minutes=29, seconds=59))
    assert not state.is_paused(now + timedelta(minutes=30))
    assert state.remaining(now) == timedelta(minutes=30)
    assert state.remaining(now + timedelta(hours=1)) == timedelta(0)
    assert not RESUMED.is_paused(now)


def test_describe():
    now = at(2026, 6, 15, 13, 0)
    assert RESUMED.describe(now) == "Reminders on"
    assert pause(PauseChoice.HOUR_1, now).describe(now) == "Paused until 14:00"
    assert pause(PauseChoice.UNTIL_MORNING, now).describe(now) == "Paused until Tue 07:00"
    assert PauseState(at(2026, 6, 15, 12, 0)).describe(now) == "Reminders on"


def test_thirty_minutes_is_thirty_real_minutes_inside_the_repeated_hour():
    # 01:50 BST, 30 real minutes later it is 01:20 GMT (the wall clock went back).
    first_0150 = datetime(2026, 10, 25, 1, 50, tzinfo=LONDON, fold=0)
    state = pause(PauseChoice.MINUTES_30, first_0150)
    second_0115 = datetime(2026, 10, 25, 1, 15, tzinfo=LONDON, fold=1)
    assert state.is_paused(second_0115)
    assert state.remaining(second_0115) == timedelta(minutes=5)


def test_the_longest_pause_the_app_offers_is_within_reach():
    now = datetime(2026, 10, 24, 7, 1, tzinfo=ZoneInfo("Europe/London"))  # the night clocks go back
    longest = pause(PauseChoice.UNTIL_MORNING, now)
    assert longest.within_reach(now)
    assert PauseState().within_reach(now)
    assert not PauseState(datetime(9999, 12, 31, 23, 59, tzinfo=UTC)).within_reach(now)
    assert not PauseState(now + LONGEST_PAUSE + timedelta(minutes=1)).within_reach(now)
