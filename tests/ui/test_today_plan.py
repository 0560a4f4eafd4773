"""Today's plan after a check-in: one recommendation per need, its action, its Done mark,
Enter to save, and a run logged since the last check-in starting a new one."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton

from companion.domain.activity import Activity, ActivityKind
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.therapy_timer import PhaseTimer, build_plan
from companion.resources import load_exercises, load_protocols
from companion.services.today import TODAY_ROUTINE
from companion.storage.reminders import ReminderRepository
from companion.storage.runs import RunRepository
from companion.storage.therapy import TherapyRepository
from companion.ui.theme import Scheme
from tests.ui.test_today_page import Answers, labels, mark

__all__ = ["today"]


@pytest.fixture
def today(make_app, qtbot):
    def build(yes=(), scheme=Scheme.LIGHT, size=(1280, 860)):
        companion = make_app(scheme=scheme)
        companion.window.resize(*size)
        page = companion.window.page("today")
        page.ask = Answers(yes)
        page.ask_conditions = lambda: ()
        QApplication.processEvents()
        return companion, page

    return build


def saved(qtbot, page, hours=30, regions=(("quads_L", "front", 5),)):
    for region, view, score in regions:
        mark(qtbot, page, region, view, score)
    page.hours.setValue(hours)
    with qtbot.waitSignal(page.plan_shown):
        assert page.save()
    QApplication.processEvents()
    return page.plan_view


def item_texts(view, key):
    return labels(view.items[key])


def soreness(card):
    assert card.shown is not None
    return next(i for i in card.shown.inputs if i.name == "Soreness")


def top_in_viewport(page, widget):
    return widget.mapTo(page.scroller.viewport(), widget.rect().topLeft()).y()


def test_after_save_the_page_moves_to_the_plan(today, qtbot):
    companion, page = today(size=(760, 600))
    card = companion.today_wiring.readiness_card
    assert card.isVisible() and page.column.indexOf(card) < page.column.indexOf(page.map_panel)
    assert not soreness(card).known  # no check-in yet
    view = saved(qtbot, page)
    qtbot.waitUntil(lambda: page.scroller.verticalScrollBar().value() > 0)
    top = top_in_viewport(page, view)
    assert 0 <= top < page.scroller.viewport().height() // 2  # the plan's top is in view
    # readiness above the check-in was read again with the check-in just saved
    assert soreness(card).known and "5/10" in soreness(card).reading
    assert "Today's plan" in labels(view)
    # one recommendation per need, in order
    assert list(view.items) == ["routine", "thermal", "water", "movement"]
    # one treatment, not a list of everything allowed: a heat pack for one spot at 30 h
    assert view.items["thermal"].title.text() == "Heat pack"
    assert view.other_options is not None and not view.other_options.content.isVisible()
    with qtbot.waitSignal(view.edit_checkin_requested):
        next(b for b in view.findChildren(QPushButton) if b.text() == "Edit check-in").click()
    # back up to the map (under the readiness card, which may be taller than the viewport)
    assert 0 <= top_in_viewport(page, page.map_panel) < page.scroller.viewport().height() // 2
    assert page.map.hasFocus()


def test_each_action_reports_its_intent(today, qtbot):
    companion, page = today()
    view = saved(qtbot, page)
    routine = view.items["routine"]
    assert routine.button is not None and routine.button.text() == "Start routine"
    assert view.plan.routine_summary in item_texts(view, "routine")
    with qtbot.waitSignal(view.start_routine_requested) as started:
        routine.button.click()
    assert started.args[0] is view.plan
    qtbot.waitUntil(lambda: companion.player is not None and companion.player.isVisible())
    companion.player.close()
    thermal = view.items["thermal"]
    assert thermal.button is not None and thermal.button.text() == "Start heat timer"
    with qtbot.waitSignal(view.start_timer_requested) as timer:
        thermal.button.click()
    assert timer.args == ["heat", {"minutes": 20.0}]
    qtbot.waitUntil(lambda: companion.therapy is not None and companion.therapy.isVisible())
    companion.therapy.close()
    water = view.items["water"]
    assert water.button is not None and water.button.text() == "Turn on water reminders"
    opened: list[int] = []
    companion.today_wiring.new_water_reminder = lambda: opened.append(1)
    with qtbot.waitSignal(view.water_reminders_requested):
        water.button.click()
    assert opened == [1]  # no water reminder yet: the editor opens for a first one


def finish_todays_routine(companion, clock):
    strap = load_exercises().get("strap_hamstring")
    session = RoutineSession((RoutineStep(strap, "quads_L", "left", 30, 2),), clock.now())
    session.tick(clock.now() + timedelta(minutes=5))
    RunRepository(companion.db).save(TODAY_ROUTINE, "Today's routine", session)


def run_heat(companion, clock):
    timer = PhaseTimer(build_plan("heat", {"minutes": 20}, load_protocols()), clock.now())
    clock.advance(minutes=21)
    timer.tick(clock.now())
    TherapyRepository(companion.db).save(timer)


def test_done_today_shows_on_each_item(today, qtbot, clock):
    companion, page = today()
    view = saved(qtbot, page)
    assert not any(item.done for item in view.items.values())
    finish_todays_routine(companion, clock)
    companion.run_saved.emit(TODAY_ROUTINE)
    companion.data_changed.emit()  # what the player's save emits
    qtbot.waitUntil(lambda: view.items["routine"].done)
    assert view.items["routine"].button.text() == "Start routine again"
    run_heat(companion, clock)
    page.refresh_plan()
    thermal = view.items["thermal"]
    assert thermal.done
    # the gate holds the next heat session back: no button, its words instead
    assert thermal.button is None
    assert any("Available again" in t for t in item_texts(view, "thermal"))
    rule = ReminderRepository(companion.db).save(
        ReminderRule(Kind.HYDRATION, "Water", enabled=False, every_min=90, amount_ml=250),
        clock.now(),
    )
    assert rule.id is not None
    view.items["water"].button.click()  # the wiring switches the kept rule on
    qtbot.waitUntil(lambda: view.items["water"].done)
    assert ReminderRepository(companion.db).get(rule.id).enabled
    assert "Water reminders are on." in item_texts(view, "water")
    assert view.items["water"].button is None


def test_enter_in_a_checkin_field_saves(today, qtbot):
    _, page = today()
    mark(qtbot, page, "calves_R", "back", 4)
    page.hours.setFocus()
    with qtbot.waitSignal(page.plan_shown):
        qtbot.keyClick(page.hours, Qt.Key.Key_Return)
    QApplication.processEvents()  # the plan's widgets show on the next pass
    assert page.presenter.latest() is not None
    assert page.save_button.isDefault()
    # Enter on a plan's button presses that button, it does not save again
    saved_at = page.presenter.latest().at
    toggle = page.plan_view.other_options.toggle
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Return)
    assert page.plan_view.other_options.content.isVisibleTo(page.plan_view)
    assert page.presenter.latest().at == saved_at


def test_a_run_logged_after_the_checkin_starts_a_new_one(today, qtbot, clock):
    companion, page = today()
    saved(qtbot, page, hours=30, regions=(("calves_L", "back", 6),))
    assert page.map.scores() == {"calves_L": 6}
    clock.advance(hours=20)
    ended = clock.now() - timedelta(minutes=10)
    assert companion.log_activity(Activity(ActivityKind.RUN, ended, minutes=40), "app") is None
    assert page.context_banner.isVisibleTo(page)
    words = page.context_label.text()
    assert words.startswith(f"New check-in for your run that ended at {ended:%H:%M}.")
    assert "yesterday's check-in stays in History" in words
    assert page.map.scores() == {}  # the map and answers start again
    assert page.drafts == {}
    assert page.hours.value() == 0
    assert page.cause.currentData() == "run"
    assert page.plan_view.plan is None  # the old plan is not shown as this one's
    # a later data change (a routine saved) does not reset what is being marked
    mark(qtbot, page, "quads_R", "front", 3)
    companion.data_changed.emit()
    assert page.map.scores() == {"quads_R": 3}
    saved(qtbot, page, hours=0, regions=())
    assert not page.context_banner.isVisibleTo(page)


def test_sharp_pain_and_a_swollen_leg_never_read_no_warning_signs(today, qtbot):
    _, page = today()
    mark(qtbot, page, "calves_L", "back", 7)
    box = next(b for w, b in page.word_boxes.items() if w.value == "sharp")
    box.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData("acute_injury"))
    page.swelling.setCurrentIndex(page.swelling.findData("left"))
    page.hours.setValue(10)
    page.save()
    QApplication.processEvents()
    view = page.plan_view
    texts = labels(view)
    assert "No warning signs reported." not in texts
    banner = view.findChild(QFrame, "TierBanner")
    assert banner.property("tier") != "green"
    assert any("sharp pain" in t.lower() for t in texts)
    # no heat for a fresh, swollen injury: the one treatment offered is cold
    assert view.items["thermal"].title.text() == "Ice pack"


def test_a_red_plan_keeps_the_full_stop_and_offers_nothing(today, qtbot):
    _, page = today(yes={"R1"})
    view = saved(qtbot, page)
    assert view.items == {}
    assert "Stop. These symptoms need emergency care now." in labels(view)
    assert not [b for b in view.findChildren(QPushButton) if b.text().startswith("Start")]


def test_an_orange_plan_says_why_instead_of_offering_treatment(today, qtbot):
    _, page = today(yes={"O1"})
    view = saved(qtbot, page)
    assert view.findChild(QFrame, "TierBanner").property("tier") == "orange"
    thermal = view.items["thermal"]
    assert thermal.button is None
    assert thermal.title.text() == "Ice and heat"
    assert any("checked" in t or "Care today" in t for t in item_texts(view, "thermal"))
    assert not [b for b in view.findChildren(QPushButton) if b.text().startswith("Start")]


# ---------------------------------------------------------------- look at it

SHOTS = Path(os.environ.get("COMPANION_SHOTS", "")) if os.environ.get("COMPANION_SHOTS") else None


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("size", [(720, 480), (1440, 1000)])
@pytest.mark.parametrize("tier", ["green", "orange", "red"])
def test_plan_screenshots(today, qtbot, tmp_path, clock, scheme, size, tier):
    yes = {"green": (), "orange": {"O1"}, "red": {"R1"}}[tier]
    companion, page = today(yes=yes, scheme=scheme, size=size)
    regions = (("calves_L", "back", 7), ("calves_R", "back", 3), ("quads_L", "front", 4))
    saved(qtbot, page, hours=30, regions=regions)
    out = SHOTS or tmp_path
    out.mkdir(parents=True, exist_ok=True)
    name = f"{tier}-{scheme}-{size[0]}x{size[1]}"
    qtbot.waitUntil(lambda: page.scroller.verticalScrollBar().value() > 0 or tier == "red")
    shot = companion.window.grab()
    assert not shot.isNull()
    shot.save(str(out / f"{name}-window.png"))
    page.plan_view.grab().save(str(out / f"{name}-plan.png"))
    if tier == "green":
        finish_todays_routine(companion, clock)
        companion.data_changed.emit()
        qtbot.waitUntil(lambda: page.plan_view.items["routine"].done)
        page.scroll_to_plan()
        QApplication.processEvents()
        companion.window.grab().save(str(out / f"{name}-done-window.png"))
        page.plan_view.grab().save(str(out / f"{name}-done-plan.png"))
        badge = page.plan_view.items["routine"].done_badge
        assert badge.isVisibleTo(page.plan_view) and badge.text() == "Done today"
    assert isinstance(page.plan_view.findChild(QLabel), QLabel)
