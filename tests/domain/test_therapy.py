"""PROTOCOLS 4.2 timing and every 4.3 gate, plus the 3.4 condition table."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from companion.domain.checkin import SorenessType, Swelling
from companion.domain.conditions import Effect, Gate, ReportedCondition
from companion.domain.regions import Side
from companion.domain.therapy import Status, Therapy, TherapyContext, therapy_options
from companion.resources import load_conditions, load_protocols, load_triage

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=ZoneInfo("Europe/London"))
L, R = Side.LEFT, Side.RIGHT
ICE, HEAT, CONTRAST, CWI, BATH = (
    Therapy.ICE_PACK,
    Therapy.HEAT_PACK,
    Therapy.CONTRAST,
    Therapy.COLD_WATER_IMMERSION,
    Therapy.WARM_BATH,
)
ALL = set(Therapy)
HEATING = {HEAT, CONTRAST, BATH}
COOLING = {ICE, CONTRAST, CWI}


@pytest.fixture(scope="module")
def catalog():
    return load_conditions()


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


def options(catalog, bounds, **kw):
    ctx = TherapyContext(
        **{
            "soreness_type": SorenessType.DOMS,
            "hours_since_onset": 30,
            "legs": frozenset({L}),
            **kw,
        }
    )
    return {o.therapy: o for o in therapy_options(ctx, catalog, bounds)}


def blocked(opts):
    return {t for t, o in opts.items() if o.status is Status.BLOCKED}


def triage(answers, sides=(L,)):
    return load_triage().evaluate(answers, sides, NOW)


# context overrides, therapies blocked, words in the first reason of one of them
GATES = [
    ({}, set(), ""),
    ({"soreness_type": SorenessType.ACUTE, "hours_since_onset": 10}, HEATING, "less than 72 hours"),
    (
        {"soreness_type": SorenessType.ACUTE, "hours_since_onset": 71.9},
        HEATING,
        "less than 72 hours",
    ),
    ({"soreness_type": SorenessType.ACUTE, "hours_since_onset": 72}, set(), ""),
    (
        {
            "soreness_type": SorenessType.ACUTE,
            "hours_since_onset": 96,
            "swelling": Swelling.ONE_SIDE,
        },
        HEATING,
        "swelling",
    ),
    ({"swelling": Swelling.BOTH_SIDES}, HEATING, "swelling"),
    ({"area_warm_or_red": True}, HEATING, "warmth"),
    ({"soreness_type": SorenessType.NERVE}, ALL, "Burning, shooting"),
    ({"triage": "red"}, ALL, "Emergency signs"),
    ({"triage": "orange_left"}, ALL, "Care today"),
    ({"triage": "fever"}, ALL, "Care today"),
    ({"triage": "no_cold"}, ALL, "clinician should clear"),  # Y4: cold, heat and contrast
]


@pytest.mark.parametrize(("overrides", "expected", "words"), GATES)
def test_hard_gates(catalog, bounds, overrides, expected, words):
    kw = dict(overrides)
    if kw.get("triage") == "red":
        kw["triage"] = triage({"R2": True})
    elif kw.get("triage") == "orange_left":
        kw["triage"] = triage({"O5": True})
    elif kw.get("triage") == "fever":
        kw["triage"] = triage({"O4": True})
    elif kw.get("triage") == "no_cold":
        kw["triage"] = triage({"Y4": True})
    opts = options(catalog, bounds, **kw)
    assert blocked(opts) == expected
    if words:
        assert any(words in opts[t].reasons[0] for t in expected)
    for therapy in expected:
        assert opts[therapy].why == opts[therapy].reasons[0]


def test_an_orange_lock_on_the_other_leg_leaves_this_leg_free(catalog, bounds):
    opts = options(catalog, bounds, legs=frozenset({R}), triage=triage({"O5": True}, (L,)))
    assert blocked(opts) == set()


def test_yellow_alone_blocks_nothing(catalog, bounds):
    assert blocked(options(catalog, bounds, triage=triage({"Y1": True}))) == set()


# condition, therapies blocked (legs = left), therapies with a caution
CONDITIONS = [
    ("cold_sensitivity", {ICE, CWI, CONTRAST}, set()),
    ("poor_circulation", {ICE, CWI, CONTRAST, HEAT}, {BATH}),
    ("reduced_sensation", {ICE, CWI, CONTRAST, HEAT}, {BATH}),
    ("heart_condition", {CWI, CONTRAST}, {ICE, BATH}),
    ("pregnancy", set(), {BATH}),  # contrast/CWI: caution
    ("clotting_history", {HEAT, CONTRAST}, {ICE, CWI, BATH}),
    ("bleeding_risk", set(), {HEAT, CONTRAST}),
    ("skin_problem", {ICE, CWI, CONTRAST, HEAT, BATH}, set()),
    ("fracture", {CWI, CONTRAST, HEAT, BATH}, set()),
    ("osteoporosis", set(), set()),
    ("cancer_in_area", {HEAT, CONTRAST}, {ICE, CWI, BATH}),
    ("heat_sensitivity", set(), {HEAT, CWI, CONTRAST, BATH}),
    ("fluid_limit", set(), {CWI, CONTRAST, BATH}),
    ("lymphoedema", {HEAT, CONTRAST}, {ICE, CWI, BATH}),
    ("varicose_veins", set(), {HEAT, CONTRAST}),
]


def test_the_table_covers_every_condition(catalog):
    assert {c[0] for c in CONDITIONS} == {c.id for c in catalog.conditions}


@pytest.mark.parametrize(("condition", "blocks", "cautions"), CONDITIONS)
def test_conditions_gate_therapies(catalog, bounds, condition, blocks, cautions):
    opts = options(catalog, bounds, conditions=(ReportedCondition(condition),))
    assert blocked(opts) == blocks
    cautioned = {t for t, o in opts.items() if o.status is Status.CAUTION}
    if condition == "pregnancy":
        cautions = {BATH, CWI, CONTRAST}
    assert cautioned == cautions
    for therapy in blocks | cautions:
        assert opts[therapy].reasons, therapy


def test_area_conditions_only_apply_to_their_leg(catalog, bounds):
    right_leg_wound = (ReportedCondition("skin_problem", frozenset({R})),)
    assert (
        blocked(options(catalog, bounds, legs=frozenset({L}), conditions=right_leg_wound)) == set()
    )
    assert HEAT in blocked(
        options(catalog, bounds, legs=frozenset({R}), conditions=right_leg_wound)
    )


def test_warm_bath_caps_follow_conditions(catalog, bounds):
    assert options(catalog, bounds)[BATH].protocol["water_c"] == 37.5
    pregnant = options(catalog, bounds, conditions=(ReportedCondition("pregnancy"),))
    assert pregnant[BATH].protocol["water_c"] == 37.5  # already under the 38 °C cap
    circulation = options(catalog, bounds, conditions=(ReportedCondition("poor_circulation"),))
    assert circulation[BATH].protocol["water_c"] == 37
    heart = options(catalog, bounds, conditions=(ReportedCondition("heart_condition"),))
    assert heart[BATH].protocol["minutes"] == 15


def test_outer_knee_caps_ice_at_ten_minutes(catalog, bounds):
    plain = options(catalog, bounds, groups=frozenset({"quads"}))
    assert plain[ICE].protocol["minutes_on"] == 15
    assert plain[ICE].status is Status.ALLOWED
    knee = options(catalog, bounds, groups=frozenset({"lateral_lower_leg"}))
    assert knee[ICE].protocol["minutes_on"] == 10
    assert knee[ICE].status is Status.CAUTION
    assert "10 minutes" in knee[ICE].reasons[0]


def test_protocol_numbers_come_from_the_bounds(catalog, bounds):
    opts = options(catalog, bounds)
    assert dict(opts[CONTRAST].protocol) == {
        "hot_c": 38,
        "cold_c": 13,
        "hot_minutes": 3,
        "cold_minutes": 1,
        "cycles": 3,
        "total_minutes": 12,
        "end_on": "cold",
    }
    assert opts[CWI].protocol["water_c"] == 13
    assert opts[CWI].protocol["minutes"] == 10
    assert opts[ICE].protocol["every_minutes"] == 120
    assert opts[HEAT].protocol["minutes_on"] == 20


@pytest.mark.parametrize(
    ("kind", "hours", "suggested"),
    [
        (SorenessType.DOMS, 1, {CWI, CONTRAST, BATH}),
        (SorenessType.DOMS, 48, {HEAT, BATH, CONTRAST}),
        (SorenessType.DOMS, 100, {HEAT, BATH, CONTRAST}),
        (SorenessType.DOMS, 200, set()),
        (SorenessType.ACUTE, 5, {ICE}),
        (SorenessType.ACUTE, 80, {ICE, HEAT}),
        (SorenessType.STANDING, 3, set()),
        (SorenessType.OVERUSE, 500, {ICE, HEAT}),
    ],
)
def test_timing_suggestions(catalog, bounds, kind, hours, suggested):
    opts = options(catalog, bounds, soreness_type=kind, hours_since_onset=hours)
    assert {t for t, o in opts.items() if o.status is Status.SUGGESTED} == suggested
    assert all(o.why for o in opts.values())


def test_strength_focus_cautions_cold_soaks(catalog, bounds):
    opt = options(catalog, bounds, hours_since_onset=1, strength_focus=True)[CWI]
    assert opt.status is Status.CAUTION
    assert "muscle gains" in opt.reasons[0]


def test_condition_verdict_picks_the_strictest(catalog):
    reported = (ReportedCondition("heart_condition"), ReportedCondition("cold_sensitivity"))
    verdict = catalog.verdict(reported, Gate.COLD_PACK, {L})
    assert verdict.effect is Effect.BLOCKED
    assert verdict.reasons == ("Cold can set off your cold sensitivity, so ice is off.",)


def test_unknown_condition_lists_known(catalog):
    with pytest.raises(KeyError, match="pregnancy"):
        catalog.get("pregnant")


def test_possible_arterial_disease_blocks_heat_as_well_as_cold(catalog, bounds):
    """Y4 blocks cold immersion and compression (PROTOCOLS 3.2), and the matching
    condition row (3.4) also takes local heat and cold packs off."""
    y4 = triage({"Y4": True})
    assert {"no_cold", "no_heat", "no_compression"} <= y4.restrictions
    opts = options(catalog, bounds, hours_since_onset=48, triage=y4)
    assert blocked(opts) == ALL
    for therapy in HEATING:
        assert any("clear heat" in reason for reason in opts[therapy].reasons), therapy
    assert "clear cold" in opts[ICE].why


def test_every_therapy_has_its_own_reason_in_every_phase():
    from companion.domain.therapy import _TIMING

    for row in _TIMING.values():
        assert set(row) == set(Therapy)


def test_a_reason_is_about_its_own_therapy(catalog, bounds):
    early = options(catalog, bounds, hours_since_onset=5)
    assert not early[HEAT].why.lower().startswith("cold")
    assert "cold" not in early[HEAT].why.lower()
    assert "warm" in early[HEAT].why.lower()
    later = options(catalog, bounds, soreness_type=SorenessType.ACUTE, hours_since_onset=80)
    assert later[ICE].status is Status.SUGGESTED
    assert "fresh" not in later[ICE].why.lower()
    fresh = options(catalog, bounds, soreness_type=SorenessType.ACUTE, hours_since_onset=10)
    assert "fresh" in fresh[ICE].why.lower()


@pytest.mark.parametrize(
    ("condition", "cap"),
    [
        ("pregnancy", 38),
        ("heart_condition", 38),
        ("poor_circulation", 37),
        ("reduced_sensation", 37),
        ("heat_sensitivity", 37),
    ],
)
def test_the_bath_sentence_says_the_conditions_cap(catalog, bounds, condition, cap):
    from companion.domain.therapy import describe_protocol

    bath = options(catalog, bounds, conditions=(ReportedCondition(condition),))[BATH]
    assert bath.protocol["max_water_c"] == cap
    how = describe_protocol(BATH, bath.protocol)
    assert f"never above {cap} °C" in how
    assert "40 °C" not in how
    assert options(catalog, bounds)[BATH].protocol["max_water_c"] == 40
