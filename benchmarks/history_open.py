"""How fast the History screen opens and changes range on five years of data.

    python benchmarks/history_open.py [--years 5] [--dense] [--runs 7]

Generates the history with ``benchmarks/history_data.py`` into a temporary
data folder (``--dense`` rates all 25 regions every day: the most check-in
rows the schema holds), starts the real app window offscreen on it, and times:

- open: from asking for the History section (the page is built on first use)
  until the page has painted, the first time, in a fresh app each run;
- range: switching the period (2 weeks, 30 days, 3 months, 1 year, All) until
  the page has painted again, from each period to each other one (``--all-changes``
  prints all 20; the summary names the slowest);
- region: switching the charted region, and the "since the activity" axis.

The promise (issue 6): open in 200 ms or less; issue 18: every range change
within 200 ms on five years. "Painted" is when the event-loop pass that painted
the page has returned, so every chart's paint is inside the time. Prints medians
and the slowest of ``--runs``. benchmarks/suite.py calls ``run``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMPANION_TTS_ENGINE", "none")
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from companion.app import CompanionApp, _make_qapp
from companion.domain.clock import SystemClock
from companion.localzone import local_zone
from companion.paths import prepare_data_dir
from companion.storage.database import open_database

HERE = Path(__file__).resolve().parent
TARGET_MS = 200  # issue 18: a range change on five years of data


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("history_data", HERE / "history_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["history_data"] = module
    spec.loader.exec_module(module)
    return module


class PaintWatch(QObject):
    """Notes the moment a widget (or anything inside it) paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def until_painted(app: QApplication, widget: QWidget, start: float) -> float:
    """Milliseconds from ``start`` until the page has painted: until the event-loop pass
    in which its first paint arrived has returned (Qt paints the whole window in that
    pass, so the time includes every chart's paint, not only the first widget's)."""
    watch = PaintWatch()
    targets = [widget, *widget.findChildren(QWidget)]
    for target in targets:
        target.installEventFilter(watch)
    deadline = time.perf_counter() + 10
    while watch.painted_at is None and time.perf_counter() < deadline:
        app.processEvents()
    done = time.perf_counter()
    for target in targets:
        target.removeEventFilter(watch)
    if watch.painted_at is None:
        raise RuntimeError("the page never painted")
    return (done - start) * 1000


def run(years: float = 5, dense: bool = False, runs: int = 7) -> dict[str, Any]:
    """Generate the history, then time ``runs`` fresh opens; milliseconds."""
    app = _make_qapp()
    zone = local_zone()
    clock = SystemClock(zone)
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare_data_dir(Path(tmp) / "data")
        began = time.perf_counter()
        counts = _generator().generate(
            paths.database, years=years, end=clock.now(), zone=zone, dense=dense
        )
        made_s = time.perf_counter() - began
        size_mb = paths.database.stat().st_size / 1e6
        opens: list[float] = []
        ranges: dict[str, list[float]] = {}
        changes: dict[str, list[float]] = {}
        others: dict[str, list[float]] = {"region": [], "since the activity": []}
        for _run in range(runs):
            db = open_database(paths.database, clock.now()).database
            companion = CompanionApp(app, paths, db, clock, has_tray=False)
            window = companion.window
            window.resize(1280, 820)
            window.show()
            for _ in range(20):
                app.processEvents()
            start = time.perf_counter()
            window.show_section("history")
            page = window.page("history")
            opens.append(until_painted(app, page, start))
            box = page.range_box  # type: ignore[attr-defined]
            # Every range change: from each period to each other one (the page opens on
            # 30 days), each timed until the page has painted again.
            order = [(a, b) for a in range(box.count()) for b in range(box.count()) if a != b]
            for before, after in order:
                if box.currentIndex() != before:
                    box.setCurrentIndex(before)
                    until_painted(app, page, time.perf_counter())
                start = time.perf_counter()
                box.setCurrentIndex(after)
                took = until_painted(app, page, start)
                ranges.setdefault(box.itemText(after), []).append(took)
                changes.setdefault(f"{box.itemText(before)} -> {box.itemText(after)}", []).append(
                    took
                )
            box.setCurrentIndex(1)
            until_painted(app, page, time.perf_counter())
            regions = page.region_box  # type: ignore[attr-defined]
            if regions.count() > 1:
                start = time.perf_counter()
                regions.setCurrentIndex(1)
                others["region"].append(until_painted(app, page, start))
            start = time.perf_counter()
            page.by_hours.click()  # type: ignore[attr-defined]
            others["since the activity"].append(until_painted(app, page, start))
            companion.shutdown()
            window.allow_close = True
            window.close()
            window.deleteLater()
            companion.deleteLater()
            app.processEvents()
    return {
        "counts": counts,
        "size_mb": size_mb,
        "made_s": made_s,
        "opens": opens,
        "ranges": ranges,
        "changes": changes,
        "others": {name: values for name, values in others.items() if values},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--dense", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--all-changes", action="store_true", help="print every range change")
    args = parser.parse_args(argv)
    result = run(args.years, args.dense, args.runs)
    counts = result["counts"]
    print(
        f"data: {args.years:g} years{' (dense)' if args.dense else ''}, "
        f"{counts['checkin_regions']:,} soreness rows, {counts['water_log']:,} drinks, "
        f"{counts['routine_runs']:,} routine runs, {counts['therapy_sessions']:,} therapy "
        f"sessions, {counts['activities']:,} activities; "
        f"{result['size_mb']:.1f} MB, made in {result['made_s']:.1f} s"
    )

    def line(name: str, values: list[float]) -> str:
        return (
            f"  {name:<22} median {statistics.median(values):6.1f} ms   "
            f"slowest {max(values):6.1f} ms   (n={len(values)})"
        )

    print("History screen, offscreen, time until painted:")
    print(line("open (30 days)", result["opens"]))
    for name, values in result["ranges"].items():
        print(line(f"range -> {name}", values))
    for name, values in result["others"].items():
        print(line(name, values))
    changes = result["changes"]
    worst = max(changes, key=lambda k: statistics.median(changes[k]))
    slowest = max(max(v) for v in changes.values())
    print(
        f"every range change ({len(changes)} of them): slowest median "
        f"{statistics.median(changes[worst]):.1f} ms ({worst}), slowest single {slowest:.1f} ms; "
        f"target {TARGET_MS} ms"
    )
    if args.all_changes:
        for name, values in changes.items():
            print(line(name, values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
