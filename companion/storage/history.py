"""Read-only queries behind the History screen.

Every query is bounded by a date range and uses an index: years of check-ins,
drinks and routines load only the days on screen. Check-ins and routine runs
store local times (their first ten characters are the local date); drinks and
therapy sessions store UTC, so their days are worked out in the user's zone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from companion.domain.checkin import Cause
from companion.domain.clock import utc
from companion.domain.history import DayScores, Reading, RunSummary
from companion.storage.database import Database
from companion.storage.runs import FeelRepository
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
        """Each check-in in [first, last] with every region's scores, oldest first.

        One row per check-in with its regions joined into one string: over years that
        is 1,500 rows to read rather than 25,000 (about a third of the time)."""
        out: list[DayScores] = []
        for day, at, onset, cause, joined in self._db.conn.execute(
            "SELECT c.day, c.at, c.onset, c.cause, "
            "(SELECT group_concat(r.region_id || ' ' || r.at_rest || ' ' || r.on_movement, ',') "
            "FROM checkin_regions r WHERE r.checkin_id = c.id) "
            "FROM checkins c WHERE c.day >= ? AND c.day <= ? ORDER BY c.day",
            (first.isoformat(), last.isoformat()),
        ):
            if not joined:
                continue  # a check-in without regions (the join never listed one)
            scores: dict[str, tuple[int, int]] = {}
            for part in joined.split(","):
                region, rest, move = part.split(" ")
                scores[region] = (int(rest), int(move))
            out.append(
                DayScores(
                    date.fromisoformat(day),
                    datetime.fromisoformat(at),
                    datetime.fromisoformat(onset),
                    Cause(cause),
                    scores,
                )
            )
        return out

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
        self, first: date, last: date, zone: tzinfo, *, routines: bool = True
    ) -> list[Event]:
        """Routines (unless ``routines`` is False), therapy sessions and activities in
        [first, last], oldest first."""
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
        for ended, kind, minutes, km in self._db.conn.execute(
            "SELECT ended_at, kind, minutes, km FROM activities "
            "WHERE ended_at >= ? AND ended_at < ?",
            (start, end),
        ):
            words = {"run": "Run", "leg_day": "Leg day", "long_standing": "Long day on feet"}
            label = words.get(kind, "Activity")
            if km:
                label += f", {km:g} km"
            if minutes:
                label += f", {minutes:g} min"
            found.append(Event(datetime.fromisoformat(ended).astimezone(zone), kind, label))
        found.sort(key=lambda e: utc(e.at))
        return found

    def water_by_day(self, first: date, last: date, zone: tzinfo) -> dict[date, int]:
        start, end = _day_bounds(first, last, zone)
        totals: dict[date, int] = defaultdict(int)
        for at, ml in self._db.conn.execute(
            "SELECT at, ml FROM water_log WHERE at >= ? AND at < ?", (start, end)
        ):
            totals[datetime.fromisoformat(at).astimezone(zone).date()] += int(ml)
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


def run_label(run: RunSummary) -> str:
    """A run in plain English, for a caller without a ``translate`` (the service words
    it again in the user's language)."""
    if run.stopped:
        return f"{run.name}: stopped after {run.steps_done} of {run.steps_planned} steps"
    return f"{run.name}: done"
