"""Real activity files, made by the tests: FIT with fit-tool, GPX with gpxpy, TCX as text,
and the archives a Garmin or Strava export hands out. Shared by every test that needs one."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

START = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def fit_run(
    *,
    start: datetime = START,
    minutes: float = 60.0,
    km: float | None = 10.0,
    sport: str = "RUNNING",
    sub_sport: str = "GENERIC",
    heart_rate: tuple[int, int] | None = (150, 178),
    ascent: int | None = 120,
    gps: bool = True,
    session: bool = True,
    records: int = 20,
    file_type: str = "ACTIVITY",
) -> bytes:
    """A FIT activity: file id, records (with positions when ``gps``), a session summary."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType[file_type]
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.time_created = _ms(start)
    file_id.serial_number = 0x1234
    builder.add(file_id)
    step = minutes * 60_000 / max(records, 1)
    for n in range(records):
        record = RecordMessage()
        record.timestamp = round(_ms(start) + n * step)
        if gps:
            record.position_lat = 52.0 + n * 0.0005
            record.position_long = 4.0
        if km:
            record.distance = km * 1000 * n / max(records, 1)
        if heart_rate:
            record.heart_rate = heart_rate[0]
        builder.add(record)
    if session:
        summary = SessionMessage()
        summary.timestamp = _ms(start + timedelta(minutes=minutes))
        summary.start_time = _ms(start)
        summary.sport = Sport[sport]
        summary.sub_sport = SubSport[sub_sport]
        summary.total_elapsed_time = minutes * 60
        summary.total_timer_time = minutes * 60
        if km:
            summary.total_distance = km * 1000
        if heart_rate:
            summary.avg_heart_rate, summary.max_heart_rate = heart_rate
        if ascent is not None:
            summary.total_ascent = ascent
        builder.add(summary)
    data: bytes = builder.build().to_bytes()
    return data


def fit_settings() -> bytes:
    """A watch's settings file: a sound FIT that is not an activity."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.user_profile_message import UserProfileMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.SETTINGS
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.serial_number = 0x1234
    builder.add(file_id)
    profile = UserProfileMessage()
    profile.weight = 70.0
    builder.add(profile)
    data: bytes = builder.build().to_bytes()
    return data


def wrong_crc(data: bytes) -> bytes:
    """The same FIT with its last checksum byte changed."""
    return data[:-1] + bytes([data[-1] ^ 0xFF])


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


def gpx_run(
    *,
    start: datetime = START,
    minutes: int = 30,
    times: bool = True,
    kind: str | None = "running",
    heart_rate: int | None = 145,
    route: bool = False,
) -> bytes:
    """A GPX track (one point a minute, about 11 km/h) or, with ``route``, a route."""
    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    if route:
        planned = gpxpy.gpx.GPXRoute()
        planned.points = [
            gpxpy.gpx.GPXRoutePoint(52.0 + n * 0.0017, 4.0) for n in range(minutes + 1)
        ]
        gpx.routes.append(planned)
        return gpx.to_xml().encode()
    if heart_rate is not None:
        gpx.nsmap["gpxtpx"] = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
    track = gpxpy.gpx.GPXTrack()
    track.type = kind  # type: ignore[assignment]  # gpxpy annotates it as None
    segment = gpxpy.gpx.GPXTrackSegment()
    for n in range(minutes + 1):
        point = gpxpy.gpx.GPXTrackPoint(
            52.0 + n * 0.0017,
            4.0,
            elevation=10.0 + (n % 5),
            time=start + timedelta(minutes=n) if times else None,
        )
        if heart_rate is not None:
            from xml.etree import ElementTree

            ext = ElementTree.Element("gpxtpx:TrackPointExtension")
            hr = ElementTree.SubElement(ext, "gpxtpx:hr")
            hr.text = str(heart_rate + n % 10)
            point.extensions.append(ext)
        segment.points.append(point)
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml().encode()


def tcx_run(
    *,
    start: datetime = START,
    minutes: int = 40,
    gps: bool = True,
    sport: str = "Running",
    heart_rate: int | None = 140,
    km: float = 8.0,
) -> bytes:
    """A TCX activity with one lap; without ``gps`` a treadmill run (time, distance, HR)."""
    points = []
    for n in range(minutes + 1):
        when = (start + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        position = (
            f"<Position><LatitudeDegrees>{52.0 + n * 0.0015:.6f}</LatitudeDegrees>"
            "<LongitudeDegrees>4.000000</LongitudeDegrees></Position>"
            f"<AltitudeMeters>{10 + n % 3}</AltitudeMeters>"
            if gps
            else ""
        )
        beats = (
            f"<HeartRateBpm><Value>{heart_rate + n % 7}</Value></HeartRateBpm>"
            if heart_rate
            else ""
        )
        distance = km * 1000 * n / minutes
        points.append(
            f"<Trackpoint><Time>{when}</Time>{position}"
            f"<DistanceMeters>{distance:.1f}</DistanceMeters>{beats}</Trackpoint>"
        )
    begun = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{begun}</Id>'
        f'<Lap StartTime="{begun}"><TotalTimeSeconds>{minutes * 60}</TotalTimeSeconds>'
        f"<DistanceMeters>{km * 1000:.1f}</DistanceMeters><Calories>400</Calories>"
        f"<Track>{''.join(points)}</Track></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>\n"
    ).encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def zip_of(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP (deflated) of (name, bytes); a name may be anything, '../evil.fit' too."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, (2026, 12, 1, 7, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def garmin_export(runs: int = 3) -> bytes:
    """A Garmin export: an outer ZIP with an inner ZIP of FIT files, plus JSON noise."""
    inner = zip_of(
        (f"{n}_ACTIVITY.fit", fit_run(start=START - timedelta(days=n))) for n in range(runs)
    )
    return zip_of(
        [
            ("DI_CONNECT/DI-Connect-User/user_profile.json", b"{}"),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner),
        ]
    )


def strava_export(runs: int = 2) -> bytes:
    """A Strava export: activities.csv naming activities/<id>.fit.gz and .gpx.gz."""
    rows = ["Activity ID,Activity Date,Activity Name,Activity Type,Filename"]
    members: list[tuple[str, bytes]] = []
    for n in range(runs):
        day = START - timedelta(days=2 * n)
        name = f"activities/{100 + n}.fit.gz"
        rows.append(f'{100 + n},"{day:%b %d, %Y, %I:%M:%S %p}",Morning run {n},Run,{name}')
        members.append((name, gz(fit_run(start=day))))
    ride_day = START - timedelta(days=1)
    rows.append(f'200,"{ride_day:%b %d, %Y, %I:%M:%S %p}",Commute,Ride,activities/200.gpx.gz')
    members.append(
        ("activities/200.gpx.gz", gz(gpx_run(start=ride_day, kind=None, heart_rate=None)))
    )
    return zip_of([("activities.csv", ("\n".join(rows) + "\n").encode()), *members])


def zip_bomb(megabytes: int = 80) -> bytes:
    """A small ZIP with one FIT-named member that unpacks to ``megabytes`` of zeros."""
    return zip_of([("bomb.fit", bytes(megabytes * 1024 * 1024))])
