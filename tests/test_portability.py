"""Date formats that work on every platform the app ships for.

Python hands ``strftime`` to the C library. glibc's padding flags (``%-d``,
``%_d``, ``%^a``) and its extra directives (``%k``, ``%l``, ``%P``, ``%s``)
raise ``ValueError: Invalid format string`` on Windows, so the app spells
those out instead (``f"{moment.day} {moment:%b}"``). This test reads
companion/'s source (string literals, not comments) and fails on any of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "companion"
# The C89 directives every C library has, and %f, which Python's datetime handles itself.
PORTABLE = set("aAbBcdfHIjmMpSUwWxXyYzZ%")
GLIBC_FLAG = re.compile(r"%[-_^0#][A-Za-z]")
DIRECTIVE = re.compile(r"%([-_^0#]?)(.?)", re.DOTALL)


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def format_strings(tree: ast.AST) -> Iterator[tuple[int, str, bool]]:
    """(line, text, is_a_date_format) for each string literal in ``tree``.

    A date format is a literal argument of ``strftime``/``strptime``/``format``,
    or an f-string's format spec that holds a ``%``.
    """
    dated: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in {"strftime", "strptime", "format"}:
                dated.update(id(arg) for arg in node.args)
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            for part in ast.walk(node.format_spec):
                if isinstance(part, ast.Constant) and "%" in str(part.value):
                    dated.add(id(part))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value, id(node) in dated


def problems_in(text: str, is_date_format: bool) -> list[str]:
    found = GLIBC_FLAG.findall(text)
    if is_date_format:
        found += [f"%{f}{c}" for f, c in DIRECTIVE.findall(text) if f or c not in PORTABLE]
    return sorted(set(found))


def test_the_scan_sees_what_it_should():
    tree = ast.parse(
        'a = f"{moment:%a %-d %b}"\n'
        'b = moment.strftime("%l:%M %P")\n'
        'STAMP = "%Y%m%d-%_H%M%S"\n'
        'c = f"{moment.day} {moment:%b %Y, %H:%M}"\n'
        'd = "50%-60% of %s"  # printf, not a date: only flags count here\n'
        "# a comment about %-d is fine\n"
    )
    found = {line: problems_in(text, dated) for line, text, dated in format_strings(tree)}
    assert {line: p for line, p in found.items() if p} == {
        1: ["%-d"],
        2: ["%P", "%l"],
        3: ["%_H"],
    }


def test_no_glibc_only_date_format_in_companion():
    found = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [
            f"{path.relative_to(REPO)}:{line}: {', '.join(bad)} in {text!r}"
            for line, text, dated in format_strings(tree)
            if (bad := problems_in(text, dated))
        ]
    assert len(sources()) > 50  # the package was found
    assert not found, "glibc-only strftime formats (they fail on Windows):\n" + "\n".join(found)
