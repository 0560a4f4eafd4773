"""Export, import and delete-all on real SQLite files."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.domain.activity import Activity, ActivityKind, MorningLog
from companion.domain.checkin import Cause, CheckIn, Descriptor, RegionReport, SorenessType
from companion.domain.conditions import ReportedCondition
from companion.domain.custom_routines import RoutineDraft, StepSpec
from companion.domain.feel import FeelScore
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.triage import GREEN
from companion.resources import load_exercises, load_protocols, load_triage
from companion.storage.activities import ActivityRepository, MorningLogRepository
from companion.storage.checkins import CheckInRepository, ConditionRepository
from companion.storage.database import Database, open_database
from companion.storage.export import (
    CSV_COLUMNS,
    CSV_FILES,
    FORMAT,
    MAX_IMPORT_BYTES,
    DataFileError,
    delete_history,
    export_csv,
    export_json,
    import_json,
)
from companion.storage.reminders import ReminderRepository, WaterLog
from companion.storage.runs import FeelRepository, RunRepository
from companion.storage.settings import SettingsRepository
from companion.storage.user_routines import UserRoutineRepository
from tests.helpers.file_modes import modes_apply

L, R = Side.LEFT, Side.RIGHT
LIBRARY = load_exercises()
BOUNDS = load_protocols()


def open_db(path: Path, clock) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(path, clock.now()).database


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, for 'nothing changed' checks."""
    names = [
        name
        for (name,) in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: db.conn.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid').fetchall()
        for name in names
    }


def fill(db: Database, clock) -> None:
    """A bit of everything the app stores, written the way the app writes it."""
    now = clock.now()
    checkins = CheckInRepository(db)
    triage = load_triage()
    for days_ago in (2, 1):
        at = now - timedelta(days=days_ago)
        checkins.save(
            CheckIn(
                at=at,
                onset=at - timedelta(hours=20),
                cause=Cause.RUN,
                soreness_type=SorenessType.DOMS,
                regions=(
                    RegionReport(
                        "quads_L", L, 3, 6, frozenset({Descriptor.TIGHT, Descriptor.SORE})
                    ),
                    RegionReport("calves_R", R, 1, 4),
                ),
                triage_answers={"R1": False, "O5": days_ago == 1},
            ),
            triage.evaluate({"O5": True}, [L], at) if days_ago == 1 else GREEN,
        )
    ConditionRepository(db).replace([ReportedCondition("skin_problem", frozenset({R}))], now)
    mine = UserRoutineRepository(db).save(
        RoutineDraft("Calves, gently", "After a run.", (StepSpec("calf_roll", 60, 1),)), now
    )
    strap = LIBRARY.get("strap_hamstring")
    session = RoutineSession((RoutineStep(strap, "hamstrings_L", "left", 30, 2),), now)
    session.stop(now + timedelta(seconds=40))
    run_id = RunRepository(db).save(mine.id, mine.name, session)
    FeelRepository(db).replace(
        run_id, [FeelScore("hamstrings_L", "left", 6, 4), FeelScore("calves", "both", None, 2)]
    )
    reminders = ReminderRepository(db)
    water_rule = reminders.save(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250), now
    )
    reminders.save(
        ReminderRule(Kind.ROUTINE, "Evening", times=(time(19, 30),), routine_id=mine.id), now
    )
    event = reminders.fired(water_rule, now - timedelta(hours=1), 0, now - timedelta(hours=1))
    reminders.answer(event, "done", now, water_ml=250)
    WaterLog(db).add(400, now - timedelta(hours=3), "app")
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO therapy_sessions (therapy, started_at, ended_at, outcome, settings, "
            "phases) VALUES ('ice', ?, ?, 'completed', ?, ?)",
            (
                (now - timedelta(hours=5)).astimezone(UTC).isoformat(),
                (now - timedelta(hours=4, minutes=45)).astimezone(UTC).isoformat(),
                json.dumps({"minutes": 15, "region": "calves"}, sort_keys=True),
                json.dumps([{"phase": "ice", "temp": "cold", "planned_s": 900, "worked_s": 900.0}]),
            ),
        )
        conn.execute(
            "INSERT INTO trend_alerts (rule, subject, episode, raised_at, detail) "
            "VALUES ('T2', 'quads_L', ?, ?, 'Soreness went up on day 3.')",
            ((now - timedelta(days=2)).isoformat(), now.isoformat()),
        )
    ActivityRepository(db).add(
        Activity(ActivityKind.RUN, now - timedelta(days=2), minutes=50.0, km=10.5, effort=6), "app"
    )
    MorningLogRepository(db).save(MorningLog(now.date(), 7.5, 6), now)
    settings = SettingsRepository(db)
    settings.set("emergency_number", "112", now)
    settings.set("reminders.waking_hours", {"start": "07:00", "end": "22:00"}, now)


@pytest.fixture
def db(data_dir, clock):
    database = open_db(data_dir / "companion.db", clock)
    yield database
    database.close()


@pytest.fixture
def filled(db, clock):
    fill(db, clock)
    return db


def export(db: Database, path: Path, clock) -> dict[str, Any]:
    export_json(db, path, clock.now(), "9.9")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_export_is_one_json_file_with_every_kind(filled, tmp_path, clock):
    data = export(filled, tmp_path / "out.json", clock)
    assert data["format"] == FORMAT
    assert data["version"] == 1
    assert data["schema"] == filled.user_version
    assert data["app_version"] == "9.9"
    assert data["exported_at"] == clock.now().isoformat()
    records = data["records"]
    assert {k: len(v) for k, v in records.items()} == {
        "checkins": 2,
        "triage_outcomes": 1,
        "health_conditions": 1,
        "routine_runs": 1,
        "user_routines": 1,
        "reminder_rules": 2,
        "reminder_events": 1,
        "water_log": 2,
        "therapy_sessions": 1,
        "activities": 1,
        "daily_log": 1,
        "trend_alerts": 1,
        "return_to_run_plans": 0,  # tests/storage/test_export_return_to_run.py
        "settings": 2,
    }
    first = records["checkins"][0]
    assert "id" not in first
    assert first["regions"][0] == {
        "region_id": "quads_L",
        "side": "left",
        "at_rest": 3,
        "on_movement": 6,
        "descriptors": ["sore", "tight"],
    }
    assert first["triage_answers"][0]["answer"] is False
    assert records["therapy_sessions"][0]["settings"] == {"minutes": 15, "region": "calves"}
    assert records["therapy_sessions"][0]["phases"][0]["planned_s"] == 900
    assert records["reminder_rules"][0]["spec"]["amount_ml"] == 250
    assert "last_fired_at" not in records["reminder_rules"][0]
    assert "rule_id" not in records["reminder_events"][0]
    assert records["routine_runs"][0]["steps"][0]["exercise"] == "strap_hamstring"
    values = {s["key"]: s["value"] for s in records["settings"]}
    assert values["reminders.waking_hours"] == {"start": "07:00", "end": "22:00"}


def test_round_trip_into_a_fresh_database(filled, tmp_path, clock):
    first = export(filled, tmp_path / "first.json", clock)
    fresh = open_db(tmp_path / "fresh" / "companion.db", clock)
    report = import_json(fresh, tmp_path / "first.json", clock.now(), LIBRARY, BOUNDS)
    assert report.added == {k: len(v) for k, v in first["records"].items() if v}
    assert report.present == {}
    second = export(fresh, tmp_path / "second.json", clock)
    # An imported reminder waits switched off until the user has looked at it.
    assert [r["enabled"] for r in second["records"]["reminder_rules"]] == [False, False]
    for rule in first["records"]["reminder_rules"]:
        rule["enabled"] = False
    assert second["records"] == first["records"]
    fresh.close()


def test_importing_the_same_file_twice_adds_nothing(filled, tmp_path, clock):
    export(filled, tmp_path / "out.json", clock)
    fresh = open_db(tmp_path / "fresh" / "companion.db", clock)
    import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    before = dump(fresh)
    again = import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert again.added == {}
    assert again.total_present == 17
    assert dump(fresh) == before
    # Into the database it came from: everything is already here.
    assert import_json(filled, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS).added == {}
    fresh.close()


def test_merge_keeps_local_days_and_settings_and_renumbers_routines(filled, tmp_path, clock):
    export(filled, tmp_path / "out.json", clock)
    other = open_db(tmp_path / "other" / "companion.db", clock)
    now = clock.now()
    # The other computer has its own check-in yesterday, settings and a routine of its own.
    yesterday = now - timedelta(days=1)
    CheckInRepository(other).save(
        CheckIn(
            at=yesterday,
            onset=yesterday - timedelta(hours=2),
            cause=Cause.LONG_STANDING,
            soreness_type=SorenessType.STANDING,
            regions=(RegionReport("calves_L", L, 2, 2),),
        ),
        GREEN,
    )
    SettingsRepository(other).set("emergency_number", "999", now)
    ConditionRepository(other).replace([ReportedCondition("pregnancy")], now)
    UserRoutineRepository(other).save(
        RoutineDraft("Hips", "", (StepSpec("lying_figure_four", 30, 2),)), now
    )
    report = import_json(other, tmp_path / "out.json", now, LIBRARY, BOUNDS)
    assert report.added["checkins"] == 1
    assert report.present["checkins"] == 1
    assert report.present["settings"] == 1
    assert report.present["health_conditions"] == 1
    assert report.added["triage_outcomes"] == 1
    assert CheckInRepository(other).for_day(yesterday.date()).cause is Cause.LONG_STANDING
    assert SettingsRepository(other).get("emergency_number") == "999"
    assert SettingsRepository(other).get("reminders.waking_hours") == {
        "start": "07:00",
        "end": "22:00",
    }
    assert [c.id for c in ConditionRepository(other).all()] == ["pregnancy"]
    # The imported routine is mine-2 here; its run and its reminder follow it.
    routines = {r.name: r.id for r in UserRoutineRepository(other).all()}
    assert routines == {"Hips": "mine-1", "Calves, gently": "mine-2"}
    assert other.query_one("SELECT routine FROM routine_runs") == ("mine-2",)
    rules = {r.title: r for r in ReminderRepository(other).all()}
    assert rules["Evening"].routine_id == "mine-2"
    assert not rules["Evening"].enabled and not rules["Water"].enabled
    assert other.query_one("SELECT rule_id FROM reminder_events") == (None,)
    other.close()


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def document(records: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": 1,
        "schema": 7,
        "exported_at": "2026-06-15T09:00:00+01:00",
        "app_version": "0.1",
        "records": records,
        **top,
    }


WATER = {"at": "2026-06-15T08:00:00+00:00", "ml": 250, "source": "app"}
REGION = {
    "region_id": "quads_L",
    "side": "left",
    "at_rest": 3,
    "on_movement": 5,
    "descriptors": ["tight"],
}
CHECKIN = {
    "day": "2026-06-10",
    "at": "2026-06-10T09:00:00+01:00",
    "onset": "2026-06-09T18:00:00+01:00",
    "cause": "run",
    "soreness_type": "doms",
    "swelling": "none",
    "swollen_side": None,
    "area_warm_or_red": False,
    "triage_tier": "green",
    "regions": [REGION],
    "triage_answers": [],
}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe not utf-8 \x80", "not a text file in UTF-8"),
        (b"{ not json", "not a JSON file (line 1, column 3)"),
        (json.dumps({"format": "something-else", "version": 1}).encode(), "not a Recovery Compan"),
        (json.dumps([1, 2]).encode(), "this is not a Recovery Companion export"),
        (json.dumps(document({}, version=2)).encode(), "made by a newer version"),
        (json.dumps(document({}, schema=99)).encode(), "made by a newer version"),
        (json.dumps(document({"water_log": [WATER, {**WATER, "ml": 2001}]})).encode(), "ml"),
        (
            json.dumps(
                document({"checkins": [{**CHECKIN, "regions": [{**REGION, "at_rest": 11}]}]})
            ).encode(),
            "checkins[0].regions[0].at_rest: 11 is out of range (from 0 to 10)",
        ),
        (
            json.dumps(document({"water_log": [WATER, {**WATER, "ml": "250"}]})).encode(),
            "water_log[1].ml: must be a whole number",
        ),
        (
            json.dumps(document({"water_log": [{"at": WATER["at"], "ml": 250}]})).encode(),
            "water_log[0].source: is missing",
        ),
        (
            json.dumps(document({"checkins": [{**CHECKIN, "cause": "boredom"}]})).encode(),
            "checkins[0].cause: 'boredom' is not one of",
        ),
        (
            json.dumps(document({"water_log": [{**WATER, "at": "2026-06-15T08:00"}]})).encode(),
            "water_log[0].at: '2026-06-15T08:00' is not a time with its offset",
        ),
        (json.dumps(document({"recipes": []})).encode(), "unknown kind of record 'recipes'"),
        (
            json.dumps(document({"checkins": [{**CHECKIN, "regions": [REGION, REGION]}]})).encode(),
            "checkins[0].regions[1].region_id: 'quads_L' is listed twice",
        ),
        (
            json.dumps(document({"water_log": [{**WATER, "colour": "blue"}]})).encode(),
            "water_log[0]: unknown field 'colour'",
        ),
        (b'{"format": NaN}', "NaN and Infinity are not JSON"),
    ],
)
def test_a_refused_file_changes_nothing(filled, tmp_path, clock, content, reason):
    path = tmp_path / "in.json"
    path.write_bytes(content)
    before = dump(filled)
    with pytest.raises(DataFileError) as refused:
        import_json(filled, path, clock.now(), LIBRARY, BOUNDS)
    message = str(refused.value)
    assert reason in message
    assert message.startswith(f"Cannot import {path}: ")
    assert message.endswith("Nothing was changed.")
    assert dump(filled) == before


def test_a_bad_record_late_in_the_file_refuses_the_good_ones_too(db, tmp_path, clock):
    records = {
        "water_log": [WATER],
        "daily_log": [
            {"day": "2026-06-15", "sleep_hours": 8.0, "prs": 12, "updated_at": WATER["at"]}
        ],
    }
    path = write(tmp_path / "in.json", document(records))
    with pytest.raises(DataFileError, match=r"daily_log\[0\]\.prs: 12 is out of range"):
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    assert db.query_one("SELECT count(*) FROM water_log") == (0,)


def test_routines_and_rules_from_a_file_are_checked_like_the_editor_does(db, tmp_path, clock):
    routine = {
        "id": "mine-4",
        "name": "Too long",
        "description": "",
        "steps": [{"exercise": "calf_roll", "seconds": 6000, "reps": 1}],
        "created_at": WATER["at"],
        "updated_at": WATER["at"],
    }
    path = write(tmp_path / "in.json", document({"user_routines": [routine]}))
    with pytest.raises(DataFileError, match=r"user_routines\[0\]: "):
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    rule = {
        "kind": "hydration",
        "title": "Water",
        "enabled": True,
        "spec": {"every_min": "often"},
        "created_at": WATER["at"],
        "updated_at": WATER["at"],
    }
    path = write(tmp_path / "in.json", document({"reminder_rules": [rule]}))
    with pytest.raises(DataFileError, match=r"reminder_rules\[0\]\.spec\.every_min"):
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    assert db.query_one("SELECT count(*) FROM user_routines") == (0,)


def test_a_file_over_64_mb_is_refused_before_it_is_read(db, tmp_path, clock):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk used
    with pytest.raises(DataFileError, match="larger than 64 MB"):
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)


def test_a_missing_file_says_so(db, tmp_path, clock):
    with pytest.raises(DataFileError, match="No such file or directory"):
        import_json(db, tmp_path / "nope.json", clock.now(), LIBRARY, BOUNDS)


def test_times_kept_in_utc_are_converted_on_import(db, tmp_path, clock):
    path = write(
        tmp_path / "in.json",
        document({"water_log": [{**WATER, "at": "2026-06-15T09:00:00+01:00"}]}),
    )
    import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    assert db.query_one("SELECT at FROM water_log") == ("2026-06-15T08:00:00+00:00",)
    # The same drink written in UTC is the same record.
    path = write(tmp_path / "in.json", document({"water_log": [WATER]}))
    assert import_json(db, path, clock.now(), LIBRARY, BOUNDS).present == {"water_log": 1}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_unwritable_folder_is_named_with_the_reason(filled, tmp_path, clock):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with modes_apply():
            with pytest.raises(DataFileError) as refused:
                export_json(filled, locked / "out.json", clock.now(), "1")
            assert str(refused.value) == f"Cannot write {locked / 'out.json'}: Permission denied."
            with pytest.raises(DataFileError, match="Permission denied"):
                export_csv(filled, locked / "csv", clock.now())
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_a_permission_error_names_the_path_even_for_root(filled, tmp_path, clock, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("companion.storage.export.files.tempfile.mkstemp", refuse)
    with pytest.raises(DataFileError) as refused:
        export_json(filled, tmp_path / "out.json", clock.now(), "1")
    assert str(refused.value) == f"Cannot write {tmp_path / 'out.json'}: Permission denied."


def test_a_folder_in_the_way_is_refused_and_the_temporary_file_goes(filled, tmp_path, clock):
    target = tmp_path / "exports" / "out.json"
    target.mkdir(parents=True)
    with pytest.raises(DataFileError, match=r"out\.json: Is a directory\.$"):
        export_json(filled, target, clock.now(), "1")
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_a_missing_parent_is_refused_and_nothing_is_left_behind(filled, tmp_path, clock):
    with pytest.raises(DataFileError, match="No such file or directory"):
        export_json(filled, tmp_path / "no" / "such" / "out.json", clock.now(), "1")
    with pytest.raises(DataFileError, match=r"Cannot write .*csv: No such file or directory"):
        export_csv(filled, tmp_path / "no" / "csv", clock.now())
    assert not (tmp_path / "no").exists()


def test_an_export_replaces_the_old_file_whole(filled, tmp_path, clock):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "out.json"
    path.write_text("old", encoding="utf-8")
    export_json(filled, path, clock.now(), "1")
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT
    assert [p.name for p in folder.iterdir()] == ["out.json"]  # no temporary file left
    assert (path.stat().st_mode & 0o077) == 0  # health data: yours only


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_one_per_kind_in_the_users_zone(filled, tmp_path, clock):
    folder = tmp_path / "csv"
    written = export_csv(filled, folder, clock.now())
    assert sorted(p.name for p in written) == sorted(CSV_FILES)
    assert sorted(p.name for p in folder.iterdir()) == sorted(CSV_FILES)
    raw = (folder / "soreness.csv").read_bytes()
    assert raw.startswith(b"day,at,onset,cause,soreness_type,region,side,at_rest,on_movement,")
    assert b"\r\n" in raw
    soreness = read_csv(folder / "soreness.csv")
    assert len(soreness) == 4
    assert soreness[0]["region"] == "quads_L"
    assert soreness[0]["descriptors"] == "sore;tight"
    assert soreness[0]["at_rest"] == "3"
    water = read_csv(folder / "water.csv")
    # Stored in UTC, shown at the user's time: London is on summer time in June.
    assert water[0]["at"].endswith("+01:00")
    assert water[0]["day"] == "2026-06-15"
    assert {w["ml"] for w in water} == {"250", "400"}
    mornings = read_csv(folder / "mornings.csv")
    assert mornings == [{"day": "2026-06-15", "sleep_hours": "7.5", "prs": "6"}]
    runs = read_csv(folder / "routine_runs.csv")
    assert runs[0]["name"] == "Calves, gently"  # a comma: quoted, read back whole
    assert b'"Calves, gently"' in (folder / "routine_runs.csv").read_bytes()
    activities = read_csv(folder / "activities.csv")
    assert activities[0]["km"] == "10.5" and activities[0]["effort"] == "6"
    checkins = read_csv(folder / "checkins.csv")
    assert [c["safety_tier"] for c in checkins] == ["green", "orange"]
    assert checkins[0]["worst_on_movement"] == "6"
    outcomes = read_csv(folder / "safety_outcomes.csv")
    assert outcomes[0]["questions"] == "O5" and outcomes[0]["locked_legs"] == "left"


def test_every_csv_column_is_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "data-export.md").read_text()
    sections = {
        part.split("\n", 1)[0].strip(): part.split("\n## ")[0] for part in doc.split("\n### ")[1:]
    }
    for name, columns in CSV_COLUMNS.items():
        assert name in sections, name
        documented = [
            column.strip()
            for line in sections[name].splitlines()
            if line.startswith("| ") and not line.startswith(("| column", "| ---"))
            for column in line.split("|")[1].split(",")
        ]
        assert documented == list(columns), name


def standing_locks(db: Database, now: datetime) -> list[str]:
    return [r.tier.value for r in CheckInRepository(db).active_locks(now)]


def test_delete_history_keeps_standing_safety_locks_and_what_you_set_up(filled, clock):
    now = clock.now()
    triage = load_triage()
    repo = CheckInRepository(filled)
    repo.record_outcome(triage.evaluate({"R2": True}, [R], now))  # red, not assessed
    repo.record_outcome(triage.evaluate({"O5": True}, [L], now - timedelta(hours=2)))
    repo.record_outcome(triage.evaluate({"O5": True}, [L], now - timedelta(days=3)))  # ran out
    # fill()'s orange outcome from yesterday ends exactly now: no longer standing.
    assert sorted(standing_locks(filled, now)) == ["orange", "red"]
    report = delete_history(filled, now)
    assert report.kept_locks == 2
    assert report.deleted["triage_outcomes"] == 2
    assert report.deleted["checkins"] == 2
    assert sorted(standing_locks(filled, now)) == ["orange", "red"]
    for table in (
        "checkins",
        "checkin_regions",
        "triage_answers",
        "routine_runs",
        "routine_run_steps",
        "routine_run_feel",
        "reminder_events",
        "water_log",
        "therapy_sessions",
        "activities",
        "daily_log",
        "trend_alerts",
    ):
        assert filled.query_one(f"SELECT count(*) FROM {table}") == (0,), table
    for table, count in (
        ("settings", 2),
        ("health_conditions", 1),
        ("user_routines", 1),
        ("reminder_rules", 2),
    ):
        assert filled.query_one(f"SELECT count(*) FROM {table}") == (count,), table
    # Once the orange lock has run out, deleting again takes it too.
    assert delete_history(filled, now + timedelta(days=1)).kept_locks == 1


def test_delete_history_is_one_transaction(filled, clock):
    before = dump(filled)
    filled.conn.execute("ALTER TABLE trend_alerts RENAME TO trend_alerts_gone")
    with pytest.raises(sqlite3.OperationalError):
        delete_history(filled, clock.now())
    filled.conn.execute("ALTER TABLE trend_alerts_gone RENAME TO trend_alerts")
    assert dump(filled) == before


def test_the_exported_at_time_is_the_clock_not_the_wall(filled, tmp_path, clock):
    clock.set(datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert export(filled, tmp_path / "o.json", clock)["exported_at"] == "2030-01-02T03:04:05+00:00"


def _rule(kind: str, title: str, **spec: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "title": title,
        "enabled": False,
        "spec": spec,
        "created_at": WATER["at"],
        "updated_at": WATER["at"],
    }


def _files(db_path: Path) -> dict[str, bytes]:
    """The database and its companions, byte for byte."""
    return {
        p.name: p.read_bytes()
        for p in sorted(db_path.parent.iterdir())
        if p.name.startswith(db_path.name)
    }


GOOD_WATER_RULE = _rule("hydration", "Sips", every_min=120, amount_ml=200)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            _rule("icing", "Long ice", every_min=120, on_min=25, region="calves"),
            (
                "reminder_rules[1] ('Long ice'): Ice on the skin: 25 min is above the safe limit "
                "of 20 min."
            ),
        ),
        (
            _rule("icing", "Knee ice", every_min=120, on_min=15, region="knee"),
            "reminder_rules[1] ('Knee ice'): ",
        ),
        (
            _rule("icing", "Often", every_min=30, on_min=15),
            (
                "reminder_rules[1] ('Often'): Gap between ice sessions: 30 min is below the safe "
                "minimum of 60 min."
            ),
        ),
        (
            _rule("hydration", "Flood", every_min=30, amount_ml=300),
            (
                "reminder_rules[1] ('Flood'): That schedules 8.7 L of water a day; more than 6 L "
                "is not allowed."
            ),
        ),
        (
            _rule("contrast", "Twice", times=["09:00", "18:00"]),
            "reminder_rules[1] ('Twice'): Contrast therapy is at most 1 session a day.",
        ),
    ],
)
def test_a_reminder_beyond_a_hard_limit_refuses_the_whole_import(
    filled, data_dir, tmp_path, clock, bad, reason
):
    path = write(
        tmp_path / "in.json",
        document({"reminder_rules": [GOOD_WATER_RULE, bad], "water_log": [WATER]}),
    )
    before, files = dump(filled), _files(data_dir / "companion.db")
    with pytest.raises(DataFileError) as refused:
        import_json(filled, path, clock.now(), LIBRARY, BOUNDS)
    message = str(refused.value)
    assert message.startswith(f"Cannot import {path}: {reason}")
    assert message.endswith("Nothing was changed.")
    assert dump(filled) == before
    assert _files(data_dir / "companion.db") == files


def test_imported_rules_are_checked_with_the_waking_hours_they_will_have(db, tmp_path, clock):
    early = _rule("custom", "Early", times=["06:00"], message="Up!")
    path = write(tmp_path / "in.json", document({"reminder_rules": [early]}))
    with pytest.raises(DataFileError, match=r"reminder_rules\[0\] \('Early'\): 06:00 is outside"):
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    # The file's own waking hours come with it when none are set here.
    hours = {"start": "05:30", "end": "21:30"}
    setting = {"key": "reminders.waking_hours", "value": hours, "updated_at": WATER["at"]}
    path = write(tmp_path / "in.json", document({"reminder_rules": [early], "settings": [setting]}))
    report = import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    assert report.added == {"reminder_rules": 1, "settings": 1}
    assert [r.enabled for r in ReminderRepository(db).all()] == [False]
