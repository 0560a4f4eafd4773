"""Single instance per data folder: a lock file decides, a local socket talks.

The first launch takes ``instance.lock`` in the data folder (QLockFile notices
a lock left by a process that died) and then listens on a channel named after
the folder. A second launch fails to take the lock, connects, sends one JSON
line (``{"command": "show"}``), waits for the reply and exits; the first
brings its window forward. Later command-line commands travel the same way.

The channel is a Unix domain socket in a folder only the user can enter
(``$XDG_RUNTIME_DIR``, or a private folder in the temp dir), served with
Python's ``socket`` module and a ``QSocketNotifier``: nothing polls, and the
app does not load QtNetwork (about 4 MB resident, with its enum classes).
Where the platform has no AF_UNIX, QtNetwork's QLocalServer takes over.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, Signal

from companion.pyside_guard import protect_singletons

protect_singletons()  # see companion/pyside_guard.py

CONNECT_TIMEOUT_S = 1.0
REPLY_TIMEOUT_S = 3.0
MAX_MESSAGE = 64 * 1024
LOCK_NAME = "instance.lock"
FALLBACK_NAMES = 20  # private channel folders tried in the temporary folder
# A lock file whose owner cannot be read is either being written this instant by an
# instance that is starting (Qt writes the owner right after creating the file) or was
# left empty by one killed in between; after this long it is the second.
UNREADABLE_LOCK_WAIT_S = 0.25
HAVE_UNIX_SOCKETS = hasattr(socket, "AF_UNIX")

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class InstanceError(Exception):
    pass


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """The lock that makes this process the folder's one instance, or None if taken."""
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if lock.tryLock(0):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise InstanceError(f"Cannot create the lock file in {data_dir}.")
    if _owner_unreadable(lock):
        # Qt judges a lock stale by its owner's process; with no owner written and no
        # age limit it would refuse this folder for good (the crash-safety test found
        # a SIGKILL landing between the two steps). Give a starting instance time to
        # write its owner, then take the file over.
        time.sleep(UNREADABLE_LOCK_WAIT_S)
        if _owner_unreadable(lock) and lock.removeStaleLockFile() and lock.tryLock(0):
            return lock
    return None


def _owner_unreadable(lock: QLockFile) -> bool:
    """No process id can be read from the lock file (empty, cut short or garbled)."""
    pid = lock.getLockInfo()[0]
    return not isinstance(pid, int) or pid <= 0


def runtime_dir() -> Path:
    """A folder for the socket that only this user can enter."""
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and Path(xdg).is_dir():
        return Path(xdg)
    base = Path(tempfile.gettempdir())
    # Another local user may have made our folder's name first (the temporary folder is
    # shared): then the next name in a fixed sequence, so every launch finds the same one.
    for n in range(FALLBACK_NAMES):
        folder = base / (f"recovery-companion-{os.getuid()}" + (f"-{n}" if n else ""))
        if _private_folder(folder):
            return folder
    raise InstanceError(
        f"Could not make a private folder for the app's channel in {base}: "
        f"{FALLBACK_NAMES} names there belong to someone else. Set XDG_RUNTIME_DIR."
    )


def _private_folder(folder: Path) -> bool:
    """Make ``folder`` or take it if it is already ours; False if it is someone else's
    (or not a folder at all), which is left alone."""
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    if stat.S_IMODE(info.st_mode) != 0o700:
        try:
            folder.chmod(0o700)
        except OSError:
            return False
    return True


def socket_path(name: str) -> Path:
    return runtime_dir() / f"{name}.sock"


def _encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message).encode() + b"\n"


def _decode(line: bytes) -> dict[str, Any]:
    value = json.loads(line)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def send_to_running(
    name: str, message: dict[str, Any], wait_s: float = 0.0
) -> dict[str, Any] | None:
    """Deliver ``message`` to a running instance. None if none listens within ``wait_s``.

    A waiting caller retries, because the first instance may still be starting.
    """
    from companion.services.commands import explain_reply  # noqa: PLC0415

    deadline = time.monotonic() + wait_s
    while True:
        reply = _send_once(name, message)
        if reply is not None:
            return explain_reply(message, reply)
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.1)


def _send_once(name: str, message: dict[str, Any]) -> dict[str, Any] | None:
    if not HAVE_UNIX_SOCKETS:  # pragma: no cover - Windows
        return _qt_send_once(name, message)
    path = socket_path(name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_TIMEOUT_S)
        try:
            sock.connect(str(path))
        except OSError:
            return None  # nobody listens (no file, or a file left by a crash)
        sock.settimeout(REPLY_TIMEOUT_S)
        try:
            sock.sendall(_encode(message))
            data = b""
            while b"\n" not in data and len(data) < MAX_MESSAGE:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError as exc:
            raise InstanceError(
                "Recovery Companion is already running but did not answer."
            ) from exc
    try:
        return _decode(data.split(b"\n", 1)[0])
    except ValueError as exc:
        raise InstanceError(
            "Recovery Companion is already running but sent a garbled reply."
        ) from exc


class InstanceServer(QObject):
    """Listens for later launches and hands each message to ``handler`` on the GUI thread."""

    message_received = Signal(dict)

    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._handler = handler
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        self._qt_server: Any = None

    def listen(self) -> None:
        """Start listening. Call only while holding the instance lock: a socket
        already under this name was left by an instance that is gone."""
        if not HAVE_UNIX_SOCKETS:  # pragma: no cover - Windows
            self._qt_server = _QtLocalServer(self.name, self.reply_to, self)
            return
        path = socket_path(self.name)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(str(path))
            path.chmod(0o600)
            listener.listen(8)
        except OSError as exc:
            listener.close()
            raise InstanceError(
                f"Cannot open the single-instance channel {path}: {exc.strerror}"
            ) from exc
        listener.setblocking(False)
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self._listener is not None or self._qt_server is not None

    def close(self) -> None:
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            with contextlib.suppress(OSError):
                socket_path(self.name).unlink()
        if self._qt_server is not None:  # pragma: no cover - Windows
            self._qt_server.close()
            self._qt_server = None

    def reply_to(self, line: bytes) -> bytes:
        """Turn one received line into the reply line."""
        try:
            message = _decode(line)
        except ValueError as exc:
            return _encode({"ok": False, "error": f"bad message: {exc}"})
        reply = self._handler(message)
        self.message_received.emit(message)
        return _encode(reply)

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                conn, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            conn.setblocking(False)
            notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
            fd = conn.fileno()
            self._clients[fd] = (conn, notifier, bytearray())
            notifier.activated.connect(lambda *_args, fd=fd: self._read(fd))

    def _read(self, fd: int) -> None:
        conn, _, buffer = self._clients[fd]
        try:
            chunk = conn.recv(4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(fd)
            return
        if not chunk:
            self._drop(fd)
            return
        buffer += chunk
        if len(buffer) > MAX_MESSAGE:
            self._drop(fd)
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        reply = self.reply_to(line)
        try:
            conn.setblocking(True)
            conn.settimeout(REPLY_TIMEOUT_S)
            conn.sendall(reply)
        except OSError:
            pass  # the caller gave up waiting; nothing to tell it
        self._drop(fd)

    def _drop(self, fd: int) -> None:
        conn, notifier, _ = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        conn.close()


# -- platforms without AF_UNIX (Windows): QtNetwork's named pipes -----------------------


def _qt_send_once(name: str, message: dict[str, Any]) -> dict[str, Any] | None:  # pragma: no cover
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(int(CONNECT_TIMEOUT_S * 1000)):
        return None
    sock.write(_encode(message))
    sock.waitForBytesWritten(int(CONNECT_TIMEOUT_S * 1000))
    data = b""
    while b"\n" not in data and sock.waitForReadyRead(int(REPLY_TIMEOUT_S * 1000)):
        data += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    try:
        return _decode(data.split(b"\n", 1)[0])
    except ValueError as exc:
        raise InstanceError("Recovery Companion is already running but did not answer.") from exc


class _QtLocalServer(QObject):  # pragma: no cover - Windows
    def __init__(self, name: str, reply_to: Callable[[bytes], bytes], parent: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415

        super().__init__(parent)
        self._reply_to = reply_to
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            raise InstanceError(f"Cannot open the single-instance channel {name}.")
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: Any) -> None:
        data = bytes(conn.peek(MAX_MESSAGE).data())
        if b"\n" not in data:
            return
        line = bytes(conn.readLine().data()).rstrip(b"\n")
        conn.write(self._reply_to(line))
        conn.flush()
        conn.disconnectFromServer()

    def close(self) -> None:
        self._server.close()
