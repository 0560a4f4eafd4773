"""Water reminders held back after a drink, as the Reminders screen reads them, and the
icing side kept with a rule. Real SQLite files in a temporary folder; no Qt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest

from companion.domain.reminders import Kind, ReminderRule
from companion.services.content import LazyContent
from companion.services.reminders import Quiet, ReminderService
from companion.storage.database import Database, open_database
from tests.helpers.clock import FakeClock


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    data_dir.mkdir()
    clock.set(clock.now().replace(hour=13, minute=0))  # Monday 13:00
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def service(db: Database, clock: FakeClock) -> ReminderService:
    content = LazyContent()
    return ReminderService(db, clock, protocols=lambda: content.protocols)


def test_a_water_reminder_held_back_says_which_drink(
    service: ReminderService, clock: FakeClock
) -> None:
    rule = service.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=60, amount_ml=250, daily_goal_ml=3500)
    )
    assert service.backed_off_today() == []
    service.log_water(200)  # 13:00, an earlier drink
    clock.advance(minutes=45)
    service.log_water(300)  # 13:45
    clock.advance(minutes=15)  # 14:00: due, half an interval after the drink
    decision = service.on_due(rule, clock.now())
    assert decision is not None and decision.quiet is Quiet.BACKED_OFF
    (held,) = service.backed_off_today()
    assert held.rule_id == rule.id and held.title == "Water"
    assert held.due_at == clock.now()
    assert held.drink_ml == 300
    assert held.drink_at == clock.now() - timedelta(minutes=15)
    clock.advance(minutes=60)  # 15:00: no drink since, it prompts
    prompted = service.on_due(rule, clock.now())
    assert prompted is not None and prompted.prompts
    assert len(service.backed_off_today()) == 1
    clock.advance(days=1)
    assert service.backed_off_today() == []  # today's only


def test_the_icing_side_is_kept_with_the_rule(service: ReminderService) -> None:
    rule = ReminderRule(
        Kind.ICING,
        "Ice the left calf",
        every_min=120,
        on_min=15,
        region="calves",
        extra={"side": "left"},
    )
    saved = service.save_rule(rule)
    assert saved.id is not None
    stored = service.get(saved.id)
    assert stored is not None and stored.extra == {"side": "left"}
    plain = service.save_rule(ReminderRule(Kind.CUSTOM, "Note", times=(time(19, 0),)))
    assert plain.id is not None
    stored_plain = service.get(plain.id)
    assert stored_plain is not None and stored_plain.extra == {}
