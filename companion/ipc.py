"""Single instance per data folder: a lock file decides, a local socket talks.

The first launch takes ``instance.lock`` in the data folder (QLockFile notices
a lock left by a process that died) and later listens on a channel named
after the folder. A second launch fails to take the lock, connects, sends one
JSON line (``{"command": "show"}``), waits for the reply and exits; the first
brings its window forward. Later command-line commands travel the same way.
The socket accepts the current user only.

The lock, not the socket, decides who is first: with ``UserAccessOption`` Qt
creates the socket under a temporary name and renames it into place, so a
second ``listen`` would silently take the name over.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE = 64 * 1024

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class InstanceError(Exception):
    pass


LOCK_NAME = "instance.lock"


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """The lock that makes this process the folder's one instance, or None if taken."""
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    raise InstanceError(f"Cannot create the lock file in {data_dir}.")


def send_to_running(
    name: str, message: dict[str, Any], wait_s: float = 0.0
) -> dict[str, Any] | None:
    """Deliver ``message`` to a running instance. None if none listens within ``wait_s``.

    A waiting caller retries, because the first instance may still be starting.
    """
    deadline = time.monotonic() + wait_s
    socket = QLocalSocket()
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.1)
    socket.write(json.dumps(message).encode() + b"\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    data = b""
    while b"\n" not in data and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        data += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if not data:
        raise InstanceError("Recovery Companion is already running but did not answer.")
    try:
        reply: dict[str, Any] = json.loads(data.split(b"\n", 1)[0])
    except json.JSONDecodeError as exc:
        raise InstanceError(
            "Recovery Companion is already running but sent a garbled reply."
        ) from exc
    return reply


class InstanceServer(QObject):
    """Listens for later launches and hands each message to ``handler`` on the GUI thread."""

    message_received = Signal(dict)

    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> None:
        """Start listening. Call only while holding the instance lock: any socket
        already under this name was left by an instance that is gone."""
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            raise InstanceError(
                f"Cannot open the single-instance channel {self.name}: {self._server.errorString()}"
            )

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        buffer = self._buffers[socket]
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line, _, rest = buffer.partition(b"\n")
        self._buffers[socket] = rest
        try:
            message = json.loads(line)
            if not isinstance(message, dict):
                raise ValueError("not an object")
            reply = self._handler(message)
            self.message_received.emit(message)
        except ValueError as exc:
            reply = {"ok": False, "error": f"bad message: {exc}"}
        socket.write(json.dumps(reply).encode() + b"\n")
        socket.flush()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
