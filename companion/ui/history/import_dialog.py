"""Import runs: choose files or a folder, watch a large archive's progress, see what came in.

Three pages in one dialog. *Choose*: what can be imported, with Choose files… and
Choose folder… (Qt's own file dialogs). *Progress*: "Importing file 341 of 1,000…"
and Cancel, which stops between files (the import service never leaves half an
activity). *Results*: how many activities came in, the files already in the log, the
files that are not activities and the damaged ones, each of those listed with why,
and the training-load note for the newest run.

It only shows and reports: ``paths_chosen`` and ``cancel_requested`` go to the app
(companion/app/activity_import.py), which runs the import and calls ``show_progress``
and ``show_report``. Loaded only when the user asks to import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.services.activity_import import Outcome
from companion.ui.sections import make_label

if TYPE_CHECKING:
    from companion.services.activity_import import ImportReport

MINIMUM_SIZE = (480, 420)  # the results' list keeps room for a few files at the smallest
DEFAULT_SIZE = (580, 500)
NOT_IMPORTED = (Outcome.DAMAGED, Outcome.NOT_AN_ACTIVITY)  # listed with why


def file_filter() -> str:
    """The files dialog's filters: the watch's files (any case) and their archives."""
    patterns = []
    for suffix in ("fit", "gpx", "tcx"):
        for case in (suffix, suffix.upper()):
            patterns += [f"*.{case}", f"*.{case}.gz"]
    patterns += ["*.zip", "*.ZIP"]
    return ";;".join(
        (
            QCoreApplication.translate("ImportDialog", "Activity files and archives (%1)").replace(
                "%1", " ".join(patterns)
            ),
            QCoreApplication.translate("ImportDialog", "All files (*)"),
        )
    )


def short_name(name: str, base: Path | None) -> str:
    """A file's name as the user knows it: inside the folder they chose, or as given."""
    if base is not None:
        prefix = str(base).rstrip("/\\")
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) + 1 :]
    return name


class ImportDialog(QDialog):
    paths_chosen = Signal(list)  # [Path]: files, folders, archives
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import runs"))
        self.setAccessibleName(QCoreApplication.translate("ImportDialog", "Import runs"))
        self.running = False
        self.base: Path | None = None
        self.pages = QStackedWidget()
        self.choose_page = self._choose_page()
        self.progress_page = self._progress_page()
        self.results_page = self._results_page()
        for page in (self.choose_page, self.progress_page, self.results_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.pages)
        self.show_choose()

    # -- building -------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(
            make_label(
                QCoreApplication.translate("ImportDialog", "Import runs from your watch"),
                "CardTitle",
            )
        )
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Choose the FIT, GPX or TCX files your watch or app saved (gzipped files "
                    "too), an export ZIP from Garmin or Strava, or a folder such as a Google "
                    "Takeout export. A run already in your log is never added twice.",
                )
            )
        )
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "ImportDialog", "You can also drop the files on the app's window."
                ),
                "Muted",
            )
        )
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.files_button = QPushButton(QCoreApplication.translate("ImportDialog", "Choose files…"))
        self.files_button.setObjectName("PrimaryButton")
        self.files_button.setDefault(True)
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "Choose folder…")
        )
        self.folder_button.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "A folder of activity files, such as a Takeout export"
            )
        )
        self.folder_button.clicked.connect(self.choose_folder)
        self.close_choose = QPushButton(QCoreApplication.translate("ImportDialog", "Close"))
        self.close_choose.clicked.connect(self.reject)
        for button in (self.files_button, self.folder_button, self.close_choose):
            row.addWidget(button)
        column.addLayout(row)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(
            make_label(
                QCoreApplication.translate("ImportDialog", "Importing your runs"), "CardTitle"
            )
        )
        self.progress_text = make_label("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "Import progress")
        )
        self.progress_bar.setTextVisible(False)
        column.addWidget(self.progress_text)
        column.addWidget(self.progress_bar)
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Cancel stops after the file being read: every run imported so far "
                    "stays in your log, whole.",
                ),
                "Muted",
            )
        )
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        return page

    def _results_page(self) -> QWidget:
        """What came in, above Import more… and Close; it scrolls rather than clip when
        the notes and the list are long and the dialog small."""
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(10)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.results_title = make_label("", "CardTitle")
        self.results_text = make_label("")
        column.addWidget(self.results_title)
        column.addWidget(self.results_text)
        column.addLayout(self._counts_grid())
        column.addWidget(self._notes_banner())
        self._problem_list(column)
        self.end_stretch = QWidget()  # takes the room when there is no list
        column.addWidget(self.end_stretch, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.again_button = QPushButton(QCoreApplication.translate("ImportDialog", "Import more…"))
        self.again_button.clicked.connect(self.show_choose)
        self.done_button = QPushButton(QCoreApplication.translate("ImportDialog", "Close"))
        self.done_button.clicked.connect(self.accept)
        row.addWidget(self.again_button)
        row.addWidget(self.done_button)
        outer.addLayout(row)
        return page

    def _counts_grid(self) -> QGridLayout:
        """New activities, and the files by what became of them (a row shows when not 0)."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.count_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for row_index, (key, text) in enumerate(
            (
                (
                    "imported",
                    QCoreApplication.translate("ImportDialog", "New activities in your log"),
                ),
                (
                    Outcome.ALREADY_THERE.value,
                    QCoreApplication.translate("ImportDialog", "Files already in your log"),
                ),
                (
                    Outcome.NOT_AN_ACTIVITY.value,
                    QCoreApplication.translate("ImportDialog", "Files that are not an activity"),
                ),
                (
                    Outcome.DAMAGED.value,
                    QCoreApplication.translate("ImportDialog", "Damaged files"),
                ),
            )
        ):
            name = QLabel(text)
            number = QLabel("0")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row_index, 0)
            grid.addWidget(number, row_index, 1)
            self.count_labels[key] = (name, number)
        grid.setColumnStretch(2, 1)
        return grid

    def _notes_banner(self) -> QFrame:
        """The training-load note for the newest run, framed as the load card frames it."""
        self.notes_frame = QFrame()
        self.notes_frame.setObjectName("Banner")
        notes_column = QVBoxLayout(self.notes_frame)
        notes_column.setContentsMargins(12, 8, 12, 8)
        self.notes_text = make_label("")
        self.notes_text.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "About your newest run")
        )
        notes_column.addWidget(self.notes_text)
        return self.notes_frame

    def _problem_list(self, column: QVBoxLayout) -> None:
        """The files not imported: a line with the name, a line with why."""
        self.problems_title = make_label(
            QCoreApplication.translate("ImportDialog", "Not imported, and why"), ""
        )
        self.problems_title.setStyleSheet("font-weight: 600;")
        self.problems = _ProblemList()
        self.problems.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "Files not imported, and why")
        )
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        self.problems.setSpacing(2)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.problems.setMinimumHeight(96)
        column.addWidget(self.problems_title)
        column.addWidget(self.problems, 1)

    # -- what the user does -----------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("ImportDialog", "Choose activity files"),
            _start_folder(),
            file_filter(),
        )
        if names:
            self.base = Path(names[0]).parent
            self.paths_chosen.emit([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("ImportDialog", "Choose a folder of activity files"),
            _start_folder(),
        )
        if folder:
            self.base = Path(folder).parent
            self.paths_chosen.emit([Path(folder)])

    def cancel(self) -> None:
        if not self.running:
            return
        self.cancel_button.setEnabled(False)
        self.progress_text.setText(
            QCoreApplication.translate("ImportDialog", "Stopping after this file…")
        )
        self.cancel_requested.emit()

    # -- what the app shows -----------------------------------------------------------------
    def show_choose(self) -> None:
        self.running = False
        self._show_page(self.choose_page)
        self.files_button.setFocus()

    def show_started(self) -> None:
        """The import has begun; its files are still being found."""
        self.running = True
        self.cancel_button.setEnabled(True)
        self.progress_text.setText(
            QCoreApplication.translate("ImportDialog", "Looking for activity files…")
        )
        self.progress_bar.setRange(0, 0)  # busy until the number of files is known
        self._show_page(self.progress_page)
        self.cancel_button.setFocus()

    def show_progress(self, done: int, total: int) -> None:
        if not self.running or not self.cancel_button.isEnabled():
            return  # cancelled: keep saying it stops after this file
        locale = QLocale()
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_text.setText(
            QCoreApplication.translate("ImportDialog", "Importing file %1 of %2…")
            .replace("%1", locale.toString(min(done + 1, total)))
            .replace("%2", locale.toString(total))
        )

    def show_report(self, report: ImportReport) -> None:
        self.running = False
        locale = QLocale()
        read = len(report.files)
        if report.total == 0:
            title, text = (
                QCoreApplication.translate("ImportDialog", "Nothing to import"),
                QCoreApplication.translate(
                    "ImportDialog", "No FIT, GPX or TCX files were found there."
                ),
            )
        elif report.cancelled:
            title = QCoreApplication.translate("ImportDialog", "Import cancelled")
            text = (
                QCoreApplication.translate(
                    "ImportDialog",
                    "Stopped after %1 of %2 files. What was imported stays in your log; "
                    "importing the same files again adds only what is missing.",
                )
                .replace("%1", locale.toString(read))
                .replace("%2", locale.toString(report.total))
            )
        elif report.imported:
            title, text = (
                QCoreApplication.translate("ImportDialog", "Import finished"),
                QCoreApplication.translate(
                    "ImportDialog", "Your History and today's plan now count them."
                ),
            )
        elif report.count(Outcome.ALREADY_THERE) == read:
            title, text = (
                QCoreApplication.translate("ImportDialog", "Nothing new"),
                QCoreApplication.translate(
                    "ImportDialog", "Everything in these files was already in your log."
                ),
            )
        else:
            title, text = (
                QCoreApplication.translate("ImportDialog", "Nothing imported"),
                QCoreApplication.translate("ImportDialog", "None of these files held an activity."),
            )
        self.results_title.setText(title)
        self.results_text.setText(text)
        counts = {
            "imported": len(report.imported),
            **{outcome.value: report.count(outcome) for outcome in Outcome},
        }
        for key, (name, number) in self.count_labels.items():
            number.setText(locale.toString(counts[key]))
            shown = report.total > 0 and (key == "imported" or counts[key] > 0)
            name.setVisible(shown)
            number.setVisible(shown)
        self._fill_problems(report)
        notes = list(report.notes)
        self.notes_text.setText("\n\n".join(notes))
        self.notes_frame.setVisible(bool(notes))
        self._show_page(self.results_page)
        self.done_button.setDefault(True)
        self.done_button.setFocus()

    def show_failure(self, title: str, text: str) -> None:
        """The import could not run or stopped (the data file): the words, on the results."""
        self.running = False
        self.results_title.setText(title)
        self.results_text.setText(text)
        for name, number in self.count_labels.values():
            name.hide()
            number.hide()
        self.problems.clear()
        self.problems_title.hide()
        self.problems.hide()
        self.notes_frame.hide()
        self.end_stretch.show()
        self._show_page(self.results_page)
        self.done_button.setFocus()

    def _show_page(self, page: QWidget) -> None:
        """Show one page at its own size: choosing and progress are short, the results
        get room for their list (and keep what the user resized them to)."""
        for other in (self.choose_page, self.progress_page, self.results_page):
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(page)
        if page is self.results_page:
            self.setMinimumSize(*MINIMUM_SIZE)
            self.resize(self.size().expandedTo(QSize(*DEFAULT_SIZE)))
        else:
            self.setMinimumSize(MINIMUM_SIZE[0], 0)
            self.adjustSize()

    def _fill_problems(self, report: ImportReport) -> None:
        self.problems.clear()
        for file in report.files:
            if file.outcome not in NOT_IMPORTED:
                continue
            name = short_name(file.name, self.base)
            item = QListWidgetItem(f"{name}\n{file.reason or file.outcome.value}")
            item.setToolTip(file.name)
            self.problems.addItem(item)
        shown = self.problems.count() > 0
        self.problems_title.setVisible(shown)
        self.problems.setVisible(shown)
        self.end_stretch.setVisible(not shown)

    def problem_texts(self) -> list[str]:
        """The not-imported list as shown (for tests and screen readers alike)."""
        return [self.problems.item(n).text() for n in range(self.problems.count())]

    # -- Qt events ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.running:
            self.cancel()  # Esc while importing is Cancel; the dialog stays for the results
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()


class _ProblemList(QListWidget):
    """The not-imported list: it grows with the dialog, from a few files' height (Qt's
    default hint is taller and put a scroll bar on the results at their usual size)."""

    def sizeHint(self) -> QSize:
        return QSize(320, 120)


def _start_folder() -> str:
    """Where exports land: the Downloads folder (or home)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation) or str(
        Path.home()
    )
