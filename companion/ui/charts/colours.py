"""What a chart paints with: colours from the widget's palette and its lightness."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from companion.ui.charts.model import BATH, HEAT, ICE, LEG_DAY, OTHER, ROUTINE, RUN
from companion.ui.theme import variant_of


@dataclass(frozen=True)
class ChartColours:
    """What a chart paints with, from the widget's palette and its lightness."""

    dark: bool
    text: QColor
    muted: QColor
    grid: QColor
    axis: QColor
    base: QColor
    accent: QColor
    roles: dict[str, QColor]
    markers: dict[str, QColor]
    band: QColor
    band_edge: QColor
    highlight: QColor
    highlight_edge: QColor
    bar_met: QColor
    bar_unmet: QColor


# Role and marker colours chosen to read on the light base (#ffffff) and the dark one (#242a28).
# (Contrast has no colour of its own: its glyph is half heat, half ice. Routines take the accent.)
ROLE_HEX = {
    False: {"secondary": "#7048b8", "left": "#2563b0", "right": "#c4561b", "muted": "#7d8a85"},
    True: {"secondary": "#b79cf2", "left": "#78aef0", "right": "#f09a5b", "muted": "#93a09a"},
}
MARKER_HEX = {
    False: {
        ICE: "#1f78c8",
        HEAT: "#d9661f",
        BATH: "#13879a",
        RUN: "#b5336f",
        LEG_DAY: "#8a6a12",
        OTHER: "#6b7772",
    },
    True: {
        ICE: "#7cc0f5",
        HEAT: "#f5a05a",
        BATH: "#5fd0e0",
        RUN: "#f08abd",
        LEG_DAY: "#d8b75a",
        OTHER: "#a3b0aa",
    },
}


# A day below the goal: quiet beside the accent, but in high contrast 3:1 or more on the
# base (WCAG's non-text contrast), as tests/ui/test_chart_contrast.py checks.
BAR_UNMET_HEX = {
    (False, False): "#b4bfba",
    (True, False): "#56625e",
    (False, True): "#5f6b66",
    (True, True): "#8a9691",
}


def chart_colours(palette: QPalette) -> ChartColours:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    high_contrast = variant_of(palette)[1]
    highlight = palette.color(QPalette.ColorRole.Highlight)
    # The palette's highlight carries white text, so in dark schemes it is too deep for a line.
    accent = highlight.lighter(140) if dark else highlight
    mid = palette.color(QPalette.ColorRole.Mid)
    roles = {"primary": accent} | {k: QColor(v) for k, v in ROLE_HEX[dark].items()}
    markers = {ROUTINE: accent} | {k: QColor(v) for k, v in MARKER_HEX[dark].items()}
    return ChartColours(
        dark=dark,
        text=palette.color(QPalette.ColorRole.Text),
        muted=palette.color(QPalette.ColorRole.PlaceholderText),
        grid=palette.color(QPalette.ColorRole.Midlight),
        axis=mid.lighter(135) if dark else mid.darker(110),
        base=palette.color(QPalette.ColorRole.Base),
        accent=accent,
        roles=roles,
        markers=markers,
        band=QColor(168, 186, 206, 46) if dark else QColor(96, 118, 140, 40),
        band_edge=QColor(168, 186, 206, 110) if dark else QColor(96, 118, 140, 100),
        highlight=QColor(238, 178, 60, 44) if dark else QColor(240, 168, 30, 52),
        highlight_edge=QColor(238, 178, 60, 150) if dark else QColor(214, 140, 10, 170),
        bar_met=accent,
        bar_unmet=QColor(BAR_UNMET_HEX[dark, high_contrast]),
    )
