"""Render the History screen's charts with realistic sample data on one sheet, to look at them.

QT_QPA_PLATFORM=offscreen python docs/chart_sheet.py /tmp/charts.png [--dark]

Sample data: a fortnight of soreness after a run and a leg day (raw ratings,
their 3-point averages, the typical band, every kind of marker), left and
right calves with the days they differ shaded and the keyboard cursor shown,
the same run in hours since it, 30 days of water against a goal, a year of
ratings, and an empty chart.
"""

from __future__ import annotations

import math
import random
import sys
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QVBoxLayout, QWidget

from companion.domain.history import BAND_LABEL, band_points, moving_average
from companion.i18n import install_translators
from companion.ui.charts import (
    Band,
    Bar,
    BarChart,
    BarChartModel,
    Highlight,
    LineChart,
    LineChartModel,
    Marker,
    Series,
)
from companion.ui.theme import Scheme, Theme

FIRST = date(2025, 11, 3)
CHART_WIDTH = 640
Points = tuple[tuple[float, float], ...]


def day_ticks(days: int, step: int = 1) -> tuple[tuple[float, str], ...]:
    """Labels at the middle of each day, as the History presenter places them."""
    return tuple(
        (d + 0.5, (FIRST + timedelta(days=d)).strftime("%-d %b")) for d in range(0, days, step)
    )


def doms(hours: float, peak: float) -> float:
    """A soreness course that peaks about two days after the activity."""
    if hours <= 0:
        return 0.0
    return peak * (hours / 48) * math.exp(1 - hours / 48)


def soreness_logs(rng: random.Random) -> tuple[Points, Points]:
    """On movement and at rest, rated morning and evening, with a break of three and a half days."""
    run, leg_day = 1 + 8 / 24, 9 + 18 / 24
    move: list[tuple[float, float]] = []
    rest: list[tuple[float, float]] = []
    for day in range(14):
        for hour in (8, 20):
            x = day + hour / 24
            if 5.9 < x < 9.4 or x < 1.2:
                continue  # away for a long weekend: nothing logged
            level = doms((x - run) * 24, 7) + doms((x - leg_day) * 24, 5)
            noise = rng.uniform(-0.8, 0.8)
            move.append((x, float(max(0, min(10, round(level + noise))))))
            rest.append((x, float(max(0, min(10, round(level * 0.45 + noise / 2))))))
    return tuple(move), tuple(rest)


def fortnight() -> LineChartModel:
    move, rest = soreness_logs(random.Random(4))  # noqa: S311 - sample data
    run = 1 + 8 / 24
    markers = (
        Marker(run, "run", "Run, 14 km, 75 min"),
        Marker(run + 0.05, "bath", "Cold bath logged, 10 min"),
        Marker(1 + 20 / 24, "ice", "Ice logged, 15 min"),
        Marker(1 + 20 / 24, "routine", "Calf release: logged"),
        Marker(2 + 19 / 24, "routine", "Evening cool-down: logged"),
        Marker(2 + 19 / 24, "heat", "Heat logged, 20 min"),
        Marker(3 + 19 / 24, "contrast", "Contrast logged, 12 min"),
        Marker(3 + 19 / 24, "routine", "Evening cool-down: logged"),
        Marker(3 + 19 / 24, "ice", "Ice logged, 10 min"),
        Marker(3 + 19 / 24, "bath", "Warm bath logged, 20 min"),
        Marker(4 + 19 / 24, "routine", "Evening cool-down: stopped early"),
        Marker(7 + 11 / 24, "other", "Long day on feet, 9 h"),
        Marker(9 + 18 / 24, "leg_day", "Leg day, 60 min"),
        Marker(10 + 19 / 24, "routine", "Evening cool-down: logged"),
        Marker(11 + 8 / 24, "heat", "Heat logged, 15 min"),
        Marker(12 + 19 / 24, "routine", "Evening cool-down: logged"),
    )
    band = tuple((run + h / 24, low, high) for h, low, high in band_points(7))
    return LineChartModel(
        title="Calves: soreness by day",
        x_range=(0.0, 14.0),
        x_ticks=day_ticks(14),
        y_label="Soreness 0-10",
        series=(
            Series("On movement", move, "points", "primary"),
            Series("On movement, 3-point average", moving_average(move), "line", "primary"),
            Series("At rest", rest, "points", "secondary"),
            Series("At rest, 3-point average", moving_average(rest), "line", "secondary", True),
        ),
        bands=(Band(BAND_LABEL, band),),
        markers=markers,
        description="Calves: 2/10 on movement and 1/10 at rest on Sun 16 Nov, easing.",
    )


def left_right() -> LineChartModel:
    left = (3, 5, 6, 6, 5, 4, 3, 2, 2, 1, 1, 1, 0, 0)
    right = (2, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0)
    pairs = [
        (d + 0.5, float(a), float(b)) for d, (a, b) in enumerate(zip(left, right, strict=True))
    ]
    pairs = [p for p in pairs if p[0] not in (6.5, 7.5)]  # two days not rated
    wide = [(x, a - b) for x, a, b in pairs if abs(a - b) >= 3]
    return LineChartModel(
        title="Calves: left and right on movement",
        x_range=(0.0, 14.0),
        x_ticks=day_ticks(14),
        y_label="Soreness 0-10",
        series=(
            Series("Left", tuple((x, a) for x, a, _b in pairs), "points+line", "left"),
            Series("Right", tuple((x, b) for x, _a, b in pairs), "points+line", "right"),
        ),
        highlights=tuple(
            Highlight(x - 0.5, x + 0.5, f"{FIRST + timedelta(days=int(x)):%-d %b}: {gap:g} apart")
            for x, gap in wide
        ),
        description="Left and right differed by 3 or more points on 2 days (shaded).",
    )


def since_run() -> LineChartModel:
    """Hours since the run, the presenter's other view: the typical band is wide here."""
    move, rest = soreness_logs(random.Random(4))  # noqa: S311 - sample data
    run = 1 + 8 / 24
    hours = [((x - run) * 24, y) for x, y in move if 0 <= (x - run) * 24 <= 168]
    at_rest = [((x - run) * 24, y) for x, y in rest if 0 <= (x - run) * 24 <= 168]
    return LineChartModel(
        title="Calves: hours since the run on 4 Nov",
        x_range=(0.0, 168.0),
        x_ticks=tuple((h, f"{h // 24}d" if h else "0") for h in range(0, 169, 24)),
        y_label="Soreness 0-10",
        series=(
            Series("On movement", tuple(hours), "points", "primary"),
            Series("On movement, 3-point average", moving_average(hours), "line", "primary"),
            Series("At rest", tuple(at_rest), "points", "secondary"),
            Series("At rest, 3-point average", moving_average(at_rest), "line", "secondary", True),
        ),
        bands=(Band(BAND_LABEL, band_points(7)),),
        markers=(
            Marker(0.0, "run", "Run, 14 km, 75 min"),
            Marker(12.0, "ice", "Ice logged, 15 min"),
            Marker(35.0, "routine", "Evening cool-down: logged"),
            Marker(59.0, "routine", "Evening cool-down: logged"),
        ),
        gap=48.0,
        description="Calves: peaked at 7/10 on movement two days after the run.",
    )


def water(rng: random.Random) -> BarChartModel:
    goal = 2000.0
    bars = []
    for d in range(30):
        day = FIRST + timedelta(days=d)
        ml = float(round(rng.gauss(1900, 450) / 50) * 50) if d != 11 else 0.0
        bars.append(Bar(d + 0.5, ml, f"{day:%a %-d %b}: {ml:,.0f} mL", ml >= goal))
    met = sum(b.met for b in bars)
    top = max([b.value for b in bars] + [goal])
    return BarChartModel(
        title="Water per day",
        x_range=(0.0, 30.0),
        bars=tuple(bars),
        goal=goal,
        y_max=top * 1.1,
        x_ticks=day_ticks(30, 3),
        unit="mL",
        empty_text="No water logged in this period.",
        description=f"Water per day. Goal 2,000 mL; reached on {met} of 30.",
    )


def year(rng: random.Random) -> LineChartModel:
    move: list[tuple[float, float]] = []
    markers: list[Marker] = []
    for day in range(365):
        if 150 <= day < 175:
            continue  # a month off
        if day % 7 in (1, 4):
            markers.append(Marker(day + 0.3, "run", "Run"))
        if day % 7 == 2:
            markers.append(Marker(day + 0.8, "routine", "Evening cool-down: logged"))
        if day % 11 == 0:
            markers.append(Marker(day + 0.8, "ice", "Ice logged, 15 min"))
        for hour in (8, 14, 20):
            level = 3 + 2 * math.sin(day / 9) + rng.gauss(0, 1)
            move.append((day + hour / 24, float(max(0, min(10, round(level))))))
    ticks = []
    for month in range(12):
        start = date(2025 + (10 + month) // 12, (10 + month) % 12 + 1, 1)
        ticks.append(((start - FIRST).days + 0.0, start.strftime("%b")))
    return LineChartModel(
        title="Calves: the last year",
        x_range=(0.0, 365.0),
        x_ticks=tuple(t for t in ticks if t[0] >= 0),
        y_label="Soreness 0-10",
        series=(
            Series("On movement", tuple(move), "points", "muted"),
            Series("3-point average", moving_average(move), "line", "primary"),
        ),
        markers=tuple(markers),
    )


def empty() -> LineChartModel:
    return LineChartModel(
        title="Hamstrings: soreness by day",
        x_range=(0.0, 14.0),
        x_ticks=day_ticks(14),
        y_label="Soreness 0-10",
        empty_text="No ratings for this region in this period.",
    )


def card(chart: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(chart)
    # The height a layout would give it: room for the legend's rows and the marker row.
    chart.setFixedSize(CHART_WIDTH, chart.heightForWidth(CHART_WIDTH))
    return frame


def main() -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app)  # English plurals ("1 day", "2 days")
    theme = Theme(app, follow_system=False)
    theme.apply(Scheme.DARK if "--dark" in sys.argv else Scheme.LIGHT)
    rng = random.Random(7)  # noqa: S311 - sample data
    sheet = QWidget()
    grid = QGridLayout(sheet)
    grid.setContentsMargins(16, 16, 16, 16)
    grid.setSpacing(16)
    charts: list[QWidget] = []
    for model in (fortnight(), left_right(), since_run(), water(rng), year(rng), empty()):
        chart: LineChart | BarChart
        if isinstance(model, BarChartModel):
            chart = BarChart()
            chart.set_model(model)
        else:
            chart = LineChart()
            chart.set_model(model)
        charts.append(chart)
        grid.addWidget(card(chart), (len(charts) - 1) // 2, (len(charts) - 1) % 2)
    sheet.show()
    sides = charts[1]
    assert isinstance(sides, LineChart)
    sides.setFocus(Qt.FocusReason.TabFocusReason)
    sides.set_cursor(2.5)
    for _ in range(3):
        app.processEvents()
    sheet.grab().save(sys.argv[1])


if __name__ == "__main__":
    main()
