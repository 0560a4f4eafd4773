"""The soreness charts and their sentences: a region by calendar day, left against
right, and hours since the activity. No PySide6 here.

``SorenessCharts`` words them for one period; the service gives it what it read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from companion.domain.checkin import Cause
from companion.domain.clock import elapsed
from companion.domain.history import (
    BAND_END_H,
    BAND_LABEL,
    LEFT_RIGHT_GAP,
    Episode,
    Reading,
    band_points,
    left_right,
    moving_average,
    summarise,
)
from companion.domain.regions import RegionCatalog
from companion.domain.translatable import Translate
from companion.services.history.buckets import BucketIndex, Grain, buckets, grain_for
from companion.services.history.grouped import GAP_BUCKETS, grouped
from companion.services.history.views import (
    ChartBand,
    ChartHighlight,
    ChartMarker,
    ChartSeries,
    Period,
    RegionView,
    SorenessChart,
    day_month,
    weekday_day_month,
)
from companion.storage.history import Event

BANDS_UP_TO = 91  # days: longer periods draw the typical course only since the activity
DOMS_CAUSES = frozenset({Cause.RUN, Cause.LEG_DAY, Cause.UNKNOWN})


@dataclass(frozen=True)
class SorenessCharts:
    """The soreness charts of one period, worded with ``translate``."""

    period: Period
    zone: tzinfo
    today: date
    regions: RegionCatalog
    translate: Translate
    so_far: str = ""  # "3 days so far: ..." when the history is shorter than the range

    # -- by calendar day ------------------------------------------------------------------
    def by_day(
        self,
        ids: tuple[str, ...],
        readings: Sequence[Reading],
        events: Sequence[Event],
        episodes: Sequence[Episode],
    ) -> RegionView:
        """The region's ratings over the period (the sorer side's, for a pair), with what
        was logged on the same timeline, and left against right for a pair."""
        translate = self.translate
        period, zone = self.period, self.zone
        # Calendar days: the sorer side's line, or the one region.
        by_region = {rid: [r for r in readings if r.region_id == rid] for rid in ids}
        main = max(ids, key=lambda rid: max((r.on_movement for r in by_region[rid]), default=-1))
        mine = by_region[main]
        label = self.regions.get(main).display_name
        summary = self.summary(label, [(r.day, r.on_movement) for r in mine], mine)
        if self.so_far:
            summary += " " + self.so_far
        grain = grain_for(period.days)
        if grain is Grain.DAY:
            markers = tuple(ChartMarker(period.x(e.at, zone), e.kind, e.label) for e in events)
            move = [(period.x(r.at, zone), float(r.on_movement)) for r in mine]
            rest = [(period.x(r.at, zone), float(r.at_rest)) for r in mine]
            series = self.series(move, rest, translate("HistoryPresenter", "%s, 3-day average"))
            title = translate("HistoryPresenter", "%s: soreness by day") % label
            x_names: tuple[tuple[float, str], ...] = ()
            gap = None
            bands = self.calendar_bands(main, episodes)
        else:
            found = grouped(buckets(period, grain), mine, events, zone, translate)
            series, markers, x_names, gap = found.series, found.markers, found.x_names, found.gap
            title = (
                translate("HistoryPresenter", "%s: soreness week by week")
                if grain is Grain.WEEK
                else translate("HistoryPresenter", "%s: soreness month by month")
            ) % label
            bands = ()
        chart = SorenessChart(
            title=title,
            x_range=(0.0, float(period.days)),
            x_ticks=period.ticks(),
            y_label=self.axis(),
            series=series,
            bands=bands,
            markers=markers,
            description=summary,
            empty_text=translate("HistoryPresenter", "No ratings for this region in this period."),
            gap=gap,
            x_names=x_names,
        )
        sides, sides_summary = self.sides(ids, by_region)
        return RegionView(chart, sides, summary, sides_summary)

    def axis(self) -> str:
        return self.translate("HistoryPresenter", "Soreness 0-10")

    def series(
        self,
        move: Sequence[tuple[float, float]],
        rest: Sequence[tuple[float, float]],
        average: str,
    ) -> tuple[ChartSeries, ...]:
        """Ratings on movement and at rest as points, each with ``average`` (a "%s, ..." line)."""
        moving = self.translate("HistoryPresenter", "On movement")
        resting = self.translate("HistoryPresenter", "At rest")
        return (
            ChartSeries(moving, tuple(move), "points", "primary"),
            ChartSeries(average % moving, moving_average(move), "line", "primary"),
            ChartSeries(resting, tuple(rest), "points", "secondary"),
            ChartSeries(average % resting, moving_average(rest), "line", "secondary", True),
        )

    def summary(
        self, label: str, points: Sequence[tuple[date, int]], mine: Sequence[Reading | LastRating]
    ) -> str:
        """The latest ratings and how they changed, in a sentence."""
        translate = self.translate
        if not points:
            return translate("HistoryPresenter", "%s: nothing rated in this period.") % label
        summary = summarise(points, self.today)
        last = mine[-1]
        text = translate("HistoryPresenter", "%s: %d/10 on movement and %d/10 at rest on %s") % (
            label,
            summary.latest,
            last.at_rest,
            weekday_day_month(last.day),
        )
        if summary.words:
            text += f", {summary.words}"
        return text + "."

    def sides(
        self, ids: tuple[str, ...], by_region: dict[str, list[Reading]]
    ) -> tuple[SorenessChart | None, str]:
        """Left against right on movement, for a pair rated on the same days."""
        translate = self.translate
        if len(ids) != 2:
            return None, ""
        left_id, right_id = sorted(ids, key=lambda rid: not rid.endswith("_L"))
        pairs = left_right(
            [(r.day, r.on_movement) for r in by_region[left_id]],
            [(r.day, r.on_movement) for r in by_region[right_id]],
        )
        if not pairs:
            return None, ""
        first = self.period.first

        def x(day: date) -> float:
            return (day - first).days + 0.5

        left = tuple((x(p.day), float(p.left)) for p in pairs if p.left is not None)
        right = tuple((x(p.day), float(p.right)) for p in pairs if p.right is not None)
        wide = [p for p in pairs if p.gap >= LEFT_RIGHT_GAP]
        grain = grain_for(self.period.days)
        gap: float | None = None
        if grain is Grain.DAY:
            highlights = tuple(
                ChartHighlight(
                    x(p.day) - 0.5,
                    x(p.day) + 0.5,
                    translate("HistoryPresenter", "%s: %n point(s) apart", None, p.gap)
                    % day_month(p.day),
                )
                for p in wide
            )
        else:  # each side's highest of the week (or month); a span shaded if a day was wide
            spans = buckets(self.period, grain)
            index = BucketIndex(spans)
            tops: dict[int, list[int]] = {}
            for p in pairs:
                i = index.of(p.day)
                if i is not None:
                    top = tops.setdefault(i, [-1, -1])
                    top[0] = max(top[0], -1 if p.left is None else p.left)
                    top[1] = max(top[1], -1 if p.right is None else p.right)
            left = tuple((spans[i].x, float(t[0])) for i, t in sorted(tops.items()) if t[0] >= 0)
            right = tuple((spans[i].x, float(t[1])) for i, t in sorted(tops.items()) if t[1] >= 0)
            widest: dict[int, int] = {}
            for p in wide:
                i = index.of(p.day)
                if i is not None:
                    widest[i] = max(widest.get(i, 0), p.gap)
            highlights = tuple(
                ChartHighlight(
                    spans[i].x - spans[i].days / 2,
                    spans[i].x + spans[i].days / 2,
                    translate("HistoryPresenter", "%s: up to %n point(s) apart", None, g)
                    % spans[i].name(translate),
                )
                for i, g in sorted(widest.items())
            )
            gap = GAP_BUCKETS * (30.4 if grain is Grain.MONTH else 7.0)
        if wide:
            summary = (
                translate(
                    "HistoryPresenter",
                    "Left and right differed by %d or more points on %n day(s) (shaded). "
                    "A one-sided difference with swelling is worth checking: the check-in "
                    "asks about it.",
                    None,
                    len(wide),
                )
                % LEFT_RIGHT_GAP
            )
        else:
            last = pairs[-1]
            if last.left is not None and last.right is not None:
                summary = translate(
                    "HistoryPresenter",
                    "Left and right stayed within %d points of each other; latest %d left, "
                    "%d right.",
                ) % (LEFT_RIGHT_GAP - 1, last.left, last.right)
            else:
                summary = translate(
                    "HistoryPresenter", "Left and right stayed within %d points of each other."
                ) % (LEFT_RIGHT_GAP - 1)
        name = self.regions.get(left_id).name
        model = SorenessChart(
            title=translate("HistoryPresenter", "%s: left and right on movement") % name,
            x_range=(0.0, float(self.period.days)),
            x_ticks=self.period.ticks(),
            y_label=self.axis(),
            series=(
                ChartSeries(translate("HistoryPresenter", "Left"), left, "points+line", "left"),
                ChartSeries(translate("HistoryPresenter", "Right"), right, "points+line", "right"),
            ),
            highlights=highlights,
            description=summary,
            gap=gap,
        )
        return model, summary

    def calendar_bands(self, region_id: str, episodes: Sequence[Episode]) -> tuple[ChartBand, ...]:
        """The typical course after each exercise spell that rated the region; the
        last one labelled."""
        if self.period.days > BANDS_UP_TO:
            return ()  # a band per spell across years is noise; "Since the activity" has it
        bands = []
        for episode in episodes:
            if episode.cause not in DOMS_CAUSES:
                continue
            peak = max(
                (d.scores[region_id][1] for d in episode.days if region_id in d.scores), default=0
            )
            if peak <= 0:
                continue
            start = self.period.x(episode.onset, self.zone)
            points = tuple((start + h / 24, lo, hi) for h, lo, hi in band_points(peak))
            bands.append(ChartBand("", points))
        if bands:
            bands[-1] = ChartBand(self.translate("history", BAND_LABEL), bands[-1].points)
        return tuple(bands)

    # -- since the activity ---------------------------------------------------------------
    def since_activity(
        self,
        ids: tuple[str, ...],
        name: str,
        events: Sequence[Event],
        episodes: Sequence[Episode],
    ) -> RegionView:
        """Hours since the activity, for the latest episode in the period that rated the region."""
        translate = self.translate
        chosen = next(
            (e for e in reversed(episodes) if any(set(ids) & set(d.scores) for d in e.days)),
            None,
        )
        if chosen is None:
            nothing = translate("HistoryPresenter", "No sore spell of this region in this period.")
            empty = SorenessChart(
                title=translate("HistoryPresenter", "%s: soreness since the activity") % name,
                x_range=(0.0, BAND_END_H),
                empty_text=nothing,
                description=nothing,
            )
            none_yet = translate("HistoryPresenter", "%s: no sore spell in this period.") % name
            return RegionView(empty, None, none_yet, "")
        main = max(
            ids,
            key=lambda rid: max(
                (d.scores[rid][1] for d in chosen.days if rid in d.scores), default=-1
            ),
        )
        label = self.regions.get(main).display_name
        rows = [(d.hours, d.scores[main]) for d in chosen.days if main in d.scores]
        move = [(h, float(m)) for h, (_r, m) in rows]
        rest = [(h, float(r)) for h, (r, _m) in rows]
        peak = max((m for _h, m in move), default=0.0)
        end = max(BAND_END_H, (move[-1][0] + 12) if move else 0)
        onset = chosen.onset
        markers = tuple(
            ChartMarker(elapsed(onset, e.at).total_seconds() / 3600, e.kind, e.label)
            for e in events
            if 0 <= elapsed(onset, e.at).total_seconds() / 3600 <= end
        )
        what = (
            chosen.activity.describe()
            if chosen.activity
            else translate("Cause", chosen.cause.label)
        )
        summary = self.summary(
            label,
            [(d.day, d.scores[main][1]) for d in chosen.days if main in d.scores],
            [LastRating(d.day, d.scores[main][0]) for d in chosen.days if main in d.scores],
        )
        chart = SorenessChart(
            title=translate("HistoryPresenter", "%s: hours since %s on %s")
            % (label, what.lower(), day_month(onset.astimezone(self.zone))),
            x_range=(0.0, float(end)),
            x_ticks=tuple(
                (
                    h,
                    translate("HistoryPresenter", "%dd", "axis: whole days since the activity")
                    % (h // 24)
                    if h
                    else "0",
                )
                for h in range(0, int(end) + 1, 24)
            ),
            y_label=self.axis(),
            series=self.series(move, rest, translate("HistoryPresenter", "%s, 3-point average")),
            bands=(
                (ChartBand(translate("history", BAND_LABEL), band_points(peak)),)
                if chosen.cause in DOMS_CAUSES
                else ()
            ),
            markers=markers,
            description=summary,
            gap=48.0,
        )
        return RegionView(chart, None, summary, "")


@dataclass(frozen=True)
class LastRating:
    """The bit of a reading the summary needs: its day and its score at rest."""

    day: date
    at_rest: int
