"""How long importing runs takes: a 1,000-file archive, imported into a fresh database.

    python benchmarks/import_runs.py [--files 1000] [--repeat 3] [--json]

It builds, in a temporary folder, a Garmin-style export (an outer ZIP holding an
inner ZIP) of FIT runs with GPS and heart rate (80 %), GPX tracks (10 %) and
treadmill TCX runs (10 %), one a day, each about an hour with a record a minute;
then times ``ActivityImportService.import_paths`` on it, from listing the archive to
the last activity stored. The target (issue 19) is at most 20 ms a file on the
machine it runs on. A second import of the same archive (every file "already
there") is timed too. The best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from companion.domain.clock import SystemClock
from companion.services.activity_import import ActivityImportService, Outcome
from companion.storage.database import open_database
from tests.helpers.activity_files import START, fit_run, gpx_run, tcx_run, zip_of

TARGET_MS = 20.0


def build_archive(folder: Path, files: int) -> Path:
    members = []
    for n in range(files):
        start = START - timedelta(days=n)
        if n % 10 == 8:
            members.append((f"{n}.gpx", gpx_run(start=start, minutes=60)))
        elif n % 10 == 9:
            members.append((f"{n}.tcx", tcx_run(start=start, minutes=60, gps=False)))
        else:
            members.append((f"{n}_ACTIVITY.fit", fit_run(start=start, records=60)))
    inner = zip_of(members)
    path = folder / "export.zip"
    path.write_bytes(zip_of([("DI_CONNECT/DI-Connect-Uploaded-Files/Part1.zip", inner)]))
    return path


def time_import(archive: Path, folder: Path, run: int) -> tuple[float, float, int]:
    clock = SystemClock()
    db = open_database(folder / f"bench{run}.db", clock.now()).database
    try:
        service = ActivityImportService(db, clock)
        began = time.perf_counter()
        first = service.import_paths([archive])
        fresh = time.perf_counter() - began
        began = time.perf_counter()
        again = service.import_paths([archive])
        repeat = time.perf_counter() - began
    finally:
        db.close()
    assert first.count(Outcome.IMPORTED) == first.total, first.summary()
    assert again.count(Outcome.ALREADY_THERE) == again.total, again.summary()
    return fresh, repeat, first.total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        archive = build_archive(folder, args.files)
        archive_mb = round(archive.stat().st_size / 1e6, 2)
        results = [time_import(archive, folder, n) for n in range(args.repeat)]
    fresh = min(r[0] for r in results)
    repeat = min(r[1] for r in results)
    files = results[0][2]
    row = {
        "files": files,
        "archive_mb": archive_mb,
        "import_ms_per_file": round(fresh * 1000 / files, 2),
        "again_ms_per_file": round(repeat * 1000 / files, 2),
        "target_ms_per_file": TARGET_MS,
    }
    if args.json:
        print(json.dumps(row))
    else:
        print(
            f"{files} files: {row['import_ms_per_file']} ms a file imported, "
            f"{row['again_ms_per_file']} ms a file already there "
            f"(target <= {TARGET_MS:g} ms a file)"
        )
    return 0 if fresh * 1000 / files <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
