"""The APScheduler adapter on a fake clock: no waiting for real time.

APScheduler reads ``datetime.now`` in its scheduler module; the fixture points
that at the test's clock, and ``wakeup()`` makes the real scheduler thread look
at the (moved) clock at once. Jobs run on APScheduler's real worker threads.
"""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import apscheduler.schedulers.base
import pytest

from companion.domain.reminders import Kind, ReminderRule, WakingHours
from companion.scheduling.reminders import MAX_SLEEP_S, Fired, ReminderScheduler

LONDON = ZoneInfo("Europe/London")
WATER = ReminderRule(Kind.HYDRATION, "Water", id=1, every_min=90, amount_ml=250)
EVENING = ReminderRule(Kind.ROUTINE, "Evening", id=2, times=(time(19, 30),), routine_id="x")


class Moment:
    def __init__(self, start: datetime) -> None:
        self.now = start


@pytest.fixture
def moment(monkeypatch):
    moment = Moment(datetime(2026, 6, 15, 8, 29, 59, tzinfo=LONDON))

    class FakeDatetime(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment.now.astimezone(tz) if tz else moment.now.replace(tzinfo=None)

    monkeypatch.setattr(apscheduler.schedulers.base, "datetime", FakeDatetime)
    return moment


class Inbox:
    def __init__(self) -> None:
        self.items: list[Fired] = []
        self._arrived = threading.Condition()

    def deliver(self, fired: Fired) -> None:
        with self._arrived:
            self.items.append(fired)
            self._arrived.notify_all()

    def wait_for(self, count: int) -> list[Fired]:
        with self._arrived:
            assert self._arrived.wait_for(lambda: len(self.items) >= count, timeout=10)
            return list(self.items)


@pytest.fixture
def inbox():
    return Inbox()


@pytest.fixture
def scheduler(moment, inbox):
    paused: dict[str, datetime | None] = {"until": None}
    scheduler = ReminderScheduler(inbox.deliver, LONDON, WakingHours, lambda: paused["until"])
    scheduler.paused = paused  # type: ignore[attr-defined]
    scheduler.start()
    yield scheduler
    scheduler.shutdown()


def step_to(scheduler: ReminderScheduler, moment: Moment, when: datetime) -> None:
    moment.now = when
    scheduler.apscheduler.wakeup()


def test_a_rule_fires_at_its_time_on_a_worker_thread(scheduler, moment, inbox):
    scheduler.set_rules([WATER, EVENING])
    assert scheduler.next_fire_times() == {
        1: datetime(2026, 6, 15, 8, 30, tzinfo=LONDON),
        2: datetime(2026, 6, 15, 19, 30, tzinfo=LONDON),
    }
    step_to(scheduler, moment, datetime(2026, 6, 15, 8, 30, tzinfo=LONDON))
    (fired,) = inbox.wait_for(1)
    assert fired.rule_id == 1
    assert fired.thread != threading.main_thread().name
    assert scheduler.next_fire_times()[1] == datetime(2026, 6, 15, 10, 0, tzinfo=LONDON)


def test_after_a_long_gap_a_rule_fires_once_not_in_a_burst(scheduler, moment, inbox):
    scheduler.set_rules([WATER])
    step_to(scheduler, moment, datetime(2026, 6, 15, 14, 40, tzinfo=LONDON))  # 4 were missed
    inbox.wait_for(1)
    # get_jobs() takes the lock the scheduler holds while processing: no race here
    assert scheduler.next_fire_times()[1] == datetime(2026, 6, 15, 16, 0, tzinfo=LONDON)
    scheduler.shutdown()  # waits for every job in flight
    assert [f.rule_id for f in inbox.items] == [1]


def test_edits_replace_the_jobs_and_disabled_rules_have_none(scheduler, moment, inbox):
    from dataclasses import replace

    scheduler.set_rules([WATER, EVENING])
    scheduler.add_once("snooze-7", datetime(2026, 6, 15, 9, 0, tzinfo=LONDON))
    scheduler.set_rules([replace(WATER, enabled=False), replace(EVENING, times=(time(18, 0),))])
    assert scheduler.next_fire_times() == {2: datetime(2026, 6, 15, 18, 0, tzinfo=LONDON)}
    assert scheduler.next_once() == {"snooze-7": datetime(2026, 6, 15, 9, 0, tzinfo=LONDON)}


def test_a_pause_holds_rules_back_until_it_ends(scheduler, moment):
    scheduler.paused["until"] = datetime(2026, 6, 15, 11, 0, tzinfo=LONDON)
    scheduler.set_rules([WATER])
    assert scheduler.next_fire_times()[1] == datetime(2026, 6, 15, 11, 30, tzinfo=LONDON)


def test_one_offs_fire_once_and_can_be_cancelled(scheduler, moment, inbox):
    scheduler.add_once("snooze-3", datetime(2026, 6, 15, 8, 40, tzinfo=LONDON))
    scheduler.add_once("ice-off-4", datetime(2026, 6, 15, 8, 45, tzinfo=LONDON))
    scheduler.cancel_once("ice-off-4")
    scheduler.cancel_once("never-added")  # harmless
    step_to(scheduler, moment, datetime(2026, 6, 15, 9, 0, tzinfo=LONDON))
    (fired,) = inbox.wait_for(1)
    scheduler.shutdown()
    assert (fired.key, fired.scheduled) == ("snooze-3", datetime(2026, 6, 15, 8, 40, tzinfo=LONDON))
    assert len(inbox.items) == 1
    assert scheduler.next_once() == {}


def test_the_scheduler_thread_never_sleeps_longer_than_a_minute(scheduler):
    # nothing scheduled: APScheduler alone would sleep until woken
    assert scheduler.apscheduler._process_jobs() == MAX_SLEEP_S


def test_across_the_spring_change_the_evening_reminder_keeps_its_clock_time(scheduler, moment):
    moment.now = datetime(2026, 3, 28, 20, 0, tzinfo=LONDON)
    scheduler.set_rules([EVENING])
    when = scheduler.next_fire_times()[2]
    assert (when.day, when.hour, when.minute) == (29, 19, 30)
    assert when.utcoffset() == timedelta(hours=1)


def test_a_failing_receiver_does_not_stop_the_scheduler(moment, inbox, caplog):
    calls = []
    first = threading.Event()

    def deliver(fired):
        calls.append(fired)
        if len(calls) == 1:
            first.set()
            raise RuntimeError("receiver broke")
        inbox.deliver(fired)

    scheduler = ReminderScheduler(deliver, LONDON, WakingHours, lambda: None)
    scheduler.start()
    try:
        scheduler.add_once("a", datetime(2026, 6, 15, 8, 40, tzinfo=LONDON))
        step_to(scheduler, moment, datetime(2026, 6, 15, 8, 41, tzinfo=LONDON))
        assert first.wait(timeout=10)  # the first wake-up's delivery raised
        scheduler.add_once("b", datetime(2026, 6, 15, 8, 50, tzinfo=LONDON))
        step_to(scheduler, moment, datetime(2026, 6, 15, 8, 51, tzinfo=LONDON))
        assert [f.key for f in inbox.wait_for(1)] == ["b"]
    finally:
        scheduler.shutdown()
    assert "receiver broke" in caplog.text


def test_what_one_wake_up_found_is_handed_over_together(scheduler, moment, inbox):
    from companion.scheduling.reminders import FiredTogether

    scheduler.set_rules([WATER, EVENING])
    scheduler.add_once("snooze-5", datetime(2026, 6, 15, 9, 0, tzinfo=LONDON))
    # A suspend from 08:29 to 19:45: water, the evening routine and the snooze all fell due.
    step_to(scheduler, moment, datetime(2026, 6, 15, 19, 45, tzinfo=LONDON))
    (together,) = inbox.wait_for(1)
    scheduler.shutdown()
    assert isinstance(together, FiredTogether)
    assert sorted((f.rule_id or 0, f.key) for f in together.events) == [
        (0, "snooze-5"),
        (1, ""),
        (2, ""),
    ]
    assert len(inbox.items) == 1  # one hand-over, not a burst
    assert all(f.thread != threading.main_thread().name for f in together.events)
