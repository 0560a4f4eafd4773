from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPen

from companion.resources import load_regions
from companion.ui.theme import Scheme, Theme
from companion.ui.today.body_map import (
    BodyMapView,
    IntensityLegend,
    Spot,
    intensity_colour,
    severity_word,
)
from companion.ui.today.body_shapes import figure


@pytest.fixture
def body_map(qtbot, qapp):
    Theme(qapp).apply(Scheme.LIGHT)
    view = BodyMapView(load_regions())
    view.resize(520, 560)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def inside(view: BodyMapView, spot: Spot) -> QPoint:
    """A pixel well inside the drawn shape of a region."""
    path = view.region_path(spot)
    box = path.boundingRect()
    best = None
    steps = 24
    for i in range(1, steps):
        for j in range(1, steps):
            p = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
            if path.contains(p):
                # prefer points far from the edge: all 4 neighbours inside too
                ring = [p + QPointF(dx, dy) for dx, dy in ((3, 0), (-3, 0), (0, 3), (0, -3))]
                if all(path.contains(q) for q in ring):
                    best = p
                    if abs(i - steps / 2) + abs(j - steps / 2) < 4:
                        return best.toPoint()
    assert best is not None, spot
    return best.toPoint()


def test_every_region_is_on_the_map_with_both_sides():
    catalog = load_regions()
    drawn = set(figure("front").regions) | set(figure("back").regions)
    assert drawn == set(catalog.ids)
    for region in catalog:
        for view in region.views:
            assert region.id in figure(view.value).regions, (region.id, view)


def test_regions_tile_without_overlapping():
    for view in ("front", "back"):
        regions = list(figure(view).regions.items())
        for i, (a, pa) in enumerate(regions):
            for b, pb in regions[i + 1 :]:
                overlap = pa.intersected(pb).boundingRect()
                assert overlap.width() * overlap.height() < 1.0, (view, a, b)


def test_front_view_puts_the_persons_right_on_the_viewers_left():
    front, back = figure("front"), figure("back")
    assert front.regions["quads_R"].boundingRect().center().x() < 0
    assert front.regions["quads_L"].boundingRect().center().x() > 0
    assert back.regions["calves_L"].boundingRect().center().x() < 0
    assert back.regions["calves_R"].boundingRect().center().x() > 0


def test_click_selects_the_region_under_the_pointer(body_map, qtbot):
    spot = Spot("calves_R", "back")
    with qtbot.waitSignal(body_map.region_selected, check_params_cb=lambda r: r == "calves_R"):
        qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=inside(body_map, spot))
    assert body_map.selected_region == "calves_R"


def test_hit_testing_follows_the_shape_not_its_box(body_map):
    # The corners of the lower-back shape's bounding box are outside the shape.
    path = body_map.region_path(Spot("lower_back", "back"))
    corner = path.boundingRect().topLeft() + QPointF(2, 2)
    assert not path.contains(corner)
    assert body_map.spot_at(corner) != Spot("lower_back", "back")
    assert body_map.spot_at(QPointF(inside(body_map, Spot("lower_back", "back")))) == Spot(
        "lower_back", "back"
    )
    assert body_map.spot_at(QPointF(2, 2)) is None


def test_hover_names_the_region(body_map, qtbot):
    point = inside(body_map, Spot("quads_L", "front"))
    with qtbot.waitSignal(body_map.region_hovered, check_params_cb=lambda r: r == "quads_L"):
        qtbot.mouseMove(body_map, point)
    assert body_map.toolTip().startswith("Quadriceps (left), front of the thigh: 0 out of 10")


def test_wheel_changes_the_score(body_map, qtbot):
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    point = QPointF(inside(body_map, Spot("shin_L", "front")))
    for _ in range(3):
        event = QWheelEvent(
            point,
            body_map.mapToGlobal(point),
            P(0, 0),
            P(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        body_map.wheelEvent(event)
    assert body_map.score("shin_L") == 3


def test_keyboard_selects_moves_sets_and_clears(body_map, qtbot):
    body_map.setFocus()
    qtbot.keyClick(body_map, Qt.Key.Key_Right)  # nothing selected yet: the first region
    first = body_map.selected_region
    assert first is not None
    qtbot.keyClick(body_map, Qt.Key.Key_6)
    assert body_map.score(first) == 6
    qtbot.keyClick(body_map, Qt.Key.Key_Plus)
    assert body_map.score(first) == 7
    qtbot.keyClick(body_map, Qt.Key.Key_0)
    assert body_map.score(first) == 10
    qtbot.keyClick(body_map, Qt.Key.Key_Delete)
    assert body_map.score(first) == 0
    # Down from the knee reaches the lower leg; Right from the front crosses to the back view.
    body_map.select("knee_R", "front")
    qtbot.keyClick(body_map, Qt.Key.Key_Down)
    assert body_map.selected_region in {"shin_R", "lateral_lower_leg_R"}
    body_map.select("quads_L", "front")
    seen = set()
    for _ in range(6):
        qtbot.keyClick(body_map, Qt.Key.Key_Right)
        seen.add(body_map.selected_region)
    assert any(
        figure("back").regions.get(r) is not None and r not in figure("front").regions for r in seen
    )


def test_scores_are_bounded_and_unknown_regions_refused(body_map):
    body_map.set_score("quads_L", 14)
    assert body_map.score("quads_L") == 10
    body_map.set_score("quads_L", -3)
    assert body_map.score("quads_L") == 0
    with pytest.raises(KeyError):
        body_map.set_scores({"elbow_L": 3})
    body_map.set_scores({"quads_L": 4, "calves_R": 0})
    assert body_map.scores() == {"quads_L": 4}


def test_colours_drawn_match_the_scale(body_map, qtbot, tmp_path: Path):
    # Focused with nothing selected: the focus frame is drawn and must not fill the map.
    body_map.activateWindow()
    body_map.setFocus()
    qtbot.waitUntil(body_map.hasFocus)
    body_map.set_scores({"hamstrings_L": 2, "hamstrings_R": 9, "glutes_L": 0})
    image = body_map.grab().toImage()
    image.save(str(tmp_path / "map.png"))
    for rid, value in (("hamstrings_L", 2), ("hamstrings_R", 9)):
        spot = Spot(rid, "back")
        point = body_map.region_path(spot).boundingRect().center().toPoint() + QPoint(0, 22)
        assert QColor(image.pixel(point)).name() == intensity_colour(value).name(), rid
    untouched = inside(body_map, Spot("glutes_L", "back"))
    assert QColor(image.pixel(untouched)).name() == "#e7ecea"


def test_the_scale_is_ordered_in_lightness_for_colour_blind_readers():
    lightness = [intensity_colour(v).lightnessF() for v in range(1, 11)]
    assert lightness == sorted(lightness, reverse=True)
    assert lightness[0] - lightness[-1] > 0.6
    assert [severity_word(v) for v in (0, 1, 3, 4, 6, 7, 10)] == [
        "none",
        "mild",
        "mild",
        "moderate",
        "moderate",
        "severe",
        "severe",
    ]


def test_every_region_has_an_accessible_name_and_value(body_map):
    body_map.set_score("calves_L", 6)
    body_map.select("calves_L")
    iface = QAccessible.queryAccessibleInterface(body_map)
    assert iface.role() == QAccessible.Role.List
    assert iface.childCount() == len(load_regions())
    names = {iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())}
    assert "Calves (left), 6 of 10" in names  # the name carries the score
    assert "Lower back, 0 of 10" in names
    calves = next(
        iface.child(i)
        for i in range(iface.childCount())
        if iface.child(i).text(QAccessible.Text.Name).startswith("Calves (left)")
    )
    assert calves.text(QAccessible.Text.Value) == "6 out of 10, moderate"
    assert calves.text(QAccessible.Text.Description).startswith("back of the lower leg.")
    assert calves.state().selected
    assert iface.focusChild() is calves
    assert calves.rect().width() > 0


def test_legend_is_named(qtbot):
    legend = IntensityLegend()
    qtbot.addWidget(legend)
    assert "1 to 3 mild" in legend.accessibleDescription()


def test_each_region_reads_and_sets_its_score_through_the_value_interface(body_map, qtbot):
    iface = QAccessible.queryAccessibleInterface(body_map)
    regions = {iface.child(i).text(QAccessible.Text.Name): iface.child(i) for i in range(25)}
    calves = regions["Calves (right), 0 of 10"]
    value = calves.valueInterface()
    assert value is not None
    assert (value.minimumValue(), value.maximumValue(), value.minimumStepSize()) == (0, 10, 1)
    assert value.currentValue() == 0
    with qtbot.waitSignal(body_map.intensity_changed) as changed:
        value.setCurrentValue(6.0)  # AT-SPI sends a double
    assert changed.args == ["calves_R", 6]
    assert body_map.score("calves_R") == 6
    assert body_map.selected_region == "calves_R"
    assert calves.text(QAccessible.Text.Name) == "Calves (right), 6 of 10"
    assert value.currentValue() == 6
    value.setCurrentValue(14)
    assert body_map.score("calves_R") == 10  # kept inside 0-10
    body_map.set_score("calves_R", 2)
    assert value.currentValue() == 2


def test_a_map_that_only_shows_has_no_settable_values(qtbot):
    view = BodyMapView(load_regions(), interactive=False)
    qtbot.addWidget(view)
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface.child(0).valueInterface() is None


def figure_lines(view: BodyMapView, monkeypatch) -> list[tuple[float, bool]]:
    """Each pen the figure is drawn with: its width on screen, and whether it is cosmetic."""
    seen: list[tuple[float, bool]] = []
    set_pen = QPainter.setPen

    def recording(painter: QPainter, pen):  # a QPen, a QColor or a pen style
        if isinstance(pen, QPen) and painter.transform().isScaling():
            width = pen.widthF() if pen.isCosmetic() else pen.widthF() * painter.transform().m11()
            seen.append((width, pen.isCosmetic()))
        set_pen(painter, pen)

    monkeypatch.setattr(QPainter, "setPen", recording)
    view.grab()
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("size", [(520, 560), (722, 500), (1100, 1000)])
def test_at_normal_contrast_no_line_of_the_figure_is_wider_than_a_pixel(
    body_map, monkeypatch, size
):
    # Qt's hairline stroker draws those and keeps nothing; a wider line's stroker
    # buffers stay with the window's paint engine (docs/PERFORMANCE.md).
    body_map.resize(*size)
    body_map.set_scores({"hamstrings_R": 6})
    lines = figure_lines(body_map, monkeypatch)
    assert len(lines) >= 3 * 2  # outline, regions and details, front and back
    assert all(0 < width <= 1.0 and cosmetic for width, cosmetic in lines), lines


def test_high_contrast_keeps_the_heavier_lines_of_the_figure(qtbot, qapp, monkeypatch):
    Theme(qapp).apply(Scheme.LIGHT, high_contrast=True)
    view = BodyMapView(load_regions())
    view.resize(722, 500)
    qtbot.addWidget(view)
    try:
        lines = figure_lines(view, monkeypatch)
    finally:
        Theme(qapp).apply(Scheme.LIGHT)
    assert lines and not any(cosmetic for _width, cosmetic in lines)
    assert max(width for width, _cosmetic in lines) > 1.5  # the outline, 1.2 x 1.6 x 0.9
