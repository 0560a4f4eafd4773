"""The Routines page's rules without Qt: what a routine works and needs, the filter,
and the routine today's plan chose (and which built-in card it matches)."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import pytest

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.custom_routines import RoutineDraft, StepSpec
from companion.domain.equipment import Equipment
from companion.domain.planner import Plan
from companion.domain.regions import Side
from companion.domain.routines import Routine
from companion.resources import (
    load_conditions,
    load_exercises,
    load_protocols,
    load_regions,
    load_routines,
    load_triage,
)
from companion.services.checkin import CheckInService, Content
from companion.services.routines import (
    TODAY_ID,
    RoutineLibrary,
    filter_choices,
    matches,
    needed_equipment,
    routine_groups,
    same_steps,
    step_seconds,
    todays_pick,
)
from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository
from companion.storage.user_routines import UserRoutineRepository

CATALOG = load_routines()
EXERCISES = load_exercises()


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def library(db, clock):
    return RoutineLibrary(UserRoutineRepository(db), CATALOG, EXERCISES, clock=clock)


def ids(routines):
    return [r.id for r in routines]


def test_a_routine_works_the_groups_of_its_steps_and_needs_its_equipment():
    routine = CATALOG.get("calves_and_shins")
    assert routine_groups(routine) == ("calves", "shin")
    assert needed_equipment(routine) == (Equipment.FOAM_ROLLER, Equipment.WALL, Equipment.CHAIR)
    walk = CATALOG.get("active_recovery_yoga")
    assert Equipment.NONE not in needed_equipment(walk)


def test_no_filter_keeps_every_routine(library):
    assert ids(library.filtered()) == ids(CATALOG)


def test_region_filter_keeps_the_routines_that_work_it(library):
    kept = ids(library.filtered(regions=("hamstrings",)))
    assert kept == [
        "post_run_cooldown",
        "leg_day_recovery",
        "hips_and_glutes",
        "full_leg_foam_roll",
    ]
    for routine in CATALOG:
        assert (routine.id in kept) == ("hamstrings" in routine_groups(routine))
    # Any of several groups.
    both = ids(library.filtered(regions=("shin", "lower_back")))
    assert both == ["calves_and_shins", "active_recovery_yoga"]


def test_equipment_filter_uses_the_item_or_nothing_special(library):
    rollers = ids(library.filtered(equipment=Equipment.FOAM_ROLLER))
    assert rollers == ["leg_day_recovery", "calves_and_shins", "full_leg_foam_roll"]
    # "No equipment": nothing beyond the floor, a wall, a chair and a towel.
    plain = ids(library.filtered(equipment=Equipment.NONE))
    assert plain == ["post_run_cooldown", "active_recovery_yoga"]
    assert "leg_day_recovery" not in plain  # it needs a foam roller


def test_region_and_equipment_combine(library):
    assert ids(library.filtered(("hamstrings",), Equipment.FOAM_ROLLER)) == [
        "leg_day_recovery",
        "full_leg_foam_roll",
    ]
    assert ids(library.filtered(("calves",), Equipment.NONE)) == [
        "post_run_cooldown",
        "active_recovery_yoga",
    ]


def test_a_filter_can_match_nothing(library):
    assert library.filtered(("adductors",), Equipment.NONE) == []
    assert library.filtered(("knee",)) == []
    assert not matches(CATALOG.get("calves_and_shins"), ("quads",), None)


def test_the_users_own_routines_are_filtered_too(library):
    library.save(RoutineDraft("Hamstrings at home", "", (StepSpec("strap_hamstring", 30, 2),)))
    kept = library.filtered(("hamstrings",), Equipment.NONE)
    assert [r.name for r in kept] == ["Hamstrings at home", "Post-run cool-down"]
    assert ids(library.filtered(("hamstrings",), Equipment.BALL)) == ["hips_and_glutes"]


def test_the_filter_offers_only_what_some_routine_has():
    choices = filter_choices(CATALOG, load_regions().groups)
    assert choices.groups[:3] == ("hip_flexors", "quads", "adductors")  # body-map order
    assert "knee" not in choices.groups  # no routine works it
    assert choices.equipment[0] is Equipment.FOAM_ROLLER
    assert Equipment.NONE not in choices.equipment
    assert Equipment.STICK not in choices.equipment


def test_step_seconds_add_up_to_the_routine():
    for routine in CATALOG:
        per_step = step_seconds(routine.steps)
        assert len(per_step) == len(routine.steps)
        assert sum(per_step) == routine.seconds
        assert all(seconds > 0 for seconds in per_step)


# -- today's pick, from the check-in service's plan -----------------------------------------


@pytest.fixture
def checkins(db, clock):
    content = Content(load_regions(), load_protocols(), load_triage(), load_conditions(), EXERCISES)
    return CheckInService(db, content, clock, SettingsRepository(db), country="GB")


def sore_calves(clock, hours_ago=0):
    at = clock.now() - timedelta(hours=hours_ago)
    return CheckIn(
        at=at,
        onset=at - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(
            RegionReport("calves_L", Side.LEFT, 2, 4),
            RegionReport("calves_R", Side.RIGHT, 2, 4),
        ),
    )


def test_no_check_in_today_means_no_pick(checkins, clock):
    assert todays_pick(checkins.latest(), clock.now(), checkins.plan, CATALOG) is None
    checkins.submit(
        sore_calves(clock), lambda questions: dict.fromkeys((q.id for q in questions), False)
    )
    clock.advance(days=1)
    assert todays_pick(checkins.latest(), clock.now(), checkins.plan, CATALOG) is None


def test_todays_check_in_gives_the_plans_routine(checkins, clock):
    checkins.submit(sore_calves(clock), lambda qs: dict.fromkeys((q.id for q in qs), False))
    pick = todays_pick(checkins.latest(), clock.now(), checkins.plan, CATALOG)
    assert pick is not None
    plan = checkins.plan(checkins.latest())
    assert plan.routine  # calves get a stretch and a roll
    assert pick.routine.id == TODAY_ID
    assert same_steps(pick.routine.steps, plan.routine)
    assert pick.catalog_id is None  # a routine made for today, not a built-in one
    assert not pick.empty and pick.note == ""


def test_a_plan_with_a_built_in_routines_steps_badges_that_routine(clock):
    built_in = CATALOG.get("plantar_and_achilles")

    class Made:
        routine = built_in.steps
        routine_note = ""

    pick = todays_pick(sore_calves(clock), clock.now(), lambda _c: cast(Plan, Made()), CATALOG)
    assert pick is not None and pick.catalog_id == "plantar_and_achilles"
    # One step different (a longer hold) is not the same routine.
    first, *rest = built_in.steps
    changed = (
        type(first)(first.exercise, first.region_id, first.side, first.seconds + 5, first.reps),
        *rest,
    )
    assert not same_steps(changed, built_in.steps)

    class Other:
        routine = changed
        routine_note = ""

    other = todays_pick(sore_calves(clock), clock.now(), lambda _c: cast(Plan, Other()), CATALOG)
    assert other is not None and other.catalog_id is None


def test_a_plan_without_steps_keeps_its_reason(clock):
    class Empty:
        routine = ()
        routine_note = "Nothing to stretch today."

    pick = todays_pick(sore_calves(clock), clock.now(), lambda _c: cast(Plan, Empty()), CATALOG)
    assert pick is not None and pick.empty and pick.note == "Nothing to stretch today."
    assert pick.catalog_id is None  # an empty plan matches nothing
    assert isinstance(pick.routine, Routine)


def test_yesterdays_check_in_late_at_night_is_not_today(clock):
    no_plan = cast(Plan, None)
    assert (
        todays_pick(sore_calves(clock, hours_ago=10), clock.now(), lambda _c: no_plan, CATALOG)
        is None
    )
