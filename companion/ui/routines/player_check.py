"""The player's own questions: "End the routine?" and the Something's-wrong quick check.

Both are parented to the player, so they open over it (never over the main
window) and the main window is not raised. The player reaches them through
one seam each (``RoutinePlayerView.confirm_stop`` and ``ask_check``), which
tests patch.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.triage import Question
from companion.ui.sections import make_label


def end_question(parent: QWidget, done: int, total: int) -> QMessageBox:
    """End the routine? Keep going is the default (Enter) and what Esc means."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Player", "End the routine?"))
    box.setText(QCoreApplication.translate("Player", "End the routine?"))
    box.setInformativeText(
        QCoreApplication.translate("Player", "You have done %1 of %2 steps.")
        .replace("%1", str(done))
        .replace("%2", str(total))
    )
    keep = box.addButton(
        QCoreApplication.translate("Player", "Keep going"), QMessageBox.ButtonRole.RejectRole
    )
    box.addButton(
        QCoreApplication.translate("Player", "End routine"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


class _ClickLabel(QLabel):
    """A question's words beside its box: clicking them ticks the box."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class QuickCheckDialog(QDialog):
    """Something's wrong during a routine: tick what applies, or say none do."""

    def __init__(self, questions: Sequence[Question], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Player", "Something's wrong? A quick check")
        )
        self.setMinimumSize(520, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Player",
                    "The routine is paused. Do any of these apply right now? Tick each one "
                    "that does. This is not a diagnosis: it says when to stop and get help.",
                ),
                "",
            )
        )
        inner = QWidget()
        rows = QVBoxLayout(inner)
        rows.setContentsMargins(0, 0, 8, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for question in questions:
            box = QCheckBox()
            box.setAccessibleName(question.text)
            text = _ClickLabel(question.text)
            text.setBuddy(box)
            text.clicked.connect(box.toggle)
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            rows.addLayout(row)
            self.boxes[question.id] = box
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.none_button = buttons.addButton(
            QCoreApplication.translate("Player", "None of these"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.continue_button = buttons.addButton(
            QCoreApplication.translate("Player", "Continue with what I ticked"),
            QDialogButtonBox.ButtonRole.ApplyRole,
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.none_button.clicked.connect(self._none)
        self.continue_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cancel_button.setDefault(False)
        self.none_button.setDefault(False)
        self.continue_button.setDefault(False)

    def _none(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        self.accept()

    def answers(self) -> dict[str, bool]:
        return {qid: box.isChecked() for qid, box in self.boxes.items()}
