"""Read-only mode: a data file the user may not write opens all the same.

Reading works everywhere (the plan, History, export). Every write is refused by the
database itself (``Database.transaction`` raises ``ReadOnlyDatabaseError``), so no
path can slip past; this module makes the refusal reach the user. The window gets a
banner at start, and a refused write, wherever in the window it came from, shows the
sentence in a message instead of a traceback on stderr.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from companion import APP_NAME
from companion.storage.database import ReadOnlyDatabaseError

SAY_AGAIN_AFTER_S = 3.0  # one refused action can raise more than once; one message


def banner_text() -> str:
    return QCoreApplication.translate(
        "CompanionApp",
        "Read-only mode: your data file cannot be written, so nothing you change here "
        "is saved and reminders are off. Your plan, History and export work as usual. "
        "To change things again, make the file writable (for example chmod 600) and "
        "restart the app.",
    )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class WriteRefusals:
    """Shows a refused write to the user: installed as ``sys.excepthook`` while the
    window runs, passing every other exception to the hook it replaced."""

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self._previous: ExceptHook = sys.excepthook
        self._last = -SAY_AGAIN_AFTER_S
        self.shown: QMessageBox | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if not isinstance(value, ReadOnlyDatabaseError):
            self._previous(kind, value, traceback)
            return
        now = time.monotonic()
        if now - self._last < SAY_AGAIN_AFTER_S and self.shown is not None:
            return
        self._last = now
        print(f"{APP_NAME}: {value}", file=sys.stderr)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            APP_NAME,
            QCoreApplication.translate("CompanionApp", "Not saved"),
            QMessageBox.StandardButton.Ok,
            self._parent(),
        )
        box.setInformativeText(str(value))
        box.setAccessibleName(QCoreApplication.translate("CompanionApp", "Not saved"))
        box.open()  # not exec(): the refusal may come from inside another dialog's slot
        self.shown = box
