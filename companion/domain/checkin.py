"""A soreness check-in: which regions hurt, how much, since when and why (PROTOCOLS 5.1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from companion.domain.clock import elapsed
from companion.domain.regions import Side
from companion.domain.translatable import QT_TRANSLATE_NOOP

NRS_MIN, NRS_MAX = 0, 10
SEVERE = 7  # 7/10 or more: a stop rule (PROTOCOLS 1.3) and, at rest, rule T4 (5.4)
ROUTINE_MINUTES = (5, 10, 20)  # how much time the user has for today's routine
# An acute injury's first 72 hours (PROTOCOLS 4.1 B): no heat, no running, no stretching
# or rolling on it; the plan, the routine rules and the safety gate all count from onset.
FRESH_INJURY_H = 72
SAME_ONSET = timedelta(hours=1)  # check-ins whose onsets are this close belong together


class Cause(StrEnum):
    RUN = "run"
    LEG_DAY = "leg_day"
    LONG_STANDING = "long_standing"
    INJURY = "injury"  # a moment of injury: a twist, a blow, a pop
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            "run": QT_TRANSLATE_NOOP("Cause", "A run"),
            "leg_day": QT_TRANSLATE_NOOP("Cause", "Leg day"),
            "long_standing": QT_TRANSLATE_NOOP("Cause", "A long time on my feet"),
            "injury": QT_TRANSLATE_NOOP("Cause", "A moment of injury (twist, blow, pop)"),
            "unknown": QT_TRANSLATE_NOOP("Cause", "Not sure"),
        }[self.value]


class SorenessType(StrEnum):
    """PROTOCOLS 4.1: asked once per episode."""

    DOMS = "doms"
    ACUTE = "acute_injury"
    STANDING = "standing_fatigue"
    OVERUSE = "persistent"
    NERVE = "nerve"

    @property
    def label(self) -> str:
        return {
            "doms": "Muscle soreness after exercise (came on gradually)",
            "acute_injury": "An injury (a specific moment, swelling or bruising)",
            "standing_fatigue": "Tired, heavy legs after standing",
            "persistent": "A lingering ache or stiffness (weeks)",
            "nerve": "Burning, shooting, tingling or numbness",
        }[self.value]

    @classmethod
    def suggested_for(cls, cause: Cause) -> SorenessType:
        return {
            Cause.RUN: cls.DOMS,
            Cause.LEG_DAY: cls.DOMS,
            Cause.LONG_STANDING: cls.STANDING,
            Cause.INJURY: cls.ACUTE,
            Cause.UNKNOWN: cls.DOMS,
        }[cause]


class Descriptor(StrEnum):
    TIGHT = "tight"
    SORE = "sore"
    TENDER = "tender"
    ACHING = "aching"
    PULLING = "pulling"
    SHARP = "sharp"
    BURNING = "burning"
    SHOOTING = "shooting"
    TINGLING = "tingling"
    NUMB = "numb"
    THROBBING = "throbbing"

    @property
    def raises_flags(self) -> bool:
        """These words start the nerve and red-flag questions (PROTOCOLS 5.1, rule T6)."""
        return self in NERVE_WORDS


NERVE_WORDS = frozenset(
    {
        Descriptor.SHARP,
        Descriptor.BURNING,
        Descriptor.SHOOTING,
        Descriptor.TINGLING,
        Descriptor.NUMB,
        Descriptor.THROBBING,
    }
)


class Swelling(StrEnum):
    NONE = "none"
    BOTH_SIDES = "both_sides"
    ONE_SIDE = "one_side"


def check_nrs(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be a whole number from 0 to 10, got {value!r}")
    if not NRS_MIN <= value <= NRS_MAX:
        raise ValueError(f"{what} must be from 0 to 10, got {value}")
    return value


@dataclass(frozen=True)
class RegionReport:
    region_id: str
    side: Side
    at_rest: int  # NRS 0-10
    on_movement: int  # NRS 0-10 during the region's test movement
    descriptors: frozenset[Descriptor] = frozenset()

    def __post_init__(self) -> None:
        check_nrs(self.at_rest, f"{self.region_id} at rest")
        check_nrs(self.on_movement, f"{self.region_id} on movement")

    @property
    def worst(self) -> int:
        return max(self.at_rest, self.on_movement)

    @property
    def sharp_and_severe(self) -> bool:
        """Sharp pain at 7/10 or more: a stop rule (PROTOCOLS 1.3)."""
        return Descriptor.SHARP in self.descriptors and self.worst >= SEVERE

    @property
    def severe(self) -> bool:
        """7/10 or more at rest (rule T4), or the worst pain imaginable, or sharp at 7+."""
        return self.at_rest >= SEVERE or self.worst >= NRS_MAX or self.sharp_and_severe


@dataclass(frozen=True)
class CheckIn:
    at: datetime
    onset: datetime  # when it started, or when the triggering activity ended
    cause: Cause
    soreness_type: SorenessType
    regions: tuple[RegionReport, ...] = ()
    swelling: Swelling = Swelling.NONE
    swollen_side: Side | None = None  # which leg, when one side is swollen
    area_warm_or_red: bool = False
    triage_answers: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.onset.tzinfo is None:
            raise ValueError("check-in times must be timezone-aware")
        ids = [r.region_id for r in self.regions]
        if len(set(ids)) != len(ids):
            raise ValueError("a region is listed twice in one check-in")

    @property
    def hours_since_onset(self) -> float:
        return max(0.0, elapsed(self.onset, self.at).total_seconds() / 3600)

    @property
    def sore_regions(self) -> tuple[RegionReport, ...]:
        return tuple(r for r in self.regions if r.worst > 0)

    @property
    def legs(self) -> frozenset[Side]:
        return frozenset(r.side for r in self.sore_regions)

    @property
    def has_nerve_words(self) -> bool:
        return any(r.descriptors & NERVE_WORDS for r in self.regions)

    @property
    def needs_full_screen(self) -> bool:
        """A region at 7/10 or more at rest, at 10/10, or with sharp pain at 7/10 or more:
        the full safety screen, whatever came before (PROTOCOLS 5.4 T4, 1.3)."""
        return any(r.severe for r in self.sore_regions)


def sorer_side(reports: Iterable[RegionReport]) -> dict[str, Side]:
    """For each paired region group marked on both sides, the clearly sorer side (by 2+)."""
    by_group: dict[str, dict[Side, int]] = {}
    for report in reports:
        if report.side is Side.CENTRE:
            continue
        group = report.region_id.rsplit("_", 1)[0]
        by_group.setdefault(group, {})[report.side] = report.worst
    result: dict[str, Side] = {}
    for group, sides in by_group.items():
        left, right = sides.get(Side.LEFT, 0), sides.get(Side.RIGHT, 0)
        if abs(left - right) >= 2:
            result[group] = Side.LEFT if left > right else Side.RIGHT
    return result


@dataclass
class RegionDraft:
    """One region's ratings while the check-in is being filled in."""

    at_rest: int = 0
    on_movement: int = 0
    descriptors: set[Descriptor] = field(default_factory=set)

    def rate_on_map(self, value: int) -> None:
        """A score set on the body map is the soreness on movement; rest cannot be
        sorer than moving, so it comes down with it (and clears with it at 0)."""
        check_nrs(value, "the score")
        self.on_movement = value
        self.at_rest = min(self.at_rest, value) if value else 0


@dataclass(frozen=True)
class DayScores:
    """One check-in: every region's scores that day."""

    day: date
    at: datetime
    onset: datetime
    cause: Cause
    scores: Mapping[str, tuple[int, int]]  # region id -> (at rest, on movement)

    @property
    def hours(self) -> float:
        return max(0.0, elapsed(self.onset, self.at).total_seconds() / 3600)

    @property
    def worst(self) -> int:
        return max((move for _rest, move in self.scores.values()), default=0)
