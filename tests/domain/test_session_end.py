"""The side switch from content, and how an ended routine sums up."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.content import ContentError
from companion.domain.exercises import SWITCH_MIN_S, parse_exercises
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Outcome, Phase, RoutineSession, build_segments
from companion.resources import load_exercises, load_protocols, load_regions, load_routines

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def library():
    return load_exercises()


def test_every_side_switch_lasts_long_enough_to_change_position(library):
    for routine in load_routines():
        for segment in build_segments(routine.steps):
            if segment.phase is Phase.SWITCH:
                step = routine.steps[segment.step]
                assert segment.seconds >= SWITCH_MIN_S
                assert segment.seconds == step.exercise.dose.switch_s
                previous = routine.steps[segment.step - 1]
                assert step.side != previous.side  # the segment's step names the new side


def test_the_switch_comes_from_the_exercise(library):
    roll = library.get("quad_roll")  # getting off the roller takes longer
    assert roll.dose.switch_s == 12
    wall = library.get("wall_calf_straight")
    assert wall.dose.switch_s == 8  # the default
    steps = (
        RoutineStep(roll, "quads_L", "left", 45, 1),
        RoutineStep(roll, "quads_R", "right", 45, 1),
    )
    switch = next(s for s in build_segments(steps) if s.phase is Phase.SWITCH)
    assert (switch.seconds, steps[switch.step].side) == (12, "right")


def _exercise_data(switch_s):
    import tomllib

    from companion.resources import content_path

    with content_path("exercises").open("rb") as fh:
        data = tomllib.load(fh)
    data["exercise"][0]["switch_s"] = switch_s
    return data


@pytest.mark.parametrize("bad", [5, 0, 61])
def test_a_switch_too_short_or_too_long_is_refused_with_its_key(bad):
    data = _exercise_data(bad)
    with pytest.raises(ContentError, match=r"exercise\[0\]\.switch_s"):
        parse_exercises(data, "exercises.toml", load_regions(), load_protocols())


def test_an_early_stop_sums_up_four_of_eleven():
    routine = load_routines().get("post_run_cooldown")
    assert len(routine.steps) == 11
    session = RoutineSession(routine.steps, T0)
    now = T0
    while session.steps_done() < 4:
        now += timedelta(seconds=1)
        session.tick(now)
    now += timedelta(seconds=3)
    session.tick(now)
    before = session.progress(now)
    session.stop(now)
    summary = session.summary(now + timedelta(minutes=5))
    assert (summary.done, summary.total) == (4, 11)
    assert summary.stopped and session.stopped
    assert summary.elapsed == now - T0
    assert summary.regions[0] == (routine.steps[0].region_id, routine.steps[0].side)
    assert session.progress(now + timedelta(hours=1)) == pytest.approx(before)  # stays put
    assert 0 < before < 1
    assert [r.outcome for r in session.records].count(Outcome.COMPLETED) == 4


def test_a_finished_routine_is_not_stopped_and_fills_the_bar():
    routine = load_routines().get("calves_and_shins")
    session = RoutineSession(routine.steps, T0)
    session.tick(T0 + timedelta(hours=2))
    summary = session.summary(T0 + timedelta(hours=2))
    assert not summary.stopped and summary.done == summary.total
    assert session.progress(T0 + timedelta(hours=2)) == 1.0
    assert {side for _region, side in summary.regions} == {"left", "right"}


def test_upcoming_lists_the_current_step_first():
    routine = load_routines().get("calves_and_shins")
    session = RoutineSession(routine.steps, T0)
    assert session.upcoming(5) == (0, 1, 2, 3, 4)
    session.skip(T0)
    assert session.upcoming(3) == (1, 2, 3)
    session.stop(T0)
    assert session.upcoming(3) == ()
