"""Security: nothing from a file is unpickled or run as code, and private data stays private.

1. A scan of the syntax tree of every module in ``companion/``. It fails on:
   - imports of pickle, marshal, shelve and other loaders that can run code while reading
     (cPickle, _pickle, dill, cloudpickle, jsonpickle, joblib);
   - any call of the built-ins ``eval`` or ``exec``; ``compile``, ``__import__``,
     ``importlib.import_module`` and ``runpy.run_*`` with anything but a literal (or
     the variable of a ``for`` loop over literals);
   - ``yaml.load`` without ``SafeLoader`` (and ``yaml.unsafe_load`` / ``full_load``);
   - ``shell=True`` in any call, and ``os.system`` / ``os.popen`` (a shell);
   - APScheduler job stores other than memory (``add_jobstore``, ``jobstores=``): the
     persistent ones pickle their jobs.
   The scanner is tested on snippets first, so a rule that stopped matching would show.

   What it does not prove: it reads Python source only, so a loader inside a C extension
   or a dependency (Qt, sqlite-utils, APScheduler) is not seen, nor a call spelled
   indirectly (``getattr(builtins, "ev" + "al")``). Data the app does read from its own
   files goes through json, tomllib, sqlite3 and Qt's ``restoreGeometry`` (a fixed
   binary layout, not a general object loader); those parsers are fuzzed in
   test_fuzz.py, not proven here.

2. Permissions with a permissive umask (0o022): the data folder is 0700 and the
   database, its -wal and -shm files, backups and exports are 0600, as the storage
   code writes them. tests/ui/test_security_app.py checks the same on the running app
   and watches its sockets.
"""

from __future__ import annotations

import ast
import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from companion.paths import prepare_data_dir
from companion.storage.backup import backups_dir, make_backup, restore_backup
from companion.storage.database import open_database
from companion.storage.export import export_csv, export_json
from companion.storage.reminders import WaterLog
from tests.conftest import REPO

PACKAGE = REPO / "companion"

UNSAFE_MODULES = {
    "pickle",
    "cPickle",
    "_pickle",
    "marshal",
    "shelve",
    "dill",
    "cloudpickle",
    "jsonpickle",
    "joblib",
}
ALWAYS_UNSAFE_CALLS = {"eval", "exec"}
LITERAL_ONLY_CALLS = {
    "compile",
    "__import__",
    "importlib.import_module",
    "import_module",
    "runpy.run_path",
    "runpy.run_module",
}
SHELL_CALLS = {"os.system", "os.popen"}
UNSAFE_YAML = {"yaml.unsafe_load", "yaml.full_load", "yaml.unsafe_load_all", "yaml.full_load_all"}


@dataclass(frozen=True)
class Finding:
    where: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.what}"


def _dotted(node: ast.expr) -> str:
    """``a.b.c`` for a name or attribute chain, else ""."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str | bytes)


def _literal_loop_calls(tree: ast.AST) -> set[ast.Call]:
    """Calls whose first argument is the variable of a ``for`` over literal strings
    (``for name in ("_sha2", "_sha256"): import_module(name)``): literals in effect."""
    calls: set[ast.Call] = set()
    for loop in ast.walk(tree):
        if not (
            isinstance(loop, ast.For)
            and isinstance(loop.target, ast.Name)
            and isinstance(loop.iter, ast.Tuple | ast.List)
            and all(_literal(item) for item in loop.iter.elts)
        ):
            continue
        variable = loop.target.id
        for statement in loop.body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and node.args:
                    first = node.args[0]
                    if isinstance(first, ast.Name) and first.id == variable:
                        calls.add(node)
    return calls


def scan(source: str, where: str = "<snippet>") -> list[Finding]:
    """What in ``source`` could load or run code from data."""
    found: list[Finding] = []

    def flag(node: ast.AST, what: str) -> None:
        found.append(Finding(where, getattr(node, "lineno", 0), what))

    tree = ast.parse(source)
    literal_in_effect = _literal_loop_calls(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in UNSAFE_MODULES:
                    flag(node, f"imports {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in UNSAFE_MODULES:
                flag(node, f"imports from {node.module}")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if isinstance(node.func, ast.Name) and name in ALWAYS_UNSAFE_CALLS:
                flag(node, f"calls {name}()")
            elif (
                name in LITERAL_ONLY_CALLS
                and not (node.args and _literal(node.args[0]))
                and node not in literal_in_effect
            ):
                flag(node, f"calls {name}() on something other than a literal")
            elif name in SHELL_CALLS:
                flag(node, f"calls {name}(), which runs a shell")
            elif name in UNSAFE_YAML:
                flag(node, f"calls {name}()")
            elif name in ("yaml.load", "yaml.load_all"):
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if loader is None or not _dotted(loader).endswith(("SafeLoader", "CSafeLoader")):
                    flag(node, f"calls {name}() without SafeLoader")
            elif name.endswith("add_jobstore"):
                flag(node, "adds an APScheduler job store (the persistent ones pickle jobs)")
            for keyword in node.keywords:
                shell = keyword.value
                if keyword.arg == "shell" and not (
                    isinstance(shell, ast.Constant) and shell.value is False
                ):
                    flag(node, f"passes shell={ast.unparse(shell)} to {name or 'a call'}()")
                if keyword.arg == "jobstores":
                    flag(node, "configures APScheduler job stores (the persistent ones pickle)")
    return found


def modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def test_the_scan_covers_the_whole_package():
    files = list(modules())
    assert len(files) > 50
    assert PACKAGE / "app" / "root.py" in files
    assert PACKAGE / "storage" / "export" / "json_file.py" in files


def test_no_module_loads_or_runs_code_from_data():
    findings = [
        finding
        for path in modules()
        for finding in scan(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    ]
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize(
    "source",
    [
        "import pickle",
        "import cPickle as p",
        "from marshal import loads",
        "import shelve.x",
        "from dill import load",
        "eval(text)",
        "eval('1 + 1')",
        "exec(code, {})",
        "compile(text, 'f', 'exec')",
        "__import__(name)",
        "importlib.import_module(f'companion.{name}')",
        "runpy.run_path(path)",
        "yaml.load(text)",
        "yaml.load(text, Loader=yaml.Loader)",
        "yaml.unsafe_load(text)",
        "subprocess.run(cmd, shell=True)",
        "subprocess.Popen(cmd, shell=flag)",
        "os.system('ls')",
        "os.popen(cmd)",
        "scheduler.add_jobstore('sqlalchemy', url=u)",
        "QtScheduler(jobstores={'default': store})",
        "for name in names:\n    importlib.import_module(name)",
        "for name in ('a', b):\n    importlib.import_module(name)",
    ],
)
def test_the_scanner_finds(source: str) -> None:
    assert scan(source), f"the scan missed: {source}"


@pytest.mark.parametrize(
    "source",
    [
        "dialog.exec()",  # Qt's modal loop, not the built-in
        "app.exec()",
        "compile('1', '<x>', 'eval')",
        "importlib.import_module('winreg')",
        "for name in ('_sha2', '_sha256'):\n    importlib.import_module(name).sha256(b'')",
        "yaml.load(text, Loader=yaml.SafeLoader)",
        "subprocess.run(['ls'], shell=False)",
        "subprocess.list2cmdline(args)",
        "json.loads(text)",
        "tomllib.load(fh)",
        "re.compile(pattern)",
    ],
)
def test_the_scanner_lets_pass(source: str) -> None:
    assert scan(source) == []


# -- permissions ---------------------------------------------------------------------------------
def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def test_private_files_stay_private_under_a_permissive_umask(tmp_path, clock):
    with umask(0o022):
        folder = tmp_path / "data"
        folder.mkdir(mode=0o755)  # made by hand, or by an older version
        paths = prepare_data_dir(folder)
        db = open_database(paths.database, clock.now()).database
        WaterLog(db).add(250, clock.now(), "test")  # a write: the -wal and -shm files exist
        backups = backups_dir(paths.data_dir)
        backup = make_backup(paths.database, backups, clock.now())
        export = tmp_path / "export.json"
        export_json(db, export, clock.now(), "0")
        sheets = export_csv(db, tmp_path / "sheets", clock.now())
        aside = restore_backup(db, backup, backups, clock.advance(minutes=1))
        wal = paths.database.with_name(paths.database.name + "-wal")
        shm = paths.database.with_name(paths.database.name + "-shm")
        files = [paths.database, wal, shm, backup, aside, export, *sheets]
        modes = {str(path.relative_to(tmp_path)): oct(mode(path)) for path in files}
        db.close()
    assert mode(paths.data_dir) == 0o700
    assert mode(backups) == 0o700
    assert mode(tmp_path / "sheets") == 0o700  # a folder the CSV export made
    assert set(modes.values()) == {oct(0o600)}, modes
