"""Create or edit one reminder rule, checked against the protocol limits as you type.

A value beyond a hard limit disables Save and says why; one outside the
usual range asks for confirmation on Save. The same checks run in the
domain for the command line and imports. A water reminder says what its
schedule adds up to over the waking day against the goal; an icing reminder
starts from the latest check-in's sorest spot suited to ice (or asks), with
its window counted from when the soreness started. The messages wrap below
the fields and the dialog grows to fit them: a field never shrinks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.domain.checkin import CheckIn
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
from companion.domain.reminders.timeline import (
    ICING_DEFAULT_WINDOW_H,
    icing_spot,
    icing_start,
    water_schedule,
)
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import METRIC, Units
from companion.services.reminder_edits import missing_choices
from companion.ui.reminders.editor_icing import (
    region_combo,
    short_region,
    side_combo,
    side_words,
    spot_side,
    window_words,
)

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
    spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn never changes it
    return spin


def _message_label(name: str) -> QLabel:
    """A message below the fields: it wraps, and the dialog grows to fit it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("Muted")
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


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
        checkin: CheckIn | None = None,  # the latest: where and from when to ice
        paired: Collection[str] | None = None,  # region groups with a left and a right
        confirm: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("ReminderEditor", "Edit reminder")
            if rule.id
            else QCoreApplication.translate("ReminderEditor", "New reminder")
        )
        self.original = rule
        self.bounds = bounds
        self.others = list(others)
        self.now = now
        self.waking = waking
        self.units = units
        self.goal_ml = goal_ml
        self.paired = None if paired is None else frozenset(paired)
        self._region_labels = dict(regions)
        self._confirm = confirm or self._ask
        self.result_rule: ReminderRule | None = None
        # A new reminder's icing window counts from when the soreness started.
        self._icing_starts = rule.starts or icing_start(checkin, now)
        self._from_onset = (
            rule.starts is None and checkin is not None and self._icing_starts == checkin.onset
        )
        spot = icing_spot(checkin, now) if rule.id is None and not rule.region else None
        self._spot_region = spot.group if spot is not None else rule.region
        self._spot_side = spot_side(spot) if spot is not None else rule.extra.get("side", "")

        self.form = self._build_form(rule, regions, routines)
        if goal_ml is not None:  # one goal for the day, set in Settings
            self.goal.setValue(round(self.units.volume_value(goal_ml)))
        self.schedule_label = _message_label(
            QCoreApplication.translate("ReminderEditor", "What the schedule adds up to")
        )
        self.review_label = _message_label(
            QCoreApplication.translate("ReminderEditor", "Safety check")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog is never smaller than its layout wants: a long message makes it
        # taller instead of squeezing the fields (it used to leave them about 16 px high).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.review_label.setMinimumWidth(420)  # the layout sets the dialog's minimum now
        layout.addLayout(self.form)
        layout.addWidget(self.schedule_label)
        layout.addWidget(self.review_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

        for spin in (self.every, self.amount, self.goal, self.on_min, self.window_h):
            spin.valueChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.region, self.side, self.routine):
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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        self.kind.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
            round(units.volume_value(500)),
            round(units.volume_value(8000)),
            round(units.volume_value(rule.daily_goal_ml or 2000)),
            " " + QCoreApplication.translate("ReminderEditor", units.volume_symbol),
            QCoreApplication.translate("ReminderEditor", "Daily goal"),
        )
        self.goal.setSingleStep(5 if units.ounces else 100)
        form.addRow(QCoreApplication.translate("ReminderEditor", "Daily &goal"), self.goal)
        self._build_icing_rows(form, rule, regions)
        self.at = QTimeEdit(
            QTime((rule.times or (time(19, 0),))[0].hour, (rule.times or (time(19, 0),))[0].minute)
        )
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Time of day"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&At"), self.at)
        self.days_row = self._build_days(rule)
        form.addRow(QCoreApplication.translate("ReminderEditor", "On"), self.days_row)
        self.routine = QComboBox()
        self.routine.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    def _build_icing_rows(
        self, form: QFormLayout, rule: ReminderRule, regions: Sequence[tuple[str, str]]
    ) -> None:
        self.on_min = _spin(
            1,
            60,
            rule.on_min or 15,
            QCoreApplication.translate("ReminderEditor", " min"),
            QCoreApplication.translate("ReminderEditor", "Ice on for"),
        )
        form.addRow(QCoreApplication.translate("ReminderEditor", "Ice &on for"), self.on_min)
        self.region = region_combo(regions, self._spot_region)
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Region"), self.region)
        self.side = side_combo(self._spot_side)
        form.addRow(QCoreApplication.translate("ReminderEditor", "&Leg"), self.side)
        window_h = ICING_DEFAULT_WINDOW_H
        if rule.starts is not None and rule.ends is not None:
            window_h = round((rule.ends - rule.starts).total_seconds() / 3600)
        self.window_h = _spin(
            0,
            24 * 14,
            window_h,
            QCoreApplication.translate("ReminderEditor", " h"),
            QCoreApplication.translate("ReminderEditor", "For how many hours from the start"),
        )
        self.window_h.setSpecialValueText(QCoreApplication.translate("ReminderEditor", "no end"))
        form.addRow(QCoreApplication.translate("ReminderEditor", "&For"), self.window_h)
        self.window_note = _message_label(
            QCoreApplication.translate("ReminderEditor", "The icing window")
        )
        form.addRow("", self.window_note)

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

    def region_value(self) -> str:
        return str(self.region.currentData() or "")

    def needs_side(self) -> bool:
        """Whether the region chosen has a left and a right (all do when not told)."""
        region = self.region_value()
        return bool(region) and (self.paired is None or region in self.paired)

    def side_value(self) -> str:
        return str(self.side.currentData() or "") if self.needs_side() else ""

    def default_title(self, kind: Kind) -> str:
        """An empty name takes the kind's, and an icing reminder's says where."""
        region = self.region_value()
        if kind is not Kind.ICING or not region:
            return kind_label(kind)
        where = short_region(self._region_labels.get(region, region))
        side = side_words(self.side_value())
        if side:
            return QCoreApplication.translate("ReminderEditor", "Ice: %s, %s") % (where, side)
        return QCoreApplication.translate("ReminderEditor", "Ice: %s") % where

    def missing(self) -> list[str]:
        """What the user still has to choose (nothing is picked for them): the service's
        one check (``missing_choices``), which the command line's requests meet too."""
        return [
            QCoreApplication.translate("ReminderEditor", text)
            for text in missing_choices(self.rule(), self.paired)
        ]

    def rule(self) -> ReminderRule:
        kind = self.kind_value()
        base = replace(
            self.original,
            kind=kind,
            title=self.title.text().strip() or self.default_title(kind),
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
            extra={k: v for k, v in self.original.extra.items() if k != "side"},
        )
        if kind is Kind.HYDRATION:
            return replace(
                base,
                every_min=self.every.value(),
                amount_ml=self.units.to_ml(self.amount.value()),
                daily_goal_ml=self.units.to_ml(self.goal.value()),
                weekdays=ALL_DAYS,
            )
        if kind is Kind.ICING:
            starts = self._icing_starts
            hours = self.window_h.value()
            side = self.side_value()
            return replace(
                base,
                every_min=self.every.value(),
                on_min=self.on_min.value(),
                region=self.region_value(),
                starts=starts if hours else None,
                ends=later(starts, timedelta(hours=hours)) if hours else None,
                weekdays=ALL_DAYS,
                extra={**base.extra, "side": side} if side else base.extra,
            )
        at = self.at.time()
        times = (time(at.hour(), at.minute()),)
        if kind is Kind.ROUTINE:
            return replace(base, times=times, routine_id=str(self.routine.currentData() or ""))
        if kind is Kind.CUSTOM:
            return replace(base, times=times, message=self.message.text().strip())
        return replace(base, times=times)

    def review(self) -> RuleReview:
        return check_rule(self.rule(), self.bounds, self.waking, self.others, now=self.now)

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
            self.side: kind is Kind.ICING and self.needs_side(),
            self.window_h: kind is Kind.ICING,
            self.window_note: kind is Kind.ICING,
            self.at: not kind.by_interval,
            self.days_row: not kind.by_interval,
            self.routine: kind is Kind.ROUTINE,
            self.message: kind is Kind.CUSTOM,
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        if not self.title.text().strip() and self.original.id is None:
            self.title.setPlaceholderText(self.default_title(kind))
        rule = self.rule()
        self.window_note.setText(
            window_words(rule.starts, rule.ends, self.now, self._from_onset)
            if kind is Kind.ICING
            else ""
        )
        self.schedule_label.setText(self._schedule_words(rule))
        self.schedule_label.setVisible(kind is Kind.HYDRATION)
        review = self.review()
        missing = self.missing()
        self.save_button.setEnabled(review.allowed and not missing)
        if review.refused:
            self.review_label.setText(
                "\n".join(
                    [
                        QCoreApplication.translate("ReminderEditor", "Not allowed:"),
                        *(f"• {reason}" for reason in review.refused),
                    ]
                )
            )
        elif missing:
            self.review_label.setText(" ".join(missing))
        elif review.to_confirm:
            self.review_label.setText("\n".join(review.to_confirm))
        else:
            self.review_label.setText(
                QCoreApplication.translate("ReminderEditor", "Within the usual, safe range.")
            )
        if self.isVisible():
            self.adjustSize()  # taller for a longer message; the width stays

    def _schedule_words(self, rule: ReminderRule) -> str:
        """ "About 3.5 L over your waking day; your goal is 2 L." """
        if rule.kind is not Kind.HYDRATION:
            return ""
        goal = self.goal_ml if self.goal_ml is not None else rule.daily_goal_ml
        plan = water_schedule(rule, self.others, self.waking, goal)
        units = self.units
        text = QCoreApplication.translate("ReminderEditor", "About %s over your waking day") % (
            units.litres(plan.rule_ml / 1000)
        )
        if plan.total_ml != plan.rule_ml:
            text += QCoreApplication.translate(
                "ReminderEditor", ", %s with your other water reminders"
            ) % units.litres(plan.total_ml / 1000)
        if goal:
            return text + QCoreApplication.translate("ReminderEditor", "; your goal is %s.") % (
                units.litres(goal / 1000)
            )
        return text + "."

    def save(self) -> None:
        review = self.review()
        if not review.allowed or self.missing():
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
