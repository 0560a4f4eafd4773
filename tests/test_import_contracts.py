"""The import-linter contracts about the command line name every command-line module
(a new ``companion/cli_*.py`` left out of them would be checked by nothing)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CLI_CONTRACTS = (
    "The app never imports the command line",
    "The command line never imports ui directly",
)


def cli_modules(package: Path) -> set[str]:
    return {f"companion.{path.stem}" for path in package.glob("cli*.py")}


def contract_modules(pyproject: str, name: str) -> set[str]:
    contracts = tomllib.loads(pyproject)["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["name"] == name)
    key = "forbidden_modules" if name.startswith("The app") else "source_modules"
    return {m for m in contract[key] if m == "companion.cli" or m.startswith("companion.cli_")}


@pytest.mark.parametrize("name", CLI_CONTRACTS)
def test_every_cli_module_is_in_the_contract(name: str) -> None:
    modules = cli_modules(REPO / "companion")
    assert "companion.cli_readiness" in modules  # the glob finds them
    assert contract_modules((REPO / "pyproject.toml").read_text(), name) == modules


def test_the_check_catches_a_missing_module(tmp_path: Path) -> None:
    (tmp_path / "cli.py").write_text("")
    (tmp_path / "cli_new.py").write_text("")
    pyproject = (REPO / "pyproject.toml").read_text()
    assert contract_modules(pyproject, CLI_CONTRACTS[0]) != cli_modules(tmp_path)
