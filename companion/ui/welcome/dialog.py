"""The welcome on the first start: four small steps, each one skippable.

Health conditions (with "None of these"), the equipment you have (nothing ticked
until you tick it), your waking hours and your water goal (inside the protocol's
usual range). Enter is Next, Esc closes it ("Skip for now" on every step skips
just that one). The dialog only collects the answers; the app saves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.domain.conditions import ConditionCatalog, ReportedCondition
from companion.domain.equipment import OWNABLE_EQUIPMENT, Equipment
from companion.domain.preferences import Preferences
from companion.domain.protocols import ProtocolBounds
from companion.domain.reminders import WakingHours
from companion.ui.sections import make_label
from companion.ui.today.dialogs import ConditionsPicker

STEPS = ("conditions", "equipment", "waking", "water")


@dataclass(frozen=True)
class WelcomeAnswers:
    """What the welcome found out; a step skipped leaves its value None."""

    conditions: tuple[ReportedCondition, ...] | None = None
    equipment: frozenset[Equipment] | None = None
    waking: WakingHours | None = None
    water_ml: int | None = None


class WelcomeDialog(QDialog):
    def __init__(
        self,
        conditions: ConditionCatalog,
        bounds: ProtocolBounds,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Welcome", "Welcome to Recovery Companion"))
        self.setMinimumSize(560, 520)
        self._skipped: set[str] = set()
        self._index = 0
        goal = bounds.bound("hydration.daily_target")
        self._water_range = (goal.warn_min or 1.5, goal.warn_max or 4.0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        self.step_label = make_label("", "Muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setRange(0, len(STEPS))
        self.progress.setAccessibleName(QCoreApplication.translate("Welcome", "Progress"))
        self.title = make_label("", "PageTitle")
        self.lead = make_label("", "")
        for widget in (self.step_label, self.progress, self.title, self.lead):
            layout.addWidget(widget)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.conditions = ConditionsPicker(conditions)
        self.pages.addWidget(_scrolled(self.conditions))
        self.pages.addWidget(self._equipment_page(preferences))
        self.pages.addWidget(self._waking_page(preferences))
        self.pages.addWidget(self._water_page(preferences, bounds))
        layout.addLayout(self._buttons())
        self.conditions.changed.connect(self._show)
        self._show()

    # -- pages -----------------------------------------------------------------------------
    def _equipment_page(self, preferences: Preferences) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.equipment: dict[Equipment, QCheckBox] = {}
        owned = preferences.equipment or frozenset()  # None (everything) is not asked here
        for item, name in OWNABLE_EQUIPMENT:
            box = QCheckBox(QCoreApplication.translate("Equipment", name))
            box.setChecked(item in owned)
            self.equipment[item] = box
            column.addWidget(box)
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Welcome",
                    "Nothing ticked is fine: the plan then uses your hands, the floor, a wall, "
                    "a chair and a towel.",
                ),
                "Muted",
            )
        )
        column.addStretch(1)
        return page

    def _waking_page(self, preferences: Preferences) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(2, 1)
        monday = preferences.waking.days[0]
        self.wake_from, self.wake_to = QTimeEdit(), QTimeEdit()
        for row, (edit, value, text) in enumerate(
            (
                (self.wake_from, monday.start, QCoreApplication.translate("Welcome", "Awake from")),
                (self.wake_to, monday.end, QCoreApplication.translate("Welcome", "Awake until")),
            )
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00:00") + 48)
            edit.setTime(QTime(value.hour, value.minute))
            edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            edit.setAccessibleName(text)
            edit.timeChanged.connect(self._show)
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        self.waking_note = make_label("", "Warning")
        grid.addWidget(self.waking_note, 2, 0, 1, 3)
        grid.setRowStretch(3, 1)
        return page

    def _water_page(self, preferences: Preferences, bounds: ProtocolBounds) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("Welcome", "Daily goal"))
        self.water = QDoubleSpinBox()
        self.water.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.water.setDecimals(1)
        self.water.setSingleStep(0.1)
        self.water.setRange(*self._water_range)
        # Litres: the welcome comes before any unit is chosen, and new users start in litres.
        self.water.setSuffix(" " + QCoreApplication.translate("Welcome", "L", "litres"))
        self.water.setMinimumWidth(self.water.fontMetrics().horizontalAdvance("00.0 L") + 48)
        self.water.setValue(preferences.water_goal_l(bounds))
        self.water.setAccessibleName(QCoreApplication.translate("Welcome", "Daily water goal"))
        label.setBuddy(self.water)
        row.addWidget(label)
        row.addWidget(self.water)
        row.addStretch(1)
        column.addLayout(row)
        low, high = self._water_range
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Welcome",
                    "Drinks over the day, from %(low)g to %(high)g L here; 2 L suits most "
                    "adults. Thirst and pale urine are good guides. A goal outside this range "
                    "is set in Settings, which asks first.",
                )
                % {"low": low, "high": high},
                "Muted",
            )
        )
        column.addStretch(1)
        return page

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.skip_button = QPushButton(QCoreApplication.translate("Welcome", "Skip for now"))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.back_button = QPushButton(QCoreApplication.translate("Welcome", "&Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("PrimaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        return row

    # -- moving ----------------------------------------------------------------------------
    @property
    def step(self) -> str:
        return STEPS[self._index]

    def next(self) -> None:
        if not self._can_go_on():
            return
        self._skipped.discard(self.step)
        self._advance()

    def skip(self) -> None:
        """Skip for now: this step stays unanswered (Settings can set it later)."""
        self._skipped.add(self.step)
        self._advance()

    def back(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show()

    def _advance(self) -> None:
        if self._index == len(STEPS) - 1:
            self.accept()
            return
        self._index += 1
        self._show()

    def _waking_problem(self) -> str:
        start, end = self.wake_from.time(), self.wake_to.time()
        return WakingHours.check(time(start.hour(), start.minute()), time(end.hour(), end.minute()))

    def _can_go_on(self) -> bool:
        if self.step == "conditions":
            return self.conditions.answered()
        if self.step == "waking":
            return not self._waking_problem()
        return True

    def _show(self) -> None:
        titles = {
            "conditions": (
                QCoreApplication.translate("Welcome", "Health conditions"),
                QCoreApplication.translate(
                    "Welcome",
                    "Some conditions make ice, heat, baths or rolling unsafe. Tick any that "
                    "apply, or None of these; the plan leaves out what is not safe for you.",
                ),
            ),
            "equipment": (
                QCoreApplication.translate("Welcome", "Equipment you have"),
                QCoreApplication.translate(
                    "Welcome", "Tick what you have at home. The routine only uses what you tick."
                ),
            ),
            "waking": (
                QCoreApplication.translate("Welcome", "Your waking hours"),
                QCoreApplication.translate(
                    "Welcome",
                    "Reminders stay quiet outside these hours. Settings can set each day apart.",
                ),
            ),
            "water": (
                QCoreApplication.translate("Welcome", "Your water goal"),
                QCoreApplication.translate(
                    "Welcome", "How much to drink in a day, for the water reminders."
                ),
            ),
        }
        title, lead = titles[self.step]
        self.step_label.setText(
            QCoreApplication.translate("Welcome", "Step %d of %d") % (self._index + 1, len(STEPS))
        )
        self.progress.setValue(self._index + 1)
        self.title.setText(title)
        self.lead.setText(lead)
        self.pages.setCurrentIndex(self._index)
        self.back_button.setEnabled(self._index > 0)
        last = self._index == len(STEPS) - 1
        self.next_button.setText(
            QCoreApplication.translate("Welcome", "Finish")
            if last
            else QCoreApplication.translate("Welcome", "Next")
        )
        problem = self._waking_problem()
        self.waking_note.setText(problem)
        self.next_button.setEnabled(self._can_go_on())

    # -- the answers -------------------------------------------------------------------------
    def answers(self) -> WelcomeAnswers:
        def kept(step: str) -> bool:
            return step not in self._skipped and STEPS.index(step) < self._reached()

        start, end = self.wake_from.time(), self.wake_to.time()
        return WelcomeAnswers(
            conditions=self.conditions.chosen() if kept("conditions") else None,
            equipment=frozenset(i for i, box in self.equipment.items() if box.isChecked())
            if kept("equipment")
            else None,
            waking=WakingHours(time(start.hour(), start.minute()), time(end.hour(), end.minute()))
            if kept("waking")
            else None,
            water_ml=round(self.water.value() * 1000) if kept("water") else None,
        )

    def _reached(self) -> int:
        """How many steps were passed (all of them once Finish was pressed)."""
        return len(STEPS) if self.result() == QDialog.DialogCode.Accepted else self._index


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area
