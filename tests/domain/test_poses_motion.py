"""Key positions, their blending over time, mirroring and the worked muscle."""

import pytest

from companion.domain.content import ContentError
from companion.domain.poses import (
    DWELL_S,
    MOVE_S,
    Motion,
    Pose,
    blend,
    faces_left,
    figure,
    frame,
    mirrored,
    motion,
    parse_poses,
    worked_parts,
)
from companion.resources import load_exercises, load_poses


def pose(torso: float = 180, knee: float = 0.0, **extra) -> Pose:
    legs = (0.0, knee, 90.0)
    limbs = {"near_arm": (0.0, 0.0), "far_arm": (0.0, 0.0), "near_leg": legs, "far_leg": legs}
    return Pose("standing", torso, torso, limbs, **extra)


@pytest.fixture(scope="module")
def poses():
    return load_poses(library=load_exercises())


def test_blend_gives_the_angles_at_the_ends_and_in_proportion_between():
    a, b = pose(torso=180, knee=0), pose(torso=160, knee=-90)
    assert blend(a, b, 0).torso == 180 and blend(a, b, 0).limbs["near_leg"][1] == 0
    assert blend(a, b, 1).torso == 160 and blend(a, b, 1).limbs["near_leg"][1] == -90
    half = blend(a, b, 0.5)
    assert half.torso == 170
    assert half.head == 170
    assert half.limbs["near_leg"] == (0.0, -45.0, 90.0)
    assert blend(a, b, 7) == blend(a, b, 1)  # t is clamped
    assert blend(a, b, -1) == blend(a, b, 0)


def test_a_hold_eases_from_its_start_into_the_position_and_stays():
    start, held = pose(knee=0), pose(knee=-60)
    held = Pose(held.exercise, held.torso, held.head, held.limbs, start=start)
    walk = motion(held, repeating=False)
    assert walk.keys == (start, held) and not walk.loop
    assert walk.at(0).limbs == start.limbs  # resting at the start first
    middle = walk.at(DWELL_S + MOVE_S / 2).limbs["near_leg"][1]
    assert middle == pytest.approx(-30)  # halfway (the easing is symmetric)
    assert walk.at(DWELL_S + MOVE_S).limbs == held.limbs
    assert walk.at(600).limbs == held.limbs
    assert walk.finished(walk.period) and not walk.finished(0)
    assert walk.held is held


def test_a_repeated_move_goes_round_its_positions_and_comes_back():
    out = pose(knee=-80)
    main = Pose("move", 180, 180, pose().limbs, moves=(out,))
    walk = motion(main, repeating=True)
    assert walk.loop and walk.period == pytest.approx(2 * (DWELL_S + MOVE_S))
    assert walk.at(0).limbs == main.limbs
    assert walk.at(DWELL_S + MOVE_S).limbs == out.limbs
    assert walk.at(walk.period).limbs == main.limbs  # round again
    assert not walk.finished(10_000)  # a loop never settles
    assert walk.held.limbs == main.limbs
    assert motion(main, repeating=False).keys == (main,)  # a hold shows the main position
    assert not Motion((main,)).moves


def test_mirroring_flips_the_figure_about_the_hip():
    fig = figure(pose(knee=-20))
    flipped = mirrored(fig)
    toe, toe_flipped = fig.anchors["near_toe"], flipped.anchors["near_toe"]
    assert fig.anchors["near_knee"][0] == pytest.approx(0)
    assert toe[0] > fig.anchors["near_ankle"][0]  # the foot points the way it faces (right)
    assert toe_flipped[0] < flipped.anchors["near_ankle"][0]  # ... and then left
    assert toe_flipped == (-toe[0], toe[1])
    assert flipped.bounds[0] == pytest.approx(-fig.bounds[2])
    assert mirrored(flipped).anchors == fig.anchors  # -(-x) is x exactly
    assert faces_left("right") and not faces_left("left") and not faces_left("both")


def test_the_frame_holds_every_key_position():
    a, b = figure(pose(knee=0)), figure(pose(torso=120))
    box = frame([a, b])
    assert box[0] <= min(a.bounds[0], b.bounds[0]) and box[2] >= max(a.bounds[2], b.bounds[2])
    with pytest.raises(ValueError, match="at least one"):
        frame([])


def test_the_worked_muscle_is_the_part_of_the_leg_the_exercise_names():
    standing = pose()
    assert worked_parts(standing, ("calves",)) == {"near_leg:1"}
    assert worked_parts(standing, ("quads", "foot_plantar")) == {"near_leg:0", "near_leg:2"}
    assert worked_parts(standing, ("glutes",)) == {"hip"}
    assert worked_parts(standing, ()) == {"near_leg"}  # nothing named: the whole leg


def test_shipped_key_positions_load_and_stay_in_one_piece(poses):
    animated = [p for p in poses if p.animated]
    assert len(animated) >= 8
    assert any(p.start is not None for p in animated)
    assert any(p.moves for p in animated)
    for shipped in animated:
        for key in shipped.keys:
            fig = figure(key)
            assert fig.bounds[1] == 0.0
            assert key.props == shipped.props


def test_a_key_position_with_a_bad_angle_says_where():
    exercise_ids = {"wall_calf_straight"}
    data = {
        "pose": [
            {
                "exercise": "wall_calf_straight",
                "torso": 165,
                "near_arm": [95, 95],
                "far_arm": [90, 90],
                "near_leg": [-22, -22, 90],
                "far_leg": [18, -8, 90],
                "moves": [{"near_leg": [1, 2]}],
            }
        ]
    }
    with pytest.raises(ContentError, match=r"moves\[0\]\.near_leg"):
        parse_poses(data, "poses.toml", exercise_ids)
    data["pose"][0]["moves"] = [{"elbow": 3}]
    with pytest.raises(ContentError, match="not a known key"):
        parse_poses(data, "poses.toml", exercise_ids)
    data["pose"][0].pop("moves")
    data["pose"][0]["start"] = {"near_leg": [0, 0, 90]}
    (parsed,) = parse_poses(data, "poses.toml", exercise_ids)
    assert parsed.start is not None and parsed.start.limbs["near_leg"] == (0.0, 0.0, 90.0)
    assert parsed.start.limbs["far_leg"] == parsed.limbs["far_leg"]  # unchanged angles kept
