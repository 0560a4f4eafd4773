"""The Today screen's dialogs: the safety questions and the health conditions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.triage import Question
from companion.services.checkin import CheckInService
from companion.ui.sections import make_label

if TYPE_CHECKING:
    pass


class ClickableLabel(QLabel):
    """Long question text beside a checkbox: clicking the words ticks the box."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class SafetyQuestionsDialog(QDialog):
    """Tick what applies. "None of these" answers every question no."""

    def __init__(
        self,
        questions: tuple[Question, ...],
        parent: QWidget | None = None,
        reasons: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Today", "Before your plan: a quick safety check")
        )
        self.setMinimumSize(560, 480)
        layout = QVBoxLayout(self)
        if reasons:
            frame = QFrame()
            frame.setObjectName("Banner")
            frame_box = QVBoxLayout(frame)
            frame_box.setContentsMargins(12, 10, 12, 10)
            why = make_label(
                QCoreApplication.translate("Today", "Why these questions now:")
                + "\n"
                + "\n".join(f"• {r}" for r in reasons),
                "",
            )
            why.setAccessibleName(QCoreApplication.translate("Today", "Why these questions now"))
            frame_box.addWidget(why)
            layout.addWidget(frame)
        intro = make_label(
            QCoreApplication.translate(
                "Today",
                "Do any of these apply to you right now? Tick each one that does. "
                "This is not a diagnosis: it tells you when to get help instead of self-care.",
            ),
            "",
        )
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        rows = QVBoxLayout(inner)
        self.boxes: dict[str, QCheckBox] = {}
        for question in questions:
            row = QHBoxLayout()
            box = QCheckBox()
            box.setAccessibleName(question.text)
            text = ClickableLabel(question.text)
            text.setBuddy(box)
            text.clicked.connect(box.toggle)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            rows.addLayout(row)
            self.boxes[question.id] = box
        rows.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.none_button = buttons.addButton(
            QCoreApplication.translate("Today", "None of these apply"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.continue_button = buttons.addButton(
            QCoreApplication.translate("Today", "Continue with what I ticked"),
            QDialogButtonBox.ButtonRole.ApplyRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.none_button.clicked.connect(self._none)
        self.continue_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _none(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        self.accept()

    def answers(self) -> dict[str, bool]:
        return {qid: box.isChecked() for qid, box in self.boxes.items()}


class ConditionsDialog(QDialog):
    """PROTOCOLS 3.4: asked once, editable later from Settings."""

    def __init__(self, presenter: CheckInService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Today", "Health conditions"))
        self.setMinimumWidth(760)
        self._catalog = presenter.content.conditions
        current = {c.id: c for c in presenter.conditions()}
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "Some conditions make ice, heat, baths or rolling unsafe. Tick any that "
                    "apply; the plan will leave those out. You can change this in Settings.",
                ),
                "",
            )
        )
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        self.legs: dict[str, QComboBox] = {}
        for row, condition in enumerate(self._catalog.conditions):
            box = QCheckBox(condition.label)
            box.setChecked(condition.id in current)
            grid.addWidget(box, row, 0)
            self.boxes[condition.id] = box
            if condition.area_specific:
                legs = QComboBox()
                legs.addItems(
                    [
                        QCoreApplication.translate("Today", "Both legs"),
                        QCoreApplication.translate("Today", "Left leg"),
                        QCoreApplication.translate("Today", "Right leg"),
                    ]
                )
                legs.setAccessibleName(
                    QCoreApplication.translate("Today", "%s: which leg") % condition.label
                )
                if condition.id in current:
                    legs.setCurrentIndex(_legs_index(current[condition.id].legs))
                legs.setEnabled(box.isChecked())
                box.toggled.connect(legs.setEnabled)
                grid.addWidget(legs, row, 1)
                self.legs[condition.id] = legs
        layout.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[ReportedCondition, ...]:
        result = []
        for cid, box in self.boxes.items():
            if not box.isChecked():
                continue
            legs = frozenset({Side.LEFT, Side.RIGHT})
            if cid in self.legs:
                legs = (legs, frozenset({Side.LEFT}), frozenset({Side.RIGHT}))[
                    self.legs[cid].currentIndex()
                ]
            result.append(ReportedCondition(cid, legs))
        return tuple(result)


def _legs_index(legs: frozenset[Side]) -> int:
    if legs == {Side.LEFT}:
        return 1
    if legs == {Side.RIGHT}:
        return 2
    return 0
