"""The floor: a bare PySide6 main window with a tray icon, nothing else.

    python benchmarks/bare_window.py [--exit-after-paint]

Prints ``first-paint <unix time>`` after its first paint; with
``--exit-after-paint`` it then quits, otherwise it idles until SIGTERM.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
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


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare window"))
    window.resize(1000, 680)
    tray = QSystemTrayIcon(QIcon(str(ICON)))
    tray.show()
    Probe(window, "--exit-after-paint" in sys.argv)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
