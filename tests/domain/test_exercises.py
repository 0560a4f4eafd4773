import copy
import tomllib

import pytest

from companion.domain.content import ContentError
from companion.domain.equipment import (
    ALWAYS_AT_HAND,
    EQUIPMENT_LABELS,
    OWNABLE_EQUIPMENT,
    Equipment,
)
from companion.domain.exercises import Kind, Sides, parse_exercises, usable
from companion.domain.regions import Rolling
from companion.resources import content_path, load_exercises, load_protocols, load_regions


@pytest.fixture(scope="module")
def library():
    return load_exercises()


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    with content_path("exercises").open("rb") as fh:
        return tomllib.load(fh)


def test_at_least_forty_exercises_of_every_kind(library):
    assert len(library) >= 40
    assert {e.kind for e in library} == set(Kind)


def test_every_region_has_two_stretches_and_a_roll_where_rolling_is_safe(library):
    regions = load_regions()
    for group in regions.groups:
        region = regions.get(group + ("_L" if group != "lower_back" else ""))
        gentle = [
            e
            for e in library.for_group(group)
            if e.kind in (Kind.STRETCH, Kind.MOBILITY, Kind.YOGA)
        ]
        assert len(gentle) >= 2, group
        rolls = library.for_group(group, Kind.ROLL)
        if region.rolling is Rolling.ALLOWED:
            assert rolls, group
        else:
            assert rolls == (), f"{group} is never rolled"
            for neighbour in region.roll_instead:
                assert library.for_group(neighbour, Kind.ROLL), neighbour


def test_every_exercise_is_complete(library):
    ids = {e.id for e in library}
    for exercise in library:
        assert len(exercise.cues) >= 2
        assert exercise.equipment
        assert exercise.dose.total_s(exercise.sides, exercise.timed_reps) > 0
        if exercise.alternative:
            assert exercise.alternative in ids
        if exercise.kind is not Kind.ACTIVE:
            assert exercise.alternative or exercise.gentler, exercise.id


def test_doses_sit_inside_the_protocol_bounds(library):
    bounds = load_protocols()
    for exercise in library:
        if exercise.kind is Kind.STRETCH:
            hold = bounds.bound("stretch_static.hold").hard_max
            assert hold is not None
            assert exercise.dose.seconds <= hold
        if exercise.kind is Kind.ROLL:
            assert exercise.dose.seconds <= 120
            assert exercise.dose.reps <= 3


def test_whole_sides_and_lookups(library):
    assert library.get("seated_butterfly").sides is Sides.BOTH
    assert library.get("strap_hamstring").sides is Sides.EACH
    assert library.get("strap_hamstring").dose.total_s(Sides.EACH) == 15 + 2 * (30 * 2 + 10)
    with pytest.raises(KeyError, match="strap_hamstring"):
        library.get("strap_hamstrings")


def broken(raw, mutate):
    data = copy.deepcopy(raw)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "key", "reason"),
    [
        (
            lambda d: d["exercise"][0].update(regions=["elbow"]),
            "exercise[0].regions",
            "'elbow' is not a body-map region",
        ),
        (
            lambda d: d["exercise"][3].update(regions=["knee"]),
            "exercise[3].regions",
            "'knee' is a never-roll region",
        ),
        (
            lambda d: d["exercise"][0].update(seconds=90),
            "exercise[0].seconds",
            "above the safe limit of 60 s",
        ),
        (
            lambda d: d["exercise"][3].update(seconds=150),
            "exercise[3].seconds",
            "above the safe limit of 120 s",
        ),
        (
            lambda d: d["exercise"][0].update(reps=4, seconds=40),
            "exercise[0].reps",
            "Total stretch time per side: 160 s",
        ),
        (
            lambda d: d["exercise"][0].update(alternative="nope"),
            "exercise[0].alternative",
            "'nope' is not an exercise",
        ),
        (
            lambda d: d["exercise"][1].update(id=d["exercise"][0]["id"]),
            "exercise[1].id",
            "already defined",
        ),
        (
            lambda d: d["exercise"][0].update(cues=["one step"]),
            "exercise[0].cues",
            "at least two steps",
        ),
        (
            lambda d: d["exercise"][0].update(equipment=["trampoline"]),
            "exercise[0].equipment",
            "'trampoline'",
        ),
        (
            lambda d: d["exercise"][0].update(kind="dance"),
            "exercise[0].kind",
            "'dance' is not one of",
        ),
        (
            lambda d: d["exercise"][0].pop("alternative"),
            "exercise[0].alternative",
            "needs a gentler",
        ),
        (
            lambda d: next(e for e in d["exercise"] if e["kind"] == "yoga").update(
                seconds=60, reps=3
            ),
            None,
            "Total stretch time per side: 180 s",
        ),
        (
            lambda d: d["exercise"][0].update(ballistic=True),
            "exercise[0].ballistic",
            "only a mobility movement may swing",
        ),
    ],
)
def test_malformed_exercises_name_file_key_and_reason(raw, mutate, key, reason):
    with pytest.raises(ContentError) as info:
        parse_exercises(broken(raw, mutate), "exercises.toml", load_regions(), load_protocols())
    if key is not None:
        assert info.value.key == key
    assert reason in info.value.reason


# The self-massage done with the hands, for when there is no roller, ball or stick.
HAND_MASSAGE = {
    "quad_hands": "quads",
    "inner_thigh_hands": "adductors",
    "outer_thigh_hands": "lateral_thigh_itb",
    "shin_hands": "shin",
    "outer_lower_leg_hands": "lateral_lower_leg",
    "hamstring_hands": "hamstrings",
    "calf_hands": "calves",
    "arch_thumbs": "foot_plantar",
}


def test_equipment_is_either_always_at_hand_or_tickable_with_a_plain_label():
    ownable = [item for item, _ in OWNABLE_EQUIPMENT]
    assert len(ownable) == len(set(ownable))
    assert not set(ownable) & ALWAYS_AT_HAND
    assert set(ownable) | ALWAYS_AT_HAND == set(Equipment)
    assert {Equipment.NONE, Equipment.WALL, Equipment.CHAIR, Equipment.STRAP} == ALWAYS_AT_HAND
    assert dict(OWNABLE_EQUIPMENT)[Equipment.BALL] == "Massage ball (or tennis ball)"
    assert set(EQUIPMENT_LABELS) == set(Equipment)
    assert EQUIPMENT_LABELS[Equipment.STRAP] == "Strap (or a towel or belt)"
    for label in EQUIPMENT_LABELS.values():
        assert label and label[0].isupper() and not label.endswith(".")


def test_usable_needs_every_item_except_what_is_always_at_hand(library):
    nothing: frozenset[Equipment] = frozenset()
    assert all(usable(e, None) for e in library)  # unknown equipment: everything is owned
    assert usable(library.get("quad_hands"), nothing)
    assert usable(library.get("strap_hamstring"), nothing)  # a towel or a belt will do
    assert usable(library.get("wall_calf_straight"), nothing)
    assert not usable(library.get("quad_roll"), nothing)
    assert usable(library.get("quad_roll"), frozenset({Equipment.FOAM_ROLLER}))
    assert not usable(library.get("heel_on_step_hinge"), frozenset({Equipment.BALL}))
    assert usable(library.get("heel_on_step_hinge"), frozenset({Equipment.STEP}))
    # a ball against a wall: the wall is always there, the ball is not
    assert not usable(library.get("ball_side_hip"), nothing)
    assert usable(library.get("ball_side_hip"), frozenset({Equipment.BALL}))


def test_hand_massage_is_a_roll_that_needs_nothing_inside_the_rolling_bounds(library):
    bounds = load_protocols()
    set_max = bounds.bound("foam_roll.per_muscle_set").hard_max
    set_min = bounds.bound("foam_roll.per_muscle_set").warn_min
    for exercise_id, group in HAND_MASSAGE.items():
        exercise = library.get(exercise_id)
        assert exercise.kind is Kind.ROLL, exercise_id  # same bounds, never-roll checks and gates
        assert exercise.equipment == (Equipment.NONE,), exercise_id
        assert exercise.regions[0] == group, exercise_id
        assert exercise.sides is Sides.EACH
        assert set_min is not None and set_max is not None
        assert set_min <= exercise.dose.seconds <= set_max, exercise_id
        assert exercise.dose.reps == 1
        assert exercise.gentler and exercise.cautions, exercise_id
        assert any("20 seconds" in cue for cue in exercise.cues), exercise_id  # tender-spot hold


def test_hand_massage_keeps_the_regions_safety_notes(library):
    def cautions(exercise_id):
        return " ".join(library.get(exercise_id).cautions).lower()

    assert "swollen, warm or red" in cautions("calf_hands")  # a possible clot comes first
    assert "back of the knee" in cautions("calf_hands")
    assert "shin bone" in cautions("shin_hands")
    assert "barely stretches" in cautions("outer_thigh_hands")  # no promise to loosen the band
    assert "just below" in cautions("outer_thigh_hands")  # the nerve at the outer knee
    assert "groin crease" in cautions("outer_thigh_hands")
    assert "groin crease" in cautions("inner_thigh_hands")
    assert "bony bump" in cautions("outer_lower_leg_hands")
    assert "kneecap" in cautions("quad_hands")
    assert "back of the knee" in cautions("hamstring_hands")
    assert "heel bone" in cautions("arch_thumbs")


def test_every_rollable_group_but_the_glutes_has_a_roll_that_needs_nothing(library):
    regions = load_regions()
    nothing: frozenset[Equipment] = frozenset()
    for group in regions.groups:
        region = regions.get(group + ("_L" if group != "lower_back" else ""))
        if region.rolling is not Rolling.ALLOWED:
            continue
        by_hand = [e for e in library.for_group(group, Kind.ROLL) if usable(e, nothing)]
        if group == "glutes":  # a ball against a wall at least; with no ball, no roll
            assert by_hand == []
            assert any(usable(e, frozenset({Equipment.BALL})) for e in library.for_group(group))
        else:
            assert by_hand, group


def test_every_stretch_and_yoga_pose_stays_within_120_s_per_side(library):
    """PROTOCOLS 1.2 stretch_static.total_hold_per_side: hard_max 120 (plantar: its own 120)."""
    held = [e for e in library if e.kind in (Kind.STRETCH, Kind.YOGA)]
    assert any(e.kind is Kind.YOGA for e in held)
    for exercise in held:
        assert exercise.holds
        assert exercise.dose.seconds * exercise.dose.reps <= 120, exercise.id


def test_the_built_in_routines_keep_the_per_side_cap():
    from companion.resources import load_routines

    for routine in load_routines():
        for step in routine.steps:
            if step.exercise.kind in (Kind.STRETCH, Kind.YOGA):
                assert step.seconds * step.reps <= 120, (routine.id, step.exercise.id)


def test_only_slow_non_weight_bearing_movement_suits_a_fresh_injury(library):
    swings = library.get("leg_swings")
    assert swings.ballistic and not swings.gentle_for_fresh_injury
    assert library.get("knee_to_wall").weight_bearing
    assert not library.get("knee_to_wall").gentle_for_fresh_injury
    assert library.get("ankle_circles").gentle_for_fresh_injury
    for exercise in library:
        if exercise.gentle_for_fresh_injury:
            assert exercise.kind is Kind.MOBILITY
        if exercise.ballistic:
            assert exercise.kind is Kind.MOBILITY
    for eid in ("quad_roll", "prone_strap_quad", "tfl_roll", "inner_thigh_roll"):
        assert library.get(eid).prone, eid


def test_the_peroneal_stretch_turns_the_sole_inward_with_the_foot_pulled_up(library):
    """The peroneals turn the sole outward and point the foot, so they lengthen with
    the sole turned inward and the foot drawn up, never pointed."""
    stretch = library.get("seated_peroneal")
    cues = " ".join(stretch.cues).lower()
    assert "point" not in cues
    assert "up toward the shin" in cues
    assert "inward" in cues
    assert any("sprain" in c for c in stretch.cautions)
