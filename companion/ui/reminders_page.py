"""The Reminders screen: status and pause, water today, your reminders, and today's timeline."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from companion.domain.reminders import Kind, ReminderRule, timeline
from companion.domain.therapy_timer import CONTRAST_PRESETS
from companion.ui.actions import AppActions
from companion.ui.pause import PauseController
from companion.ui.reminder_center import ReminderCenter, when_words
from companion.ui.sections import SECTIONS, Card, SectionPage, _label
from companion.ui.tray import WATER_AMOUNTS_ML

ANSWER_WORDS = {
    "done": "done",
    "snoozed": "snoozed",
    "skipped": "skipped",
    "backed_off": "quiet: you had just drunk",
    "quiet": "held back",
}


TIMER_CHOICES = (
    ("ice", "Ice pack"),
    ("ice-10-10-10", "Ice 10 on, 10 off, 10 on"),
    ("contrast", "Contrast therapy"),
    ("cold-bath", "Cold-water soak"),
    ("warm-bath", "Warm bath"),
    ("heat", "Heat pack"),
)
TIMER_DEFAULTS = {  # minutes, water temperature (PROTOCOLS 1.2 defaults)
    "ice": (15, 0.0),
    "cold-bath": (10, 13.0),
    "warm-bath": (20, 37.5),
    "heat": (20, 0.0),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RemindersPage", text)


class RemindersPage(SectionPage):
    new_requested = Signal(str)  # kind
    timer_requested = Signal(str, object)  # timer kind, options
    finished_requested = Signal(str)  # "run" or "leg_day"
    waking_changed = Signal(object, object)  # start, end (datetime.time)
    edit_requested = Signal(int)
    enable_requested = Signal(int, bool)  # the app checks the limits before switching on
    delete_requested = Signal(int)

    def __init__(
        self,
        center: ReminderCenter,
        pause: PauseController,
        actions: AppActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(SECTIONS[2], parent)
        self.center = center
        self._pause = pause
        self.content.addWidget(self._status_card(actions))
        self.content.addWidget(self._water_card())
        self.content.addWidget(self._timers_card())
        self.content.addWidget(self._rules_card())
        self.content.addWidget(self._today_card())
        self.finish()
        pause.changed.connect(self.refresh)
        center.changed.connect(self.refresh)
        self.refresh()

    def _status_card(self, actions: AppActions) -> Card:
        card = Card(_tr("Reminder status"))
        row = QHBoxLayout()
        self.status_label = _label("", "StatusLine")
        self.status_label.setAccessibleName(_tr("Reminder status"))
        row.addWidget(self.status_label, 1)
        self.pause_button = QToolButton()
        self.pause_button.setText(_tr("Pause reminders"))
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause_button.setMenu(actions.pause_menu(self))
        self.pause_button.setAccessibleName(_tr("Pause reminders"))
        row.addWidget(self.pause_button)
        card.body.addLayout(row)
        self.next_label = _label("", "Muted")
        card.body.addWidget(self.next_label)
        waking = QHBoxLayout()
        waking.addWidget(_label(_tr("Awake from"), ""))
        hours = self.center.waking()
        self.wake_from = QTimeEdit(QTime(hours.start.hour, hours.start.minute))
        self.wake_to = QTimeEdit(QTime(hours.end.hour, hours.end.minute))
        for edit, name in ((self.wake_from, _tr("Awake from")), (self.wake_to, _tr("Awake until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            edit.editingFinished.connect(self._waking_edited)
        waking.addWidget(self.wake_from)
        waking.addWidget(_label(_tr("to"), ""))
        waking.addWidget(self.wake_to)
        waking.addWidget(_label(_tr("(no reminders outside these hours)"), "Muted"), 1)

        card.body.addLayout(waking)
        snooze = QHBoxLayout()
        snooze.addWidget(QLabel(_tr("Snooze for")))
        self.snooze = QSpinBox()
        self.snooze.setSuffix(_tr(" min"))
        self.snooze.setAccessibleName(_tr("Snooze for how many minutes"))
        snooze.addWidget(self.snooze)
        snooze.addStretch(1)
        card.body.addLayout(snooze)
        self.waking_note = _label("", "Muted")
        self.waking_note.hide()
        card.body.addWidget(self.waking_note)
        finished = QHBoxLayout()
        finished.addWidget(_label(_tr("Just finished:"), ""))
        for key, text in (("run", _tr("A &run")), ("leg_day", _tr("&Leg day"))):
            button = QPushButton(text)
            button.setProperty("activity", key)
            button.setToolTip(_tr("Starts the cool-down now and sets water and check-in reminders"))
            button.clicked.connect(self._finished_clicked)
            finished.addWidget(button)
        finished.addStretch(1)
        card.body.addLayout(finished)
        return card

    def _waking_edited(self) -> None:
        start, end = self.wake_from.time(), self.wake_to.time()
        self.waking_changed.emit(time(start.hour(), start.minute()), time(end.hour(), end.minute()))

    def show_waking_refusal(self, reason: str | None) -> None:
        self.waking_note.setText(reason or "")
        self.waking_note.setVisible(bool(reason))

    def _finished_clicked(self) -> None:
        self.finished_requested.emit(str(self.sender().property("activity")))

    def _water_card(self) -> Card:
        card = Card(_tr("Water today"))
        self.water_bar = QProgressBar()
        self.water_bar.setAccessibleName(_tr("Water today against the goal"))
        self.water_bar.setTextVisible(True)
        card.body.addWidget(self.water_bar)
        row = QHBoxLayout()
        self.water_buttons: list[QPushButton] = []
        for ml in WATER_AMOUNTS_ML:
            button = QPushButton(_tr("+ %d mL") % ml)
            button.setProperty("ml", ml)
            button.setAccessibleName(_tr("Log %d mL of water") % ml)
            button.clicked.connect(self._log_water)
            row.addWidget(button)
            self.water_buttons.append(button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _timers_card(self) -> Card:
        card = Card(_tr("Therapy timers"))
        card.add_text(
            _tr(
                "Ice, heat, contrast or a bath now, timed phase by phase with a skin check "
                "every five minutes. A quick safety check comes first."
            ),
            "Muted",
        )
        first = QHBoxLayout()
        self.timer_kind = QComboBox()
        self.timer_kind.setAccessibleName(_tr("Which timer"))
        for key, label in TIMER_CHOICES:
            self.timer_kind.addItem(_tr(label), key)
        first.addWidget(self.timer_kind)
        first.addStretch(1)
        card.body.addLayout(first)
        row = QHBoxLayout()
        self.timer_minutes = QSpinBox()
        self.timer_minutes.setRange(1, 60)
        self.timer_minutes.setSuffix(_tr(" min"))
        self.timer_minutes.setAccessibleName(_tr("Minutes"))
        row.addWidget(self.timer_minutes)
        self.timer_temp = QDoubleSpinBox()
        self.timer_temp.setRange(0, 50)
        self.timer_temp.setDecimals(1)
        self.timer_temp.setSuffix(" °C")
        self.timer_temp.setAccessibleName(_tr("Water temperature"))
        row.addWidget(self.timer_temp)
        self.timer_preset = QComboBox()
        self.timer_preset.setAccessibleName(_tr("Contrast pattern"))
        for preset in CONTRAST_PRESETS:
            self.timer_preset.addItem(_tr(preset.label), preset.id)
        row.addWidget(self.timer_preset)
        start = QPushButton(_tr("Start &timer"))
        start.clicked.connect(self._start_timer)
        row.addWidget(start)
        row.addStretch(1)
        card.body.addLayout(row)
        self.timer_note = _label("", "Muted")
        self.timer_note.hide()
        card.body.addWidget(self.timer_note)
        self.timer_kind.currentIndexChanged.connect(self._timer_kind_changed)
        self._timer_kind_changed()
        return card

    def _timer_kind_changed(self) -> None:
        key = str(self.timer_kind.currentData())
        minutes, temp = TIMER_DEFAULTS.get(key, (0, 0.0))
        self.timer_minutes.setVisible(bool(minutes))
        self.timer_minutes.setValue(minutes or 1)
        self.timer_temp.setVisible(bool(temp))
        self.timer_temp.setValue(temp)
        self.timer_preset.setVisible(key == "contrast")
        self.timer_note.hide()

    def _start_timer(self) -> None:
        key = str(self.timer_kind.currentData())
        options: dict[str, object] = {}
        kind = key
        if key == "ice-10-10-10":
            kind, options["intermittent"] = "ice", True
        elif key == "contrast":
            options["preset"] = self.timer_preset.currentData()
        else:
            options["minutes"] = self.timer_minutes.value()
            if self.timer_temp.isVisibleTo(self):
                options["temp_c"] = self.timer_temp.value()
        self.timer_requested.emit(kind, options)

    def show_rule_refusal(self, reason: str) -> None:
        """Switching a reminder on was refused (e.g. an imported rule beyond a limit)."""
        self.rules_note.setText(reason)
        self.rules_note.setVisible(bool(reason))
        self.refresh()  # the switch goes back to off

    def show_timer_refusal(self, reason: str) -> None:
        self.timer_note.setText(reason)
        self.timer_note.show()

    def _rules_card(self) -> Card:
        card = Card(_tr("Your reminders"))
        self.empty_label = card.add_text(
            _tr(
                "No reminders yet. Add one for water through your waking day, for icing a sore "
                "spot on and off, for contrast therapy or for your daily routine."
            ),
            "Muted",
        )
        self.rules_note = card.add_text("", "StatusLine")
        self.rules_note.setAccessibleName(_tr("Why the reminder stayed off"))
        self.rules_note.setVisible(False)
        self.rules_grid = QGridLayout()
        self.rules_grid.setHorizontalSpacing(12)
        card.body.addLayout(self.rules_grid)
        row = QHBoxLayout()
        water = QPushButton(_tr("Add &water reminder"))
        water.setProperty("kind", Kind.HYDRATION.value)
        water.clicked.connect(self._new_clicked)
        row.addWidget(water)
        self.add_button = QToolButton()
        self.add_button.setText(_tr("&Add another kind"))
        self.add_button.setAccessibleName(_tr("Add another kind of reminder"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind, label in (
            (Kind.ICING, _tr("Icing on and off")),
            (Kind.ROUTINE, _tr("Daily routine")),
            (Kind.CONTRAST, _tr("Contrast therapy")),
            (Kind.CUSTOM, _tr("Something else")),
        ):
            action = menu.addAction(label)
            action.setData(kind.value)
        menu.triggered.connect(lambda action: self.new_requested.emit(str(action.data())))
        self.add_button.setMenu(menu)
        row.addWidget(self.add_button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _today_card(self) -> Card:
        card = Card(_tr("Today"))
        self.week_label = _label("", "Muted")
        self.week_label.setAccessibleName(_tr("The last seven days"))
        card.body.addWidget(self.week_label)
        self.today_list = QListWidget()
        self.today_list.setAccessibleName(_tr("Today's reminders"))
        self.today_list.setMinimumHeight(180)
        card.body.addWidget(self.today_list)
        return card

    # -- actions --------------------------------------------------------------------------------
    def _log_water(self) -> None:
        self.center.log_water(int(self.sender().property("ml")), "app")

    def _new_clicked(self) -> None:
        self.new_requested.emit(str(self.sender().property("kind")))

    def _row_action(self) -> None:
        sender = self.sender()
        rule_id = int(sender.property("rule"))
        what = sender.property("what")
        if isinstance(sender, QCheckBox):
            self.enable_requested.emit(rule_id, sender.isChecked())
        elif what == "edit":
            self.edit_requested.emit(rule_id)
        else:
            self.delete_requested.emit(rule_id)

    # -- showing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.center.clock.now().astimezone(self.center.zone)
        self.status_label.setText(self._pause.describe())
        upcoming = self.center.next_reminder()
        self.next_label.setText(
            _tr("Next: %s, %s") % (upcoming[1], when_words(upcoming[0], now))
            if upcoming
            else _tr("Nothing is due.")
        )
        drunk = self.center.water_today()
        goal = self.center.goal_ml() or 2000
        self.water_bar.setRange(0, goal)
        self.water_bar.setValue(min(drunk, goal))
        self.water_bar.setFormat(_tr("%d of %d mL") % (drunk, goal))
        rules = self.center.rules()
        self.week_label.setText(self._week_text(now))
        self._fill_rules(rules, now)
        self._fill_today(rules)

    def _week_text(self, now: datetime) -> str:
        counts = self.center.repo.counts(now - timedelta(days=7))
        parts = [
            (counts.get("done", 0), _tr("done")),
            (counts.get("snoozed", 0), _tr("snoozed")),
            (counts.get("skipped", 0), _tr("skipped")),
        ]
        if not any(n for n, _ in parts):
            return _tr("No reminders answered in the last seven days yet.")
        return _tr("Last seven days: %s.") % ", ".join(f"{n} {word}" for n, word in parts)

    def _fill_rules(self, rules: list[ReminderRule], now: datetime) -> None:
        while self.rules_grid.count():
            item = self.rules_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.empty_label.setVisible(not rules)
        nexts = self.center.next_fire_times()
        for row, rule in enumerate(rules):
            assert rule.id is not None
            toggle = QCheckBox(rule.title)
            toggle.setChecked(rule.enabled)
            toggle.setAccessibleName(_tr("%s: on or off") % rule.title)
            toggle.setProperty("rule", rule.id)
            toggle.setProperty("what", "toggle")
            toggle.toggled.connect(self._row_action)
            when = nexts.get(rule.id)
            detail = rule.describe_schedule()
            if rule.enabled:
                detail += "; " + (
                    _tr("next %s") % when_words(when, now) if when else _tr("nothing more to come")
                )
            info = _label(detail, "Muted")
            self.rules_grid.addWidget(toggle, row, 0)
            self.rules_grid.addWidget(info, row, 1)
            for column, (what, text) in enumerate(
                (("edit", _tr("Edit")), ("delete", _tr("Delete"))), start=2
            ):
                button = QPushButton(text)
                button.setAccessibleName(f"{text} {rule.title}")
                button.setProperty("rule", rule.id)
                button.setProperty("what", what)
                button.clicked.connect(self._row_action)
                self.rules_grid.addWidget(button, row, column)
        self.rules_grid.setColumnStretch(1, 1)

    def _fill_today(self, rules: list[ReminderRule]) -> None:
        self.today_list.clear()
        now = self.center.clock.now().astimezone(self.center.zone)
        day = now.date()
        start = datetime.combine(day, datetime.min.time(), tzinfo=self.center.zone)
        answers = {
            (e.rule_id, e.due_at): e
            for e in self.center.repo.events_between(start, start + timedelta(days=1))
        }
        items = timeline(rules, day, self.center.zone, self.center.waking())
        if not items:
            self.today_list.addItem(_tr("Nothing scheduled today."))
            return
        for moment, rule in items:
            event = answers.get((rule.id, moment))
            if event is not None and event.answer:
                state = _tr(ANSWER_WORDS.get(event.answer, event.answer))
            elif event is not None:
                state = _tr("shown")
            elif moment < now:
                state = _tr("passed")
            else:
                state = _tr("to come")
            item = QListWidgetItem(f"{moment:%H:%M}  {rule.title}  ({state})")
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.today_list.addItem(item)
