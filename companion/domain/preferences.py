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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from companion.domain.equipment import Equipment
from companion.domain.protocols import Check, ProtocolBounds, Verdict, as_float
from companion.domain.reminders.waking import DAY_NAMES, WakingHours, WakingWeek
from companion.domain.units import TemperatureUnit, Units, VolumeUnit

SCHEMA_VERSION = 1
VOLUME_RANGE = (0, 100)  # percent of the system volume
EMERGENCY_PATTERN = re.compile(r"\+?[0-9]{2,14}")


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    # Chosen by the user where the desktop reports no contrast setting (the system's
    # high-contrast setting is followed under the three above as well).
    HIGH_CONTRAST_LIGHT = "high-contrast-light"
    HIGH_CONTRAST_DARK = "high-contrast-dark"


class ReminderStyle(StrEnum):
    """How a reminder shows: the desktop's notification, or the app's own small window.

    With ``DESKTOP`` the app's window is still used where the desktop has no
    notification service that can show buttons."""

    DESKTOP = "desktop"
    WINDOW = "window"


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
    # What the user owns beyond what every home has: nothing until they say (the welcome
    # or Settings asks), so no plan sends someone without a foam roller to one. None
    # means everything; a stored document keeps what it says (older ones said None).
    equipment: frozenset[Equipment] | None = frozenset()
    reminders_as: ReminderStyle = ReminderStyle.DESKTOP
    # A folder a watch mounts or a sync app fills; new activity files in it are imported
    # once. "" is off (the default).
    watch_folder: str = ""

    def __post_init__(self) -> None:
        # Kept as it is stored and read back: without the spaces typed around it.
        if isinstance(self.emergency_number, str):
            object.__setattr__(self, "emergency_number", self.emergency_number.strip())

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
            "reminders_as": self.reminders_as.value,
            "watch_folder": self.watch_folder,
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


def _reminders_as(value: object, _bounds: ProtocolBounds | None) -> ReminderStyle:
    return ReminderStyle(str(value))


def _watch_folder(value: object, _bounds: ProtocolBounds | None) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a folder")
    reason = check_watch_folder(value)
    if reason:
        raise ValueError(reason)
    return value


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
    "reminders_as": _reminders_as,
    "watch_folder": _watch_folder,
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


def check_watch_folder(text: str) -> str:
    """Why ``text`` cannot be the watched folder, or "" when it can ("" means off).

    Only its form is checked here (whether the folder is there is the caller's
    question: a watch's folder comes and goes as it is plugged in)."""
    if not text:
        return ""
    if "\0" in text or not PurePath(text).is_absolute():
        return "The watched folder is a full path, like /home/you/Watch, or off."
    return ""


def check_volume(percent: int) -> str:
    low, high = VOLUME_RANGE
    if not low <= percent <= high:
        return f"Volume is a percentage from {low} to {high}."
    return ""


def check_water_goal(ml: int, bounds: ProtocolBounds) -> Check:
    """The protocol's verdict on a daily goal: refused past the hard limits, asked outside
    the usual range."""
    return bounds.check("hydration.daily_target", as_float(ml) / 1000)


def check_waking_day(start: Any, end: Any) -> str:
    return WakingHours.check(start, end)


def check_change(bounds: ProtocolBounds, **values: Any) -> Check:
    """The verdict on changing ``values``: OK, CONFIRM with the question, or REFUSE with why.

    Every value is checked: a refusal anywhere wins over a question about another
    value, so confirming the question can never save a refused value with it. A value
    of the wrong kind (text for the volume, say) is refused with the key named, so
    nothing malformed is ever saved. An unknown key raises KeyError: that is a
    mistake in the caller, not something a user typed."""
    question: Check | None = None
    for key, value in values.items():
        check = _check_value(bounds, key, value)
        if check.verdict is Verdict.REFUSE:
            return check
        if check.verdict is Verdict.CONFIRM and question is None:
            question = check
    return question or Check(Verdict.OK)


def _check_value(bounds: ProtocolBounds, key: str, value: Any) -> Check:
    if key not in _READERS:
        raise KeyError(f"no preference called {key!r}")
    if not _KINDS[key][0](value):
        return Check(Verdict.REFUSE, f"{key}: expected {_KINDS[key][1]}.")
    if key == "water_goal_ml":
        return Check(Verdict.OK) if value is None else check_water_goal(value, bounds)
    reason = ""
    if key == "volume":
        reason = check_volume(value)
    elif key == "emergency_number":
        reason = check_emergency_number(value)
    elif key == "watch_folder":
        reason = check_watch_folder(value)
    elif key == "waking":
        for day, hours in zip(DAY_NAMES, value.days, strict=True):
            problem = WakingHours.check(hours.start, hours.end)
            if problem:
                reason = f"{day}: {problem}"
                break
    return Check(Verdict.REFUSE, reason) if reason else Check(Verdict.OK)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _wall_clock(hours: object) -> bool:
    return isinstance(hours, WakingHours) and all(
        isinstance(t, time) and t.tzinfo is None for t in (hours.start, hours.end)
    )


# What each preference must be before its rules are even asked: (test, description).
_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "units": (
        lambda v: (
            isinstance(v, Units)
            and isinstance(v.volume, VolumeUnit)
            and isinstance(v.temperature, TemperatureUnit)
        ),
        "volume and temperature units",
    ),
    "waking": (
        lambda v: (
            isinstance(v, WakingWeek)
            and len(v.days) == 7
            and all(_wall_clock(hours) for hours in v.days)
        ),
        "waking hours for seven days, as local clock times",
    ),
    "water_goal_ml": (lambda v: v is None or _is_whole(v), "millilitres as a whole number"),
    "sounds": (lambda v: isinstance(v, bool), "true or false"),
    "voice": (lambda v: isinstance(v, bool), "true or false"),
    "volume": (_is_whole, "a whole number"),
    "theme": (
        lambda v: isinstance(v, ThemeChoice),
        "system, light, dark, high-contrast-light or high-contrast-dark",
    ),
    "emergency_number": (lambda v: isinstance(v, str), "a phone number"),
    "equipment": (
        lambda v: (
            v is None
            or (isinstance(v, frozenset) and all(isinstance(item, Equipment) for item in v))
        ),
        "a set of equipment, or none for everything",
    ),
    "reminders_as": (
        lambda v: isinstance(v, ReminderStyle),
        "desktop (notifications) or window (the app's own)",
    ),
    "watch_folder": (lambda v: isinstance(v, str), "a folder, or off"),
}


# -- the command line's words --------------------------------------------------------------------
_ON_OFF = {"on": True, "yes": True, "true": True, "off": False, "no": False, "false": False}
_DAY_WORDS = {name[:3].lower(): index for index, name in enumerate(DAY_NAMES)}
_DAY_GROUPS = {"all": range(7), "every-day": range(7), "weekdays": range(5), "weekend": (5, 6)}


def parse_setting(name: str, words: list[str], current: Preferences) -> dict[str, Any]:
    """The preference values that ``recovery-companion settings set NAME WORDS...`` means.

    Raises ValueError with a message for the person typing it; the values still go
    through ``check_change`` before anything is saved.
    """
    if name not in _SETTING_PARSERS:
        raise ValueError(f"no setting {name!r}; choose one of {', '.join(SETTING_NAMES)}")
    text = " ".join(words).strip()
    if not text:
        raise ValueError(f"say what to set {name} to")
    return _SETTING_PARSERS[name](text, words, current)


def _volume_unit(text: str, _words: list[str], current: Preferences) -> dict[str, Any]:
    choices = {"ml": VolumeUnit.MILLILITRES, "fl-oz": VolumeUnit.FLUID_OUNCES}
    unit = _choose(text.lower(), choices, "volume-unit")
    return {"units": Units(unit, current.units.temperature)}


def _temperature_unit(text: str, _words: list[str], current: Preferences) -> dict[str, Any]:
    choices = {"c": TemperatureUnit.CELSIUS, "f": TemperatureUnit.FAHRENHEIT}
    unit = _choose(text.lower(), choices, "temperature-unit")
    return {"units": Units(current.units.volume, unit)}


def _switch(name: str) -> Callable[[str, list[str], Preferences], dict[str, Any]]:
    def parse(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
        return {name: _choose(text.lower(), _ON_OFF, name)}

    return parse


def _volume_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"volume": _whole(text.rstrip("%").strip(), "volume")}


def _theme_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"theme": _choose(text.lower(), {t.value: t for t in ThemeChoice}, "theme")}


def _reminders_as_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"reminders_as": _choose(text.lower(), {s.value: s for s in ReminderStyle}, "reminders")}


def _emergency_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"emergency_number": "" if text.lower() == "default" else text}


def _goal_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    lowered = text.lower()
    return {"water_goal_ml": None if lowered == "default" else _litres_to_ml(lowered)}


def _watch_folder_words(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"watch_folder": "" if text.lower() in {"off", "none"} else text}


def _equipment_setting(text: str, _words: list[str], _current: Preferences) -> dict[str, Any]:
    return {"equipment": _equipment_words(text.lower())}


def _waking_setting(_text: str, words: list[str], current: Preferences) -> dict[str, Any]:
    return {"waking": _waking_words(words, current.waking)}


_SETTING_PARSERS: dict[str, Callable[[str, list[str], Preferences], dict[str, Any]]] = {
    "volume-unit": _volume_unit,
    "temperature-unit": _temperature_unit,
    "waking": _waking_setting,
    "water-goal": _goal_words,
    "sounds": _switch("sounds"),
    "voice": _switch("voice"),
    "volume": _volume_words,
    "theme": _theme_words,
    "emergency-number": _emergency_words,
    "equipment": _equipment_setting,
    "reminders": _reminders_as_words,
    "watch-folder": _watch_folder_words,
}
SETTING_NAMES = tuple(_SETTING_PARSERS)


def _choose(word: str, choices: Mapping[str, Any], name: str) -> Any:
    if word not in choices:
        raise ValueError(f"{name} is one of {', '.join(choices)}, not {word!r}")
    return choices[word]


def _whole(word: str, name: str) -> int:
    if not word.isdigit():
        raise ValueError(f"{name} is a whole number, not {word!r}")
    return int(word)


def _litres_to_ml(word: str) -> int:
    number = word.removesuffix("l").strip()
    try:
        litres = float(number)
    except ValueError:
        raise ValueError(f"the water goal is in litres, like 2 or 2.5, not {word!r}") from None
    if not 0 < litres < 100:  # also catches nan and inf
        raise ValueError(f"{word!r} litres is not a daily goal")
    return round(litres * 1000)


def _equipment_words(text: str) -> frozenset[Equipment] | None:
    if text == "all":
        return None
    if text == "none":
        return frozenset()
    chosen = set()
    for word in (w.strip() for w in text.replace(",", " ").split()):
        try:
            chosen.add(Equipment(word.replace("-", "_")))
        except ValueError:
            known = ", ".join(
                e.value.replace("_", "-") for e in Equipment if e is not Equipment.NONE
            )
            raise ValueError(f"no equipment {word!r}; choose from {known}, all or none") from None
    return frozenset(chosen)


def _waking_words(words: list[str], week: WakingWeek) -> WakingWeek:
    """'all 07:00-22:00', 'weekend 09:00-23:00' or 'sat 09:30-23:00'."""
    if len(words) != 2:
        raise ValueError("say which days and the hours, e.g. 'weekend 09:00-23:00'")
    which, hours = words[0].lower(), words[1]
    if which in _DAY_GROUPS:
        days: Sequence[int] = list(_DAY_GROUPS[which])
    elif which[:3] in _DAY_WORDS:
        days = [_DAY_WORDS[which[:3]]]
    else:
        raise ValueError(f"{which!r} is not a day; say mon-sun, weekdays, weekend or all")
    start_text, _, end_text = hours.partition("-")
    try:
        start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
    except ValueError:
        raise ValueError(f"{hours!r} is not hours like 07:00-22:00") from None
    reason = WakingHours.check(start, end)
    if reason:
        raise ValueError(reason)
    for day in days:
        week = week.with_day(day, WakingHours(start, end))
    return week


def describe_preferences(preferences: Preferences, default_goal_l: float, local_number: str) -> str:
    """Every preference in plain lines, as the command line prints them."""
    p = preferences
    goal = f"{p.water_goal_ml / 1000:g} L" if p.water_goal_ml else f"{default_goal_l:g} L (usual)"
    owned = (
        "everything"
        if p.equipment is None
        else ", ".join(sorted(e.value.replace("_", "-") for e in p.equipment)) or "nothing extra"
    )
    lines = [
        f"volume-unit       {'fl-oz' if p.units.ounces else 'ml'}",
        f"temperature-unit  {'f' if p.units.fahrenheit else 'c'}",
        f"waking            {p.waking.describe()}",
        f"water-goal        {goal}",
        f"sounds            {'on' if p.sounds else 'off'}",
        f"voice             {'on' if p.voice else 'off'}",
        f"volume            {p.volume} %",
        f"theme             {p.theme.value}",
        f"emergency-number  {p.emergency_number or local_number + ' (local)'}",
        f"equipment         {owned}",
        f"reminders         {p.reminders_as.value}",
        f"watch-folder      {p.watch_folder or 'off'}",
    ]
    return "\n".join(lines)
