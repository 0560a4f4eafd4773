"""Command-line "your data": ``export``, ``import``, ``backup`` and ``restore``.

Export and backup only read, so they run whether or not the app is open (the
database is in WAL mode: a reader does not block the app). Import writes
through its own connection in one transaction and then tells a running app
that the data changed. Restore replaces the database under the app's feet,
so it is refused while the app runs on that data folder; the window's
Restore… does it there. The work and the sentences are the same as the
window's: ``companion.services.data``. No Qt here, and nothing heavy at import
time.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from companion import APP_ID
from companion.services.commands import Command, message

if TYPE_CHECKING:
    from companion.domain.clock import SystemClock
    from companion.paths import AppPaths
    from companion.services.data import Backups, DataService, Outcome

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
    from companion.storage.database import DatabaseError  # noqa: PLC0415

    out = out or sys.stdout
    err = err or sys.stderr
    handlers = {
        "export": cmd_export,
        "import": cmd_import,
        "backup": cmd_backup,
        "restore": cmd_restore,
    }
    try:
        outcome = handlers[args.command](args)
    except (DataDirError, DatabaseError) as exc:
        from companion.cli import failed  # noqa: PLC0415

        return failed(exc, err)
    if not outcome.ok:
        print(f"{APP_ID}: {outcome.said}", file=err)
        return 1
    if outcome.said:
        print(outcome.said, file=out)
    return 0


@contextlib.contextmanager
def _service(data_dir: str | None) -> Iterator[tuple[AppPaths, DataService]]:
    """The data folder's "your data" service on its database, opened for one command."""
    from companion import __version__  # noqa: PLC0415
    from companion.resources import load_exercises, load_protocols  # noqa: PLC0415
    from companion.services.data import for_data_folder  # noqa: PLC0415
    from companion.storage.database import open_database  # noqa: PLC0415

    paths = _paths(data_dir)
    clock = _clock()
    bounds = functools.cache(load_protocols)  # read once, and only by an import
    db = open_database(paths.database, clock.now()).database
    try:
        yield (
            paths,
            for_data_folder(
                db,
                paths.data_dir,
                clock,
                lambda: load_exercises(protocols=bounds()),
                bounds,
                app_version=__version__,
            ),
        )
    finally:
        db.close()


def _backups(paths: AppPaths) -> Backups:
    """The data folder's backups, without opening (or creating) its database."""
    from companion.services.data import Backups  # noqa: PLC0415
    from companion.storage.backup import backups_dir  # noqa: PLC0415

    return Backups(paths.database, backups_dir(paths.data_dir), _clock())


def _clock() -> SystemClock:
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.localzone import local_zone  # noqa: PLC0415

    return SystemClock(local_zone())


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


def cmd_export(args: argparse.Namespace) -> Outcome:
    from companion.paths import user_path  # noqa: PLC0415

    target = user_path(args.path).absolute()
    with _service(args.data_dir) as (_, service):
        if args.data_format == "csv":
            return service.export_csv(target)
        return service.export_json(target)


def cmd_import(args: argparse.Namespace) -> Outcome:
    from companion.paths import user_path  # noqa: PLC0415

    source = user_path(args.path).absolute()
    with _service(args.data_dir) as (paths, service):
        outcome = service.import_json(source)
    if outcome.changed:
        _app_running(paths, message(Command.DATA_CHANGED))  # the reply does not matter
    return outcome


def cmd_backup(args: argparse.Namespace) -> Outcome:
    from companion.services.data import Outcome  # noqa: PLC0415

    backups = _backups(_paths(args.data_dir))
    if args.list:
        return Outcome(True, "\n".join(backups.listing()))
    made = backups.back_up_now()
    # The path alone, for scripts: backup=$(recovery-companion backup).
    return Outcome(True, str(made.path), path=made.path) if made.ok else made


def cmd_restore(args: argparse.Namespace) -> Outcome:
    from companion.services.data import restore_refused_while_running  # noqa: PLC0415

    paths = _paths(args.data_dir)
    chosen = _backups(paths).named(args.backup)
    if _app_running(paths, message(Command.PING)) is not None:
        return restore_refused_while_running(paths.data_dir)
    with _service(args.data_dir) as (_, service):
        return service.restore(chosen)
