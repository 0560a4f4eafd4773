"""The Routines page's filter row: a region, an equipment choice, and Show all.

It only reports what is chosen; which routines that keeps is the routines
library's rule (``companion.services.routines.matches``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from companion.domain.equipment import Equipment
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.services.routines import FilterChoices
from companion.ui.routines.cards import EQUIPMENT_WORDS, FlowLayout

# The equipment as a list entry, translated where shown ("Routines" context).
EQUIPMENT_CHOICES = {
    Equipment.FOAM_ROLLER: QT_TRANSLATE_NOOP("Routines", "Foam roller"),
    Equipment.BALL: QT_TRANSLATE_NOOP("Routines", "Massage ball"),
    Equipment.STRAP: QT_TRANSLATE_NOOP("Routines", "Strap or towel"),
    Equipment.WALL: QT_TRANSLATE_NOOP("Routines", "Wall"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("Routines", "Chair"),
    Equipment.STEP: QT_TRANSLATE_NOOP("Routines", "Low step"),
    Equipment.BOTTLE: QT_TRANSLATE_NOOP("Routines", "Bottle"),
    Equipment.STICK: QT_TRANSLATE_NOOP("Routines", "Massage stick"),
}


def equipment_phrase(item: Equipment) -> str:
    """ "without equipment", "with a foam roller": for the no-result sentence."""
    if item is Equipment.NONE:
        return QCoreApplication.translate("Routines", "without equipment")
    word = EQUIPMENT_WORDS.get(item)
    shown = QCoreApplication.translate("Routines", word) if word else item.value
    return QCoreApplication.translate("Routines", "with %s") % shown


def _combo(accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no value changes from the wheel
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class RoutineFilterBar(QWidget):
    """Region and equipment lists with an "All" entry each, and Show all to clear both."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = _combo(QCoreApplication.translate("Routines", "Show routines for"))
        self.equipment = _combo(QCoreApplication.translate("Routines", "Show routines using"))
        self.clear_button = QPushButton(QCoreApplication.translate("Routines", "Show all"))
        self.clear_button.setAccessibleName(
            QCoreApplication.translate("Routines", "Show all routines")
        )
        self.clear_button.clicked.connect(self.clear)
        self.count = QLabel()
        self.count.setObjectName("Muted")
        flow = FlowLayout(self, spacing=10)
        for label_text, combo in (
            (QCoreApplication.translate("Routines", "Region"), self.region),
            (QCoreApplication.translate("Routines", "Equipment"), self.equipment),
        ):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            label = QLabel(label_text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            flow.addWidget(pair)
        flow.addWidget(self.clear_button)
        flow.addWidget(self.count)
        self.region.currentIndexChanged.connect(self._changed)
        self.equipment.currentIndexChanged.connect(self._changed)
        self._update_clear()

    def set_choices(self, choices: FilterChoices, names: Mapping[str, str]) -> None:
        """Offer these groups (by their list names) and these items, keeping any choice
        still offered."""
        region, item = self.chosen_region(), self.chosen_equipment()
        for combo in (self.region, self.equipment):
            combo.blockSignals(True)
            combo.clear()
        self.region.addItem(QCoreApplication.translate("Routines", "All regions"), None)
        for group in choices.groups:
            self.region.addItem(names.get(group, group), group)
        self.equipment.addItem(QCoreApplication.translate("Routines", "Any equipment"), None)
        self.equipment.addItem(
            QCoreApplication.translate("Routines", "No equipment"), Equipment.NONE.value
        )
        self.equipment.setItemData(
            1,
            QCoreApplication.translate(
                "Routines", "Only what every home has: the floor, a wall, a chair, a towel"
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        for equipment in choices.equipment:
            word = EQUIPMENT_CHOICES.get(equipment)
            shown = QCoreApplication.translate("Routines", word) if word else equipment.value
            self.equipment.addItem(shown, equipment.value)
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.equipment.setCurrentIndex(
            max(0, self.equipment.findData(item.value if item is not None else None))
        )
        for combo in (self.region, self.equipment):
            combo.blockSignals(False)
        self._update_clear()

    def chosen_region(self) -> str | None:
        data = self.region.currentData()
        return str(data) if data else None

    def chosen_equipment(self) -> Equipment | None:
        data = self.equipment.currentData()
        return Equipment(data) if data else None

    def active(self) -> bool:
        return self.chosen_region() is not None or self.chosen_equipment() is not None

    def choose(self, region: str | None = None, equipment: Equipment | None = None) -> None:
        """Set both lists at once (one ``changed``)."""
        for combo in (self.region, self.equipment):
            combo.blockSignals(True)
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        value = equipment.value if equipment is not None else None
        self.equipment.setCurrentIndex(max(0, self.equipment.findData(value)))
        for combo in (self.region, self.equipment):
            combo.blockSignals(False)
        self._changed()

    def clear(self) -> None:
        self.choose(None, None)

    def set_count(self, shown: int, total: int) -> None:
        self.count.setText(
            QCoreApplication.translate("Routines", "%1 of %n routine(s)", None, total).replace(
                "%1", str(shown)
            )
            if shown != total
            else QCoreApplication.translate("Routines", "%n routine(s)", None, total)
        )
        layout = self.layout()
        if layout is not None:  # the longer text may need the next row
            layout.invalidate()
        self.updateGeometry()

    def _changed(self) -> None:
        self._update_clear()
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.active())
