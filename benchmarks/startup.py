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

"Warm" means the operating system's file cache and Python's bytecode cache
are filled, as for an installed app (pip and PyInstaller compile it): the
children run with bytecode writing on (``PYTHONDONTWRITEBYTECODE`` removed)
and their caches kept under one folder in the temporary directory
(``PYTHONPYCACHEPREFIX``), so the checkout is not touched, and one discarded
launch fills them. benchmarks/suite.py runs these measurements with the rest.
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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
PYCACHE = Path(tempfile.gettempdir()) / "recovery-companion-bench-pycache"


@dataclass
class Idle:
    rss_mb: float
    cpu_percent: float
    wakeups_per_s: float
    threads: dict[str, float] = field(default_factory=dict)  # wake-ups/s by thread name


def warm_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a warm start: bytecode written once and read back (see the docstring)."""
    warm = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return warm


# What the installed launcher runs (``recovery-companion``, the .desktop file's Exec):
# pip's gui-script imports companion.cli and calls main(), with no runpy (``-m``) on top.
LAUNCHER = "import sys\nfrom companion.cli import main\nsys.exit(main())"


def app_command(data_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", LAUNCHER, "--data-dir", str(data_dir), *extra]


RETURNING_USER = (
    "import sys\n"
    "from datetime import UTC, datetime\n"
    "from pathlib import Path\n"
    "from companion.storage.database import open_database\n"
    "from companion.storage.settings import SettingsRepository\n"
    "folder = Path(sys.argv[1])\n"
    "folder.mkdir(parents=True, exist_ok=True)\n"
    "db = open_database(folder / 'companion.db', datetime.now(UTC)).database\n"
    "SettingsRepository(db).set('welcome.state', 'skipped', datetime.now(UTC))\n"
    "db.close()\n"
)


def returning_user(data_dir: Path, env: dict[str, str], cwd: Path | None = None) -> Path:
    """A data folder past the first start (its welcome answered), as the app sits idle
    every day after the first: the idle figures measure that, not the welcome dialog."""
    subprocess.run(
        [sys.executable, "-c", RETURNING_USER, str(data_dir)], env=env, cwd=cwd, check=True
    )
    return data_dir


def bare_command(*extra: str) -> list[str]:
    return [sys.executable, str(HERE / "bare_window.py"), *extra]


def first_paint(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    started = time.time()
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=60, check=True
    )
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"no first-paint line from {command}: {result.stdout!r} {result.stderr!r}")


def startup(
    command: list[str], env: dict[str, str], runs: int, cwd: Path | None = None
) -> list[float]:
    first_paint(command, env, cwd)  # warm-up: caches, bytecode, a created database
    return [first_paint(command, env, cwd) for _ in range(runs)]


@dataclass
class _Sample:
    ticks: int  # utime + stime of the whole process, threads that ended included
    switches: dict[str, int]  # context switches per thread id
    cpu_ns: dict[str, int]  # time on a CPU per thread id (schedstat, nanoseconds)
    names: dict[str, str]  # thread id -> name


def _proc_stat(pid: int) -> _Sample:
    """CPU time and context switches, per thread and in all.

    Per thread, so a thread that starts or ends during the window (Qt's thread
    pool lets idle workers go after 30 s) neither adds nor removes switches.
    """
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    sample = _Sample(int(fields[11]) + int(fields[12]), {}, {}, {})
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            lines = (task / "status").read_text().splitlines()
            on_cpu = int((task / "schedstat").read_text().split()[0])
            name = (task / "comm").read_text().strip()
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread ended while we looked
        sample.switches[task.name] = sum(
            int(line.split()[1])
            for line in lines
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"))
        )
        sample.cpu_ns[task.name] = on_cpu
        sample.names[task.name] = name
    return sample


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def idle(
    command: list[str],
    env: dict[str, str],
    idle_s: float,
    cpu_s: float,
    cwd: Path | None = None,
) -> Idle:
    """Resident memory ``idle_s`` after the first paint, then CPU and wake-ups over ``cpu_s``.

    CPU is the larger of two readings: the whole process's clock ticks (which keep the
    time of threads that ended, at 10 ms resolution) and the nanoseconds each thread
    alive at both ends spent on a CPU.
    """
    proc = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
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
        before = _proc_stat(proc.pid)
        time.sleep(cpu_s)
        after = _proc_stat(proc.pid)
        both = before.switches.keys() & after.switches.keys()
        woken = sum(after.switches[t] - before.switches[t] for t in both)
        by_name: dict[str, float] = {}
        for t in both:
            name = after.names[t]
            by_name[name] = by_name.get(name, 0) + (after.switches[t] - before.switches[t]) / cpu_s
        ticks_s = (after.ticks - before.ticks) / CLK_TCK
        ns_s = sum(after.cpu_ns[t] - before.cpu_ns[t] for t in both) / 1e9
        cpu = max(ticks_s, ns_s) / cpu_s * 100
        return Idle(rss, cpu, woken / cpu_s, {k: v for k, v in by_name.items() if v})
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


def start_xvfb(size: str = "1280x800x24") -> tuple[subprocess.Popen[bytes], str] | None:
    """A private Xvfb on a display number it picks itself (``-displayfd``), or None."""
    if not shutil.which("Xvfb"):
        return None
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_fd,),
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        proc.kill()
        proc.wait()
        return None
    return proc, f":{number}"


def measure(platform: str, env: dict[str, str], args: argparse.Namespace) -> list[str]:
    env = warm_env(env)
    with tempfile.TemporaryDirectory() as tmp:
        app_dir = Path(tmp) / "data"
        app_start = startup(app_command(app_dir, "--exit-after-paint"), env, args.runs)
        bare_start = startup(bare_command("--exit-after-paint"), env, args.runs)
        results: dict[str, Idle] = {}
        threads = [
            threading.Thread(
                target=lambda: results.__setitem__(
                    "app",
                    idle(
                        app_command(returning_user(Path(tmp) / "idle", env)),
                        env,
                        args.idle,
                        args.cpu,
                    ),
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
