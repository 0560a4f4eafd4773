"""Export, import, CSV and delete-all of how each region felt after a run (schema 8)."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from companion.domain.feel import FeelScore
from companion.storage.export import DataFileError, delete_history, export_csv, import_json
from companion.storage.migrations import latest_version
from companion.storage.runs import FeelRepository, RunRepository
from tests.storage.test_export import BOUNDS, LIBRARY, document, dump, export, open_db, write

FEEL = [FeelScore("hamstrings_L", "left", 6, 4), FeelScore("calves", "both", None, 2)]


@pytest.fixture
def filled(data_dir, clock):
    from tests.storage.test_export import fill

    database = open_db(data_dir / "companion.db", clock)
    fill(database, clock)  # one run, with FEEL
    yield database
    database.close()


def run_record(filled, tmp_path, clock) -> dict[str, Any]:
    data = export(filled, tmp_path / "out.json", clock)
    (run,) = data["records"]["routine_runs"]
    assert isinstance(run, dict)
    return run


def test_the_export_holds_each_runs_feel(filled, tmp_path, clock):
    run = run_record(filled, tmp_path, clock)
    assert run["feel"] == [
        {"region_id": "hamstrings_L", "side": "left", "before": 6, "after": 4},
        {"region_id": "calves", "side": "both", "before": None, "after": 2},
    ]


def test_round_trip_keeps_the_feel_rows(filled, tmp_path, clock):
    export(filled, tmp_path / "out.json", clock)
    fresh = open_db(tmp_path / "fresh" / "companion.db", clock)
    import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    (stored,) = RunRepository(fresh).recent()
    assert FeelRepository(fresh).for_run(stored.id) == tuple(FEEL)
    fresh.close()


def test_an_older_file_without_feel_imports(filled, tmp_path, clock):
    run = run_record(filled, tmp_path, clock)
    del run["feel"]
    path = write(tmp_path / "old.json", document({"routine_runs": [run]}, schema=7))
    fresh = open_db(tmp_path / "fresh" / "companion.db", clock)
    assert import_json(fresh, path, clock.now(), LIBRARY, BOUNDS).added == {"routine_runs": 1}
    assert fresh.query_one("SELECT COUNT(*) FROM routine_run_feel") == (0,)
    fresh.close()


def bad(run: dict[str, Any], **change: Any) -> dict[str, Any]:
    return {**run, "feel": [{**run["feel"][0], **change}, run["feel"][1]]}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"after": 11}, "routine_runs[0].feel[0].after: 11 is out of range (from 0 to 10)"),
        ({"after": None}, "routine_runs[0].feel[0].after: must have a value, not null"),
        ({"before": -1}, "routine_runs[0].feel[0].before: -1 is out of range (from 0 to 10)"),
        ({"after": "4"}, "routine_runs[0].feel[0].after: must be a whole number"),
        ({"side": "up"}, "routine_runs[0].feel[0].side: 'up' is not one of both, centre, left"),
        ({"region_id": "calves"}, "routine_runs[0].feel[1].region_id: 'calves' is listed twice"),
    ],
)
def test_a_bad_feel_value_is_refused_and_nothing_is_lost(filled, tmp_path, clock, change, reason):
    run = run_record(filled, tmp_path, clock)
    path = write(tmp_path / "in.json", document({"routine_runs": [bad(run, **change)]}, schema=8))
    fresh = open_db(tmp_path / "fresh" / "companion.db", clock)
    import_json(fresh, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)  # something there
    before = dump(fresh)
    with pytest.raises(DataFileError) as refused:
        import_json(fresh, path, clock.now(), LIBRARY, BOUNDS)
    assert reason in str(refused.value)
    assert str(refused.value).endswith("Nothing was changed.")
    assert dump(fresh) == before
    fresh.close()


def test_a_file_of_this_schema_must_list_feel(filled, tmp_path, clock):
    run = run_record(filled, tmp_path, clock)
    del run["feel"]
    path = write(tmp_path / "in.json", document({"routine_runs": [run]}, schema=latest_version()))
    with pytest.raises(DataFileError, match=r"routine_runs\[0\]\.feel: is missing"):
        import_json(filled, path, clock.now(), LIBRARY, BOUNDS)


def test_a_run_already_here_gains_the_files_feel_but_keeps_its_own(filled, tmp_path, clock):
    export(filled, tmp_path / "out.json", clock)
    (run,) = RunRepository(filled).recent()
    FeelRepository(filled).replace(run.id, [FeelScore("hamstrings_L", "left", 6, 5)])
    report = import_json(filled, tmp_path / "out.json", clock.now(), LIBRARY, BOUNDS)
    assert report.added == {}
    assert FeelRepository(filled).for_run(run.id) == (
        FeelScore("hamstrings_L", "left", 6, 5),  # the answer here wins
        FeelScore("calves", "both", None, 2),
    )


def test_csv_has_one_row_per_feel_answer(filled, tmp_path, clock):
    folder = tmp_path / "csv"
    export_csv(filled, folder, clock.now())
    with (folder / "routine_feel.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["region"], r["side"], r["before"], r["after"]) for r in rows] == [
        ("hamstrings_L", "left", "6", "4"),
        ("calves", "both", "", "2"),
    ]
    assert rows[0]["routine"].startswith("mine-")


def test_delete_history_takes_the_feel_rows(filled, clock):
    delete_history(filled, clock.now())
    assert filled.query_one("SELECT COUNT(*) FROM routine_run_feel") == (0,)
