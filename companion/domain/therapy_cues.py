"""What a therapy timer asks of the user as it runs, in words marked for translation.

``phase_end`` says what the end of a phase asks (take the ice off, put it back on,
switch to cold or to hot, get out of the bath): the timer window shows it, raises
itself and sends it as a desktop notification. ``skin_prompt`` is the check asked
every five minutes of cold or heat (PROTOCOLS 1.1: stop if the skin turns white,
grey or waxy, blisters or goes numb), with what to do when the answer is stop.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.domain.therapy_timer import Temp, TimerKind, TimerPlan
from companion.domain.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PhaseEnd:
    """What to do now that a phase ended, in words marked for translation ("TherapyEnd")."""

    key: str  # "ice-off", "ice-on", "to-cold", "to-hot", "end"
    title: str
    body: str
    last: bool = False


_N = QT_TRANSLATE_NOOP
_SWITCH = {
    Temp.OFF: PhaseEnd(
        "ice-off",
        _N("TherapyEnd", "Ice off"),
        _N(
            "TherapyEnd",
            "Take the pack away and let the skin warm up. You will be told when to put it back.",
        ),
    ),
    Temp.COLD: PhaseEnd(
        "to-cold",
        _N("TherapyEnd", "Switch to cold"),
        _N("TherapyEnd", "Move into the cold water now."),
    ),
    Temp.HOT: PhaseEnd(
        "to-hot",
        _N("TherapyEnd", "Switch to hot"),
        _N("TherapyEnd", "Back into the hot water now."),
    ),
}
_ICE_BACK_ON = PhaseEnd(
    "ice-on",
    _N("TherapyEnd", "Ice back on"),
    _N("TherapyEnd", "Put the pack back on, wrapped in a thin damp cloth."),
)
_LAST = {
    TimerKind.ICE: (
        _N("TherapyEnd", "Ice off"),
        _N(
            "TherapyEnd",
            "Take the pack away and let the skin warm up. It should be pink and "
            "cool, not white, grey or numb.",
        ),
    ),
    TimerKind.CONTRAST: (
        _N("TherapyEnd", "Contrast done"),
        _N("TherapyEnd", "Out of the cold water. Dry off, warm up slowly and mind the wet floor."),
    ),
    TimerKind.COLD_BATH: (
        _N("TherapyEnd", "Time to get out"),
        _N("TherapyEnd", "Get out of the cold water slowly, dry off and put on warm clothes."),
    ),
    TimerKind.WARM_BATH: (
        _N("TherapyEnd", "Bath over"),
        _N("TherapyEnd", "Stand up slowly, hold on as you get out, and drink some water."),
    ),
    TimerKind.HEAT: (
        _N("TherapyEnd", "Heat off"),
        _N("TherapyEnd", "Take the heat pack away and let the skin cool."),
    ),
}


def phase_end(plan: TimerPlan, index: int) -> PhaseEnd | None:
    """What the end of phase ``index`` asks the user to do; None when the next phase
    goes on as before (same temperature: nothing to change)."""
    ended = plan.phases[index]
    if index + 1 >= len(plan.phases):
        title, body = _LAST[plan.kind]
        return PhaseEnd("end", title, body, last=True)
    following = plan.phases[index + 1]
    if following.temp is ended.temp:
        return None
    if following.temp is Temp.COLD and ended.temp is Temp.OFF:
        return _ICE_BACK_ON
    return _SWITCH[following.temp]


@dataclass(frozen=True)
class SkinPrompt:
    """The check every five minutes: a question to answer, and what to do on a stop."""

    question: str
    stop_advice: str


_SKIN = {
    TimerKind.ICE: SkinPrompt(
        _N("SkinCheck", "Is the skin numb, white or blistered, or does it burn?"),
        _N(
            "SkinCheck",
            "Take the pack off now. Let the skin warm up slowly at room "
            "temperature: do not rub it or put it in hot water. If it stays numb, white or "
            "blistered once warm, get medical advice.",
        ),
    ),
    TimerKind.CONTRAST: SkinPrompt(
        _N("SkinCheck", "Is the skin numb or blistered, or do you feel dizzy or faint?"),
        _N(
            "SkinCheck",
            "Get out of the water now, slowly. Dry off and sit down for a few "
            "minutes. If you feel faint or have chest pain, call for emergency help.",
        ),
    ),
    TimerKind.COLD_BATH: SkinPrompt(
        _N("SkinCheck", "Are you shivering hard, numb or dizzy, or is there chest pain?"),
        _N(
            "SkinCheck",
            "Get out of the water now, slowly, dry off and put on warm clothes. "
            "If you have chest pain or trouble breathing, call for emergency help.",
        ),
    ),
    TimerKind.WARM_BATH: SkinPrompt(
        _N("SkinCheck", "Do you feel dizzy, faint or too hot?"),
        _N(
            "SkinCheck",
            "Get out slowly now: sit on the edge first, then stand, and drink "
            "some water. If you faint or have chest pain, call for emergency help.",
        ),
    ),
    TimerKind.HEAT: SkinPrompt(
        _N("SkinCheck", "Is the skin very red or blistered, or does it burn or feel numb?"),
        _N(
            "SkinCheck",
            "Take the heat away now and cool the skin under cool, not cold, running "
            "water for a few minutes. If it blisters, get medical advice.",
        ),
    ),
}


def skin_prompt(kind: TimerKind) -> SkinPrompt:
    return _SKIN[kind]
