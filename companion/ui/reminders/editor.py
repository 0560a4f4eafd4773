"""Create or edit one reminder rule, checked against the protocol limits as you type.

A value beyond a hard limit disables Save and says why; one outside the
usual range asks for confirmation on Save. The same checks run in the
domain for the command line and imports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import later
from companion.domain.protocols import ProtocolBounds
from companion.domain.reminders import (
    ALL_DAYS,
    MAX_MESSAGE,
    MAX_TITLE,
    Kind,
    ReminderRule,
    RuleReview,
    Waking,
    check_rule,
)
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import METRIC, Units

DEFAULT_EVERY = {Kind.HYDRATION: 90, Kind.ICING: 120}  # PROTOCOLS 1.2 defaults
DAY_NAMES = (  # translated where shown, in the "ReminderEditor" context
    QT_TRANSLATE_NOOP("ReminderEditor", "Mon"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Tue"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Wed"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Thu"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Fri"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Sat"),
    QT_TRANSLATE_NOOP("ReminderEditor", "Sun"),
)


def _tr(text: str) -> str:
    # Deprecated: pyside6-lupdate cannot see through this wrapper, so a string passed
    # to it never reaches the catalogue. Write QCoreApplication.translate(
    # "ReminderEditor", "literal text") at the call instead; this goes once no call is left.
    return QCoreApplication.translate("ReminderEditor", text)


def kind_label(kind: Kind) -> str:
    """A reminder kind's name, translated (companion.domain.reminders marks the names)."""
    return QCoreApplication.translate("Kind", kind.label)


def _spin(low: int, high: int, value: int, suffix: str, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


class ReminderEditorDialog(QDialog):
    def __init__(
        self,
        rule: ReminderRule,
        bounds: ProtocolBounds,
        others: Sequence[ReminderRule],
        *,
        now: datetime,
        waking: Waking,
        units: Units = METRIC,
        goal_ml: int | None = None,  # the water goal set in Settings
        regions: Sequence[tuple[str, str]] = (),  # (group id, label)
        routines: Sequence[tuple[str, str]] = (),  # (routine id, name)
        confirm: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("ReminderEditor", "Edit reminder")
            if rule.id
            else QCoreApplication.translate("ReminderEditor", "New reminder")
        )
        self.setMinimumWidth(460)
        self.original = rule
        self.bounds = bounds
        self.others = list(others)
        self.now = now
        self.waking = waking
        self.units = units
        self.goal_ml = goal_ml
        self._confirm = confirm or self._ask
        self.result_rule: ReminderRule | None = None

        self.form = self._build_form(rule, regions, routines)
        if goal_ml is not None:  # one goal for the day, set in Settings
            self.goal.setValue(goal_ml)
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.review_label.setObjectName("Muted")
        self.review_label.setAccessibleName(
            QCoreApplication.translate("ReminderEditor", "Safety check")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.review_label)
        layout.addWidget(buttons)

        for spin in (self.every, self.amount, self.goal, self.on_min, self.window_h):
            spin.valueChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.region, self.routine):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.title, self.message):
            edit.textChanged.connect(self._changed)
        self.at.timeChanged.connect(self._changed)
        for box in self.days:
            box.toggled.connect(self._changed)
        self._changed()

    def _build_form(
        self,
        rule: ReminderRule,
        regions: Sequence[tuple[str, str]],
        routines: Sequence[tuple[str, str]],
    ) -> QFormLayout:
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(
            QCoreApplication.translate("ReminderEditor", "Kind of reminder")
        )
        for kind in Kind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(rule.kind.value))
        self.kind.setEnabled(rule.id is None)  # a stored rule keeps its kind
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Kind"), self.kind)
        self.title = QLineEdit(rule.title)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Reminder name"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Name"), self.title)

        every = rule.every_min or DEFAULT_EVERY.get(rule.kind, 90)
        self.every = _spin(
            10,
            600,
            every,
            QCoreApplication.translate("ReminderEditor", " min"),
            QCoreApplication.translate("ReminderEditor", "Minutes between"),
        )
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Every"), self.every)
        units = self.units
        self.amount = _spin(
            round(units.volume_value(50)),
            round(units.volume_value(1000)),
            round(units.volume_value(rule.amount_ml or 250)),
            " " + QCoreApplication.translate("ReminderEditor", units.volume_symbol),
            QCoreApplication.translate("ReminderEditor", "Water each time"),
        )
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Amount"), self.amount)
        self.goal = _spin(
            500,
            8000,
            rule.daily_goal_ml or 2000,
            QCoreApplication.translate("ReminderEditor", " mL"),
            QCoreApplication.translate("ReminderEditor", "Daily goal"),
        )
        self.goal.setSingleStep(100)
        form.addRow(QCoreApplication.translate("ReminderEditor", "Daily &goal"), self.goal)
        self.on_min = _spin(
            1,
            60,
            rule.on_min or 15,
            QCoreApplication.translate("ReminderEditor", " min"),
            QCoreApplication.translate("ReminderEditor", "Ice on for"),
        )
        form.addRow(QCoreApplication.translate("ReminderEditor", "Ice &on for"), self.on_min)
        self.region = QComboBox()
        self.region.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Region iced"))
        for group, label in regions:
            self.region.addItem(label, group)
        if rule.region:
            self.region.setCurrentIndex(max(0, self.region.findData(rule.region)))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Region"), self.region)
        window_h = 72
        if rule.starts is not None and rule.ends is not None:
            window_h = round((rule.ends - rule.starts).total_seconds() / 3600)
        self.window_h = _spin(
            0,
            24 * 14,
            window_h,
            QCoreApplication.translate("ReminderEditor", " h"),
            QCoreApplication.translate("ReminderEditor", "For how many hours"),
        )
        self.window_h.setSpecialValueText(QCoreApplication.translate("ReminderEditor", "no end"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "For the next"), self.window_h)
        self.at = QTimeEdit(
            QTime((rule.times or (time(19, 0),))[0].hour, (rule.times or (time(19, 0),))[0].minute)
        )
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Time of day"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&At"), self.at)
        self.days_row = self._build_days(rule)
        form.addRow(QCoreApplication.translate("ReminderEditor", "On"), self.days_row)
        self.routine = QComboBox()
        self.routine.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Routine"))
        for routine_id, name in routines:
            self.routine.addItem(name, routine_id)
        if rule.routine_id:
            self.routine.setCurrentIndex(max(0, self.routine.findData(rule.routine_id)))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Routine"), self.routine)
        self.message = QLineEdit(rule.message)
        self.message.setMaxLength(MAX_MESSAGE)
        self.message.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Message"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Message"), self.message)
        return form

    def _build_days(self, rule: ReminderRule) -> QWidget:
        days = QHBoxLayout()
        days.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        for index, name in enumerate(DAY_NAMES):
            day = QCoreApplication.translate("ReminderEditor", name)
            box = QCheckBox(day)
            box.setChecked(index in rule.weekdays)
            box.setAccessibleName(day)
            self.days.append(box)
            days.addWidget(box)
        row = QWidget()
        row.setLayout(days)
        return row

    # -- the rule as edited ---------------------------------------------------------------------
    def kind_value(self) -> Kind:
        return Kind(self.kind.currentData())

    def rule(self) -> ReminderRule:
        kind = self.kind_value()
        base = replace(
            self.original,
            kind=kind,
            title=self.title.text().strip() or kind_label(kind),
            every_min=None,
            times=(),
            weekdays=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            amount_ml=None,
            daily_goal_ml=None,
            on_min=None,
            region="",
            routine_id="",
            message="",
            starts=None,
            ends=None,
        )
        if kind is Kind.HYDRATION:
            return replace(
                base,
                every_min=self.every.value(),
                amount_ml=self.units.to_ml(self.amount.value()),
                daily_goal_ml=self.goal.value(),
                weekdays=ALL_DAYS,
            )
        if kind is Kind.ICING:
            starts = self.original.starts or self.now
            hours = self.window_h.value()
            return replace(
                base,
                every_min=self.every.value(),
                on_min=self.on_min.value(),
                region=str(self.region.currentData() or ""),
                starts=starts if hours else None,
                ends=later(starts, timedelta(hours=hours)) if hours else None,
                weekdays=ALL_DAYS,
            )
        at = self.at.time()
        times = (time(at.hour(), at.minute()),)
        if kind is Kind.ROUTINE:
            return replace(base, times=times, routine_id=str(self.routine.currentData() or ""))
        if kind is Kind.CUSTOM:
            return replace(base, times=times, message=self.message.text().strip())
        return replace(base, times=times)

    def review(self) -> RuleReview:
        return check_rule(self.rule(), self.bounds, self.waking, self.others)

    def _kind_changed(self) -> None:
        """A new rule switching kind starts from that kind's default interval."""
        self.every.setValue(DEFAULT_EVERY.get(self.kind_value(), self.every.value()))
        self._changed()

    def _changed(self) -> None:
        kind = self.kind_value()
        shown = {
            self.every: kind.by_interval,
            self.amount: kind is Kind.HYDRATION,
            self.goal: kind is Kind.HYDRATION and self.goal_ml is None,
            self.on_min: kind is Kind.ICING,
            self.region: kind is Kind.ICING,
            self.window_h: kind is Kind.ICING,
            self.at: not kind.by_interval,
            self.days_row: not kind.by_interval,
            self.routine: kind is Kind.ROUTINE,
            self.message: kind is Kind.CUSTOM,
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        if not self.title.text().strip() and self.original.id is None:
            self.title.setPlaceholderText(kind_label(kind))
        review = self.review()
        self.save_button.setEnabled(review.allowed)
        if review.refused:
            self.review_label.setText(
                QCoreApplication.translate("ReminderEditor", "Not allowed: %s")
                % " ".join(review.refused)
            )
        elif review.to_confirm:
            self.review_label.setText(" ".join(review.to_confirm))
        else:
            self.review_label.setText(
                QCoreApplication.translate("ReminderEditor", "Within the usual, safe range.")
            )

    def save(self) -> None:
        review = self.review()
        if not review.allowed:
            return
        if review.to_confirm and not self._confirm("\n".join(review.to_confirm)):
            return
        self.result_rule = self.rule()
        self.accept()

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(
            self, QCoreApplication.translate("ReminderEditor", "Outside the usual range"), text
        )
        return answer == QMessageBox.StandardButton.Yes
