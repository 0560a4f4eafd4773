"""A real X desktop for the tests: Xvfb, a private session bus, a tray host and dunst.

Nothing here touches the developer's own desktop: Xvfb picks a free display
number itself (``-displayfd``), the session bus is a private ``dbus-daemon``
with no service directories (nothing on the machine can be D-Bus-activated
into it), and the daemons run with a HOME and XDG folders of their own and no
``WAYLAND_DISPLAY`` (dunst would rather draw on Wayland).

The tray host is ``trayer``, an XEmbed system tray from Debian: Qt 6 on X11
embeds its icon window there when no StatusNotifierWatcher is on the session
bus, which is so on this private bus. The notification daemon is ``dunst``,
with a configuration written here: no sound, no browser, no network, and
``dmenu`` (the program dunst runs to show a notification's context menu)
replaced by a small script that writes down the entries dunst offered and
answers with the one a test chose, as a person picking from the menu would.

Where at-spi2-core is installed, the session bus also carries the accessibility bus
(``at-spi-bus-launcher``: it owns org.a11y.Bus there and starts its own bus, where
at-spi2-registryd keeps the list of applications). Accessibility stays off for the
tests' own Qt (org.a11y.Status says so); a test that wants an app's tree starts that
app with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 and reads it with tests/desktop/atspi.py.

The normal pytest process starts the desktop (``running_desktop``) and the
second pytest process that runs the tests on it ``attach``es to it through the
environment (tests/desktop/conftest.py says why there are two). Every wait
below blocks on something a daemon does (a line it prints, a window it maps, a
bus name it takes), each with a time limit; none sleeps.
"""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PySide6

# Program -> the Debian package that has it (.ci/run installs the missing ones).
PROGRAMS = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "trayer": "trayer",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "gdbus": "libglib2.0-bin",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "ldd": "libc-bin",
}
# Shared libraries of Qt's xcb platform plugin that a bare machine may lack.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
XCB_PLUGIN = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"

SCREEN = (1280, 900)
# -displayfd: Xvfb takes the first free display number and prints it once it is ready.
XVFB = shlex.split(f"Xvfb -displayfd 1 -screen 0 {SCREEN[0]}x{SCREEN[1]}x24 -nolisten tcp -noreset")
TRAYER = shlex.split(
    "trayer --edge bottom --align right --widthtype request --height 28"
    " --SetDockType true --transparent false --monitor primary"
)
# at-spi2-core's launcher is not on PATH; Debian puts it here.
ATSPI_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
# The AT-SPI client runs on the system's Python, which has python3-gi (the venv has not).
SYSTEM_PYTHON = "/usr/bin/python3"
ATSPI_ENV = "COMPANION_DESKTOP_ATSPI"  # set when the accessibility bus runs
START_TIMEOUT_S = 15.0
COMMAND_TIMEOUT_S = 10.0
NOTIFICATIONS = "org.freedesktop.Notifications"
FOLDER_ENV = "COMPANION_DESKTOP_FOLDER"
UNSET = ("WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE", "QT_QPA_PLATFORMTHEME")

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# dunst 1.9: what matters is that a left click does the notification's action (with
# several actions and no default one, that opens the context menu through "dmenu").
DUNSTRC = """[global]
    monitor = 0
    follow = none
    width = 360
    origin = top-right
    offset = 16x16
    font = DejaVu Sans 10
    idle_threshold = 0
    show_indicators = no
    history_length = 50
    dmenu = {menu}
    browser = /bin/false
    always_run_script = false
    mouse_left_click = do_action
    mouse_middle_click = close_current
    mouse_right_click = close_all

[urgency_normal]
    timeout = 0
"""

# Stands in for dmenu: dunst writes one menu entry a line on stdin and reads the
# chosen entry back on stdout. Entries look like "#Snooze 10 min (Water) [3,snooze]".
MENU_SCRIPT = """#!/bin/sh
cat > "{folder}/offered.tmp"
mv "{folder}/offered.tmp" "{folder}/offered.txt"
choice=$(cat "{folder}/choice.txt" 2>/dev/null)
[ -n "$choice" ] && grep -F -m1 -- "#$choice (" "{folder}/offered.txt"
exit 0
"""
MENU_ENTRY = re.compile(r"^#(?P<label>.*) \((?P<summary>.*)\) \[(?P<id>\d+),(?P<action>[^\]]*)\]$")


def atspi_launcher() -> str | None:
    return next((path for path in ATSPI_LAUNCHERS if Path(path).exists()), None)


def missing_atspi() -> list[str]:
    """What this machine lacks to read an app's accessibility tree, with the packages."""
    missing = [] if atspi_launcher() else ["at-spi-bus-launcher (Debian: at-spi2-core)"]
    probe = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    works = Path(SYSTEM_PYTHON).exists() and (
        subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, check=False).returncode
        == 0
    )
    if not works:
        missing.append(f"Atspi for {SYSTEM_PYTHON} (Debian: python3-gi gir1.2-atspi-2.0)")
    return missing


def missing_requirements() -> list[str]:
    """What this machine lacks for a desktop session, with the Debian package for each."""
    missing = [
        f"{program} (Debian: {package})"
        for program, package in PROGRAMS.items()
        if shutil.which(program) is None
    ]
    if missing or not XCB_PLUGIN.exists():
        return missing or [f"Qt's xcb platform plugin ({XCB_PLUGIN} is not there)"]
    linked = subprocess.run(
        ["ldd", str(XCB_PLUGIN)], capture_output=True, text=True, check=False
    ).stdout
    for line in linked.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.startswith("not found"):
            package = XCB_LIBRARIES.get(name, "")
            missing.append(
                f"{name} for Qt's xcb plugin" + (f" (Debian: {package})" if package else "")
            )
    return missing


@dataclass(frozen=True)
class MenuEntry:
    """One line of the context menu dunst offered: a notification's button."""

    label: str
    summary: str
    notification_id: int
    action: str


@dataclass
class Desktop:
    """The running session and the ways tests look at it and act on it."""

    folder: Path  # the daemons' files: dunst's configuration, the menu's choice and offer
    display: str
    bus_address: str
    env: dict[str, str]  # for the helper programs: this display and bus, nothing else

    def exported(self) -> dict[str, str]:
        """The environment that puts a process (Qt, the tests) on this desktop."""
        keys = ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", ATSPI_ENV)
        return {key: self.env[key] for key in keys if key in self.env} | {
            FOLDER_ENV: str(self.folder),
            "QT_QPA_PLATFORM": "xcb",
        }

    @property
    def atspi(self) -> bool:
        """Whether the accessibility bus runs on this desktop's session bus."""
        return bool(self.env.get(ATSPI_ENV))

    def logs(self) -> str:
        """What the daemons wrote, for a person reading a failed run."""
        return _logs(self.folder)

    @classmethod
    def attach(cls) -> Desktop | None:
        """The desktop that ``exported()`` described to this process, if any."""
        folder = os.environ.get(FOLDER_ENV)
        if not folder or "DISPLAY" not in os.environ:
            return None
        env = _clean_env(Path(folder)) | {
            "DISPLAY": os.environ["DISPLAY"],
            "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"],
        }
        if os.environ.get(ATSPI_ENV):
            env[ATSPI_ENV] = os.environ[ATSPI_ENV]
        return cls(Path(folder), env["DISPLAY"], env["DBUS_SESSION_BUS_ADDRESS"], env)

    def run(self, *command: str) -> str:
        done = subprocess.run(
            command,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    # -- X ---------------------------------------------------------------------------
    def descendants(self, window_id: int) -> list[int]:
        """Every window below this one, at any depth."""
        tree = self.run("xwininfo", "-tree", "-id", str(window_id))
        return [int(found, 16) for found in re.findall(r"^\s+(0x[0-9a-f]+) ", tree, re.MULTILINE)]

    def pid(self, window_id: int) -> int | None:
        """The process that made the window (its _NET_WM_PID), if it says."""
        said = self.run("xprop", "-id", str(window_id), "_NET_WM_PID")
        match = re.search(r"= (\d+)", said)
        return int(match.group(1)) if match else None

    def geometry(self, window_id: int) -> tuple[int, int, int, int]:
        """x, y (on the screen), width and height."""
        info = self.run("xwininfo", "-id", str(window_id))
        fields = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        found = [re.search(rf"{name}:\s+(-?\d+)", info) for name in fields]
        assert all(found), info
        x, y, width, height = (int(match.group(1)) for match in found if match)
        return x, y, width, height

    def visible_windows(self, *search: str) -> list[int]:
        """Mapped windows that ``xdotool search`` finds, e.g. ("--class", "Dunst")."""
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", *search],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        return [int(line) for line in found.stdout.split()]  # xdotool exits 1 on no match

    # -- dunst -------------------------------------------------------------------------
    def displayed(self) -> int:
        return int(self.run("dunstctl", "count", "displayed").strip())

    def history(self) -> list[dict[str, Any]]:
        """Closed notifications, newest first, as plain {field: value} dicts."""
        data = json.loads(self.run("dunstctl", "history"))["data"][0]
        return [{key: value["data"] for key, value in entry.items()} for entry in data]

    def choose(self, label: str | None) -> None:
        """The button the next context menu picks (None: close the menu, pick nothing)."""
        choice = self.folder / "choice.txt"
        choice.write_text(label or "", encoding="utf-8")
        (self.folder / "offered.txt").unlink(missing_ok=True)

    def offered(self) -> list[MenuEntry]:
        """The entries dunst put in the last context menu ([] until it opened one)."""
        offered = self.folder / "offered.txt"
        if not offered.exists():
            return []
        entries = []
        for line in offered.read_text(encoding="utf-8").splitlines():
            match = MENU_ENTRY.match(line)
            assert match is not None, f"unexpected context menu entry: {line!r}"
            entries.append(
                MenuEntry(match["label"], match["summary"], int(match["id"]), match["action"])
            )
        return entries

    def open_context_menu(self) -> None:
        """What ``dunstctl context`` (a keyboard shortcut, usually) does."""
        self.run("dunstctl", "context")

    def click_notification(self) -> None:
        """A real left click on dunst's notification window, through the X server."""
        windows = self.visible_windows("--class", "Dunst")
        assert len(windows) == 1, f"dunst shows {len(windows)} windows"
        self.run("xdotool", "mousemove", "--window", str(windows[0]), "24", "12", "click", "1")


def _logs(folder: Path) -> str:
    parts = [
        f"--- {log.name}\n{log.read_text(encoding='utf-8', errors='replace')}"
        for log in sorted(folder.glob("*.log"))
    ]
    return "\n".join(parts)


def _read_line(proc: subprocess.Popen[str], what: str) -> str:
    """The process's first line of output, or a clear error within the time limit."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT_S)
    line = proc.stdout.readline().strip() if ready else ""
    if not line:
        raise RuntimeError(f"{what} did not start (see its log)")
    return line


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _clean_env(folder: Path) -> dict[str, str]:
    """This machine's environment less any desktop of its own, with a home in ``folder``."""
    hidden = {*UNSET, "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY"}
    env = {key: value for key, value in os.environ.items() if key not in hidden}
    home = folder / "home"
    runtime = folder / "runtime"
    for path in (home, runtime):
        path.mkdir(mode=0o700, exist_ok=True)
    return env | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }


@contextmanager
def running_desktop() -> Iterator[Desktop]:
    """Start Xvfb, a session bus, trayer and dunst; stop them in reverse order."""
    # Short: the bus socket's path must fit in 107 bytes.
    folder = Path(tempfile.mkdtemp(prefix="rc-desktop-"))
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, folder, ignore_errors=True)

        def start(name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
            log = stack.enter_context((folder / f"{name}.log").open("w", encoding="utf-8"))
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
            stack.callback(_stop, proc)
            return proc

        try:
            env = _clean_env(folder)
            xvfb = start("xvfb", XVFB, env)
            display = f":{_read_line(xvfb, 'Xvfb')}"
            config = folder / "bus.conf"
            config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
            bus = start(
                "dbus",
                ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                env,
            )
            address = _read_line(bus, "dbus-daemon")
            env |= {"DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": address}
            desktop = Desktop(folder, display, address, env)

            start("trayer", TRAYER, env)
            # Blocks until the panel is mapped: trayer owns the tray selection by then.
            desktop.run("xdotool", "search", "--sync", "--onlyvisible", "--classname", "panel")

            menu = folder / "menu"
            menu.write_text(MENU_SCRIPT.format(folder=folder), encoding="utf-8")
            menu.chmod(0o700)
            dunstrc = folder / "dunstrc"
            dunstrc.write_text(DUNSTRC.format(menu=menu), encoding="utf-8")
            start("dunst", ["dunst", "-config", str(dunstrc)], env)
            desktop.run("gdbus", "wait", "--session", "--timeout", "8", NOTIFICATIONS)

            launcher = atspi_launcher()
            if launcher is not None:
                # --launch-immediately: its bus and the registry start now, not on a
                # first client's request; it owns org.a11y.Bus once they are up.
                start("atspi", [launcher, "--launch-immediately"], env)
                desktop.run("gdbus", "wait", "--session", "--timeout", "8", "org.a11y.Bus")
                env[ATSPI_ENV] = launcher
        except (RuntimeError, AssertionError, subprocess.SubprocessError) as exc:
            raise RuntimeError(f"{exc}\n{_logs(folder)}") from exc
        yield desktop
