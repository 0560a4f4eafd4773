"""One small question after an imported run: "How hard was your 12 km run yesterday?"

Effort from 1 (very easy) to 10 (all-out), or "Not now"; either way the run is not
asked about again (services/load.py keeps that). The widget only reports intent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.ui.buttons import ChoiceButton, ChoiceGroup
from companion.ui.sections import make_label


class EffortPrompt(QFrame):
    effort_given = Signal(int, int)  # activity id, effort 1-10
    dismissed = Signal(int)  # activity id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.activity_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        self.question = make_label("", "CardTitle")
        layout.addWidget(self.question)
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "EffortPrompt",
                    "1 is very easy, 10 is all-out. It counts the run in your training load "
                    "(minutes x effort); the watch file does not say it.",
                ),
                "Muted",
            )
        )
        self.scale = ChoiceGroup()
        self.scale.setAccessibleName(QCoreApplication.translate("EffortPrompt", "Effort"))
        row = QHBoxLayout(self.scale)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for value in range(1, 11):
            button = ChoiceButton(str(value))
            button.setObjectName("ScoreButton")
            button.setFixedSize(30, 30)
            button.setAccessibleName(QCoreApplication.translate("EffortPrompt", "%d of 10") % value)
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        first = self.group.button(1)
        if isinstance(first, ChoiceButton):
            first._rove()
        layout.addWidget(self.scale)
        actions = QHBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("EffortPrompt", "Save effort"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.later_button = QPushButton(QCoreApplication.translate("EffortPrompt", "Not now"))
        self.later_button.setToolTip(
            QCoreApplication.translate("EffortPrompt", "Leave it out; this run is not asked again")
        )
        self.later_button.clicked.connect(self._dismiss)
        actions.addWidget(self.save_button)
        actions.addWidget(self.later_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.group.idClicked.connect(lambda _id: self.save_button.setEnabled(True))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVisible(False)

    def ask(self, activity_id: int | None, question: str) -> None:
        """Ask about this run (None: nothing to ask, hidden)."""
        self.activity_id = activity_id
        self.question.setText(question)
        self.setAccessibleName(question)
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.save_button.setEnabled(False)
        self.setVisible(activity_id is not None)

    def _save(self) -> None:
        effort = self.group.checkedId()
        if self.activity_id is not None and 1 <= effort <= 10:
            self.effort_given.emit(self.activity_id, effort)

    def _dismiss(self) -> None:
        if self.activity_id is not None:
            self.dismissed.emit(self.activity_id)
