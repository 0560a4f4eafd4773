"""The routines library finds built-in and user routines by id, for every caller."""

from __future__ import annotations

from datetime import UTC, datetime

from companion.domain.custom_routines import RoutineDraft, StepSpec, as_draft
from companion.resources import load_exercises, load_routines
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
