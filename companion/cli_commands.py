"""Every command of ``recovery-companion``: the full parser and what each command runs.

``companion.cli`` loads this only when the words name a command, ask for help or
are not a plain launch: starting the app reads its few options without it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from companion import APP_ID, APP_NAME, __version__
from companion.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, failed, start_app
from companion.domain.checkin import ROUTINE_MINUTES, SorenessType

if TYPE_CHECKING:
    from pathlib import Path

    from companion.domain.conditions import ReportedCondition
    from companion.domain.planner import Plan
    from companion.domain.preferences import Preferences
    from companion.domain.triage import TriageResult


def add_app_options(parser: argparse.ArgumentParser) -> None:
    """The options of the app itself, with no command."""
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
    # For benchmarks and smoke tests: start, paint the window once, print the moment it
    # was painted and quit. It works as ever but is not a user option, so --help hides it.
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)


PLAN_JSON_HELP = """\
With --json, one object: schema (1), made_at, hours_since_onset, soreness_type,
headline, concerns, triage {tier, headline, flags, restrictions, locked_legs,
locks_everything, requires_assessment, lock_until}, notes, therapies [one per
treatment: its status, why, reasons and protocol], routine {minutes, steps,
total_seconds, note}, active_recovery {allowed, minutes, modes, why},
water {litres, why} and stop_rules. The plan also follows what the app has
saved in the data folder: health conditions and any safety lock still running.
'recovery-companion questions' lists the ids --yes takes."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: body map, recovery plans, therapy timers and reminders "
        "for sore legs. With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    add_app_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="command")
    regions = commands.add_parser("regions", help="list the body-map regions")
    regions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    plan = commands.add_parser(
        "plan",
        help="print today's plan for the given sore regions, with no window",
        description="Print today's plan: the safety outcome, ice/heat/contrast/bath options "
        "with reasons and protocol numbers, active recovery and the water goal. Scores are "
        "0-10 soreness during each region's test movement.",
        epilog=PLAN_JSON_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    plan.add_argument(
        "--sore",
        metavar="REGION=N[,REGION=N...]",
        action="append",
        type=_sore_arg,
        required=True,
        help="sore regions and their 0-10 scores, e.g. quads_L=6,calves_R=3 "
        "(see 'recovery-companion regions' for the ids)",
    )
    plan.add_argument(
        "--hours-since",
        metavar="H",
        type=_hours_arg,
        required=True,
        help="hours since the activity ended (or since the injury)",
    )
    plan.add_argument(
        "--type",
        dest="soreness_type",
        choices=[t.value for t in SorenessType],
        default=SorenessType.DOMS.value,
        help="kind of soreness (default: doms)",
    )
    plan.add_argument(
        "--minutes", type=int, choices=ROUTINE_MINUTES, default=10, help="time for the routine"
    )
    plan.add_argument(
        "--condition",
        metavar="ID",
        action="append",
        type=_known_id("conditions"),
        default=[],
        help="a health condition that applies (repeatable), e.g. pregnancy, cold_sensitivity",
    )
    plan.add_argument(
        "--yes",
        metavar="QUESTION",
        action="append",
        type=_known_id("triage"),
        default=[],
        help="a safety question answered yes (repeatable), e.g. O5; "
        "'recovery-companion questions' lists the ids",
    )
    plan.add_argument("--json", action="store_true", help="print JSON instead of text")
    routines = commands.add_parser("routines", help="list the routines with their length and steps")
    routines.add_argument("--json", action="store_true", help="print JSON instead of text")
    start = commands.add_parser(
        "start",
        help="start a routine in the running app, or start the app with it",
        description="Open the guided player for ROUTINE_ID. If the app is already running "
        "on this data folder, it starts there; otherwise the app starts with it. The "
        "safety check's locks apply as they do in the window.",
    )
    start.add_argument(
        "routine_id",
        metavar="ROUTINE_ID",
        type=routine_id_arg,
        help="a routine id from 'recovery-companion routines' (yours start with 'mine-')",
    )
    from companion.cli_questions import add_parsers as add_question_parsers  # noqa: PLC0415

    add_question_parsers(commands)
    from companion.cli_reminders import add_parsers  # noqa: PLC0415

    add_parsers(commands)
    from companion.cli_activity import add_parsers as add_activity_parsers  # noqa: PLC0415

    add_activity_parsers(commands)
    from companion.cli_import import add_parsers as add_import_parsers  # noqa: PLC0415

    add_import_parsers(commands)
    from companion.cli_data import add_parsers as add_data_parsers  # noqa: PLC0415

    add_data_parsers(commands)
    from companion.cli_settings import add_parsers as add_settings_parsers  # noqa: PLC0415

    add_settings_parsers(commands)
    from companion.cli_readiness import add_parsers as add_readiness_parsers  # noqa: PLC0415

    add_readiness_parsers(commands)
    from companion.cli_return_to_run import add_parsers as add_return_parsers  # noqa: PLC0415

    add_return_parsers(commands)
    return parser


def run(words: Sequence[str]) -> int:
    """Parse ``words`` with every command's parser and run the command (with none: the
    app starts, as through ``gui_args``). The parser exits 2 with usage on a bad option;
    ``cli.main`` turns a folder problem, Ctrl-C and a closed pipe into exit codes."""
    args = build_parser().parse_args(list(words))

    def data_command(args: argparse.Namespace) -> int:
        from companion.cli_data import run  # noqa: PLC0415 - light: no storage

        return run(args)

    commands: dict[str, Callable[[], int]] = {
        "regions": lambda: cmd_regions(args.json, sys.stdout),
        "questions": lambda: _questions_command(args),
        "plan": lambda: cmd_plan(args, sys.stdout),
        "routines": lambda: cmd_routines(args.json, sys.stdout, args.data_dir),
        "log-water": lambda: _reminder_command(args),
        "pause": lambda: _reminder_command(args),
        "reminders": lambda: _reminder_command(args),
        "log-activity": lambda: _activity_command(args),
        "import-runs": lambda: _import_runs_command(args),
        "settings": lambda: _settings_command(args),
        "readiness": lambda: _readiness_command(args),
        "return-to-run": lambda: _return_to_run_command(args),
        "export": lambda: data_command(args),
        "import": lambda: data_command(args),
        "backup": lambda: data_command(args),
        "restore": lambda: data_command(args),
    }
    if args.command == "timer":
        from companion.cli_reminders import timer_request  # noqa: PLC0415

        args.timer = timer_request(args)  # exits with the reason if refused
    command = commands.get(args.command)
    return command() if command is not None else start_app(args)


def _reminder_command(args: argparse.Namespace) -> int:
    from companion import cli_reminders  # noqa: PLC0415
    from companion.paths import DataDirError  # noqa: PLC0415
    from companion.storage.database import DatabaseError  # noqa: PLC0415

    try:
        if args.command == "log-water":
            return cli_reminders.cmd_log_water(args.ml, args.data_dir, sys.stdout, sys.stderr)
        if args.command == "pause":
            return cli_reminders.cmd_pause(args.choice, args.data_dir, sys.stdout, sys.stderr)
        if getattr(args, "reminder_action", None):
            from companion.cli_reminder_edits import cmd_edit  # noqa: PLC0415

            return cmd_edit(args, sys.stdout, sys.stderr)
        return cli_reminders.cmd_reminders(args.json, args.data_dir, sys.stdout)
    except (DataDirError, DatabaseError) as exc:
        return failed(exc)


def _questions_command(args: argparse.Namespace) -> int:
    from companion.cli_questions import cmd_questions  # noqa: PLC0415

    return cmd_questions(args, sys.stdout, sys.stderr)


def _settings_command(args: argparse.Namespace) -> int:
    from companion.cli_settings import cmd_settings  # noqa: PLC0415

    return _with_data_folder(cmd_settings, args)


def _activity_command(args: argparse.Namespace) -> int:
    from companion.cli_activity import cmd_log_activity  # noqa: PLC0415

    return _with_data_folder(cmd_log_activity, args)


def _return_to_run_command(args: argparse.Namespace) -> int:
    from companion.cli_return_to_run import cmd_return_to_run  # noqa: PLC0415

    return _with_data_folder(cmd_return_to_run, args)


def _import_runs_command(args: argparse.Namespace) -> int:
    from companion.cli_import import cmd_import_runs  # noqa: PLC0415

    return _with_data_folder(cmd_import_runs, args)


def _readiness_command(args: argparse.Namespace) -> int:
    from companion.cli_readiness import cmd_readiness  # noqa: PLC0415

    return _with_data_folder(cmd_readiness, args)


def _with_data_folder(
    command: Callable[[argparse.Namespace, TextIO, TextIO], int], args: argparse.Namespace
) -> int:
    """Run a command that opens the data folder; a folder or database problem is one line."""
    from companion.paths import DataDirError  # noqa: PLC0415
    from companion.storage.database import DatabaseError  # noqa: PLC0415

    try:
        return command(args, sys.stdout, sys.stderr)
    except (DataDirError, DatabaseError) as exc:
        return failed(exc)


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


def cmd_routines(as_json: bool, out: TextIO, data_dir: str | None = None) -> int:
    from companion.domain.content import ContentError  # noqa: PLC0415
    from companion.resources import ResourceNotFoundError  # noqa: PLC0415
    from companion.storage.database import DatabaseError  # noqa: PLC0415

    try:
        catalog = _content("routines")
        mine = _stored_routines(data_dir)
    except (ContentError, ResourceNotFoundError, DatabaseError) as exc:
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    rows = [routine_to_dict(r) for r in [*mine, *catalog]]
    if as_json:
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    for n, row in enumerate(rows):
        if n:
            out.write("\n")
        minutes = row["seconds"] / 60
        steps = len(row["steps"])
        count = f"{steps} step" if steps == 1 else f"{steps} steps"
        out.write(f"{row['id']}  {row['name']}  ({minutes:.0f} min, {count})\n")
        out.write(f"  {row['description']}\n")
        for step in row["steps"]:
            side = "" if step["side"] == "both" else f", {step['side']}"
            out.write(f"  - {step['name']}{side}: {step['dose']}\n")
    return EXIT_OK


def routine_to_dict(routine: Any) -> dict[str, Any]:
    """A routine for ``routines --json``: its length as the player will run it."""
    from companion.domain.routine_builder import step_to_dict  # noqa: PLC0415

    return {
        "id": routine.id,
        "name": routine.name,
        "description": routine.description,
        "seconds": routine.seconds,
        "steps": [
            {
                **step_to_dict(step),
                "dose": step.describe_dose(),
                "total_seconds": step.total_s,
            }
            for step in routine.steps
        ],
    }


def _database_there(path: Path) -> bool:
    """Whether the app has a database at ``path``; a folder we cannot look in is said plainly."""
    from companion.paths import DataDirError  # noqa: PLC0415

    try:
        return path.is_file()
    except OSError as exc:  # a name too long, a folder on the way we may not enter
        raise DataDirError(
            f"Cannot use the data folder {path.parent}: {exc.strerror or exc}."
        ) from exc


def _stored_routines(data_dir: str | None) -> list[Any]:
    """The user's own routines from the app's database, if it has one (nothing is created)."""
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.paths import DATABASE_NAME, resolve_data_dir  # noqa: PLC0415
    from companion.services.routines import RoutineLibrary  # noqa: PLC0415
    from companion.storage.database import open_database  # noqa: PLC0415
    from companion.storage.user_routines import UserRoutineRepository  # noqa: PLC0415

    path = resolve_data_dir(data_dir) / DATABASE_NAME
    if not _database_there(path):
        return []
    db = open_database(path, SystemClock().now()).database
    try:
        repo = UserRoutineRepository(db)
        return RoutineLibrary(repo, _content("routines"), _content("exercises")).mine()
    finally:
        db.close()


def routine_id_arg(value: str) -> str:
    """A built-in routine id, or one of the user's ('mine-3'), checked by the app itself."""
    if re.fullmatch(r"mine-[0-9]+", value):
        return value
    return _known_id("routines")(value)


MAX_HOURS = 24 * 365


def _content(name: str) -> Any:
    from companion import resources  # noqa: PLC0415 - content loads only for commands using it

    return getattr(resources, f"load_{name}")()


def _sore_arg(value: str) -> dict[str, int]:
    """``quads_L=6,calves_R=3`` -> scores; argparse turns errors into usage + exit 2."""
    known = set(_content("regions").ids)
    scores: dict[str, int] = {}
    for item in value.split(","):
        region, sep, number = item.strip().partition("=")
        if not sep or not region:
            raise argparse.ArgumentTypeError(f"wants REGION=N pairs, got {item.strip()!r}")
        if region not in known:
            raise argparse.ArgumentTypeError(
                f"unknown region {region!r}; 'recovery-companion regions' lists the ids"
            )
        try:
            score = int(number)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{region}: soreness must be a whole number from 0 to 10, got {number!r}"
            ) from None
        if not 0 <= score <= 10:
            raise argparse.ArgumentTypeError(
                f"{region}: soreness must be from 0 to 10, got {score}"
            )
        if region in scores:
            raise argparse.ArgumentTypeError(f"{region} is given twice")
        scores[region] = score
    return scores


def _hours_arg(value: str) -> float:
    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of hours, got {value!r}") from None
    if not 0 <= hours <= MAX_HOURS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_HOURS} hours, got {value}")
    return hours


def _known_id(content: str) -> Callable[[str], str]:
    """An argparse type that accepts only ids the named content file defines."""

    def check(value: str) -> str:
        try:
            _content(content).get(value)
        except KeyError as exc:
            raise argparse.ArgumentTypeError(exc.args[0]) from None
        return value

    return check


def cmd_plan(args: argparse.Namespace, out: TextIO) -> int:
    from datetime import timedelta  # noqa: PLC0415

    from companion.domain.checkin import Cause, CheckIn, RegionReport  # noqa: PLC0415
    from companion.domain.clock import SystemClock  # noqa: PLC0415
    from companion.domain.conditions import ReportedCondition  # noqa: PLC0415
    from companion.domain.planner import make_plan, plan_to_dict  # noqa: PLC0415
    from companion.domain.triage import combine  # noqa: PLC0415
    from companion.resources import (  # noqa: PLC0415
        load_conditions,
        load_exercises,
        load_protocols,
        load_regions,
        load_triage,
    )
    from companion.storage.database import DatabaseError  # noqa: PLC0415

    regions = load_regions()
    scores: dict[str, int] = {}
    for group in args.sore:
        for region in group.keys() & scores.keys():
            print(f"{APP_ID} plan: error: {region} is given twice", file=sys.stderr)
            return EXIT_USAGE
        scores.update(group)
    now = SystemClock().now()
    kind = SorenessType(args.soreness_type)
    reports = tuple(
        RegionReport(rid, regions.get(rid).side, score, score) for rid, score in scores.items()
    )
    cause = {
        SorenessType.ACUTE: Cause.INJURY,
        SorenessType.STANDING: Cause.LONG_STANDING,
    }.get(kind, Cause.UNKNOWN)
    checkin = CheckIn(
        at=now,
        onset=now - timedelta(hours=args.hours_since),
        cause=cause,
        soreness_type=kind,
        regions=reports,
    )
    catalog = load_triage()
    answered = catalog.evaluate(dict.fromkeys(args.yes, True), checkin.legs, now)
    try:
        stored = _stored_state(args.data_dir)
    except DatabaseError as exc:
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    triage = combine([stored.triage, answered])
    known = {c.id for c in stored.conditions}
    extra = tuple(ReportedCondition(c) for c in args.condition if c not in known)
    protocols = load_protocols()
    plan = make_plan(
        checkin,
        triage=triage,
        conditions=stored.conditions + extra,
        catalog=load_conditions(),
        bounds=protocols,
        now=now,
        minutes=args.minutes,
        library=load_exercises(regions=regions),
        regions=regions,
        equipment=stored.preferences.equipment,
        water_litres=stored.preferences.water_goal_l(protocols),
    )
    if args.json:
        json.dump(plan_to_dict(plan), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(format_plan(plan, stored.emergency_number if plan.locked else ""))
    return EXIT_OK


class _Stored(NamedTuple):
    """What the app has saved that a plan is made under (nothing, with no database yet)."""

    conditions: tuple[ReportedCondition, ...]
    triage: TriageResult  # running locks and the latest check-in's standing restrictions
    preferences: Preferences
    emergency_number: str  # "" when none is set: the text plan then names the usual one


def _stored_state(data_dir: str | None) -> _Stored:
    """The saved conditions, the safety gate's running locks and the user's preferences
    (equipment, water goal, emergency number), as the Today screen uses them.

    Nothing is created: with no database yet, there is nothing stored.
    """
    from companion.cli_reminders import safety_gate  # noqa: PLC0415
    from companion.domain.preferences import Preferences  # noqa: PLC0415
    from companion.domain.triage import GREEN  # noqa: PLC0415
    from companion.paths import DATABASE_NAME, resolve_data_dir  # noqa: PLC0415

    if not _database_there(resolve_data_dir(data_dir) / DATABASE_NAME):
        return _Stored((), GREEN, Preferences(), "")
    with safety_gate(data_dir) as gate:
        if gate is None:
            return _Stored((), GREEN, Preferences(), "")
        preferences = gate.preferences()
        return _Stored(
            gate.conditions.all(),
            gate.plan_triage(),
            preferences,
            preferences.emergency_number,
        )


def format_plan(plan: Plan, emergency_number: str = "") -> str:
    """The plan as text for a terminal.

    A red plan is the emergency message alone: the headline, the reasons, the number to
    call (``emergency_number``; "" means the usual one where this computer is set up)
    and not to drive, and nothing else.
    """
    from companion.domain.therapy import Status, describe_protocol  # noqa: PLC0415

    triage = plan.triage
    if plan.locked:
        import os  # noqa: PLC0415

        from companion.domain.triage import emergency_number_for  # noqa: PLC0415

        if not emergency_number:  # the locale's country, as the app takes it from the system
            lang = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
            country = lang.split(".")[0].partition("_")[2]
            emergency_number = emergency_number_for(country)
        lines = [f"Safety check: RED. {triage.tier.headline}"]
        lines += [f"  {line}" for line in triage.explain()[1:]]
        lines.append(
            f"Call {emergency_number} now, or have someone take you to an emergency "
            "department. Do not drive yourself."
        )
        return "\n".join(lines) + "\n"
    lines = [f"Safety check: {triage.tier.value.upper()}. {plan.headline}"]
    lines += [f"  {concern}" for concern in plan.concerns]
    lines += [
        f"  {note}" for note in plan.notes if note not in (triage.tier.headline, plan.headline)
    ]
    lines += ["", "Ice, heat and water treatments:"]
    marks = {Status.SUGGESTED: "+", Status.ALLOWED: " ", Status.CAUTION: "!", Status.BLOCKED: "x"}
    for option in plan.therapies:
        status = option.status
        lines.append(f" {marks[status]} {option.therapy.label} ({status.value}): {option.why}")
        extra = option.reasons[1:] if status is Status.BLOCKED else option.reasons
        lines += [f"      {reason}" for reason in extra]
        if status.usable:
            lines.append(f"      {describe_protocol(option.therapy, option.protocol)}")
    lines += ["", f"Stretching and rolling (up to {plan.minutes} min):"]
    if plan.routine_note:
        lines.append(f"  {plan.routine_note}")
    for step in plan.routine:
        lines.append(f"  - {step.exercise.name} ({step.side}): {step.describe_dose()}")
        lines += [f"      ! {caution}" for caution in step.cautions]
    if plan.routine:
        lines.append(f"  About {round(plan.routine_seconds / 60)} min in all.")
    active = plan.active_recovery
    if active.allowed:
        modes = ", ".join(active.modes)
        lines.append(f"Active recovery: {active.minutes} min of {modes}. {active.why}")
    else:
        lines.append(f"Active recovery: {active.why}")
    if plan.water.litres is None:
        lines.append(f"Water: {plan.water.why}")
    else:
        lines.append(f"Water: {plan.water.litres:g} L today. {plan.water.why}")
    lines += ["", "Stop and recheck if you notice:"]
    lines += [f"  - {rule}" for rule in plan.stop_rules]
    lines += ["", "General self-care guidance, not medical advice."]
    return "\n".join(lines) + "\n"
