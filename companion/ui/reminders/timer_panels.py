"""The therapy timer's two prompts: the skin check to answer, and what a phase's end asks.

``SkinCheckPanel`` asks the five-minute question with "Looks fine" and "Stop
now" and stays until one is pressed (the timer keeps running meanwhile).
``PhaseEndPanel`` says what to do now that a phase ended ("Ice off. Take the
pack away...") until the user says OK or the next phase end replaces it. Both
only show and report; the timer window decides what an answer does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.ui.sections import make_label, repolish

PANEL_WIDTH = (380, 620)  # narrowest and widest: a line stays easy to read in a big window


def _sized(panel: QFrame) -> None:
    panel.setMinimumWidth(PANEL_WIDTH[0])
    panel.setMaximumWidth(PANEL_WIDTH[1])
    panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)


class SkinCheckPanel(QFrame):
    answered = Signal(str)  # "fine" or "stop"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StopCard")
        _sized(self)
        self.setAccessibleName(QCoreApplication.translate("SkinCheck", "Skin check"))
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        self.title = make_label(QCoreApplication.translate("SkinCheck", "Skin check"), "CardTitle")
        column.addWidget(self.title)
        self.question = make_label("", "")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        row = QHBoxLayout()
        self.fine_button = QPushButton(QCoreApplication.translate("SkinCheck", "Looks &fine"))
        self.fine_button.setAccessibleDescription(
            QCoreApplication.translate("SkinCheck", "The skin looks fine: the timer goes on.")
        )
        self.stop_button = QPushButton(QCoreApplication.translate("SkinCheck", "Stop &now"))
        self.stop_button.setAccessibleDescription(
            QCoreApplication.translate("SkinCheck", "Stops the timer and says what to do.")
        )
        self.fine_button.clicked.connect(lambda: self.answered.emit("fine"))
        self.stop_button.clicked.connect(lambda: self.answered.emit("stop"))
        row.addWidget(self.fine_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        column.addLayout(row)
        self.hide()

    def ask(self, question: str) -> None:
        self.question.setText(question)
        self.question.setAccessibleName(question)
        self.show()
        self.fine_button.setFocus(Qt.FocusReason.OtherFocusReason)


class PhaseEndPanel(QFrame):
    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        _sized(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(6)
        self.title = make_label("", "CardTitle")
        column.addWidget(self.title)
        self.body = make_label("", "")
        self.body.setWordWrap(True)
        column.addWidget(self.body)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok_button = QPushButton(QCoreApplication.translate("PhaseEnd", "&OK"))
        self.ok_button.setAccessibleName(QCoreApplication.translate("PhaseEnd", "OK, done that"))
        self.ok_button.clicked.connect(self._ok)
        row.addWidget(self.ok_button)
        column.addLayout(row)
        self.hide()

    def say(self, title: str, body: str, *, can_dismiss: bool = True, urgent: bool = False) -> None:
        """``urgent``: a stop, drawn like the other stop cards, not as a notice."""
        name = "StopCard" if urgent else "Banner"
        if self.objectName() != name:
            self.setObjectName(name)
            for widget in (self, self.title, self.body):  # "#Banner QLabel" colours the text
                repolish(widget)
        self.title.setText(title)
        self.body.setText(body)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
        self.ok_button.setVisible(can_dismiss)
        self.show()

    def _ok(self) -> None:
        self.hide()
        self.acknowledged.emit()
