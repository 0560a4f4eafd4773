"""Line and bar charts for the History screen, painted with QPainter in the palette's colours.

What to draw is plain data: frozen dataclasses with no Qt in them (``Series``,
``Band``, ``Marker``, ``Highlight``, ``LineChartModel``, ``Bar``,
``BarChartModel``), built by a presenter and handed to ``LineChart.set_model``
or ``BarChart.set_model``. The widgets paint them; they hold no rules.

The package, data first (the first four import no PySide6; tests/test_layering.py
imports them with no Qt loaded):

- ``model``: the models, the marker vocabulary (from the domain's treatment and
  activity names) and the legend's entries;
- ``axes``: tick steps, number formatting, which labels fit, the cursor's x names;
- ``data``: a series sorted, culled to the x range and split at gaps; which
  points are drawn once in pixels; a band culled to the range;
- ``markers``: event markers gathered into columns and rows under the plot;
- ``colours``, ``glyphs``, ``frame``, ``chrome``: palette colours, marker
  glyphs and their sprites, the pixel layout, what both charts paint around
  their data;
- ``base``: the shared widget (layout, keyboard cursor, tooltips, focus frame);
  ``line_geometry`` and ``line_chart``, ``bar_chart``: the two charts.

Importing this package loads only the Qt-free modules; the widgets (and Qt)
load on first use of one of their names.

Speed: ``set_model`` sorts, culls to the visible x range and splits lines at
gaps once. The pixel geometry (polylines in short pieces, points, marker
glyphs, bars) is built once per widget size and font; the line chart's data
is then painted once into a pixmap per size and palette, so hovering, the
cursor and focus repaint in about a millisecond. With more points than pixel
columns a line keeps the first, lowest, highest and last point of each
2-pixel column and points keep one per 2-pixel cell: what is drawn looks the
same and years of data draw about as fast as a fortnight.

Keyboard: Tab into a chart; Left and Right step a cursor between the x
positions that have data (Home and End jump to the ends, Escape hides it).
The values at the cursor show in a small label inside the chart and lead the
accessible description. Hovering a marker or a bar shows its label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from companion.ui.charts.axes import format_number, nice_ticks, thin_labels
from companion.ui.charts.model import (
    MARKER_KINDS,
    MARKER_NAMES,
    NOTHING_LOGGED,
    ROLES,
    STYLES,
    Band,
    Bar,
    BarChartModel,
    Highlight,
    LineChartModel,
    Marker,
    Series,
    SeriesStyle,
)

if TYPE_CHECKING:
    from companion.ui.charts.bar_chart import BarChart
    from companion.ui.charts.colours import ChartColours, chart_colours
    from companion.ui.charts.glyphs import glyph_parts
    from companion.ui.charts.line_chart import LineChart

# The names from modules that import Qt, loaded when first asked for: name -> module.
WIDGET_NAMES = {
    "BarChart": "bar_chart",
    "ChartColours": "colours",
    "LineChart": "line_chart",
    "chart_colours": "colours",
    "glyph_parts": "glyphs",
}

__all__ = [
    "MARKER_KINDS",
    "MARKER_NAMES",
    "NOTHING_LOGGED",
    "ROLES",
    "STYLES",
    "Band",
    "Bar",
    "BarChart",
    "BarChartModel",
    "ChartColours",
    "Highlight",
    "LineChart",
    "LineChartModel",
    "Marker",
    "Series",
    "SeriesStyle",
    "chart_colours",
    "format_number",
    "glyph_parts",
    "nice_ticks",
    "thin_labels",
]


def __getattr__(name: str) -> Any:
    """The widget names, imported (with Qt) when first used; each import is spelt out,
    never built from a string (tests/test_security.py checks that)."""
    module = WIDGET_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module == "bar_chart":
        from companion.ui.charts import bar_chart  # noqa: PLC0415

        value = getattr(bar_chart, name)
    elif module == "colours":
        from companion.ui.charts import colours  # noqa: PLC0415

        value = getattr(colours, name)
    elif module == "line_chart":
        from companion.ui.charts import line_chart  # noqa: PLC0415

        value = getattr(line_chart, name)
    else:
        from companion.ui.charts import glyphs  # noqa: PLC0415

        value = getattr(glyphs, name)
    globals()[name] = value
    return value
