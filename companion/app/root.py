"""The root: builds the services, the window, the tray and the pages, and connects them.

No rules live here: each use case is a service (``companion.services``) or a
widget's own behaviour; this only says who tells whom. The start-up order is in
``companion.app``'s docstring; the IPC handler and the daily backup have modules
of their own.
"""

from __future__ import annotations

import base64
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSystemTrayIcon, QWidget

from companion import APP_ID, APP_NAME, __version__
from companion.app.backup import DailyBackup
from companion.app.ipc_handler import Handler, IpcHandler
from companion.domain.clock import Clock
from companion.domain.regions import Side
from companion.ipc import (
    InstanceServer,
)
from companion.memory import give_back
from companion.paths import AppPaths
from companion.services.checkin import CheckInService
from companion.services.content import LazyContent
from companion.storage.database import Database
from companion.storage.preferences import PreferencesRepository
from companion.storage.settings import SettingsRepository
from companion.ui.actions import AppActions
from companion.ui.main_window import MainWindow
from companion.ui.pause import PauseController
from companion.ui.preferences import PreferencesModel
from companion.ui.sections import SECTIONS
from companion.ui.theme import Theme
from companion.ui.today import ConditionsDialog, TodayPage
from companion.ui.tray import TrayIcon, tray_available

if TYPE_CHECKING:
    from companion.autostart import Autostart
    from companion.domain.activity import Activity, MorningLog
    from companion.domain.poses import PoseCatalog
    from companion.domain.reminders import ReminderRule, WakingWeek
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.routines import RoutineCatalog
    from companion.domain.session import RoutineSession
    from companion.domain.trends import TrendAlert
    from companion.domain.triage import Question
    from companion.services.activity import ActivityService, Logged
    from companion.services.commands import Command
    from companion.services.safety import SafetyGate
    from companion.ui.activity_dialog import ActivityDialog
    from companion.ui.cues import CuePlayer
    from companion.ui.my_routines import UserRoutines
    from companion.ui.notifications import DesktopNotifier
    from companion.ui.reminder_center import ReminderCenter
    from companion.ui.reminder_editor import ReminderEditorDialog
    from companion.ui.settings_page import SettingsPage
    from companion.ui.therapy_timer import TherapyTimerView
    from companion.ui.your_data import YourDataCard

MUTED_KEY = "player.muted"

GEOMETRY_KEY = "window.geometry"
TRAY_HINT_SHOWN_KEY = "notice.tray_hint_shown"
NO_TRAY_NOTICE_KEY = "notice.no_tray_acknowledged"
REMINDERS_START_DELAY_MS = 1000
SETTLED_DELAY_MS = 2000  # start-up's painting is over by then
TRAY_WAIT_S = 20.0  # how long a login start waits for the panel's tray
TRAY_POLL_MS = 500
SNOOZE_KEY = "reminders.snooze_minutes"
SNOOZE_RANGE = (5, 60)
QUICK_CHECK = ("R1", "R2", "O1", "O5")  # PROTOCOLS 3.1: asked before any cold or heat timer


class CompanionApp(QObject):
    """Owns the long-lived objects and connects what users do to what happens.

    It never stops the event loop itself: ``quit_requested`` asks ``run_gui``
    (or a test) to do that, and ``shutdown`` saves state on the way out.
    """

    quit_requested = Signal()
    run_saved = Signal(str)
    data_changed = Signal()  # history changed outside the History screen

    def __init__(
        self,
        app: QApplication,
        paths: AppPaths,
        db: Database,
        clock: Clock,
        *,
        has_tray: bool,
        country: str = "",
    ) -> None:
        super().__init__(app)
        self.country = country
        self.qapp = app
        self.paths = paths
        self.db = db
        self.clock = clock
        self.settings = SettingsRepository(db)
        self.preferences = PreferencesModel(
            PreferencesRepository(db), lambda: self.today.content.protocols, clock, self
        )
        self.theme = Theme(app, parent=self, choice=self.preferences.current.theme.value)
        self.pause = PauseController(self.settings, clock, self)
        self.actions = AppActions(self.pause, self)
        self._today: CheckInService | None = None
        self._routines: RoutineCatalog | None = None
        self._poses: PoseCatalog | None = None
        self._mine: UserRoutines | None = None
        self._reminders: ReminderCenter | None = None
        self.therapy: TherapyTimerView | None = None
        self._cues: CuePlayer | None = None  # Settings' test sound
        self.data_card: YourDataCard | None = None
        self.backup = DailyBackup(paths, clock, on_done=self._backup_done, parent=self)
        self.ipc = IpcHandler(self)
        self.activity_dialog: ActivityDialog | None = None
        self._after_activity: Callable[[Activity], None] | None = None
        self._playing: str | None = None
        self.player: QWidget | None = None
        self.window = MainWindow(SECTIONS, self._build_page, self.pause, self.actions)
        self._restore_geometry()
        self.tray: TrayIcon | None = None
        if has_tray:
            self.attach_tray()
        self._no_tray_banner: QWidget | None = None
        self._tray_wait = QTimer(self)  # a login start waiting for the panel's tray
        self._tray_wait.setInterval(TRAY_POLL_MS)
        self._tray_wait.timeout.connect(self._look_for_tray)
        self._tray_deadline = 0.0
        self.tray_probe: Callable[[], bool] = tray_available
        self.server: InstanceServer | None = None
        self._quitting = False

        self.actions.open_window.triggered.connect(self.window.bring_forward)
        self.actions.quit.triggered.connect(self.quit)
        self.window.close_requested.connect(self._on_close_requested)
        self.theme.changed.connect(lambda _s: self.window.refresh_icons())
        self.preferences.changed_keys.connect(self._preferences_changed)
        app.aboutToQuit.connect(self.shutdown)
        if self.tray is None and not self.settings.get(NO_TRAY_NOTICE_KEY, False):
            self._no_tray_banner = self.window.add_banner(
                QCoreApplication.translate(
                    "CompanionApp",
                    "No system tray was found on this desktop, so closing this window quits "
                    "Recovery Companion and its reminders stop until you open it again.",
                ),
                on_dismiss=lambda: self.settings.set(NO_TRAY_NOTICE_KEY, True, self.clock.now()),
            )

    def _build_page(self, key: str) -> QWidget:
        builders: dict[str, Callable[[], QWidget]] = {
            "today": self._today_page,
            "routines": self._routines_page,
            "reminders": self._reminders_page,
            "history": self._history_page,
            "guide": self._guide_page,
            "settings": self._settings_page,
        }
        return builders[key]()

    @property
    def today(self) -> CheckInService:
        if self._today is None:
            self._today = CheckInService(
                self.db,
                LazyContent(),
                self.clock,
                self.settings,
                self.country,
                preferences=lambda: self.preferences.current,
            )
        return self._today

    @cached_property
    def safety(self) -> SafetyGate:
        """The one safety gate every routine, timer and reminder asks (services/safety.py)."""
        from companion.services.safety import SafetyGate  # noqa: PLC0415

        return SafetyGate(
            self.db,
            self.today.content,
            self.clock,
            country=self.country,
            preferences=lambda: self.preferences.current,
        )

    def _today_page(self) -> TodayPage:
        page = TodayPage(self.today)
        page.guide_requested.connect(self.open_guide)
        self.data_changed.connect(page.activity_logged)
        page.plan_view.start_routine.connect(
            lambda plan: self.start_player(
                "today", QCoreApplication.translate("CompanionApp", "Today's routine"), plan.routine
            )
        )
        return page

    def _guide_page(self) -> QWidget:
        from companion.resources import load_guide  # noqa: PLC0415
        from companion.ui.guide_page import GuidePage  # noqa: PLC0415

        return GuidePage(load_guide().in_units(self.preferences.current.units))

    def open_guide(self, passage_id: str) -> None:
        """Show the Guide at one passage (a plan's "Read more")."""
        from companion.ui.guide_page import GuidePage  # noqa: PLC0415

        self.window.show_section("guide")
        page = self.window.page("guide")
        assert isinstance(page, GuidePage)
        page.show_passage(passage_id, focus=True)

    def _routines_page(self) -> QWidget:
        from companion.ui.routines_page import RoutinesPage  # noqa: PLC0415

        mine = self.user_routines
        page = RoutinesPage(self.routines, mine.routines())
        page.start_requested.connect(self.start_routine)
        page.new_requested.connect(mine.new)
        page.import_requested.connect(mine.import_file)
        page.edit_requested.connect(mine.edit)
        page.duplicate_requested.connect(mine.duplicate)
        page.export_requested.connect(mine.export)
        page.delete_requested.connect(mine.delete)
        mine.changed.connect(lambda: page.set_mine(mine.routines()))
        return page

    @property
    def user_routines(self) -> UserRoutines:
        """The user's own routines, and the actions on them."""
        if self._mine is None:
            from companion.resources import load_exercises  # noqa: PLC0415
            from companion.storage.user_routines import UserRoutineRepository  # noqa: PLC0415
            from companion.ui.my_routines import UserRoutines  # noqa: PLC0415

            content = self.today.content
            self._mine = UserRoutines(
                UserRoutineRepository(self.db),
                catalog=self.routines,
                library=content.exercises or load_exercises(protocols=content.protocols),
                regions=content.regions,
                bounds=content.protocols,
                clock=self.clock,
                window=lambda: self.window,
                parent=self,
                poses=self.poses,
            )
        return self._mine

    @property
    def poses(self) -> PoseCatalog:
        """The exercises' pose drawings, loaded when first needed."""
        if self._poses is None:
            from companion.resources import load_exercises, load_poses  # noqa: PLC0415

            content = self.today.content
            library = content.exercises or load_exercises(protocols=content.protocols)
            self._poses = load_poses(library=library)
        return self._poses

    @property
    def routines(self) -> RoutineCatalog:
        """The built-in routines, loaded when first needed."""
        if self._routines is None:
            from companion.resources import load_routines  # noqa: PLC0415

            content = self.today.content
            self._routines = load_routines(library=content.exercises, protocols=content.protocols)
        return self._routines

    def start_routine(self, routine_id: str) -> str | None:
        """Start a routine by id; the reason it cannot start, or None."""
        routine = self.user_routines.get(routine_id)
        if routine is None:
            return QCoreApplication.translate("CompanionApp", "No routine %r.") % routine_id
        return self.start_player(routine.id, routine.name, routine.steps)

    # -- the guided player ----------------------------------------------------------------
    def start_player(self, routine_id: str, name: str, steps: Sequence[RoutineStep]) -> str | None:
        """Open the player, after the safety check's locks have had their say.

        Returns None once the player is open, or the reason it is not (also shown
        as a banner in the window).
        """
        from companion.ui.player import RoutinePlayerView  # noqa: PLC0415 - when first used

        answer = self.safety.routine(steps)
        if not answer.allowed:
            reason = answer.answer.message(self.clock.now())
            self.window.add_banner(reason)
            return reason
        allowed = list(answer.steps)
        if answer.left_out:
            self.window.add_banner(" ".join(answer.left_out))
        if self.player is not None:
            self.player.close()
        self._playing = routine_id
        self.player = RoutinePlayerView(
            name,
            allowed,
            self.clock,
            regions=self.today.content.regions,
            poses=self.poses,
            muted=bool(self.settings.get(MUTED_KEY, False)),
        )
        self._configure_cues(self.player.sound)
        self.player.muted_changed.connect(
            lambda muted: self.settings.set(MUTED_KEY, muted, self.clock.now())
        )
        self.player.set_step_gate(self._step_refusal)
        self.player.finished.connect(lambda session: self._save_run(routine_id, name, session))
        self.player.something_wrong.connect(self._something_wrong)
        self.player.show()
        self.player.raise_()
        self.player.activateWindow()
        return None

    def _step_refusal(self, step: RoutineStep) -> str:
        """Why the safety gate holds this step back now, or "" (asked as each step begins)."""
        answer = self.safety.step(step)
        return "" if answer.allowed else answer.message(self.clock.now())

    def _save_run(self, routine_id: str, name: str, session: RoutineSession) -> None:
        from companion.storage.runs import RunRepository  # noqa: PLC0415

        RunRepository(self.db).save(routine_id, name, session)
        self.run_saved.emit(routine_id)
        self.data_changed.emit()

    def _something_wrong(self) -> None:
        """PROTOCOLS 3.3: a stop during a routine opens the red and first orange questions.

        The gate is asked again afterwards: a lock the answers bring ends the routine.
        """
        catalog = self.today.content.triage
        ids = [f"R{i}" for i in range(1, 9)] + [f"O{i}" for i in range(1, 6)]
        self._ask_and_record(tuple(catalog.get(q) for q in ids))
        player = self.player
        if player is not None and player.isVisible():
            session = getattr(player, "session", None)
            steps = session.steps if session is not None else ()
            if not self.safety.routine(steps).allowed:
                player.close()

    def _ask_and_record(self, questions: tuple[Question, ...]) -> None:
        """Safety questions outside a check-in: the outcome is stored and today's plan
        redrawn with any lock it brings."""
        catalog = self.today.content.triage
        page = self.window.page("today")
        assert isinstance(page, TodayPage)
        answers = page.ask(questions)
        self.window.bring_forward()
        self.window.show_section("today")
        if answers is None:
            return
        now = self.clock.now()
        result = catalog.evaluate(dict(answers), {Side.LEFT, Side.RIGHT}, now)
        self.today.checkins.record_outcome(result)
        latest = self.today.latest()
        if latest is not None:
            page.plan_view.show_plan(self.today.plan(latest), self.today.emergency_number())

    def _settings_page(self) -> SettingsPage:
        from companion.domain.triage import emergency_number_for  # noqa: PLC0415
        from companion.resources import load_exercises, load_protocols  # noqa: PLC0415
        from companion.storage.backup import backups_dir  # noqa: PLC0415
        from companion.ui.settings_page import SettingsPage  # noqa: PLC0415
        from companion.ui.your_data import YourDataCard  # noqa: PLC0415

        page = SettingsPage(
            self.preferences,
            self.today.content.protocols,
            self.paths.data_dir,
            local_emergency_number=emergency_number_for(self.country),
            conditions_summary=self._conditions_summary(),
            autostart=self.autostart,
        )
        page.edit_conditions.connect(lambda: self._edit_conditions(page))
        page.test_sound_requested.connect(self.test_sound)

        self.data_card = YourDataCard(
            self.db,
            backups_dir(self.paths.data_dir),
            self.clock,
            load_exercises,
            load_protocols,
            app_version=__version__,
        )
        self.data_card.data_changed.connect(self._data_replaced)
        self.data_changed.connect(lambda: page.set_conditions_summary(self._conditions_summary()))
        page.add_after_data(self.data_card)
        return page

    # -- the daily backup (app/backup.py) -------------------------------------------------
    @property
    def backup_finished(self) -> SignalInstance:
        return self.backup.finished

    @property
    def _backup_timer(self) -> QTimer:
        return self.backup.timer

    def daily_backup(self) -> None:
        self.backup.run()

    def _backup_done(self) -> None:
        if self.data_card is not None:
            self.data_card.refresh_last_backup()

    def drop_pixmap_cache(self) -> None:
        """Free the pixmaps that start-up's painting cached (frames, icons, the style's parts).

        Until Qt's pixmap cache is empty its trimming timer wakes the app every 10 s for
        minutes after any painting; a window sitting idle (or hidden in the tray) needs
        none of them, and a repaint draws them again on demand. The memory start-up
        freed goes back to the system at the same time (``companion.memory``).
        """
        QPixmapCache.clear()
        give_back()

    def _data_replaced(self) -> None:
        """An import, a restore or deleting history changed what is stored: read it again."""
        if self._reminders is not None:
            self._reminders.reschedule()
        self.data_changed.emit()

    def _conditions_summary(self) -> str:
        if not self.today.conditions_asked():
            return QCoreApplication.translate(
                "CompanionApp",
                "Health conditions: not answered yet (asked with your first check-in).",
            )
        chosen = self.today.conditions()
        if not chosen:
            return QCoreApplication.translate("CompanionApp", "Health conditions: none reported.")
        labels = [self.today.content.conditions.get(c.id).label for c in chosen]
        return QCoreApplication.translate("CompanionApp", "Health conditions: %s.") % "; ".join(
            labels
        )

    def _edit_conditions(self, page: SettingsPage) -> None:
        dialog = ConditionsDialog(self.today, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.today.save_conditions(dialog.chosen())
            page.set_conditions_summary(self._conditions_summary())

    # -- start and stop ---------------------------------------------------------
    def attach_tray(self) -> None:
        """The tray icon and its menu (at start, or when the panel's tray turns up later)."""
        if self.tray is not None:
            return
        self.tray = TrayIcon(self.actions, self.pause, self)
        self.tray.water_logged.connect(lambda ml: self.log_water(ml, "tray"))
        self.tray.finished_activity.connect(self.just_finished)

    def start(self, *, minimized: bool, tray_wait_s: float = TRAY_WAIT_S) -> None:
        if self.tray is not None:
            self.tray.show()
        # Reminders start a moment after the window has painted: a due reminder loses
        # nothing by a second (and APScheduler loads only once a reminder is on).
        QTimer.singleShot(REMINDERS_START_DELAY_MS, self.start_reminders)
        QTimer.singleShot(SETTLED_DELAY_MS, self.drop_pixmap_cache)
        # The daily backup: a while after start, then once a day (see _arm_backup).
        self.backup.start_soon()
        if minimized and self.tray is not None:
            return
        if minimized and tray_wait_s > 0:
            # Started at login, the app can be up before the desktop's panel: wait for
            # the tray a while (the event loop runs) before opening the window instead.
            self._tray_deadline = time.monotonic() + tray_wait_s
            self._tray_wait.start()
            return
        self.window.show()

    def _look_for_tray(self) -> None:
        if self.tray_probe():
            self._tray_wait.stop()
            self.attach_tray()
            assert self.tray is not None
            self.tray.show()
            self._sync_reminder_status()
            if self._no_tray_banner is not None:
                self._no_tray_banner.hide()  # it said closing would quit; no longer true
        elif time.monotonic() >= self._tray_deadline:
            self._tray_wait.stop()
            self.window.show()

    # -- reminders ----------------------------------------------------------------
    @property
    def reminders(self) -> ReminderCenter:
        """Reminder rules, their scheduler and the prompts, built on first use."""
        if self._reminders is None:
            from companion.storage.reminders import ReminderRepository, WaterLog  # noqa: PLC0415
            from companion.ui.reminder_center import ReminderCenter  # noqa: PLC0415

            zone = self.clock.now().tzinfo
            assert zone is not None
            self._reminders = ReminderCenter(
                ReminderRepository(self.db),
                WaterLog(self.db),
                self.clock,
                zone,
                self.pause,
                waking=self.waking_hours,
                snooze_min=self.snooze_minutes,
                goal=self.water_goal,
                units=lambda: self.preferences.current.units,
                notifier_factory=self._desktop_notifier,
                safety=lambda rule: self.safety.reminder(
                    rule, self.preferences.current.water_goal_l(self.today.content.protocols)
                ),
                parent=self,
            )
            self._reminders.routine_requested.connect(self.start_routine)
            self._reminders.checkin_requested.connect(self._open_checkin)
            self._reminders.changed.connect(self._sync_reminder_status)
        return self._reminders

    def _desktop_notifier(self) -> DesktopNotifier:
        from companion.ui.notifications import DesktopNotifier  # noqa: PLC0415 - first prompt

        return DesktopNotifier(self, icon=APP_ID)

    def _reminders_page(self) -> QWidget:
        from companion.ui.reminders_page import RemindersPage  # noqa: PLC0415

        page = RemindersPage(self.reminders, self.pause, self.actions)
        page.new_requested.connect(lambda kind: self.edit_reminder(None, kind))
        page.edit_requested.connect(self.edit_reminder)
        page.enable_requested.connect(
            lambda rule_id, on: page.show_rule_refusal(self.set_reminder_enabled(rule_id, on) or "")
        )
        page.delete_requested.connect(self.delete_reminder)
        page.finished_requested.connect(self.just_finished)
        page.snooze.setRange(*SNOOZE_RANGE)
        page.snooze.setValue(self.snooze_minutes())
        page.snooze.valueChanged.connect(self.set_snooze_minutes)
        page.waking_settings_requested.connect(lambda: self.window.show_section("settings"))
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
        from companion.ui.reminder_editor import ReminderEditorDialog  # noqa: PLC0415

        content = self.today.content
        regions = content.regions.group_labels()
        routines = [(r.id, r.name) for r in self.routines] + [
            (r.id, r.name) for r in self.user_routines.routines()
        ]
        return ReminderEditorDialog(
            rule,
            content.protocols,
            self.reminders.rules(),
            now=self.clock.now(),
            waking=self.reminders.waking(),
            units=self.preferences.current.units,
            goal_ml=self.water_goal(),
            regions=sorted(regions.items(), key=lambda item: item[1]),
            routines=routines,
            parent=self.window,
        )

    def set_reminder_enabled(self, rule_id: int, on: bool) -> str | None:
        """Switch a reminder on or off; switching on checks the limits again (an imported
        rule arrives off and may not respect them). The reason it stayed off, or None."""
        from dataclasses import replace  # noqa: PLC0415

        from companion.domain.reminders import check_rule  # noqa: PLC0415

        center = self.reminders
        rule = next((r for r in center.rules() if r.id == rule_id), None)
        if rule is None:
            return QCoreApplication.translate("CompanionApp", "That reminder no longer exists.")
        if on:
            others = [r for r in center.rules() if r.enabled and r.id != rule_id]
            review = check_rule(
                replace(rule, enabled=True), self.today.content.protocols, center.waking(), others
            )
            if review.refused:
                return QCoreApplication.translate("CompanionApp", "“%s” stays off: %s") % (
                    rule.title,
                    " ".join(review.refused),
                )
        center.set_enabled(rule_id, on)
        return None

    def edit_reminder(self, rule_id: int | None, kind: str = "hydration") -> None:
        from companion.domain.reminders import Kind, ReminderRule  # noqa: PLC0415

        center = self.reminders
        rule = center.repo.get(rule_id) if rule_id is not None else None
        if rule is None:
            rule = ReminderRule(Kind(kind), "")
        dialog = self.reminder_dialog(rule)
        if dialog.exec() and dialog.result_rule is not None:
            center.save_rule(dialog.result_rule)

    def delete_reminder(self, rule_id: int) -> None:
        rule = self.reminders.repo.get(rule_id)
        if rule is None:
            return
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("CompanionApp", "Delete reminder"),
            QCoreApplication.translate(
                "CompanionApp",
                "Delete the reminder %r? What it reminded you of stays in your history.",
            )
            % rule.title,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reminders.delete_rule(rule_id)

    def waking_hours(self) -> WakingWeek:
        return self.preferences.current.waking

    # -- preferences ----------------------------------------------------------------------
    def _preferences_changed(self, keys: set[str]) -> None:
        """Settings changed ``keys``: bring everything that shows or uses them up to date."""
        prefs = self.preferences.current
        if "theme" in keys:
            self.theme.follow(prefs.theme.value)
        if keys & {"sounds", "voice", "volume"}:
            players = [self._cues] + [
                getattr(v, "sound", None) for v in (self.player, self.therapy)
            ]
            for cues in players:
                if cues is not None:
                    self._configure_cues(cues)
        if "waking" in keys and self._reminders is not None:
            self._reminders.reschedule()
        reminders_page = self._built_page("reminders")
        if reminders_page is not None:
            if "waking" in keys:
                reminders_page.show_waking()
            if "units" in keys:
                reminders_page.units_changed()
            reminders_page.refresh()
        if keys & {"units", "water_goal_ml", "equipment", "emergency_number"}:
            today = self._built_page("today")
            if today is not None:
                today.preferences_changed()
        guide_page = self._built_page("guide")
        if "units" in keys and guide_page is not None:
            from companion.resources import load_guide  # noqa: PLC0415

            guide_page.set_guide(load_guide().in_units(prefs.units))
        if "water_goal_ml" in keys:
            self.data_changed.emit()  # History's water chart measures against the goal

    def _built_page(self, key: str) -> Any:
        """The section's page if it has been opened, without building it."""
        return self.window._pages.get(key)

    def _configure_cues(self, cues: CuePlayer) -> CuePlayer:
        prefs = self.preferences.current
        cues.configure(sounds=prefs.sounds, voice=prefs.voice, volume=prefs.volume)
        return cues

    def test_sound(self) -> None:
        """Settings' "Play a test sound": a chime and a spoken line, as set."""
        if self._cues is None:
            from companion.ui.cues import CuePlayer  # noqa: PLC0415

            self._cues = CuePlayer(parent=self)
        self._configure_cues(self._cues).phase(
            QCoreApplication.translate("CompanionApp", "This is how cues will sound.")
        )

    @property
    def autostart(self) -> Autostart:
        from companion.autostart import Autostart, launch_command  # noqa: PLC0415
        from companion.paths import default_data_dir  # noqa: PLC0415

        # A profile in another folder starts at login with that folder.
        own_folder = self.paths.data_dir.resolve() != default_data_dir().resolve()
        return Autostart(launch_command(data_dir=self.paths.data_dir if own_folder else None))

    def snooze_minutes(self) -> int:
        value = self.settings.get(SNOOZE_KEY)
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value if ok and SNOOZE_RANGE[0] <= value <= SNOOZE_RANGE[1] else 10

    def set_snooze_minutes(self, minutes: int) -> None:
        if SNOOZE_RANGE[0] <= minutes <= SNOOZE_RANGE[1]:
            self.settings.set(SNOOZE_KEY, minutes, self.clock.now())

    def just_finished(self, activity: str) -> str | None:
        """A run or leg day just ended: log it (distance, time and effort are optional),
        then the cool-down, water and check-ins to come."""
        from companion.domain.reminders import ACTIVITY_ROUTINES  # noqa: PLC0415

        if activity not in ACTIVITY_ROUTINES:
            return QCoreApplication.translate("CompanionApp", "Say 'run' or 'leg_day'.")
        self.log_activity_dialog(
            activity,
            after=self._finished,
            save_text=QCoreApplication.translate("CompanionApp", "Log it and start the cool-down"),
        )
        return None

    def _finished(self, activity: Activity) -> None:
        from companion.domain.reminders import (  # noqa: PLC0415
            ACTIVITY_ROUTINES,
            recovery_timeline,
        )

        kind = activity.kind.value
        center = self.reminders
        center.save_rules(recovery_timeline(kind, self.clock.now(), center.waking()))
        self.start_routine(ACTIVITY_ROUTINES[kind])  # a refusal shows as a banner

    # -- history and the activity log ---------------------------------------------------------
    def _history_page(self) -> QWidget:
        from companion.ui.history_page import HistoryPage  # noqa: PLC0415
        from companion.ui.history_presenter import HistoryPresenter  # noqa: PLC0415

        zone = self.clock.now().tzinfo
        assert zone is not None
        presenter = HistoryPresenter(
            self.db, self.today.content.regions, self.clock, zone, self.water_goal
        )
        page = HistoryPage(presenter)
        page.log_activity_requested.connect(self._log_activity_from_page)
        page.log_morning_requested.connect(self.log_morning_dialog)
        self.data_changed.connect(page.mark_stale)
        return page

    def water_goal(self) -> int | None:
        """The day's water goal in mL (Settings), or None when numeric goals are off."""
        return self.today.water_goal_ml()

    def _log_activity_from_page(self) -> None:
        self.log_activity_dialog("run")

    def log_activity_dialog(
        self,
        kind: str = "run",
        *,
        after: Callable[[Activity], None] | None = None,
        save_text: str = "",
    ) -> ActivityDialog:
        """Open the activity dialog (not blocking); ``after`` runs once it is logged."""
        from companion.domain.activity import ActivityKind  # noqa: PLC0415
        from companion.storage.activities import ActivityRepository  # noqa: PLC0415
        from companion.ui.activity_dialog import ActivityDialog  # noqa: PLC0415

        repo = ActivityRepository(self.db)
        if self.activity_dialog is not None:
            self.activity_dialog.close()
        dialog = ActivityDialog(
            self.clock.now(),
            lambda: [a for _id, a in repo.recent(500)],
            self.window if self.window.isVisible() else None,
            kind=ActivityKind(kind),
            save_text=save_text,
        )
        self.activity_dialog = dialog
        self._after_activity = after
        dialog.accepted.connect(self._activity_accepted)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _activity_accepted(self) -> None:
        dialog = self.activity_dialog
        if dialog is None or dialog.activity is None:
            return
        reason = self.log_activity(dialog.activity, "app")
        if reason is not None:
            self.window.add_banner(reason)
            return
        after, self._after_activity = self._after_activity, None
        if after is not None:
            after(dialog.activity)

    @cached_property
    def activity(self) -> ActivityService:
        from companion.services.activity import ActivityService  # noqa: PLC0415

        return ActivityService(self.db, self.clock)

    def log_activity(self, activity: Activity, source: str) -> str | None:
        """Store an activity; the reason it was refused, or None."""
        try:
            self.activity.log_activity(activity, source)
        except ValueError as exc:
            return str(exc)
        self.data_changed.emit()
        return None

    def log_morning_dialog(self) -> None:
        from companion.ui.activity_dialog import MorningDialog  # noqa: PLC0415

        dialog = MorningDialog(self.clock.now().date(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.log is None:
            return
        logged = self.log_morning(dialog.log)
        note = dialog.log.sleep_note()
        if note:
            QMessageBox.information(
                self.window, QCoreApplication.translate("CompanionApp", "Sleep and recovery"), note
            )
        if logged.alert is not None:
            self._morning_alert(logged.alert)

    def log_morning(self, log: MorningLog) -> Logged:
        """Store a morning's sleep and recovery: its notes, and rule T8 if raised now."""
        logged = self.activity.log_morning(log)
        self.data_changed.emit()
        return logged

    def _morning_alert(self, alert: TrendAlert) -> None:
        """Rule T8 (three poorly recovered mornings in a row), raised once a run of them:
        the note, and the fever questions if the user says they have a fever."""
        box = QMessageBox(self.window)
        box.setWindowTitle(QCoreApplication.translate("CompanionApp", "Three tired mornings"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(alert.detail)
        fever = box.addButton(
            QCoreApplication.translate("CompanionApp", "Answer the fever questions"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(
            QCoreApplication.translate("CompanionApp", "No fever"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.exec()
        self.activity.settle(alert, "answered")
        if box.clickedButton() is fever:
            from companion.domain.triage import questions_for  # noqa: PLC0415

            self._ask_and_record(questions_for(self.today.content.triage, alert.moments))

    def _open_checkin(self) -> None:
        self.window.bring_forward()
        self.window.show_section("today")

    def start_reminders(self) -> None:
        if self._quitting or (self._reminders is not None and self._reminders.started):
            return
        self.reminders.start()

    def log_water(self, ml: int, source: str = "app") -> str | None:
        """Log a drink; the reason it was refused, or None."""
        try:
            self.reminders.log_water(ml, source)
        except ValueError as exc:
            return str(exc)
        return None

    # -- therapy timers -------------------------------------------------------------
    def start_timer(
        self, kind: str, options: dict[str, Any], *, confirmed: bool = False
    ) -> str | None:
        """Open a therapy timer; the reason it cannot, or None.

        Settings beyond a hard limit are refused with the reason; outside the usual
        range they are asked about first (unless ``confirmed``, as from the command line,
        whose user typed them).
        """
        from companion.domain.therapy_timer import TimerRefusedError, build_plan  # noqa: PLC0415
        from companion.ui.therapy_timer import TherapyTimerView  # noqa: PLC0415

        content = self.today.content
        try:
            plan = build_plan(kind, options, content.protocols, self.preferences.current.units)
        except (TimerRefusedError, ValueError, TypeError) as exc:
            return str(exc)
        region = options.get("region", "")
        answer = self.safety.timer(plan, region=region if isinstance(region, str) else "")
        if not answer.allowed:
            return answer.message(self.clock.now())
        if answer.to_confirm and not confirmed:
            reply = QMessageBox.question(
                self.window,
                QCoreApplication.translate("CompanionApp", "Outside the usual range"),
                "\n".join(answer.to_confirm),
            )
            if reply != QMessageBox.StandardButton.Yes:
                return QCoreApplication.translate("CompanionApp", "Not started.")
        if answer.cautions:
            plan = replace(plan, before=" ".join((plan.before, *answer.cautions)))
        running = self.therapy.timer if self.therapy is not None else None
        if self.therapy is not None and running is not None and running.ended_at is None:
            self.therapy.bring_forward()
            return QCoreApplication.translate(
                "CompanionApp", "A timer is already running; stop it first."
            )
        if self.therapy is not None:
            self.therapy.close()
        catalog = content.triage
        questions = [catalog.get(q) for q in QUICK_CHECK]
        view = TherapyTimerView(plan, self.clock, questions)
        self._configure_cues(view.sound)
        view.finished.connect(self._save_therapy)
        view.something_wrong.connect(self._something_wrong)
        view.phase_changed.connect(self._sync_reminder_status)
        self.therapy = view
        view.show()
        view.bring_forward()
        return None

    def _save_therapy(self, timer: Any) -> None:
        from companion.storage.therapy import TherapyRepository  # noqa: PLC0415

        TherapyRepository(self.db).save(timer)
        self._sync_reminder_status()

    def _sync_reminder_status(self) -> None:
        if self.tray is None:
            return
        lines = []
        if self.therapy is not None:
            running = self.therapy.status(self.clock.now())
            if running:
                lines.append(running)
        if self._reminders is None:
            self.tray.set_extra_status(lines)
            return
        upcoming = self._reminders.next_reminder()
        if upcoming is not None:
            from companion.ui.reminder_center import when_words  # noqa: PLC0415

            when, title = upcoming
            lines.append(
                QCoreApplication.translate("CompanionApp", "Next: %s, %s")
                % (title, when_words(when, self.clock.now()))
            )
        drunk = self._reminders.water_today()
        goal = self._reminders.goal_ml()
        if goal:
            lines.append(
                QCoreApplication.translate("CompanionApp", "Water today: %d of %d mL")
                % (drunk, goal)
            )
        elif drunk:
            lines.append(QCoreApplication.translate("CompanionApp", "Water today: %d mL") % drunk)
        self.tray.set_extra_status(lines)

    # -- IPC (app/ipc_handler.py) -----------------------------------------------------------
    def handle_message(self, message: dict[str, Any]) -> dict[str, Any]:
        """A command from a later launch of the app (runs on the GUI thread)."""
        return self.ipc.handle(message)

    def ipc_handlers(self) -> dict[Command, Handler]:
        return self.ipc.handlers()

    def listen(self) -> None:
        self.server = InstanceServer(self.paths.instance_key, self.handle_message, self)
        self.server.listen()

    def quit(self) -> None:
        self.window.allow_close = True
        self.quit_requested.emit()

    def shutdown(self) -> None:
        """Save what must survive and let go of the database; safe to call twice."""
        if self._quitting:
            return
        self._quitting = True
        self._save_geometry()
        if self._reminders is not None:
            self._reminders.stop()
        self.backup.stop()
        if self.tray is not None:
            self.tray.hide()
        if self.server is not None:
            self.server.close()
        self.db.close()

    # -- window -----------------------------------------------------------------
    def _on_close_requested(self) -> None:
        if self.tray is None:
            self.quit()
            return
        self._save_geometry()
        self.window.hide()
        self.drop_pixmap_cache()
        if not self.settings.get(TRAY_HINT_SHOWN_KEY, False):
            self.tray.showMessage(
                APP_NAME,
                QCoreApplication.translate(
                    "CompanionApp",
                    "Still running in the tray, so your reminders keep coming. "
                    "Choose Quit from the tray menu to stop.",
                ),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
            self.settings.set(TRAY_HINT_SHOWN_KEY, True, self.clock.now())

    def _save_geometry(self) -> None:
        data = bytes(self.window.saveGeometry().data())
        self.settings.set(GEOMETRY_KEY, base64.b64encode(data).decode("ascii"), self.clock.now())

    def _restore_geometry(self) -> None:
        raw = self.settings.get(GEOMETRY_KEY)
        if isinstance(raw, str):
            with contextlib.suppress(ValueError):
                if self.window.restoreGeometry(QByteArray(base64.b64decode(raw))):
                    return
        # First start: the default size, but never larger than the screen, centred.
        screen = self.qapp.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            size = self.window.size().boundedTo(area.size() * 0.92)
            self.window.resize(size.expandedTo(self.window.minimumSize()))
            frame = self.window.frameGeometry()
            frame.moveCenter(area.center())
            self.window.move(frame.topLeft())
