"""This morning's readiness: easy, normal or rest, with every input and what it read.

It shows a ``domain.readiness.Readiness`` (made by services/readiness.py); it holds
no rule. The safety gate's words come first when the gate decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from companion.domain.readiness import Level
from companion.ui.sections import Card, make_label, repolish

if TYPE_CHECKING:
    from companion.domain.readiness import Readiness


class ReadinessCard(Card):
    """``read`` gives today's readiness; the card reads it when shown and on ``refresh``."""

    def __init__(self, read: Callable[[], Readiness], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Readiness", "Readiness this morning"), parent)
        self.setObjectName("Card")
        self._read = read
        self._stale = True
        self.headline = make_label("", "CardTitle")
        self.headline.setProperty("headline", True)
        self.body.addWidget(self.headline)
        self.safety = make_label("", "")
        self.body.addWidget(self.safety)
        # What it is based on: folded by default so the check-in stays in view on a
        # small window; the decisive inputs are named above it, and the toggle (and a
        # screen reader, through the card's description) has every input and reading.
        self.based_on = make_label("", "Muted")
        self.body.addWidget(self.based_on)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self._show_details)
        self.body.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        details.addLayout(self.grid)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.body.addWidget(self.details)
        details.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Readiness",
                    "A check-in aid, not a score: nothing here is added up, and a safety "
                    "answer always comes first.",
                ),
                "Muted",
            )
        )
        self.shown: Readiness | None = None
        self._show_details(False)

    def _show_details(self, on: bool) -> None:
        tr = QCoreApplication.translate
        if on and self.shown is not None:
            self._fill_rows(self.shown)  # filled as they open (made the first time)
        self.details.setVisible(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.toggle.setText(
            tr("Readiness", "Hide what it is based on")
            if on
            else tr("Readiness", "Show what it is based on")
        )

    def refresh(self) -> None:
        """Read again now if shown, else when next shown."""
        if self.isVisible():
            self.show_readiness(self._read())
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_readiness(self._read())

    def show_readiness(self, readiness: Readiness) -> None:
        self._stale = False
        self.shown = readiness
        tr = QCoreApplication.translate
        headline = tr("Readiness", readiness.headline)
        self.headline.setText(headline)
        self.safety.setText("\n".join(readiness.safety_words))
        self.safety.setVisible(bool(readiness.safety_words))
        if self.toggle.isChecked():
            self._fill_rows(readiness)
        self._say_based_on(readiness)

    def _fill_rows(self, readiness: Readiness) -> None:
        """One row per input, its name and its reading (made only once the details are
        opened: a folded card needs none, and a screen reader has them all in the
        card's description)."""
        tr = QCoreApplication.translate
        while len(self.rows) < len(readiness.inputs):
            name, value = make_label("", ""), make_label("", "")
            bold = name.font()
            bold.setBold(True)
            name.setFont(bold)
            name.setWordWrap(False)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row = len(self.rows)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(value, row, 1)
            self.rows.append((name, value))
        for i, (name, value) in enumerate(self.rows):
            shown = i < len(readiness.inputs)
            name.setVisible(shown)
            value.setVisible(shown)
            if shown:
                item = readiness.inputs[i]
                name.setText(tr("Readiness", item.name))
                value.setText(item.reading)
                value.setAccessibleName(tr("Readiness", item.name))
                value.setProperty("known", item.known)
                if not item.known:
                    value.setObjectName("Muted")
                else:
                    value.setObjectName("")
                repolish(value)

    def _say_based_on(self, readiness: Readiness) -> None:
        tr = QCoreApplication.translate
        headline = tr("Readiness", readiness.headline)
        decisive = [
            tr("Readiness", i.name)
            for i in readiness.inputs
            if i.known and i.points_to is readiness.level
        ]
        unknown = [tr("Readiness", i.name) for i in readiness.inputs if not i.known]
        parts = []
        if decisive and readiness.level.rank > Level.NORMAL.rank:
            parts.append(tr("Readiness", "Because of: %s.") % ", ".join(decisive))
        if unknown:
            parts.append(tr("Readiness", "Not known: %s.") % ", ".join(unknown))
        self.based_on.setText(" ".join(parts))
        self.based_on.setVisible(bool(parts))
        self.setAccessibleName(tr("Readiness", "Readiness this morning"))
        self.setAccessibleDescription(
            " ".join([headline, *readiness.safety_words])
            + " "
            + " ".join(f"{tr('Readiness', i.name)}: {i.reading}" for i in readiness.inputs)
        )
