"""What the History screen shows, without widgets.

The presenter reads a date range from storage, runs the history rules over it
and returns chart models and sentences. Plain Python apart from the chart data
classes, so the screen's content is tested without painting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from companion.domain.activity import Activity, MorningLog, format_km
from companion.domain.checkin import Cause
from companion.domain.clock import Clock, elapsed, utc
from companion.domain.history import (
    BAND_END_H,
    BAND_LABEL,
    LEFT_RIGHT_GAP,
    Adherence,
    DayScores,
    Episode,
    EpisodeExtras,
    Reading,
    adherence,
    band_points,
    episode_extras,
    episodes,
    left_right,
    moving_average,
    summarise,
)
from companion.domain.regions import RegionCatalog
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.database import Database
from companion.storage.history import Event, HistoryRepository
from companion.ui.charts import (
    Band,
    Bar,
    BarChartModel,
    Highlight,
    LineChartModel,
    Marker,
    Series,
)

RANGES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("HistoryPresenter", "2 weeks"), 14),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "30 days"), 30),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "3 months"), 91),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "1 year"), 365),
    (QT_TRANSLATE_NOOP("HistoryPresenter", "All"), None),
)
DEFAULT_RANGE = 1
EPISODE_LOOKBACK = timedelta(days=120)  # earlier episodes the first one in range is compared with
BANDS_UP_TO = 91  # days: longer periods draw the typical course only since the activity
ROUTINE_MARKERS_UP_TO = 91  # days: longer periods leave routines off the timeline
WEEKLY_BARS_AFTER = 120  # longer ranges show water as a weekly average
ACTIVITY_DAYS = timedelta(days=30)  # the activity list shows at most the period's last month
DOMS_CAUSES = frozenset({Cause.RUN, Cause.LEG_DAY, Cause.UNKNOWN})


def _day_month(day: date) -> str:
    """'5 Jun': the day of the month without a leading zero (strftime's dash flag is glibc-only)."""
    return f"{day.day} {day:%b}"


def _weekday_day_month(day: date) -> str:
    """'Fri 5 Jun'."""
    return f"{day:%a} {_day_month(day)}"


def _days(n: int) -> str:
    return QCoreApplication.translate("HistoryPresenter", "%n day(s)", None, n)


def _soreness_axis() -> str:
    return QCoreApplication.translate("HistoryPresenter", "Soreness 0-10")


def _soreness_series(
    move: Sequence[tuple[float, float]], rest: Sequence[tuple[float, float]], average: str
) -> tuple[Series, ...]:
    """Ratings on movement and at rest as points, each with ``average`` (a "%s, ..." line)."""
    moving = QCoreApplication.translate("HistoryPresenter", "On movement")
    resting = QCoreApplication.translate("HistoryPresenter", "At rest")
    return (
        Series(moving, tuple(move), "points", "primary"),
        Series(average % moving, moving_average(move), "line", "primary"),
        Series(resting, tuple(rest), "points", "secondary"),
        Series(average % resting, moving_average(rest), "line", "secondary", True),
    )


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, moment: datetime, zone: tzinfo) -> float:
        """Days (with the time of day as a fraction) since the start of the period."""
        local = moment.astimezone(zone)
        start = datetime.combine(self.first, time(0), tzinfo=zone)
        return elapsed(start, local).total_seconds() / 86400

    def ticks(self) -> tuple[tuple[float, str], ...]:
        step = max(1, self.days // 10)
        if self.days > 120:
            # Month starts for long ranges.
            out = []
            day = self.first.replace(day=1)
            while day <= self.last:
                if day >= self.first:
                    label = day.strftime("%b %Y") if day.month == 1 else day.strftime("%b")
                    out.append(((day - self.first).days + 0.0, label))
                day = (day + timedelta(days=32)).replace(day=1)
            return tuple(out)
        return tuple(
            ((d + 0.5), _day_month(self.first + timedelta(days=d)))
            for d in range(0, self.days, step)
        )


@dataclass(frozen=True)
class RegionView:
    chart: LineChartModel
    sides: LineChartModel | None  # left and right of a pair
    summary: str
    sides_summary: str


@dataclass(frozen=True)
class EpisodeCard:
    title: str
    lines: tuple[str, ...]
    episode: Episode


class HistoryPresenter:
    def __init__(
        self,
        db: Database,
        regions: RegionCatalog,
        clock: Clock,
        zone: tzinfo,
        goal_ml: Callable[[], int | None],
    ) -> None:
        self.store = HistoryRepository(db)
        self.activity_store = ActivityRepository(db)
        self.mornings = MorningLogRepository(db)
        self.regions = regions
        self.clock = clock
        self.zone = zone
        self.goal_ml = goal_ml
        self.period = self.period_for(RANGES[DEFAULT_RANGE][1])
        self._events: list[Event] | None = None
        self._days: list[DayScores] | None = None
        self._episodes: list[Episode] | None = None
        self._water: dict[date, int] | None = None

    # -- the range ------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def period_for(self, days: int | None) -> Period:
        today = self.today()
        if days is None:
            first = self.store.first_day() or today
            return Period(min(first, today), today)
        return Period(today - timedelta(days=days - 1), today)

    def set_range(self, days: int | None) -> None:
        self.period = self.period_for(days)
        self.reload()

    def reload(self) -> None:
        self._events = None
        self._days = None
        self._episodes = None
        self._water = None

    @property
    def water(self) -> dict[date, int]:
        """Water per local day over the period."""
        if self._water is None:
            self._water = self.store.water_by_day(self.period.first, self.period.last, self.zone)
        return self._water

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            self._events = self.store.events(
                self.period.first,
                self.period.last,
                self.zone,
                routines=self.period.days <= ROUTINE_MARKERS_UP_TO,
            )
        return self._events

    @property
    def days(self) -> list[DayScores]:
        """Check-ins of the period, plus earlier ones its first episodes compare with."""
        if self._days is None:
            self._days = self.store.days(self.period.first - EPISODE_LOOKBACK, self.period.last)
        return self._days

    @property
    def episodes(self) -> list[Episode]:
        """Episodes that reach into the period, oldest first, linked to earlier ones."""
        if self._episodes is None:
            first, last = self.period.first - EPISODE_LOOKBACK, self.period.last
            start = datetime.combine(first, time(0), tzinfo=self.zone)
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=self.zone)
            activities = [a for _id, a in self.activity_store.between(start, end)]
            found = episodes(self.days, activities)
            self._episodes = [e for e in found if e.last_day >= self.period.first]
        return self._episodes

    # -- regions ----------------------------------------------------------------------------
    def region_choices(self) -> list[tuple[str, str]]:
        """(group or region id, label) of what was rated in the period, sorest first."""
        tops = self.store.regions(self.period.first, self.period.last)
        groups: dict[str, int] = {}
        for rid, top in tops.items():
            if rid not in self.regions:
                continue
            key = self.regions.get(rid).group
            groups[key] = max(groups.get(key, 0), top)
        choices = []
        for group, _top in sorted(groups.items(), key=lambda g: (-g[1], g[0])):
            members = [r for r in self.regions if r.group == group]
            choices.append((group, members[0].name))
        return choices

    def _members(self, group: str) -> tuple[str, ...]:
        return tuple(r.id for r in self.regions if r.group == group)

    def region_view(self, group: str, *, since_activity: bool = False) -> RegionView:
        ids = self._members(group)
        name = self.regions.get(ids[0]).name
        if since_activity:
            return self._since_activity_view(ids, name)
        readings = self.store.readings(ids, self.period.first, self.period.last)
        markers = self._markers()
        # Calendar days: the sorer side's line, or the one region.
        by_region = {rid: [r for r in readings if r.region_id == rid] for rid in ids}
        main = max(ids, key=lambda rid: max((r.on_movement for r in by_region[rid]), default=-1))
        mine = by_region[main]
        label = self.regions.get(main).display_name
        move = [(self.period.x(r.at, self.zone), float(r.on_movement)) for r in mine]
        rest = [(self.period.x(r.at, self.zone), float(r.at_rest)) for r in mine]
        series = _soreness_series(
            move, rest, QCoreApplication.translate("HistoryPresenter", "%s, 3-day average")
        )
        bands = self._calendar_bands(main)
        summary = self._summary(label, [(r.day, r.on_movement) for r in mine], mine)
        chart = LineChartModel(
            title=QCoreApplication.translate("HistoryPresenter", "%s: soreness by day") % label,
            x_range=(0.0, float(self.period.days)),
            x_ticks=self.period.ticks(),
            y_label=_soreness_axis(),
            series=series,
            bands=bands,
            markers=markers,
            description=summary,
            empty_text=QCoreApplication.translate(
                "HistoryPresenter", "No ratings for this region in this period."
            ),
        )
        sides, sides_summary = self._sides(ids, by_region)
        return RegionView(chart, sides, summary, sides_summary)

    def _summary(
        self, label: str, points: Sequence[tuple[date, int]], mine: Sequence[Reading | _Last]
    ) -> str:
        if not points:
            return (
                QCoreApplication.translate("HistoryPresenter", "%s: nothing rated in this period.")
                % label
            )
        summary = summarise(points, self.today())
        last = mine[-1]
        text = QCoreApplication.translate(
            "HistoryPresenter", "%s: %d/10 on movement and %d/10 at rest on %s"
        ) % (
            label,
            summary.latest,
            last.at_rest,
            _weekday_day_month(last.day),
        )
        if summary.words:
            text += f", {summary.words}"
        return text + "."

    def _sides(
        self, ids: tuple[str, ...], by_region: dict[str, list[Reading]]
    ) -> tuple[LineChartModel | None, str]:
        if len(ids) != 2:
            return None, ""
        left_id, right_id = sorted(ids, key=lambda rid: not rid.endswith("_L"))
        pairs = left_right(
            [(r.day, r.on_movement) for r in by_region[left_id]],
            [(r.day, r.on_movement) for r in by_region[right_id]],
        )
        if not pairs:
            return None, ""

        def x(day: date) -> float:
            return (day - self.period.first).days + 0.5

        left = tuple((x(p.day), float(p.left)) for p in pairs if p.left is not None)
        right = tuple((x(p.day), float(p.right)) for p in pairs if p.right is not None)
        wide = [p for p in pairs if p.gap >= LEFT_RIGHT_GAP]
        highlights = tuple(
            Highlight(
                x(p.day) - 0.5,
                x(p.day) + 0.5,
                QCoreApplication.translate("HistoryPresenter", "%s: %n point(s) apart", None, p.gap)
                % _day_month(p.day),
            )
            for p in wide
        )
        if wide:
            summary = (
                QCoreApplication.translate(
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
                summary = QCoreApplication.translate(
                    "HistoryPresenter",
                    "Left and right stayed within %d points of each other; latest %d left, "
                    "%d right.",
                ) % (LEFT_RIGHT_GAP - 1, last.left, last.right)
            else:
                summary = QCoreApplication.translate(
                    "HistoryPresenter", "Left and right stayed within %d points of each other."
                ) % (LEFT_RIGHT_GAP - 1)
        name = self.regions.get(left_id).name
        model = LineChartModel(
            title=QCoreApplication.translate("HistoryPresenter", "%s: left and right on movement")
            % name,
            x_range=(0.0, float(self.period.days)),
            x_ticks=self.period.ticks(),
            y_label=_soreness_axis(),
            series=(
                Series(
                    QCoreApplication.translate("HistoryPresenter", "Left"),
                    left,
                    "points+line",
                    "left",
                ),
                Series(
                    QCoreApplication.translate("HistoryPresenter", "Right"),
                    right,
                    "points+line",
                    "right",
                ),
            ),
            highlights=highlights,
            description=summary,
        )
        return model, summary

    def _calendar_bands(self, region_id: str) -> tuple[Band, ...]:
        if self.period.days > BANDS_UP_TO:
            return ()  # a band per spell across years is noise; "Since the activity" has it
        bands = []
        for episode in self.episodes:
            if episode.cause not in DOMS_CAUSES:
                continue
            peak = max(
                (d.scores[region_id][1] for d in episode.days if region_id in d.scores), default=0
            )
            if peak <= 0:
                continue
            start = self.period.x(episode.onset, self.zone)
            points = tuple((start + h / 24, lo, hi) for h, lo, hi in band_points(peak))
            bands.append(Band("", points))
        if bands:
            bands[-1] = Band(QCoreApplication.translate("history", BAND_LABEL), bands[-1].points)
        return tuple(bands)

    def _since_activity_view(self, ids: tuple[str, ...], name: str) -> RegionView:
        """Hours since the activity, for the latest episode in the period that rated the region."""
        chosen = next(
            (e for e in reversed(self.episodes) if any(set(ids) & set(d.scores) for d in e.days)),
            None,
        )
        if chosen is None:
            nothing = QCoreApplication.translate(
                "HistoryPresenter", "No sore spell of this region in this period."
            )
            empty = LineChartModel(
                title=QCoreApplication.translate(
                    "HistoryPresenter", "%s: soreness since the activity"
                )
                % name,
                x_range=(0.0, BAND_END_H),
                empty_text=nothing,
                description=nothing,
            )
            none_yet = (
                QCoreApplication.translate("HistoryPresenter", "%s: no sore spell in this period.")
                % name
            )
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
            Marker(elapsed(onset, e.at).total_seconds() / 3600, e.kind, e.label)
            for e in self.events
            if 0 <= elapsed(onset, e.at).total_seconds() / 3600 <= end
        )
        what = (
            chosen.activity.describe()
            if chosen.activity
            else QCoreApplication.translate("Cause", chosen.cause.label)
        )
        summary = self._summary(
            label,
            [(d.day, d.scores[main][1]) for d in chosen.days if main in d.scores],
            [_Last(d.day, d.scores[main][0]) for d in chosen.days if main in d.scores],
        )
        chart = LineChartModel(
            title=QCoreApplication.translate("HistoryPresenter", "%s: hours since %s on %s")
            % (label, what.lower(), _day_month(onset.astimezone(self.zone))),
            x_range=(0.0, float(end)),
            x_ticks=tuple(
                (
                    h,
                    QCoreApplication.translate(
                        "HistoryPresenter", "%dd", "axis: whole days since the activity"
                    )
                    % (h // 24)
                    if h
                    else "0",
                )
                for h in range(0, int(end) + 1, 24)
            ),
            y_label=_soreness_axis(),
            series=_soreness_series(
                move, rest, QCoreApplication.translate("HistoryPresenter", "%s, 3-point average")
            ),
            bands=(
                (Band(QCoreApplication.translate("history", BAND_LABEL), band_points(peak)),)
                if chosen.cause in DOMS_CAUSES
                else ()
            ),
            markers=markers,
            description=summary,
            gap=48.0,
        )
        return RegionView(chart, None, summary, "")

    def _markers(self) -> tuple[Marker, ...]:
        # Over months, routines (several a day) would hide everything else: they are
        # counted under "What you did" instead, and left out of self.events.
        return tuple(Marker(self.period.x(e.at, self.zone), e.kind, e.label) for e in self.events)

    # -- the body map replay ----------------------------------------------------------------
    def map_days(self) -> list[date]:
        return self.store.checkin_days(self.period.first, self.period.last)

    def map_for(self, day: date) -> tuple[dict[str, int], str]:
        scores = {rid: v for rid, v in self.store.day_map(day).items() if rid in self.regions}
        sore = sorted(((v, rid) for rid, v in scores.items() if v > 0), reverse=True)
        when = _weekday_day_month(day)
        if not sore:
            words = QCoreApplication.translate("HistoryPresenter", "%s: nothing sore.") % when
        else:
            listed = ", ".join(f"{self.regions.get(rid).display_name} {v}" for v, rid in sore[:6])
            if len(sore) > 6:
                listed = QCoreApplication.translate("HistoryPresenter", "%s and %d more") % (
                    listed,
                    len(sore) - 6,
                )
            words = QCoreApplication.translate(
                "HistoryPresenter", "%s: %s (on movement, 0-10)."
            ) % (when, listed)
        return scores, words

    # -- episodes ---------------------------------------------------------------------------
    def episode_count(self) -> int:
        return len(self.episodes)

    def episode_cards(self, limit: int) -> list[EpisodeCard]:
        """The newest ``limit`` episodes' cards, newest first."""
        goal = self.goal_ml()
        shown = list(reversed(self.episodes))[:limit]
        if not shown:
            return []
        first = shown[-1].onset.astimezone(self.zone).date()
        water = self.store.water_by_day(first, self.period.last, self.zone)
        mornings = self.mornings.between(first, self.period.last)
        return [self._card(e, mornings, water, goal) for e in shown]

    def _card(
        self, e: Episode, mornings: list[MorningLog], water: dict[date, int], goal: int | None
    ) -> EpisodeCard:
        onset = e.onset.astimezone(self.zone)
        what = (
            e.activity.describe()
            if e.activity
            else QCoreApplication.translate("Cause", e.cause.label)
        )
        title = f"{what} · {_weekday_day_month(onset)} {onset:%Y}"
        peak, region, hours = e.peak
        region_name = (
            self.regions.get(region).display_name.lower() if region in self.regions else region
        )
        lines = [
            QCoreApplication.translate(
                "HistoryPresenter",
                "Peak %d/10 on movement, %n hour(s) after: %s.",
                None,
                round(hours),
            )
            % (peak, region_name)
        ]
        recovered = e.recovered_after_days
        if recovered is not None and recovered <= 7:
            lines.append(
                QCoreApplication.translate(
                    "HistoryPresenter",
                    "Recovered (1 or less on movement) by day %d — within the usual week.",
                )
                % recovered
            )
        elif recovered is not None:
            lines.append(
                QCoreApplication.translate(
                    "HistoryPresenter", "Recovered (1 or less on movement) by day %d."
                )
                % recovered
            )
        elif e is self.episodes[-1]:
            lines.append(
                QCoreApplication.translate("HistoryPresenter", "Not back to 1 or less yet.")
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "HistoryPresenter", "Not back to 1 or less before the next spell began."
                )
            )
        comparison = e.compare_previous()
        if comparison:
            lines.append(comparison)
        extras: EpisodeExtras = episode_extras(e, mornings, water, goal)
        more = []
        if extras.average_prs is not None:
            more.append(
                QCoreApplication.translate("HistoryPresenter", "felt %.1f/10 recovered on average")
                % extras.average_prs
            )
        if extras.nights_logged:
            more.append(
                QCoreApplication.translate(
                    "HistoryPresenter",
                    "%d of %n night(s) logged under 7 hours",
                    None,
                    extras.nights_logged,
                )
                % extras.short_nights
            )
        if extras.water_days:
            more.append(
                QCoreApplication.translate(
                    "HistoryPresenter", "water goal on %d of %n day(s)", None, extras.water_days
                )
                % extras.water_days_met
            )
        if more:
            text = "; ".join(more) + "."
            lines.append(text[:1].upper() + text[1:])
        return EpisodeCard(title, tuple(lines), e)

    # -- adherence ---------------------------------------------------------------------------
    def adherence(self) -> Adherence:
        p, today = self.period, self.today()
        goal = self.goal_ml()
        water = self.water
        routines = self.store.routine_days(p.first, p.last)
        return adherence(
            routines,
            self.store.therapy_counts(p.first, p.last, self.zone),
            water,
            goal,
            first=p.first,
            last=p.last,
            today=today,
            all_routine_days=[d for d, (done, _s) in routines.items() if done],
            all_water_days_met=[d for d, ml in water.items() if goal and ml >= goal],
        )

    def adherence_lines(self, result: Adherence) -> list[str]:
        lines = [result.words()]
        current, best = result.routine_streak
        if best:
            lines.append(
                QCoreApplication.translate(
                    "HistoryPresenter", "Routines: %s in a row now; best run in this period %s."
                )
                % (_days(current), _days(best))
            )
        current, best = result.water_streak
        if best:
            lines.append(
                QCoreApplication.translate(
                    "HistoryPresenter", "Water goal: %s in a row now; best run in this period %s."
                )
                % (_days(current), _days(best))
            )
        if result.therapy:
            counted: dict[str, Callable[[int], str]] = {
                "ice": lambda n: QCoreApplication.translate(
                    "HistoryPresenter", "%n ice pack(s)", None, n
                ),
                "contrast": lambda n: QCoreApplication.translate(
                    "HistoryPresenter", "%n contrast session(s)", None, n
                ),
                "cold-bath": lambda n: QCoreApplication.translate(
                    "HistoryPresenter", "%n cold bath(s)", None, n
                ),
                "warm-bath": lambda n: QCoreApplication.translate(
                    "HistoryPresenter", "%n warm bath(s)", None, n
                ),
                "heat": lambda n: QCoreApplication.translate(
                    "HistoryPresenter", "%n heat pack(s)", None, n
                ),
            }
            sessions = [
                counted[k](n) if k in counted else f"{n} {k}"
                for k, n in sorted(result.therapy.items())
                if n
            ]
            lines.append(
                QCoreApplication.translate("HistoryPresenter", "Sessions: %s.")
                % ", ".join(sessions)
            )
        return lines

    def water_chart(self) -> BarChartModel:
        p, today = self.period, self.today()
        goal = self.goal_ml()
        water = self.water
        bars: list[Bar] = []
        if p.days > WEEKLY_BARS_AFTER:
            for start in range(0, p.days, 7):
                days = [p.first + timedelta(days=start + i) for i in range(7)]
                days = [d for d in days if d <= min(p.last, today)]
                if not days:
                    continue
                average = sum(water.get(d, 0) for d in days) / len(days)
                bars.append(
                    Bar(
                        start + 3.5,
                        average,
                        QCoreApplication.translate(
                            "HistoryPresenter", "Week of %s: %s mL a day on average"
                        )
                        % (_day_month(days[0]), f"{average:,.0f}"),
                        bool(goal and average >= goal),
                    )
                )
            title = QCoreApplication.translate(
                "HistoryPresenter", "Water: average per day, week by week"
            )
        else:
            for i in range(p.days):
                day = p.first + timedelta(days=i)
                if day > today:
                    break
                ml = water.get(day, 0)
                text = QCoreApplication.translate("HistoryPresenter", "%s: %s mL") % (
                    _weekday_day_month(day),
                    f"{ml:,}",
                )
                bars.append(Bar(i + 0.5, float(ml), text, bool(goal and ml >= goal)))
            title = QCoreApplication.translate("HistoryPresenter", "Water per day")
        top = max([b.value for b in bars] + [float(goal or 0), 500.0])
        met = sum(1 for b in bars if b.met)
        description = (
            QCoreApplication.translate("HistoryPresenter", "%s. Goal %s mL; reached on %d of %d.")
            % (title, f"{goal:,}", met, len(bars))
            if goal
            else QCoreApplication.translate(
                "HistoryPresenter", "%s. No daily goal is set: a hydration reminder sets one."
            )
            % title
        )
        return BarChartModel(
            title=title,
            x_range=(0.0, float(p.days)),
            bars=tuple(bars),
            goal=float(goal) if goal else None,
            y_max=top * 1.1,
            x_ticks=p.ticks(),
            unit=QCoreApplication.translate("HistoryPresenter", "mL"),
            empty_text=QCoreApplication.translate(
                "HistoryPresenter", "No water logged in this period."
            ),
            description=description,
        )

    # -- activity ---------------------------------------------------------------------------
    def activity_lines(self) -> list[str]:
        """The period's activities and mornings in short lines, newest first; the
        period's last ACTIVITY_DAYS at most."""
        p = Period(max(self.period.first, self.period.last - ACTIVITY_DAYS), self.period.last)
        start = datetime.combine(p.first, time(0), tzinfo=self.zone)
        end = datetime.combine(p.last + timedelta(days=1), time(0), tzinfo=self.zone)
        found: list[tuple[datetime, str]] = []
        for _id, activity in self.activity_store.between(start, end):
            when = activity.ended_at.astimezone(self.zone)
            found.append((when, f"{_weekday_day_month(when)} {when:%H:%M} · {activity.describe()}"))
        for log in self.mornings.between(p.first, p.last):
            when = datetime.combine(log.day, time(7), tzinfo=self.zone)
            parts = []
            if log.sleep_hours is not None:
                parts.append(
                    QCoreApplication.translate("HistoryPresenter", "slept %s h")
                    % f"{log.sleep_hours:g}"
                )
            if log.prs is not None:
                parts.append(
                    QCoreApplication.translate("HistoryPresenter", "felt %d/10 recovered") % log.prs
                )
            line = QCoreApplication.translate("HistoryPresenter", "%s morning · %s") % (
                _weekday_day_month(log.day),
                ", ".join(parts),
            )
            found.append((when, line))
        found.sort(key=lambda f: utc(f[0]), reverse=True)
        return [text for _when, text in found]

    def weekly_distance(self) -> str:
        now = self.clock.now()
        week = [
            a.km or 0.0
            for _id, a in self.activity_store.between(now - timedelta(days=7), now)
            if a.km
        ]
        if not week:
            return ""
        return QCoreApplication.translate(
            "HistoryPresenter", "Running in the last 7 days: %s km in %n run(s).", None, len(week)
        ) % (format_km(sum(week)))

    def latest_activity(self) -> Activity | None:
        return self.activity_store.latest()


@dataclass(frozen=True)
class _Last:
    """The bit of a reading the summary needs: its day and its score at rest."""

    day: date
    at_rest: int
