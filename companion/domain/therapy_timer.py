"""Therapy timers the user runs now: ice pack, contrast, cold bath, warm bath, heat pack.

``plan_*`` turn the user's settings into phases, checked against the
protocol bounds (PROTOCOLS.md 1.1-1.2): a hard limit refuses with the reason,
a value outside the usual range asks first. ``PhaseTimer`` runs the phases
against an injected clock: the time left is always deadline minus now, late
ticks carry their overshoot into the next phase, pause and resume move the
deadlines, and each phase's actual time is kept for the history.

Cold and heat on skin or in water get a check every five minutes
(``skin_checks``): a question the user answers (``PhaseTimer.ask_skin`` and
``answer_skin``: "fine", or "stop", which stops the timer), kept with the
session; its words are in ``companion.domain.therapy_cues``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from companion.domain.clock import elapsed, later, utc
from companion.domain.protocols import Check, ProtocolBounds, Verdict
from companion.domain.regions import OUTER_KNEE_GROUPS
from companion.domain.therapy import Therapy
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import METRIC, Units, minutes_words

SKIN_CHECK_EVERY_S = 5 * 60


class TimerKind(StrEnum):
    ICE = "ice"
    CONTRAST = "contrast"
    COLD_BATH = "cold-bath"
    WARM_BATH = "warm-bath"
    HEAT = "heat"

    @property
    def therapy(self) -> Therapy:
        """The plan's name for the same treatment (one vocabulary: the plan offers a
        Therapy, the timer runs it, the safety gate judges both alike)."""
        return {
            "ice": Therapy.ICE_PACK,
            "contrast": Therapy.CONTRAST,
            "cold-bath": Therapy.COLD_WATER_IMMERSION,
            "warm-bath": Therapy.WARM_BATH,
            "heat": Therapy.HEAT_PACK,
        }[self.value]

    @property
    def label(self) -> str:
        return {
            "ice": QT_TRANSLATE_NOOP("TimerKind", "Ice pack"),
            "contrast": QT_TRANSLATE_NOOP("TimerKind", "Contrast therapy"),
            "cold-bath": QT_TRANSLATE_NOOP("TimerKind", "Cold-water soak"),
            "warm-bath": QT_TRANSLATE_NOOP("TimerKind", "Warm bath"),
            "heat": QT_TRANSLATE_NOOP("TimerKind", "Heat pack"),
        }[self.value]


class Temp(StrEnum):
    COLD = "cold"
    HOT = "hot"
    OFF = "off"  # skin recovering between applications


@dataclass(frozen=True)
class Phase:
    name: str  # "Ice on", "Hot", "Cold", "Ice off"; translated as a "TherapyPhase"
    seconds: int
    temp: Temp
    say: str  # the spoken / announced line at its start


@dataclass(frozen=True)
class TimerPlan:
    kind: TimerKind
    phases: tuple[Phase, ...]
    settings: dict[str, float | str] = field(default_factory=dict)
    before: str = ""  # what to do first (the thermometer, a cloth between pack and skin)
    checks: tuple[Check, ...] = ()  # outside the usual range: confirm before starting

    @property
    def total_s(self) -> int:
        return sum(p.seconds for p in self.phases)

    @property
    def to_confirm(self) -> tuple[str, ...]:
        return tuple(c.reason for c in self.checks if c.verdict is Verdict.CONFIRM)


class TimerRefusedError(ValueError):
    """A setting beyond a hard limit; the message says which and why."""


def _review(checks: Sequence[Check]) -> tuple[Check, ...]:
    refused = [c.reason for c in checks if c.verdict is Verdict.REFUSE]
    if refused:
        raise TimerRefusedError(" ".join(refused))
    return tuple(c for c in checks if c.verdict is Verdict.CONFIRM)


def _minutes(bounds: ProtocolBounds, key: str) -> float:
    value = bounds.setting(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{key} must be a number of minutes")
    return float(value)


def plan_ice(
    bounds: ProtocolBounds, minutes: float = 15, *, intermittent: bool = False, region: str = ""
) -> TimerPlan:
    """Ice on for ``minutes``, or the 10 on / 10 off / 10 on variant."""
    cloth = "Wrap the pack in a thin damp cloth; never put ice straight on the skin."
    lean = region in OUTER_KNEE_GROUPS
    key = "ice_pack.application_outer_knee_or_lean" if lean else "ice_pack.application"
    if intermittent:
        on = _minutes(bounds, "ice_pack.intermittent_on_min")
        off = _minutes(bounds, "ice_pack.intermittent_off_min")
        checks = _review([bounds.check(key, on)])
        cycle: tuple[Phase, ...] = (
            Phase(
                QT_TRANSLATE_NOOP("TherapyPhase", "Ice on"),
                round(on * 60),
                Temp.COLD,
                f"Ice on for {minutes_words(on)}.",
            ),
            Phase(
                QT_TRANSLATE_NOOP("TherapyPhase", "Ice off"),
                round(off * 60),
                Temp.OFF,
                "Take the ice off and let the skin warm.",
            ),
            Phase(
                QT_TRANSLATE_NOOP("TherapyPhase", "Ice on"),
                round(on * 60),
                Temp.COLD,
                f"Ice back on for {minutes_words(on)}.",
            ),
        )
        return TimerPlan(
            TimerKind.ICE,
            cycle,
            {"on_min": on, "off_min": off, "variant": "10-10-10", "region": region},
            cloth,
            checks,
        )
    checks = _review([bounds.check(key, minutes)])
    phases = (
        Phase(
            QT_TRANSLATE_NOOP("TherapyPhase", "Ice on"),
            round(minutes * 60),
            Temp.COLD,
            f"Ice on for {minutes_words(minutes)}.",
        ),
    )
    return TimerPlan(TimerKind.ICE, phases, {"on_min": minutes, "region": region}, cloth, checks)


@dataclass(frozen=True)
class ContrastPreset:
    id: str
    label: str
    hot_min: float
    cold_min: float
    cycles: int


CONTRAST_PRESETS = (
    ContrastPreset(
        "3-1x3",
        QT_TRANSLATE_NOOP("ContrastPreset", "3 min hot, 1 min cold, 3 times (12 min)"),
        3,
        1,
        3,
    ),
    ContrastPreset(
        "4-1x4",
        QT_TRANSLATE_NOOP("ContrastPreset", "4 min hot, 1 min cold, 4 times (20 min)"),
        4,
        1,
        4,
    ),
    ContrastPreset(
        "3-2x3",
        QT_TRANSLATE_NOOP("ContrastPreset", "3 min hot, 2 min cold, 3 times (15 min)"),
        3,
        2,
        3,
    ),
    ContrastPreset(
        "1-1x3",
        QT_TRANSLATE_NOOP("ContrastPreset", "1 min hot, 1 min cold, 3 times (6 min)"),
        1,
        1,
        3,
    ),
)


def plan_contrast(
    bounds: ProtocolBounds,
    hot_min: float = 3,
    cold_min: float = 1,
    cycles: int = 3,
    *,
    hot_c: float = 38,
    cold_c: float = 13,
    units: Units = METRIC,
) -> TimerPlan:
    """Hot then cold, ``cycles`` times, ending on cold."""
    if cycles < 1:
        raise TimerRefusedError("Contrast therapy needs at least one hot and cold cycle.")
    # Before the hot:cold ratio divides by the cold phase.
    for phase, value in (("hot", hot_min), ("cold", cold_min)):
        if value <= 0:
            raise TimerRefusedError(
                f"The {phase} phase must last more than 0 minutes, not {value:g}."
            )
    total = (hot_min + cold_min) * cycles
    checks = [
        bounds.check("contrast_water.hot_phase", hot_min),
        bounds.check("contrast_water.cold_phase", cold_min),
        bounds.check("contrast_water.total", total),
        bounds.check("contrast_water.hot", hot_c),
        bounds.check("contrast_water.cold", cold_c),
        bounds.check("contrast_water.ratio_hot_to_cold", hot_min / cold_min),
    ]
    confirm = _review(checks)
    phases: list[Phase] = []
    for cycle in range(1, cycles + 1):
        phases.append(
            Phase(
                QT_TRANSLATE_NOOP("TherapyPhase", "Hot"),
                round(hot_min * 60),
                Temp.HOT,
                f"Hot water, about {units.temp(hot_c)}, for {minutes_words(hot_min)}. "
                f"Round {cycle} of {cycles}.",
            )
        )
        last = cycle == cycles
        phases.append(
            Phase(
                QT_TRANSLATE_NOOP("TherapyPhase", "Cold"),
                round(cold_min * 60),
                Temp.COLD,
                f"Cold water, about {units.temp(cold_c)}, for {minutes_words(cold_min)}."
                + (" This is the last one." if last else ""),
            )
        )
    before = (
        f"Have hot water at no more than {units.temp(hot_c)} and cold at {units.temp(cold_c)} "
        "or warmer "
        "ready, checked with a thermometer. Keep a hand support: wet floors are slippery."
    )
    settings: dict[str, float | str] = {
        "hot_min": hot_min,
        "cold_min": cold_min,
        "cycles": cycles,
        "hot_c": hot_c,
        "cold_c": cold_c,
    }
    return TimerPlan(TimerKind.CONTRAST, tuple(phases), settings, before, confirm)


def plan_cold_bath(
    bounds: ProtocolBounds, minutes: float = 10, temp_c: float = 13, units: Units = METRIC
) -> TimerPlan:
    confirm = _review(
        [
            bounds.check("cold_water_immersion.duration", minutes),
            bounds.check("cold_water_immersion.temp", temp_c),
        ]
    )
    before = (
        f"Check the water with a thermometer: {units.temp(temp_c)} is the aim, never below "
        f"{units.temp(10)}. "
        "Get in slowly and keep the water below your chest."
    )
    phases = (
        Phase(
            QT_TRANSLATE_NOOP("TherapyPhase", "In the cold water"),
            round(minutes * 60),
            Temp.COLD,
            f"In the cold water for {minutes_words(minutes)}. Breathe slowly.",
        ),
    )
    return TimerPlan(
        TimerKind.COLD_BATH, phases, {"minutes": minutes, "temp_c": temp_c}, before, confirm
    )


def plan_warm_bath(
    bounds: ProtocolBounds, minutes: float = 20, temp_c: float = 37.5, units: Units = METRIC
) -> TimerPlan:
    key = "warm_bath.duration_above_38c" if temp_c > 38 else "warm_bath.duration"
    confirm = _review([bounds.check("warm_bath.temp", temp_c), bounds.check(key, minutes)])
    before = (
        f"Check the water with a thermometer: {units.temp(temp_c)}, never above "
        f"{units.temp(40)}. "
        "Stand up slowly afterwards and drink some water."
    )
    phases = (
        Phase(
            QT_TRANSLATE_NOOP("TherapyPhase", "In the warm bath"),
            round(minutes * 60),
            Temp.HOT,
            f"Relax in the warm water for {minutes_words(minutes)}.",
        ),
    )
    return TimerPlan(
        TimerKind.WARM_BATH, phases, {"minutes": minutes, "temp_c": temp_c}, before, confirm
    )


def plan_heat(bounds: ProtocolBounds, minutes: float = 20) -> TimerPlan:
    confirm = _review([bounds.check("local_heat.application", minutes)])
    before = "Warm, never hot: put a cloth between the pack and your skin, and do not lie on it."
    phases = (
        Phase(
            QT_TRANSLATE_NOOP("TherapyPhase", "Heat on"),
            round(minutes * 60),
            Temp.HOT,
            f"Heat on for {minutes_words(minutes)}.",
        ),
    )
    return TimerPlan(TimerKind.HEAT, phases, {"minutes": minutes}, before, confirm)


def skin_checks(plan: TimerPlan) -> tuple[int, ...]:
    """Seconds from the start at which to ask for a look at the skin (every 5 min of cold/heat)."""
    moments: list[int] = []
    start = 0
    for phase in plan.phases:
        if phase.temp is not Temp.OFF:
            at = SKIN_CHECK_EVERY_S
            while at < phase.seconds:
                moments.append(start + at)
                at += SKIN_CHECK_EVERY_S
        start += phase.seconds
    return tuple(moments)


# -- running --------------------------------------------------------------------------------------
@dataclass
class PhaseRecord:
    phase: Phase
    worked: timedelta = timedelta(0)


@dataclass
class SkinCheck:
    """One check asked and what the user said: "fine", "stop", or "unanswered" once its
    phase ended (or the timer stopped) without an answer; "" while it waits."""

    due_s: int  # seconds into the timer, pauses excluded
    phase_index: int
    asked_at: datetime
    answer: str = ""
    answered_at: datetime | None = None


class PhaseTimer:
    """The phases of a plan against the clock; remaining time is deadline minus now."""

    def __init__(self, plan: TimerPlan, start: datetime) -> None:
        if not plan.phases:
            raise ValueError("a timer needs at least one phase")
        self.plan = plan
        self.started_at = start
        self.index = 0
        self.phase_started = start
        self.paused_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.stopped = False
        self.stop_reason = ""  # "skin check" when a skin check said stop
        self.records = [PhaseRecord(p) for p in plan.phases]
        self.skin: list[SkinCheck] = []
        self.quick_check: dict[str, bool] = {}  # the answers given before it started

    @property
    def pending_skin(self) -> SkinCheck | None:
        last = self.skin[-1] if self.skin else None
        return last if last is not None and not last.answer else None

    def ask_skin(self, due_s: int, now: datetime) -> SkinCheck:
        """A skin check falls due; one still waiting is kept as unanswered."""
        self.close_skin()
        check = SkinCheck(due_s, self.index, now)
        self.skin.append(check)
        return check

    def answer_skin(self, answer: str, now: datetime) -> SkinCheck | None:
        """ "fine" or "stop" for the check waiting; "stop" stops the timer."""
        check = self.pending_skin
        if check is None or answer not in ("fine", "stop"):
            return None
        check.answer, check.answered_at = answer, now
        if answer == "stop":
            self.stop(now, "skin check")
        return check

    def close_skin(self) -> None:
        """Its phase is over: a check still waiting is kept as unanswered."""
        check = self.pending_skin
        if check is not None:
            check.answer, check.answered_at = "unanswered", None

    @property
    def phase(self) -> Phase | None:
        return None if self.ended_at is not None else self.plan.phases[self.index]

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def deadline(self) -> datetime:
        return later(self.phase_started, timedelta(seconds=self.plan.phases[self.index].seconds))

    def remaining(self, now: datetime) -> timedelta:
        if self.ended_at is not None:
            return timedelta(0)
        at = self.paused_at or now
        return max(timedelta(0), utc(self.deadline()) - utc(at))

    def elapsed(self, now: datetime) -> timedelta:
        """Time spent in phases so far (pauses excluded)."""
        done = sum((r.worked for r in self.records[: self.index]), timedelta(0))
        if self.ended_at is not None:
            return sum((r.worked for r in self.records), timedelta(0))
        at = self.paused_at or now
        return done + max(timedelta(0), elapsed(self.phase_started, at))

    def tick(self, now: datetime) -> list[Phase]:
        """Move past every phase whose deadline has passed; the phases that began."""
        began: list[Phase] = []
        while self.ended_at is None and self.paused_at is None and utc(now) >= utc(self.deadline()):
            # The next phase starts at the deadline, so the overshoot carries into it.
            following = self._end_phase(self.deadline())
            if following is not None:
                began.append(following)
        return began

    def _end_phase(self, at: datetime) -> Phase | None:
        """Close the current phase at ``at`` and start the next; None after the last."""
        self.records[self.index].worked = max(timedelta(0), elapsed(self.phase_started, at))
        self.close_skin()
        if self.index + 1 >= len(self.plan.phases):
            self.ended_at = at
            return None
        self.index += 1
        self.phase_started = at
        return self.plan.phases[self.index]

    def pause(self, now: datetime) -> None:
        self.tick(now)
        if self.ended_at is None and self.paused_at is None:
            self.paused_at = now

    def resume(self, now: datetime) -> None:
        if self.paused_at is not None:
            self.phase_started = later(self.phase_started, elapsed(self.paused_at, now))
            self.paused_at = None

    def skip(self, now: datetime) -> Phase | None:
        """End this phase now and start the next (or finish)."""
        self.tick(now)
        if self.ended_at is not None:
            return None
        at = self.paused_at or now
        self.paused_at = None
        return self._end_phase(at)

    def stop(self, now: datetime, reason: str = "") -> None:
        self.tick(now)
        if self.ended_at is not None:
            return
        at = self.paused_at or now
        self.records[self.index].worked = max(timedelta(0), elapsed(self.phase_started, at))
        self.ended_at = at
        self.stopped = True
        self.stop_reason = reason
        self.close_skin()

    @property
    def outcome(self) -> str:
        return "stopped" if self.stopped else "completed"


# How build_plan names a length of time it refuses.
_MINUTE_OPTIONS = {"minutes": "The timer", "hot_min": "The hot phase", "cold_min": "The cold phase"}


def build_plan(
    kind: str, options: dict[str, object], bounds: ProtocolBounds, units: Units = METRIC
) -> TimerPlan:
    """A plan from loose options (the command line, the Reminders screen), checked."""

    def number(name: str, default: float) -> float:
        value = options.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TimerRefusedError(f"{name} must be a number, not {value!r}.")
        return float(value)

    def minutes(name: str, default: float) -> float:
        """A length of time: more than 0 minutes, whatever the protocol file says."""
        value = number(name, default)
        if value <= 0:
            what = _MINUTE_OPTIONS.get(name, name)
            raise TimerRefusedError(f"{what} must last more than 0 minutes, not {value:g}.")
        return value

    def whole(name: str, default: int) -> int:
        value = number(name, default)
        if not math.isfinite(value) or value != int(value):
            raise TimerRefusedError(f"{name} must be a whole number, not {value:g}.")
        return int(value)

    try:
        timer_kind = TimerKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in TimerKind)
        raise TimerRefusedError(f"No timer {kind!r}; choose one of {known}.") from None
    if timer_kind is TimerKind.ICE:
        region = options.get("region", "")
        return plan_ice(
            bounds,
            minutes("minutes", 15),
            intermittent=bool(options.get("intermittent", False)),
            region=region if isinstance(region, str) else "",
        )
    if timer_kind is TimerKind.CONTRAST:
        preset_id = options.get("preset")
        if preset_id is not None:
            preset = next((p for p in CONTRAST_PRESETS if p.id == preset_id), None)
            if preset is None:
                known = ", ".join(p.id for p in CONTRAST_PRESETS)
                raise TimerRefusedError(f"No contrast preset {preset_id!r}; choose one of {known}.")
            hot, cold, cycles = preset.hot_min, preset.cold_min, preset.cycles
        else:
            hot, cold = minutes("hot_min", 3), minutes("cold_min", 1)
            cycles = whole("cycles", 3)
        return plan_contrast(
            bounds,
            hot,
            cold,
            cycles,
            hot_c=number("hot_c", 38),
            cold_c=number("cold_c", 13),
            units=units,
        )
    if timer_kind is TimerKind.COLD_BATH:
        return plan_cold_bath(bounds, minutes("minutes", 10), number("temp_c", 13), units)
    if timer_kind is TimerKind.WARM_BATH:
        return plan_warm_bath(bounds, minutes("minutes", 20), number("temp_c", 37.5), units)
    return plan_heat(bounds, minutes("minutes", 20))
