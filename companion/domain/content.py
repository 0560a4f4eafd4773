"""Reading content tables into typed values with errors that say where.

A ContentError names the file, the key path inside it and the reason, e.g.
``regions.toml: region[3].views: 'frnt' is not one of front, back``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

E = TypeVar("E")


class ContentError(ValueError):
    def __init__(self, source: str, key: str, reason: str) -> None:
        super().__init__(f"{source}: {key}: {reason}")
        self.source = source
        self.key = key
        self.reason = reason


class Reader:
    """A view of one table in a content file, tracking the key path for errors."""

    def __init__(self, data: Mapping[str, Any], source: str, path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise ContentError(source, path or "(top)", f"must be a table, got {_kind(data)}")
        self.data = data
        self.source = source
        self.path = path

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str, reason: str) -> ContentError:
        return ContentError(self.source, self.key(name), reason)

    def has(self, name: str) -> bool:
        return name in self.data

    def _get(self, name: str, default: Any) -> Any:
        if name in self.data:
            return self.data[name]
        if default is _REQUIRED:
            raise self.error(name, "is missing")
        return default

    def text(self, name: str, default: Any = ...) -> str:
        value = self._get(name, _REQUIRED if default is ... else default)
        if not isinstance(value, str) or not value.strip():
            raise self.error(name, f"must be non-empty text, got {_kind(value)}")
        return value.strip()

    def number(self, name: str, default: Any = ...) -> float:
        value = self._get(name, _REQUIRED if default is ... else default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(name, f"must be a number, got {_kind(value)}")
        try:
            number = float(value)
        except OverflowError:
            raise self.error(name, "is too large a number") from None
        if not math.isfinite(number):  # TOML allows nan and inf; no limit or cap may be one
            raise self.error(name, f"must be a finite number, got {_kind(value)}")
        return number

    def integer(self, name: str, default: Any = ...) -> int:
        value = self._get(name, _REQUIRED if default is ... else default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, f"must be a whole number, got {_kind(value)}")
        return value

    def boolean(self, name: str, default: Any = ...) -> bool:
        value = self._get(name, _REQUIRED if default is ... else default)
        if not isinstance(value, bool):
            raise self.error(name, f"must be true or false, got {_kind(value)}")
        return value

    def texts(self, name: str, default: Any = ...) -> tuple[str, ...]:
        value = self._get(name, _REQUIRED if default is ... else default)
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise self.error(name, f"must be a list of text, got {_kind(value)}")
        return tuple(v.strip() for v in value)

    def choice(self, name: str, options: Iterable[str], default: Any = ...) -> str:
        value = self.text(name, default)
        allowed = list(options)
        if value not in allowed:
            raise self.error(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def choice_in_list(self, name: str, options: Iterable[str]) -> tuple[str, ...]:
        values = self.texts(name)
        allowed = list(options)
        for value in values:
            if value not in allowed:
                raise self.error(name, f"{value!r} is not one of {', '.join(allowed)}")
        if len(set(values)) != len(values):
            raise self.error(name, "lists a value twice")
        return values

    def table(self, name: str) -> Reader:
        return Reader(self._get(name, _REQUIRED), self.source, self.key(name))

    def tables(self, name: str) -> list[Reader]:
        value = self._get(name, _REQUIRED)
        if not isinstance(value, list) or not value:
            raise self.error(name, f"must be a non-empty list of tables, got {_kind(value)}")
        return [Reader(v, self.source, f"{self.key(name)}[{i}]") for i, v in enumerate(value)]

    def reject_unknown(self, known: Iterable[str]) -> None:
        extra = sorted(set(self.data) - set(known))
        if extra:
            raise self.error(extra[0], f"is not a known key (known: {', '.join(sorted(known))})")


_REQUIRED: Any = object()


def _kind(value: object) -> str:
    if value is _REQUIRED:
        return "nothing"
    if isinstance(value, str):
        return repr(value) if len(value) < 40 else "text"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return repr(value)
    return type(value).__name__
