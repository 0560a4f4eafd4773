"""What a reminder job hands over when it runs; no APScheduler needed to name it.

The UI layer imports this at start-up, while ``companion.scheduling.reminders``
(and APScheduler with it, about 8 MB and 0.1 s) loads only once a reminder is
switched on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Fired:
    """What a job hands over: a rule fell due, or a one-off (a snooze, ice off) did."""

    rule_id: int | None = None
    key: str = ""  # for a one-off
    scheduled: datetime | None = None
    thread: str = ""  # the worker thread it ran on (tests check it is not the GUI's)


@dataclass(frozen=True)
class FiredTogether:
    """Several jobs that ran in the same wake-up of the scheduler, handed over at once.

    After a gap (a suspend, a clock jump) every job that fell due meanwhile runs in
    one pass; handing them over together lets the receiver say what was missed in
    one summary instead of a prompt each."""

    events: tuple[Fired, ...]
