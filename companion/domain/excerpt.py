"""A value quoted in a refusal: short and escaped, whatever came in.

An import file can hold a ten-megabyte string or a number of thousands of digits;
a message that names the bad value shows a short, escaped excerpt of it, so a
refusal stays one readable line.
"""

from __future__ import annotations

import math

EXCERPT_CHARS = 40
MESSAGE_CHARS = 300  # a whole message quoted from elsewhere (a parser's words)


def quote(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as a refusal shows it: repr-escaped, cut to ``limit`` characters."""
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() <= 64:
            return str(value)
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"a number of about {digits:,} digits"
    if not isinstance(value, str):
        return f"a {type(value).__name__}"
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


def shorten(text: str, limit: int = MESSAGE_CHARS) -> str:
    """Another part's message, cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit] + "…"
