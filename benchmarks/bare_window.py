"""The floor: a bare PySide6 main window with a tray icon, nothing else.

    python benchmarks/bare_window.py [--exit-after-paint]

Prints ``first-paint <unix time>`` after its first paint; with
``--exit-after-paint`` it then quits, otherwise it idles until SIGTERM.

The suite (benchmarks/suite.py) also calls ``timer_latency`` and
``repaint_times`` here: the same measurements as the app's reminder latency
and body-map hover repaint, made on this bare window, so each has a floor.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "recovery-companion.svg"


class Probe(QObject):
    def __init__(self, window: QMainWindow, exit_after: bool) -> None:
        super().__init__(window)
        self.exit_after = exit_after
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        if self.exit_after:
            QApplication.quit()


def _guard() -> None:
    """Many PySide6 calls in a row need the app's guard on Python 3.11 (see
    companion/pyside_guard.py); a launch that only paints once does not."""
    sys.path.insert(0, str(ICON.parent.parent.parent))
    from companion.pyside_guard import protect_singletons  # noqa: PLC0415

    protect_singletons()


def build() -> tuple[QApplication, QMainWindow, QSystemTrayIcon]:
    """The bare window and its tray icon, shown."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare window"))
    window.resize(1000, 680)
    tray = QSystemTrayIcon(QIcon(str(ICON)))
    tray.show()
    return app, window, tray


def _mark(handled: dict[int, float], i: int) -> None:
    handled.setdefault(i, time.time())


def _precise_shot(delay_ms: int, slot: Callable[[], None], parent: QObject) -> QTimer:
    """A single shot on a precise timer (the default coarse one may fire 5 % early)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(slot)
    timer.start(delay_ms)
    return timer


def timer_latency(count: int = 20, spacing: float = 1.5) -> dict[str, Any]:
    """How late a precise ``QTimer.singleShot`` runs its slot in the bare window's process.

    The same moments and the same deliberate blocks (0.3 s around every third in
    the second pass) as benchmarks/reminder_latency.py, in seconds.
    """
    _guard()
    app, window, _tray = build()
    window.show()
    passes: dict[str, list[float]] = {}
    for name, block in (("idle", False), ("blocked", True)):
        start = time.time() + 1.0
        planned = [start + spacing * i for i in range(count)]
        handled: dict[int, float] = {}
        shots: list[QTimer] = []
        for i, at in enumerate(planned):
            delay = max(0, int((at - time.time()) * 1000))
            shots.append(_precise_shot(delay, partial(_mark, handled, i), window))
            if block and i % 3 == 0:
                QTimer.singleShot(max(0, delay - 150), lambda: time.sleep(0.3))
        deadline = time.monotonic() + spacing * count + 10
        while len(handled) < count and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        passes[name] = [handled[i] - planned[i] for i in sorted(handled)]
    return passes


def repaint_times(width: int = 520, height: int = 560, repeats: int = 400) -> list[float]:
    """Seconds for one synchronous full repaint of a bare widget of the body map's size."""
    _guard()
    app, window, _tray = build()
    label = window.centralWidget()
    assert label is not None
    label.setFixedSize(width, height)
    window.show()
    app.processEvents()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        label.repaint()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> int:
    app, window, _tray = build()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    Probe(window, "--exit-after-paint" in sys.argv)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
