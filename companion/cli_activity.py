"""``recovery-companion log-activity``: runs, leg days, long shifts and sleep.

Like ``log-water``, it goes to the running app when there is one (so the
History screen and the Today check-in see it at once) and otherwise writes to
the data folder itself. The training-load note is printed, never enforced.
No Qt here.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any, TextIO

from companion import APP_ID
from companion.services.commands import Command, message

if TYPE_CHECKING:
    pass

KINDS = {
    "run": "run",
    "leg-day": "leg_day",
    "leg_day": "leg_day",
    "standing": "long_standing",
    "long-standing": "long_standing",
    "other": "other",
    "sleep": "sleep",
}


def _ago(value: str) -> int:
    """'30m', '2h', '1h30m', '90' (minutes) -> minutes."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m?)?\s*", value.lower())
    if not match or not any(match.groups()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a time ago, e.g. 30m, 2h or 1h30m")
    minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    if minutes > 14 * 24 * 60:
        raise argparse.ArgumentTypeError("log activities from the past two weeks")
    return minutes


def add_parsers(commands: Any) -> None:
    log = commands.add_parser(
        "log-activity",
        help="log a run, leg day, long shift, or last night's sleep",
        description="Log an activity (it sets the hours since onset for your next check-in "
        "and shows in History), or sleep with 'sleep --hours 7.5'. Goes to the running app "
        "if there is one, else straight into the data folder.",
    )
    log.add_argument(
        "kind", choices=sorted(KINDS), metavar="KIND", help="run, leg-day, standing, other or sleep"
    )
    log.add_argument("--km", type=float, help="runs: distance in km")
    log.add_argument("--minutes", type=float, help="how long it took")
    log.add_argument("--effort", type=int, help="1 (very easy) to 10 (all-out)")
    log.add_argument(
        "--ago", type=_ago, default=0, metavar="TIME", help="finished this long ago, e.g. 45m or 2h"
    )
    log.add_argument("--note", default="", help="a short note")
    log.add_argument("--hours", type=float, help="sleep: hours slept last night")
    log.add_argument(
        "--recovered", type=int, metavar="0-10", help="sleep: how recovered you feel, 0-10"
    )


def message_for(args: argparse.Namespace) -> dict[str, Any]:
    return message(
        Command.LOG_ACTIVITY,
        kind=KINDS[args.kind],
        km=args.km,
        minutes=args.minutes,
        effort=args.effort,
        ago_min=args.ago,
        note=_unicode(args.note),
        hours=args.hours,
        prs=args.recovered,
    )


def _unicode(text: str) -> str:
    """Text from the command line as valid Unicode. Bytes that were not UTF-8 reach Python
    as lone surrogates, which cannot be stored; they become U+FFFD, as a terminal shows them."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no decoding made (from main() called in code)
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def cmd_log_activity(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.cli_reminders import Store, via_app  # noqa: PLC0415

    message = message_for(args)
    reply = via_app(args.data_dir, message, err)
    if isinstance(reply, int):
        return reply
    if reply:
        notes = [str(n) for n in reply.get("notes", [])]
    else:
        store = Store(args.data_dir)
        try:
            notes = _log_here(store, message)
        except ValueError as exc:
            print(f"{APP_ID}: {exc}", file=err)
            return 1
        finally:
            store.close()
    print(_logged_words(message), file=out)
    for note in notes:
        print(f"Note: {note}", file=out)
    return 0


def _log_here(store: Any, message: dict[str, Any]) -> list[str]:
    """Log it straight into the data folder, through the same service as the app."""
    from companion.domain.activity import MorningLog  # noqa: PLC0415
    from companion.services.activity import ActivityService, from_message  # noqa: PLC0415

    service = ActivityService(store.db, store.clock)
    logged = from_message(message, store.clock.now())
    if not isinstance(logged, MorningLog):
        return list(service.log_activity(logged, "cli").notes)
    result = service.log_morning(logged)
    notes = list(result.notes)
    if result.alert is not None:  # said here; the app will not raise this run again
        service.settle(result.alert, "dismissed")
        notes.append(
            "If you have a fever or chills too, open Recovery Companion and answer the "
            "safety questions on its Today screen."
        )
    return notes


def _logged_words(message: dict[str, Any]) -> str:
    if message["kind"] == "sleep":
        parts = []
        if message.get("hours") is not None:
            parts.append(f"{message['hours']:g} hours of sleep")
        if message.get("prs") is not None:
            parts.append(f"feeling {message['prs']}/10 recovered")
        return "Logged " + " and ".join(parts) + "."
    words = {"run": "run", "leg_day": "leg day", "long_standing": "long shift", "other": "activity"}
    text = f"Logged a {words[message['kind']]}"
    if message.get("km"):
        text += f" of {message['km']:g} km"
    if message.get("minutes"):
        text += f" in {message['minutes']:g} min"
    if message.get("ago_min"):
        text += f", finished {message['ago_min']} min ago"
    return text + "."
