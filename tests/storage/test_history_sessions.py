"""History counts a therapy session as the safety gate does: a minute or more of cold or
heat (``COUNTS_FROM_S``). A contrast stopped after 10 s, or an ice pack taken off at once,
is not a session: not in "What you did", not on the timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.sessions import COUNTS_FROM_S
from companion.domain.therapy_timer import PhaseTimer, plan_contrast, plan_ice
from companion.resources import load_protocols, load_regions
from companion.services.history import HistoryService
from companion.storage.database import Database, open_database
from companion.storage.history import HistoryRepository
from companion.storage.therapy import TherapyRepository, counts
from tests.helpers.clock import FakeClock


@pytest.fixture
def db(data_dir, clock):
    clock.set(clock.now().replace(hour=10, minute=0))
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def stopped_after(db: Database, clock: FakeClock, timer: PhaseTimer, seconds: float) -> None:
    at = clock.now() + timedelta(seconds=seconds)
    timer.tick(at)
    timer.stop(at)
    TherapyRepository(db).save(timer)


def test_a_contrast_stopped_after_ten_seconds_is_not_a_session(db, clock):
    bounds = load_protocols()
    stopped_after(db, clock, PhaseTimer(plan_contrast(bounds), clock.now()), 10)
    clock.advance(timedelta(hours=1))
    stopped_after(db, clock, PhaseTimer(plan_contrast(bounds), clock.now()), 4 * 60)
    clock.advance(timedelta(hours=1))
    stopped_after(db, clock, PhaseTimer(plan_ice(bounds, 15), clock.now()), 5)
    day = clock.now().date()
    repo = HistoryRepository(db)
    assert repo.therapy_counts(day, day, clock.now().tzinfo) == {"contrast": 1}
    events = repo.events(day, day, clock.now().tzinfo)
    assert [e.kind for e in events] == ["contrast"]
    # The safety gate's reading of the same rows agrees.
    gate = TherapyRepository(db).sessions_since(clock.now() - timedelta(days=1))
    assert [s.kind for s in gate if s.counts] == ["contrast"]


def test_what_you_did_leaves_out_a_stopped_contrast(db, clock):
    stopped_after(db, clock, PhaseTimer(plan_contrast(load_protocols()), clock.now()), 10)
    service = HistoryService(db, load_regions(), clock, clock.now().tzinfo, lambda: 2000)
    assert service.adherence().therapy == {}
    lines = service.adherence_lines(service.adherence())
    assert "0 ice, heat, contrast or bath sessions" in lines[0]
    assert not any("contrast session" in line for line in lines)
    assert service.events == []


@pytest.mark.parametrize(("worked", "counted"), [(COUNTS_FROM_S - 1, False), (COUNTS_FROM_S, True)])
def test_a_session_counts_from_a_minute_of_cold_or_heat(worked, counted):
    phases = f'[{{"temp": "hot", "worked_s": {worked}}}, {{"temp": "off", "worked_s": 600}}]'
    assert counts(phases) is counted
