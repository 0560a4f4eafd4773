"""The routines library finds built-in and user routines by id, for every caller."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from companion.domain.custom_routines import (
    MAX_FILE_BYTES,
    RoutineDraft,
    RoutineFileError,
    StepSpec,
    as_draft,
)
from companion.resources import load_exercises, load_protocols, load_routines
from companion.services.routines import RoutineLibrary
from companion.storage.database import open_database
from companion.storage.user_routines import UserRoutineRepository


def test_built_in_and_own_routines_by_id(tmp_path):
    now = datetime(2026, 6, 15, 9, tzinfo=UTC)
    db = open_database(tmp_path / "companion.db", now).database
    try:
        repo = UserRoutineRepository(db)
        saved = repo.save(RoutineDraft("Evening calves", "", (StepSpec("calf_roll", 60, 1),)), now)
        library = RoutineLibrary(repo, load_routines(), load_exercises())
        assert library.get("calves_and_shins") is not None
        mine = library.get(saved.id)
        assert mine is not None and mine.name == "Evening calves"
        assert library.get("mine-999") is None
        assert library.get("no_such_routine") is None
        assert next(r.id for r in library.all()) == saved.id  # the user's own come first
    finally:
        db.close()


def test_a_built_in_routine_becomes_an_editable_draft_with_pairs_joined():
    routine = load_routines().get("calves_and_shins")
    draft = as_draft(routine)
    each_side = sum(
        1
        for a, b in zip(routine.steps, routine.steps[1:], strict=False)
        if a.exercise.id == b.exercise.id and (a.side, b.side) == ("left", "right")
    )
    assert len(draft.steps) == len(routine.steps) - each_side


# -- changing the user's own routines: every caller's use cases, without Qt ---------------------

NOW = datetime(2026, 6, 15, 9, tzinfo=UTC)


class StoppedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def found(tmp_path):
    db = open_database(tmp_path / "companion.db", NOW).database
    exercises = load_exercises()
    try:
        yield RoutineLibrary(
            UserRoutineRepository(db),
            load_routines(library=exercises),
            exercises,
            clock=StoppedClock(NOW),
        )
    finally:
        db.close()


def feet(name: str = "Feet") -> RoutineDraft:
    return RoutineDraft(name, "Plantar care.", (StepSpec("plantar_stretch", 10, 10),))


def stored(library: RoutineLibrary) -> list[RoutineDraft]:
    return library.repo.all()


def test_save_inserts_then_updates_and_delete_removes(found):
    first = found.save(feet())
    second = found.save(feet("Calves"))
    assert (first.id, second.id) == ("mine-1", "mine-2")
    assert found.is_mine(first.id) and not found.is_mine("calves_and_shins")
    assert found.draft(first.id) == first
    found.save(RoutineDraft("Short feet", "", first.steps, first.id))
    assert [r.name for r in found.mine()] == ["Short feet", "Calves"]
    found.delete(first.id)
    assert found.draft(first.id) is None and found.get(first.id) is None
    assert [r.id for r in found.mine()] == ["mine-2"]
    assert found.draft("calves_and_shins") is None  # built-in routines have no stored draft


def test_saving_an_unknown_id_is_refused_and_stores_nothing(found):
    with pytest.raises(KeyError):
        found.save(RoutineDraft("Ghost", "", feet().steps, "mine-7"))
    assert found.mine() == []


def test_duplicate_as_draft_copies_a_built_in_or_own_routine_unsaved(found):
    builtin = found.get("calves_and_shins")
    copy = found.duplicate_as_draft("calves_and_shins")
    assert copy is not None and not copy.id  # a new routine once saved
    assert copy.name == f"{builtin.name} (copy)"
    assert copy.steps == as_draft(builtin).steps
    own = found.save(feet())
    own_copy = found.duplicate_as_draft(own.id)
    assert own_copy == RoutineDraft("Feet (copy)", own.description, own.steps)
    assert found.duplicate_as_draft("mine-99") is None
    assert found.duplicate_as_draft("no_such_routine") is None
    assert [r.id for r in found.mine()] == [own.id]  # nothing saved by duplicating


def test_duplicate_as_draft_words_the_copy_through_translate(found):
    said = []

    def translate(context, source, disambiguation=None, n=-1):
        said.append((context, source))
        return "Kopie von %s"

    found.translate = translate
    copy = found.duplicate_as_draft("calves_and_shins")
    assert copy is not None and copy.name.startswith("Kopie von ")
    assert said == [("MyRoutines", "%s (copy)")]


def test_export_then_import_round_trips(found, tmp_path):
    own = found.save(feet())
    path = RoutineLibrary.with_json_suffix(tmp_path / "feet")
    assert path.name == "feet.json"
    assert RoutineLibrary.with_json_suffix(tmp_path / "Feet.JSON").name == "Feet.JSON"
    found.export_file(own, path)
    assert json.loads(path.read_text(encoding="utf-8"))["steps"] == [
        {"exercise": "plantar_stretch", "seconds": 10, "reps": 10}
    ]
    read = found.read_file(path, load_protocols())
    assert (read.name, read.steps) == (own.name, own.steps)
    assert len(found.mine()) == 1  # reading saves nothing
    imported = found.import_file(path, load_protocols())
    assert imported.id == "mine-2"
    assert [r.name for r in found.mine()] == ["Feet", "Feet"]


def test_export_to_a_folder_that_is_not_there_raises_os_error(found, tmp_path):
    with pytest.raises(FileNotFoundError):
        found.export_file(feet(), tmp_path / "gone" / "feet.json")


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"{oops", RoutineFileError, "Not a JSON file"),
        (b"\xff\xfe\x00garbage", UnicodeDecodeError, ""),
        (b" " * (MAX_FILE_BYTES + 1), RoutineFileError, "larger than 256 KB"),
        (
            json.dumps(
                {
                    "format": "recovery-companion-routine",
                    "version": 1,
                    "name": "X",
                    "steps": [{"exercise": "calf_roll", "seconds": 900, "reps": 1}],
                }
            ).encode(),
            RoutineFileError,
            "above the safe limit",
        ),
    ],
)
def test_a_bad_routine_file_is_refused_and_nothing_changes(found, tmp_path, content, error, words):
    found.save(feet())
    before = stored(found)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(error) as raised:
        found.import_file(bad, load_protocols())
    assert words in str(raised.value)
    assert stored(found) == before


def test_a_missing_routine_file_raises_os_error(found, tmp_path):
    with pytest.raises(FileNotFoundError):
        found.import_file(tmp_path / "gone.json", load_protocols())
    assert found.mine() == []


def test_the_reading_library_keeps_working_without_a_clock_or_translate(tmp_path):
    """The command line builds the library with the repository, catalog and exercises only."""
    db = open_database(tmp_path / "companion.db", NOW).database
    try:
        library = RoutineLibrary(UserRoutineRepository(db), load_routines(), load_exercises())
        saved = library.save(feet())
        assert library.get(saved.id) is not None
        copy = library.duplicate_as_draft(saved.id)
        assert copy is not None and copy.name == "Feet (copy)"
    finally:
        db.close()
