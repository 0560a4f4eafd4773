"""Body-map hit-testing and hover repaint, and saving a check-in.

    python benchmarks/bodymap_checkin.py [--size 520x560] [--repeats 2000]

- hit test: ``BodyMapView.spot_at`` for random points over the map;
- hover repaint: moving the pointer from one region to another and painting
  the whole map synchronously (what a user sees on each hover change);
- check-in save: one check-in with six regions and its safety answers,
  written in one transaction to a real SQLite file (WAL, synchronous=NORMAL).

Runs offscreen unless QT_QPA_PLATFORM says otherwise. Prints medians and 95th
percentiles. benchmarks/suite.py calls ``map_samples`` and sets the repaint
beside a bare widget's (benchmarks/bare_window.py, ``repaint_times``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.clock import SystemClock
from companion.domain.regions import Side
from companion.resources import load_regions, load_triage
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database
from companion.ui.today.body_map import BodyMapView, Spot


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def row(name: str, samples: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1_000_000
    med = statistics.median(samples) * scale
    p95 = percentile(samples, 0.95) * scale
    return f"| {name} | {med:.3f} {unit} | {p95:.3f} {unit} | {len(samples)} |"


def map_samples(width: int = 520, height: int = 560, repeats: int = 2000) -> dict[str, list[float]]:
    """Seconds per hit test and per hover change with a full repaint."""
    QApplication.instance() or QApplication(sys.argv[:1])
    view = BodyMapView(load_regions())
    view.resize(width, height)
    view.show()
    QApplication.processEvents()
    rng = random.Random(7)
    points = [QPointF(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(repeats)]
    hits: list[float] = []
    for point in points:
        start = time.perf_counter()
        view.spot_at(point)
        hits.append(time.perf_counter() - start)
    spots = [Spot(rid, v) for v in ("front", "back") for rid in view._shapes[v].regions]
    repaints: list[float] = []
    for i in range(min(repeats, 400)):
        spot = spots[i % len(spots)]
        start = time.perf_counter()
        view._hovered = view.spot_at(view.centre(spot))
        view.repaint()  # synchronous: the full cost of a hover change
        repaints.append(time.perf_counter() - start)
    view.close()
    return {"hits": hits, "repaints": repaints}


def bench_map(width: int, height: int, repeats: int) -> list[str]:
    samples = map_samples(width, height, repeats)
    return [
        row("hit test (one pointer position)", samples["hits"], "µs"),
        row("hover change + full repaint", samples["repaints"]),
    ]


def bench_save(repeats: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        clock = SystemClock()
        db = open_database(Path(tmp) / "companion.db", clock.now()).database
        repo = CheckInRepository(db)
        triage = load_triage()
        regions = (
            RegionReport("quads_L", Side.LEFT, 2, 5),
            RegionReport("quads_R", Side.RIGHT, 1, 4),
            RegionReport("calves_L", Side.LEFT, 3, 6),
            RegionReport("calves_R", Side.RIGHT, 2, 5),
            RegionReport("hamstrings_L", Side.LEFT, 1, 3),
            RegionReport("glutes_R", Side.RIGHT, 2, 2),
        )
        answers = {q.id: False for q in triage.questions}
        saves: list[float] = []
        start_day = clock.now()
        for i in range(repeats):
            at = start_day + timedelta(days=i // 3)  # three edits a day, a new day every third
            checkin = CheckIn(
                at=at,
                onset=at - timedelta(hours=30),
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=regions,
                triage_answers=answers,
            )
            result = triage.evaluate(answers, checkin.legs, at)
            start = time.perf_counter()
            repo.save(checkin, result)
            saves.append(time.perf_counter() - start)
        db.close()
    return [row("check-in save (6 regions, 27 answers, 1 transaction)", saves)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="520x560")
    parser.add_argument("--repeats", type=int, default=2000)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    QApplication(sys.argv[:1])
    rows = ["| measure | median | p95 | samples |", "|---|---|---|---|"]
    rows += bench_map(width, height, args.repeats)
    rows += bench_save(min(args.repeats, 600))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, map {width}x{height}")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
