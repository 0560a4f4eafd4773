"""An activity imported from a watch's file keeps its sport, heart rate, climb, file
and hash through export, CSV and import; an export written before them still imports."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pytest

from companion.domain.activity import Activity, ActivityKind
from companion.resources import load_exercises, load_protocols
from companion.storage.activities import ActivityRepository, DuplicateActivityError
from companion.storage.database import open_database
from companion.storage.export import export_csv, export_json, import_json

LIBRARY = load_exercises()
BOUNDS = load_protocols()
WATCH_RUN = Activity(
    ActivityKind.RUN,
    datetime(2026, 11, 30, 8, 2, tzinfo=UTC),
    minutes=61.5,
    km=12.4,
    sport="trail running",
    avg_hr=151,
    max_hr=179,
    elevation_gain_m=312.0,
    source_file="export.zip/activities/12.fit.gz",
    content_hash="a" * 64,
)


def opened(path, clock):
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(path, clock.now()).database


def test_the_new_fields_are_stored_exported_and_imported(tmp_path, clock):
    db = opened(tmp_path / "a" / "companion.db", clock)
    ActivityRepository(db).add(WATCH_RUN, "import")
    assert ActivityRepository(db).latest() == WATCH_RUN
    export_json(db, tmp_path / "out.json", clock.now(), "test")
    export_csv(db, tmp_path / "csv", clock.now())
    db.close()
    text = (tmp_path / "csv" / "activities.csv").read_text(encoding="utf-8")
    (row,) = csv.DictReader(text.splitlines())
    assert (row["sport"], row["avg_hr"], row["elevation_gain_m"]) == (
        "trail running",
        "151",
        "312.0",
    )
    assert row["content_hash"] == "a" * 64
    fresh = opened(tmp_path / "b" / "companion.db", clock)
    report = import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert report.added == {"activities": 1}
    assert ActivityRepository(fresh).latest() == WATCH_RUN
    again = import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert again.added == {}
    fresh.close()


def test_an_export_from_before_schema_9_imports_with_the_fields_empty(tmp_path, clock):
    db = opened(tmp_path / "a" / "companion.db", clock)
    ActivityRepository(db).add(Activity(ActivityKind.RUN, WATCH_RUN.ended_at, 50, 10), "cli")
    export_json(db, tmp_path / "out.json", clock.now(), "test")
    db.close()
    document = json.loads((tmp_path / "out.json").read_text())
    document["schema"] = 8
    for record in document["records"]["activities"]:
        for name in ("sport", "avg_hr", "max_hr", "elevation_gain_m", "source_file"):
            del record[name]
        del record["content_hash"]
    (tmp_path / "old.json").write_text(json.dumps(document))
    fresh = opened(tmp_path / "b" / "companion.db", clock)
    assert import_json(fresh, tmp_path / "old.json", clock.now(), LIBRARY, BOUNDS).added == {
        "activities": 1
    }
    latest = ActivityRepository(fresh).latest()
    assert latest is not None
    assert (latest.sport, latest.avg_hr, latest.content_hash) == ("", None, "")
    fresh.close()


def test_the_same_file_hash_is_refused_as_a_repeat(tmp_path, clock):
    db = opened(tmp_path / "a" / "companion.db", clock)
    repository = ActivityRepository(db)
    repository.add(WATCH_RUN, "import")
    later = Activity(ActivityKind.RUN, datetime(2026, 12, 1, tzinfo=UTC), 30, content_hash="a" * 64)
    with pytest.raises(DuplicateActivityError, match="file"):
        repository.add(later, "import")
    assert repository.has_hash("a" * 64) and not repository.has_hash("")
    db.close()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"avg_hr": 20}, "Average heart rate"),
        ({"max_hr": 260}, "Highest heart rate"),
        ({"avg_hr": 150.5}, "whole number"),
        ({"avg_hr": 170, "max_hr": 160}, "above the highest"),
        ({"elevation_gain_m": -1}, "Elevation gain"),
        ({"elevation_gain_m": 10_001}, "Elevation gain"),
    ],
)
def test_heart_rate_and_climb_are_checked(kwargs, words):
    with pytest.raises(ValueError, match=words):
        Activity(ActivityKind.RUN, WATCH_RUN.ended_at, 60, **kwargs)


def test_a_ride_may_be_faster_than_a_run():
    assert Activity(ActivityKind.OTHER, WATCH_RUN.ended_at, 60, 45, sport="cycling").km == 45
    with pytest.raises(ValueError, match="faster than anyone"):
        Activity(ActivityKind.RUN, WATCH_RUN.ended_at, 60, 45)
