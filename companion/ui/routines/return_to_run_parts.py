"""Parts of the "Return to running" window: a 0-10 scale, warning-sign boxes, a card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.return_to_run import Sign
from companion.ui.score_row import ScoreRow
from companion.ui.sections import make_label


class ScaleRow(ScoreRow):
    """The 0-10 scale of a return-to-run question: nothing is chosen at first, and "none"
    is told apart from 0 (a question not yet answered)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, button_size=30)

    def value(self) -> int:
        """The chosen score, or -1 when none is."""
        return self.group.checkedId()

    def set_value(self, value: int) -> None:
        """Choose ``value``; -1 chooses none."""
        if 0 <= value <= 10:
            self.group.button(value).setChecked(True)
            return
        self.group.setExclusive(False)
        for each in self.buttons():
            each.setChecked(False)
        self.group.setExclusive(True)
        self.buttons()[0]._rove()

    def focus_choice(self) -> None:
        """Focus the chosen score (the first when none is): the group's one Tab stop."""
        chosen = self.group.checkedButton() or self.buttons()[0]
        chosen.setFocus()


class SignBoxes(QWidget):
    """The warning signs as check boxes (each stops the plan)."""

    def __init__(self, signs: tuple[tuple[Sign, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(
            make_label(
                QCoreApplication.translate("ReturnToRunView", "Any of these? (they stop the plan)"),
                "Muted",
            )
        )
        self.boxes: dict[Sign, QCheckBox] = {}
        for sign, text in signs:
            box = QCheckBox(text)
            self.boxes[sign] = box
            layout.addWidget(box)

    def chosen(self) -> list[Sign]:
        return [sign for sign, box in self.boxes.items() if box.isChecked()]

    def clear(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)


def card(title: str, object_name: str = "Card") -> tuple[QFrame, QVBoxLayout]:
    """A framed box, with a title as its layout's first item unless ``title`` is empty."""
    frame = QFrame()
    frame.setObjectName(object_name)
    body = QVBoxLayout(frame)
    body.setContentsMargins(20, 16, 20, 18)
    body.setSpacing(8)
    if title:
        heading = make_label(title, "CardTitle")
        heading.setAccessibleName(title)
        body.addWidget(heading)
    return frame, body


def return_to_run_entry(open_plan: Callable[[], None]) -> QFrame:
    """The Routines page's way in: "Coming back to running?" with a button."""
    frame, body = card(QCoreApplication.translate("ReturnToRunView", "Coming back to running?"))
    body.addWidget(
        make_label(
            QCoreApplication.translate(
                "ReturnToRunView",
                "After soreness or a strain that kept you off running: walk-run steps that "
                "move on only when the run and the next morning say so.",
            ),
            "Muted",
        )
    )
    button = QPushButton(QCoreApplication.translate("ReturnToRunView", "Return to running"))
    button.setAccessibleName(
        QCoreApplication.translate("ReturnToRunView", "Open the return-to-running plan")
    )
    button.clicked.connect(lambda _=False: open_plan())
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    body.addLayout(row)
    frame.setProperty("entry_button", button)
    return frame
