"""Import runs in the window: History's button, the tray's action and files dropped on the
window, through the import dialog (progress, Cancel, results) to a real data file."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from companion.app import CompanionApp
from companion.app.activity_import import ActivityImportWiring
from companion.paths import prepare_data_dir
from companion.services.activity_import import Outcome
from companion.storage.activities import ActivityRepository
from companion.storage.database import Database, open_database
from companion.ui.history.import_dialog import ImportDialog
from companion.ui.history.page import HistoryPage
from tests.helpers.activity_files import (
    START,
    fit_run,
    fit_settings,
    garmin_export,
    gpx_run,
    tcx_run,
    wrong_crc,
)
from tests.helpers.clock import LONDON, FakeClock
from tests.helpers.fresh_app import in_fresh_app
from tests.ui.conftest import MakeApp


@pytest.fixture(autouse=True)
def _a_week_after_the_runs(clock: FakeClock) -> None:
    clock.set(datetime(2026, 12, 7, 9, 0, tzinfo=LONDON))  # the runs are in the last 10 days


def _files(folder: Path) -> list[Path]:
    """A FIT run, a GPX run and a TCX treadmill run on three days, a settings file and a
    FIT with a wrong checksum."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "morning.fit": fit_run(start=START),
        "evening.gpx": gpx_run(start=START - timedelta(days=1)),
        "treadmill.tcx": tcx_run(start=START - timedelta(days=2), gps=False),
        "settings.fit": fit_settings(),
        "broken.fit": wrong_crc(fit_run(start=START - timedelta(days=3))),
    }
    paths = []
    for name, data in made.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _stored(companion: CompanionApp) -> int:
    return len(ActivityRepository(companion.db).recent(10_000))


def _history(companion: CompanionApp) -> HistoryPage:
    companion.window.show_section("history")
    page = companion.window.page("history")
    assert isinstance(page, HistoryPage)
    return page


def _finished(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.results_page, timeout=20_000)


def _wiring(companion: CompanionApp) -> ActivityImportWiring:
    return companion.activity_import


MIME_KEPT: list[QMimeData] = []  # an event holds its data by pointer: keep it alive


def _drag(kind: type[QDropEvent], paths: Sequence[str] = (), text: str = "") -> QDropEvent:
    """A drag entering the window, or a drop on it, of these files (or of plain text)."""
    mime = QMimeData()
    if paths:
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    if text:
        mime.setText(text)
    MIME_KEPT.append(mime)
    return kind(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_history_button_opens_the_dialog_and_imports_the_chosen_files(
    make_app: MakeApp, qtbot, tmp_path, monkeypatch
):
    companion = make_app()
    page = _history(companion)
    files = _files(tmp_path / "watch")
    asked: list[str] = []

    def pick(_parent, _title, _folder, filters):
        asked.append(filters)
        return [str(p) for p in files], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = _wiring(companion).dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.pages.currentWidget() is dialog.choose_page
    with qtbot.waitSignal(companion.data_changed, timeout=20_000):
        qtbot.mouseClick(dialog.files_button, Qt.MouseButton.LeftButton)
    _finished(qtbot, dialog)

    assert "*.fit" in asked[0] and "*.FIT" in asked[0] and "*.tcx.gz" in asked[0]
    assert _stored(companion) == 3
    report = _wiring(companion).last_report
    assert report is not None and report.count(Outcome.IMPORTED) == 3
    assert dialog.results_title.text() == "Import finished"
    numbers = {key: number.text() for key, (_name, number) in dialog.count_labels.items()}
    assert numbers["imported"] == "3"
    assert numbers[Outcome.DAMAGED.value] == "1"
    assert numbers[Outcome.NOT_AN_ACTIVITY.value] == "1"
    assert dialog.count_labels[Outcome.ALREADY_THERE.value][0].isHidden()  # none: not shown
    problems = dialog.problem_texts()
    assert len(problems) == 2
    assert problems[0].startswith("settings.fit\n") or problems[1].startswith("settings.fit\n")
    assert any(p.startswith("broken.fit\n") and "checksum" in p for p in problems)
    assert page.activity_text.text() != "Nothing logged in this period."  # History redrew
    assert dialog.notes_frame.isHidden() is not bool(report.notes)
    for note in report.notes:  # the training-load note for the newest run
        assert note in dialog.notes_text.text()

    # The same files again: nothing new, and nothing stored twice.
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.choose_page
    qtbot.mouseClick(dialog.files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _wiring(companion).last_report is not report, timeout=20_000)
    _finished(qtbot, dialog)
    assert _stored(companion) == 3
    assert dialog.count_labels[Outcome.ALREADY_THERE.value][1].text() == "3"
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_choose_folder_imports_an_export_folder(make_app: MakeApp, qtbot, tmp_path, monkeypatch):
    companion = make_app()
    folder = tmp_path / "Takeout"
    _files(folder / "Fit")
    (folder / "garmin.zip").write_bytes(garmin_export(3))
    (folder / "notes.txt").write_text("not read")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(folder))

    _wiring(companion).choose()
    dialog = _wiring(companion).dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    _finished(qtbot, dialog)

    # The Garmin export holds the same three mornings' runs: each is there once.
    assert _stored(companion) == 3
    assert dialog.count_labels[Outcome.ALREADY_THERE.value][1].text() == "3"
    problems = dialog.problem_texts()
    assert any(p.startswith(str(Path("Takeout", "Fit", "broken.fit"))) for p in problems)


def test_files_dropped_on_the_window_are_imported(make_app: MakeApp, qtbot, tmp_path):
    companion = make_app()
    run = tmp_path / "run.fit"
    run.write_bytes(fit_run())
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8")
    window = companion.window

    enter = _drag(QDragEnterEvent, [str(run), str(other)])
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window._drop_hint is not None and window._drop_hint.isVisible()
    drop = _drag(QDropEvent, [str(run), str(other)])
    with qtbot.waitSignal(window.files_dropped) as dropped:
        QApplication.sendEvent(window, drop)
    assert dropped.args == [[str(run)]]  # the photo is not ours to read
    assert not window._drop_hint.isVisible()
    dialog = _wiring(companion).dialog
    assert dialog is not None
    _finished(qtbot, dialog)
    assert _stored(companion) == 1
    report = _wiring(companion).last_report
    assert report is not None and [f.name for f in report.files] == [str(run)]


def test_other_drops_are_ignored(make_app: MakeApp, qtbot, tmp_path):
    companion = make_app()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    window = companion.window

    enter = _drag(QDragEnterEvent, [str(photo)])
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    text_enter = _drag(QDragEnterEvent, text="just words")
    QApplication.sendEvent(window, text_enter)
    assert not text_enter.isAccepted()
    drop = _drag(QDropEvent, [str(photo)])
    with qtbot.assertNotEmitted(window.files_dropped):
        window.dropEvent(drop)  # Qt sends no drop after a refused enter; were it sent
    assert not drop.isAccepted()
    assert "activity_import" not in companion.__dict__  # nothing of the import loaded


def test_cancel_stops_between_files_and_leaves_no_half_activity(make_app: MakeApp, qtbot, tmp_path):
    companion = make_app()
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(300):
        (folder / f"{n:03}.tcx").write_bytes(
            tcx_run(start=START - timedelta(days=n), minutes=20, km=4.0)
        )
    wiring = _wiring(companion)
    wiring.choose()
    dialog = wiring.dialog
    assert dialog is not None
    seen: list[str] = []

    def maybe_cancel(value: int) -> None:
        seen.append(dialog.progress_text.text())
        if value >= 20 and dialog.cancel_button.isEnabled():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progress_bar.valueChanged.connect(maybe_cancel)
    dialog.paths_chosen.emit([folder])
    assert dialog.pages.currentWidget() is dialog.progress_page
    _finished(qtbot, dialog)

    report = wiring.last_report
    assert report is not None and report.cancelled
    assert 20 <= len(report.files) < 300
    assert report.total == 300
    assert any(text.startswith("Importing file ") and text.endswith(" of 300…") for text in seen)
    assert dialog.results_title.text() == "Import cancelled"
    assert f"Stopped after {len(report.files)} of 300 files" in dialog.results_text.text()
    # Every file the import finished is whole in the log; nothing of the next one is.
    rows = ActivityRepository(companion.db).recent(10_000)
    assert len(rows) == len(report.files) == report.count(Outcome.IMPORTED)
    for _id, activity in rows:
        assert activity.minutes == pytest.approx(20.0)
        assert activity.km == pytest.approx(4.0)
    # Esc while importing is Cancel, never a closed dialog with an import behind it.
    assert wiring.worker is None


def test_the_tray_action_opens_history_and_the_dialog(make_app: MakeApp, qtbot):
    companion = make_app()
    assert companion.tray is not None
    assert companion.actions.import_runs in companion.tray.menu.actions()
    companion.window.hide()

    companion.actions.import_runs.trigger()

    assert companion.window.isVisible()
    assert companion.window.current_section() == "history"
    dialog = _wiring(companion).dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.pages.currentWidget() is dialog.choose_page
    assert dialog.files_button.hasFocus() or dialog.focusWidget() is dialog.files_button


def test_quitting_during_an_import_stops_it_before_the_data_file_closes(
    make_app: MakeApp, qtbot, tmp_path
):
    companion = make_app()
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(300):
        (folder / f"{n:03}.tcx").write_bytes(tcx_run(start=START - timedelta(days=n), minutes=5))
    wiring = _wiring(companion)
    wiring.import_paths([str(folder)])
    worker = wiring.worker
    assert worker is not None

    companion.window.allow_close = True  # as quit() does
    companion.shutdown()

    assert worker.isFinished()


@pytest.fixture
def read_only_app(qapp, qtbot, data_dir, clock):
    paths = prepare_data_dir(data_dir)
    open_database(paths.database, clock.now()).database.close()
    conn = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True, isolation_level=None)
    db = Database(conn, paths.database, read_only=True)
    companion = CompanionApp(qapp, paths, db, clock, has_tray=False)
    qtbot.addWidget(companion.window)
    companion.window.show()
    yield companion
    companion.shutdown()
    companion.window.allow_close = True
    companion.window.close()


def test_read_only_mode_refuses_with_the_read_only_words(read_only_app, qtbot, tmp_path):
    run = tmp_path / "run.fit"
    run.write_bytes(fit_run())

    _history(read_only_app).import_button.click()

    wiring = read_only_app.activity_import
    assert wiring.dialog is None  # nothing to choose: it could not be saved
    assert isinstance(wiring.refusal, QMessageBox)
    assert "read-only" in wiring.refusal.informativeText()
    assert str(read_only_app.db.path) in wiring.refusal.informativeText()
    first = wiring.refusal
    first.close()
    QApplication.sendEvent(read_only_app.window, _drag(QDragEnterEvent, [str(run)]))
    QApplication.sendEvent(read_only_app.window, _drag(QDropEvent, [str(run)]))
    assert wiring.dialog is None and wiring.worker is None
    assert wiring.refusal is not first and wiring.refusal.isVisible()


def test_nothing_of_the_import_loads_at_start_up(tmp_path):
    last = in_fresh_app(
        tmp_path / "data",
        "names = ('companion.app.activity_import', 'companion.ui.history.import_dialog',\n"
        "         'companion.services.activity_import', 'companion.activity_files')\n"
        "print(sorted(n for n in names if n in sys.modules))\n",
    )
    assert last == "[]"


def test_escape_while_importing_cancels_and_keeps_the_dialog_for_the_results(
    make_app: MakeApp, qtbot, tmp_path
):
    companion = make_app()
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(300):
        (folder / f"{n:03}.tcx").write_bytes(tcx_run(start=START - timedelta(days=n), minutes=5))
    wiring = _wiring(companion)
    wiring.import_paths([str(folder)])
    dialog = wiring.dialog
    assert dialog is not None and dialog.running
    other = tmp_path / "other.fit"
    other.write_bytes(fit_run())
    wiring.import_paths([str(other)])  # a second drop meanwhile: one import at a time

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.progress_text.text() == "Stopping after this file…"
    _finished(qtbot, dialog)

    report = wiring.last_report
    assert report is not None and report.cancelled
    assert str(other) not in [f.name for f in report.files]
    assert dialog.results_title.text() == "Import cancelled"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now Esc closes it
    assert not dialog.isVisible()


def test_a_folder_with_no_activity_files_says_so(make_app: MakeApp, qtbot, tmp_path):
    companion = make_app()
    empty = tmp_path / "Downloads"
    empty.mkdir()
    (empty / "notes.txt").write_text("nothing to read")
    wiring = _wiring(companion)

    with qtbot.assertNotEmitted(companion.data_changed):
        wiring.import_paths([str(empty)])
        assert wiring.dialog is not None
        _finished(qtbot, wiring.dialog)

    assert wiring.dialog.results_title.text() == "Nothing to import"
    assert wiring.dialog.results_text.text() == "No FIT, GPX or TCX files were found there."
    assert all(name.isHidden() for name, _number in wiring.dialog.count_labels.values())
    assert wiring.dialog.problems.isHidden()
