import copy
import tomllib

import pytest

from companion.domain.content import ContentError
from companion.domain.exercises import Kind, Sides, parse_exercises
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
    ],
)
def test_malformed_exercises_name_file_key_and_reason(raw, mutate, key, reason):
    with pytest.raises(ContentError) as info:
        parse_exercises(broken(raw, mutate), "exercises.toml", load_regions(), load_protocols())
    assert info.value.key == key
    assert reason in info.value.reason
