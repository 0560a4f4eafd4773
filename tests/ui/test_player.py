"""The guided player, driven like a user with a clock the test moves."""

import itertools
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from companion.domain.regions import Side
from companion.domain.session import Phase
from companion.domain.triage import Tier
from companion.resources import load_routines
from companion.storage.runs import RunRepository
from companion.ui.routines.player import RoutinePlayerView
from companion.ui.ticker import Ticker, format_left
from companion.ui.today.page import TodayPage


@pytest.fixture
def routine():
    return load_routines().get("calves_and_shins")


@pytest.fixture
def player(qtbot, clock, routine):
    view = RoutinePlayerView(routine.name, routine.steps, clock)
    view.ticker.stop()  # the test moves time itself
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_countdown_is_deadline_minus_now(player, clock):
    assert player.phase.text() == "Get ready"
    first = player.session.current.seconds
    assert player.countdown.text() == format_left(first)
    clock.advance(seconds=first - 2.5)
    player.advance(clock.now())
    assert player.countdown.text() == "0:03"
    clock.advance(seconds=2.5)
    player.advance(clock.now())
    assert player.session.current.phase is Phase.WORK
    assert player.phase.text() == "Roll"
    assert player.exercise.text() == "Seated calf roll"
    assert player.detail.text() == "Left leg"
    assert player.cues.text().startswith("1. Sit with the roller")
    rows = [row.text() for row in player.up_next.rows]
    assert rows[0].startswith("▶  Seated calf roll · left")
    assert rows[1].strip().startswith("Seated calf roll · right")


class RecordingTicker(Ticker):
    def __init__(self, clock):
        super().__init__(clock)
        self.asked: list[float] = []

    def wake_in(self, seconds):
        self.asked.append(round(seconds, 6))


def test_the_ticker_wakes_when_the_digit_changes_and_sleeps_while_paused(qtbot, clock, routine):
    ticker = RecordingTicker(clock)
    view = RoutinePlayerView(routine.name, routine.steps, clock, ticker=ticker)
    qtbot.addWidget(view)
    ticker.stop()
    ticker.asked.clear()
    clock.advance(seconds=0.3)
    view.advance(clock.now())
    assert ticker.asked == [0.7]  # 0:15 shown until 14.0 s are left
    clock.advance(seconds=0.7)
    view.advance(clock.now())
    assert ticker.asked[-1] == 1.0
    view.toggle_pause()
    clock.advance(seconds=30)
    view.advance(clock.now())  # a stray wake-up while paused asks for no more
    assert len(ticker.asked) == 2
    view.toggle_pause()
    assert ticker.asked[-1] == 1.0
    lead_in = view.session.current.seconds
    clock.advance(seconds=lead_in - 1 + 0.25)  # into the first hold by 0.25 s
    view.advance(clock.now())
    assert ticker.asked[-1] == 0.75


def test_space_pauses_and_resumes(player, qtbot, clock):
    clock.advance(seconds=20)
    player.advance(clock.now())
    left = player.countdown.text()
    player.activateWindow()
    qtbot.waitUntil(player.isActiveWindow)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.session.paused
    assert player.phase.text().startswith("Paused")
    clock.advance(minutes=5)
    player.advance(clock.now())
    assert player.countdown.text() == left
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert not player.session.paused


def test_skip_back_and_stop_buttons(player, qtbot, clock):
    qtbot.mouseClick(player.skip_button, Qt.MouseButton.LeftButton)
    assert player.session.current.step == 1
    qtbot.mouseClick(player.back_button, Qt.MouseButton.LeftButton)
    assert player.session.current.step == 0
    player.confirm_stop = lambda done, total: True
    with qtbot.waitSignal(player.finished) as blocker:
        qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].done
    assert player.stop_button.text() == "Close"
    assert not player.pause_button.isEnabled()


def test_a_whole_routine_plays_to_the_end(player, qtbot, clock, routine):
    with qtbot.waitSignal(player.finished):
        for _ in range(routine.seconds // 7 + 2):
            clock.advance(seconds=7)
            player.advance(clock.now())
    assert player.exercise.text() == "Routine finished. Well done."
    assert player.progress.value() == 1000
    assert not player.ticker.active


def test_something_wrong_pauses_the_routine_and_asks(player, qtbot):
    with qtbot.waitSignal(player.something_wrong):
        qtbot.mouseClick(player.wrong_button, Qt.MouseButton.LeftButton)
    assert player.session.paused
    assert not player.session.done
    assert player.note.isVisibleTo(player)


def test_start_from_routines_saves_the_run(make_app, qtbot, clock):
    companion = make_app()
    companion.window.show_section("routines")
    page = companion.window.page("routines")
    start = next(
        b for b in page.findChildren(QPushButton) if b.accessibleName() == "Start Calves and shins"
    )
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    player = companion.player
    assert player is not None
    assert player.isVisible()
    player.ticker.stop()
    with qtbot.waitSignal(companion.run_saved):
        clock.advance(hours=1)
        player.advance(clock.now())
    (run,) = RunRepository(companion.db).recent()
    assert run.routine == "calves_and_shins"
    assert run.outcome == "completed"
    player.close()


def test_locks_shape_what_can_start(make_app, qtbot, clock):
    companion = make_app()
    presenter = companion.today
    triage = presenter.content.triage
    presenter.checkins.record_outcome(triage.evaluate({"O5": True}, {Side.LEFT}, clock.now()))
    steps = load_routines().get("calves_and_shins").steps
    companion.start_player("calves_and_shins", "Calves and shins", steps)
    assert {s.side for s in companion.player.session.steps} == {"right"}
    companion.player.close()
    presenter.checkins.record_outcome(triage.evaluate({"R1": True}, set(), clock.now()))
    companion.player = None
    companion.start_player("calves_and_shins", "Calves and shins", steps)
    assert companion.player is None
    texts = [label.text() for label in companion.window.findChildren(QLabel)]
    assert any("Routines are not available now. Emergency signs were reported." in t for t in texts)


def test_the_start_command_opens_the_player_or_says_why_not(make_app, clock):
    companion = make_app()
    companion.window.hide()
    assert companion.handle_message({"command": "start", "routine": "hips_and_glutes"}) == {
        "ok": True
    }
    assert companion.player is not None and companion.player.isVisible()
    assert "Hips and glutes" in companion.player.windowTitle()
    companion.player.close()
    reply = companion.handle_message({"command": "start", "routine": "nope"})
    assert reply["ok"] is False and "No routine 'nope'" in reply["error"]
    triage = companion.today.content.triage
    companion.today.checkins.record_outcome(triage.evaluate({"R1": True}, set(), clock.now()))
    companion.player = None
    reply = companion.handle_message({"command": "start", "routine": "hips_and_glutes"})
    assert reply["ok"] is False and "Emergency signs were reported" in reply["error"]
    assert companion.player is None
    assert companion.window.isVisible()  # the refusal is shown where the user can see it


def test_something_wrong_during_a_routine_records_the_answers(make_app, qtbot, clock):
    companion = make_app()
    today = companion.window.page("today")
    assert isinstance(today, TodayPage)
    today.ask = lambda questions: pytest.fail("asked through the main window")
    companion.window.show_section("routines")
    companion.start_player(
        "calves_and_shins", "Calves and shins", load_routines().get("calves_and_shins").steps
    )
    player = companion.player
    player.ticker.stop()
    asked: list[object] = []

    def ask_check(questions):
        asked.append(questions)
        return {q.id: q.id == "O5" for q in questions}

    player.ask_check = ask_check
    player.report_problem()
    assert asked, "the quick check is asked over the player"
    locks = companion.today.checkins.active_locks(clock.now())
    assert [r.tier for r in locks] == [Tier.ORANGE]
    assert companion.window.current_section() == "routines"  # the main window was left alone
    # The answer locks the legs: the routine ends and says what to do instead.
    assert player.session.done and player.session.stopped
    assert player.end_panel.safety.isVisibleTo(player)
    assert "not available now" in player.end_panel.safety.text()
    assert not player.end_panel.rows  # no "how does it feel" after a warning sign
    player.close()


def test_something_wrong_answered_none_stays_paused_until_resume(make_app, qtbot, clock):
    companion = make_app()
    companion.start_player(
        "calves_and_shins", "Calves and shins", load_routines().get("calves_and_shins").steps
    )
    player = companion.player
    player.ticker.stop()
    player.ask_check = lambda questions: {q.id: False for q in questions}
    player.report_problem()
    assert player.session.paused and not player.session.done
    assert "Nothing you ticked" in player.note.text()
    player.toggle_pause()
    assert not player.session.paused
    assert not player.note.isVisibleTo(player)
    player.close()


def test_something_wrong_cancelled_keeps_the_routine_paused(make_app, qtbot, clock):
    companion = make_app()
    companion.window.show_section("routines")
    companion.start_player(
        "calves_and_shins", "Calves and shins", load_routines().get("calves_and_shins").steps
    )
    player = companion.player
    player.ticker.stop()
    player.ask_check = lambda questions: None  # Cancel
    left = player.countdown.text()
    player.report_problem()
    clock.advance(minutes=3)
    player.advance(clock.now())
    assert player.session.paused and not player.session.done
    assert player.countdown.text() == left
    assert "Press Resume" in player.note.text()
    assert player.pause_button.text() == "Resume"
    assert companion.today.checkins.active_locks(clock.now()) == []
    assert companion.window.current_section() == "routines"
    player.close()


def test_format_left():
    assert format_left(0) == "0:00"
    assert format_left(0.2) == "0:01"
    assert format_left(59.01) == "1:00"
    assert format_left(125) == "2:05"
    assert format_left(timedelta(seconds=-3).total_seconds()) == "0:00"


def test_the_illustration_highlights_what_the_step_works(qtbot, clock, routine):
    from companion.resources import load_regions

    view = RoutinePlayerView(routine.name, routine.steps, clock, regions=load_regions())
    view.ticker.stop()
    qtbot.addWidget(view)
    assert view.figure is not None
    assert view.figure.highlighted == {"calves_L"}  # the calf roll, left side first
    assert not view.figure.interactive
    view.skip()
    assert view.figure.highlighted == {"calves_R"}


def test_worked_regions_follow_side_and_exercise():
    from companion.domain.routine_builder import RoutineStep
    from companion.resources import load_exercises
    from companion.ui.routines.player import worked_regions

    library = load_exercises()
    wall = library.get("wall_calf_straight")  # calves and soles
    assert worked_regions(RoutineStep(wall, "calves_R", "right", 30, 2)) == {
        "calves_R",
        "foot_plantar_R",
    }
    butterfly = library.get("seated_butterfly")
    assert worked_regions(RoutineStep(butterfly, "adductors", "both", 30, 2)) == {
        "adductors_L",
        "adductors_R",
    }
    child = library.get("childs_pose")
    assert worked_regions(RoutineStep(child, "lower_back", "both", 30, 2)) == {
        "lower_back",
        "glutes_L",
        "glutes_R",
    }


def test_mini_player_stays_on_top_and_mirrors_the_countdown(player, qtbot, clock):
    qtbot.addWidget(player.mini)
    qtbot.mouseClick(player.mini_button, Qt.MouseButton.LeftButton)
    assert player.mini.isVisible()
    assert not player.isVisible()
    assert player.mini.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    clock.advance(seconds=player.session.current.seconds + 5)
    player.advance(clock.now())
    assert player.mini.countdown.text() == player.countdown.text()
    assert player.mini.exercise.text().startswith("Roll: Seated calf roll, left")
    qtbot.mouseClick(player.mini.pause_button, Qt.MouseButton.LeftButton)
    assert player.session.paused
    assert player.mini.pause_button.text() == "Resume"
    qtbot.mouseClick(player.mini.skip_button, Qt.MouseButton.LeftButton)
    assert player.session.current.step == 1
    qtbot.mouseClick(player.mini.expand_button, Qt.MouseButton.LeftButton)
    assert player.isVisible()
    assert not player.mini.isVisible()


def test_finishing_from_the_mini_player_brings_back_the_full_one(player, qtbot, clock, routine):
    qtbot.addWidget(player.mini)
    player.show_mini()
    clock.advance(seconds=routine.seconds + 60)
    with qtbot.waitSignal(player.finished):
        player.advance(clock.now())
    assert player.isVisible()
    assert not player.mini.isVisible()


def test_phase_changes_chime_and_speak_and_the_last_seconds_count(player, clock):
    assert player.sound.can_speak  # Qt's mock engine, set up by conftest
    assert player.sound.history == ["phase Get ready: Seated calf roll on the left."]
    lead_in = player.session.current.seconds
    start = clock.now()
    for left in (3.5, 2.9, 2.5, 1.9, 0.9, 0.4):  # two ticks inside "3 left": one tick sound
        player.advance(start + timedelta(seconds=lead_in - left))
    assert player.sound.history[1:] == ["count 3", "count 2", "count 1"]
    player.advance(start + timedelta(seconds=lead_in + 0.01))
    assert player.sound.history[-1] == "phase Roll for 60 seconds."


def test_mute_silences_every_cue_and_is_remembered(make_app, qtbot, clock):
    companion = make_app()
    assert companion.start_routine("calves_and_shins") is None
    player = companion.player
    player.ticker.stop()
    player.activateWindow()
    qtbot.waitUntil(player.isActiveWindow)
    with qtbot.waitSignal(player.muted_changed):
        qtbot.keyClick(player, Qt.Key.Key_M)
    assert player.sound.muted and player.mute_button.text() == "Sound off"
    before = list(player.sound.history)
    player.skip()
    assert player.sound.history == before
    player.close()
    assert companion.start_routine("calves_and_shins") is None
    assert companion.player.sound.muted  # the choice carries to the next routine
    assert companion.player.mute_button.isChecked()
    assert companion.player.mute_button.text() == "Sound off"
    companion.player.close()


def test_no_speech_engine_is_quietly_fine(qtbot, clock, routine, monkeypatch):
    monkeypatch.setenv("COMPANION_TTS_ENGINE", "none")
    view = RoutinePlayerView(routine.name, routine.steps, clock)
    qtbot.addWidget(view)
    view.ticker.stop()
    assert not view.sound.can_speak
    clock.advance(hours=1)
    view.advance(clock.now())
    assert view.session.done


def accent_pixels(widget) -> int:
    """How many pixels of the worked-limb colour the widget paints."""
    from PySide6.QtGui import QColor, QPalette

    image = widget.grab().toImage()
    accent = widget.palette().color(QPalette.ColorRole.Highlight)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if (
                abs(colour.red() - accent.red())
                + abs(colour.green() - accent.green())
                + abs(colour.blue() - accent.blue())
                < 30
            ):
                count += 1
    return count


def test_the_pose_drawing_follows_the_step_and_hides_where_there_is_none(qtbot, clock):
    from companion.domain.poses import PoseCatalog
    from companion.domain.routine_builder import routine_steps
    from companion.resources import load_exercises, load_poses

    library = load_exercises()
    undrawn = library.get("easy_walk")  # every exercise has a pose: leave one out
    shipped = load_poses(library=library)
    poses = PoseCatalog({p.exercise: p for p in shipped if p.exercise != undrawn.id})
    drawn = library.get("calf_roll")
    steps = routine_steps(drawn, 30, 1) + routine_steps(undrawn, undrawn.dose.seconds, 1)
    view = RoutinePlayerView("Mixed", steps, clock, poses=poses)
    view.ticker.stop()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.pose.isVisible()
    assert "Seated calf roll" in view.pose.accessibleDescription()
    assert accent_pixels(view.pose) > 50  # the worked leg is drawn in the accent colour
    view.skip()  # the calf roll's other side: the same drawing
    assert view.pose.isVisible()
    view.skip()
    assert view.session.steps[view.session.current.step].exercise is undrawn
    assert not view.pose.isVisible()


def test_the_editor_previews_the_pose_of_the_highlighted_exercise(qtbot):
    from companion.domain.custom_routines import RoutineDraft
    from companion.resources import load_exercises, load_poses, load_protocols, load_regions
    from companion.ui.routines.editor import RoutineEditorDialog

    library = load_exercises()
    poses = load_poses(library=library)
    dialog = RoutineEditorDialog(
        RoutineDraft("Mine"), library, load_regions(), load_protocols(), poses=poses
    )
    qtbot.addWidget(dialog)
    for row in range(dialog.exercises.count()):
        exercise_id = dialog.exercises.item(row).data(Qt.ItemDataRole.UserRole)
        dialog.exercises.setCurrentRow(row)
        assert dialog.pose.has_pose() == (poses.get(exercise_id) is not None), exercise_id


def test_a_roll_by_hand_is_called_a_massage(qtbot, clock):
    from companion.resources import load_exercises
    from companion.ui.routines.player import _work_key

    library = load_exercises()
    assert _work_key(library.get("calf_hands")) == "massage"
    assert _work_key(library.get("calf_roll")) == "roll"
    assert _work_key(library.get("wall_calf_straight")) == "stretch"


def test_nothing_overlaps_and_the_stop_rules_stay_whole_at_any_size(qtbot, clock):
    from PySide6.QtWidgets import QApplication, QLabel

    from companion.resources import load_poses, load_regions, load_routines

    routine = load_routines().get("calves_and_shins")
    view = RoutinePlayerView(
        routine.name, routine.steps, clock, regions=load_regions(), poses=load_poses()
    )
    qtbot.addWidget(view)
    view.ticker.stop()
    view.show()
    assert view.width() >= 700 and view.height() >= 700  # the first size shows it all
    for size in (view.minimumSize(), view.minimumSize().expandedTo(view.minimumSize()) * 1.2):
        view.resize(size)
        QApplication.processEvents()
        layout = view.layout()
        tops = []
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget()
            geometry = item.geometry() if widget is None else widget.geometry()
            if widget is not None and not widget.isVisible():
                continue
            tops.append((geometry.top(), geometry.bottom()))
        for (_, bottom), (top, _) in itertools.pairwise(tops):
            assert bottom < top  # each part starts below the one before
        rules = [
            label
            for label in view.stop_strip.findChildren(QLabel)
            if label.wordWrap() and "Sharp" in label.text()
        ]
        assert rules and rules[0].height() >= rules[0].heightForWidth(rules[0].width())
