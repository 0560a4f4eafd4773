"""Parts of the "Return to running" window: a 0-10 scale, warning-sign boxes, a card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.return_to_run import Sign
from companion.ui.buttons import ChoiceButton, ChoiceGroup
from companion.ui.sections import make_label


class ScaleRow(ChoiceGroup):
    """0-10 as eleven buttons, one radio group for a screen reader (named by its question;
    each choice reads "3 of 10"); arrows move the choice. Nothing is chosen at first."""

    changed = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = make_label(title, "")
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for value in range(11):
            button = ChoiceButton(str(value))
            button.setObjectName("ScoreButton")
            button.setFixedSize(30, 30)
            button.setAccessibleName(
                QCoreApplication.translate("ReturnToRunView", "%d of 10") % value
            )
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons()[0]._rove()
        self.group.idClicked.connect(self.changed.emit)

    def buttons(self) -> list[ChoiceButton]:
        return [b for b in self.group.buttons() if isinstance(b, ChoiceButton)]

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
