import copy
import tomllib
from datetime import UTC

import pytest

from companion.domain.content import ContentError
from companion.domain.routines import MAX_MINUTES, MIN_MINUTES, parse_routines
from companion.domain.session import RoutineSession
from companion.resources import content_path, load_exercises, load_protocols, load_routines

BUILT_IN = {
    "post_run_cooldown",
    "leg_day_recovery",
    "long_standing_relief",
    "calves_and_shins",
    "hips_and_glutes",
    "full_leg_foam_roll",
    "active_recovery_yoga",
    "plantar_and_achilles",
}


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    with content_path("routines").open("rb") as fh:
        return tomllib.load(fh)


def test_the_eight_built_in_routines_last_5_to_25_minutes():
    catalog = load_routines()
    assert {r.id for r in catalog} == BUILT_IN
    for routine in catalog:
        assert MIN_MINUTES * 60 <= routine.seconds <= MAX_MINUTES * 60, routine.id
        assert routine.description
    assert 19 <= load_routines().get("active_recovery_yoga").seconds / 60 <= 21


def test_each_side_exercises_run_left_then_right():
    steps = load_routines().get("post_run_cooldown").steps
    calf = [s for s in steps if s.exercise.id == "wall_calf_straight"]
    assert [s.side for s in calf] == ["left", "right"]
    assert [s.region_id for s in calf] == ["calves_L", "calves_R"]


def test_every_routine_plays_to_the_end():
    from datetime import datetime, timedelta

    start = datetime(2026, 6, 15, tzinfo=UTC)
    for routine in load_routines():
        session = RoutineSession(routine.steps, start)
        session.tick(start + timedelta(seconds=routine.seconds))
        assert session.done, routine.id


def broken(raw, mutate):
    data = copy.deepcopy(raw)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "key", "reason"),
    [
        (
            lambda d: d["routine"][0]["steps"][1].update(exercise="handstand"),
            "routine[0].steps[1].exercise",
            "'handstand' is not in the exercise library",
        ),
        (
            lambda d: d["routine"][0]["steps"][1].update(seconds=75),
            "routine[0].steps[1].seconds",
            "above the safe limit of 60 s",
        ),
        (
            lambda d: d["routine"][0]["steps"][1].update(reps=9),
            "routine[0].steps[1].reps",
            "above the safe limit of 4 reps",
        ),
        (
            lambda d: d["routine"][2].update(steps=d["routine"][2]["steps"][:1]),
            "routine[2].steps",
            "a routine must last 5-25 min",
        ),
        (lambda d: d["routine"][1].update(id="post_run_cooldown"), "routine[1].id", "listed twice"),
        (
            lambda d: d["routine"][0]["steps"][0].update(speed=3),
            "routine[0].steps[0].speed",
            "not a known key",
        ),
    ],
)
def test_malformed_routines_name_file_key_and_reason(raw, mutate, key, reason):
    with pytest.raises(ContentError) as info:
        parse_routines(broken(raw, mutate), "routines.toml", load_exercises(), load_protocols())
    assert info.value.key == key
    assert reason in info.value.reason
