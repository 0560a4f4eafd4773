"""Read-only mode from outside: the command line and the window on a data file the
user may not write (the storage side is tests/storage/test_read_only.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository
from tests.helpers.clock import FakeClock
from tests.helpers.file_modes import run_where_modes_apply

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def runtime() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="rc-ro-"))  # short: socket paths max 107 bytes
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _made_database(folder: Path, clock: FakeClock) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "companion.db"
    db = open_database(path, clock.now()).database
    SettingsRepository(db).set("greeting", "hello", clock.now())
    db.close()
    return path


def test_the_command_line_says_read_only_in_one_line_with_its_own_exit_code(
    tmp_path: Path, clock: FakeClock, runtime: Path
) -> None:
    folder = tmp_path / "data"
    path = _made_database(folder, clock)
    path.chmod(0o400)
    before = _digest(path)

    env = {"XDG_RUNTIME_DIR": str(runtime)}
    wrote = run_where_modes_apply(
        ["-m", "companion", "--data-dir", str(folder), "log-water", "250"], env=env
    )
    exported = run_where_modes_apply(
        ["-m", "companion", "--data-dir", str(folder), "export", str(tmp_path / "out.json")],
        env=env,
    )

    assert wrote.returncode == 3
    assert "Traceback" not in wrote.stderr
    lines = wrote.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0], wrote.stderr
    assert exported.returncode == 0, exported.stderr  # reading and export still work
    assert (tmp_path / "out.json").exists()
    assert _digest(path) == before


def test_the_window_starts_on_a_read_only_file_and_says_so_once(
    tmp_path: Path, clock: FakeClock, runtime: Path
) -> None:
    folder = tmp_path / "data"
    path = _made_database(folder, clock)
    path.chmod(0o400)
    before = _digest(path)

    result = run_where_modes_apply(
        ["-m", "companion", "--data-dir", str(folder), "--exit-after-paint"],
        env={"XDG_RUNTIME_DIR": str(runtime)},
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("Read-only mode") == 1
    assert _digest(path) == before
