"""One registry for the files in ``resources/``.

Looking up paths is cheap; parsing content (and importing tomllib and the
content models) happens only when a loader is called.

The folder is found in a frozen bundle (PyInstaller's ``sys._MEIPASS``), in an
installed wheel (``companion/resources``) or in a source checkout (the
top-level ``resources/``). Lookups are by name and raise with the known names.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from companion.domain.conditions import ConditionCatalog
    from companion.domain.exercises import ExerciseLibrary
    from companion.domain.guide import Guide
    from companion.domain.poses import PoseCatalog
    from companion.domain.protocols import ProtocolBounds
    from companion.domain.regions import RegionCatalog
    from companion.domain.return_to_run import ReturnToRunPlan
    from companion.domain.routines import RoutineCatalog
    from companion.domain.triage import TriageCatalog

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourceNotFoundError(LookupError):
    pass


def candidate_roots() -> list[Path]:
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "resources")
    roots.append(_PACKAGE_DIR / "resources")  # installed wheel
    roots.append(_PACKAGE_DIR.parent / "resources")  # checkout or editable install
    return roots


@cache
def resources_root() -> Path:
    for root in candidate_roots():
        if (root / "content").is_dir():
            return root
    tried = ", ".join(str(r) for r in candidate_roots())
    raise ResourceNotFoundError(f"The app's resources folder is missing (looked in {tried}).")


def _named(folder: str, name: str, suffix: str) -> Path:
    base = resources_root() / folder
    path = base / f"{name}{suffix}"
    if not path.is_file():
        known = sorted(p.stem for p in base.glob(f"*{suffix}"))
        raise ResourceNotFoundError(
            f"No {folder} resource named {name!r}; known: {', '.join(known) or 'none'}."
        )
    return path


def icon_path(name: str) -> Path:
    return _named("icons", name, ".svg")


def sound_path(name: str) -> Path:
    return _named("sounds", name, ".wav")


def content_path(name: str) -> Path:
    return _named("content", name, ".toml")


def style_path(name: str) -> Path:
    return _named("styles", name, ".qss")


def style_sheet(name: str, values: Mapping[str, str] | None = None) -> str:
    """A Qt style sheet from ``resources/styles/<name>.qss``, each ``$placeholder``
    filled from ``values`` (``$$`` is a dollar sign).

    Raises ``KeyError`` naming a placeholder that has no value, and
    ``ResourceNotFoundError`` with the known names for an unknown sheet.
    """
    path = style_path(name)
    try:
        return _style_template(path).substitute(values or {})
    except KeyError as exc:
        raise KeyError(f"{path.name} needs a value for ${exc.args[0]}") from None


@cache
def _style_template(path: Path) -> Template:
    """A sheet's text, read once: the theme fills it in again on every change of scheme."""
    return Template(path.read_text(encoding="utf-8"))


def content_files() -> list[Path]:
    return sorted((resources_root() / "content").glob("*.toml"))


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning syntax errors into a ContentError that names the file."""
    import tomllib  # noqa: PLC0415 - content loads after the window is up, not before

    from companion.domain.content import ContentError  # noqa: PLC0415

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path.name, "(file)", f"is not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ContentError(path.name, "(file)", f"is not UTF-8 text: {exc.reason}") from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        reason = "holds a number with too many digits" if "digits" in str(exc) else str(exc)
        raise ContentError(path.name, "(file)", f"is not valid TOML: {reason}") from exc
    except RecursionError as exc:
        raise ContentError(path.name, "(file)", "nests arrays or tables too deeply") from exc
    except OSError as exc:
        raise ContentError(path.name, "(file)", f"cannot be read: {exc.strerror}") from exc


def load_regions(path: Path | None = None) -> RegionCatalog:
    from companion.domain.regions import parse_regions  # noqa: PLC0415

    path = path or content_path("regions")
    return parse_regions(read_toml(path), source=path.name)


def load_protocols(path: Path | None = None) -> ProtocolBounds:
    from companion.domain.protocols import parse_protocols  # noqa: PLC0415

    path = path or content_path("protocols")
    return parse_protocols(read_toml(path), source=path.name)


def load_triage(path: Path | None = None) -> TriageCatalog:
    from companion.domain.triage import parse_triage  # noqa: PLC0415

    path = path or content_path("triage")
    return parse_triage(read_toml(path), source=path.name)


def load_guide(path: Path | None = None) -> Guide:
    """The in-app Guide's chapters and passages."""
    from companion.domain.guide import parse_guide  # noqa: PLC0415

    path = path or content_path("guide")
    return parse_guide(read_toml(path), source=path.name)


def load_conditions(path: Path | None = None) -> ConditionCatalog:
    from companion.domain.conditions import parse_conditions  # noqa: PLC0415

    path = path or content_path("conditions")
    return parse_conditions(read_toml(path), source=path.name)


def load_exercises(
    path: Path | None = None,
    regions: RegionCatalog | None = None,
    protocols: ProtocolBounds | None = None,
) -> ExerciseLibrary:
    """The exercise library, checked against the regions and the protocol bounds."""
    from companion.domain.exercises import parse_exercises  # noqa: PLC0415

    path = path or content_path("exercises")
    return parse_exercises(
        read_toml(path), path.name, regions or load_regions(), protocols or load_protocols()
    )


def load_routines(
    path: Path | None = None,
    library: ExerciseLibrary | None = None,
    protocols: ProtocolBounds | None = None,
) -> RoutineCatalog:
    """The built-in routines, checked against the exercise library and the bounds."""
    from companion.domain.routines import parse_routines  # noqa: PLC0415

    path = path or content_path("routines")
    protocols = protocols or load_protocols()
    library = library or load_exercises(protocols=protocols)
    return parse_routines(read_toml(path), path.name, library, protocols)


def load_poses(path: Path | None = None, library: ExerciseLibrary | None = None) -> PoseCatalog:
    """The pose drawings, each checked against the exercise it draws."""
    from companion.domain.poses import parse_poses  # noqa: PLC0415

    path = path or content_path("poses")
    ids = {exercise.id for exercise in (library or load_exercises())}
    return parse_poses(read_toml(path), path.name, ids)


def load_return_to_run(path: Path | None = None) -> ReturnToRunPlan:
    """The walk-run steps of the return-to-run plan, checked at load."""
    from companion.domain.return_to_run import parse_return_to_run  # noqa: PLC0415

    path = path or content_path("return_to_run")
    return parse_return_to_run(read_toml(path), source=path.name)
