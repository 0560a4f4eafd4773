"""Import runs, wired: History's *Import runs…*, the tray's, and files dropped on the
window, through the import dialog (companion/ui/history/import_dialog.py) to the import
service (companion/services/activity_import.py).

The import runs in a worker thread with its own connection to the same data file
(WAL lets the window read and write meanwhile; the busy timeout covers the moment of
a commit), closed when it ends. Why a thread and not a file at a time between events:
before the first file is read, the service finds them all (walking a Takeout folder,
opening a Garmin export's nested ZIPs), and one member of an archive can take longer
to unpack than a frame; the window stays responsive through both. Progress and the
report come back by queued signals; Cancel sets an event the service checks between
files, so no activity is ever half stored.

Nothing here loads at start-up: the root builds this on the first import.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QMessageBox

from companion import APP_NAME

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.clock import Clock
    from companion.services.activity_import import ImportReport
    from companion.ui.history.import_dialog import ImportDialog

QUIT_WAIT_MS = 10_000  # at quit, an import still running gets this long to stop


class ImportWorker(QThread):
    """Runs one import on its own connection; says how far it got, then the report."""

    progressed = Signal(int, int)  # files done, files found
    reported = Signal(object)  # ImportReport
    failed = Signal(str, bool)  # the words, and whether the data file is read-only

    def __init__(self, database: Path, clock: Clock, paths: list[Path]) -> None:
        super().__init__()
        self._database = database
        self._clock = clock
        self._paths = paths
        self.stop = threading.Event()

    def run(self) -> None:
        from companion.services.activity_import import (  # noqa: PLC0415
            ActivityImportService,
        )
        from companion.storage.database import (  # noqa: PLC0415
            DatabaseError,
            ReadOnlyDatabaseError,
            open_database,
        )

        try:
            db = open_database(self._database, self._clock.now()).database
        except DatabaseError as exc:
            self.failed.emit(str(exc), False)
            return
        try:
            report = ActivityImportService(db, self._clock).import_paths(
                self._paths, progress=self.progressed.emit, cancelled=self.stop.is_set
            )
        except ReadOnlyDatabaseError as exc:
            self.failed.emit(str(exc), True)
            return
        except (DatabaseError, sqlite3.Error, OSError) as exc:
            self.failed.emit(str(exc), False)
            return
        finally:
            db.close()
        self.reported.emit(report)


class ActivityImportWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self.dialog: ImportDialog | None = None
        self.worker: ImportWorker | None = None
        self.refusal: QMessageBox | None = None
        self.last_report: ImportReport | None = None

    # -- what the History button, the tray and a drop ask -----------------------------------
    def choose(self) -> None:
        """Open the dialog at its first page: choose files or a folder."""
        dialog = self._dialog()
        if dialog is None:
            return
        if not dialog.running:
            dialog.show_choose()

    def import_paths(self, paths: list[str] | list[Path]) -> None:
        """Import these straight away (files dropped on the window)."""
        dialog = self._dialog()
        if dialog is None or dialog.running:
            return  # one import at a time; the dialog shows the one running
        self._start([Path(p) for p in paths])

    def from_tray(self) -> None:
        """The tray's *Import runs…*: the window with History, then the dialog over it."""
        self.app.window.bring_forward()
        self.app.window.show_section("history")
        self.choose()

    # -- internals -----------------------------------------------------------------------
    def _dialog(self) -> ImportDialog | None:
        """The dialog, shown and raised; None (and the read-only words) when nothing can
        be written."""
        if self.app.db.read_only:
            self._refuse()
            return None
        if self.dialog is None:
            from companion.ui.history.import_dialog import ImportDialog  # noqa: PLC0415

            window = self.app.window
            self.dialog = ImportDialog(window if window.isVisible() else None)
            self.dialog.paths_chosen.connect(self._start)
            self.dialog.cancel_requested.connect(self._cancel)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _refuse(self) -> None:
        from companion.storage.database import read_only_message  # noqa: PLC0415

        window = self.app.window
        box = QMessageBox(
            QMessageBox.Icon.Information,
            APP_NAME,
            QCoreApplication.translate("CompanionApp", "Runs cannot be imported now"),
            QMessageBox.StandardButton.Ok,
            window if window.isVisible() else None,
        )
        box.setInformativeText(read_only_message(self.app.db.path))
        box.setAccessibleName(QCoreApplication.translate("CompanionApp", "Not saved"))
        box.open()
        self.refusal = box

    def _start(self, paths: list[Path]) -> None:
        assert self.dialog is not None
        if self.worker is not None:
            return
        worker = ImportWorker(self.app.db.path, self.app.clock, list(paths))
        worker.progressed.connect(self.dialog.show_progress)
        worker.reported.connect(self._reported)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_finished)
        self.worker = worker
        self.dialog.show_started()
        worker.start()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()

    def _reported(self, report: ImportReport) -> None:
        self.last_report = report
        if self.dialog is not None:
            self.dialog.show_report(report)
        if report.imported:
            self.app.data_changed.emit()  # History, the load card, Today's effort question

    def _failed(self, text: str, read_only: bool) -> None:
        if self.dialog is None:
            return
        title = (
            QCoreApplication.translate("CompanionApp", "Runs cannot be imported now")
            if read_only
            else QCoreApplication.translate("CompanionApp", "The import stopped")
        )
        self.dialog.show_failure(title, text)
        self.app.data_changed.emit()  # what was stored before it stopped stays

    def _worker_finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()

    def stop(self) -> None:
        """Quitting: an import still running stops after its file, before the data
        file closes."""
        if self.worker is not None:
            self.worker.stop.set()
            self.worker.wait(QUIT_WAIT_MS)
