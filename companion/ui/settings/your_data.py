"""The Settings card for your data: export, import, backups, restore and delete-all.

The card reports intent and shows outcomes; the work, and the sentences that
say how it went, are the service's (``companion.services.data.DataService``,
which the command line uses too). The card is given the service, or builds
one from the database, the backups folder, the clock and the content loaders.
File choosers and confirmations sit behind small methods
(``choose_save_path``, ``choose_folder``, ``choose_open_path``,
``choose_backup``, ``confirm``) that tests replace.

A backup of a few megabytes takes milliseconds, so the card makes it on the
GUI thread; a backup opens its own connection and could run on a worker
thread just the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

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
from companion.domain.translatable import Translate
from companion.services import data
from companion.services.data import KEEP, BackupInfo, Database, DataService, ImportReport, Outcome
from companion.ui.sections import Card

# The service's sentences, translated by Qt (its stub leaves out the defaults it has).
QT_TRANSLATE = cast(Translate, QCoreApplication.translate)


def describe_import(report: ImportReport) -> str:
    """The outcome of an import in a sentence (the service's words, translated)."""
    return data.describe_import(report, QT_TRANSLATE)


def describe_backup(info: BackupInfo) -> str:
    """A backup in the restore list: its time and size (the service's words, translated)."""
    return data.describe_backup(info, QT_TRANSLATE)


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
            item = QListWidgetItem(describe_backup(info))
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
        db: Database | None = None,
        backups_dir: Path | None = None,
        clock: Clock | None = None,
        library_loader: Callable[[], ExerciseLibrary] | None = None,
        bounds_loader: Callable[[], ProtocolBounds] | None = None,
        *,
        parent: QWidget | None = None,
        app_version: str = "",
        keep: int = KEEP,
        service: DataService | None = None,
    ) -> None:
        """Given ``service``, the card needs nothing else; without it, the service is built
        from ``db``, ``backups_dir``, ``clock`` and the loaders (``app_version`` and ``keep``
        go to it; a given service has its own)."""
        super().__init__(
            QCoreApplication.translate("YourDataCard", "Export, back up and restore"), parent
        )
        if service is None:
            if (
                db is None
                or backups_dir is None
                or clock is None
                or library_loader is None
                or bounds_loader is None
            ):
                raise TypeError(
                    "YourDataCard needs a service, or the database, the backups folder, "
                    "the clock and the content loaders"
                )
            service = DataService(
                db,
                backups_dir,
                clock,
                library_loader,
                bounds_loader,
                app_version=app_version,
                keep=keep,
                translate=QT_TRANSLATE,
            )
        self.service = service
        self.clock = service.clock
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
        self.last_backup_label.setText(self.service.backups.last_backup())

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()

    def _show(self, outcome: Outcome) -> None:
        self.show_status(outcome.said)
        if outcome.changed:
            self.data_changed.emit()

    # -- the user's actions -------------------------------------------------------------------
    def export_csv(self) -> None:
        chosen = self.choose_folder(
            QCoreApplication.translate("YourDataCard", "Export as CSV: choose or create a folder")
        )
        if chosen:
            self._show(self.service.export_csv(Path(chosen)))

    def export_json(self) -> None:
        chosen = self.choose_save_path(
            QCoreApplication.translate("YourDataCard", "Export as JSON"),
            self.service.suggested_json_name(),
            QCoreApplication.translate("YourDataCard", "Recovery Companion exports (*.json)"),
        )
        if chosen:
            self._show(self.service.export_json(self.service.with_json_suffix(Path(chosen))))

    def import_data(self) -> None:
        chosen = self.choose_open_path(
            QCoreApplication.translate("YourDataCard", "Import a Recovery Companion export"),
            QCoreApplication.translate("YourDataCard", "Recovery Companion exports (*.json)"),
        )
        if chosen:
            self._show(self.service.import_json(Path(chosen)))

    def back_up_now(self) -> None:
        outcome = self.service.backups.back_up_now()
        if outcome.ok:
            self.refresh_last_backup()
        self._show(outcome)

    def restore(self) -> None:
        chosen = self.choose_backup(self.service.backups.all())
        if chosen is None:
            return
        if not self.confirm(
            QCoreApplication.translate("YourDataCard", "Restore a backup"),
            self.service.restore_question(chosen),
        ):
            return
        outcome = self.service.restore(chosen)
        if outcome.ok:
            self.refresh_last_backup()
        self._show(outcome)

    def delete_all_history(self) -> None:
        if not self.confirm(
            QCoreApplication.translate("YourDataCard", "Delete all history"),
            self.service.delete_question(),
        ):
            return
        outcome = self.service.delete_history()
        if outcome.ok:
            self.refresh_last_backup()
        self._show(outcome)

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
