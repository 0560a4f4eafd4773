"""The Routines section: the built-in routines, what they involve and how long they take."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from companion.domain.exercises import Equipment, Kind
from companion.domain.routines import Routine, RoutineCatalog
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.ui.sections import SECTIONS, Card, SectionPage, make_label

# The words below are translated where they are shown, in the "Routines" context.
EQUIPMENT_WORDS = {
    Equipment.FOAM_ROLLER: QT_TRANSLATE_NOOP("Routines", "a foam roller"),
    Equipment.BALL: QT_TRANSLATE_NOOP("Routines", "a ball"),
    Equipment.STRAP: QT_TRANSLATE_NOOP("Routines", "a strap or towel"),
    Equipment.WALL: QT_TRANSLATE_NOOP("Routines", "a wall"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("Routines", "a chair"),
    Equipment.STEP: QT_TRANSLATE_NOOP("Routines", "a low step"),
    Equipment.BOTTLE: QT_TRANSLATE_NOOP("Routines", "a bottle"),
    Equipment.STICK: QT_TRANSLATE_NOOP("Routines", "a massage stick"),
}
SIDE_WORDS = {
    "left": QT_TRANSLATE_NOOP("Routines", "left"),
    "right": QT_TRANSLATE_NOOP("Routines", "right"),
    "both": QT_TRANSLATE_NOOP("Routines", "both legs"),
}


def _side(side: str) -> str:
    return QCoreApplication.translate("Routines", SIDE_WORDS[side]) if side in SIDE_WORDS else side


def step_lines(routine: Routine) -> list[str]:
    """One line per exercise, its sides together: 'Wall calf stretch (left, right): 2 × 30 s'."""
    lines = []
    for _, run in groupby(routine.steps, key=lambda s: s.exercise.id):
        steps = list(run)
        first = steps[0]
        if first.exercise.kind is Kind.ACTIVE:
            lines.append(f"{first.exercise.name}: {first.describe_dose()}")
            continue
        sides = ", ".join(_side(s.side) for s in steps)
        lines.append(f"{first.exercise.name} ({sides}): {first.describe_dose()}")
    return lines


def equipment_line(routine: Routine) -> str:
    needed = sorted(
        {
            QCoreApplication.translate("Routines", EQUIPMENT_WORDS[e])
            for s in routine.steps
            for e in s.exercise.equipment
            if e in EQUIPMENT_WORDS
        }
    )
    return (
        QCoreApplication.translate("Routines", "You need: %s.") % ", ".join(needed)
        if needed
        else QCoreApplication.translate("Routines", "No equipment needed.")
    )


class RoutinesPage(SectionPage):
    """Your routines first (new, import, edit, duplicate, export, delete), then the built-ins."""

    start_requested = Signal(str)  # a routine id
    new_requested = Signal()
    import_requested = Signal()
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    export_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, catalog: RoutineCatalog, mine: Sequence[Routine] = ()) -> None:
        super().__init__(SECTIONS[1])
        self.content.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Routines",
                    "Start a routine and the player leads you through each step with a "
                    "countdown. Stretch to mild tension only, roll at no more than moderate "
                    "discomfort, and stop if anything sharp, tingling or numb appears.",
                ),
                "Muted",
            )
        )
        actions = QHBoxLayout()
        self.new_button = QPushButton(QCoreApplication.translate("Routines", "New routine"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.import_button = QPushButton(QCoreApplication.translate("Routines", "Import…"))
        self.import_button.setToolTip(
            QCoreApplication.translate("Routines", "Add a routine from a routine file (.json)")
        )
        self.import_button.clicked.connect(self.import_requested.emit)
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        self.content.addLayout(actions)
        self.content.addWidget(
            make_label(QCoreApplication.translate("Routines", "Your routines"), "CardTitle")
        )
        self.mine_box = QVBoxLayout()
        self.mine_box.setSpacing(14)
        self.content.addLayout(self.mine_box)
        self.cards: dict[str, Card] = {}
        self.content.addWidget(
            make_label(QCoreApplication.translate("Routines", "Built-in routines"), "CardTitle")
        )
        for routine in catalog:
            card = self._card(routine)
            card.body.addLayout(
                self._buttons(
                    routine,
                    (
                        (
                            QCoreApplication.translate("Routines", "Duplicate to edit"),
                            QCoreApplication.translate("Routines", "Duplicate %s"),
                            self.duplicate_requested,
                        ),
                    ),
                )
            )
            self.content.addWidget(card)
        self.set_mine(mine)
        self.finish()

    def set_mine(self, mine: Sequence[Routine]) -> None:
        """Show the user's routines (again, after a change)."""
        while self.mine_box.count():
            item = self.mine_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                self.cards.pop(widget.property("routine_id"), None)
                widget.deleteLater()
        if not mine:
            hint = make_label(
                QCoreApplication.translate(
                    "Routines",
                    "Your own routines appear here. Press New routine, or Duplicate to edit "
                    "on any built-in one.",
                ),
                "Muted",
            )
            self.mine_box.addWidget(hint)
            return
        for routine in mine:
            card = self._card(routine)
            card.body.addLayout(
                self._buttons(
                    routine,
                    (
                        (
                            QCoreApplication.translate("Routines", "Edit"),
                            QCoreApplication.translate("Routines", "Edit %s"),
                            self.edit_requested,
                        ),
                        (
                            QCoreApplication.translate("Routines", "Duplicate"),
                            QCoreApplication.translate("Routines", "Duplicate %s"),
                            self.duplicate_requested,
                        ),
                        (
                            QCoreApplication.translate("Routines", "Export…"),
                            QCoreApplication.translate("Routines", "Export %s"),
                            self.export_requested,
                        ),
                        (
                            QCoreApplication.translate("Routines", "Delete"),
                            QCoreApplication.translate("Routines", "Delete %s"),
                            self.delete_requested,
                        ),
                    ),
                )
            )
            self.mine_box.addWidget(card)

    def _card(self, routine: Routine) -> Card:
        minutes = max(1, round(routine.seconds / 60))
        card = Card(
            QCoreApplication.translate("Routines", "%s: about %d min") % (routine.name, minutes)
        )
        card.setProperty("routine_id", routine.id)
        card.setAccessibleName(
            QCoreApplication.translate("Routines", "%s, about %n minute(s)", None, minutes)
            % routine.name
        )
        if routine.description:
            card.add_text(routine.description)
        for line in step_lines(routine):
            card.add_text(f"• {line}")
        card.add_text(equipment_line(routine), "Muted")
        self.cards[routine.id] = card
        return card

    def _buttons(
        self, routine: Routine, extra: Sequence[tuple[str, str, SignalInstance]]
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        start = QPushButton(QCoreApplication.translate("Routines", "Start"))
        start.setObjectName("PrimaryButton")
        start.setAccessibleName(QCoreApplication.translate("Routines", "Start %s") % routine.name)
        start.clicked.connect(lambda _=False, rid=routine.id: self.start_requested.emit(rid))
        row.addWidget(start)
        for text, accessible, signal in extra:
            button = QPushButton(text)
            button.setAccessibleName(accessible % routine.name)
            button.clicked.connect(lambda _=False, rid=routine.id, s=signal: s.emit(rid))
            row.addWidget(button)
        row.addStretch(1)
        return row
