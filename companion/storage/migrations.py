"""Numbered forward migrations.

The schema version lives in ``PRAGMA user_version``. At start every
migration above it runs, in order, inside one transaction together with the
version bump, so a failure leaves the file exactly as it was. Migrations are
append-only: never edit one that has shipped; add the next number instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "settings",
        (
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,        -- JSON
                updated_at TEXT NOT NULL    -- ISO 8601 with offset
            )
            """,
        ),
    ),
    Migration(
        2,
        "check-ins, triage and health conditions",
        (
            """
            CREATE TABLE checkins (
                id INTEGER PRIMARY KEY,
                day TEXT NOT NULL UNIQUE,           -- local date: one check-in a day, editable
                at TEXT NOT NULL,                   -- ISO 8601 with offset, last saved
                onset TEXT NOT NULL,                -- when it started / the activity ended
                cause TEXT NOT NULL,
                soreness_type TEXT NOT NULL,
                swelling TEXT NOT NULL DEFAULT 'none',
                swollen_side TEXT,
                area_warm_or_red INTEGER NOT NULL DEFAULT 0,
                triage_tier TEXT NOT NULL DEFAULT 'green'
            )
            """,
            """
            CREATE TABLE checkin_regions (
                checkin_id INTEGER NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
                region_id TEXT NOT NULL,
                side TEXT NOT NULL,
                at_rest INTEGER NOT NULL CHECK (at_rest BETWEEN 0 AND 10),
                on_movement INTEGER NOT NULL CHECK (on_movement BETWEEN 0 AND 10),
                descriptors TEXT NOT NULL DEFAULT '[]',   -- JSON list
                PRIMARY KEY (checkin_id, region_id)
            )
            """,
            """
            CREATE TABLE triage_answers (
                checkin_id INTEGER NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
                question_id TEXT NOT NULL,
                answer INTEGER NOT NULL CHECK (answer IN (0, 1)),
                answered_at TEXT NOT NULL,
                PRIMARY KEY (checkin_id, question_id)
            )
            """,
            """
            CREATE TABLE triage_outcomes (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                tier TEXT NOT NULL,
                questions TEXT NOT NULL,            -- JSON list of ids answered yes
                restrictions TEXT NOT NULL,         -- JSON list
                locked_legs TEXT NOT NULL,          -- JSON list: left, right
                locks_everything INTEGER NOT NULL,
                lock_until TEXT,                    -- orange: when the lock ends
                assessed_at TEXT                    -- red: when the user confirmed assessment
            )
            """,
            "CREATE INDEX triage_outcomes_at ON triage_outcomes(at)",
            """
            CREATE TABLE health_conditions (
                condition_id TEXT PRIMARY KEY NOT NULL,
                legs TEXT NOT NULL,                 -- JSON list: left, right
                updated_at TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        3,
        "routine runs",
        (
            """
            CREATE TABLE routine_runs (
                id INTEGER PRIMARY KEY,
                routine TEXT NOT NULL,              -- a built-in routine id, or 'today'
                name TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'stopped'))
            )
            """,
            """
            CREATE TABLE routine_run_steps (
                run_id INTEGER NOT NULL REFERENCES routine_runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                exercise TEXT NOT NULL,
                region TEXT NOT NULL,
                side TEXT NOT NULL,
                planned_s INTEGER NOT NULL,
                worked_s REAL NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped', 'stopped')),
                PRIMARY KEY (run_id, position)
            )
            """,
            "CREATE INDEX routine_runs_started ON routine_runs(started_at)",
        ),
    ),
    Migration(
        4,
        "the user's own routines",
        (
            """
            CREATE TABLE user_routines (
                id TEXT PRIMARY KEY NOT NULL,       -- 'mine-<n>', never a built-in id
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                steps TEXT NOT NULL,                -- JSON list of {exercise, seconds, reps}
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        5,
        "reminders, water and therapy sessions",
        (
            """
            CREATE TABLE reminder_rules (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL
                    CHECK (kind IN ('hydration', 'icing', 'contrast', 'routine', 'custom')),
                title TEXT NOT NULL,
                enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
                spec TEXT NOT NULL,             -- JSON: schedule and kind-specific values
                last_fired_at TEXT,             -- the last occurrence shown (or stood in for)
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE reminder_events (
                id INTEGER PRIMARY KEY,
                rule_id INTEGER REFERENCES reminder_rules(id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                due_at TEXT NOT NULL,           -- the occurrence
                missed INTEGER NOT NULL DEFAULT 0,  -- earlier occurrences it stood in for
                shown_at TEXT,
                answer TEXT CHECK (answer IN ('done', 'snoozed', 'skipped', 'backed_off', 'quiet')),
                answered_at TEXT,
                snoozed_until TEXT
            )
            """,
            "CREATE INDEX reminder_events_due ON reminder_events(due_at)",
            """
            CREATE TABLE water_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                ml INTEGER NOT NULL CHECK (ml > 0 AND ml <= 2000),
                source TEXT NOT NULL            -- 'reminder', 'tray', 'app', 'cli'
            )
            """,
            "CREATE INDEX water_log_at ON water_log(at)",
            """
            CREATE TABLE therapy_sessions (
                id INTEGER PRIMARY KEY,
                therapy TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'stopped')),
                settings TEXT NOT NULL,         -- JSON: temperatures, phase lengths, region
                phases TEXT NOT NULL            -- JSON list of {phase, planned_s, worked_s}
            )
            """,
            "CREATE INDEX therapy_sessions_started ON therapy_sessions(started_at)",
        ),
    ),
    Migration(
        6,
        "how often each prompt was snoozed",
        (
            # The answer column keeps the last answer; a prompt snoozed twice and then done
            # still counts its two snoozes.
            "ALTER TABLE reminder_events ADD COLUMN snoozes INTEGER NOT NULL DEFAULT 0",
        ),
    ),
    Migration(
        7,
        "activities, sleep, trend alerts and the history's indexes",
        (
            """
            CREATE TABLE activities (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL
                    CHECK (kind IN ('run', 'leg_day', 'long_standing', 'other')),
                ended_at TEXT NOT NULL,         -- ISO 8601 in UTC: when it finished
                minutes REAL CHECK (minutes IS NULL OR (minutes > 0 AND minutes <= 1440)),
                km REAL CHECK (km IS NULL OR (km > 0 AND km <= 400)),
                effort INTEGER CHECK (effort IS NULL OR effort BETWEEN 1 AND 10),
                note TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL,           -- 'app', 'tray', 'cli', 'import'
                UNIQUE (kind, ended_at)
            )
            """,
            "CREATE INDEX activities_ended ON activities(ended_at)",
            """
            CREATE TABLE daily_log (
                day TEXT PRIMARY KEY NOT NULL,  -- the local date of the morning
                sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
                prs INTEGER CHECK (prs IS NULL OR prs BETWEEN 0 AND 10),
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE trend_alerts (
                id INTEGER PRIMARY KEY,
                rule TEXT NOT NULL,             -- PROTOCOLS 5.4: T1 ... T8
                subject TEXT NOT NULL,          -- a region id, or '' for the whole body
                episode TEXT NOT NULL,          -- the episode's onset: once per episode
                raised_at TEXT NOT NULL,
                detail TEXT NOT NULL,           -- what was seen, in words
                answer TEXT CHECK (answer IN ('answered', 'dismissed')),
                answered_at TEXT,
                UNIQUE (rule, subject, episode)
            )
            """,
            # History: one region across years, and the day a run, drink or session fell on.
            "CREATE INDEX checkin_regions_region ON checkin_regions(region_id, checkin_id)",
        ),
    ),
    Migration(
        8,
        "how each region felt after a routine",
        (
            """
            CREATE TABLE routine_run_feel (
                run_id INTEGER NOT NULL REFERENCES routine_runs(id) ON DELETE CASCADE,
                region_id TEXT NOT NULL,
                side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'centre')),
                before INTEGER CHECK (before IS NULL OR before BETWEEN 0 AND 10),
                after INTEGER NOT NULL CHECK (after BETWEEN 0 AND 10),
                PRIMARY KEY (run_id, region_id, side)
            )
            """,
        ),
    ),
    Migration(
        9,
        "activities from a watch's file: sport, heart rate, climb, file and its hash",
        (
            "ALTER TABLE activities ADD COLUMN sport TEXT NOT NULL DEFAULT ''",
            (
                "ALTER TABLE activities ADD COLUMN avg_hr INTEGER "
                "CHECK (avg_hr IS NULL OR avg_hr BETWEEN 25 AND 250)"
            ),
            (
                "ALTER TABLE activities ADD COLUMN max_hr INTEGER "
                "CHECK (max_hr IS NULL OR max_hr BETWEEN 25 AND 250)"
            ),
            (
                "ALTER TABLE activities ADD COLUMN elevation_gain_m REAL "
                "CHECK (elevation_gain_m IS NULL OR elevation_gain_m BETWEEN 0 AND 10000)"
            ),
            "ALTER TABLE activities ADD COLUMN source_file TEXT NOT NULL DEFAULT ''",
            # sha256 of the file's bytes; '' for an activity logged by hand.
            "ALTER TABLE activities ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
            (
                "CREATE UNIQUE INDEX activities_content_hash ON activities(content_hash) "
                "WHERE content_hash != ''"
            ),
        ),
    ),
    Migration(
        10,
        "the return-to-run plan and its walk-run sessions",
        (
            """
            CREATE TABLE return_to_run_plans (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL UNIQUE,    -- ISO 8601 with offset
                baseline INTEGER NOT NULL CHECK (baseline BETWEEN 0 AND 10),
                current_step TEXT NOT NULL,         -- a step id of return_to_run.toml
                stopped_at TEXT,
                stop_reason TEXT CHECK (stop_reason IS NULL OR stop_reason IN ('user', 'care'))
            )
            """,
            """
            CREATE TABLE return_to_run_sessions (
                plan_id INTEGER NOT NULL REFERENCES return_to_run_plans(id) ON DELETE CASCADE,
                day TEXT NOT NULL,                  -- the local date of the run
                step TEXT NOT NULL,                 -- the step it was run at
                pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),   -- during the run
                completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
                signs TEXT NOT NULL DEFAULT '[]',   -- JSON list: sharp, limp, swelling, night_pain
                logged_at TEXT NOT NULL,
                morning INTEGER CHECK (morning IS NULL OR morning BETWEEN 0 AND 10),
                morning_signs TEXT NOT NULL DEFAULT '[]',
                morning_at TEXT,
                PRIMARY KEY (plan_id, day)
            )
            """,
        ),
    ),
)


def latest_version(migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    return max((m.version for m in migrations), default=0)


def check_sequence(migrations: tuple[Migration, ...]) -> None:
    """Versions must run 1, 2, 3... with no gap or repeat."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1..n in order, got {versions}")
