"""Every main screen in light, dark and both high-contrast variants, small and large.

Saves PNGs (to $COMPANION_SHOTS, or the test's folder) for people to look at, and
checks a few pixels: the window's background and the focus ring on the main button.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton

from companion.resources import load_routines
from companion.ui.routines.player import RoutinePlayerView
from companion.ui.theme import Scheme, palette_colours, sheet_colours
from tests.helpers.clock import FakeClock
from tests.ui.conftest import MakeApp

VARIANTS = [(s, hc) for hc in (False, True) for s in (Scheme.LIGHT, Scheme.DARK)]
SIZES = {"min": QSize(720, 480), "large": QSize(1400, 950)}
SECTIONS = ["today", "routines", "reminders", "history", "settings"]


def variant_name(scheme: Scheme, high_contrast: bool) -> str:
    return f"{'hc-' if high_contrast else ''}{scheme.value}"


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("COMPANION_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pixel(image: QImage, point: QPoint) -> str:
    return QColor(image.pixel(point)).name()


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_main_screens_take_the_variants_colours(
    make_app: MakeApp, tmp_path: Path, scheme: Scheme, high_contrast: bool
) -> None:
    companion = make_app()
    companion.theme.apply(scheme, high_contrast)
    window = companion.window
    folder = shots_dir(tmp_path)
    name = variant_name(scheme, high_contrast)
    window_colour = palette_colours(scheme, high_contrast)[next(iter(palette_colours(scheme)))]
    for size_name, size in SIZES.items():
        window.resize(size)
        for section in SECTIONS:
            window.show_section(section)
            image = window.grab().toImage()
            image.save(str(folder / f"{section}_{name}_{size_name}.png"))
            page = window.page(section)
            corner = page.mapTo(window, QPoint(2, page.height() - 2))
            assert pixel(image, corner) == window_colour, (section, size_name)
    companion.theme.apply(Scheme.LIGHT, False)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_main_buttons_focus_ring_shows(
    make_app: MakeApp, qtbot, scheme: Scheme, high_contrast: bool
) -> None:
    """The ring on the green main button is a colour of its own, not the button's fill."""
    companion = make_app()
    companion.theme.apply(scheme, high_contrast)
    window = companion.window
    window.resize(SIZES["large"])
    window.show_section("routines")
    page = window.page("routines")
    primary = next(b for b in page.findChildren(QPushButton) if b.objectName() == "PrimaryButton")
    colours = sheet_colours(scheme, high_contrast)
    edge = QPoint(1, primary.height() // 2)
    before = pixel(primary.grab().toImage(), edge)
    primary.setFocus()
    qtbot.waitUntil(primary.hasFocus)
    after = pixel(primary.grab().toImage(), edge)
    assert before == colours["primary_border"]
    assert after == colours["primary_focus"] != before
    companion.theme.apply(Scheme.LIGHT, False)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_player_in_each_variant(
    qtbot, tmp_path: Path, clock: FakeClock, make_app: MakeApp, scheme: Scheme, high_contrast: bool
) -> None:
    companion = make_app(show=False)
    companion.theme.apply(scheme, high_contrast)
    routine = load_routines().get("calves_and_shins")
    view = RoutinePlayerView(routine.name, routine.steps, clock)
    view.ticker.stop()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    folder = shots_dir(tmp_path)
    for size_name, size in {"min": QSize(800, 700), "large": QSize(1400, 950)}.items():
        view.resize(size)
        image = view.grab().toImage()
        image.save(str(folder / f"player_{variant_name(scheme, high_contrast)}_{size_name}.png"))
        assert image.width() == size.width()
    view.close()
    companion.theme.apply(Scheme.LIGHT, False)
