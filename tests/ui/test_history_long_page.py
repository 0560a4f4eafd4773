"""The History screen at any length: the activity list in pages with Newer and Older, the
replay's badges apart and its layout still while playing, a month-by-month chart."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.activity import Activity, ActivityKind
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.triage import GREEN
from companion.storage.activities import ActivityRepository
from companion.storage.checkins import CheckInRepository
from companion.ui.history.badge_layout import Placed, overlapping, place_badges
from companion.ui.history.page import HistoryPage
from companion.ui.today.body_map import BodyMapView


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    companion = make_app()
    now = clock.now()
    checkins = CheckInRepository(companion.db)
    for n in range(0, 3 * 365, 4):
        at = now - timedelta(days=n)
        checkins.save(
            CheckIn(
                at=at,
                onset=at - timedelta(days=1),
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=tuple(
                    RegionReport(f"{g}_{s}", side, 1, 3 + (n % 5))
                    for g in ("quads", "adductors", "hip_flexors", "calves")
                    for s, side in (("L", Side.LEFT), ("R", Side.RIGHT))
                ),
            ),
            GREEN,
        )
    activities = ActivityRepository(companion.db)
    for n in range(45):
        activities.add(Activity(ActivityKind.RUN, now - timedelta(days=n), km=5), "app")
    return companion


def open_history(companion, qtbot) -> HistoryPage:
    companion.window.show_section("history")
    page = companion.window.page("history")
    assert isinstance(page, HistoryPage)
    qtbot.waitUntil(page.isVisible)
    return page


def test_the_activity_list_pages_through_every_entry(companion, qtbot):
    page = open_history(companion, qtbot)
    page.range_box.setCurrentIndex(2)  # 3 months: all 45 runs
    assert "export" not in page.activity_text.text()
    assert len(page.activity_text.text().splitlines()) == 20
    assert not page.newer_button.isEnabled() and page.older_button.isEnabled()
    assert page.activity_where.text() == "1-20 of 45"
    seen = page.activity_text.text().splitlines()
    page.older_button.click()
    assert page.activity_where.text() == "21-40 of 45" and page.newer_button.isEnabled()
    seen += page.activity_text.text().splitlines()
    page.older_button.click()
    seen += page.activity_text.text().splitlines()
    assert page.activity_where.text() == "41-45 of 45" and not page.older_button.isEnabled()
    assert page.newer_button.hasFocus() or not page.older_button.hasFocus()
    assert len(seen) == len(set(seen)) == 45
    page.newer_button.click()
    assert page.activity_where.text() == "21-40 of 45"
    page.range_box.setCurrentIndex(0)  # a new period starts on its newest page
    assert page.activity_where.text().startswith("1-")


def test_three_years_are_charted_month_by_month(companion, qtbot):
    page = open_history(companion, qtbot)
    page.range_box.setCurrentIndex(page.range_box.count() - 1)  # All
    model = page.chart.model
    assert model.title.endswith("soreness month by month")
    assert len(model.series[0].points) <= 40
    assert model.x_names  # the keyboard cursor names each month
    assert [label for _x, label in model.x_ticks][:2] == ["2024", "2025"]


def test_the_replays_badges_never_overlap_and_playing_moves_nothing(companion, qtbot):
    page = open_history(companion, qtbot)
    companion.window.resize(720, 480)
    qtbot.waitUntil(lambda: page.body_map.width() > 0)
    radius = page.body_map.badge_radius()
    badges = page.body_map.badges()
    assert len(badges) == 8  # both legs' front of thigh, inner thigh, hip flexors, calves
    assert overlapping([at for _s, _v, at in badges], radius) == []
    at_centres = [Placed(*at.anchor, at.anchor) for _s, _v, at in badges]
    assert overlapping(at_centres, radius)  # at their regions' centres they would overlap
    assert any(at.leader for _s, _v, at in badges)  # the crowded thighs fan out
    card_height = page.map_card.height()
    positions = (page.play_button.pos(), page.day_slider.pos(), page.day_box.pos())
    width = page.play_button.width()
    page.day_slider.setValue(0)
    page.play_button.setChecked(True)
    assert page.play_button.text() == "Pause" and page.play_button.width() == width
    for _ in range(5):
        page._replay_step()
        qtbot.wait(0)  # let the layout settle, as it does between steps
        assert page.map_card.height() == card_height
        assert (page.play_button.pos(), page.day_slider.pos(), page.day_box.pos()) == positions
    page.play_button.setChecked(False)
    assert page.play_button.width() == width


def test_the_replay_overrides_the_maps_badge_hook():
    # ReplayMapView replaces BodyMapView's badge painting; if the hook were renamed the
    # replay would silently draw the overlapping badges again.
    assert hasattr(BodyMapView, "_paint_badges")


def test_badges_at_one_spot_are_pushed_apart_inside_the_bounds():
    placed = place_badges([(50.0, 50.0)] * 4 + [(2.0, 2.0)], 8.0, (0.0, 0.0, 100.0, 100.0))
    assert overlapping(placed, 8.0) == []
    assert all(8.0 <= p.x <= 92.0 and 8.0 <= p.y <= 92.0 for p in placed)
    alone = place_badges([(50.0, 50.0)], 8.0, (0.0, 0.0, 100.0, 100.0))
    assert not alone[0].leader
