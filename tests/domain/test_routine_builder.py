from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from companion.domain.checkin import RegionReport, SorenessType
from companion.domain.conditions import ReportedCondition
from companion.domain.exercises import Kind
from companion.domain.regions import Rolling, Side
from companion.domain.routine_builder import RoutineContext, build_routine
from companion.domain.triage import GREEN
from companion.resources import (
    load_conditions,
    load_exercises,
    load_protocols,
    load_regions,
    load_triage,
)

NOW = datetime(2026, 6, 15, 9, tzinfo=ZoneInfo("Europe/London"))
L, R, C = Side.LEFT, Side.RIGHT, Side.CENTRE


@pytest.fixture(scope="module")
def kit():
    regions = load_regions()
    return {
        "library": load_exercises(),
        "regions": regions,
        "bounds": load_protocols(),
        "catalog": load_conditions(),
    }


def build(kit, reports, minutes=10, kind=SorenessType.DOMS, hours=30, triage=GREEN, conditions=()):
    ctx = RoutineContext(tuple(reports), kind, hours, triage, tuple(conditions))
    return build_routine(ctx, minutes, **kit)


def test_fits_the_time_and_puts_the_sorest_first(kit):
    reports = [RegionReport("hamstrings_R", R, 1, 3), RegionReport("quads_L", L, 3, 6)]
    for minutes in (5, 10, 20):
        steps = build(kit, reports, minutes)
        assert steps
        assert sum(s.total_s for s in steps) <= minutes * 60
    steps = build(kit, reports, 20)
    assert steps[0].region_id == "quads_L"
    assert {s.region_id for s in steps} >= {"quads_L", "hamstrings_R"}


def test_only_the_sore_side_is_worked(kit):
    steps = build(kit, [RegionReport("calves_R", R, 2, 5)])
    assert {s.side for s in steps} == {"right"}


def test_never_roll_regions_get_their_neighbours_rolled(kit):
    regions = kit["regions"]
    for group in ("knee", "ankle_achilles", "lower_back"):
        side = C if group == "lower_back" else L
        region_id = group if side is C else f"{group}_L"
        steps = build(kit, [RegionReport(region_id, side, 2, 5)], 20)
        rolls = [s for s in steps if s.exercise.kind is Kind.ROLL]
        assert rolls, group
        for step in rolls:
            served = step.region_id if step.side == "both" else step.region_id[:-2]
            assert served != group
            assert regions.get(f"{served}_L").rolling is Rolling.ALLOWED


def test_no_step_ever_rolls_a_never_roll_region(kit):
    every = [RegionReport(r.id, r.side, 3, 6) for r in kit["regions"]]
    steps = build(kit, every, 20)
    never = {r.group for r in kit["regions"] if r.rolling is Rolling.NEVER}
    for step in steps:
        if step.exercise.kind is Kind.ROLL:
            assert not set(step.exercise.regions) & never


def test_the_clearly_sorer_side_holds_longer_within_limits(kit):
    steps = build(
        kit, [RegionReport("hamstrings_L", L, 3, 6), RegionReport("hamstrings_R", R, 1, 2)], 20
    )
    stretch = {s.side: s for s in steps if s.exercise.kind is Kind.STRETCH}
    assert stretch["left"].seconds > stretch["right"].seconds
    assert stretch["left"].seconds <= stretch["right"].seconds * 1.5
    assert stretch["left"].seconds <= 60
    assert stretch["left"].seconds * stretch["left"].reps <= 120
    even = build(
        kit, [RegionReport("hamstrings_L", L, 3, 5), RegionReport("hamstrings_R", R, 3, 4)], 20
    )
    assert len({s.seconds for s in even if s.exercise.kind is Kind.STRETCH}) == 1


def test_heavy_soreness_takes_the_gentler_alternative(kit):
    light = build(kit, [RegionReport("quads_L", L, 2, 4)])
    heavy = build(kit, [RegionReport("quads_L", L, 5, 8)])
    assert light[0].exercise.id == "standing_quad"
    assert heavy[0].exercise.id == kit["library"].get("standing_quad").alternative


def test_locked_leg_and_full_stops(kit):
    triage = load_triage()
    left_locked = triage.evaluate({"O5": True}, [L], NOW)
    steps = build(
        kit,
        [RegionReport("calves_L", L, 2, 5), RegionReport("calves_R", R, 2, 5)],
        triage=left_locked,
    )
    assert {s.side for s in steps} == {"right"}
    assert (
        build(
            kit, [RegionReport("calves_L", L, 2, 5)], triage=triage.evaluate({"R1": True}, [L], NOW)
        )
        == ()
    )
    assert (
        build(
            kit, [RegionReport("calves_L", L, 2, 5)], triage=triage.evaluate({"O1": True}, [L], NOW)
        )
        == ()
    )
    assert build(kit, [RegionReport("calves_L", L, 2, 5)], kind=SorenessType.NERVE) == ()


def test_fresh_injury_gets_gentle_mobility_only(kit):
    steps = build(
        kit, [RegionReport("ankle_achilles_R", R, 4, 7)], kind=SorenessType.ACUTE, hours=10
    )
    assert steps
    assert {s.exercise.kind for s in steps} == {Kind.MOBILITY}
    later = build(
        kit, [RegionReport("ankle_achilles_R", R, 4, 7)], kind=SorenessType.ACUTE, hours=80
    )
    assert Kind.ROLL in {s.exercise.kind for s in later}


def test_condition_gates_apply_per_leg(kit):
    reports = [RegionReport("calves_L", L, 2, 5), RegionReport("calves_R", R, 2, 5)]
    clot_left = [ReportedCondition("clotting_history", frozenset({L}))]
    steps = build(kit, reports, 20, conditions=clot_left)
    rolled = {s.side for s in steps if s.exercise.kind is Kind.ROLL}
    assert rolled == {"right"}
    fracture_right = [ReportedCondition("fracture", frozenset({R}))]
    steps = build(kit, reports, 20, conditions=fracture_right)
    assert "right" not in {s.side for s in steps}
