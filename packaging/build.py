"""Build the one-folder bundle with PyInstaller, then smoke-test it.

    python packaging/build.py                 # build into build/ and dist/, then smoke-test
    python packaging/build.py --smoke-only    # smoke-test the bundle already in dist/
    python packaging/build.py --dist /tmp/rc  # build (and test) somewhere else

Run it with the Python of an environment where the app is installed
(``pip install -e .``): PyInstaller freezes what that environment imports, and
is installed into it first if it is missing.

The smoke test starts the built program, never this checkout:

1. ``--version`` and ``routines --json`` (the content files load from the bundle), and
   ``import-runs`` on a small GPX (the activity-file libraries load from it);
2. ``--exit-after-paint`` with a fresh data folder: the window paints, the
   program exits 0;
3. a normal start with a fresh data folder: the single-instance channel answers
   (same helper as the command line, ``companion.ipc.send_to_running``); a
   routine starts, so the player loads Qt Multimedia and Qt TextToSpeech (the
   ``mock`` engine); on Linux ``/proc/<pid>/maps`` shows those libraries and
   plugins mapped from inside the bundle, and nothing from this environment;
   where ``pulseaudio`` and ``parec`` exist, a private null sink shows that the
   cues make sound; then the scripted ``quit`` command, and exit code 0.

Every run must leave stderr empty but for the few lines in ``BENIGN_STDERR``.
Qt runs offscreen unless a screen is there (``DISPLAY`` or ``WAYLAND_DISPLAY``)
or ``--offscreen`` is given. Exits non-zero, saying why, on any failure.
"""

from __future__ import annotations

import argparse
import array
import contextlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPEC = HERE / "recovery-companion.spec"
PYINSTALLER = "pyinstaller>=6.22,<7"

sys.path.insert(0, str(REPO))
from companion import APP_ID, __version__  # noqa: E402 - after the path is set up

# Lines a healthy run may print on stderr; anything else fails the smoke test.
BENIGN_STDERR = [
    # The offscreen platform cannot raise windows or pass size hints to a window manager.
    r"This plugin does not support raise\(\)",
    r"This plugin does not support propagateSizeHints\(\)",
    # No sound server on a build machine: the player is silent there, as designed.
    r"PulseAudioService: pa_context_connect\(\) failed",
    # The spec leaves out the FFmpeg media backend on purpose; the cues need only these.
    (
        r"No QtMultimedia backends found\. Only QMediaDevices, QAudioDevice, QSoundEffect, "
        r"QAudioSink, and QAudioSource are available\."
    ),
]
START_TIMEOUT_S = 60.0
EXIT_TIMEOUT_S = 30.0
SOUND_TIMEOUT_S = 10.0
SOUND_THRESHOLD = 200  # of 32767; a null sink adds no noise, so silence reads 0


class SmokeError(Exception):
    """The build or its smoke test failed; the message says how."""


@dataclass
class Report:
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def time(self, name: str, seconds: float) -> None:
        self.timings[name] = seconds
        print(f"build.py: {name}: {seconds:.1f} s", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"build.py: {text}", flush=True)


# -- building ----------------------------------------------------------------------------------


def ensure_pyinstaller() -> str:
    if importlib.util.find_spec("PyInstaller") is None:
        print(f"build.py: installing {PYINSTALLER} into {sys.prefix}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", PYINSTALLER], check=True)
    return importlib.metadata.version("pyinstaller")


def check_environment() -> None:
    missing = [m for m in ("PySide6", "sqlite_utils", "apscheduler", "platformdirs")
               if importlib.util.find_spec(m) is None]  # fmt: skip
    if missing:
        raise SmokeError(
            f"{', '.join(missing)} cannot be imported by {sys.executable}. Run this script "
            "with the Python of an environment where the app is installed (pip install -e .)."
        )


def build(dist: Path, work: Path, clean: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]  # fmt: skip
    if clean:
        command.insert(3, "--clean")
    result = subprocess.run(command, cwd=REPO, check=False)
    if result.returncode != 0:
        raise SmokeError(f"PyInstaller failed with exit code {result.returncode} (see above).")


def bundle_dir(dist: Path) -> Path:
    return dist / APP_ID


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        app = dist / "Recovery Companion.app" / "Contents" / "MacOS" / APP_ID
        if app.exists():
            return app
    name = f"{APP_ID}.exe" if sys.platform == "win32" else APP_ID
    return bundle_dir(dist) / name


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# -- running the bundle ----------------------------------------------------------------------


def unexpected_stderr(text: str) -> list[str]:
    benign = [re.compile(pattern) for pattern in BENIGN_STDERR]
    return [
        line
        for line in text.splitlines()
        if line.strip() and not any(p.fullmatch(line.strip()) for p in benign)
    ]


def check_stderr(what: str, text: str) -> None:
    unexpected = unexpected_stderr(text)
    if unexpected:
        shown = "\n  ".join(unexpected[:20])
        raise SmokeError(f"{what} wrote unexpected lines on stderr:\n  {shown}")


def utf8_locale(env: dict[str, str]) -> bool:
    """Whether the locale the environment selects (LC_ALL, then LC_CTYPE, then LANG) is UTF-8."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = env.get(name, "").lower()
        if value:
            return "utf-8" in value or "utf8" in value
    return False


def smoke_env(runtime: Path, offscreen: bool) -> dict[str, str]:
    env = dict(os.environ)
    has_screen = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if offscreen or not has_screen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_RUNTIME_DIR"] = str(runtime)  # the single-instance socket and the sound server
    if not utf8_locale(env):  # Qt warns on stderr about a non-UTF-8 locale (as in a bare CI job)
        env["LC_ALL"] = "C.UTF-8"
    env["COMPANION_TTS_ENGINE"] = "mock"  # Qt's mock speech engine, bundled with the plugins
    for name in ("COMPANION_DATA_DIR", "PYTHONPATH", "PYTHONHOME", "QT_PLUGIN_PATH",
                 "DBUS_SESSION_BUS_ADDRESS", "PULSE_SERVER"):  # fmt: skip
        env.pop(name, None)
    return env


def run_once(exe: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=START_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(
            f"{exe.name} {' '.join(args)} did not finish in {exc.timeout:.0f} s"
        ) from exc


def check_commands(exe: Path, env: dict[str, str], report: Report) -> str:
    """``--version`` and ``routines --json``; returns a routine id to play."""
    result = run_once(exe, ["--version"], env)
    if result.returncode != 0 or result.stdout.strip() != f"{APP_ID} {__version__}":
        raise SmokeError(
            f"--version printed {result.stdout.strip()!r} (exit {result.returncode}), "
            f"not '{APP_ID} {__version__}'. stderr: {result.stderr.strip()}"
        )
    check_stderr("--version", result.stderr)
    result = run_once(exe, ["routines", "--json"], env)
    if result.returncode != 0:
        raise SmokeError(f"routines --json failed (exit {result.returncode}): {result.stderr}")
    check_stderr("routines --json", result.stderr)
    routines = json.loads(result.stdout)
    if not routines:
        raise SmokeError("routines --json listed no routines: the content did not load")
    report.note(f"content loads from the bundle: {len(routines)} routines")
    check_import_runs(exe, env, report)
    return str(routines[0]["id"])


TINY_GPX = (
    '<?xml version="1.0"?><gpx version="1.1" creator="smoke" '
    'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>'
    '<trkpt lat="52.0" lon="4.0"><time>2026-11-01T07:00:00Z</time></trkpt>'
    '<trkpt lat="52.01" lon="4.0"><time>2026-11-01T07:06:00Z</time></trkpt>'
    "</trkseg></trk></gpx>"
)


def check_import_runs(exe: Path, env: dict[str, str], report: Report) -> None:
    """``import-runs`` on a small GPX: gpxpy and defusedxml load from the bundle."""
    with tempfile.TemporaryDirectory(prefix="rc-import-") as temp:
        track = Path(temp) / "run.gpx"
        track.write_text(TINY_GPX)
        result = run_once(
            exe, ["--data-dir", str(Path(temp) / "data"), "import-runs", str(track)], env
        )
    if result.returncode != 0 or "Imported 1 activity" not in result.stdout:
        raise SmokeError(
            f"import-runs failed (exit {result.returncode}): {result.stdout} {result.stderr}"
        )
    check_stderr("import-runs", result.stderr)
    report.note("import-runs reads a GPX in the bundle")


def check_first_paint(exe: Path, env: dict[str, str], data: Path, report: Report) -> None:
    started = time.time()
    result = run_once(exe, ["--data-dir", str(data), "--exit-after-paint"], env)
    if result.returncode != 0:
        raise SmokeError(
            f"--exit-after-paint exited with {result.returncode}.\n"
            f"stdout: {result.stdout}\nstderr: {result.stderr}"
        )
    match = re.search(r"^first-paint (\d+\.\d+)$", result.stdout, re.MULTILINE)
    if match is None:
        raise SmokeError(f"--exit-after-paint printed no first-paint line: {result.stdout!r}")
    check_stderr("--exit-after-paint", result.stderr)
    if not (data / "companion.db").is_file():
        raise SmokeError(f"the app did not create its database in {data}")
    report.time("window painted after (cold data folder)", float(match.group(1)) - started)


# Libraries and plugins the player must have mapped, from inside the bundle (Linux).
PLAYER_LIBRARIES = (
    "PySide6/QtMultimedia.abi3.so",
    "PySide6/QtTextToSpeech.abi3.so",
    "libQt6Multimedia.so.6",
    "libQt6TextToSpeech.so.6",
    "plugins/texttospeech/libqtexttospeech_mock.so",
    "plugins/iconengines/libqsvgicon.so",
)


def check_mapped_libraries(pid: int, bundle: Path, report: Report) -> None:
    maps = Path(f"/proc/{pid}/maps")
    if not maps.exists():
        report.note("library check skipped (no /proc on this system)")
        return
    files = {
        line.split(maxsplit=5)[5]
        for line in maps.read_text().splitlines()
        if len(line.split(maxsplit=5)) == 6 and line.split(maxsplit=5)[5].startswith("/")
    }
    inside = str(bundle.resolve()) + os.sep
    for wanted in PLAYER_LIBRARIES:
        hits = [f for f in files if f.endswith(wanted)]
        if not hits:
            raise SmokeError(f"the running player has not loaded {wanted}")
        outside = [f for f in hits if not f.startswith(inside)]
        if outside:
            raise SmokeError(f"{wanted} was loaded from outside the bundle: {outside}")
    leaks = sorted(f for f in files if f.startswith(sys.prefix + os.sep))
    if leaks:
        raise SmokeError(f"the bundle loaded files from the build environment: {leaks[:5]}")
    report.note("player loaded Qt Multimedia, TextToSpeech (mock) and the SVG icon engine, "
                "all from the bundle")  # fmt: skip


@contextlib.contextmanager
def sound_server(runtime: Path, report: Report) -> Iterator[Path | None]:
    """A private PulseAudio with a null sink, recorded to a file; None if not installed."""
    pulseaudio, parec = shutil.which("pulseaudio"), shutil.which("parec")
    if not (pulseaudio and parec):
        report.note("sound check skipped (pulseaudio and parec are not installed)")
        yield None
        return
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime)}
    env.pop("PULSE_SERVER", None)
    server = subprocess.Popen(
        [pulseaudio, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=yes",
         "--load=module-null-sink sink_name=smoke", "--load=module-native-protocol-unix"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    recording = runtime / "sound.raw"
    recorder = None
    try:
        deadline = time.monotonic() + 10
        while not (runtime / "pulse" / "native").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                report.note("sound check skipped (the private PulseAudio did not start)")
                yield None
                return
            time.sleep(0.05)
        with recording.open("wb") as out:
            recorder = subprocess.Popen(
                [parec, "-d", "smoke.monitor", "--raw", "--format=s16le", "--rate=22050",
                 "--channels=1"],
                env=env, stdout=out, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        yield recording
    finally:
        for process in (recorder, server):
            if process is not None and process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
                if process.poll() is None:
                    process.kill()


def loudest(recording: Path) -> int:
    data = recording.read_bytes()
    samples = array.array("h", data[: len(data) // 2 * 2])
    return max((abs(s) for s in samples), default=0)


class RunningApp:
    """The bundle started normally, talked to through its single-instance channel."""

    def __init__(self, exe: Path, env: dict[str, str], data: Path) -> None:
        from companion.ipc import send_to_running  # noqa: PLC0415 - imports Qt; only here
        from companion.paths import AppPaths  # noqa: PLC0415

        os.environ["XDG_RUNTIME_DIR"] = env["XDG_RUNTIME_DIR"]  # where send_to_running looks
        self._send = send_to_running
        self.key = AppPaths(data.absolute()).instance_key
        self.data = data
        self.process = subprocess.Popen(
            [str(exe), "--data-dir", str(data)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def send(self, message: dict[str, object], wait_s: float = 5) -> dict[str, object]:
        reply = self._send(self.key, message, wait_s=wait_s)
        if reply is None:
            raise SmokeError(f"no answer to {message}")
        return reply

    def wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if self.process.poll() is not None:
                raise SmokeError(f"the app exited with {self.process.returncode} while starting")
            if time.monotonic() > deadline:
                raise SmokeError(f"the app did not answer within {START_TIMEOUT_S:.0f} s")
            reply = self._send(self.key, {"command": "ping"}, wait_s=0.5)
            if reply is not None:
                break
        if reply.get("version") != __version__ or reply.get("data_dir") != str(self.data):
            raise SmokeError(f"unexpected ping reply: {reply}")

    def play(self, routine: str) -> None:
        reply = self.send({"command": "start", "routine": routine})
        if not reply.get("ok"):
            raise SmokeError(f"starting the routine {routine!r} failed: {reply}")
        reply = self.send({"command": "ping"})
        if reply.get("playing") != routine:
            raise SmokeError(f"the player is not showing {routine!r}: {reply}")

    def quit(self) -> tuple[str, str]:
        """Send the quit command; the app must exit 0. Returns its stdout and stderr."""
        reply = self.send({"command": "quit"})
        if not reply.get("ok"):
            raise SmokeError(f"the quit command was refused: {reply}")
        try:
            out, err = self.process.communicate(timeout=EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise SmokeError(f"the app did not quit within {EXIT_TIMEOUT_S:.0f} s") from exc
        if self.process.returncode != 0:
            raise SmokeError(f"the app exited with {self.process.returncode}.\nstderr: {err}")
        return out, err

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            _out, err = self.process.communicate()
            print(f"build.py: the app was killed; its stderr:\n{err}", file=sys.stderr)


def check_sound(recording: Path, report: Report) -> None:
    deadline = time.monotonic() + SOUND_TIMEOUT_S
    while (peak := loudest(recording)) < SOUND_THRESHOLD and time.monotonic() < deadline:
        time.sleep(0.1)
    if peak < SOUND_THRESHOLD:
        raise SmokeError("the player's cues made no sound in the null sink")
    report.note(f"the cues sounded (peak {peak} of 32767 in a PulseAudio null sink)")


def check_running_app(
    exe: Path, env: dict[str, str], data: Path, routine: str, report: Report
) -> None:
    runtime = Path(env["XDG_RUNTIME_DIR"])
    with sound_server(runtime, report) as recording:
        started = time.monotonic()
        app = RunningApp(exe, env, data)
        try:
            app.wait_until_answering()
            report.time("app answered on its channel after", time.monotonic() - started)
            app.play(routine)
            check_mapped_libraries(app.process.pid, exe.parent, report)
            if recording is not None:
                check_sound(recording, report)
            asked = time.monotonic()
            out, err = app.quit()
            report.time("app quit after the command in", time.monotonic() - asked)
        finally:
            app.kill()
    check_stderr("the running app", err)
    if out.strip():
        raise SmokeError(f"the app printed on stdout: {out!r}")


def check_bundle_files(exe: Path, report: Report) -> None:
    """What must be in the folder (resources, Qt's translations), and what must not."""
    internal = exe.parent / "_internal"
    if not internal.is_dir():  # a macOS .app keeps them elsewhere; only Linux is checked here
        return
    for needed in ("resources/content/regions.toml", f"resources/icons/{APP_ID}.svg"):
        if not (internal / needed).is_file():
            raise SmokeError(f"the bundle lacks {needed}")
    # The activity-file libraries' licences ship with them (gpxpy is Apache-2.0: its NOTICE).
    for pattern in (
        "THIRD-PARTY.md",
        "gpxpy-*.dist-info/NOTICE*",
        "gpxpy-*.dist-info/LICENSE*",
        "fitdecode-*.dist-info/**/LICENSE*",
        "tcxreader-*.dist-info/LICENSE*",
        "defusedxml-*.dist-info/LICENSE*",
    ):
        if not list(internal.glob(pattern)):
            raise SmokeError(f"the bundle lacks {pattern}")
    translations = list((internal / "PySide6" / "Qt" / "translations").glob("qtbase_*.qm"))
    if not translations:
        raise SmokeError("the bundle lacks Qt's translations (qtbase_*.qm)")
    for unwanted in ("libgtk-3.so*", "libQt6Quick.so*", "libQt6Qml.so*", "libavcodec.so*"):
        found = list(internal.rglob(unwanted))
        if found:
            raise SmokeError(f"the spec should have left out {found[0].relative_to(internal)}")
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        raise SmokeError(f"the bundle has links to files it lacks: {dangling[:5]}")
    report.note(f"bundle holds the resources and Qt's translations ({len(translations)} qtbase)")


def smoke(dist: Path, offscreen: bool, report: Report) -> None:
    exe = executable(dist)
    if not exe.is_file():
        raise SmokeError(f"no built program at {exe}; build first (without --smoke-only)")
    check_bundle_files(exe, report)
    with tempfile.TemporaryDirectory(prefix="rc-smoke-") as temp:
        root = Path(temp)
        runtime = root / "runtime"
        runtime.mkdir(mode=0o700)
        env = smoke_env(runtime, offscreen)
        screen = env.get("WAYLAND_DISPLAY") or env.get("DISPLAY")
        report.note(f"Qt platform: {env.get('QT_QPA_PLATFORM') or f'the screen at {screen}'}")
        routine = check_commands(exe, env, report)
        check_first_paint(exe, env, root / "paint data", report)
        check_running_app(exe, env, root / "run data", routine, report)


# -- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=REPO / "build", help="PyInstaller's working folder"
    )
    parser.add_argument("--smoke-only", action="store_true", help="test the existing bundle")
    parser.add_argument("--clean", action="store_true", help="rebuild without PyInstaller's cache")
    parser.add_argument(
        "--offscreen", action="store_true", help="run Qt offscreen even when a screen is there"
    )
    args = parser.parse_args(argv)
    dist, report = args.dist.absolute(), Report()
    try:
        check_environment()
        if not args.smoke_only:
            version = ensure_pyinstaller()
            started = time.monotonic()
            print(f"build.py: building with PyInstaller {version} into {dist}", flush=True)
            build(dist, args.work.absolute(), args.clean)
            report.time("build", time.monotonic() - started)
        size = folder_size(bundle_dir(dist)) if bundle_dir(dist).is_dir() else 0
        started = time.monotonic()
        smoke(dist, args.offscreen, report)
        report.time("smoke test", time.monotonic() - started)
    except SmokeError as exc:
        print(f"build.py: FAILED: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build.py: FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"build.py: bundle {bundle_dir(dist)}: {size / 1e6:.0f} MB")
    print("build.py: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
