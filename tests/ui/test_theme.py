"""Changing the theme walks every widget: nothing may be deleted under Qt's feet meanwhile."""

from __future__ import annotations

import gc
import re

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from companion.resources import ResourceNotFoundError, style_path, style_sheet
from companion.ui.theme import ACCENT, Scheme, Theme, collector_paused, stylesheet


class Busy(QWidget):
    """Handles its change events in Python and allocates there, as the app's widgets do."""

    def event(self, event):
        garbage: list[list[object]] = [[] for _ in range(50)]
        for item in garbage:
            item.append(garbage)  # cycles: enough allocation to run the collector
        return super().event(event)


# Set before the collector is switched back on: changing a class attribute allocates,
# which would run the collector too early.
WALK = {"walking": 0, "died": 0}


class Forgotten(QWidget):
    """A closed window nothing refers to: only the collector deletes it (and its C++)."""

    def __del__(self):
        WALK["died"] += WALK["walking"]


def forget_some(count: int = 100) -> None:
    for _ in range(count):
        window = Forgotten()
        QLabel("text", window)
        window.cycle = window  # type: ignore[attr-defined]


def alive() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Forgotten)


def deaths_during_a_paused_walk(app: QApplication) -> int:
    busy = [Busy() for _ in range(30)]
    for widget in busy:
        widget.show()
    app.setStyleSheet("QWidget { color: #654321; }")  # the walk below is a re-polish
    sheet = "QWidget { color: #123456; }"
    threshold = gc.get_threshold()
    gc.disable()
    forget_some()
    WALK["died"] = WALK["walking"] = 0
    gc.set_threshold(1_000_000)  # nothing is collected before the walk starts
    gc.enable()
    try:
        with collector_paused():
            gc.set_threshold(10)  # a collection on nearly every allocation, if enabled
            assert alive() == 100  # garbage waiting to be deleted as the walk starts
            WALK["walking"] = 1
            app.setStyleSheet(sheet)
            WALK["walking"] = 0  # before the pause ends and the collector catches up
    finally:
        WALK["walking"] = 0
        gc.set_threshold(*threshold)
        app.setStyleSheet("")
        for widget in busy:
            widget.deleteLater()
    gc.collect()
    assert alive() == 0
    return WALK["died"]


def test_with_the_pause_nothing_is_deleted_during_the_walk(qapp):
    # Without it (the same walk, unpaused: measured while writing this), all 100 forgotten
    # windows were deleted in the middle of the walk, Qt's use-after-free that crashed one
    # test run. That variant is not a test: it would be the crash it describes.
    assert deaths_during_a_paused_walk(qapp) == 0


def test_applying_a_theme_pauses_the_collector_and_turns_it_back_on(qapp, monkeypatch):
    seen: list[bool] = []
    original = QApplication.setStyleSheet

    def spy(app, sheet):
        seen.append(gc.isenabled())
        original(app, sheet)

    monkeypatch.setattr(QApplication, "setStyleSheet", spy)
    theme = Theme(qapp, follow_system=False, choice="light")
    theme.apply(Scheme.DARK)
    assert seen and not any(seen)
    assert gc.isenabled()
    theme.apply(Scheme.LIGHT)  # leave the session's application as other tests expect


def test_the_style_sheets_come_from_resources_with_every_placeholder_filled(qapp):
    """The QSS lives in resources/styles; the theme fills in every colour of both schemes."""
    light, dark = stylesheet(Scheme.LIGHT), stylesheet(Scheme.DARK)
    for sheet in (light, dark):
        assert "$" not in sheet
        assert re.search(r"#Sidebar \{ background: #[0-9a-f]{6};", sheet)
    assert ACCENT[Scheme.DARK] in dark and ACCENT[Scheme.LIGHT] in light
    assert light != dark
    assert "$" not in style_sheet("guide")
    link = style_sheet("guide-link", {"colour": "#123456", "focus": "#654321"})
    assert "color: #123456;" in link and "2px solid #654321;" in link
    with pytest.raises(KeyError, match=r"guide-link.qss needs a value for \$focus"):
        style_sheet("guide-link", {"colour": "#123456"})
    with pytest.raises(ResourceNotFoundError, match="known: app, guide, guide-link, high-contrast"):
        style_path("nope")
