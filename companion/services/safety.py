"""The one safety gate: may this routine, step, timer, reminder or plan happen now?

Every way into the app asks here before anything starts: the Today plan, the
routine player, the therapy timer window, the Reminders page, a reminder
falling due, IPC commands and the command line. Nothing decides safety at a
call site.

The answer is built from what is stored (PROTOCOLS.md section numbers in brackets):

- triage outcomes: a RED answer locks every routine, timer and thermal reminder
  until the user confirms they have been assessed (3.1, 3.2); an ORANGE answer
  locks the affected leg's routines for 24 hours (3.2) and every heat or cold
  treatment while it runs (4.3: all thermal modalities are blocked while any
  RED/ORANGE is active); restrictions such as "no cold" or "do not drink more"
  hold while their check-in stands (3.2 tier actions);
- the latest check-in: nerve-type pain means no heat, cold, stretching or rolling
  (4.1 E, 4.3); a fresh injury's spot is not rolled or stretched for 72 hours and
  is not heated (4.1 B, 4.2); swelling, warmth or fever means no heat (4.3);
- health conditions: what they block or caution, per therapy and per leg, and the
  warm-water caps they set (3.4, 1.1 warm bath);
- past sessions: the gaps and daily caps of each treatment (1.1, 1.2): ice at
  least 60 min apart and 8 in 24 hours, heat 60 min apart and 6 a day, contrast
  once a day, a cold soak twice a day 4 hours apart, a warm bath once a day.

``SafetyGate`` reads that state from the database; the ``check_*`` functions
decide from a ``SafetyState`` alone, so every rule is tested without storage or Qt.
This module holds the state, the answers, the whole-app locks, running and the
gate; the checks of timers, routines and reminders are in ``safety_checks``,
loaded with the first of them (most days the app sits idle without asking one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from companion.domain.checkin import FRESH_INJURY_H, CheckIn, SorenessType
from companion.domain.clock import Clock, later, utc
from companion.domain.conditions import ReportedCondition
from companion.domain.sessions import PastSession
from companion.domain.triage import (
    GREEN,
    LEGS,
    Tier,
    TriageCatalog,
    TriageResult,
    combine,
    emergency_number_for,
)
from companion.domain.units import METRIC, Units
from companion.services.content import SafetyContent

if TYPE_CHECKING:
    from companion.domain.preferences import Preferences
    from companion.domain.reminders import ReminderRule
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.therapy_timer import TimerPlan
    from companion.domain.triage import TriageRecord
    from companion.storage.database import Database

WINDOW = timedelta(hours=24)  # daily caps count the sessions started in the last 24 hours


class Verdict(StrEnum):
    ALLOWED = "allowed"
    CAUTION = "caution"  # allowed, with cautions to show first
    REFUSED = "refused"  # for a reminder falling due: quiet


@dataclass(frozen=True)
class Answer:
    """The gate's answer, in words a user can act on.

    ``what`` is the thing that is locked ("Therapy timers", "Ice pack"), ``why``
    the answer, condition or session behind it, ``todo`` what to do now, and
    ``available_at`` when it becomes allowed again, where that is known.
    """

    verdict: Verdict
    what: str = ""
    why: tuple[str, ...] = ()
    todo: str = ""
    available_at: datetime | None = None
    cautions: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()  # settings outside the usual range: ask first

    @property
    def allowed(self) -> bool:
        return self.verdict is not Verdict.REFUSED

    def message(self, now: datetime | None = None) -> str:
        """One plain paragraph: what is locked, why, and what to do."""
        if self.allowed:
            return " ".join(self.cautions)
        parts = [f"{self.what} {'are' if self.what.endswith('s') else 'is'} not available now."]
        parts += [as_sentence(w) for w in self.why]
        if self.todo:
            parts.append(as_sentence(self.todo))
        if self.available_at is not None and now is not None:
            parts.append(f"Available again {when_words(self.available_at, now)}.")
        return " ".join(parts)

    def summary(self, now: datetime) -> str:
        """The short form, for a list: the first reason and when it ends."""
        if self.allowed:
            return ""
        parts = [as_sentence(self.why[0])] if self.why else []
        if self.available_at is not None:
            parts.append(f"Available again {when_words(self.available_at, now)}.")
        return " ".join(parts)


ALLOWED = Answer(Verdict.ALLOWED)


@dataclass(frozen=True)
class RoutineAnswer:
    """A routine's answer: the steps that may run, and why any were left out."""

    answer: Answer
    steps: tuple[RoutineStep, ...] = ()
    left_out: tuple[str, ...] = ()  # one sentence per reason a step was dropped

    @property
    def allowed(self) -> bool:
        return self.answer.allowed


@dataclass(frozen=True)
class SafetyState:
    """Everything the gate decides from, read at one moment."""

    now: datetime
    triage: TriageResult = GREEN  # locks still running plus the latest check-in's restrictions
    conditions: tuple[ReportedCondition, ...] = ()
    checkin: CheckIn | None = None
    sessions: tuple[PastSession, ...] = ()
    emergency_number: str = "112"
    units: Units = METRIC


# -- the whole-app locks ------------------------------------------------------------------------
def red_lock(state: SafetyState, what: str) -> Answer | None:
    triage = state.triage
    if triage.tier is not Tier.RED:
        return None
    return Answer(
        Verdict.REFUSED,
        what,
        ("Emergency signs were reported.", *reasons_for(triage, Tier.RED)),
        f"Call {state.emergency_number} now and do not drive yourself. Routines, timers and "
        "treatment reminders stay locked until you confirm you have been assessed",
    )


def orange_lock(state: SafetyState, what: str) -> Answer | None:
    triage = state.triage
    if triage.tier is not Tier.ORANGE or not (triage.locked_legs or triage.locks_everything):
        return None
    return Answer(
        Verdict.REFUSED,
        what,
        ("Care today was advised.", *reasons_for(triage, Tier.ORANGE)),
        "Get medical advice today; no heat or cold treatment until you have been checked",
        available_at=triage.lock_until,
    )


def reasons_for(triage: TriageResult, tier: Tier) -> tuple[str, ...]:
    """The reasons behind the answers that raised ``tier``."""
    return tuple(dict.fromkeys(f.question.because for f in triage.flags if f.tier is tier))


# -- running again ------------------------------------------------------------------------------
def check_running(state: SafetyState) -> Answer:
    """May a return-to-run plan start, or a walk-run session begin, now?

    Not after emergency signs (3.1), not while the safety check has a leg locked
    (3.2), not with burning, shooting or numb pain, and not on a fresh injury in
    its first 72 hours (4.1 B: protect it first)."""
    what = "Running"
    red = red_lock(state, what)
    if red is not None:
        return red
    triage = state.triage
    if triage.locks_everything or any(triage.leg_locked(leg) for leg in LEGS):
        return Answer(
            Verdict.REFUSED,
            what,
            ("Care today was advised.", *reasons_for(triage, Tier.ORANGE)),
            "Get medical advice before you run on that leg",
            available_at=triage.lock_until,
        )
    checkin = state.checkin
    if checkin is not None and checkin.soreness_type is SorenessType.NERVE:
        return Answer(
            Verdict.REFUSED,
            what,
            ("Your check-in describes burning, shooting, tingling or numb pain",),
            "See a doctor or physiotherapist before running on it",
        )
    if checkin is not None and checkin.soreness_type is SorenessType.ACUTE:
        healed = later(checkin.onset, timedelta(hours=FRESH_INJURY_H))
        if utc(healed) > utc(state.now):
            return Answer(
                Verdict.REFUSED,
                what,
                ("A fresh injury is protected for its first 72 hours, not run on",),
                "Walk gently if it allows, and check in again after that",
                available_at=healed.astimezone(state.now.tzinfo),
            )
    return ALLOWED


# -- reading the state ----------------------------------------------------------------------------
def standing_restrictions(checkin: CheckIn | None, catalog: TriageCatalog) -> TriageResult:
    """Yellow answers keep their restrictions while their check-in stands. Red and orange
    locks come only from stored outcomes, which know when they end."""
    if checkin is None:
        return GREEN
    yellow = {
        qid: True
        for qid, yes in checkin.triage_answers.items()
        if yes and qid in {q.id for q in catalog.questions} and catalog.get(qid).tier is Tier.YELLOW
    }
    return catalog.evaluate(yellow, checkin.legs, checkin.at)


def active_triage(
    records: Iterable[TriageRecord], catalog: TriageCatalog, *current: TriageResult
) -> TriageResult:
    """Stored locks still running, combined with any outcome of now."""
    return combine([*(catalog.rebuild(r) for r in records), *current])


class SafetyGate:
    """The gate over one data folder: reads the state, answers each action."""

    def __init__(
        self,
        db: Database,
        content: SafetyContent,
        clock: Clock,
        *,
        country: str = "",
        preferences: Callable[[], Preferences] | None = None,
    ) -> None:
        from companion.storage.checkins import (  # noqa: PLC0415
            CheckInRepository,
            ConditionRepository,
        )
        from companion.storage.therapy import TherapyRepository  # noqa: PLC0415

        self.content = content
        self.clock = clock
        self._db = db
        self._country = country
        self._preferences = preferences
        self.checkins = CheckInRepository(db)
        self.conditions = ConditionRepository(db)
        self.therapy = TherapyRepository(db)

    def preferences(self) -> Preferences:
        """The user's preferences: the app's live model, or what is stored."""
        if self._preferences is not None:
            return self._preferences()
        from companion.storage.preferences import PreferencesRepository  # noqa: PLC0415

        return PreferencesRepository(self._db).load().preferences

    def emergency_number(self) -> str:
        return self.preferences().emergency_number or emergency_number_for(self._country)

    def state(self, *current: TriageResult) -> SafetyState:
        """The state now: running locks, the latest check-in's restrictions, conditions
        and the last day's sessions (plus ``current``, an outcome just answered)."""
        now = self.clock.now()
        latest = self.checkins.latest()
        catalog = self.content.triage
        triage = active_triage(
            self.checkins.active_locks(now),
            catalog,
            standing_restrictions(latest, catalog),
            *current,
        )
        prefs = self.preferences()
        number = prefs.emergency_number or emergency_number_for(self._country)
        return SafetyState(
            now=now,
            triage=triage,
            conditions=self.conditions.all(),
            checkin=latest,
            sessions=self.therapy.sessions_since(now - WINDOW - timedelta(hours=6)),
            emergency_number=number,
            units=prefs.units,
        )

    # -- the actions (their checks load with the first one asked) ----------------------------
    def timer(self, plan: TimerPlan, *, region: str = "") -> Answer:
        from companion.services.safety_checks import check_timer  # noqa: PLC0415

        return check_timer(self.state(), plan, self.content, region=region)

    def routine(self, steps: Sequence[RoutineStep]) -> RoutineAnswer:
        from companion.services.safety_checks import check_routine  # noqa: PLC0415

        return check_routine(self.state(), steps, self.content)

    def step(self, step: RoutineStep) -> Answer:
        from companion.services.safety_checks import check_step  # noqa: PLC0415

        return check_step(self.state(), step, self.content)

    def reminder(self, rule: ReminderRule, base_litres: float | None = None) -> Answer:
        from companion.services.safety_checks import check_reminder, water_target  # noqa: PLC0415

        state = self.state()
        return check_reminder(
            state, rule, self.content, lambda s: water_target(s, self.content, base_litres)
        )

    def running(self) -> Answer:
        return check_running(self.state())

    def plan_triage(self, checkin: CheckIn | None = None) -> TriageResult:
        """The triage a plan for ``checkin`` (default: the latest) is made under."""
        now = self.clock.now()
        catalog = self.content.triage
        return active_triage(
            self.checkins.active_locks(now),
            catalog,
            standing_restrictions(checkin or self.checkins.latest(), catalog),
        )


# -- words ----------------------------------------------------------------------------------------
def when_words(moment: datetime, now: datetime) -> str:
    """'at 15:40', 'tomorrow at 07:00' or 'on Tue 12 May at 09:00', in ``now``'s zone."""
    local = moment.astimezone(now.tzinfo)
    days = (local.date() - now.date()).days
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if days == 0:
        return f"at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if days == -1:
        return f"yesterday at {clock}"
    return f"on {local:%a} {local.day} {local:%b} at {clock}"


def as_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


__all__ = [
    "ALLOWED",
    "Answer",
    "RoutineAnswer",
    "SafetyGate",
    "SafetyState",
    "Verdict",
    "check_running",
]
