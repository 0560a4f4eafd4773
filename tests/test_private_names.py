"""No module imports another module's ``_private`` name: what is shared gets a public one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "companion"


def private_imports(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{path.relative_to(root.parent)}: {node.module}.{alias.name}")
    return found


def test_no_module_imports_another_modules_private_name():
    assert private_imports(PACKAGE) == []


def test_the_check_catches_one(tmp_path):
    package = tmp_path / "companion"
    package.mkdir()
    (package / "a.py").write_text("from companion.b import _helper\n")
    assert private_imports(package) == ["companion/a.py: companion.b._helper"]
