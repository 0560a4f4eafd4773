"""What you did: adherence in words, water against the goal, and the activity log.
No PySide6 here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo

from companion.domain.activity import Activity, MorningLog, format_km
from companion.domain.clock import utc
from companion.domain.history import Adherence
from companion.domain.translatable import Translate
from companion.domain.units import METRIC, ML_PER_FL_OZ, Units
from companion.services.history.buckets import DAILY_UP_TO, Grain, buckets, grain_for
from companion.services.history.views import (
    Period,
    WaterBar,
    WaterChart,
    weekday_day_month,
)
from companion.storage.history import MORNING

WEEKLY_BARS_AFTER = DAILY_UP_TO  # longer ranges show water week by week (then month by month)


def days_words(n: int, translate: Translate) -> str:
    return translate("HistoryPresenter", "%n day(s)", None, n)


def adherence_lines(result: Adherence, translate: Translate) -> list[str]:
    """Routines, therapy sessions and water over the period, with the streaks."""
    lines = [result.words()]
    current, best = result.routine_streak
    if best:
        lines.append(
            translate("HistoryPresenter", "Routines: %s in a row now; best run in this period %s.")
            % (days_words(current, translate), days_words(best, translate))
        )
    current, best = result.water_streak
    if best:
        lines.append(
            translate(
                "HistoryPresenter", "Water goal: %s in a row now; best run in this period %s."
            )
            % (days_words(current, translate), days_words(best, translate))
        )
    if result.therapy:
        counted: dict[str, Callable[[int], str]] = {
            "ice": lambda n: translate("HistoryPresenter", "%n ice pack(s)", None, n),
            "contrast": lambda n: translate("HistoryPresenter", "%n contrast session(s)", None, n),
            "cold-bath": lambda n: translate("HistoryPresenter", "%n cold bath(s)", None, n),
            "warm-bath": lambda n: translate("HistoryPresenter", "%n warm bath(s)", None, n),
            "heat": lambda n: translate("HistoryPresenter", "%n heat pack(s)", None, n),
        }
        sessions = [
            counted[k](n) if k in counted else f"{n} {k}"
            for k, n in sorted(result.therapy.items())
            if n
        ]
        lines.append(translate("HistoryPresenter", "Sessions: %s.") % ", ".join(sessions))
    return lines


def day_amount(ml: float, units: Units) -> str:
    """A day's water in the user's units: '1,850 mL' or '63 fl oz' (whole ounces)."""
    if units.ounces:
        return f"{round(ml / ML_PER_FL_OZ):,} fl oz"
    return f"{round(ml):,} mL"


def water_chart(
    period: Period,
    today: date,
    water: Mapping[date, int],
    goal: int | None,
    translate: Translate,
    *,
    units: Units = METRIC,
) -> WaterChart:
    """Water per day against the goal, in the user's units (the bars, the goal and the
    words; whether the goal was met is counted in mL, as stored); over long periods
    (``buckets.grain_for``) the average per day, week by week or month by month."""
    p = period
    per_unit = ML_PER_FL_OZ if units.ounces else 1.0
    bars: list[WaterBar] = []
    grain = grain_for(p.days)
    if grain is not Grain.DAY:
        for span in buckets(p, grain):
            last = min(span.last, today)
            if last < span.first:
                continue
            days = (last - span.first).days + 1
            total = sum(water.get(span.first + timedelta(days=i), 0) for i in range(days))
            average = total / days
            bars.append(
                WaterBar(
                    span.x,
                    average / per_unit,
                    translate("HistoryPresenter", "%s: %s a day on average")
                    % (span.name(translate), day_amount(average, units)),
                    bool(goal and average >= goal),
                )
            )
        title = (
            translate("HistoryPresenter", "Water: average per day, week by week")
            if grain is Grain.WEEK
            else translate("HistoryPresenter", "Water: average per day, month by month")
        )
    else:
        for i in range(p.days):
            day = p.first + timedelta(days=i)
            if day > today:
                break
            ml = water.get(day, 0)
            text = f"{weekday_day_month(day)}: {day_amount(ml, units)}"
            bars.append(WaterBar(i + 0.5, ml / per_unit, text, bool(goal and ml >= goal)))
        title = translate("HistoryPresenter", "Water per day")
    top = max([b.value for b in bars] + [(goal or 0) / per_unit, 500.0 / per_unit])
    met = sum(1 for b in bars if b.met)
    description = (
        translate("HistoryPresenter", "%s. Goal %s; reached on %d of %d.")
        % (title, day_amount(goal, units), met, len(bars))
        if goal
        else translate(
            "HistoryPresenter", "%s. No daily goal is set: a hydration reminder sets one."
        )
        % title
    )
    return WaterChart(
        title=title,
        x_range=(0.0, float(p.days)),
        bars=tuple(bars),
        goal=goal / per_unit if goal else None,
        y_max=top * 1.1,
        x_ticks=p.ticks(),
        unit=(
            translate("HistoryPresenter", "fl oz")
            if units.ounces
            else translate("HistoryPresenter", "mL")
        ),
        empty_text=translate("HistoryPresenter", "No water logged in this period."),
        description=description,
    )


def activity_lines(
    activities: Iterable[Activity],
    mornings: Iterable[MorningLog],
    zone: tzinfo,
    translate: Translate,
) -> list[str]:
    """Activities and mornings in short lines, newest first."""
    return [text for _when, text in activity_entries(activities, mornings, zone, translate)]


def activity_entries(
    activities: Iterable[Activity],
    mornings: Iterable[MorningLog],
    zone: tzinfo,
    translate: Translate,
) -> list[tuple[datetime, str]]:
    """Activities and mornings with when each was, in short lines, newest first."""
    found: list[tuple[datetime, str]] = []
    for activity in activities:
        when = activity.ended_at.astimezone(zone)
        found.append((when, f"{weekday_day_month(when)} {when:%H:%M} · {activity.describe()}"))
    for log in mornings:
        when = datetime.combine(log.day, MORNING, tzinfo=zone)
        parts = []
        if log.sleep_hours is not None:
            parts.append(translate("HistoryPresenter", "slept %s h") % f"{log.sleep_hours:g}")
        if log.prs is not None:
            parts.append(translate("HistoryPresenter", "felt %d/10 recovered") % log.prs)
        line = translate("HistoryPresenter", "%s morning · %s") % (
            weekday_day_month(log.day),
            ", ".join(parts),
        )
        found.append((when, line))
    found.sort(key=lambda f: utc(f[0]), reverse=True)
    return found


def distance_words(km: list[float], translate: Translate) -> str:
    """The week's running distance, or "" without runs."""
    if not km:
        return ""
    return translate(
        "HistoryPresenter", "Running in the last 7 days: %s km in %n run(s).", None, len(km)
    ) % (format_km(sum(km)))
