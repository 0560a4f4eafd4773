"""The IPC protocol between a command line (or a second launch) and the running app.

Every command is named here once: the app's handler table is keyed by
``Command`` and every sender builds its message with ``message()``; a test
checks both against this list. Each message and reply carries ``PROTOCOL``, so
when the two ends come from different versions, each says so in plain words
instead of "unknown command".

Protocol history:
1. the commands up to ``set-preference`` and ``data-changed`` (no version field);
2. the version field itself, and ``confirmed`` on ``timer``;
3. ``edit-reminder`` (``reminders add``, ``set`` and ``remove``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

PROTOCOL = 3
APP_NAME = "Recovery Companion"


class Command(StrEnum):
    PING = "ping"  # is the app there, on which folder, playing what
    SHOW = "show"  # bring the window forward
    START = "start"  # start a routine by id
    LOG_WATER = "log-water"
    PAUSE = "pause"  # pause or resume reminders
    TIMER = "timer"  # open a therapy timer
    LOG_ACTIVITY = "log-activity"  # an activity, or a morning's sleep
    SET_PREFERENCE = "set-preference"
    EDIT_REMINDER = "edit-reminder"  # add, change or remove a reminder (action, id, fields)
    DATA_CHANGED = "data-changed"  # another process changed the database: read it again
    QUIT = "quit"


def message(command: Command, **fields: Any) -> dict[str, Any]:
    """A message for the running app."""
    return {"command": command.value, "protocol": PROTOCOL, **fields}


def sender_protocol(received: dict[str, Any]) -> int:
    value = received.get("protocol", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def unknown_command(received: dict[str, Any]) -> dict[str, Any]:
    """The running app's answer to a command it does not know."""
    name = received.get("command")
    if sender_protocol(received) > PROTOCOL:
        error = (
            f"This command line is newer than the {APP_NAME} that is running, which does "
            f"not know {name!r} yet. Quit the app and start it again, then try once more."
        )
    else:
        error = f"unknown command {name!r}"
    return {"ok": False, "error": error, "protocol": PROTOCOL}


def explain_reply(sent: dict[str, Any], reply: dict[str, Any]) -> dict[str, Any]:
    """A reply as the sender should read it: an app older than the protocol, which
    answers "unknown command" to something it has not learnt, is named as such."""
    if reply.get("ok") or sender_protocol(reply) >= sender_protocol(sent):
        return reply
    error = str(reply.get("error", ""))
    if error.startswith("unknown command"):
        return {
            **reply,
            "error": (
                f"The {APP_NAME} that is running is older than this command line and does "
                f"not know {sent.get('command')!r}. Quit the app and start it again, then "
                "try once more."
            ),
        }
    return reply
