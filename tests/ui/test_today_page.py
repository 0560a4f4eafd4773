"""The Today screen driven as a user would: map, check-in, safety questions, plan."""

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox, QPushButton

from companion.domain.conditions import ReportedCondition
from companion.ui.theme import Scheme
from companion.ui.today.body_map import Spot
from companion.ui.today.page import TodayPage
from tests.ui.conftest import reopen


def point_in(view, spot):
    path = view.region_path(spot)
    box = path.boundingRect()
    for fy in (0.5, 0.4, 0.6, 0.3, 0.7):
        for fx in (0.5, 0.4, 0.6, 0.3, 0.7):
            p = QPointF(box.left() + box.width() * fx, box.top() + box.height() * fy)
            if path.contains(p):
                return p.toPoint()
    raise AssertionError(spot)


class Answers:
    def __init__(self, yes=()):
        self.yes = set(yes)
        self.asked = []

    def __call__(self, questions):
        self.asked.append([q.id for q in questions])
        return {q.id: q.id in self.yes for q in questions}


@pytest.fixture
def today(make_app, qtbot):
    def build(yes=(), conditions=(), scheme=Scheme.LIGHT, size=(1280, 860)):
        companion = make_app(scheme=scheme)
        companion.window.resize(*size)
        page = companion.window.page("today")
        page.ask = Answers(yes)
        page.ask_conditions = lambda: tuple(conditions)
        QApplication.processEvents()
        return companion, page

    return build


def labels(widget):
    return [label.text() for label in widget.findChildren(QLabel)]


def mark(qtbot, page, region, view, score):
    qtbot.mouseClick(
        page.map, Qt.MouseButton.LeftButton, pos=point_in(page.map, Spot(region, view))
    )
    qtbot.keyClick(page.map, str(score) if score < 10 else "0")


def test_clicking_a_region_opens_its_card(today, qtbot):
    _, page = today()
    mark(qtbot, page, "calves_R", "back", 6)
    assert page.map.selected_region == "calves_R"
    assert page.region_title.text() == "Calves (right): back of the lower leg"
    assert "rise onto your toes" in page.region_hint.text().lower()
    assert page.move_row.value() == 6
    assert page.drafts["calves_R"].on_movement == 6
    qtbot.mouseClick(page.rest_row.group.button(2), Qt.MouseButton.LeftButton)
    box = page.word_boxes[next(iter(page.word_boxes))]
    qtbot.mouseClick(
        box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2)
    )  # the tick box
    assert page.drafts["calves_R"].at_rest == 2
    assert len(page.drafts["calves_R"].descriptors) == 1


def test_nothing_marked_means_nothing_saved(today):
    _, page = today()
    assert page.save() is False
    assert "Mark at least one sore spot" in page.status.text()
    assert page.presenter.latest() is None


def test_save_asks_conditions_once_and_safety_questions_then_plans(today, qtbot, clock):
    _companion, page = today(conditions=(ReportedCondition("cold_sensitivity"),))
    asked_conditions: list[int] = []

    def ask_conditions():
        asked_conditions.append(1)
        return (ReportedCondition("cold_sensitivity"),)

    page.ask_conditions = ask_conditions
    mark(qtbot, page, "quads_L", "front", 5)
    page.hours.setValue(30)
    with qtbot.waitSignal(page.plan_shown):
        assert page.save()
    assert asked_conditions == [1]
    assert "R1" in page.ask.asked[0]
    saved = page.presenter.latest()
    assert [r.region_id for r in saved.regions] == ["quads_L"]
    assert saved.hours_since_onset == 30
    shown = labels(page.plan_view)
    assert "No warning signs reported." in shown
    assert "Ice pack: Not today" in shown
    assert "Warm bath: Suggested" in shown
    # A second save does not ask the health questions again.
    clock.advance(hours=1)
    page.save()
    assert asked_conditions == [1]


def test_red_answer_shows_the_full_stop_and_unlocks_after_assessment(today, qtbot):
    _, page = today(yes={"R1"})
    mark(qtbot, page, "calves_L", "back", 7)
    page.save()
    shown = labels(page.plan_view)
    assert "Stop. These symptoms need emergency care now." in shown
    assert any("Call 112 now" in text for text in shown)
    assert not any("Warm bath" in text for text in shown)
    button = next(b for b in page.plan_view.findChildren(QPushButton) if "assessed" in b.text())
    QApplication.processEvents()  # children added to a shown layout appear on the next pass
    assert button.isVisible()
    page.confirm_assessed()
    assert "Stop. These symptoms need emergency care now." not in labels(page.plan_view)


def test_the_latest_checkin_prefills_the_screen(today, make_app, qtbot, clock):
    companion, page = today()
    mark(qtbot, page, "hamstrings_L", "back", 4)
    page.hours.setValue(20)
    page.save()
    clock.advance(hours=5)
    companion = reopen(make_app, companion)
    page = companion.window.page("today")
    assert isinstance(page, TodayPage)
    assert page.map.scores() == {"hamstrings_L": 4}
    assert page.hours.value() == 25
    # The pre-filled plan is made just after the first paint.
    qtbot.waitUntil(lambda: "No warning signs reported." in labels(page.plan_view))


def test_layout_follows_the_width(today):
    companion, page = today(size=(1280, 860))
    assert page.is_wide()
    assert page.column.indexOf(page.map_panel) == -1
    companion.window.resize(760, 600)
    QApplication.processEvents()
    assert not page.is_wide()
    assert page.column.indexOf(page.map_panel) == page.column.indexOf(page.context_banner) + 1


@pytest.mark.parametrize("scheme", list(Scheme))
def test_today_screenshots(today, qtbot, tmp_path, scheme):
    companion, page = today(scheme=scheme)
    mark(qtbot, page, "quads_L", "front", 6)
    mark(qtbot, page, "calves_R", "back", 3)
    page.save()
    QApplication.processEvents()
    image = companion.window.grab()
    image.save(str(tmp_path / f"today-{scheme}.png"))
    assert not image.isNull()
    # The saved plan's banner is drawn in the tier colour (green for no warning signs).
    banner = page.plan_view.findChild(QLabel, "CardTitle")
    assert banner is not None
    assert banner.text() == "No warning signs reported."


def test_check_in_times_are_the_clock_s(today, qtbot, clock):
    _, page = today()
    mark(qtbot, page, "shin_R", "front", 3)
    page.hours.setValue(6)
    checkin = page.build_checkin()
    assert checkin.at == clock.now()
    assert checkin.onset == clock.now() - timedelta(hours=6)


def test_hover_names_the_region_under_the_map(today, qtbot):
    _, page = today()
    qtbot.mouseMove(page.map, point_in(page.map, Spot("glutes_R", "back")))
    assert page.caption.text() == "Glutes (right), buttock: 0 out of 10 (none)"
    mark(qtbot, page, "shin_L", "front", 4)
    assert page.caption.text() == "Shin (left), front of the lower leg: 4 out of 10 (moderate)"


def test_plan_why_lines_link_to_the_guide(today, qtbot):
    from companion.resources import load_guide

    companion, page = today()
    mark(qtbot, page, "quads_L", "front", 5)
    page.hours.setValue(30)
    page.save()
    QApplication.processEvents()
    assert page.plan_view.other_options is not None
    qtbot.mouseClick(page.plan_view.other_options.toggle, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    links = {b.accessibleName(): b for b in page.plan_view.findChildren(QPushButton, "GuideLink")}
    warm = links["Read more in the Guide: Warm bath"]
    assert warm.text() == "Read more"
    assert warm.isVisible()
    assert warm.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.scroller.ensureWidgetVisible(warm)  # a click lands where the link is on screen
    QApplication.processEvents()
    with qtbot.waitSignal(page.guide_requested) as clicked:
        qtbot.mouseClick(warm, Qt.MouseButton.LeftButton)
    assert clicked.args == ["warm_baths"]
    # From the keyboard: Tab reaches a link and Enter presses it.
    companion.window.activateWindow()
    qtbot.waitUntil(companion.window.isActiveWindow)
    ice = links["Read more in the Guide: Ice pack"]
    ice.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(page.guide_requested) as pressed:
        qtbot.keyClick(ice, Qt.Key.Key_Return)
    assert pressed.args == ["ice_packs"]
    # Movement, water, the kind of soreness and the stop rules link too, each to a real passage.
    for name in ("Active recovery", "Water", "When to stop"):
        assert f"Read more in the Guide: {name}" in links
    assert any(name.startswith("Read more in the Guide: Muscle soreness") for name in links)
    passages = {str(b.property("passage")) for b in links.values()}
    assert passages <= set(load_guide().ids)
    assert {"doms", "active_recovery", "drinking_water", "stop_at_once"} <= passages


def test_the_plan_starts_its_guided_routine(today, qtbot):
    companion, page = today()
    mark(qtbot, page, "quads_L", "front", 5)
    page.hours.setValue(30)
    with qtbot.waitSignal(page.plan_shown):
        assert page.save()
    button = page.plan_view.start_button
    assert button is not None
    qtbot.waitUntil(lambda: button.isVisibleTo(page))
    assert page.plan_view.plan is not None
    steps = [s.exercise.id for s in page.plan_view.plan.routine]
    with qtbot.waitSignal(page.plan_view.start_routine) as started:
        button.click()
    assert [s.exercise.id for s in started.args[0].routine] == steps
    qtbot.waitUntil(lambda: companion.player is not None and companion.player.isVisible())
    companion.player.close()


def _red_lock_shown(today, qtbot):
    """A check-in whose R1 answer is Yes: the plan shows the full stop and its button."""
    _, page = today(yes={"R1"})
    mark(qtbot, page, "calves_L", "back", 7)
    page.save()
    QApplication.processEvents()  # children added to a shown layout appear on the next pass
    button = next(b for b in page.plan_view.findChildren(QPushButton) if "assessed" in b.text())
    assert button.isVisible()
    return page, button


def _red_locks(page):
    locks = page.presenter.checkins.active_locks(page.presenter.clock.now())
    return [r.tier.value for r in locks]


def _close_any_question() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.done(QMessageBox.StandardButton.Cancel)


def test_answering_no_to_the_assessment_question_keeps_the_red_lock(today, qtbot):
    page, button = _red_lock_shown(today, qtbot)
    asked: list[bool] = []

    def answer_no() -> bool:
        asked.append(False)
        return False

    page.ask_assessed = answer_no
    # Should a real dialog open instead of the seam, close it rather than wait forever.
    QTimer.singleShot(3000, page, _close_any_question)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [False]  # the button asks before anything ends
    assert _red_locks(page) == ["red"]
    assert "Stop. These symptoms need emergency care now." in labels(page.plan_view)
    page.ask_assessed = lambda: True
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _red_locks(page) == []
    assert "Stop. These symptoms need emergency care now." not in labels(page.plan_view)


def test_the_assessment_question_is_plain_and_enter_means_no(today, qtbot):
    page, button = _red_lock_shown(today, qtbot)
    seen: list[tuple[str, bool, bool]] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if box is None:  # not open yet
            QTimer.singleShot(20, page, press_enter)
            return
        assert isinstance(box, QMessageBox)
        seen.append(
            (
                box.text(),
                box.defaultButton() is box.button(QMessageBox.StandardButton.No),
                box.escapeButton() is box.button(QMessageBox.StandardButton.No),
            )
        )
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button

    QTimer.singleShot(0, page, press_enter)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    ((text, no_is_default, no_is_escape),) = seen
    assert text == (
        "Have you been assessed by a doctor or other health professional about these symptoms?"
    )
    assert no_is_default and no_is_escape
    assert _red_locks(page) == ["red"]


def _stored_rows(page):
    db = page.presenter._db
    return {
        table: db.query_one(f"SELECT count(*) FROM {table}")[0]
        for table in ("checkins", "checkin_regions", "triage_answers", "triage_outcomes")
    }


def test_a_checkin_whose_safety_outcome_cannot_be_written_is_not_saved(today, qtbot, monkeypatch):
    from companion.storage.checkins import CheckInRepository

    _, page = today(yes={"R1"})
    mark(qtbot, page, "calves_L", "back", 7)

    def fail(conn, triage):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(CheckInRepository, "_insert_outcome", staticmethod(fail))
    with pytest.raises(sqlite3.OperationalError):
        page.save()
    assert page.presenter.latest() is None
    assert _stored_rows(page) == dict.fromkeys(_stored_rows(page), 0)
    assert not page.presenter._db.conn.in_transaction


def test_a_checkin_whose_trend_alert_cannot_be_recorded_is_not_saved(today, qtbot, monkeypatch):
    from companion.storage.trends import TrendAlertRepository

    _, page = today()
    mark(qtbot, page, "quads_L", "front", 9)
    qtbot.mouseClick(page.rest_row.group.button(8), Qt.MouseButton.LeftButton)  # T4: 8 at rest

    def fail(self, alerts, answer, now):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(TrendAlertRepository, "record", fail)
    with pytest.raises(sqlite3.OperationalError):
        page.save()
    assert "R8" in page.ask.asked[0]  # T4: every red question was asked and answered
    assert page.presenter.latest() is None
    assert _stored_rows(page) == dict.fromkeys(_stored_rows(page), 0)
    assert page.presenter.alerts.recent() == []
    assert not page.presenter._db.conn.in_transaction


# ------------------------------------------------------------ the plan agrees with itself


def make_test_plan(checkin, triage=None, conditions=()):
    from companion.domain.planner import make_plan
    from companion.resources import (
        load_conditions,
        load_exercises,
        load_protocols,
        load_regions,
        load_triage,
    )

    regions = load_regions()
    return make_plan(
        checkin,
        triage=triage or load_triage().evaluate({}, checkin.legs, checkin.at),
        conditions=tuple(conditions),
        catalog=load_conditions(),
        bounds=load_protocols(),
        now=checkin.at,
        library=load_exercises(regions=regions),
        regions=regions,
    )


def a_checkin(regions, hours=10, **kw):
    from datetime import UTC, datetime

    from companion.domain.checkin import Cause, CheckIn, SorenessType

    now = datetime(2026, 6, 15, 9, tzinfo=UTC)
    return CheckIn(
        at=now,
        onset=now - timedelta(hours=hours),
        cause=Cause.RUN,
        soreness_type=kw.pop("soreness_type", SorenessType.DOMS),
        regions=tuple(regions),
        **kw,
    )


def test_sharp_pain_and_a_swollen_leg_are_not_shown_as_no_warning_signs(qtbot):
    from companion.domain.checkin import Descriptor, RegionReport, Swelling
    from companion.domain.regions import Side
    from companion.domain.triage import Tier
    from companion.ui.today.plan_view import TIER_COLOURS, PlanView

    sharp = RegionReport("hamstrings_L", Side.LEFT, 4, 7, frozenset({Descriptor.SHARP}))
    plan = make_test_plan(a_checkin([sharp], swelling=Swelling.ONE_SIDE, swollen_side=Side.LEFT))
    view = PlanView()
    qtbot.addWidget(view)
    view.show_plan(plan, "999")
    banner = view.findChild(QFrame, "TierBanner")
    assert banner.property("tier") == "yellow"
    assert TIER_COLOURS[Tier.GREEN][0] not in banner.styleSheet()
    texts = labels(view)
    assert "No warning signs reported." not in texts
    assert plan.headline in texts
    assert any("swollen" in t for t in texts)
    # the empty stretching card says why
    assert plan.routine == ()
    assert any(t.startswith("Nothing to stretch or roll") for t in texts)


def test_an_ordinary_plan_keeps_the_green_banner(qtbot):
    from companion.domain.checkin import RegionReport
    from companion.domain.regions import Side
    from companion.ui.today.plan_view import PlanView

    plan = make_test_plan(a_checkin([RegionReport("quads_L", Side.LEFT, 2, 5)], hours=30))
    view = PlanView()
    qtbot.addWidget(view)
    view.show_plan(plan, "999")
    assert view.findChild(QFrame, "TierBanner").property("tier") == "green"
    assert "No warning signs reported." in labels(view)


def test_the_routine_card_shows_each_steps_cautions(qtbot):
    from companion.domain.checkin import RegionReport
    from companion.domain.regions import Side
    from companion.ui.today.plan_view import PlanView

    plan = make_test_plan(
        a_checkin([RegionReport("quads_L", Side.LEFT, 2, 5)], hours=30),
        conditions=[ReportedCondition("bleeding_risk")],
    )
    assert any(step.cautions for step in plan.routine)
    view = PlanView()
    qtbot.addWidget(view)
    view.show_plan(plan, "999")
    assert any("Light pressure only" in t for t in labels(view))


def test_todays_words_are_plain_labels(today, qtbot):
    # Not selectable: Qt gives a selectable label a text document and editor of its
    # own (about 17 kB each with the style sheet; docs/PERFORMANCE.md).
    companion, page = today()
    companion.window.show()
    qtbot.waitExposed(companion.window)
    words = [label for label in page.findChildren(QLabel) if label.isVisible() and label.text()]
    assert len(words) > 5
    for label in words:
        flags = label.textInteractionFlags()
        assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse, label.text()
        assert label.focusPolicy() == Qt.FocusPolicy.NoFocus, label.text()


def test_a_label_is_selectable_only_when_asked(qapp):
    from companion.ui.sections import make_label

    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert not make_label("Words").textInteractionFlags() & selectable
    assert make_label("/home/me/data", selectable=True).textInteractionFlags() & selectable
