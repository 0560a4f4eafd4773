"""Start-up time, idle memory and idle CPU of the app beside a bare PySide6 window.

    python benchmarks/startup.py [--runs 7] [--idle 20] [--cpu 60] [--platform offscreen|xcb|both]

For each platform (offscreen always; xcb under a private Xvfb when ``Xvfb``
is installed) it measures, for the app and for the floor
(benchmarks/bare_window.py, a bare window with a tray icon):

- start to first paint, warm: process launch until the window's first paint
  (the median of ``--runs`` launches after one discarded warm-up);
- resident memory after ``--idle`` seconds idle;
- CPU time and wake-ups (context switches, all threads) over ``--cpu`` seconds idle.

The app and the floor idle side by side, so the whole run takes about
``idle + cpu`` seconds per platform plus the launches. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Idle:
    rss_mb: float
    cpu_percent: float
    wakeups_per_s: float


def app_command(data_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "companion", "--data-dir", str(data_dir), *extra]


def bare_command(*extra: str) -> list[str]:
    return [sys.executable, str(HERE / "bare_window.py"), *extra]


def first_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"no first-paint line from {command}: {result.stdout!r} {result.stderr!r}")


def startup(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    first_paint(command, env)  # warm-up: caches, bytecode, a created database
    return [first_paint(command, env) for _ in range(runs)]


def _proc_stat(pid: int) -> tuple[int, dict[str, int]]:
    """(CPU ticks of the whole process, context switches per thread id).

    Per thread, so a thread that starts or ends during the window (Qt's thread
    pool lets idle workers go after 30 s) neither adds nor removes switches.
    """
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    switches: dict[str, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            lines = (task / "status").read_text().splitlines()
        except FileNotFoundError:
            continue  # the thread ended while we looked
        switches[task.name] = sum(
            int(line.split()[1])
            for line in lines
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"))
        )
    return ticks, switches


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def idle(command: list[str], env: dict[str, str], idle_s: float, cpu_s: float) -> Idle:
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not _painted(proc, command):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(
                    f"{command} did not start: {proc.stderr.read() if proc.stderr else ''}"
                )
            time.sleep(0.1)
        time.sleep(idle_s)
        rss = _rss_mb(proc.pid)
        ticks0, switches0 = _proc_stat(proc.pid)
        time.sleep(cpu_s)
        ticks1, switches1 = _proc_stat(proc.pid)
        woken = sum(switches1[t] - switches0[t] for t in switches0.keys() & switches1.keys())
        return Idle(rss, (ticks1 - ticks0) / CLK_TCK / cpu_s * 100, woken / cpu_s)
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


def _painted(proc: subprocess.Popen[str], command: list[str]) -> bool:
    if "bare_window.py" in command[1]:
        assert proc.stdout is not None
        return proc.stdout.readline().startswith("first-paint")
    # The app answers its single-instance channel once it is up.
    from companion.ipc import send_to_running  # noqa: PLC0415
    from companion.paths import AppPaths  # noqa: PLC0415

    data_dir = Path(command[command.index("--data-dir") + 1])
    return send_to_running(AppPaths(data_dir).instance_key, {"command": "ping"}) is not None


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if not shutil.which("Xvfb"):
        return None
    display = ":93"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        if time.monotonic() > deadline:
            proc.kill()
            return None
        time.sleep(0.05)
    return proc, display


def measure(platform: str, env: dict[str, str], args: argparse.Namespace) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        app_dir = Path(tmp) / "data"
        app_start = startup(app_command(app_dir, "--exit-after-paint"), env, args.runs)
        bare_start = startup(bare_command("--exit-after-paint"), env, args.runs)
        results: dict[str, Idle] = {}
        threads = [
            threading.Thread(
                target=lambda: results.__setitem__(
                    "app", idle(app_command(Path(tmp) / "idle"), env, args.idle, args.cpu)
                )
            ),
            threading.Thread(
                target=lambda: results.__setitem__(
                    "bare", idle(bare_command(), env, args.idle, args.cpu)
                )
            ),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    app_med, bare_med = statistics.median(app_start), statistics.median(bare_start)
    app, bare = results["app"], results["bare"]

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}x" if b else "n/a"

    start = (
        f"| {platform} | start to first paint, warm (median of {args.runs}) | {app_med:.3f} s "
        f"(min {min(app_start):.3f}) | {bare_med:.3f} s (min {min(bare_start):.3f}) | "
        f"{ratio(app_med, bare_med)} |"
    )
    memory = (
        f"| {platform} | resident memory after {args.idle:g} s idle | {app.rss_mb:.1f} MB | "
        f"{bare.rss_mb:.1f} MB | {ratio(app.rss_mb, bare.rss_mb)} |"
    )
    cpu = (
        f"| {platform} | CPU over {args.cpu:g} s idle | {app.cpu_percent:.2f} % | "
        f"{bare.cpu_percent:.2f} % | |"
    )
    wakeups = (
        f"| {platform} | wake-ups per second idle (context switches, all threads) | "
        f"{app.wakeups_per_s:.2f} | {bare.wakeups_per_s:.2f} | |"
    )
    return [start, memory, cpu, wakeups]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle", type=float, default=20.0)
    parser.add_argument("--cpu", type=float, default=60.0)
    parser.add_argument("--platform", choices=["offscreen", "xcb", "both"], default="both")
    args = parser.parse_args()
    rows = [
        "| platform | measure | app | bare window + tray (floor) | app / floor |",
        "|---|---|---|---|---|",
    ]
    base_env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if args.platform in ("offscreen", "both"):
        rows += measure("offscreen", {**base_env, "QT_QPA_PLATFORM": "offscreen"}, args)
    if args.platform in ("xcb", "both"):
        xvfb = start_xvfb()
        if xvfb is None:
            rows.append("| xcb | (Xvfb not installed: skipped) | | | |")
        else:
            proc, display = xvfb
            try:
                rows += measure(
                    "xcb (Xvfb)", {**base_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}, args
                )
            finally:
                proc.terminate()
                proc.wait()
    system = os.uname()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {system.sysname} {system.release}"
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
