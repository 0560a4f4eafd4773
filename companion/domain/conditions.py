"""Health conditions and the therapies they block or caution (PROTOCOLS.md 3.4)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from companion.domain.content import Reader
from companion.domain.regions import Side


class Gate(StrEnum):
    """A therapy column of PROTOCOLS 3.4."""

    COLD_PACK = "cold_pack"
    COLD_IMMERSION = "cold_immersion"
    LOCAL_HEAT = "local_heat"
    WARM_BATH = "warm_bath"
    FOAM_ROLL = "foam_roll"
    STRETCH = "stretch"
    COMPRESSION = "compression"
    WATER_GOAL = "water_goal"


class Effect(StrEnum):
    ALLOWED = "allowed"
    CAUTION = "caution"
    BLOCKED = "blocked"

    @property
    def rank(self) -> int:
        return ("allowed", "caution", "blocked").index(self.value)


CAP_KEYS = ("warm_bath_temp_max_c", "warm_bath_minutes_max")


@dataclass(frozen=True)
class Condition:
    id: str
    label: str
    area_specific: bool
    effects: Mapping[Gate, Effect]
    notes: Mapping[Gate, str]
    caps: Mapping[str, float] = field(default_factory=dict)
    water_extra_l: float = 0.0


@dataclass(frozen=True)
class ReportedCondition:
    """What the user ticked; ``legs`` says where, for area-specific conditions."""

    id: str
    legs: frozenset[Side] = frozenset({Side.LEFT, Side.RIGHT})


@dataclass(frozen=True)
class Verdict:
    effect: Effect
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConditionCatalog:
    conditions: tuple[Condition, ...]

    def get(self, condition_id: str) -> Condition:
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        known = ", ".join(c.id for c in self.conditions)
        raise KeyError(f"No health condition {condition_id!r}; known: {known}")

    def verdict(
        self, reported: Iterable[ReportedCondition], gate: Gate, legs: Iterable[Side]
    ) -> Verdict:
        """The strictest effect of the user's conditions on ``gate`` for these legs."""
        wanted = set(legs) or {Side.LEFT, Side.RIGHT}
        if Side.CENTRE in wanted:
            wanted |= {Side.LEFT, Side.RIGHT}
        effect = Effect.ALLOWED
        reasons: list[str] = []
        for item in reported:
            condition = self.get(item.id)
            found = condition.effects.get(gate, Effect.ALLOWED)
            if found is Effect.ALLOWED:
                continue
            if condition.area_specific and not (item.legs & wanted):
                continue
            if found.rank > effect.rank:
                effect, reasons = found, []
            if found is effect:
                reasons.append(condition.notes[gate])
        return Verdict(effect, tuple(dict.fromkeys(reasons)))

    def cap(self, reported: Iterable[ReportedCondition], key: str) -> float | None:
        """The tightest cap (for example the warm-bath temperature) the conditions set."""
        values = [self.get(r.id).caps[key] for r in reported if key in self.get(r.id).caps]
        return min(values) if values else None

    def water_extra(self, reported: Iterable[ReportedCondition]) -> float:
        return sum(self.get(r.id).water_extra_l for r in reported)


def parse_conditions(data: Mapping[str, Any], source: str) -> ConditionCatalog:
    top = Reader(data, source)
    top.reject_unknown(("schema", "condition"))
    if top.integer("schema") != 1:
        raise top.error("schema", "only version 1 is supported")
    gates = [g.value for g in Gate]
    conditions: list[Condition] = []
    for entry in top.tables("condition"):
        entry.reject_unknown(
            ("id", "label", "area_specific", "blocked", "caution", "notes", "caps", "water_extra_l")
        )
        blocked = entry.choice_in_list("blocked", gates) if entry.has("blocked") else ()
        caution = entry.choice_in_list("caution", gates) if entry.has("caution") else ()
        both = set(blocked) & set(caution)
        if both:
            raise entry.error("caution", f"{sorted(both)[0]!r} is also listed as blocked")
        effects = {Gate(g): Effect.BLOCKED for g in blocked}
        effects |= {Gate(g): Effect.CAUTION for g in caution}
        notes_table = entry.table("notes")
        notes_table.reject_unknown(gates)
        notes = {gate: notes_table.text(gate.value) for gate in effects}
        caps: dict[str, float] = {}
        if entry.has("caps"):
            caps_table = entry.table("caps")
            caps_table.reject_unknown(CAP_KEYS)
            caps = {key: caps_table.number(key) for key in CAP_KEYS if caps_table.has(key)}
            for key, cap in caps.items():
                if cap <= 0:
                    raise caps_table.error(key, f"{cap:g} is not a limit above 0")
        water_extra_l = entry.number("water_extra_l", 0.0)
        if water_extra_l < 0:
            raise entry.error(
                "water_extra_l", f"{water_extra_l:g} L: extra water cannot be negative"
            )
        conditions.append(
            Condition(
                id=entry.text("id"),
                label=entry.text("label"),
                area_specific=entry.boolean("area_specific"),
                effects=effects,
                notes=notes,
                caps=caps,
                water_extra_l=water_extra_l,
            )
        )
    ids = [c.id for c in conditions]
    if len(set(ids)) != len(ids):
        raise top.error("condition", "an id is listed twice")
    return ConditionCatalog(tuple(conditions))
