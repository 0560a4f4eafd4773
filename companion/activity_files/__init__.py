"""Activity files from watches and apps: FIT, GPX and TCX, gzipped or not, alone, in
folders and in archives (a Garmin export's nested ZIPs, a Strava export, a Google
Takeout folder). No Qt, no storage: bytes in, domain ``Activity`` values out.

    from companion.activity_files import Sources, read_activities, ActivityFileError

    with Sources([Path("export.zip")]) as sources:
        for found in sources:
            try:
                activities = read_activities(
                    found.name, found.load(), note=found.note, sport=found.sport
                )
            except ActivityFileError as exc:  # DamagedFileError or NotAnActivityError
                print(found.name, exc)

The import itself (duplicates, storage, progress, cancel) is
``companion.services.activity_import``.
"""

from companion.activity_files.archives import Found, Sources
from companion.activity_files.errors import (
    ActivityFileError,
    DamagedFileError,
    NotAnActivityError,
)
from companion.activity_files.reader import read_activities

__all__ = [
    "ActivityFileError",
    "DamagedFileError",
    "Found",
    "NotAnActivityError",
    "Sources",
    "read_activities",
]
