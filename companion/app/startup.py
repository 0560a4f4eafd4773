"""Start-up: from the command line's arguments to a running app, in the documented order.

``run_gui`` follows the order in ``companion.app``'s docstring; anything the user
can cause on the way (an unusable data folder, a database from a newer version,
another instance on the folder) ends in a clear message, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from companion import APP_ID, APP_NAME, __version__
from companion.app.root import CompanionApp
from companion.domain.clock import SystemClock
from companion.ipc import InstanceError, acquire_instance_lock, send_to_running
from companion.localzone import local_zone
from companion.memory import one_heap
from companion.paths import DataDirError, prepare_data_dir, resolve_data_dir
from companion.storage.database import DatabaseError, open_database
from companion.ui.icons import app_icon
from companion.ui.main_window import MainWindow
from companion.ui.theme import STYLE_PROPERTY
from companion.ui.tray import tray_available


class LaunchOptions(Protocol):
    """What a launch says (the command line's plain launch, or its full parser's answer;
    a command that starts the app adds ``routine_id`` or ``timer``)."""

    @property
    def data_dir(self) -> str | None: ...
    @property
    def minimized(self) -> bool: ...
    @property
    def exit_after_paint(self) -> bool: ...


HEADLESS_PLATFORMS = ("offscreen", "minimal")


class FirstPaintProbe(QObject):
    """For ``--exit-after-paint``: prints when the window first painted, then quits.

    It quits through ``CompanionApp.quit``: Qt 6's ``QApplication.quit()`` first
    asks every window to close and gives up if one refuses, as ours does when
    it hides to the tray.
    """

    def __init__(self, window: MainWindow, quit_app: Callable[[], None]) -> None:
        super().__init__(window)
        self._quit = quit_app
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # A 0 ms timer runs after this paint has reached the backing store.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        self._quit()


class SignalBridge(QObject):
    """Turns SIGTERM and SIGINT (logout, Ctrl+C) into a clean quit, without polling.

    Python runs signal handlers only when the interpreter gets control, which a
    Qt event loop may not give it for hours. ``signal.set_wakeup_fd`` writes a
    byte to a socket that a QSocketNotifier watches, so the loop wakes at once.
    """

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: None)  # the wakeup fd does the work

    def _woken(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)
        self._on_signal()

    def close(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def report_error(message: str) -> None:
    """Tell the user: on stderr always, and in a dialog when there is a screen."""
    print(f"{APP_ID}: {message}", file=sys.stderr, flush=True)
    app = QApplication.instance()
    if isinstance(app, QApplication) and QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - only when needed

        QMessageBox.critical(None, APP_NAME, message)


def make_qapp() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        one_heap()  # before QApplication starts Qt's threads
        # Fusion from the start: the theme need not ask for the style (see theme.py).
        app = QApplication([*sys.argv[:1], "-style", "fusion"])
        app.setProperty(STYLE_PROPERTY, "fusion")
        from companion.i18n import install_translators  # noqa: PLC0415

        install_translators(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    return app


def hand_over(
    key: str, data_dir: Path, routine: str | None, timer: dict[str, Any] | None = None
) -> int:
    """Pass this launch to the instance already running on the folder."""
    from companion.services.commands import Command, message  # noqa: PLC0415

    sent = message(Command.SHOW)
    if routine is not None:
        sent = message(Command.START, routine=routine)
    if timer is not None:
        sent = message(Command.TIMER, **timer)
    reply = send_to_running(key, sent, wait_s=10)
    if reply is None:
        raise InstanceError(
            f"{APP_NAME} is already running on {data_dir} but did not answer. "
            "If it is stuck, end it and start again."
        )
    if not reply.get("ok"):
        print(f"{APP_ID}: {reply.get('error', 'the running app refused')}", file=sys.stderr)
        return 1
    if timer is not None:
        print(f"{APP_NAME} is already running; the timer opened there.")
    elif routine is not None:
        print(f"{APP_NAME} is already running; the routine started there.")
    else:
        print(f"{APP_NAME} is already running; its window was brought forward.")
    return 0


NO_DISPLAY = (
    f"{APP_ID}: no display found. Run it in a desktop session, or with "
    "QT_QPA_PLATFORM=offscreen for a headless check."
)
EXIT_NO_DISPLAY = 2


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a window cannot open here: on Linux, no X display, no Wayland display and
    no platform chosen (Qt would abort with its own text and a hint about libxcb-cursor)."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    return not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: LaunchOptions) -> int:
    if QApplication.instance() is None and no_display():  # before Qt tries a display
        print(NO_DISPLAY, file=sys.stderr, flush=True)
        return EXIT_NO_DISPLAY
    return _run_gui(args)


def _run_gui(args: LaunchOptions) -> int:
    routine: str | None = getattr(args, "routine_id", None)
    timer: dict[str, Any] | None = getattr(args, "timer", None)
    try:
        paths = prepare_data_dir(resolve_data_dir(args.data_dir))
    except DataDirError as exc:
        make_qapp()
        report_error(str(exc))
        return 1
    app = make_qapp()
    try:
        lock = acquire_instance_lock(paths.lock_dir)
        if lock is None:
            return hand_over(paths.instance_key, paths.data_dir, routine, timer)
    except InstanceError as exc:
        report_error(str(exc))
        return 1
    clock = SystemClock(local_zone())
    try:
        opened = open_database(paths.database, clock.now())
    except DatabaseError as exc:
        report_error(str(exc))
        return 1
    country = QLocale.territoryToCode(QLocale.system().territory())
    companion = CompanionApp(
        app, paths, opened.database, clock, has_tray=tray_available(), country=country
    )
    if opened.read_only:
        from companion.app.read_only import WriteRefusals, banner_text  # noqa: PLC0415

        print(f"{APP_ID}: {banner_text()}", file=sys.stderr)
        companion.window.add_banner(banner_text())
        companion.window.set_status_override(
            QCoreApplication.translate("CompanionApp", "Reminders off (read-only)")
        )
        refusals = WriteRefusals(lambda: QApplication.activeWindow() or companion.window)
        refusals.install()
        app.aboutToQuit.connect(refusals.uninstall)
    if opened.moved_aside is not None:
        notice = QCoreApplication.translate(
            "CompanionApp",
            "Your data file could not be read (%s), so it was moved to %s and a fresh one "
            "was started. Nothing in the old file was deleted.",
        ) % (opened.problem, opened.moved_aside)
        print(f"{APP_ID}: {notice}", file=sys.stderr)
        companion.window.add_banner(notice)
    try:
        companion.listen()
    except InstanceError as exc:
        report_error(str(exc))
        return 1
    app.aboutToQuit.connect(lock.unlock)
    companion.quit_requested.connect(app.quit)
    bridge = SignalBridge(companion.quit, companion)
    app.aboutToQuit.connect(bridge.close)
    if args.exit_after_paint:
        FirstPaintProbe(companion.window, companion.quit)
        companion.window.show()
    else:
        companion.welcome.enabled = True  # the first start's welcome, once per data folder
        companion.start(minimized=args.minimized and routine is None and timer is None)
        if routine is not None:
            QTimer.singleShot(0, lambda: companion.start_routine(routine))
        if timer is not None:
            QTimer.singleShot(
                0,
                lambda: companion.start_timer(timer["kind"], timer["options"], confirmed=True),
            )
    return int(app.exec())
