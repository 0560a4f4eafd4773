"""``recovery-companion readiness``: this morning's readiness, the same words as Today's card.

Read-only: it opens the data folder, asks the same services (and the same safety
gate) as the window, prints the day's word, any safety words, and every input
with its reading.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO


def add_parsers(commands: Any) -> None:
    parser = commands.add_parser(
        "readiness",
        help="this morning's readiness (easy, normal or rest) with every input",
        description="Say whether today looks like an easy, normal or rest day, listing "
        "every input the app read (safety answers, soreness, last night's sleep, how "
        "recovered you feel, training load) and 'Not known' where nothing recent is "
        "logged. A check-in aid, not a score; a safety answer always comes first.",
    )
    parser.add_argument("--json", action="store_true", help="print it as JSON")


def cmd_readiness(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from companion.cli_reminders import Store, locale_country  # noqa: PLC0415
    from companion.services.content import LazyContent  # noqa: PLC0415
    from companion.services.readiness import ReadinessService  # noqa: PLC0415
    from companion.services.safety import SafetyGate  # noqa: PLC0415

    store = Store(args.data_dir)
    try:
        gate = SafetyGate(store.db, LazyContent(), store.clock, country=locale_country())
        result = ReadinessService(store.db, store.clock, gate).today()
    finally:
        store.close()
    if getattr(args, "json", False):
        json.dump(
            {
                "level": result.level.value,
                "headline": result.headline,
                "safety": list(result.safety_words),
                "inputs": [
                    {"name": i.name, "reading": i.reading, "points_to": i.points_to.value}
                    for i in result.inputs
                ],
            },
            out,
            indent=2,
        )
        out.write("\n")
        return 0
    for line in result.lines():
        print(line, file=out)
    return 0
