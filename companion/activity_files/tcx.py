"""TCX files (Google Takeout's Fit, Polar, older Garmin), read with tcxreader.

tcxreader parses with the standard library, so the bytes are checked by defusedxml
first. ``only_gps=False`` keeps a treadmill run's time and heart rate: it has
trackpoints without positions.
"""

from __future__ import annotations

import io
from datetime import datetime

from companion.activity_files.errors import DamagedFileError, NotAnActivityError
from companion.activity_files.sports import sport_name
from companion.activity_files.summary import Summary
from companion.activity_files.xml_check import checked_xml, local_name


def read_tcx(data: bytes) -> list[Summary]:
    from tcxreader.tcxreader import TCXReader  # noqa: PLC0415 - only when a TCX file is read

    root = checked_xml(data, "TCX")
    if local_name(root.tag) != "TrainingCenterDatabase":
        raise DamagedFileError("damaged: it is XML but not TCX")
    if not any(local_name(e.tag) == "Activity" for e in root.iter()):
        raise NotAnActivityError("not an activity: a TCX file with no activity (a course?)")
    try:
        exercise = TCXReader().read(io.BytesIO(data), only_gps=False)
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as exc:
        raise DamagedFileError(f"damaged: tcxreader could not read it ({exc})") from None
    start, end = exercise.start_time, exercise.end_time
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise NotAnActivityError("not an activity: no times")
    lap_seconds = _lap_seconds(root)
    return [
        Summary(
            start=start,
            elapsed_s=(end - start).total_seconds() or lap_seconds,
            moving_s=lap_seconds,
            distance_m=_number(exercise.distance),
            sport=sport_name(exercise.activity_type),
            avg_hr=_number(exercise.hr_avg),
            max_hr=_number(exercise.hr_max),
            ascent_m=_number(exercise.ascent) if exercise.altitude_max is not None else None,
        )
    ]


def _lap_seconds(root: object) -> float | None:
    """The laps' TotalTimeSeconds added up: the timer's time."""
    total = 0.0
    for element in root.iter():  # type: ignore[attr-defined]
        if local_name(element.tag) == "TotalTimeSeconds" and element.text:
            try:
                total += float(element.text)
            except ValueError:
                continue
    return total or None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
