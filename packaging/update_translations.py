"""Refresh the translation catalogues and compile them.

    python packaging/update_translations.py [--drop-obsolete] [--add LANG]

1. pyside6-lupdate reads every ``.py`` file under ``companion/`` and merges the
   messages into each ``resources/translations/companion_*.ts`` (creating
   ``companion_en.ts`` when it is missing, and ``companion_LANG.ts`` for
   ``--add LANG``, with every message waiting for its translation). Translations
   already made are kept; messages that left the code are marked obsolete
   (``--drop-obsolete`` removes them instead).
2. The English catalogue is completed: a plain message's translation is its
   source text; a plural (numerus) message gets its English singular and plural,
   derived from the source ("%n day(s)" gives "%n day" and "%n days") or taken
   from ``ENGLISH_PLURALS`` (in ``companion/domain/translatable.py``, which the
   command line's English uses too). A message whose source changed is filled
   afresh. Every English message ends up finished.
3. pyside6-lrelease compiles each catalogue to a ``.qm`` beside it, leaving out
   unfinished translations (and, for English, every message identical to its
   source: only the plurals need carrying).

Only the Python standard library and PySide6's tools are needed (and
``companion.domain.translatable``, which is standard library only).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "companion"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "companion"
ENGLISH = TRANSLATIONS / f"{CATALOGUE}_en.ts"

# The English singular and plural of a "%n" message: the package's own rule (a module of
# the standard library only), shared with the command line, which prints English without Qt.
sys.path.insert(0, str(ROOT))
from companion.domain.translatable import english_forms as _english_forms  # noqa: E402


class TranslationError(RuntimeError):
    pass


def tool(name: str) -> str:
    """pyside6-<name> from this Python's environment, the PATH, or PySide6's own folder."""
    for candidate in (
        Path(sys.executable).parent / f"pyside6-{name}",
        shutil.which(f"pyside6-{name}"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    try:
        import PySide6  # noqa: PLC0415 - only when the wrapper scripts are missing

        folder = Path(PySide6.__file__).parent
    except ImportError as exc:
        raise TranslationError("PySide6 is not installed") from exc
    for binary in (folder / name, folder / f"{name}.exe"):
        if binary.is_file():
            return str(binary)
    raise TranslationError(f"pyside6-{name} not found")


def sources(package: Path = PACKAGE) -> list[Path]:
    """Every Python file of the package, in a fixed order."""
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_files: Sequence[Path], *, drop_obsolete: bool = False) -> None:
    """Merge the package's messages into ``ts_files`` (created when missing; a new
    file's language comes from its name)."""
    command = [tool("lupdate"), "-silent", "-locations", "relative", "-source-language", "en"]
    if drop_obsolete:
        command.append("-no-obsolete")
    command += [str(p) for p in sources()]
    command += ["-ts", *(str(p) for p in ts_files)]
    subprocess.run(command, check=True, cwd=ROOT)


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a numerus message's English source (the package's rule,
    which the command line uses too: ``companion.domain.translatable``)."""
    try:
        return _english_forms(source)
    except ValueError as exc:
        raise TranslationError(str(exc)) from None


def _current(message: ET.Element) -> bool:
    translation = message.find("translation")
    kind = translation.get("type") if translation is not None else None
    return kind not in ("obsolete", "vanished")


def fill_english(path: Path = ENGLISH) -> int:
    """Finish every current message of the English catalogue; returns how many changed."""
    tree = ET.parse(path)  # noqa: S314 - the repository's own catalogue
    changed = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or not _current(message):
            continue
        if translation.get("type") != "unfinished":
            continue  # finished by hand or by an earlier run: kept
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for text in english_forms(source):
                ET.SubElement(translation, "numerusform").text = text
            translation.text = None
        else:
            translation.text = source
        del translation.attrib["type"]
        changed += 1
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return changed


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    command = [tool("lrelease"), "-silent", "-nounfinished"]
    if ts.name == ENGLISH.name:
        command.append("-removeidentical")  # only the plurals differ from the source
    subprocess.run([*command, str(ts), "-qm", str(qm)], check=True)
    return qm


def catalogues() -> list[Path]:
    return sorted({ENGLISH, *TRANSLATIONS.glob(f"{CATALOGUE}_*.ts")})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="remove messages no longer in the code"
    )
    parser.add_argument(
        "--add", metavar="LANG", help="start a catalogue for a language: de, fr, pt_BR"
    )
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = catalogues()
    if args.add:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.add):
            parser.error(f"--add takes a language code such as de or pt_BR, not {args.add!r}")
        files = sorted({*files, TRANSLATIONS / f"{CATALOGUE}_{args.add}.ts"})
    try:
        lupdate(files, drop_obsolete=args.drop_obsolete)
        filled = fill_english()
        if filled:
            lupdate([ENGLISH])  # once more, to write the catalogue in lupdate's own layout
        for ts in files:
            print(f"{lrelease(ts).relative_to(ROOT)}")
    except (TranslationError, subprocess.CalledProcessError) as exc:
        print(f"update_translations: {exc}", file=sys.stderr)
        return 1
    print(f"English: {filled} message(s) filled in.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
