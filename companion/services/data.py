"""Your data: export, import, backups, restore and deleting the history, each written once.

The Settings screen's Your data card (``companion.ui.settings.your_data``) and the
command line (``companion.cli_data``) both do their work here and show the
sentences this module words: the outcome of each action (``Outcome.said``),
the records counted in words ("2 check-ins, 1 routine session and 3 drinks"),
the refusals, and the questions asked before a restore or a delete. The work
itself is storage's (``companion.storage.export``, ``companion.storage.backup``).

Every sentence goes through a ``Translate`` function called with literal text,
so pyside6-lupdate files it under "YourData": the window passes
``QCoreApplication.translate``, the command line the default ``english``.
Nothing here raises for a refused file or a failed backup: the outcome says
so (``ok`` is False) in words meant for the user. No Qt here.

- ``Backups``: one database's backups folder: back up now, the backups, the
  last-backup line, a backup named on the command line. It needs no open
  database (a backup opens its own connection), so ``backup`` on the command
  line works before the app has ever run and creates nothing.
- ``DataService``: export (JSON, CSV), import (JSON, merged), restore and
  delete all history, on an open database; its ``backups`` is a ``Backups``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from companion import APP_NAME
from companion.domain.clock import Clock
from companion.domain.exercises import ExerciseLibrary
from companion.domain.protocols import ProtocolBounds
from companion.domain.translatable import Translate, english
from companion.storage.backup import (
    KEEP,
    BackupError,
    BackupInfo,
    backups_dir,
    list_backups,
    make_backup,
    prune,
    restore_backup,
)
from companion.storage.database import Database
from companion.storage.export import (
    KINDS,
    DataFileError,
    ImportReport,
    delete_history,
    export_csv,
    export_json,
    import_json,
)

__all__ = [
    "KEEP",
    "BackupInfo",
    "Backups",
    "DataService",
    "Database",
    "ImportReport",
    "Outcome",
    "counted",
    "describe_backup",
    "describe_import",
    "for_data_folder",
    "restore_refused_while_running",
    "size_words",
    "when_words",
]


@dataclass(frozen=True)
class Outcome:
    """What an action did, in a sentence for the user."""

    ok: bool  # False: refused or failed, and nothing changed (``said`` says why)
    said: str
    changed: bool = False  # the stored data changed: whatever shows it must read it again
    path: Path | None = None  # the file written (export, backup) or kept aside (restore)


# -- words ----------------------------------------------------------------------------------
def counted(counts: Mapping[str, int], translate: Translate = english) -> str:
    """Records counted in words, in the export's order of kinds:
    ``{"checkins": 12, "water_log": 40}`` -> "12 check-ins and 40 drinks"."""
    parts = [_counted(kind, n, translate) for kind in KINDS if (n := counts.get(kind, 0))]
    if not parts:
        return translate("YourData", "nothing")
    if len(parts) == 1:
        return parts[0]
    return translate("YourData", "%s and %s") % (", ".join(parts[:-1]), parts[-1])


def _counted(kind: str, n: int, translate: Translate) -> str:
    """``n`` records of ``kind`` in words: "12 check-ins", "1 drink"."""
    words: dict[str, Callable[[int], str]] = {
        "checkins": lambda n: translate("YourData", "%n check-in(s)", None, n),
        "triage_outcomes": lambda n: translate("YourData", "%n safety check result(s)", None, n),
        "health_conditions": lambda n: translate("YourData", "%n health condition(s)", None, n),
        "routine_runs": lambda n: translate("YourData", "%n routine session(s)", None, n),
        "user_routines": lambda n: translate("YourData", "%n routine(s) of yours", None, n),
        "reminder_rules": lambda n: translate(
            "YourData", "%n reminder(s) (switched off until you turn it/them on)", None, n
        ),
        "reminder_events": lambda n: translate("YourData", "%n past reminder(s)", None, n),
        "water_log": lambda n: translate("YourData", "%n drink(s)", None, n),
        "therapy_sessions": lambda n: translate("YourData", "%n therapy session(s)", None, n),
        "activities": lambda n: translate("YourData", "%n activity(-ies)", None, n),
        "daily_log": lambda n: translate("YourData", "%n morning entry(-ies)", None, n),
        "trend_alerts": lambda n: translate("YourData", "%n trend alert(s)", None, n),
        "return_to_run_plans": lambda n: translate("YourData", "%n return-to-run plan(s)", None, n),
        "settings": lambda n: translate("YourData", "%n setting(s)", None, n),
    }
    return words[kind](n) if kind in words else f"{n} {kind}"


def describe_import(report: ImportReport, translate: Translate = english) -> str:
    """The outcome of an import in a sentence."""
    present = report.total_present
    if not report.total_added:
        if not present:
            return translate("YourData", "The file holds no records, so nothing was imported.")
        if present == 1:
            return translate("YourData", "Nothing new to import: its one record was already here.")
        return (
            translate("YourData", "Nothing new to import: all %d records were already here.")
            % present
        )
    added = counted(report.added, translate)
    if not present:
        return translate("YourData", "Imported %s.") % added
    return translate("YourData", "Imported %s; %n was/were already here.", None, present) % added


def when_words(moment: datetime) -> str:
    """A backup's time: "Mon 15 Jun 2026, 09:00"."""
    # The day without a leading zero, spelled out: strftime's dash flag is glibc-only.
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def size_words(size: int, translate: Translate = english) -> str:
    """A file's size: "12 KB", "3.4 MB"."""
    if size < 1024 * 1024:
        return translate("YourData", "%d KB") % max(1, round(size / 1024))
    return translate("YourData", "%.1f MB") % (size / (1024 * 1024))


def describe_backup(info: BackupInfo, translate: Translate = english) -> str:
    """One backup in a line: "Mon 15 Jun 2026, 09:00 · 12 KB"."""
    text = f"{when_words(info.taken_at)} · {size_words(info.size, translate)}"
    if info.before_restore:
        text += " · " + translate("YourData", "your data before a restore")
    return text


def restore_refused_while_running(data_dir: Path, translate: Translate = english) -> Outcome:
    """Restore from outside the app while it runs on the data: refused (the window can)."""
    return Outcome(
        False,
        translate(
            "YourData",
            "%s is running on %s. Quit it first, or use Settings → Your data → Restore… in "
            "its window. Nothing was changed.",
        )
        % (APP_NAME, data_dir),
    )


# -- the backups folder ---------------------------------------------------------------------
class Backups:
    """The backups of the database at ``db_path``, in ``folder``, keeping the newest ``keep``."""

    def __init__(
        self,
        db_path: Path,
        folder: Path,
        clock: Clock,
        *,
        keep: int = KEEP,
        translate: Translate = english,
    ) -> None:
        self.db_path = db_path
        self.folder = folder
        self.clock = clock
        self.keep = keep
        self.translate = translate

    def all(self) -> list[BackupInfo]:
        """Newest first, the copies kept aside before a restore included."""
        return list_backups(self.folder, self.clock.now().tzinfo)

    def last_backup(self) -> str:
        """The line under the buttons: when the last daily backup was made."""
        daily = [b for b in self.all() if not b.before_restore]
        if daily:
            return self.translate("YourData", "Last backup: %s, keeping the newest %d.") % (
                when_words(daily[0].taken_at),
                self.keep,
            )
        return (
            self.translate(
                "YourData",
                "Last backup: none yet. A backup is made each day, keeping the newest %d.",
            )
            % self.keep
        )

    def listing(self) -> list[str]:
        """The backups as lines for a terminal (time, size, path), or why there are none."""
        found = self.all()
        if not found:
            return [self.translate("YourData", "No backups yet in %s.") % self.folder]
        lines = []
        for info in found:
            line = f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {size_words(info.size, self.translate):>8}"
            line += f"  {info.path}"
            if info.before_restore:
                line += "  (" + self.translate("YourData", "your data before a restore") + ")"
            lines.append(line)
        return lines

    def named(self, text: str) -> Path:
        """The backup the user named: a path, or the name of a file in the backups folder."""
        from companion.paths import user_path  # noqa: PLC0415 - the command line's rule for ~

        chosen = user_path(text)
        if not _exists(chosen) and chosen.name == text and _exists(self.folder / text):
            return self.folder / text
        return chosen.absolute()

    def back_up_now(self) -> Outcome:
        """A backup now (then the oldest beyond ``keep`` go); ``path`` is the new file."""
        try:
            path = make_backup(self.db_path, self.folder, self.clock.now())
        except BackupError as exc:
            return Outcome(False, str(exc))
        prune(self.folder, self.keep)
        return Outcome(True, self.translate("YourData", "Backed up to %s.") % path, path=path)


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name too long or a folder we may not enter counts as no
    (restoring it then says what is wrong with it)."""
    try:
        return path.exists()
    except OSError:
        return False


# -- your data ------------------------------------------------------------------------------
class DataService:
    """Export, import, restore and delete-all on the open database ``db``."""

    def __init__(
        self,
        db: Database,
        backups_dir: Path,
        clock: Clock,
        library_loader: Callable[[], ExerciseLibrary],
        bounds_loader: Callable[[], ProtocolBounds],
        *,
        app_version: str = "",
        keep: int = KEEP,
        translate: Translate = english,
    ) -> None:
        self.db = db
        self.clock = clock
        self.library_loader = library_loader
        self.bounds_loader = bounds_loader
        self.app_version = app_version
        self.translate = translate
        self.backups = Backups(db.path, backups_dir, clock, keep=keep, translate=translate)

    # -- export ---------------------------------------------------------------------------
    def suggested_json_name(self) -> str:
        return f"recovery-companion-{self.clock.now():%Y-%m-%d}.json"

    @staticmethod
    def with_json_suffix(path: Path) -> Path:
        """A file chosen in a dialog gets ``.json`` when the user typed no such ending."""
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def export_json(self, path: Path) -> Outcome:
        """Everything into one JSON file at ``path`` (which import reads back)."""
        try:
            counts = export_json(self.db, path, self.clock.now(), self.app_version)
        except (DataFileError, sqlite3.Error) as exc:
            return self._not_exported(exc)
        total = sum(counts.values())
        said = self.translate("YourData", "Saved your data (%n record(s)) to %s.", None, total)
        return Outcome(True, said % path, path=path)

    def export_csv(self, folder: Path) -> Outcome:
        """One CSV file per kind of record into ``folder`` (created when missing)."""
        try:
            written = export_csv(self.db, folder, self.clock.now())
        except (DataFileError, sqlite3.Error) as exc:
            return self._not_exported(exc)
        said = self.translate("YourData", "Saved %n CSV file(s) in %s.", None, len(written))
        return Outcome(True, said % folder, path=folder)

    def _not_exported(self, exc: Exception) -> Outcome:
        return Outcome(False, self.translate("YourData", "Not exported. %s") % exc)

    # -- import ---------------------------------------------------------------------------
    def import_json(self, path: Path) -> Outcome:
        """Merge a JSON export without duplicates; a refused file changes nothing."""
        try:
            bounds = self.bounds_loader()
            report = import_json(self.db, path, self.clock.now(), self.library_loader(), bounds)
        except (DataFileError, sqlite3.Error) as exc:
            return Outcome(False, str(exc))
        said = describe_import(report, self.translate)
        return Outcome(True, said, changed=bool(report.total_added))

    # -- restore --------------------------------------------------------------------------
    def restore_question(self, backup: Path) -> str:
        return (
            self.translate(
                "YourData",
                "Replace all your data with the backup %s? Your data as it is now is saved first, "
                "so you can go back to it.",
            )
            % backup.name
        )

    def restore(self, backup: Path) -> Outcome:
        """Replace the data with the backup's; the data as it was is kept aside first."""
        try:
            aside = restore_backup(self.db, backup, self.backups.folder, self.clock.now())
        except BackupError as exc:
            return Outcome(False, self.translate("YourData", "Not restored. %s") % exc)
        said = self.translate("YourData", "Restored %s. Your data from before is kept in %s.")
        return Outcome(True, said % (backup.name, aside), changed=True, path=aside)

    # -- delete all history ---------------------------------------------------------------
    def delete_question(self) -> str:
        return (
            self.translate(
                "YourData",
                "Delete all your history?\n\n"
                "Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, "
                "activities, morning entries, trend alerts and past safety check results.\n\n"
                "Kept: your settings, health conditions, your own routines and reminders, and any "
                "safety lock still running.\n\n"
                "A backup is made first, in %s, so this can be undone with Restore.",
            )
            % self.backups.folder
        )

    def delete_history(self) -> Outcome:
        """A backup first, then every record of the history goes (set-up and running locks
        stay); nothing is deleted when the backup fails."""
        folder = self.backups.folder
        try:
            backup = make_backup(self.db.path, folder, self.clock.now())
        except BackupError as exc:
            said = self.translate("YourData", "Nothing was deleted: the backup first failed. %s")
            return Outcome(False, said % exc)
        try:
            report = delete_history(self.db, self.clock.now())
        except sqlite3.Error as exc:
            return Outcome(False, self.translate("YourData", "Nothing was deleted: %s.") % exc)
        prune(folder, self.backups.keep)
        text = (
            self.translate(
                "YourData",
                "Deleted %n record(s) from your history. A backup from just before is in %s.",
                None,
                report.total,
            )
            % backup
        )
        if report.kept_locks:
            text += " " + self.translate(
                "YourData",
                "%n safety lock(s) still running was/were kept.",
                None,
                report.kept_locks,
            )
        return Outcome(True, text, changed=True, path=backup)


def for_data_folder(
    db: Database,
    data_dir: Path,
    clock: Clock,
    library_loader: Callable[[], ExerciseLibrary],
    bounds_loader: Callable[[], ProtocolBounds],
    *,
    app_version: str = "",
    keep: int = KEEP,
    translate: Translate = english,
) -> DataService:
    """The service for a data folder's database, its backups in ``<data folder>/backups``."""
    return DataService(
        db,
        backups_dir(data_dir),
        clock,
        library_loader,
        bounds_loader,
        app_version=app_version,
        keep=keep,
        translate=translate,
    )
