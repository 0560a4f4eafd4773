"""Protocol defaults, warning ranges and hard limits (PROTOCOLS.md section 1.2).

Every number the user can set (a hold, an ice application, a water amount)
is checked here before the UI saves it, the scheduler schedules it or an
import accepts it:

- inside the warning range: fine;
- outside it but inside the hard limits: allowed after the user confirms;
- beyond a hard limit: refused, with the reason.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from companion.domain.content import ContentError, Reader

UNITS = {
    "s": "s",
    "min": "min",
    "h": "h",
    "C": "°C",
    "L": "L",
    "mL": "mL",
    "reps": "reps",
    "sets": "sets",
    "holds": "holds",
    "sessions": "sessions",
    "ratio": ":1",
}

_BOUND_KEYS = ("unit", "label", "default", "warn_min", "warn_max", "hard_min", "hard_max", "source")

Setting = bool | int | float | str | tuple[float, ...] | tuple[str, ...]


class Verdict(StrEnum):
    OK = "ok"
    CONFIRM = "confirm"  # outside the usual range: ask the user to confirm
    REFUSE = "refuse"  # beyond a hard limit: never scheduled or run


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.verdict is not Verdict.REFUSE


def as_float(value: float) -> float:
    """``value`` as a float. An integer too large for one (a hand-edited file may hold
    any number of digits) becomes the infinity of its sign, which every hard limit refuses."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


@dataclass(frozen=True)
class Bound:
    key: str  # "ice_pack.application"
    label: str  # "Ice pack on the skin"
    unit: str
    default: float | None = None
    warn_min: float | None = None
    warn_max: float | None = None
    hard_min: float | None = None
    hard_max: float | None = None
    source: str = ""

    def format(self, value: float) -> str:
        number = f"{value:g}"
        symbol = UNITS[self.unit]
        return f"{number}{symbol}" if self.unit == "ratio" else f"{number} {symbol}"

    def check(self, value: float) -> Check:
        value = as_float(value)
        if math.isnan(value):
            return Check(Verdict.REFUSE, f"{self.label}: not a number.")
        limits = (
            (self.hard_min, -1, Verdict.REFUSE, "below the safe minimum of"),
            (self.hard_max, +1, Verdict.REFUSE, "above the safe limit of"),
            (self.warn_min, -1, Verdict.CONFIRM, "below the usual"),
            (self.warn_max, +1, Verdict.CONFIRM, "above the usual"),
        )
        for limit, direction, verdict, wording in limits:
            if limit is not None and (value - limit) * direction > 0:
                ask = " Keep it anyway?" if verdict is Verdict.CONFIRM else ""
                return Check(
                    verdict,
                    f"{self.label}: {self.format(value)} is {wording} {self.format(limit)}.{ask}",
                )
        return Check(Verdict.OK)


@dataclass(frozen=True)
class Protocol:
    key: str
    label: str
    bounds: Mapping[str, Bound] = field(default_factory=dict)
    settings: Mapping[str, Setting] = field(default_factory=dict)


@dataclass(frozen=True)
class ProtocolBounds:
    version: int
    protocols: Mapping[str, Protocol]

    def bound(self, key: str) -> Bound:
        protocol_key, _, name = key.partition(".")
        protocol = self.protocol(protocol_key)
        try:
            return protocol.bounds[name]
        except KeyError:
            known = ", ".join(sorted(protocol.bounds))
            raise KeyError(f"No bound {key!r}; {protocol_key} has: {known}") from None

    def setting(self, key: str) -> Setting:
        protocol_key, _, name = key.partition(".")
        protocol = self.protocol(protocol_key)
        try:
            return protocol.settings[name]
        except KeyError:
            known = ", ".join(sorted(protocol.settings))
            raise KeyError(f"No setting {key!r}; {protocol_key} has: {known}") from None

    def protocol(self, key: str) -> Protocol:
        try:
            return self.protocols[key]
        except KeyError:
            known = ", ".join(sorted(self.protocols))
            raise KeyError(f"No protocol {key!r}; known: {known}") from None

    def check(self, key: str, value: float) -> Check:
        return self.bound(key).check(value)

    def all_bounds(self) -> list[Bound]:
        return [b for p in self.protocols.values() for b in p.bounds.values()]


def parse_protocols(data: Mapping[str, Any], source: str) -> ProtocolBounds:
    top = Reader(data, source)
    version = top.integer("schema")
    if version != 1:
        raise top.error("schema", f"version {version} is not supported (this app reads 1)")
    protocols: dict[str, Protocol] = {}
    for key in data:
        if key == "schema":
            continue
        table = top.table(key)
        protocols[key] = _parse_protocol(key, table)
    return ProtocolBounds(version=version, protocols=protocols)


def _parse_protocol(key: str, table: Reader) -> Protocol:
    label = table.text("label")
    bounds: dict[str, Bound] = {}
    settings: dict[str, Setting] = {}
    for name, value in table.data.items():
        if name in ("label", "source"):
            continue
        if isinstance(value, Mapping):
            bounds[name] = _parse_bound(f"{key}.{name}", table.table(name))
        elif isinstance(value, float) and not math.isfinite(value):  # TOML allows nan, inf
            raise table.error(name, f"must be a finite number, got {value}")
        elif isinstance(value, bool | int | float | str):
            settings[name] = value
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            settings[name] = tuple(value)
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            numbers = tuple(as_float(v) for v in value)
            if not all(math.isfinite(v) for v in numbers):
                raise table.error(name, "must list finite numbers")
            settings[name] = numbers
        else:
            raise table.error(name, "must be a bound table, a number, text, true/false or a list")
    return Protocol(key=key, label=label, bounds=bounds, settings=settings)


def _parse_bound(key: str, t: Reader) -> Bound:
    t.reject_unknown(_BOUND_KEYS)
    unit = t.choice("unit", UNITS)
    numbers = {
        name: t.number(name) if t.has(name) else None
        for name in ("default", "warn_min", "warn_max", "hard_min", "hard_max")
    }
    ordered = [(n, v) for n, v in numbers.items() if v is not None]
    # hard_min <= warn_min <= default <= warn_max <= hard_max, for whichever are given
    order = ("hard_min", "warn_min", "default", "warn_max", "hard_max")
    ordered.sort(key=lambda item: order.index(item[0]))
    for (low_name, low), (high_name, high) in itertools.pairwise(ordered):
        if low > high:
            raise t.error(high_name, f"{high:g} is below {low_name} {low:g}")
    if all(v is None for v in numbers.values()):
        raise t.error("unit", "a bound needs at least one of default, warn_*, hard_*")
    return Bound(
        key=key,
        label=t.text("label"),
        unit=unit,
        source=t.text("source", "") if t.has("source") else "",
        **numbers,
    )


__all__ = [
    "Bound",
    "Check",
    "ContentError",
    "Protocol",
    "ProtocolBounds",
    "Verdict",
    "as_float",
]
