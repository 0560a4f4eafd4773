"""The Reminders page's notice after "Just finished": what was added, and Undo.

It only shows and reports: ``undo_requested`` carries the notice's key, and the
app removes exactly the reminders that key stands for, then calls ``undone``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.ui.sections import make_label


class FinishedNotice(QFrame):
    undo_requested = Signal(str)  # the notice's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.key = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(6)
        self.text = make_label("", "", selectable=True)
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.undo_button = QPushButton(QCoreApplication.translate("FinishedNotice", "&Undo"))
        self.undo_button.setAccessibleName(
            QCoreApplication.translate("FinishedNotice", "Undo: remove these reminders")
        )
        self.undo_button.clicked.connect(lambda: self.undo_requested.emit(self.key))
        row.addWidget(self.undo_button)
        self.dismiss_button = QPushButton(QCoreApplication.translate("FinishedNotice", "Dismiss"))
        self.dismiss_button.setAccessibleName(
            QCoreApplication.translate("FinishedNotice", "Dismiss notice")
        )
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.dismiss_button)
        column.addLayout(row)
        self.setAccessibleName(QCoreApplication.translate("FinishedNotice", "Reminders added"))
        self.hide()

    def added(self, key: str, summary: str) -> None:
        self.key = key
        self.text.setText(summary)
        self.text.setAccessibleName(summary)
        self.undo_button.show()
        self.show()

    def undone(self, key: str, words: str) -> None:
        if key != self.key:
            return
        self.text.setText(words)
        self.text.setAccessibleName(words)
        self.undo_button.hide()
        self.show()
