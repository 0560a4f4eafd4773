"""The History screen's routines: an early stop says how far it got, and how each region
felt after the routine shows beside it. Saves the page in light and dark to look at."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.feel import FeelScore
from companion.domain.regions import Side
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.triage import GREEN
from companion.resources import load_exercises
from companion.services.runs import RunService
from companion.storage.checkins import CheckInRepository
from companion.ui.main_window import MINIMUM_SIZE
from companion.ui.theme import Scheme
from tests.ui.test_history_page import open_history, seed

SHOTS = Path(os.environ.get("COMPANION_SHOTS", "/tmp/shots/feel"))


def stored_run(companion, clock, *, steps: int, stop_after: int | None) -> int:
    strap = load_exercises().get("strap_hamstring")
    plan = tuple(RoutineStep(strap, "calves_L", "left", 30, 1) for _ in range(steps))
    start = clock.now()
    session = RoutineSession(plan, start)
    done = steps if stop_after is None else stop_after
    for position in range(done):
        session.tick(start + timedelta(seconds=45 * (position + 1)))
    if stop_after is not None:
        session.stop(start + timedelta(seconds=45 * done + 5))
    else:
        session.tick(start + timedelta(hours=1))
    return RunService(companion.db, clock).save("post_run_cooldown", "Post-run cool-down", session)


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    companion = make_app()
    seed(companion.db, clock)
    clock.set(clock.now() - timedelta(days=2))
    runs = RunService(companion.db, clock)
    first = stored_run(companion, clock, steps=6, stop_after=None)
    runs.record_feel(
        first, [FeelScore("calves_L", "left", 4, 2), FeelScore("calves_R", "right", 2, 1)]
    )
    clock.set(clock.now() + timedelta(days=2))
    morning = clock.now().replace(hour=8)
    CheckInRepository(companion.db).save(
        CheckIn(
            at=morning,
            onset=morning - timedelta(hours=30),
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=(RegionReport("calves_L", Side.LEFT, 3, 6),),
        ),
        GREEN,
    )
    stopped = stored_run(companion, clock, steps=11, stop_after=4)
    runs.record_feel(stopped, [FeelScore("calves", "both", 6, 4)])
    return companion


def test_history_lists_the_runs_with_how_far_and_how_they_felt(companion, qtbot):
    page = open_history(companion, qtbot)
    page.refresh()
    assert page.runs_box.isVisible()
    lines = page.run_texts()
    # "steps" comes from the English catalogue's plural ("step(s)" until the lead's
    # update_translations run adds the new message); the service tests check the plural.
    assert "Post-run cool-down: stopped after 4 of 11 step" in lines[0]
    assert lines[0].endswith(". Calves 6 → 4 after the routine.")
    assert lines[1].endswith(
        "Post-run cool-down: done. Calves (left) 4 → 2, Calves (right) 2 → 1 after the routine."
    )
    model = page.chart.model
    assert model is not None
    labels = [m.label for m in model.markers if m.glyph == "routine"]
    assert any("Calves 6 → 4 after the routine" in label for label in labels), labels
    assert not any("stopped early" in line for line in lines)
    # The body map's last day (today) names today's routine under the scores.
    assert page.day_label.text().splitlines()[2].startswith("Post-run cool-down: stopped after")


def test_without_runs_the_list_is_hidden(make_app, clock, qtbot):
    clock.set(clock.now().replace(hour=19, minute=0))
    companion = make_app()
    seed(companion.db, clock)
    page = open_history(companion, qtbot)
    assert not page.runs_box.isVisible()
    assert not page.runs_title.isVisible()


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
@pytest.mark.parametrize("size", [MINIMUM_SIZE, QSize(1500, 1000)], ids=["min", "large"])
def test_history_page_pictures(companion, qtbot, scheme, size):
    companion.theme.apply(scheme)
    companion.window.resize(size)
    page = open_history(companion, qtbot)
    page.refresh()
    page.ensureWidgetVisible(page.runs_box)
    qtbot.waitUntil(lambda: page.runs_box.visibleRegion().boundingRect().height() > 0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"history_{scheme.value}_{size.width()}x{size.height()}"
    assert companion.window.grab().save(str(SHOTS / f"{name}.png"))
    assert page.adherence_card.grab().save(str(SHOTS / f"{name}_card.png"))
    page.ensureWidgetVisible(page.day_label)
    assert page.map_card.grab().save(str(SHOTS / f"{name}_map.png"))
    # The words are readable: the text colour stands out from the card behind it.
    pal = page.runs_box.palette()
    text, base = pal.windowText().color(), pal.window().color()
    assert abs(text.lightness() - base.lightness()) > 100
