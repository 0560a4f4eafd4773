"""Reminder rules (the source of truth the scheduler is built from), their events, and water.

A rule's schedule and kind-specific values are one JSON column, ``spec``, so
a new kind of value needs no migration; the columns the app queries by
(kind, enabled, last_fired_at) are real columns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from companion.domain.clock import utc
from companion.domain.reminders import ALL_DAYS, Kind, ReminderRule
from companion.storage.database import Database

if TYPE_CHECKING:
    from companion.domain.reminders.timeline import HeldBack

_SPEC_FIELDS = (
    "every_min",
    "amount_ml",
    "daily_goal_ml",
    "on_min",
    "region",
    "routine_id",
    "message",
    "action",
)
_EXTRA_FIELDS = ("side",)  # icing: "left", "right" or "both" (kept in ``rule.extra``)
MAX_WATER_ML = 2000  # one entry; the table refuses more


def _spec(rule: ReminderRule) -> str:
    spec: dict[str, Any] = {name: getattr(rule, name) for name in _SPEC_FIELDS}
    spec["times"] = [t.strftime("%H:%M") for t in rule.times]
    spec["weekdays"] = sorted(rule.weekdays)
    spec["starts"] = rule.starts.isoformat() if rule.starts else None
    spec["ends"] = rule.ends.isoformat() if rule.ends else None
    for name in _EXTRA_FIELDS:
        spec[name] = rule.extra.get(name)
    return json.dumps({k: v for k, v in spec.items() if v not in (None, "", [])}, sort_keys=True)


def rule_from_row(row: tuple[Any, ...]) -> ReminderRule:
    """The rule in a stored row: (id, kind, title, enabled, spec as JSON)."""
    rule_id, kind, title, enabled, spec_text = row
    spec = json.loads(spec_text)
    return ReminderRule(
        kind=Kind(kind),
        title=title,
        id=rule_id,
        enabled=bool(enabled),
        every_min=spec.get("every_min"),
        times=tuple(time.fromisoformat(t) for t in spec.get("times", ())),
        weekdays=frozenset(spec["weekdays"]) if "weekdays" in spec else ALL_DAYS,
        starts=datetime.fromisoformat(spec["starts"]) if spec.get("starts") else None,
        ends=datetime.fromisoformat(spec["ends"]) if spec.get("ends") else None,
        amount_ml=spec.get("amount_ml"),
        daily_goal_ml=spec.get("daily_goal_ml"),
        on_min=spec.get("on_min"),
        region=spec.get("region", ""),
        routine_id=spec.get("routine_id", ""),
        message=spec.get("message", ""),
        action=spec.get("action", ""),
        extra={name: str(spec[name]) for name in _EXTRA_FIELDS if spec.get(name)},
    )


@dataclass(frozen=True)
class ReminderEvent:
    id: int
    rule_id: int | None
    kind: str
    title: str
    due_at: datetime
    missed: int
    answer: str | None
    answered_at: datetime | None
    snoozed_until: datetime | None


# A prompt snoozed and not yet shown again: it comes back, after a restart too.
_PENDING_SNOOZE = "answer = 'snoozed' AND snoozed_until IS NOT NULL"


class ReminderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- rules --------------------------------------------------------------------------------
    def all(self) -> list[ReminderRule]:
        rows = self._db.conn.execute(
            "SELECT id, kind, title, enabled, spec FROM reminder_rules ORDER BY id"
        )
        return [rule_from_row(row) for row in rows]

    def get(self, rule_id: int) -> ReminderRule | None:
        row = self._db.conn.execute(
            "SELECT id, kind, title, enabled, spec FROM reminder_rules WHERE id = ?", (rule_id,)
        ).fetchone()
        return None if row is None else rule_from_row(row)

    def save(self, rule: ReminderRule, now: datetime) -> ReminderRule:
        """Insert (no id) or update a rule; returns it with its id. One transaction."""
        stamp = now.isoformat()
        with self._db.transaction() as conn:
            if rule.id is not None:
                # Occurrences before an edit are not "missed": they were not asked for.
                updated = conn.execute(
                    "UPDATE reminder_rules SET kind = ?, title = ?, enabled = ?, spec = ?, "
                    "updated_at = ?, last_fired_at = MAX(COALESCE(last_fired_at, ''), ?) "
                    "WHERE id = ?",
                    (
                        rule.kind.value,
                        rule.title,
                        int(rule.enabled),
                        _spec(rule),
                        stamp,
                        utc(now).isoformat(),
                        rule.id,
                    ),
                )
                if updated.rowcount != 1:
                    raise KeyError(f"No reminder has the id {rule.id}.")
                return rule
            cursor = conn.execute(
                "INSERT INTO reminder_rules "
                "(kind, title, enabled, spec, last_fired_at, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    rule.kind.value,
                    rule.title,
                    int(rule.enabled),
                    _spec(rule),
                    utc(now).isoformat(),  # nothing before a rule existed counts as missed
                    stamp,
                    stamp,
                ),
            )
            return replace(rule, id=cursor.lastrowid)

    def save_many(self, rules: list[ReminderRule], now: datetime) -> list[ReminderRule]:
        """Several new rules as one user action (e.g. "Just finished a run")."""
        with self._db.transaction():
            return [self.save(rule, now) for rule in rules]

    def set_enabled(self, rule_id: int, enabled: bool, now: datetime) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_rules SET enabled = ?, updated_at = ? WHERE id = ?",
                (int(enabled), now.isoformat(), rule_id),
            )

    def delete(self, rule_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM reminder_rules WHERE id = ?", (rule_id,))

    def delete_many(self, rule_ids: Iterable[int]) -> int:
        """Delete these rules in one transaction (their events stay); how many there were."""
        with self._db.transaction() as conn:
            return sum(
                conn.execute("DELETE FROM reminder_rules WHERE id = ?", (i,)).rowcount
                for i in rule_ids
            )

    def delete_finished(self, before: datetime) -> int:
        """Remove rules whose window closed before ``before`` (their events stay)."""
        finished = [
            r.id
            for r in self.all()
            if r.ends is not None and r.id is not None and utc(r.ends) < utc(before)
        ]
        with self._db.transaction() as conn:
            conn.executemany("DELETE FROM reminder_rules WHERE id = ?", [(i,) for i in finished])
        return len(finished)

    def last_fired(self) -> dict[int, datetime]:
        rows = self._db.conn.execute(
            "SELECT id, last_fired_at FROM reminder_rules WHERE last_fired_at IS NOT NULL"
        )
        return {rule_id: datetime.fromisoformat(at) for rule_id, at in rows}

    # -- events -------------------------------------------------------------------------------
    def fired(self, rule: ReminderRule, due_at: datetime, missed: int, shown_at: datetime) -> int:
        """Record a prompt being shown (or held back) and move the rule's last firing on."""
        assert rule.id is not None
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_rules SET last_fired_at = ? WHERE id = ?",
                (utc(due_at).isoformat(), rule.id),
            )
            cursor = conn.execute(
                "INSERT INTO reminder_events (rule_id, kind, title, due_at, missed, shown_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    rule.id,
                    rule.kind.value,
                    rule.title,
                    utc(due_at).isoformat(),  # UTC text sorts and compares as time does
                    missed,
                    utc(shown_at).isoformat(),
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def answer(
        self,
        event_id: int,
        answer: str,
        now: datetime,
        *,
        snoozed_until: datetime | None = None,
        water_ml: int | None = None,
    ) -> None:
        """The user's answer to a prompt, with the water it logs, in one transaction."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_events SET answer = ?, answered_at = ?, snoozed_until = ?, "
                "snoozes = snoozes + (? = 'snoozed') WHERE id = ?",
                (
                    answer,
                    now.isoformat(),
                    snoozed_until.isoformat() if snoozed_until else None,
                    answer,
                    event_id,
                ),
            )
            if water_ml:
                WaterLog(self._db).add(water_ml, now, "reminder")

    def event(self, event_id: int) -> ReminderEvent | None:
        row = self._db.conn.execute(_EVENT_SELECT + " WHERE id = ?", (event_id,)).fetchone()
        return None if row is None else _event(row)

    def events_between(self, start: datetime, end: datetime) -> list[ReminderEvent]:
        rows = self._db.conn.execute(
            _EVENT_SELECT + " WHERE due_at >= ? AND due_at < ? ORDER BY due_at, id",
            (utc(start).isoformat(), utc(end).isoformat()),
        )
        return [_event(row) for row in rows]

    def anything_to_schedule(self) -> bool:
        """Whether a start has work for the reminder scheduler: a rule switched on, or a
        snoozed prompt still to come back."""
        row = self._db.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM reminder_rules WHERE enabled) OR EXISTS "  # noqa: S608
            "(SELECT 1 FROM reminder_events WHERE " + _PENDING_SNOOZE + ")"
        ).fetchone()
        return bool(row[0])

    def pending_snoozes(self) -> list[ReminderEvent]:
        """Snoozed prompts not yet shown again (they survive a restart)."""
        rows = self._db.conn.execute(
            _EVENT_SELECT + " WHERE " + _PENDING_SNOOZE + " ORDER BY snoozed_until"
        )
        return [_event(row) for row in rows]

    def clear_snooze(self, event_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE reminder_events SET snoozed_until = NULL WHERE id = ?", (event_id,)
            )

    def backed_off(self, start: datetime, end: datetime) -> list[HeldBack]:
        """The reminders due in [start, end) that stayed quiet after a drink ("backed_off"),
        each with the last drink logged before it fell due, in time order."""
        from companion.domain.reminders.timeline import HeldBack  # noqa: PLC0415 - with the page

        rows = self._db.conn.execute(
            "SELECT e.id, e.rule_id, e.title, e.due_at, w.at, w.ml FROM reminder_events e "
            "LEFT JOIN water_log w ON w.id = (SELECT id FROM water_log "
            "WHERE at <= COALESCE(e.shown_at, e.due_at) ORDER BY at DESC, id DESC LIMIT 1) "
            "WHERE e.answer = 'backed_off' AND e.due_at >= ? AND e.due_at < ? "
            "ORDER BY e.due_at, e.id",
            (utc(start).isoformat(), utc(end).isoformat()),
        )
        return [
            HeldBack(event_id, rule_id, title, datetime.fromisoformat(due), _when(at), ml)
            for event_id, rule_id, title, due, at, ml in rows
        ]

    def counts(self, since: datetime) -> dict[str, int]:
        """How prompts since ``since`` were last answered, and how often they were snoozed."""
        rows = self._db.conn.execute(
            "SELECT COALESCE(answer, 'unanswered'), COUNT(*) FROM reminder_events "
            "WHERE due_at >= ? AND COALESCE(answer, '') != 'snoozed' GROUP BY 1",
            (utc(since).isoformat(),),
        )
        counts = dict(rows.fetchall())
        (snoozes,) = self._db.conn.execute(
            "SELECT COALESCE(SUM(snoozes), 0) FROM reminder_events WHERE due_at >= ?",
            (utc(since).isoformat(),),
        ).fetchone()
        if snoozes:
            counts["snoozed"] = int(snoozes)
        return counts


_EVENT_SELECT = (
    "SELECT id, rule_id, kind, title, due_at, missed, answer, answered_at, snoozed_until "
    "FROM reminder_events"
)


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _event(row: tuple[Any, ...]) -> ReminderEvent:
    event_id, rule_id, kind, title, due_at, missed, answer, answered_at, snoozed = row
    return ReminderEvent(
        event_id,
        rule_id,
        kind,
        title,
        datetime.fromisoformat(due_at),
        missed,
        answer,
        _when(answered_at),
        _when(snoozed),
    )


class WaterLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, ml: int, at: datetime, source: str) -> None:
        if not 0 < ml <= MAX_WATER_ML:
            raise ValueError(f"{ml} mL is not an amount to log (1 to {MAX_WATER_ML} mL).")
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO water_log (at, ml, source) VALUES (?, ?, ?)",
                (utc(at).isoformat(), ml, source),
            )

    def total_on(self, day: date, zone: tzinfo) -> int:
        start = datetime.combine(day, time(0), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        (total,) = self._db.conn.execute(
            "SELECT COALESCE(SUM(ml), 0) FROM water_log WHERE at >= ? AND at < ?",
            (utc(start).isoformat(), utc(end).isoformat()),
        ).fetchone()
        return int(total)

    def last_drink(self) -> datetime | None:
        (at,) = self._db.conn.execute("SELECT MAX(at) FROM water_log").fetchone()
        return _when(at)
