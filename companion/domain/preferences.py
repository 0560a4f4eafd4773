"""The user's preferences: units, waking hours, water goal, sound, theme, safety, equipment.

Plain data with its own rules. ``Preferences.to_dict`` writes one JSON-ready
document carrying ``SCHEMA_VERSION``; ``read_preferences`` reads it back. A
document from an older schema is upgraded; one that is malformed keeps what is
good and falls back to the default for each bad key, naming it (a hand-edited
or damaged value never stops the app). Every change the user makes goes through
``check_change`` first: a value beyond a hard limit is refused with the reason,
one outside the usual range asks for confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from companion.domain.exercises import Equipment
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.domain.reminders import DAY_NAMES, WakingHours, WakingWeek
from companion.domain.units import TemperatureUnit, Units, VolumeUnit

SCHEMA_VERSION = 1
VOLUME_RANGE = (0, 100)  # percent of the system volume
EMERGENCY_PATTERN = re.compile(r"\+?[0-9]{2,14}")


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Preferences:
    units: Units = field(default_factory=Units)
    waking: WakingWeek = field(default_factory=WakingWeek)
    water_goal_ml: int | None = None  # None: the protocol's default goal
    sounds: bool = True
    voice: bool = True
    volume: int = 60
    theme: ThemeChoice = ThemeChoice.SYSTEM
    emergency_number: str = ""  # "": the usual number where the computer is set up
    equipment: frozenset[Equipment] | None = None  # None: everything the exercises use

    def water_goal_l(self, bounds: ProtocolBounds) -> float:
        """The goal in litres: the user's own if it is inside the hard limits, else the
        protocol's default (a stored value is read before the limits are loaded)."""
        if self.water_goal_ml is not None and check_water_goal(self.water_goal_ml, bounds).allowed:
            return self.water_goal_ml / 1000
        default = bounds.bound("hydration.daily_target").default
        assert default is not None
        return default

    def owns(self, item: Equipment) -> bool:
        return self.equipment is None or item in self.equipment

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "units": {
                "volume": self.units.volume.value,
                "temperature": self.units.temperature.value,
            },
            "waking": self.waking.to_list(),
            "water_goal_ml": self.water_goal_ml,
            "sounds": self.sounds,
            "voice": self.voice,
            "volume": self.volume,
            "theme": self.theme.value,
            "emergency_number": self.emergency_number,
            "equipment": None
            if self.equipment is None
            else sorted(item.value for item in self.equipment),
        }


class PreferencesError(ValueError):
    """A stored preferences document this version cannot read at all."""


@dataclass(frozen=True)
class Loaded:
    preferences: Preferences
    problems: tuple[str, ...] = ()  # keys that were malformed and fell back to the default
    newer: bool = False  # written by a newer version: read what we know, do not overwrite


def read_preferences(
    document: object,
    bounds: ProtocolBounds | None = None,
    legacy: Mapping[str, Any] | None = None,
) -> Loaded:
    """Preferences from a stored document; ``legacy`` holds the keys kept before schema 1.

    Without ``bounds`` (at start-up, before the protocol file is read) the water goal is
    only checked for its type; ``Preferences.water_goal_l`` applies the limits."""
    if document is None:
        return _read_keys(_upgrade_legacy(legacy or {}), bounds, newer=False)
    if not isinstance(document, dict):
        return Loaded(Preferences(), ("preferences: not a JSON object; defaults used",))
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        return Loaded(Preferences(), (f"schema: {schema!r} is not a schema version",))
    return _read_keys(document, bounds, newer=schema > SCHEMA_VERSION)


def _upgrade_legacy(legacy: Mapping[str, Any]) -> dict[str, Any]:
    """Schema 0: the emergency number and one pair of waking hours, in their own keys."""
    document: dict[str, Any] = {"schema": SCHEMA_VERSION}
    number = legacy.get("emergency_number")
    if isinstance(number, str) and EMERGENCY_PATTERN.fullmatch(number):
        document["emergency_number"] = number
    hours = legacy.get("reminders.waking_hours")
    if isinstance(hours, dict):
        document["waking"] = hours
    return document


def _read_keys(
    document: Mapping[str, Any], bounds: ProtocolBounds | None, *, newer: bool
) -> Loaded:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, reader in _READERS.items():
        if key not in document:
            continue
        try:
            values[key] = reader(document[key], bounds)
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(f"{key}: {exc}; the default is used")
    return Loaded(Preferences(**values), tuple(problems), newer)


def _units(value: object, _bounds: ProtocolBounds | None) -> Units:
    if not isinstance(value, dict):
        raise ValueError("expected volume and temperature units")
    return Units(VolumeUnit(value["volume"]), TemperatureUnit(value["temperature"]))


def _waking(value: object, _bounds: ProtocolBounds | None) -> WakingWeek:
    return WakingWeek.parse(value)


def _water(value: object, bounds: ProtocolBounds | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError("expected millilitres as a whole number")
    if bounds is not None:
        check = check_water_goal(value, bounds)
        if check.verdict is Verdict.REFUSE:
            raise ValueError(check.reason)
    return value


def _flag(value: object, _bounds: ProtocolBounds | None) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _volume(value: object, _bounds: ProtocolBounds | None) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected a whole number")
    reason = check_volume(value)
    if reason:
        raise ValueError(reason)
    return value


def _theme(value: object, _bounds: ProtocolBounds | None) -> ThemeChoice:
    return ThemeChoice(str(value))


def _emergency(value: object, _bounds: ProtocolBounds | None) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a phone number")
    reason = check_emergency_number(value)
    if reason:
        raise ValueError(reason)
    return value.strip()


def _equipment(value: object, _bounds: ProtocolBounds | None) -> frozenset[Equipment] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValueError("expected a list of equipment")
    return frozenset(Equipment(item) for item in value)


_READERS: dict[str, Callable[[Any, ProtocolBounds | None], Any]] = {
    "units": _units,
    "waking": _waking,
    "water_goal_ml": _water,
    "sounds": _flag,
    "voice": _flag,
    "volume": _volume,
    "theme": _theme,
    "emergency_number": _emergency,
    "equipment": _equipment,
}


# -- checks on what the user types -------------------------------------------------------------
def check_emergency_number(text: str) -> str:
    """Why ``text`` cannot be the emergency number, or "" when it can ("" means the default)."""
    number = text.strip()
    if not number:
        return ""
    if not EMERGENCY_PATTERN.fullmatch(number):
        return (
            "An emergency number is 2 to 14 digits, optionally after a +, "
            "with no spaces or letters (for example 112, 999 or 911)."
        )
    return ""


def check_volume(percent: int) -> str:
    low, high = VOLUME_RANGE
    if not low <= percent <= high:
        return f"Volume is a percentage from {low} to {high}."
    return ""


def check_water_goal(ml: int, bounds: ProtocolBounds) -> Check:
    """The protocol's verdict on a daily goal: refused past the hard limits, asked outside
    the usual range."""
    return bounds.check("hydration.daily_target", ml / 1000)


def check_waking_day(start: Any, end: Any) -> str:
    return WakingHours.check(start, end)


def check_change(bounds: ProtocolBounds, **values: Any) -> Check:
    """The verdict on changing ``values``: OK, CONFIRM with the question, or REFUSE with why."""
    for key, value in values.items():
        if key == "water_goal_ml" and value is not None:
            check = check_water_goal(value, bounds)
            if check.verdict is not Verdict.OK:
                return check
        elif key == "volume":
            reason = check_volume(value)
            if reason:
                return Check(Verdict.REFUSE, reason)
        elif key == "emergency_number":
            reason = check_emergency_number(value)
            if reason:
                return Check(Verdict.REFUSE, reason)
        elif key == "waking":
            for day, hours in zip(DAY_NAMES, value.days, strict=True):
                reason = WakingHours.check(hours.start, hours.end)
                if reason:
                    return Check(Verdict.REFUSE, f"{day}: {reason}")
        elif key not in _READERS:
            raise KeyError(f"no preference called {key!r}")
    return Check(Verdict.OK)
