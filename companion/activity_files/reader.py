"""One file's bytes -> its activities: the readers' single entry point.

``read_activities`` raises only ``ActivityFileError`` (DamagedFileError or
NotAnActivityError) whatever the bytes: the hypothesis fuzz test holds it to that.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath

from companion.activity_files.errors import (
    ActivityFileError,
    DamagedFileError,
    NotAnActivityError,
)
from companion.activity_files.fit import is_fit, read_fit
from companion.activity_files.gpx import read_gpx
from companion.activity_files.sports import sport_name
from companion.activity_files.summary import Summary, to_activity
from companion.activity_files.tcx import read_tcx
from companion.domain.activity import Activity

MAX_FILE_BYTES = 64 * 1024 * 1024  # one activity file, unpacked: a day's GPX is under 20 MB
Reader = Callable[[bytes], list[Summary]]
READERS: dict[str, Reader] = {".fit": read_fit, ".gpx": read_gpx, ".tcx": read_tcx}
SUFFIXES = (*READERS, *(s + ".gz" for s in READERS))  # what a folder or archive is read for


def is_activity_name(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def read_activities(name: str, data: bytes, *, note: str = "", sport: str = "") -> list[Activity]:
    """The activities in the file called ``name`` (its suffix says the format, ``.gz``
    included; an unknown suffix is recognised by content).

    ``note`` and ``sport`` come from an export's list (Strava's activities.csv): the
    note is the activity's name there, the sport is used when the file names none.
    Each activity carries ``name`` as its source file and the sha256 of the file's
    bytes (unpacked) as its content hash; a FIT with several sessions (a triathlon)
    gives one activity each, the second and later hashed "<sha256>#2" and so on.
    """
    lower = name.lower()
    if lower.endswith(".gz"):
        data = gunzip(data)
        lower = lower[:-3]
    reader = READERS.get(PurePosixPath(lower).suffix) or _sniff(data)
    try:
        summaries = reader(data)
    except ActivityFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a library met bytes it did not expect
        raise DamagedFileError(f"damaged: it could not be read ({type(exc).__name__})") from None
    digest = hashlib.sha256(data).hexdigest()
    hint = sport_name(sport)
    activities = []
    for n, summary in enumerate(summaries, start=1):
        if not summary.sport and hint:
            summary = Summary(**{**summary.__dict__, "sport": hint})  # noqa: PLW2901
        activities.append(
            to_activity(summary, name, digest if n == 1 else f"{digest}#{n}", note=note)
        )
    return activities


def gunzip(data: bytes, limit: int = MAX_FILE_BYTES) -> bytes:
    """A .gz file's content, refused past ``limit`` bytes (a gzip bomb)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise DamagedFileError("damaged: it is not a gzip file, or its gzip is broken") from None
    if len(out) > limit:
        raise DamagedFileError(
            f"refused: it unpacks to more than {limit // (1024 * 1024)} MB, which no activity "
            "file is (a gzip bomb?)"
        )
    if not inflater.eof:
        raise DamagedFileError("damaged: its gzip ends early")
    return out


def _sniff(data: bytes) -> Reader:
    if is_fit(data):
        return read_fit
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<gpx" in head:
        return read_gpx
    if head.startswith(b"<") and b"trainingcenterdatabase" in head:
        return read_tcx
    raise NotAnActivityError("not an activity: not a FIT, GPX or TCX file")
