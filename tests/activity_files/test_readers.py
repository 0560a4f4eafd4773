"""FIT, GPX and TCX files made by the tests, read back: what a runner's watch writes."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from companion.activity_files import (
    ActivityFileError,
    DamagedFileError,
    NotAnActivityError,
    read_activities,
)
from companion.activity_files.sports import kind_of, sport_name
from companion.domain.activity import ActivityKind
from tests.helpers.activity_files import (
    START,
    fit_run,
    fit_settings,
    gpx_run,
    gz,
    tcx_run,
    truncated,
    wrong_crc,
)


def one(name: str, data: bytes):
    (activity,) = read_activities(name, data)
    return activity


def test_a_fit_run_with_gps_gives_its_summary():
    data = fit_run(minutes=62.5, km=12.3, heart_rate=(151, 182), ascent=140)
    run = one("Morning.fit", data)
    assert run.kind is ActivityKind.RUN
    assert run.sport == "running"
    assert run.ended_at == START + timedelta(minutes=62.5)
    assert run.started_at == START
    assert (run.minutes, run.km) == (62.5, 12.3)
    assert (run.avg_hr, run.max_hr, run.elevation_gain_m) == (151, 182, 140.0)
    assert run.source_file == "Morning.fit"
    assert run.content_hash == hashlib.sha256(data).hexdigest()


def test_a_treadmill_run_without_gps_or_heart_rate_is_still_a_run():
    run = one("tread.fit", fit_run(gps=False, sub_sport="TREADMILL", heart_rate=None, ascent=None))
    assert run.kind is ActivityKind.RUN
    assert run.sport == "treadmill running"
    assert (run.avg_hr, run.max_hr, run.elevation_gain_m) == (None, None, None)
    assert run.minutes == 60.0


def test_a_ride_is_other_exercise_keeping_its_sport_and_speed():
    ride = one("ride.fit", fit_run(sport="CYCLING", km=45, minutes=60))
    assert ride.kind is ActivityKind.OTHER
    assert ride.sport == "cycling"
    assert ride.km == 45
    assert ride.describe().startswith("Cycling, 45 km")


def test_a_half_written_fit_keeps_its_session_only_if_the_summary_is_there():
    data = fit_run()
    assert one("cut.fit", data[:-2]).minutes == 60.0  # cut inside the checksum only
    with pytest.raises(DamagedFileError, match="ends early"):
        read_activities("cut.fit", truncated(data))
    with pytest.raises(DamagedFileError, match="no summary"):
        read_activities("nosummary.fit", fit_run(session=False))


def test_a_wrong_checksum_is_damaged():
    with pytest.raises(DamagedFileError, match="checksum"):
        read_activities("bad.fit", wrong_crc(fit_run()))


def test_a_settings_fit_is_not_an_activity():
    with pytest.raises(NotAnActivityError, match="settings"):
        read_activities("Settings.fit", fit_settings())


def test_a_gpx_track_with_times_and_heart_rate():
    run = one("track.gpx", gpx_run(minutes=30, heart_rate=140))
    assert run.kind is ActivityKind.RUN
    assert run.ended_at == START + timedelta(minutes=30)
    assert run.ended_at.utcoffset() == timedelta(0)
    assert 5.0 < (run.km or 0) < 6.5
    assert run.avg_hr is not None and 140 <= run.avg_hr <= 149
    assert run.max_hr == 149


def test_a_gpx_without_times_or_a_route_is_not_an_activity():
    for data in (gpx_run(times=False), gpx_run(route=True)):
        with pytest.raises(NotAnActivityError, match="no times"):
            read_activities("route.gpx", data)


def test_a_gpx_with_an_entity_is_refused_before_gpxpy_sees_it():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><gpx>&b;</gpx>'
    )
    with pytest.raises(DamagedFileError, match="refused"):
        read_activities("laughs.gpx", bomb)


def test_a_tcx_run_with_and_without_gps():
    outdoor = one("run.tcx", tcx_run(minutes=40, km=8.0))
    indoor = one("treadmill.tcx", tcx_run(minutes=40, km=8.0, gps=False))
    for run in (outdoor, indoor):
        assert run.kind is ActivityKind.RUN
        assert run.ended_at == START + timedelta(minutes=40)
        assert (run.minutes, run.km) == (40.0, 8.0)
        assert run.max_hr == 146
    assert outdoor.elevation_gain_m is not None
    assert indoor.elevation_gain_m is None


def test_a_tcx_without_heart_rate_leaves_it_empty():
    run = one("run.tcx", tcx_run(heart_rate=None))
    assert (run.avg_hr, run.max_hr) == (None, None)


def test_gzipped_files_read_like_the_file_and_hash_its_content():
    data = fit_run()
    assert one("a.fit.gz", gz(data)).content_hash == one("a.fit", data).content_hash
    assert one("a.gpx.gz", gz(gpx_run())).kind is ActivityKind.RUN
    assert one("a.tcx.gz", gz(tcx_run())).kind is ActivityKind.RUN
    with pytest.raises(DamagedFileError, match="gzip"):
        read_activities("a.fit.gz", b"not gzip")


def test_an_unknown_name_is_recognised_by_content_or_said_to_be_none():
    assert one("download", fit_run()).kind is ActivityKind.RUN
    assert one("export.xml", gpx_run()).kind is ActivityKind.RUN
    with pytest.raises(NotAnActivityError, match="not a FIT, GPX or TCX"):
        read_activities("notes.txt", b"just text")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("x.fit", b"", "no FIT header"),
        ("x.gpx", b"<gpx", "not well-formed"),
        ("x.gpx", b"<tcx/>", "not GPX"),
        ("x.tcx", b"<gpx/>", "not TCX"),
    ],
)
def test_broken_files_are_damaged_with_the_reason(name, data, words):
    with pytest.raises(ActivityFileError, match=words):
        read_activities(name, data)


@pytest.mark.parametrize(
    ("sport", "sub", "name", "kind"),
    [
        ("running", "trail", "trail running", ActivityKind.RUN),
        ("running", "treadmill", "treadmill running", ActivityKind.RUN),
        ("running", "track", "track running", ActivityKind.RUN),
        ("running", "generic", "running", ActivityKind.RUN),
        ("cycling", "trail", "trail cycling", ActivityKind.OTHER),
        ("Run", None, "run", ActivityKind.RUN),
        ("TrailRun", None, "trailrun", ActivityKind.RUN),
        ("9", None, "running", ActivityKind.RUN),
        ("walking", None, "walking", ActivityKind.OTHER),
        (None, None, "", ActivityKind.OTHER),
    ],
)
def test_sports_map_to_runs_or_other_exercise(sport, sub, name, kind):
    assert sport_name(sport, sub) == name
    assert kind_of(name) is kind
