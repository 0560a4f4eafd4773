"""The Routines section: the built-in routines, what they involve and how long they take."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QPushButton

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
    start_requested = Signal(str)  # a routine id

    def __init__(self, catalog: RoutineCatalog) -> None:
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
        self.cards: dict[str, Card] = {}
        for routine in catalog:
            minutes = round(routine.seconds / 60)
            card = Card(_tr("%s: about %d min") % (routine.name, minutes))
            card.setAccessibleName(f"{routine.name}, about {minutes} minutes")
            card.add_text(routine.description)
            for line in step_lines(routine):
                card.add_text(f"• {line}")
            card.add_text(equipment_line(routine), "Muted")
            start = QPushButton(_tr("Start"))
            start.setObjectName("PrimaryButton")
            start.setAccessibleName(_tr("Start %s") % routine.name)
            start.clicked.connect(lambda _=False, rid=routine.id: self.start_requested.emit(rid))
            card.body.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
            self.content.addWidget(card)
            self.cards[routine.id] = card
        self.finish()
