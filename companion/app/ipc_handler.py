"""The running app's side of the IPC protocol: one handler for each declared command.

A later launch or a command line sends one message (``companion.services.commands``);
this answers it on the GUI thread by calling the same methods the window uses, so
the safety gate and every check apply exactly as they do there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from companion import __version__
from companion.services.commands import Command

if TYPE_CHECKING:
    from companion.app.root import CompanionApp

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class IpcHandler:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        """A command from a later launch of the app (runs on the GUI thread)."""
        from companion.services.commands import unknown_command  # noqa: PLC0415
        from companion.storage.database import (  # noqa: PLC0415
            DatabaseError,
            ReadOnlyDatabaseError,
        )

        try:
            command = Command(str(message.get("command")))
        except ValueError:
            return unknown_command(message)
        try:
            return self.handlers()[command](message)
        except DatabaseError as exc:
            # A read-only data file (or one that failed under us): the sender gets the
            # sentence, not silence; nothing was saved.
            return {
                "ok": False,
                "error": str(exc),
                "read_only": isinstance(exc, ReadOnlyDatabaseError),
            }

    def handlers(self) -> dict[Command, Handler]:
        """One handler for each command of the protocol (services/commands.py)."""
        return {
            Command.PING: self._ping,
            Command.SHOW: self._show,
            Command.START: self._start_command,
            Command.LOG_WATER: self._log_water_command,
            Command.PAUSE: self._pause_command,
            Command.TIMER: self._timer_command,
            Command.LOG_ACTIVITY: self._log_activity_command,
            Command.SET_PREFERENCE: self._set_preference_command,
            Command.EDIT_REMINDER: self._edit_reminder_command,
            Command.DATA_CHANGED: self._data_changed_command,
            Command.QUIT: self._quit_command,
        }

    def _ping(self, _message: dict[str, Any]) -> dict[str, Any]:
        playing = self.app.player is not None and self.app.player.isVisible()
        from companion.services.commands import PROTOCOL  # noqa: PLC0415

        return {
            "ok": True,
            "version": __version__,
            "protocol": PROTOCOL,
            "data_dir": str(self.app.paths.data_dir),
            "playing": self.app._playing if playing else None,
        }

    def _show(self, _message: dict[str, Any]) -> dict[str, Any]:
        self.app.window.bring_forward()
        return {"ok": True}

    def _start_command(self, message: dict[str, Any]) -> dict[str, Any]:
        reason = self.app.start_routine(str(message.get("routine", "")))
        if reason is not None:
            self.app.window.bring_forward()
            return {"ok": False, "error": reason}
        return {"ok": True}

    def _log_water_command(self, message: dict[str, Any]) -> dict[str, Any]:
        ml = message.get("ml")
        if isinstance(ml, bool) or not isinstance(ml, int):
            return {"ok": False, "error": "say how much water, in mL"}
        reason = self.app.log_water(ml, "cli")
        if reason is not None:
            return {"ok": False, "error": reason}
        return {"ok": True, "today_ml": self.app.reminders.water_today()}

    def _timer_command(self, message: dict[str, Any]) -> dict[str, Any]:
        options = message.get("options", {})
        if not isinstance(options, dict):
            return {"ok": False, "error": "timer options must be a table"}
        confirmed = message.get("confirmed", True) is True  # older CLIs asked before sending
        reason = self.app.start_timer(str(message.get("kind", "")), options, confirmed=confirmed)
        if reason is not None:
            return {"ok": False, "error": reason}
        return {"ok": True}

    def _pause_command(self, message: dict[str, Any]) -> dict[str, Any]:
        from companion.domain.pause import PauseChoice  # noqa: PLC0415

        choice = str(message.get("choice", ""))
        if choice == "off":
            self.app.pause.resume()
        elif choice in {c.value for c in PauseChoice}:
            self.app.pause.pause(PauseChoice(choice))
        else:
            return {"ok": False, "error": f"{choice!r} is not a pause"}
        return {"ok": True, "status": self.app.pause.describe()}

    def _set_preference_command(self, message: dict[str, Any]) -> dict[str, Any]:
        """``settings set``: the same checks as the Settings screen, applied live."""
        name, words = message.get("name"), message.get("value")
        if not isinstance(name, str) or not isinstance(words, list):
            return {"ok": False, "error": "say a setting's name and its value"}
        changed = self.app.preferences.change(
            name, [str(w) for w in words], confirmed=message.get("confirmed") is True
        )
        if not changed.saved:
            return {"ok": False, "error": changed.said}
        return {"ok": True, "said": changed.said}

    def _edit_reminder_command(self, message: dict[str, Any]) -> dict[str, Any]:
        """``reminders add``, ``set`` and ``remove``: the editor's checks, saved through the
        reminder center so the schedule follows at once."""
        from companion.services.reminder_edits import edit_running  # noqa: PLC0415

        return edit_running(self.app.reminders, message)

    def _log_activity_command(self, message: dict[str, Any]) -> dict[str, Any]:
        from companion.domain.activity import MorningLog  # noqa: PLC0415
        from companion.services.activity import from_message  # noqa: PLC0415

        try:
            logged = from_message(message, self.app.clock.now())
        except ValueError as exc:
            return {"ok": False, "error": str(exc)}
        if isinstance(logged, MorningLog):
            result = self.app.log_morning(logged)
            if result.alert is not None:  # asked once the reply has gone back
                alert = result.alert
                QTimer.singleShot(0, lambda: self.app._morning_alert(alert))
            return {"ok": True, "notes": list(result.notes)}
        reason = self.app.log_activity(logged, "cli")
        if reason is not None:
            return {"ok": False, "error": reason}
        return {"ok": True, "notes": self.app.activity.nudges(logged)}

    def _data_changed_command(self, _message: dict[str, Any]) -> dict[str, Any]:
        """Another process (an import) changed the database: read it again."""
        self.app._data_replaced()
        return {"ok": True}

    def _quit_command(self, _message: dict[str, Any]) -> dict[str, Any]:
        QTimer.singleShot(0, self.app.quit)  # reply first, then quit
        return {"ok": True}
