"""The watched folder (Settings, ``watch-folder``): new activity files in it are imported
once, and what arrived is said in one sentence. No Qt; ``companion.app.watch_folder``
watches the folder and calls this.

How to call it::

    service = WatchFolderService(db, clock)
    waiting = service.waiting(folder)  # new or changed files: name, size, mtime
    ...  # the caller waits until their sizes stop changing
    arrived = service.import_files(folder, waiting)  # each imported once, then seen
    arrived.sentence(plan_words)  # "21.4 km run, ...: tonight's 12-minute routine ..."

What has been seen (imported, already there, damaged, not an activity) is kept
as each file's name, size and modification time under ``SEEN_KEY``, for the one
folder watched; a file written again with other contents is looked at again (the
import's content hash still keeps an activity from being stored twice). The
first time a folder is looked at, what is already in it is only noted, not
imported: choosing the folder a watch mounts is not a request to import its
whole past (*Import runs…* does that), and the card says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from companion.domain.activity import Activity, ActivityKind, training_load_nudges
from companion.domain.clock import Clock, utc

if TYPE_CHECKING:
    from companion.domain.checkin import CheckIn
    from companion.domain.planner import Plan
    from companion.domain.regions import RegionCatalog
    from companion.services.activity_import import ImportReport
    from companion.storage.database import Database

SEEN_KEY = "watch_folder.seen"  # {"folder": str, "files": {name: [size, mtime_ns]}}
SEEN_KEPT = 5000  # the newest names kept: far more than a watch's folder holds
SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip")
LISTED = 3  # activities named in one notification; the rest are counted
EVENING_HOUR = 15  # from then on, the plan is "tonight's"


@dataclass(frozen=True, order=True)
class Stamp:
    """One file as it was seen: its name, size and last change."""

    name: str
    size: int
    mtime_ns: int


def candidates(folder: Path) -> list[Stamp]:
    """The activity files directly in ``folder`` (FIT, GPX, TCX, their .gz, ZIP); none
    when the folder is not there (a watch unplugged)."""
    found: list[Stamp] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.name.lower().endswith(SUFFIXES):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    info = entry.stat()
                except OSError:
                    continue  # gone between listing and looking
                found.append(Stamp(entry.name, info.st_size, info.st_mtime_ns))
    except OSError:
        return []
    return sorted(found)


@dataclass(frozen=True)
class Arrived:
    """What one look at the folder imported."""

    report: ImportReport | None
    spike: str = ""  # the newest run's load note in a few words, if it has one

    @property
    def activities(self) -> tuple[Activity, ...]:
        return () if self.report is None else self.report.imported

    def title(self) -> str:
        count = len(self.activities)
        if count == 1:
            return "A new activity arrived"
        return f"{count} activities arrived"

    def sentence(self, plan: str) -> str:
        """ "21.4 km run, 105 min, 18 % longer than your longest in 30 days: tonight's
        12-minute routine for your calves is ready." ``plan`` is ``plan_words``'s answer;
        "" when nothing arrived."""
        arrived = self.activities
        if not arrived:
            return ""
        newest_run = self.report.newest_run if self.report is not None else None
        newest_first = sorted(arrived, key=lambda a: utc(a.ended_at), reverse=True)

        def words(activity: Activity) -> str:
            said = activity.describe()
            if self.spike and activity is newest_run:
                said += f", {self.spike}"
            return said

        listed = "; ".join(words(a) for a in newest_first[:LISTED])
        if len(arrived) > LISTED:
            listed += f" and {len(arrived) - LISTED} more"
        head = listed if len(arrived) == 1 else f"{len(arrived)} activities arrived: {listed}"
        if plan.endswith("is ready"):
            return f"{head}: {plan}."
        return f"{head}. {plan[0].upper()}{plan[1:]}."


def plan_words(
    now: datetime,
    latest: CheckIn | None,
    plan: Callable[[CheckIn], Plan],
    routine_allowed: Callable[[Plan], bool],
    regions: RegionCatalog | None = None,
) -> str:
    """What today's plan offers after the run: "tonight's 12-minute routine for your
    calves and hip flexors is ready", or what to do to get one. ``plan`` is the
    check-in service's; ``routine_allowed`` asks the safety gate."""
    from companion.services.routines import checked_in_today  # noqa: PLC0415

    when = "tonight's" if now.hour >= EVENING_HOUR else "today's"
    if latest is None or not checked_in_today(latest, now):
        return f"check in to get {when} plan"
    today = plan(latest)
    if not today.routine or not routine_allowed(today):
        return f"open Today to see {when} plan"
    minutes = max(1, round(today.routine_seconds / 60))
    names = list(dict.fromkeys(_group_name(step.region_id, regions) for step in today.routine))
    where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{when} {minutes}-minute routine for your {where} is ready"


def _group_name(region_id: str, regions: RegionCatalog | None) -> str:
    group = region_id[:-2] if region_id.endswith(("_L", "_R")) else region_id
    for region in regions or ():
        if region.group == group:
            return region.name.lower()
    return group.replace("_", " ")


class WatchFolderService:
    def __init__(self, db: Database, clock: Clock) -> None:
        from companion.storage.settings import SettingsRepository  # noqa: PLC0415

        self._db = db
        self._clock = clock
        self._settings = SettingsRepository(db)

    # -- what has been seen --------------------------------------------------------------
    def _seen(self, folder: Path) -> dict[str, tuple[int, int]] | None:
        """The files seen in ``folder``; None when this folder was never looked at."""
        record = self._settings.get(SEEN_KEY)
        if not isinstance(record, dict) or record.get("folder") != str(folder):
            return None
        files = record.get("files")
        if not isinstance(files, dict):
            return {}
        seen: dict[str, tuple[int, int]] = {}
        for name, stamp in files.items():
            if (
                isinstance(stamp, list)
                and len(stamp) == 2
                and all(isinstance(n, int) for n in stamp)
            ):
                seen[name] = (stamp[0], stamp[1])
        return seen

    def _remember(self, folder: Path, seen: dict[str, tuple[int, int]]) -> None:
        kept = dict(sorted(seen.items(), key=lambda item: item[1][1])[-SEEN_KEPT:])
        record = {"folder": str(folder), "files": {k: list(v) for k, v in kept.items()}}
        self._settings.set(SEEN_KEY, record, self._clock.now())

    def waiting(self, folder: Path) -> list[Stamp]:
        """The activity files in ``folder`` not seen as they are now. The first look at
        a folder notes what is there and returns nothing."""
        found = candidates(folder)
        seen = self._seen(folder)
        if seen is None:
            if folder.is_dir() and not self._db.read_only:
                self._remember(folder, {s.name: (s.size, s.mtime_ns) for s in found})
            return []
        return [s for s in found if seen.get(s.name) != (s.size, s.mtime_ns)]

    # -- importing -----------------------------------------------------------------------
    def import_files(self, folder: Path, stamps: Sequence[Stamp]) -> Arrived:
        """Import ``stamps`` (as ``waiting`` gave them, and unchanged since) in one
        report, then note them as seen whatever became of each. Nothing when the data
        file is read-only."""
        if not stamps or self._db.read_only:
            return Arrived(None)
        from companion.services.activity_import import ActivityImportService  # noqa: PLC0415

        present = {s.name: s for s in candidates(folder)}
        now_there = [s for s in stamps if present.get(s.name) == s]
        if not now_there:
            return Arrived(None)
        report = ActivityImportService(self._db, self._clock).import_paths(
            [folder / s.name for s in now_there]
        )
        seen = self._seen(folder) or {}
        seen.update({s.name: (s.size, s.mtime_ns) for s in now_there})
        self._remember(folder, seen)
        return Arrived(report, self._spike(report))

    def _spike(self, report: ImportReport) -> str:
        """The newest run's load notes in a few words (the rule is the activity log's)."""
        run = report.newest_run
        if run is None or run.kind is not ActivityKind.RUN or not run.km or not report.notes:
            return ""
        from companion.services.activity import HISTORY_FOR_NUDGES  # noqa: PLC0415
        from companion.storage.activities import ActivityRepository  # noqa: PLC0415

        history = [a for _id, a in ActivityRepository(self._db).recent(HISTORY_FOR_NUDGES)]
        return ", ".join(
            n.short for n in training_load_nudges(run.km, run.ended_at, history) if n.short
        )
