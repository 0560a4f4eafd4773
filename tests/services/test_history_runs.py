"""History's routine runs: an early stop says how far it got, and how each region felt
after the routine shows beside the run (the timeline, "What you did", the day's map)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from companion.domain.feel import FeelScore
from companion.domain.routine_builder import RoutineStep
from companion.domain.session import RoutineSession
from companion.domain.translatable import english
from companion.resources import load_exercises, load_regions
from companion.services.history import HistoryService
from companion.services.runs import RunService
from companion.storage.database import open_database
from companion.storage.history import HistoryRepository, run_label

STRAP = load_exercises().get("strap_hamstring")


@pytest.fixture
def db(data_dir, clock):
    clock.set(clock.now().replace(hour=19, minute=0))
    data_dir.mkdir()
    database = open_database(data_dir / "companion.db", clock.now()).database
    yield database
    database.close()


def run(db, clock, *, steps: int, stop_after: int | None, skip: int | None = None) -> int:
    """A run of ``steps`` 30 s holds: finished, or stopped once ``stop_after`` are done."""
    plan = tuple(
        RoutineStep(STRAP, "hamstrings_L" if i % 2 == 0 else "hamstrings_R", "left", 30, 1)
        for i in range(steps)
    )
    start = clock.now()
    session = RoutineSession(plan, start)
    at = start
    for position in range(steps if stop_after is None else stop_after):
        at = at + timedelta(seconds=1)
        if position == skip:
            session.skip(at)
        else:
            at = start + timedelta(seconds=45 * (position + 1))
            session.tick(at)
    if stop_after is not None:
        session.stop(at + timedelta(seconds=5))
    else:
        session.tick(at + timedelta(minutes=30))
    assert session.ended_at is not None
    return RunService(db, clock).save("post_run_cooldown", "Post-run cool-down", session)


def history(db, clock) -> HistoryService:
    return HistoryService(db, load_regions(), clock, clock.now().tzinfo, lambda: 2000)


def test_a_stopped_run_counts_its_done_and_skipped_steps(db, clock):
    run(db, clock, steps=11, stop_after=4, skip=2)
    (summary,) = HistoryRepository(db).runs(clock.now().date(), clock.now().date())
    assert (summary.outcome, summary.steps_done, summary.steps_planned) == ("stopped", 4, 11)
    assert run_label(summary) == "Post-run cool-down: stopped after 4 of 11 steps"


def test_history_words_an_early_stop_as_how_far_it_got(db, clock):
    run(db, clock, steps=11, stop_after=4)
    service = history(db, clock)
    (marker,) = [e for e in service.events if e.kind == "routine"]
    assert marker.label == "Post-run cool-down: stopped after 4 of 11 steps"
    (line,) = service.run_lines()
    assert line == "Mon 15 Jun, 19:00 · Post-run cool-down: stopped after 4 of 11 steps."
    assert "stopped early" not in line


def test_a_finished_run_is_done_and_one_step_is_singular(db, clock):
    run(db, clock, steps=3, stop_after=None)
    clock.advance(hours=1)
    run(db, clock, steps=1, stop_after=0)
    lines = history(db, clock).run_lines()
    assert lines == [
        "Mon 15 Jun, 20:00 · Post-run cool-down: stopped after 0 of 1 step.",
        "Mon 15 Jun, 19:00 · Post-run cool-down: done.",
    ]


def test_feel_scores_show_beside_the_run(db, clock):
    run_id = run(db, clock, steps=2, stop_after=None)
    RunService(db, clock).record_feel(
        run_id, [FeelScore("calves", "both", 6, 4), FeelScore("hamstrings_L", "left", None, 3)]
    )
    service = history(db, clock)
    (line,) = service.run_lines()
    assert line.endswith(
        "Post-run cool-down: done. Calves 6 → 4, Hamstrings (left) 3 after the routine."
    )
    (marker,) = [e for e in service.events if e.kind == "routine"]
    assert (
        marker.label
        == "Post-run cool-down: done. Calves 6 → 4, Hamstrings (left) 3 after the routine"
    )
    _scores, words = service.map_for(clock.now().date())
    assert words.splitlines()[1:] == [
        "",
        "Post-run cool-down: done. Calves 6 → 4, Hamstrings (left) 3 after the routine.",
    ]


def test_many_regions_are_counted_past_three(db, clock):
    run_id = run(db, clock, steps=2, stop_after=None)
    scores = [
        FeelScore(rid, "both", 5, 4) for rid in ("calves", "quads", "hamstrings", "glutes", "shin")
    ]
    RunService(db, clock).record_feel(run_id, scores)
    (line,) = history(db, clock).run_lines()
    assert line.endswith(
        "Calves 5 → 4, Quadriceps 5 → 4, Hamstrings 5 → 4 and 2 more after the routine."
    )


def test_the_list_is_the_newest_runs_of_the_period(db, clock):
    for _ in range(10):
        run(db, clock, steps=1, stop_after=None)
        clock.advance(hours=2)
    service = history(db, clock)
    lines = service.run_lines(limit=3)
    assert len(lines) == 3
    assert lines[0].startswith("Tue 16 Jun, 13:00")  # the newest first
    clock.advance(days=40)
    service.set_range(30)
    assert service.run_lines() == []


def test_the_words_are_translated(db, clock):
    run(db, clock, steps=11, stop_after=4)
    calls = []

    def translate(context, source, disambiguation=None, n=-1):
        calls.append((context, source))
        return "«" + english(context, source, disambiguation, n) + "»"

    service = HistoryService(
        db, load_regions(), clock, clock.now().tzinfo, lambda: 2000, translate=translate
    )
    (line,) = service.run_lines()
    assert line.endswith("«Post-run cool-down: «stopped after 4 of 11 steps»».")
    assert ("HistoryPresenter", "stopped after %d of %n step(s)") in calls


def test_a_one_sided_step_on_the_lower_back_is_named_with_its_side(db, clock):
    # A one-sided exercise on a centre region's group gives "lower_back_L" steps
    # (routine_builder), and the feel question asks about them by that id.
    run_id = run(db, clock, steps=2, stop_after=None)
    RunService(db, clock).record_feel(
        run_id, [FeelScore("lower_back_L", "left", 3, 2), FeelScore("lower_back", "both", 4, 1)]
    )
    (line,) = history(db, clock).run_lines()
    assert line.endswith(
        "Post-run cool-down: done. Lower back (left) 3 → 2, Lower back 4 → 1 after the routine."
    )
    assert "lower_back_L" not in line
