"""Marking words for translation where Qt cannot be imported.

The domain names things the window shows (an activity's kind, a reminder's
kind, a pause's length, a therapy phase) but must not import Qt, so it marks
them with ``QT_TRANSLATE_NOOP(context, text)``: pyside6-lupdate reads that
name wherever it appears and files ``text`` under ``context``; at run time it
returns ``text`` unchanged (the command line prints it in English). The window
translates it where it shows it::

    QCoreApplication.translate("ActivityKind", kind.label)

By convention the context is the name of the class the label belongs to.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; marks it for translation in ``context``."""
    del context
    return text
