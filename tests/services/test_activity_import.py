"""Importing runs from files: per-file outcomes, no duplicates, progress, cancel, one note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind
from companion.services.activity_import import ActivityImportService, Outcome
from companion.storage.activities import ActivityRepository
from companion.storage.database import ReadOnlyDatabaseError, open_database
from tests.helpers.activity_files import (
    START,
    fit_run,
    fit_settings,
    garmin_export,
    gpx_run,
    gz,
    strava_export,
    tcx_run,
    truncated,
    wrong_crc,
    zip_bomb,
    zip_of,
)
from tests.helpers.clock import FakeClock

NOW = START + timedelta(hours=3)


@pytest.fixture
def clock():
    return FakeClock(NOW)


@pytest.fixture
def db(data_dir, clock):
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


@pytest.fixture
def service(db, clock):
    return ActivityImportService(db, clock)


def stored(db) -> list[Activity]:
    return [a for _id, a in ActivityRepository(db).recent(10_000)]


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_each_file_gets_its_outcome_and_one_bad_file_never_stops_the_rest(service, db, tmp_path):
    files = tmp_path / "watch"
    write(files, "a_run.fit", fit_run(start=START - timedelta(days=3)))
    write(files, "b_cut.fit", truncated(fit_run()))
    write(files, "c_crc.fit", wrong_crc(fit_run()))
    write(files, "d_settings.fit", fit_settings())
    write(files, "e_route.gpx", gpx_run(route=True))
    write(files, "f_track.gpx", gpx_run(start=START - timedelta(days=2)))
    write(files, "g_treadmill.tcx", tcx_run(start=START - timedelta(days=1), gps=False))
    write(files, "notes.txt", b"not read: a folder is read for activity files only")
    report = service.import_paths([files])
    outcomes = {f.name.rsplit("/", 1)[-1]: f.outcome for f in report.files}
    assert outcomes == {
        "a_run.fit": Outcome.IMPORTED,
        "b_cut.fit": Outcome.DAMAGED,
        "c_crc.fit": Outcome.DAMAGED,
        "d_settings.fit": Outcome.NOT_AN_ACTIVITY,
        "e_route.gpx": Outcome.NOT_AN_ACTIVITY,
        "f_track.gpx": Outcome.IMPORTED,
        "g_treadmill.tcx": Outcome.IMPORTED,
    }
    assert report.damaged
    assert len(stored(db)) == 3
    assert report.summary() == ("Imported 3 activities from 7 files; 2 not an activity, 2 damaged.")
    treadmill = next(a for a in stored(db) if a.source_file.endswith(".tcx"))
    assert treadmill.kind is ActivityKind.RUN and treadmill.avg_hr is not None


def test_the_same_archive_twice_adds_nothing(service, db, tmp_path):
    export = write(tmp_path, "garmin.zip", garmin_export(runs=3))
    first = service.import_paths([export])
    assert [f.outcome for f in first.files] == [Outcome.IMPORTED] * 3
    again = service.import_paths([export])
    assert [f.outcome for f in again.files] == [Outcome.ALREADY_THERE] * 3
    assert again.imported == ()
    assert len(stored(db)) == 3
    assert again.summary() == "Imported 0 activities from 3 files; 3 already there."


def test_the_same_run_from_another_app_or_logged_by_hand_is_already_there(service, db, tmp_path):
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, START + timedelta(minutes=65), minutes=60, km=10), "cli"
    )
    fit = write(tmp_path, "watch.fit", fit_run(start=START))
    gpx = write(tmp_path, "strava.gpx", gpx_run(start=START - timedelta(days=1), minutes=40))
    tcx = write(tmp_path, "polar.tcx", tcx_run(start=START - timedelta(days=1), minutes=40))
    report = service.import_paths([fit, gpx, tcx])
    assert [f.outcome for f in report.files] == [
        Outcome.ALREADY_THERE,
        Outcome.IMPORTED,
        Outcome.ALREADY_THERE,
    ]
    assert len(stored(db)) == 2


def test_a_run_and_a_ride_at_the_same_time_are_both_kept(service, db, tmp_path):
    run = write(tmp_path, "run.fit", fit_run(start=START))
    ride = write(tmp_path, "ride.fit", fit_run(start=START, sport="CYCLING", km=30))
    report = service.import_paths([run, ride])
    assert [f.outcome for f in report.files] == [Outcome.IMPORTED, Outcome.IMPORTED]


def test_a_strava_export_takes_names_and_sports_from_its_list(service, db, tmp_path):
    report = service.import_paths([write(tmp_path, "export.zip", strava_export(runs=2))])
    assert [f.outcome for f in report.files] == [Outcome.IMPORTED] * 3
    by_note = {a.note: a for a in stored(db)}
    assert set(by_note) == {"Morning run 0", "Morning run 1", "Commute"}
    assert by_note["Commute"].kind is ActivityKind.OTHER
    assert by_note["Commute"].sport == "ride"
    assert by_note["Morning run 0"].source_file.endswith("export.zip/activities/100.fit.gz")


def test_a_zip_bomb_and_a_path_out_of_the_archive_are_refused(service, db, tmp_path):
    bomb = write(tmp_path, "bomb.zip", zip_bomb(70))
    ratio = write(tmp_path, "ratio.zip", zip_of([("dense.gpx", bytes(3 * 1024 * 1024))]))
    evil = write(tmp_path, "evil.zip", zip_of([("../evil.fit", fit_run()), ("ok.fit", fit_run())]))
    report = service.import_paths([bomb, ratio, evil])
    reasons = {f.name.rsplit("/", 1)[-1]: (f.outcome, f.reason) for f in report.files}
    assert reasons["bomb.fit"][0] is Outcome.DAMAGED
    assert "zip bomb" in reasons["bomb.fit"][1]
    assert "times its packed size" in reasons["dense.gpx"][1]
    assert "points outside the archive" in reasons["evil.fit"][1]
    assert reasons["ok.fit"][0] is Outcome.IMPORTED
    assert not (tmp_path.parent / "evil.fit").exists()
    assert len(stored(db)) == 1


def test_a_gzip_bomb_is_refused(service, tmp_path):
    path = write(tmp_path, "big.fit.gz", gz(bytes(70 * 1024 * 1024)))
    (file,) = service.import_paths([path]).files
    assert file.outcome is Outcome.DAMAGED
    assert "gzip bomb" in file.reason


def test_progress_is_reported_and_a_cancel_stops_between_files(service, db, tmp_path):
    folder = tmp_path / "many"
    for n in range(5):
        write(folder, f"{n}.fit", fit_run(start=START - timedelta(days=n + 1)))
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(seen) >= 3  # after (0, 5), (1, 5), (2, 5)

    report = service.import_paths(
        [folder], progress=lambda d, t: seen.append((d, t)), cancelled=cancelled
    )
    assert seen == [(0, 5), (1, 5), (2, 5)]
    assert report.cancelled
    assert len(report.files) == 2
    assert len(stored(db)) == 2  # whole activities only
    assert report.summary().startswith("Cancelled after 2 of 5 files; imported 2 activities")
    rest = service.import_paths([folder])
    assert [f.outcome for f in rest.files].count(Outcome.IMPORTED) == 3


def test_only_the_newest_recent_run_of_an_import_gets_the_training_load_note(service, tmp_path):
    folder = tmp_path / "runs"
    for n in range(1, 8):  # a week of 8 km runs, then a long one this morning
        write(folder, f"{n}.fit", fit_run(start=START - timedelta(days=n), km=8, minutes=45))
    write(folder, "long.fit", fit_run(start=START, km=16, minutes=95))
    report = service.import_paths([folder])
    assert report.newest_run is not None
    assert report.newest_run.km == 16
    assert len(report.notes) >= 1
    assert "longer than your longest" in report.notes[0]


def test_old_runs_bring_no_note(service, tmp_path):
    old = START - timedelta(days=60)
    write(tmp_path / "old", "a.fit", fit_run(start=old - timedelta(days=1), km=5))
    write(tmp_path / "old", "b.fit", fit_run(start=old, km=20, minutes=120))
    report = service.import_paths([tmp_path / "old"])
    assert len(report.imported) == 2
    assert (report.newest_run, report.notes) == (None, ())


def test_a_run_older_than_one_already_logged_brings_no_note(service, db, tmp_path):
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, NOW - timedelta(minutes=5), minutes=30, km=5), "app"
    )
    write(tmp_path, "short.fit", fit_run(start=START - timedelta(days=3), km=4))
    report = service.import_paths(
        [write(tmp_path, "long.fit", fit_run(start=START - timedelta(days=1), km=30))]
    )
    assert report.imported and report.notes == ()


def test_a_read_only_data_file_is_refused_before_reading(service, db, tmp_path):
    db.read_only = True  # as open_database leaves a file it may not write
    with pytest.raises(ReadOnlyDatabaseError):
        service.import_paths([write(tmp_path, "a.fit", fit_run())])


def test_nothing_found_says_so(service, tmp_path):
    (tmp_path / "empty").mkdir()
    report = service.import_paths([tmp_path / "empty"])
    assert report.summary() == "No FIT, GPX or TCX files were found there."
    (missing,) = service.import_paths([tmp_path / "nope.fit"]).files
    assert missing.outcome is Outcome.DAMAGED
    assert "no such file" in missing.reason


def test_one_file_by_its_bytes(service, db):
    report = service.import_file("dropped.fit", fit_run(start=datetime(2026, 11, 1, tzinfo=UTC)))
    assert report.outcome is Outcome.IMPORTED
    assert (
        service.import_file("dropped.fit", fit_run(start=datetime(2026, 11, 1, tzinfo=UTC))).outcome
        is Outcome.ALREADY_THERE
    )
