"""Therapy timers: plans within the limits, and phases kept to the clock."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.therapy_timer import (
    CONTRAST_PRESETS,
    PhaseTimer,
    Temp,
    TimerRefusedError,
    build_plan,
    plan_cold_bath,
    plan_contrast,
    plan_heat,
    plan_ice,
    plan_warm_bath,
    skin_checks,
)
from companion.resources import load_protocols

START = datetime(2026, 6, 15, 18, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


def test_contrast_ends_on_cold_and_every_preset_is_allowed(bounds):
    plan = plan_contrast(bounds)
    assert [p.temp for p in plan.phases] == [Temp.HOT, Temp.COLD] * 3
    assert plan.total_s == 12 * 60
    assert "last one" in plan.phases[-1].say
    for preset in CONTRAST_PRESETS:
        made = plan_contrast(bounds, preset.hot_min, preset.cold_min, preset.cycles)
        assert made.phases[-1].temp is Temp.COLD
        assert 6 * 60 <= made.total_s <= 20 * 60


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda b: plan_ice(b, 25), "above the safe limit of 20 min"),
        (lambda b: plan_ice(b, 15, region="knee"), "above the safe limit of 10 min"),
        (lambda b: plan_contrast(b, 4, 1, 5), "Whole contrast session: 25 min"),
        (lambda b: plan_contrast(b, hot_c=42), "above the safe limit of 40 °C"),
        (lambda b: plan_contrast(b, cold_c=8), "below the safe minimum of 10 °C"),
        (lambda b: plan_contrast(b, cycles=0), "at least one"),
        (lambda b: plan_cold_bath(b, 20), "above the safe limit of 15 min"),
        (lambda b: plan_cold_bath(b, 10, 8), "below the safe minimum of 10 °C"),
        (lambda b: plan_warm_bath(b, 20, 39), "above the safe limit of 15 min"),
        (lambda b: plan_warm_bath(b, 20, 41), "above the safe limit of 40 °C"),
        (lambda b: plan_warm_bath(b, 35, 37), "above the safe limit of 30 min"),
        (lambda b: plan_heat(b, 40), "above the safe limit of 30 min"),
    ],
)
def test_hard_limits_refuse_with_the_reason(bounds, make, words):
    with pytest.raises(TimerRefusedError, match=words):
        make(bounds)


def test_outside_the_usual_range_is_allowed_after_asking(bounds):
    plan = plan_heat(bounds, 25)
    assert plan.to_confirm and "above the usual 20 min" in plan.to_confirm[0]
    assert not plan_heat(bounds, 20).to_confirm


def test_the_intermittent_ice_variant_is_ten_off_ten(bounds):
    plan = plan_ice(bounds, intermittent=True)
    assert [(p.name, p.seconds) for p in plan.phases] == [
        ("Ice on", 600),
        ("Ice off", 600),
        ("Ice on", 600),
    ]
    assert skin_checks(plan) == (300, 1500)  # not while the ice is off


def test_skin_checks_every_five_minutes_of_cold_or_heat(bounds):
    assert skin_checks(plan_heat(bounds, 20)) == (300, 600, 900)
    assert skin_checks(plan_contrast(bounds)) == ()  # no phase lasts 5 minutes


def test_thermometer_prompt_names_the_limits(bounds):
    assert "never below 10 °C" in plan_cold_bath(bounds).before
    assert "never above 40 °C" in plan_warm_bath(bounds).before


def test_remaining_is_deadline_minus_now_and_late_ticks_carry_over(bounds):
    timer = PhaseTimer(plan_contrast(bounds), START)
    assert timer.remaining(START + timedelta(seconds=10)) == timedelta(minutes=3, seconds=-10)
    late = START + timedelta(minutes=3, seconds=2)  # the tick came 2 s late
    began = timer.tick(late)
    assert [p.name for p in began] == ["Cold"]
    assert timer.remaining(late) == timedelta(seconds=58)  # not a fresh 60
    assert timer.records[0].worked == timedelta(minutes=3)


def test_a_long_sleep_of_the_machine_passes_every_phase_once(bounds):
    timer = PhaseTimer(plan_contrast(bounds), START)
    began = timer.tick(START + timedelta(hours=1))
    assert len(began) == 5
    assert timer.ended_at == START + timedelta(minutes=12)
    assert timer.outcome == "completed"
    assert [r.worked for r in timer.records] == [timedelta(minutes=m) for m in (3, 1) * 3]


def test_pause_resume_skip_and_stop(bounds):
    timer = PhaseTimer(plan_heat(bounds, 20), START)
    timer.pause(START + timedelta(minutes=5))
    assert timer.remaining(START + timedelta(minutes=9)) == timedelta(minutes=15)
    timer.resume(START + timedelta(minutes=10))
    assert timer.remaining(START + timedelta(minutes=10)) == timedelta(minutes=15)
    assert timer.elapsed(START + timedelta(minutes=12)) == timedelta(minutes=7)
    timer.stop(START + timedelta(minutes=12))
    assert timer.outcome == "stopped"
    assert timer.records[0].worked == timedelta(minutes=7)
    contrast = PhaseTimer(plan_contrast(bounds), START)
    assert contrast.skip(START + timedelta(seconds=30)).name == "Cold"
    assert contrast.records[0].worked == timedelta(seconds=30)
    assert contrast.remaining(START + timedelta(seconds=30)) == timedelta(minutes=1)


@pytest.mark.parametrize("cold", [0, -1, -0.5])
def test_a_contrast_phase_of_no_time_is_refused_before_the_ratio_is_worked_out(bounds, cold):
    with pytest.raises(TimerRefusedError, match="The cold phase must last more than 0 minutes"):
        plan_contrast(bounds, 3, cold, 3)
    with pytest.raises(TimerRefusedError, match="The hot phase must last more than 0 minutes"):
        plan_contrast(bounds, cold, 1, 3)


@pytest.mark.parametrize(
    ("kind", "options", "words"),
    [
        ("contrast", {"cold_min": 0}, "The cold phase must last more than 0 minutes, not 0."),
        ("contrast", {"cold_min": -2}, "The cold phase must last more than 0 minutes, not -2."),
        ("contrast", {"hot_min": 0}, "The hot phase must last more than 0 minutes, not 0."),
        ("contrast", {"hot_min": 0, "cold_min": 0}, "The hot phase must last more than 0"),
        ("ice", {"minutes": 0}, "The timer must last more than 0 minutes, not 0."),
        ("ice", {"minutes": -5, "intermittent": True}, "more than 0 minutes, not -5."),
        ("cold-bath", {"minutes": 0}, "The timer must last more than 0 minutes"),
        ("warm-bath", {"minutes": -1}, "The timer must last more than 0 minutes, not -1."),
        ("heat", {"minutes": 0.0}, "The timer must last more than 0 minutes"),
        ("contrast", {"cycles": float("inf")}, "cycles must be a whole number, not inf."),
        ("contrast", {"cycles": 2.5}, "cycles must be a whole number, not 2.5."),
    ],
)
def test_build_plan_refuses_no_time_or_less_for_every_timer(bounds, kind, options, words):
    with pytest.raises(TimerRefusedError) as refused:
        build_plan(kind, options, bounds)
    assert words in str(refused.value)


def test_each_timer_runs_one_of_the_plans_therapies():
    from companion.domain.therapy import Therapy
    from companion.domain.therapy_timer import TimerKind

    assert sorted(k.therapy for k in TimerKind) == sorted(Therapy)
