"""The History screen's fast reads give what the plain reads give: check-ins with every
region's scores, activities built without checking them again (our own rows only),
water by local day across a daylight-saving change, and what the service keeps between
range changes is forgotten when the data changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.activity import Activity, ActivityKind, stored_activity
from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.triage import GREEN
from companion.resources import load_regions
from companion.services.history import HistoryService
from companion.storage.activities import ActivityRepository
from companion.storage.checkins import CheckInRepository
from companion.storage.database import open_database
from companion.storage.history import HistoryRepository
from companion.storage.reminders import WaterLog

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def db(data_dir, clock):
    clock.set(datetime(2026, 3, 31, 19, 0, tzinfo=BERLIN))
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def check_in(db, at: datetime, scores: dict[str, tuple[int, int]]) -> None:
    side = {"L": Side.LEFT, "R": Side.RIGHT}
    CheckInRepository(db).save(
        CheckIn(
            at=at,
            onset=at - timedelta(days=1),
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=tuple(
                RegionReport(rid, side.get(rid[-1], Side.CENTRE), rest, move)
                for rid, (rest, move) in scores.items()
            ),
        ),
        GREEN,
    )


def test_check_ins_come_back_with_every_region_and_both_scores(db, clock):
    now = clock.now()
    check_in(db, now - timedelta(days=2), {"calves_L": (3, 7), "calves_R": (0, 10)})
    check_in(db, now, {"quads_L": (10, 0), "hamstrings_R": (2, 2)})
    days = HistoryRepository(db).days(date(2026, 1, 1), now.date())
    assert [d.day for d in days] == [now.date() - timedelta(days=2), now.date()]
    assert dict(days[0].scores) == {"calves_L": (3, 7), "calves_R": (0, 10)}
    assert dict(days[1].scores) == {"quads_L": (10, 0), "hamstrings_R": (2, 2)}
    assert days[1].cause is Cause.RUN and days[1].at == now
    # The same as the ratings read one by one.
    readings = HistoryRepository(db).readings(("calves_L", "calves_R"), days[0].day, days[0].day)
    assert {(r.region_id, r.at_rest, r.on_movement) for r in readings} == {
        ("calves_L", 3, 7),
        ("calves_R", 0, 10),
    }


def test_stored_activities_equal_checked_ones_and_unknown_fields_are_refused():
    at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    checked = Activity(ActivityKind.RUN, at, minutes=70.0, km=12.0, effort=6, note="hills")
    assert stored_activity(ActivityKind.RUN, at, minutes=70.0, km=12.0, effort=6, note="hills") == (
        checked
    )
    assert stored_activity(ActivityKind.LEG_DAY, at) == Activity(ActivityKind.LEG_DAY, at)
    with pytest.raises(TypeError, match="bogus"):
        stored_activity(ActivityKind.RUN, at, bogus=1)
    # Anything from outside is still checked.
    with pytest.raises(ValueError, match="Distance"):
        Activity(ActivityKind.RUN, at, km=900.0)


def test_history_reads_the_same_activities_as_the_activity_log(db, clock):
    repo = ActivityRepository(db)
    now = clock.now()
    repo.add(Activity(ActivityKind.RUN, now - timedelta(days=3), 65.0, 11.5, 7, "long"), "app")
    repo.add(Activity(ActivityKind.LEG_DAY, now - timedelta(days=2), 50.0), "cli")
    repo.add(Activity(ActivityKind.LONG_STANDING, now - timedelta(hours=1)), "tray")
    start, end = now - timedelta(days=30), now + timedelta(days=1)
    fast = HistoryRepository(db).activities(start, end)
    assert fast == [a for _id, a in repo.between(start, end)]
    assert len(fast) == 3 and fast[0].note == "long" and fast[0].km == 11.5


def test_water_is_counted_by_local_day_across_the_clock_change(db):
    log = WaterLog(db)
    # Berlin went to summer time on 29 March 2026 at 02:00 (01:00 UTC).
    log.add(250, datetime(2026, 3, 28, 22, 59, tzinfo=UTC), "app")  # 23:59 on the 28th
    log.add(300, datetime(2026, 3, 28, 23, 0, tzinfo=UTC), "app")  # 00:00 on the 29th
    log.add(400, datetime(2026, 3, 29, 21, 59, tzinfo=UTC), "app")  # 23:59 summer time
    log.add(500, datetime(2026, 3, 29, 22, 0, 0, 5000, tzinfo=UTC), "app")  # 00:00 on the 30th
    repo = HistoryRepository(db)
    assert repo.water_by_day(date(2026, 3, 28), date(2026, 3, 30), BERLIN) == {
        date(2026, 3, 28): 250,
        date(2026, 3, 29): 700,
        date(2026, 3, 30): 500,
    }
    # A time stored with another offset (an old row) still lands on its local day.
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO water_log (at, ml, source) VALUES (?, ?, ?)",
            ("2026-03-30T10:00:00+02:00", 100, "app"),
        )
    assert repo.water_by_day(date(2026, 3, 30), date(2026, 3, 30), BERLIN) == {
        date(2026, 3, 30): 600
    }


def test_what_a_period_worked_out_is_kept_until_the_data_changes(db, clock):
    now = clock.now()
    check_in(db, now - timedelta(days=200), {"calves_L": (1, 4)})
    service = HistoryService(db, load_regions(), clock, BERLIN, lambda: 2000)
    service.set_range(None)
    assert [g for g, _n in service.region_choices()] == ["calves"]
    service.set_range(30)
    assert service.region_choices() == []
    check_in(db, now, {"quads_L": (2, 6)})
    service.set_range(None)
    assert [g for g, _n in service.region_choices()] == ["calves"]  # kept: not read again
    service.reload()  # the data changed
    assert [g for g, _n in service.region_choices()] == ["quads", "calves"]
    service.set_range(30)
    assert [g for g, _n in service.region_choices()] == ["quads"]
    view = service.region_view("quads")
    assert view is service.region_view("quads")  # worked out once for the period
