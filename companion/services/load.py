"""Training load for History and the plan, and the one question about an imported run.

The rules are ``companion.domain.load``'s; this reads the activity log for them.
An imported run arrives without an effort (a watch file has none): the Today page
asks once, "How hard was your 12 km run yesterday?", and whether it is answered
or waved away, it is not asked again (its id is kept under ``EFFORT_ASKED_KEY``).
Only imported runs of the last ``ASK_WITHIN`` are asked about: a run typed in by
hand without an effort was left so on purpose.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from companion.domain.activity import Activity, ActivityKind, format_km
from companion.domain.clock import Clock, elapsed

if TYPE_CHECKING:
    from companion.domain.load import WeekLoad
    from companion.domain.planner import Plan
    from companion.storage.database import Database

EFFORT_ASKED_KEY = "load.effort_asked"  # ids of imported runs whose effort was asked
ASKED_KEPT = 200  # the newest ids kept (older runs are past ASK_WITHIN anyway)
ASK_WITHIN = timedelta(days=3)
SPIKE_LOOKBACK = timedelta(days=30)  # the longest run a spike is measured against


def imported(activity: Activity) -> bool:
    return bool(activity.source_file)


def effort_question(activity: Activity, now: datetime) -> str:
    """ "How hard was your 12 km run yesterday?" """
    zone = now.tzinfo
    days = (now.date() - activity.ended_at.astimezone(zone).date()).days
    when = {0: "today", 1: "yesterday"}.get(days, f"on {activity.ended_at.astimezone(zone):%A}")
    if activity.km:
        what = f"{format_km(activity.km)} km run"
    elif activity.minutes:
        what = f"{activity.minutes:.0f}-minute run"
    else:
        what = "run"
    return f"How hard was your {what} {when}?"


class LoadService:
    def __init__(self, db: Database, clock: Clock) -> None:
        from companion.storage.activities import ActivityRepository  # noqa: PLC0415
        from companion.storage.settings import SettingsRepository  # noqa: PLC0415

        self._db = db
        self.clock = clock
        self.activities = ActivityRepository(db)
        self.settings = SettingsRepository(db)

    def _read(self, days: float) -> list[tuple[int, Activity]]:
        now = self.clock.now()
        return self.activities.between(now - timedelta(days=days), now + timedelta(minutes=1))

    # The load rules load with the first weeks or plan lines asked for: Today's effort
    # question, asked at start, needs none of them.
    def weeks(self, count: int | None = None) -> tuple[WeekLoad, ...]:
        """This 7 days and the ones before (``WEEKS_SHOWN`` of them), newest first."""
        from companion.domain.load import WEEK_DAYS, WEEKS_SHOWN, load_weeks  # noqa: PLC0415

        shown = WEEKS_SHOWN if count is None else count
        now = self.clock.now()
        zone = now.tzinfo
        assert zone is not None
        back = WEEK_DAYS * shown + SPIKE_LOOKBACK.days + 1
        return load_weeks([a for _id, a in self._read(back)], now.date(), zone, shown)

    def plan_lines(self) -> tuple[str, ...]:
        """The plan's why lines about load: a spike in the last 36 hours, alike days."""
        from companion.domain.load import WEEK_DAYS, plan_load_lines  # noqa: PLC0415

        back = WEEK_DAYS + SPIKE_LOOKBACK.days + 2
        return plan_load_lines([a for _id, a in self._read(back)], self.clock.now())

    # -- the effort of an imported run, asked once ----------------------------------------
    def _asked(self) -> list[int]:
        raw = self.settings.get(EFFORT_ASKED_KEY, [])
        return [i for i in raw if isinstance(i, int)] if isinstance(raw, list) else []

    def runs_missing_effort(self) -> list[tuple[int, Activity]]:
        """Imported runs of the last 3 days with no effort, not asked about yet, newest first."""
        asked = set(self._asked())
        now = self.clock.now()
        found = [
            (i, a)
            for i, a in self._read(ASK_WITHIN.days)
            if a.kind is ActivityKind.RUN
            and a.effort is None
            and imported(a)
            and i not in asked
            and elapsed(a.ended_at, now) <= ASK_WITHIN
        ]
        return sorted(found, key=lambda pair: pair[1].ended_at, reverse=True)

    def question(self, activity: Activity) -> str:
        return effort_question(activity, self.clock.now())

    def mark_asked(self, activity_id: int) -> None:
        """Never ask about this run again (answered or waved away)."""
        asked = [i for i in self._asked() if i != activity_id] + [activity_id]
        self.settings.set(EFFORT_ASKED_KEY, asked[-ASKED_KEPT:], self.clock.now())

    def set_effort(self, activity_id: int, effort: int) -> None:
        """Store the run's effort (ValueError with the reason if refused) and mark it asked."""
        from companion.storage.activity_effort import set_effort  # noqa: PLC0415

        with self._db.transaction():  # the effort and "asked" together, or neither
            if not set_effort(self._db, activity_id, effort):
                raise ValueError("That activity is no longer in the log.")
            self.mark_asked(activity_id)


def with_load_notes(plan: Plan, db: Database, clock: Clock) -> Plan:
    """The plan with its why lines about load added (a recent spike, a week of alike
    days); a red plan keeps the emergency message alone."""
    if plan.locked:
        return plan
    lines = LoadService(db, clock).plan_lines()
    if not lines:
        return plan
    return replace(plan, notes=tuple(dict.fromkeys((*plan.notes, *lines))))
