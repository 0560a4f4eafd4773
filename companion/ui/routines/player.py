"""The guided routine player: a large countdown, the step, its cues and what comes next.

All timing lives in the domain's RoutineSession; this window only forwards
time from one Ticker and repaints. The countdown shows deadline minus now, so
a busy moment never stretches a hold. Screen readers hear each phase change,
not every second. The stop-if strip is always on screen, with a
"Something's wrong" button that ends the routine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import Clock
from companion.domain.exercises import Equipment, Exercise, Kind, worked_region_ids
from companion.domain.planner import STOP_RULES
from companion.domain.poses import PoseCatalog
from companion.domain.regions import RegionCatalog
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Phase, RoutineSession, Segment
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.ui.cues import CuePlayer
from companion.ui.routines.pose_view import PoseView
from companion.ui.sections import make_label
from companion.ui.ticker import Ticker, format_left
from companion.ui.today.body_map import BodyMapView

_Key = TypeVar("_Key")

DEFAULT_SIZE = (720, 780)  # the first size of the player window, where the screen allows
PICTURE_MIN_H, PICTURE_MAX_H = 110, 190  # the pose and body map shrink on short screens

# The words below are translated where they are shown, in the "Player" context.
WORK_WORDS = {  # what the work phase is called, by exercise kind
    "stretch": QT_TRANSLATE_NOOP("Player", "Hold"),
    "yoga": QT_TRANSLATE_NOOP("Player", "Hold"),
    "isometric": QT_TRANSLATE_NOOP("Player", "Hold"),
    "roll": QT_TRANSLATE_NOOP("Player", "Roll"),
    "massage": QT_TRANSLATE_NOOP("Player", "Massage"),  # a roll done with the hands
    "mobility": QT_TRANSLATE_NOOP("Player", "Move"),
    "active": QT_TRANSLATE_NOOP("Player", "Go"),
}
PHASE_WORDS = {
    Phase.LEAD_IN: QT_TRANSLATE_NOOP("Player", "Get ready"),
    Phase.WORK: QT_TRANSLATE_NOOP("Player", "Go"),
    Phase.REST: QT_TRANSLATE_NOOP("Player", "Rest"),
    Phase.SWITCH: QT_TRANSLATE_NOOP("Player", "Switch sides"),
    Phase.DONE: QT_TRANSLATE_NOOP("Player", "Done"),
}
SIDE_WORDS = {  # a step's side, as in "Seated calf roll, left"
    "left": QT_TRANSLATE_NOOP("Player", "left"),
    "right": QT_TRANSLATE_NOOP("Player", "right"),
    "both": QT_TRANSLATE_NOOP("Player", "both"),
}


def _words(table: Mapping[_Key, str], key: _Key) -> str:
    """A word from one of the tables above, translated."""
    return QCoreApplication.translate("Player", table[key])


def _work_key(exercise: Exercise) -> str:
    """The kind of work, with a roll that needs no tool called a massage."""
    if exercise.kind is Kind.ROLL and set(exercise.equipment) <= {Equipment.NONE}:
        return "massage"
    return exercise.kind.value


def side_word(side: str) -> str:
    return QCoreApplication.translate("Player", SIDE_WORDS[side]) if side in SIDE_WORDS else side


def worked_regions(step: RoutineStep) -> frozenset[str]:
    """Every region the step's exercise works, on the step's side(s)."""
    return worked_region_ids(step.exercise.regions, step.side)


class MiniPlayer(QWidget):
    """A small always-on-top window: the step, its countdown, pause and skip.

    It has no timer or state of its own; the full player keeps it up to date.
    """

    expand_requested = Signal()

    def __init__(self, player: RoutinePlayerView) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(QCoreApplication.translate("Player", "Routine"))
        self.setAccessibleName(QCoreApplication.translate("Player", "Mini routine player"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        self.exercise = make_label("", "")
        self.countdown = QLabel("0:00")
        self.countdown.setObjectName("MiniCountdown")
        self.countdown.setStyleSheet("#MiniCountdown { font-size: 26pt; font-weight: 600; }")
        self.countdown.setAccessibleName(
            QCoreApplication.translate("Player", "Time left in this step")
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        row = QHBoxLayout()
        row.addWidget(self.countdown, 1)
        self.pause_button = QPushButton(QCoreApplication.translate("Player", "Pause"))
        self.skip_button = QPushButton(QCoreApplication.translate("Player", "Skip"))
        self.expand_button = QPushButton(QCoreApplication.translate("Player", "Full player"))
        self.pause_button.clicked.connect(player.toggle_pause)
        self.skip_button.clicked.connect(player.skip)
        self.expand_button.clicked.connect(self.expand_requested.emit)
        for button in (self.pause_button, self.skip_button, self.expand_button):
            row.addWidget(button)
        layout.addWidget(self.exercise)
        layout.addLayout(row)
        layout.addWidget(self.progress)

    def show_state(self, phase: str, exercise: str, left: str, progress: int, paused: bool) -> None:
        self.exercise.setText(f"{phase}: {exercise}" if exercise else phase)
        self.countdown.setText(left)
        self.progress.setValue(progress)
        self.pause_button.setText(
            QCoreApplication.translate("Player", "Resume")
            if paused
            else QCoreApplication.translate("Player", "Pause")
        )


COUNT_FROM = 3  # ticks at 3, 2, 1 seconds left in a phase this long or longer
COUNTED_PHASES = (Phase.LEAD_IN, Phase.WORK, Phase.SWITCH)


def _hidden_note(name: str) -> QLabel:
    """A line that shows only when there is something to say (why a step was left out)."""
    note = make_label("", "")
    note.setAccessibleName(name)
    note.hide()
    return note


class RoutinePlayerView(QWidget):
    finished = Signal(object)  # the RoutineSession, ended
    something_wrong = Signal()
    muted_changed = Signal(bool)

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
        # No fixed minimum: the layout's own (about 530 x 620) keeps every part readable.
        self.clock = clock
        self.name = name
        self.session = RoutineSession(tuple(steps), clock.now())
        self.ticker = ticker or Ticker(clock, self)
        self.ticker.ticked.connect(self.advance)
        self._reported = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(make_label(name, "PageTitle"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(QCoreApplication.translate("Player", "Routine progress"))
        layout.addWidget(self.progress)
        self.phase = make_label("", "CardTitle")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.phase)
        self.countdown = QLabel("0:00")
        self.countdown.setObjectName("Countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown.setAccessibleName(
            QCoreApplication.translate("Player", "Time left in this step")
        )
        self.countdown.setStyleSheet("#Countdown { font-size: 56pt; font-weight: 600; }")
        layout.addWidget(self.countdown)
        self.exercise = make_label("", "CardTitle")
        self.exercise.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.exercise)
        self.poses = poses
        self._posed = ""  # the exercise the pose drawing shows
        layout.addWidget(self._build_middle(regions), 1)
        self.next_up = make_label("", "Muted")
        layout.addWidget(self.next_up)
        self.safety_note = _hidden_note(QCoreApplication.translate("Player", "Left out"))
        layout.addWidget(self.safety_note)

        layout.addLayout(self._build_controls())
        self.stop_strip = self._build_stop_strip()
        layout.addWidget(self.stop_strip)
        self.resize(self.sizeHint().expandedTo(QSize(*DEFAULT_SIZE)))

        self.mini = MiniPlayer(self)
        self.mini.expand_requested.connect(self.show_full)
        self._last_segment: Segment | None = None
        self._render(self.clock.now())
        self._announce_segment()
        self.ticker.start()

    def _build_middle(self, regions: RegionCatalog | None) -> QScrollArea:
        """The pictures and the numbered instructions. They scroll when the window is
        short, so nothing overlaps and the controls and stop rules always stay in view."""
        middle = QWidget()
        middle.setObjectName("PlayerMiddle")
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(10)
        middle_layout.addLayout(self._build_pictures(regions))
        self.cues = make_label("", "")
        self.cues.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        middle_layout.addWidget(self.cues)
        middle_layout.addStretch(1)
        self.middle = QScrollArea()
        self.middle.setWidget(middle)
        self.middle.setWidgetResizable(True)
        self.middle.setFrameShape(QFrame.Shape.NoFrame)
        self.middle.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.middle.setMinimumHeight(PICTURE_MIN_H)
        self.middle.setAccessibleName(QCoreApplication.translate("Player", "How to do it"))
        return self.middle

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A top-level layout does not ask wrapped text how tall it is at this width;
        # the stop rules must never be cut, so their card asks for it.
        strip = self.stop_strip.layout()
        if strip is not None:
            needed = strip.totalHeightForWidth(self.stop_strip.width())
            if needed > 0 and needed != self.stop_strip.minimumHeight():
                self.stop_strip.setMinimumHeight(needed)

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

    def _build_pictures(self, regions: RegionCatalog | None) -> QHBoxLayout:
        """The pose drawing (where the exercise has one) beside the body map."""
        pictures = QHBoxLayout()
        self.pose = PoseView()
        self.pose.setMinimumHeight(PICTURE_MIN_H)
        self.pose.setMaximumHeight(PICTURE_MAX_H)
        self.pose.hide()
        pictures.addWidget(self.pose, 3)
        self.figure = BodyMapView(regions, interactive=False) if regions is not None else None
        if self.figure is not None:
            self.figure.setMinimumHeight(PICTURE_MIN_H)
            self.figure.setMaximumHeight(PICTURE_MAX_H)
            pictures.addWidget(self.figure, 2)
        return pictures

    def _build_controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        self.back_button = QPushButton(QCoreApplication.translate("Player", "Back"))
        self.pause_button = QPushButton(QCoreApplication.translate("Player", "Pause"))
        self.skip_button = QPushButton(QCoreApplication.translate("Player", "Skip"))
        self.stop_button = QPushButton(QCoreApplication.translate("Player", "Stop"))
        self.mini_button = QPushButton(QCoreApplication.translate("Player", "Mini player"))
        self.mute_button = QPushButton(QCoreApplication.translate("Player", "Mute"))
        self.mute_button.setCheckable(True)
        self._show_muted(self.sound.muted)
        self.mute_button.setToolTip(
            QCoreApplication.translate("Player", "Turn sounds and spoken cues off or on (M)")
        )
        self.mute_button.toggled.connect(self.set_muted)
        for button, slot, tip in (
            (
                self.back_button,
                self.back,
                QCoreApplication.translate("Player", "Back (Left arrow)"),
            ),
            (
                self.pause_button,
                self.toggle_pause,
                QCoreApplication.translate("Player", "Pause or resume (Space)"),
            ),
            (
                self.skip_button,
                self.skip,
                QCoreApplication.translate("Player", "Skip this step (Right arrow)"),
            ),
            (
                self.stop_button,
                self.stop,
                QCoreApplication.translate("Player", "Stop the routine (Esc)"),
            ),
            (
                self.mini_button,
                self.show_mini,
                QCoreApplication.translate("Player", "A small window that stays on top"),
            ),
        ):
            button.clicked.connect(slot)
            button.setToolTip(tip)
            controls.addWidget(button)
        controls.addWidget(self.mute_button)
        for keys, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_Escape, self.stop),
            (Qt.Key.Key_M, self.mute_button.toggle),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        return controls

    def _build_stop_strip(self) -> QFrame:
        """PROTOCOLS 1.3, always on screen, with a way out that opens the safety questions."""
        strip = QFrame()
        strip.setObjectName("StopCard")
        strip_layout = QVBoxLayout(strip)
        strip_layout.setContentsMargins(16, 10, 16, 12)
        strip_layout.addWidget(
            make_label(QCoreApplication.translate("Player", "Stop at once if"), "CardTitle")
        )
        strip_layout.addWidget(
            make_label(" • ".join(rule.rstrip(".") for rule in STOP_RULES[:2]) + ".", "")
        )
        self.wrong_button = QPushButton(QCoreApplication.translate("Player", "Something's wrong"))
        self.wrong_button.setAccessibleDescription(
            QCoreApplication.translate("Player", "Ends the routine and opens the safety questions.")
        )
        self.wrong_button.clicked.connect(self.report_problem)
        strip_layout.addWidget(self.wrong_button, 0, Qt.AlignmentFlag.AlignLeft)

        return strip

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
        now = self.clock.now()
        if self.session.paused:
            self.session.resume(now)
            self.pause_button.setText(QCoreApplication.translate("Player", "Pause"))
            self._say(QCoreApplication.translate("Player", "Resumed"))
            self._wake_for_next_change(now)
        else:
            self.session.pause(now)
            self.pause_button.setText(QCoreApplication.translate("Player", "Resume"))
            self._say(QCoreApplication.translate("Player", "Paused"))
        self._render(now)

    def skip(self) -> None:
        self.session.skip(self.clock.now())
        self._after_jump()

    def back(self) -> None:
        self.session.back(self.clock.now())
        self._after_jump()

    def stop(self) -> None:
        self.session.stop(self.clock.now())
        self._after_jump()

    def report_problem(self) -> None:
        self.session.stop(self.clock.now())
        self._after_jump()
        self.something_wrong.emit()

    # -- showing it -----------------------------------------------------------------------
    def _after_jump(self) -> None:
        now = self.clock.now()
        self._render(now)
        self._announce_segment()
        if self.session.done:
            self._finish()
        else:
            self._wake_for_next_change(now)

    def _show_pose(self, step: RoutineStep) -> None:
        """The step's pose drawing, redrawn only when the exercise changes."""
        exercise = step.exercise
        if self._posed == exercise.id:
            return
        self._posed = exercise.id
        pose = self.poses.get(exercise.id) if self.poses is not None else None
        self.pose.set_pose(
            pose,
            description=QCoreApplication.translate("Player", "How to stand or lie for %s")
            % exercise.name,
        )
        self.pose.setVisible(pose is not None)

    def _render(self, now: datetime) -> None:
        self.progress.setValue(round(self.session.progress(now) * 1000))
        segment = self.session.current
        if segment is None:
            self.phase.setText(_words(PHASE_WORDS, Phase.DONE))
            self.countdown.setText("0:00")
            self.exercise.setText(
                QCoreApplication.translate("Player", "Routine finished. Well done.")
            )
            self.cues.setText("")
            self.next_up.setText("")
            self._mirror()
            return
        step = self.session.steps[segment.step]
        word = _words(PHASE_WORDS, segment.phase)
        if segment.phase is Phase.WORK:
            word = _words(WORK_WORDS, _work_key(step.exercise))
        if self.session.paused:
            word = QCoreApplication.translate("Player", "Paused (%s)") % word.lower()
        self.phase.setText(word)
        self.countdown.setText(format_left(self.session.remaining(now).total_seconds()))
        side = "" if step.side == "both" else f", {side_word(step.side)}"
        reps = step.reps if not step.exercise.timed_reps else 1
        rep = ""
        if segment.rep and reps > 1:
            rep = " · " + QCoreApplication.translate("Player", "%d of %d") % (segment.rep, reps)
        self.exercise.setText(f"{step.exercise.name}{side}{rep}")
        if self.figure is not None:
            self.figure.set_highlight(worked_regions(step))
        self._show_pose(step)
        if segment.phase in (Phase.LEAD_IN, Phase.WORK):
            self.cues.setText(
                "\n".join(f"{i}. {cue}" for i, cue in enumerate(step.exercise.cues, 1))
            )
        else:
            self.cues.setText(QCoreApplication.translate("Player", "Breathe and relax."))
        following = (
            self.session.steps[segment.step + 1]
            if segment.step + 1 < len(self.session.steps)
            else None
        )
        self.next_up.setText(
            QCoreApplication.translate("Player", "Next: %s (%s)")
            % (following.exercise.name, side_word(following.side))
            if following
            else QCoreApplication.translate("Player", "Last step")
        )
        self._mirror()

    def _mirror(self) -> None:
        """Keep the mini player showing what this window shows."""
        if not self.mini.isVisible():
            return
        self.mini.show_state(
            self.phase.text(),
            "" if self.session.done else self.exercise.text(),
            self.countdown.text(),
            self.progress.value(),
            self.session.paused,
        )

    def _announce_segment(self) -> None:
        segment = self.session.current
        if segment is self._last_segment:
            return
        self._last_segment = segment
        if segment is None:
            self._say(QCoreApplication.translate("Player", "Routine finished"))
            self.sound.phase(QCoreApplication.translate("Player", "Routine finished. Well done."))
            return
        step = self.session.steps[segment.step]
        phase = _words(PHASE_WORDS, segment.phase)
        self._say(f"{phase}: {step.exercise.name}, {side_word(step.side)}")
        self.sound.phase(self._spoken(segment, step))

    def _spoken(self, segment: Segment, step: RoutineStep) -> str:
        """The line the speech engine says at a phase change: short, and useful eyes-closed."""
        side = side_word(step.side)
        if segment.phase is Phase.LEAD_IN and step.side == "both":
            return QCoreApplication.translate("Player", "Get ready: %s.") % step.exercise.name
        if segment.phase is Phase.LEAD_IN:
            return QCoreApplication.translate("Player", "Get ready: %s on the %s.") % (
                step.exercise.name,
                side,
            )
        if segment.phase is Phase.SWITCH:
            return QCoreApplication.translate("Player", "Switch to the %s side.") % side
        if segment.phase is Phase.REST:
            return QCoreApplication.translate("Player", "Rest.")
        word = _words(WORK_WORDS, _work_key(step.exercise))
        return (
            QCoreApplication.translate("Player", "%s for %n second(s).", None, segment.seconds)
            % word
        )

    def _say(self, message: str) -> None:
        """Tell screen readers about a phase change (never every second)."""
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, message))

    def _finish(self) -> None:
        self.ticker.stop()
        for button in (self.back_button, self.pause_button, self.skip_button, self.mini_button):
            button.setEnabled(False)
        if self.mini.isVisible():
            self.show_full()
        self.stop_button.setText(QCoreApplication.translate("Player", "Close"))
        self.stop_button.clicked.disconnect()
        self.stop_button.clicked.connect(self.close)
        if not self._reported:
            self._reported = True
            # Queued so the receiver sees a finished, fully drawn player.
            QTimer.singleShot(0, lambda: self.finished.emit(self.session))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.done:
            self.stop()
        self.ticker.stop()
        self.mini.close()
        super().closeEvent(event)
