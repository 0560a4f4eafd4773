"""Red-flag screening (PROTOCOLS.md section 3).

Yes/no answers sort into four tiers. The highest tier among the "yes"
answers wins; nothing is added up, and a GREEN outcome only means no warning
sign was reported, never that all is well.

- RED: emergency. Every routine and timer is locked until the user confirms
  they have been assessed.
- ORANGE: care today. The affected leg (both legs for a possible clot, or
  everything where a question says so) is locked for 24 hours.
- YELLOW: see a clinician within days. Routines go on with restrictions.
- GREEN: carry on, with the standard stop rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from companion.domain.applicability import Condition, Reported, applies, parse_condition
from companion.domain.clock import later
from companion.domain.content import Reader
from companion.domain.regions import Side

ORANGE_LOCK = timedelta(hours=24)
LEGS = frozenset({Side.LEFT, Side.RIGHT})

RESTRICTIONS = {
    "no_running": "No running or jumping until a clinician has checked it.",
    "no_impact": "Choose low-impact movement (cycling, swimming, walking on the flat).",
    "no_cold": "No ice or cold water until a clinician has cleared it.",
    "no_heat": "No heat packs, warm baths or hot-and-cold water until a clinician clears them.",
    "no_compression": "No compression socks or wraps until a clinician has cleared them.",
    "no_running_recovery": "Active recovery without running: cycle, swim or walk instead.",
    "no_hydration_push": "No drinking goals: drink to thirst and let professionals guide fluids.",
    "no_extra_fluids": "Do not drink more fluids until you have been assessed.",
    "no_leg_contact": "No rolling, massage, stretching, heat or compression on either leg.",
    "no_bone_area_work": (
        "No stretching, rolling or massage of the shins, outer lower legs, feet or front of the "
        "hips until a clinician has checked the sore spot on the bone."
    ),
}


class Tier(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"

    @property
    def rank(self) -> int:
        return ("green", "yellow", "orange", "red").index(self.value)

    @property
    def headline(self) -> str:
        return {
            "green": "No warning signs reported.",
            "yellow": "Book a check with a doctor or physiotherapist in the next few days.",
            "orange": "Get medical advice today.",
            "red": "Stop. These symptoms need emergency care now.",
        }[self.value]


class Scope(StrEnum):
    LEG = "leg"
    LEGS = "legs"
    ALL = "all"


class Moment(StrEnum):
    """When the questions are asked (PROTOCOLS 3.1 and the trend rules of 5.4)."""

    NEW_REGION = "new_region"
    FULL = "full"
    BEFORE_TIMER = "before_timer"
    NERVE_DESCRIPTOR = "nerve_descriptor"
    ONE_SIDED_SWELLING = "one_sided_swelling"
    SORENESS_NOT_EASING = "soreness_not_easing"
    DARK_URINE = "dark_urine"
    FEVER = "fever"


@dataclass(frozen=True)
class Question:
    id: str
    tier: Tier
    text: str
    because: str
    scope: Scope
    restricts: frozenset[str] = frozenset()
    advice: str = ""
    escalate_to: Tier | None = None
    escalate_if: tuple[str, ...] = ()
    follow_up: str | None = None
    # When it concerns a check-in (domain/applicability.py): any condition holding is enough.
    applies: tuple[Condition, ...] = (Condition("always"),)

    def applies_to(self, reported: Reported) -> bool:
        """Whether this question concerns what was ``reported``: a red question always does
        when the soreness is severe (the full screen); otherwise its ``applies`` rule says."""
        if reported.severe and self.tier is Tier.RED:
            return True
        return applies(self.applies, reported)


@dataclass(frozen=True)
class Flag:
    """A "yes" answer and the tier it raised the outcome to."""

    question: Question
    tier: Tier


@dataclass(frozen=True)
class TriageResult:
    tier: Tier
    flags: tuple[Flag, ...] = ()
    restrictions: frozenset[str] = frozenset()
    locked_legs: frozenset[Side] = frozenset()  # legs whose routines are locked
    locks_everything: bool = False
    advice: tuple[str, ...] = ()
    lock_until: datetime | None = None  # ORANGE locks end; RED waits for "assessed"
    answered_at: datetime | None = None

    @property
    def requires_assessment(self) -> bool:
        return self.tier is Tier.RED

    def leg_locked(self, side: Side) -> bool:
        if self.locks_everything:
            return True
        if side is Side.CENTRE:
            return bool(self.locked_legs)
        return side in self.locked_legs

    def explain(self) -> list[str]:
        """Plain sentences: the tier, then why, then what to do and not do."""
        lines = [self.tier.headline]
        lines += [flag.question.because for flag in self.flags]
        lines += list(self.advice)
        lines += [RESTRICTIONS[r] for r in sorted(self.restrictions)]
        return list(dict.fromkeys(lines))  # the same answer stored twice is said once


GREEN = TriageResult(Tier.GREEN)


@dataclass(frozen=True)
class TriageRecord:
    """A stored outcome, as the database keeps it."""

    at: datetime
    tier: Tier
    questions: tuple[str, ...]
    restrictions: frozenset[str]
    locked_legs: frozenset[Side]
    locks_everything: bool
    lock_until: datetime | None


def lock_stands(
    tier: Tier, lock_until: datetime | None, assessed_at: datetime | None, now: datetime
) -> bool:
    """Whether a stored outcome still locks anything at ``now`` (PROTOCOLS 3.1-3.2): a red
    one until the user confirms they have been assessed, an orange one for its 24 hours."""
    if assessed_at is not None:
        return False
    if tier is Tier.RED:
        return True
    if tier is Tier.ORANGE and lock_until is not None:
        return lock_until.astimezone(UTC) > now.astimezone(UTC)
    return False


@dataclass(frozen=True)
class TriageCatalog:
    questions: tuple[Question, ...]
    moments: Mapping[Moment, tuple[str, ...]] = field(default_factory=dict)

    def get(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        known = ", ".join(q.id for q in self.questions)
        raise KeyError(f"No triage question {question_id!r}; known: {known}")

    def rebuild(self, record: TriageRecord) -> TriageResult:
        """A stored outcome back as a result, with its questions' reasons."""
        flags = tuple(Flag(self.get(qid), record.tier) for qid in record.questions)
        return TriageResult(
            tier=record.tier,
            flags=flags,
            restrictions=record.restrictions,
            locked_legs=record.locked_legs,
            locks_everything=record.locks_everything,
            advice=tuple(dict.fromkeys(f.question.advice for f in flags if f.question.advice)),
            lock_until=record.lock_until,
            answered_at=record.at,
        )

    def for_moment(self, moment: Moment) -> tuple[Question, ...]:
        return tuple(self.get(qid) for qid in self.moments[moment])

    def evaluate(
        self,
        answers: Mapping[str, bool],
        legs: Iterable[Side],
        now: datetime,
    ) -> TriageResult:
        """Sort answers into a tier.

        ``legs`` are the sides of the regions being checked (a central region
        counts as both legs); an ORANGE "leg" answer locks those legs.
        """
        unknown = sorted(set(answers) - {q.id for q in self.questions})
        if unknown:
            raise ValueError(f"unknown triage question(s): {', '.join(unknown)}")
        affected = _legs(legs)
        yes = {qid for qid, value in answers.items() if value}
        flags: list[Flag] = []
        for question in self.questions:
            if question.id not in yes:
                continue
            if question.follow_up and question.follow_up not in yes:
                continue  # a follow-up only counts after a "yes" to its parent
            tier = question.tier
            if question.escalate_to and yes.intersection(question.escalate_if):
                tier = max(tier, question.escalate_to, key=lambda t: t.rank)
            flags.append(Flag(question, tier))
        if not flags:
            return TriageResult(Tier.GREEN, answered_at=now)
        flags.sort(key=lambda f: -f.tier.rank)
        tier = flags[0].tier
        restrictions = frozenset(r for f in flags for r in f.question.restricts)
        advice = tuple(dict.fromkeys(f.question.advice for f in flags if f.question.advice))
        locked: set[Side] = set()
        everything = tier is Tier.RED
        for flag in flags:
            if flag.tier is not Tier.ORANGE:
                continue
            if flag.question.scope is Scope.ALL:
                everything = True
            elif flag.question.scope is Scope.LEGS:
                locked |= LEGS
            else:
                locked |= affected
        return TriageResult(
            tier=tier,
            flags=tuple(flags),
            restrictions=restrictions,
            locked_legs=frozenset(LEGS if everything else locked),
            locks_everything=everything,
            advice=advice,
            lock_until=later(now, ORANGE_LOCK) if tier is Tier.ORANGE else None,
            answered_at=now,
        )


def _legs(sides: Iterable[Side]) -> frozenset[Side]:
    found: set[Side] = set()
    for side in sides:
        found |= LEGS if side is Side.CENTRE else {side}
    return frozenset(found or LEGS)


def combine(results: Iterable[TriageResult]) -> TriageResult:
    """Several screens at once (for example one per new region): the strictest wins."""
    items = [r for r in results if r.tier is not Tier.GREEN]
    if not items:
        return GREEN
    top = max(items, key=lambda r: r.tier.rank)
    return TriageResult(
        tier=top.tier,
        flags=tuple(f for r in items for f in r.flags),
        restrictions=frozenset().union(*(r.restrictions for r in items)),
        locked_legs=frozenset().union(*(r.locked_legs for r in items)),
        locks_everything=any(r.locks_everything for r in items),
        advice=tuple(dict.fromkeys(a for r in items for a in r.advice)),
        lock_until=max((r.lock_until for r in items if r.lock_until), default=None),
        answered_at=max((r.answered_at for r in items if r.answered_at), default=None),
    )


def parse_triage(data: Mapping[str, Any], source: str) -> TriageCatalog:
    top = Reader(data, source)
    top.reject_unknown(("schema", "moments", "question"))
    if top.integer("schema") != 1:
        raise top.error("schema", "only version 1 is supported")
    questions: list[Question] = []
    seen: set[str] = set()
    tiers = [t.value for t in Tier if t is not Tier.GREEN]
    for entry in top.tables("question"):
        entry.reject_unknown(
            (
                "id",
                "tier",
                "text",
                "because",
                "scope",
                "restricts",
                "advice",
                "escalate_to",
                "escalate_if",
                "follow_up",
                "applies",
            )
        )
        qid = entry.text("id")
        if qid in seen:
            raise entry.error("id", f"{qid!r} is listed twice")
        seen.add(qid)
        restricts = entry.texts("restricts", [])
        for name in restricts:
            if name not in RESTRICTIONS:
                raise entry.error("restricts", f"{name!r} is not one of {', '.join(RESTRICTIONS)}")
        questions.append(
            Question(
                id=qid,
                tier=Tier(entry.choice("tier", tiers)),
                text=entry.text("text"),
                because=entry.text("because"),
                scope=Scope(entry.choice("scope", [s.value for s in Scope])),
                restricts=frozenset(restricts),
                advice=entry.text("advice") if entry.has("advice") else "",
                escalate_to=Tier(entry.choice("escalate_to", tiers))
                if entry.has("escalate_to")
                else None,
                escalate_if=entry.texts("escalate_if", []),
                follow_up=entry.text("follow_up") if entry.has("follow_up") else None,
                applies=_rule(entry),
            )
        )
    for index, question in enumerate(questions):
        for ref in (*question.escalate_if, *([question.follow_up] if question.follow_up else [])):
            if ref not in seen:
                raise top.error(f"question[{index}]", f"refers to unknown question {ref!r}")
    moments_table = top.table("moments")
    moments_table.reject_unknown([m.value for m in Moment])
    moments: dict[Moment, tuple[str, ...]] = {}
    for moment in Moment:
        ids = moments_table.texts(moment.value)
        for qid in ids:
            if qid not in seen:
                raise moments_table.error(moment.value, f"{qid!r} is not a question in this file")
        moments[moment] = ids
    return TriageCatalog(tuple(questions), moments)


def _rule(entry: Reader) -> tuple[Condition, ...]:
    """A question's ``applies`` rule; a follow-up has none (it is asked with its parent)."""
    if entry.has("follow_up"):
        if entry.has("applies"):
            raise entry.error("applies", "a follow-up is asked with its parent, by its rule")
        return (Condition("always"),)
    rule: list[Condition] = []
    for text in entry.texts("applies"):
        try:
            rule.append(parse_condition(text))
        except ValueError as exc:
            raise entry.error("applies", str(exc)) from None
    if not rule:
        raise entry.error("applies", 'names no condition; use ["always"]')
    return tuple(rule)


def moments_for(
    sore_now: Iterable[str],
    sore_before: Iterable[str],
    *,
    nerve_words: bool,
    one_sided_swelling: bool,
    doms_beyond_a_week: bool,
    severe: bool = False,
) -> tuple[Moment, ...]:
    """Which screens a check-in triggers (PROTOCOLS 3.1 and the 5.4 rules T3, T4, T5, T6).

    ``severe``: a region at 7/10 or more at rest, at 10/10, or with sharp pain at 7/10 or
    more. It brings the full screen every time, with or without earlier check-ins.
    """
    moments: list[Moment] = []
    if severe:
        moments.append(Moment.FULL)
    if set(sore_now) - set(sore_before):
        moments.append(Moment.NEW_REGION)
    if nerve_words:
        moments.append(Moment.NERVE_DESCRIPTOR)
    if one_sided_swelling:
        moments.append(Moment.ONE_SIDED_SWELLING)
    if doms_beyond_a_week:
        moments.append(Moment.SORENESS_NOT_EASING)
    return tuple(moments)


def questions_for(
    catalog: TriageCatalog,
    moments: Iterable[Moment],
    reported: Reported | None = None,
) -> tuple[Question, ...]:
    """The questions of several moments, each once, red first, in catalogue order.

    With ``reported`` (a check-in's report, or the news of a same-day re-save) only those
    that apply to it (``Question.applies_to``); a follow-up comes with its parent, and the
    asking shows it only after a "yes" to the parent."""
    wanted = {qid for moment in moments for qid in catalog.moments[moment]}
    ordered = [q for q in catalog.questions if q.id in wanted]
    if reported is not None:
        kept = {q.id for q in ordered if q.follow_up is None and q.applies_to(reported)}
        ordered = [q for q in ordered if (q.follow_up or q.id) in kept]
    return tuple(sorted(ordered, key=lambda q: -q.tier.rank))


# The emergency number by country (ISO 3166 alpha-2); 112 works across the EU and
# on most mobile phones elsewhere. The user can change it.
EMERGENCY_NUMBERS = {
    "US": "911",
    "CA": "911",
    "MX": "911",
    "GB": "999",
    "IE": "112",
    "AU": "000",
    "NZ": "111",
    "IN": "112",
    "JP": "119",
    "KR": "119",
    "CN": "120",
    "BR": "192",
    "ZA": "10177",
    "HK": "999",
    "SG": "995",
    "MY": "999",
    "PH": "911",
    "IL": "101",
}
DEFAULT_EMERGENCY_NUMBER = "112"


def emergency_number_for(country: str) -> str:
    return EMERGENCY_NUMBERS.get(country.upper(), DEFAULT_EMERGENCY_NUMBER)
