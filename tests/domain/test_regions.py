import copy
import tomllib

import pytest

from companion.domain.content import ContentError
from companion.domain.regions import Rolling, Side, View, parse_regions
from companion.resources import content_path, load_regions

EXPECTED_GROUPS = {
    "hip_flexors",
    "quads",
    "adductors",
    "lateral_thigh_itb",
    "knee",
    "shin",
    "lateral_lower_leg",
    "glutes",
    "hamstrings",
    "calves",
    "ankle_achilles",
    "foot_plantar",
    "lower_back",
}


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    with content_path("regions").open("rb") as fh:
        return tomllib.load(fh)


def test_catalog_has_every_region_of_protocols_2_0_on_both_sides():
    catalog = load_regions()
    assert set(catalog.groups) == EXPECTED_GROUPS
    assert len(catalog) == 12 * 2 + 1
    assert len(set(catalog.ids)) == len(catalog.ids)
    for region in catalog:
        if region.group == "lower_back":
            assert region.side is Side.CENTRE and region.id == "lower_back"
        else:
            assert region.id == region.group + ("_L" if region.side is Side.LEFT else "_R")
            other = catalog.other_side(region)
            assert other is not None and other.group == region.group and other.side != region.side


def test_never_roll_regions_name_rollable_neighbours():
    catalog = load_regions()
    never = {r.group for r in catalog if r.rolling is Rolling.NEVER}
    assert never == {"knee", "ankle_achilles", "lower_back"}
    for region in catalog:
        for group in region.roll_instead:
            neighbour = catalog.get(group + region.side.suffix if region.paired else group + "_L")
            assert neighbour.rolling is Rolling.ALLOWED


def test_views_split_the_map():
    catalog = load_regions()
    front = {r.group for r in catalog.on_view(View.FRONT)}
    back = {r.group for r in catalog.on_view(View.BACK)}
    assert {"quads", "shin", "hip_flexors", "adductors"} <= front - back
    assert {"glutes", "hamstrings", "calves", "lower_back"} <= back - front
    assert {"knee", "lateral_thigh_itb"} <= front & back


def test_display_names_say_the_side():
    catalog = load_regions()
    assert catalog.get("calves_L").display_name == "Calves (left)"
    assert catalog.get("lower_back").display_name == "Lower back"


def test_unknown_region_lookup_lists_known_ids():
    with pytest.raises(KeyError, match="quads_L"):
        load_regions().get("quadz_L")


def _broken(raw: dict[str, object], mutate) -> dict[str, object]:
    data = copy.deepcopy(raw)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "key", "reason"),
    [
        (
            lambda d: d["region"][1].update(views=["frnt"]),
            "region[1].views",
            "'frnt' is not one of",
        ),
        (lambda d: d["region"][0].pop("name"), "region[0].name", "is missing"),
        (lambda d: d["region"][2].update(paired="yes"), "region[2].paired", "true or false"),
        (lambda d: d["region"][3].update(group="quads"), "region[3].group", "already defined"),
        (
            lambda d: d["region"][4].update(roll_instead=["elbow"]),
            "region[4].roll_instead",
            "'elbow'",
        ),
        (lambda d: d["region"][0].update(rolling="never"), "region[0].roll_instead", "must name"),
        (lambda d: d["region"][0].update(colour="red"), "region[0].colour", "not a known key"),
        (lambda d: d.update(schema=2), "schema", "not supported"),
        (
            lambda d: d["region"][0].update(group="Hip Flexors"),
            "region[0].group",
            "lower_snake_case",
        ),
        (lambda d: d.update(region=[]), "region", "non-empty list"),
    ],
)
def test_malformed_regions_name_file_key_and_reason(raw, mutate, key, reason):
    with pytest.raises(ContentError) as info:
        parse_regions(_broken(raw, mutate), source="regions.toml")
    assert info.value.source == "regions.toml"
    assert info.value.key == key
    assert reason in info.value.reason
    assert str(info.value).startswith(f"regions.toml: {key}: ")


def test_group_labels_name_each_group_once_in_map_order():
    regions = load_regions()
    labels = regions.group_labels()
    assert list(labels) == list(regions.groups)
    assert labels["quads"] == "Quadriceps (front of the thigh)"
