import itertools
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from companion.domain.checkin import Descriptor, RegionReport, SorenessType
from companion.domain.conditions import ReportedCondition
from companion.domain.equipment import ALWAYS_AT_HAND, Equipment
from companion.domain.exercises import ExerciseLibrary, Kind, usable
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
        kit, [RegionReport("ankle_achilles_R", R, 4, 6)], kind=SorenessType.ACUTE, hours=80
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


# ------------------------------------------------------------ equipment the user owns

NOTHING: frozenset[Equipment] = frozenset()
EVERY_GROUP_SCORE = 5

# Today's choice (stretch, then roll) for each region group sore on its own: the
# routines before the planner knew about equipment. None must keep them.
TODAY = {
    "hip_flexors": ["half_kneeling_hip_flexor", "tfl_roll"],
    "quads": ["standing_quad", "quad_roll"],
    "adductors": ["seated_butterfly", "inner_thigh_roll"],
    "lateral_thigh_itb": ["cross_over_side_lean", "outer_thigh_roll"],
    "knee": ["heel_slides", "quad_roll"],
    "shin": ["toe_drag_shin", "shin_roll"],
    "lateral_lower_leg": ["seated_peroneal", "outer_calf_roll"],
    "glutes": ["lying_figure_four", "glute_roll"],
    "hamstrings": ["strap_hamstring", "hamstring_roll"],
    "calves": ["wall_calf_straight", "calf_roll"],
    "ankle_achilles": ["knee_to_wall", "calf_roll"],
    "foot_plantar": ["plantar_stretch", "arch_ball_roll"],
    "lower_back": ["knee_to_chest", "glute_roll", "glute_roll"],  # both legs' glutes
}


def one_region(group, score=EVERY_GROUP_SCORE):
    if group == "lower_back":
        return [RegionReport("lower_back", C, 2, score)]
    return [RegionReport(f"{group}_L", L, 2, score)]


def input_grid(kit):
    """Check-ins of every shape the builder meets: each region alone, light and
    heavy, fresh and not, both legs unevenly sore, everything at once."""
    for region in kit["regions"]:
        for score in (4, 8):
            for kind, hours in ((SorenessType.DOMS, 30), (SorenessType.ACUTE, 10)):
                yield [RegionReport(region.id, region.side, 2, score)], kind, hours
    for group in kit["regions"].groups:
        if group != "lower_back":
            both = [RegionReport(f"{group}_L", L, 2, 8), RegionReport(f"{group}_R", R, 2, 4)]
            yield both, SorenessType.DOMS, 30
    every = [RegionReport(r.id, r.side, 3, 6) for r in kit["regions"]]
    yield every, SorenessType.DOMS, 30


def test_unknown_equipment_keeps_todays_routines(kit):
    for group, expected in TODAY.items():
        steps = build(kit, one_region(group), 20)
        assert [s.exercise.id for s in steps] == expected, group
        assert (
            build_routine(
                RoutineContext(tuple(one_region(group)), SorenessType.DOMS, 30, GREEN),
                20,
                equipment=None,
                **kit,
            )
            == steps
        )


def test_unknown_equipment_is_the_same_as_owning_everything(kit):
    everything = frozenset(Equipment)
    for reports, kind, hours in input_grid(kit):
        ctx = RoutineContext(tuple(reports), kind, hours, GREEN)
        for minutes in (5, 10, 20):
            assert build_routine(ctx, minutes, **kit) == build_routine(
                ctx, minutes, equipment=everything, **kit
            )


@pytest.mark.parametrize(
    ("owned", "expected"),
    [
        (NOTHING, {"quads": "quad_hands", "calves": "calf_hands", "hamstrings": "hamstring_hands"}),
        (
            frozenset({Equipment.BALL}),
            {"quads": "quad_hands", "calves": "calf_hands", "hamstrings": "hamstring_ball"},
        ),
        (
            frozenset({Equipment.STICK}),
            {"quads": "quad_stick", "calves": "calf_stick", "hamstrings": "hamstring_hands"},
        ),
        (
            frozenset({Equipment.BALL, Equipment.STICK}),
            {"quads": "quad_stick", "calves": "calf_stick", "hamstrings": "hamstring_ball"},
        ),
        (
            frozenset({Equipment.FOAM_ROLLER}),
            {"quads": "quad_roll", "calves": "calf_roll", "hamstrings": "hamstring_roll"},
        ),
    ],
)
def test_without_a_roller_the_roll_is_done_with_a_ball_a_stick_or_the_hands(kit, owned, expected):
    for group, roll in expected.items():
        steps = build_routine(
            RoutineContext(tuple(one_region(group)), SorenessType.DOMS, 30, GREEN),
            20,
            equipment=owned,
            **kit,
        )
        rolls = [s.exercise.id for s in steps if s.exercise.kind is Kind.ROLL]
        assert rolls == [roll], (group, sorted(owned))


def test_the_roll_uses_the_best_tool_the_user_has(kit):
    """Foam roller, then massage ball, then massage stick, then hands."""
    order = [Equipment.FOAM_ROLLER, Equipment.BALL, Equipment.STICK]

    def rank(exercise):
        return next((i for i, item in enumerate(order) if item in exercise.equipment), len(order))

    library, regions = kit["library"], kit["regions"]
    subsets = [frozenset(c) for n in range(4) for c in itertools.combinations(order, n)]
    for group in regions.groups:
        if regions.get(one_region(group)[0].region_id).rolling is not Rolling.ALLOWED:
            continue
        for owned in subsets:
            steps = build_routine(
                RoutineContext(tuple(one_region(group)), SorenessType.DOMS, 30, GREEN),
                20,
                equipment=owned,
                **kit,
            )
            rolls = [s.exercise for s in steps if s.exercise.kind is Kind.ROLL]
            can = [e for e in library.for_group(group, Kind.ROLL) if usable(e, owned)]
            if not can:
                assert rolls == [], (group, owned)
                continue
            assert len(rolls) == 1, (group, owned)
            assert rank(rolls[0]) == min(rank(e) for e in can), (group, owned)


def test_with_only_what_is_at_hand_every_step_can_be_done(kit):
    regions = kit["regions"]
    for reports, kind, hours in input_grid(kit):
        ctx = RoutineContext(tuple(reports), kind, hours, GREEN)
        for minutes in (5, 10, 20):
            steps = build_routine(ctx, minutes, equipment=NOTHING, **kit)
            assert bool(steps) == bool(build_routine(ctx, minutes, **kit)), reports
            for step in steps:
                assert usable(step.exercise, NOTHING), (step.exercise.id, reports)
                assert set(step.exercise.equipment) <= ALWAYS_AT_HAND
    # and every region still gets its stretch, and a roll wherever one can be done by hand
    for group in regions.groups:
        steps = build_routine(
            RoutineContext(tuple(one_region(group)), SorenessType.DOMS, 30, GREEN),
            20,
            equipment=NOTHING,
            **kit,
        )
        kinds = [s.exercise.kind for s in steps]
        assert kinds[0] in (Kind.STRETCH, Kind.MOBILITY, Kind.YOGA), group
        if group in ("glutes", "lower_back"):  # no ball: no roll, and nothing in its place
            assert Kind.ROLL not in kinds, group
        else:
            assert kinds.count(Kind.ROLL) == 1, group


def test_hand_steps_keep_the_dose_rules(kit):
    reports = [RegionReport("calves_L", L, 2, 6), RegionReport("calves_R", R, 2, 4)]
    today = build(kit, reports, 20)
    by_hand = build_routine(
        RoutineContext(tuple(reports), SorenessType.DOMS, 30, GREEN), 20, equipment=NOTHING, **kit
    )
    stretches = [s for s in by_hand if s.exercise.kind is Kind.STRETCH]
    assert stretches == [s for s in today if s.exercise.kind is Kind.STRETCH]
    assert stretches[0].seconds > stretches[0].exercise.dose.seconds  # the sorer side holds longer
    rolls = [s for s in by_hand if s.exercise.kind is Kind.ROLL]
    assert [(s.exercise.id, s.side) for s in rolls] == [
        ("calf_hands", "left"),
        ("calf_hands", "right"),
    ]
    for step in rolls:
        assert (step.seconds, step.reps) == (step.exercise.dose.seconds, step.exercise.dose.reps)
    for minutes in (5, 10):
        assert (
            sum(
                s.total_s
                for s in build_routine(
                    RoutineContext(tuple(reports), SorenessType.DOMS, 30, GREEN),
                    minutes,
                    equipment=NOTHING,
                    **kit,
                )
            )
            <= minutes * 60
        )
    # a fresh injury is still gentle mobility only, and the condition gates still hold
    ankle = (RegionReport("ankle_achilles_R", R, 4, 7),)
    fresh = build_routine(
        RoutineContext(ankle, SorenessType.ACUTE, 10, GREEN), 20, equipment=NOTHING, **kit
    )
    assert fresh
    assert {s.exercise.kind for s in fresh} == {Kind.MOBILITY}
    clot_left = (ReportedCondition("clotting_history", frozenset({L})),)
    gated = build_routine(
        RoutineContext(tuple(reports), SorenessType.DOMS, 30, GREEN, clot_left),
        20,
        equipment=NOTHING,
        **kit,
    )
    assert {s.side for s in gated if s.exercise.kind is Kind.ROLL} == {"right"}


def needing(library, changes):
    """The library with some exercises' equipment replaced."""
    return ExerciseLibrary(
        tuple(
            replace(e, equipment=changes[e.id]) if e.id in changes else e for e in library.exercises
        )
    )


def stretch_for(kit, library, group, score, owned):
    steps = build_routine(
        RoutineContext(tuple(one_region(group, score)), SorenessType.DOMS, 30, GREEN),
        20,
        equipment=owned,
        **{**kit, "library": library},
    )
    gentle = [s.exercise.id for s in steps if s.exercise.kind is not Kind.ROLL]
    return gentle[0] if gentle else None


def test_a_stretch_falls_back_to_its_alternative_then_another_for_the_group(kit):
    library = kit["library"]
    step = (Equipment.STEP,)
    usual = library.get("strap_hamstring")
    assert usual.alternative == "seated_hamstring_hinge"
    # light soreness: the usual stretch, else its alternative
    assert stretch_for(kit, library, "hamstrings", 4, NOTHING) == "strap_hamstring"
    no_strap = needing(library, {"strap_hamstring": step})
    assert stretch_for(kit, no_strap, "hamstrings", 4, NOTHING) == "seated_hamstring_hinge"
    assert stretch_for(kit, no_strap, "hamstrings", 4, frozenset(step)) == "strap_hamstring"
    # heavy soreness: the gentler alternative, else the usual one
    assert stretch_for(kit, library, "hamstrings", 8, NOTHING) == "seated_hamstring_hinge"
    no_chair = needing(library, {"seated_hamstring_hinge": step})
    assert stretch_for(kit, no_chair, "hamstrings", 8, NOTHING) == "strap_hamstring"
    # neither: another stretch for the group that can be done, in the usual order
    neither = needing(library, {"strap_hamstring": step, "seated_hamstring_hinge": step})
    others = [
        e.id
        for e in library.for_group("hamstrings")
        if e.kind in (Kind.STRETCH, Kind.YOGA, Kind.MOBILITY)
        and e.id not in ("strap_hamstring", "seated_hamstring_hinge", "heel_on_step_hinge")
    ]
    assert stretch_for(kit, neither, "hamstrings", 4, NOTHING) == others[0]


def test_a_group_with_nothing_usable_is_left_out_not_broken(kit):
    library = kit["library"]
    ball = (Equipment.BALL,)
    gentle = [
        e.id
        for e in library.for_group("calves")
        if e.kind in (Kind.STRETCH, Kind.YOGA, Kind.MOBILITY)
    ]
    no_stretch = needing(library, dict.fromkeys(gentle, ball))
    reports = [*one_region("calves"), RegionReport("quads_R", R, 1, 3)]
    steps = build_routine(
        RoutineContext(tuple(reports), SorenessType.DOMS, 30, GREEN),
        20,
        equipment=NOTHING,
        **{**kit, "library": no_stretch},
    )
    assert [s.exercise.id for s in steps if s.region_id == "calves_L"] == ["calf_hands"]
    assert {s.region_id for s in steps} == {"calves_L", "quads_R"}  # the rest goes on


def test_a_never_roll_region_takes_the_next_neighbour_it_can_roll(kit):
    assert kit["regions"].get("knee_L").roll_instead[:2] == ("quads", "hamstrings")
    roller = (Equipment.FOAM_ROLLER,)
    no_quad_by_hand = needing(kit["library"], {"quad_hands": roller})
    steps = build_routine(
        RoutineContext(tuple(one_region("knee")), SorenessType.DOMS, 30, GREEN),
        20,
        equipment=NOTHING,
        **{**kit, "library": no_quad_by_hand},
    )
    rolls = [(s.exercise.id, s.region_id) for s in steps if s.exercise.kind is Kind.ROLL]
    assert rolls == [("hamstring_hands", "hamstrings_L")]


# ------------------------------------------------------------ safety rules with reasons


def plan(kit, reports, minutes=20, kind=SorenessType.DOMS, hours=30, triage=GREEN, conditions=()):
    from companion.domain.routine_builder import plan_routine

    ctx = RoutineContext(tuple(reports), kind, hours, triage, tuple(conditions))
    return plan_routine(ctx, minutes, **kit)


@pytest.mark.parametrize(
    "region", ["hamstrings_R", "hip_flexors_L", "ankle_achilles_R", "calves_L", "glutes_R"]
)
def test_a_fresh_injury_gets_no_swing_and_no_weight_bearing_stretch(kit, region):
    """PROTOCOLS 2.9 and 4.2: in the first 72 h only gentle, pain-free movement."""
    side = R if region.endswith("_R") else L
    built = plan(kit, [RegionReport(region, side, 3, 5)], kind=SorenessType.ACUTE, hours=20)
    for step in built.steps:
        assert step.exercise.gentle_for_fresh_injury, step.exercise.id
        assert not step.exercise.ballistic
        assert not step.exercise.weight_bearing
        assert step.exercise.kind is Kind.MOBILITY
    ids = {s.exercise.id for s in built.steps}
    assert "leg_swings" not in ids
    assert "knee_to_wall" not in ids
    if not built.steps:
        assert any("first 72 hours" in note for note in built.notes)


def test_a_fresh_hamstring_strain_gets_nothing_and_says_why(kit):
    built = plan(kit, [RegionReport("hamstrings_R", R, 3, 6)], kind=SorenessType.ACUTE, hours=30)
    assert built.steps == ()
    assert any("right hamstrings" in n and "72 hours" in n for n in built.notes)


def test_a_fresh_ankle_gets_ankle_circles_and_never_the_peroneal_stretch(kit):
    reports = [
        RegionReport("ankle_achilles_L", L, 3, 6),
        RegionReport("lateral_lower_leg_L", L, 2, 4),
    ]
    built = plan(kit, reports, kind=SorenessType.ACUTE, hours=10)
    ids = [s.exercise.id for s in built.steps]
    assert "ankle_circles" in ids
    assert "seated_peroneal" not in ids
    assert "knee_to_wall" not in ids


def test_a_possible_stress_fracture_is_not_rolled_or_stretched(kit):
    """Y2: no stretching or rolling of the shin, outer lower leg, foot or front of hip."""
    y2 = load_triage().evaluate({"Y2": True}, [L], NOW)
    assert "no_bone_area_work" in y2.restrictions
    for group in ("shin", "lateral_lower_leg", "foot_plantar", "hip_flexors"):
        built = plan(kit, one_region(group), triage=y2)
        for step in built.steps:
            assert step.exercise.kind not in (Kind.STRETCH, Kind.YOGA, Kind.ROLL), (group, step)
        assert any("bone" in note for note in built.notes), group
    # other regions carry on
    calves = plan(kit, one_region("calves"), triage=y2)
    assert {s.exercise.kind for s in calves.steps} >= {Kind.STRETCH, Kind.ROLL}


def test_a_side_at_seven_or_more_is_never_rolled(kit):
    """Rolling discomfort stops at 7/10 (PROTOCOLS 1.1): a gentle stretch instead."""
    for group in kit["regions"].groups:
        for score in (7, 8, 10):
            built = plan(kit, one_region(group, score))
            assert Kind.ROLL not in {s.exercise.kind for s in built.steps}, (group, score)
            assert any("No rolling" in note for note in built.notes), (group, score)
    reports = [RegionReport("calves_L", L, 2, 8), RegionReport("calves_R", R, 2, 4)]
    rolled = {s.side for s in plan(kit, reports).steps if s.exercise.kind is Kind.ROLL}
    assert rolled == {"right"}


def test_sharp_pain_at_seven_or_more_gets_nothing_for_that_side(kit):
    sharp = frozenset({Descriptor.SHARP})
    reports = [
        RegionReport("hamstrings_L", L, 3, 7, sharp),
        RegionReport("hamstrings_R", R, 1, 3),
    ]
    built = plan(kit, reports)
    assert {s.side for s in built.steps} == {"right"}
    assert any("sharp pain" in note and "left hamstrings" in note for note in built.notes)
    milder = plan(kit, [RegionReport("hamstrings_L", L, 2, 5, sharp)])
    assert milder.steps  # sharp at 5/10 is for the safety questions, not a stop on its own


def test_an_empty_routine_always_says_why(kit):
    for reports, kind, hours in input_grid(kit):
        for owned in (None, NOTHING):
            built = build_routine(
                RoutineContext(tuple(reports), kind, hours, GREEN), 5, equipment=owned, **kit
            )
            if not built:
                assert plan(kit, reports, 5, kind, hours).notes, reports


def test_stretch_and_yoga_holds_stay_within_120_s_per_side(kit):
    """Even the sorer side's longer hold, for every region, light or heavy."""
    for reports, kind, hours in input_grid(kit):
        for step in build_routine(RoutineContext(tuple(reports), kind, hours, GREEN), 20, **kit):
            if step.exercise.kind in (Kind.STRETCH, Kind.YOGA):
                assert step.seconds * step.reps <= 120, step
                assert step.seconds <= 60, step


# ------------------------------------------------------------ health-condition cautions


def cautions_of(steps, kind):
    return [c for s in steps if s.exercise.kind is kind for c in s.cautions]


def test_a_bleeding_risk_rolls_lightly_without_tender_spot_pauses(kit):
    bleeding = [ReportedCondition("bleeding_risk")]
    for group in ("quads", "calves", "hamstrings", "glutes", "foot_plantar"):
        for owned in (None, NOTHING):
            steps = build_routine(
                RoutineContext(
                    tuple(one_region(group)), SorenessType.DOMS, 30, GREEN, tuple(bleeding)
                ),
                20,
                equipment=owned,
                **kit,
            )
            for step in steps:
                if step.exercise.kind is Kind.ROLL:
                    assert not any("tender" in cue.lower() for cue in step.exercise.cues), step
                    assert any("Light pressure" in c for c in step.cautions), step
                    assert len(step.exercise.cues) >= 2


def test_pregnancy_has_no_face_down_positions(kit):
    pregnant = [ReportedCondition("pregnancy")]
    for group in kit["regions"].groups:
        for score in (4, 8):
            built = plan(kit, one_region(group, score), conditions=pregnant)
            for step in built.steps:
                assert not step.exercise.prone, (group, step.exercise.id)
    quads = plan(kit, one_region("quads"), conditions=pregnant)
    assert "quad_roll" not in {s.exercise.id for s in quads.steps}
    assert any("gently" in c for c in cautions_of(quads.steps, Kind.STRETCH))


def test_lymphoedema_means_no_rolling_and_says_why(kit):
    built = plan(kit, one_region("calves"), conditions=[ReportedCondition("lymphoedema")])
    assert built.steps
    assert Kind.ROLL not in {s.exercise.kind for s in built.steps}
    assert any("lymphoedema therapist" in note for note in built.notes)


def test_varicose_veins_leave_the_calves_unrolled(kit):
    veins = [ReportedCondition("varicose_veins")]
    calves = plan(kit, one_region("calves"), conditions=veins)
    assert Kind.ROLL not in {s.exercise.kind for s in calves.steps}
    assert any("veins" in note for note in calves.notes)
    quads = plan(kit, one_region("quads"), conditions=veins)
    assert any("veins" in c for c in cautions_of(quads.steps, Kind.ROLL))


@pytest.mark.parametrize(
    ("condition", "kind", "words"),
    [
        ("osteoporosis", Kind.ROLL, "bony areas"),
        ("osteoporosis", Kind.STRETCH, "forcing"),
        ("reduced_sensation", Kind.ROLL, "light pressure"),
        ("poor_circulation", Kind.ROLL, "lightly"),
        ("clotting_history", Kind.STRETCH, "swells"),
    ],
)
def test_a_condition_caution_rides_on_the_step(kit, condition, kind, words):
    built = plan(kit, one_region("quads"), conditions=[ReportedCondition(condition)])
    assert any(words in c for c in cautions_of(built.steps, kind)), built.steps


def test_the_acted_on_conditions_exist():
    from companion.domain import routine_builder

    ids = {c.id for c in load_conditions().conditions}
    named = (
        routine_builder.NO_PRONE
        | routine_builder.NO_TENDER_HOLDS
        | routine_builder.NO_ROLLING
        | set(routine_builder.NO_ROLLING_GROUPS)
    )
    assert named <= ids
