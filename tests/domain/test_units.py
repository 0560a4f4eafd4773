"""Amounts, temperatures and lengths of time as the user reads them."""

from __future__ import annotations


def test_minutes_words_takes_the_singular_for_exactly_one() -> None:
    from companion.domain.units import minutes_words

    assert minutes_words(1) == "1 minute"
    assert minutes_words(1.0) == "1 minute"
    assert minutes_words(2) == "2 minutes"
    assert minutes_words(1.5) == "1.5 minutes"
    assert minutes_words(0.5) == "0.5 minutes"


def test_one_formatter_for_amounts_writes_thousands_the_same_everywhere() -> None:
    from companion.domain.units import METRIC, Units, VolumeUnit

    assert METRIC.amount(2000) == "2,000 mL"
    assert METRIC.amount(250) == "250 mL"
    assert Units(volume=VolumeUnit.FLUID_OUNCES).amount(2000) == "67.6 fl oz"


def test_timer_phases_say_minutes_and_degrees_with_their_unit() -> None:
    from companion.domain.therapy_timer import build_plan
    from companion.domain.units import METRIC, TemperatureUnit, Units
    from companion.resources import load_protocols

    bounds = load_protocols()
    ice = build_plan("ice", {"minutes": 1}, bounds, METRIC)
    assert ice.phases[0].say == "Ice on for 1 minute."
    contrast = build_plan("contrast", {"preset": "1-1x3"}, bounds, METRIC)
    hot, cold = contrast.phases[0].say, contrast.phases[1].say
    assert hot.startswith("Hot water, about 38 °C, for 1 minute.")
    assert cold.startswith("Cold water, about 13 °C, for 1 minute.")
    us = build_plan("contrast", {}, bounds, Units(temperature=TemperatureUnit.FAHRENHEIT))
    assert "about 100 °F, for 3 minutes" in us.phases[0].say
    for plan in (ice, contrast, us):
        for phase in plan.phases:
            assert "degrees" not in phase.say
            assert " 1 minutes" not in phase.say


def test_counted_words_have_an_english_singular() -> None:
    from companion.domain.translatable import english

    assert english("Today", "All %n question(s) answered", None, 1) == "1 question answered"
    assert english("Today", "All %n question(s) answered", None, 24) == "All 24 questions answered"
    assert english("Today", "%n minute(s)", None, 1) == "1 minute"
    assert english("TherapyTimer", "%n minute(s) in all", None, 1) == "1 minute in all"
    one = english("RoutineEditor", "%n movement(s) in %s s", None, 1) % 40
    assert one == "1 movement in 40 s"
