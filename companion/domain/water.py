"""The day's water goal (PROTOCOLS.md: hydration): Settings' litres, plus what a
condition adds, or no number at all when a condition or a safety answer says so.

Apart from the planner because the tray's tooltip asks for it at every start, and
the plan's routine rules need not load for that.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.protocols import ProtocolBounds
from companion.domain.triage import TriageResult


@dataclass(frozen=True)
class WaterTarget:
    litres: float | None  # None: no numeric goal today
    why: str


def water_target(
    conditions: tuple[ReportedCondition, ...],
    catalog: ConditionCatalog,
    triage: TriageResult,
    bounds: ProtocolBounds,
    base_litres: float | None = None,
) -> WaterTarget:
    if "no_extra_fluids" in triage.restrictions:
        return WaterTarget(None, "No water goal: do not drink more until you have been assessed.")
    if "no_hydration_push" in triage.restrictions:
        return WaterTarget(None, "No water goal today: drink to thirst while you get checked.")
    verdict = catalog.verdict(conditions, Gate.WATER_GOAL, ())
    if verdict.effect is Effect.BLOCKED:
        return WaterTarget(None, verdict.reasons[0])
    base = (
        base_litres if base_litres is not None else bounds.bound("hydration.daily_target").default
    )
    assert base is not None
    extra = catalog.water_extra(conditions)
    litres = round(base + extra, 2)
    why = "About this much to drink across your waking day; thirst and pale urine are good guides."
    if extra:
        why = f"Includes {extra:g} L extra for pregnancy. " + why
    return WaterTarget(litres, why)
