"""``recovery-companion settings``: show the preferences, or change one.

    recovery-companion settings
    recovery-companion settings --json
    recovery-companion settings set water-goal 2.5
    recovery-companion settings set waking weekend 09:00-23:00
    recovery-companion settings set equipment ball stick
    recovery-companion settings set water-goal 4.5 --yes    (outside the usual range)
    recovery-companion settings set watch-folder ~/Watch     (or off)

A change goes to the running app when there is one, so the window and the
reminders follow it at once and the app never writes over it with what it had;
otherwise it is saved in the data folder. Every change passes the same checks as
the Settings screen: refused with the reason (exit 1), or, outside the usual
range, only with ``--yes``. Of Qt only QLocale is used, for the local emergency number.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from companion import APP_ID
from companion.services.commands import Command, message


def add_parsers(commands: Any) -> None:
    settings = commands.add_parser(
        "settings",
        help="show your settings, or change one with 'settings set NAME VALUE'",
        description="Show the settings (units, waking hours, water goal, sound, theme, "
        "emergency number, equipment), or change one. Names: volume-unit (ml, fl-oz), "
        "temperature-unit (c, f), waking (DAYS HH:MM-HH:MM, DAYS being mon..sun, weekdays, "
        "weekend or all), water-goal (litres or default), sounds and voice (on, off), "
        "volume (0-100), theme (system, light, dark, high-contrast-light, "
        "high-contrast-dark), emergency-number (digits or default), "
        "equipment (foam-roller ball stick strap step bottle, all or none), "
        "watch-folder (a folder whose new activity files are imported, or off).",
    )
    settings.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions = settings.add_subparsers(dest="settings_action", metavar="action")
    change = actions.add_parser("set", help="change one setting")
    change.add_argument("name", metavar="NAME")
    change.add_argument("value", nargs="+", metavar="VALUE")
    change.add_argument(
        "--yes", action="store_true", help="keep a value outside the usual range (asked otherwise)"
    )


def cmd_settings(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from companion.cli_reminders import Store, via_app  # noqa: PLC0415

    if getattr(args, "settings_action", None) == "set" and args.name == "watch-folder":
        folder = _folder_words(list(args.value), err)
        if folder is None:
            return 1
        args.value = folder
    if getattr(args, "settings_action", None) == "set":
        sent = message(
            Command.SET_PREFERENCE,
            name=args.name,
            value=list(args.value),
            confirmed=bool(args.yes),
        )
        reply = via_app(args.data_dir, sent, err)
        if isinstance(reply, int):
            return reply
        if reply:
            print(reply.get("said", "Saved."), file=out)
            return 0
    store = Store(args.data_dir)
    try:
        if getattr(args, "settings_action", None) == "set":
            code, words = change_setting(
                store.db, store.clock.now(), args.name, list(args.value), confirmed=args.yes
            )
            print(f"{APP_ID}: {words}" if code else words, file=err if code else out)
            return code
        return _show(store.db, args.json, out)
    finally:
        store.close()


def _folder_words(words: list[str], err: TextIO) -> list[str] | None:
    """The watched folder as a full path (the running app's own folder is elsewhere);
    None, said why, when there is no folder there."""
    from pathlib import Path  # noqa: PLC0415

    text = " ".join(words).strip()
    if text.lower() in {"off", "none", ""}:
        return words
    folder = Path(text).expanduser().resolve()
    if not folder.is_dir():
        print(f"{APP_ID}: not saved: there is no folder at {folder}.", file=err)
        return None
    return [str(folder)]


def change_setting(
    db: Any, now: Any, name: str, words: list[str], *, confirmed: bool
) -> tuple[int, str]:
    """Parse, check and save one change, as the Settings screen does (the settings
    service): (0, what was saved) or (1, why not). ``now`` is when it is saved."""
    from companion.resources import load_protocols  # noqa: PLC0415
    from companion.services.settings import SettingsService  # noqa: PLC0415
    from companion.storage.preferences import PreferencesRepository  # noqa: PLC0415

    bounds = load_protocols()

    class _At:
        def now(self) -> Any:
            return now

    changed = SettingsService(PreferencesRepository(db), lambda: bounds, _At()).change(
        name, words, confirmed=confirmed
    )
    return (0 if changed.saved else 1), changed.said


def _show(db: Any, as_json: bool, out: TextIO) -> int:
    from companion.domain.preferences import describe_preferences  # noqa: PLC0415
    from companion.domain.triage import emergency_number_for  # noqa: PLC0415
    from companion.resources import load_protocols  # noqa: PLC0415
    from companion.storage.preferences import PreferencesRepository  # noqa: PLC0415

    bounds = load_protocols()
    preferences = PreferencesRepository(db).load(bounds).preferences
    if as_json:
        print(json.dumps(preferences.to_dict(), indent=2), file=out)
        return 0
    from PySide6.QtCore import QLocale  # noqa: PLC0415 - only for the local number

    country = QLocale.territoryToCode(QLocale.system().territory())
    default = bounds.bound("hydration.daily_target").default or 2.0
    print(describe_preferences(preferences, default, emergency_number_for(country)), file=out)
    return 0
