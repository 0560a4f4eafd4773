"""The History charts: plain models, and widgets checked by the pixels they paint."""

import subprocess
import sys
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QToolTip

from companion.domain.activity import ActivityKind
from companion.domain.therapy_timer import TimerKind
from companion.storage.history import THERAPY_MARKER
from companion.ui.charts import (
    MARKER_KINDS,
    Band,
    Bar,
    BarChart,
    BarChartModel,
    Highlight,
    LineChart,
    LineChartModel,
    Marker,
    Series,
    chart_colours,
    format_number,
    nice_ticks,
    thin_labels,
)
from companion.ui.theme import Scheme, Theme, build_palette

SIZE = (640, 300)
DAYS = tuple((d + 0.5, f"{d + 3} Nov") for d in range(14))


# -- helpers --------------------------------------------------------------------------------------


@pytest.fixture
def light(qapp):
    Theme(qapp, follow_system=False).apply(Scheme.LIGHT)


@pytest.fixture
def line_chart(qtbot, light):
    chart = LineChart()
    chart.resize(*SIZE)
    qtbot.addWidget(chart)
    return chart


@pytest.fixture
def bar_chart(qtbot, light):
    chart = BarChart()
    chart.resize(*SIZE)
    qtbot.addWidget(chart)
    return chart


def paint(chart) -> QImage:
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(chart.palette().color(QPalette.ColorRole.Window))
    chart.render(image)
    return image


def pixel(image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(point.toPoint())


def near(a: QColor, b: QColor, tolerance: int = 8) -> bool:
    return all(
        abs(x - y) <= tolerance
        for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    )


def inked(image: QImage, point: QPointF, colour: QColor, tolerance: int = 8) -> bool:
    """Some pixel within 2 px of point has the colour (a thin line covers part of a pixel)."""
    x, y = round(point.x()), round(point.y())
    return any(
        near(image.pixelColor(x + dx, y + dy), colour, tolerance)
        for dx in range(-2, 3)
        for dy in range(-2, 3)
    )


def blank(image: QImage, point: QPointF, colour: QColor) -> bool:
    """Every pixel within 3 px of point has the (background) colour."""
    x, y = round(point.x()), round(point.y())
    return all(
        near(image.pixelColor(x + dx, y + dy), colour, 2)
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    )


def blend(under: QColor, over: QColor) -> QColor:
    a = over.alphaF()
    return QColor(
        round(under.red() * (1 - a) + over.red() * a),
        round(under.green() * (1 - a) + over.green() * a),
        round(under.blue() * (1 - a) + over.blue() * a),
    )


def soreness(**changes) -> LineChartModel:
    chart = LineChartModel("Calves: soreness by day", (0.0, 14.0), x_ticks=DAYS)
    return replace(chart, **changes)


# -- the models and the pure helpers --------------------------------------------------------------


def test_importing_the_charts_builds_no_app_and_loads_only_three_qt_modules():
    code = (
        "import sys\n"
        "from companion.ui.charts import LineChartModel, Series, Marker, BarChartModel, Bar\n"
        "m = LineChartModel('t', (0, 14), series=(Series('s', ((1, 2),), 'points'),),\n"
        "                   markers=(Marker(1, 'ice', 'Ice'),))\n"
        "BarChartModel('w', (0, 30), (Bar(0.5, 1500, 'x', False),), 2000, 2500)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6.Qt')))\n"
        "from companion.ui.charts import BarChart, LineChart\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "print(QCoreApplication.instance() is None, m.has_points())\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6.Qt')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    models_only, first, modules = result.stdout.strip().splitlines()
    assert models_only == "[]"  # the models are plain data: Qt loads with the widgets
    assert first == "True True"
    assert modules == "['PySide6.QtCore', 'PySide6.QtGui', 'PySide6.QtWidgets']"


def test_the_treatment_and_activity_markers_are_the_domains_names():
    # Every stored therapy (a TimerKind value) and the runs and leg days logged draw a glyph
    # of their own, named as the domain names them: no third list to fall out of step.
    treatments = {THERAPY_MARKER[kind] for kind in TimerKind}
    assert treatments == {"ice", "heat", "contrast", "bath"}
    assert treatments <= set(MARKER_KINDS)
    assert {TimerKind.ICE, TimerKind.HEAT, TimerKind.CONTRAST} <= set(MARKER_KINDS)
    assert {ActivityKind.RUN, ActivityKind.LEG_DAY, ActivityKind.OTHER} <= set(MARKER_KINDS)
    assert all(type(kind) is str for kind in MARKER_KINDS)
    assert Marker(1, ActivityKind.LONG_STANDING, "Long day on feet").glyph == "other"
    # The order is the legend's and the stacking order, and what is drawn depends on it.
    assert MARKER_KINDS == (
        "routine", "ice", "heat", "contrast", "bath", "run", "leg_day", "other"
    )  # fmt: skip


def test_models_refuse_what_cannot_be_drawn():
    with pytest.raises(ValueError, match="style"):
        Series("s", (), "bars")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="role"):
        Series("s", (), "line", "purple")
    with pytest.raises(ValueError, match="x_range"):
        LineChartModel("t", (5.0, 5.0))
    with pytest.raises(ValueError, match="gap"):
        LineChartModel("t", (0.0, 1.0), gap=0)
    with pytest.raises(ValueError, match="low"):
        Band("b", ((1.0, 5.0, 2.0),))
    with pytest.raises(ValueError, match="backwards"):
        Highlight(3.0, 2.0, "h")
    with pytest.raises(ValueError, match="y_max"):
        BarChartModel("w", (0.0, 1.0), (), None, 0)


def test_an_unknown_marker_kind_is_drawn_as_other():
    assert Marker(1.0, "long_standing", "Long day on feet").glyph == "other"
    assert Marker(1.0, "ice", "Ice").glyph == "ice"


@pytest.mark.parametrize(
    ("value", "text"), [(2000, "2,000"), (4.0, "4"), (4.25, "4.2"), (0, "0"), (12.96, "13.0")]
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (2904, (0, 500, 1000, 1500, 2000, 2500)),
        (10, (0, 2, 4, 6, 8, 10)),
        (550, (0, 100, 200, 300, 400, 500)),
    ],
)
def test_nice_ticks(top, ticks):
    assert nice_ticks(top) == pytest.approx(ticks)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0, 600, allow_nan=False), min_size=1, max_size=60, unique=True),
    st.floats(10, 90),
)
def test_thinned_labels_never_overlap_or_leave_their_room(centres, size):
    centres = sorted(centres)
    kept = thin_labels(centres, [size] * len(centres), 6, 0, 640)
    assert kept, "the first label always fits"
    assert kept[0][0] == 0
    steps = {b[0] - a[0] for a, b in pairwise(kept)}
    assert len(steps) <= 1, "every k-th label, one k"
    for (_i, start), (_j, after) in pairwise(kept):
        assert after >= start + size + 6
    assert all(start >= 0 and start + size <= 640 for _i, start in kept)


def test_thin_labels_keeps_all_when_there_is_room_and_thins_when_not():
    assert [i for i, _s in thin_labels([0, 100, 200, 300], [40] * 4, 10, -50, 400)] == [0, 1, 2, 3]
    assert [i for i, _s in thin_labels([0, 30, 60, 90], [40] * 4, 10, -50, 400)] == [0, 2]


# -- line chart: pixels ---------------------------------------------------------------------------


def test_a_point_is_painted_in_its_role_colour_where_it_maps(line_chart):
    # Samples stay off the grid: the y ticks are even, the labelled x ticks at 0.5, 2.5, ...
    line_chart.set_model(soreness(series=(Series("On movement", ((4.0, 5.0),), "points"),)))
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    at = line_chart.map_to_widget(4.0, 5.0)
    assert near(pixel(image, at), colours.roles["primary"])
    # ... and nowhere a point is not
    assert blank(image, line_chart.map_to_widget(8.0, 5.0), colours.base)


def test_a_second_role_has_its_own_colour(line_chart):
    line_chart.set_model(
        soreness(series=(Series("At rest", ((4.0, 3.0),), "points", "secondary"),))
    )
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    assert near(pixel(image, line_chart.map_to_widget(4.0, 3.0)), colours.roles["secondary"])
    assert not near(colours.roles["secondary"], colours.roles["primary"], 40)


def test_the_band_is_shaded_at_its_x_inside_the_plot(line_chart):
    band = Band("Typical pattern: yours may differ", ((2.0, 2.0, 8.0), (6.0, 2.0, 8.0)))
    line_chart.set_model(
        soreness(series=(Series("On movement", ((12.0, 1.0),), "points"),), bands=(band,))
    )
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    inside = line_chart.map_to_widget(3.0, 3.0)  # below the band's label, off the grid
    assert near(pixel(image, inside), blend(colours.base, colours.band), 3)
    assert blank(image, line_chart.map_to_widget(9.0, 3.0), colours.base)


def test_a_line_breaks_across_a_gap_longer_than_the_model_allows(line_chart):
    far_apart = ((1.0, 5.0), (8.0, 5.0))
    line = Series("On movement, average", far_apart, "line")
    colours = chart_colours(line_chart.palette())
    middle = (4.0, 5.0)

    line_chart.set_model(soreness(series=(line,)))  # gap 3: these two are 7 apart
    broken = paint(line_chart)
    assert blank(broken, line_chart.map_to_widget(*middle), colours.base)
    # lonely points of a plain line still show, as dots
    assert near(pixel(broken, line_chart.map_to_widget(1.0, 5.0)), colours.roles["primary"])

    line_chart.set_model(soreness(series=(line,), gap=10.0))  # the same test can fail
    joined = paint(line_chart)
    assert inked(joined, line_chart.map_to_widget(*middle), colours.roles["primary"])


def test_a_dashed_line_leaves_gaps_along_itself(line_chart):
    dashed = Series("At rest, average", ((1.0, 5.0), (3.0, 5.0)), "line", "secondary", True)
    line_chart.set_model(soreness(series=(dashed,)))
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    a, b = line_chart.map_to_widget(1.2, 5.0), line_chart.map_to_widget(2.3, 5.0)
    colour = colours.roles["secondary"]
    y = round(a.y())
    along = [
        any(near(image.pixelColor(x, y + dy), colour, 40) for dy in (-1, 0, 1))
        for x in range(round(a.x()), round(b.x()))
    ]
    assert any(along)
    assert not all(along)


def test_a_highlight_tints_its_span(line_chart):
    line_chart.set_model(
        soreness(
            series=(Series("Left", ((1.0, 5.0), (2.0, 2.0)), "points+line", "left"),),
            highlights=(Highlight(9.0, 10.0, "9 Nov: 4 points apart"),),
        )
    )
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    tinted = blend(colours.base, colours.highlight)
    assert near(pixel(image, line_chart.map_to_widget(9.2, 5.0)), tinted, 3)
    assert blank(image, line_chart.map_to_widget(11.0, 5.0), colours.base)
    assert line_chart.tooltip_at(line_chart.map_to_widget(9.5, 5.0)) == "9 Nov: 4 points apart"
    assert line_chart.tooltip_at(line_chart.map_to_widget(11.5, 5.0)) == ""


def test_points_outside_the_x_range_are_not_drawn_and_count_as_no_data(line_chart):
    outside = Series("On movement", ((-3.0, 5.0), (20.0, 5.0)), "points")
    line_chart.set_model(soreness(series=(outside,)))
    assert not line_chart.model.has_points()
    assert line_chart.cursor_x() is None


def test_the_empty_text_is_centred_and_muted(line_chart):
    line_chart.set_model(soreness(empty_text="No ratings for this region in this period."))
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    background = line_chart.palette().color(QPalette.ColorRole.Window)
    middle_y = line_chart.height() // 2 + 10
    inked = [
        x
        for y in range(middle_y - 30, middle_y + 30)
        for x in range(line_chart.width())
        if not near(image.pixelColor(x, y), background, 10)
    ]
    assert inked, "the empty text is painted"
    assert abs((min(inked) + max(inked)) / 2 - line_chart.width() / 2) < 6, "centred"
    darkest = min(
        (image.pixelColor(x, y) for y in range(middle_y - 30, middle_y + 30) for x in inked[:200]),
        key=lambda c: c.lightness(),
    )
    assert near(darkest, colours.muted, 24), "muted, not the text colour"
    # with data there is no empty text but a plot
    line_chart.set_model(soreness(series=(Series("s", ((4.0, 6.0),), "points"),)))
    assert line_chart.plot_rect().height() > 100


# -- line chart: markers --------------------------------------------------------------------------


def glyph_point(chart: LineChart, x: float, label: str) -> QPointF:
    """Find a marker's glyph by scanning below the plot at its x with the hit-test."""
    px = chart.map_to_widget(x, 0).x()
    top = int(chart.plot_rect().bottom())
    for y in range(top, chart.height()):
        point = QPointF(px, y)
        if label in chart.tooltip_at(point).split("\n"):
            return point
    raise AssertionError(f"no glyph for {label!r} at x={x}")


def marked(**kwargs) -> LineChartModel:
    return soreness(series=(Series("On movement", ((1.0, 3.0), (2.0, 5.0)), "points"),), **kwargs)


def test_hovering_a_marker_names_it(line_chart):
    markers = (
        Marker(2.0, "ice", "Ice logged, 15 min"),
        Marker(2.0, "routine", "Evening cool-down: logged"),
        Marker(9.0, "run", "Run, 10 km"),
    )
    line_chart.set_model(marked(markers=markers))
    ice = glyph_point(line_chart, 2.0, "Ice logged, 15 min")
    routine = glyph_point(line_chart, 2.0, "Evening cool-down: logged")
    run = glyph_point(line_chart, 9.0, "Run, 10 km")
    assert ice.y() != routine.y(), "two kinds at one x stack"
    assert line_chart.tooltip_at(ice) == "Ice logged, 15 min"
    assert line_chart.tooltip_at(run) == "Run, 10 km"
    assert line_chart.markers_at(run) == (markers[2],)
    assert line_chart.tooltip_at(QPointF(run.x() + 40, run.y())) == ""
    # each kind has its own colour where its glyph is drawn
    image = paint(line_chart)
    colours = chart_colours(line_chart.palette())
    box = [
        image.pixelColor(round(run.x()) + dx, round(run.y()) + dy)
        for dx in range(-5, 6)
        for dy in range(-5, 6)
    ]
    assert any(near(c, colours.markers["run"], 30) for c in box)


def test_the_mouse_shows_and_hides_the_marker_tooltip(qtbot, line_chart):
    line_chart.set_model(marked(markers=(Marker(9.0, "heat", "Heat logged, 20 min"),)))
    line_chart.show()
    qtbot.waitExposed(line_chart)
    assert line_chart.hasMouseTracking()
    at = glyph_point(line_chart, 9.0, "Heat logged, 20 min")
    qtbot.mouseMove(line_chart, at.toPoint())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == "Heat logged, 20 min")
    qtbot.mouseMove(line_chart, QPoint(5, 5))
    qtbot.waitUntil(lambda: not QToolTip.isVisible() or QToolTip.text() == "")


def test_many_markers_at_one_x_fold_into_more_and_the_legend_lists_every_kind(line_chart):
    markers = tuple(Marker(5.0, kind, f"{kind} logged") for kind in MARKER_KINDS)
    line_chart.set_model(marked(markers=markers))
    more = glyph_point(line_chart, 5.0, "bath logged")
    assert len(line_chart.markers_at(more)) > 1, "the last glyph holds the rest"
    legend = [entry.label for _at, entry in line_chart.frame().legend]
    assert {"Routine", "Ice", "Heat", "Contrast", "Bath", "Run", "Leg day", "Other"} <= set(legend)


def test_the_legend_sits_above_the_plot_and_x_labels_never_overlap(line_chart):
    markers = tuple(Marker(float(d), kind, kind) for d, kind in enumerate(MARKER_KINDS))
    line_chart.set_model(
        soreness(
            series=(
                Series("On movement", ((1.0, 3.0),), "points"),
                Series("On movement, 3-point average", ((1.0, 3.0), (2.0, 4.0))),
                Series("At rest", ((1.0, 1.0),), "points", "secondary"),
                Series(
                    "At rest, 3-point average", ((1.0, 1.0), (2.0, 2.0)), "line", "secondary", True
                ),
            ),
            bands=(
                Band("Typical pattern after exercise: yours may differ", ((1, 0, 3), (5, 1, 6))),
            ),
            markers=markers,
        )
    )
    for width in (300, 420, 640, 900):
        line_chart.resize(width, line_chart.heightForWidth(width))
        frame = line_chart.frame()
        assert frame.legend, width
        assert all(at.y() + 14 <= frame.plot.top() for at, _e in frame.legend), width
        spans = sorted(
            (at.x(), at.x() + line_chart.fontMetrics().horizontalAdvance(t))
            for _p, at, t in frame.x_labels
        )
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), width
        assert all(s[0] >= 0 and s[1] <= width for s in spans), width


def test_a_longer_legend_asks_for_more_height(line_chart):
    line_chart.set_model(soreness(series=(Series("On movement", ((1.0, 3.0),), "points"),)))
    short = line_chart.heightForWidth(640)
    many = tuple(Series(f"Series number {i}", ((1.0, 3.0),), "points") for i in range(12))
    line_chart.set_model(soreness(series=many))
    assert line_chart.heightForWidth(640) > short
    assert line_chart.heightForWidth(320) > line_chart.heightForWidth(640)
    assert 240 <= short <= 280, "about 640 x 260 for a plain chart"


# -- keyboard and accessibility -------------------------------------------------------------------


def test_arrow_keys_step_a_cursor_that_speaks_through_the_description(qtbot, line_chart):
    model = soreness(
        series=(
            Series("On movement", ((2.5, 6.0), (3.5, 4.0)), "points"),
            Series("At rest", ((2.5, 2.0),), "points", "secondary"),
        ),
        markers=(Marker(3.5, "ice", "Ice logged, 15 min"),),
        description="Calves: easing.",
    )
    line_chart.set_model(model)
    assert line_chart.accessibleName() == "Calves: soreness by day"
    assert line_chart.accessibleDescription() == "Calves: easing."
    assert line_chart.focusPolicy() == Qt.FocusPolicy.StrongFocus

    qtbot.keyClick(line_chart, Qt.Key.Key_Right)
    assert line_chart.cursor_x() == 2.5
    assert line_chart.cursor_text() == "5 Nov: On movement 6; At rest 2"
    assert line_chart.accessibleDescription() == "5 Nov: On movement 6; At rest 2. Calves: easing."

    qtbot.keyClick(line_chart, Qt.Key.Key_Right)
    assert line_chart.cursor_text() == "6 Nov: On movement 4; Ice logged, 15 min"
    qtbot.keyClick(line_chart, Qt.Key.Key_Right)  # the last stop stays put
    assert line_chart.cursor_x() == 3.5
    qtbot.keyClick(line_chart, Qt.Key.Key_Left)
    assert line_chart.cursor_x() == 2.5
    qtbot.keyClick(line_chart, Qt.Key.Key_Escape)
    assert line_chart.cursor_x() is None
    assert line_chart.accessibleDescription() == "Calves: easing."


def test_the_cursor_is_drawn_with_its_values_inside_the_plot(line_chart):
    line_chart.set_model(
        soreness(series=(Series("On movement", ((2.5, 6.0), (10.5, 4.0)), "points"),))
    )
    before = paint(line_chart)
    line_chart.set_cursor(2.5)
    after = paint(line_chart)
    plot = line_chart.plot_rect()
    # the label box opens on the far side of the cursor, inside the plot
    changed = [
        (x, y)
        for y in range(int(plot.top()), int(plot.bottom()))
        for x in range(int(plot.center().x()), int(plot.right()))
        if before.pixelColor(x, y) != after.pixelColor(x, y)
    ]
    assert changed
    assert all(plot.contains(QPointF(x, y)) for x, y in changed)


def test_the_cursor_names_positions_between_ticks_by_the_nearest_tick(line_chart):
    line_chart.set_model(
        soreness(
            series=(Series("s", ((1.33, 2.0), (1.83, 3.0), (7.0, 1.0)), "points"),),
            x_names=((7.0, "Sun 9 Nov, midnight"),),
        )
    )
    assert line_chart.x_name(1.33) == "4 Nov"  # day 1 08:00, the tick at day 1's middle
    assert line_chart.x_name(1.83) == "4 Nov"
    assert line_chart.x_name(7.0) == "Sun 9 Nov, midnight"
    assert line_chart.x_name(30.0) == "30"


def test_focus_draws_a_visible_frame(qtbot, line_chart):
    line_chart.set_model(soreness(series=(Series("s", ((2.5, 6.0),), "points"),)))
    line_chart.show()
    qtbot.waitExposed(line_chart)
    line_chart.activateWindow()
    line_chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(line_chart.hasFocus)
    accent = chart_colours(line_chart.palette()).accent
    top_middle = QPointF(line_chart.width() / 2, 1)
    assert near(pixel(paint(line_chart), top_middle), accent, 40)
    line_chart.clearFocus()
    assert not near(pixel(paint(line_chart), top_middle), accent, 40)


def test_a_palette_change_repaints_in_the_dark_colours(qtbot, line_chart, monkeypatch):
    line_chart.set_model(soreness(series=(Series("On movement", ((4.0, 6.0),), "points"),)))
    at = line_chart.map_to_widget(4.0, 6.0)
    base_at = line_chart.map_to_widget(8.0, 3.0)
    light_image = paint(line_chart)
    assert near(pixel(light_image, base_at), QColor("#ffffff"), 1)

    requested = []
    monkeypatch.setattr(line_chart, "update", lambda *a: requested.append(a))
    line_chart.setPalette(build_palette(Scheme.DARK))
    assert requested, "a palette change asks for a repaint"

    dark = chart_colours(line_chart.palette())
    assert dark.dark
    dark_image = paint(line_chart)
    assert near(pixel(dark_image, base_at), QColor("#242a28"), 1)
    assert near(pixel(dark_image, at), dark.roles["primary"])
    assert not near(pixel(light_image, at), dark.roles["primary"], 20)


def test_role_colours_stand_apart_from_the_base_in_both_schemes():
    for scheme in Scheme:
        colours = chart_colours(build_palette(scheme))
        for name, colour in [*colours.roles.items(), *colours.markers.items()]:
            gap = abs(colour.lightnessF() - colours.base.lightnessF())
            assert gap > 0.2, (scheme, name, colour.name())


# -- many points ----------------------------------------------------------------------------------


def test_five_thousand_points_and_two_thousand_markers_are_culled_to_pixels(line_chart):
    """Years of points paint as at most one dot per 2 px cell and one line vertex a pixel.
    (How long it takes is measured by benchmarks/history_open.py, not asserted here.)"""
    points = tuple((i * 365 / 5000, float((i * 7) % 11)) for i in range(5000))
    smooth = tuple((x, 5 + (i % 50) / 25) for i, (x, _y) in enumerate(points))
    markers = tuple(
        Marker(i * 365 / 2000, MARKER_KINDS[i % len(MARKER_KINDS)], f"m{i}") for i in range(2000)
    )
    model = LineChartModel(
        "A year",
        (0.0, 365.0),
        series=(Series("raw", points, "points", "muted"), Series("average", smooth, "line")),
        markers=markers,
    )
    line_chart.set_model(model)
    paint(line_chart)  # builds the geometry for this size
    geometry = line_chart._geometry
    dots = [dots.at(i) for _s, dots in geometry.dots for i in range(dots.size())]
    cells = {(int(d.x()) >> 1, int(d.y()) >> 1) for d in dots}
    assert len(dots) == len(cells) < 5000, "one dot per 2 px cell"
    assert sum(p.size() for _s, ps in geometry.lines for p in ps) < 2 * line_chart.width()
    line_chart.resize(700, 320)  # a new size builds the geometry again
    paint(line_chart)
    assert line_chart._geometry is not geometry


# -- bar chart ------------------------------------------------------------------------------------


def water(**changes) -> BarChartModel:
    bars = tuple(
        Bar(d + 0.5, ml, f"{d + 3} Nov: {ml:,.0f} mL", ml >= 2000)
        for d, ml in enumerate((1500.0, 2200.0, 900.0, 2600.0, 2000.0))
    )
    chart = BarChartModel(
        "Water per day",
        (0.0, 7.0),
        bars,
        goal=2000.0,
        y_max=3000.0,
        x_ticks=DAYS[:7],
        description="Goal reached on 3 of 5 days.",
    )
    return replace(chart, **changes)


def test_bars_are_coloured_by_the_goal_and_the_goal_is_a_dashed_line(bar_chart):
    bar_chart.set_model(water())
    image = paint(bar_chart)
    colours = chart_colours(bar_chart.palette())
    # samples off the grid: x ticks at 0.5, 2.5, ..., y ticks every 500
    assert near(pixel(image, bar_chart.map_to_widget(1.6, 1200)), colours.bar_met, 2)
    assert near(pixel(image, bar_chart.map_to_widget(0.6, 1200)), colours.bar_unmet, 2)
    assert blank(image, bar_chart.map_to_widget(0.6, 1700), colours.base), "above the bar"
    y = round(bar_chart.map_to_widget(0, 2000).y())
    left, right = bar_chart.map_to_widget(5.2, 0).x(), bar_chart.map_to_widget(6.9, 0).x()
    row = [
        min(image.pixelColor(x, y + dy).lightness() for dy in (-1, 0, 1)) < 150
        for x in range(int(left), int(right))
    ]
    assert any(row), "a goal line"
    assert not all(row), "dashed"
    legend = [entry.label for _at, entry in bar_chart.frame().legend]
    assert legend == ["Goal met", "Below goal", "Goal 2,000 mL"]


def test_bars_answer_hover_and_keys(qtbot, bar_chart):
    bar_chart.set_model(water())
    assert bar_chart.tooltip_at(bar_chart.map_to_widget(3.5, 500)) == "6 Nov: 2,600 mL"
    assert bar_chart.tooltip_at(bar_chart.map_to_widget(3.5, 2900)) == "6 Nov: 2,600 mL"
    assert bar_chart.tooltip_at(bar_chart.map_to_widget(6.5, 500)) == ""
    qtbot.keyClick(bar_chart, Qt.Key.Key_End)
    assert bar_chart.cursor_text() == "7 Nov: 2,000 mL"
    qtbot.keyClick(bar_chart, Qt.Key.Key_Left)
    assert bar_chart.accessibleDescription() == "6 Nov: 2,600 mL. Goal reached on 3 of 5 days."


def test_no_bars_shows_the_empty_text(bar_chart):
    bar_chart.set_model(water(bars=(), empty_text="No water logged in this period."))
    image = paint(bar_chart)
    background = bar_chart.palette().color(QPalette.ColorRole.Window)
    middle = bar_chart.height() // 2 + 10
    assert any(
        not near(image.pixelColor(x, y), background, 10)
        for y in range(middle - 30, middle + 30)
        for x in range(bar_chart.width())
    )
    assert bar_chart.cursor_x() is None
