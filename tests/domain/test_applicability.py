"""When a safety question applies: the ``applies`` rules, their checks at load, the news
of a same-day re-save, and that every question in the content file is reachable."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.applicability import Reported, parse_condition
from companion.domain.checkin import (
    Cause,
    CheckIn,
    Descriptor,
    RegionReport,
    SorenessType,
    Swelling,
)
from companion.domain.content import ContentError
from companion.domain.regions import Side
from companion.domain.triage import Moment, Tier, parse_triage, questions_for
from companion.resources import load_regions, load_triage

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/London"))
L, R = Side.LEFT, Side.RIGHT


@pytest.fixture(scope="module")
def catalog():
    return load_triage()


def report(region="quads_L", rest=1, move=3, words=(), hours=24.0, **kw) -> CheckIn:
    side = {"L": L, "R": R}.get(region.rsplit("_", 1)[-1], Side.CENTRE)
    regions = kw.pop("regions", None) or (RegionReport(region, side, rest, move, frozenset(words)),)
    return CheckIn(
        at=NOW,
        onset=NOW - timedelta(hours=hours),
        cause=kw.pop("cause", Cause.LEG_DAY),
        soreness_type=kw.pop("soreness_type", SorenessType.DOMS),
        regions=regions,
        **kw,
    )


def asked(catalog, checkin: CheckIn, moments=(Moment.NEW_REGION,)) -> set[str]:
    return {q.id for q in questions_for(catalog, moments, Reported.of(checkin))}


# -- what a first check-in asks -------------------------------------------------------------
def test_sore_quads_after_leg_day_ask_a_handful_not_two_dozen(catalog):
    ids = asked(catalog, report())
    assert {"R1", "R2", "R5", "R7", "O1", "O8", "O9"} <= ids
    assert len(ids) <= 8
    # nothing about calves, nerves, bones, injuries or swelling that was never reported
    assert not ids & {"O3", "O5", "R3", "R4", "R8", "Y2", "Y3", "Y6", "Y7", "Y7B"}


def test_calf_questions_only_when_a_calf_is_marked(catalog):
    assert "O3" not in asked(catalog, report("quads_L"))
    assert {"O3", "Y3", "Y4"} <= asked(catalog, report("calves_R"))


def test_swelling_questions_only_when_swelling_is_reported(catalog):
    assert "Y7" not in asked(catalog, report())
    swollen = asked(catalog, report(swelling=Swelling.BOTH_SIDES))
    assert {"Y7", "Y7B", "O4", "O6"} <= swollen


def test_nerve_questions_only_after_a_nerve_word(catalog):
    plain = asked(catalog, report(words=(Descriptor.SORE, Descriptor.TIGHT)))
    assert not plain & {"O5", "R3", "R4"}
    for word in (Descriptor.TINGLING, Descriptor.NUMB, Descriptor.SHOOTING, Descriptor.BURNING):
        assert {"O5", "R3", "R4"} <= asked(catalog, report(words=(word,))), word


def test_not_sure_what_set_it_off_asks_as_for_an_injury_and_hard_exercise(catalog):
    ids = asked(catalog, report(cause=Cause.UNKNOWN))
    assert {"R3", "R5", "R6", "R7", "R8", "O2", "O7", "O8"} <= ids


def test_severe_soreness_asks_every_red_question(catalog):
    severe = report(rest=8, move=9)
    red = {q.id for q in catalog.questions if q.tier is Tier.RED}
    assert red <= asked(catalog, severe, (Moment.FULL,))
    # ... and the others only where they apply: no day-5 question at 24 hours
    assert "Y1" not in asked(catalog, severe, (Moment.FULL,))
    assert "Y1" in asked(catalog, report(rest=8, move=9, hours=80), (Moment.FULL,))


def test_the_quick_check_before_a_timer_is_never_filtered(catalog):
    assert {q.id for q in questions_for(catalog, [Moment.BEFORE_TIMER])} == {
        "R1",
        "R2",
        "O1",
        "O5",
    }


def test_a_follow_up_comes_with_its_parent_only(catalog):
    assert "Y7B" in asked(catalog, report(cause=Cause.LONG_STANDING))
    assert "Y7B" not in asked(catalog, report())


# -- every question is reachable, for each report it concerns -------------------------------
def satisfying(condition: str) -> CheckIn:
    """The smallest check-in for which ``condition`` holds."""
    kind, _, value = condition.partition(":")
    if kind == "always":
        return report()
    if kind == "region":
        paired = value != "lower_back"
        return report(f"{value}_L" if paired else value)
    if kind == "cause":
        return report(cause=Cause(value))
    if kind == "type":
        return report(soreness_type=SorenessType(value))
    if kind == "word":
        return report(words=(Descriptor(value),))
    if kind == "nerve_words":
        return report(words=(Descriptor.TINGLING,))
    if kind == "swelling":
        if value == "both_sides":
            return report(swelling=Swelling.BOTH_SIDES)
        return report(swelling=Swelling.ONE_SIDE, swollen_side=L)
    if kind == "warm_or_red":
        return report(area_warm_or_red=True)
    if kind == "both_legs":
        return report(regions=(RegionReport("quads_L", L, 1, 3), RegionReport("quads_R", R, 1, 3)))
    if kind == "score":
        return report(rest=0, move=int(value))
    if kind == "hours":
        return report(hours=float(value))
    raise AssertionError(condition)


def test_every_question_is_asked_for_every_report_it_concerns(catalog):
    """For each question and each condition of its rule, a first check-in that reports
    just that brings the question (a follow-up: once its parent is asked)."""
    for question in catalog.questions:
        moments = [m for m, ids in catalog.moments.items() if question.id in ids]
        assert Moment.NEW_REGION in moments or question.follow_up, question.id
        rule = catalog.get(question.follow_up).applies if question.follow_up else question.applies
        for condition in rule:
            checkin = satisfying(condition.text)
            assert question.id in asked(catalog, checkin), (question.id, condition.text)


def test_every_region_a_rule_names_is_on_the_body_map(catalog):
    groups = {r.group for r in load_regions()}
    named = {c.value for q in catalog.questions for c in q.applies if c.kind == "region"}
    assert named <= groups, named - groups


# -- the rules are checked when the file is read --------------------------------------------
def minimal(**question):
    entry = {"id": "R1", "tier": "red", "text": "t?", "because": "b.", "scope": "all"}
    return {"schema": 1, "moments": {m.value: [] for m in Moment}, "question": [entry | question]}


@pytest.mark.parametrize(
    ("applies", "reason"),
    [
        (["calves"], "'calves' is not a condition"),
        (["region:Calves"], "lower_snake_case"),
        (["cause:marathon"], "'marathon' is not one of run"),
        (["word:itchy"], "'itchy' is not one of"),
        (["score:11"], "a score is from 1 to 10"),
        (["hours:soon"], "takes a whole number"),
        (["swelling:left"], "not one of one_side, both_sides"),
        ([], "names no condition"),
    ],
)
def test_a_bad_rule_is_refused_with_file_and_key(applies, reason):
    with pytest.raises(ContentError, match=reason) as raised:
        parse_triage(minimal(applies=applies), "triage.toml")
    assert str(raised.value).startswith("triage.toml: question[0].applies")


def test_a_rule_is_required_except_for_a_follow_up():
    with pytest.raises(ContentError, match=r"question\[0\]\.applies: is missing"):
        parse_triage(minimal(), "triage.toml")
    data = minimal(applies=["always"])
    data["question"].append(
        {
            "id": "R1B",
            "tier": "red",
            "text": "t?",
            "because": "b.",
            "scope": "all",
            "follow_up": "R1",
            "applies": ["always"],
        }
    )
    with pytest.raises(ContentError, match="asked with its parent"):
        parse_triage(data, "triage.toml")


# -- the news of a same-day re-save ------------------------------------------------------------
def test_nothing_new_is_no_news():
    earlier = Reported.of(report(words=(Descriptor.TINGLING,), swelling=Swelling.BOTH_SIDES))
    news = Reported.of(report(words=(Descriptor.TINGLING,), swelling=Swelling.BOTH_SIDES))
    news = news.since(earlier)
    assert not news.anything
    assert not any(parse_condition(t).holds(news) for t in ("always", "swelling", "nerve_words"))


@pytest.mark.parametrize(
    ("now", "holds", "not_holds"),
    [
        (report("calves_L"), "region:calves", "region:quads"),
        (report(words=(Descriptor.NUMB,)), "nerve_words", "swelling"),
        (report(swelling=Swelling.ONE_SIDE, swollen_side=L), "swelling:one_side", "nerve_words"),
        (report(move=7), "score:7", "score:3"),  # 3 was passed before, 7 is new
        (report(cause=Cause.INJURY), "cause:injury", "cause:leg_day"),
    ],
)
def test_news_holds_only_for_what_is_new(now, holds, not_holds):
    earlier = Reported.of(report(move=3))
    news = Reported.of(now).since(earlier)
    assert parse_condition(holds).holds(news)
    assert not parse_condition(not_holds).holds(news)
