"""High contrast chosen by the user (for desktops that report no contrast setting)."""

from __future__ import annotations

from companion.domain.preferences import (
    Preferences,
    ThemeChoice,
    parse_setting,
    read_preferences,
)
from companion.ui.theme import Scheme, Theme, parse_choice


def test_the_high_contrast_choices_are_preferences_that_round_trip():
    for choice in (ThemeChoice.HIGH_CONTRAST_LIGHT, ThemeChoice.HIGH_CONTRAST_DARK):
        saved = Preferences(theme=choice).to_dict()
        assert read_preferences(saved).preferences.theme is choice
    assert parse_setting("theme", ["high-contrast-dark"], Preferences()) == {
        "theme": ThemeChoice.HIGH_CONTRAST_DARK
    }


def test_each_choice_is_one_the_theme_understands():
    assert parse_choice(ThemeChoice.HIGH_CONTRAST_DARK.value) == (Scheme.DARK, True)
    assert parse_choice(ThemeChoice.HIGH_CONTRAST_LIGHT.value) == (Scheme.LIGHT, True)
    for choice in ThemeChoice:
        parse_choice(choice.value)  # no ValueError for any choice Settings can save


def test_choosing_high_contrast_applies_it(qapp):
    theme = Theme(qapp, choice="light")
    seen: list[str] = []
    theme.changed.connect(seen.append)
    try:
        theme.follow(ThemeChoice.HIGH_CONTRAST_DARK.value)
        assert seen and theme.scheme is Scheme.DARK
        assert "high-contrast" in qapp.styleSheet() or qapp.palette().window().color().value() < 20
    finally:
        theme.follow("light")
