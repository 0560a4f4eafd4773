"""The player's sentences: which leg, how long, the cues for a phase, the spoken line."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from companion.domain.routine_builder import RoutineStep
from companion.domain.session import Phase, Segment
from companion.ui.routines.player_parts import WORK_WORDS, side_word, words, work_key


def leg_words(side: str) -> str:
    if side == "left":
        return QCoreApplication.translate("Player", "Left leg")
    if side == "right":
        return QCoreApplication.translate("Player", "Right leg")
    return QCoreApplication.translate("Player", "Both legs")


def minutes(span: timedelta) -> str:
    seconds = round(span.total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("Player", "%n second(s)", None, seconds)
    return QCoreApplication.translate("Player", "%n minute(s)", None, round(seconds / 60))


def cue_text(segment: Segment, step: RoutineStep) -> str:
    """The whole instructions, with a first line for a switch or a rest."""
    steps = "\n".join(f"{i}. {cue}" for i, cue in enumerate(step.exercise.cues, 1))
    if segment.phase is Phase.SWITCH:
        first = (
            QCoreApplication.translate("Player", "Switch to your left leg.")
            if step.side == "left"
            else QCoreApplication.translate("Player", "Switch to your right leg.")
        )
        return (
            first
            + " "
            + QCoreApplication.translate("Player", "Take your time to get into position.")
            + "\n\n"
            + steps
        )
    if segment.phase is Phase.REST:
        return (
            QCoreApplication.translate("Player", "Rest: ease off a little and breathe.")
            + "\n\n"
            + steps
        )
    return steps


def spoken(segment: Segment, step: RoutineStep) -> str:
    """The line the speech engine says at a phase change: short, and useful eyes-closed."""
    side = side_word(step.side)
    if segment.phase is Phase.LEAD_IN and step.side == "both":
        return QCoreApplication.translate("Player", "Get ready: %s.") % step.exercise.name
    if segment.phase is Phase.LEAD_IN:
        return QCoreApplication.translate("Player", "Get ready: %s on the %s.") % (
            step.exercise.name,
            side,
        )
    if segment.phase is Phase.SWITCH:
        if step.side == "left":
            return QCoreApplication.translate("Player", "Switch to your left leg.")
        return QCoreApplication.translate("Player", "Switch to your right leg.")
    if segment.phase is Phase.REST:
        return QCoreApplication.translate("Player", "Rest.")
    word = words(WORK_WORDS, work_key(step.exercise))
    return (
        QCoreApplication.translate("Player", "%s for %n second(s).", None, segment.seconds) % word
    )
