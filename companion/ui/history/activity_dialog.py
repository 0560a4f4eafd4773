"""Logging a run, leg day or long shift, and a morning's sleep and recovery.

The training-load note (PROTOCOLS 1.1) updates as the distance is typed, so a
planned run can be checked before it happens; it never stops anything from
being saved. Values beyond what any activity has are refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain.activity import (
    MAX_KM,
    MAX_MINUTES,
    Activity,
    ActivityKind,
    MorningLog,
    training_load_nudges,
)
from companion.ui.sections import make_label

NOT_GIVEN = 0  # the spin boxes' "not given" value, shown as a dash


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())


class ActivityDialog(QDialog):
    """Log one activity. ``history`` gives the logged activities for the nudge."""

    def __init__(
        self,
        now: datetime,
        history: Callable[[], Sequence[Activity]],
        parent: QWidget | None = None,
        *,
        kind: ActivityKind = ActivityKind.RUN,
        save_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ActivityDialog", "Log an activity"))
        self.setMinimumWidth(520)
        self._now = now
        self._history = list(history())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(self._form(now, kind))
        self.nudge_box = QFrame()
        self.nudge_box.setObjectName("Banner")
        inner = QVBoxLayout(self.nudge_box)
        inner.setContentsMargins(12, 10, 12, 10)
        self.nudge = make_label("", "")
        self.nudge.setAccessibleName(
            QCoreApplication.translate("ActivityDialog", "Training load note")
        )
        inner.addWidget(self.nudge)
        layout.addWidget(self.nudge_box)
        self.problem = make_label("", "StatusLine")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(
            save_text or QCoreApplication.translate("ActivityDialog", "Log it")
        )
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._changed)
        self.km.valueChanged.connect(self._changed)
        self.minutes.valueChanged.connect(self._changed)
        self.ended.dateTimeChanged.connect(self._changed)
        self.activity: Activity | None = None
        self._changed()

    def _form(self, now: datetime, kind: ActivityKind) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(14)
        self.kind = QComboBox()
        for k in ActivityKind:
            self.kind.addItem(QCoreApplication.translate("ActivityKind", k.label), k.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        form.addRow(QCoreApplication.translate("ActivityDialog", "&What"), self.kind)
        self.ended = QDateTimeEdit(_to_qt(now))
        self.ended.setCalendarPopup(True)
        self.ended.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.ended.setMaximumDateTime(_to_qt(now + timedelta(days=14)))
        self.ended.setMinimumDateTime(_to_qt(now - timedelta(days=365)))
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Finished at"), self.ended)
        self.km = QDoubleSpinBox()
        self.km.setRange(0, MAX_KM)
        self.km.setDecimals(1)
        self.km.setSingleStep(0.5)
        self.km.setSuffix(QCoreApplication.translate("ActivityDialog", " km"))
        self.km.setSpecialValueText("—")
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Distance"), self.km)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(QCoreApplication.translate("ActivityDialog", " min"))
        self.minutes.setSpecialValueText("—")
        form.addRow(QCoreApplication.translate("ActivityDialog", "D&uration"), self.minutes)
        self.effort = QSpinBox()
        self.effort.setRange(0, 10)
        self.effort.setSpecialValueText("—")
        self.effort.setSuffix(" / 10")
        self.effort.setToolTip(
            QCoreApplication.translate("ActivityDialog", "1 is very easy, 10 is all-out.")
        )
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Effort"), self.effort)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(
            QCoreApplication.translate("ActivityDialog", "Optional, e.g. hilly, new shoes")
        )
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Note"), self.note)
        for field, name in (
            (self.kind, QCoreApplication.translate("ActivityDialog", "Activity")),
            (self.ended, QCoreApplication.translate("ActivityDialog", "Finished at")),
            (self.km, QCoreApplication.translate("ActivityDialog", "Distance in kilometres")),
            (self.minutes, QCoreApplication.translate("ActivityDialog", "Duration in minutes")),
            (self.effort, QCoreApplication.translate("ActivityDialog", "Effort from 1 to 10")),
            (self.note, QCoreApplication.translate("ActivityDialog", "Note")),
        ):
            field.setAccessibleName(name)
        return form

    def chosen_kind(self) -> ActivityKind:
        return ActivityKind(self.kind.currentData())

    def ended_at(self) -> datetime:
        seconds = self.ended.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, tz=self._now.tzinfo)

    def build(self) -> Activity:
        kind = self.chosen_kind()
        takes_km = kind in (ActivityKind.RUN, ActivityKind.OTHER)
        return Activity(
            kind=kind,
            ended_at=self.ended_at(),
            minutes=float(self.minutes.value()) or None,
            km=(self.km.value() or None) if takes_km else None,
            effort=self.effort.value() or None,
            note=self.note.text().strip(),
        )

    def _changed(self) -> None:
        kind = self.chosen_kind()
        self.km.setEnabled(kind in (ActivityKind.RUN, ActivityKind.OTHER))
        self.problem.setVisible(False)
        notes: tuple[str, ...] = ()
        if kind is ActivityKind.RUN and self.km.value() > 0:
            notes = tuple(
                n.text
                for n in training_load_nudges(self.km.value(), self.ended_at(), self._history)
            )
        self.nudge.setText("\n\n".join(notes))
        self.nudge_box.setVisible(bool(notes))
        self.adjustSize()

    def _save(self) -> None:
        try:
            self.activity = self.build()
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.accept()


class MorningDialog(QDialog):
    """Last night's sleep and how recovered you feel this morning (0-10)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ActivityDialog", "Sleep and recovery"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setMinimumDate(QDate(today.year, today.month, today.day).addDays(-30))
        self.day.setDisplayFormat("ddd d MMM yyyy")
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Morning of"), self.day)
        self.sleep = QDoubleSpinBox()
        self.sleep.setRange(-0.25, 24)
        self.sleep.setSingleStep(0.25)
        self.sleep.setDecimals(2)
        self.sleep.setSuffix(QCoreApplication.translate("ActivityDialog", " h"))
        self.sleep.setSpecialValueText("—")
        self.sleep.setValue(-0.25)
        form.addRow(QCoreApplication.translate("ActivityDialog", "&Slept"), self.sleep)
        self.prs = QSpinBox()
        self.prs.setRange(-1, 10)
        self.prs.setSpecialValueText("—")
        self.prs.setValue(-1)
        self.prs.setToolTip(
            QCoreApplication.translate(
                "ActivityDialog",
                "0 is very poorly recovered, 10 is very well recovered and full of energy.",
            )
        )
        form.addRow(
            QCoreApplication.translate("ActivityDialog", "How &recovered do you feel? (0-10)"),
            self.prs,
        )
        self.day.setAccessibleName(QCoreApplication.translate("ActivityDialog", "Morning of"))
        self.sleep.setAccessibleName(QCoreApplication.translate("ActivityDialog", "Hours slept"))
        self.prs.setAccessibleName(
            QCoreApplication.translate("ActivityDialog", "How recovered you feel, 0 to 10")
        )
        layout.addLayout(form)
        hint = QLabel(
            QCoreApplication.translate(
                "ActivityDialog",
                "0 means very poorly recovered; 10 means very well recovered and full of energy.",
            )
        )
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.problem = make_label("", "StatusLine")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.log: MorningLog | None = None

    def build(self) -> MorningLog:
        qdate = self.day.date()
        sleep = self.sleep.value()
        prs = self.prs.value()
        return MorningLog(
            date(qdate.year(), qdate.month(), qdate.day()),
            sleep_hours=sleep if sleep >= 0 else None,
            prs=prs if prs >= 0 else None,
        )

    def _save(self) -> None:
        try:
            self.log = self.build()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
