"""Activities and mornings, logged the same way from the window, IPC and the command line.

An activity (a run, a leg day, a long shift) is stored and answered with its
training-load notes (PROTOCOLS 1.1: a run more than 10 % longer than the
longest of the past month). A morning (sleep and how recovered you feel) is
stored and answered with the 7-hour note and, on every path, rule T8 of
PROTOCOLS 5.4: three poorly recovered mornings in a row raise one alert per run
of them, with the fever questions behind it.

``from_message`` reads the IPC/command-line message into an activity or a
morning, with the reason when it is not one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from companion.domain.activity import Activity, ActivityKind, MorningLog, training_load_nudges
from companion.domain.clock import Clock

if TYPE_CHECKING:
    from companion.domain.trends import TrendAlert
    from companion.storage.database import Database

HISTORY_FOR_NUDGES = 500  # activities looked back through for the longest run
T8_LOOKBACK = timedelta(days=6)


@dataclass(frozen=True)
class Logged:
    """What logging said back: notes to show, and a T8 alert raised just now."""

    notes: tuple[str, ...] = ()
    alert: TrendAlert | None = None


class ActivityService:
    def __init__(self, db: Database, clock: Clock) -> None:
        from companion.storage.activities import (  # noqa: PLC0415
            ActivityRepository,
            MorningLogRepository,
        )
        from companion.storage.trends import TrendAlertRepository  # noqa: PLC0415

        self.clock = clock
        self.activities = ActivityRepository(db)
        self.mornings = MorningLogRepository(db)
        self.alerts = TrendAlertRepository(db)

    def log_activity(self, activity: Activity, source: str) -> Logged:
        """Store an activity (ValueError with the reason if it is refused)."""
        self.activities.add(activity, source)
        return Logged(tuple(self.nudges(activity)))

    def nudges(self, activity: Activity) -> list[str]:
        """The training-load notes for a run (never a block: information only)."""
        if activity.kind is not ActivityKind.RUN or not activity.km:
            return []
        history = [a for _id, a in self.activities.recent(HISTORY_FOR_NUDGES)]
        return [n.text for n in training_load_nudges(activity.km, activity.ended_at, history)]

    def log_morning(self, log: MorningLog) -> Logged:
        """Store a morning; its sleep note, and rule T8 if this morning completes a run."""
        now = self.clock.now()
        self.mornings.save(log, now)
        note = log.sleep_note()
        alert = self.pending_morning_alert()
        notes = tuple(n for n in (note, alert.detail if alert else "") if n)
        return Logged(notes, alert)

    def pending_morning_alert(self) -> TrendAlert | None:
        """T8 over the last week of mornings, unless this run of them was raised before."""
        from companion.domain.trends import morning_alert  # noqa: PLC0415

        today = self.clock.now().date()
        alert = morning_alert(self.mornings.between(today - T8_LOOKBACK, today))
        if alert is None or not self.alerts.new([alert]):
            return None
        return alert

    def settle(self, alert: TrendAlert, answer: str) -> None:
        """Remember the alert as dealt with ("answered": its questions gone through, or
        "dismissed": shown and closed, as on a command line), so the same run of
        mornings does not raise it again."""
        if answer not in ("answered", "dismissed"):
            raise ValueError(f"an alert is answered or dismissed, not {answer!r}")
        self.alerts.record([alert], answer, self.clock.now())


# -- the IPC / command-line message ------------------------------------------------------------
def from_message(message: dict[str, Any], now: datetime) -> Activity | MorningLog:
    """The activity (or, for ``kind`` "sleep", the morning) a log-activity message
    describes; ValueError with the reason when it is not one."""
    kind = str(message.get("kind", ""))
    if kind == "sleep":
        return _morning(message, now)
    if kind not in {k.value for k in ActivityKind}:
        raise ValueError(f"{kind!r} is not an activity; say run, leg-day, standing or other")
    if message.get("hours") is not None or message.get("prs") is not None:
        raise ValueError("--hours and --recovered go with 'sleep'")
    ago = _number(message, "ago_min") or 0.0
    effort = message.get("effort")
    if effort is not None and (isinstance(effort, bool) or not isinstance(effort, int)):
        raise ValueError("effort must be a whole number from 1 to 10")
    return Activity(
        kind=ActivityKind(kind),
        ended_at=now - timedelta(minutes=ago),
        minutes=_number(message, "minutes"),
        km=_number(message, "km"),
        effort=effort,
        note=str(message.get("note") or "")[:200],
    )


def _morning(message: dict[str, Any], now: datetime) -> MorningLog:
    if any(message.get(k) is not None for k in ("km", "minutes", "effort")):
        raise ValueError("sleep takes --hours and --recovered, not distance, minutes or effort")
    prs = message.get("prs")
    if prs is not None and (isinstance(prs, bool) or not isinstance(prs, int)):
        raise ValueError("how recovered you feel is a whole number from 0 to 10")
    return MorningLog(now.date(), sleep_hours=_number(message, "hours"), prs=prs)


def _number(message: dict[str, Any], key: str) -> float | None:
    value = message.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key} must be a number")
    return float(value)
