"""Marking words for translation where Qt cannot be imported, and English without Qt.

The domain names things the window shows (an activity's kind, a reminder's
kind, a pause's length, a therapy phase) but must not import Qt, so it marks
them with ``QT_TRANSLATE_NOOP(context, text)``: pyside6-lupdate reads that
name wherever it appears and files ``text`` under ``context``; at run time it
returns ``text`` unchanged (the command line prints it in English). The window
translates it where it shows it::

    QCoreApplication.translate("ActivityKind", kind.label)

By convention the context is the name of the class the label belongs to.

A service that words whole sentences takes a ``Translate`` function, called as
``translate("Context", "literal text", None, n)`` (lupdate reads any call named
``translate`` with literal arguments): the window passes
``QCoreApplication.translate``, the command line ``english``, which gives the
English singular or plural of a ``%n`` message without Qt. The English forms
come from ``english_forms``, the same rule that fills the English catalogue
(``packaging/update_translations.py``), so both say the same.
"""

from __future__ import annotations

import re
from typing import Protocol

# Plural messages whose English forms cannot be read off "word(s)" / "word(es)".
ENGLISH_PLURALS: dict[str, tuple[str, str]] = {
    "%n activity(-ies)": ("%n activity", "%n activities"),
    "%n morning entry(-ies)": ("%n morning entry", "%n morning entries"),
    "%n reminder(s) (switched off until you turn it/them on)": (
        "%n reminder (switched off until you turn it on)",
        "%n reminders (switched off until you turn them on)",
    ),
    "%n safety lock(s) still running was/were kept.": (
        "A safety lock still running was kept.",
        "%n safety locks still running were kept.",
    ),
    "Imported %s; %n was/were already here.": (
        "Imported %s; %n was already here.",
        "Imported %s; %n were already here.",
    ),
    "All %n question(s) answered": ("%n question answered", "All %n questions answered"),
    # The same words for one and many in English; other languages differ.
    "Show %n more": ("Show %n more", "Show %n more"),
    "About %n min": ("About %n min", "About %n min"),
    "%1-%2 of %n": ("%1-%2 of %n", "%1-%2 of %n"),
    "%n other activity(ies)": ("%n other activity", "%n other activities"),
    "Removed the %n reminder(s) it had added.": (
        "Removed the reminder it had added.",
        "Removed the %n reminders it had added.",
    ),
    "and %n more": ("and %n more", "and %n more"),
}

_PLURAL_MARK = re.compile(r"(?<=\w)\((e?s)\)")  # day(s), match(es)


class Translate(Protocol):
    """``QCoreApplication.translate``'s shape: (context, text, disambiguation, count)."""

    def __call__(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str: ...


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; marks it for translation in ``context``."""
    del context
    return text


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a numerus message's English source.

    Raises ValueError when they cannot be derived: write the message as
    '%n word(s)' or add it to ENGLISH_PLURALS.
    """
    if source in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[source]
    if not _PLURAL_MARK.search(source):
        raise ValueError(
            f"Cannot derive the English singular and plural of {source!r}: write it as "
            "'%n word(s)' or add it to ENGLISH_PLURALS in companion/domain/translatable.py."
        )
    return _PLURAL_MARK.sub("", source), _PLURAL_MARK.sub(r"\1", source)


def english(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """What the English catalogue makes of a message, without Qt (a ``Translate``)."""
    del context, disambiguation
    if n < 0 or "%n" not in source:
        return source
    one, many = english_forms(source)
    return (one if n == 1 else many).replace("%n", str(n))
