"""What each phase's end asks of the user, and the skin check asked every five minutes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.therapy_cues import phase_end, skin_prompt
from companion.domain.therapy_timer import (
    PhaseTimer,
    TimerKind,
    plan_cold_bath,
    plan_contrast,
    plan_heat,
    plan_ice,
    plan_warm_bath,
    skin_checks,
)
from companion.resources import load_protocols

START = datetime(2026, 12, 7, 14, 45, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


def ends(plan):
    return [phase_end(plan, i) for i in range(len(plan.phases))]


def test_ice_10_10_10_says_off_back_on_and_off(bounds):
    cues = ends(plan_ice(bounds, intermittent=True))
    assert [(c.key, c.title, c.last) for c in cues] == [
        ("ice-off", "Ice off", False),
        ("ice-on", "Ice back on", False),
        ("end", "Ice off", True),
    ]
    assert cues[0].body.startswith("Take the pack away and let the skin warm up.")
    assert "damp cloth" in cues[1].body
    assert "not white, grey or numb" in cues[2].body


def test_contrast_switches_each_way_and_ends_out_of_the_cold(bounds):
    cues = ends(plan_contrast(bounds))  # hot, cold x 3
    assert [c.key for c in cues] == ["to-cold", "to-hot", "to-cold", "to-hot", "to-cold", "end"]
    assert cues[0].body == "Move into the cold water now."
    assert cues[1].body == "Back into the hot water now."
    assert (cues[-1].title, cues[-1].last) == ("Contrast done", True)
    assert "wet floor" in cues[-1].body


@pytest.mark.parametrize(
    ("make", "title", "words"),
    [
        (plan_cold_bath, "Time to get out", "warm clothes"),
        (plan_warm_bath, "Bath over", "Stand up slowly"),
        (plan_heat, "Heat off", "heat pack away"),
        (lambda b: plan_ice(b, 15), "Ice off", "let the skin warm up"),
    ],
)
def test_every_single_phase_timer_ends_with_what_to_do(bounds, make, title, words):
    (cue,) = ends(make(bounds))
    assert cue.title == title and words in cue.body and cue.last


def test_a_phase_followed_by_the_same_temperature_asks_nothing(bounds):
    plan = plan_heat(bounds, 10)
    doubled = type(plan)(plan.kind, plan.phases * 2, plan.settings, plan.before)
    assert phase_end(doubled, 0) is None
    assert phase_end(doubled, 1) is not None and phase_end(doubled, 1).last


def test_every_kind_has_a_skin_question_and_stop_advice():
    for kind in TimerKind:
        prompt = skin_prompt(kind)
        assert prompt.question.endswith("?")
        assert "now" in prompt.stop_advice
    assert skin_prompt(TimerKind.ICE).question == (
        "Is the skin numb, white or blistered, or does it burn?"
    )
    assert "do not rub it" in skin_prompt(TimerKind.ICE).stop_advice


def test_skin_checks_are_answered_kept_or_left_unanswered(bounds):
    plan = plan_ice(bounds, 15)
    assert skin_checks(plan) == (300, 600)
    timer = PhaseTimer(plan, START)
    first = timer.ask_skin(300, START + timedelta(minutes=5))
    assert timer.pending_skin is first
    assert timer.answer_skin("maybe", START) is None  # only fine or stop
    timer.answer_skin("fine", START + timedelta(minutes=5, seconds=20))
    assert (first.answer, first.phase_index) == ("fine", 0)
    assert timer.pending_skin is None
    second = timer.ask_skin(600, START + timedelta(minutes=10))
    timer.tick(START + timedelta(minutes=15))  # the ice is over, nobody answered
    assert second.answer == "unanswered" and timer.outcome == "completed"


def test_a_stop_from_the_skin_check_stops_the_timer_with_its_reason(bounds):
    timer = PhaseTimer(plan_heat(bounds, 20), START)
    timer.ask_skin(300, START + timedelta(minutes=5))
    timer.answer_skin("stop", START + timedelta(minutes=6))
    assert timer.outcome == "stopped" and timer.stop_reason == "skin check"
    assert timer.records[0].worked == timedelta(minutes=6)
    assert timer.skin[0].answer == "stop"
