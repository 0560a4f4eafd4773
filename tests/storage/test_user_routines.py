from datetime import timedelta

import pytest

from companion.domain.custom_routines import RoutineDraft, StepSpec
from companion.storage.database import open_database
from companion.storage.user_routines import UserRoutineRepository


@pytest.fixture
def repo(data_dir, clock):
    data_dir.mkdir()
    return UserRoutineRepository(open_database(data_dir / "c.db", clock.now()).database)


def test_save_list_update_and_delete(repo, clock):
    first = repo.save(RoutineDraft("Calves", "", (StepSpec("calf_roll", 60, 1),)), clock.now())
    assert first.id == "mine-1"
    clock.advance(minutes=1)
    second = repo.save(
        RoutineDraft("Hips", "x", (StepSpec("lying_figure_four", 30, 2),)), clock.now()
    )
    assert second.id == "mine-2"
    assert [r.name for r in repo.all()] == ["Calves", "Hips"]
    changed = RoutineDraft("Calves, longer", "", (StepSpec("calf_roll", 90, 1),), first.id)
    repo.save(changed, clock.now() + timedelta(minutes=2))
    assert repo.get("mine-1") == changed
    repo.delete("mine-1")
    assert [r.id for r in repo.all()] == ["mine-2"]
    assert repo.save(RoutineDraft("Again", "", ()), clock.now()).id == "mine-3"  # ids never reused


def test_updating_a_routine_that_is_gone_says_so(repo, clock):
    with pytest.raises(KeyError, match="mine-9"):
        repo.save(RoutineDraft("Ghost", "", (), "mine-9"), clock.now())
