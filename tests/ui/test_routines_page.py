"""The Routines page: cards with pose pictures, the filter, each routine's steps, and
the routine today's plan chose."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.custom_routines import RoutineDraft, StepSpec, to_routine
from companion.domain.equipment import Equipment
from companion.domain.regions import Side
from companion.domain.routines import Routine
from companion.resources import load_exercises, load_poses, load_regions, load_routines
from companion.services.routines import TODAY_ID, TodaysPick, distinct_exercises
from companion.ui.routines.page import RoutinesPage
from companion.ui.routines.pose_thumbs import PoseStrip, PoseThumb

CATALOG = load_routines()
EXERCISES = load_exercises()
POSES = load_poses(library=EXERCISES)
REGIONS = load_regions()


@pytest.fixture
def make_page(qtbot):
    def make(mine=(), pick=None):
        page = RoutinesPage(CATALOG, mine, poses=POSES, regions=REGIONS, today=lambda: pick)
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def shown_ids(page):
    cards = [*page.cards.values()]
    if page.today_card is not None:
        cards.append(page.today_card)
    return [c.routine.id for c in cards if not c.isHidden()]


def own(name, *specs):
    draft = RoutineDraft(name, "", tuple(StepSpec(*s) for s in specs), id="mine-1")
    return to_routine(draft, EXERCISES)


def test_each_card_shows_its_exercises_as_pose_pictures(make_page):
    page = make_page()
    card = page.cards["calves_and_shins"]
    exercises = distinct_exercises(card.routine)
    thumbs = card.findChildren(PoseThumb)
    assert [t.exercise.id for t in thumbs] == [e.id for e in exercises]
    assert len(card.poses.shown()) == len(exercises) and card.poses.hidden_count() == 0
    # A picture is painted: its pixels are not all the tile's colour.
    image = thumbs[0].grab().toImage()
    colours = {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert len(colours) > 5
    assert QColor(image.pixelColor(image.width() // 2, 2)) != QColor(Qt.GlobalColor.transparent)
    # Length, regions and equipment are on the card.
    assert card.meta.text() == "About 12 min · Calves, Shin"
    assert card.equipment.text() == "You need: a foam roller, a wall, a chair."
    assert card.start_button.accessibleName() == "Start Calves and shins"


def test_pictures_that_do_not_fit_are_counted(qtbot):
    exercises = distinct_exercises(CATALOG.get("post_run_cooldown"))
    assert len(exercises) == 6
    strip = PoseStrip(exercises, POSES)
    qtbot.addWidget(strip)
    strip.resize(240, strip.sizeHint().height())
    strip.show()
    assert len(strip.shown()) == 2  # two pictures and the "+4" fit in 240 px
    assert strip.more.isVisibleTo(strip) and strip.more.text() == "+4"
    assert strip.more.x() >= strip.shown()[-1].geometry().right()
    strip.resize(900, strip.height())
    assert len(strip.shown()) == 6 and not strip.more.isVisibleTo(strip)
    assert strip.hidden_count() == 0


def test_the_filter_hides_and_shows_cards(make_page):
    page = make_page()
    assert shown_ids(page) == [r.id for r in CATALOG]
    page.filters.choose("hamstrings", Equipment.FOAM_ROLLER)
    assert shown_ids(page) == ["leg_day_recovery", "full_leg_foam_roll"]
    assert page.filters.clear_button.isEnabled()
    page.filters.region.setCurrentIndex(page.filters.region.findData("foot_plantar"))
    assert shown_ids(page) == []
    page.filters.choose("foot_plantar", None)
    assert shown_ids(page) == ["long_standing_relief", "plantar_and_achilles"]
    page.filters.clear_button.click()
    assert shown_ids(page) == [r.id for r in CATALOG]
    assert not page.filters.clear_button.isEnabled()
    assert page.empty.isHidden()


def test_no_match_says_so_and_offers_the_editor(make_page, qtbot):
    page = make_page()
    page.filters.choose("adductors", Equipment.NONE)
    assert not page.empty.isHidden()
    assert page.empty_text.text() == (
        "No routine for adductors without equipment yet. Build your own."
    )
    assert page.builtin_title.isHidden()
    with qtbot.waitSignal(page.new_requested):
        qtbot.mouseClick(page.empty_new, Qt.MouseButton.LeftButton)
    page.filters.choose(None, Equipment.STEP)  # not offered: no routine uses one
    assert page.filters.chosen_equipment() is None
    page.filters.choose("knee", None)  # not offered either
    assert page.filters.chosen_region() is None and page.empty.isHidden()


def test_the_users_own_routines_are_filtered_too(make_page):
    mine = own("Hamstrings at home", ("strap_hamstring", 30, 2))
    page = make_page(mine=[mine])
    page.filters.choose("hamstrings", Equipment.NONE)
    assert set(shown_ids(page)) == {"mine-1", "post_run_cooldown"}
    assert not page.mine_title.isHidden()
    page.filters.choose("calves", None)
    assert "mine-1" not in shown_ids(page)
    assert page.mine_title.isHidden()


def test_the_detail_lists_every_step_and_starts_the_routine(make_page, qtbot):
    page = make_page()
    routine = CATALOG.get("calves_and_shins")
    dialog = page.open_detail("calves_and_shins")
    assert dialog is not None and dialog.isVisible()
    assert dialog.step_count() == len(routine.steps)
    assert len(dialog.rows) == len(distinct_exercises(routine))
    assert sum(len(row.thumbs) for row in dialog.rows) == len(routine.steps)  # one per side
    first = dialog.rows[0]
    assert first.title.text() == "1. Seated calf roll"
    assert first.summary.text().startswith("Left, then right · 1 min each side · about ")
    assert [c.text() for c in first.cues] == [
        f"{n}. {cue}" for n, cue in enumerate(routine.steps[0].exercise.cues, 1)
    ]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "You need: a foam roller, a wall, a chair." in texts
    assert any(t.startswith("About 12 min") for t in texts)
    with qtbot.waitSignal(page.start_requested) as started:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert started.args == ["calves_and_shins"]
    qtbot.waitUntil(lambda: page.detail is None)


def test_enter_on_a_card_opens_its_steps_and_esc_closes_them(make_page, qtbot):
    page = make_page()
    card = page.cards["hips_and_glutes"]
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    dialog = page.detail
    assert dialog is not None and dialog.routine.id == "hips_and_glutes"
    qtbot.waitExposed(dialog)
    with qtbot.assertNotEmitted(page.start_requested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.detail is None)
    # See steps does the same, and a click on the card too.
    qtbot.mouseClick(card.details_button, Qt.MouseButton.LeftButton)
    assert page.detail is not None and page.detail.routine.id == "hips_and_glutes"


def test_a_plan_matching_a_built_in_routine_badges_it(make_page):
    chosen = CATALOG.get("plantar_and_achilles")
    pick = TodaysPick(Routine(TODAY_ID, "Today's routine", "", chosen.steps), chosen.id)
    page = make_page(pick=pick)
    assert page.today_card is None  # the built-in card carries the badge instead
    badged = [rid for rid, card in page.cards.items() if not card.badge.isHidden()]
    assert badged == ["plantar_and_achilles"]
    first = page.builtin_box.itemAt(0).widget()
    assert first is page.cards["plantar_and_achilles"]  # and comes first
    detail = page.open_detail("plantar_and_achilles")
    assert detail is not None
    assert "Recommended today" in [label.text() for label in detail.findChildren(QLabel)]


def test_todays_own_routine_is_the_first_card(make_page, qtbot):
    steps = CATALOG.get("calves_and_shins").steps[:4]
    pick = TodaysPick(Routine(TODAY_ID, "Today's routine", "", steps), None)
    page = make_page(pick=pick)
    card = page.today_card
    assert card is not None and not card.badge.isHidden()
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert "Today's routine — recommended" in texts
    assert not any(not c.badge.isHidden() for c in page.cards.values())
    with qtbot.waitSignal(page.start_requested) as started:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert started.args == [TODAY_ID]
    page.filters.choose("hamstrings", None)  # today's routine does not work them
    assert card.isHidden()


def test_no_check_in_today_says_how_to_get_a_routine(make_page, qtbot):
    page = make_page(pick=None)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "Check in on Today to get a routine made for you." in texts
    assert not any(not c.badge.isHidden() for c in page.cards.values())
    go = next(b for b in page.findChildren(type(page.new_button)) if b.text() == "Go to Today")
    with qtbot.waitSignal(page.today_requested):
        qtbot.mouseClick(go, Qt.MouseButton.LeftButton)


# -- in the app: today's check-in gives today's card, and Start asks the safety gate -------


def sore_calves(clock):
    return CheckIn(
        at=clock.now(),
        onset=clock.now() - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(RegionReport("calves_L", Side.LEFT, 2, 4),),
    )


def test_todays_check_in_puts_its_routine_first_and_starts_it(make_app, qtbot, clock):
    companion = make_app()
    window = companion.window
    window.show_section("routines")
    page = window.page("routines")
    assert isinstance(page, RoutinesPage)
    assert page.pick is None and page.today_card is None
    companion.today.submit(sore_calves(clock), lambda qs: dict.fromkeys((q.id for q in qs), False))
    window.show_section("today")
    window.show_section("routines")  # shown again: the pick is asked for again
    card = page.today_card
    assert card is not None
    plan = companion.today.plan(companion.today.latest())
    assert list(card.routine.steps) == list(plan.routine)
    qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    player = companion.player
    assert player is not None and "Today's routine" in player.windowTitle()
    player.close()
    # A red answer locks routines: the gate refuses, the player does not open.
    triage = companion.today.content.triage
    companion.today.checkins.record_outcome(triage.evaluate({"R1": True}, set(), clock.now()))
    companion.player = None
    qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert companion.player is None


def test_refreshing_today_leaves_no_stale_hint_on_screen(make_page):
    page = make_page(pick=None)
    page.set_today(None)  # the page asks again each time it is shown
    page.set_today(None)
    shown = [
        b
        for b in page.findChildren(type(page.new_button))
        if b.text() == "Go to Today" and b.isVisibleTo(page)
    ]
    assert len(shown) == 1  # the replaced ones are hidden at once, not at their deferred delete
