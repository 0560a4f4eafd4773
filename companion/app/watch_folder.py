"""The watched folder, wired: Qt's file watching on the folder Settings names, the new
files imported once (``companion.services.watch_folder``), and one notification saying
what arrived; a click on it opens History.

Loaded only when a folder is set. Nothing ticks while the folder is quiet: the
watcher's own notification wakes the app, and a single-shot timer then waits until
the new files stop growing (a watch or a sync app writes them in pieces) before
they are imported. A folder that goes away (a watch unplugged, a drive unmounted)
is waited for quietly, by watching the nearest folder above it that is there;
when it comes back it is armed again and looked at once. A read-only data file
imports nothing and says nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from companion.services.watch_folder import Stamp, WatchFolderService, plan_words

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.planner import Plan
    from companion.services.watch_folder import Arrived

SETTLE_MS = 1000  # a file is taken when its size and time stayed so between two looks


class FolderWatch(QObject):
    told = Signal(str, str)  # title, body: the notification sent about what arrived
    looked = Signal()  # one look at the folder is over (whatever it found)

    def __init__(self, app: CompanionApp) -> None:
        super().__init__(app)
        self.app = app
        self.service = WatchFolderService(app.db, app.clock)
        self.folder: Path | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.look)
        self._last: dict[str, Stamp] = {}  # the files waiting, as the last look saw them
        self._listening = False

    def follow(self, folder: str) -> None:
        """Watch ``folder`` ("" stops), and look at it once: what arrived while the app
        was closed, or, for a folder never watched before, what is there already."""
        self.folder = Path(folder) if folder and not self.app.db.read_only else None
        self._last = {}
        self._arm()
        if self.folder is None:
            self.settle.stop()
        else:
            self.settle.start()

    @property
    def watching(self) -> list[str]:
        return self.watcher.directories()

    def _arm(self) -> None:
        """Watch the folder itself, or while it is away the nearest folder above it."""
        if self.watching:
            self.watcher.removePaths(self.watching)
        if self.folder is None:
            return
        target = self.folder
        while not target.is_dir() and target.parent != target:
            target = target.parent
        if target.is_dir():
            self.watcher.addPath(str(target))

    def _changed(self, path: str) -> None:
        if self.folder is None:
            return
        if path != str(self.folder) or not self.folder.is_dir():
            self._arm()  # gone, or (from the folder above) perhaps back
            if not self.folder.is_dir():
                return
        self.settle.start()  # again from now: the files may still be written

    def look(self) -> None:
        """Import the new files that stayed the same since the last look; look again
        later while some are still changing."""
        folder = self.folder
        if folder is None:
            return
        if not folder.is_dir():
            self._last = {}
            self._arm()
            self.looked.emit()
            return
        if str(folder) not in self.watching:
            self._arm()  # it came back
        waiting = self.service.waiting(folder)
        steady = [s for s in waiting if self._last.get(s.name) == s]
        self._last = {s.name: s for s in waiting if s not in steady}
        if steady:
            from companion.storage.database import DatabaseError  # noqa: PLC0415

            try:
                arrived = self.service.import_files(folder, steady)
            except (DatabaseError, OSError):
                arrived = None  # the window's banner tells of a data file that cannot be written
            if arrived is not None and arrived.activities:
                self._tell(arrived)
        if self._last:
            self.settle.start()
        self.looked.emit()

    # -- telling ---------------------------------------------------------------------------
    def _tell(self, arrived: Arrived) -> None:
        from companion.ui.reminders.timer_alerts import new_key  # noqa: PLC0415

        app = self.app
        today = app.today

        def allowed(plan: Plan) -> bool:
            return app.safety.routine(plan.routine).allowed

        words = plan_words(
            app.clock.now(), today.latest(), today.plan, allowed, today.content.regions
        )
        title, body = arrived.title(), arrived.sentence(words)
        alerts = app.reminder_wiring.alerts
        if not self._listening:
            alerts.action.connect(self._alert_action)
            self._listening = True
        alerts.send(new_key("arrived"), title, body)
        app.data_changed.emit()  # History shows them
        self.told.emit(title, body)

    def _alert_action(self, key: str, action: str) -> None:
        from companion.ui.reminders.timer_alerts import DEFAULT_ACTION  # noqa: PLC0415

        if key.startswith("arrived-") and action == DEFAULT_ACTION:
            self.app.window.show_section("history")
            self.app.window.bring_forward()


def follow_folder(app: CompanionApp) -> None:
    """Start, change or stop watching as the preference says; builds nothing while no
    folder was ever set."""
    folder = app.preferences.current.watch_folder
    if app.folder_watch is None:
        if not folder or app.db.read_only:
            return
        app.folder_watch = FolderWatch(app)
    app.folder_watch.follow(folder)
