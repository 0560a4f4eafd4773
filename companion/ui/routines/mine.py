"""The user's own routines in the GUI: new, edit, duplicate, export, import and delete.

Built-in routines are read-only: Duplicate makes an editable copy. Reading and
changing them is the routines library's (``companion.services.routines``); this
asks the questions and says what happened. The dialogs (editor, file choosers,
messages) sit behind small methods that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from companion.domain.custom_routines import RoutineDraft, RoutineFileError
from companion.domain.exercises import ExerciseLibrary
from companion.domain.poses import PoseCatalog
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog
from companion.domain.routines import Routine
from companion.services.routines import RoutineLibrary
from companion.ui.routines.editor import RoutineEditorDialog


class UserRoutines(QObject):
    changed = Signal()

    def __init__(
        self,
        found: RoutineLibrary,
        *,
        regions: RegionCatalog,
        bounds: ProtocolBounds,
        window: Callable[[], QWidget | None],
        parent: QObject | None = None,
        poses: PoseCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.poses = poses
        self.found = found  # the routines library: every read and change goes through it
        self.regions = regions
        self.bounds = bounds
        self._window = window

    @property
    def library(self) -> ExerciseLibrary:
        return self.found.library

    # -- reading (the routines library, services/routines.py) ----------------------------------
    def routines(self) -> list[Routine]:
        return self.found.mine()

    def get(self, routine_id: str) -> Routine | None:
        return self.found.get(routine_id)

    # -- the user's actions ------------------------------------------------------------------
    def new(self) -> None:
        self._edit_and_save(RoutineDraft(""))

    def edit(self, routine_id: str) -> None:
        draft = self.found.draft(routine_id)
        if draft is not None:
            self._edit_and_save(draft)

    def duplicate(self, routine_id: str) -> None:
        copy = self.found.duplicate_as_draft(routine_id)
        if copy is not None:
            self._edit_and_save(copy)

    def delete(self, routine_id: str) -> None:
        draft = self.found.draft(routine_id)
        if draft is None:
            return
        question = (
            QCoreApplication.translate(
                "MyRoutines", "Delete the routine “%s”? Its past runs stay in your history."
            )
            % draft.name
        )
        if self.confirm(question):
            self.found.delete(routine_id)
            self.changed.emit()

    def export(self, routine_id: str) -> None:
        draft = self.found.draft(routine_id)
        if draft is None:
            return
        chosen = self.ask_save_path(draft.name)
        if not chosen:
            return
        path = self.found.with_json_suffix(Path(chosen))
        try:
            self.found.export_file(draft, path)
        except OSError as exc:
            self.tell(
                QCoreApplication.translate("MyRoutines", "Could not export"),
                QCoreApplication.translate("MyRoutines", "%s could not be written: %s")
                % (path, exc.strerror),
            )

    def import_file(self) -> None:
        chosen = self.ask_open_path()
        if not chosen:
            return
        path = Path(chosen)
        try:
            draft = self.found.read_file(path, self.bounds)
        except OSError as exc:
            self.tell(
                QCoreApplication.translate("MyRoutines", "Could not import"),
                QCoreApplication.translate("MyRoutines", "%s could not be read: %s")
                % (path.name, exc.strerror),
            )
            return
        except UnicodeDecodeError:
            self.tell(
                QCoreApplication.translate("MyRoutines", "Could not import"),
                QCoreApplication.translate("MyRoutines", "%s is not a text file.") % path.name,
            )
            return
        except RoutineFileError as exc:
            self.tell(
                QCoreApplication.translate("MyRoutines", "Could not import"),
                QCoreApplication.translate(
                    "MyRoutines", "%s was not imported: %s Nothing was changed."
                )
                % (path.name, exc),
            )
            return
        saved = self.found.save(draft)
        self.changed.emit()
        self.tell(
            QCoreApplication.translate("MyRoutines", "Imported"),
            QCoreApplication.translate("MyRoutines", "“%s” is now in your routines.") % saved.name,
        )

    def _edit_and_save(self, draft: RoutineDraft) -> None:
        edited = self.edit_dialog(draft)
        if edited is None:
            return
        self.found.save(edited)
        self.changed.emit()

    # -- dialogs (tests replace these) -------------------------------------------------------
    def edit_dialog(self, draft: RoutineDraft) -> RoutineDraft | None:
        dialog = RoutineEditorDialog(
            draft, self.library, self.regions, self.bounds, self._window(), poses=self.poses
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.draft()

    def ask_save_path(self, name: str) -> str:
        suggested = str(Path.home() / f"{name}.json")
        path, _ = QFileDialog.getSaveFileName(
            self._window(),
            QCoreApplication.translate("MyRoutines", "Export routine"),
            suggested,
            QCoreApplication.translate("MyRoutines", "Routine files (*.json)"),
        )
        return path

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self._window(),
            QCoreApplication.translate("MyRoutines", "Import a routine"),
            str(Path.home()),
            QCoreApplication.translate("MyRoutines", "Routine files (*.json)"),
        )
        return path

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self._window(), QCoreApplication.translate("MyRoutines", "Delete routine"), question
        )
        return answer == QMessageBox.StandardButton.Yes

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self._window(), title, text)
