"""Reminder rules as APScheduler jobs (see ../shared/TECH-NOTES.md, APScheduler 3.11).

What the notes taught, and what this module does about it:

- Jobs run on APScheduler's worker threads. A job here only calls
  ``deliver(Fired)``; the UI layer turns that into a queued Qt signal, so no
  widget, tray or database is touched off the main thread.
- Our tables are the source of truth; jobs live in a memory store and are
  rebuilt from the rules at start and on every edit (no pickled job store).
- Each rule's trigger asks ``companion.domain.reminders.next_fire``: wall-clock
  times in an explicit zone, so DST neither drifts nor doubles a reminder.
- ``coalesce=True`` with no misfire grace: a late wake-up runs a job once, not
  once per missed occurrence and not never. What was missed is worked out by
  the receiver from the rule's ``last_fired_at``.
- Nor a burst across jobs: the jobs run inline on the scheduler's own thread
  (APScheduler's ``DebugExecutor``; each only records what fell due), and
  everything one wake-up found is handed over in one ``deliver`` call, a
  ``FiredTogether`` when there are several. After a suspend the receiver gets
  the water, the icing and a snooze that ended as one event, and says what was
  missed in one summary.
- The scheduler thread never sleeps longer than ``max_sleep`` (60 s): a
  machine that was suspended, or whose clock was changed, is caught up within
  a minute instead of after the monotonic remainder of the old wait. Nothing
  else wakes it, so an app with no reminders due stays idle; and the UI
  (``ReminderCenter``) imports this module and starts the scheduler only once
  a reminder is on (``Fired`` lives in ``fired.py`` so it need not).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.date import DateTrigger

from companion.domain.reminders import ReminderRule, Waking, next_fire
from companion.scheduling.fired import Fired, FiredTogether

__all__ = ["Fired", "FiredTogether", "ReminderScheduler", "RuleTrigger"]

log = logging.getLogger(__name__)

MAX_SLEEP_S = 60.0
RULE_PREFIX = "rule-"
ONCE_PREFIX = "once-"


class RuleTrigger(BaseTrigger):  # type: ignore[misc]
    """A reminder rule's occurrences, computed by the domain, as an APScheduler trigger."""

    def __init__(
        self,
        rule: ReminderRule,
        zone: tzinfo,
        waking: Waking,
        paused_until: Callable[[], datetime | None],
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.rule = rule
        self.clock = clock
        self.zone = zone
        self.waking = waking
        self.paused_until = paused_until

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        # The first fire counts from the app's clock (the same instant in use; a test's
        # clock in tests), later ones from the previous fire.
        after = previous_fire_time or (self.clock() if self.clock is not None else now)
        return next_fire(self.rule, after, self.zone, self.waking, self.paused_until())

    def __str__(self) -> str:
        return f"rule[{self.rule.id}: {self.rule.describe_schedule()}]"


class _Scheduler(BackgroundScheduler):  # type: ignore[misc]
    """BackgroundScheduler whose thread wakes at least every ``max_sleep`` seconds, and
    hands over what one wake-up found in one go (``hand_over``)."""

    max_sleep = MAX_SLEEP_S
    hand_over: Callable[[list[Fired]], None] = staticmethod(lambda _found: None)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._found: list[Fired] = []
        self._found_lock = threading.Lock()

    def found(self, fired: Fired) -> None:
        """A job ran (inline, in ``_process_jobs``): keep it for the end of the pass."""
        with self._found_lock:
            self._found.append(fired)

    def _process_jobs(self) -> float:
        wait = super()._process_jobs()
        with self._found_lock:
            found, self._found = self._found, []
        if found:
            self.hand_over(found)
        return self.max_sleep if wait is None else min(wait, self.max_sleep)

    def remove_job(self, job_id: str, jobstore: str | None = None) -> None:
        # A shutdown while the thread is finishing a one-off makes APScheduler look for the
        # job among pending ones and raise in its thread; a stopped scheduler has no jobs.
        try:
            super().remove_job(job_id, jobstore)
        except JobLookupError:
            if self.state != STATE_STOPPED:
                raise


class ReminderScheduler:
    """Turns rules and one-offs into jobs; reports due ones through ``deliver``.

    ``deliver`` is called on the scheduler's thread, once per wake-up that found
    anything (a ``FiredTogether`` when it found several); it must only hand the
    event on (the UI layer emits a queued Qt signal).
    """

    def __init__(
        self,
        deliver: Callable[[Fired | FiredTogether], None],
        zone: tzinfo,
        waking: Callable[[], Waking],
        paused_until: Callable[[], datetime | None],
        *,
        max_sleep: float = MAX_SLEEP_S,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._deliver = deliver
        self._clock = clock
        self.zone = zone
        self._waking = waking
        self._paused_until = paused_until
        # Inline: a job only records what fell due; the pass hands it all over at its end.
        self._scheduler = _Scheduler(
            timezone=zone,
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        self._scheduler.max_sleep = max_sleep
        self._scheduler.hand_over = self._hand_over

    # -- life -----------------------------------------------------------------------------------
    def start(self, *, paused: bool = False) -> None:
        self._scheduler.start(paused=paused)

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    # -- rules ----------------------------------------------------------------------------------
    def set_rules(self, rules: Sequence[ReminderRule]) -> None:
        """Make the jobs match ``rules`` exactly (enabled ones only); one-offs stay."""
        waking = self._waking()
        wanted = {f"{RULE_PREFIX}{r.id}": r for r in rules if r.enabled and r.id is not None}
        for job in self._scheduler.get_jobs():
            if job.id.startswith(RULE_PREFIX) and job.id not in wanted:
                job.remove()
        for job_id, rule in wanted.items():
            trigger = RuleTrigger(rule, self.zone, waking, self._paused_until, self._clock)
            self._scheduler.add_job(
                self._fire_rule,
                trigger,
                args=(rule.id,),
                id=job_id,
                name=rule.title,
                replace_existing=True,
            )

    def next_fire_times(self) -> dict[int, datetime]:
        """Each scheduled rule's next fire time (rules that will not fire are absent)."""
        times: dict[int, datetime] = {}
        for job in self._scheduler.get_jobs():
            when = getattr(job, "next_run_time", None)
            if job.id.startswith(RULE_PREFIX) and when is not None:
                times[int(job.id.removeprefix(RULE_PREFIX))] = when
        return times

    def next_once(self) -> dict[str, datetime]:
        return {
            job.id.removeprefix(ONCE_PREFIX): job.next_run_time
            for job in self._scheduler.get_jobs()
            if job.id.startswith(ONCE_PREFIX) and getattr(job, "next_run_time", None)
        }

    # -- one-offs -------------------------------------------------------------------------------
    def add_once(self, key: str, at: datetime) -> None:
        """Fire ``key`` once at ``at`` (a snooze ending, the ice coming off)."""
        self._scheduler.add_job(
            self._fire_once,
            DateTrigger(run_date=at, timezone=self.zone),
            args=(key, at),
            id=ONCE_PREFIX + key,
            replace_existing=True,
        )

    def cancel_once(self, key: str) -> None:
        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(ONCE_PREFIX + key)

    # -- jobs (worker thread) -------------------------------------------------------------------
    def _fire_rule(self, rule_id: int) -> None:
        self._scheduler.found(Fired(rule_id=rule_id, thread=threading.current_thread().name))

    def _fire_once(self, key: str, at: datetime) -> None:
        self._scheduler.found(Fired(key=key, scheduled=at, thread=threading.current_thread().name))

    def _hand_over(self, found: list[Fired]) -> None:
        """Everything one wake-up found: one ``Fired``, or several as ``FiredTogether``."""
        event: Fired | FiredTogether = found[0] if len(found) == 1 else FiredTogether(tuple(found))
        try:
            self._deliver(event)
        except Exception:  # a receiver's failure must never take the scheduler down
            log.exception("delivering %s failed", event)

    # -- tests ----------------------------------------------------------------------------------
    @property
    def apscheduler(self) -> Any:
        return self._scheduler
