import pytest

from companion.domain.feel import FeelScore, feel_summary, feel_words, steps_done, worst_change


def test_a_score_keeps_its_change():
    score = FeelScore("calves_L", "left", 6, 4)
    assert score.change == -2
    assert score.key == ("calves_L", "left")
    assert FeelScore("calves", "both", None, 3).change is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"after": 11}, "after must be from 0 to 10, got 11"),
        ({"after": -1}, "after must be from 0 to 10, got -1"),
        ({"before": 12}, "before must be from 0 to 10, got 12"),
        ({"after": 4.5}, "after must be a whole number"),
        ({"after": True}, "after must be a whole number"),
        ({"side": "up"}, "side must be one of both, centre, left, right"),
        ({"region_id": ""}, "region_id must name a region"),
    ],
)
def test_a_score_out_of_bounds_is_refused_with_its_field(kwargs, message):
    values = {"region_id": "calves_L", "side": "left", "before": 6, "after": 4, **kwargs}
    with pytest.raises(ValueError, match=message):
        FeelScore(**values)


def test_the_bounds_themselves_are_allowed():
    assert FeelScore("calves_L", "left", 0, 10).change == 10
    assert FeelScore("calves_L", "left", 10, 0).change == -10


def test_words_and_summary():
    a = FeelScore("calves_L", "left", 6, 4)
    b = FeelScore("calves_R", "right", None, 2)
    assert feel_words("Left calf", a) == "Left calf 6 → 4"
    assert feel_words("Right calf", b) == "Right calf 2"
    assert feel_summary([("Left calf", a), ("Right calf", b)]) == "Left calf 6 → 4, Right calf 2"


def test_worst_change_is_the_largest_rise():
    scores = [
        FeelScore("a", "left", 6, 4),
        FeelScore("b", "left", 3, 5),
        FeelScore("c", "both", None, 9),
    ]
    assert worst_change(scores) == 2
    assert worst_change([FeelScore("c", "both", None, 9)]) is None


def test_steps_done_counts_completed_and_skipped_of_planned():
    outcomes = ["completed"] * 3 + ["skipped"] + ["stopped"] * 7
    assert steps_done(outcomes) == (4, 11)
    assert steps_done([]) == (0, 0)
