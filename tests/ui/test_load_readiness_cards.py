"""Today's readiness card and effort question, History's training-load card: the real app
on a real database, offscreen, with screenshots in light and dark at two sizes."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.readiness import Level
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.ui.history.load_card import LoadCard
from companion.ui.theme import Scheme
from companion.ui.today.effort_prompt import EffortPrompt
from companion.ui.today.readiness_card import ReadinessCard

SHOTS = Path(os.environ.get("COMPANION_SHOTS", "/tmp/shots/F1"))


def add_run(app, clock, hours_ago: float, km: float, effort: int | None = 5, **extra) -> int:
    activity = Activity(
        ActivityKind.RUN,
        clock.now() - timedelta(hours=hours_ago),
        minutes=km * 6,
        km=km,
        effort=effort,
        **extra,
    )
    return ActivityRepository(app.db).add(activity, "test")


def shoot(app, name: str, size) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.window.resize(size)
    QApplication.processEvents()
    assert app.window.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_readiness_card_lists_every_input_on_today(make_app, clock, qtbot, scheme):
    app = make_app(scheme=scheme)
    MorningLogRepository(app.db).save(MorningLog(clock.now().date(), 6.5, 7), clock.now())
    add_run(app, clock, 24 * 6, 10)
    add_run(app, clock, 14, 12)
    app.data_changed.emit()
    card = app.window.findChild(ReadinessCard)
    assert card is not None
    qtbot.waitUntil(lambda: card.shown is not None and card.shown.level is Level.EASY)
    assert not card.rows  # folded: the rows wait until they are opened
    card.toggle.click()
    texts = [value.text() for _name, value in card.rows if value.isVisible()]
    assert len(texts) == 5
    card.toggle.click()
    assert any("20 % longer" in t for t in texts)
    assert card.headline.text().startswith("An easy day")
    shoot(app, f"today-{scheme.value}-min", app.window.minimumSize())
    shoot(app, f"today-{scheme.value}-large", app.window.minimumSize() * 1.8)


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_history_shows_the_training_load_card(make_app, clock, qtbot, scheme):
    app = make_app(scheme=scheme)
    for day in range(1, 7):
        add_run(app, clock, 24 * day, 10, effort=5)
    add_run(app, clock, 3, 12, effort=None)
    add_run(app, clock, 24 * 9, 8, effort=4)
    app.window.show_section("history")
    card = app.window.findChild(LoadCard)
    assert card is not None
    qtbot.waitUntil(lambda: not card.week_views[0].isHidden())
    first = card.week_views[0]
    assert first.title.text().startswith("Last 7 days")
    assert "Most days this week were alike" in first.text.text()
    assert "effort not given" in first.missing.text()
    assert not card.spike_box.isHidden()  # 12 km after a month of 10 km runs
    assert "risk zone" not in first.text.text().lower()
    with qtbot.waitSignal(card.guide_requested) as asked:
        qtbot.mouseClick(card.why_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["no_risk_zones"]
    app.window.show_section("history")
    QApplication.processEvents()
    page = app.window.page("history")
    page.ensureWidgetVisible(card)
    shoot(app, f"history-{scheme.value}-min", app.window.minimumSize())
    page.ensureWidgetVisible(card)
    shoot(app, f"history-{scheme.value}-large", app.window.minimumSize() * 1.8)
    page.ensureWidgetVisible(card)
    QApplication.processEvents()
    assert card.grab().save(str(SHOTS / f"load-card-{scheme.value}.png"))


def test_an_imported_runs_effort_is_asked_once_on_today(make_app, clock, qtbot):
    app = make_app()
    run_id = add_run(app, clock, 20, 12, effort=None, source_file="morning.fit")
    app.data_changed.emit()
    prompt = app.window.findChild(EffortPrompt)
    assert prompt is not None
    qtbot.waitUntil(lambda: not prompt.isHidden())
    assert prompt.question.text() == "How hard was your 12 km run yesterday?"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert prompt.grab().save(str(SHOTS / "effort-prompt.png"))
    assert not prompt.save_button.isEnabled()
    # Tab: readiness's toggle, the scale's one stop, Not now (Save waits for a score),
    # then the check-in's map: the card built late still sits in the page's order.
    card = app.window.findChild(ReadinessCard)
    app.window.show_section("today")
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    card.toggle.setFocus()
    stops = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops == [prompt.group.button(1), prompt.later_button, app.window.page("today").map]
    button = prompt.group.button(7)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(app.data_changed):
        qtbot.mouseClick(prompt.save_button, Qt.MouseButton.LeftButton)
    (stored_id, stored), *_ = ActivityRepository(app.db).recent(1)
    assert (stored_id, stored.effort) == (run_id, 7)
    qtbot.waitUntil(prompt.isHidden)
    other = add_run(app, clock, 5, 6, effort=None, source_file="b.gpx")
    app.data_changed.emit()
    qtbot.waitUntil(lambda: prompt.activity_id == other and not prompt.isHidden())
    qtbot.mouseClick(prompt.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(prompt.isHidden)
    app.data_changed.emit()
    assert prompt.isHidden()  # asked once: never again


def test_readiness_details_fold_and_unfold_and_stay_readable(make_app, clock, qtbot):
    """Folded by default (the check-in stays in view); the decisive inputs are named,
    the toggle shows every row, and a screen reader gets every reading either way."""
    app = make_app(scheme=Scheme.LIGHT)
    MorningLogRepository(app.db).save(MorningLog(clock.now().date(), 5.5, 7), clock.now())
    app.data_changed.emit()
    card = app.window.findChild(ReadinessCard)
    assert card is not None
    qtbot.waitUntil(lambda: card.shown is not None and card.shown.level is Level.EASY)
    assert not card.details.isVisible()
    assert "Because of: Last night's sleep." in card.based_on.text()
    assert "Not known: Soreness" in card.based_on.text()
    assert "under the 7" in card.accessibleDescription()  # the folded reading, still said
    card.toggle.setFocus()
    qtbot.keyClick(card.toggle, Qt.Key.Key_Space)
    assert card.details.isVisible() and card.toggle.text() == "Hide what it is based on"
    readings = [value.text() for _name, value in card.rows if value.isVisible()]
    assert len(readings) == 5
    shoot(app, "today-folded-open-min", app.window.minimumSize())
    qtbot.keyClick(card.toggle, Qt.Key.Key_Space)
    assert not card.details.isVisible()
    qtbot.waitUntil(lambda: card.height() <= card.sizeHint().height() + 2)  # folded again
    shoot(app, "today-folded-min", app.window.minimumSize())
