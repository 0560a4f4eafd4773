"""The Qt side of reminders: fired jobs in, one prompt at a time out.

What a reminder falling due comes to (a prompt, or quiet while paused, held
back by the safety gate or backed off after a drink), the answers and what
they imply are ``companion.services.reminders.ReminderService``'s; this is the
worker-thread bridge, the popup, the desktop notification, the queue and the
routing of answers.

APScheduler's thread only emits ``_Bridge.fired`` (a queued signal), so
everything below runs on the GUI thread: asking the service, showing the popup
or the desktop notification. Prompts never overlap: a second one queues behind
the first, and a newer prompt of the same rule replaces a queued older one (they
merge).

Each prompt shows once, one way: as a desktop notification where a notification
service can show buttons (and the user has not chosen the app's own window in
Settings), else in the app's popup. Its Done, Snooze and Skip come back from
either; a click on the notification's body (the freedesktop "default" action)
brings the window forward with the prompt in the popup; a notification that
cannot be shown, falls back to the popup. What one wake-up of the scheduler (or
the app's start) found comes in together: after a gap, several reminders due at
once make one summary of what was missed, not a burst. Every answer (done,
snooze, skip) is stored by the service in one transaction with what it implies
(water logged, a snooze to come back, the ice to come off).

The scheduler (APScheduler, its thread and its one wake-up a minute) starts
only once there is something to schedule: an enabled rule, a snooze or the
ice coming off. With every reminder off, nothing of it is loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.domain.clock import Clock
from companion.domain.preferences import ReminderStyle
from companion.domain.reminders import Kind, ReminderRule, Waking
from companion.domain.translatable import Translate
from companion.domain.units import METRIC, Units
from companion.scheduling.fired import Fired, FiredTogether
from companion.services.reminders import Decision, Recovery, ReminderService
from companion.ui.reminders.pause import PauseController
from companion.ui.reminders.timer_alerts import DEFAULT_ACTION

if TYPE_CHECKING:
    from companion.scheduling.reminders import ReminderScheduler
    from companion.ui.reminders.notifications import DesktopNotifier


QT_TRANSLATE = cast(Translate, QCoreApplication.translate)
DESKTOP, WINDOW = "desktop", "window"  # where the current prompt shows


def when_words(moment: datetime, now: datetime) -> str:
    """'today 08:30', 'tomorrow 07:00' or 'Mon 19:30', in ``now``'s zone."""
    moment = moment.astimezone(now.tzinfo)
    days = (moment.date() - now.date()).days
    if days == 0:
        return QCoreApplication.translate("Reminders", "today %s") % f"{moment:%H:%M}"
    if days == 1:
        return QCoreApplication.translate("Reminders", "tomorrow %s") % f"{moment:%H:%M}"
    return f"{moment:%a %H:%M}"


@dataclass(frozen=True)
class Prompt:
    key: str  # "event-12", "ice-off-12"
    title: str
    body: str
    actions: tuple[tuple[str, str], ...]
    event_id: int | None = None
    rule: ReminderRule | None = field(default=None, compare=False)


class _Bridge(QObject):
    """Lives on the GUI thread; a worker thread's emit arrives queued."""

    fired = Signal(object)


CORNER_MARGIN = 24  # px between the popup and the screen's available edge


def screen_corner(window: QWidget) -> None:
    """The bottom-right corner of the primary screen's available geometry (clear of
    the panel and near the tray), its whole frame inside it."""
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        frame = window.frameGeometry()  # with the title bar, once the window manager framed it
        left = max(area.left(), area.right() + 1 - frame.width() - CORNER_MARGIN)
        top = max(area.top(), area.bottom() + 1 - frame.height() - CORNER_MARGIN)
        window.move(left, top)


class ReminderPopup(QWidget):
    """The app's own small reminder window: always there, tray or not."""

    answered = Signal(str, str)  # prompt key, action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(QCoreApplication.translate("Reminders", "Reminder: Recovery Companion"))
        self.setAccessibleName(QCoreApplication.translate("Reminders", "Reminder"))
        self.setMinimumWidth(340)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.title = QLabel()
        self.title.setObjectName("CardTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.prompt: Prompt | None = None
        # Where it opens, set by the app (companion/app/placement.py: over the main
        # window while it is on screen, else the screen's corner near the tray).
        self.place: Callable[[QWidget], None] = screen_corner

    def show_prompt(self, prompt: Prompt) -> None:
        self.prompt = prompt
        self.title.setText(prompt.title)
        self.body.setText(prompt.body)
        self.body.setVisible(bool(prompt.body))
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for action, label in prompt.actions:
            button = QPushButton(label)
            button.setProperty("action", action)
            button.clicked.connect(self._clicked)
            self.buttons.addWidget(button)
        self.ensurePolished()  # the style sheet's padding and fonts: the size show() gives
        self.adjustSize()
        self.place(self)
        framed = self.frameGeometry().size()
        self.show()
        if self.frameGeometry().size() != framed:  # its frame is known once first shown
            self.place(self)
        self.raise_()

    def _clicked(self) -> None:
        sender = self.sender()
        if self.prompt is not None and sender is not None:
            self.answered.emit(self.prompt.key, str(sender.property("action")))


class ReminderCenter(QObject):
    changed = Signal()  # rules, next times or today's water changed
    prompt_shown = Signal(object)  # Prompt
    routine_requested = Signal(str)  # a routine reminder answered Done
    checkin_requested = Signal()  # a check-in reminder answered Done
    open_requested = Signal(object)  # Prompt: its notification's body was clicked

    def __init__(
        self,
        service: ReminderService,
        pause: PauseController,
        *,
        units: Callable[[], Units] = lambda: METRIC,
        style: Callable[[], ReminderStyle] = lambda: ReminderStyle.DESKTOP,
        notifier: DesktopNotifier | None = None,
        notifier_factory: Callable[[], DesktopNotifier] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.clock: Clock = service.clock
        self.zone: tzinfo = service.zone
        self.pause = pause
        self.units = units
        self.style = style
        self._notifier = notifier
        self._notifier_factory = notifier_factory
        self._bridge = _Bridge(self)
        self._bridge.fired.connect(self._on_fired)
        self._scheduler: ReminderScheduler | None = None
        self.started = False  # start() has run (the scheduler itself may not have)
        self._popup: ReminderPopup | None = None  # made for the first prompt
        self.place_popup: Callable[[QWidget], None] | None = None  # where it opens (the app's)
        self.current: Prompt | None = None
        self.channel = ""  # where the current prompt shows: DESKTOP or WINDOW
        self.queue: list[Prompt] = []
        self.handled_on: list[str] = []  # which thread handled each fired job (tests)
        self._summaries = 0
        pause.changed.connect(self.reschedule)
        if notifier is not None:
            self._listen(notifier)

    @property
    def notifier(self) -> DesktopNotifier | None:
        """Desktop notifications: the one given, or one made by the factory when first
        needed (QtDBus, about 2 MB, loads only once a reminder shows)."""
        if self._notifier is None and self._notifier_factory is not None:
            self._notifier = self._notifier_factory()
            self._listen(self._notifier)
        return self._notifier

    def _listen(self, notifier: DesktopNotifier) -> None:
        notifier.action_invoked.connect(self._notification_action)
        notifier.failed.connect(self._notification_failed)
        notifier.closed.connect(self._notification_closed)

    @property
    def held(self) -> dict[int, str]:
        """Rule id: why the last one of it stayed quiet (the safety gate's words)."""
        return self.service.held

    def waking(self) -> Waking:
        return self.service.waking()

    def snooze_min(self) -> int:
        return self.service.snooze_minutes()

    # -- life -----------------------------------------------------------------------------------
    @property
    def scheduler(self) -> ReminderScheduler:
        """The APScheduler adapter, made (not started) on first use."""
        if self._scheduler is None:
            from companion.scheduling.reminders import ReminderScheduler  # noqa: PLC0415

            self._scheduler = ReminderScheduler(
                self._bridge.fired.emit,
                self.zone,
                self.waking,
                lambda: self.pause.state.paused_until,
                clock=self.clock.now,
            )
        return self._scheduler

    @property
    def scheduler_running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    def start(self) -> None:
        """Jobs from the rules, snoozes back from before a restart, then what was missed.

        The scheduler itself starts only if a rule is on or a snooze is still to come;
        otherwise the first rule switched on (``reschedule``) or the first one-off
        (a snooze, the ice coming off) starts it.
        """
        now = self.clock.now()
        self.service.tidy(now)
        self.service.reload()
        self.started = True
        due_now: list[Fired] = []  # what fell due while the app was closed, told at once
        for event_id, until in self.service.pending_snoozes():
            if until is not None and until > now:
                self.add_once(f"snooze-{event_id}", until)
            else:
                due_now.append(Fired(key=f"snooze-{event_id}"))
        if self._has_enabled_rule():
            self._run_scheduler()
        due_now += [
            Fired(rule_id=rule.id) for rule in self.rules() if rule.enabled and rule.id is not None
        ]
        self._on_fired(FiredTogether(tuple(due_now)))  # coalesced catch-up, if anything is due

    @property
    def popup(self) -> ReminderPopup:
        """The app's own prompt window, made when the first prompt shows."""
        if self._popup is None:
            self._popup = ReminderPopup()
            if self.place_popup is not None:
                self._popup.place = self.place_popup
            self._popup.answered.connect(self.answer)
        return self._popup

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown()
        if self._popup is not None:
            self._popup.close()

    def reschedule(self) -> None:
        """After any edit (all of them come through here): re-read the rules, rebuild jobs."""
        self.service.reload()
        if self.scheduler_running:
            self.scheduler.set_rules(self.rules())
        elif self.started and self._has_enabled_rule():
            self._run_scheduler()  # the first rule switched on
        self.changed.emit()

    def add_once(self, key: str, at: datetime) -> None:
        """Fire ``key`` once at ``at`` (a snooze ending, the ice coming off)."""
        if not self.scheduler_running:
            self._run_scheduler()
        self.scheduler.add_once(key, at)

    def _has_enabled_rule(self) -> bool:
        return any(rule.enabled for rule in self.rules())

    def _run_scheduler(self) -> None:
        """Jobs for the enabled rules, and the scheduler's thread started (once)."""
        scheduler = self.scheduler
        scheduler.set_rules(self.rules())
        if not scheduler.running:
            scheduler.start()

    def rules(self) -> list[ReminderRule]:
        """The user's rules, read from the database once per change, not once per look."""
        return self.service.rules()

    # -- rules (the service's, then the jobs rebuilt) -------------------------------------------
    def rule(self, rule_id: int) -> ReminderRule | None:
        return self.service.get(rule_id)

    def save_rule(self, rule: ReminderRule) -> ReminderRule:
        saved = self.service.save_rule(rule)
        self.reschedule()
        return saved

    def save_rules(self, rules: list[ReminderRule]) -> list[ReminderRule]:
        saved = self.service.save_rules(rules)
        self.reschedule()
        return saved

    def set_enabled(self, rule_id: int, enabled: bool) -> str | None:
        """Switch a rule on or off; the reason it stayed off (limits checked again), or None."""
        reason = self.service.set_enabled(rule_id, enabled, QT_TRANSLATE)
        if reason is None:
            self.reschedule()
        return reason

    def delete_rule(self, rule_id: int) -> None:
        self.service.delete_rule(rule_id)
        self.reschedule()

    def after_activity(self, activity: str) -> Recovery:
        """A run or leg day just ended: its recovery reminders saved and scheduled."""
        recovery = self.service.after_activity(activity)
        self.reschedule()
        return recovery

    def recovery_summary(self, recovery: Recovery) -> str:
        """What "Just finished" added and when each fires, in a sentence."""
        return self.service.recovery_summary(recovery, QT_TRANSLATE)

    def undo_recovery(self, recovery: Recovery) -> int:
        """Remove exactly the reminders "Just finished" added; how many were still there."""
        removed = self.service.undo_recovery(recovery)
        self.reschedule()
        return removed

    def next_fire_times(self) -> dict[int, datetime]:
        return self.scheduler.next_fire_times() if self.scheduler_running else {}

    def next_reminder(self) -> tuple[datetime, str] | None:
        times = self.next_fire_times()
        if not times:
            return None
        titles = {rule.id: rule.title for rule in self.rules()}
        rule_id, when = min(times.items(), key=lambda item: item[1])
        return when.astimezone(self.zone), titles.get(rule_id, "")

    # -- water ----------------------------------------------------------------------------------
    def log_water(self, ml: int, source: str = "app") -> None:
        self.service.log_water(ml, source)
        self.changed.emit()

    def water_today(self) -> int:
        return self.service.water_today()

    def goal_ml(self) -> int | None:
        """The day's water goal: the one set in Settings, else the hydration reminders'."""
        return self.service.goal_ml()

    # -- firing (GUI thread) --------------------------------------------------------------------
    def _on_fired(self, fired: Fired | FiredTogether) -> None:
        """One job, or everything one wake-up of the scheduler found (``FiredTogether``).

        Together, the reminders that would prompt are one summary when they come after
        a gap (the service decides), else one prompt each, in turn. Taking the ice off
        is never folded into a summary."""
        self.handled_on.append(threading.current_thread().name)
        events = fired.events if isinstance(fired, FiredTogether) else (fired,)
        now = self.clock.now()
        decisions: list[Decision] = []
        for event in events:
            decision = self._decide(event, now)
            if decision is not None and decision.prompts:
                decisions.append(decision)
        summary = self.service.summarise(decisions, now, QT_TRANSLATE)
        if summary is not None:
            self._enqueue_summary(summary.text, {d.rule.id for d in summary.decisions})
        else:
            for decision in decisions:
                self._enqueue(
                    self._prompt(decision.rule, decision.event_id, decision.missed, decision.at)
                )
        self.changed.emit()

    def _decide(self, fired: Fired, now: datetime) -> Decision | None:
        """What one fired job comes to: a rule's or a snooze's decision, or (taking the ice
        off) a prompt queued at once."""
        if fired.rule_id is not None:
            return self.service.rule_due(fired.rule_id, now)
        if fired.key.startswith("snooze-"):
            return self.service.snooze_over(int(fired.key.removeprefix("snooze-")), now)
        if fired.key.startswith("ice-off-"):
            self._enqueue(
                Prompt(
                    fired.key,
                    QCoreApplication.translate("Reminders", "Take the ice off now"),
                    QCoreApplication.translate(
                        "Reminders",
                        "Check the skin: it should be pink and cool, not white, grey or numb.",
                    ),
                    (("done", QCoreApplication.translate("Reminders", "Ice is off")),),
                )
            )
        return None

    def quiet_reason(self, rule: ReminderRule) -> str:
        """Why this reminder would stay quiet if it fell due now, in short ("" if it
        would prompt); the Today screen has the whole story."""
        return self.service.quiet_reason(rule)

    def _prompt(self, rule: ReminderRule, event_id: int, missed: int, at: datetime) -> Prompt:
        body = self._body(rule)
        if missed:
            body += "\n" + QCoreApplication.translate(
                "Reminders",
                "This stands in for %n earlier reminder(s) missed while the app was closed "
                "or the computer asleep.",
                None,
                missed,
            )
        actions = (
            ("done", QCoreApplication.translate("Reminders", "Done")),
            (
                "snooze",
                QCoreApplication.translate("Reminders", "Snooze %d min") % self.snooze_min(),
            ),
            ("skip", QCoreApplication.translate("Reminders", "Skip")),
        )
        title = rule.title
        if at.astimezone(self.zone).strftime("%H:%M") != self.clock.now().astimezone(
            self.zone
        ).strftime("%H:%M"):
            title += f" ({at.astimezone(self.zone):%H:%M})"
        return Prompt(f"event-{event_id}", title, body, actions, event_id, rule)

    def _body(self, rule: ReminderRule) -> str:
        if rule.kind is Kind.HYDRATION:
            units = self.units()
            text = QCoreApplication.translate("Reminders", "Time for about %s of water.") % (
                units.amount(rule.amount_ml or 0)
            )
            behind = self.service.behind_ml(rule)
            if behind:
                text += " " + QCoreApplication.translate(
                    "Reminders", "You are about %s behind today's pace."
                ) % units.amount(behind)
            return text
        if rule.kind is Kind.ICING:
            return QCoreApplication.translate(
                "Reminders",
                "Ice on for %n minute(s), wrapped in a thin damp cloth. Done starts the timer; "
                "you will be told when to take it off.",
                None,
                rule.on_min or 0,
            )
        if rule.kind is Kind.CONTRAST:
            return QCoreApplication.translate(
                "Reminders", "Time for your contrast session: hot and cold water, ending on cold."
            )
        if rule.kind is Kind.ROUTINE:
            return QCoreApplication.translate(
                "Reminders", "Time for your routine. Done starts it now."
            )
        return rule.message

    # -- one at a time --------------------------------------------------------------------------
    def _enqueue_summary(self, text: str, rule_ids: set[int | None]) -> None:
        """One prompt for what was missed; queued prompts of the same rules go into it."""
        for older in [p for p in self.queue if p.rule is not None and p.rule.id in rule_ids]:
            self.queue.remove(older)
            if older.event_id is not None:
                self.service.merged(older.event_id, self.clock.now())
        self._summaries += 1
        self._enqueue(
            Prompt(
                f"summary-{self._summaries}",
                QCoreApplication.translate("Reminders", "Missed reminders"),
                text,
                (("ok", QCoreApplication.translate("Reminders", "Got it")),),
            )
        )

    def _enqueue(self, prompt: Prompt) -> None:
        if self.current is None:
            self._show(prompt)
            return
        rule_id = prompt.rule.id if prompt.rule is not None else None
        if rule_id is not None:
            for older in [p for p in self.queue if p.rule is not None and p.rule.id == rule_id]:
                self.queue.remove(older)  # the newer prompt of the same rule stands in for it
                if older.event_id is not None:
                    self.service.merged(older.event_id, self.clock.now())
        self.queue.append(prompt)

    def _show(self, prompt: Prompt) -> None:
        """Show ``prompt`` once: as a desktop notification where one can show buttons and
        the user wants them, else in the app's popup."""
        self.current = prompt
        notifier = self.notifier if self.style() is ReminderStyle.DESKTOP else None
        if notifier is not None and notifier.available():
            self.channel = DESKTOP
            opens = QCoreApplication.translate("Reminders", "Open")
            notifier.notify(
                prompt.key, prompt.title, prompt.body, [(DEFAULT_ACTION, opens), *prompt.actions]
            )
        else:
            self.channel = WINDOW
            self.popup.show_prompt(prompt)
        self.prompt_shown.emit(prompt)

    def open_prompt(self, key: str) -> None:
        """The notification's body was clicked: the window comes forward (the app does
        that on ``open_requested``) with the prompt in the popup, still to answer. A
        summary has nothing to answer: opening it is seeing it."""
        prompt = self.current
        if prompt is None or prompt.key != key:
            return
        if prompt.key.startswith("summary-"):
            self.answer(key, "ok")
            self.open_requested.emit(prompt)
            return
        self.channel = WINDOW
        if self._notifier is not None:
            self._notifier.withdraw(key)
        self.open_requested.emit(prompt)
        self.popup.show_prompt(prompt)

    def _notification_action(self, key: str, action: str) -> None:
        if action == DEFAULT_ACTION:
            self.open_prompt(key)
        else:
            self.answer(key, action)

    def _notification_failed(self, key: str, _error: str) -> None:
        """The notification did not reach a server after all: the popup shows it."""
        if self.current is not None and self.current.key == key and self.channel == DESKTOP:
            self.channel = WINDOW
            self.popup.show_prompt(self.current)

    def _notification_closed(self, key: str) -> None:
        """Dismissed on the desktop without an answer: it stays unanswered (the day's
        list shows it), and the next prompt's turn comes."""
        if self.current is None or self.current.key != key or self.channel != DESKTOP:
            return
        self.current = None
        self.channel = ""
        if self.queue:
            self._show(self.queue.pop(0))
        self.changed.emit()

    def answer(self, key: str, action: str) -> None:
        """Done, Snooze or Skip, from the popup or the desktop notification."""
        prompt = self.current
        if prompt is None or prompt.key != key:
            return
        if prompt.event_id is not None and prompt.rule is not None:
            answered = self.service.answer(prompt.event_id, prompt.rule, action, self.clock.now())
            if answered.snoozed_until is not None:
                self.add_once(f"snooze-{prompt.event_id}", answered.snoozed_until)
            if answered.ice_off_at is not None:
                self.add_once(f"ice-off-{prompt.event_id}", answered.ice_off_at)
            if answered.routine_id:
                self.routine_requested.emit(answered.routine_id)
            if answered.checkin:
                self.checkin_requested.emit()
        self.current = None
        self.channel = ""
        if self._popup is not None:
            self._popup.hide()
        if self._notifier is not None:  # one was made when the prompt showed
            self._notifier.withdraw(key)
        if self.queue:
            self._show(self.queue.pop(0))
        self.changed.emit()
