"""Where the app keeps its files.

Everything the app writes lives below one data folder. It defaults to the
platform's user data folder (``platformdirs``); ``--data-dir DIR`` or the
``COMPANION_DATA_DIR`` environment variable redirects it, and with it every
file the app writes.
"""

from __future__ import annotations

import importlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from companion import APP_ID

ENV_DATA_DIR = "COMPANION_DATA_DIR"
DATABASE_NAME = "companion.db"


def _sha256(data: bytes) -> Any:
    """SHA-256 from CPython's built-in module where there is one: ``hashlib`` would load
    OpenSSL at start-up (about 3 ms and 3.5 MB resident) for this one digest."""
    for name in ("_sha2", "_sha256"):  # 3.12 and later, then 3.11
        try:
            return importlib.import_module(name).sha256(data)
        except (ImportError, AttributeError):
            continue
    import hashlib  # noqa: PLC0415 - another interpreter

    return hashlib.sha256(data)


class DataDirError(Exception):
    """The data folder cannot be created, read or written. The message names the path."""


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    writable: bool = True  # False: a folder holding our data that we may only read

    @property
    def lock_dir(self) -> Path:
        """Where the single-instance lock goes: the data folder, or for a folder we may
        not write (a read-only disk) the user's private runtime folder."""
        if self.writable:
            return self.data_dir
        from companion.ipc import runtime_dir  # noqa: PLC0415 - only for a read-only folder

        return runtime_dir()

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def instance_key(self) -> str:
        """A name for the single-instance channel, unique per data folder and user."""
        digest = _sha256(str(self.data_dir).encode()).hexdigest()[:16]
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
        return f"{APP_ID}-{user}-{digest}"


def default_data_dir() -> Path:
    import platformdirs  # noqa: PLC0415 - only needed when no folder was given

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resolve_data_dir(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """The folder the user asked for: ``--data-dir`` beats the environment beats the default."""
    env = os.environ if environ is None else environ
    raw = cli_value or env.get(ENV_DATA_DIR) or None
    path = user_path(raw) if raw else default_data_dir()
    return path.absolute()


def user_path(text: str) -> Path:
    """A path the user typed, with ``~`` expanded as a shell does: ``~nobody/x`` for a
    user that does not exist stays as typed (``Path.expanduser`` would raise)."""
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def prepare_data_dir(path: Path) -> AppPaths:
    """Create the folder (readable by the user only) and check it can be written.

    Raises DataDirError with a message that names the path and what is wrong.
    """
    try:
        is_file = path.exists() and not path.is_dir()
    except OSError as exc:  # a name too long, a folder on the way we may not enter
        raise DataDirError(f"Cannot use the data folder {path}: {exc.strerror or exc}.") from exc
    if is_file:
        raise DataDirError(f"The data folder {path} is a file, not a folder.")
    created = not path.exists()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Cannot create the data folder {path}: {exc.strerror or exc}.") from exc
    if _readable_data_only(path):
        # A read-only disk or folder that holds the user's data: it opens in read-only mode.
        return AppPaths(data_dir=path, writable=False)
    if not os.access(path, os.R_OK | os.W_OK | os.X_OK):
        raise DataDirError(
            f"The data folder {path} cannot be read and written by you. "
            "Check its permissions, or choose another folder with --data-dir."
        )
    probe = path / f".write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(
            f"Cannot write in the data folder {path}: {exc.strerror or exc}."
        ) from exc
    if created or _ours_or_empty(path):
        _restrict_to_owner(path)
    return AppPaths(data_dir=path)


def _readable_data_only(path: Path) -> bool:
    """The folder holds our database and may be read and entered but not written."""
    readable = os.access(path, os.R_OK | os.X_OK)
    return readable and not os.access(path, os.W_OK) and (path / DATABASE_NAME).is_file()


def _ours_or_empty(path: Path) -> bool:
    """A folder that holds our database, or nothing yet. A folder the user pointed us at
    that holds other things (their home, Documents) keeps its permissions: our files in
    it are readable by the user only all the same."""
    try:
        return (path / DATABASE_NAME).exists() or next(path.iterdir(), None) is None
    except OSError:
        return False


def _restrict_to_owner(path: Path) -> None:
    """Health data stays private: drop group and other access from a folder we own."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077 and path.stat().st_uid == os.getuid():
            path.chmod(mode & 0o700)
    except (OSError, AttributeError):  # AttributeError: os.getuid on Windows
        pass
