"""Ice, heat, contrast or a bath: what is allowed today and why (PROTOCOLS.md section 4).

Gates are applied before any suggestion (4.3): a triage lock, nerve-type pain,
a fresh injury, swelling or warmth, and the user's health conditions (3.4).
Then the hours since onset and the soreness type decide what to suggest (4.2).
Every option carries one plain sentence saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from companion.domain.checkin import FRESH_INJURY_H, SorenessType, Swelling
from companion.domain.conditions import ConditionCatalog, Effect, Gate, ReportedCondition
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import OUTER_KNEE_GROUPS, Side
from companion.domain.triage import Tier, TriageResult
from companion.domain.units import METRIC, Units

TYPICAL_DOMS_END_H = 7 * 24


class Therapy(StrEnum):
    ICE_PACK = "ice_pack"
    HEAT_PACK = "heat_pack"
    CONTRAST = "contrast"
    COLD_WATER_IMMERSION = "cold_water_immersion"
    WARM_BATH = "warm_bath"

    @property
    def label(self) -> str:
        return {
            "ice_pack": "Ice pack",
            "heat_pack": "Heat pack",
            "contrast": "Contrast (hot and cold water)",
            "cold_water_immersion": "Cold-water soak",
            "warm_bath": "Warm bath",
        }[self.value]

    @property
    def heats(self) -> bool:
        return self in (Therapy.HEAT_PACK, Therapy.CONTRAST, Therapy.WARM_BATH)

    @property
    def cools(self) -> bool:
        return self in (Therapy.ICE_PACK, Therapy.CONTRAST, Therapy.COLD_WATER_IMMERSION)

    @property
    def gates(self) -> tuple[Gate, ...]:
        return {
            "ice_pack": (Gate.COLD_PACK,),
            "heat_pack": (Gate.LOCAL_HEAT,),
            "contrast": (Gate.LOCAL_HEAT, Gate.COLD_IMMERSION),
            "cold_water_immersion": (Gate.COLD_IMMERSION,),
            "warm_bath": (Gate.WARM_BATH,),
        }[self.value]


class Status(StrEnum):
    SUGGESTED = "suggested"
    ALLOWED = "allowed"
    CAUTION = "caution"
    BLOCKED = "blocked"

    @property
    def usable(self) -> bool:
        return self is not Status.BLOCKED


@dataclass(frozen=True)
class TherapyContext:
    soreness_type: SorenessType
    hours_since_onset: float
    legs: frozenset[Side]
    groups: frozenset[str] = frozenset()  # region groups that are sore
    swelling: Swelling = Swelling.NONE
    area_warm_or_red: bool = False
    conditions: tuple[ReportedCondition, ...] = ()
    triage: TriageResult = field(default_factory=lambda: TriageResult(Tier.GREEN))
    strength_focus: bool = False  # building muscle: no routine cold baths (4.4)

    @property
    def fever_or_infection(self) -> bool:
        return any(f.question.id in ("O4", "O9") for f in self.triage.flags)


@dataclass(frozen=True)
class TherapyOption:
    therapy: Therapy
    status: Status
    why: str
    reasons: tuple[str, ...] = ()  # why it is blocked or needs care
    protocol: Mapping[str, float | str] = field(default_factory=dict)


def therapy_options(
    ctx: TherapyContext, catalog: ConditionCatalog, bounds: ProtocolBounds
) -> tuple[TherapyOption, ...]:
    return tuple(_option(t, ctx, catalog, bounds) for t in Therapy)


def _blocks(therapy: Therapy, ctx: TherapyContext) -> list[str]:
    """The hard gates of PROTOCOLS 4.3 that do not depend on health conditions."""
    blocks: list[str] = []
    triage = ctx.triage
    if triage.tier is Tier.RED:
        blocks.append("Emergency signs were reported: no treatments until you have been assessed.")
    elif any(triage.leg_locked(side) for side in ctx.legs or {Side.LEFT, Side.RIGHT}):
        blocks.append("Care today was advised for this leg: no heat or cold until it is checked.")
    if ctx.soreness_type is SorenessType.NERVE:
        blocks.append(
            "Burning, shooting, tingling or numb pain is not treated with heat or cold here; "
            "answer the safety questions first."
        )
    if therapy.cools and "no_cold" in triage.restrictions:
        blocks.append("A clinician should clear cold treatments first (see your check-in answers).")
    if therapy.heats and "no_heat" in triage.restrictions:
        blocks.append("A clinician should clear heat treatments first (see your check-in answers).")
    if therapy.heats:
        fresh = ctx.soreness_type is SorenessType.ACUTE and ctx.hours_since_onset < FRESH_INJURY_H
        if fresh:
            blocks.append("The injury is less than 72 hours old: heat can add to swelling.")
        if ctx.swelling is not Swelling.NONE or ctx.area_warm_or_red or ctx.fever_or_infection:
            blocks.append("There is swelling, warmth, redness or fever: no heat until it settles.")
    return blocks


def _option(
    therapy: Therapy, ctx: TherapyContext, catalog: ConditionCatalog, bounds: ProtocolBounds
) -> TherapyOption:
    blocks = _blocks(therapy, ctx)
    cautions: list[str] = []
    for gate in therapy.gates:
        verdict = catalog.verdict(ctx.conditions, gate, ctx.legs)
        if verdict.effect is Effect.BLOCKED:
            blocks.extend(verdict.reasons)
        elif verdict.effect is Effect.CAUTION:
            cautions.extend(verdict.reasons)
    protocol = _protocol(therapy, ctx, catalog, bounds)
    if therapy is Therapy.ICE_PACK and ctx.groups & OUTER_KNEE_GROUPS:
        cautions.append("Over the outer knee, keep ice to 10 minutes: a nerve runs close there.")
    if therapy is Therapy.COLD_WATER_IMMERSION and ctx.strength_focus:
        cautions.append(
            "Regular cold soaks after strength training can blunt muscle gains; "
            "heat or rolling suit a muscle-building block better."
        )
    blocks = list(dict.fromkeys(blocks))
    cautions = list(dict.fromkeys(cautions))
    if blocks:
        return TherapyOption(therapy, Status.BLOCKED, blocks[0], tuple(blocks), protocol)
    suggested, why = _timing(therapy, ctx)
    if cautions:
        return TherapyOption(therapy, Status.CAUTION, why, tuple(cautions), protocol)
    return TherapyOption(
        therapy, Status.SUGGESTED if suggested else Status.ALLOWED, why, (), protocol
    )


# PROTOCOLS 4.2 as a table: (soreness type, phase) -> {therapy: (a good fit now?, why)}.
# Every therapy has its own sentence in every row, about that therapy.
_TIMING: dict[tuple[SorenessType, str], dict[Therapy, tuple[bool, str]]] = {
    (SorenessType.DOMS, "early"): {
        Therapy.ICE_PACK: (
            False,
            "An ice pack mainly eases pain; use it if something is sore now.",
        ),
        Therapy.HEAT_PACK: (
            False,
            "A warm pack soon after exercise may take the edge off the soreness to come.",
        ),
        Therapy.CONTRAST: (True, "Contrast soon after exercise may ease the soreness to come."),
        Therapy.COLD_WATER_IMMERSION: (
            True,
            (
                "A cold soak soon after hard exercise may ease soreness, "
                "most useful if you train again within a day or two."
            ),
        ),
        Therapy.WARM_BATH: (True, "A warm bath soon after exercise may ease the soreness to come."),
    },
    (SorenessType.DOMS, "peak"): {
        Therapy.ICE_PACK: (False, "Choose an ice pack if you prefer cold or the muscle feels hot."),
        Therapy.HEAT_PACK: (True, "Around the usual peak of soreness, warmth eases stiffness."),
        Therapy.CONTRAST: (
            True,
            "Contrast (hot then cold, ending cold) is another comfortable option.",
        ),
        Therapy.COLD_WATER_IMMERSION: (
            False,
            "A cold soak is an option if you prefer cold or the muscles feel hot.",
        ),
        Therapy.WARM_BATH: (
            True,
            "Around the usual peak of soreness, a warm bath eases stiffness.",
        ),
    },
    (SorenessType.DOMS, "late"): {
        therapy: (
            False,
            f"{label} may ease it for a while; soreness lasting over a week needs a check.",
        )
        for therapy, label in (
            (Therapy.ICE_PACK, "An ice pack"),
            (Therapy.HEAT_PACK, "A heat pack"),
            (Therapy.CONTRAST, "Contrast"),
            (Therapy.COLD_WATER_IMMERSION, "A cold soak"),
            (Therapy.WARM_BATH, "A warm bath"),
        )
    },
    (SorenessType.ACUTE, "fresh"): {
        Therapy.ICE_PACK: (
            True,
            "For a fresh injury, a cold pack eases pain; it does not speed healing.",
        ),
        Therapy.HEAT_PACK: (False, "Heat waits until at least 72 hours after an injury."),
        Therapy.CONTRAST: (False, "Contrast waits until at least 72 hours after an injury."),
        Therapy.COLD_WATER_IMMERSION: (
            False,
            "For one injured spot, a cold pack is simpler than a cold soak.",
        ),
        Therapy.WARM_BATH: (False, "A warm bath waits until at least 72 hours after an injury."),
    },
    (SorenessType.ACUTE, "later"): {
        Therapy.ICE_PACK: (
            True,
            "A cold pack still eases pain, for example after activity or if the injury flares up.",
        ),
        Therapy.HEAT_PACK: (True, "After 72 hours without swelling, gentle heat is fine."),
        Therapy.CONTRAST: (
            False,
            "After 72 hours without swelling, contrast is an option if it feels good.",
        ),
        Therapy.COLD_WATER_IMMERSION: (
            False,
            "A cold soak is an option if it feels good; a cold pack is simpler for one spot.",
        ),
        Therapy.WARM_BATH: (
            False,
            "After 72 hours without swelling, a warm bath is fine if it feels good.",
        ),
    },
    (SorenessType.STANDING, "any"): {
        Therapy.ICE_PACK: (
            False,
            "A cool pack is fine if it feels good; raising the legs helps most.",
        ),
        Therapy.HEAT_PACK: (False, "Warmth is fine if it feels good; raising the legs helps most."),
        Therapy.CONTRAST: (
            False,
            "Warm then cool water is fine if it feels good; raising the legs helps most.",
        ),
        Therapy.COLD_WATER_IMMERSION: (
            False,
            "A cool soak is fine if it feels good; raising the legs helps most.",
        ),
        Therapy.WARM_BATH: (
            False,
            "A warm bath is fine if it feels good; raise your legs afterwards.",
        ),
    },
    (SorenessType.OVERUSE, "any"): {
        Therapy.ICE_PACK: (True, "Cold after activity can calm a flare-up."),
        Therapy.HEAT_PACK: (True, "Heat before activity eases a stiff, lingering ache."),
        Therapy.CONTRAST: (
            False,
            "Contrast is an option if it feels good; a physio review helps if the ache persists.",
        ),
        Therapy.COLD_WATER_IMMERSION: (
            False,
            "A cold soak is an option if it feels good; see a physio if the ache persists.",
        ),
        Therapy.WARM_BATH: (
            False,
            "A warm bath can ease stiffness; a physio review helps if the ache persists.",
        ),
    },
    (SorenessType.NERVE, "any"): dict.fromkeys(
        Therapy, (False, "Heat and cold are not used for nerve-type pain here.")
    ),
}


def _phase(kind: SorenessType, hours: float) -> str:
    if kind is SorenessType.DOMS:
        return "early" if hours < 24 else "peak" if hours < TYPICAL_DOMS_END_H else "late"
    if kind is SorenessType.ACUTE:
        return "fresh" if hours < FRESH_INJURY_H else "later"
    return "any"


def _timing(therapy: Therapy, ctx: TherapyContext) -> tuple[bool, str]:
    """PROTOCOLS 4.2: is it a good fit now, and why."""
    return _TIMING[(ctx.soreness_type, _phase(ctx.soreness_type, ctx.hours_since_onset))][therapy]


def _number(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


def _protocol(
    therapy: Therapy, ctx: TherapyContext, catalog: ConditionCatalog, bounds: ProtocolBounds
) -> dict[str, float | str]:
    def default(key: str) -> float:
        value = bounds.bound(key).default
        assert value is not None, key
        return value

    if therapy is Therapy.ICE_PACK:
        minutes = default("ice_pack.application")
        if ctx.groups & OUTER_KNEE_GROUPS:
            minutes = min(minutes, default("ice_pack.application_outer_knee_or_lean"))
        return {
            "minutes_on": minutes,
            "every_minutes": default("ice_pack.interval_between_sessions"),
            "max_sessions_per_day": bounds.bound("ice_pack.sessions_per_24h").hard_max or 8,
            "skin_check_every_minutes": _number(bounds.setting("ice_pack.skin_check_every_min")),
            "variant": "10 min on, 10 off, 10 on",
        }
    if therapy is Therapy.HEAT_PACK:
        return {
            "minutes_on": default("local_heat.application"),
            "min_gap_minutes": default("local_heat.gap"),
            "max_sessions_per_day": bounds.bound("local_heat.per_day").hard_max or 6,
        }
    if therapy is Therapy.CONTRAST:
        hot, cold = default("contrast_water.hot_phase"), default("contrast_water.cold_phase")
        total = default("contrast_water.total")
        return {
            "hot_c": default("contrast_water.hot"),
            "cold_c": default("contrast_water.cold"),
            "hot_minutes": hot,
            "cold_minutes": cold,
            "cycles": round(total / (hot + cold)),
            "total_minutes": total,
            "end_on": str(bounds.setting("contrast_water.end_on")),
        }
    if therapy is Therapy.COLD_WATER_IMMERSION:
        return {
            "water_c": default("cold_water_immersion.temp"),
            "minutes": default("cold_water_immersion.duration"),
            "depth": str(bounds.setting("cold_water_immersion.max_depth")),
        }
    temp = default("warm_bath.temp")
    minutes = default("warm_bath.duration")
    cap_temp = catalog.cap(ctx.conditions, "warm_bath_temp_max_c")
    cap_minutes = catalog.cap(ctx.conditions, "warm_bath_minutes_max")
    if cap_temp is not None:
        temp = min(temp, cap_temp)
    if temp > 38:
        minutes = min(minutes, default("warm_bath.duration_above_38c"))
    if cap_minutes is not None:
        minutes = min(minutes, cap_minutes)
    max_temp = bounds.bound("warm_bath.temp").hard_max or 40
    if cap_temp is not None:  # a health condition's cap is the ceiling, and the sentence says so
        max_temp = min(max_temp, cap_temp)
    return {"water_c": temp, "minutes": minutes, "max_water_c": max_temp}


def describe_protocol(
    therapy: Therapy, protocol: Mapping[str, float | str], units: Units = METRIC
) -> str:
    """The protocol numbers as one plain sentence, temperatures in ``units``."""

    def t(key: str) -> str:
        value = protocol[key]
        return units.temp(value) if isinstance(value, float | int) else str(value)

    def n(key: str) -> str:
        value = protocol[key]
        return f"{value:g}" if isinstance(value, float | int) else str(value)

    if therapy is Therapy.ICE_PACK:
        return (
            f"{n('minutes_on')} min on (or 10 on, 10 off, 10 on), wrapped in a thin damp cloth; "
            f"at least {n('every_minutes')} min between sessions, at most "
            f"{n('max_sessions_per_day')} a day; check the skin every "
            f"{n('skin_check_every_minutes')} min."
        )
    if therapy is Therapy.HEAT_PACK:
        return (
            f"{n('minutes_on')} min, warm not hot, over a cloth; at least {n('min_gap_minutes')} "
            f"min apart, at most {n('max_sessions_per_day')} a day; never while asleep."
        )
    if therapy is Therapy.CONTRAST:
        return (
            f"{n('hot_minutes')} min hot ({t('hot_c')}) then {n('cold_minutes')} min cold "
            f"({t('cold_c')}), {n('cycles')} rounds, {n('total_minutes')} min in all, "
            f"ending on {n('end_on')}."
        )
    if therapy is Therapy.COLD_WATER_IMMERSION:
        return (
            f"Water at about {t('water_c')} up to the {n('depth')} for {n('minutes')} min; "
            "get in gradually and not alone if you have heart risks."
        )
    return (
        f"Water at about {t('water_c')} for {n('minutes')} min, never above "
        f"{t('max_water_c')}; stand up slowly afterwards."
    )


# -- one treatment to offer -----------------------------------------------------------------
# PROTOCOLS 4.2 as an order of preference: for each soreness type and phase, the treatments
# from the best fit to the least; the plan offers the first one the gates (4.3) leave usable
# and keeps the rest one click away. "Local" is one sore group on one leg: a pack suits it
# better than a whole soak or bath.
_WIDESPREAD: dict[tuple[SorenessType, str], tuple[Therapy, ...]] = {
    # 0-24 h after exercise: cold is the usual first choice (a soak when much is sore) ...
    (SorenessType.DOMS, "early"): (
        Therapy.COLD_WATER_IMMERSION,
        Therapy.CONTRAST,
        Therapy.WARM_BATH,
        Therapy.ICE_PACK,
        Therapy.HEAT_PACK,
    ),
    # ... from 24 h heat is the good default for stiffness, cold if heat is not right.
    (SorenessType.DOMS, "peak"): (
        Therapy.WARM_BATH,
        Therapy.HEAT_PACK,
        Therapy.CONTRAST,
        Therapy.ICE_PACK,
        Therapy.COLD_WATER_IMMERSION,
    ),
    (SorenessType.DOMS, "late"): (
        Therapy.WARM_BATH,
        Therapy.HEAT_PACK,
        Therapy.CONTRAST,
        Therapy.ICE_PACK,
        Therapy.COLD_WATER_IMMERSION,
    ),
    # An injury: cold for pain in the first 72 h; after it, heat if nothing is swollen or warm.
    (SorenessType.ACUTE, "fresh"): (Therapy.ICE_PACK, Therapy.COLD_WATER_IMMERSION),
    (SorenessType.ACUTE, "later"): (
        Therapy.HEAT_PACK,
        Therapy.ICE_PACK,
        Therapy.CONTRAST,
        Therapy.WARM_BATH,
        Therapy.COLD_WATER_IMMERSION,
    ),
    # Heavy legs from standing: cool water feels good; raising the legs helps most.
    (SorenessType.STANDING, "any"): (
        Therapy.CONTRAST,
        Therapy.COLD_WATER_IMMERSION,
        Therapy.WARM_BATH,
        Therapy.ICE_PACK,
        Therapy.HEAT_PACK,
    ),
    # A lingering ache: heat for stiffness, cold if it is warm or flaring.
    (SorenessType.OVERUSE, "any"): (
        Therapy.HEAT_PACK,
        Therapy.ICE_PACK,
        Therapy.CONTRAST,
        Therapy.WARM_BATH,
        Therapy.COLD_WATER_IMMERSION,
    ),
    (SorenessType.NERVE, "any"): (),  # no heat or cold for nerve-type pain (4.1 E)
}
_PACK_FOR = {  # one spot: the pack of the same temperature comes first
    Therapy.COLD_WATER_IMMERSION: Therapy.ICE_PACK,
    Therapy.WARM_BATH: Therapy.HEAT_PACK,
}


@dataclass(frozen=True)
class TherapyChoice:
    """The one treatment offered today (or none, with why), and the others in order.

    ``others`` keep their own ``why``: for a blocked one why not, for a usable one when
    it fits.
    """

    chosen: TherapyOption | None
    others: tuple[TherapyOption, ...]
    why_none: str = ""  # when nothing is offered: the reason, in one sentence


def preference(ctx: TherapyContext) -> tuple[Therapy, ...]:
    """The treatments for this soreness and time since onset, best fit first."""
    order = _WIDESPREAD[(ctx.soreness_type, _phase(ctx.soreness_type, ctx.hours_since_onset))]
    local = len(ctx.legs) <= 1 and len(ctx.groups) <= 1
    if local and order:
        pack = _PACK_FOR.get(order[0])
        if pack is not None:
            order = (pack, *(t for t in order if t is not pack))
    return order


def choose_therapy(options: tuple[TherapyOption, ...], ctx: TherapyContext) -> TherapyChoice:
    """One treatment for today: the first in ``preference`` that is usable without a
    caution, else the first usable with one; never a blocked one."""
    by_therapy = {o.therapy: o for o in options}
    order = [by_therapy[t] for t in preference(ctx) if t in by_therapy]
    chosen = next((o for o in order if o.status in (Status.SUGGESTED, Status.ALLOWED)), None)
    if chosen is None:
        chosen = next((o for o in order if o.status is Status.CAUTION), None)
    ranked = order + [o for o in options if o not in order]
    others = tuple(o for o in ranked if o is not chosen)
    if chosen is not None:
        return TherapyChoice(chosen, others)
    blocked = next((o for o in ranked if o.status is Status.BLOCKED), None)
    why = (
        blocked.why
        if blocked is not None
        else _TIMING[(SorenessType.NERVE, "any")][Therapy.ICE_PACK][1]
    )
    return TherapyChoice(None, others, why)
