"""``recovery-companion return-to-run``: the pain-gated walk-run plan from the command line.

``status`` (the default) shows today's part and the steps; ``start``, ``log``,
``morning`` and ``stop`` change the plan through the same service as the
window (``companion.services.return_to_run``), the safety gate included. It
writes to the data folder directly; the window reads the plan afresh each time
its screen is shown. No Qt here.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from companion import APP_ID

if TYPE_CHECKING:
    from companion.services.return_to_run import ReturnToRunService, Status

SIGNS = {"sharp": "sharp", "limp": "limp", "swelling": "swelling", "night-pain": "night_pain"}


def _score(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number 0-10") from None
    if not 0 <= number <= 10:
        raise argparse.ArgumentTypeError(f"{number} is not 0-10")
    return number


def add_parsers(commands: Any) -> None:
    plan = commands.add_parser(
        "return-to-run",
        help="the walk-run plan for coming back to running after soreness or a strain",
        description="A walk-run plan that moves on only when the pain during the run stayed at "
        "3/10 or less and the next morning is back to how it usually is; it steps back one "
        "step when not, and keeps a rest day between sessions. General guidance, not "
        "medical advice.",
    )
    plan.add_argument("--json", action="store_true", help="status as JSON")
    actions = plan.add_subparsers(dest="rtr_action", metavar="action")
    actions.add_parser("status", help="today's session and the steps (the default)")
    start = actions.add_parser("start", help="start the plan at step 1")
    start.add_argument(
        "--baseline",
        type=_score,
        default=0,
        metavar="0-10",
        help="how much pain and stiffness your leg usually has in the morning (default 0)",
    )
    log = actions.add_parser("log", help="log today's session")
    log.add_argument(
        "--pain", type=_score, required=True, metavar="0-10", help="the pain during the run"
    )
    log.add_argument("--not-completed", action="store_true", help="the session was cut short")
    _signs(log)
    morning = actions.add_parser("morning", help="how your leg feels the morning after")
    morning.add_argument(
        "--pain", type=_score, required=True, metavar="0-10", help="pain and stiffness now"
    )
    _signs(morning)
    actions.add_parser("stop", help="stop the plan")


def _signs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sign",
        action="append",
        choices=sorted(SIGNS),
        default=[],
        help="a warning sign: sharp, limp, swelling or night-pain (stops the plan: get care)",
    )


def cmd_return_to_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.cli_reminders import Store, locale_country  # noqa: PLC0415
    from companion.domain.return_to_run import Sign  # noqa: PLC0415
    from companion.services.content import LazyContent  # noqa: PLC0415
    from companion.services.return_to_run import (  # noqa: PLC0415
        ReturnToRunError,
        ReturnToRunService,
    )
    from companion.services.safety import SafetyGate  # noqa: PLC0415

    store = Store(args.data_dir)
    try:
        gate = SafetyGate(store.db, LazyContent(), store.clock, country=locale_country())
        service = ReturnToRunService(store.db, store.clock, gate)
        action = args.rtr_action or "status"
        signs = [Sign(SIGNS[s]) for s in getattr(args, "sign", [])]
        try:
            if action == "start":
                print(service.start(args.baseline), file=out)
            elif action == "log":
                said = service.log_session(args.pain, completed=not args.not_completed, signs=signs)
                print(said, file=out)
            elif action == "morning":
                print(service.log_morning(args.pain, signs), file=out)
            elif action == "stop":
                print(service.stop(), file=out)
            else:
                return _status(service, args.json, out)
        except ReturnToRunError as exc:
            print(f"{APP_ID}: {exc}", file=err)
            return 1
        return 0
    finally:
        store.close()


def _status(service: ReturnToRunService, as_json: bool, out: TextIO) -> int:
    from companion.services.return_to_run import step_words  # noqa: PLC0415

    status = service.status()
    if as_json:
        print(json.dumps(status_dict(status), indent=2), file=out)
        return 0
    view = status.today
    if view is None:
        print(
            "No return-to-run plan yet. Start one with "
            f"'{APP_ID} return-to-run start --baseline N' (N: your usual morning pain and "
            "stiffness, 0-10).",
            file=out,
        )
    else:
        print(view.headline, file=out)
        if view.detail:
            print(view.detail, file=out)
        if view.blocked:
            print(view.blocked, file=out)
        print(f"When to stop: {view.care}", file=out)
        print("", file=out)
    current = view.step_number if view is not None else 0
    for n, step in enumerate(status.steps, start=1):
        mark = ">" if n == current else " "
        print(f"{mark} {step.title}: {step_words(step)}", file=out)
    return 0


def status_dict(status: Status) -> dict[str, Any]:
    view = status.today
    return {
        "started": status.plan is not None,
        "running": status.running,
        "stopped_for_care": bool(status.plan and status.plan.state.stopped_for_care),
        "today": None
        if view is None
        else {
            "kind": view.kind.value,
            "step": view.step.id,
            "step_number": view.step_number,
            "good_sessions": view.counted,
            "headline": view.headline,
            "detail": view.detail,
            "blocked": view.blocked,
            "care": view.care,
        },
        "sessions": [
            {
                "day": s.day.isoformat(),
                "step": s.step,
                "pain": s.pain,
                "completed": s.completed,
                "morning": s.morning,
                "signs": sorted(x.value for x in s.all_signs),
            }
            for s in status.sessions
        ],
        "steps": [
            {
                "id": s.id,
                "title": s.title,
                "minutes": s.minutes,
                "run_min": s.run_min,
                "walk_min": s.walk_min,
                "repeats": s.repeats,
                "continuous_min": s.continuous_min,
                "sessions": s.sessions,
            }
            for s in status.steps
        ],
    }
