"""A stored RED lock stops every way in: Today, the player, the timer window from the
Reminders page, the tray's prompts, IPC and the command line (PROTOCOLS 3.2, 4.3).

Each test stores the lock the way the app does (an answered safety screen in the
real database), then goes in through that entry point as a user would.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from companion.cli import main
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.triage import Tier
from companion.resources import load_routines
from companion.scheduling.reminders import Fired
from companion.storage.checkins import CheckInRepository, ConditionRepository
from companion.storage.database import open_database
from companion.ui.today.page import TodayPage


def store_red(companion, clock, question: str = "R5") -> None:
    triage = companion.today.content.triage
    companion.today.checkins.record_outcome(triage.evaluate({question: True}, set(), clock.now()))


def sore_calves(clock) -> CheckIn:
    now = clock.now()
    return CheckIn(
        at=now,
        onset=now - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=SorenessType.DOMS,
        regions=(RegionReport("calves_L", Side.LEFT, 4, 5),),
    )


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=9, minute=0))
    return make_app(has_tray=True)


def test_today_plan_is_the_emergency_and_its_routine_will_not_start(companion, clock):
    page = companion.window.page("today")
    assert isinstance(page, TodayPage)
    page.ask = lambda questions: {q.id: False for q in questions}
    saved = companion.today.submit(sore_calves(clock), page.ask)
    assert saved is not None and saved.plan.triage.tier is Tier.GREEN
    store_red(companion, clock)
    plan = companion.today.plan(sore_calves(clock))
    assert plan.locked and plan.routine == ()
    page.plan_view.start_routine.emit(saved.plan)  # the Start button of the earlier plan
    assert companion.player is None


def test_player_will_not_open_and_a_lock_answered_mid_routine_ends_it(companion, clock, qtbot):
    steps = load_routines().get("calves_and_shins").steps
    assert companion.start_player("calves_and_shins", "Calves and shins", steps) is None
    player = companion.player
    player.ticker.stop()
    player.ask_check = lambda questions: {q.id: q.id == "R1" for q in questions}
    player.report_problem()  # Something's wrong, answered: chest pain
    assert player.session.done  # ended, showing what to do instead
    assert "Call 112 now" in player.end_panel.safety.text()
    player.close()
    companion.player = None
    reason = companion.start_player("calves_and_shins", "Calves and shins", steps)
    assert companion.player is None
    assert reason is not None and "Call 112 now" in reason


def test_timer_window_from_the_reminders_page_is_refused(companion, clock):
    store_red(companion, clock)
    companion.window.show_section("reminders")
    page = companion.window.page("reminders")
    page.timer_requested.emit("ice", {})
    assert companion.therapy is None
    assert page.timer_note.isVisibleTo(page)
    assert "Ice pack is not available now" in page.timer_note.text()
    assert "do not drive yourself" in page.timer_note.text()


def test_tray_prompts_stay_quiet_under_a_lock(companion, clock, qtbot):
    center = companion.reminders
    center.scheduler.start(paused=True)
    icing = center.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    note = center.save_rule(ReminderRule(Kind.CUSTOM, "Check in", times=(time(11, 0),)))
    store_red(companion, clock)
    clock.advance(hours=2)  # 11:00: an icing slot and the note
    with qtbot.assertNotEmitted(center.prompt_shown):
        center._on_fired(Fired(rule_id=icing.id))
    assert center.current is None
    assert "Call 112 now" in center.held[icing.id]
    with qtbot.waitSignal(center.prompt_shown):
        center._on_fired(Fired(rule_id=note.id))  # a check-in reminder still comes
    # The tray's "Just finished a run" still schedules, but its cool-down does not start.
    companion.just_finished("run")
    assert companion.player is None


def test_water_reminders_are_quiet_under_r6(companion, clock, qtbot):
    center = companion.reminders
    center.scheduler.start(paused=True)
    water = center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    store_red(companion, clock, "R6")
    clock.advance(minutes=90)
    with qtbot.assertNotEmitted(center.prompt_shown):
        center._on_fired(Fired(rule_id=water.id))
    assert "do not drink more" in center.held[water.id].lower()


def test_ipc_timer_and_start_answer_with_the_reason(companion, clock):
    store_red(companion, clock)
    reply = companion.handle_message({"command": "timer", "kind": "heat", "options": {}})
    assert reply["ok"] is False
    assert "Call 112 now" in reply["error"]
    assert companion.therapy is None
    reply = companion.handle_message({"command": "start", "routine": "calves_and_shins"})
    assert reply["ok"] is False and "assessed" in reply["error"]
    assert companion.player is None


def test_ice_timer_waits_out_the_gap_after_a_session(companion, clock, qtbot):
    assert companion.start_timer("ice", {}) is None
    view = companion.therapy
    view.ticker.stop()
    view.start()
    clock.advance(minutes=15)
    view.advance(clock.now())  # the session ends and is stored
    view.close()
    companion.therapy = None
    clock.advance(seconds=70)
    reason = companion.start_timer("ice", {})
    assert reason is not None
    ended = clock.now() - timedelta(seconds=70)
    again = (ended + timedelta(minutes=60)).strftime("%H:%M")
    assert f"Available again at {again}" in reason
    assert companion.therapy is None


# -- the command line, on the same kind of stored state --------------------------------------------
def stored(data_dir, now: datetime, *, red: str = "", conditions: tuple[str, ...] = ()) -> None:
    from companion.paths import prepare_data_dir
    from companion.resources import load_triage

    db = open_database(prepare_data_dir(data_dir).database, now).database
    try:
        if red:
            outcome = load_triage().evaluate({red: True}, set(), now)
            CheckInRepository(db).record_outcome(outcome)
        ConditionRepository(db).replace([ReportedCondition(c) for c in conditions], now)
    finally:
        db.close()


def test_cli_timer_is_refused_under_a_stored_red_lock(data_dir, capsys):
    stored(data_dir, datetime.now().astimezone(), red="R5", conditions=("cold_sensitivity",))
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data_dir), "timer", "cold-bath", "--temp", "12"])
    message = str(stop.value.code)
    assert "Cold-water soak is not available now" in message
    assert "Emergency signs were reported" in message


def test_cli_timer_is_refused_for_a_condition(data_dir):
    stored(data_dir, datetime.now().astimezone(), conditions=("cold_sensitivity",))
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data_dir), "timer", "cold-bath", "--temp", "12"])
    assert "Cold-water soak is not available now" in str(stop.value.code)


def test_cli_timer_outside_the_usual_range_needs_yes(data_dir):
    from companion.cli_commands import build_parser
    from companion.cli_reminders import timer_request

    args = build_parser().parse_args(
        ["--data-dir", str(data_dir), "timer", "cold-bath", "--temp", "17"]
    )
    args.data_dir = str(data_dir)
    with pytest.raises(SystemExit) as stop:
        timer_request(args)
    assert "Add --yes" in str(stop.value.code)
    args.yes = True
    assert timer_request(args)["confirmed"] is True


def test_the_reminders_page_says_which_reminders_are_quiet_and_why(
    companion, clock, qtbot, tmp_path
):
    from PySide6.QtWidgets import QLabel, QProgressBar

    center = companion.reminders
    center.save_rule(
        ReminderRule(Kind.ICING, "Ice the calf", every_min=120, on_min=15, region="calves")
    )
    center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    store_red(companion, clock, "R6")
    companion.window.show_section("reminders")
    page = companion.window.page("reminders")
    page.refresh()

    def quiet() -> list[str]:
        labels = page.findChildren(QLabel)
        texts = [label.text() for label in labels if label.isVisibleTo(page)]
        return [t for t in texts if "Quiet for now, by the safety check" in t]

    qtbot.waitUntil(lambda: len(quiet()) == 2)
    assert any("Emergency signs were reported." in t for t in quiet())
    assert any("do not drink more" in t.lower() for t in quiet())
    companion.window.resize(900, 1400)
    companion.window.grab().save(str(tmp_path / "reminders_quiet.png"))
    companion.window.grab().save("/tmp/reminders_quiet.png")
    assert "2,000" not in page.findChild(QProgressBar).text()  # no water goal under R6


def test_a_lock_answered_during_a_routine_holds_back_the_steps_it_covers(companion, clock):
    from companion.domain.session import Outcome

    steps = load_routines().get("calves_and_shins").steps
    assert companion.start_player("calves_and_shins", "Calves and shins", steps) is None
    player = companion.player
    player.ticker.stop()
    first = player.session.steps[0]
    assert first.side in ("left", "both")
    # Meanwhile, a check-in on the Today screen locks the right leg.
    triage = companion.today.content.triage
    companion.today.checkins.record_outcome(
        triage.evaluate({"O5": True}, {Side.RIGHT}, clock.now())
    )
    clock.advance(hours=1)
    player.advance(clock.now())
    records = player.session.records
    right = [r for r in records if r.step.side == "right"]
    assert right and all(r.outcome is Outcome.SKIPPED for r in right)
    assert all(r.worked == timedelta(0) for r in right)
    assert player.safety_note.isVisibleTo(player)
    assert "right leg" in player.safety_note.text()
    player.close()
