"""Today's readiness, read from storage and the safety gate (rules: domain/readiness.py).

The safety input is the gate's own standing answer (``SafetyGate.state()``): a red
answer, an orange lock still running, or a "no running" restriction. Readiness
never decides safety itself and never overrides the gate; with a red answer the
words are the gate's routine refusal (call the emergency number).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from companion.domain.clock import Clock
from companion.domain.readiness import Readiness, SafetyReading, readiness, soreness_course
from companion.domain.triage import Tier

if TYPE_CHECKING:
    from datetime import datetime

    from companion.domain.activity import Activity
    from companion.domain.load import RunNote
    from companion.services.safety import SafetyGate, SafetyState
    from companion.storage.database import Database

SORENESS_LOOKBACK = timedelta(days=14)  # the spell the latest check-in is compared within
LOAD_LOOKBACK = timedelta(days=32)  # the 30 days a spike is measured against, and today


def safety_reading(state: SafetyState) -> SafetyReading:
    """The gate's standing answer as readiness reads it: may a run happen now
    (``check_running``), and does a "no running" restriction stand?"""
    from companion.services.safety import check_running  # noqa: PLC0415

    triage = state.triage
    answer = check_running(state)
    no_running = "no_running" in triage.restrictions
    words: list[str] = []
    if not answer.allowed:
        if triage.tier in (Tier.RED, Tier.ORANGE):
            words.append(triage.tier.headline)
        words.append(answer.message(state.now))
    elif no_running:
        words = triage.explain()
    summary = answer.summary(state.now) if not answer.allowed else ""
    return SafetyReading(
        triage.tier, not answer.allowed, no_running, tuple(dict.fromkeys(words)), summary
    )


def _load_notes(activities: list[Activity], now: datetime) -> tuple[RunNote, ...]:
    """The notes of a recent run; the load rules load only when there are activities
    (most people who log no runs never need them)."""
    if not activities:
        return ()
    from companion.domain.load import recent_load_notes  # noqa: PLC0415

    return tuple(recent_load_notes(activities, now))


class ReadinessService:
    def __init__(self, db: Database, clock: Clock, gate: SafetyGate) -> None:
        self._db = db
        self.clock = clock
        self.gate = gate

    def today(self) -> Readiness:
        from companion.storage.activities import (  # noqa: PLC0415
            ActivityRepository,
            MorningLogRepository,
        )
        from companion.storage.checkins import CheckInRepository  # noqa: PLC0415

        now = self.clock.now()
        state = self.gate.state()
        today = now.date()
        days = CheckInRepository(self._db).day_scores(today - SORENESS_LOOKBACK, today)
        activities = [
            a
            for _id, a in ActivityRepository(self._db).between(
                now - LOAD_LOOKBACK, now + timedelta(minutes=1)
            )
        ]
        return readiness(
            now,
            safety=safety_reading(state),
            soreness=soreness_course(days),
            morning=MorningLogRepository(self._db).for_day(today),
            load_notes=_load_notes(activities, now),
            activities_logged=bool(activities),
        )
