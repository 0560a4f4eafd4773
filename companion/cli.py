"""The command line: ``recovery-companion [options] [command]``.

With no command it starts (or brings forward) the desktop app. Qt is only
imported on that path, so ``--version`` and ``regions`` answer instantly. A plain
launch (the app's own options only) is read here without argparse; any command,
``--help`` or ``--version`` goes to the full parser in ``companion.cli_commands``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from companion import APP_ID

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_READ_ONLY = 3  # the data file is read-only: nothing was saved

# The app's own options, as the full parser spells them (``cli_commands.add_app_options``).
APP_OPTIONS = ("--data-dir", "--minimized", "--exit-after-paint")


def failed(exc: Exception, err: TextIO | None = None) -> int:
    """Say a folder or database problem in one line; its exit code."""
    from companion.storage.database import ReadOnlyDatabaseError  # noqa: PLC0415

    print(f"{APP_ID}: {exc}", file=err or sys.stderr)
    return EXIT_READ_ONLY if isinstance(exc, ReadOnlyDatabaseError) else EXIT_ERROR


@dataclass(frozen=True)
class Launch:
    """A plain launch: the app's options, and no command."""

    data_dir: str | None = None
    minimized: bool = False
    exit_after_paint: bool = False
    command: None = None


def gui_args(argv: Sequence[str]) -> Launch | None:
    """``argv`` read without argparse, when it only starts the app.

    That is the usual launch, and building every command's parser (and loading
    argparse) would cost it about 15 ms and 0.3 MB that an app in the tray keeps. The
    words are read as the full parser reads them, abbreviations included (``--min``);
    None for anything else (a command, help, the version, a missing or unexpected
    value), and the full parser then answers exactly as it always has.
    """
    data_dir: str | None = None
    minimized = exit_after_paint = False
    words = list(argv)
    i = 0
    while i < len(words):
        name, has_value, value = words[i].partition("=")
        if not name.startswith("--") or len(name) < 3:
            return None  # a command, "--", "-h" or a short option
        if "--help".startswith(name) or "--version".startswith(name):
            return None
        matches = [option for option in APP_OPTIONS if option.startswith(name)]
        if len(matches) != 1:
            return None
        if matches[0] == "--data-dir":
            if not has_value:
                i += 1
                if i == len(words) or words[i].startswith("-"):
                    return None  # a missing value: the full parser says so
                value = words[i]
            data_dir = value
        elif has_value:
            return None  # "--minimized=yes": the full parser says so
        elif matches[0] == "--minimized":
            minimized = True
        else:
            exit_after_paint = True
        i += 1
    return Launch(data_dir, minimized, exit_after_paint)


def start_app(args: Launch | argparse.Namespace) -> int:
    """Start the desktop app (or bring the running one forward)."""
    from companion.pyside_guard import skip_source_scans  # noqa: PLC0415

    skip_source_scans()  # before the window's modules load: see pyside_guard.py
    from companion.app import run_gui  # noqa: PLC0415 - Qt only when the GUI starts

    return run_gui(args)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    launch = gui_args(words)
    from companion.paths import DataDirError  # noqa: PLC0415 - light: no Qt, no storage

    try:
        if launch is not None:
            return start_app(launch)
        from companion.cli_commands import run  # noqa: PLC0415 - a command, help or version

        return run(words)
    except DataDirError as exc:
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
