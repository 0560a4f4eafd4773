"""The watched folder's service: what is new, imported once, and the sentence about it."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any, cast

import pytest

from companion.domain.activity import Activity, ActivityKind
from companion.services.activity import ActivityService
from companion.services.watch_folder import (
    SEEN_KEY,
    WatchFolderService,
    candidates,
    plan_words,
)
from companion.storage.activities import ActivityRepository
from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository
from tests.helpers.activity_files import START, fit_run, fit_settings, gz, zip_of
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
def folder(tmp_path):
    path = tmp_path / "Watch"
    path.mkdir()
    return path


@pytest.fixture
def service(db, clock, folder):
    service = WatchFolderService(db, clock)
    assert service.waiting(folder) == []  # the first look only notes what is there
    return service


def stored(db) -> list[Activity]:
    return [a for _id, a in ActivityRepository(db).recent(100)]


def test_candidates_are_activity_files_directly_in_the_folder(folder):
    for name in ("a.fit", "b.GPX", "c.tcx.gz", "d.zip", "notes.txt", ".hidden.fit", "e.fit.part"):
        (folder / name).write_bytes(b"x")
    (folder / "sub.fit").mkdir()
    assert [s.name for s in candidates(folder)] == ["a.fit", "b.GPX", "c.tcx.gz", "d.zip"]
    assert candidates(folder / "gone") == []


def test_the_first_look_at_a_folder_leaves_what_is_there(db, clock, folder):
    (folder / "old.fit").write_bytes(fit_run())
    service = WatchFolderService(db, clock)
    assert service.waiting(folder) == []
    assert service.waiting(folder) == []
    assert stored(db) == []
    (folder / "new.fit").write_bytes(fit_run(start=START - timedelta(days=2)))
    assert [s.name for s in service.waiting(folder)] == ["new.fit"]


def test_a_new_file_is_imported_once_and_then_seen(db, service, folder):
    (folder / "run.fit").write_bytes(fit_run())
    waiting = service.waiting(folder)
    arrived = service.import_files(folder, waiting)
    assert [a.describe() for a in arrived.activities] == ["10 km run, 60 min"]
    assert arrived.title() == "A new activity arrived"
    assert service.waiting(folder) == []
    assert service.import_files(folder, waiting).activities == ()
    assert len(stored(db)) == 1


def test_the_same_file_written_again_adds_nothing(db, service, folder):
    path = folder / "run.fit"
    path.write_bytes(fit_run())
    service.import_files(folder, service.waiting(folder))
    path.write_bytes(fit_run())
    os.utime(path, ns=(1, 1))  # a new time: looked at again
    again = service.waiting(folder)
    assert [s.name for s in again] == ["run.fit"]
    arrived = service.import_files(folder, again)
    assert arrived.activities == ()
    assert arrived.sentence("check in to get tonight's plan") == ""
    assert len(stored(db)) == 1


def test_a_file_that_changed_since_it_was_listed_waits(db, service, folder):
    path = folder / "run.fit"
    path.write_bytes(fit_run()[:100])
    waiting = service.waiting(folder)
    path.write_bytes(fit_run())
    assert service.import_files(folder, waiting).activities == ()
    assert stored(db) == []
    assert [s.name for s in service.waiting(folder)] == ["run.fit"]  # still new


def test_a_settings_file_and_a_gz_and_a_zip(db, service, folder):
    (folder / "settings.fit").write_bytes(fit_settings())
    (folder / "one.fit.gz").write_bytes(gz(fit_run(start=START - timedelta(days=3))))
    (folder / "two.zip").write_bytes(
        zip_of([("a/run.fit", fit_run(start=START - timedelta(days=1), km=8.0))])
    )
    arrived = service.import_files(folder, service.waiting(folder))
    assert len(arrived.activities) == 2
    assert arrived.title() == "2 activities arrived"
    assert arrived.sentence("check in to get tonight's plan") == (
        "2 activities arrived: 8 km run, 60 min; 10 km run, 60 min. Check in to get tonight's plan."
    )
    assert service.waiting(folder) == []  # the settings file is seen too


def test_the_sentence_names_the_spike_of_the_newest_run(db, clock, service, folder):
    ActivityService(db, clock).log_activity(
        Activity(ActivityKind.RUN, START - timedelta(days=5), minutes=60, km=10.0),
        "app",
    )
    (folder / "long.fit").write_bytes(fit_run(km=12.0, minutes=70))
    arrived = service.import_files(folder, service.waiting(folder))
    assert arrived.spike == "20 % longer than your longest in 30 days"
    assert arrived.sentence("tonight's 12-minute routine for your calves is ready") == (
        "12 km run, 70 min, 20 % longer than your longest in 30 days: "
        "tonight's 12-minute routine for your calves is ready."
    )


def test_many_at_once_are_counted_after_three(service, folder):
    for day in range(5):
        start = START - timedelta(days=day + 1)
        (folder / f"{day}.fit").write_bytes(fit_run(start=start, km=5.0 + day))
    arrived = service.import_files(folder, service.waiting(folder))
    assert arrived.sentence("open Today to see tonight's plan").startswith(
        "5 activities arrived: 5 km run, 60 min; 6 km run, 60 min; 7 km run, 60 min and 2 more. "
    )


def test_a_read_only_data_file_imports_nothing(db, service, folder):
    (folder / "run.fit").write_bytes(fit_run())
    waiting = service.waiting(folder)
    db.read_only = True  # as open_database leaves a file it may not write
    assert service.import_files(folder, waiting).activities == ()
    db.read_only = False
    assert stored(db) == []


def test_another_folder_starts_afresh(db, clock, service, folder, tmp_path):
    other = tmp_path / "Other"
    other.mkdir()
    (other / "run.fit").write_bytes(fit_run())
    assert service.waiting(other) == []  # noted, not imported
    assert SettingsRepository(db).get(SEEN_KEY)["folder"] == str(other)


def test_a_damaged_record_of_what_was_seen_is_read_past(db, clock, service, folder):
    SettingsRepository(db).set(
        SEEN_KEY, {"folder": str(folder), "files": {"x.fit": "bad", "y.fit": [1]}}, clock.now()
    )
    (folder / "run.fit").write_bytes(fit_run())
    assert [s.name for s in service.waiting(folder)] == ["run.fit"]


# -- what the plan offers ---------------------------------------------------------------
class _Step:
    def __init__(self, region_id: str) -> None:
        self.region_id = region_id


class _Plan:
    def __init__(self, seconds: int, regions: list[str]) -> None:
        self.routine = tuple(_Step(r) for r in regions)
        self.routine_seconds = seconds


class _CheckIn:
    def __init__(self, at):
        self.at = at


def test_plan_words(clock):
    from companion.resources import load_regions

    regions = load_regions()
    evening = clock.now().replace(hour=19)
    morning = clock.now().replace(hour=8)
    plan = _Plan(12 * 60 + 10, ["calves_L", "calves_R", "hip_flexors"])
    today = _CheckIn(evening - timedelta(hours=2))

    def words(now, latest, allowed=True):
        return plan_words(now, latest, lambda _c: cast(Any, plan), lambda _p: allowed, regions)

    assert words(evening, today) == (
        "tonight's 12-minute routine for your calves and hip flexors is ready"
    )
    assert words(evening, None) == "check in to get tonight's plan"
    assert words(morning, _CheckIn(morning - timedelta(days=1))) == "check in to get today's plan"
    assert words(evening, today, allowed=False) == "open Today to see tonight's plan"
