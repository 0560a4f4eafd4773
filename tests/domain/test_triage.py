"""Every PROTOCOLS 3.2 question, as a table of cases."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.regions import Side
from companion.domain.triage import GREEN, Moment, Tier, combine
from companion.resources import load_triage

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=ZoneInfo("Europe/London"))
L, R, C = Side.LEFT, Side.RIGHT, Side.CENTRE
BOTH = frozenset({L, R})


@pytest.fixture(scope="module")
def catalog():
    return load_triage()


# question, sides being checked, tier, legs locked, locks everything, restrictions
CASES = [
    ("R1", [L], Tier.RED, BOTH, True, set()),
    ("R2", [R], Tier.RED, BOTH, True, set()),
    ("R3", [L], Tier.RED, BOTH, True, set()),
    ("R4", [C], Tier.RED, BOTH, True, set()),
    ("R5", [L], Tier.RED, BOTH, True, {"no_hydration_push"}),
    ("R6", [L], Tier.RED, BOTH, True, {"no_extra_fluids", "no_hydration_push"}),
    ("R7", [L], Tier.RED, BOTH, True, set()),
    ("R8", [R], Tier.RED, BOTH, True, set()),
    ("O1", [L], Tier.ORANGE, BOTH, False, {"no_leg_contact", "no_compression"}),
    ("O2", [L], Tier.ORANGE, {L}, False, set()),
    ("O3", [R], Tier.ORANGE, {R}, False, set()),
    ("O4", [L], Tier.ORANGE, {L}, False, set()),
    ("O5", [R], Tier.ORANGE, {R}, False, set()),
    ("O6", [L], Tier.ORANGE, {L}, False, set()),
    ("O7", [L, R], Tier.ORANGE, BOTH, False, set()),
    ("O8", [L], Tier.ORANGE, BOTH, True, {"no_hydration_push"}),
    ("O9", [L], Tier.ORANGE, BOTH, True, set()),
    ("O10", [C], Tier.ORANGE, BOTH, False, set()),
    ("Y1", [L], Tier.YELLOW, set(), False, set()),
    ("Y2", [L], Tier.YELLOW, set(), False, {"no_running", "no_impact", "no_bone_area_work"}),
    ("Y3", [L], Tier.YELLOW, set(), False, {"no_running_recovery"}),
    ("Y4", [L], Tier.YELLOW, set(), False, {"no_cold", "no_heat", "no_compression"}),
    ("Y5", [L], Tier.YELLOW, set(), False, set()),
    ("Y6", [C], Tier.YELLOW, set(), False, set()),
    ("Y7", [L], Tier.YELLOW, set(), False, set()),
    ("Y8", [L], Tier.YELLOW, set(), False, set()),
]


def test_the_table_covers_every_question(catalog):
    assert {case[0] for case in CASES} | {"Y7B"} == {q.id for q in catalog.questions}


@pytest.mark.parametrize(("qid", "sides", "tier", "locked", "everything", "restricts"), CASES)
def test_each_question(catalog, qid, sides, tier, locked, everything, restricts):
    result = catalog.evaluate({qid: True}, sides, NOW)
    assert result.tier is tier
    assert result.locked_legs == frozenset(locked)
    assert result.locks_everything is everything
    assert result.restrictions == frozenset(restricts)
    assert result.flags[0].question.id == qid
    assert result.requires_assessment is (tier is Tier.RED)
    if tier is Tier.ORANGE:
        assert result.lock_until == NOW + timedelta(hours=24)
    else:
        assert result.lock_until is None
    lines = result.explain()
    assert lines[0] == tier.headline
    assert catalog.get(qid).because in lines


def test_all_no_is_green_and_never_reassures(catalog):
    answers = {q.id: False for q in catalog.questions}
    result = catalog.evaluate(answers, [L], NOW)
    assert result.tier is Tier.GREEN
    assert result.flags == ()
    assert result.tier.headline == "No warning signs reported."
    assert "fine" not in result.tier.headline.lower()


def test_clot_signs_with_chest_symptoms_become_red(catalog):
    result = catalog.evaluate({"O1": True, "R1": True}, [L], NOW)
    assert result.tier is Tier.RED
    assert {f.question.id: f.tier for f in result.flags} == {"R1": Tier.RED, "O1": Tier.RED}


def test_breathless_at_rest_only_counts_after_swollen_legs(catalog):
    assert catalog.evaluate({"Y7B": True}, [L], NOW).tier is Tier.GREEN
    result = catalog.evaluate({"Y7": True, "Y7B": True}, [L], NOW)
    assert result.tier is Tier.ORANGE
    assert result.locks_everything


def test_highest_tier_wins_and_nothing_adds_up(catalog):
    many_yellow = dict.fromkeys(("Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y8"), True)
    assert catalog.evaluate(many_yellow, [L], NOW).tier is Tier.YELLOW
    mixed = catalog.evaluate({"Y2": True, "O5": True}, [R], NOW)
    assert mixed.tier is Tier.ORANGE
    assert mixed.locked_legs == {R}
    assert mixed.restrictions == {"no_running", "no_impact", "no_bone_area_work"}


def test_unknown_answers_are_refused(catalog):
    with pytest.raises(ValueError, match="Q9"):
        catalog.evaluate({"Q9": True}, [L], NOW)


@pytest.mark.parametrize(
    ("moment", "must_include"),
    [
        (Moment.BEFORE_TIMER, {"R1", "R2", "O1", "O5"}),
        (Moment.NERVE_DESCRIPTOR, {"O5", "R3", "R4"}),
        (Moment.ONE_SIDED_SWELLING, {"O1", "R1"}),
        (Moment.DARK_URINE, {"R5", "O8"}),
        (Moment.FEVER, {"O9"}),
        (Moment.SORENESS_NOT_EASING, {"Y1"}),
    ],
)
def test_moments_ask_the_right_questions(catalog, moment, must_include):
    assert must_include <= {q.id for q in catalog.for_moment(moment)}


def test_full_screen_asks_everything(catalog):
    assert {q.id for q in catalog.for_moment(Moment.FULL)} == {q.id for q in catalog.questions}


def test_combine_keeps_the_strictest(catalog):
    left = catalog.evaluate({"O5": True}, [L], NOW)
    right = catalog.evaluate({"Y2": True}, [R], NOW)
    both = combine([left, right, GREEN])
    assert both.tier is Tier.ORANGE
    assert both.locked_legs == {L}
    assert both.restrictions == {"no_running", "no_impact", "no_bone_area_work"}
    assert combine([GREEN, GREEN]) is GREEN


def test_central_region_locks_both_legs(catalog):
    assert catalog.evaluate({"O5": True}, [C], NOW).locked_legs == BOTH
    assert catalog.evaluate({"O5": True}, [C], NOW).leg_locked(C)


@pytest.mark.parametrize(
    ("now", "before", "kw", "expected"),
    [
        ({"quads_L"}, {"quads_L"}, {}, ()),
        ({"quads_L", "calves_R"}, {"quads_L"}, {}, (Moment.NEW_REGION,)),
        ({"quads_L"}, set(), {"nerve_words": True}, (Moment.NEW_REGION, Moment.NERVE_DESCRIPTOR)),
        ({"quads_L"}, {"quads_L"}, {"one_sided_swelling": True}, (Moment.ONE_SIDED_SWELLING,)),
        ({"quads_L"}, {"quads_L"}, {"doms_beyond_a_week": True}, (Moment.SORENESS_NOT_EASING,)),
        ({"quads_L"}, {"quads_L"}, {"severe": True}, (Moment.FULL,)),
        ({"quads_L"}, set(), {"severe": True}, (Moment.FULL, Moment.NEW_REGION)),
    ],
)
def test_which_screens_a_checkin_needs(now, before, kw, expected):
    from companion.domain.triage import moments_for

    flags = {"nerve_words": False, "one_sided_swelling": False, "doms_beyond_a_week": False, **kw}
    assert moments_for(now, before, **flags) == expected


def test_questions_for_several_moments_come_once_red_first(catalog):
    from companion.domain.triage import questions_for

    questions = questions_for(catalog, [Moment.NERVE_DESCRIPTOR, Moment.ONE_SIDED_SWELLING])
    ids = [q.id for q in questions]
    assert sorted(ids) == sorted({"O5", "R3", "R4", "O1", "R1"})
    assert len(ids) == len(set(ids))
    ranks = [q.tier.rank for q in questions]
    assert ranks == sorted(ranks, reverse=True)


def test_emergency_numbers():
    from companion.domain.triage import emergency_number_for

    assert emergency_number_for("us") == "911"
    assert emergency_number_for("GB") == "999"
    assert emergency_number_for("DE") == "112"
    assert emergency_number_for("") == "112"


def test_the_same_answer_stored_twice_is_explained_once():
    from datetime import UTC, datetime

    from companion.domain.triage import combine
    from companion.resources import load_triage

    catalog = load_triage()
    now = datetime(2026, 6, 15, 9, tzinfo=UTC)
    once = catalog.evaluate({"R6": True}, set(), now)
    twice = combine([once, catalog.evaluate({"R6": True}, set(), now)])
    assert twice.explain() == once.explain()


def test_a_lock_stands_until_assessed_or_its_24_hours_are_over():
    from datetime import UTC, datetime, timedelta

    from companion.domain.triage import Tier, lock_stands

    now = datetime(2026, 6, 15, 9, tzinfo=UTC)
    assert lock_stands(Tier.RED, None, None, now)
    assert not lock_stands(Tier.RED, None, now, now)  # confirmed as assessed
    assert lock_stands(Tier.ORANGE, now + timedelta(minutes=1), None, now)
    assert not lock_stands(Tier.ORANGE, now, None, now)
    assert not lock_stands(Tier.ORANGE, None, None, now)
    assert not lock_stands(Tier.YELLOW, now + timedelta(days=1), None, now)


def test_a_score_on_the_map_brings_the_rest_score_down_with_it():
    import pytest

    from companion.domain.checkin import RegionDraft

    draft = RegionDraft(at_rest=6, on_movement=7)
    draft.rate_on_map(4)
    assert (draft.at_rest, draft.on_movement) == (4, 4)
    draft.rate_on_map(9)
    assert (draft.at_rest, draft.on_movement) == (4, 9)  # rest is never raised by the map
    draft.rate_on_map(0)
    assert (draft.at_rest, draft.on_movement) == (0, 0)
    with pytest.raises(ValueError, match="from 0 to 10"):
        draft.rate_on_map(11)
