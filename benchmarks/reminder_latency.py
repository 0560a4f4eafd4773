"""How late a due reminder reaches the GUI thread, with the real scheduler and clock.

    python benchmarks/reminder_latency.py [--count 20] [--spacing 1.5]

Builds the app's ReminderCenter on a temporary data folder with the system
clock, starts its real APScheduler, and schedules ``--count`` one-off
reminders ``--spacing`` seconds apart (a snooze ending is the same kind of
job as every rule occurrence). For each it records when the fired event was
handled on the GUI thread (after APScheduler's thread woke, ran the job on a
worker, and the queued signal crossed to the Qt event loop) and reports the
lateness against the scheduled moment. The promise (issue 5) is 1 s.

A second pass blocks the GUI thread for 0.3 s around a third of the moments,
as a busy window would, and reports that apart. benchmarks/suite.py calls
``run`` and sets it beside the same timings of a bare ``QTimer.singleShot``
(benchmarks/bare_window.py, ``timer_latency``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no desktop notifications from a benchmark

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from companion.domain.clock import SystemClock
from companion.localzone import local_zone
from companion.paths import prepare_data_dir
from companion.scheduling.reminders import Fired
from companion.services.reminders import PauseService, ReminderService
from companion.storage.database import open_database
from companion.ui.reminders.center import ReminderCenter
from companion.ui.reminders.pause import PauseController


def measure(
    app: QApplication, center: ReminderCenter, count: int, spacing: float, block: bool
) -> list[float]:
    handled: dict[str, datetime] = {}
    original = center._on_fired

    def record(fired: Fired) -> None:
        handled[fired.key] = datetime.now().astimezone()
        original(fired)

    center._bridge.fired.disconnect(original)
    center._bridge.fired.connect(record)
    start = datetime.now().astimezone() + timedelta(seconds=1)
    planned = {}
    for i in range(count):
        key = f"bench-{block}-{i}"
        planned[key] = start + timedelta(seconds=spacing * i)
        # ReminderCenter.add_once starts the scheduler if no reminder had (older
        # versions had it running from start-up and no add_once).
        getattr(center, "add_once", center.scheduler.add_once)(key, planned[key])
        if block and i % 3 == 0:
            delay_ms = max(
                0, int((planned[key] - datetime.now().astimezone()).total_seconds() * 1000) - 150
            )
            QTimer.singleShot(delay_ms, lambda: time.sleep(0.3))
    deadline = time.monotonic() + spacing * count + 10
    while len(handled) < count and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    center._bridge.fired.disconnect(record)
    center._bridge.fired.connect(original)
    return [(handled[k] - planned[k]).total_seconds() for k in planned if k in handled]


def report(label: str, lateness: list[float], count: int) -> None:
    ms = sorted(x * 1000 for x in lateness)
    print(
        f"{label}: {len(ms)}/{count} delivered; lateness median {statistics.median(ms):.1f} ms, "
        f"p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms"
    )


def run(count: int = 20, spacing: float = 1.5) -> dict[str, Any]:
    """Both passes on a fresh data folder: lateness in seconds, per pass."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare_data_dir(Path(tmp) / "data")
        clock = SystemClock(local_zone())
        db = open_database(paths.database, clock.now()).database
        pause = PauseController(PauseService(db, clock))
        center = ReminderCenter(ReminderService(db, clock, pause=pause.service), pause)
        center.start()
        try:
            return {
                "count": count,
                "idle": measure(app, center, count, spacing, False),
                "blocked": measure(app, center, count, spacing, True),
            }
        finally:
            center.stop()
            db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--spacing", type=float, default=1.5)
    args = parser.parse_args()
    result = run(args.count, args.spacing)
    report("idle GUI thread", result["idle"], args.count)
    report("GUI thread blocked 0.3 s around every third", result["blocked"], args.count)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
