"""Readiness each morning: easy, normal or rest, with every input and its reading.

A check-in aid, never a score: nothing is added up. Each input says what it read
and what it points to; the day's word is the most careful of them (as the safety
tiers work: the highest wins). Where an input's data is missing or stale it says
"Not known" and points nowhere. When nothing about the body is known (no recent
check-in, no sleep or recovery logged this morning) the word itself is "not
known", unless another input already asks for care.

Fresh means (documented here, tested in tests/domain/test_readiness.py):

- soreness: the latest check-in is at most ``STALE_AFTER`` (36 hours) old, so last
  evening's check-in still speaks for this morning and two days ago's does not;
- sleep and how recovered you feel (PRS, PROTOCOLS 5.1): logged for today's date,
  since last night's sleep is logged on the morning after it;
- load: the notes of a run that ended within the last 36 hours (domain/load.py),
  each naming its run. A single-run spike (more than 10 % longer than the longest
  of 30 days) points to an easy day; a weekly jump (more than 30 % more distance
  than the 7 days before) is said in its own words and points to a normal day, since
  week-to-week ratios did not predict injury where the single run did (Frandsen et
  al., BJSM 2025; PROTOCOLS: flag it, information only);
- safety: the gate's standing answer now (services/safety.py), always current.

The safety answer comes first and cannot be overridden: when the gate refuses
running (a red answer, a leg locked, nerve-type pain, a fresh injury) the day is
rest with the gate's words; a "no running" restriction means no run too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from companion.domain.activity import SLEEP_NOTE_HOURS, MorningLog, NudgeKind
from companion.domain.checkin import SAME_ONSET, DayScores
from companion.domain.clock import elapsed, utc
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.triage import Tier

if TYPE_CHECKING:  # the load rules load with the first run note to read
    from companion.domain.load import RunNote

STALE_AFTER = timedelta(hours=36)
SORE_REST = 7  # movement soreness at which the stop rules say stop (PROTOCOLS 1.3)
SORE_EASY = 4  # moderate: changes how you move (PROTOCOLS 5.1)
PRS_POOR = 3  # "how recovered" at or below which the day is easy (rule T8's level)
WORSE_BY = 1  # the smallest change people notice (PROTOCOLS 5.1)


class Level(StrEnum):
    NORMAL = "normal"
    EASY = "easy"
    REST = "rest"
    NOT_KNOWN = "not_known"

    @property
    def rank(self) -> int:
        return ("not_known", "normal", "easy", "rest").index(self.value)

    @property
    def headline(self) -> str:
        return {
            "normal": QT_TRANSLATE_NOOP(
                "Readiness", "A normal day: nothing logged asks you to hold back."
            ),
            "easy": QT_TRANSLATE_NOOP(
                "Readiness", "An easy day: keep any run short and gentle, or move another way."
            ),
            "rest": QT_TRANSLATE_NOOP("Readiness", "Rest today: no run."),
            "not_known": QT_TRANSLATE_NOOP(
                "Readiness", "Not known yet: check in or log your sleep to see today's readiness."
            ),
        }[self.value]


@dataclass(frozen=True)
class Input:
    """One input: its name, what it read (or "Not known: ..."), what it points to."""

    name: str
    reading: str
    points_to: Level  # NOT_KNOWN where the data is missing or stale

    @property
    def known(self) -> bool:
        return self.points_to is not Level.NOT_KNOWN


@dataclass(frozen=True)
class SafetyReading:
    """The safety gate's standing answer, as readiness reads it."""

    tier: Tier = Tier.GREEN
    locked: bool = False  # the gate refuses running: red, a leg locked, nerve pain, ...
    no_running: bool = False  # a "no running" restriction stands
    words: tuple[str, ...] = ()  # the gate's own sentences
    summary: str = ""  # the gate's short reason, for the input's reading


@dataclass(frozen=True)
class SorenessCourse:
    """The latest check-in against the spell it belongs to."""

    at: datetime
    worst: int  # the highest movement score now
    previous: int | None  # the same spell's check-in before, its highest score
    peak: int  # the spell's highest so far


@dataclass(frozen=True)
class Readiness:
    level: Level
    inputs: tuple[Input, ...]
    safety_words: tuple[str, ...] = ()  # said first when the safety answer decides

    @property
    def headline(self) -> str:
        return self.level.headline

    def lines(self) -> list[str]:
        """Plain text, as the command line prints it."""
        out = [self.headline, *self.safety_words]
        out += [f"- {i.name}: {i.reading}" for i in self.inputs]
        return out


def soreness_course(days: Sequence[DayScores]) -> SorenessCourse | None:
    """The latest check-in's course within its spell (check-ins sharing its onset)."""
    if not days:
        return None
    ordered = sorted(days, key=lambda d: utc(d.at))
    latest = ordered[-1]
    spell = [d for d in ordered if abs(utc(d.onset) - utc(latest.onset)) <= SAME_ONSET]
    before = spell[-2].worst if len(spell) > 1 else None
    return SorenessCourse(latest.at, latest.worst, before, max(d.worst for d in spell))


def _safety(reading: SafetyReading) -> Input:
    name = QT_TRANSLATE_NOOP("Readiness", "Safety answers")
    if reading.locked:
        return Input(name, reading.summary or reading.tier.headline, Level.REST)
    if reading.no_running:
        return Input(name, "A safety answer means no running until it is checked.", Level.REST)
    if reading.tier is Tier.YELLOW:
        return Input(name, reading.tier.headline, Level.EASY)
    return Input(name, "No warning signs in your answers.", Level.NORMAL)


def _soreness(course: SorenessCourse | None, now: datetime) -> Input:
    name = QT_TRANSLATE_NOOP("Readiness", "Soreness")
    if course is None:
        return Input(name, "Not known: no check-in yet.", Level.NOT_KNOWN)
    age = elapsed(course.at, now)
    if age > STALE_AFTER:
        days = max(2, round(age / timedelta(days=1)))
        return Input(name, f"Not known: your last check-in was {days} days ago.", Level.NOT_KNOWN)
    now_words = f"{course.worst}/10 on movement"
    if course.previous is None:
        trend, worse = "the first check-in of this spell", False
    elif course.worst <= course.previous - WORSE_BY:
        trend, worse = f"getting better (it was {course.previous}/10)", False
    elif course.worst >= course.previous + WORSE_BY:
        trend, worse = f"getting worse (it was {course.previous}/10)", True
    else:
        trend, worse = "about the same as last time", False
    if course.peak > max(course.worst, course.previous or 0):
        trend += f"; the spell's peak was {course.peak}/10"
    reading = f"{now_words}, {trend}."
    if course.worst >= SORE_REST:
        return Input(name, reading + " 7/10 or more is a level to rest at.", Level.REST)
    if course.worst >= SORE_EASY or (worse and course.worst >= 2):
        return Input(name, reading, Level.EASY)
    return Input(name, reading, Level.NORMAL)


def _sleep(morning: MorningLog | None) -> Input:
    name = QT_TRANSLATE_NOOP("Readiness", "Last night's sleep")
    if morning is None or morning.sleep_hours is None:
        return Input(name, "Not known: not logged this morning.", Level.NOT_KNOWN)
    hours = f"{morning.sleep_hours:g} hours"
    if morning.sleep_hours < SLEEP_NOTE_HOURS:
        return Input(name, f"{hours}, under the 7 or more that help recovery.", Level.EASY)
    return Input(name, f"{hours}.", Level.NORMAL)


def _recovered(morning: MorningLog | None) -> Input:
    name = QT_TRANSLATE_NOOP("Readiness", "How recovered you feel")
    if morning is None or morning.prs is None:
        return Input(name, "Not known: not logged this morning.", Level.NOT_KNOWN)
    if morning.prs <= PRS_POOR:
        return Input(name, f"{morning.prs}/10: poorly recovered.", Level.EASY)
    if morning.prs <= 6:
        return Input(name, f"{morning.prs}/10: adequately recovered.", Level.NORMAL)
    return Input(name, f"{morning.prs}/10: well recovered.", Level.NORMAL)


def _load(notes: Sequence[RunNote], any_logged: bool, now: datetime) -> Input:
    name = QT_TRANSLATE_NOOP("Readiness", "Training load")
    spikes: list[str] = []
    jumps: list[str] = []
    if notes:
        from companion.domain.load import spike_words, weekly_jump_seen  # noqa: PLC0415

        spikes = [spike_words(n, now) for n in notes if n.kind is NudgeKind.SPIKE]
        jumps = [
            f"{weekly_jump_seen(n, now)} A weekly jump is worth noticing, but on its own it "
            "is no reason to hold back today; keep the rest of the week's build-up gentle."
            for n in notes
            if n.kind is NudgeKind.WEEKLY_JUMP
        ]
    if spikes:
        return Input(name, " ".join([*spikes, *jumps]), Level.EASY)
    if jumps:
        return Input(name, " ".join(jumps), Level.NORMAL)
    if not any_logged:
        return Input(name, "Not known: no activities logged in the past 30 days.", Level.NOT_KNOWN)
    return Input(name, "No jump in your latest run.", Level.NORMAL)


def readiness(
    now: datetime,
    *,
    safety: SafetyReading,
    soreness: SorenessCourse | None,
    morning: MorningLog | None,
    load_notes: Sequence[RunNote] = (),
    activities_logged: bool = False,
) -> Readiness:
    """Today's readiness from its inputs; ``morning`` counts only if it is today's."""
    if morning is not None and morning.day != now.date():
        morning = None
    inputs = (
        _safety(safety),
        _soreness(soreness, now),
        _sleep(morning),
        _recovered(morning),
        _load(load_notes, activities_logged, now),
    )
    level = max((i.points_to for i in inputs), key=lambda lv: lv.rank)
    body_known = any(i.known for i in inputs[1:4])
    if level is Level.NORMAL and not body_known:
        level = Level.NOT_KNOWN
    words = safety.words if (safety.locked or safety.no_running) else ()
    return Readiness(level, inputs, words)
