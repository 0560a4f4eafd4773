"""Launching the app parses its few options without building every command's parser.

``cli.gui_args`` is a start-up shortcut (issue 8): it must read a plain launch
exactly as the full parser does, and step aside for anything else.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from companion.cli import gui_args
from companion.cli_commands import build_parser

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
        ["--d=/tmp/x", "--e"],
        ["--data-dir=", "--minimized"],
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
        ["--data-dir", "-x"],  # an option where the folder should be
    ],
)
def test_anything_else_goes_to_the_full_parser(argv):
    assert gui_args(argv) is None


def test_a_plain_launch_loads_neither_argparse_nor_the_commands():
    """What the app keeps in memory all day: the launch read without them (0.3 MB)."""
    code = (
        "import sys\n"
        "from companion.cli import gui_args\n"
        "assert gui_args(['--minimized', '--data-dir', 'x']) is not None\n"
        "print(sorted({'argparse', 'companion.cli_commands'} & set(sys.modules)))\n"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
