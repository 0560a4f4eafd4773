"""An AT-SPI client for the desktop tests: reads an app's accessibility tree over D-Bus.

It runs on the system's Python (/usr/bin/python3), which has python3-gi and
at-spi2-core's Atspi typelib; the project's venv cannot import them. The tests
start it as a subprocess and read one JSON document from its stdout:

    python3 atspi.py PID tree                 every object of the app, depth first
    python3 atspi.py PID set-value PATH VALUE  set a Value (PATH: child indices, "0.3.1")
    python3 atspi.py PID listen SECONDS       the value, name and description changes
                                              the app sends in that time

Each object is {"path", "role", "name", "description", "states", "interfaces",
"value"} ("value": [current, minimum, maximum] for objects with a Value).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import gi  # type: ignore[import-not-found]

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]  # noqa: E402

FIND_TIMEOUT_S = 20.0
MAX_OBJECTS = 4000
EVENTS = (
    "object:property-change:accessible-value",
    "object:value-changed",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)


def find_app(pid: int) -> Any:
    """The application object of process ``pid``, once it is on the registry's list."""
    deadline = time.monotonic() + FIND_TIMEOUT_S
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for index in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(index)
            try:
                if app is not None and app.get_process_id() == pid and app.get_child_count():
                    return app
            except GLib.Error:
                continue
        GLib.usleep(200_000)
    raise SystemExit(f"no accessible application for process {pid}")


def describe(node: Any, path: str) -> dict[str, Any]:
    states = node.get_state_set()
    value = None
    if "Value" in node.get_interfaces():
        v = node.get_value_iface()
        value = [v.get_current_value(), v.get_minimum_value(), v.get_maximum_value()]
    return {
        "path": path,
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "states": sorted(
            Atspi.StateType(s).value_nick
            for s in range(Atspi.StateType.LAST_DEFINED)
            if states.contains(Atspi.StateType(s))
        ),
        "interfaces": sorted(node.get_interfaces()),
        "value": value,
    }


def tree(app: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack: list[tuple[Any, str]] = [(app, "")]
    while stack and len(found) < MAX_OBJECTS:
        node, path = stack.pop()
        try:
            found.append(describe(node, path))
            count = node.get_child_count()
        except GLib.Error:
            continue
        for index in reversed(range(count)):
            child = node.get_child_at_index(index)
            if child is not None:
                stack.append((child, f"{path}.{index}" if path else str(index)))
    return found


def walk(app: Any, path: str) -> Any:
    node = app
    for index in (int(part) for part in path.split(".") if part):
        node = node.get_child_at_index(index)
    return node


def listen(app: Any, seconds: float) -> list[dict[str, Any]]:
    pid = app.get_process_id()
    heard: list[dict[str, Any]] = []

    def on_event(event: Any) -> None:
        source = event.source
        try:
            if source is None or source.get_process_id() != pid:
                return
            heard.append(
                {
                    "type": event.type,
                    "role": source.get_role_name(),
                    "name": source.get_name() or "",
                    "at": round(time.monotonic() - started, 2),
                }
            )
        except GLib.Error:
            return

    listener = Atspi.EventListener.new(on_event)
    for kind in EVENTS:
        listener.register(kind)
    print(json.dumps({"listening": True}), flush=True)  # the caller may act now
    started = time.monotonic()
    loop = GLib.MainLoop()
    GLib.timeout_add(round(seconds * 1000), loop.quit)
    loop.run()
    for kind in EVENTS:
        listener.deregister(kind)
    return heard


def main(argv: list[str]) -> int:
    pid, command, *rest = argv
    app = find_app(int(pid))
    if command == "tree":
        result: Any = tree(app)
    elif command == "set-value":
        path, value = rest
        node = walk(app, path)
        result = bool(node.get_value_iface().set_current_value(float(value)))
    elif command == "listen":
        result = listen(app, float(rest[0]))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
