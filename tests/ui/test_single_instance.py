import json
import os
import socket
import stat
import subprocess
import sys
import threading

import pytest

from companion.ipc import InstanceServer, acquire_instance_lock, send_to_running, socket_path
from companion.paths import AppPaths

CLIENT = (
    "import json, sys\n"
    "from companion.ipc import send_to_running\n"
    "print(json.dumps(send_to_running(sys.argv[1], json.loads(sys.argv[2]))))\n"
)


def client(name: str, message: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLIENT, name, json.dumps(message)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def name(tmp_path) -> str:
    return AppPaths(tmp_path / "data").instance_key


def test_a_message_reaches_the_handler_and_the_reply_comes_back(qtbot, name):
    received = []

    def handler(message):
        received.append(message)
        return {"ok": True, "n": 7}

    server = InstanceServer(name, handler)
    server.listen()
    proc = client(name, {"command": "show"})
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
    out, _ = proc.communicate(timeout=5)
    assert received == [{"command": "show"}]
    assert json.loads(out) == {"ok": True, "n": 7}
    server.close()


def test_garbage_gets_an_error_reply_not_a_crash(qtbot, name):
    server = InstanceServer(name, lambda m: {"ok": True})
    server.listen()
    code = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1])\n"
        "s.sendall(b'[1, 2\\n'); print(s.recv(4096).decode())\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(socket_path(name))], stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
    out, _ = proc.communicate(timeout=5)
    assert json.loads(out)["ok"] is False
    server.close()


def test_the_socket_is_private_and_removed_on_close(name):
    server = InstanceServer(name, lambda m: {"ok": True})
    server.listen()
    path = socket_path(name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0
    server.close()
    assert not path.exists()
    assert not server.listening


def test_nobody_listening_means_none(name):
    assert send_to_running(name, {"command": "show"}) is None


def test_only_one_process_holds_a_folder_lock(tmp_path):
    first = acquire_instance_lock(tmp_path)
    assert first is not None
    code = (
        "import sys; from pathlib import Path\n"
        "from companion.ipc import acquire_instance_lock\n"
        "print(acquire_instance_lock(Path(sys.argv[1])) is None)\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == "True"
    first.unlock()
    other = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == "False"


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path):
    code = (
        "import os, sys; from pathlib import Path\n"
        "from companion.ipc import acquire_instance_lock\n"
        "lock = acquire_instance_lock(Path(sys.argv[1])); assert lock is not None\n"
        "os._exit(0)  # dies holding the lock, like a crash\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)
    assert (tmp_path / "instance.lock").exists()
    assert acquire_instance_lock(tmp_path) is not None


def test_an_empty_lock_left_by_a_process_killed_while_creating_it_is_taken_over(tmp_path):
    # Qt creates the file, then writes its owner: a SIGKILL between the two (found by
    # the crash-safety test) left a lock Qt alone would never see as stale.
    (tmp_path / "instance.lock").write_bytes(b"")
    lock = acquire_instance_lock(tmp_path)
    assert lock is not None
    assert lock.getLockInfo()[0] == os.getpid()


def test_a_lock_whose_owner_is_being_written_is_respected(tmp_path):
    # An instance starting this instant: its file exists, its owner arrives a moment later.
    held = tmp_path / "held"
    held.mkdir()
    owner = acquire_instance_lock(held)  # a live owner: this process
    assert owner is not None
    starting = tmp_path / "starting"
    starting.mkdir()
    (starting / "instance.lock").write_bytes(b"")
    writer = threading.Timer(
        0.05,
        lambda: (starting / "instance.lock").write_bytes((held / "instance.lock").read_bytes()),
    )
    writer.start()
    try:
        assert acquire_instance_lock(starting) is None
    finally:
        writer.join()
        owner.unlock()


def test_a_stale_socket_left_by_a_crash_is_replaced(name):
    path = socket_path(name)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # bound, never listening: what a killed process leaves behind
    stale.close()
    assert path.exists()
    server = InstanceServer(name, lambda m: {"ok": True})
    server.listen()
    assert server.listening
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.connect(str(path))  # the kernel accepts: a live listener replaced the stale file
    probe.close()
    server.close()


class RunningApp:
    """The app in a subprocess on its own data folder; quit and checked on exit."""

    def __init__(self, qtbot, data, *args: str) -> None:
        self.qtbot = qtbot
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.command = [sys.executable, "-m", "companion", "--data-dir", str(data)]
        self.key = AppPaths(data.absolute()).instance_key
        self.process = subprocess.Popen(
            [*self.command, *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ping(self):
        return send_to_running(self.key, {"command": "ping"})

    def wait_listening(self) -> None:
        self.qtbot.waitUntil(lambda: self.ping() is not None, timeout=20_000)

    def launch_again(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.command, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def quit_cleanly(self) -> None:
        assert send_to_running(self.key, {"command": "quit"}) == {"ok": True}
        self.qtbot.waitUntil(lambda: self.process.poll() is not None, timeout=10_000)
        _, err = self.process.communicate(timeout=5)
        assert self.process.returncode == 0
        assert "Traceback" not in err

    def __enter__(self) -> "RunningApp":
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


@pytest.mark.slow
def test_second_launch_brings_the_first_forward_and_exits(qtbot, tmp_path):
    with RunningApp(qtbot, tmp_path / "data") as first:
        first.wait_listening()
        second = first.launch_again()
        assert second.returncode == 0
        assert "already running" in second.stdout
        assert first.process.poll() is None  # the first one keeps running
        first.quit_cleanly()


@pytest.mark.slow
def test_start_hands_the_routine_to_the_running_app(qtbot, tmp_path):
    with RunningApp(qtbot, tmp_path / "data", "--minimized") as first:
        first.wait_listening()
        second = first.launch_again("start", "calves_and_shins")
        assert second.returncode == 0, second.stderr
        assert "the routine started there" in second.stdout
        assert (first.ping() or {})["playing"] == "calves_and_shins"
        refused = send_to_running(first.key, {"command": "start", "routine": "nope"})
        assert refused is not None and refused["ok"] is False
        first.quit_cleanly()


@pytest.mark.slow
def test_start_with_no_app_running_starts_the_app_with_the_routine(qtbot, tmp_path):
    with RunningApp(qtbot, tmp_path / "data", "start", "hips_and_glutes") as app:
        app.qtbot.waitUntil(
            lambda: (app.ping() or {}).get("playing") == "hips_and_glutes", timeout=20_000
        )
        app.quit_cleanly()


def test_reminder_commands_reach_the_running_app(qtbot, tmp_path):
    with RunningApp(qtbot, tmp_path / "data", "--minimized") as app:
        app.wait_listening()
        logged = app.launch_again("log-water", "250")
        assert logged.returncode == 0, logged.stderr
        assert logged.stdout.strip() == "Logged 250 mL; 250 mL today."
        again = app.launch_again("log-water", "500ml")
        assert again.stdout.strip() == "Logged 500 mL; 750 mL today."
        paused = app.launch_again("pause", "1h")
        assert paused.returncode == 0 and paused.stdout.startswith("Paused until")
        listing = app.launch_again("reminders", "--json")
        assert json.loads(listing.stdout)["status"].startswith("Paused until")
        resumed = app.launch_again("pause", "off")
        assert resumed.stdout.strip() == "Reminders on"
        app.quit_cleanly()


def test_timer_command_opens_a_timer_in_the_running_app_or_refuses_first(qtbot, tmp_path):
    with RunningApp(qtbot, tmp_path / "data", "--minimized") as app:
        app.wait_listening()
        opened = app.launch_again("timer", "contrast", "--preset", "3-1x3")
        assert opened.returncode == 0, opened.stderr
        assert "the timer opened there" in opened.stdout
        refused = app.launch_again("timer", "ice", "--minutes", "25")
        assert refused.returncode == 1
        assert "Ice on the skin: 25 min is above the safe limit of 20 min." in refused.stderr
        app.quit_cleanly()


def test_the_handler_table_answers_every_declared_command(make_app):
    from companion.services.commands import PROTOCOL, Command

    companion = make_app(show=False)
    assert set(companion.ipc_handlers()) == set(Command)
    assert companion.handle_message({"command": "ping"})["protocol"] == PROTOCOL
    newer = companion.handle_message({"command": "import-runs", "protocol": PROTOCOL + 1})
    assert newer["ok"] is False and "newer than the Recovery Companion" in newer["error"]
