"""The return-to-run plan in your data: exported, imported without duplicates (checked
first), and deleted with the history."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.domain.return_to_run import Session, Sign
from companion.resources import load_exercises, load_protocols
from companion.storage.database import Database, open_database
from companion.storage.export import DataFileError, delete_history, export_json, import_json
from companion.storage.return_to_run import ReturnToRunRepository

LIBRARY = load_exercises()
BOUNDS = load_protocols()


def _db(path: Path, clock) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(path, clock.now()).database


def _fill(db: Database, clock) -> None:
    plans = ReturnToRunRepository(db)
    now = clock.now()
    pid = plans.start(now - timedelta(days=5), 1, "walk_run_1")
    first = now - timedelta(days=4)
    plans.add_session(
        pid, Session(first.date(), "walk_run_1", 2, True, frozenset({Sign.LIMP})), first, "a"
    )
    plans.set_morning(
        pid,
        first.date(),
        morning=1,
        signs=(),
        at=first + timedelta(hours=20),
        current_step="walk_run_1",
    )
    plans.stop(pid, now - timedelta(days=3), for_care=True)


def _export(db: Database, path: Path, clock) -> dict[str, Any]:
    export_json(db, path, clock.now(), "9.9")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_a_plan_and_its_sessions_go_out_and_come_back_once(tmp_path, clock):
    db = _db(tmp_path / "a" / "companion.db", clock)
    _fill(db, clock)
    data = _export(db, tmp_path / "out.json", clock)
    (plan,) = data["records"]["return_to_run_plans"]
    assert plan["baseline"] == 1
    assert plan["stop_reason"] == "care"
    (session,) = plan["sessions"]
    assert session["signs"] == ["limp"]
    assert session["completed"] is True
    assert session["morning"] == 1
    fresh = _db(tmp_path / "b" / "companion.db", clock)
    report = import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert report.added == {"return_to_run_plans": 1}
    again = import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert again.added == {}
    assert again.present == {"return_to_run_plans": 1}
    back = ReturnToRunRepository(fresh).latest()
    assert back is not None
    assert back.state.stopped_for_care
    assert ReturnToRunRepository(fresh).sessions(back.id) == ReturnToRunRepository(db).sessions(
        back.id
    )
    assert _export(fresh, tmp_path / "again.json", clock)["records"]["return_to_run_plans"] == [
        plan
    ]


def test_a_plan_here_keeps_its_sessions_and_gains_the_files_other_days(tmp_path, clock):
    db = _db(tmp_path / "a" / "companion.db", clock)
    _fill(db, clock)
    data = _export(db, tmp_path / "out.json", clock)
    extra = dict(data["records"]["return_to_run_plans"][0]["sessions"][0])
    extra.update(day=(clock.now() - timedelta(days=2)).date().isoformat(), pain=3)
    data["records"]["return_to_run_plans"][0]["sessions"].append(extra)
    data["records"]["return_to_run_plans"][0]["sessions"][0]["pain"] = 9  # a day here wins
    (tmp_path / "more.json").write_text(json.dumps(data), encoding="utf-8")
    report = import_json(db, tmp_path / "more.json", clock.now(), LIBRARY, BOUNDS)
    assert report.present == {"return_to_run_plans": 1}
    plan = ReturnToRunRepository(db).latest()
    assert plan is not None
    pains = [s.pain for s in ReturnToRunRepository(db).sessions(plan.id)]
    assert pains == [2, 3]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda p: p.update(baseline=11), "return_to_run_plans[0].baseline"),
        (lambda p: p.update(stop_reason="bored"), "return_to_run_plans[0].stop_reason"),
        (lambda p: p.update(stop_reason=None), "stopped_at and stop_reason go together"),
        (lambda p: p["sessions"][0].update(pain=-1), "sessions[0].pain"),
        (lambda p: p["sessions"][0].update(signs=["itchy"]), "sessions[0].signs"),
        (lambda p: p["sessions"].append(dict(p["sessions"][0])), "is listed twice"),
    ],
)
def test_a_bad_plan_in_the_file_is_refused_and_nothing_changes(tmp_path, clock, change, error):
    db = _db(tmp_path / "a" / "companion.db", clock)
    _fill(db, clock)
    data = _export(db, tmp_path / "out.json", clock)
    change(data["records"]["return_to_run_plans"][0])
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    fresh = _db(tmp_path / "b" / "companion.db", clock)
    with pytest.raises(DataFileError, match="Nothing was changed") as refused:
        import_json(fresh, tmp_path / "bad.json", clock.now(), LIBRARY, BOUNDS)
    assert error in str(refused.value)
    assert ReturnToRunRepository(fresh).latest() is None


def test_deleting_the_history_deletes_the_plan_and_its_sessions(tmp_path, clock):
    db = _db(tmp_path / "a" / "companion.db", clock)
    _fill(db, clock)
    report = delete_history(db, clock.now())
    assert report.deleted["return_to_run_plans"] == 1
    assert db.query_one("SELECT COUNT(*) FROM return_to_run_sessions") == (0,)
    assert ReturnToRunRepository(db).latest() is None
