"""Pose drawings: the shipped ones make sense, and bad pose data says where it is wrong."""

import copy
import itertools
import math
import tomllib

import pytest

from companion.domain.content import ContentError
from companion.domain.equipment import Equipment
from companion.domain.exercises import Kind, Sides
from companion.domain.poses import (
    FOOT,
    HEAD_R,
    LIMB_W,
    NECK,
    SHIN,
    THIGH,
    TORSO,
    Pose,
    figure,
    parse_poses,
)
from companion.resources import content_path, load_exercises, load_poses

# Which equipment each prop stands for; a towel or a bed is found in any home.
PROP_EQUIPMENT = {
    "roller": {Equipment.FOAM_ROLLER},
    "ball": {Equipment.BALL},
    "wall": {Equipment.WALL},
    "strap": {Equipment.STRAP},
    "step": {Equipment.STEP},
    "chair": {Equipment.CHAIR},
    "chair_back": {Equipment.CHAIR, Equipment.WALL},
    "stick": {Equipment.STICK},
}


@pytest.fixture(scope="module")
def library():
    return load_exercises()


@pytest.fixture(scope="module")
def poses(library):
    return load_poses(library=library)


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    with content_path("poses").open("rb") as fh:
        return tomllib.load(fh)


def standing() -> Pose:
    legs = (0.0, 0.0, 90.0)
    limbs = {"near_arm": (0.0, 0.0), "far_arm": (0.0, 0.0), "near_leg": legs, "far_leg": legs}
    return Pose("standing", 180, 180, limbs)


def test_every_exercise_has_a_pose_drawing(poses, library):
    """The player and the Routines page draw each exercise; none falls back to a letter."""
    drawn = {pose.exercise for pose in poses}
    assert drawn <= {e.id for e in library}
    missing = sorted(e.id for e in library if e.id not in drawn)
    assert missing == [], f"exercises without a pose in poses.toml: {missing}"


def test_a_standing_figure_stands_on_the_floor_at_full_height():
    fig = figure(standing())
    hip_height = THIGH + SHIN + LIMB_W / 2
    assert fig.anchors["hip"][1] == pytest.approx(hip_height)
    assert fig.anchors["near_ankle"][1] == pytest.approx(LIMB_W / 2)
    assert fig.head[1] + HEAD_R == pytest.approx(hip_height + TORSO + NECK + 2 * HEAD_R)
    assert fig.anchors["near_toe"][0] == pytest.approx(FOOT)  # the foot points forward
    assert fig.bounds[1] == 0.0


def test_limbs_are_joined_end_to_end(poses):
    for pose in poses:
        fig = figure(pose)
        for limb in ("near_arm", "far_arm", "near_leg", "far_leg"):
            parts = [s for s in fig.segments if s.part == limb]
            for before, after in itertools.pairwise(parts):
                assert before.end == after.start, (pose.exercise, limb)


def test_every_pose_rests_on_the_floor_and_stays_above_it(poses):
    for pose in poses:
        fig = figure(pose)
        lows = [min(s.start[1], s.end[1]) - s.width / 2 for s in fig.segments]
        lows += [p[1] - shape.radius for shape in fig.props for p in shape.points]
        lows.append(fig.head[1] - fig.head_r)
        assert min(lows) == pytest.approx(0.0, abs=1e-9), pose.exercise


def test_a_roller_sits_between_the_limb_and_the_floor(poses):
    for pose in poses:
        fig = figure(pose)
        for prop, shape in zip(pose.props, fig.props, strict=True):
            if prop.kind != "roller":
                continue
            (x, y), radius = shape.points[0], shape.radius
            anchor = fig.anchors[prop.at]
            assert x == pytest.approx(anchor[0])
            assert y + radius == pytest.approx(anchor[1] - LIMB_W / 2)  # touching the limb
            assert y - radius >= -1e-9, pose.exercise  # not sunk into the floor


def test_the_worked_legs_follow_the_exercise_sides(poses, library):
    for pose in poses:
        exercise = library.get(pose.exercise)
        if exercise.sides is Sides.EACH:
            assert pose.worked == ("near_leg",), pose.exercise
        else:
            assert set(pose.worked) == {"near_leg", "far_leg"}, pose.exercise


def test_props_match_the_equipment_the_exercise_needs(poses, library):
    for pose in poses:
        exercise = library.get(pose.exercise)
        kinds = {prop.kind for prop in pose.props}
        for kind in kinds:
            if kind in PROP_EQUIPMENT:
                assert PROP_EQUIPMENT[kind] & set(exercise.equipment), (pose.exercise, kind)
        if Equipment.FOAM_ROLLER in exercise.equipment:
            assert "roller" in kinds, pose.exercise  # the roller is the point of the drawing


def test_every_massage_by_hand_is_drawn_without_props(poses, library):
    by_hand = [e for e in library if e.kind is Kind.ROLL and e.equipment == (Equipment.NONE,)]
    assert len(by_hand) >= 8
    for exercise in by_hand:
        pose = poses.get(exercise.id)
        assert pose is not None, exercise.id
        assert pose.props == (), exercise.id  # the hands are the tool
        fig = figure(pose)
        hands = [fig.anchors["near_hand"], fig.anchors["far_hand"]]
        leg = [s for s in fig.segments if s.part == "near_leg"]
        # both hands are on the worked leg, not in the air
        for hand in hands:
            assert min(_distance(hand, s.start, s.end) for s in leg) < 2 * LIMB_W, exercise.id


def _distance(p, a, b):
    """From point p to the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def test_a_standing_figure_is_taller_than_it_is_wide_and_a_lying_one_is_not(poses):
    def extent(exercise_id):
        min_x, min_y, max_x, max_y = figure(poses.get(exercise_id)).bounds
        return max_x - min_x, max_y - min_y

    width, height = extent("easy_walk")
    assert height > width
    width, height = extent("heel_slides")
    assert width > 2 * height


@pytest.mark.parametrize(
    ("change", "key", "reason"),
    [
        (lambda p: p.update(exercise="moonwalk"), "pose[0].exercise", "not an exercise"),
        (lambda p: p.update(near_leg=[0, 0]), "pose[0].near_leg", "list of 3 angles"),
        (lambda p: p.update(torso=720), "pose[0].torso", "between -360 and 360"),
        (lambda p: p.update(torso="up"), "pose[0].torso", "must be a number"),
        (lambda p: p.update(elbow=3), "pose[0].elbow", "not a known key"),
        (lambda p: p.update(worked=["tail"]), "pose[0].worked", "'tail' is not one of"),
        (
            lambda p: p.update(props=[{"kind": "trampoline", "at": "hip"}]),
            "pose[0].props[0].kind",
            "'trampoline' is not one of",
        ),
        (
            lambda p: p.update(props=[{"kind": "roller", "at": "near_tail"}]),
            "pose[0].props[0].at",
            "'near_tail' is not one of",
        ),
        (
            lambda p: p.update(props=[{"kind": "roller", "at": "hip", "to": "near_toe"}]),
            "pose[0].props[0].to",
            "only a strap or a stick",
        ),
        (
            lambda p: p.update(props=[{"kind": "strap", "at": "near_hand"}]),
            "pose[0].props[0].to",
            "is missing",
        ),
    ],
)
def test_bad_pose_data_names_the_key_and_the_reason(raw, library, change, key, reason):
    data = copy.deepcopy(raw)
    change(data["pose"][0])
    with pytest.raises(ContentError) as caught:
        parse_poses(data, "poses.toml", {e.id for e in library})
    assert caught.value.source == "poses.toml"
    assert caught.value.key == key
    assert reason in caught.value.reason


def test_a_second_pose_for_one_exercise_is_refused(raw, library):
    data = copy.deepcopy(raw)
    data["pose"].append(copy.deepcopy(data["pose"][0]))
    with pytest.raises(ContentError, match="has a pose already"):
        parse_poses(data, "poses.toml", {e.id for e in library})


def test_angles_point_the_documented_way():
    fig = figure(standing())
    hip = fig.anchors["hip"]
    shoulder = fig.anchors["shoulder"]
    assert shoulder[0] == pytest.approx(hip[0]) and shoulder[1] > hip[1]  # 180 is up
    legs = (90.0, 0.0, 90.0)  # thigh pointing forward: a seated figure
    limbs = {"near_arm": (0.0, 0.0), "far_arm": (0.0, 0.0), "near_leg": legs, "far_leg": legs}
    seated = figure(Pose("seated", 180, 180, limbs))
    knee, hip = seated.anchors["near_knee"], seated.anchors["hip"]
    assert knee[0] - hip[0] == pytest.approx(THIGH)
    assert math.isclose(knee[1], hip[1], abs_tol=1e-9)


def test_an_exercise_bike_stands_on_the_floor_under_the_rider(poses):
    fig = figure(poses.get("easy_cycle"))
    (bike,) = fig.props
    hip = fig.anchors["hip"]
    assert min(y for _x, y in bike.points) == pytest.approx(0.0)  # the base on the floor
    assert bike.points[0][1] == pytest.approx(hip[1] - LIMB_W / 2)  # the saddle under the hip
    lowest_foot = min(fig.anchors["near_toe"][1], fig.anchors["far_toe"][1])
    assert lowest_foot > 0.05  # the feet on the pedals, off the floor
