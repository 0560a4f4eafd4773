"""How long the safety gate takes to answer, on five years of history.

    python benchmarks/safety_gate.py [--years 5] [--runs 200]

The gate is asked before every routine, each routine step, every timer and
each reminder as it falls due, and once per enabled reminder when the
Reminders screen is drawn. Each answer reads the state afresh (running locks,
the latest check-in, conditions, the last day's sessions, preferences), so
what it costs is the database work. This generates the history with
``benchmarks/history_data.py`` into a temporary data folder, builds the gate
with no Qt, and prints the median and slowest of ``--runs`` for each kind of
question. No targets: the figures go in the issue note.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import time as wall_time
from pathlib import Path
from types import ModuleType

from companion.domain.clock import SystemClock
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.therapy_timer import build_plan
from companion.localzone import local_zone
from companion.paths import prepare_data_dir
from companion.resources import load_routines
from companion.services.content import LazyContent
from companion.services.safety import SafetyGate
from companion.storage.database import open_database

HERE = Path(__file__).resolve().parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("history_data", HERE / "history_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["history_data"] = module
    spec.loader.exec_module(module)
    return module


def _time(call: Callable[[], object], runs: int) -> tuple[float, float]:
    call()  # content loads on first use; not what is measured
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), max(times)


def run(years: float = 5, runs: int = 200) -> dict[str, tuple[float, float]]:
    zone = local_zone()
    clock = SystemClock(zone)
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare_data_dir(Path(tmp) / "data")
        _generator().generate(paths.database, years=years, end=clock.now(), zone=zone)
        db = open_database(paths.database, clock.now()).database
        try:
            content = LazyContent()
            gate = SafetyGate(db, content, clock)
            steps = load_routines().get("calves_and_shins").steps
            plan = build_plan("ice", {}, content.protocols)
            water = ReminderRule(Kind.HYDRATION, "Water", id=1, every_min=90, amount_ml=250)
            icing = ReminderRule(Kind.ICING, "Ice", id=2, every_min=120, on_min=15)
            routine = ReminderRule(
                Kind.ROUTINE, "Stretch", id=3, times=(wall_time(18),), routine_id="x"
            )
            return {
                "state (read once)": _time(gate.state, runs),
                "timer: ice": _time(lambda: gate.timer(plan), runs),
                "routine (whole)": _time(lambda: gate.routine(steps), runs),
                "one step": _time(lambda: gate.step(steps[0]), runs),
                "reminder: water": _time(lambda: gate.reminder(water), runs),
                "reminder: icing": _time(lambda: gate.reminder(icing), runs),
                "reminder: routine": _time(lambda: gate.reminder(routine), runs),
            }
        finally:
            db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    results = run(args.years, args.runs)
    print(f"safety gate on {args.years:g} years of history, {args.runs} runs each")
    for name, (median, worst) in results.items():
        print(f"  {name:<20} median {median:6.2f} ms   slowest {worst:6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
