"""A routine's every step: its pose pictures, name, sides, dose and time, the
instructions in full and any cautions, with the routine's equipment, length and Start.

Esc or Close closes it; Start reports the intent (the page passes it on to the
start path, which asks the safety gate) and closes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.exercises import Kind
from companion.domain.poses import PoseCatalog
from companion.domain.routine_builder import RoutineStep
from companion.domain.routines import Routine
from companion.services.routines import step_seconds
from companion.ui.routines.cards import (
    equipment_line,
    make_badge,
    minutes_of,
    regions_line,
    side_word,
)
from companion.ui.routines.pose_thumbs import PoseThumb
from companion.ui.sections import make_label

DETAIL_THUMB = QSize(112, 96)


def duration(seconds: int, *, rounded: bool = False) -> str:
    """ "45 s", "2 min", "2 min 10 s" (to the nearest 5 s when ``rounded``)."""
    if rounded and seconds >= 60:
        seconds = 5 * round(seconds / 5)
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return QCoreApplication.translate("Routines", "%1 s").replace("%1", str(rest))
    if not rest:
        return QCoreApplication.translate("Routines", "%1 min").replace("%1", str(minutes))
    return (
        QCoreApplication.translate("Routines", "%1 min %2 s")
        .replace("%1", str(minutes))
        .replace("%2", str(rest))
    )


def dose_text(step: RoutineStep) -> str:
    """The hold or reps, as the player will run them."""
    if step.exercise.timed_reps:
        return QCoreApplication.translate(
            "Routines", "%n slow movement(s) in about %1 s", None, step.reps
        ).replace("%1", str(step.seconds))
    if step.reps > 1:
        hold = (
            QCoreApplication.translate("Routines", "%1 × %2 s hold")
            if step.exercise.holds
            else QCoreApplication.translate("Routines", "%1 × %2 s")
        )
        return hold.replace("%1", str(step.reps)).replace("%2", str(step.seconds))
    return duration(step.seconds)


class StepRow(QFrame):
    """One exercise of the routine: a picture for each side it is done on, and its text."""

    def __init__(
        self,
        number: int,
        steps: Sequence[RoutineStep],
        seconds: int,
        poses: PoseCatalog | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.steps = tuple(steps)
        first = steps[0]
        exercise = first.exercise
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 12, 14, 12)
        row.setSpacing(14)
        pictures = QVBoxLayout()
        pictures.setSpacing(6)
        self.thumbs = [
            PoseThumb(exercise, poses, size=DETAIL_THUMB, side=step.side) for step in steps
        ]
        for step, thumb in zip(steps, self.thumbs, strict=True):
            if step.side in ("left", "right"):
                thumb.setToolTip(f"{exercise.name}, {side_word(step.side)}")
            pictures.addWidget(thumb)
        pictures.addStretch(1)
        row.addLayout(pictures)
        text = QVBoxLayout()
        text.setSpacing(6)
        self.title = make_label(f"{number}. {exercise.name}", "CardTitle")
        text.addWidget(self.title)
        sides = [s.side for s in steps]
        if exercise.kind is Kind.ACTIVE or sides == ["both"]:
            where = side_word("both") if exercise.kind is not Kind.ACTIVE else ""
        elif len(sides) == 1:
            where = side_word(sides[0]).capitalize()
        else:
            where = (
                QCoreApplication.translate("Routines", "%1, then %2")
                .replace("%1", side_word(sides[0]).capitalize())
                .replace("%2", side_word(sides[1]))
            )
        dose = dose_text(first)
        if len(steps) > 1:
            dose = QCoreApplication.translate("Routines", "%1 each side").replace("%1", dose)
        total = QCoreApplication.translate("Routines", "about %1").replace(
            "%1", duration(seconds, rounded=True)
        )
        parts = [p for p in (where[:1].upper() + where[1:] if where else "", dose, total) if p]
        self.summary = make_label(" · ".join(parts), "Muted")
        text.addWidget(self.summary)
        self.cues = [
            make_label(f"{index}. {cue}") for index, cue in enumerate(exercise.cues, start=1)
        ]
        for cue in self.cues:
            text.addWidget(cue)
        cautions = dict.fromkeys((*exercise.cautions, *(c for s in steps for c in s.cautions)))
        for caution in cautions:
            text.addWidget(make_label(caution, "Warning"))
        text.addStretch(1)
        row.addLayout(text, 1)


class RoutineDetailDialog(QDialog):
    """Every step of one routine, and Start."""

    start_requested = Signal(str)  # the routine id

    def __init__(
        self,
        routine: Routine,
        *,
        poses: PoseCatalog | None,
        region_names: Mapping[str, str],
        recommended: bool = False,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        name = title or routine.name
        self.setWindowTitle(name)
        self.setAccessibleName(QCoreApplication.translate("Routines", "The steps of %s") % name)
        self.setMinimumSize(520, 420)
        self.resize(720, 640)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.setSpacing(10)
        head = QHBoxLayout()
        heading = make_label(name, "PageTitle")
        heading.setAccessibleName(name)
        head.addWidget(heading, 1)
        if recommended:
            badge = make_badge(QCoreApplication.translate("Routines", "Recommended today"))
            head.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(head)
        minutes = minutes_of(routine)
        runs = [list(run) for _, run in groupby(routine.steps, key=lambda s: s.exercise.id)]
        meta = [
            QCoreApplication.translate("Routines", "About %n min", None, minutes),
            QCoreApplication.translate("Routines", "%n exercise(s)", None, len(runs)),
        ]
        where = regions_line(routine, region_names)
        if where:
            meta.append(where)
        self.meta = make_label(" · ".join(meta), "Muted")
        outer.addWidget(self.meta)
        # Everything below the heading scrolls: the description, what you need, the steps.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setObjectName("PageInner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 4, 6, 4)
        column.setSpacing(10)
        if routine.description:
            column.addWidget(make_label(routine.description))
        self.equipment = make_label(equipment_line(routine), "Muted")
        column.addWidget(self.equipment)
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Routines",
                    "Stretch to mild tension only and roll at no more than moderate "
                    "discomfort. Stop if anything sharp, tingling or numb appears.",
                ),
                "Muted",
            )
        )
        self.rows = self._rows(runs, poses)
        for row in self.rows:
            column.addWidget(row)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self._buttons(name, bool(routine.steps)))
        self.start_button.setFocus()

    def _rows(
        self, runs: Sequence[Sequence[RoutineStep]], poses: PoseCatalog | None
    ) -> list[StepRow]:
        seconds = step_seconds(self.routine.steps)
        rows: list[StepRow] = []
        start = 0
        for number, run in enumerate(runs, start=1):
            rows.append(StepRow(number, run, sum(seconds[start : start + len(run)]), poses))
            start += len(run)
        return rows

    def _buttons(self, name: str, playable: bool) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(QCoreApplication.translate("Routines", "Start"))
        self.start_button.setObjectName("PrimaryButton")
        self.start_button.setAccessibleName(
            QCoreApplication.translate("Routines", "Start %s") % name
        )
        self.start_button.setDefault(True)
        self.start_button.setEnabled(playable)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(QCoreApplication.translate("Routines", "Close"))
        buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self._start)
        return buttons

    def step_count(self) -> int:
        """How many player steps the rows show (a left and a right count as two)."""
        return sum(len(row.steps) for row in self.rows)

    def _start(self) -> None:
        self.accept()
        self.start_requested.emit(self.routine.id)
