"""Reminder rules, their events and the water log in a real SQLite file."""

import sqlite3
from datetime import time, timedelta

import pytest

from companion.domain.reminders import Kind, ReminderRule
from companion.storage.database import open_database
from companion.storage.reminders import ReminderRepository, WaterLog


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    return open_database(data_dir / "c.db", clock.now()).database


def test_rules_round_trip_every_field(db, clock):
    repo = ReminderRepository(db)
    ice = ReminderRule(
        Kind.ICING,
        "Ice the calf",
        every_min=120,
        on_min=15,
        region="calves",
        starts=clock.now(),
        ends=clock.now() + timedelta(hours=72),
    )
    weekly = ReminderRule(
        Kind.ROUTINE,
        "Evening",
        times=(time(19, 30), time(8, 0)),
        weekdays=frozenset({0, 2, 4}),
        routine_id="post_run_cooldown",
    )
    saved = [repo.save(rule, clock.now()) for rule in (ice, weekly)]
    assert [r.id for r in saved] == [1, 2]
    assert repo.all() == saved
    assert repo.get(2).weekdays == frozenset({0, 2, 4})
    assert repo.get(1).ends == ice.ends


def test_edit_disable_and_delete(db, clock):
    repo = ReminderRepository(db)
    rule = repo.save(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250), clock.now()
    )
    from dataclasses import replace

    repo.save(replace(rule, amount_ml=300), clock.now())
    assert rule.id is not None
    assert repo.get(rule.id).amount_ml == 300
    repo.set_enabled(rule.id, False, clock.now())
    assert not repo.get(rule.id).enabled
    repo.delete(rule.id)
    assert repo.all() == []
    with pytest.raises(KeyError):
        repo.save(rule, clock.now())


def test_a_fired_prompt_and_its_answer_are_kept_and_water_is_logged(db, clock):
    repo = ReminderRepository(db)
    water = WaterLog(db)
    rule = repo.save(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250), clock.now()
    )
    assert repo.last_fired() == {rule.id: clock.now()}  # nothing before it existed is missed
    due_at = clock.now() + timedelta(hours=1)
    event_id = repo.fired(rule, due_at, missed=2, shown_at=due_at + timedelta(seconds=1))
    assert repo.last_fired() == {rule.id: due_at}
    repo.save(rule, clock.now())  # an edit never moves the last firing back
    assert repo.last_fired() == {rule.id: due_at}
    repo.answer(event_id, "done", clock.now(), water_ml=250)
    event = repo.event(event_id)
    assert (event.answer, event.missed, event.due_at) == ("done", 2, due_at)
    assert water.total_on(clock.now().date(), clock.now().tzinfo) == 250
    assert water.last_drink() == clock.now()
    assert repo.counts(clock.now() - timedelta(days=1)) == {"done": 1}


def test_a_snooze_survives_until_cleared_and_deleting_the_rule_keeps_history(db, clock):
    repo = ReminderRepository(db)
    rule = repo.save(ReminderRule(Kind.CUSTOM, "Stand", times=(time(11, 0),)), clock.now())
    event_id = repo.fired(rule, clock.now(), 0, clock.now())
    repo.answer(event_id, "snoozed", clock.now(), snoozed_until=clock.now() + timedelta(minutes=10))
    (pending,) = repo.pending_snoozes()
    assert pending.snoozed_until == clock.now() + timedelta(minutes=10)
    repo.clear_snooze(event_id)
    assert repo.pending_snoozes() == []
    assert rule.id is not None
    repo.delete(rule.id)
    assert repo.event(event_id).rule_id is None  # the history stays


def test_water_totals_follow_the_local_day(db, clock):
    water = WaterLog(db)
    zone = clock.now().tzinfo
    midnight = clock.now().replace(hour=0, minute=0)
    water.add(200, midnight - timedelta(minutes=1), "tray")
    water.add(300, midnight + timedelta(minutes=1), "tray")
    water.add(500, midnight + timedelta(hours=12), "cli")
    assert water.total_on(midnight.date(), zone) == 800
    assert water.total_on(midnight.date() - timedelta(days=1), zone) == 200


@pytest.mark.parametrize("ml", [0, -5, 2001])
def test_water_amounts_out_of_range_are_refused_before_and_by_the_table(db, clock, ml):
    with pytest.raises(ValueError, match="not an amount"):
        WaterLog(db).add(ml, clock.now(), "app")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(
            "INSERT INTO water_log (at, ml, source) VALUES (?, ?, 'x')",
            (clock.now().isoformat(), ml),
        )


def test_a_finished_therapy_timer_is_stored_with_each_phase(db, clock):
    from companion.domain.therapy_timer import PhaseTimer, plan_contrast
    from companion.resources import load_protocols
    from companion.storage.therapy import TherapyRepository

    timer = PhaseTimer(plan_contrast(load_protocols()), clock.now())
    timer.tick(clock.now() + timedelta(minutes=4, seconds=30))  # into the second hot phase
    timer.stop(clock.now() + timedelta(minutes=4, seconds=30))
    repo = TherapyRepository(db)
    repo.save(timer)
    (stored,) = repo.recent()
    assert (stored.therapy, stored.outcome) == ("contrast", "stopped")
    assert stored.settings["cycles"] == 3
    assert [p["worked_s"] for p in stored.phases[:3]] == [180, 60, 30]
    assert stored.ended_at == clock.now() + timedelta(minutes=4, seconds=30)
    with pytest.raises(ValueError, match="finished"):
        repo.save(PhaseTimer(plan_contrast(load_protocols()), clock.now()))


def test_snoozes_are_counted_even_when_the_prompt_is_done_in_the_end(db, clock):
    repo = ReminderRepository(db)
    rule = repo.save(ReminderRule(Kind.CUSTOM, "Stand", times=(time(11, 0),)), clock.now())
    event_id = repo.fired(rule, clock.now(), 0, clock.now())
    for _ in range(2):
        repo.answer(event_id, "snoozed", clock.now(), snoozed_until=clock.now())
    assert repo.counts(clock.now() - timedelta(days=1)) == {"snoozed": 2}
    repo.answer(event_id, "done", clock.now())
    assert repo.counts(clock.now() - timedelta(days=1)) == {"done": 1, "snoozed": 2}
