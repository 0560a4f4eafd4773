"""The daily backup: one single-shot timer, a worker thread, and nothing polling.

A while after start, and then just after each local midnight, today's backup is
made (the newest 7 kept) with the sqlite backup API on a worker thread with its
own connection; the GUI never waits for it. A failed backup is said on stderr
and tried again an hour later.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from companion import APP_ID
from companion.domain.clock import Clock, elapsed
from companion.memory import give_back
from companion.paths import AppPaths

BACKUP_START_DELAY_MS = 5_000  # off the GUI thread; done before the app sits idle
BACKUP_AFTER_MIDNIGHT_S = 60  # the next backup falls due when the local date changes
BACKUP_MAX_WAIT_MS = 6 * 60 * 60 * 1000  # a sleeping laptop's timer loses the time asleep
BACKUP_RETRY_MS = 60 * 60 * 1000  # after a backup that failed


def next_backup_ms(now: datetime) -> int:
    """Milliseconds from ``now`` until the next day's backup is due: a minute after the
    next local midnight, but no more than BACKUP_MAX_WAIT_MS (a QTimer does not count
    the time a machine sleeps, so a long wait could end hours after the date changed)."""
    zone = now.tzinfo
    tomorrow = datetime.combine(now.date() + timedelta(days=1), dt_time(0), tzinfo=zone)
    due = elapsed(now, tomorrow).total_seconds() + BACKUP_AFTER_MIDNIGHT_S
    return max(1000, min(int(due * 1000), BACKUP_MAX_WAIT_MS))


class DailyBackup(QObject):
    finished = Signal(str)  # the problem, or "" (emitted from the backup thread)

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        *,
        on_done: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.clock = clock
        self.on_done = on_done  # after each backup, on the GUI thread (the Your data card)
        self.stopped = False
        self.worker: threading.Thread | None = None
        self.timer = QTimer(self)  # armed for the next day's backup, never ticking
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # a second either way
        self.timer.timeout.connect(self.run)
        self.finished.connect(self._finished)

    def start_soon(self) -> None:
        """The first backup a while after start (see ``arm`` for the ones after)."""
        self.timer.start(BACKUP_START_DELAY_MS)

    def run(self) -> None:
        """Make today's backup on a worker thread, if none exists and none is running."""
        if self.stopped or (self.worker is not None and self.worker.is_alive()):
            return
        from companion.storage.backup import backups_dir  # noqa: PLC0415

        self.worker = threading.Thread(
            target=self._make,
            args=(self.paths.database, backups_dir(self.paths.data_dir), self.clock.now()),
            name="daily-backup",
            daemon=True,  # a half-written backup is a .part file, never a backup
        )
        self.worker.start()

    def _make(self, database: Path, folder: Path, now: datetime) -> None:
        from companion.storage.backup import BackupError, ensure_daily  # noqa: PLC0415

        try:
            ensure_daily(database, folder, now)
        except BackupError as exc:
            self.finished.emit(str(exc))
            return
        self.finished.emit("")

    def _finished(self, problem: str) -> None:
        if problem:
            print(f"{APP_ID}: {problem}", file=sys.stderr)
        self.on_done()
        if not self.stopped:
            self.arm(BACKUP_RETRY_MS if problem else None)
            give_back()  # what the backup's thread used

    def arm(self, wait_ms: int | None = None) -> None:
        """One single-shot wake-up for the next backup: just after the local date changes
        (at most BACKUP_MAX_WAIT_MS ahead), or ``wait_ms`` from now to try again."""
        if wait_ms is None:
            wait_ms = next_backup_ms(self.clock.now())
        self.timer.start(wait_ms)

    def stop(self) -> None:
        """No more backups; a running one is waited for (it takes well under a second)."""
        self.stopped = True
        self.timer.stop()
        if self.worker is not None:
            self.worker.join(timeout=5)
