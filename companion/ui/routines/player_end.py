"""The player's last screen: how the routine went, and "How do they feel now?".

A summary (steps done of all, time, the regions worked), then a 0-10 row of
big buttons for each worked region and side, with that morning's score when
there was one. Done reports the scores (``feel_given``) and closes; Skip
closes without them. After a safety answer that ends the routine, the screen
says what to do instead and asks nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.feel import SCORE_MAX, SCORE_MIN, FeelScore
from companion.ui.sections import make_label

Target = tuple[str, str, str]  # region id, side, its words ("Calf muscles, left")


class FeelRow(QWidget):
    """One region: its name, this morning's score if any, and 0-10 buttons."""

    def __init__(self, target: Target, before: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region_id, self.side, name = target
        self.before = before
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(2)
        title = make_label(name, "")
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title, 0, 0, 1, SCORE_MAX + 1)
        if before is not None:
            was = make_label(
                QCoreApplication.translate("Player", "This morning: %d") % before, "Muted"
            )
            layout.addWidget(was, 0, SCORE_MAX - 3, 1, 4, Qt.AlignmentFlag.AlignRight)
        layout.setColumnStretch(SCORE_MAX + 1, 1)  # wide windows: the buttons stay together
        # A chosen score must show clearly, in both themes.
        self.setStyleSheet(
            "QPushButton:checked { background-color: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight);"
            " font-weight: 600; }"
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            button = QPushButton(str(score))
            button.setCheckable(True)
            button.setMinimumSize(36, 34)
            button.setMaximumWidth(64)
            button.setAccessibleName(
                QCoreApplication.translate("Player", "%1: %2 out of 10")
                .replace("%1", name)
                .replace("%2", str(score))
            )
            self.group.addButton(button, score)
            layout.addWidget(button, 1, score)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def choose(self, score: int) -> None:
        button = self.group.button(score)
        if button is not None:
            button.setChecked(True)


class EndPanel(QFrame):
    feel_given = Signal(list)  # [FeelScore], the regions the user scored
    done = Signal()  # Done or Skip or Close: the player may close

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setAccessibleName(QCoreApplication.translate("Player", "Routine summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        self.title = make_label("", "PageTitle")
        self.detail = make_label("", "")
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self.safety_card = QFrame()
        self.safety_card.setObjectName("StopCard")  # the stop rules' orange edge
        card = QVBoxLayout(self.safety_card)
        card.setContentsMargins(16, 12, 16, 12)
        card.addWidget(
            make_label(QCoreApplication.translate("Player", "What to do now"), "CardTitle")
        )
        self.safety = make_label("", "")
        self.safety.setAccessibleName(QCoreApplication.translate("Player", "What to do now"))
        card.addWidget(self.safety)
        self.safety_card.hide()
        layout.addWidget(self.safety_card)
        self.question = make_label(
            QCoreApplication.translate("Player", "How do they feel now?"), "CardTitle"
        )
        self.hint = make_label(
            QCoreApplication.translate(
                "Player", "0 is no soreness at all, 10 the worst you can imagine."
            ),
            "Muted",
        )
        layout.addWidget(self.question)
        layout.addWidget(self.hint)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 8, 0)
        self.rows_layout.setSpacing(4)
        self.rows_scroll = QScrollArea()
        self.rows_scroll.setWidgetResizable(True)
        self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_scroll.setWidget(self.rows_box)
        self.rows_scroll.viewport().setAutoFillBackground(False)  # the card shows through
        self.rows_box.setAutoFillBackground(False)
        self.rows_scroll.setStyleSheet("QScrollArea { background: transparent; }")
        layout.addWidget(self.rows_scroll, 100)
        layout.addStretch(1)  # takes the room when nothing is asked
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.skip_button = QPushButton(QCoreApplication.translate("Player", "Skip"))
        self.done_button = QPushButton(QCoreApplication.translate("Player", "Done"))
        self.done_button.setDefault(True)
        self.skip_button.clicked.connect(self.done.emit)
        self.done_button.clicked.connect(self._give)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.rows: list[FeelRow] = []

    def show_end(
        self,
        title: str,
        detail: str,
        targets: Sequence[Target],
        before: Mapping[tuple[str, str], int],
        *,
        safety: str = "",
    ) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.safety.setText(safety)
        self.safety_card.setVisible(bool(safety))
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        asking = bool(targets) and not safety
        for target in targets if asking else ():
            row = FeelRow(target, before.get((target[0], target[1])))
            self.rows.append(row)
            self.rows_layout.addWidget(row)
        self.rows_layout.addStretch(1)
        for widget in (self.question, self.hint, self.rows_scroll, self.skip_button):
            widget.setVisible(asking)
        self.done_button.setText(
            QCoreApplication.translate("Player", "Done")
            if asking
            else QCoreApplication.translate("Player", "Close")
        )

    def scores(self) -> list[FeelScore]:
        found: list[FeelScore] = []
        for row in self.rows:
            value = row.value()
            if value is not None:
                found.append(FeelScore(row.region_id, row.side, row.before, value))
        return found

    def _give(self) -> None:
        scores = self.scores()
        if scores:
            self.feel_given.emit(scores)
        self.done.emit()
