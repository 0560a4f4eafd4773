"""How closely a therapy timer keeps its phases to the real clock.

    python benchmarks/timer_accuracy.py [--preset 4-1x4] [--block-every 20]

Runs a contrast timer in the real timer window (offscreen) against the system
clock, in real time (the 4-1x4 preset is the longest the limits allow: 20
minutes). Every ``--block-every`` (17) seconds the UI thread is blocked on purpose
for 0.1 to 2 s. Reports:

- phase changes: how long after each true phase boundary the window showed
  the new phase (after a deliberate block the lateness is the block);
- countdown error: the shown value against deadline minus now when drawn;
- stored times: each phase's recorded time against its plan, and the end of
  the session against start plus the planned total.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMPANION_TTS_ENGINE", "none")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from companion.domain.clock import SystemClock
from companion.domain.therapy_timer import build_plan
from companion.resources import load_protocols, load_triage
from companion.ui.reminders.therapy_timer import TherapyTimerView


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="4-1x4")
    # Not a divisor of the phase lengths, so blocks fall at varied moments of a phase.
    parser.add_argument("--block-every", type=float, default=17.0)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    clock = SystemClock()
    plan = build_plan("contrast", {"preset": args.preset}, load_protocols())
    triage = load_triage()
    view = TherapyTimerView(plan, clock, [triage.get(q) for q in ("R1", "R2", "O1", "O5")])
    view.show()
    changes: list[tuple[int, datetime]] = []
    errors: list[float] = []
    original_render = view._render

    def render(now: datetime) -> None:
        original_render(now)
        timer = view.timer
        if timer is None or timer.phase is None:
            return
        if not changes or changes[-1][0] != timer.index:
            changes.append((timer.index, datetime.now().astimezone()))
        shown = view.countdown.text()
        minutes, seconds = shown.split(":")
        true_left = (timer.deadline() - datetime.now().astimezone()).total_seconds()
        errors.append(abs(int(minutes) * 60 + int(seconds) - math.ceil(true_left)))

    view._render = render  # type: ignore[method-assign]
    rng = random.Random(7)

    blocks: list[tuple[datetime, datetime]] = []

    def block() -> None:
        began = datetime.now().astimezone()
        time.sleep(rng.uniform(0.1, 2.0))
        blocks.append((began, datetime.now().astimezone()))

    blocker = QTimer()
    blocker.timeout.connect(block)
    blocker.start(int(args.block_every * 1000))
    done: list[bool] = []
    view.finished.connect(lambda _timer: done.append(True))
    view.start()
    start = view.timer.started_at if view.timer else datetime.now().astimezone()
    while not done:
        app.processEvents()
        time.sleep(0.002)
    timer = view.timer
    assert timer is not None
    assert timer.ended_at is not None
    boundaries = [start]
    for phase in plan.phases:
        boundaries.append(boundaries[-1] + timedelta(seconds=phase.seconds))

    def blocked(moment: datetime) -> bool:
        return any(began <= moment <= ended for began, ended in blocks)

    late = [
        (seen - boundaries[index]).total_seconds() * 1000
        for index, seen in changes
        if index > 0 and not blocked(boundaries[index])
    ]
    late_blocked = [
        (seen - boundaries[index]).total_seconds() * 1000
        for index, seen in changes
        if index > 0 and blocked(boundaries[index])
    ]
    worked = [abs(r.worked.total_seconds() - r.phase.seconds) * 1000 for r in timer.records]
    end_error = abs((timer.ended_at - boundaries[-1]).total_seconds()) * 1000
    print(f"contrast {args.preset}: {len(plan.phases)} phases, {plan.total_s / 60:g} min")
    for label, values in (("free", late), ("during a deliberate block", late_blocked)):
        if values:
            print(
                f"phase change shown after the true boundary, {label}: median "
                f"{statistics.median(values):.1f} ms, max {max(values):.1f} ms (n={len(values)})"
            )
    print(f"countdown shown vs deadline minus now: max {max(errors)} s off (n={len(errors)})")
    print(f"stored phase times vs plan: max {max(worked):.1f} ms; session end {end_error:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
