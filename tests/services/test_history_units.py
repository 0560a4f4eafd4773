"""History's water chart in the user's units: fl oz in US units (bars, goal, words),
mL otherwise; whether a day met the goal is counted in mL, as stored."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.units import METRIC, ML_PER_FL_OZ, TemperatureUnit, Units, VolumeUnit
from companion.resources import load_regions
from companion.services.history import HistoryService
from companion.storage.database import open_database
from companion.storage.reminders import WaterLog

US = Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT)


@pytest.fixture
def db(data_dir, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def test_water_is_charted_in_fluid_ounces_in_us_units(db, clock):
    log = WaterLog(db)
    log.add(2000, clock.now() - timedelta(days=1), "app")
    log.add(500, clock.now(), "app")
    units = [US]
    service = HistoryService(
        db, load_regions(), clock, clock.now().tzinfo, lambda: 2000, units=lambda: units[0]
    )
    chart = service.water_chart()
    assert chart.unit == "fl oz"
    assert chart.goal == pytest.approx(2000 / ML_PER_FL_OZ)
    yesterday, today = chart.bars[-2], chart.bars[-1]
    assert yesterday.value == pytest.approx(2000 / ML_PER_FL_OZ) and yesterday.met
    assert today.label.endswith(": 17 fl oz") and not today.met
    assert "Goal 68 fl oz; reached on 1 of" in chart.description
    assert chart.y_max == pytest.approx(2000 / ML_PER_FL_OZ * 1.1)
    assert "mL" not in chart.description + today.label
    units[0] = METRIC  # changed in Settings: the next chart is in mL again
    metric = service.water_chart()
    assert metric.unit == "mL" and metric.goal == 2000.0
    assert metric.bars[-1].label.endswith(": 500 mL")
    assert "Goal 2,000 mL; reached on 1 of" in metric.description


def test_weeks_of_water_average_in_fluid_ounces(db, clock):
    log = WaterLog(db)
    for day in range(200):
        log.add(1500, clock.now() - timedelta(days=day), "app")
    service = HistoryService(
        db, load_regions(), clock, clock.now().tzinfo, lambda: 2000, units=lambda: US
    )
    service.set_range(365)
    chart = service.water_chart()
    assert chart.title == "Water: average per day, week by week"
    assert chart.bars[-2].label.endswith(": 51 fl oz a day on average")
    assert chart.bars[-2].value == pytest.approx(1500 / ML_PER_FL_OZ)
