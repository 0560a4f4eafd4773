"""Single instance per data folder, over a local socket.

The first instance listens on a channel named after its data folder. A
second launch connects, sends one JSON line (``{"command": "show"}``), waits
for the reply and exits; the first instance brings its window forward. Later
command-line commands travel the same way. The socket accepts the current
user only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE = 64 * 1024

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class InstanceError(Exception):
    pass


def send_to_running(name: str, message: dict[str, Any]) -> dict[str, Any] | None:
    """Deliver ``message`` to a running instance. None if no instance listens."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
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
        raise InstanceError("Recovery Companion is already running but sent a garbled reply.") from exc
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

    def listen(self) -> bool:
        """Start listening. False if another instance took the name first."""
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QLocalSocket.LocalSocketError.AddressInUseError:
            # A socket file is left over. Remove it only if nobody answers on it.
            probe = QLocalSocket()
            probe.connectToServer(self.name)
            if probe.waitForConnected(CONNECT_TIMEOUT_MS):
                probe.disconnectFromServer()
                return False
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        raise InstanceError(
            f"Cannot open the single-instance channel {self.name}: {self._server.errorString()}"
        )

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
