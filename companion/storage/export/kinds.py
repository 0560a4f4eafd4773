"""The record kinds of an export: their tables, columns and the bounds on each value.

Declared once (``RECORD_KINDS``): export, validation and import all read this
table. The bounds are the schema's CHECK constraints and the domain's enums.
How the kinds are named in a sentence is the service's (``companion.services.data``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from companion.domain.activity import ActivityKind
from companion.domain.checkin import Cause, Descriptor, SorenessType, Swelling
from companion.domain.feel import FEEL_SIDES
from companion.domain.regions import Side
from companion.domain.reminders import Kind as ReminderKind
from companion.domain.return_to_run import Sign
from companion.domain.triage import Tier

Record = dict[str, Any]  # column -> value as stored; children under their key

# Ceilings for counts and lengths the schema leaves open, each well past any real value
# and inside SQLite's 64-bit integers.
MAX_STEPS_STORED = 999  # steps in one routine run
DAY_S = 24 * 60 * 60  # a step planned or worked: never a day
MAX_MISSED = 100_000  # occurrences held back for one reminder (every 5 min for a year)
MAX_SNOOZES = 1_000  # snoozes of one reminder


@dataclass(frozen=True)
class Column:
    """One exported field: its column, JSON type and the values it may take.

    Types: text, day (YYYY-MM-DD), moment (ISO 8601 with an offset), int,
    real, flag (JSON true/false, stored 0/1), strings (a list of text, stored
    as JSON), object and list (JSON values stored as text), any (any JSON).
    """

    name: str
    type: str
    null: bool = False
    low: float | None = None  # inclusive
    high: float | None = None  # inclusive
    above: float | None = None  # exclusive lower bound
    choices: frozenset[str] | None = None
    utc: bool = False  # stored in UTC: an imported time is converted
    sort: bool = False  # JSON stored sorted (keys of an object, items of a list)
    since_schema: int = 1  # a file from an older schema may leave it out: ``default``
    default: Any = None


@dataclass(frozen=True)
class ChildTable:
    key: str
    table: str
    parent: str
    order: str
    columns: tuple[Column, ...]
    unique: str  # the column no two rows of one parent may share
    since_schema: int = 1  # a file from an older schema may leave the list out: none


@dataclass(frozen=True)
class RecordKind:
    name: str
    table: str
    order: str
    columns: tuple[Column, ...]
    children: tuple[ChildTable, ...] = ()


def _values(enum: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(member.value) for member in enum)


_SIDES = _values(Side)
_LEGS = frozenset({Side.LEFT.value, Side.RIGHT.value})
_TIERS = _values(Tier)
_RUN_OUTCOMES = frozenset({"completed", "stopped"})
_FEEL_SIDES = FEEL_SIDES

RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "checkins",
        "checkins",
        "day",
        (
            Column("day", "day"),
            Column("at", "moment"),
            Column("onset", "moment"),
            Column("cause", "text", choices=_values(Cause)),
            Column("soreness_type", "text", choices=_values(SorenessType)),
            Column("swelling", "text", choices=_values(Swelling)),
            Column("swollen_side", "text", null=True, choices=_SIDES),
            Column("area_warm_or_red", "flag"),
            Column("triage_tier", "text", choices=_TIERS),
        ),
        (
            ChildTable(
                "regions",
                "checkin_regions",
                "checkin_id",
                "rowid",
                (
                    Column("region_id", "text"),
                    Column("side", "text", choices=_SIDES),
                    Column("at_rest", "int", low=0, high=10),
                    Column("on_movement", "int", low=0, high=10),
                    Column("descriptors", "strings", choices=_values(Descriptor), sort=True),
                ),
                "region_id",
            ),
            ChildTable(
                "triage_answers",
                "triage_answers",
                "checkin_id",
                "question_id",
                (
                    Column("question_id", "text"),
                    Column("answer", "flag"),
                    Column("answered_at", "moment"),
                ),
                "question_id",
            ),
        ),
    ),
    RecordKind(
        "triage_outcomes",
        "triage_outcomes",
        "at, tier, id",
        (
            Column("at", "moment"),
            Column("tier", "text", choices=_TIERS),
            Column("questions", "strings"),
            Column("restrictions", "strings"),
            Column("locked_legs", "strings", choices=_LEGS),
            Column("locks_everything", "flag"),
            Column("lock_until", "moment", null=True),
            Column("assessed_at", "moment", null=True),
        ),
    ),
    RecordKind(
        "health_conditions",
        "health_conditions",
        "condition_id",
        (
            Column("condition_id", "text"),
            Column("legs", "strings", choices=_LEGS),
            Column("updated_at", "moment"),
        ),
    ),
    RecordKind(
        "routine_runs",
        "routine_runs",
        "started_at, id",
        (
            Column("routine", "text"),
            Column("name", "text"),
            Column("started_at", "moment"),
            Column("ended_at", "moment"),
            Column("outcome", "text", choices=_RUN_OUTCOMES),
        ),
        (
            ChildTable(
                "steps",
                "routine_run_steps",
                "run_id",
                "position",
                (
                    Column("position", "int", low=0, high=MAX_STEPS_STORED),
                    Column("exercise", "text"),
                    Column("region", "text"),
                    Column("side", "text"),
                    Column("planned_s", "int", low=0, high=DAY_S),
                    Column("worked_s", "real", low=0, high=DAY_S),
                    Column("outcome", "text", choices=frozenset({*_RUN_OUTCOMES, "skipped"})),
                ),
                "position",
            ),
            ChildTable(
                "feel",  # "How does it feel now?" after the run (schema 8)
                "routine_run_feel",
                "run_id",
                "rowid",
                (
                    Column("region_id", "text"),
                    Column("side", "text", choices=_FEEL_SIDES),
                    Column("before", "int", null=True, low=0, high=10),
                    Column("after", "int", low=0, high=10),
                ),
                "region_id",
                since_schema=8,
            ),
        ),
    ),
    RecordKind(
        "user_routines",
        "user_routines",
        "created_at, id",
        (
            Column("id", "text"),
            Column("name", "text"),
            Column("description", "text"),
            Column("steps", "list"),
            Column("created_at", "moment"),
            Column("updated_at", "moment"),
        ),
    ),
    RecordKind(
        "reminder_rules",
        "reminder_rules",
        "id",
        (
            Column("kind", "text", choices=_values(ReminderKind)),
            Column("title", "text"),
            Column("enabled", "flag"),
            Column("spec", "object", sort=True),
            Column("created_at", "moment"),
            Column("updated_at", "moment"),
        ),
    ),
    RecordKind(
        "reminder_events",
        "reminder_events",
        "due_at, id",
        (
            Column("kind", "text"),
            Column("title", "text"),
            Column("due_at", "moment", utc=True),
            Column("missed", "int", low=0, high=MAX_MISSED),
            Column("shown_at", "moment", null=True, utc=True),
            Column(
                "answer",
                "text",
                null=True,
                choices=frozenset({"done", "snoozed", "skipped", "backed_off", "quiet"}),
            ),
            Column("answered_at", "moment", null=True),
            Column("snoozed_until", "moment", null=True),
            Column("snoozes", "int", low=0, high=MAX_SNOOZES),
        ),
    ),
    RecordKind(
        "water_log",
        "water_log",
        "at, id",
        (
            Column("at", "moment", utc=True),
            Column("ml", "int", low=1, high=2000),
            Column("source", "text"),
        ),
    ),
    RecordKind(
        "therapy_sessions",
        "therapy_sessions",
        "started_at, id",
        (
            Column("therapy", "text"),
            Column("started_at", "moment", utc=True),
            Column("ended_at", "moment", utc=True),
            Column("outcome", "text", choices=_RUN_OUTCOMES),
            Column("settings", "object", sort=True),
            Column("phases", "list"),
        ),
    ),
    RecordKind(
        "activities",
        "activities",
        "ended_at, kind",
        (
            Column("kind", "text", choices=_values(ActivityKind)),
            Column("ended_at", "moment", utc=True),
            Column("minutes", "real", null=True, above=0, high=1440),
            Column("km", "real", null=True, above=0, high=400),
            Column("effort", "int", null=True, low=1, high=10),
            Column("note", "text"),
            Column("source", "text"),
            # Migration 9: activities from a watch's file.
            Column("sport", "text", since_schema=9, default=""),
            Column("avg_hr", "int", null=True, low=25, high=250, since_schema=9),
            Column("max_hr", "int", null=True, low=25, high=250, since_schema=9),
            Column("elevation_gain_m", "real", null=True, low=0, high=10000, since_schema=9),
            Column("source_file", "text", since_schema=9, default=""),
            Column("content_hash", "text", since_schema=9, default=""),
        ),
    ),
    RecordKind(
        "daily_log",
        "daily_log",
        "day",
        (
            Column("day", "day"),
            Column("sleep_hours", "real", null=True, low=0, high=24),
            Column("prs", "int", null=True, low=0, high=10),
            Column("updated_at", "moment"),
        ),
    ),
    RecordKind(
        "trend_alerts",
        "trend_alerts",
        "raised_at, id",
        (
            Column("rule", "text"),
            Column("subject", "text"),
            Column("episode", "text"),
            Column("raised_at", "moment"),
            Column("detail", "text"),
            Column("answer", "text", null=True, choices=frozenset({"answered", "dismissed"})),
            Column("answered_at", "moment", null=True),
        ),
    ),
    RecordKind(
        "return_to_run_plans",  # the walk-run plan and its sessions (schema 10)
        "return_to_run_plans",
        "started_at, id",
        (
            Column("started_at", "moment"),
            Column("baseline", "int", low=0, high=10),
            Column("current_step", "text"),
            Column("stopped_at", "moment", null=True),
            Column("stop_reason", "text", null=True, choices=frozenset({"user", "care"})),
        ),
        (
            ChildTable(
                "sessions",
                "return_to_run_sessions",
                "plan_id",
                "day",
                (
                    Column("day", "day"),
                    Column("step", "text"),
                    Column("pain", "int", low=0, high=10),
                    Column("completed", "flag"),
                    Column("signs", "strings", choices=_values(Sign), sort=True),
                    Column("logged_at", "moment"),
                    Column("morning", "int", null=True, low=0, high=10),
                    Column("morning_signs", "strings", choices=_values(Sign), sort=True),
                    Column("morning_at", "moment", null=True),
                ),
                "day",
            ),
        ),
    ),
    RecordKind(
        "settings",
        "settings",
        "key",
        (
            Column("key", "text"),
            Column("value", "any"),
            Column("updated_at", "moment"),
        ),
    ),
)

KINDS: tuple[str, ...] = tuple(k.name for k in RECORD_KINDS)
BY_NAME = {k.name: k for k in RECORD_KINDS}
