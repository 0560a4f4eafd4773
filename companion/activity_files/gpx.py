"""GPX files (OpenTracks, FitoTrack, Strava, most apps), read with gpxpy after defusedxml.

A track with times is an activity; a route, waypoints or a track without times is
not ("no times"). Heart rate comes from the Garmin TrackPointExtension (``hr``)
that most apps write.
"""

from __future__ import annotations

from collections.abc import Sequence

from companion.activity_files.errors import DamagedFileError, NotAnActivityError
from companion.activity_files.sports import sport_name
from companion.activity_files.summary import Summary
from companion.activity_files.xml_check import checked_xml, local_name


def read_gpx(data: bytes) -> list[Summary]:
    import gpxpy  # noqa: PLC0415 - only when a GPX file is read
    import gpxpy.gpx  # noqa: PLC0415

    root = checked_xml(data, "GPX")
    if local_name(root.tag) != "gpx":
        raise DamagedFileError("damaged: it is XML but not GPX")
    try:
        gpx = gpxpy.parse(data)
    except (gpxpy.gpx.GPXException, ValueError, UnicodeError) as exc:
        raise DamagedFileError(f"damaged: it is not a GPX file gpxpy can read ({exc})") from None
    points = [
        point
        for track in gpx.tracks
        for segment in track.segments
        for point in segment.points
        if point.time is not None
    ]
    if len(points) < 2:
        raise NotAnActivityError("not an activity: no times")
    start, end = points[0].time, points[-1].time
    assert start is not None
    assert end is not None
    moving = gpx.get_moving_data()
    uphill = gpx.get_uphill_downhill().uphill
    beats = _heart_rates(points)
    sport = next((t.type for t in gpx.tracks if t.type), "")
    return [
        Summary(
            start=start,
            elapsed_s=(end - start).total_seconds(),
            moving_s=moving.moving_time if moving and moving.moving_time else None,
            distance_m=gpx.length_3d() or gpx.length_2d(),
            sport=sport_name(sport),
            avg_hr=sum(beats) / len(beats) if beats else None,
            max_hr=max(beats) if beats else None,
            ascent_m=uphill if any(p.elevation is not None for p in points) else None,
        )
    ]


def _heart_rates(points: Sequence[object]) -> list[float]:
    found: list[float] = []
    for point in points:
        for extension in getattr(point, "extensions", ()):
            for element in extension.iter():
                if local_name(element.tag) in ("hr", "heartrate") and element.text:
                    try:
                        found.append(float(element.text))
                    except ValueError:
                        continue
    return found
