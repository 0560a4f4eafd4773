"""What a reader takes from a file, and the activity-log entry made of it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from companion.activity_files.errors import DamagedFileError, NotAnActivityError
from companion.activity_files.sports import kind_of
from companion.domain.activity import (
    MAX_ELEVATION_GAIN_M,
    MAX_HR,
    MIN_HR,
    Activity,
)

MAX_NAME = 300  # a source file's name as kept
MAX_NOTE = 200  # as a logged activity's note


@dataclass(frozen=True)
class Summary:
    """One activity as a file describes it (any field the file lacks is None)."""

    start: datetime | None
    elapsed_s: float | None  # start to finish, pauses included
    moving_s: float | None = None  # the timer's time, pauses left out
    distance_m: float | None = None
    sport: str = ""
    avg_hr: float | None = None
    max_hr: float | None = None
    ascent_m: float | None = None


def to_activity(summary: Summary, source_file: str, content_hash: str, note: str = "") -> Activity:
    """The activity-log entry: ends at start + elapsed time, lasts the moving time.

    NotAnActivityError without a start or a duration; DamagedFileError (with the reason)
    for values no activity has, such as a 30-hour "run" or 900 km. A heart rate or
    climb a watch misread is left out rather than refusing the run.
    """
    if summary.start is None:
        raise NotAnActivityError("not an activity: no times")
    start = (
        summary.start.astimezone(UTC) if summary.start.tzinfo else summary.start.replace(tzinfo=UTC)
    )
    elapsed = _positive(summary.elapsed_s)
    moving = _positive(summary.moving_s) or elapsed
    if elapsed is None or moving is None:
        raise NotAnActivityError("not an activity: it has no duration")
    elapsed = max(elapsed, moving)
    km = _positive(summary.distance_m)
    avg_hr, max_hr = _heart_rate(summary.avg_hr), _heart_rate(summary.max_hr)
    if avg_hr is not None and max_hr is not None and avg_hr > max_hr:
        avg_hr = max_hr = None
    gain = summary.ascent_m
    if gain is None or not math.isfinite(gain) or not 0 <= gain <= MAX_ELEVATION_GAIN_M:
        gain = None
    try:
        return Activity(
            kind=kind_of(summary.sport),
            ended_at=start + timedelta(seconds=elapsed),
            minutes=round(moving / 60, 2),
            km=round(km / 1000, 3) if km is not None and km >= 10 else None,
            note=note[:MAX_NOTE],
            sport=summary.sport,
            avg_hr=avg_hr,
            max_hr=max_hr,
            elevation_gain_m=round(gain, 1) if gain is not None else None,
            source_file=source_file[-MAX_NAME:],
            content_hash=content_hash,
        )
    except (ValueError, OverflowError) as exc:
        raise DamagedFileError(f"not imported: {exc}") from None


def _positive(value: float | None) -> float | None:
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def _heart_rate(value: float | None) -> int | None:
    if value is None or not math.isfinite(value):
        return None
    beats = round(value)
    return beats if MIN_HR <= beats <= MAX_HR else None
