from datetime import timedelta

from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.resources import load_exercises
from companion.storage.database import open_database
from companion.storage.runs import RunRepository


def test_a_finished_run_is_stored_with_every_steps_time(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "c.db", clock.now()).database
    library = load_exercises()
    strap = library.get("strap_hamstring")
    steps = (
        RoutineStep(strap, "hamstrings_L", "left", 30, 2),
        RoutineStep(strap, "hamstrings_R", "right", 30, 2),
    )
    start = clock.now()
    session = RoutineSession(steps, start)
    session.tick(start + timedelta(seconds=15 + 30 + 10 + 10))  # 10 s into the second hold
    session.skip(start + timedelta(seconds=65))
    session.stop(start + timedelta(seconds=80))
    repo = RunRepository(db)
    repo.save("post_run_cooldown", "Post-run cool-down", session)
    (run,) = repo.recent()
    assert run.routine == "post_run_cooldown"
    assert run.outcome == "stopped"
    assert run.started_at == start
    assert run.steps[0] == ("strap_hamstring", "hamstrings_L", "left", 60, 40.0, "skipped")
    assert run.steps[1][5] == "stopped"
    db.close()


def test_an_unfinished_session_is_refused(data_dir, clock):
    import pytest

    data_dir.mkdir()
    db = open_database(data_dir / "c.db", clock.now()).database
    step = RoutineStep(load_exercises().get("calf_roll"), "calves_L", "left", 60, 1)
    with pytest.raises(ValueError, match="finished"):
        RunRepository(db).save("x", "X", RoutineSession((step,), clock.now()))
    db.close()
