"""The rules stay free of Qt and I/O; this runs in every test run (import-linter runs in CI too)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "companion"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
DOMAIN_FORBIDDEN = (
    *QT,
    "sqlite3",
    "sqlite_utils",
    "apscheduler",
    "platformdirs",
    "companion.storage",
    "companion.scheduling",
    "companion.ui",
    "companion.app",
    "companion.resources",
)


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return bad


@pytest.mark.parametrize("layer", ["domain", "storage", "scheduling", "services"])
def test_lower_layers_do_not_import_qt(layer):
    assert offenders(layer, QT) == []


def test_domain_does_no_io_and_knows_no_upper_layer():
    assert offenders("domain", DOMAIN_FORBIDDEN) == []


def test_the_check_catches_a_qt_import(tmp_path, monkeypatch):
    # A check that cannot fail is no check: feed it a module that imports Qt.
    fake = tmp_path / "companion" / "domain"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from PySide6.QtCore import QTimer\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "companion")
    assert offenders("domain", QT) == ["companion/domain/bad.py imports PySide6.QtCore"]


def test_importing_every_domain_module_loads_no_qt():
    domain = sorted(
        "companion." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in (PACKAGE / "domain").rglob("*.py")
        if p.name != "__init__.py"
    )
    modules = [*domain, "companion.storage.database", "companion.storage.settings"]
    modules += [
        "companion.scheduling",
        "companion.services.safety",
        "companion.services.safety_checks",
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


CHART_MODEL = ("axes", "data", "markers", "model")  # companion/ui/charts: the Qt-free side


def test_the_chart_model_modules_import_no_qt():
    for name in CHART_MODEL:
        path = PACKAGE / "ui" / "charts" / f"{name}.py"
        assert [m for m in imported_modules(path) if m.split(".")[0] in QT] == [], path
        docstring = ast.get_docstring(ast.parse(path.read_text())) or ""
        assert "no pyside6 here" in docstring.lower(), path  # says so where a reader looks


def test_importing_the_chart_model_loads_no_qt():
    # companion/ui/__init__.py imports PySide6 for its import-hook guard (see pyside_guard),
    # which the model has no use for: the package is stood in for by a bare one, so this
    # also runs where PySide6 is not installed. companion/ui/charts/__init__.py does run:
    # importing the charts package loads the widgets (and Qt) only when one is asked for.
    modules = ["companion.ui.charts", *(f"companion.ui.charts.{m}" for m in CHART_MODEL)]
    code = (
        "import importlib, sys, types\n"
        "ui = types.ModuleType('companion.ui')\n"
        f"ui.__path__ = [{str(PACKAGE / 'ui')!r}]\n"
        "sys.modules['companion.ui'] = ui\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from companion.ui.charts import LineChartModel, Marker, Series, nice_ticks\n"
        "LineChartModel('t', (0, 14), series=(Series('s', ((1, 2),)),)).has_points()\n"
        "Marker(1, 'ice', 'Ice logged').glyph, nice_ticks(2200)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
