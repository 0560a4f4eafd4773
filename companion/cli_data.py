"""Command-line "your data": ``export``, ``import``, ``backup`` and ``restore``.

Export and backup only read, so they run whether or not the app is open (the
database is in WAL mode: a reader does not block the app). Import writes
through its own connection in one transaction and then tells a running app
that the data changed. Restore replaces the database under the app's feet,
so it is refused while the app runs on that data folder; the window's
Restore… does it there. No Qt here, and nothing heavy at import time.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from companion import APP_ID, APP_NAME
from companion.services.commands import Command, message

if TYPE_CHECKING:
    from companion.domain.clock import SystemClock
    from companion.paths import AppPaths
    from companion.storage.database import Database

COMMANDS = ("export", "import", "backup", "restore")


def add_parsers(commands: Any) -> None:
    export = commands.add_parser(
        "export",
        help="export your data as JSON (one file) or CSV (a folder of files)",
        description="Write all your data into one JSON file (which 'import' reads back), or "
        "one CSV file per kind of record into a folder, for a spreadsheet. The formats are "
        "documented in docs/data-export.md.",
    )
    export.add_argument(
        "--format",
        dest="data_format",
        choices=["json", "csv"],
        default="json",
        help="json (default) or csv",
    )
    export.add_argument("path", metavar="PATH", help="the JSON file, or the folder for CSV files")
    imported = commands.add_parser(
        "import",
        help="merge a JSON export into your data, without duplicates",
        description="Merge a JSON export into your data. Records already here are skipped; "
        "a day's check-in and your settings on this computer win; imported reminders start "
        "switched off. A file with any problem is refused and nothing changes.",
    )
    imported.add_argument("path", metavar="FILE", help="a JSON file made by 'export'")
    backup = commands.add_parser(
        "backup",
        help="back up the database now (into the data folder's backups folder)",
        description="Copy the database into <data folder>/backups/ and print the copy's "
        "path. The newest 7 backups are kept.",
    )
    backup.add_argument("--list", action="store_true", help="list the backups instead")
    restore = commands.add_parser(
        "restore",
        help="replace your data with a backup (not while the app is running)",
        description="Replace your data with a backup's. The backup is checked first; your "
        "current data is kept aside as companion-before-restore-<time>.db in the backups "
        "folder. Refused while the app is running on this data folder.",
    )
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        help="a backup file, or the name of one in the backups folder",
    )


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one of COMMANDS; errors go to ``err`` as ``recovery-companion: <message>``."""
    from companion.paths import DataDirError  # noqa: PLC0415
    from companion.storage.backup import BackupError  # noqa: PLC0415
    from companion.storage.database import DatabaseError  # noqa: PLC0415
    from companion.storage.export import DataFileError  # noqa: PLC0415

    out = out or sys.stdout
    err = err or sys.stderr
    handlers = {
        "export": cmd_export,
        "import": cmd_import,
        "backup": cmd_backup,
        "restore": cmd_restore,
    }
    try:
        return handlers[args.command](args, out, err)
    except (DataDirError, DatabaseError, DataFileError, BackupError) as exc:
        print(f"{APP_ID}: {exc}", file=err)
        return 1


@contextlib.contextmanager
def _store(data_dir: str | None) -> Iterator[tuple[AppPaths, Database, SystemClock]]:
    """The data folder's database, opened for one command."""
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.localzone import local_zone  # noqa: PLC0415
    from companion.paths import prepare_data_dir, resolve_data_dir  # noqa: PLC0415
    from companion.storage.database import open_database  # noqa: PLC0415

    paths = prepare_data_dir(resolve_data_dir(data_dir))
    clock = SystemClock(local_zone())
    db = open_database(paths.database, clock.now()).database
    try:
        yield paths, db, clock
    finally:
        db.close()


def _paths(data_dir: str | None) -> AppPaths:
    from companion.paths import prepare_data_dir, resolve_data_dir  # noqa: PLC0415

    return prepare_data_dir(resolve_data_dir(data_dir))


def _app_running(paths: AppPaths, message: dict[str, Any]) -> dict[str, Any] | None:
    """The running app's reply, or None when none runs. An app that is there but does not
    answer sensibly counts as running (so restore is refused rather than risked)."""
    from companion.ipc import InstanceError, send_to_running  # noqa: PLC0415

    try:
        return send_to_running(paths.instance_key, message)
    except InstanceError as exc:
        return {"ok": False, "error": str(exc)}


def cmd_export(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from companion import __version__  # noqa: PLC0415
    from companion.paths import user_path  # noqa: PLC0415
    from companion.storage.export import describe_counts, export_csv, export_json  # noqa: PLC0415

    target = user_path(args.path).absolute()
    with _store(args.data_dir) as (_, db, clock):
        if args.data_format == "csv":
            written = export_csv(db, target, clock.now())
            print(f"Wrote {len(written)} CSV files to {target}.", file=out)
        else:
            counts = export_json(db, target, clock.now(), __version__)
            print(f"Exported {describe_counts(counts)} to {target}.", file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from companion.paths import user_path  # noqa: PLC0415
    from companion.resources import load_exercises, load_protocols  # noqa: PLC0415
    from companion.storage.export import import_json  # noqa: PLC0415

    source = user_path(args.path).absolute()
    bounds = load_protocols()
    library = load_exercises(protocols=bounds)
    with _store(args.data_dir) as (paths, db, clock):
        report = import_json(db, source, clock.now(), library, bounds)
    print(report.summary(), file=out)
    if report.total_added:
        _app_running(paths, message(Command.DATA_CHANGED))  # the reply does not matter
    return 0


def cmd_backup(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.localzone import local_zone  # noqa: PLC0415
    from companion.storage.backup import (  # noqa: PLC0415
        KEEP,
        backups_dir,
        list_backups,
        make_backup,
        prune,
    )

    paths = _paths(args.data_dir)
    folder = backups_dir(paths.data_dir)
    if args.list:
        found = list_backups(folder, local_zone())
        if not found:
            print(f"No backups yet in {folder}.", file=out)
        for info in found:
            note = "  (kept before a restore)" if info.before_restore else ""
            when = f"{info.taken_at:%Y-%m-%d %H:%M:%S}"
            print(f"{when}  {_size(info.size):>8}  {info.path}{note}", file=out)
        return 0
    path = make_backup(paths.database, folder, SystemClock(local_zone()).now())
    prune(folder, KEEP)
    print(path, file=out)
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.paths import user_path  # noqa: PLC0415
    from companion.storage.backup import backups_dir, restore_backup  # noqa: PLC0415

    paths = _paths(args.data_dir)
    folder = backups_dir(paths.data_dir)
    chosen = user_path(args.backup)
    if not _exists(chosen) and _exists(folder / chosen.name) and chosen.name == args.backup:
        chosen = folder / chosen.name
    if _app_running(paths, message(Command.PING)) is not None:
        print(
            f"{APP_ID}: {APP_NAME} is running on {paths.data_dir}. Quit it first, or use "
            "Settings → Your data → Restore… in its window. Nothing was changed.",
            file=err,
        )
        return 1
    with _store(args.data_dir) as (_, db, clock):
        aside = restore_backup(db, chosen.absolute(), folder, clock.now())
    print(f"Restored {chosen.name}. Your data from before is kept in {aside}.", file=out)
    return 0


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name too long or a folder we may not enter counts as no
    (restoring it then says what is wrong with it)."""
    try:
        return path.exists()
    except OSError:
        return False


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
