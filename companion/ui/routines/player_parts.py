"""The routine player's smaller parts: its words, the mini player and the list of
coming steps. The full window is companion/ui/routines/player.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyleOptionProgressBar,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from companion.domain.equipment import Equipment
from companion.domain.exercises import Exercise, Kind, worked_region_ids
from companion.domain.regions import RegionCatalog
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Phase, Segment
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.ui.sections import make_label
from companion.ui.ticker import format_left

if TYPE_CHECKING:
    from companion.ui.routines.player import RoutinePlayerView

_Key = TypeVar("_Key")

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
    Phase.SWITCH: QT_TRANSLATE_NOOP("Player", "Switch legs"),
    Phase.DONE: QT_TRANSLATE_NOOP("Player", "Done"),
}
SIDE_WORDS = {  # a step's side, as in "Seated calf roll, left"
    "left": QT_TRANSLATE_NOOP("Player", "left"),
    "right": QT_TRANSLATE_NOOP("Player", "right"),
    "both": QT_TRANSLATE_NOOP("Player", "both"),
}


def words(table: Mapping[_Key, str], key: _Key) -> str:
    """A word from one of the tables above, translated."""
    return QCoreApplication.translate("Player", table[key])


def work_key(exercise: Exercise) -> str:
    """The kind of work, with a roll that needs no tool called a massage."""
    if exercise.kind is Kind.ROLL and set(exercise.equipment) <= {Equipment.NONE}:
        return "massage"
    return exercise.kind.value


def side_word(side: str) -> str:
    return QCoreApplication.translate("Player", SIDE_WORDS[side]) if side in SIDE_WORDS else side


def worked_regions(step: RoutineStep) -> frozenset[str]:
    """Every region the step's exercise works, on the step's side(s)."""
    return worked_region_ids(step.exercise.regions, step.side)


class PhaseProgressBar(QProgressBar):
    """The routine's progress, drawn as it moves, told to screen readers once a phase.

    A QProgressBar tells the accessibility layer of each new value; moved at every
    tick, a screen reader would tick with it. This bar's Qt value, the one AT-SPI
    reads and hears of, is the progress when the current phase began (set once per
    phase); the bar paints the share done now. ``value()`` here is that share.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 1000)
        self.setTextVisible(False)
        self._shown = 0
        self._phase: object = object()  # none yet

    def show_progress(self, shown: int, phase: object) -> None:
        """``shown`` of 1000 on screen; ``phase`` names the phase, told when it changes."""
        if phase != self._phase:
            self._phase = phase
            self.setValue(shown)
        if shown != self._shown:
            self._shown = shown
            self.update()

    def value(self) -> int:
        return self._shown

    def told(self) -> int:
        """The value screen readers have (Qt's own)."""
        return super().value()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionProgressBar()
        self.initStyleOption(option)
        option.progress = self._shown
        painter.drawControl(QStyle.ControlElement.CE_ProgressBar, option)


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
        self.progress = PhaseProgressBar()
        self.progress.setFixedHeight(6)
        self.progress.setAccessibleName(QCoreApplication.translate("Player", "Routine progress"))
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
        self.countdown.setText(left)  # a named label: no accessible event for its text
        self.progress.show_progress(progress, self.exercise.text())
        self.pause_button.setText(
            QCoreApplication.translate("Player", "Resume")
            if paused
            else QCoreApplication.translate("Player", "Pause")
        )


def step_seconds(segments: Sequence[Segment], step: int) -> int:
    """How long a step takes in all: its lead-in or switch, work and rests."""
    return sum(s.seconds for s in segments if s.step == step)


def region_label(regions: RegionCatalog | None, region_id: str, side: str) -> str:
    """ "Left calf muscles" / "Calves, both legs": a region and side in plain words."""
    name = region_id
    if regions is not None:
        found = [r for r in regions if region_id in (r.id, r.group)]
        if found:
            name = found[0].name
    if side == "left":
        return QCoreApplication.translate("Player", "%s, left") % name
    if side == "right":
        return QCoreApplication.translate("Player", "%s, right") % name
    return QCoreApplication.translate("Player", "%s, both legs") % name


class UpNextList(QFrame):
    """The current step and the few after it, each with its side and time."""

    SHOWN = 4  # the current step and the three after it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UpNext")
        self.setAccessibleName(QCoreApplication.translate("Player", "Coming steps"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        title = make_label(QCoreApplication.translate("Player", "Coming up"), "CardTitle")
        layout.addWidget(title)
        self.rows: list[QLabel] = []
        for _ in range(self.SHOWN):
            row = QLabel()
            row.setTextFormat(Qt.TextFormat.PlainText)
            row.setWordWrap(True)
            row.setMinimumWidth(0)
            self.rows.append(row)
            layout.addWidget(row)
        layout.addStretch(1)

    def show_steps(
        self, steps: Sequence[RoutineStep], segments: Sequence[Segment], shown: Sequence[int]
    ) -> None:
        """``shown`` are step indices, the current one first."""
        for i, row in enumerate(self.rows):
            if i >= len(shown):
                row.setText("")
                row.setAccessibleName("")
                continue
            index = shown[i]
            step = steps[index]
            side = "" if step.side == "both" else f" · {side_word(step.side)}"
            text = f"{step.exercise.name}{side} · {format_left(step_seconds(segments, index))}"
            mark = "▶  " if i == 0 else "     "
            row.setText(mark + text)
            row.setStyleSheet("font-weight: 600;" if i == 0 else "")
            row.setAccessibleName(
                (QCoreApplication.translate("Player", "Now: %s") if i == 0 else "%s") % text
            )
