"""Check-in and plan: what the Today screen does, without widgets.

The screen hands in a check-in; the presenter works out which safety
questions it needs (PROTOCOLS 3.1), asks them through ``ask`` (a dialog in the
app, a stub in tests), saves everything in one transaction and returns the
plan. Plain Python, so every path is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from companion.domain.applicability import Reported
from companion.domain.checkin import Cause, CheckIn, Swelling
from companion.domain.clock import Clock, elapsed, utc
from companion.domain.conditions import ConditionCatalog, ReportedCondition
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog
from companion.domain.triage import (
    GREEN,
    Moment,
    Question,
    TriageCatalog,
    TriageResult,
    emergency_number_for,
    moments_for,
    questions_for,
)
from companion.services.content import SafetyContent
from companion.storage.checkins import CheckInRepository, ConditionRepository
from companion.storage.database import Database
from companion.storage.preferences import PreferencesRepository
from companion.storage.settings import SettingsRepository

if TYPE_CHECKING:  # the plan's rules load when the first plan is made, after the first paint
    from companion.domain.activity import Activity
    from companion.domain.exercises import ExerciseLibrary
    from companion.domain.planner import Plan
    from companion.domain.preferences import Preferences
    from companion.domain.trends import TrendAlert
    from companion.storage.trends import TrendAlertRepository

CONDITIONS_ASKED_KEY = "conditions.asked"
WELCOME_KEY = "welcome.state"  # "done" or "skipped": the first-start welcome is asked once
PREFERENCES_KEY = "preferences"  # storage/preferences.py's document
ROUTINE_MINUTES_KEY = "plan.minutes"
REPEAT_WINDOW = timedelta(days=7)  # how long after an orange lock its questions come back
TREND_LOOKBACK = timedelta(days=14)  # the check-ins a new one is compared with

# Shows the questions and returns the answers, or None if the user backed out.
Ask = Callable[[tuple[Question, ...]], Mapping[str, bool] | None]


class ContentSource(SafetyContent, Protocol):
    """The content the Today screen uses (the gate's, plus the map's regions and the
    exercises); the app loads all but the regions lazily."""

    @property
    def regions(self) -> RegionCatalog: ...
    @property
    def exercises(self) -> ExerciseLibrary | None: ...


@dataclass(frozen=True)
class Content:
    regions: RegionCatalog
    protocols: ProtocolBounds
    triage: TriageCatalog
    conditions: ConditionCatalog
    exercises: ExerciseLibrary | None = None


ACTIVITY_ONSET_WINDOW = timedelta(days=7)  # a logged activity older than this sets nothing


@dataclass(frozen=True)
class ActivityOnset:
    """When and why a logged activity says the soreness started."""

    hours: int
    cause: Cause
    activity: Activity


@dataclass(frozen=True)
class Saved:
    checkin: CheckIn
    triage: TriageResult  # the answers given now, combined with any lock still running
    plan: Plan


class CheckInService:
    def __init__(
        self,
        db: Database,
        content: ContentSource,
        clock: Clock,
        settings: SettingsRepository,
        country: str = "",
        *,
        preferences: Callable[[], Preferences] | None = None,
    ) -> None:
        self.content = content
        self.preferences = preferences or (lambda: PreferencesRepository(db).load().preferences)
        self.clock = clock
        self.settings = settings
        self.checkins = CheckInRepository(db)
        self.condition_store = ConditionRepository(db)
        self._db = db
        self._country = country
        # The trend alerts behind the questions being asked, and their reasons in words.
        self.pending_alerts: tuple[TrendAlert, ...] = ()

    # -- reading ------------------------------------------------------------------------
    def latest(self) -> CheckIn | None:
        return self.checkins.latest()

    def emergency_number(self) -> str:
        return self.preferences().emergency_number or emergency_number_for(self._country)

    def conditions(self) -> tuple[ReportedCondition, ...]:
        return self.condition_store.all()

    def conditions_asked(self) -> bool:
        return bool(self.settings.get(CONDITIONS_ASKED_KEY, False))

    def save_conditions(self, conditions: tuple[ReportedCondition, ...]) -> None:
        for item in conditions:
            self.content.conditions.get(item.id)
        self.condition_store.replace(conditions, self.clock.now())
        self.settings.set(CONDITIONS_ASKED_KEY, True, self.clock.now())

    # -- the welcome on the first start ---------------------------------------------------
    def welcome_needed(self) -> bool:
        """Only a new data folder with no answer yet: no welcome answered or skipped, no
        check-in, no health answers and no saved preferences (an existing user's folder
        never shows it)."""
        if self.settings.get(WELCOME_KEY) is not None or self.conditions_asked():
            return False
        return self.settings.get(PREFERENCES_KEY) is None and self.checkins.latest() is None

    def record_welcome(self, finished: bool) -> None:
        """Remember the welcome as done (or skipped), so it is never shown again."""
        self.settings.set(WELCOME_KEY, "done" if finished else "skipped", self.clock.now())

    def routine_minutes(self) -> int:
        value = self.settings.get(ROUTINE_MINUTES_KEY, 10)
        return value if value in (5, 10, 20) else 10

    def set_routine_minutes(self, minutes: int) -> None:
        """The routine length chosen on the check-in, kept for the next one."""
        if minutes not in (5, 10, 20):
            raise ValueError(f"a routine lasts 5, 10 or 20 minutes, not {minutes}")
        self.settings.set(ROUTINE_MINUTES_KEY, minutes, self.clock.now())

    def water_goal_ml(self) -> int | None:
        """The day's water goal in mL: Settings' goal (plus any extra a condition adds), or
        None where a health condition or a safety answer turns numeric goals off."""
        from companion.domain.water import water_target  # noqa: PLC0415

        bounds = self.content.protocols
        latest = self.latest()
        now = self.clock.now()
        current = self._standing_restrictions(latest) if latest is not None else GREEN
        target = water_target(
            self.conditions(),
            self.content.conditions,
            self.active_triage(now, current),
            bounds,
            self.preferences().water_goal_l(bounds),
        )
        return None if target.litres is None else round(target.litres * 1000)

    def active_triage(self, now: datetime, current: TriageResult = GREEN) -> TriageResult:
        """Locks still running (red until assessed, orange for 24 h) plus today's answers
        (the safety gate's rule, services/safety.py)."""
        from companion.services.safety import active_triage  # noqa: PLC0415

        return active_triage(self.checkins.active_locks(now), self.content.triage, current)

    # -- the check-in ----------------------------------------------------------------------
    def questions_needed(self, checkin: CheckIn) -> tuple[Question, ...]:
        """The safety questions this check-in needs, and only those (PROTOCOLS 3.1).

        The moments (a new region, nerve words, one-sided swelling, severe soreness, a
        trend alert) say when; each question's ``applies`` rule says whether it concerns
        what was reported. What is new since the last check-in (a region, a word, a
        cause, swelling, a score or a time past a rule's number) brings the questions
        that apply to it. A same-day re-save asks again only those: a question answered
        earlier today is not asked twice for the same report.
        """
        catalog = self.content.triage
        previous = self.checkins.latest()
        before = {r.region_id for r in previous.sore_regions} if previous else set()
        moments = moments_for(
            {r.region_id for r in checkin.sore_regions},
            before,
            nerve_words=checkin.has_nerve_words,
            one_sided_swelling=checkin.swelling is Swelling.ONE_SIDE,
            doms_beyond_a_week=False,  # rule T3 comes with the trend alerts, once an episode
            severe=checkin.needs_full_screen,  # T4 and the 7/10 stop rules
        )
        self.pending_alerts = tuple(self.alerts.new(self.trend_alerts(checkin)))
        moments += tuple(m for a in self.pending_alerts for m in a.moments)
        reported = Reported.of(checkin)
        if Moment.FULL in moments:
            reported = replace(reported, severe=True)  # every red question (T4 included)
        asked = questions_for(catalog, moments, reported)
        news = reported.since(Reported.of(previous)) if previous is not None else reported
        if previous is not None:
            asked += tuple(
                q
                for q in questions_for(catalog, (Moment.NEW_REGION,), news)
                if q.id not in {a.id for a in asked}
            )
        wanted = {qid for a in self.pending_alerts for qid in a.questions}
        asked += tuple(catalog.get(qid) for qid in sorted(wanted - {q.id for q in asked}))
        earlier = self.checkins.for_day(checkin.at.date())
        if earlier is not None and earlier.triage_answers:
            today = reported.since(Reported.of(earlier))
            asked = _not_asked_today(asked, set(earlier.triage_answers), today, wanted)
        order = {q.id: index for index, q in enumerate(catalog.questions)}
        asked = tuple(sorted(asked, key=lambda q: (-q.tier.rank, order[q.id])))
        # An orange screen is asked again once its lock has ended (PROTOCOLS 3.2).
        repeat = self.checkins.orange_questions_to_repeat(self.clock.now(), REPEAT_WINDOW)
        extra = tuple(catalog.get(qid) for qid in repeat if qid not in {q.id for q in asked})
        return extra + asked

    def submit(self, checkin: CheckIn, ask: Ask) -> Saved | None:
        """Ask what is needed, then save the check-in and its answers as one action.

        Returns None, saving nothing, when the user backs out of the questions.
        """
        questions = self.questions_needed(checkin)
        answers: dict[str, bool] = {}
        if questions:
            given = ask(questions)
            if given is None:
                return None
            answers = {q.id: bool(given.get(q.id, False)) for q in questions}
        now = self.clock.now()
        # Only the answers given now make a new outcome (and start a new lock) ...
        result = self.content.triage.evaluate(answers, checkin.legs, now)
        # ... while editing today's check-in keeps the answers given earlier today.
        earlier = self.checkins.for_day(checkin.at.date())
        if earlier is not None:
            answers = {**earlier.triage_answers, **answers}
        checkin = replace(checkin, triage_answers=answers)
        # One transaction: the check-in, its answers, its outcome (in save) and the trend
        # alerts answered with it are all written, or none is.
        with self._db.transaction():
            self.checkins.save(checkin, result)
            if self.pending_alerts:
                self.alerts.record(self.pending_alerts, "answered", now)
        self.pending_alerts = ()
        plan = self.plan(checkin)
        return Saved(checkin, plan.triage, plan)

    @cached_property
    def alerts(self) -> TrendAlertRepository:
        from companion.storage.trends import TrendAlertRepository  # noqa: PLC0415

        return TrendAlertRepository(self._db)

    def trend_alerts(self, checkin: CheckIn) -> list[TrendAlert]:
        """PROTOCOLS 5.4 rules seen in this check-in against the last two weeks."""
        from companion.domain.checkin import DayScores  # noqa: PLC0415
        from companion.domain.trends import check_in_alerts  # noqa: PLC0415

        today = checkin.at.date()
        history = self.checkins.day_scores(today - TREND_LOOKBACK, today - timedelta(days=1))
        current = DayScores(
            today,
            checkin.at,
            checkin.onset,
            checkin.cause,
            {r.region_id: (r.at_rest, r.on_movement) for r in checkin.regions},
        )
        regions = self.content.regions
        return check_in_alerts(
            current,
            history,
            swelling=checkin.swelling is not Swelling.NONE,
            name=lambda rid: regions.get(rid).display_name.lower() if rid in regions else rid,
        )

    def latest_activity(self) -> Activity | None:
        from companion.storage.activities import ActivityRepository  # noqa: PLC0415

        return ActivityRepository(self._db).latest()

    def activity_onset(self, latest: CheckIn | None) -> ActivityOnset | None:
        """The run or leg day logged since the last check-in, if it should set when and
        why on the next one (PROTOCOLS 5.1: hours since the activity come from the log)."""
        from companion.domain.activity import cause_of  # noqa: PLC0415 - off the start-up path

        activity = self.latest_activity()
        if activity is None:
            return None
        now = self.clock.now()
        since = elapsed(activity.ended_at, now)
        newer = latest is None or utc(activity.ended_at) > utc(latest.onset) + timedelta(hours=1)
        if not newer or not timedelta(0) <= since <= ACTIVITY_ONSET_WINDOW:
            return None
        return ActivityOnset(round(since.total_seconds() / 3600), cause_of(activity.kind), activity)

    def _standing_restrictions(self, checkin: CheckIn) -> TriageResult:
        """Yellow answers keep their restrictions while the check-in stands (the gate's rule)."""
        from companion.services.safety import standing_restrictions  # noqa: PLC0415

        return standing_restrictions(checkin, self.content.triage)

    def plan(self, checkin: CheckIn, minutes: int | None = None) -> Plan:
        from companion.domain.planner import make_plan  # noqa: PLC0415 - after the first paint

        now = self.clock.now()
        preferences = self.preferences()
        plan = make_plan(
            replace(checkin, at=now),
            triage=self.active_triage(now, self._standing_restrictions(checkin)),
            conditions=self.conditions(),
            catalog=self.content.conditions,
            bounds=self.content.protocols,
            now=now,
            minutes=minutes or self.routine_minutes(),
            library=self.content.exercises,
            regions=self.content.regions,
            equipment=preferences.equipment,
            water_litres=preferences.water_goal_l(self.content.protocols),
        )
        from companion.services.load import with_load_notes  # noqa: PLC0415

        return with_load_notes(plan, self._db, self.clock)  # a spike or alike days: said why

    def confirm_assessed(self) -> int:
        return self.checkins.confirm_assessed(self.clock.now())


def _not_asked_today(
    asked: tuple[Question, ...], answered: set[str], news: Reported, alerted: set[str]
) -> tuple[Question, ...]:
    """Of ``asked``, those not answered earlier today and those that apply to what is new
    since then (a trend alert's own questions always come: the alert is new by itself);
    a follow-up stays with its parent."""
    keep = {
        q.id
        for q in asked
        if q.follow_up is None and (q.id not in answered or q.id in alerted or q.applies_to(news))
    }
    return tuple(q for q in asked if (q.follow_up or q.id) in keep)
