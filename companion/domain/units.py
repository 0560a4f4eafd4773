"""Units the user reads amounts in: millilitres or US fluid ounces, °C or °F.

Everything is stored and checked in metric (PROTOCOLS.md's units); these only
change how a number is shown and how a typed number is read back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

ML_PER_FL_OZ = 29.5735  # one US fluid ounce


class VolumeUnit(StrEnum):
    MILLILITRES = "ml"
    FLUID_OUNCES = "fl_oz"


class TemperatureUnit(StrEnum):
    CELSIUS = "c"
    FAHRENHEIT = "f"


def c_to_f(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def f_to_c(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


@dataclass(frozen=True)
class Units:
    volume: VolumeUnit = VolumeUnit.MILLILITRES
    temperature: TemperatureUnit = TemperatureUnit.CELSIUS

    @property
    def fahrenheit(self) -> bool:
        return self.temperature is TemperatureUnit.FAHRENHEIT

    @property
    def ounces(self) -> bool:
        return self.volume is VolumeUnit.FLUID_OUNCES

    # -- temperature ----------------------------------------------------------------------
    @property
    def degree_symbol(self) -> str:
        return "°F" if self.fahrenheit else "°C"

    def degrees(self, celsius: float) -> float:
        """``celsius`` in the user's unit, rounded the way it is shown."""
        return round(c_to_f(celsius)) if self.fahrenheit else round(celsius, 1)

    def temp(self, celsius: float) -> str:
        """'38 °C' or '100 °F'."""
        return f"{self.degrees(celsius):g} {self.degree_symbol}"

    def to_celsius(self, value: float) -> float:
        """A temperature the user typed, in °C."""
        return round(f_to_c(value), 1) if self.fahrenheit else value

    # -- volume ---------------------------------------------------------------------------
    @property
    def volume_symbol(self) -> str:
        return "fl oz" if self.ounces else "mL"

    def volume_value(self, ml: float) -> float:
        return round(ml / ML_PER_FL_OZ, 1) if self.ounces else round(ml)

    def amount(self, ml: float) -> str:
        """A drink: '250 mL' or '8.5 fl oz'."""
        if self.ounces:
            return f"{round(ml / ML_PER_FL_OZ, 1):g} fl oz"
        return f"{round(ml):,} mL"

    def litres(self, litres: float) -> str:
        """A day's water: '2 L' or '68 fl oz'."""
        if self.ounces:
            return f"{round(litres * 1000 / ML_PER_FL_OZ):,} fl oz"
        return f"{round(litres, 2):g} L"

    def to_ml(self, value: float) -> int:
        """An amount the user typed, in mL."""
        return round(value * ML_PER_FL_OZ) if self.ounces else round(value)


METRIC = Units()


def minutes_words(minutes: float) -> str:
    """A length of time in English words: '1 minute', '1.5 minutes', '20 minutes'.

    For the domain's English sentences (the window translates its own with Qt's %n
    plurals); only exactly one takes the singular.
    """
    return f"{minutes:g} minute" if minutes == 1 else f"{minutes:g} minutes"


_CELSIUS = re.compile(r"(\d+(?:\.\d+)?)(?P<range> to (\d+(?:\.\d+)?))? °C")
_LITRES = re.compile(r"(\d+(?:\.\d+)?)(?P<range> to (\d+(?:\.\d+)?))? litres?\b")


def in_units(text: str, units: Units) -> str:
    """Prose written in metric ("10 to 15 °C", "2 litres") in the user's units.

    Only temperatures and litres of drink are rewritten; every one in our prose is an
    absolute value (a water or skin temperature, a day's drinks), never a difference.
    """
    if units.fahrenheit:

        def degrees(match: re.Match[str]) -> str:
            low = f"{units.degrees(float(match.group(1))):g}"
            if match.group("range"):
                return f"{low} to {units.degrees(float(match.group(3))):g} °F"
            return f"{low} °F"

        text = _CELSIUS.sub(degrees, text)
    if units.ounces:

        def ounces(match: re.Match[str]) -> str:
            high = units.litres(float(match.group(3) or match.group(1)))
            if match.group("range"):
                low = round(float(match.group(1)) * 1000 / ML_PER_FL_OZ)
                return f"{low} to {high}"
            return high

        text = _LITRES.sub(ounces, text)
    return text
