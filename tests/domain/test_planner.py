from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.checkin import (
    Cause,
    CheckIn,
    Descriptor,
    RegionReport,
    SorenessType,
    Swelling,
    sorer_side,
)
from companion.domain.conditions import ReportedCondition
from companion.domain.equipment import Equipment
from companion.domain.exercises import Kind, usable
from companion.domain.planner import STOP_RULES, make_plan
from companion.domain.regions import Side
from companion.domain.therapy import Status
from companion.domain.triage import GREEN, Tier
from companion.resources import (
    load_conditions,
    load_exercises,
    load_protocols,
    load_regions,
    load_triage,
)

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=ZoneInfo("Europe/London"))
L, R = Side.LEFT, Side.RIGHT


@pytest.fixture(scope="module")
def kit():
    return load_conditions(), load_protocols(), load_triage(), load_exercises(), load_regions()


def checkin(hours=30, kind=SorenessType.DOMS, regions=None, **kw):
    regions = regions or (RegionReport("quads_L", L, 3, 6), RegionReport("quads_R", R, 2, 3))
    return CheckIn(
        at=NOW,
        onset=NOW - timedelta(hours=hours),
        cause=Cause.RUN,
        soreness_type=kind,
        regions=tuple(regions),
        **kw,
    )


def plan(kit, ci=None, triage=GREEN, conditions=(), **kw):
    catalog, bounds, _, library, regions = kit
    return make_plan(
        ci or checkin(),
        triage=triage,
        conditions=conditions,
        catalog=catalog,
        bounds=bounds,
        now=NOW,
        library=library,
        regions=regions,
        **kw,
    )


def test_ordinary_doms_plan(kit):
    p = plan(kit)
    assert p.triage.tier is Tier.GREEN
    assert p.hours_since_onset == 30
    assert p.water.litres == 2.0
    assert p.active_recovery.allowed
    assert p.active_recovery.minutes == 20
    assert p.stop_rules == STOP_RULES
    assert not p.locked
    assert p.routine_note == ""
    assert p.routine
    assert p.routine_seconds <= 10 * 60
    assert any("peaks one to three days" in n for n in p.notes)
    assert all(o.why for o in p.therapies)


def test_red_locks_everything_and_says_so(kit):
    red = kit[2].evaluate({"R1": True}, [L], NOW)
    p = plan(kit, triage=red)
    assert p.locked
    assert all(o.status is Status.BLOCKED for o in p.therapies)
    assert not p.active_recovery.allowed
    assert p.notes[0] == Tier.RED.headline
    assert "locked until you confirm" in p.routine_note


def test_hyponatraemia_turns_the_water_goal_off(kit):
    p = plan(kit, triage=kit[2].evaluate({"R6": True}, [L], NOW))
    assert p.water.litres is None
    assert "do not drink more" in p.water.why


def test_dark_urine_stops_hydration_pushes(kit):
    p = plan(kit, triage=kit[2].evaluate({"O8": True}, [L], NOW))
    assert p.water.litres is None


def test_fluid_limit_condition_turns_water_goal_off(kit):
    p = plan(kit, conditions=(ReportedCondition("fluid_limit"),))
    assert p.water.litres is None
    assert "doctor" in p.water.why


def test_pregnancy_adds_water(kit):
    assert plan(kit, conditions=(ReportedCondition("pregnancy"),)).water.litres == 2.3


def test_orange_on_one_leg_pauses_that_legs_routines(kit):
    p = plan(kit, triage=kit[2].evaluate({"O5": True}, [L], NOW))
    assert p.routine_note == "Routines for the left leg are paused for 24 hours."
    assert not p.active_recovery.allowed


def test_fresh_injury_rests_and_explains(kit):
    ci = checkin(
        hours=6, kind=SorenessType.ACUTE, regions=(RegionReport("ankle_achilles_R", R, 5, 7),)
    )
    p = plan(kit, ci)
    assert not p.active_recovery.allowed
    assert any("no heat, hot baths, massage or rolling" in n for n in p.notes)
    suggested = {o.therapy.value for o in p.therapies if o.status is Status.SUGGESTED}
    assert suggested == {"ice_pack"}


def test_soreness_beyond_a_week_asks_for_a_check(kit):
    p = plan(kit, checkin(hours=8 * 24))
    assert any("book a check" in c for c in p.concerns)
    assert p.headline != "No warning signs reported."
    assert "needs a check" in p.headline
    assert p.needs_attention


def test_heavy_soreness_or_running_ban_means_low_impact(kit):
    heavy = checkin(regions=(RegionReport("calves_L", L, 4, 8),))
    assert "a very easy jog" not in plan(kit, heavy).active_recovery.modes
    stress = kit[2].evaluate({"Y2": True}, [L], NOW)
    assert plan(kit, triage=stress).active_recovery.modes == (
        "easy cycling",
        "swimming",
        "walking on the flat",
    )


def test_routine_length_must_be_offered(kit):
    with pytest.raises(ValueError, match="5, 10, 20"):
        plan(kit, minutes=15)


def test_nerve_type_blocks_thermal_and_routines(kit):
    ci = checkin(
        kind=SorenessType.NERVE,
        regions=(RegionReport("hamstrings_L", L, 4, 6, frozenset({Descriptor.SHOOTING})),),
    )
    p = plan(kit, ci)
    assert all(o.status is Status.BLOCKED for o in p.therapies)
    assert ci.has_nerve_words
    assert "nerve-type" in p.routine_note


def test_one_sided_swelling_is_a_concern_when_the_answers_were_no(kit):
    p = plan(kit, checkin(swelling=Swelling.ONE_SIDE, swollen_side=L))
    assert any("One leg is swollen" in c for c in p.concerns)
    assert "swollen leg" in p.headline


def test_checkin_validates_scores_and_times():
    with pytest.raises(ValueError, match="0 to 10"):
        RegionReport("quads_L", L, 11, 2)
    with pytest.raises(ValueError, match="whole number"):
        RegionReport("quads_L", L, 2.5, 2)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="aware"):
        CheckIn(
            at=datetime(2026, 1, 1), onset=NOW, cause=Cause.RUN, soreness_type=SorenessType.DOMS
        )
    with pytest.raises(ValueError, match="twice"):
        checkin(regions=(RegionReport("quads_L", L, 1, 1), RegionReport("quads_L", L, 2, 2)))


def test_onset_in_the_future_counts_as_zero_hours():
    assert checkin(hours=-3).hours_since_onset == 0


def test_sorer_side_needs_two_points():
    reports = [
        RegionReport("calves_L", L, 2, 7),
        RegionReport("calves_R", R, 2, 4),
        RegionReport("quads_L", L, 3, 4),
        RegionReport("quads_R", R, 3, 5),
        RegionReport("lower_back", Side.CENTRE, 5, 5),
    ]
    assert sorer_side(reports) == {"calves": L}


def test_cause_suggests_a_type():
    assert SorenessType.suggested_for(Cause.LONG_STANDING) is SorenessType.STANDING
    assert SorenessType.suggested_for(Cause.INJURY) is SorenessType.ACUTE


def test_without_a_library_the_plan_says_steps_are_missing(kit):
    catalog, bounds, *_ = kit
    p = make_plan(checkin(), triage=GREEN, conditions=(), catalog=catalog, bounds=bounds, now=NOW)
    assert p.routine == ()
    assert "not available yet" in p.routine_note


def test_the_plan_routine_uses_only_the_equipment_the_user_owns(kit):
    sore = (RegionReport("quads_L", L, 3, 6), RegionReport("calves_R", R, 2, 5))
    today = plan(kit, checkin(regions=sore), minutes=20)
    assert plan(kit, checkin(regions=sore), minutes=20, equipment=None).routine == today.routine
    nothing: frozenset[Equipment] = frozenset()
    by_hand = plan(kit, checkin(regions=sore), minutes=20, equipment=nothing)
    assert by_hand.routine
    assert all(usable(step.exercise, nothing) for step in by_hand.routine)
    rolls = {s.exercise.id for s in by_hand.routine if s.exercise.kind is Kind.ROLL}
    assert rolls == {"quad_hands", "calf_hands"}
    assert by_hand.routine_seconds <= 20 * 60


# ------------------------------------------------------------ plans that agree with themselves


def test_an_injury_after_72_hours_gets_low_impact_recovery_only(kit):
    """Day 4 after a hamstring strain: walking, cycling or swimming, never a jog."""
    ci = checkin(
        hours=80, kind=SorenessType.ACUTE, regions=(RegionReport("hamstrings_R", R, 1, 4),)
    )
    active = plan(kit, ci).active_recovery
    assert active.allowed
    assert set(active.modes) == {"walking on the flat", "easy cycling", "swimming"}
    assert not any("jog" in mode for mode in active.modes)
    assert "jogging" in active.why
    assert "a very easy jog" in plan(kit).active_recovery.modes  # ordinary DOMS keeps it


def sharp_swollen():
    return checkin(
        hours=10,
        regions=(RegionReport("hamstrings_L", L, 4, 7, frozenset({Descriptor.SHARP})),),
        swelling=Swelling.ONE_SIDE,
        swollen_side=L,
    )


def test_sharp_pain_and_a_swollen_leg_are_not_no_warning_signs(kit):
    answered_no = kit[2].evaluate({}, [L], NOW)
    p = plan(kit, sharp_swollen(), triage=answered_no)
    assert p.triage.tier is Tier.GREEN
    assert p.headline != "No warning signs reported."
    assert "sharp pain at 7/10 or more" in p.headline
    assert "swollen leg" in p.headline
    assert "today" in p.headline
    assert p.needs_attention
    assert any("Sharp pain" in c and "hamstrings (left)" in c for c in p.concerns)
    assert any("swollen" in c for c in p.concerns)
    assert p.routine == ()
    assert p.routine_note.startswith("Nothing to stretch or roll")
    assert "sharp pain" in p.routine_note
    assert not p.active_recovery.allowed


def test_rest_at_seven_is_a_concern_and_is_not_rolled(kit):
    ci = checkin(regions=(RegionReport("calves_L", L, 7, 8),))
    p = plan(kit, ci)
    assert any("at rest" in c for c in p.concerns)
    assert "at rest" in p.headline
    assert Kind.ROLL not in {s.exercise.kind for s in p.routine}


def test_an_ordinary_plan_has_no_concerns_and_the_tier_headline(kit):
    p = plan(kit)
    assert p.concerns == ()
    assert p.headline == "No warning signs reported."
    assert not p.needs_attention


def test_every_empty_routine_says_why(kit):
    cases = [
        checkin(
            hours=20, kind=SorenessType.ACUTE, regions=(RegionReport("hamstrings_L", L, 2, 5),)
        ),
        checkin(regions=(RegionReport("quads_L", L, 0, 0),)),
        sharp_swollen(),
        checkin(kind=SorenessType.NERVE),
    ]
    for ci in cases:
        p = plan(kit, ci)
        assert p.routine == ()
        assert p.routine_note, ci
    fracture = (ReportedCondition("fracture"),)
    p = plan(kit, checkin(regions=(RegionReport("quads_L", L, 2, 8),)), conditions=fracture)
    assert p.routine == ()
    assert "clinician" in p.routine_note


def test_a_red_plan_says_nothing_but_the_emergency(kit):
    red = kit[2].evaluate({"R1": True}, [L], NOW)
    p = plan(kit, checkin(hours=10), triage=red)
    assert p.locked
    assert p.notes == tuple(red.explain())
    assert not any("use what helps you" in n for n in p.notes)
    assert p.concerns == ()
    assert p.headline == Tier.RED.headline
