"""The user's own routines in the GUI: new, edit, duplicate, export, import and delete.

Built-in routines are read-only: Duplicate makes an editable copy. The dialogs
(editor, file choosers, messages) sit behind small methods that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from companion.domain.clock import Clock
from companion.domain.custom_routines import (
    MAX_FILE_BYTES,
    RoutineDraft,
    RoutineFileError,
    as_draft,
    from_file,
    to_file,
)
from companion.domain.exercises import ExerciseLibrary
from companion.domain.poses import PoseCatalog
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog
from companion.domain.routines import Routine, RoutineCatalog
from companion.services.routines import RoutineLibrary
from companion.storage.user_routines import PREFIX, UserRoutineRepository
from companion.ui.routine_editor import RoutineEditorDialog


class UserRoutines(QObject):
    changed = Signal()

    def __init__(
        self,
        repo: UserRoutineRepository,
        *,
        catalog: RoutineCatalog,
        library: ExerciseLibrary,
        regions: RegionCatalog,
        bounds: ProtocolBounds,
        clock: Clock,
        window: Callable[[], QWidget | None],
        parent: QObject | None = None,
        poses: PoseCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.poses = poses
        self.repo = repo
        self.catalog = catalog
        self.library = library
        self.regions = regions
        self.bounds = bounds
        self.clock = clock
        self._window = window
        self.found = RoutineLibrary(repo, catalog, library)

    # -- reading (the routines library, services/routines.py) ----------------------------------
    def routines(self) -> list[Routine]:
        return self.found.mine()

    def get(self, routine_id: str) -> Routine | None:
        return self.found.get(routine_id)

    # -- the user's actions ------------------------------------------------------------------
    def new(self) -> None:
        self._edit_and_save(RoutineDraft(""))

    def edit(self, routine_id: str) -> None:
        draft = self.repo.get(routine_id)
        if draft is not None:
            self._edit_and_save(draft)

    def duplicate(self, routine_id: str) -> None:
        if routine_id.startswith(PREFIX):
            original = self.repo.get(routine_id)
        else:
            routine = self.get(routine_id)
            original = None if routine is None else as_draft(routine)
        if original is None:
            return
        copy = RoutineDraft(
            QCoreApplication.translate("MyRoutines", "%s (copy)") % original.name,
            original.description,
            original.steps,
        )
        self._edit_and_save(copy)

    def delete(self, routine_id: str) -> None:
        draft = self.repo.get(routine_id)
        if draft is None:
            return
        question = (
            QCoreApplication.translate(
                "MyRoutines", "Delete the routine “%s”? Its past runs stay in your history."
            )
            % draft.name
        )
        if self.confirm(question):
            self.repo.delete(routine_id)
            self.changed.emit()

    def export(self, routine_id: str) -> None:
        draft = self.repo.get(routine_id)
        if draft is None:
            return
        chosen = self.ask_save_path(draft.name)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            path.write_text(to_file(draft), encoding="utf-8")
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
            # Read one byte past the limit, never more: /dev/zero and pipes report size 0.
            with path.open("rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                raise RoutineFileError(
                    QCoreApplication.translate("MyRoutines", "The file is larger than %d KB.")
                    % (MAX_FILE_BYTES // 1024)
                )
            draft = from_file(raw.decode("utf-8"), self.library, self.bounds)
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
        saved = self.repo.save(draft, self.clock.now())
        self.changed.emit()
        self.tell(
            QCoreApplication.translate("MyRoutines", "Imported"),
            QCoreApplication.translate("MyRoutines", "“%s” is now in your routines.") % saved.name,
        )

    def _edit_and_save(self, draft: RoutineDraft) -> None:
        edited = self.edit_dialog(draft)
        if edited is None:
            return
        self.repo.save(edited, self.clock.now())
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
