"""A 0-10 scale as eleven buttons: the check-in's soreness rows and the return-to-run
questions use the same one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from companion.ui.buttons import ChoiceButton, ChoiceGroup
from companion.ui.sections import make_label


class ScoreRow(ChoiceGroup):
    """0-10 as eleven buttons: quick to click, and one radio group for a screen reader
    (its name is the title; each choice reads "3 of 10"). Tab stops at the chosen
    score, the arrow keys move it, Space picks the focused one."""

    changed = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None, *, button_size: int = 28) -> None:
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
            button.setFixedSize(button_size, button_size)
            button.setAccessibleName(QCoreApplication.translate("ScoreRow", "%d of 10") % value)
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons()[0]._rove()
        self.group.idClicked.connect(self.changed.emit)

    def buttons(self) -> list[ChoiceButton]:
        return [b for b in self.group.buttons() if isinstance(b, ChoiceButton)]

    def value(self) -> int:
        """The chosen score (0 when none is)."""
        return max(self.group.checkedId(), 0)

    def set_value(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)
