"""Paths -> the activity files in them: plain files, folders, ZIP archives (nested, as
in a Garmin export), a Strava export (activities.csv beside activities/*.fit.gz) and a
Google Takeout folder (Takeout/Fit/...: a folder like any other).

Nothing is extracted to disk: archive members are read into memory one at a time,
when they are imported. A member whose name points outside the archive is refused,
and so is a zip bomb (an archive that unpacks past ``MAX_ARCHIVE_BYTES``, a member
past ``MAX_FILE_BYTES`` or packed more than ``MAX_RATIO`` times).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from companion.activity_files.errors import ActivityFileError, DamagedFileError
from companion.activity_files.reader import MAX_FILE_BYTES, is_activity_name

MAX_ARCHIVE_BYTES = 16 * 1024**3  # all members of one archive, unpacked
MAX_RATIO = 200  # unpacked / packed for a member over RATIO_FROM bytes (FIT ~5, GPX ~20)
RATIO_FROM = 1024 * 1024
MAX_DEPTH = 4  # ZIPs inside ZIPs
MAX_MEMBERS = 200_000
STRAVA_LIST = "activities.csv"


@dataclass(frozen=True)
class Found:
    """One file to import: its name as shown, and how to read its bytes."""

    name: str
    load: Callable[[], bytes]  # the bytes, or ActivityFileError with the reason
    note: str = ""  # a Strava export's name for the activity
    sport: str = ""  # a Strava export's activity type


def _refused(error: ActivityFileError) -> Callable[[], bytes]:
    def load() -> bytes:
        raise error

    return load


class Sources:
    """The activity files under some paths, listed once; a context manager that closes
    the archives it opened. ``len()`` is the count for a progress bar."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._stack = contextlib.ExitStack()
        self.found: list[Found] = []
        for path in paths:
            self._add_path(Path(path))

    def __enter__(self) -> Sources:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def __len__(self) -> int:
        return len(self.found)

    def __iter__(self) -> Iterator[Found]:
        return iter(self.found)

    # -- plain files and folders ---------------------------------------------------------
    def _add_path(self, path: Path) -> None:
        name = str(path)
        if path.is_dir():
            self._add_folder(path)
        elif not path.exists():
            self.found.append(
                Found(name, _refused(DamagedFileError("cannot be read: there is no such file")))
            )
        elif path.suffix.lower() == ".zip":
            self._add_zip_file(path)
        else:
            self.found.append(Found(name, _file_loader(path)))

    def _add_folder(self, folder: Path) -> None:
        strava = _strava_list_on_disk(folder)
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        for path in files:
            lower = path.name.lower()
            if lower.endswith(".zip"):
                self._add_zip_file(path)
            elif is_activity_name(lower):
                note, sport = strava.get(path.relative_to(folder).as_posix(), ("", ""))
                self.found.append(Found(str(path), _file_loader(path), note, sport))

    # -- archives ------------------------------------------------------------------------
    def _add_zip_file(self, path: Path) -> None:
        try:
            archive = self._stack.enter_context(zipfile.ZipFile(path))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.found.append(Found(str(path), _refused(_zip_error(exc))))
            return
        self._add_zip(archive, str(path), depth=1)

    def _add_zip(self, archive: zipfile.ZipFile, where: str, depth: int) -> None:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_MEMBERS:
            error = DamagedFileError(f"refused: it holds more than {MAX_MEMBERS} files")
            self.found.append(Found(where, _refused(error)))
            return
        total = sum(i.file_size for i in members)
        if total > MAX_ARCHIVE_BYTES:
            error = DamagedFileError(
                f"refused: it would unpack to {total / 1024**3:.0f} GB, more than the "
                f"{MAX_ARCHIVE_BYTES // 1024**3} GB an export can be (a zip bomb?)"
            )
            self.found.append(Found(where, _refused(error)))
            return
        strava = _strava_list_in_zip(archive, members)
        for info in members:
            name = f"{where}/{info.filename}"
            lower = info.filename.lower()
            if not (lower.endswith(".zip") or is_activity_name(lower)):
                continue
            problem = _unsafe_member(info)
            if problem is not None:
                self.found.append(Found(name, _refused(problem)))
            elif lower.endswith(".zip"):
                self._add_nested_zip(archive, info, name, depth)
            else:
                note, sport = strava.get(info.filename, ("", ""))
                self.found.append(Found(name, _member_loader(archive, info), note, sport))

    def _add_nested_zip(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, depth: int
    ) -> None:
        if depth >= MAX_DEPTH:
            error = DamagedFileError(f"refused: ZIPs inside ZIPs more than {MAX_DEPTH} deep")
            self.found.append(Found(name, _refused(error)))
            return
        try:
            inner = zipfile.ZipFile(io.BytesIO(_member_loader(archive, info)()))
        except ActivityFileError as exc:
            self.found.append(Found(name, _refused(exc)))
            return
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.found.append(Found(name, _refused(_zip_error(exc))))
            return
        self._add_zip(inner, name, depth + 1)


def _file_loader(path: Path) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise DamagedFileError(
                    f"refused: {size // (1024 * 1024)} MB is more than an activity file can be"
                )
            return path.read_bytes()
        except OSError as exc:
            raise DamagedFileError(f"cannot be read: {exc.strerror or exc}") from None

    return load


def _member_loader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            with archive.open(info) as member:
                data = member.read(MAX_FILE_BYTES + 1)
        except RuntimeError:  # encrypted
            raise DamagedFileError("cannot be read: it is encrypted in the archive") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise _zip_error(exc) from None
        if len(data) > MAX_FILE_BYTES:
            raise DamagedFileError("refused: it unpacks to more than an activity file can be")
        return data

    return load


_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_member(info: zipfile.ZipInfo) -> DamagedFileError | None:
    """Refused: a name leading out of the archive, or a member packed like a zip bomb."""
    raw = info.orig_filename.replace("\\", "/")
    parts = PurePosixPath(raw).parts
    if raw.startswith("/") or _DRIVE.match(raw) or ".." in parts:
        return DamagedFileError(
            f"refused: its name {raw!r} points outside the archive (nothing was written)"
        )
    if info.file_size > MAX_FILE_BYTES:
        return DamagedFileError(
            f"refused: it would unpack to {info.file_size // (1024 * 1024)} MB, more than "
            f"the {MAX_FILE_BYTES // (1024 * 1024)} MB an activity file can be (a zip bomb?)"
        )
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        return DamagedFileError(
            f"refused: it unpacks to {ratio} times its packed size, which no activity file "
            "does (a zip bomb?)"
        )
    return None


def _zip_error(exc: BaseException) -> DamagedFileError:
    if isinstance(exc, NotImplementedError):
        return DamagedFileError("cannot be read: the archive uses a compression not supported")
    return DamagedFileError(f"damaged: a broken ZIP archive ({exc})")


# -- a Strava export's activities.csv --------------------------------------------------------
def _strava_list_on_disk(folder: Path) -> dict[str, tuple[str, str]]:
    listing = folder / STRAVA_LIST
    if not listing.is_file() or listing.stat().st_size > MAX_FILE_BYTES:
        return {}
    try:
        return _strava_rows(listing.read_bytes())
    except OSError:
        return {}


def _strava_list_in_zip(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for info in members:
        path = PurePosixPath(info.filename)
        if path.name.lower() != STRAVA_LIST or _unsafe_member(info) is not None:
            continue
        prefix = "" if path.parent == PurePosixPath(".") else f"{path.parent.as_posix()}/"
        try:
            rows = _strava_rows(_member_loader(archive, info)())
        except ActivityFileError:
            continue
        found.update({prefix + name: value for name, value in rows.items()})
    return found


def _strava_rows(data: bytes) -> dict[str, tuple[str, str]]:
    """Filename -> (activity name, activity type) from Strava's activities.csv."""
    text = data.decode("utf-8-sig", "replace")
    rows: dict[str, tuple[str, str]] = {}
    try:
        for row in csv.DictReader(io.StringIO(text)):
            filename = (row.get("Filename") or "").strip()
            if filename:
                name = (row.get("Activity Name") or "").strip()
                rows[filename] = (name, (row.get("Activity Type") or "").strip())
    except csv.Error:
        return rows
    return rows
