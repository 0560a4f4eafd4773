"""The Settings card for your data: export, import, backups, restore and delete-all.

The card reports intent and shows outcomes; the work is done by
``companion.storage.export`` and ``companion.storage.backup``. Every outcome
is said in the status line in plain words, errors with the message the
storage layer wrote for the user. File choosers and confirmations sit behind
small methods (``choose_save_path``, ``choose_folder``, ``choose_open_path``,
``choose_backup``, ``confirm``) that tests replace.

A backup of a few megabytes takes milliseconds, so the card makes it on the
GUI thread; ``make_backup`` opens its own connection and could run on a
worker thread just the same.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import Clock
from companion.domain.exercises import ExerciseLibrary
from companion.domain.protocols import ProtocolBounds
from companion.storage.backup import (
    KEEP,
    BackupError,
    BackupInfo,
    list_backups,
    make_backup,
    prune,
    restore_backup,
)
from companion.storage.database import Database
from companion.storage.export import (
    KINDS,
    DataFileError,
    ImportReport,
    delete_history,
    export_csv,
    export_json,
    import_json,
)
from companion.ui.sections import Card


def _when(moment: datetime) -> str:
    # The day without a leading zero, spelled out: strftime's dash flag is glibc-only.
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("YourDataCard", "%d KB") % max(1, round(size / 1024))
    return QCoreApplication.translate("YourDataCard", "%.1f MB") % (size / (1024 * 1024))


def _counted(kind: str, n: int) -> str:
    """``n`` records of ``kind`` in words: "12 check-ins", "1 drink"."""
    words: dict[str, Callable[[int], str]] = {
        "checkins": lambda n: QCoreApplication.translate("YourDataCard", "%n check-in(s)", None, n),
        "triage_outcomes": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n safety check result(s)", None, n
        ),
        "health_conditions": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n health condition(s)", None, n
        ),
        "routine_runs": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n routine session(s)", None, n
        ),
        "user_routines": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n routine(s) of yours", None, n
        ),
        "reminder_rules": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n reminder(s) (switched off until you turn it/them on)", None, n
        ),
        "reminder_events": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n past reminder(s)", None, n
        ),
        "water_log": lambda n: QCoreApplication.translate("YourDataCard", "%n drink(s)", None, n),
        "therapy_sessions": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n therapy session(s)", None, n
        ),
        "activities": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n activity(-ies)", None, n
        ),
        "daily_log": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n morning entry(-ies)", None, n
        ),
        "trend_alerts": lambda n: QCoreApplication.translate(
            "YourDataCard", "%n trend alert(s)", None, n
        ),
        "settings": lambda n: QCoreApplication.translate("YourDataCard", "%n setting(s)", None, n),
    }
    return words[kind](n) if kind in words else f"{n} {kind}"


def _listed(parts: Sequence[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return QCoreApplication.translate("YourDataCard", "%s and %s") % (
        ", ".join(parts[:-1]),
        parts[-1],
    )


def describe_import(report: ImportReport) -> str:
    """The outcome of an import in a sentence."""
    present = report.total_present
    if not report.total_added:
        if not present:
            return QCoreApplication.translate(
                "YourDataCard", "The file holds no records, so nothing was imported."
            )
        if present == 1:
            return QCoreApplication.translate(
                "YourDataCard", "Nothing new to import: its one record was already here."
            )
        return (
            QCoreApplication.translate(
                "YourDataCard", "Nothing new to import: all %d records were already here."
            )
            % present
        )
    added = _listed([_counted(kind, report.added[kind]) for kind in KINDS if kind in report.added])
    if not present:
        return QCoreApplication.translate("YourDataCard", "Imported %s.") % added
    return (
        QCoreApplication.translate(
            "YourDataCard", "Imported %s; %n was/were already here.", None, present
        )
        % added
    )


class RestoreDialog(QDialog):
    """The backups, newest first, with their date and size; or a file of the user's choice."""

    def __init__(
        self,
        backups: Sequence[BackupInfo],
        choose_file: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("YourDataCard", "Restore a backup"))
        self.setMinimumWidth(420)
        self.chosen: Path | None = None
        self._choose_file = choose_file
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "YourDataCard",
                "Choose the backup to go back to. Your data as it is now is kept aside first, "
                "so you can come back to it.",
            )
            if backups
            else QCoreApplication.translate(
                "YourDataCard",
                "There are no backups in the backups folder yet. You can choose a file.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(
            QCoreApplication.translate("YourDataCard", "Backups, newest first")
        )
        for info in backups:
            text = f"{_when(info.taken_at)} · {_size(info.size)}"
            if info.before_restore:
                text += " · " + QCoreApplication.translate(
                    "YourDataCard", "your data before a restore"
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        self.list.setVisible(bool(backups))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            QCoreApplication.translate("YourDataCard", "Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.restore_button.setAccessibleName(
            QCoreApplication.translate("YourDataCard", "Restore the chosen backup")
        )
        self.file_button = buttons.addButton(
            QCoreApplication.translate("YourDataCard", "Choose a file…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.file_button.setAccessibleName(
            QCoreApplication.translate("YourDataCard", "Choose a backup file")
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(QCoreApplication.translate("YourDataCard", "Cancel"))
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button.clicked.connect(self._choose)
        cancel.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        layout.addWidget(buttons)
        if backups:
            self.list.setCurrentRow(0)
        self._selection_changed(self.list.currentRow())

    def _selection_changed(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self._restore_selected()

    def _restore_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.item(row)
        self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def _choose(self) -> None:
        path = self._choose_file()
        if path:
            self.chosen = Path(path)
            self.accept()


class YourDataCard(Card):
    """Settings → Your data: buttons for export, import, backups, restore and delete-all."""

    data_changed = Signal()  # after an import, a restore or a delete: re-read everything

    def __init__(
        self,
        db: Database,
        backups_dir: Path,
        clock: Clock,
        library_loader: Callable[[], ExerciseLibrary],
        bounds_loader: Callable[[], ProtocolBounds],
        *,
        parent: QWidget | None = None,
        app_version: str = "",
        keep: int = KEEP,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("YourDataCard", "Export, back up and restore"), parent
        )
        self.db = db
        self.backups_dir = backups_dir
        self.clock = clock
        self.library_loader = library_loader
        self.bounds_loader = bounds_loader
        self.app_version = app_version
        self.keep = keep
        self.add_text(
            QCoreApplication.translate(
                "YourDataCard",
                "Take your data out as one JSON file (which Import reads back, on this or "
                "another computer) or as CSV files for a spreadsheet.",
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.export_csv_button = self._button(
            QCoreApplication.translate("YourDataCard", "Export as CSV…"),
            QCoreApplication.translate("YourDataCard", "Export your data as CSV files"),
            self.export_csv,
        )
        self.export_json_button = self._button(
            QCoreApplication.translate("YourDataCard", "Export as JSON…"),
            QCoreApplication.translate("YourDataCard", "Export your data as one JSON file"),
            self.export_json,
        )
        self.import_button = self._button(
            QCoreApplication.translate("YourDataCard", "Import…"),
            QCoreApplication.translate("YourDataCard", "Import a JSON export"),
            self.import_data,
        )
        self.backup_button = self._button(
            QCoreApplication.translate("YourDataCard", "Back up now"),
            QCoreApplication.translate("YourDataCard", "Back up your data now"),
            self.back_up_now,
        )
        self.restore_button = self._button(
            QCoreApplication.translate("YourDataCard", "Restore…"),
            QCoreApplication.translate("YourDataCard", "Restore a backup"),
            self.restore,
        )
        self.delete_button = self._button(
            QCoreApplication.translate("YourDataCard", "Delete all history…"),
            QCoreApplication.translate("YourDataCard", "Delete all history"),
            self.delete_all_history,
        )
        for n, button in enumerate(
            (
                self.export_csv_button,
                self.export_json_button,
                self.import_button,
                self.backup_button,
                self.restore_button,
                self.delete_button,
            )
        ):
            grid.addWidget(button, n // 2, n % 2)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.last_backup_label = self.add_text("", "Muted")
        self.last_backup_label.setAccessibleName(
            QCoreApplication.translate("YourDataCard", "Last backup")
        )
        self.status_label = self.add_text("")
        self.status_label.setObjectName("DataStatus")
        self.status_label.setAccessibleName(QCoreApplication.translate("YourDataCard", "Outcome"))
        self.status_label.hide()
        self.refresh_last_backup()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(slot)
        return button

    # -- showing ------------------------------------------------------------------------------
    def refresh_last_backup(self) -> None:
        zone = self.clock.now().tzinfo
        daily = [b for b in list_backups(self.backups_dir, zone) if not b.before_restore]
        if daily:
            text = QCoreApplication.translate(
                "YourDataCard", "Last backup: %s, keeping the newest %d."
            ) % (
                _when(daily[0].taken_at),
                self.keep,
            )
        else:
            text = QCoreApplication.translate(
                "YourDataCard",
                "Last backup: none yet. A backup is made each day, keeping the newest %d.",
            )
            text %= self.keep
        self.last_backup_label.setText(text)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()

    # -- the user's actions -------------------------------------------------------------------
    def export_csv(self) -> None:
        chosen = self.choose_folder(
            QCoreApplication.translate("YourDataCard", "Export as CSV: choose or create a folder")
        )
        if not chosen:
            return
        try:
            written = export_csv(self.db, Path(chosen), self.clock.now())
        except (DataFileError, sqlite3.Error) as exc:
            self.show_status(QCoreApplication.translate("YourDataCard", "Not exported. %s") % exc)
            return
        self.show_status(
            QCoreApplication.translate(
                "YourDataCard", "Saved %n CSV file(s) in %s.", None, len(written)
            )
            % chosen
        )

    def export_json(self) -> None:
        suggested = f"recovery-companion-{self.clock.now():%Y-%m-%d}.json"
        chosen = self.choose_save_path(
            QCoreApplication.translate("YourDataCard", "Export as JSON"),
            suggested,
            QCoreApplication.translate("YourDataCard", "Recovery Companion exports (*.json)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            counts = export_json(self.db, path, self.clock.now(), self.app_version)
        except (DataFileError, sqlite3.Error) as exc:
            self.show_status(QCoreApplication.translate("YourDataCard", "Not exported. %s") % exc)
            return
        total = sum(counts.values())
        self.show_status(
            QCoreApplication.translate(
                "YourDataCard", "Saved your data (%n record(s)) to %s.", None, total
            )
            % path
        )

    def import_data(self) -> None:
        chosen = self.choose_open_path(
            QCoreApplication.translate("YourDataCard", "Import a Recovery Companion export"),
            QCoreApplication.translate("YourDataCard", "Recovery Companion exports (*.json)"),
        )
        if not chosen:
            return
        try:
            bounds = self.bounds_loader()
            report = import_json(
                self.db, Path(chosen), self.clock.now(), self.library_loader(), bounds
            )
        except (DataFileError, sqlite3.Error) as exc:
            self.show_status(str(exc))
            return
        self.show_status(describe_import(report))
        if report.total_added:
            self.data_changed.emit()

    def back_up_now(self) -> None:
        try:
            path = make_backup(self.db.path, self.backups_dir, self.clock.now())
        except BackupError as exc:
            self.show_status(str(exc))
            return
        prune(self.backups_dir, self.keep)
        self.refresh_last_backup()
        self.show_status(QCoreApplication.translate("YourDataCard", "Backed up to %s.") % path)

    def restore(self) -> None:
        zone = self.clock.now().tzinfo
        chosen = self.choose_backup(list_backups(self.backups_dir, zone))
        if chosen is None:
            return
        question = (
            QCoreApplication.translate(
                "YourDataCard",
                "Replace all your data with the backup %s? Your data as it is now is saved first, "
                "so you can go back to it.",
            )
            % chosen.name
        )
        if not self.confirm(
            QCoreApplication.translate("YourDataCard", "Restore a backup"), question
        ):
            return
        try:
            aside = restore_backup(self.db, chosen, self.backups_dir, self.clock.now())
        except BackupError as exc:
            self.show_status(QCoreApplication.translate("YourDataCard", "Not restored. %s") % exc)
            return
        self.refresh_last_backup()
        self.show_status(
            QCoreApplication.translate(
                "YourDataCard", "Restored %s. Your data from before is kept in %s."
            )
            % (chosen.name, aside)
        )
        self.data_changed.emit()

    def delete_all_history(self) -> None:
        question = (
            QCoreApplication.translate(
                "YourDataCard",
                "Delete all your history?\n\n"
                "Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, "
                "activities, morning entries, trend alerts and past safety check results.\n\n"
                "Kept: your settings, health conditions, your own routines and reminders, and any "
                "safety lock still running.\n\n"
                "A backup is made first, in %s, so this can be undone with Restore.",
            )
            % self.backups_dir
        )
        if not self.confirm(
            QCoreApplication.translate("YourDataCard", "Delete all history"), question
        ):
            return
        try:
            backup = make_backup(self.db.path, self.backups_dir, self.clock.now())
        except BackupError as exc:
            self.show_status(
                QCoreApplication.translate(
                    "YourDataCard", "Nothing was deleted: the backup first failed. %s"
                )
                % exc
            )
            return
        try:
            report = delete_history(self.db, self.clock.now())
        except sqlite3.Error as exc:
            self.show_status(
                QCoreApplication.translate("YourDataCard", "Nothing was deleted: %s.") % exc
            )
            return
        prune(self.backups_dir, self.keep)
        self.refresh_last_backup()
        text = (
            QCoreApplication.translate(
                "YourDataCard",
                "Deleted %n record(s) from your history. A backup from just before is in %s.",
                None,
                report.total,
            )
            % backup
        )
        if report.kept_locks:
            text += " " + QCoreApplication.translate(
                "YourDataCard",
                "%n safety lock(s) still running was/were kept.",
                None,
                report.kept_locks,
            )
        self.show_status(text)
        self.data_changed.emit()

    # -- dialogs (tests replace these) --------------------------------------------------------
    def choose_save_path(self, title: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.window(), title, str(Path.home() / suggested), filters
        )
        return path

    def choose_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self.window(), title, str(Path.home()))

    def choose_open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window(), title, str(Path.home()), filters)
        return path

    def choose_backup(self, backups: Sequence[BackupInfo]) -> Path | None:
        dialog = RestoreDialog(backups, self._choose_backup_file, self.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen

    def _choose_backup_file(self) -> str:
        return self.choose_open_path(
            QCoreApplication.translate("YourDataCard", "Choose a backup"),
            QCoreApplication.translate("YourDataCard", "Backups (*.db);;All files (*)"),
        )

    def confirm(self, title: str, text: str) -> bool:
        return self.question_box(title, text).exec() == QMessageBox.StandardButton.Yes

    def question_box(self, title: str, text: str) -> QMessageBox:
        """A Yes/No question whose default (Enter, Escape) is No."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window(),
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box
