"""One recommendation on Today's plan: a title, a Done mark, its why, and its action.

The item shows what it is given and reports its button's press; which action it is,
whether it may be offered and whether it is done come from the plan and the Today
service, never from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.ui.sections import make_label

DONE_COLOURS = ("#1d7f67", "#ffffff")  # the calm green of the safety banner


class PlanItem(QFrame):
    """A titled block inside the plan's card; ``set_done`` shows the Done mark."""

    action_clicked = Signal()

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanItem")
        self.setProperty("item", key)
        self.key = key
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 6, 0, 6)
        self.body.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.title = make_label(title, "CardTitle")
        head.addWidget(self.title, 1)
        self.done_badge = QLabel(QCoreApplication.translate("Today", "Done today"))
        self.done_badge.setObjectName("DoneBadge")
        background, foreground = DONE_COLOURS
        self.done_badge.setStyleSheet(
            f"#DoneBadge {{ background: {background}; color: {foreground}; "
            "border-radius: 9px; padding: 2px 10px; font-weight: 600; }"
        )
        self.done_badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.done_badge.setVisible(False)
        head.addWidget(self.done_badge, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(head)
        self.button: QPushButton | None = None
        self.setAccessibleName(title)

    @property
    def done(self) -> bool:
        return not self.done_badge.isHidden()

    def set_done(self, done: bool) -> None:
        self.done_badge.setVisible(done)
        title = self.title.text()
        self.setAccessibleName(
            QCoreApplication.translate("Today", "%s: done today") % title if done else title
        )

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        label = make_label(text, object_name)
        self.body.addWidget(label)
        return label

    def add_action(self, text: str, primary: bool = True) -> QPushButton:
        """The item's one button (Start routine, Start heat timer, ...)."""
        button = QPushButton(text)
        button.setObjectName("PrimaryButton" if primary else "")
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.setAutoDefault(True)  # Enter presses it when it has the focus
        button.clicked.connect(self.action_clicked.emit)
        self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.button = button
        return button


class Disclosure(QWidget):
    """A flat "Other options" toggle with the rows it shows and hides (closed at first)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._text = text
        self.toggle = QPushButton()
        self.toggle.setObjectName("OtherOptions")  # drawn as a link (plan_view styles it)
        self.toggle.setFlat(True)
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(True)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.toggle.setAccessibleName(text)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.content = QWidget()
        self.rows = QVBoxLayout(self.content)
        self.rows.setContentsMargins(14, 0, 0, 0)
        self.rows.setSpacing(6)
        layout.addWidget(self.content)
        self.toggle.toggled.connect(self.set_open)
        self.set_open(False)

    def set_open(self, on: bool) -> None:
        self.content.setVisible(on)
        self.toggle.setText(("▾ " if on else "▸ ") + self._text)
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)
