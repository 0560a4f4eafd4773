"""The guided routine player: a large moving pose, a ring countdown, the whole
instructions, what comes next, and a summary with "How do they feel now?" at the end.

All timing lives in the domain's RoutineSession; this window only forwards
time from one Ticker and repaints. The ring shows deadline minus now, so a
busy moment never stretches a hold. Screen readers hear each phase change,
not every second. Stop and Esc ask before ending. The stop-if strip is always
on screen; its "Something's wrong" button pauses the routine and asks a quick
check (parented to this window); only an answer the safety gate turns into a
lock ends the routine (the wiring decides, in app/routines.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import Clock
from companion.domain.poses import PoseCatalog, faces_left
from companion.domain.regions import RegionCatalog
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Phase, RoutineSession, Segment
from companion.domain.triage import Question
from companion.ui.cues import CuePlayer
from companion.ui.routines.player_check import QuickCheckDialog, end_question
from companion.ui.routines.player_controls import build_controls, build_stop_strip
from companion.ui.routines.player_end import EndPanel
from companion.ui.routines.player_parts import (
    PHASE_WORDS,
    SIDE_WORDS,
    WORK_WORDS,
    MiniPlayer,
    PhaseProgressBar,
    UpNextList,
    region_label,
    side_word,
    words,
    work_key,
    worked_regions,
)
from companion.ui.routines.player_words import cue_text, leg_words, minutes, spoken
from companion.ui.routines.pose_view import PoseView
from companion.ui.routines.ring import RingCountdown
from companion.ui.sections import make_label
from companion.ui.ticker import Ticker
from companion.ui.today.body_map import BodyMapView

__all__ = [
    "PHASE_WORDS",
    "SIDE_WORDS",
    "WORK_WORDS",
    "MiniPlayer",
    "RoutinePlayerView",
    "side_word",
    "worked_regions",
]
_work_key = work_key  # the name older tests know

DEFAULT_SIZE = (1040, 860)  # the first size of the player window, where the screen allows
MIN_SIZE = (800, 700)  # below this the pose is too small to follow across the room
POSE_MIN_H = 220
MAP_H = 150

COUNT_FROM = 3  # ticks at 3, 2, 1 seconds left in a phase this long or longer
COUNTED_PHASES = (Phase.LEAD_IN, Phase.WORK, Phase.SWITCH)

BeforeScores = Callable[[Sequence[tuple[str, str]]], Mapping[tuple[str, str], int]]


def _hidden_note(name: str) -> QLabel:
    """A line that shows only when there is something to say."""
    note = make_label("", "")
    note.setAccessibleName(name)
    note.hide()
    return note


class RoutinePlayerView(QWidget):
    finished = Signal(object)  # the RoutineSession, ended
    something_wrong = Signal()  # paused; the wiring asks the quick check (ask_check)
    muted_changed = Signal(bool)
    feel_given = Signal(list)  # [FeelScore] from the end screen

    # Built by player_controls.build_controls and build_stop_strip.
    back_button: QPushButton
    pause_button: QPushButton
    skip_button: QPushButton
    stop_button: QPushButton
    mini_button: QPushButton
    mute_button: QPushButton
    wrong_button: QPushButton

    def __init__(
        self,
        name: str,
        steps: Sequence[RoutineStep],
        clock: Clock,
        *,
        parent: QWidget | None = None,
        ticker: Ticker | None = None,
        regions: RegionCatalog | None = None,
        poses: PoseCatalog | None = None,
        cues: CuePlayer | None = None,
        muted: bool = False,
    ) -> None:
        super().__init__(parent)
        self.sound = cues or CuePlayer(muted=muted, parent=self)
        self._counted: tuple[int, int] | None = None
        self.setWindowTitle(QCoreApplication.translate("Player", "%s: Recovery Companion") % name)
        self.setAccessibleName(QCoreApplication.translate("Player", "Routine player"))
        self.clock = clock
        self.name = name
        self.regions = regions
        self.poses = poses
        self.session = RoutineSession(tuple(steps), clock.now())
        self.ticker = ticker or Ticker(clock, self)
        self.ticker.ticked.connect(self.advance)
        self._reported = False
        self._posed: tuple[str, str, bool] | None = None  # what the pose drawing shows
        self._safety_end = ""  # what to do, when a safety answer ended the routine
        # The morning's scores for the end screen's regions (the wiring sets it).
        self.before_scores: BeforeScores = lambda _regions: {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        self._build_header(layout, name)
        self.stack = QStackedWidget()
        self.live = self._build_live()
        self.stack.addWidget(self.live)
        self.end_panel = EndPanel()
        self.end_panel.feel_given.connect(self.feel_given.emit)
        self.end_panel.done.connect(self.close)
        self.stack.addWidget(self.end_panel)
        layout.addWidget(self.stack, 1)
        self.safety_note = _hidden_note(QCoreApplication.translate("Player", "Left out"))
        layout.addWidget(self.safety_note)  # on the live and the end screen alike
        layout.addLayout(build_controls(self))
        self.stop_strip = build_stop_strip(self)
        layout.addWidget(self.stop_strip)
        self.setMinimumSize(*MIN_SIZE)
        self.resize(self.sizeHint().expandedTo(QSize(*DEFAULT_SIZE)))

        self.mini = MiniPlayer(self)
        self.mini.expand_requested.connect(self.show_full)
        self._last_segment: Segment | None = None
        self._render(self.clock.now())
        self._announce_segment()
        self.ticker.start()

    # -- building ------------------------------------------------------------------------
    def _build_header(self, layout: QVBoxLayout, name: str) -> None:
        """The routine's name, which step of how many, and the progress bar."""
        header = QHBoxLayout()
        header.addWidget(make_label(name, "PageTitle"), 1)
        self.step_count = make_label("", "Muted", wrap=False)
        header.addWidget(self.step_count, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)
        self.progress = PhaseProgressBar()  # screen readers hear of it once a phase
        self.progress.setFixedHeight(10)
        self.progress.setAccessibleName(QCoreApplication.translate("Player", "Routine progress"))
        layout.addWidget(self.progress)

    def _build_live(self) -> QWidget:
        """The pose on the left, big; the ring, the step, its cues and what comes next."""
        live = QWidget()
        row = QHBoxLayout(live)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.pose = PoseView()
        self.pose.setMinimumSize(260, POSE_MIN_H)
        left.addWidget(self.pose, 1)
        self.up_next = UpNextList()
        left.addWidget(self.up_next)
        row.addLayout(left, 11)

        right = QVBoxLayout()
        right.setSpacing(8)
        top = QHBoxLayout()
        self.ring = RingCountdown()
        self.countdown = self.ring  # its text() is the m:ss shown, as before
        top.addWidget(self.ring, 1)
        self.figure = (
            BodyMapView(self.regions, interactive=False) if self.regions is not None else None
        )
        if self.figure is not None:
            self.figure.setFixedHeight(MAP_H)
            self.figure.setMinimumWidth(150)
            top.addWidget(self.figure, 1)
        right.addLayout(top)
        self.side_badge = make_label("", "CardTitle", wrap=False)
        self.side_badge.setObjectName("SideBadge")
        self.side_badge.setAccessibleName(QCoreApplication.translate("Player", "Which leg"))
        self.phase = make_label("", "CardTitle")  # the phase word, for the mini player too
        self.phase.hide()
        self.exercise = make_label("", "CardTitle")
        self.exercise.setStyleSheet("#CardTitle { font-size: 15pt; }")
        right.addWidget(self.exercise)
        self.detail = make_label("", "Muted")
        right.addWidget(self.detail)
        self.note = _hidden_note(QCoreApplication.translate("Player", "Note"))
        self.note.setObjectName("Banner")
        self.note.setContentsMargins(10, 8, 10, 8)
        right.addWidget(self.note)
        self.cues = make_label("", "")
        self.cues.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cues.setAccessibleName(QCoreApplication.translate("Player", "How to do it"))
        right.addWidget(self.cues)
        right.addStretch(1)
        row.addLayout(right, 9)
        return live

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """A top-level layout does not ask wrapped text how tall it is at this width;
        the instructions and the stop rules must never be cut, so they ask for it."""
        strip = self.stop_strip.layout()
        if strip is not None:
            needed = strip.totalHeightForWidth(self.stop_strip.width())
            if needed > 0 and needed != self.stop_strip.minimumHeight():
                self.stop_strip.setMinimumHeight(needed)
        for label in (self.cues, self.exercise, self.note):
            if label.width() > 0:
                needed = label.heightForWidth(label.width())
                if needed > 0 and needed != label.minimumHeight():
                    label.setMinimumHeight(needed)

    def show_mini(self) -> None:
        """Swap this window for the small always-on-top one."""
        self.mini.move(self.geometry().topRight())
        self.mini.show()
        self.hide()
        self._render(self.clock.now())

    def show_full(self) -> None:
        self.mini.hide()
        self.show()
        self.raise_()
        self.activateWindow()

    def set_step_gate(self, gate: Callable[[RoutineStep], str]) -> None:
        """Ask ``gate`` (the safety gate: a lock answered meanwhile) before each step
        begins; it returns why the step may not run, or "". A step held back is left
        out, and the player says why."""

        def may_start(step: RoutineStep) -> bool:
            refusal = gate(step)
            if refusal:
                self.safety_note.setText(refusal)
                self.safety_note.show()
            return not refusal

        self.session.may_start = may_start

    # -- time -------------------------------------------------------------------------------
    def advance(self, now: datetime) -> None:
        events = self.session.tick(now)
        self._render(now)
        if events:
            self._announce_segment()
        if self.session.done:
            self._finish()
        else:
            self._count_down(now)
            self._wake_for_next_change(now)

    def _count_down(self, now: datetime) -> None:
        """A tick at 3, 2 and 1 seconds left (once each), so eyes can stay closed."""
        segment = self.session.current
        if segment is None or self.session.paused or segment.phase not in COUNTED_PHASES:
            return
        if segment.seconds <= COUNT_FROM:
            return
        digit = math.ceil(self.session.remaining(now).total_seconds() - 1e-9)
        if 1 <= digit <= COUNT_FROM and self._counted != (self.session.index, digit):
            self._counted = (self.session.index, digit)
            self.sound.count(digit)

    def set_muted(self, muted: bool) -> None:
        self.sound.set_muted(muted)
        self._show_muted(muted)
        self.muted_changed.emit(muted)

    def _show_muted(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)
        self.mute_button.setText(
            QCoreApplication.translate("Player", "Sound off")
            if muted
            else QCoreApplication.translate("Player", "Mute")
        )
        self.mute_button.setAccessibleName(
            QCoreApplication.translate("Player", "Sound off, press to turn on")
            if muted
            else QCoreApplication.translate("Player", "Mute sounds")
        )

    def _wake_for_next_change(self, now: datetime) -> None:
        """Ask the ticker for the moment the countdown's whole second next changes."""
        if self.session.paused:
            return  # nothing moves until Resume
        left = self.session.remaining(now).total_seconds()
        self.ticker.wake_in(left - (math.ceil(left - 1e-9) - 1))

    # -- the user's controls ---------------------------------------------------------------
    def toggle_pause(self) -> None:
        if self.session.done:
            return
        now = self.clock.now()
        if self.session.paused:
            self.session.resume(now)
            self._show_note("")
            self._say(QCoreApplication.translate("Player", "Resumed"))
            self._wake_for_next_change(now)
        else:
            self.session.pause(now)
            self._say(QCoreApplication.translate("Player", "Paused"))
        self._render(now)

    def skip(self) -> None:
        self.session.skip(self.clock.now())
        self._after_jump()

    def back(self) -> None:
        self.session.back(self.clock.now())
        self._after_jump()

    def stop(self) -> None:
        """Stop or Esc: asks first (Keep going is the default); after the end, closes."""
        if self.session.done:
            self.close()
            return
        now = self.clock.now()
        was_paused = self.session.paused
        self.session.pause(now)
        self._render(now)
        if self.confirm_stop(self.session.steps_done(), len(self.session.steps)):
            self.end_routine()
            return
        if not was_paused:
            now = self.clock.now()
            self.session.resume(now)
            self._wake_for_next_change(now)
        self._render(self.clock.now())

    def confirm_stop(self, done: int, total: int) -> bool:
        """The question's seam: True to end the routine now."""
        box = end_question(self, done, total)
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and box.buttonRole(clicked) is QMessageBox.ButtonRole.AcceptRole

    def end_routine(self) -> None:
        """End now, without asking (the user said so, or the window closes)."""
        self.session.stop(self.clock.now())
        self._after_jump()

    def report_problem(self) -> None:
        """Something's wrong: pause at once and let the wiring ask the quick check."""
        if self.session.done:
            return
        if self.mini.isVisible():
            self.show_full()  # the questions open over the full player
        now = self.clock.now()
        self.session.pause(now)
        self._show_note(
            QCoreApplication.translate(
                "Player", "Paused. Stop what you are doing and answer the quick check."
            )
        )
        self._render(now)
        self.something_wrong.emit()

    def ask_check(self, questions: Sequence[Question]) -> Mapping[str, bool] | None:
        """The quick check's seam: the answers, or None when cancelled."""
        dialog = QuickCheckDialog(questions, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.answers() if accepted else None

    def check_cancelled(self) -> None:
        """The quick check was closed unanswered: stay paused, the user decides."""
        if not self.session.done:
            self._show_note(
                QCoreApplication.translate(
                    "Player",
                    "Paused. Press Resume when you feel ready, or Stop to end the routine.",
                )
            )

    def check_clear(self, message: str = "") -> None:
        """The answers bring no lock: stay paused until the user resumes."""
        if not self.session.done:
            self._show_note(
                message
                or QCoreApplication.translate(
                    "Player",
                    "Nothing you ticked means stopping the routine. Rest as long as you "
                    "need; press Resume to carry on gently, or Stop.",
                )
            )

    def end_for_safety(self, message: str) -> None:
        """A safety answer ends the routine: stop, and show what to do instead."""
        self._safety_end = message
        if not self.session.done:
            self.session.stop(self.clock.now())
        self._after_jump()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self._fit_wrapped()

    # -- showing it -----------------------------------------------------------------------
    def _after_jump(self) -> None:
        now = self.clock.now()
        self._render(now)
        self._announce_segment()
        if self.session.done:
            self._finish()
        else:
            self._wake_for_next_change(now)

    def _show_pose(self, step: RoutineStep, segment: Segment) -> None:
        """The step's pose, mirrored for its side; redrawn when the step or mode changes."""
        exercise = step.exercise
        pose = self.poses.get(exercise.id) if self.poses is not None else None
        if segment.phase is Phase.REST and self._posed is not None:
            return  # between reps: keep what is shown
        moving = segment.phase is Phase.WORK and pose is not None and bool(pose.moves)
        key = (exercise.id, step.side, moving)
        if self._posed == key:
            return
        self._posed = key
        self.pose.set_pose(
            pose,
            description=QCoreApplication.translate("Player", "How to stand or lie for %s")
            % exercise.name,
            flip=faces_left(step.side),
            groups=exercise.regions,
            moving=moving,
        )
        self.pose.setVisible(pose is not None)

    def _render(self, now: datetime) -> None:
        session = self.session
        segment = session.current
        self.progress.show_progress(round(session.progress(now) * 1000), segment)
        if segment is None:
            self._render_end(now)
            return
        step = session.steps[segment.step]
        word = words(PHASE_WORDS, segment.phase)
        if segment.phase is Phase.WORK:
            word = words(WORK_WORDS, work_key(step.exercise))
        if segment.phase is Phase.SWITCH:
            word = QCoreApplication.translate("Player", "Switch legs")
        if session.paused:
            word = QCoreApplication.translate("Player", "Paused")
            self.pause_button.setText(QCoreApplication.translate("Player", "Resume"))
        else:
            self.pause_button.setText(QCoreApplication.translate("Player", "Pause"))
        self.phase.setText(word)
        left = session.remaining(now).total_seconds()
        self.ring.set_time(left, segment.seconds, caption=word, paused=session.paused)
        self.step_count.setText(
            QCoreApplication.translate("Player", "Step %1 of %2")
            .replace("%1", str(segment.step + 1))
            .replace("%2", str(len(session.steps)))
        )
        self.side_badge.setText(leg_words(step.side))
        self.pose.set_caption(leg_words(step.side))
        reps = step.reps if not step.exercise.timed_reps else 1
        self.exercise.setText(step.exercise.name)
        detail = leg_words(step.side)
        if segment.rep and reps > 1:
            detail += " · " + QCoreApplication.translate("Player", "%d of %d") % (segment.rep, reps)
        self.detail.setText(detail)
        if self.figure is not None:
            self.figure.set_highlight(worked_regions(step))
        self._show_pose(step, segment)
        self.cues.setText(cue_text(segment, step))
        self.up_next.show_steps(session.steps, session.segments, session.upcoming(5))
        self._mirror()

    def _render_end(self, now: datetime) -> None:
        summary = self.session.summary(now)
        self.phase.setText(words(PHASE_WORDS, Phase.DONE))
        self.ring.set_time(0, 0, caption=words(PHASE_WORDS, Phase.DONE))
        self.step_count.setText("")
        if self._safety_end:
            title = QCoreApplication.translate("Player", "The routine has stopped")
        elif summary.stopped:
            title = (
                QCoreApplication.translate("Player", "Stopped after %1 of %2 steps")
                .replace("%1", str(summary.done))
                .replace("%2", str(summary.total))
            )
        else:
            title = QCoreApplication.translate("Player", "Routine finished. Well done.")
        self.exercise.setText(title)
        names = [region_label(self.regions, rid, side) for rid, side in summary.regions]
        detail = (
            QCoreApplication.translate("Player", "Time: %s") % minutes(summary.elapsed)
            if summary.stopped and not self._safety_end
            else QCoreApplication.translate("Player", "%1 of %2 steps · %3")
            .replace("%1", str(summary.done))
            .replace("%2", str(summary.total))
            .replace("%3", minutes(summary.elapsed))
        )
        if names:
            detail += "\n" + QCoreApplication.translate("Player", "Worked: %s") % "; ".join(names)
        targets = [
            (rid, side, region_label(self.regions, rid, side)) for rid, side in summary.regions
        ]
        if self.stack.currentWidget() is not self.end_panel:
            before = {} if self._safety_end else dict(self.before_scores(list(summary.regions)))
            self.end_panel.show_end(title, detail, targets, before, safety=self._safety_end)
            self.stack.setCurrentWidget(self.end_panel)
        self.cues.setText("")
        self._mirror()

    def _mirror(self) -> None:
        """Keep the mini player showing what this window shows."""
        if not self.mini.isVisible():
            return
        segment = self.session.current
        exercise = ""
        if segment is not None:
            step = self.session.steps[segment.step]
            side = "" if step.side == "both" else f", {side_word(step.side)}"
            exercise = f"{step.exercise.name}{side}"
        self.mini.show_state(
            self.phase.text(),
            exercise,
            self.ring.text(),
            self.progress.value(),
            self.session.paused,
        )

    def _announce_segment(self) -> None:
        segment = self.session.current
        if segment is self._last_segment:
            return
        self._last_segment = segment
        if segment is None:
            ended = QCoreApplication.translate("Player", "Routine finished")
            if self.session.stopped:
                ended = QCoreApplication.translate("Player", "Routine stopped")
            self._say(ended)
            if not self.session.stopped:
                self.sound.phase(
                    QCoreApplication.translate("Player", "Routine finished. Well done.")
                )
            return
        step = self.session.steps[segment.step]
        phase = words(PHASE_WORDS, segment.phase)
        self._say(f"{phase}: {step.exercise.name}, {side_word(step.side)}")
        self.sound.phase(spoken(segment, step))

    def _say(self, message: str) -> None:
        """Tell screen readers about a phase change (never every second)."""
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, message))

    def _finish(self) -> None:
        self.ticker.stop()
        for button in (self.back_button, self.pause_button, self.skip_button, self.mini_button):
            button.setEnabled(False)
            button.hide()  # the end screen has its own Done
        self.wrong_button.setEnabled(False)
        if self.mini.isVisible():
            self.show_full()
        self.stop_button.setText(QCoreApplication.translate("Player", "Close"))
        self.stop_button.setToolTip(QCoreApplication.translate("Player", "Close the player"))
        self.end_panel.done_button.setFocus()
        if not self._reported:
            self._reported = True
            # Queued so the receiver sees a finished, fully drawn player.
            QTimer.singleShot(0, lambda: self.finished.emit(self.session))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.done:
            self.end_routine()
        self.ticker.stop()
        self.mini.close()
        super().closeEvent(event)
