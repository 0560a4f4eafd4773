"""The reminder editor's icing fields: where (the region and the leg) and from when.

A new icing reminder starts from the latest check-in's sorest region suited to ice
(``icing_spot``) and its window counts from when the soreness started
(``icing_start``); with nothing to go on, the fields ask ("Choose where to ice…")
rather than picking a region for the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from companion.domain.regions import Side
from companion.domain.reminders.timeline import IcingSpot
from companion.domain.translatable import QT_TRANSLATE_NOOP

SIDES = (  # stored in the rule's extra["side"]; translated where shown
    ("left", QT_TRANSLATE_NOOP("ReminderEditor", "Left leg")),
    ("right", QT_TRANSLATE_NOOP("ReminderEditor", "Right leg")),
    ("both", QT_TRANSLATE_NOOP("ReminderEditor", "Both legs")),
)
_SIDE_OF = {Side.LEFT: "left", Side.RIGHT: "right", Side.CENTRE: ""}


def spot_side(spot: IcingSpot | None) -> str:
    """The side a suggested spot gives: "left", "right", "both" (a pair sore alike)."""
    if spot is None:
        return ""
    return "both" if spot.side is None else _SIDE_OF[spot.side]


def region_combo(regions: Sequence[tuple[str, str]], chosen: str) -> QComboBox:
    """The region groups, after an empty first choice that asks: none is picked silently."""
    combo = QComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Region iced"))
    combo.addItem(QCoreApplication.translate("ReminderEditor", "Choose where to ice…"), "")
    for group, label in regions:
        combo.addItem(label, group)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
    return combo


def side_combo(chosen: str) -> QComboBox:
    combo = QComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.setAccessibleName(QCoreApplication.translate("ReminderEditor", "Which leg"))
    combo.addItem(QCoreApplication.translate("ReminderEditor", "Choose a leg…"), "")
    for value, label in SIDES:
        combo.addItem(QCoreApplication.translate("ReminderEditor", label), value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
    return combo


def side_words(side: str) -> str:
    for value, label in SIDES:
        if value == side:
            return QCoreApplication.translate("ReminderEditor", label).lower()
    return ""


def short_region(label: str) -> str:
    """ "Calves" from "Calves (back of the lower leg)"."""
    return label.split(" (", 1)[0]


def window_words(
    starts: datetime | None, ends: datetime | None, now: datetime, from_onset: bool
) -> str:
    """The icing window in words: from when, until when, how much of it is left."""
    if starts is None or ends is None:
        return QCoreApplication.translate(
            "ReminderEditor", "No end: it reminds you until you switch it off."
        )
    zone = now.tzinfo
    start, end = starts.astimezone(zone), ends.astimezone(zone)
    left = (end - now).total_seconds() / 3600
    if left <= 0:
        return QCoreApplication.translate("ReminderEditor", "This window ended on %s.") % (
            f"{end:%a %H:%M}"
        )
    if from_onset:
        text = QCoreApplication.translate(
            "ReminderEditor", "From %s, when the soreness started, until %s."
        ) % (f"{start:%a %H:%M}", f"{end:%a %H:%M}")
    else:
        text = QCoreApplication.translate("ReminderEditor", "From %s until %s.") % (
            f"{start:%a %H:%M}",
            f"{end:%a %H:%M}",
        )
    return text + " " + QCoreApplication.translate("ReminderEditor", "%s h left.") % (f"{left:.0f}")
