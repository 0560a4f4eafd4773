"""``import-runs`` with no app running writes to the data folder; per-file lines, exit codes."""

from __future__ import annotations

import signal
from datetime import timedelta

import pytest

from companion.cli import main
from companion.domain.clock import SystemClock
from companion.paths import prepare_data_dir
from companion.storage.activities import ActivityRepository
from companion.storage.database import open_database
from tests.helpers.activity_files import START, fit_run, garmin_export, gpx_run, wrong_crc


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(tmp_path):
    db = open_database(prepare_data_dir(tmp_path / "data").database, SystemClock().now()).database
    try:
        return [a for _id, a in ActivityRepository(db).recent(10_000)]
    finally:
        db.close()


def test_an_archive_is_imported_once_with_a_line_per_file(tmp_path, capsys):
    export = tmp_path / "garmin.zip"
    export.write_bytes(garmin_export(runs=2))
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "import-runs", str(export))
    assert code == 0
    lines = out.splitlines()
    assert sum("imported: 10 km run, 60 min" in line for line in lines) == 2
    assert lines[-1] == "Imported 2 activities from 2 files."
    code, out, _ = run(capsys, "--data-dir", data, "import-runs", str(export))
    assert code == 0
    assert out.splitlines()[-1] == "Imported 0 activities from 2 files; 2 already there."
    assert len(stored(tmp_path)) == 2


def test_a_damaged_file_exits_1_and_the_rest_still_come_in(tmp_path, capsys):
    (tmp_path / "bad.fit").write_bytes(wrong_crc(fit_run()))
    (tmp_path / "good.gpx").write_bytes(gpx_run())
    (tmp_path / "route.gpx").write_bytes(gpx_run(times=False))
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(tmp_path / "data"),
        "import-runs",
        str(tmp_path / "bad.fit"),
        str(tmp_path / "good.gpx"),
        str(tmp_path / "route.gpx"),
    )
    assert code == 1
    assert "bad.fit: damaged: its checksum does not match" in out
    assert "route.gpx: not an activity: no times" in out
    assert len(stored(tmp_path)) == 1


def test_not_an_activity_alone_exits_0(tmp_path, capsys):
    (tmp_path / "route.gpx").write_bytes(gpx_run(times=False))
    code, _, _ = run(
        capsys, "--data-dir", str(tmp_path / "data"), "import-runs", str(tmp_path / "route.gpx")
    )
    assert code == 0


def test_a_line_per_100_files(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    run_bytes = fit_run(records=2)
    for n in range(201):
        # 201 copies of one file: one imported, the rest already there (same content hash).
        (folder / f"{n:03}.fit").write_bytes(run_bytes)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "import-runs", str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "Found 201 files to read.",
        "100 of 201 files read.",
        "200 of 201 files read.",
    ]
    assert lines[-1] == "Imported 1 activity from 201 files; 200 already there."


def test_ctrl_c_cancels_between_files_and_keeps_what_came_in(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "runs"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.fit").write_bytes(fit_run(start=START - timedelta(days=n)))
    from companion.activity_files import reader

    real = reader.read_activities
    calls = []

    def read_then_interrupt(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            signal.raise_signal(signal.SIGINT)  # as Ctrl-C while the second file is read
        return real(*args, **kwargs)

    monkeypatch.setattr("companion.services.activity_import.read_activities", read_then_interrupt)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "import-runs", str(folder))
    assert code == 130
    assert "Cancelled after 2 of 4 files; imported 2 activities from 2 files." in out
    assert len(stored(tmp_path)) == 2
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_help_names_the_formats(capsys):
    with pytest.raises(SystemExit):
        main(["import-runs", "--help"])
    assert "FIT, GPX and TCX" in capsys.readouterr().out
