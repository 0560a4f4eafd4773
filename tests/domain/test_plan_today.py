"""Today's plan chooses: one heat or cold treatment for the hours since onset (PROTOCOLS 4),
the sorer side's longer holds with their reason, and the routine in one line."""

from __future__ import annotations

import itertools

import pytest

from companion.domain.checkin import Descriptor, RegionReport, SorenessType, Swelling
from companion.domain.conditions import ReportedCondition
from companion.domain.planner import hold_notes
from companion.domain.therapy import Status, Therapy
from tests.domain.test_planner import NOW, L, R, checkin, kit, plan

__all__ = ["kit"]  # the fixture, shared with the planner's tests

BOTH = (RegionReport("quads_L", L, 3, 6), RegionReport("quads_R", R, 2, 5))
ONE_SPOT = (RegionReport("calves_L", L, 2, 5),)


def chosen(p):
    assert p.thermal is not None
    return p.thermal.chosen.therapy if p.thermal.chosen is not None else None


@pytest.mark.parametrize(
    ("hours", "regions", "expected"),
    [
        (2, BOTH, Therapy.COLD_WATER_IMMERSION),  # soon after: cold, a soak when much is sore
        (2, ONE_SPOT, Therapy.ICE_PACK),  # ... a pack for one spot
        (20, ONE_SPOT, Therapy.ICE_PACK),
        (30, BOTH, Therapy.WARM_BATH),  # the usual peak: heat eases stiffness
        (30, ONE_SPOT, Therapy.HEAT_PACK),
        (60, ONE_SPOT, Therapy.HEAT_PACK),
        (100, BOTH, Therapy.WARM_BATH),
    ],
)
def test_soreness_after_exercise_gets_one_treatment_for_its_hours(kit, hours, regions, expected):
    p = plan(kit, checkin(hours=hours, regions=regions))
    assert chosen(p) is expected
    assert p.thermal.chosen.status in (Status.SUGGESTED, Status.ALLOWED)
    assert p.thermal.chosen.why
    # the other four are one click away, each with its own sentence
    assert {o.therapy for o in p.thermal.others} == set(Therapy) - {expected}
    assert all(o.why for o in p.thermal.others)


def test_an_injury_gets_cold_for_72_hours_then_heat_if_nothing_is_swollen(kit):
    fresh = plan(kit, checkin(hours=10, kind=SorenessType.ACUTE, regions=ONE_SPOT))
    assert chosen(fresh) is Therapy.ICE_PACK
    heat = next(o for o in fresh.thermal.others if o.therapy is Therapy.HEAT_PACK)
    assert heat.status is Status.BLOCKED and "72 hours" in heat.why
    later = plan(kit, checkin(hours=80, kind=SorenessType.ACUTE, regions=ONE_SPOT))
    assert chosen(later) is Therapy.HEAT_PACK
    swollen = plan(
        kit,
        checkin(
            hours=80,
            kind=SorenessType.ACUTE,
            regions=ONE_SPOT,
            swelling=Swelling.ONE_SIDE,
            swollen_side=L,
        ),
    )
    assert chosen(swollen) is Therapy.ICE_PACK  # swelling: no heat, cold still eases pain


def test_a_warm_or_red_area_turns_the_peak_choice_to_cold(kit):
    p = plan(kit, checkin(hours=30, regions=ONE_SPOT, area_warm_or_red=True))
    assert chosen(p) is Therapy.ICE_PACK
    assert not any(o.therapy.heats for o in [p.thermal.chosen])


def test_health_conditions_and_strength_focus_move_the_choice_not_past_a_gate(kit):
    cold = (ReportedCondition("cold_sensitivity"),)
    p = plan(kit, checkin(hours=2, regions=ONE_SPOT), conditions=cold)
    assert chosen(p) is not None and not p.thermal.chosen.therapy.cools
    heart = (ReportedCondition("heart_condition"),)
    p = plan(kit, checkin(hours=2, regions=BOTH), conditions=heart)
    assert chosen(p) is not Therapy.COLD_WATER_IMMERSION
    assert p.thermal.chosen.status is not Status.BLOCKED
    strength = plan(kit, checkin(hours=2, regions=BOTH), strength_focus=True)
    assert chosen(strength) is Therapy.CONTRAST  # no routine cold soak in a strength block


def test_blocked_cases_offer_nothing_and_say_why(kit):
    _, _, triage, _, _ = kit
    red = triage.evaluate({"R1": True}, [L, R], NOW)
    p = plan(kit, checkin(hours=30, regions=BOTH), triage=red)
    assert chosen(p) is None
    assert "Emergency signs" in p.thermal.why_none
    orange = triage.evaluate({"O5": True}, [L, R], NOW)
    p = plan(kit, checkin(hours=30, regions=BOTH), triage=orange)
    assert chosen(p) is None and p.thermal.why_none
    nerve = plan(kit, checkin(hours=30, kind=SorenessType.NERVE, regions=BOTH))
    assert chosen(nerve) is None
    assert "heat or cold" in nerve.thermal.why_none


def test_the_choice_is_never_a_blocked_treatment(kit):
    conditions = [
        (),
        (ReportedCondition("cold_sensitivity"),),
        (ReportedCondition("heart_condition"),),
    ]
    for kind, hours, regions, warm, extra in itertools.product(
        SorenessType, (1, 10, 30, 80, 200), (BOTH, ONE_SPOT), (False, True), conditions
    ):
        p = plan(
            kit,
            checkin(hours=hours, kind=kind, regions=regions, area_warm_or_red=warm),
            conditions=extra,
        )
        choice = p.thermal
        assert choice is not None
        if choice.chosen is None:
            assert choice.why_none
            assert all(o.status is Status.BLOCKED for o in choice.others)
        else:
            assert choice.chosen.status is not Status.BLOCKED
            assert choice.chosen not in choice.others
        assert len(choice.others) + (choice.chosen is not None) == len(Therapy)


def test_the_sorer_side_holds_longer_and_the_plan_says_why(kit):
    regions = (RegionReport("calves_L", L, 3, 7), RegionReport("calves_R", R, 2, 3))
    p = plan(kit, checkin(hours=30, regions=regions), minutes=20)
    longer = [s for s in p.routine if p.hold_note(s)]
    assert longer, p.routine
    for step in longer:
        assert step.side == "left"
        note = p.hold_note(step)
        assert note.startswith("Calves: the left side is sorer, so its holds are longer")
        assert step.describe_dose() in note
        right = next(
            s for s in p.routine if s.exercise.id == step.exercise.id and s.side == "right"
        )
        assert right.describe_dose() in note and right.seconds < step.seconds
    even = (RegionReport("calves_L", L, 3, 5), RegionReport("calves_R", R, 3, 4))
    assert plan(kit, checkin(hours=30, regions=even), minutes=20).hold_notes == ()


def test_hold_notes_need_a_longer_hold_not_only_a_sorer_side(kit):
    regions = (RegionReport("calves_L", L, 3, 7), RegionReport("calves_R", R, 2, 3))
    p = plan(kit, checkin(hours=30, regions=regions), minutes=20)
    same = tuple(s for s in p.routine if not p.hold_note(s))
    assert hold_notes(checkin(hours=30, regions=regions), same) == ()


def test_the_routine_in_one_line(kit):
    p = plan(kit, checkin(hours=30, regions=BOTH))
    assert p.routine_summary.startswith(f"About {round(p.routine_seconds / 60)} min for your ")
    assert "quadriceps" in p.routine_summary
    sharp = (RegionReport("calves_L", L, 5, 8, frozenset({Descriptor.ACHING})),)
    heavy = plan(kit, checkin(hours=30, regions=sharp))
    if not any(s.exercise.kind.value == "roll" for s in heavy.routine):
        assert "no rolling on the sore spot yet" in heavy.routine_summary
    assert "gentle stretches" in heavy.routine_summary
    _, _, triage, _, _ = kit
    red = triage.evaluate({"R1": True}, [L, R], NOW)
    assert plan(kit, checkin(hours=30, regions=BOTH), triage=red).routine_summary == ""
