"""``recovery-companion questions``: the safety questions, with the ids ``plan --yes`` takes.

Read from the same content file the check-in asks from (``resources/content/triage.toml``),
so the list is never out of step with the questions themselves. No Qt, no data folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any, TextIO

from companion import APP_ID

TIER_WORDS = {
    "red": "emergency",
    "orange": "same-day care",
    "yellow": "see a clinician soon",
}


def add_parsers(commands: Any) -> None:
    questions = commands.add_parser(
        "questions",
        help="list the safety questions with the ids 'plan --yes' takes",
        description="List every safety question the check-in can ask, with its id (for "
        "'recovery-companion plan --yes ID'), what a yes to it means, and its words.",
    )
    questions.add_argument("--json", action="store_true", help="print JSON instead of text")


def question_rows() -> list[dict[str, Any]]:
    from companion.resources import load_triage  # noqa: PLC0415

    return [
        {
            "id": q.id,
            "tier": q.tier.value,
            "text": q.text,
            "because": q.because,
            "follow_up_of": q.follow_up,
        }
        for q in load_triage().questions
    ]


def cmd_questions(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    from companion.domain.content import ContentError  # noqa: PLC0415
    from companion.resources import ResourceNotFoundError  # noqa: PLC0415

    try:
        rows = question_rows()
    except (ContentError, ResourceNotFoundError) as exc:
        print(f"{APP_ID}: {exc}", file=err or sys.stderr)
        return 1
    if args.json:
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    width = max(len(row["id"]) for row in rows) if rows else 2
    for row in rows:
        tier = f"{row['tier']}, {TIER_WORDS.get(row['tier'], row['tier'])}"
        if row["follow_up_of"]:
            tier += f"; asked after a yes to {row['follow_up_of']}"
        lead = f"{row['id']:<{width}}  "
        text = textwrap.fill(
            f"{row['text']} ({tier})",
            width=88,
            initial_indent=lead,
            subsequent_indent=" " * len(lead),
        )
        out.write(text + "\n")
    out.write(
        "\nA yes raises the outcome to that question's level; the highest wins. "
        "Use an id with 'recovery-companion plan --yes ID'.\n"
    )
    return 0
