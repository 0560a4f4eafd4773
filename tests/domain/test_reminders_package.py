"""companion.domain.reminders hands out each name from its module, loading it when asked."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import companion.domain.reminders as reminders


def test_every_name_of_the_package_is_its_modules_own():
    for name in reminders.__all__:
        module = importlib.import_module(f"companion.domain.reminders.{reminders._MODULE_OF[name]}")
        assert getattr(reminders, name) is getattr(module, name), name
    assert sorted(reminders._MODULE_OF) == sorted(reminders.__all__)
    # A name that is also a module's would be the module once that module is imported.
    assert not set(reminders.__all__) & set(reminders._MODULE_OF.values())
    assert set(reminders._MODULE_OF.values()) <= set(reminders._LOADERS)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = reminders.nothing_here
    with pytest.raises(ImportError):
        exec("from companion.domain.reminders import nothing_here", {})


def test_the_preferences_load_only_the_waking_hours():
    code = (
        "import sys\n"
        "import companion.domain.preferences\n"
        "from companion.domain.reminders import Kind\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "             if m.startswith('companion.domain.reminders.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['rules', 'waking']"
