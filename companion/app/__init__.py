"""Wiring only: the one place that builds and connects everything.

Modules: ``startup`` (``run_gui``, the steps below), ``root`` (``CompanionApp``:
services, window, tray and pages, and the signals between them), the wiring of
``routines``, ``reminders``, ``activity`` and ``settings``, ``tray_host`` (the tray and
where a closed window goes), ``ipc_handler`` (the running app's answers to the IPC
protocol) and ``backup`` (the daily backup).

Start-up order (each step only runs if the one before it succeeded):

1. ``cli.main`` parses the command line. ``--version`` and commands such as
   ``regions`` end there, before Qt is imported.
2. Paths: the data folder is resolved (``--data-dir``, then
   ``COMPANION_DATA_DIR``, then the platform's user data folder), created
   readable by the user only, and checked for writing.
3. The QApplication, with ``quitOnLastWindowClosed`` off: closing the window
   must not stop reminders while a tray icon is there.
4. Single instance: the data folder's lock is taken; if another instance
   holds it, that one is asked to bring its window forward and this process
   exits, never opening the database.
5. The database: opened, a damaged file moved aside, a newer one refused,
   migrations applied.
6. State: settings and the reminders' pause.
7. Theme: palette and style, following the system's light or dark scheme.
8. The window (geometry restored) and the tray icon; the window is shown
   unless ``--minimized`` was given and a tray exists.
9. The single-instance channel starts listening.
10. After the first paint: work that start-up does not need starts here, so
    the window appears fast: the reminder center a second later if a reminder
    is on or a snooze is to come back, else with its first use (its APScheduler
    only once a reminder is on), then the pixmaps that start-up's
    painting cached are let go (Qt trims that cache on a 10 s timer while it
    holds any), and the daily backup 5 s in, re-armed for the next day with
    one single-shot timer (nothing polls while the app sits idle).

Anything the user can cause (an unusable data folder, a database from a newer
version) ends in a clear message, on stderr and in a dialog, never a traceback.
"""

from companion.app.backup import (
    BACKUP_AFTER_MIDNIGHT_S,
    BACKUP_MAX_WAIT_MS,
    BACKUP_RETRY_MS,
    BACKUP_START_DELAY_MS,
    next_backup_ms,
)
from companion.app.root import CompanionApp
from companion.app.startup import (
    FirstPaintProbe,
    SignalBridge,
    make_qapp,
    report_error,
    run_gui,
)
from companion.app.tray_host import GEOMETRY_KEY, NO_TRAY_NOTICE_KEY, TRAY_HINT_SHOWN_KEY

_make_qapp = make_qapp  # the name tests and benchmarks have long used

__all__ = [
    "BACKUP_AFTER_MIDNIGHT_S",
    "BACKUP_MAX_WAIT_MS",
    "BACKUP_RETRY_MS",
    "BACKUP_START_DELAY_MS",
    "GEOMETRY_KEY",
    "NO_TRAY_NOTICE_KEY",
    "TRAY_HINT_SHOWN_KEY",
    "CompanionApp",
    "FirstPaintProbe",
    "SignalBridge",
    "make_qapp",
    "next_backup_ms",
    "report_error",
    "run_gui",
]
