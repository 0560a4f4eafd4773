"""The return-to-run steps file: loaded from resources and checked, errors naming file and key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from companion.domain.content import ContentError
from companion.domain.return_to_run import MAX_SESSION_MIN, PAIN_LIMIT_MAX, STOP_PAIN_MAX
from companion.resources import content_path, load_return_to_run

GOOD = """
schema = 1
[plan]
pain_limit = 3
stop_pain = 7
care = "Get care."
[[step]]
id = "one"
title = "One"
run_min = 1
walk_min = 2
repeats = 8
sessions = 2
care = "Stop if sharp."
[[step]]
id = "two"
title = "Two"
continuous_min = 20
sessions = 2
care = "Stop if sharp."
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "return_to_run.toml"
    path.write_text(text)
    return load_return_to_run(path)


def test_the_shipped_plan_keeps_its_invariants():
    plan = load_return_to_run()
    assert plan.pain_limit <= PAIN_LIMIT_MAX
    assert plan.stop_pain <= STOP_PAIN_MAX
    assert len({s.id for s in plan}) == len(plan) >= 5
    assert not plan.steps[0].continuous
    assert plan.steps[-1].continuous
    running = [s.running_minutes for s in plan]
    assert running == sorted(running)
    for step in plan:
        assert step.minutes <= MAX_SESSION_MIN
        assert step.sessions >= 2
        assert step.care.strip()
    for word in ("7 out of 10", "sharp", "limp", "swell", "night"):
        assert word in plan.care


def test_the_file_is_found_by_name():
    assert content_path("return_to_run").name == "return_to_run.toml"


def test_a_good_file_loads(tmp_path):
    plan = _load(tmp_path, GOOD)
    assert [s.id for s in plan] == ["one", "two"]


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("pain_limit = 3", "pain_limit = 4", "plan.pain_limit: must be 0-3, got 4"),
        ("stop_pain = 7", "stop_pain = 8", "plan.stop_pain: must be above pain_limit"),
        ("stop_pain = 7", "stop_pain = 2", "plan.stop_pain: must be above pain_limit"),
        ('id = "two"', 'id = "one"', "step[1].id: 'one' is listed twice"),
        ("run_min = 1", "run_min = 0", "step[0].run_min: must be 1-30, got 0"),
        ("repeats = 8", "repeats = 15", "step[0].repeats: must be 1-12, got 15"),
        ("walk_min = 2\nrepeats = 8", "walk_min = 5\nrepeats = 12", "step[0].repeats: makes a"),
        ("sessions = 2\ncare", "sessions = 0\ncare", "step[0].sessions: must be 1-5, got 0"),
        ("continuous_min = 20", "continuous_min = 50", "step[1].continuous_min: must be 1-45"),
        ("continuous_min = 20", "continuous_min = 20\nrepeats = 2", "step[1].repeats: a contin"),
        ("continuous_min = 20", "continuous_min = 5", "step[1].id: runs 5 min, less than the 8"),
        ("continuous_min = 20", "run_min = 9\nwalk_min = 1\nrepeats = 2", "step[1]: the last"),
        ('care = "Get care."', "", "plan.care: is missing"),
        ("run_min = 1\n", "", "step[0].run_min: is missing"),
        ('title = "One"', 'title = "One"\ncolour = 1', "step[0].colour: is not a known key"),
        ("schema = 1", "schema = 2", "schema: only version 1"),
    ],
)
def test_a_broken_file_names_the_file_and_key(tmp_path, old, new, error):
    assert old in GOOD
    with pytest.raises(ContentError, match="^return_to_run.toml: " + re.escape(error)):
        _load(tmp_path, GOOD.replace(old, new, 1))
