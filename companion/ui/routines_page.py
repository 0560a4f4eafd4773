"""The Routines section: the built-in routines, what they involve and how long they take."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from companion.domain.exercises import Equipment, Kind
from companion.domain.routines import Routine, RoutineCatalog
from companion.ui.sections import SECTIONS, Card, SectionPage, _label

EQUIPMENT_WORDS = {
    Equipment.FOAM_ROLLER: "a foam roller",
    Equipment.BALL: "a ball",
    Equipment.STRAP: "a strap or towel",
    Equipment.WALL: "a wall",
    Equipment.CHAIR: "a chair",
    Equipment.STEP: "a low step",
    Equipment.BOTTLE: "a bottle",
    Equipment.STICK: "a massage stick",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Routines", text)


def step_lines(routine: Routine) -> list[str]:
    """One line per exercise, its sides together: 'Wall calf stretch (left, right): 2 × 30 s'."""
    lines = []
    for _, run in groupby(routine.steps, key=lambda s: s.exercise.id):
        steps = list(run)
        first = steps[0]
        if first.exercise.kind is Kind.ACTIVE:
            lines.append(f"{first.exercise.name}: {first.describe_dose()}")
            continue
        sides = ", ".join(s.side if s.side != "both" else _tr("both legs") for s in steps)
        lines.append(f"{first.exercise.name} ({sides}): {first.describe_dose()}")
    return lines


def equipment_line(routine: Routine) -> str:
    needed = sorted(
        {
            EQUIPMENT_WORDS[e]
            for s in routine.steps
            for e in s.exercise.equipment
            if e in EQUIPMENT_WORDS
        }
    )
    return _tr("You need: %s.") % ", ".join(needed) if needed else _tr("No equipment needed.")


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
            _label(
                _tr(
                    "Start a routine and the player leads you through each step with a "
                    "countdown. Stretch to mild tension only, roll at no more than moderate "
                    "discomfort, and stop if anything sharp, tingling or numb appears."
                ),
                "Muted",
            )
        )
        actions = QHBoxLayout()
        self.new_button = QPushButton(_tr("New routine"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.import_button = QPushButton(_tr("Import…"))
        self.import_button.setToolTip(_tr("Add a routine from a routine file (.json)"))
        self.import_button.clicked.connect(self.import_requested.emit)
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        self.content.addLayout(actions)
        self.content.addWidget(_label(_tr("Your routines"), "CardTitle"))
        self.mine_box = QVBoxLayout()
        self.mine_box.setSpacing(14)
        self.content.addLayout(self.mine_box)
        self.cards: dict[str, Card] = {}
        self.content.addWidget(_label(_tr("Built-in routines"), "CardTitle"))
        for routine in catalog:
            card = self._card(routine)
            card.body.addLayout(
                self._buttons(
                    routine,
                    ((_tr("Duplicate to edit"), _tr("Duplicate %s"), self.duplicate_requested),),
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
            hint = _label(
                _tr(
                    "Your own routines appear here. Press New routine, or Duplicate to edit "
                    "on any built-in one."
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
                        (_tr("Edit"), _tr("Edit %s"), self.edit_requested),
                        (_tr("Duplicate"), _tr("Duplicate %s"), self.duplicate_requested),
                        (_tr("Export…"), _tr("Export %s"), self.export_requested),
                        (_tr("Delete"), _tr("Delete %s"), self.delete_requested),
                    ),
                )
            )
            self.mine_box.addWidget(card)

    def _card(self, routine: Routine) -> Card:
        minutes = max(1, round(routine.seconds / 60))
        card = Card(_tr("%s: about %d min") % (routine.name, minutes))
        card.setProperty("routine_id", routine.id)
        card.setAccessibleName(f"{routine.name}, about {minutes} minutes")
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
        start = QPushButton(_tr("Start"))
        start.setObjectName("PrimaryButton")
        start.setAccessibleName(_tr("Start %s") % routine.name)
        start.clicked.connect(lambda _=False, rid=routine.id: self.start_requested.emit(rid))
        row.addWidget(start)
        for text, accessible, signal in extra:
            button = QPushButton(text)
            button.setAccessibleName(accessible % routine.name)
            button.clicked.connect(lambda _=False, rid=routine.id, s=signal: s.emit(rid))
            row.addWidget(button)
        row.addStretch(1)
        return row
