"""Resident memory at idle of several checkouts side by side, interleaved, on one display.

    python benchmarks/compare_idle.py ROOT [ROOT ...] [--floor] [--runs 3] [--idle 8]
                                      [--platform auto|xcb|offscreen]

Each ROOT is a checkout (this one, a ``git worktree add /tmp/before <commit>``, a
``git archive`` unpacked): its app is started on a fresh data folder past the first
start (the welcome answered), as the suite's idle row starts it, and VmRSS is read
``--idle`` seconds after it answered its single-instance channel. ``--floor`` adds
the bare window with a tray (benchmarks/bare_window.py).

Why interleaved: one app's idle memory moves by a few tenths of a megabyte from
launch to launch and from one Xvfb to the next, which is as much as one change is
worth. Run 1 of every root, then run 2 of every root, and so on, on the same
display, each with its own bytecode cache written once before (as an installed
app has): then a difference between two roots is the code's, not the machine's.
The lowest of the runs is the figure to compare; the suite's idle row is the one
to record (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import startup  # noqa: E402 - the benchmarks folder is not a package
import suite  # noqa: E402

FLOOR = "floor"


def idle_rss(command: list[str], env: dict[str, str], cwd: Path | None, idle_s: float) -> float:
    """VmRSS in MB ``idle_s`` after ``command`` painted (answered its channel)."""
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not startup._painted(proc, command):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{command} did not start in {cwd}")
            time.sleep(0.1)
        time.sleep(idle_s)
        return startup._rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def compare(
    roots: list[str], runs: int, idle_s: float, env: dict[str, str]
) -> dict[str, list[float]]:
    warm = startup.warm_env(env)
    found: dict[str, list[float]] = {root: [] for root in roots}
    with tempfile.TemporaryDirectory(prefix="companion-compare-") as tmp:
        for run in range(runs + 1):  # run 0 writes each root's bytecode and is not kept
            for i, root in enumerate(roots):
                if root == FLOOR:
                    rss = idle_rss(startup.bare_command(), warm, None, idle_s)
                else:
                    folder = Path(tmp) / f"{i}-{run}"
                    cwd = Path(root)
                    startup.returning_user(folder, warm, cwd)
                    rss = idle_rss(startup.app_command(folder), warm, cwd, idle_s)
                if run:
                    found[root].append(rss)
                    print(f"run {run} {root}: {rss:.1f} MB", flush=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="+", type=Path, help="checkouts to compare")
    parser.add_argument("--floor", action="store_true", help="add the bare window with a tray")
    parser.add_argument("--runs", type=int, default=3, help="kept runs of each (3)")
    parser.add_argument("--idle", type=float, default=8.0, help="seconds idle before reading")
    parser.add_argument("--platform", choices=["auto", "xcb", "offscreen"], default="auto")
    args = parser.parse_args(argv)
    roots = [str(root.resolve()) for root in args.roots]
    missing = [root for root in roots if not (Path(root) / "companion").is_dir()]
    if missing:
        parser.error(f"not a checkout (no companion/ in it): {', '.join(missing)}")
    if args.floor:
        roots.append(FLOOR)
    with suite.display(args.platform) as shown:
        print(f"Display: {shown.description}")
        found = compare(roots, args.runs, args.idle, shown.env)
    print()
    print(f"| checkout | runs (MB, {args.idle:g} s idle) | lowest | median |")
    print("|---|---|---:|---:|")
    for root, values in found.items():
        runs = " ".join(f"{v:.1f}" for v in values)
        print(f"| {root} | {runs} | {min(values):.1f} | {statistics.median(values):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
