"""The History screen on a real database: what a user sees after a couple of weeks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.triage import GREEN
from companion.services.history import HistoryService
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.checkins import CheckInRepository
from companion.storage.reminders import WaterLog
from companion.ui.history.page import QT_TRANSLATE, EpisodeView, HistoryPage

L, R = Side.LEFT, Side.RIGHT


def seed(db, clock, *, runs: int = 2) -> None:
    """Two runs ten days apart, each followed by four days of calf soreness."""
    checkins = CheckInRepository(db)
    activities = ActivityRepository(db)
    water = WaterLog(db)
    start = clock.now() - timedelta(days=20)
    for n in range(runs):
        onset = start + timedelta(days=10 * n)
        activities.add(Activity(ActivityKind.RUN, onset, minutes=60, km=10 + n), "app")
        peaks = (6, 4)[n]
        for day, (left, right) in enumerate(
            [(3, 2), (peaks, 2), (peaks - 2, 1), (1, 0), (0, 0)], start=1
        ):
            at = onset + timedelta(days=day)
            checkin = CheckIn(
                at=at,
                onset=onset,
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=(
                    RegionReport("calves_L", L, max(0, left - 2), left),
                    RegionReport("calves_R", R, 0, right),
                ),
            )
            checkins.save(checkin, GREEN)
            for _drink in range(3 if day % 2 else 1):
                water.add(700, at, "app")  # 2,100 mL on odd days, 700 on even ones


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    companion = make_app()
    seed(companion.db, clock)
    return companion


def open_history(companion, qtbot) -> HistoryPage:
    companion.window.show_section("history")
    page = companion.window.page("history")
    assert isinstance(page, HistoryPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_the_page_reads_through_the_history_service_in_qts_words(companion, qtbot):
    page = open_history(companion, qtbot)
    assert isinstance(page.service, HistoryService)
    assert page.service.translate is QT_TRANSLATE  # the catalogue's HistoryPresenter context


def test_history_shows_the_region_its_summary_and_the_typical_band(companion, qtbot):
    page = open_history(companion, qtbot)
    assert page.region_box.currentText() == "Calves"
    model = page.chart.model
    assert model is not None and model.bands  # the typical course, one per spell
    assert model.bands[-1].label.startswith("Typical pattern")
    moves = next(s for s in model.series if s.name == "On movement")
    assert [y for _x, y in moves.points] == [3, 6, 4, 1, 0, 3, 4, 2, 1, 0]
    assert "Calves (left): 0/10 on movement" in page.summary.text()
    assert "lower than 2 days ago" in page.summary.text()
    # Runs, as markers on the same timeline, with neutral words.
    assert [m.kind for m in model.markers] == ["run", "run"]
    assert page.sides_card.isVisible()
    assert "differed by 3 or more points on 2 days" in page.sides_summary.text()
    assert len(page.sides_chart.model.highlights) == 2


def test_episode_cards_compare_with_the_previous_run(companion, qtbot):
    page = open_history(companion, qtbot)
    cards = page.findChildren(EpisodeView)
    assert len(cards) == 2
    newest = cards[0].accessibleDescription()
    assert cards[0].accessibleName().startswith("11 km run, 60 min")
    assert "Peak 4/10" in newest and "Recovered (1 or less on movement) by day 4" in newest
    assert "Peak 6 → 4 compared with your previous run: a smaller peak" in newest


def test_since_the_activity_uses_hours_and_the_latest_spell(companion, qtbot):
    page = open_history(companion, qtbot)
    page.by_hours.click()
    model = page.chart.model
    assert "hours since 11 km run" in model.title
    xs = [x for x, _y in next(s for s in model.series if s.name == "On movement").points]
    assert xs == [24, 48, 72, 96, 120]


def test_the_body_map_replays_day_by_day(companion, qtbot):
    page = open_history(companion, qtbot)
    assert page.day_slider.maximum() == 9  # ten check-ins in the last 30 days
    page.day_slider.setValue(1)
    assert page.body_map.score("calves_L") == 6
    assert "Calves (left) 6" in page.day_label.text()
    page.play_button.setChecked(True)
    qtbot.waitUntil(lambda: page.day_slider.value() >= 2, timeout=3000)
    page.play_button.setChecked(False)


def test_adherence_counts_water_days_against_the_goal(companion, qtbot, clock):
    from companion.domain.reminders import Kind, ReminderRule

    companion.reminders.save_rules(
        [ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)]
    )
    page = open_history(companion, qtbot)
    bars = page.water_chart.model.bars
    assert len(bars) == 21  # from the history's first day, not 30 empty-ended days
    assert sum(b.met for b in bars) == 6  # days 1, 3 and 5 of each spell
    assert "water goal reached on 6 of 21 days" in page.adherence_text.text()


def test_a_shorter_range_and_an_empty_history(make_app, qtbot, clock):
    companion = make_app()
    page = open_history(companion, qtbot)
    assert page.empty_card.isVisible()
    assert not page.soreness_card.isVisible()
    seed(companion.db, clock)
    companion.data_changed.emit()
    qtbot.waitUntil(lambda: not page.empty_card.isVisible())
    page.range_box.setCurrentIndex(0)  # 2 weeks: only the second run's spell
    assert len(page.findChildren(EpisodeView)) >= 1
    qtbot.waitUntil(lambda: len([c for c in page.findChildren(EpisodeView) if c.isVisible()]) == 1)


def test_logging_a_run_from_history_updates_it_and_notes_a_jump(companion, qtbot, clock):
    page = open_history(companion, qtbot)
    page.log_activity_button.click()
    dialog = companion.activity_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.km.setValue(14)  # the longest of the past 30 days was 11 km
    assert "27 % longer than your longest" in dialog.nudge.text()
    dialog.minutes.setValue(80)
    dialog.save_button.click()
    (_id, logged), *_ = ActivityRepository(companion.db).recent(1)
    assert (logged.km, logged.minutes) == (14, 80)
    qtbot.waitUntil(lambda: "14 km run" in page.activity_text.text())


def test_an_impossible_run_is_refused_in_the_dialog(companion, qtbot):
    dialog = companion.log_activity_dialog("run")
    dialog.km.setValue(60)
    dialog.minutes.setValue(60)
    dialog.save_button.click()
    assert "faster than anyone" in dialog.problem.text()
    assert dialog.isVisible()
    dialog.reject()


def test_three_tired_mornings_ask_about_fever_once(companion, qtbot, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    mornings = MorningLogRepository(companion.db)
    for days_ago in (2, 1):
        mornings.save(MorningLog(clock.now().date() - timedelta(days=days_ago), prs=2), clock.now())
    logged = companion.log_morning(MorningLog(clock.now().date(), sleep_hours=6, prs=3))
    assert logged.alert is not None
    companion._morning_alert(logged.alert)
    assert len(shown) == 1 and "3 mornings in a row" in shown[0]
    again = companion.log_morning(MorningLog(clock.now().date(), sleep_hours=6, prs=2))
    assert again.alert is None  # once for this run of mornings
    assert len(shown) == 1


def test_tired_mornings_logged_over_ipc_raise_t8_too(companion, qtbot, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from companion.storage.trends import TrendAlertRepository

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    mornings = MorningLogRepository(companion.db)
    for days_ago in (3, 2, 1):
        mornings.save(MorningLog(clock.now().date() - timedelta(days=days_ago), prs=2), clock.now())
    reply = companion.handle_message(
        {"command": "log-activity", "kind": "sleep", "hours": 7, "prs": 2}
    )
    assert reply["ok"] is True
    assert any("mornings in a row" in note for note in reply["notes"])
    qtbot.waitUntil(lambda: len(shown) == 1)  # the fever question, once the reply has gone
    assert [r[1] for r in TrendAlertRepository(companion.db).recent()] == ["T8"]


def test_the_running_app_logs_it_and_answers_with_the_notes(make_app):
    companion = make_app(show=False)
    reply = companion.handle_message(
        {"command": "log-activity", "kind": "run", "km": 9.5, "minutes": 50, "ago_min": 10}
    )
    assert reply == {"ok": True, "notes": []}
    (_id, logged), *_ = ActivityRepository(companion.db).recent(1)
    assert (logged.km, logged.minutes) == (9.5, 50)
    refused = companion.handle_message({"command": "log-activity", "kind": "run", "km": "far"})
    assert refused == {"ok": False, "error": "km must be a number"}
    assert companion.handle_message(
        {"command": "log-activity", "kind": "sleep", "hours": 8, "prs": 7}
    ) == {"ok": True, "notes": []}


def test_a_logged_leg_day_sets_when_and_why_on_the_next_check_in(make_app, qtbot, clock):
    from companion.ui.today.page import TodayPage

    companion = make_app(show=False)
    ended = clock.now() - timedelta(hours=26)
    assert companion.log_activity(Activity(ActivityKind.LEG_DAY, ended, minutes=50), "app") is None
    page = companion.window.page("today")
    assert isinstance(page, TodayPage)
    assert page.hours.value() == 26
    assert page.cause.currentData() == "leg_day"
    assert "From your log: Leg day, 50 min" in page.activity_note.text()
    assert page.activity_note.isVisibleTo(page)
    page.hours.setValue(30)  # the soreness started at another time: the note goes
    assert not page.activity_note.isVisibleTo(page)
