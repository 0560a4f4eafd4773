"""Reminders, each use case written once: the window, the tray, IPC and the command line
all come here.

- ``PauseService``: pausing and resuming every reminder ("30 minutes", "1 hour",
  "until tomorrow morning"), saved at once; the window's ``PauseController`` is a
  thin Qt object over it and the command line uses it when no app is running.
- ``ReminderService``: the user's rules (save with ``check_rule``'s checks,
  switch on or off, switching on checks the limits again, delete), the
  recovery timeline after a run or a leg day (what it added, in a sentence, and
  its undo), the snooze length (5 to 60
  minutes, 10 unless set), water (log a drink, today's total, the day's goal and
  pace), the day's timeline with its answers, and what happens when a rule falls
  due: ``on_due(rule, now)`` shows it or keeps it quiet, with the reason (the
  pause, a drink just taken, or the safety gate's answer), and stores the event
  either way. An answer (done, snooze, skip) is stored here too, with what it
  implies (water logged, when the snooze ends, when the ice comes off). After a
  gap, several reminders falling due at once become one summary
  (``summarise``): each is stored as stood in for, and one sentence says what
  was missed and what comes next.

The prompts themselves (the popup, the desktop notification, one at a time)
and the scheduler's thread are the window's (``companion.ui.reminders.center``).
No Qt here: sentences go through a ``Translate`` (``QCoreApplication.translate``
from the window, ``english`` by default).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from companion.domain.clock import Clock, later
from companion.domain.reminders import (
    ACTIVITY_ROUTINES,
    SNOOZE_DEFAULT_MIN,
    Kind,
    ReminderRule,
    RuleReview,
    Waking,
    WakingHours,
    backs_off,
    check_rule,
    daily_goal_ml,
    due,
    next_fire,
    pace,
    recovery_timeline,
)
from companion.domain.reminders.schedule import after_gap
from companion.domain.reminders.timeline import recovery_groups, timeline
from companion.domain.translatable import Translate, english
from companion.services.pause import PauseService

if TYPE_CHECKING:
    from companion.domain.protocols import ProtocolBounds
    from companion.domain.reminders.timeline import HeldBack
    from companion.services.safety import Answer, SafetyGate
    from companion.storage.database import Database

SNOOZE_KEY = "reminders.snooze_minutes"
SNOOZE_RANGE = (5, 60)  # minutes, both included
SNOOZE_DEFAULT = SNOOZE_DEFAULT_MIN  # 10
FINISHED_KEPT = timedelta(days=1)  # one-off rules are tidied away a day after their last time


# -- what falling due comes to --------------------------------------------------------------------
class Quiet(StrEnum):
    """Why a reminder that fell due stayed quiet."""

    PAUSED = "paused"  # reminders are paused
    SAFETY = "safety"  # the safety gate holds it back (a lock, a condition, a cap)
    BACKED_OFF = "backed_off"  # water: the user drank within the last half interval


QUIET_ANSWERS = {Quiet.PAUSED: "quiet", Quiet.SAFETY: "quiet", Quiet.BACKED_OFF: "backed_off"}


@dataclass(frozen=True)
class Decision:
    """A reminder fell due: its stored event, and either a prompt to show or why not."""

    rule: ReminderRule
    event_id: int
    at: datetime  # the occurrence it shows
    missed: int = 0  # earlier occurrences it stands in for
    quiet: Quiet | None = None
    reason: str = ""  # the safety gate's words, for a reminder it held back
    expected: datetime | None = None  # a snooze: when it was to come back (``at`` is older)

    @property
    def meant_for(self) -> datetime:
        """When it was meant to show: a snooze's end, else its occurrence."""
        return self.expected or self.at

    @property
    def prompts(self) -> bool:
        return self.quiet is None


@dataclass(frozen=True)
class Answered:
    """What an answer to a prompt implies, for the caller to act on."""

    snoozed_until: datetime | None = None  # show it again then
    ice_off_at: datetime | None = None  # say "take the ice off" then
    routine_id: str = ""  # start this routine now
    checkin: bool = False  # open the check-in


@dataclass(frozen=True)
class Summary:
    """Several reminders that fell due at once after a gap, told in one sentence."""

    decisions: tuple[Decision, ...]  # each one's event is stored as stood in for
    text: str  # "While you were away: 3 water reminders and 1 icing reminder. Next: ..."

    @property
    def missed(self) -> int:
        """How many reminders it stands in for, counting those each one stood in for."""
        return sum(1 + d.missed for d in self.decisions)


def _missed_words(kind: Kind, n: int, translate: Translate) -> str:
    """ "3 water reminders", "1 icing reminder" (literal calls, for lupdate)."""
    if kind is Kind.HYDRATION:
        return translate("Reminders", "%n water reminder(s)", None, n)
    if kind is Kind.ICING:
        return translate("Reminders", "%n icing reminder(s)", None, n)
    if kind is Kind.CONTRAST:
        return translate("Reminders", "%n contrast reminder(s)", None, n)
    if kind is Kind.ROUTINE:
        return translate("Reminders", "%n routine reminder(s)", None, n)
    return translate("Reminders", "%n other reminder(s)", None, n)


@dataclass(frozen=True)
class Recovery:
    """After a run or a leg day: the reminders set, and the cool-down to start."""

    rules: tuple[ReminderRule, ...]
    routine_id: str

    @property
    def rule_ids(self) -> tuple[int, ...]:
        return tuple(r.id for r in self.rules if r.id is not None)


def _at_words(moment: datetime, now: datetime, translate: Translate) -> str:
    """ "18:20", "tomorrow at 07:00" or "on Wed at 07:00", in ``now``'s zone."""
    moment = moment.astimezone(now.tzinfo)
    days = (moment.date() - now.date()).days
    if days == 0:
        return f"{moment:%H:%M}"
    if days == 1:
        return translate("Reminders", "tomorrow at %s") % f"{moment:%H:%M}"
    return translate("Reminders", "on %s at %s") % (f"{moment:%a}", f"{moment:%H:%M}")


@dataclass(frozen=True)
class Slot:
    """One reminder on the day's timeline, with what became of it."""

    at: datetime
    rule: ReminderRule
    answer: str | None = None  # done, snoozed, skipped, backed_off, quiet
    shown: bool = False  # it fell due (an event is stored)
    passed: bool = False  # its time is before now


class RuleRefusedError(ValueError):
    """A rule beyond a hard limit: not saved (``reasons`` says why)."""

    def __init__(self, reasons: tuple[str, ...]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = reasons


# -- the service ----------------------------------------------------------------------------------
class ReminderService:
    """The reminders of one data folder: rules, water, snooze, the pause, and falling due.

    ``waking`` gives the waking hours (Settings), ``protocols`` the protocol bounds
    rules are checked against, ``gate`` the safety gate asked as each reminder
    falls due (``SafetyGate.reminder``, with ``water_litres``, the day's water goal
    in litres; a function making the gate delays it until first asked), and
    ``goal`` the day's water goal in mL (Settings; None when numeric goals are
    off). Without ``goal`` the hydration reminders' own goals count.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        pause: PauseService | None = None,
        waking: Callable[[], Waking] = WakingHours,
        protocols: Callable[[], ProtocolBounds] | None = None,
        gate: SafetyGate | Callable[[], SafetyGate] | None = None,
        water_litres: Callable[[], float | None] = lambda: None,
        goal: Callable[[], int | None] | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        from companion.storage.reminders import ReminderRepository, WaterLog  # noqa: PLC0415
        from companion.storage.settings import SettingsRepository  # noqa: PLC0415

        self.clock = clock
        found = zone or clock.now().tzinfo
        assert found is not None, "the clock must give timezone-aware times"
        self.zone: tzinfo = found
        self.repo = ReminderRepository(db)
        self.water = WaterLog(db)
        self.settings = SettingsRepository(db)
        self.pause = pause if pause is not None else PauseService(db, clock)
        self._waking = waking
        self._protocols = protocols
        self._gate = gate
        self._water_litres = water_litres
        self._goal = goal
        self.held: dict[int, str] = {}  # rule id: why the last one stayed quiet
        self._rules: list[ReminderRule] | None = None  # read once per change

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.zone)

    def waking(self) -> Waking:
        return self._waking()

    def protocols(self) -> ProtocolBounds:
        if self._protocols is not None:
            return self._protocols()
        from companion.resources import load_protocols  # noqa: PLC0415

        return load_protocols()

    # -- rules ----------------------------------------------------------------------------------
    def rules(self) -> list[ReminderRule]:
        """The user's rules, read from the database once per change, not once per look."""
        if self._rules is None:
            self._rules = self.repo.all()
        return self._rules

    def reload(self) -> None:
        """Forget the rules read (an import or a restore changed them underneath)."""
        self._rules = None

    def get(self, rule_id: int) -> ReminderRule | None:
        """The rule as stored now."""
        return self.repo.get(rule_id)

    def check(self, rule: ReminderRule) -> RuleReview:
        """Every limit ``rule`` must respect, against the user's other switched-on rules."""
        others = [r for r in self.rules() if r.enabled and (rule.id is None or r.id != rule.id)]
        return check_rule(rule, self.protocols(), self.waking(), others)

    def save_rule(self, rule: ReminderRule) -> ReminderRule:
        """Save a new or edited rule; a switched-on one beyond a hard limit is refused
        (``RuleRefusedError``). A switched-off one is checked when it is switched on."""
        if rule.enabled:
            review = self.check(rule)
            if review.refused:
                raise RuleRefusedError(review.refused)
        saved = self.repo.save(rule, self.clock.now())
        self.reload()
        return saved

    def save_rules(self, rules: list[ReminderRule]) -> list[ReminderRule]:
        """Save several rules in one transaction (the recovery timeline's, made within the
        limits by ``recovery_timeline``)."""
        saved = self.repo.save_many(rules, self.clock.now())
        self.reload()
        return saved

    def set_enabled(self, rule_id: int, on: bool, translate: Translate = english) -> str | None:
        """Switch a reminder on or off; switching on checks the limits again (an imported
        rule arrives off and may not respect them). The reason it stayed off, or None."""
        rule = next((r for r in self.rules() if r.id == rule_id), None)
        if rule is None:
            return translate("Reminders", "That reminder no longer exists.")
        if on:
            review = self.check(replace(rule, enabled=True))
            if review.refused:
                return translate("Reminders", "“%s” stays off: %s") % (
                    rule.title,
                    " ".join(review.refused),
                )
        self.repo.set_enabled(rule_id, on, self.clock.now())
        self.reload()
        return None

    def delete_rule(self, rule_id: int) -> bool:
        """Delete a rule (what it reminded of stays in the history); False if it was gone."""
        if self.repo.get(rule_id) is None:
            return False
        self.repo.delete(rule_id)
        self.reload()
        return True

    def after_activity(self, activity: str) -> Recovery:
        """A run or leg day just ended: water now and in 30 minutes, check-ins a day and two
        days on (saved), and the cool-down routine to start. ValueError for another kind."""
        if activity not in ACTIVITY_ROUTINES:
            raise ValueError(f"{activity!r} is not 'run' or 'leg_day'")
        rules = self.save_rules(recovery_timeline(activity, self.clock.now(), self.waking()))
        return Recovery(tuple(rules), ACTIVITY_ROUTINES[activity])

    def recovery_summary(self, recovery: Recovery, translate: Translate = english) -> str:
        """What "Just finished" added and when each fires, in a sentence: "Added: water at
        18:21 and 18:51; check-ins tomorrow at 18:21 and on Wed at 18:21."."""
        now = self.now()
        parts = []
        for kind, moments in recovery_groups(recovery.rules).items():
            times = translate("Reminders", " and ").join(
                _at_words(m, now, translate) for m in moments
            )
            if kind == "water":
                parts.append(translate("Reminders", "water at %s") % times)
            elif kind == "checkin":
                parts.append(
                    translate("Reminders", "a check-in %s") % times
                    if len(moments) == 1
                    else translate("Reminders", "check-ins %s") % times
                )
            else:
                parts.append(translate("Reminders", "reminders at %s") % times)
        if not parts:
            return translate("Reminders", "No reminders added.")
        return translate("Reminders", "Added: %s.") % "; ".join(parts)

    def undo_recovery(self, recovery: Recovery) -> int:
        """Remove exactly the reminders "Just finished" added, in one transaction (what
        they already reminded of stays in the history); how many were still there."""
        removed = self.repo.delete_many(recovery.rule_ids)
        self.reload()
        return removed

    # -- snooze ---------------------------------------------------------------------------------
    def snooze_minutes(self) -> int:
        """How long Snooze waits: the setting when it is within 5-60 minutes, else 10."""
        value = self.settings.get(SNOOZE_KEY)
        ok = isinstance(value, int) and not isinstance(value, bool)
        low, high = SNOOZE_RANGE
        return value if ok and low <= value <= high else SNOOZE_DEFAULT

    def set_snooze_minutes(self, minutes: int) -> bool:
        """Save the snooze length; one outside 5-60 minutes is ignored (False)."""
        low, high = SNOOZE_RANGE
        if not low <= minutes <= high:
            return False
        self.settings.set(SNOOZE_KEY, minutes, self.clock.now())
        return True

    # -- water ----------------------------------------------------------------------------------
    def log_water(self, ml: int, source: str = "app") -> int:
        """Log a drink (ValueError with the reason if it is not an amount); today's total."""
        self.water.add(ml, self.clock.now(), source)
        return self.water_today()

    def water_today(self) -> int:
        return self.water.total_on(self.now().date(), self.zone)

    def goal_ml(self) -> int | None:
        """The day's water goal: the one set in Settings, else the hydration reminders'."""
        if self._goal is not None:
            return self._goal()
        return daily_goal_ml(self.rules())

    def behind_ml(self, rule: ReminderRule) -> int:
        """How far behind the day's pace the water is (0 when on pace or without a goal)."""
        goal = self.goal_ml() if self._goal is not None else rule.daily_goal_ml
        if not goal:
            return 0
        line = pace(goal, self.water_today(), self.now(), self.waking())
        return line.behind_by_ml if line.behind else 0

    # -- the day --------------------------------------------------------------------------------
    def day_slots(self, now: datetime | None = None) -> list[Slot]:
        """Every reminder of today, in time order, with its answer if it fell due."""
        now = (now or self.clock.now()).astimezone(self.zone)
        day = now.date()
        start = datetime.combine(day, time(0), tzinfo=self.zone)
        events = {
            (e.rule_id, e.due_at): e
            for e in self.repo.events_between(start, start + timedelta(days=1))
        }
        slots = []
        for moment, rule in timeline(self.rules(), day, self.zone, self.waking()):
            event = events.get((rule.id, moment))
            slots.append(
                Slot(
                    moment,
                    rule,
                    answer=event.answer if event is not None else None,
                    shown=event is not None,
                    passed=moment < now,
                )
            )
        return slots

    def week_counts(self, now: datetime | None = None) -> dict[str, int]:
        """Answers of the last seven days, by answer (done, snoozed, skipped, ...)."""
        return self.repo.counts((now or self.clock.now()) - timedelta(days=7))

    # -- falling due ----------------------------------------------------------------------------
    @property
    def gate(self) -> SafetyGate | None:
        """The safety gate (given, or made by the function given when first asked)."""
        if callable(self._gate):
            self._gate = self._gate()
        return self._gate

    def safety_answer(self, rule: ReminderRule) -> Answer | None:
        """The gate's answer for ``rule`` now (None without a gate)."""
        gate = self.gate
        if gate is None:
            return None
        return gate.reminder(rule, self._water_litres())

    def quiet_reason(self, rule: ReminderRule) -> str:
        """Why this reminder would stay quiet if it fell due now, in short ("" if it
        would prompt); the Today screen has the whole story."""
        answer = self.safety_answer(rule)
        return "" if answer is None else answer.summary(self.clock.now())

    def held_back(self, rule: ReminderRule, now: datetime) -> str | None:
        """The safety gate's reason to keep ``rule`` quiet now, or None; kept in ``held``."""
        answer = self.safety_answer(rule)
        if answer is None or rule.id is None:
            return None
        if answer.allowed:
            self.held.pop(rule.id, None)
            return None
        reason = answer.message(now)
        self.held[rule.id] = reason
        return reason

    def on_due(self, rule: ReminderRule, now: datetime) -> Decision | None:
        """A rule's job fired at ``now``: the reminder to show, or why it stays quiet.

        None when nothing is due (the rule is off, or this moment was shown already).
        Otherwise the event is stored, with "quiet" while reminders are paused or the
        safety gate holds it back, or "backed_off" for water just after a drink; a
        reminder that prompts waits for its answer.
        """
        if not rule.enabled or rule.id is None:
            return None
        found = due(rule, now, self.repo.last_fired().get(rule.id), self.zone, self.waking())
        if found is None:
            return None
        quiet: Quiet | None = None
        reason = ""
        if self.pause.is_paused(now):
            quiet = Quiet.PAUSED
        elif (held := self.held_back(rule, now)) is not None:
            quiet, reason = Quiet.SAFETY, held
        elif backs_off(rule, now, self.water.last_drink()):
            quiet = Quiet.BACKED_OFF
        missed = len(found.missed)
        event_id = self.repo.fired(rule, found.at, missed, now)
        if quiet is not None:
            self.repo.answer(event_id, QUIET_ANSWERS[quiet], now)
        return Decision(rule, event_id, found.at, missed, quiet, reason)

    def rule_due(self, rule_id: int, now: datetime | None = None) -> Decision | None:
        """``on_due`` for the rule with this id as stored now (None if it is gone)."""
        rule = self.repo.get(rule_id)
        return None if rule is None else self.on_due(rule, now or self.clock.now())

    def snooze_over(self, event_id: int, now: datetime | None = None) -> Decision | None:
        """A snoozed reminder's time has come: show it again, unless the safety gate
        now holds it back. None when there is nothing to show (answered, rule gone)."""
        now = now or self.clock.now()
        event = self.repo.event(event_id)
        if event is None or event.snoozed_until is None:
            return None
        self.repo.clear_snooze(event_id)
        rule = self.repo.get(event.rule_id) if event.rule_id is not None else None
        if rule is None:
            return None
        held = self.held_back(rule, now)
        if held is not None:
            self.repo.answer(event_id, "quiet", now)
            return Decision(rule, event_id, event.due_at, 0, Quiet.SAFETY, held)
        return Decision(rule, event_id, event.due_at, expected=event.snoozed_until)

    def pending_snoozes(self) -> list[tuple[int, datetime | None]]:
        """Snoozed reminders not yet shown again (they survive a restart): id and when."""
        return [(e.id, e.snoozed_until) for e in self.repo.pending_snoozes()]

    def tidy(self, now: datetime | None = None) -> int:
        """Delete one-off rules whose last time passed more than a day ago."""
        return self.repo.delete_finished((now or self.clock.now()) - FINISHED_KEPT)

    # -- answers --------------------------------------------------------------------------------
    def answer(
        self, event_id: int, rule: ReminderRule, action: str, now: datetime | None = None
    ) -> Answered:
        """Done, Snooze or Skip, stored with what it implies (a hydration Done logs its
        water in the same transaction)."""
        now = now or self.clock.now()
        if action == "snooze":
            until = later(now, timedelta(minutes=self.snooze_minutes()))
            self.repo.answer(event_id, "snoozed", now, snoozed_until=until)
            return Answered(snoozed_until=until)
        if action != "done":
            self.repo.answer(event_id, "skipped", now)
            return Answered()
        self.repo.answer(event_id, "done", now, water_ml=rule.amount_ml)
        ice_off = None
        if rule.kind is Kind.ICING and rule.on_min:
            ice_off = later(now, timedelta(minutes=rule.on_min))
        routine = rule.routine_id if rule.kind is Kind.ROUTINE and rule.routine_id else ""
        return Answered(ice_off_at=ice_off, routine_id=routine, checkin=rule.action == "checkin")

    def merged(self, event_id: int, now: datetime | None = None) -> None:
        """A newer prompt of the same rule stands in for this one: it stays quiet."""
        self.repo.answer(event_id, "quiet", now or self.clock.now())

    def backed_off_today(self, now: datetime | None = None) -> list[HeldBack]:
        """Today's water reminders that stayed quiet after a drink, each with that drink
        (its time and amount), in time order: the Reminders screen says so."""
        now = (now or self.clock.now()).astimezone(self.zone)
        start = datetime.combine(now.date(), time(0), tzinfo=self.zone)
        return self.repo.backed_off(start, start + timedelta(days=1))

    # -- after a gap ----------------------------------------------------------------------------
    def next_due(self, now: datetime | None = None) -> tuple[ReminderRule, datetime] | None:
        """The next reminder to fall due after ``now`` (after any pause), and when."""
        now = now or self.clock.now()
        paused_until = self.pause.state.paused_until
        found = [
            (when, rule)
            for rule in self.rules()
            if rule.enabled
            and (when := next_fire(rule, now, self.zone, self.waking(), paused_until)) is not None
        ]
        if not found:
            return None
        when, rule = min(found, key=lambda item: item[0])
        return rule, when

    def summarise(
        self,
        decisions: Sequence[Decision],
        now: datetime | None = None,
        translate: Translate = english,
    ) -> Summary | None:
        """Reminders that fell due together (one wake-up of the scheduler, or the app's
        start): one summary when they come after a gap, else None (each prompts).

        With a summary, every one of them is stored as stood in for ("quiet", as a
        merged prompt is): nothing waits for an answer that no one was asked for.
        """
        now = now or self.clock.now()
        prompting = [d for d in decisions if d.prompts]
        if not after_gap([(d.meant_for, d.missed) for d in prompting], now):
            return None
        for decision in prompting:
            self.merged(decision.event_id, now)
        return Summary(tuple(prompting), self.summary_text(prompting, now, translate))

    def summary_text(
        self, decisions: Sequence[Decision], now: datetime, translate: Translate = english
    ) -> str:
        """The summary's words: "While you were away: 3 water reminders and 1 icing
        reminder. Next: Water at 14:30." """
        counts: dict[Kind, int] = {}
        for decision in decisions:
            kind = decision.rule.kind
            counts[kind] = counts.get(kind, 0) + 1 + decision.missed
        parts = [_missed_words(kind, n, translate) for kind, n in counts.items()]
        if len(parts) > 1:
            listed = translate("Reminders", "%s and %s") % (", ".join(parts[:-1]), parts[-1])
        else:
            listed = parts[0] if parts else ""
        text = translate("Reminders", "While you were away: %s.") % listed
        coming = self.next_due(now)
        if coming is not None:
            rule, when = coming
            local = now.astimezone(self.zone)
            words = _at_words(when, local, translate)
            if when.astimezone(self.zone).date() == local.date():
                text += " " + translate("Reminders", "Next: %s at %s.") % (rule.title, words)
            else:  # "tomorrow at 07:00", "on Wed at 07:00"
                text += " " + translate("Reminders", "Next: %s %s.") % (rule.title, words)
        return text


__all__ = [
    "QUIET_ANSWERS",
    "SNOOZE_DEFAULT",
    "SNOOZE_KEY",
    "SNOOZE_RANGE",
    "Answered",
    "Decision",
    "PauseService",
    "Quiet",
    "Recovery",
    "ReminderService",
    "RuleRefusedError",
    "Slot",
    "Summary",
]
