"""What today's plan can offer now, and what of it is done today. No Qt.

The Today screen shows one recommendation per need (the routine, one heat or cold
treatment, the water goal, active recovery). This service reads what has been done
today from storage (the routine runs, the therapy sessions and the reminder rules)
and asks the safety gate, through the same services every other entry point uses,
whether each action may be offered now: an action the gate refuses is not offered,
and its words say why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING

from companion.domain.clock import Clock
from companion.domain.units import METRIC, Units

if TYPE_CHECKING:
    from companion.domain.planner import Plan
    from companion.domain.protocols import ProtocolBounds
    from companion.domain.therapy import Therapy, TherapyOption
    from companion.domain.therapy_timer import TimerKind
    from companion.services.safety import SafetyGate
    from companion.storage.database import Database

TODAY_ROUTINE = "today"  # the routine id a run of today's plan is saved under
RUNS_LOOKED_AT = 50  # the most recent runs read for today's (a day holds far fewer)


@dataclass(frozen=True)
class DoneToday:
    """What of today's plan is done since local midnight."""

    routine: bool = False  # today's routine played to its end
    therapies: frozenset[TimerKind] = frozenset()  # timers run (or reminders answered Done)
    water_reminders: bool = False  # a water reminder is switched on

    def therapy(self, therapy: Therapy) -> bool:
        return timer_kind(therapy) in self.therapies


@dataclass(frozen=True)
class Offer:
    """May an action be offered now? If not, the gate's words."""

    allowed: bool
    reason: str = ""


@dataclass(frozen=True)
class TodayStatus:
    """The plan's actions as they stand now: what is done, what may start."""

    done: DoneToday
    routine: Offer
    therapy: Offer  # the chosen heat or cold treatment's timer
    timer: TimerKind | None = None  # the timer for the chosen treatment
    timer_options: Mapping[str, object] = field(default_factory=dict)


def timer_kind(therapy: Therapy) -> TimerKind:
    """The timer that runs a plan's treatment (the inverse of ``TimerKind.therapy``)."""
    from companion.domain.therapy_timer import TimerKind  # noqa: PLC0415 - with the first plan

    return next(k for k in TimerKind if k.therapy is therapy)


def timer_options(option: TherapyOption) -> dict[str, object]:
    """The plan's protocol for a treatment as the timer's options (the same numbers the
    plan shows: a shorter ice time over the outer knee, a cooler bath for a condition)."""
    from companion.domain.therapy import Therapy  # noqa: PLC0415 - with the first plan

    protocol = option.protocol
    therapy = option.therapy
    if therapy is Therapy.ICE_PACK:
        return {"minutes": protocol["minutes_on"]} if "minutes_on" in protocol else {}
    if therapy is Therapy.HEAT_PACK:
        return {"minutes": protocol["minutes_on"]} if "minutes_on" in protocol else {}
    if therapy is Therapy.CONTRAST:
        keys = {"hot_min": "hot_minutes", "cold_min": "cold_minutes", "cycles": "cycles"}
        keys |= {"hot_c": "hot_c", "cold_c": "cold_c"}
        return {name: protocol[key] for name, key in keys.items() if key in protocol}
    keys = {"minutes": "minutes", "temp_c": "water_c"}
    return {name: protocol[key] for name, key in keys.items() if key in protocol}


class TodayService:
    """``gate`` is made on first use (the app's one safety gate)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        gate: Callable[[], SafetyGate],
        protocols: Callable[[], ProtocolBounds],
        units: Callable[[], Units] = lambda: METRIC,
    ) -> None:
        self._db = db
        self._clock = clock
        self._gate = gate
        self._protocols = protocols
        self._units = units

    def day_start(self) -> datetime:
        now = self._clock.now()
        return datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)

    def done_today(self) -> DoneToday:
        # Loaded with the first plan shown, not at start-up (a page with no check-in
        # reads none of them).
        from companion.domain.reminders import Kind  # noqa: PLC0415
        from companion.domain.therapy_timer import TimerKind  # noqa: PLC0415
        from companion.storage.reminders import ReminderRepository  # noqa: PLC0415
        from companion.storage.runs import RunRepository  # noqa: PLC0415
        from companion.storage.therapy import TherapyRepository  # noqa: PLC0415

        now = self._clock.now()
        start = self.day_start()
        routine = any(
            run.routine == TODAY_ROUTINE
            and run.outcome == "completed"
            and run.ended_at.astimezone(now.tzinfo).date() == now.date()
            for run in RunRepository(self._db).recent(RUNS_LOOKED_AT)
        )
        kinds: set[TimerKind] = set()
        for session in TherapyRepository(self._db).sessions_since(start):
            if session.counts and session.kind in TimerKind._value2member_map_:
                kinds.add(TimerKind(session.kind))
        water = any(
            rule.kind is Kind.HYDRATION and rule.enabled
            for rule in ReminderRepository(self._db).all()
        )
        return DoneToday(routine, frozenset(kinds), water)

    def status(self, plan: Plan) -> TodayStatus:
        """What is done today, and whether the routine and the chosen treatment may start
        now (the gate's answer, with its words when not)."""
        done = self.done_today()
        gate = self._gate()
        now = self._clock.now()
        if plan.routine:
            answer = gate.routine(plan.routine)
            routine = Offer(answer.allowed, "" if answer.allowed else answer.answer.message(now))
        else:
            routine = Offer(False, plan.routine_note)
        choice = plan.thermal
        if choice is None or choice.chosen is None:
            why = choice.why_none if choice is not None else ""
            return TodayStatus(done, routine, Offer(False, why))
        from companion.services.timers import TimerService  # noqa: PLC0415 - with the first plan

        kind = timer_kind(choice.chosen.therapy)
        options = timer_options(choice.chosen)
        timers = TimerService(self._protocols(), gate, self._db)
        ready = timers.ready(kind.value, dict(options), self._units())
        therapy = Offer(ready.allowed, "" if ready.allowed else timers.refusal(ready, now))
        return TodayStatus(done, routine, therapy, kind, options)
