"""Command-line reminders: ``log-water``, ``pause`` and ``reminders``.

When the app runs on the data folder, the command goes over the single-
instance channel so the running app applies it (tray, popup and schedule stay
in step). When it does not, the command writes the same record to the
database itself: nothing is lost by the app being closed. No Qt here.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from companion import APP_ID
from companion.services.commands import Command, message

if TYPE_CHECKING:
    from companion.services.safety import SafetyGate

WATER_MIN_ML = 1
WATER_MAX_ML = 2000
PAUSES = {"30min": "30min", "30m": "30min", "1h": "1h", "morning": "morning", "tomorrow": "morning"}


def water_amount(value: str) -> int:
    match = re.fullmatch(r"\s*([0-9]+)\s*(ml|mL)?\s*", value)
    if not match:
        raise argparse.ArgumentTypeError(f"{value!r} is not an amount in mL, e.g. 250")
    ml = int(match.group(1))
    if not WATER_MIN_ML <= ml <= WATER_MAX_ML:
        raise argparse.ArgumentTypeError(
            f"{ml} mL is not an amount to log (1 to {WATER_MAX_ML} mL at a time)"
        )
    return ml


def pause_choice(value: str) -> str:
    key = value.strip().lower()
    if key in ("off", "resume", "0"):
        return "off"
    if key not in PAUSES:
        raise argparse.ArgumentTypeError(f"{value!r} is not a pause; use 30min, 1h, morning or off")
    return PAUSES[key]


def add_parsers(commands: Any) -> None:
    water = commands.add_parser(
        "log-water",
        help="log water you drank (in mL)",
        description="Log a drink. Goes to the running app if there is one, else straight "
        "into the data folder.",
    )
    water.add_argument("ml", type=water_amount, metavar="ML", help="how much, e.g. 250")
    pause = commands.add_parser(
        "pause",
        help="pause reminders: 30min, 1h, morning, or off to resume",
    )
    pause.add_argument("choice", type=pause_choice, metavar="WHEN")
    timer = commands.add_parser(
        "timer",
        help="start a therapy timer in the running app (or start the app with it)",
        description="Open a therapy timer: ice, contrast, cold-bath, warm-bath or heat. "
        "Settings beyond the protocol limits are refused, and so is a timer the safety "
        "check holds back (a standing lock, a health condition, too soon after the last "
        "session, or the day's most); the quick safety check comes first in the window.",
    )
    timer.add_argument("kind", choices=["ice", "contrast", "cold-bath", "warm-bath", "heat"])
    timer.add_argument("--minutes", type=float, help="ice, baths and heat: how long")
    timer.add_argument("--temp", type=float, dest="temp_c", help="baths: water temperature, °C")
    timer.add_argument("--intermittent", action="store_true", help="ice: 10 on, 10 off, 10 on")
    timer.add_argument("--preset", help="contrast: 3-1x3, 4-1x4, 3-2x3 or 1-1x3")
    timer.add_argument("--hot-min", type=float, help="contrast: minutes hot each round")
    timer.add_argument("--cold-min", type=float, help="contrast: minutes cold each round")
    timer.add_argument("--cycles", type=int, help="contrast: rounds, ending on cold")
    timer.add_argument("--hot", type=float, dest="hot_c", help="contrast: hot water, °C")
    timer.add_argument("--cold", type=float, dest="cold_c", help="contrast: cold water, °C")
    timer.add_argument(
        "--yes",
        action="store_true",
        help="start even though a setting is outside the usual range (inside the limits)",
    )
    reminders = commands.add_parser(
        "reminders",
        help="list your reminders, or add, change or remove one",
        description="With no action, list your reminders with their next times. 'add', "
        "'set' and 'remove' change them with the same checks as the window's editor; "
        "they go to the running app if there is one, else straight into the data folder.",
    )
    reminders.add_argument("--json", action="store_true", help="print JSON instead of text")
    from companion.cli_reminder_edits import add_edit_parsers  # noqa: PLC0415

    add_edit_parsers(reminders)


class Store:
    """The data folder's database, opened for one command."""

    def __init__(self, data_dir: str | None) -> None:
        from companion.domain.clock import SystemClock  # noqa: PLC0415
        from companion.localzone import local_zone  # noqa: PLC0415
        from companion.paths import prepare_data_dir, resolve_data_dir  # noqa: PLC0415
        from companion.storage.database import open_database  # noqa: PLC0415

        self.paths = prepare_data_dir(resolve_data_dir(data_dir))
        self.clock = SystemClock(local_zone())
        self.db = open_database(self.paths.database, self.clock.now()).database

    def close(self) -> None:
        self.db.close()


def via_app(data_dir: str | None, message: dict[str, Any], err: TextIO) -> dict[str, Any] | int:
    """The running app's reply; 1 when it refused (said on ``err``); {} when none runs."""
    from companion.ipc import InstanceError, send_to_running  # noqa: PLC0415
    from companion.paths import prepare_data_dir, resolve_data_dir  # noqa: PLC0415

    paths = prepare_data_dir(resolve_data_dir(data_dir))
    try:
        reply = send_to_running(paths.instance_key, message)
    except InstanceError as exc:  # an app that hangs or garbles, or a socket folder not ours
        print(f"{APP_ID}: {exc} Nothing was changed.", file=err)
        return 1
    if reply is None:
        return {}
    if not reply.get("ok"):
        from companion.cli import EXIT_READ_ONLY  # noqa: PLC0415

        print(f"{APP_ID}: {reply.get('error', 'the running app refused')}", file=err)
        return EXIT_READ_ONLY if reply.get("read_only") else 1
    return reply


def cmd_log_water(ml: int, data_dir: str | None, out: TextIO, err: TextIO) -> int:
    reply = via_app(data_dir, message(Command.LOG_WATER, ml=ml), err)
    if isinstance(reply, int):
        return reply
    if reply:
        print(f"Logged {ml} mL; {reply.get('today_ml', ml)} mL today.", file=out)
        return 0
    from companion.services.reminders import ReminderService  # noqa: PLC0415

    store = Store(data_dir)
    try:
        today = ReminderService(store.db, store.clock).log_water(ml, "cli")
    finally:
        store.close()
    print(f"Logged {ml} mL; {today} mL today.", file=out)
    return 0


def cmd_pause(choice: str, data_dir: str | None, out: TextIO, err: TextIO) -> int:
    reply = via_app(data_dir, message(Command.PAUSE, choice=choice), err)
    if isinstance(reply, int):
        return reply
    if reply:
        print(str(reply.get("status", "")), file=out)
        return 0
    from companion.services.pause import PauseService  # noqa: PLC0415

    store = Store(data_dir)
    try:
        paused = PauseService(store.db, store.clock)
        paused.pause(choice)  # "off" resumes
        status = paused.describe()
    finally:
        store.close()
    print(status, file=out)
    return 0


def cmd_reminders(as_json: bool, data_dir: str | None, out: TextIO) -> int:
    from companion.domain.reminders import WakingHours, next_fire  # noqa: PLC0415
    from companion.services.reminders import ReminderService  # noqa: PLC0415

    store = Store(data_dir)
    try:
        service = ReminderService(store.db, store.clock)
        rules = service.rules()
        paused = service.pause.state
        now = store.clock.now()
    finally:
        store.close()
    zone = now.tzinfo
    assert zone is not None
    waking = WakingHours()
    rows: list[dict[str, Any]] = []
    for rule in rules:
        when = next_fire(rule, now, zone, waking, paused.paused_until) if rule.enabled else None
        rows.append(
            {
                "id": rule.id,
                "kind": rule.kind.value,
                "title": rule.title,
                "enabled": rule.enabled,
                "schedule": rule.describe_schedule(),
                "next": when.isoformat() if when else None,
            }
        )
    if as_json:
        status = paused.describe(now)
        json.dump({"status": status, "reminders": rows}, out, indent=2)
        out.write("\n")
        return 0
    print(paused.describe(now), file=out)
    if not rows:
        print(
            "No reminders yet. Add one on the Reminders screen, or with 'reminders add'.", file=out
        )
    for row in rows:
        next_text = _when(row["next"], now) if row["enabled"] else "off"
        print(f"{row['id']:>3}  {row['title']}: {row['schedule']}; next {next_text}", file=out)
    return 0


def _when(text: str | None, now: datetime) -> str:
    if text is None:
        return "none to come"
    moment = datetime.fromisoformat(text)
    days = (moment.date() - now.date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"{moment:%a %d %b}"
    return f"{day} {moment:%H:%M}"


TIMER_OPTIONS = ("minutes", "temp_c", "preset", "hot_min", "cold_min", "cycles", "hot_c", "cold_c")


def timer_request(args: argparse.Namespace) -> dict[str, Any]:
    """The timer the command line asked for, checked before anything starts.

    A setting beyond a hard limit, or a "no" from the safety gate (a standing lock,
    a health condition, a gap or a daily cap), exits with the reason here, so a
    refused timer neither starts the app nor reaches the running one. A setting
    outside the usual range needs ``--yes``, as ``settings set`` does. The running
    app asks the gate again before it opens the timer.
    """
    from companion.resources import load_protocols  # noqa: PLC0415
    from companion.services.timers import TimerService  # noqa: PLC0415

    options: dict[str, Any] = {
        name: getattr(args, name) for name in TIMER_OPTIONS if getattr(args, name) is not None
    }
    if args.intermittent:
        options["intermittent"] = True
    with safety_gate(args.data_dir) as gate:
        timers = TimerService(load_protocols(), gate)
        ready = timers.ready(args.kind, options)
        if not ready.allowed:
            raise SystemExit(f"{APP_ID}: {timers.refusal(ready, datetime.now().astimezone())}")
    if ready.to_confirm and not getattr(args, "yes", False):
        question = " ".join(ready.to_confirm)
        raise SystemExit(f"{APP_ID}: not started: {question} Add --yes to start it anyway.")
    return {"kind": args.kind, "options": options, "confirmed": True}


@contextlib.contextmanager
def safety_gate(data_dir: str | None) -> Iterator[SafetyGate | None]:
    """The safety gate over the data folder's database, or None when there is none yet
    (nothing stored: no lock, condition or session to hold anything back)."""
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.localzone import local_zone  # noqa: PLC0415
    from companion.paths import DATABASE_NAME, resolve_data_dir  # noqa: PLC0415
    from companion.services.content import LazyContent  # noqa: PLC0415
    from companion.services.safety import SafetyGate  # noqa: PLC0415
    from companion.storage.database import open_database  # noqa: PLC0415

    path = resolve_data_dir(data_dir) / DATABASE_NAME
    if not path.exists() or path.stat().st_size == 0:
        yield None
        return
    clock = SystemClock(local_zone())
    db = open_database(path, clock.now()).database
    try:
        yield SafetyGate(db, LazyContent(), clock, country=locale_country())
    finally:
        db.close()


def locale_country() -> str:
    """The country of the user's locale ("GB" for en_GB.UTF-8), or "" when unknown."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        match = re.match(r"[a-z]{2,3}_([A-Z]{2})", value)
        if match:
            return match.group(1)
    return ""
