"""The exercise library (PROTOCOLS.md sections 1 and 2) as checked content.

Every exercise names the region groups it serves, its dose (inside the
protocol bounds), step-by-step cues, a gentler alternative, cautions and the
equipment it needs, and flags the planner's safety rules read: ``ballistic``
(a swinging movement), ``weight_bearing`` (done standing on the sore leg) and
``prone`` (lying face down). Loading refuses a roll on a never-roll region, a
dose beyond a hard limit (a stretch or yoga pose held over 120 s per side in
all), a ballistic exercise that is not a mobility movement, an unknown region
or alternative, with the file, key and reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from companion.domain.content import Reader
from companion.domain.equipment import ALWAYS_AT_HAND, Equipment
from companion.domain.protocols import Check, ProtocolBounds, Verdict, as_float
from companion.domain.regions import RegionCatalog, Rolling


class Kind(StrEnum):
    STRETCH = "stretch"
    ROLL = "roll"
    MOBILITY = "mobility"
    ISOMETRIC = "isometric"
    YOGA = "yoga"
    ACTIVE = "active"


class Sides(StrEnum):
    EACH = "each"  # done on one side, then the other
    BOTH = "both"  # both legs at once


# Changing sides takes time: get up, turn round, find the position again.
SWITCH_DEFAULT_S = 8
SWITCH_MIN_S = 8
SWITCH_MAX_S = 60


@dataclass(frozen=True)
class Dose:
    """How much, per side: holds, timed rolling or moving, or repetitions."""

    seconds: int  # per hold, per rolling set or per timed bout
    reps: int  # holds, sets or movements
    rest_s: int = 0  # between reps
    setup_s: int = 10  # getting into position
    switch_s: int = SWITCH_DEFAULT_S  # changing to the other side, for an each-side exercise

    def total_s(self, sides: Sides, timed_reps: bool = False) -> int:
        """Set-up plus the work on each side. With ``timed_reps`` the reps are
        movements inside one bout of ``seconds``."""
        if timed_reps:
            per_side = self.seconds
        else:
            per_side = self.seconds * self.reps + self.rest_s * max(0, self.reps - 1)
        return self.setup_s + per_side * (2 if sides is Sides.EACH else 1)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: Kind
    regions: tuple[str, ...]  # region groups it serves
    sides: Sides
    dose: Dose
    cues: tuple[str, ...]
    alternative: str | None  # id of a gentler exercise
    gentler: str  # how to make this one gentler, when no other exercise fits
    cautions: tuple[str, ...]
    equipment: tuple[Equipment, ...]
    timed_reps: bool = False  # reps are counted movements inside ``seconds``
    protocol: str = ""  # a protocols.toml table with its own dose bounds, if any
    ballistic: bool = False  # a swinging movement (leg swings): never for a fresh injury
    weight_bearing: bool = False  # done standing on the sore leg: never for a fresh injury
    prone: bool = False  # lying face down: not in pregnancy

    @property
    def rolls(self) -> bool:
        return self.kind is Kind.ROLL

    @property
    def holds(self) -> bool:
        """A held position whose time per side is capped (stretches and yoga poses)."""
        return self.kind in HELD_KINDS

    @property
    def gentle_for_fresh_injury(self) -> bool:
        """Fit for the first 72 h after an injury (PROTOCOLS 2.9, 4.2): a slow movement
        within comfort, with no stretch, no rolling, no swinging and no weight on the leg."""
        return self.kind is Kind.MOBILITY and not self.ballistic and not self.weight_bearing


@dataclass(frozen=True)
class ExerciseLibrary:
    exercises: tuple[Exercise, ...]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def get(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(f"No exercise {exercise_id!r}; known: {', '.join(e.id for e in self)}")

    def for_group(self, group: str, kind: Kind | None = None) -> tuple[Exercise, ...]:
        return tuple(
            e for e in self.exercises if group in e.regions and (kind is None or e.kind is kind)
        )


def usable(exercise: Exercise, owned: frozenset[Equipment] | None) -> bool:
    """Whether someone with ``owned`` (plus what is always at hand) can do the exercise.

    An exercise needs every item in its ``equipment``. ``None`` means the
    equipment is not known: everything counts as owned.
    """
    if owned is None:
        return True
    have = owned | ALWAYS_AT_HAND
    return all(item in have for item in exercise.equipment)


# Kinds held still in one position: the per-side total hold cap applies (PROTOCOLS 1.2).
HELD_KINDS = frozenset({Kind.STRETCH, Kind.YOGA})

# Which protocol bounds check each kind's dose.
_DOSE_BOUNDS = {
    Kind.STRETCH: ("stretch_static.hold", "stretch_static.reps"),
    Kind.ROLL: ("foam_roll.per_muscle_set", "foam_roll.sets_per_muscle"),
    Kind.MOBILITY: (None, "dynamic_mobility.reps"),
    Kind.ISOMETRIC: ("stretch_static.hold", "stretch_static.reps"),
    Kind.YOGA: ("stretch_static.hold", "stretch_static.reps"),
    Kind.ACTIVE: (None, None),
}
_KEYS = (
    "id",
    "name",
    "kind",
    "regions",
    "sides",
    "seconds",
    "reps",
    "rest_s",
    "setup_s",
    "switch_s",
    "cues",
    "alternative",
    "gentler",
    "cautions",
    "equipment",
    "timed_reps",
    "protocol",
    "ballistic",
    "weight_bearing",
    "prone",
)


def parse_exercises(
    data: Mapping[str, Any], source: str, regions: RegionCatalog, bounds: ProtocolBounds
) -> ExerciseLibrary:
    top = Reader(data, source)
    top.reject_unknown(("schema", "exercise"))
    if top.integer("schema") != 1:
        raise top.error("schema", "only version 1 is supported")
    groups = set(regions.groups)
    never_roll = {r.group for r in regions if r.rolling is Rolling.NEVER}
    exercises: list[Exercise] = []
    seen: dict[str, str] = {}
    alternatives: list[tuple[Reader, str]] = []
    for entry in top.tables("exercise"):
        entry.reject_unknown(_KEYS)
        eid = entry.text("id")
        if eid in seen:
            raise entry.error("id", f"{eid!r} is already defined at {seen[eid]}")
        seen[eid] = entry.path
        kind = Kind(entry.choice("kind", [k.value for k in Kind]))
        targets = entry.texts("regions")
        _check_targets(entry, kind, targets, groups, never_roll)
        dose = Dose(
            seconds=entry.integer("seconds"),
            reps=entry.integer("reps"),
            rest_s=entry.integer("rest_s", 0),
            setup_s=entry.integer("setup_s", 10),
            switch_s=entry.integer("switch_s", SWITCH_DEFAULT_S),
        )
        protocol = entry.text("protocol") if entry.has("protocol") else ""
        check_dose(entry, kind, dose.seconds, dose.reps, bounds=bounds, protocol=protocol)
        if dose.rest_s < 0 or dose.setup_s < 0:
            raise entry.error("rest_s", "rest and setup cannot be negative")
        if not SWITCH_MIN_S <= dose.switch_s <= SWITCH_MAX_S:
            raise entry.error(
                "switch_s",
                f"{dose.switch_s} s is not a side switch; give {SWITCH_MIN_S} to {SWITCH_MAX_S} s",
            )
        cues = entry.texts("cues")
        if len(cues) < 2:
            raise entry.error("cues", "needs at least two steps")
        ballistic = entry.boolean("ballistic", False)
        if ballistic and kind is not Kind.MOBILITY:
            raise entry.error(
                "ballistic", "only a mobility movement may swing; never bounce a hold"
            )
        if entry.has("alternative"):
            alternatives.append((entry, entry.text("alternative")))
        elif kind is not Kind.ACTIVE and not entry.has("gentler"):
            raise entry.error("alternative", "needs a gentler alternative, or a 'gentler' sentence")
        exercises.append(
            Exercise(
                id=eid,
                name=entry.text("name"),
                kind=kind,
                regions=targets,
                sides=Sides(entry.choice("sides", [s.value for s in Sides])),
                dose=dose,
                cues=cues,
                alternative=entry.text("alternative") if entry.has("alternative") else None,
                gentler=entry.text("gentler") if entry.has("gentler") else "",
                cautions=entry.texts("cautions", []),
                equipment=tuple(
                    Equipment(e)
                    for e in entry.choice_in_list("equipment", [q.value for q in Equipment])
                ),
                timed_reps=entry.boolean("timed_reps", False),
                protocol=protocol,
                ballistic=ballistic,
                weight_bearing=entry.boolean("weight_bearing", False),
                prone=entry.boolean("prone", False),
            )
        )
    _check_alternatives(alternatives, set(seen))
    return ExerciseLibrary(tuple(exercises))


def _check_targets(
    entry: Reader, kind: Kind, targets: tuple[str, ...], groups: set[str], never_roll: set[str]
) -> None:
    for group in targets:
        if group not in groups:
            raise entry.error("regions", f"{group!r} is not a body-map region group")
        if kind is Kind.ROLL and group in never_roll:
            raise entry.error("regions", f"{group!r} is a never-roll region")


def _check_alternatives(alternatives: list[tuple[Reader, str]], ids: set[str]) -> None:
    for entry, ref in alternatives:
        if ref not in ids:
            raise entry.error("alternative", f"{ref!r} is not an exercise in this file")
        if ref == entry.text("id"):
            raise entry.error("alternative", "an exercise cannot be its own alternative")


def worked_region_ids(groups: tuple[str, ...], side: str) -> frozenset[str]:
    """The region ids that region groups cover on a side ("left", "right" or "both").

    The lower back is one central region, whatever the side.
    """
    suffixes = {"left": ("_L",), "right": ("_R",), "both": ("_L", "_R")}[side]
    ids: set[str] = set()
    for group in groups:
        if group == "lower_back":
            ids.add(group)
        else:
            ids.update(group + suffix for suffix in suffixes)
    return frozenset(ids)


def check_dose(
    entry: Reader,
    kind: Kind,
    seconds: int,
    reps: int,
    *,
    bounds: ProtocolBounds,
    protocol: str = "",
) -> None:
    """Refuse a dose beyond the protocol's hard limits, naming the key and the limit."""
    for name, check in assess_dose(kind, seconds, reps, bounds=bounds, protocol=protocol):
        if check.verdict is Verdict.REFUSE:
            raise entry.error(name, check.reason)


def assess_dose(
    kind: Kind,
    seconds: int,
    reps: int,
    *,
    bounds: ProtocolBounds,
    protocol: str = "",
) -> list[tuple[str, Check]]:
    """Every way a dose strays from the protocol: ``("seconds"|"reps", check)``, worst first.

    REFUSE is beyond a hard limit (never run); CONFIRM is outside the usual range
    (the user must confirm). An empty list means the dose is within the usual range.
    """
    if seconds < 1 or reps < 1:
        return [("seconds", Check(Verdict.REFUSE, "Seconds and reps must be at least 1."))]
    seconds_key, reps_key = _DOSE_BOUNDS[kind]
    if protocol:  # e.g. the short-hold plantar stretch has its own bounds
        seconds_key, reps_key = f"{protocol}.hold", f"{protocol}.reps"
    checks: list[tuple[str, str | None, float]] = [
        ("seconds", seconds_key, seconds),
        ("reps", reps_key, reps),
    ]
    if kind in HELD_KINDS:
        checks.append(
            ("reps", f"{protocol or 'stretch_static'}.total_hold_per_side", seconds * reps)
        )
    minutes = as_float(seconds * reps) / 60  # an absurd dose from a file is inf, not an error
    if kind is Kind.ACTIVE:
        checks.append(("seconds", "active_recovery.duration", minutes))
    found = [(name, bounds.check(key, value)) for name, key, value in checks if key is not None]
    if kind is Kind.ACTIVE:  # a short walk inside a routine is a warm-up, not a short session
        short = bounds.bound("active_recovery.duration").warn_min or 0
        found = [
            (name, check)
            for name, check in found
            if not (check.verdict is Verdict.CONFIRM and minutes < short)
        ]
    strays = [(name, check) for name, check in found if check.verdict is not Verdict.OK]
    return sorted(strays, key=lambda item: item[1].verdict is not Verdict.REFUSE)
