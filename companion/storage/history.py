"""Read-only queries behind the History screen.

Every query is bounded by a date range and uses an index: years of check-ins,
drinks and routines load only the days on screen. Check-ins and routine runs
store local times (their first ten characters are the local date); drinks and
therapy sessions store UTC, so their days are worked out in the user's zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from companion.domain.activity import Activity, ActivityKind, stored_activity
from companion.domain.checkin import Cause, DayScores
from companion.domain.clock import utc
from companion.domain.history import Reading, RunSummary
from companion.storage.database import Database
from companion.storage.therapy import counts


@dataclass(frozen=True)
class Event:
    """Something logged on the timeline: a routine, a therapy session or an activity."""

    at: datetime
    kind: str  # routine, ice, heat, contrast, bath, run, leg_day, long_standing, other
    label: str
    run: RunSummary | None = None  # a routine's run, for the service to word


MORNING = time(7)  # where a morning's sleep and recovery sit in the activity list

THERAPY_MARKER = {
    "ice": "ice",
    "heat": "heat",
    "contrast": "contrast",
    "cold-bath": "bath",
    "warm-bath": "bath",
}


def _day_bounds(first: date, last: date, zone: tzinfo) -> tuple[str, str]:
    start = datetime.combine(first, time(0), tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
    return utc(start).isoformat(), utc(end).isoformat()


def _utc_start(day: date, zone: tzinfo) -> str:
    """When ``day`` starts in ``zone``, as the ISO time in UTC that storage writes."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC).isoformat()


# How long an ISO time in UTC is, without and with microseconds ("...:00+00:00").
_UTC_LENGTHS = frozenset(
    {len("2026-01-01T00:00:00+00:00"), len("2026-01-01T00:00:00.000000+00:00")}
)

_RUNS = (
    "SELECT r.id, r.started_at, r.routine, r.name, r.outcome, "
    "(SELECT COUNT(*) FROM routine_run_steps s WHERE s.run_id = r.id "
    "AND s.outcome IN ('completed', 'skipped')), "
    "(SELECT COUNT(*) FROM routine_run_steps s WHERE s.run_id = r.id) "
    "FROM routine_runs r WHERE r.started_at >= ? AND r.started_at < ? "
)
_RUNS_OLDEST = _RUNS + "ORDER BY r.started_at, r.id LIMIT ?"
_RUNS_NEWEST = _RUNS + "ORDER BY r.started_at DESC, r.id DESC LIMIT ?"


class HistoryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def first_day(self) -> date | None:
        """The first day anything was logged, for the "All" range."""
        row = self._db.query_one(
            "SELECT MIN(d) FROM ("
            "SELECT MIN(day) AS d FROM checkins "
            "UNION ALL SELECT MIN(substr(started_at, 1, 10)) FROM routine_runs "
            "UNION ALL SELECT MIN(substr(at, 1, 10)) FROM water_log "
            "UNION ALL SELECT MIN(substr(ended_at, 1, 10)) FROM activities)"
        )
        return date.fromisoformat(row[0]) if row and row[0] else None

    def regions(self, first: date, last: date) -> dict[str, int]:
        """Regions rated in [first, last] with their highest movement score."""
        rows = self._db.conn.execute(
            "SELECT r.region_id, MAX(r.on_movement) FROM checkins c "
            "JOIN checkin_regions r ON r.checkin_id = c.id "
            "WHERE c.day >= ? AND c.day <= ? GROUP BY r.region_id",
            (first.isoformat(), last.isoformat()),
        )
        return {region: int(top) for region, top in rows}

    def readings(self, region_ids: tuple[str, ...], first: date, last: date) -> list[Reading]:
        """Every rating of one region, or of both sides of a pair, in [first, last]."""
        if not 1 <= len(region_ids) <= 2:
            raise ValueError("one region or a left/right pair")
        one, other = region_ids[0], region_ids[-1]
        rows = self._db.conn.execute(
            "SELECT c.day, c.at, c.onset, c.cause, r.region_id, r.at_rest, r.on_movement "
            "FROM checkin_regions r JOIN checkins c ON c.id = r.checkin_id "
            "WHERE r.region_id IN (?, ?) AND c.day >= ? AND c.day <= ? ORDER BY c.day",
            (one, other, first.isoformat(), last.isoformat()),
        )
        return [
            Reading(
                date.fromisoformat(day),
                datetime.fromisoformat(at),
                datetime.fromisoformat(onset),
                Cause(cause),
                region,
                int(rest),
                int(move),
            )
            for day, at, onset, cause, region, rest, move in rows
        ]

    def days(self, first: date, last: date) -> list[DayScores]:
        """Each check-in in [first, last] with every region's scores, oldest first."""
        from companion.storage.checkins import CheckInRepository  # noqa: PLC0415

        return CheckInRepository(self._db).day_scores(first, last)

    def activities(self, start: datetime, end: datetime) -> list[Activity]:
        """Activities that ended in [start, end), oldest first: every column that is one
        of an activity's fields, built without checking each again (this database only
        holds checked ones), which over five years is most of the time of reading them."""
        cursor = self._db.conn.execute(
            "SELECT * FROM activities WHERE ended_at >= ? AND ended_at < ? ORDER BY ended_at",
            (utc(start).isoformat(), utc(end).isoformat()),
        )
        names = [column[0] for column in cursor.description]
        wanted = {f.name for f in fields(Activity)} - {"kind", "ended_at"}
        picked = [(i, name) for i, name in enumerate(names) if name in wanted]
        kind_at, ended_at = names.index("kind"), names.index("ended_at")
        kinds = {kind.value: kind for kind in ActivityKind}
        return [
            stored_activity(
                kinds.get(row[kind_at]) or ActivityKind(row[kind_at]),
                datetime.fromisoformat(row[ended_at]),
                **{name: row[i] for i, name in picked if row[i] is not None},
            )
            for row in cursor
        ]

    def day_map(self, day: date) -> dict[str, int]:
        """One day's movement scores by region (the body map replay)."""
        rows = self._db.conn.execute(
            "SELECT r.region_id, r.on_movement FROM checkins c "
            "JOIN checkin_regions r ON r.checkin_id = c.id WHERE c.day = ?",
            (day.isoformat(),),
        )
        return {region: int(move) for region, move in rows}

    def checkin_days(self, first: date, last: date) -> list[date]:
        rows = self._db.conn.execute(
            "SELECT day FROM checkins WHERE day >= ? AND day <= ? ORDER BY day",
            (first.isoformat(), last.isoformat()),
        )
        return [date.fromisoformat(d) for (d,) in rows]

    def events(
        self,
        first: date,
        last: date,
        zone: tzinfo,
        *,
        routines: bool = True,
        activities: Sequence[Activity] | None = None,
    ) -> list[Event]:
        """Routines (unless ``routines`` is False), therapy sessions and activities in
        [first, last], oldest first. ``activities``: those already read (any span that
        holds the period's), rather than reading them again."""
        start, end = _day_bounds(first, last, zone)
        found: list[Event] = []
        for run in self.runs(first, last) if routines else ():
            found.append(Event(run.started_at, "routine", run_label(run), run))
        for started, ended, therapy, phases in self._db.conn.execute(
            "SELECT started_at, ended_at, therapy, phases FROM therapy_sessions "
            "WHERE started_at >= ? AND started_at < ?",
            (start, end),
        ):
            if not counts(phases):
                continue  # stopped before a minute of cold or heat: not a session
            began = datetime.fromisoformat(started)
            minutes = round((datetime.fromisoformat(ended) - began).total_seconds() / 60)
            kind = THERAPY_MARKER.get(therapy, "ice")
            label = f"{therapy.replace('-', ' ').capitalize()} logged, {minutes} min"
            found.append(Event(began.astimezone(zone), kind, label))
        low, high = datetime.fromisoformat(start), datetime.fromisoformat(end)
        if activities is None:
            activities = self.activities(low, high)
        found += [activity_event(a, zone) for a in activities if low <= a.ended_at < high]
        found.sort(key=lambda e: utc(e.at))
        return found

    def water_by_day(self, first: date, last: date, zone: tzinfo) -> dict[date, int]:
        """Water per local day in [first, last]. Drinks are read in time order and each
        is put in its day by comparing its stored UTC time with the next day's UTC start,
        so years of drinks need no date arithmetic each (a time stored with another
        offset is worked out in full)."""
        start, end = _day_bounds(first, last, zone)
        totals: dict[date, int] = defaultdict(int)
        day = first
        upto = _utc_start(day + timedelta(days=1), zone)  # where the next day starts
        for at, ml in self._db.conn.execute(
            "SELECT at, ml FROM water_log WHERE at >= ? AND at < ? ORDER BY at", (start, end)
        ):
            if len(at) not in _UTC_LENGTHS or not at.endswith("+00:00"):
                totals[datetime.fromisoformat(at).astimezone(zone).date()] += int(ml)
                continue
            while at >= upto:
                day += timedelta(days=1)
                upto = _utc_start(day + timedelta(days=1), zone)
            totals[day] += int(ml)
        return dict(totals)

    def runs(self, first: date, last: date, limit: int | None = None) -> list[RunSummary]:
        """Routine runs started in [first, last] (local days), with how many of their steps
        were done and how each region felt after; oldest first, or with ``limit`` the
        newest ``limit`` of them (still oldest first)."""
        newest = limit is not None
        rows = self._db.conn.execute(
            _RUNS_NEWEST if newest else _RUNS_OLDEST,
            (first.isoformat(), (last + timedelta(days=1)).isoformat(), limit or -1),
        ).fetchall()
        if newest:
            rows.reverse()
        from companion.storage.runs import FeelRepository  # noqa: PLC0415 - not for days()

        feel = FeelRepository(self._db).for_runs(int(row[0]) for row in rows)
        return [
            RunSummary(
                int(rid),
                datetime.fromisoformat(started),
                routine,
                name,
                outcome,
                int(done),
                int(planned),
                feel.get(int(rid), ()),
            )
            for rid, started, routine, name, outcome, done, planned in rows
        ]

    def routine_days(self, first: date, last: date) -> dict[date, tuple[int, int]]:
        """Day -> (routines completed, routines stopped part-way)."""
        rows = self._db.conn.execute(
            "SELECT substr(started_at, 1, 10) AS d, "
            "SUM(outcome = 'completed'), SUM(outcome = 'stopped') FROM routine_runs "
            "WHERE started_at >= ? AND started_at < ? GROUP BY d",
            (first.isoformat(), (last + timedelta(days=1)).isoformat()),
        )
        return {date.fromisoformat(d): (int(done), int(stopped)) for d, done, stopped in rows}

    def log_moments(self, first: date, last: date, zone: tzinfo) -> list[datetime]:
        """When each activity and morning in [first, last] happened (a morning at 07:00
        local), newest first, in UTC: the activity list's order, for paging it without
        reading every entry."""
        start, end = _day_bounds(first, last, zone)
        found = [
            datetime.fromisoformat(ended)
            for (ended,) in self._db.conn.execute(
                "SELECT ended_at FROM activities WHERE ended_at >= ? AND ended_at < ?",
                (start, end),
            )
        ]
        for (day,) in self._db.conn.execute(
            "SELECT day FROM daily_log WHERE day >= ? AND day <= ?",
            (first.isoformat(), last.isoformat()),
        ):
            found.append(utc(datetime.combine(date.fromisoformat(day), MORNING, tzinfo=zone)))
        found.sort(key=utc, reverse=True)
        return found

    def therapy_counts(self, first: date, last: date, zone: tzinfo) -> dict[str, int]:
        """Sessions by kind in [first, last]; only those that count (a minute or more of
        cold or heat, as the safety gate counts them)."""
        start, end = _day_bounds(first, last, zone)
        found: dict[str, int] = defaultdict(int)
        for therapy, phases in self._db.conn.execute(
            "SELECT therapy, phases FROM therapy_sessions WHERE started_at >= ? AND started_at < ?",
            (start, end),
        ):
            if counts(phases):
                found[therapy] += 1
        return dict(found)


def activity_event(activity: Activity, zone: tzinfo) -> Event:
    """An activity on the timeline: "Run, 12 km, 70 min" in plain English."""
    words = {"run": "Run", "leg_day": "Leg day", "long_standing": "Long day on feet"}
    label = words.get(activity.kind.value, "Activity")
    if activity.km:
        label += f", {activity.km:g} km"
    if activity.minutes:
        label += f", {activity.minutes:g} min"
    return Event(activity.ended_at.astimezone(zone), activity.kind.value, label)


def run_label(run: RunSummary) -> str:
    """A run in plain English, for a caller without a ``translate`` (the service words
    it again in the user's language)."""
    if run.stopped:
        return f"{run.name}: stopped after {run.steps_done} of {run.steps_planned} steps"
    return f"{run.name}: done"
