"""Fuzzing the command line: ``companion.cli.main(argv)`` with generated arguments.

Every command that works without a window (regions, plan, routines, reminders,
log-water, log-activity, pause, export, import, backup, restore) gets argument
lists that are right, nearly right and wrong: unknown ids, numbers that are not
numbers or are NaN, huge or negative, missing and repeated options, and paths
that are missing, folders, files, too long, inside a file, or unreadable files.

Whatever comes in, ``main`` returns 0 or 1, or argparse exits with 2 and its usage;
a failure says what is wrong on one line of stderr starting with the program's
name, and no exception escapes (in a terminal that would be a traceback). A
refused command leaves the data folder's database exactly as it was.

No app runs on these folders, so commands that try the running app first find no
one listening and do the work themselves. ``start``, ``timer`` and no command at all
would open the window, so they are never generated.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

import companion.ipc
from companion import APP_ID
from companion.cli import main
from companion.domain.checkin import SorenessType
from companion.paths import DATABASE_NAME
from companion.resources import load_conditions, load_regions
from companion.storage.backup import make_backup
from companion.storage.database import open_database
from companion.storage.export import export_json
from tests.helpers.fuzz import dump, fuzz, nested
from tests.storage.test_export import fill

LONG = "x" * 300  # one path component past NAME_MAX (255)


@dataclass(frozen=True)
class Folder:
    """A data folder with a bit of everything, and files to point commands at."""

    data: Path
    paths: tuple[str, ...]  # for export/import/restore and --data-dir

    def database(self) -> dict[str, list[tuple[Any, ...]]]:
        conn = sqlite3.connect(self.data / DATABASE_NAME)
        try:
            return dump(conn)
        finally:
            conn.close()


@pytest.fixture
def folder(tmp_path: Path, clock, monkeypatch: pytest.MonkeyPatch) -> Folder:
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / DATABASE_NAME, clock.now()).database
    fill(db, clock)
    files = tmp_path / "files"
    files.mkdir()
    export_json(db, files / "export.json", clock.now(), "0")
    backup = make_backup(db.path, files, clock.now())
    db.close()
    document = json.loads((files / "export.json").read_text(encoding="utf-8"))
    document["records"]["user_routines"][0]["steps"][0]["reps"] = 10**9
    (files / "huge-reps.json").write_text(json.dumps(document), encoding="utf-8")
    document["records"]["user_routines"][0]["name"] = "\ud800"
    (files / "surrogate.json").write_text(json.dumps(document), encoding="utf-8")
    (files / "deep.json").write_text(nested(100_000), encoding="utf-8")
    (files / "digits.json").write_text("9" * 5000, encoding="utf-8")
    (files / "garbage.bin").write_bytes(bytes(range(256)) * 4)
    (files / "empty").write_bytes(b"")
    (files / "a-file").write_text("not a folder", encoding="utf-8")
    (files / "folder").mkdir()
    cwd = tmp_path / "cwd"  # relative paths (and "~nobody/...") land in here
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    paths = (
        str(files / "export.json"),
        str(backup),
        backup.name,  # restore finds a bare name in the backups folder
        str(files / "huge-reps.json"),
        str(files / "surrogate.json"),
        str(files / "deep.json"),
        str(files / "digits.json"),
        str(files / "garbage.bin"),
        str(files / "empty"),
        str(files / "a-file"),
        str(files / "a-file" / "inside"),
        str(files / "folder"),
        str(files / "missing" / "out.json"),
        str(files / LONG),
        str(files / "new.json"),
        str(files / "new-csv"),
        str(data / DATABASE_NAME),
        "~nobody-here/out.json",
        "relative.json",
        "",
        "-",
    )
    return Folder(data, paths)


# -- argument strategies ------------------------------------------------------------------------
# Real argv holds no NUL byte; bytes that are not UTF-8 arrive as lone surrogates
# (\udc80-\udcff, Python's surrogateescape). Newlines are left out so that "one line
# of stderr" stays checkable.
WORD = st.text(
    alphabet=st.characters(exclude_characters="\x00\n", exclude_categories=["Cs"]), max_size=12
)
TOKENS = st.one_of(
    WORD,
    st.sampled_from(["--json", "--", "-", "--data-dir", "--minutes", "=", "\udcff", "\udc80x"]),
)


def mostly(good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Three parts good to one part bad, so that commands also get past argparse."""
    return st.sampled_from([True, True, True, False]).flatmap(lambda ok: good if ok else bad)


BAD_NUMBER = st.one_of(
    st.floats().map(repr),
    st.integers().map(str),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "-0", "0x10", "1_000", "9" * 5000, " 5 "]),
    WORD,
)
IDS = sorted(load_regions().ids)
SORE = st.lists(
    mostly(
        st.tuples(st.sampled_from(IDS), st.integers(0, 10).map(str)).map("=".join),
        st.one_of(st.tuples(st.one_of(st.sampled_from(IDS), WORD), BAD_NUMBER).map("=".join), WORD),
    ),
    min_size=1,
    max_size=3,
).map(",".join)
CONDITIONS = mostly(st.sampled_from([c.id for c in load_conditions().conditions]), WORD)
QUESTIONS = mostly(st.sampled_from(["O5", "R1"]), st.one_of(st.just("o5"), WORD))
AGO = mostly(
    st.sampled_from(["30m", "2h", "1h30m", "90", "0"]),
    st.one_of(st.sampled_from(["15d", "9" * 5000 + "m", "h", "m", "-1h"]), WORD),
)
NOTE = mostly(
    st.text(max_size=20).filter(lambda t: "\n" not in t), st.sampled_from(["\udcff", "x" * 5000])
)


def numbers(low: float, high: float, *, whole: bool = False) -> st.SearchStrategy[str]:
    good = st.integers(int(low), int(high)) if whole else st.floats(low, high)
    return mostly(good.map(str), BAD_NUMBER)


COMMANDS = (
    "regions",
    "plan",
    "routines",
    "reminders",
    "log-water",
    "pause",
    "log-activity",
    "export",
    "import",
    "backup",
    "restore",
)
OPTIONS: dict[str, list[tuple[str, st.SearchStrategy[str] | None]]] = {
    "regions": [("--json", None)],
    "plan": [
        ("--type", mostly(st.sampled_from([t.value for t in SorenessType]), WORD)),
        ("--minutes", mostly(st.sampled_from(["5", "10", "20"]), BAD_NUMBER)),
        ("--condition", CONDITIONS),
        ("--yes", QUESTIONS),
        ("--json", None),
    ],
    "routines": [("--json", None)],
    "reminders": [("--json", None)],
    "log-activity": [
        ("--km", numbers(0, 100)),
        ("--minutes", numbers(0, 600)),
        ("--effort", numbers(1, 10, whole=True)),
        ("--ago", AGO),
        ("--note", NOTE),
        ("--hours", numbers(0, 24)),
        ("--recovered", numbers(0, 10, whole=True)),
    ],
    "export": [("--format", mostly(st.sampled_from(["json", "csv"]), st.just("xml")))],
    "backup": [("--list", None)],
}
POSITIONAL: dict[str, st.SearchStrategy[str]] = {
    "log-water": mostly(
        st.integers(1, 2000).map(str),
        st.one_of(st.sampled_from(["0", "2001", "250ml", "250 mL", "1e3", "-5"]), WORD),
    ),
    "pause": mostly(
        st.sampled_from(["30min", "1h", "morning", "tomorrow", "off", "OFF"]),
        st.one_of(st.just("2h"), WORD),
    ),
    "log-activity": mostly(
        st.sampled_from(["run", "leg-day", "standing", "other", "sleep"]),
        st.one_of(st.just("swim"), WORD),
    ),
}


@st.composite
def argv_for(draw: st.DrawFn, folder: Folder) -> list[str]:
    """An argument list for one non-GUI command: mostly well formed, rarely perfectly."""
    path = st.sampled_from(folder.paths)
    command = draw(st.sampled_from(COMMANDS))
    positional = {**POSITIONAL, "export": path, "import": path, "restore": path}
    folders = path
    if command in ("routines", "plan"):  # see test_an_unusable_data_folder_is_a_message_...
        folders = st.sampled_from([p for p in folder.paths if LONG not in p])
    argv = ["--data-dir", draw(mostly(st.just(str(folder.data)), folders)), command]
    if command in positional and draw(st.integers(0, 9)) > 0:  # sometimes left out
        argv.append(draw(positional[command]))
    if command == "plan" and draw(st.integers(0, 9)) > 0:  # both are required
        argv += ["--sore", draw(SORE), "--hours-since", draw(numbers(0, 24 * 365))]
    chosen = OPTIONS.get(command, [])
    for name, value in draw(st.lists(st.sampled_from(chosen), max_size=3)) if chosen else []:
        argv.append(name)
        if value is not None:
            argv.append(draw(value))
    if draw(st.integers(0, 4)) == 0:  # a stray word or option
        argv.insert(draw(st.integers(3, len(argv))), draw(TOKENS))
    return argv


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(argv: list[str]) -> Result:
    """``main(argv)`` as a shell would see it: the exit code and both streams."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: usage errors, --help, --version
            code = exc.code if isinstance(exc.code, int) else -1 if exc.code else 0
    return Result(code, out.getvalue(), err.getvalue())


USAGE_ERROR = re.compile(rf"^{APP_ID}( [a-z-]+)?: error: \S")


def check_said_clearly(result: Result) -> None:
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err
    if result.code == 1:
        lines = result.err.rstrip("\n").split("\n")
        assert len(lines) == 1, result.err
        assert lines[0].startswith(f"{APP_ID}: ") and lines[0][len(APP_ID) + 2 :].strip()
    elif result.code == 2:
        assert USAGE_ERROR.match(result.err.rstrip("\n").split("\n")[-1]), result.err


@fuzz(300)
@given(data=st.data())
def test_any_command_line_exits_cleanly_and_a_refusal_changes_nothing(
    data: st.DataObject, folder: Folder
) -> None:
    argv = data.draw(argv_for(folder))
    before = folder.database()
    result = run(argv)
    event(f"{argv[2]}: exit {result.code}")
    check_said_clearly(result)
    if result.code != 0:
        assert folder.database() == before, result
    else:
        folder.database()  # still a readable database


# Inputs that found bugs, kept as plain regression tests (they need the folder's paths).
REGRESSIONS = [
    pytest.param(["log-water", "250"], "LONGDIR", 1, id="data-dir name too long: OSError"),
    pytest.param(["reminders"], "~nobody-here", 0, id="~user that does not exist: RuntimeError"),
    pytest.param(["export", "~nobody-here/x.json"], None, 1, id="export to ~nobody: RuntimeError"),
    pytest.param(["restore", LONG], None, 1, id="restore a name too long: OSError"),
    pytest.param(["import", "FILES/deep.json"], None, 1, id="import nested JSON: RecursionError"),
    pytest.param(["import", "FILES/huge-reps.json"], None, 1, id="import 1e9 reps: MemoryError"),
    pytest.param(["import", "FILES/surrogate.json"], None, 1, id="import \\ud800: SQLite error"),
    pytest.param(
        ["import", "/dev/zero"],
        None,
        1,
        id="import /dev/zero: reads forever",
        marks=pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero"),
    ),
    pytest.param(
        ["log-activity", "run", "--note", "\udcff"], None, 0, id="note not UTF-8: codec message"
    ),
    pytest.param(["export", "DATA/companion.db"], None, 1, id="export over the database"),
    pytest.param(["export", "DATA/companion.db-wal"], None, 1, id="export over its WAL"),
]


@pytest.mark.parametrize(("argv", "data_dir", "code"), REGRESSIONS)
def test_inputs_that_once_failed(argv: list[str], data_dir: str | None, code: int, folder):
    files = str(Path(folder.paths[0]).parent)
    argv = [a.replace("FILES", files).replace("DATA", str(folder.data)) for a in argv]
    where = {None: str(folder.data), "LONGDIR": _long_data_dir(folder)}.get(data_dir, data_dir)
    before = folder.database()
    result = run(["--data-dir", str(where), *argv])
    check_said_clearly(result)
    assert result.code == code, result
    if code:
        assert folder.database() == before


def _long_data_dir(folder: Folder) -> str:
    return str(folder.data.parent / ("d" * 5000))


@pytest.mark.parametrize(
    "argv",
    [["routines"], ["plan", "--sore", "quads_L=5", "--hours-since", "3"]],
    ids=["routines", "plan"],
)
def test_an_unusable_data_folder_is_a_message_for_routines_and_plan(argv, folder):
    check_said_clearly(run(["--data-dir", _long_data_dir(folder), *argv]))


@fuzz(40)
@given(argv=st.lists(TOKENS, max_size=4).map(lambda rest: ["regions", *rest]))
@example(argv=["regions", "--json"])
def test_regions_never_touches_a_data_folder(argv: list[str], tmp_path: Path) -> None:
    result = run(argv)
    check_said_clearly(result)
    assert not (tmp_path / "data").exists()  # COMPANION_DATA_DIR from tests/conftest.py


def _no_answer(*_args: object, **_kwargs: object) -> None:
    raise companion.ipc.InstanceError("Recovery Companion is running but did not answer.")


@pytest.mark.parametrize(
    "argv",
    [["log-water", "250"], ["pause", "1h"], ["log-activity", "sleep", "--hours", "7"]],
    ids=["log-water", "pause", "log-activity"],
)
def test_an_app_that_does_not_answer_is_a_message_not_a_traceback(argv, folder, monkeypatch):
    """Regression: InstanceError from the single-instance channel (an app that hangs or
    sends garbage, or a socket folder that is not the user's) escaped main()."""
    monkeypatch.setattr(companion.ipc, "send_to_running", _no_answer)
    before = folder.database()
    result = run(["--data-dir", str(folder.data), *argv])
    check_said_clearly(result)
    assert result.code == 1
    assert "did not answer" in result.err
    assert folder.database() == before


def test_restore_is_refused_while_an_app_does_not_answer(folder, monkeypatch):
    monkeypatch.setattr(companion.ipc, "send_to_running", _no_answer)
    before = folder.database()
    result = run(["--data-dir", str(folder.data), "restore", folder.paths[1]])
    check_said_clearly(result)
    assert (result.code, folder.database()) == (1, before)
