"""Every file under resources/content loads and keeps its invariants."""

from companion.domain.regions import Rolling
from companion.resources import (
    content_files,
    load_conditions,
    load_exercises,
    load_guide,
    load_poses,
    load_protocols,
    load_regions,
    load_return_to_run,
    load_routines,
    load_triage,
    resources_root,
)

LOADERS = {
    "regions": load_regions,
    "protocols": load_protocols,
    "triage": load_triage,
    "conditions": load_conditions,
    "exercises": load_exercises,
    "routines": load_routines,
    "poses": load_poses,
    "guide": load_guide,
    "return_to_run": load_return_to_run,
}


def test_every_content_file_has_a_loader_and_loads():
    files = content_files()
    assert {p.stem for p in files} == set(LOADERS), "a new content file needs a loader and checks"
    for path in files:
        LOADERS[path.stem](path)


def test_cross_file_invariants():
    regions = load_regions()
    protocols = load_protocols()
    # Every never-roll region says why, and the outer-knee ice cap is the stricter one.
    assert all(r.never_roll for r in regions if r.rolling is Rolling.NEVER)
    outer_knee = protocols.bound("ice_pack.application_outer_knee_or_lean").hard_max
    anywhere = protocols.bound("ice_pack.application").hard_max
    assert outer_knee is not None
    assert anywhere is not None
    assert outer_knee < anywhere


def test_resources_come_from_one_root_with_icons():
    root = resources_root()
    assert (root / "content" / "regions.toml").is_file()
    assert (root / "icons" / "recovery-companion.svg").is_file()


def test_unknown_resource_names_list_the_known_ones():
    import pytest

    from companion.resources import ResourceNotFoundError, content_path, icon_path

    with pytest.raises(ResourceNotFoundError, match=r"known: .*recovery-companion"):
        icon_path("nope")
    with pytest.raises(
        ResourceNotFoundError,
        match="known: conditions, exercises, guide, poses, protocols, regions, return_to_run, "
        "routines, triage",
    ):
        content_path("massages")


def test_a_broken_content_file_names_the_file(tmp_path):
    import pytest

    from companion.domain.content import ContentError

    bad = tmp_path / "regions.toml"
    bad.write_text("schema = 1\n[[region]\n")
    with pytest.raises(ContentError, match=r"^regions.toml: \(file\): is not valid TOML"):
        load_regions(bad)
