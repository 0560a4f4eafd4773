"""``recovery-companion import-runs PATH...``: runs from the watch's files.

FIT, GPX and TCX files (and their .gz), folders, and archives: a Garmin export ZIP
with nested ZIPs, a Strava export, a Google Takeout folder. It writes to the data
folder itself whether or not the app is running (SQLite keeps the two apart, as for
``import``), then tells a running app to read its data again. A line per 100 files
while it works, a line per file at the end, then the summary and the training-load
note for the newest run, if it has one.

Exit codes: 0 when no file was damaged (files that are not activities, or already
there, are fine), 1 when at least one was damaged, 130 when Ctrl-C cancelled it
(what was imported before stays; no activity is ever half stored), 3 when the data
file is read-only. No Qt here.
"""

from __future__ import annotations

import argparse
import signal
from typing import TYPE_CHECKING, Any, TextIO

from companion.services.commands import Command, message

if TYPE_CHECKING:
    from types import FrameType

PROGRESS_EVERY = 100
EXIT_DAMAGED = 1
EXIT_CANCELLED = 130


def add_parsers(commands: Any) -> None:
    runs = commands.add_parser(
        "import-runs",
        help="import runs from a watch's FIT, GPX or TCX files, folders or export archives",
        description="Import activities from files: FIT, GPX and TCX (gzipped too), folders, "
        "a Garmin export ZIP, a Strava export, a Google Takeout folder. The same file or "
        "the same run is never imported twice. Exits 0 when no file was damaged, 1 when "
        "one was, 130 when cancelled with Ctrl-C.",
    )
    runs.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, folder or archive (several allowed)"
    )


def cmd_import_runs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.cli_reminders import Store  # noqa: PLC0415
    from companion.paths import user_path  # noqa: PLC0415
    from companion.services.activity_import import ActivityImportService  # noqa: PLC0415

    paths = [user_path(p).absolute() for p in args.paths]
    stop = _CtrlC()
    store = Store(args.data_dir)
    try:
        service = ActivityImportService(store.db, store.clock)
        with stop:
            report = service.import_paths(
                paths, progress=lambda done, total: _progress(done, total, out), cancelled=stop
            )
    finally:
        store.close()
    for file in report.files:
        print(f"{file.name}: {file.describe()}", file=out)
    print(report.summary(), file=out)
    for note in report.notes:
        print(f"Note: {note}", file=out)
    if report.imported:
        _tell_the_app(store, err)
    if report.cancelled:
        return EXIT_CANCELLED
    return EXIT_DAMAGED if report.damaged else 0


def _progress(done: int, total: int, out: TextIO) -> None:
    if done == 0 and total > PROGRESS_EVERY:
        print(f"Found {total} files to read.", file=out, flush=True)
    elif done and done % PROGRESS_EVERY == 0:
        print(f"{done} of {total} files read.", file=out, flush=True)


def _tell_the_app(store: Any, err: TextIO) -> None:
    """A running app reads its data again (History, Today); the reply does not matter."""
    from companion.ipc import InstanceError, send_to_running  # noqa: PLC0415

    try:
        send_to_running(store.paths.instance_key, message(Command.DATA_CHANGED))
    except InstanceError as exc:
        print(f"The app did not answer ({exc}); it shows the runs when it next starts.", file=err)


class _CtrlC:
    """Ctrl-C asks the import to stop between files instead of breaking off mid-file."""

    def __init__(self) -> None:
        self.pressed = False
        self._before: Any = None

    def __call__(self) -> bool:
        return self.pressed

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self.pressed:  # a second Ctrl-C: stop now (a transaction rolls back)
            raise KeyboardInterrupt
        self.pressed = True

    def __enter__(self) -> _CtrlC:
        try:
            self._before = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: Ctrl-C is not ours to take
            self._before = None
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._before is not None:
            signal.signal(signal.SIGINT, self._before)
