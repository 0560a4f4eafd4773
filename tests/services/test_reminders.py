"""Reminders as a service: rules, snooze, water, the pause and what falling due comes to.
Real SQLite files in a temporary folder; no Qt."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from companion.domain.pause import PauseChoice
from companion.domain.reminders import Kind, ReminderRule
from companion.services.content import LazyContent
from companion.services.reminders import (
    SNOOZE_DEFAULT,
    SNOOZE_KEY,
    SNOOZE_RANGE,
    PauseService,
    Quiet,
    ReminderService,
    RuleRefusedError,
)
from companion.services.safety import SafetyGate
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    clock.set(clock.now().replace(hour=8, minute=0))  # Monday 08:00
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def content() -> LazyContent:
    return LazyContent()


@pytest.fixture
def service(db, clock, content) -> ReminderService:
    return ReminderService(
        db, clock, protocols=lambda: content.protocols, gate=SafetyGate(db, content, clock)
    )


def water_rule(**changes) -> ReminderRule:
    values = {"every_min": 90, "amount_ml": 250, "daily_goal_ml": 2000} | changes
    return ReminderRule(Kind.HYDRATION, "Water", **values)


def store_red(db, content, clock, question: str = "R5") -> None:
    triage = content.triage
    CheckInRepository(db).record_outcome(triage.evaluate({question: True}, set(), clock.now()))


# -- falling due ----------------------------------------------------------------------------------
def test_a_due_rule_prompts_and_its_event_waits_for_the_answer(service, clock):
    rule = service.save_rule(water_rule())
    clock.advance(minutes=30)  # 08:30
    decision = service.on_due(rule, clock.now())
    assert decision is not None and decision.prompts
    assert decision.at == clock.now() and decision.missed == 0
    assert service.on_due(rule, clock.now()) is None  # the same moment, delivered twice
    assert service.week_counts() == {"unanswered": 1}  # shown, waiting for its answer


def test_nothing_is_due_for_a_rule_switched_off(service, clock):
    rule = service.save_rule(water_rule(enabled=False))
    clock.advance(minutes=30)
    assert service.on_due(rule, clock.now()) is None


def test_on_due_is_quiet_while_paused(db, service, clock):
    rule = service.save_rule(water_rule())
    clock.advance(minutes=30)
    service.pause.pause(PauseChoice.HOUR_1)
    decision = service.on_due(rule, clock.now())
    assert decision is not None and decision.quiet is Quiet.PAUSED and not decision.prompts
    assert service.week_counts() == {"quiet": 1}
    assert PauseService(db, clock).is_paused()  # saved, not only held


def test_on_due_backs_off_after_a_recent_drink(service, clock):
    rule = service.save_rule(water_rule())
    clock.advance(minutes=10)
    service.log_water(300, "tray")
    clock.advance(minutes=20)  # 08:30, 20 minutes after drinking (under half of 90)
    decision = service.on_due(rule, clock.now())
    assert decision is not None and decision.quiet is Quiet.BACKED_OFF
    assert service.week_counts() == {"backed_off": 1}


def test_on_due_is_quiet_with_the_gates_reason_under_a_lock(db, content, service, clock):
    icing = service.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    note = service.save_rule(ReminderRule(Kind.CUSTOM, "Check in", times=(time(10, 0),)))
    store_red(db, content, clock)
    assert service.quiet_reason(icing)  # the Reminders screen's short form
    clock.advance(hours=2)  # 10:00: an icing slot and the note
    decision = service.on_due(icing, clock.now())
    assert decision is not None and decision.quiet is Quiet.SAFETY
    assert "Call 112 now" in decision.reason
    assert service.held[icing.id] == decision.reason
    assert service.week_counts() == {"quiet": 1}
    other = service.on_due(note, clock.now())
    assert other is not None and other.prompts  # a check-in reminder still comes


def test_water_is_quiet_under_r6(db, content, service, clock):
    water = service.save_rule(water_rule())
    store_red(db, content, clock, "R6")
    clock.advance(minutes=90)
    decision = service.on_due(water, clock.now())
    assert decision is not None and decision.quiet is Quiet.SAFETY
    assert "do not drink more" in decision.reason.lower()


def test_the_pause_comes_before_the_gate(db, content, service, clock):
    water = service.save_rule(water_rule())
    store_red(db, content, clock, "R6")
    service.pause.pause(PauseChoice.HOUR_1)
    clock.advance(minutes=30)
    decision = service.on_due(water, clock.now())
    assert decision is not None and decision.quiet is Quiet.PAUSED


def test_without_a_gate_nothing_is_held_for_safety(db, content, clock):
    plain = ReminderService(db, clock)
    rule = plain.save_rule(water_rule())
    store_red(db, content, clock, "R6")
    clock.advance(minutes=30)
    decision = plain.on_due(rule, clock.now())
    assert decision is not None and decision.prompts
    assert plain.quiet_reason(rule) == ""


# -- answers and snooze ---------------------------------------------------------------------------
def test_done_logs_the_water_and_snooze_comes_back(service, clock):
    rule = service.save_rule(water_rule())
    clock.advance(minutes=30)
    first = service.on_due(rule, clock.now())
    assert first is not None
    assert service.answer(first.event_id, rule, "done").snoozed_until is None
    assert service.water_today() == 250
    clock.advance(minutes=90)
    second = service.on_due(rule, clock.now())
    assert second is not None
    answered = service.answer(second.event_id, rule, "snooze")
    assert answered.snoozed_until == clock.now() + timedelta(minutes=SNOOZE_DEFAULT)
    assert service.pending_snoozes() == [(second.event_id, answered.snoozed_until)]
    clock.advance(minutes=SNOOZE_DEFAULT)
    again = service.snooze_over(second.event_id)
    assert again is not None and again.prompts and again.event_id == second.event_id
    assert service.snooze_over(second.event_id) is None  # shown once
    assert service.week_counts() == {"done": 1, "snoozed": 1}


def test_icing_done_says_when_the_ice_comes_off_and_a_routine_what_to_start(service, clock):
    ice = service.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    cool = service.save_rule(
        ReminderRule(Kind.ROUTINE, "Cool-down", times=(time(9, 0),), routine_id="post_run_cooldown")
    )
    clock.set(clock.now().replace(hour=9))
    iced = service.on_due(ice, clock.now())
    assert iced is not None
    assert service.answer(iced.event_id, ice, "done").ice_off_at == clock.now() + timedelta(
        minutes=15
    )
    routine = service.on_due(cool, clock.now())
    assert routine is not None
    assert service.answer(routine.event_id, cool, "done").routine_id == "post_run_cooldown"


def test_snooze_minutes_stay_within_5_to_60(db, service, clock):
    from companion.storage.settings import SettingsRepository

    assert SNOOZE_RANGE == (5, 60)
    assert service.snooze_minutes() == SNOOZE_DEFAULT == 10
    assert service.set_snooze_minutes(25)
    assert service.snooze_minutes() == 25
    assert not service.set_snooze_minutes(500)
    assert not service.set_snooze_minutes(4)
    assert service.set_snooze_minutes(5) and service.set_snooze_minutes(60)
    assert service.snooze_minutes() == 60
    settings = SettingsRepository(db)
    for stored in (61, 0, True, "15", 12.5, None):  # hand-edited or damaged: the default
        settings.set(SNOOZE_KEY, stored, clock.now())
        assert service.snooze_minutes() == 10


# -- rules ----------------------------------------------------------------------------------------
def test_switching_on_checks_the_limits_again(service, clock):
    (flood,) = service.save_rules(  # as an import brings it: switched off, never checked
        [ReminderRule(Kind.HYDRATION, "Flood", every_min=5, amount_ml=500, enabled=False)]
    )
    reason = service.set_enabled(flood.id, True)
    assert reason is not None and reason.startswith("“Flood” stays off: ")
    assert "an hour" in reason
    assert not service.rules()[0].enabled
    assert service.set_enabled(flood.id, False) is None
    assert service.set_enabled(9999, True) == "That reminder no longer exists."


def test_switching_on_and_off_within_the_limits(service):
    rule = service.save_rule(water_rule(enabled=False))
    assert service.set_enabled(rule.id, True) is None
    assert service.get(rule.id).enabled
    assert service.rules()[0].enabled  # the rules read again after the change
    assert service.set_enabled(rule.id, False) is None
    assert not service.get(rule.id).enabled


def test_saving_a_rule_beyond_a_hard_limit_is_refused(service):
    with pytest.raises(RuleRefusedError) as refused:
        service.save_rule(ReminderRule(Kind.HYDRATION, "Flood", every_min=5, amount_ml=500))
    assert refused.value.reasons
    assert service.rules() == []
    with pytest.raises(RuleRefusedError):
        service.save_rule(ReminderRule(Kind.CUSTOM, " ", times=(time(9, 0),)))


def test_delete_a_rule(service):
    rule = service.save_rule(water_rule())
    assert service.delete_rule(rule.id)
    assert service.rules() == []
    assert not service.delete_rule(rule.id)


def test_after_a_run_the_recovery_timeline_and_the_cool_down(service, clock):
    recovery = service.after_activity("run")
    assert recovery.routine_id == "post_run_cooldown"
    titles = [rule.title for rule in service.rules()]
    assert titles == [rule.title for rule in recovery.rules]
    assert "Drink after your run" in titles
    assert service.after_activity("leg_day").routine_id == "leg_day_recovery"
    with pytest.raises(ValueError, match="'swim' is not"):
        service.after_activity("swim")


def test_just_finished_says_what_it_added_and_undo_removes_exactly_those(service, clock):
    clock.set(clock.now().replace(hour=18, minute=20))  # Monday 15 June
    mine = service.save_rule(water_rule())  # the user's own reminder stays
    recovery = service.after_activity("run")
    assert service.recovery_summary(recovery) == (
        "Added: water at 18:21 and 18:51; check-ins tomorrow at 18:21 and on Wed at 18:21."
    )
    clock.advance(minutes=1)  # the first one already reminded: its answer stays in the history
    first = service.rule_due(recovery.rules[0].id, clock.now())
    assert first is not None
    service.answer(first.event_id, first.rule, "done")
    before = service.week_counts()
    assert service.undo_recovery(recovery) == 4
    assert [r.id for r in service.rules()] == [mine.id]
    assert service.week_counts() == before
    assert service.undo_recovery(recovery) == 0  # once only


def test_undo_is_one_transaction(service, monkeypatch):
    recovery = service.after_activity("leg_day")
    conn = service.repo._db.conn
    deleted: list[object] = []

    class Failing:
        """The connection, failing on the second delete."""

        def __getattr__(self, name):
            return getattr(conn, name)

        def execute(self, sql, *args):
            if sql.startswith("DELETE"):
                deleted.append(args)
                if len(deleted) == 2:
                    raise RuntimeError("disk went away")
            return conn.execute(sql, *args)

    monkeypatch.setattr(service.repo._db, "conn", Failing())
    with pytest.raises(RuntimeError):
        service.undo_recovery(recovery)
    monkeypatch.undo()
    service.reload()
    assert len(deleted) == 2 and len(service.rules()) == 4  # the first delete rolled back


def test_after_late_evening_the_summary_names_the_morning(service, clock):
    clock.set(clock.now().replace(hour=21, minute=50))  # water at 22:21 is after waking hours
    recovery = service.after_activity("run")
    assert service.recovery_summary(recovery).startswith("Added: water at 21:51; check-ins")


def test_the_days_slots_say_what_became_of_each(service, clock):
    rule = service.save_rule(water_rule())
    clock.advance(minutes=30)
    decision = service.on_due(rule, clock.now())
    assert decision is not None
    service.answer(decision.event_id, rule, "skip")
    clock.advance(minutes=1)
    slots = service.day_slots()
    first = next(s for s in slots if s.at == decision.at)
    assert first.answer == "skipped" and first.shown and first.passed
    later = slots[-1]
    assert later.answer is None and not later.shown and not later.passed


# -- water ----------------------------------------------------------------------------------------
def test_water_today_adds_up_the_days_drinks_only(service, clock):
    assert service.water_today() == 0
    assert service.log_water(250, "cli") == 250
    assert service.log_water(300) == 550
    clock.advance(days=1)
    assert service.water_today() == 0
    with pytest.raises(ValueError, match="not an amount to log"):
        service.log_water(0)


def test_goal_and_pace(db, clock):
    plain = ReminderService(db, clock)
    rule = plain.save_rule(water_rule())
    assert plain.goal_ml() == 2000  # the hydration reminders' own
    clock.set(clock.now().replace(hour=14, minute=30))  # pace line: 1000 mL
    assert plain.behind_ml(rule) == 1000
    plain.log_water(1300)
    assert plain.behind_ml(rule) == 0
    set_goal = ReminderService(db, clock, goal=lambda: 3000)
    assert set_goal.goal_ml() == 3000
    assert ReminderService(db, clock, goal=lambda: None).behind_ml(rule) == 0


# -- the pause ------------------------------------------------------------------------------------
def test_pause_and_resume_are_saved(db, clock):
    pause = PauseService(db, clock)
    assert not pause.is_paused() and pause.describe() == "Reminders on"
    pause.pause(PauseChoice.MINUTES_30)
    assert pause.describe() == "Paused until 08:30"
    assert PauseService(db, clock).state.paused_until == clock.now() + timedelta(minutes=30)
    pause.pause("1h")  # the latest choice wins
    assert pause.describe() == "Paused until 09:00"
    pause.resume()
    assert not PauseService(db, clock).is_paused()
    pause.pause("morning")
    assert pause.describe() == "Paused until Tue 07:00"
    pause.pause("off")
    assert not pause.is_paused()


def test_a_pause_runs_out(db, clock):
    pause = PauseService(db, clock)
    pause.pause(PauseChoice.HOUR_1)
    clock.advance(minutes=59)
    assert not pause.refresh() and pause.is_paused()
    assert pause.remaining() == timedelta(minutes=1)
    clock.advance(minutes=2)
    assert pause.refresh()
    assert PauseService(db, clock).state.paused_until is None
    assert not pause.refresh()  # once


# -- after a gap: one summary, not a burst -------------------------------------------------------
def test_several_reminders_due_at_once_after_a_gap_make_one_summary(service, clock):
    water = service.save_rule(water_rule())
    ice = service.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    clock.set(clock.now().replace(hour=12, minute=10))  # asleep since 08:00
    decisions = [service.rule_due(water.id), service.rule_due(ice.id)]
    assert all(d is not None and d.prompts for d in decisions)
    summary = service.summarise(decisions)
    assert summary is not None
    assert summary.text == (
        "While you were away: 3 water reminders and 2 icing reminders. Next: Water at 13:00."
    )
    assert summary.missed == 5
    # Each is stored as stood in for: nothing waits for an answer no one was asked for.
    assert service.repo.counts(clock.now() - timedelta(days=1)) == {"quiet": 2}


def test_reminders_on_time_together_are_not_a_gap(service, clock):
    water = service.save_rule(water_rule())
    stand = service.save_rule(
        ReminderRule(Kind.CUSTOM, "Stand up", times=(time(8, 30),), message="Walk a little.")
    )
    clock.advance(minutes=30)  # 08:30: both due now, on time
    decisions = [service.rule_due(water.id), service.rule_due(stand.id)]
    assert service.summarise(decisions) is None
    assert service.repo.counts(clock.now() - timedelta(days=1)) == {"unanswered": 2}


def test_one_late_reminder_alone_keeps_its_own_prompt(service, clock):
    water = service.save_rule(water_rule())
    clock.set(clock.now().replace(hour=13, minute=10))
    decision = service.rule_due(water.id)
    assert decision is not None and decision.missed == 3
    assert service.summarise([decision]) is None


def test_a_snooze_ending_on_time_with_a_reminder_is_not_a_gap(service, clock):
    water = service.save_rule(water_rule())
    stand = service.save_rule(
        ReminderRule(Kind.CUSTOM, "Stand up", times=(time(8, 40),), message="Walk a little.")
    )
    clock.advance(minutes=30)
    first = service.rule_due(water.id)
    assert first is not None
    service.answer(first.event_id, water, "snooze")  # back at 08:40
    clock.advance(minutes=10)
    together = [service.snooze_over(first.event_id), service.rule_due(stand.id)]
    assert together[0] is not None and together[0].at < clock.now()  # 08:30 shown again
    assert service.summarise(together) is None


def test_the_summary_names_tomorrow_when_nothing_more_comes_today(service, clock):
    water = service.save_rule(water_rule())
    stand = service.save_rule(
        ReminderRule(Kind.CUSTOM, "Stand up", times=(time(9, 0),), message="Walk a little.")
    )
    clock.set(clock.now().replace(hour=21, minute=50))
    decisions = [service.rule_due(water.id), service.rule_due(stand.id)]
    summary = service.summarise(decisions)
    assert summary is not None
    assert summary.text.startswith("While you were away: 9 water reminders and 1 other reminder.")
    assert summary.text.endswith("Next: Water tomorrow at 08:30.")
