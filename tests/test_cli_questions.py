"""``questions`` lists the safety questions with the ids ``plan --yes`` takes; the help
hides developer switches and says what ``plan --json`` prints without a docs folder."""

import io
import json
from contextlib import redirect_stdout

import pytest

from companion.cli import main
from companion.cli_commands import build_parser
from companion.resources import load_triage


def test_questions_lists_every_id_and_its_words(capsys):
    assert main(["questions"]) == 0
    out = capsys.readouterr().out
    catalog = load_triage()
    for question in catalog.questions:
        assert f"\n{question.id} " in f"\n{out}"
    assert "O5" in out and "(red, emergency)" in out
    assert "plan --yes ID" in out


def test_questions_json_is_each_id_with_its_text_and_tier(capsys):
    assert main(["questions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    catalog = load_triage()
    assert [r["id"] for r in rows] == [q.id for q in catalog.questions]
    first = rows[0]
    assert first["text"] == catalog.questions[0].text
    assert first["tier"] in {"red", "orange", "yellow"}
    assert set(first) == {"id", "tier", "text", "because", "follow_up_of"}


def test_every_listed_id_is_accepted_by_plan_yes(capsys):
    assert main(["questions", "--json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    parser = build_parser()
    for qid in ids:
        args = parser.parse_args(
            ["plan", "--sore", "quads_L=3", "--hours-since", "20", "--yes", qid]
        )
        assert args.yes == [qid]


def plan_help() -> str:
    """``plan --help`` as argparse prints it."""
    with pytest.raises(SystemExit), redirect_stdout(io.StringIO()) as out:
        build_parser().parse_args(["plan", "--help"])
    return out.getvalue()


def test_plan_yes_help_points_to_questions():
    text = plan_help()
    assert "'recovery-companion questions'" in text


def test_plan_help_says_what_the_json_holds_without_pointing_to_a_docs_file():
    text = plan_help()
    assert "docs/" not in text
    for key in ("schema", "triage", "therapies", "routine", "water", "stop_rules"):
        assert key in text


def test_exit_after_paint_is_hidden_from_help_but_still_parsed():
    parser = build_parser()
    assert "--exit-after-paint" not in parser.format_help()
    assert parser.parse_args(["--exit-after-paint"]).exit_after_paint is True


@pytest.mark.parametrize("word", ["--exit-after-paint"])
def test_the_fast_path_still_takes_the_hidden_flag(word):
    from companion.cli import gui_args

    args = gui_args([word])
    assert args is not None and args.exit_after_paint is True
