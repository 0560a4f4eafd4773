"""Runs from the watch: import activity files (FIT, GPX, TCX, their .gz, folders and
archives) into the activity log. No Qt; the window, the tray and the command line
all call this.

How to call it::

    service = ActivityImportService(db, clock)
    report = service.import_paths(
        [Path("~/Downloads/export.zip").expanduser()],
        progress=lambda done, total: ...,  # after each file; (0, total) first
        cancelled=lambda: user_pressed_cancel,  # checked between files
    )
    report.summary()  # "Imported 12 activities from 14 files; 1 already there, 1 damaged."
    for file in report.files:  # one FileReport per file, in order
        file.name, file.outcome, file.reason, file.activities
    report.notes  # training-load notes for the newest run imported, if any

Each file ends as one ``Outcome``: imported, already there (the same file by its
content hash, or an activity of the same kind and sport at the same time, such as a
run logged by hand or the same run from another app), not an activity, or damaged
with the reason. One bad file never stops the rest. Each activity is stored in its
own transaction, so a cancel (or a crash) between files never leaves half of one.

The training-load note a just-logged run gets (PROTOCOLS 1.1) is worked out once per
import, for its newest run only, and only when that run is recent (``NOTE_WITHIN``)
and newer than every run already logged: importing a year of runs is not a burst of
a year of notes. ``progress`` and ``cancelled`` are called on the calling thread; a
window runs this in a worker thread and passes thread-safe callables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from companion.activity_files import (
    ActivityFileError,
    NotAnActivityError,
    Sources,
    read_activities,
)
from companion.domain.activity import Activity, ActivityKind
from companion.domain.clock import Clock, utc

if TYPE_CHECKING:
    from companion.storage.database import Database

SOURCE = "import"
NOTE_WITHIN = timedelta(days=14)  # as far back as log-activity --ago reaches
SAME_TIME = timedelta(minutes=10)  # an activity with no duration: this close is the same


class Outcome(StrEnum):
    IMPORTED = "imported"
    ALREADY_THERE = "already there"
    NOT_AN_ACTIVITY = "not an activity"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class FileReport:
    """What became of one file."""

    name: str
    outcome: Outcome
    reason: str = ""  # for not an activity and damaged, in plain words
    activities: tuple[Activity, ...] = ()  # imported (or, already there, as read)

    def describe(self) -> str:
        """'imported: 12.3 km run, 62 min' / 'damaged: its checksum does not match, ...'."""
        if self.reason:
            return self.reason
        what = "; ".join(a.describe() for a in self.activities)
        return f"{self.outcome.value}: {what}" if what else self.outcome.value


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...]
    total: int  # files found (more than ``files`` when cancelled)
    cancelled: bool = False
    newest_run: Activity | None = None  # the run the notes are about
    notes: tuple[str, ...] = ()
    imported: tuple[Activity, ...] = ()  # every activity stored, in file order

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome is outcome)

    @property
    def damaged(self) -> bool:
        return self.count(Outcome.DAMAGED) > 0

    def summary(self) -> str:
        """One sentence: how many activities came in, and what the other files were."""
        files = len(self.files)
        imported = len(self.imported)
        if self.total == 0:
            return "No FIT, GPX or TCX files were found there."
        head = (
            f"Imported {_n(imported, 'activity', 'activities')} from {_n(files, 'file', 'files')}"
        )
        if self.cancelled:
            head = f"Cancelled after {files} of {self.total} files; " + head[0].lower() + head[1:]
        rest = [
            f"{count} {outcome.value}"
            for outcome in (Outcome.ALREADY_THERE, Outcome.NOT_AN_ACTIVITY, Outcome.DAMAGED)
            if (count := self.count(outcome))
        ]
        return head + ("; " + ", ".join(rest) if rest else "") + "."


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class ActivityImportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        from companion.services.activity import ActivityService  # noqa: PLC0415

        self._db = db
        self._clock = clock
        self._activities = ActivityService(db, clock)

    def import_paths(
        self,
        paths: Iterable[Path],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import every activity file under ``paths`` (files, folders, archives).

        Raises ReadOnlyDatabaseError before reading anything when the data file is
        read-only; a database failure while storing stops the import (what was stored
        stays). Everything about a file itself is in its FileReport.
        """
        if self._db.read_only:
            from companion.storage.database import (  # noqa: PLC0415
                ReadOnlyDatabaseError,
                read_only_message,
            )

            raise ReadOnlyDatabaseError(read_only_message(self._db.path))
        reports: list[FileReport] = []
        imported: list[Activity] = []
        was_cancelled = False
        with Sources(paths) as sources:
            total = len(sources)
            if progress is not None:
                progress(0, total)
            for done, found in enumerate(sources, start=1):
                if cancelled is not None and cancelled():
                    was_cancelled = True
                    break
                report = self._import_one(found.name, found.load, found.note, found.sport)
                reports.append(report)
                if report.outcome is Outcome.IMPORTED:
                    imported.extend(report.activities)
                if progress is not None:
                    progress(done, total)
        newest, notes = self._notes_for(imported)
        return ImportReport(
            tuple(reports), total, was_cancelled, newest, tuple(notes), tuple(imported)
        )

    def import_file(self, name: str, data: bytes) -> FileReport:
        """One file's bytes (a dropped file already read, a watched folder's new file)."""
        return self._import_one(name, lambda: data, "", "")

    def _import_one(
        self, name: str, load: Callable[[], bytes], note: str, sport: str
    ) -> FileReport:
        from companion.storage.activities import DuplicateActivityError  # noqa: PLC0415

        try:
            activities = read_activities(name, load(), note=note, sport=sport)
        except NotAnActivityError as exc:
            return FileReport(name, Outcome.NOT_AN_ACTIVITY, str(exc))
        except ActivityFileError as exc:
            return FileReport(name, Outcome.DAMAGED, str(exc))
        stored: list[Activity] = []
        for activity in activities:
            if self._already_there(activity):
                continue
            try:
                self._activities.activities.add(activity, SOURCE)  # one transaction
            except DuplicateActivityError:
                continue
            stored.append(activity)
        if not stored:
            return FileReport(name, Outcome.ALREADY_THERE, activities=tuple(activities))
        return FileReport(name, Outcome.IMPORTED, activities=tuple(stored))

    def _already_there(self, activity: Activity) -> bool:
        """The same file, or an activity of the same kind (and sport, when both name
        one) whose time overlaps this one's: a run logged by hand, or the same run
        exported by another app."""
        repository = self._activities.activities
        if activity.content_hash and repository.has_hash(activity.content_hash):
            return True
        start, end = utc(activity.started_at), utc(activity.ended_at)
        for _id, other in repository.between(start - SAME_TIME, end + timedelta(days=1)):
            if other.kind is not activity.kind:
                continue
            if other.sport and activity.sport and other.sport != activity.sport:
                continue
            other_start, other_end = utc(other.started_at), utc(other.ended_at)
            if other_start == other_end:  # no duration logged: close to the end is the same
                if abs(other_end - end) <= SAME_TIME:
                    return True
            elif other_start < end and start < other_end:
                return True
        return False

    def _notes_for(self, imported: Sequence[Activity]) -> tuple[Activity | None, list[str]]:
        runs = [a for a in imported if a.kind is ActivityKind.RUN and a.km]
        if not runs:
            return None, []
        newest = max(runs, key=lambda a: utc(a.ended_at))
        now = utc(self._clock.now())
        if not timedelta(0) <= now - utc(newest.ended_at) <= NOTE_WITHIN:
            return None, []
        later = self._activities.activities.between(
            utc(newest.ended_at) + timedelta(seconds=1), now + timedelta(days=1)
        )
        if any(a.kind is ActivityKind.RUN for _id, a in later):
            return None, []  # a newer run is already in the log: this one is not "just" run
        return newest, self._activities.nudges(newest)
