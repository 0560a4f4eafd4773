"""Therapy timers: one way to ready a timer, and one way to keep what it did.

``ready`` turns loose options (the Reminders page, IPC, the command line) into
a checked plan (a setting beyond a hard limit is refused with the reason,
PROTOCOLS 1.1-1.2), then asks the safety gate (standing locks, the check-in,
health conditions and their caps, the gaps and daily caps of each treatment).
What it answers says whether the timer may open, what to ask first (a setting
outside the usual range) and which cautions to show before it starts. The
window, IPC and the command line all ready their timers here.

``save`` stores a finished timer with each phase's time, which is what the
gate counts for the next gap and the day's cap, with its skin checks and the
quick check's answers. ``record_quick_check`` stores a quick check answered
yes (the timer never started) as a safety outcome, like the safety questions
asked outside a check-in: a red or orange answer brings its lock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from companion.domain.therapy_timer import TimerPlan, TimerRefusedError, build_plan
from companion.domain.units import METRIC, Units
from companion.services.safety import Answer, SafetyGate, Verdict

if TYPE_CHECKING:
    from collections.abc import Mapping

    from companion.domain.protocols import ProtocolBounds
    from companion.domain.therapy_timer import PhaseTimer
    from companion.domain.triage import TriageCatalog, TriageResult
    from companion.storage.database import Database

# PROTOCOLS 3.1 (c): the quick check asked in the timer window before any cold or heat.
QUICK_CHECK = ("R1", "R2", "O1", "O5")
LIMITS = "limits"  # an Answer's ``what`` when a setting, not the gate, refused


@dataclass(frozen=True)
class Ready:
    """A timer readied: its plan (with the gate's cautions in what to do first), or why not."""

    answer: Answer
    plan: TimerPlan | None = None

    @property
    def allowed(self) -> bool:
        return self.plan is not None and self.answer.allowed

    @property
    def to_confirm(self) -> tuple[str, ...]:
        return self.answer.to_confirm


class TimerService:
    """``gate`` is None only where nothing is stored yet (a command line on a new data
    folder): no lock, condition or session can hold a timer back there."""

    def __init__(
        self, protocols: ProtocolBounds, gate: SafetyGate | None, db: Database | None = None
    ) -> None:
        self.protocols = protocols
        self.gate = gate
        self._db = db

    def ready(self, kind: str, options: dict[str, Any], units: Units = METRIC) -> Ready:
        """The plan for these options, checked against the limits and the safety gate."""
        try:
            plan = build_plan(kind, options, self.protocols, units)
        except (TimerRefusedError, ValueError, TypeError) as exc:
            return Ready(Answer(Verdict.REFUSED, LIMITS, (str(exc),)))
        if self.gate is None:
            return Ready(Answer(Verdict.ALLOWED, to_confirm=plan.to_confirm), plan)
        region = options.get("region", "")
        answer = self.gate.timer(plan, region=region if isinstance(region, str) else "")
        if not answer.allowed:
            return Ready(answer)
        if answer.cautions:
            plan = replace(plan, before=" ".join((plan.before, *answer.cautions)))
        return Ready(answer, plan)

    def refusal(self, ready: Ready, now: datetime) -> str:
        """The words for a timer that may not open (a setting's limit, or the gate's no)."""
        if ready.answer.what == LIMITS:
            return " ".join(ready.answer.why)  # the limit's own sentence says it all
        return ready.answer.message(now)

    def save(self, timer: PhaseTimer) -> int:
        """Store a finished timer with every phase's planned and actual seconds."""
        from companion.storage.therapy import TherapyRepository  # noqa: PLC0415

        if self._db is None:
            raise ValueError("a timer is saved into a database")
        return TherapyRepository(self._db).save(timer)

    def record_quick_check(
        self, answers: Mapping[str, bool], catalog: TriageCatalog, now: datetime
    ) -> TriageResult:
        """The quick check left with a yes: its outcome stored (nothing for all no)."""
        from companion.domain.regions import Side  # noqa: PLC0415
        from companion.storage.checkins import CheckInRepository  # noqa: PLC0415

        result = catalog.evaluate(dict(answers), {Side.LEFT, Side.RIGHT}, now)
        if self._db is not None:
            CheckInRepository(self._db).record_outcome(result)
        return result
