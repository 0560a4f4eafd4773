"""The Reminders screen: status and pause, water today, your reminders, and today's timeline.

A water reminder that stayed quiet after a drink says so ("Held back at 14:00: you drank
300 mL at 13:45"), in its row and on today's timeline; reminders whose window has closed
(a one-off that fired, an icing window that ended) are hidden behind "Show finished",
their answers kept in the history.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from companion.domain.reminders import Kind, ReminderRule
from companion.domain.reminders.timeline import HeldBack, finished
from companion.domain.therapy_timer import CONTRAST_PRESETS
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import Units
from companion.ui.actions import AppActions
from companion.ui.reminders.center import ReminderCenter, when_words
from companion.ui.reminders.finished_notice import FinishedNotice
from companion.ui.reminders.pause import PauseController
from companion.ui.sections import SECTIONS, Card, SectionPage, make_label
from companion.ui.tray import WATER_AMOUNTS_ML

ANSWER_WORDS = {
    "done": QT_TRANSLATE_NOOP("RemindersPage", "done"),
    "snoozed": QT_TRANSLATE_NOOP("RemindersPage", "snoozed"),
    "skipped": QT_TRANSLATE_NOOP("RemindersPage", "skipped"),
    "backed_off": QT_TRANSLATE_NOOP("RemindersPage", "quiet: you had just drunk"),
    "quiet": QT_TRANSLATE_NOOP("RemindersPage", "held back"),
}


TIMER_CHOICES = (
    ("ice", QT_TRANSLATE_NOOP("RemindersPage", "Ice pack")),
    ("ice-10-10-10", QT_TRANSLATE_NOOP("RemindersPage", "Ice 10 on, 10 off, 10 on")),
    ("contrast", QT_TRANSLATE_NOOP("RemindersPage", "Contrast therapy")),
    ("cold-bath", QT_TRANSLATE_NOOP("RemindersPage", "Cold-water soak")),
    ("warm-bath", QT_TRANSLATE_NOOP("RemindersPage", "Warm bath")),
    ("heat", QT_TRANSLATE_NOOP("RemindersPage", "Heat pack")),
)
TIMER_DEFAULTS = {  # minutes, water temperature (PROTOCOLS 1.2 defaults)
    "ice": (15, 0.0),
    "cold-bath": (10, 13.0),
    "warm-bath": (20, 37.5),
    "heat": (20, 0.0),
}


class RemindersPage(SectionPage):
    new_requested = Signal(str)  # kind
    timer_requested = Signal(str, object)  # timer kind, options
    finished_requested = Signal(str)  # "run" or "leg_day"
    undo_finished_requested = Signal(str)  # the "Just finished" notice's key
    waking_settings_requested = Signal()  # waking hours are set in Settings
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
        card = Card(QCoreApplication.translate("RemindersPage", "Reminder status"))
        row = QHBoxLayout()
        self.status_label = make_label("", "StatusLine")
        self.status_label.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Reminder status")
        )
        row.addWidget(self.status_label, 1)
        self.pause_button = QToolButton()
        self.pause_button.setText(QCoreApplication.translate("RemindersPage", "Pause reminders"))
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause_button.setMenu(actions.pause_menu(self))
        self.pause_button.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Pause reminders")
        )
        row.addWidget(self.pause_button)
        card.body.addLayout(row)
        self.next_label = make_label("", "Muted")
        card.body.addWidget(self.next_label)
        waking = QHBoxLayout()
        self.waking_label = make_label("", "")
        self.waking_label.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Waking hours")
        )
        waking.addWidget(self.waking_label, 1)
        self.waking_button = QPushButton(QCoreApplication.translate("RemindersPage", "Change…"))
        self.waking_button.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Change waking hours in Settings")
        )
        self.waking_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.waking_button.clicked.connect(self.waking_settings_requested.emit)
        waking.addWidget(self.waking_button, 0, Qt.AlignmentFlag.AlignTop)
        card.body.addLayout(waking)
        self.show_waking()
        snooze = QHBoxLayout()
        snooze.addWidget(QLabel(QCoreApplication.translate("RemindersPage", "Snooze for")))
        self.snooze = QSpinBox()
        self.snooze.setSuffix(QCoreApplication.translate("RemindersPage", " min"))
        self.snooze.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Snooze for how many minutes")
        )
        snooze.addWidget(self.snooze)
        snooze.addStretch(1)
        card.body.addLayout(snooze)
        finished = QHBoxLayout()
        finished.addWidget(
            make_label(QCoreApplication.translate("RemindersPage", "Just finished:"), "")
        )
        for key, text in (
            ("run", QCoreApplication.translate("RemindersPage", "A &run")),
            ("leg_day", QCoreApplication.translate("RemindersPage", "&Leg day")),
        ):
            button = QPushButton(text)
            button.setProperty("activity", key)
            button.setToolTip(
                QCoreApplication.translate(
                    "RemindersPage",
                    "Starts the cool-down now and sets water and check-in reminders",
                )
            )
            button.clicked.connect(self._finished_clicked)
            finished.addWidget(button)
        finished.addStretch(1)
        card.body.addLayout(finished)
        self.finished_notice = FinishedNotice()
        self.finished_notice.undo_requested.connect(self.undo_finished_requested.emit)
        card.body.addWidget(self.finished_notice)
        return card

    def show_waking(self) -> None:
        """The waking hours in one line (they are changed in Settings)."""
        self.waking_label.setText(
            QCoreApplication.translate(
                "RemindersPage", "Awake %s: no reminders outside these hours."
            )
            % self.center.waking().describe()
        )

    def _finished_clicked(self) -> None:
        self.finished_requested.emit(str(self.sender().property("activity")))

    def _water_card(self) -> Card:
        card = Card(QCoreApplication.translate("RemindersPage", "Water today"))
        self.water_bar = QProgressBar()
        self.water_bar.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Water today against the goal")
        )
        self.water_bar.setTextVisible(True)
        card.body.addWidget(self.water_bar)
        row = QHBoxLayout()
        self.water_buttons: list[QPushButton] = []
        for ml in WATER_AMOUNTS_ML:
            button = QPushButton()
            button.setProperty("ml", ml)
            button.clicked.connect(self._log_water)
            row.addWidget(button)
            self.water_buttons.append(button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _timers_card(self) -> Card:
        card = Card(QCoreApplication.translate("RemindersPage", "Therapy timers"))
        card.add_text(
            QCoreApplication.translate(
                "RemindersPage",
                "Ice, heat, contrast or a bath now, timed phase by phase with a skin check "
                "every five minutes. A quick safety check comes first.",
            ),
            "Muted",
        )
        first = QHBoxLayout()
        self.timer_kind = QComboBox()
        self.timer_kind.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Which timer")
        )
        for key, label in TIMER_CHOICES:
            self.timer_kind.addItem(QCoreApplication.translate("RemindersPage", label), key)
        first.addWidget(self.timer_kind)
        first.addStretch(1)
        card.body.addLayout(first)
        row = QHBoxLayout()
        self.timer_minutes = QSpinBox()
        self.timer_minutes.setRange(1, 60)
        self.timer_minutes.setSuffix(QCoreApplication.translate("RemindersPage", " min"))
        self.timer_minutes.setAccessibleName(QCoreApplication.translate("RemindersPage", "Minutes"))
        row.addWidget(self.timer_minutes)
        self.timer_temp = QDoubleSpinBox()
        self.timer_temp.setRange(0, 50)
        self.timer_temp.setDecimals(1)
        self.timer_temp.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Water temperature")
        )
        row.addWidget(self.timer_temp)
        self.timer_preset = QComboBox()
        self.timer_preset.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Contrast pattern")
        )
        for preset in CONTRAST_PRESETS:
            self.timer_preset.addItem(
                QCoreApplication.translate("ContrastPreset", preset.label), preset.id
            )
        row.addWidget(self.timer_preset)
        start = QPushButton(QCoreApplication.translate("RemindersPage", "Start &timer"))
        start.clicked.connect(self._start_timer)
        row.addWidget(start)
        row.addStretch(1)
        card.body.addLayout(row)
        self.timer_note = make_label("", "Muted")
        self.timer_note.hide()
        card.body.addWidget(self.timer_note)
        self.timer_kind.currentIndexChanged.connect(self._timer_kind_changed)
        self._timer_kind_changed()
        return card

    def _timer_kind_changed(self) -> None:
        key = str(self.timer_kind.currentData())
        minutes, temp = TIMER_DEFAULTS.get(key, (0, 0.0))
        units = self.units
        self.timer_minutes.setVisible(bool(minutes))
        self.timer_minutes.setValue(minutes or 1)
        self.timer_temp.setVisible(bool(temp))
        self.timer_temp.setDecimals(0 if units.fahrenheit else 1)
        self.timer_temp.setRange(units.degrees(0), units.degrees(50))
        self.timer_temp.setSuffix(" " + units.degree_symbol)
        self.timer_temp.setValue(units.degrees(temp))
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
                options["temp_c"] = self.units.to_celsius(self.timer_temp.value())
        self.timer_requested.emit(kind, options)

    @property
    def units(self) -> Units:
        return self.center.units()

    def units_changed(self) -> None:
        """Settings changed the units amounts and temperatures are shown in."""
        self._timer_kind_changed()
        self.refresh()

    def show_rule_refusal(self, reason: str) -> None:
        """Switching a reminder on was refused (e.g. an imported rule beyond a limit)."""
        self.rules_note.setText(reason)
        self.rules_note.setVisible(bool(reason))
        self.refresh()  # the switch goes back to off

    def show_timer_refusal(self, reason: str) -> None:
        self.timer_note.setText(reason)
        self.timer_note.show()

    def _rules_card(self) -> Card:
        card = Card(QCoreApplication.translate("RemindersPage", "Your reminders"))
        self.empty_label = card.add_text(
            QCoreApplication.translate(
                "RemindersPage",
                "No reminders yet. Add one for water through your waking day, for icing a sore "
                "spot on and off, for contrast therapy or for your daily routine.",
            ),
            "Muted",
        )
        self.rules_note = card.add_text("", "StatusLine")
        self.rules_note.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Why the reminder stayed off")
        )
        self.rules_note.setVisible(False)
        self.rules_grid = QGridLayout()
        self.rules_grid.setHorizontalSpacing(12)
        card.body.addLayout(self.rules_grid)
        self.show_finished = QCheckBox()
        self.show_finished.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Show finished reminders")
        )
        self.show_finished.setVisible(False)
        self.show_finished.toggled.connect(self.refresh)
        card.body.addWidget(self.show_finished)
        row = QHBoxLayout()
        water = QPushButton(QCoreApplication.translate("RemindersPage", "Add &water reminder"))
        water.setProperty("kind", Kind.HYDRATION.value)
        water.clicked.connect(self._new_clicked)
        row.addWidget(water)
        self.add_button = QToolButton()
        self.add_button.setText(QCoreApplication.translate("RemindersPage", "&Add another kind"))
        self.add_button.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Add another kind of reminder")
        )
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind, label in (
            (Kind.ICING, QCoreApplication.translate("RemindersPage", "Icing on and off")),
            (Kind.ROUTINE, QCoreApplication.translate("RemindersPage", "Daily routine")),
            (Kind.CONTRAST, QCoreApplication.translate("RemindersPage", "Contrast therapy")),
            (Kind.CUSTOM, QCoreApplication.translate("RemindersPage", "Something else")),
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
        card = Card(QCoreApplication.translate("RemindersPage", "Today"))
        self.week_label = make_label("", "Muted")
        self.week_label.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "The last seven days")
        )
        card.body.addWidget(self.week_label)
        self.today_list = QListWidget()
        self.today_list.setAccessibleName(
            QCoreApplication.translate("RemindersPage", "Today's reminders")
        )
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
            QCoreApplication.translate("RemindersPage", "Next: %s, %s")
            % (upcoming[1], when_words(upcoming[0], now))
            if upcoming
            else QCoreApplication.translate("RemindersPage", "Nothing is due.")
        )
        drunk = self.center.water_today()
        goal = self.center.goal_ml()
        units = self.units
        if goal:
            self.water_bar.setRange(0, goal)
            self.water_bar.setValue(min(drunk, goal))
            self.water_bar.setFormat(
                QCoreApplication.translate("RemindersPage", "%s of %s")
                % (units.amount(drunk), units.amount(goal))
            )
        else:  # a health condition or a safety answer turned numeric goals off
            self.water_bar.setRange(0, max(1, drunk))
            self.water_bar.setValue(drunk)
            self.water_bar.setFormat(
                QCoreApplication.translate("RemindersPage", "%s today, no goal")
                % units.amount(drunk)
            )
        for button in self.water_buttons:
            amount = units.amount(int(button.property("ml")))
            button.setText(QCoreApplication.translate("RemindersPage", "+ %s") % amount)
            button.setAccessibleName(
                QCoreApplication.translate("RemindersPage", "Log %s of water") % amount
            )
        rules = self.center.rules()
        self.week_label.setText(self._week_text(now))
        self._fill_rules(rules, now)
        self._fill_today()

    def _week_text(self, now: datetime) -> str:
        counts = self.center.service.week_counts(now)
        parts = [
            (counts.get("done", 0), QCoreApplication.translate("RemindersPage", "done")),
            (counts.get("snoozed", 0), QCoreApplication.translate("RemindersPage", "snoozed")),
            (counts.get("skipped", 0), QCoreApplication.translate("RemindersPage", "skipped")),
        ]
        if not any(n for n, _ in parts):
            return QCoreApplication.translate(
                "RemindersPage", "No reminders answered in the last seven days yet."
            )
        return QCoreApplication.translate("RemindersPage", "Last seven days: %s.") % ", ".join(
            f"{n} {word}" for n, word in parts
        )

    def _fill_rules(self, rules: list[ReminderRule], now: datetime) -> None:
        while self.rules_grid.count():
            item = self.rules_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.empty_label.setVisible(not rules)
        done = [r for r in rules if finished(r, now)]
        self.show_finished.setText(
            QCoreApplication.translate("RemindersPage", "Show finished (%s)") % len(done)
        )
        self.show_finished.setVisible(bool(done))
        if not self.show_finished.isChecked():
            rules = [r for r in rules if r not in done]
        nexts = self.center.next_fire_times()
        held = {h.rule_id: h for h in self._held_back(now)}  # the latest of each
        for row, rule in enumerate(rules):
            assert rule.id is not None
            toggle = QCheckBox(rule.title)
            toggle.setChecked(rule.enabled)
            toggle.setAccessibleName(
                QCoreApplication.translate("RemindersPage", "%s: on or off") % rule.title
            )
            toggle.setProperty("rule", rule.id)
            toggle.setProperty("what", "toggle")
            toggle.toggled.connect(self._row_action)
            when = nexts.get(rule.id)
            detail = rule.describe_schedule()
            if rule.enabled:
                detail += "; " + (
                    QCoreApplication.translate("RemindersPage", "next %s") % when_words(when, now)
                    if when
                    else QCoreApplication.translate("RemindersPage", "nothing more to come")
                )
            quiet = self.center.quiet_reason(rule) if rule.enabled else ""
            if quiet:
                detail += (
                    "\n"
                    + QCoreApplication.translate(
                        "RemindersPage", "Quiet for now, by the safety check: %s"
                    )
                    % quiet
                )
            if rule.id in held:
                detail += "\n" + self._held_words(held[rule.id], now)
            info = make_label(detail, "Muted")
            self.rules_grid.addWidget(toggle, row, 0)
            self.rules_grid.addWidget(info, row, 1)
            for column, (what, text) in enumerate(
                (
                    ("edit", QCoreApplication.translate("RemindersPage", "Edit")),
                    ("delete", QCoreApplication.translate("RemindersPage", "Delete")),
                ),
                start=2,
            ):
                button = QPushButton(text)
                button.setAccessibleName(f"{text} {rule.title}")
                button.setProperty("rule", rule.id)
                button.setProperty("what", what)
                button.clicked.connect(self._row_action)
                self.rules_grid.addWidget(button, row, column)
        self.rules_grid.setColumnStretch(1, 1)

    def _held_back(self, now: datetime) -> list[HeldBack]:
        return self.center.service.backed_off_today(now)

    def _held_words(self, held: HeldBack, now: datetime) -> str:
        """ "Held back at 14:00: you drank 300 mL at 13:45"."""
        at = f"{held.due_at.astimezone(now.tzinfo):%H:%M}"
        if held.drink_at is None or held.drink_ml is None:
            return (
                QCoreApplication.translate("RemindersPage", "Held back at %s: you had just drunk")
                % at
            )
        return QCoreApplication.translate(
            "RemindersPage", "Held back at %s: you drank %s at %s"
        ) % (
            at,
            self.units.amount(held.drink_ml),
            f"{held.drink_at.astimezone(now.tzinfo):%H:%M}",
        )

    def _fill_today(self) -> None:
        self.today_list.clear()
        now = self.center.clock.now().astimezone(self.center.zone)
        held = {(h.rule_id, h.due_at): h for h in self._held_back(now)}
        slots = self.center.service.day_slots()
        if not slots:
            self.today_list.addItem(
                QCoreApplication.translate("RemindersPage", "Nothing scheduled today.")
            )
            return
        for slot in slots:
            drink = held.get((slot.rule.id, slot.at)) if slot.answer == "backed_off" else None
            if drink is not None and drink.drink_at is not None and drink.drink_ml is not None:
                state = QCoreApplication.translate(
                    "RemindersPage", "held back: you drank %s at %s"
                ) % (
                    self.units.amount(drink.drink_ml),
                    f"{drink.drink_at.astimezone(now.tzinfo):%H:%M}",
                )
            elif slot.answer:
                word = ANSWER_WORDS.get(slot.answer)
                state = QCoreApplication.translate("RemindersPage", word) if word else slot.answer
            elif slot.shown:
                state = QCoreApplication.translate("RemindersPage", "shown")
            elif slot.passed:
                state = QCoreApplication.translate("RemindersPage", "passed")
            else:
                state = QCoreApplication.translate("RemindersPage", "to come")
            item = QListWidgetItem(f"{slot.at:%H:%M}  {slot.rule.title}  ({state})")
            item.setData(Qt.ItemDataRole.UserRole, slot.rule.id)
            self.today_list.addItem(item)
