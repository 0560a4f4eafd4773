"""The History service's chart content as the chart widgets' models.

``companion.services.history`` says what each chart shows (it cannot import the
charts, which are ui); this copies it, field by field, into ``LineChartModel``
and ``BarChartModel``. A field the service leaves unset (None) keeps the
chart's own default. No rules here.
"""

from __future__ import annotations

from typing import Any

from companion.services.history import SorenessChart, WaterChart
from companion.ui.charts import (
    Band,
    Bar,
    BarChartModel,
    Highlight,
    LineChartModel,
    Marker,
    Series,
)


def line_model(chart: SorenessChart) -> LineChartModel:
    optional: dict[str, Any] = {}
    if chart.empty_text is not None:
        optional["empty_text"] = chart.empty_text
    if chart.gap is not None:
        optional["gap"] = chart.gap
    return LineChartModel(
        title=chart.title,
        x_range=chart.x_range,
        x_ticks=chart.x_ticks,
        y_label=chart.y_label,
        series=tuple(Series(s.name, s.points, s.style, s.role, s.dashed) for s in chart.series),
        bands=tuple(Band(b.label, b.points) for b in chart.bands),
        markers=tuple(Marker(m.x, m.kind, m.label) for m in chart.markers),
        highlights=tuple(Highlight(h.x0, h.x1, h.label) for h in chart.highlights),
        description=chart.description,
        x_names=chart.x_names,
        **optional,
    )


def bar_model(chart: WaterChart) -> BarChartModel:
    return BarChartModel(
        title=chart.title,
        x_range=chart.x_range,
        bars=tuple(Bar(b.x, b.value, b.label, b.met) for b in chart.bars),
        goal=chart.goal,
        y_max=chart.y_max,
        x_ticks=chart.x_ticks,
        unit=chart.unit,
        empty_text=chart.empty_text,
        description=chart.description,
    )
