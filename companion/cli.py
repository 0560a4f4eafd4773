"""The command line: ``recovery-companion [options] [command]``.

With no command it starts (or brings forward) the desktop app. Qt is only
imported on that path, so ``--version`` and ``regions`` answer instantly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from companion import APP_ID, APP_NAME, __version__

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: body map, recovery plans, therapy timers and reminders "
        "for sore legs. With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep every file the app writes in DIR (default: your user data folder; "
        "the COMPANION_DATA_DIR environment variable does the same)",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start in the system tray without showing the window",
    )
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="start, paint the window once, print the moment it was painted and quit "
        "(for benchmarks and smoke tests)",
    )
    commands = parser.add_subparsers(dest="command", metavar="command")
    regions = commands.add_parser("regions", help="list the body-map regions")
    regions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 with usage on a bad option
    try:
        if args.command == "regions":
            return cmd_regions(args.json, sys.stdout)
        from companion.app import run_gui  # noqa: PLC0415 - Qt only when the GUI starts

        return run_gui(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def cmd_regions(as_json: bool, out: TextIO) -> int:
    from companion.domain.content import ContentError  # noqa: PLC0415
    from companion.resources import ResourceNotFoundError, load_regions  # noqa: PLC0415

    try:
        catalog = load_regions()
    except (ContentError, ResourceNotFoundError) as exc:
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    rows = [
        {
            "id": r.id,
            "name": r.name,
            "plain_name": r.plain_name,
            "views": [v.value for v in r.views],
            "side": r.side.value,
        }
        for r in catalog
    ]
    if as_json:
        json.dump(rows, out, indent=2)
        out.write("\n")
        return EXIT_OK
    headers = ("ID", "NAME", "VIEW", "SIDE")
    table = [(r["id"], r["name"], "+".join(r["views"]), r["side"]) for r in rows]
    widths = [max(len(str(row[i])) for row in [headers, *table]) for i in range(4)]
    for row in [headers, *table]:
        out.write(
            "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        )
        out.write("\n")
    return EXIT_OK
