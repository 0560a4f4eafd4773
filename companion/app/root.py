"""The root: builds the services, the window, the tray and the pages, and connects them.

No rules live here: each use case is a service (``companion.services``) or a
widget's own behaviour; this only says who tells whom. The start-up order is in
``companion.app``'s docstring; the IPC handler and the daily backup have modules
of their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from companion.app.backup import DailyBackup
from companion.app.ipc_handler import Handler, IpcHandler
from companion.app.reminders import ReminderWiring
from companion.app.settings import SettingsWiring
from companion.app.tray_host import TrayHost
from companion.app.welcome import WelcomeWiring
from companion.domain.clock import Clock
from companion.domain.regions import Side
from companion.ipc import (
    InstanceServer,
)
from companion.memory import give_back
from companion.paths import AppPaths
from companion.services.checkin import CheckInService
from companion.services.content import LazyContent
from companion.services.pause import PauseService
from companion.services.settings import SettingsService
from companion.storage.database import Database
from companion.storage.preferences import PreferencesRepository
from companion.storage.settings import SettingsRepository
from companion.ui.actions import AppActions
from companion.ui.buttons import install_enter_presses
from companion.ui.main_window import MainWindow
from companion.ui.reminders.pause import PauseController
from companion.ui.sections import SECTIONS
from companion.ui.settings.preferences import PreferencesModel
from companion.ui.theme import Theme
from companion.ui.today.page import TodayPage
from companion.ui.tray import TrayIcon, tray_available
from companion.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from companion.app.activity import ActivityWiring
    from companion.app.activity_import import ActivityImportWiring
    from companion.app.routines import RoutineWiring
    from companion.app.watch_folder import FolderWatch
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
    from companion.ui.history.activity_dialog import ActivityDialog
    from companion.ui.reminders.center import ReminderCenter
    from companion.ui.reminders.editor import ReminderEditorDialog
    from companion.ui.reminders.therapy_timer import TherapyTimerView
    from companion.ui.routines.mine import UserRoutines
    from companion.ui.settings.your_data import YourDataCard


REMINDERS_START_DELAY_MS = 1000
SETTLED_DELAY_MS = 2000  # start-up's painting is over by then
TRAY_WAIT_S = 20.0  # how long a login start waits for the panel's tray
TRAY_POLL_MS = 500


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
        install_wheel_guard(app)  # no wheel-driven changes on controls without focus
        install_enter_presses(app)  # Enter presses the focused button, as Space does
        self.country = country
        self.qapp = app
        self.paths = paths
        self.db = db
        self.clock = clock
        self.settings = SettingsRepository(db)
        self.preferences = PreferencesModel(
            SettingsService(PreferencesRepository(db), lambda: self.today.content.protocols, clock),
            self,
        )
        self.theme = Theme(app, parent=self, choice=self.preferences.current.theme.value)
        self.pause = PauseController(PauseService(db, clock), self)
        self.actions = AppActions(self.pause, self)
        self._today: CheckInService | None = None
        self.reminder_wiring = ReminderWiring(self)
        self.settings_wiring = SettingsWiring(self)
        self.welcome = WelcomeWiring(self)  # the first start's welcome; run_gui enables it
        self.therapy: TherapyTimerView | None = None
        self.data_card: YourDataCard | None = None
        self.folder_watch: FolderWatch | None = None  # only once a watched folder is set
        self.backup = DailyBackup(paths, clock, on_done=self._backup_done, parent=self)
        self.ipc = IpcHandler(self)
        self.activity_dialog: ActivityDialog | None = None
        self._after_activity: Callable[[Activity], None] | None = None
        self._playing: str | None = None
        self.player: QWidget | None = None
        self.window = MainWindow(SECTIONS, self._build_page, self.pause, self.actions)
        self.host = TrayHost(self)
        self.host.restore_geometry()
        self.tray: TrayIcon | None = None
        if has_tray:
            self.host.attach()
        self._no_tray_banner: QWidget | None = None
        self._tray_wait = QTimer(self)  # a login start waiting for the panel's tray
        self._tray_wait.setInterval(TRAY_POLL_MS)
        self._tray_wait.timeout.connect(self.host.look_for_tray)
        self._tray_deadline = 0.0
        self.tray_probe: Callable[[], bool] = tray_available
        self.server: InstanceServer | None = None
        self._quitting = False

        self.actions.open_window.triggered.connect(self.window.bring_forward)
        self.actions.quit.triggered.connect(self.quit)
        # Import runs… (tray) and files dropped on the window: wired on first use (lambdas).
        self.actions.import_runs.triggered.connect(lambda: self.activity_import.from_tray())  # noqa: PLW0108
        self.window.files_dropped.connect(lambda p: self.activity_import.import_paths(p))  # noqa: PLW0108
        self.window.close_requested.connect(self.host.close_requested)
        self.theme.changed.connect(lambda _s: self.window.refresh_icons())
        self.preferences.changed_keys.connect(self.settings_wiring._preferences_changed)
        app.aboutToQuit.connect(self.shutdown)
        if self.tray is None:
            self.host.offer_no_tray_notice()

    def _build_page(self, key: str) -> QWidget:
        """A section's page, built when it is first shown (and its wiring with it)."""
        if key == "today":
            return self._today_page()
        if key == "routines":
            return self.routine_wiring._routines_page()
        if key == "reminders":
            return self.reminder_wiring._reminders_page()
        if key == "history":
            return self.activity_wiring._history_page()
        if key == "guide":
            return self._guide_page()
        if key == "settings":
            return self.settings_wiring._settings_page()
        raise KeyError(f"no section {key!r}")

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
    def routine_wiring(self) -> RoutineWiring:
        """Routines and the player, wired when first used (after the first paint)."""
        from companion.app.routines import RoutineWiring  # noqa: PLC0415

        return RoutineWiring(self)

    @cached_property
    def activity_wiring(self) -> ActivityWiring:
        """History and the activity log, wired when first used."""
        from companion.app.activity import ActivityWiring  # noqa: PLC0415

        return ActivityWiring(self)

    @cached_property
    def activity_import(self) -> ActivityImportWiring:
        """Import runs from files (History, the tray, a drop), wired when first used."""
        from companion.app.activity_import import ActivityImportWiring  # noqa: PLC0415

        return ActivityImportWiring(self)

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
        from companion.app.today import TodayWiring  # noqa: PLC0415

        self.today_wiring = TodayWiring(
            self, routine_name=QCoreApplication.translate("CompanionApp", "Today's routine")
        )
        return self.today_wiring.build()

    def _guide_page(self) -> QWidget:
        from companion.resources import load_guide  # noqa: PLC0415
        from companion.ui.guide.page import GuidePage  # noqa: PLC0415

        return GuidePage(load_guide().in_units(self.preferences.current.units))

    def open_guide(self, passage_id: str) -> None:
        """Show the Guide at one passage (a plan's "Read more")."""
        from companion.ui.guide.page import GuidePage  # noqa: PLC0415

        self.window.show_section("guide")
        page = self.window.page("guide")
        assert isinstance(page, GuidePage)
        page.show_passage(passage_id, focus=True)

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

    # -- what the pages, the tray, IPC and tests ask of the app (done by app/routines.py,
    # app/reminders.py and app/activity.py) -----------------------------------------------
    @property
    def routines(self) -> RoutineCatalog:
        return self.routine_wiring.routines

    @property
    def user_routines(self) -> UserRoutines:
        return self.routine_wiring.user_routines

    @property
    def poses(self) -> PoseCatalog:
        return self.routine_wiring.poses

    def start_routine(self, routine_id: str) -> str | None:
        return self.routine_wiring.start_routine(routine_id)

    def start_player(self, routine_id: str, name: str, steps: Sequence[RoutineStep]) -> str | None:
        return self.routine_wiring.start_player(routine_id, name, steps)

    def _save_run(self, routine_id: str, name: str, session: RoutineSession) -> None:
        self.routine_wiring._save_run(routine_id, name, session)

    def _something_wrong(self) -> None:
        self.routine_wiring._something_wrong()

    @property
    def reminders(self) -> ReminderCenter:
        return self.reminder_wiring.reminders

    def start_reminders(self) -> None:
        if self.db.read_only:
            return  # a reminder could not record its answer; the banner says why
        self.reminder_wiring.start_reminders()

    def reminder_dialog(self, rule: ReminderRule) -> ReminderEditorDialog:
        return self.reminder_wiring.reminder_dialog(rule)

    def set_reminder_enabled(self, rule_id: int, on: bool) -> str | None:
        return self.reminder_wiring.set_reminder_enabled(rule_id, on)

    def snooze_minutes(self) -> int:
        return self.reminder_wiring.snooze_minutes()

    def set_snooze_minutes(self, minutes: int) -> None:
        self.reminder_wiring.set_snooze_minutes(minutes)

    def just_finished(self, activity: str) -> str | None:
        return self.reminder_wiring.just_finished(activity)

    def log_water(self, ml: int, source: str = "app") -> str | None:
        return self.reminder_wiring.log_water(ml, source)

    def start_timer(
        self, kind: str, options: dict[str, Any], *, confirmed: bool = False
    ) -> str | None:
        return self.reminder_wiring.start_timer(kind, options, confirmed=confirmed)

    def _sync_reminder_status(self) -> None:
        self.reminder_wiring._sync_reminder_status()

    @property
    def activity(self) -> ActivityService:
        return self.activity_wiring.activity

    def log_activity_dialog(
        self,
        kind: str = "run",
        *,
        after: Callable[[Activity], None] | None = None,
        save_text: str = "",
    ) -> ActivityDialog:
        return self.activity_wiring.log_activity_dialog(kind, after=after, save_text=save_text)

    def log_activity(self, activity: Activity, source: str) -> str | None:
        return self.activity_wiring.log_activity(activity, source)

    def log_morning_dialog(self) -> None:
        self.activity_wiring.log_morning_dialog()

    def log_morning(self, log: MorningLog) -> Logged:
        return self.activity_wiring.log_morning(log)

    def _morning_alert(self, alert: TrendAlert) -> None:
        self.activity_wiring._morning_alert(alert)

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
        self.reminder_wiring.data_replaced()
        self.data_changed.emit()

    # -- start and stop ---------------------------------------------------------
    def attach_tray(self) -> None:
        self.host.attach()

    def start(self, *, minimized: bool, tray_wait_s: float = TRAY_WAIT_S) -> None:
        if self.tray is not None:
            self.tray.show()
        # Reminders start a moment after the window has painted: a due reminder loses
        # nothing by a second (and APScheduler loads only once a reminder is on).
        QTimer.singleShot(REMINDERS_START_DELAY_MS, self.start_reminders)
        QTimer.singleShot(SETTLED_DELAY_MS, self.drop_pixmap_cache)
        # The daily backup: a while after start, then once a day (see _arm_backup).
        self.backup.start_soon()
        if self.preferences.current.watch_folder:  # nothing of it loads while none is set
            from companion.app.watch_folder import follow_folder  # noqa: PLC0415

            follow_folder(self)
        if minimized and self.tray is not None:
            self.welcome.offer_when_shown()  # never over a start to the tray
            return
        if minimized and tray_wait_s > 0:
            # Started at login, the app can be up before the desktop's panel: wait for
            # the tray a while (the event loop runs) before opening the window instead.
            self._tray_deadline = time.monotonic() + tray_wait_s
            self._tray_wait.start()
            self.welcome.offer_when_shown()
            return
        self.window.show()
        if self.welcome.enabled:
            QTimer.singleShot(0, self.welcome.offer)  # after the first paint

    def waking_hours(self) -> WakingWeek:
        return self.preferences.current.waking

    def _built_page(self, key: str) -> Any:
        """The section's page if it has been opened, without building it."""
        return self.window._pages.get(key)

    def water_goal(self) -> int | None:
        """The day's water goal in mL (Settings), or None when numeric goals are off."""
        return self.today.water_goal_ml()

    def _open_checkin(self) -> None:
        self.window.bring_forward()
        self.window.show_section("today")

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
        self.host.save_geometry()
        if self.reminder_wiring.center is not None:
            self.reminder_wiring.center.stop()
        self.backup.stop()
        if "activity_import" in self.__dict__:  # an import running stops before the close
            self.activity_import.stop()
        if self.folder_watch is not None:
            self.folder_watch.follow("")  # no look at the folder after the data file closes
        if self.tray is not None:
            self.tray.hide()
        if self.server is not None:
            self.server.close()
        self.db.close()

    # -- window -----------------------------------------------------------------
