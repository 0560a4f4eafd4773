"""The user's own routines: the checks the editor and the import share, and the file."""

import json

import pytest

from companion.domain.custom_routines import (
    RoutineDraft,
    RoutineFileError,
    StepSpec,
    expand,
    from_file,
    review,
    seconds_of,
    to_file,
)
from companion.resources import load_exercises, load_protocols


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


@pytest.fixture(scope="module")
def library(bounds):
    return load_exercises(protocols=bounds)


def draft(*steps, name="Evening calves"):
    return RoutineDraft(name, "After the long run.", tuple(StepSpec(*s) for s in steps))


def test_a_usual_routine_passes_and_expands_each_side(library, bounds):
    mine = draft(("calf_roll", 60, 1), ("wall_calf_straight", 30, 2), ("easy_walk", 300, 1))
    verdict = review(mine, library, bounds)
    assert verdict.ok and verdict.confirmations == []
    steps = expand(mine.steps, library)
    assert [(s.exercise.id, s.side) for s in steps] == [
        ("calf_roll", "left"),
        ("calf_roll", "right"),
        ("wall_calf_straight", "left"),
        ("wall_calf_straight", "right"),
        ("easy_walk", "both"),
    ]
    assert seconds_of(mine, library) > 60 * 2 + 30 * 2 * 2 + 300


def test_outside_the_usual_range_asks_and_beyond_the_limit_refuses(library, bounds):
    asks = review(draft(("wall_calf_straight", 45, 2)), library, bounds)
    assert asks.ok
    assert asks.confirmations and "Stretch hold" in asks.confirmations[0]
    refused = review(draft(("wall_calf_straight", 90, 1)), library, bounds)
    assert not refused.ok
    assert "Wall calf stretch, straight knee" in refused.refusals[0]
    too_much = review(draft(("wall_calf_straight", 60, 3)), library, bounds)
    assert not too_much.ok  # 180 s per side is over the 120 s total


def test_empty_nameless_or_unknown_is_refused(library, bounds):
    assert review(RoutineDraft("Mine"), library, bounds).refusals == ["Add at least one exercise."]
    assert (
        "Give the routine a name."
        in review(draft(("calf_roll", 60, 1), name=" "), library, bounds).refusals
    )
    assert (
        "'moonwalk' is not in the library"
        in review(draft(("moonwalk", 60, 1)), library, bounds).refusals[0]
    )


def test_the_file_round_trips(library, bounds):
    mine = draft(("calf_roll", 60, 1), ("plantar_stretch", 10, 10))
    text = to_file(mine)
    assert json.loads(text)["format"] == "recovery-companion-routine"
    assert from_file(text, library, bounds) == mine


def good_file(**changes):
    data = {
        "format": "recovery-companion-routine",
        "version": 1,
        "name": "Mine",
        "description": "",
        "steps": [{"exercise": "calf_roll", "seconds": 60, "reps": 1}],
    }
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "Not a JSON file: Expecting property name"),
        ("[]", "expected a JSON object"),
        (good_file(format="something-else"), "Not a routine file"),
        (good_file(version=2), "this app reads version 1"),
        (good_file(colour="red"), "Unknown key 'colour'"),
        (good_file(name=5), '"name" must be text'),
        (good_file(steps={}), '"steps" must be a list'),
        (good_file(steps=[5]), "steps[0] must be an object"),
        (
            good_file(steps=[{"exercise": "calf_roll", "seconds": "60", "reps": 1}]),
            '"seconds" must be a whole number',
        ),
        (
            good_file(steps=[{"exercise": "calf_roll", "seconds": 60, "reps": True}]),
            '"reps" must be a whole number',
        ),
        (
            good_file(steps=[{"exercise": "knee_roll", "seconds": 60, "reps": 1}]),
            "'knee_roll' is not in the library",
        ),
        (
            good_file(steps=[{"exercise": "calf_roll", "seconds": 600, "reps": 1}]),
            "above the safe limit",
        ),
        (good_file(steps=[]), "Add at least one exercise"),
        ("x" * 300_000, "larger than 256 KB"),
    ],
)
def test_a_bad_file_names_its_problem(library, bounds, text, message):
    with pytest.raises(RoutineFileError, match=None) as info:
        from_file(text, library, bounds)
    assert message in str(info.value)


def test_control_characters_are_dropped_from_imported_text(library, bounds):
    imported = from_file(good_file(name="Mine\x1b[31m\n"), library, bounds)
    assert imported.name == "Mine[31m"
