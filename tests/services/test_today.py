"""What of today's plan is done, and what the gate lets it offer: a real database, the
fake clock, and the same services the window uses."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.therapy import Therapy
from companion.domain.therapy_timer import PhaseTimer, TimerKind, build_plan
from companion.resources import load_exercises, load_protocols
from companion.services.checkin import CheckInService
from companion.services.content import LazyContent
from companion.services.safety import SafetyGate
from companion.services.today import TODAY_ROUTINE, DoneToday, TodayService, timer_kind
from companion.storage.database import open_database
from companion.storage.reminders import ReminderRepository
from companion.storage.runs import RunRepository
from companion.storage.settings import SettingsRepository
from companion.storage.therapy import TherapyRepository

L, R = Side.LEFT, Side.RIGHT


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def content():
    return LazyContent()


@pytest.fixture
def service(db, clock, content):
    gate = SafetyGate(db, content, clock)
    return TodayService(db, clock, lambda: gate, lambda: content.protocols)


def run_routine(db, clock, routine=TODAY_ROUTINE, *, stop=False):
    strap = load_exercises().get("strap_hamstring")
    steps = (RoutineStep(strap, "hamstrings_L", "left", 30, 2),)
    start = clock.now()
    session = RoutineSession(steps, start)
    if stop:
        session.stop(start + timedelta(seconds=20))
    else:
        session.tick(start + timedelta(minutes=5))
    assert session.ended_at is not None
    RunRepository(db).save(routine, "Today's routine", session)


def run_timer(db, clock, kind="ice", minutes=15):
    plan = build_plan(kind, {"minutes": minutes}, load_protocols())
    timer = PhaseTimer(plan, clock.now())
    clock.advance(minutes=minutes + 1)
    timer.tick(clock.now())
    assert timer.ended_at is not None
    TherapyRepository(db).save(timer)


def test_nothing_is_done_on_a_new_day(service):
    assert service.done_today() == DoneToday()


def test_a_completed_run_of_todays_routine_is_done_today_only(service, db, clock):
    run_routine(db, clock, stop=True)
    assert not service.done_today().routine  # stopped part way: not done
    run_routine(db, clock, "calves_and_shins")
    assert not service.done_today().routine  # another routine is not today's plan
    run_routine(db, clock)
    assert service.done_today().routine
    clock.set(clock.now().replace(hour=0, minute=5) + timedelta(days=1))
    assert not service.done_today().routine  # a new day after midnight


def test_a_therapy_session_today_marks_its_kind_done(service, db, clock):
    run_timer(db, clock, "heat", 20)
    done = service.done_today()
    assert done.therapies == frozenset({TimerKind.HEAT})
    assert done.therapy(Therapy.HEAT_PACK) and not done.therapy(Therapy.ICE_PACK)
    clock.advance(days=1)
    assert service.done_today().therapies == frozenset()


def test_water_reminders_count_when_one_is_on(service, db, clock):
    repo = ReminderRepository(db)
    rule = repo.save(
        ReminderRule(Kind.HYDRATION, "Water", enabled=False, every_min=90), clock.now()
    )
    assert not service.done_today().water_reminders
    assert rule.id is not None
    repo.set_enabled(rule.id, True, clock.now())
    assert service.done_today().water_reminders
    repo.save(ReminderRule(Kind.ICING, "Ice", every_min=120), clock.now())
    repo.set_enabled(rule.id, False, clock.now())
    assert not service.done_today().water_reminders


def saved_plan(db, clock, content, yes=(), hours=30, regions=None):
    checkins = CheckInService(db, content, clock, SettingsRepository(db))
    checkins.save_conditions(())
    checkin = CheckIn(
        at=clock.now(),
        onset=clock.now() - timedelta(hours=hours),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=regions or (RegionReport("quads_L", L, 2, 5),),
    )
    saved = checkins.submit(checkin, lambda qs: {q.id: q.id in yes for q in qs})
    assert saved is not None
    return saved.plan


def test_the_status_offers_the_routine_and_the_chosen_timer(service, db, clock, content):
    plan = saved_plan(db, clock, content)
    assert plan.thermal is not None and plan.thermal.chosen is not None
    status = service.status(plan)
    assert status.routine.allowed and status.therapy.allowed
    assert status.timer is timer_kind(plan.thermal.chosen.therapy)
    assert status.timer is TimerKind.HEAT  # one sore spot at 30 h: a heat pack
    assert status.timer_options == {"minutes": 20.0}


def test_the_gate_holds_back_a_timer_too_soon_after_the_last(service, db, clock, content):
    plan = saved_plan(db, clock, content)
    run_timer(db, clock, "heat", 20)
    status = service.status(plan)
    assert status.done.therapy(Therapy.HEAT_PACK)
    assert not status.therapy.allowed
    assert "Available again" in status.therapy.reason


def test_a_red_plan_offers_nothing_and_says_why(service, db, clock, content):
    plan = saved_plan(db, clock, content, yes={"R1"})
    status = service.status(plan)
    assert not status.routine.allowed and status.routine.reason
    assert not status.therapy.allowed
    assert "Emergency signs" in status.therapy.reason
    assert status.timer is None


def test_every_treatment_has_its_timer():
    assert {timer_kind(t) for t in Therapy} == set(TimerKind)
