"""Equipment: what an exercise needs, what every user has at hand and what they may own.

Its own small module because the preferences (which equipment the user has) are read
at every start, and the exercise library, which needs the rest of ``exercises``, is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from companion.domain.translatable import QT_TRANSLATE_NOOP


class Equipment(StrEnum):
    NONE = "none"
    FOAM_ROLLER = "foam_roller"
    BALL = "ball"
    STRAP = "strap"
    WALL = "wall"
    CHAIR = "chair"
    STEP = "step"
    BOTTLE = "bottle"
    STICK = "stick"


# What every user has, so Settings never asks about it: nothing at all (the
# floor, a bed, your own hands), a wall, a chair, and a strap, because a towel
# or a belt does the same job and every strap cue says so.
ALWAYS_AT_HAND: frozenset[Equipment] = frozenset(
    {Equipment.NONE, Equipment.WALL, Equipment.CHAIR, Equipment.STRAP}
)

# The equipment a user can tick in Settings, in the order shown, with plain
# labels (the UI translates them). Everything else is ALWAYS_AT_HAND.
OWNABLE_EQUIPMENT: tuple[tuple[Equipment, str], ...] = (
    (Equipment.FOAM_ROLLER, QT_TRANSLATE_NOOP("Equipment", "Foam roller")),
    (Equipment.BALL, QT_TRANSLATE_NOOP("Equipment", "Massage ball (or tennis ball)")),
    (Equipment.STICK, QT_TRANSLATE_NOOP("Equipment", "Massage stick (or rolling pin)")),
    (Equipment.STEP, QT_TRANSLATE_NOOP("Equipment", "Step")),
    (Equipment.BOTTLE, QT_TRANSLATE_NOOP("Equipment", "Water bottle to freeze")),
)

# Plain labels for every kind of equipment, for "you need" lines.
EQUIPMENT_LABELS: Mapping[Equipment, str] = {
    Equipment.NONE: "Nothing",
    Equipment.WALL: "A wall",
    Equipment.CHAIR: "A chair",
    Equipment.STRAP: "Strap (or a towel or belt)",
    **dict(OWNABLE_EQUIPMENT),
}
