"""Reminders and therapy timers, wired: the reminder center, the Reminders page and its
editor, the tray's water and "just finished", and the therapy timer window, each of
them asking the safety gate first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from companion import APP_ID

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.activity import Activity
    from companion.domain.reminders import ReminderRule
    from companion.services.reminders import Recovery
    from companion.services.safety import SafetyGate
    from companion.ui.reminders.center import ReminderCenter
    from companion.ui.reminders.editor import ReminderEditorDialog
    from companion.ui.reminders.notifications import DesktopNotifier
    from companion.ui.reminders.timer_alerts import AlertRouter


class ReminderWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self.center: ReminderCenter | None = None
        # Start-up found nothing to schedule, so the center waits for its first use and
        # starts then (``start_reminders``).
        self._start_on_first_use = False
        self._notifier: DesktopNotifier | None = None  # one for reminders, timers and notices
        self._alerts: AlertRouter | None = None
        self._recoveries: dict[str, Recovery] = {}  # "Just finished" notices that can be undone
        self._notice: tuple[str, str] | None = None  # the latest: key, summary

    @property
    def reminders(self) -> ReminderCenter:
        """Reminder rules, their scheduler and the prompts, built on first use."""
        if self.center is None:
            from companion.services.reminders import ReminderService  # noqa: PLC0415
            from companion.ui.reminders.center import ReminderCenter  # noqa: PLC0415

            service = ReminderService(
                self.app.db,
                self.app.clock,
                pause=self.app.pause.service,
                waking=self.app.waking_hours,
                protocols=lambda: self.app.today.content.protocols,
                gate=self._safety_gate,  # made when a reminder first asks it
                water_litres=self._water_litres,
                goal=self.app.water_goal,
            )
            self.center = ReminderCenter(
                service,
                self.app.pause,
                units=lambda: self.app.preferences.current.units,
                style=lambda: self.app.preferences.current.reminders_as,
                notifier_factory=self._desktop_notifier,
                parent=self.app,
            )
            self.center.routine_requested.connect(self.app.start_routine)
            self.center.checkin_requested.connect(self.app._open_checkin)
            self.center.open_requested.connect(self._open_reminder)
            self.center.place_popup = self._place_popup
            self.center.changed.connect(self._sync_reminder_status)
            if self._start_on_first_use:
                self._start_on_first_use = False
                self.center.start()
        return self.center

    def _open_reminder(self, _prompt: object) -> None:
        """A reminder's notification was clicked: the window comes forward on Reminders
        (the center shows the prompt itself, over it)."""
        self.app.window.show_section("reminders")
        self.app.window.bring_forward()

    def _place_popup(self, popup: QWidget) -> None:
        from companion.app.placement import place_popup  # noqa: PLC0415

        place_popup(popup, self.app.window)

    def _safety_gate(self) -> SafetyGate:
        return self.app.safety

    def _water_litres(self) -> float | None:
        """The day's water goal the gate weighs a water reminder against."""
        return self.app.preferences.current.water_goal_l(self.app.today.content.protocols)

    def _desktop_notifier(self) -> DesktopNotifier:
        """The app's one desktop notifier (one D-Bus connection), made when first needed."""
        if self._notifier is None:
            from companion.ui.reminders.notifications import DesktopNotifier  # noqa: PLC0415 - first prompt

            self._notifier = DesktopNotifier(self.app, icon=APP_ID)
        return self._notifier

    @property
    def alerts(self) -> AlertRouter:
        """Timer ends, skin checks and "Just finished" notices: the desktop, else the tray."""
        if self._alerts is None:
            from companion.ui.reminders.timer_alerts import AlertRouter  # noqa: PLC0415

            self._alerts = AlertRouter(self._desktop_notifier, lambda: self.app.tray, self.app)
            self._alerts.action.connect(self._alert_action)
        return self._alerts

    def _alert_action(self, key: str, action: str) -> None:
        """A "Reminders added" notice answered: Undo, or its body clicked, which opens
        Reminders (where its notice and Undo are). The timers handle their own keys."""
        from companion.ui.reminders.timer_alerts import DEFAULT_ACTION  # noqa: PLC0415

        if key in self._recoveries and action == "undo":
            self.undo_finished(key)
        elif key.startswith("finished-") and action == DEFAULT_ACTION:
            self._open_reminder(None)

    def _reminders_page(self) -> QWidget:
        from companion.services.reminders import SNOOZE_RANGE  # noqa: PLC0415 - on first use
        from companion.ui.reminders.page import RemindersPage  # noqa: PLC0415

        page = RemindersPage(self.reminders, self.app.pause, self.app.actions)
        page.new_requested.connect(lambda kind: self.edit_reminder(None, kind))
        page.edit_requested.connect(self.edit_reminder)
        page.enable_requested.connect(
            lambda rule_id, on: page.show_rule_refusal(self.set_reminder_enabled(rule_id, on) or "")
        )
        page.delete_requested.connect(self.delete_reminder)
        page.finished_requested.connect(self.just_finished)
        page.undo_finished_requested.connect(self.undo_finished)
        if self._notice is not None:
            page.finished_notice.added(*self._notice)
        page.snooze.setRange(*SNOOZE_RANGE)
        page.snooze.setValue(self.snooze_minutes())
        page.snooze.valueChanged.connect(self.set_snooze_minutes)
        page.waking_settings_requested.connect(lambda: self.app.window.show_section("settings"))
        page.timer_requested.connect(
            lambda kind, options: self._timer_from_page(page, kind, options)
        )
        return page

    def _timer_from_page(self, page: Any, kind: str, options: dict[str, Any]) -> None:
        reason = self.start_timer(kind, options)
        if reason is not None:
            page.show_timer_refusal(reason)

    def reminder_dialog(self, rule: ReminderRule) -> ReminderEditorDialog:
        """The editor for ``rule``, with the limits, the user's other rules and the choices."""
        from companion.ui.reminders.editor import ReminderEditorDialog  # noqa: PLC0415

        content = self.app.today.content
        regions = content.regions.group_labels()
        routines = [(r.id, r.name) for r in self.app.routines] + [
            (r.id, r.name) for r in self.app.user_routines.routines()
        ]
        return ReminderEditorDialog(
            rule,
            content.protocols,
            self.reminders.rules(),
            now=self.app.clock.now(),
            waking=self.reminders.waking(),
            units=self.app.preferences.current.units,
            goal_ml=self.app.water_goal(),
            regions=sorted(regions.items(), key=lambda item: item[1]),
            routines=routines,
            checkin=self.app.today.latest(),  # where and from when an icing reminder ices
            paired=[r.group for r in content.regions if r.paired],
            parent=self.app.window,
        )

    def set_reminder_enabled(self, rule_id: int, on: bool) -> str | None:
        """Switch a reminder on or off; switching on checks the limits again (an imported
        rule arrives off and may not respect them). The reason it stayed off, or None."""
        return self.reminders.set_enabled(rule_id, on)

    def edit_reminder(self, rule_id: int | None, kind: str = "hydration") -> None:
        from companion.domain.reminders import Kind, ReminderRule  # noqa: PLC0415

        center = self.reminders
        rule = center.rule(rule_id) if rule_id is not None else None
        if rule is None:
            rule = ReminderRule(Kind(kind), "")
        dialog = self.reminder_dialog(rule)
        if dialog.exec() and dialog.result_rule is not None:
            center.save_rule(dialog.result_rule)

    def delete_reminder(self, rule_id: int) -> None:
        rule = self.reminders.rule(rule_id)
        if rule is None:
            return
        answer = QMessageBox.question(
            self.app.window,
            QCoreApplication.translate("CompanionApp", "Delete reminder"),
            QCoreApplication.translate(
                "CompanionApp",
                "Delete the reminder %r? What it reminded you of stays in your history.",
            )
            % rule.title,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reminders.delete_rule(rule_id)

    def snooze_minutes(self) -> int:
        return self.reminders.service.snooze_minutes()

    def set_snooze_minutes(self, minutes: int) -> None:
        self.reminders.service.set_snooze_minutes(minutes)

    def just_finished(self, activity: str) -> str | None:
        """A run or leg day just ended: log it (distance, time and effort are optional),
        then the cool-down, water and check-ins to come."""
        from companion.domain.reminders import ACTIVITY_ROUTINES  # noqa: PLC0415

        if activity not in ACTIVITY_ROUTINES:
            return QCoreApplication.translate("CompanionApp", "Say 'run' or 'leg_day'.")
        self.app.log_activity_dialog(
            activity,
            after=self._finished,
            save_text=QCoreApplication.translate("CompanionApp", "Log it and start the cool-down"),
        )
        return None

    def _finished(self, activity: Activity) -> None:
        recovery = self.reminders.after_activity(activity.kind.value)
        self.tell_added(recovery)
        self.app.start_routine(recovery.routine_id)  # a refusal shows as a banner

    def tell_added(self, recovery: Recovery) -> str:
        """Say which reminders "Just finished" added and when, with an Undo: a desktop
        notification (else the tray's message) and a notice on the Reminders page."""
        from companion.ui.reminders.timer_alerts import new_key  # noqa: PLC0415

        key = new_key("finished")
        self._recoveries[key] = recovery
        summary = self.reminders.recovery_summary(recovery)
        self._notice = (key, summary)
        page = self.app._built_page("reminders")
        if page is not None:
            page.finished_notice.added(key, summary)
        self.alerts.send(
            key,
            QCoreApplication.translate("CompanionApp", "Reminders added"),
            summary,
            [("undo", QCoreApplication.translate("CompanionApp", "Undo"))],
            without_buttons=QCoreApplication.translate(
                "CompanionApp", "To undo, open Reminders in the window."
            ),
        )
        return key

    def undo_finished(self, key: str) -> int:
        """Remove exactly the reminders the notice ``key`` told of; how many were there."""
        recovery = self._recoveries.pop(key, None)
        if recovery is None:
            return 0
        removed = self.reminders.undo_recovery(recovery)
        self.alerts.withdraw(key)
        words = QCoreApplication.translate(
            "CompanionApp", "Removed the %n reminder(s) it had added.", None, removed
        )
        if self._notice is not None and self._notice[0] == key:
            self._notice = None
        page = self.app._built_page("reminders")
        if page is not None:
            page.finished_notice.undone(key, words)
        return removed

    def start_reminders(self) -> None:
        """Start the reminders after the first paint, or, with no rule on and no snooze
        to come back, leave the reminder center (its rules, service and prompts, about
        1 MB) for its first use: the Reminders page, a drink logged, a rule switched on
        from anywhere, data restored with a rule on. It starts then, as it would have."""
        if self.app._quitting or (self.center is not None and self.center.started):
            return
        if self.center is None:
            from companion.storage.reminders import ReminderRepository  # noqa: PLC0415

            if not ReminderRepository(self.app.db).anything_to_schedule():
                self._start_on_first_use = True
                return
        self.reminders.start()

    def data_replaced(self) -> None:
        """An import, a restore or deleting history changed the rules: schedule again
        (and start the center if it waited and the data now has a rule on)."""
        if self.center is not None:
            self.center.reschedule()
        elif self._start_on_first_use:
            self._start_on_first_use = False
            self.start_reminders()

    def log_water(self, ml: int, source: str = "app") -> str | None:
        """Log a drink; the reason it was refused, or None."""
        try:
            self.reminders.log_water(ml, source)
        except ValueError as exc:
            return str(exc)
        return None

    def start_timer(
        self, kind: str, options: dict[str, Any], *, confirmed: bool = False
    ) -> str | None:
        """Open a therapy timer; the reason it cannot, or None.

        Settings beyond a hard limit are refused with the reason; outside the usual
        range they are asked about first (unless ``confirmed``, as from the command line,
        whose user typed them).
        """
        from companion.app.placement import centre_over  # noqa: PLC0415
        from companion.services.timers import QUICK_CHECK, TimerService  # noqa: PLC0415
        from companion.ui.reminders.therapy_timer import TherapyTimerView  # noqa: PLC0415

        timers = TimerService(self.app.today.content.protocols, self.app.safety, self.app.db)
        ready = timers.ready(kind, options, self.app.preferences.current.units)
        if ready.plan is None or not ready.allowed:
            return timers.refusal(ready, self.app.clock.now())
        plan = ready.plan
        if ready.to_confirm and not confirmed:
            reply = QMessageBox.question(
                self.app.window,
                QCoreApplication.translate("CompanionApp", "Outside the usual range"),
                "\n".join(ready.to_confirm),
            )
            if reply != QMessageBox.StandardButton.Yes:
                return QCoreApplication.translate("CompanionApp", "Not started.")
        running = self.app.therapy.timer if self.app.therapy is not None else None
        if self.app.therapy is not None and running is not None and running.ended_at is None:
            self.app.therapy.bring_forward()
            return QCoreApplication.translate(
                "CompanionApp", "A timer is already running; stop it first."
            )
        if self.app.therapy is not None:
            self.app.therapy.close()
        catalog = self.app.today.content.triage
        questions = [catalog.get(q) for q in QUICK_CHECK]
        view = TherapyTimerView(plan, self.app.clock, questions, alerts=self.alerts)
        self.app.settings_wiring._configure_cues(view.sound)
        view.finished.connect(self._save_therapy)
        view.quick_check_refused.connect(self._quick_check_refused)
        view.something_wrong.connect(self.app._something_wrong)
        view.phase_changed.connect(self._sync_reminder_status)
        self.app.therapy = view
        centre_over(view, self.app.window)
        view.show()
        view.bring_forward()
        return None

    def _quick_check_refused(self, answers: dict[str, bool]) -> None:
        """A yes in the timer's quick check: stored as a safety outcome (its lock with it)."""
        from companion.services.timers import TimerService  # noqa: PLC0415

        timers = TimerService(self.app.today.content.protocols, self.app.safety, self.app.db)
        timers.record_quick_check(answers, self.app.today.content.triage, self.app.clock.now())
        self.app.data_changed.emit()

    def _save_therapy(self, timer: Any) -> None:
        from companion.services.timers import TimerService  # noqa: PLC0415

        TimerService(self.app.today.content.protocols, self.app.safety, self.app.db).save(timer)
        self._sync_reminder_status()

    def _water_today(self) -> int:
        """Today's water, read while the reminder center waits for its first use (no
        rule on: nothing is scheduled, so only the water line is said)."""
        from companion.storage.reminders import WaterLog  # noqa: PLC0415

        now = self.app.clock.now()
        assert now.tzinfo is not None
        return WaterLog(self.app.db).total_on(now.date(), now.tzinfo)

    def _sync_reminder_status(self) -> None:
        if self.app.tray is None:
            return
        lines = []
        if self.app.therapy is not None:
            running = self.app.therapy.status(self.app.clock.now())
            if running:
                lines.append(running)
        upcoming = self.center.next_reminder() if self.center is not None else None
        if upcoming is not None:
            from companion.ui.reminders.center import when_words  # noqa: PLC0415

            when, title = upcoming
            lines.append(
                QCoreApplication.translate("CompanionApp", "Next: %s, %s")
                % (title, when_words(when, self.app.clock.now()))
            )
        drunk = self.center.water_today() if self.center is not None else self._water_today()
        goal = self.app.water_goal()  # the center's goal too (Settings', or none)
        units = self.app.preferences.current.units  # amounts as the window writes them
        self.app.tray.set_water_units(units)
        if goal:
            lines.append(
                QCoreApplication.translate("CompanionApp", "Water today: %s of %s")
                % (units.amount(drunk), units.amount(goal))
            )
        elif drunk:
            lines.append(
                QCoreApplication.translate("CompanionApp", "Water today: %s") % units.amount(drunk)
            )
        self.app.tray.set_extra_status(lines)
