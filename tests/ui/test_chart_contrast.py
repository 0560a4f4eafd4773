"""The charts' colours in high contrast: a day below the water goal is a bar of 3:1 or
more against the chart's base (WCAG 1.4.11, non-text contrast), light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from companion.ui.charts.colours import chart_colours
from companion.ui.theme import Scheme, build_palette


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_bars_below_the_goal_stand_out_from_the_base_in_high_contrast(qapp, scheme):
    colours = chart_colours(build_palette(scheme, high_contrast=True))
    assert colours.dark is (scheme is Scheme.DARK)
    assert ratio(colours.bar_unmet, colours.base) >= 3.0
    assert ratio(colours.bar_met, colours.base) >= 3.0
    # and the two kinds of bar are told apart by more than their hue
    assert ratio(colours.bar_met, colours.bar_unmet) >= 1.5


def test_without_high_contrast_the_bars_below_the_goal_stay_quiet(qapp):
    light = chart_colours(build_palette(Scheme.LIGHT))
    strong = chart_colours(build_palette(Scheme.LIGHT, high_contrast=True))
    assert ratio(light.bar_unmet, light.base) < ratio(strong.bar_unmet, strong.base)
