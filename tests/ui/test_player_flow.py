"""The player's reworked moments: asking before a stop, the quick check, the end
screen's feel scores, the mirrored and moving pose, and what fits on screen."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from companion.domain.feel import FeelScore
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Phase
from companion.resources import load_exercises, load_poses, load_regions, load_routines
from companion.services.runs import RunService
from companion.ui.routines import pose_view
from companion.ui.routines.player import DEFAULT_SIZE, RoutinePlayerView
from companion.ui.routines.pose_view import PoseView


@pytest.fixture(scope="module")
def library():
    return load_exercises()


@pytest.fixture(scope="module")
def poses(library):
    return load_poses(library=library)


def make_player(qtbot, clock, poses, routine_id="post_run_cooldown", steps=None):
    routine = load_routines().get(routine_id)
    view = RoutinePlayerView(
        routine.name, steps or routine.steps, clock, regions=load_regions(), poses=poses
    )
    view.ticker.stop()
    qtbot.addWidget(view)
    qtbot.addWidget(view.mini)
    view.show()
    qtbot.waitExposed(view)
    return view


def finish_steps(view, clock, count):
    while view.session.steps_done() < count:
        clock.advance(seconds=1)
        view.advance(clock.now())


def test_esc_asks_first_and_keep_going_carries_on(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses)
    finish_steps(view, clock, 4)
    asked = []

    def keep_going(done, total):
        asked.append((done, total))
        assert view.session.paused  # nothing runs on while the question is open
        return False

    view.confirm_stop = keep_going
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert asked == [(4, 11)]
    assert not view.session.done and not view.session.paused


def test_stop_says_how_far_it_got_and_leaves_the_bar_there(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses)
    finish_steps(view, clock, 4)
    bar = view.progress.value()
    view.confirm_stop = lambda done, total: True
    with qtbot.waitSignal(view.finished) as blocker:
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].stopped
    assert view.end_panel.title.text() == "Stopped after 4 of 11 steps"
    assert "Well done" not in view.end_panel.title.text()
    assert view.progress.value() == bar < 1000
    assert view.stack.currentWidget() is view.end_panel


def test_the_real_question_defaults_to_keep_going(qtbot, clock, poses):
    from PySide6.QtWidgets import QMessageBox

    from companion.ui.routines.player_check import end_question

    view = make_player(qtbot, clock, poses)
    box = end_question(view, 4, 11)
    assert box.parent() is view
    assert "4 of 11 steps" in box.informativeText()
    assert box.defaultButton().text() == "Keep going"
    assert box.escapeButton() is box.defaultButton()
    assert box.buttonRole(box.defaultButton()) is QMessageBox.ButtonRole.RejectRole


def test_the_quick_check_is_titled_for_the_routine_and_parented_to_it(qtbot, clock, poses):
    from companion.resources import load_triage
    from companion.ui.routines.player_check import QuickCheckDialog

    view = make_player(qtbot, clock, poses)
    triage = load_triage()
    dialog = QuickCheckDialog([triage.get("R1"), triage.get("O5")], view)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Something's wrong? A quick check"
    assert dialog.parent() is view
    dialog.boxes["O5"].setChecked(True)
    assert dialog.answers() == {"R1": False, "O5": True}


def test_the_end_asks_how_each_region_feels_and_reports_the_scores(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses, "calves_and_shins")
    view.before_scores = lambda regions: {("calves_L", "left"): 6}
    clock.advance(hours=1)
    view.advance(clock.now())
    assert view.end_panel.title.text() == "Routine finished. Well done."
    rows = {(row.region_id, row.side): row for row in view.end_panel.rows}
    assert set(rows) == {
        ("calves_L", "left"),
        ("calves_R", "right"),
        ("shin_L", "left"),
        ("shin_R", "right"),
    }
    qtbot.mouseClick(rows[("calves_L", "left")].group.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rows[("shin_R", "right")].group.button(2), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.feel_given) as blocker:
        qtbot.mouseClick(view.end_panel.done_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == [
        FeelScore("calves_L", "left", 6, 4),
        FeelScore("shin_R", "right", None, 2),
    ]
    assert not view.isVisible()


def test_skip_gives_no_scores(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses, "calves_and_shins")
    clock.advance(hours=1)
    view.advance(clock.now())
    with qtbot.assertNotEmitted(view.feel_given):
        qtbot.mouseClick(view.end_panel.skip_button, Qt.MouseButton.LeftButton)
    assert not view.isVisible()


def test_the_app_keeps_the_run_and_its_feel_scores(make_app, qtbot, clock):
    companion = make_app()
    steps = load_routines().get("calves_and_shins").steps
    assert companion.start_player("calves_and_shins", "Calves and shins", steps) is None
    player = companion.player
    player.ticker.stop()
    with qtbot.waitSignal(companion.run_saved):
        clock.advance(hours=1)
        player.advance(clock.now())
    run_id = companion.routine_wiring.last_run_id
    assert run_id is not None
    row = player.end_panel.rows[0]
    row.choose(3)
    player.end_panel.done_button.click()
    saved = RunService(companion.db, companion.clock).feel(run_id)
    assert [(s.region_id, s.after) for s in saved] == [(row.region_id, 3)]


def test_the_switch_names_the_leg_and_lasts_from_content(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses, "calves_and_shins")
    spoken: list[str] = []
    view.sound.phase = spoken.append
    while view.session.current.phase is not Phase.SWITCH:
        clock.advance(seconds=view.session.remaining(clock.now()).total_seconds())
        view.advance(clock.now())
    segment = view.session.current
    assert segment.seconds >= 8
    assert view.cues.text().startswith("Switch to your right leg.")
    assert view.ring.text() == f"0:{segment.seconds:02d}"
    assert spoken[-1] == "Switch to your right leg."
    assert view.side_badge.text() == "Right leg"


def test_the_pose_is_big_and_the_longest_instructions_are_whole(qtbot, clock, poses, library):
    longest = max(library, key=lambda e: sum(len(c) for c in e.cues))
    steps = [RoutineStep(longest, "quads_L", "left", longest.dose.seconds, longest.dose.reps)]
    view = make_player(qtbot, clock, poses, steps=steps)
    view.resize(*DEFAULT_SIZE)
    qtbot.waitUntil(lambda: view.size().width() == DEFAULT_SIZE[0])
    view._fit_wrapped()
    qtbot.wait(1)  # let the layout settle (no timers involved)
    assert view.pose.height() >= view.height() / 2
    cues = view.cues
    assert cues.wordWrap()
    assert cues.height() >= cues.heightForWidth(cues.width())
    bottom = cues.mapTo(view, cues.rect().bottomLeft()).y()
    assert bottom <= view.stack.mapTo(view, view.stack.rect().bottomLeft()).y()
    assert cues.text().count("\n") == len(longest.cues) - 1  # every step, none cut


def _grab(view: PoseView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _differing(a: QImage, b: QImage) -> float:
    """The share of pixels that clearly differ (antialiased edges aside)."""
    step, differ, total = 2, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            total += 1
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 60
            ):
                differ += 1
    return differ / total


def test_the_pose_is_mirrored_for_the_right_side(qtbot, clock, poses, library):
    wall = library.get("wall_calf_straight")
    left_view, right_view = PoseView(static=True), PoseView(static=True)
    for view, side in ((left_view, "left"), (right_view, "right")):
        qtbot.addWidget(view)
        view.resize(320, 260)
        view.set_pose(poses.get(wall.id), flip=side == "right", groups=wall.regions)
        view.show()
    left, right = _grab(left_view), _grab(right_view)
    assert _differing(left, right) > 0.03
    # The same picture, facing the other way (to within a pixel's antialiasing).
    assert _differing(left.flipped(Qt.Orientation.Horizontal), right) < 0.01
    # In the player: the left step faces right (its near toe ahead of the heel), the right
    # step faces left.
    view = make_player(qtbot, clock, poses, "calves_and_shins")
    fig = view.pose.figure
    assert fig.anchors["near_toe"][0] > fig.anchors["near_ankle"][0]
    view.skip()
    fig = view.pose.figure
    assert fig.anchors["near_toe"][0] < fig.anchors["near_ankle"][0]


def test_moves_animate_and_reduced_motion_keeps_them_still(qtbot, monkeypatch, poses):
    swings = poses.get("leg_swings")
    assert swings.moves
    view = PoseView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    monkeypatch.setattr(pose_view, "reduced_motion", lambda: False)
    view.set_pose(swings, moving=True)
    assert view.animating
    view.hide()
    assert not view.animating  # hidden (or closed) wakes nothing
    view.show()
    assert view.animating
    monkeypatch.setattr(pose_view, "reduced_motion", lambda: True)
    view.set_pose(swings, moving=True)
    assert not view.animating
    assert view.figure is not None  # the held position is drawn
    still = PoseView(static=True)
    qtbot.addWidget(still)
    still.show()
    monkeypatch.setattr(pose_view, "reduced_motion", lambda: False)
    still.set_pose(swings, moving=True)
    assert not still.animating


def test_a_closed_player_leaves_no_timer_running(qtbot, clock, poses, monkeypatch):
    monkeypatch.setattr(pose_view, "reduced_motion", lambda: False)
    view = make_player(qtbot, clock, poses, "calves_and_shins")
    while view.session.current.phase is not Phase.SWITCH:  # a pose easing into position
        clock.advance(seconds=view.session.remaining(clock.now()).total_seconds())
        view.advance(clock.now())
    view.close()
    assert not view.pose.animating
    assert not view.ticker.active


def test_a_hold_settles_and_stops_its_timer(qtbot, clock, poses, monkeypatch):
    monkeypatch.setattr(pose_view, "reduced_motion", lambda: False)
    view = PoseView()
    qtbot.addWidget(view)
    view.show()
    view.set_pose(poses.get("wall_calf_straight"))  # from its start into the hold
    assert view.animating
    qtbot.waitUntil(lambda: not view.animating, timeout=5000)


def test_pose_pixmap_paints_a_thumbnail_or_says_none(qtbot, poses):
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    palette = QApplication.palette()
    picture = pose_view.pose_pixmap(poses, "wall_calf_straight", QSize(120, 90), palette)
    assert picture is not None and picture.width() == 120
    assert not picture.toImage().isNull()
    assert pose_view.pose_pixmap(poses, "no_such_exercise", QSize(120, 90), palette) is None


def test_time_left_stays_deadline_minus_now_after_keep_going(qtbot, clock, poses):
    view = make_player(qtbot, clock, poses)
    clock.advance(seconds=2)
    view.advance(clock.now())
    left = view.session.remaining(clock.now())
    view.confirm_stop = lambda done, total: (clock.advance(seconds=30), False)[1]
    view.stop()
    assert view.session.remaining(clock.now()) == left  # the question's time is not lost
    assert view.session.remaining(clock.now() + timedelta(seconds=1)) == left - timedelta(seconds=1)
