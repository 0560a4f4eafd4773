"""Hostile values in every field of an export file: numbers past what SQLite stores and
strings of megabytes. Each is refused with a short message that names the field, or
(where the field takes any text) imported as it is; never a traceback, never a
message that repeats megabytes, and a refusal leaves the database as it was."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.storage.database import Database
from companion.storage.export import DataFileError, export_json, import_json
from tests.helpers.fuzz import dump
from tests.storage.test_export import BOUNDS, LIBRARY, fill, open_db

HUGE_NUMBERS = (2**63, 2**64 + 1, -(2**63) - 1, 10**400)
LONG_TEXT = "é" + "x" * (3 * 1024 * 1024)  # 3 MB
MESSAGE_LIMIT = 600  # a refusal is a line or two, whatever was in the file


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.helpers.clock import FakeClock

    clock = FakeClock()
    folder = tmp_path_factory.mktemp("source")
    db = open_db(folder / "companion.db", clock)
    fill(db, clock)
    export_json(db, folder / "out.json", clock.now(), "1")
    db.close()
    data: dict[str, Any] = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    return data


def fields(document: dict[str, Any]) -> Iterator[tuple[str, list[Any]]]:
    """(name, path) for every field of the first record of every kind, children too."""
    for kind, records in document["records"].items():
        if not records:
            continue
        first = records[0]
        for key, value in first.items():
            yield f"{kind}.{key}", ["records", kind, 0, key]
            if isinstance(value, list) and value and isinstance(value[0], dict):
                for child_key in value[0]:
                    yield (
                        f"{kind}.{key}.{child_key}",
                        ["records", kind, 0, key, 0, child_key],
                    )
            if isinstance(value, dict):
                for inner in value:
                    yield f"{kind}.{key}.{inner}", ["records", kind, 0, key, inner]


def with_value(document: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


@pytest.fixture
def target(data_dir: Path, clock) -> Iterator[Database]:
    data_dir.mkdir()
    db = open_db(data_dir / "companion.db", clock)
    fill(db, clock)
    yield db
    db.close()


def attempt(db: Database, tmp_path: Path, clock, document: dict[str, Any]) -> str | None:
    """Import the document; the refusal's message, or None when it was taken."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump(db.conn)
    try:
        import_json(db, path, clock.now(), LIBRARY, BOUNDS)
    except DataFileError as exc:
        assert dump(db.conn) == before, "a refused import changed the database"
        return str(exc)
    return None


def test_every_field_refuses_numbers_sqlite_cannot_store(document, target, tmp_path, clock):
    names = []
    for name, path in fields(document):
        for number in HUGE_NUMBERS:
            said = attempt(target, tmp_path, clock, with_value(document, path, number))
            if said is None:
                continue  # a field that takes any JSON keeps it as text: fine
            names.append(name)
            assert len(said) < MESSAGE_LIMIT, (name, said[:200])
            kind, field = name.split(".")[0], name.split(".")[-1]
            assert field in said or kind in said, (name, said)  # where it is, at least
    # The fields the hostile tests found: each now has a bound and names it.
    for name in (
        "reminder_events.missed",
        "reminder_events.snoozes",
        "routine_runs.steps.position",
        "routine_runs.steps.planned_s",
    ):
        assert name in names


def test_every_field_refuses_or_keeps_megabytes_of_text_in_a_short_message(
    document, target, tmp_path, clock
):
    for name, path in fields(document):
        said = attempt(target, tmp_path, clock, with_value(document, path, LONG_TEXT))
        if said is not None:
            assert len(said) < MESSAGE_LIMIT, (name, said[:200])


@pytest.mark.parametrize("where", ["kind", "field", "child field"])
def test_a_megabyte_name_is_quoted_short(document, target, tmp_path, clock, where):
    changed = copy.deepcopy(document)
    if where == "kind":
        changed["records"][LONG_TEXT] = []
    elif where == "field":
        changed["records"]["water_log"][0][LONG_TEXT] = 1
    else:
        changed["records"]["checkins"][0]["regions"][0][LONG_TEXT] = 1

    said = attempt(target, tmp_path, clock, changed)

    assert said is not None and len(said) < MESSAGE_LIMIT
    assert "characters)" in said  # the excerpt says how long the real one was


def test_a_huge_version_number_is_quoted_short(document, target, tmp_path, clock):
    changed = {**document, "version": 10**4000}

    said = attempt(target, tmp_path, clock, changed)

    assert said is not None and len(said) < MESSAGE_LIMIT
    assert "newer version" in said


def test_a_pause_longer_than_any_offered_is_refused(document, target, tmp_path, clock):
    changed = copy.deepcopy(document)
    changed["records"]["settings"].append(
        {
            "key": "reminders.paused_until",
            "value": "9999-12-31T23:59:00+00:00",
            "updated_at": "2026-06-15T09:00:00+00:00",
        }
    )

    said = attempt(target, tmp_path, clock, changed)

    assert said is not None
    assert "paused_until" in said and "longest" in said
