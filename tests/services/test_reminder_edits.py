"""A reminder request from the command line or over IPC meets the editor's own checks,
including what the user must choose themselves (an icing rule's region and leg). No Qt."""

from __future__ import annotations

import pytest

from companion.domain.reminders import Kind, ReminderRule
from companion.services.content import LazyContent
from companion.services.reminder_edits import (
    CHOOSE_REGION,
    CHOOSE_SIDE,
    missing_choices,
    prepare,
    run_request,
)
from companion.services.reminders import ReminderService
from companion.storage.database import open_database


@pytest.fixture
def service(data_dir, clock):
    data_dir.mkdir()
    clock.set(clock.now().replace(hour=8, minute=0))
    db = open_database(data_dir / "companion.db", clock.now()).database
    content = LazyContent()
    yield ReminderService(db, clock, protocols=lambda: content.protocols)
    db.close()


def icing(**changes) -> ReminderRule:
    return ReminderRule(Kind.ICING, "Ice", every_min=120, on_min=15, **changes)


def test_missing_choices_asks_for_the_region_then_the_leg() -> None:
    assert missing_choices(icing()) == [CHOOSE_REGION]
    assert missing_choices(icing(region="calves"), {"calves"}) == [CHOOSE_SIDE]
    assert missing_choices(icing(region="calves", extra={"side": "left"}), {"calves"}) == []
    assert missing_choices(icing(region="lower_back"), {"calves"}) == []  # no left and right
    assert missing_choices(icing(region="calves")) == [CHOOSE_SIDE]  # not told: all paired
    assert missing_choices(ReminderRule(Kind.HYDRATION, "Water", every_min=90)) == []


@pytest.mark.parametrize("enabled", [True, False])
def test_an_icing_request_without_a_region_is_refused(service, enabled) -> None:
    prepared = prepare(service, {"kind": "icing", "enabled": enabled})
    assert not prepared.ready
    assert prepared.refused.startswith("Choose where to ice.")
    assert "--region" in prepared.refused


def test_an_unknown_region_and_a_missing_leg_are_refused(service) -> None:
    unknown = prepare(service, {"kind": "icing", "region": "elbows"})
    assert unknown.refused.startswith("'elbows' is not a region group; use one of ")
    no_leg = prepare(service, {"kind": "icing", "region": "calves"})
    assert no_leg.refused.startswith("Choose which leg to ice.")
    bad_side = prepare(service, {"kind": "icing", "region": "calves", "side": "middle"})
    assert "left, right or both" in bad_side.refused
    water_side = prepare(service, {"kind": "hydration", "side": "left"})
    assert "Only an icing reminder has a side" in water_side.refused


def test_an_icing_request_with_its_region_and_leg_is_saved(service) -> None:
    saved: list[ReminderRule] = []

    def save(rule: ReminderRule) -> ReminderRule:
        saved.append(service.save_rule(rule))
        return saved[-1]

    reply = run_request(
        service,
        {"action": "add", "fields": {"kind": "icing", "region": "calves", "side": "both"}},
        save,
        service.delete_rule,
    )
    assert reply["ok"] is True, reply
    (rule,) = service.rules()
    assert (rule.region, rule.extra["side"]) == ("calves", "both")
    refused = run_request(
        service,
        {"action": "set", "id": rule.id, "fields": {"region": ""}},
        save,
        service.delete_rule,
    )
    assert refused["ok"] is False and refused["error"].startswith("Not saved: Choose where")
    assert service.rules()[0].region == "calves"
