"""Security of the running app: no network, one private local socket, private files.

The app in a subprocess (``python -m companion``, offscreen, umask 0o022) is watched
through /proc while it starts, starts its reminder scheduler and answers commands:
none of its sockets may be TCP, UDP, raw or packet sockets, listening or connected,
and the only listening socket is its single-instance socket (companion/ipc.py). The
files it and its command line write are checked for their modes.

In-process, Python's socket layer refuses every internet socket and name lookup while
the real app is built and every section opened. That catches Python code (ours, or a
library's) reaching for the network even where it would swallow the error; Qt's C++
networking does not go through Python, which is what the subprocess test is for.

Linux only: /proc is the source of truth for sockets.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from companion.ipc import send_to_running, socket_path
from companion.paths import AppPaths
from companion.storage.database import open_database
from tests.storage.test_export import fill

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/net/unix").exists(), reason="reads sockets from Linux's /proc"
)

INTERNET_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6", "packet")
UNIX_LISTENING = 0x00010000  # __SO_ACCEPTCON in /proc/net/unix's Flags column
WATCH_S = 4.0  # start-up, the reminder scheduler (1 s after the first paint), commands


@dataclass
class Sockets:
    """What /proc says about one process's sockets, accumulated over several looks."""

    internet: set[str] = field(default_factory=set)  # "tcp6 0000...:1F90 ..." lines
    listening_unix: set[str] = field(default_factory=set)  # their paths
    other_unix: int = 0
    netlink: int = 0
    # Open sockets in no table: an internet socket that is neither bound nor connected
    # is listed nowhere in /proc/net, so anything unaccounted for counts against the app.
    unknown: set[str] = field(default_factory=set)
    looks: int = 0

    def look(self, pid: int) -> None:
        inodes = _socket_inodes(pid)
        known: set[str] = set()
        for table in INTERNET_TABLES:
            for row in _rows(pid, table):
                inode = row[9] if table != "packet" else row[8]
                if inode in inodes:
                    self.internet.add(f"{table} {' '.join(row)}")
                    known.add(inode)
        for row in _rows(pid, "unix"):
            if len(row) >= 7 and row[6] in inodes:
                known.add(row[6])
                if int(row[3], 16) & UNIX_LISTENING:
                    self.listening_unix.add(row[7] if len(row) > 7 else "(unnamed)")
                else:
                    self.other_unix += 1
        for row in _rows(pid, "netlink"):  # kernel messages, not a network
            if len(row) >= 10 and row[9] in inodes:
                known.add(row[9])
                self.netlink += 1
        # A socket that closed while we read the tables is not a mystery: check again.
        self.unknown |= (inodes - known) & _socket_inodes(pid)
        self.looks += 1


def _socket_inodes(pid: int) -> set[str]:
    found = set()
    folder = Path(f"/proc/{pid}/fd")
    for fd in folder.iterdir() if folder.exists() else ():
        try:
            target = str(fd.readlink())
        except OSError:
            continue  # closed while we looked
        if target.startswith("socket:["):
            found.add(target[len("socket:[") : -1])
    return found


def _rows(pid: int, table: str) -> list[list[str]]:
    try:
        lines = Path(f"/proc/{pid}/net/{table}").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []  # a protocol this kernel does not have
    return [line.split() for line in lines[1:]]


class App:
    """``python -m companion`` on its own folder, with a permissive umask."""

    def __init__(self, qtbot, data: Path, *args: str) -> None:
        self.qtbot = qtbot
        self.data = data
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.key = AppPaths(data.absolute()).instance_key
        self.process = subprocess.Popen(
            [sys.executable, "-m", "companion", "--data-dir", str(data), *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            umask=0o022,
        )

    def send(self, message: dict[str, Any]) -> dict[str, Any] | None:
        return send_to_running(self.key, message)

    def wait_listening(self) -> None:
        self.qtbot.waitUntil(lambda: self.send({"command": "ping"}) is not None, timeout=20_000)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The command line on the same folder, with the same umask."""
        return subprocess.run(
            [sys.executable, "-m", "companion", "--data-dir", str(self.data), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            umask=0o022,
        )

    def quit(self) -> None:
        assert self.send({"command": "quit"}) == {"ok": True}
        self.qtbot.waitUntil(lambda: self.process.poll() is not None, timeout=10_000)
        _, err = self.process.communicate(timeout=5)
        assert self.process.returncode == 0, err
        assert "Traceback" not in err

    def __enter__(self) -> App:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


def watch(qtbot, app: App, seconds: float) -> Sockets:
    """Look at the app's sockets again and again for ``seconds`` (while Qt events run)."""
    seen = Sockets()
    until = time.monotonic() + seconds

    def looked_long_enough() -> bool:
        seen.look(app.process.pid)
        return time.monotonic() >= until

    qtbot.waitUntil(looked_long_enough, timeout=int(seconds * 1000) + 10_000)
    return seen


def test_the_watcher_sees_internet_and_listening_sockets(tmp_path):
    """The watcher itself, on this process: it would notice what the app must not do."""
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix,
    ):
        udp.bind(("127.0.0.1", 0))
        unix.bind(str(tmp_path / "probe.sock"))
        unix.listen(1)
        seen = Sockets()
        seen.look(os.getpid())
        assert {line.split()[0] for line in seen.internet} == {"udp"}, seen.internet
        assert str(os.fstat(tcp.fileno()).st_ino) in seen.unknown  # listed in no table
        assert str(tmp_path / "probe.sock") in seen.listening_unix


@pytest.mark.slow
def test_the_running_app_uses_no_network_and_listens_only_on_its_own_socket(qtbot, tmp_path, clock):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(data / "companion.db", clock.now()).database
    fill(db, clock)  # reminders, so the scheduler starts with jobs
    db.close()
    with App(qtbot, data, "--minimized") as app:
        app.wait_listening()
        assert app.send({"command": "log-water", "ml": 250}) is not None
        assert app.send({"command": "pause", "choice": "30min"}) is not None
        assert app.send({"command": "data-changed"}) is not None
        seen = watch(qtbot, app, WATCH_S)
        assert app.process.poll() is None
        app.quit()
    assert seen.looks > 10
    assert seen.internet == set()
    assert seen.unknown == set()
    assert seen.listening_unix == {str(socket_path(app.key))}


@pytest.mark.slow
def test_the_app_and_its_command_line_keep_their_files_private(qtbot, tmp_path):
    data = tmp_path / "data"  # the app makes it, under umask 0o022
    with App(qtbot, data, "--minimized") as app:
        app.wait_listening()
        assert app.cli("log-water", "300").returncode == 0  # through the app: -wal, -shm
        backup = app.cli("backup")
        assert backup.returncode == 0, backup.stderr
        exported = app.cli("export", str(tmp_path / "export.json"))
        assert exported.returncode == 0, exported.stderr
        sheets = app.cli("export", "--format", "csv", str(tmp_path / "sheets"))
        assert sheets.returncode == 0, sheets.stderr
        db = data / "companion.db"
        private = [
            db,
            db.with_name("companion.db-wal"),
            db.with_name("companion.db-shm"),
            Path(backup.stdout.strip()),
            tmp_path / "export.json",
            *sorted((tmp_path / "sheets").iterdir()),
        ]
        modes = {str(path.relative_to(tmp_path)): oct(_mode(path)) for path in private}
        folders = {name: oct(_mode(tmp_path / name)) for name in ("data", "data/backups", "sheets")}
        app.quit()
    assert set(modes.values()) == {oct(0o600)}, modes
    assert folders == {"data": "0o700", "data/backups": "0o700", "sheets": "0o700"}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- in-process: Python's sockets refuse the internet ----------------------------------------
@pytest.fixture
def no_internet(monkeypatch) -> list[str]:
    """Every internet socket or name lookup from Python raises, and is recorded."""
    attempts: list[str] = []
    real_init = socket.socket.__init__

    def refuse(what: str) -> OSError:
        attempts.append(what)
        return OSError(f"the network is off in this test ({what})")

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise refuse(f"socket(family={family}, type={type})")
        real_init(self, family, type, proto, fileno)

    def lookup(name: str):
        def guarded(*args: Any, **_kwargs: Any) -> Any:
            raise refuse(f"{name}{args!r}")

        return guarded

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, lookup(name))
    return attempts


def test_building_the_app_and_opening_every_section_reaches_for_no_network(
    make_app, qtbot, no_internet
):
    companion = make_app()
    window = companion.window
    for key in window.sections:
        window.show_section(key)
        QApplication.processEvents()
    companion.start_reminders()
    assert companion.log_water(250) is None
    companion.daily_backup()
    qtbot.waitUntil(lambda: not _backup_running(companion), timeout=10_000)
    QApplication.processEvents()
    assert no_internet == []
    # The guard itself works: an internet socket from Python is refused and recorded.
    with pytest.raises(OSError, match="network is off"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert no_internet


def _backup_running(companion) -> bool:
    thread = getattr(companion, "_backup_thread", None)
    return thread is not None and thread.is_alive()
