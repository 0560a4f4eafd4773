"""What History keeps between range changes is never stale: a chart's kept heights
follow its model and font, and the sore-spell cards are built again when the spells
shown change (and only then)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QFont

from companion.domain.activity import Activity, ActivityKind
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.triage import GREEN
from companion.storage.activities import ActivityRepository
from companion.storage.checkins import CheckInRepository
from companion.ui.charts import LineChart, LineChartModel, Marker, Series
from companion.ui.history.page import EpisodeView
from tests.ui.test_history_page import companion, open_history  # noqa: F401  (fixture)


def test_a_charts_kept_height_follows_its_model_and_font(qtbot, qapp):
    chart = LineChart()
    qtbot.addWidget(chart)
    plain = LineChartModel("Calves", (0.0, 14.0), series=(Series("On movement", ((1, 2),)),))
    chart.set_model(plain)
    short = chart.heightForWidth(400)
    assert chart.heightForWidth(400) == short  # asked again: the kept answer
    markers = tuple(Marker(float(x), kind, kind) for x in range(14) for kind in ("ice", "run"))
    series = tuple(Series(f"Series {i}", ((1, i),), role="secondary") for i in range(8))
    chart.set_model(LineChartModel("Calves", (0.0, 14.0), series=series, markers=markers))
    taller = chart.heightForWidth(400)
    assert taller > short  # more legend rows and a marker row: not the kept height
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    chart.setFont(font)
    assert chart.heightForWidth(400) > taller


def spells(page) -> list[str]:
    return [
        view.accessibleName()
        for i in range(page.episode_list.count())
        if isinstance(view := page.episode_list.itemAt(i).widget(), EpisodeView)
    ]


def test_the_spell_cards_are_kept_across_ranges_and_built_again_for_a_new_spell(
    companion,  # noqa: F811
    qtbot,
    clock,
):
    page = open_history(companion, qtbot)
    before = [page.episode_list.itemAt(i).widget() for i in range(page.episode_list.count())]
    titles = spells(page)
    assert len(titles) == 2
    page.range_box.setCurrentIndex(2)  # 3 months: the same two spells
    page.range_box.setCurrentIndex(4)  # All
    kept = [page.episode_list.itemAt(i).widget() for i in range(page.episode_list.count())]
    assert kept == before and spells(page) == titles  # the same cards, not made again
    # A new run and a sore day after it: a new spell on top.
    run_end = clock.now() - timedelta(hours=30)
    ActivityRepository(companion.db).add(
        Activity(ActivityKind.RUN, run_end, minutes=40, km=7), "app"
    )
    CheckInRepository(companion.db).save(
        CheckIn(
            at=clock.now(),
            onset=run_end,
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=(RegionReport("quads_L", Side.LEFT, 1, 5),),
        ),
        GREEN,
    )
    companion.data_changed.emit()
    now = spells(page)
    assert len(now) == 3 and now[1:] == titles and now[0].startswith("7 km run")
