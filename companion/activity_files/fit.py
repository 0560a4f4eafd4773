"""FIT files (Garmin, Coros, Polar, Wahoo, Suunto, Gadgetbridge), read with fitdecode.

The session message is the activity's summary: sport, start, elapsed and timer
time, distance, heart rate and climb. A file cut short keeps its sessions only if
the summary was written before the cut; without one it is damaged. A checksum
that does not match means the bytes changed after the watch wrote them: damaged.
A FIT that is not an activity (settings, a course, a workout) says so.
"""

from __future__ import annotations

import io
import warnings
from datetime import datetime
from typing import Any

from companion.activity_files.errors import DamagedFileError, NotAnActivityError
from companion.activity_files.sports import sport_name
from companion.activity_files.summary import Summary

FIT_MAGIC = b".FIT"


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[8:12] == FIT_MAGIC


def read_fit(data: bytes) -> list[Summary]:
    """The sessions of a FIT file, in order; ActivityFileError with the reason if none."""
    import fitdecode  # noqa: PLC0415 - only when a FIT file is read

    if not is_fit(data):
        raise DamagedFileError("damaged: it is not a FIT file (no FIT header)")
    sessions: list[Summary] = []
    file_type: object = None
    problem = ""
    try:
        with (
            warnings.catch_warnings(),
            fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.IGNORE,  # a field it cannot decode
                keep_raw_chunks=False,
            ) as reader,
        ):
            warnings.simplefilter("ignore")
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "file_id" and file_type is None:
                    file_type = _value(frame, "type")
                elif frame.name == "session":
                    sessions.append(_session(frame))
    except fitdecode.FitCRCError:
        raise DamagedFileError(
            "damaged: its checksum does not match, so it changed after it was written"
        ) from None
    except fitdecode.FitEOFError:
        problem = "damaged: it ends early, before the watch wrote the run's summary"
    except fitdecode.FitHeaderError:
        raise DamagedFileError("damaged: its FIT header is broken") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, TypeError, OverflowError):
        problem = "damaged: it could not be read to the end"
    if file_type not in (None, "activity"):
        raise NotAnActivityError(f"not an activity: a FIT {_kind_words(file_type)} file")
    if not sessions:
        if problem:
            raise DamagedFileError(problem)
        raise DamagedFileError(
            "damaged: it has no summary of the activity (the watch may have stopped "
            "before finishing the file)"
        )
    return sessions


def _kind_words(file_type: object) -> str:
    words = str(file_type).replace("_", " ")
    return "device" if words.isdigit() else words


def _value(frame: Any, name: str) -> Any:
    try:
        return frame.get_value(name, fallback=None)
    except (KeyError, ValueError, TypeError):
        return None


def _number(frame: Any, name: str) -> float | None:
    value = _value(frame, name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _session(frame: Any) -> Summary:
    start = _value(frame, "start_time")
    return Summary(
        start=start if isinstance(start, datetime) else None,
        elapsed_s=_number(frame, "total_elapsed_time"),
        moving_s=_number(frame, "total_timer_time"),
        distance_m=_number(frame, "total_distance"),
        sport=sport_name(_value(frame, "sport"), _value(frame, "sub_sport")),
        avg_hr=_number(frame, "avg_heart_rate"),
        max_hr=_number(frame, "max_heart_rate"),
        ascent_m=_number(frame, "total_ascent"),
    )
