"""The machine's named time zone (no Qt), for the GUI and the command line alike."""

from __future__ import annotations

import os
from datetime import tzinfo
from pathlib import Path


def local_zone() -> tzinfo | None:
    """The machine's named time zone, so wall-clock times survive DST changes."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

    candidates = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    try:
        target = str(Path("/etc/localtime").readlink())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for key in candidates:
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None
