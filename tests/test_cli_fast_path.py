"""Launching the app parses its few options without building every command's parser.

``cli.gui_args`` is a start-up shortcut (issue 8): it must read a plain launch
exactly as the full parser does, and step aside for anything else.
"""

from __future__ import annotations

import pytest

from companion.cli import build_parser, gui_args

APP_OPTIONS = ("data_dir", "minimized", "exit_after_paint", "command")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--minimized"],
        ["--data-dir", "/tmp/x"],
        ["--data-dir=/tmp/x", "--exit-after-paint"],
        ["--data-dir", "regions"],  # a folder named like a command is still a folder
        ["--min", "--data", "d"],  # abbreviations, as argparse allows them
        ["--data-dir", "a", "--data-dir", "b"],
    ],
)
def test_a_plain_launch_reads_as_the_full_parser_reads_it(argv):
    fast = gui_args(argv)
    assert fast is not None
    full = build_parser().parse_args(argv)
    assert {k: getattr(fast, k) for k in APP_OPTIONS} == {k: getattr(full, k) for k in APP_OPTIONS}


@pytest.mark.parametrize(
    "argv",
    [
        ["regions"],
        ["--data-dir", "d", "plan", "--sore", "quads_L=3", "--hours-since", "24"],
        ["start", "post_run"],
        ["--help"],
        ["-h"],
        ["--he"],
        ["--version"],
        ["--vers"],
        ["--data-dir"],  # a missing value: the full parser says so
        ["--minimized=yes"],
        ["--unknown"],
        ["-x"],
        ["--", "regions"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv):
    assert gui_args(argv) is None
