"""``reminders add``, ``reminders set`` and ``reminders remove``.

The options become one request (``companion.services.reminder_edits``): the running app
answers it over IPC when it runs on the data folder (its schedule follows at once), else
the request is applied to the database here. Either way the rule goes through the
editor's checks; a refusal is one line on stderr and exit code 1. No Qt here.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, TextIO

from companion import APP_ID

# Kind's values (domain/reminders/rules.py); a test keeps the two in step.
KINDS = ("hydration", "icing", "contrast", "routine", "custom")
KIND_WORDS = {"water": "hydration", "ice": "icing"}
DAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_SETS = {
    "all": tuple(range(7)),
    "every": tuple(range(7)),
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
}
EXIT_REFUSED = 1


def _kind(value: str) -> str:
    key = KIND_WORDS.get(value.strip().lower(), value.strip().lower())
    if key not in KINDS:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a kind of reminder; use {', '.join(KINDS)} (or water, ice)"
        )
    return key


def _times(value: str) -> list[str]:
    times = []
    for item in value.split(","):
        match = re.fullmatch(r"\s*([0-9]{1,2})[:.]([0-9]{2})\s*", item)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise argparse.ArgumentTypeError(f"{item.strip()!r} is not a time like 18:30")
        times.append(f"{int(match.group(1)):02d}:{match.group(2)}")
    return times


def _days(value: str) -> list[int]:
    key = value.strip().lower()
    if key in DAY_SETS:
        return list(DAY_SETS[key])
    days: list[int] = []
    for item in key.split(","):
        word = item.strip()[:3]
        if word not in DAY_WORDS:
            raise argparse.ArgumentTypeError(
                f"{item.strip()!r} is not a day; use mon,tue,... or all, weekdays, weekends"
            )
        days.append(DAY_WORDS.index(word))
    return sorted(set(days))


def _whole(low: int, what: str) -> Any:
    def check(value: str) -> int:
        try:
            number = int(value.strip().lower().removesuffix("ml").removesuffix("min").strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of {what}") from None
        if number < low:
            raise argparse.ArgumentTypeError(f"{what} must be {low} or more, not {number}")
        return number

    return check


def _region(value: str) -> str:
    from companion.resources import load_regions  # noqa: PLC0415

    groups = load_regions().group_labels()
    if value not in groups:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a region group; use one of {', '.join(groups)}"
        )
    return value


def _routine(value: str) -> str:
    from companion.cli_commands import routine_id_arg  # noqa: PLC0415

    return routine_id_arg(value)


def _rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the reminder's name (default: its kind)")
    parser.add_argument(
        "--every",
        metavar="MIN",
        type=_whole(1, "minutes"),
        dest="every_min",
        help="water, icing: minutes from one to the next, while you are awake",
    )
    parser.add_argument(
        "--amount",
        metavar="ML",
        type=_whole(1, "mL"),
        dest="amount_ml",
        help="water: how much each time, in mL (default 250)",
    )
    parser.add_argument(
        "--goal",
        metavar="ML",
        type=_whole(1, "mL"),
        dest="daily_goal_ml",
        help="water: the day's goal, in mL (default 2000)",
    )
    parser.add_argument(
        "--ice-min",
        metavar="MIN",
        type=_whole(1, "minutes"),
        dest="on_min",
        help="icing: minutes the ice stays on (default 15)",
    )
    parser.add_argument(
        "--region",
        type=_region,
        help="icing: the region group iced, e.g. calves ('recovery-companion regions')",
    )
    parser.add_argument(
        "--side",
        choices=("left", "right", "both"),
        help="icing a region with a left and a right: which leg",
    )
    parser.add_argument(
        "--hours",
        metavar="H",
        type=_whole(0, "hours"),
        help="icing: how many hours from now it runs (default 72; 0 for no end)",
    )
    parser.add_argument(
        "--at",
        metavar="HH:MM[,HH:MM...]",
        type=_times,
        dest="times",
        help="contrast, routine, custom: the times of day",
    )
    parser.add_argument(
        "--days",
        type=_days,
        dest="weekdays",
        help="contrast, routine, custom: mon,wed,fri, or all, weekdays, weekends (default all)",
    )
    parser.add_argument(
        "--routine",
        metavar="ROUTINE_ID",
        type=_routine,
        dest="routine_id",
        help="routine: the routine to start ('recovery-companion routines')",
    )
    parser.add_argument("--message", help="custom: what the reminder says")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="keep a setting outside the usual range (still inside the limits)",
    )


def add_edit_parsers(reminders: argparse.ArgumentParser) -> None:
    actions = reminders.add_subparsers(dest="reminder_action", metavar="action")
    add = actions.add_parser(
        "add",
        help="add a reminder, with the same checks as the window's editor",
        description="Add a reminder. Kinds: hydration (or water), icing (or ice), contrast, "
        "routine, custom. Limits from the protocols apply, as in the window: beyond one "
        "it is refused with the reason; outside the usual range it needs --yes.",
        epilog="Examples: 'reminders add water --every 90 --amount 250', "
        "'reminders add ice --region calves --side left --ice-min 15 --every 120', "
        "'reminders add routine --routine daily-legs --at 18:30 --days weekdays'.",
    )
    add.add_argument("kind", type=_kind, metavar="KIND", help=", ".join(KINDS))
    _rule_options(add)
    add.add_argument("--off", action="store_true", help="add it switched off")
    change = actions.add_parser(
        "set",
        help="change a reminder (the options given; the rest stays as it is)",
        description="Change reminder ID (the number 'recovery-companion reminders' shows): "
        "only the options given change. Switching one on checks its limits again.",
    )
    change.add_argument("id", type=int, metavar="ID")
    _rule_options(change)
    switch = change.add_mutually_exclusive_group()
    switch.add_argument("--on", action="store_true", help="switch it on")
    switch.add_argument("--off", action="store_true", help="switch it off")
    remove = actions.add_parser(
        "remove",
        help="remove a reminder (what it reminded you of stays in your history)",
    )
    remove.add_argument("id", type=int, metavar="ID")


FIELD_OPTIONS = (
    "title",
    "every_min",
    "amount_ml",
    "daily_goal_ml",
    "on_min",
    "region",
    "side",
    "hours",
    "times",
    "weekdays",
    "routine_id",
    "message",
)


def request(args: argparse.Namespace) -> dict[str, Any]:
    """The ``edit-reminder`` message the options make."""
    from companion.services.commands import Command, message  # noqa: PLC0415

    action = args.reminder_action
    fields: dict[str, Any] = {}
    if action != "remove":
        fields = {
            name: getattr(args, name) for name in FIELD_OPTIONS if getattr(args, name) is not None
        }
        if action == "add":
            fields["kind"] = args.kind
            fields["enabled"] = not args.off
        elif args.on or args.off:
            fields["enabled"] = bool(args.on)
    return message(
        Command.EDIT_REMINDER,
        action=action,
        id=getattr(args, "id", None),
        fields=fields,
        confirmed=bool(getattr(args, "yes", False)),
    )


def cmd_edit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.cli_reminders import via_app  # noqa: PLC0415

    sent = request(args)
    if args.reminder_action == "set" and not sent["fields"]:
        print(f"{APP_ID}: nothing to change; give an option such as --every or --off.", file=err)
        return EXIT_REFUSED
    reply = via_app(args.data_dir, sent, err)
    if isinstance(reply, int):  # the running app refused (said on err)
        return reply
    if not reply:  # no app running: the data folder directly
        reply = _apply_here(args.data_dir, sent)
        if not reply.get("ok"):
            from companion.cli import EXIT_READ_ONLY  # noqa: PLC0415

            print(f"{APP_ID}: {reply.get('error')}", file=err)
            return EXIT_READ_ONLY if reply.get("read_only") else EXIT_REFUSED
    print(reply.get("said", ""), file=out)
    return 0


def _apply_here(data_dir: str | None, sent: dict[str, Any]) -> dict[str, Any]:
    """The request applied to the data folder's database (no app is running on it)."""
    from companion.cli_reminders import Store  # noqa: PLC0415
    from companion.services.reminder_edits import run_request  # noqa: PLC0415
    from companion.services.reminders import ReminderService  # noqa: PLC0415
    from companion.storage.database import ReadOnlyDatabaseError  # noqa: PLC0415
    from companion.storage.preferences import PreferencesRepository  # noqa: PLC0415

    store = Store(data_dir)
    try:
        waking = PreferencesRepository(store.db).load().preferences.waking
        service = ReminderService(store.db, store.clock, waking=lambda: waking)
        return run_request(service, sent, service.save_rule, service.delete_rule)
    except ReadOnlyDatabaseError as exc:
        return {"ok": False, "error": str(exc), "read_only": True}
    finally:
        store.close()
