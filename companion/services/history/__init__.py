"""History: what the History screen shows, read from storage and worded once. No Qt.

``HistoryService`` reads a period of the history (check-ins, activities, mornings,
water, routines and treatments), runs the history rules over it
(``companion.domain.history``) and returns what the screen shows: the soreness
charts' content, the body map's days, a card per sore spell, adherence and water
against the goal, and the activity log, each with its sentences.

Every sentence goes through a ``Translate`` function called with literal text,
so pyside6-lupdate files it under "HistoryPresenter" (the context the screen's
sentences have always had; the typical band's label is "history" and a cause's
"Cause"): the window passes ``QCoreApplication.translate``, anything without Qt
the default ``english``.

The package:

- ``buckets``: how finely a period is charted (by day, week or month: one rule);
- ``grouped``: soreness and what was logged, week by week or month by month;
- ``views``: the results as plain data (``Period``, the charts' content
  ``SorenessChart`` and ``WaterChart`` with their pieces, ``RegionView``,
  ``EpisodeCard``), the periods offered (``RANGES``) and the date words;
- ``soreness``: the soreness charts and their summaries (``SorenessCharts``);
- ``spells``: the body map's day in words and the sore spells' cards;
- ``habits``: adherence, water against the goal, the activity log;
- ``routines``: routine runs in words (how far a run got, how each region felt after);
- ``service``: ``HistoryService``, the reads and what is kept between them.
"""

from __future__ import annotations

from companion.services.history.buckets import DAILY_UP_TO, WEEKLY_UP_TO, Grain, grain_for
from companion.services.history.habits import WEEKLY_BARS_AFTER
from companion.services.history.service import (
    ACTIVITY_PAGE,
    EPISODE_LOOKBACK,
    ROUTINE_MARKERS_UP_TO,
    RUNS_LISTED,
    SHOWN_AT_LEAST,
    ActivityPage,
    HistoryService,
)
from companion.services.history.soreness import BANDS_UP_TO, DOMS_CAUSES
from companion.services.history.views import (
    DEFAULT_RANGE,
    RANGES,
    ChartBand,
    ChartHighlight,
    ChartMarker,
    ChartSeries,
    EpisodeCard,
    Period,
    RegionView,
    SorenessChart,
    WaterBar,
    WaterChart,
    day_month,
    weekday_day_month,
)

__all__ = [
    "ACTIVITY_PAGE",
    "BANDS_UP_TO",
    "DAILY_UP_TO",
    "DEFAULT_RANGE",
    "DOMS_CAUSES",
    "EPISODE_LOOKBACK",
    "RANGES",
    "ROUTINE_MARKERS_UP_TO",
    "RUNS_LISTED",
    "SHOWN_AT_LEAST",
    "WEEKLY_BARS_AFTER",
    "WEEKLY_UP_TO",
    "ActivityPage",
    "ChartBand",
    "ChartHighlight",
    "ChartMarker",
    "ChartSeries",
    "EpisodeCard",
    "Grain",
    "HistoryService",
    "Period",
    "RegionView",
    "SorenessChart",
    "WaterBar",
    "WaterChart",
    "day_month",
    "grain_for",
    "weekday_day_month",
]
