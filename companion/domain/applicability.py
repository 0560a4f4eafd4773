"""When a safety question applies: its ``applies`` rule, read against what a check-in reported.

A question is asked only when it concerns what was reported (a calf question when a
calf is marked, a swelling question when swelling was reported, the nerve questions
after a nerve-type word). A rule is a list of conditions; any one that holds makes
the question apply:

    always                   anything reported
    region:<group>           a sore region of that group (calves, knee, lower_back ...)
    cause:<cause>            what set it off (run, leg_day, long_standing, injury, unknown)
    type:<soreness type>     doms, acute_injury, standing_fatigue, persistent, nerve
    word:<descriptor>        a word chosen for a region (sharp, numb, pulling ...)
    nerve_words              any nerve-type word (sharp, burning, shooting, tingling, numb,
                             throbbing)
    swelling                 any swelling; swelling:one_side or swelling:both_sides
    warm_or_red              an area that is warm or red
    both_legs                sore regions on both legs (a central region counts as both)
    score:<n>                the worst score is n/10 or more
    hours:<n>                it started n hours ago or more

The same rules read the news of a same-day re-save (``Reported.since``): only
what is new since the earlier check-in that day (a new region, word, cause or
swelling, a score or a time that passed a rule's number) makes a question come back.
Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from companion.domain.checkin import NERVE_WORDS, Cause, CheckIn, Descriptor, SorenessType
from companion.domain.regions import Side

SWELLING = ("one_side", "both_sides")
FLAGS = ("always", "nerve_words", "swelling", "warm_or_red", "both_legs")
KINDS = ("region", "cause", "type", "word", "swelling", "score", "hours")


@dataclass(frozen=True)
class Condition:
    """One condition of an ``applies`` rule: ``kind`` alone (a flag) or ``kind:value``."""

    kind: str
    value: str = ""

    @property
    def text(self) -> str:
        return f"{self.kind}:{self.value}" if self.value else self.kind

    def holds(self, reported: Reported) -> bool:
        return _TESTS[self.kind](reported, self.value)


def _score(r: Reported, value: str) -> bool:
    return r.worst >= int(value) > r.worst_before


def _hours(r: Reported, value: str) -> bool:
    return r.hours >= int(value) > r.hours_before


def _swelling(r: Reported, value: str) -> bool:
    return value in r.swelling if value else bool(r.swelling)


_NERVE = frozenset(w.value for w in NERVE_WORDS)
_TESTS: dict[str, Callable[[Reported, str], bool]] = {
    "always": lambda r, _v: r.anything,
    "nerve_words": lambda r, _v: bool(r.words & _NERVE),
    "swelling": _swelling,
    "warm_or_red": lambda r, _v: r.warm_or_red,
    "both_legs": lambda r, _v: r.both_legs,
    "region": lambda r, v: v in r.groups,
    "cause": lambda r, v: v in r.causes,
    "type": lambda r, v: v in r.types,
    "word": lambda r, v: v in r.words,
    "score": _score,
    "hours": _hours,
}


def parse_condition(text: str) -> Condition:
    """``text`` as a condition; ValueError says what is wrong with it."""
    kind, _, value = text.strip().partition(":")
    if kind in FLAGS and not value:
        return Condition(kind)
    options: Iterable[str]
    if kind == "region":
        if not value or not value.replace("_", "").isalpha() or value != value.lower():
            raise ValueError(f"{text!r}: a region group is lower_snake_case, like region:calves")
        return Condition(kind, value)
    if kind in ("score", "hours"):
        if not value.isdigit():
            raise ValueError(f"{text!r}: {kind} takes a whole number, like {kind}:7")
        if kind == "score" and not 1 <= int(value) <= 10:
            raise ValueError(f"{text!r}: a score is from 1 to 10")
        return Condition(kind, str(int(value)))
    if kind == "cause":
        options = [c.value for c in Cause]
    elif kind == "type":
        options = [t.value for t in SorenessType]
    elif kind == "word":
        options = [d.value for d in Descriptor]
    elif kind == "swelling":
        options = SWELLING
    else:
        known = ", ".join([*FLAGS, *(f"{k}:..." for k in KINDS)])
        raise ValueError(f"{text!r} is not a condition (known: {known})")
    if value not in options:
        raise ValueError(f"{text!r}: {value!r} is not one of {', '.join(options)}")
    return Condition(kind, value)


@dataclass(frozen=True)
class Reported:
    """What a check-in reported, in the terms the ``applies`` rules use.

    ``worst_before`` and ``hours_before`` are -1 for a whole report; in the news of a
    re-save (``since``) they are the earlier values, so ``score:7`` holds only when the
    score has now reached 7 and had not before.
    """

    groups: frozenset[str] = frozenset()
    causes: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    swelling: frozenset[str] = frozenset()
    warm_or_red: bool = False
    both_legs: bool = False
    worst: int = 0
    worst_before: int = -1
    hours: float = 0.0
    hours_before: float = -1.0
    severe: bool = False  # the full-screen rule (CheckIn.needs_full_screen) holds

    @classmethod
    def of(cls, checkin: CheckIn) -> Reported:
        sore = checkin.sore_regions
        sides: set[Side] = set()
        for report in sore:
            sides |= {Side.LEFT, Side.RIGHT} if report.side is Side.CENTRE else {report.side}
        return cls(
            groups=frozenset(_group(r.region_id) for r in sore),
            causes=frozenset({checkin.cause.value}),
            types=frozenset({checkin.soreness_type.value}),
            words=frozenset(d.value for r in sore for d in r.descriptors),
            swelling=frozenset()
            if checkin.swelling.value == "none"
            else frozenset({checkin.swelling.value}),
            warm_or_red=checkin.area_warm_or_red,
            both_legs=sides == {Side.LEFT, Side.RIGHT},
            worst=max((r.worst for r in sore), default=0),
            hours=checkin.hours_since_onset,
            severe=checkin.needs_full_screen,
        )

    def since(self, earlier: Reported) -> Reported:
        """Only what is new compared with ``earlier`` (the same day's check-in before)."""
        return Reported(
            groups=self.groups - earlier.groups,
            causes=self.causes - earlier.causes,
            types=self.types - earlier.types,
            words=self.words - earlier.words,
            swelling=self.swelling - earlier.swelling,
            warm_or_red=self.warm_or_red and not earlier.warm_or_red,
            both_legs=self.both_legs and not earlier.both_legs,
            worst=self.worst,
            worst_before=max(earlier.worst, earlier.worst_before),
            hours=self.hours,
            hours_before=max(earlier.hours, earlier.hours_before),
            severe=self.severe and not earlier.severe,
        )

    @property
    def anything(self) -> bool:
        """Something was reported (for news: something new that a rule reads)."""
        if self.worst_before < 0:
            return self.worst > 0 or bool(self.groups)
        return bool(
            self.groups
            or self.causes
            or self.types
            or self.words
            or self.swelling
            or self.warm_or_red
            or self.both_legs
            or self.severe
        )


def applies(rule: Iterable[Condition], reported: Reported) -> bool:
    return any(condition.holds(reported) for condition in rule)


def _group(region_id: str) -> str:
    """``calves_L`` -> ``calves``; a central region is its own group."""
    head, _, side = region_id.rpartition("_")
    return head if head and side in ("L", "R") else region_id
