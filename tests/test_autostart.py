"""Start at login: real files in temp folders for Linux and macOS, a fake registry for Windows."""

from __future__ import annotations

import configparser
import json
import os
import plistlib
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from companion import APP_ID, APP_NAME
from companion.autostart import (
    APPROVED_KEY,
    DESKTOP_MARKER,
    MACOS_LABEL,
    RUN_KEY,
    RUN_VALUE,
    Autostart,
    AutostartError,
    WinRegistry,
    desktop_exec,
    launch_command,
    windows_command_line,
)
from tests.helpers.file_modes import modes_apply

VALIDATOR = shutil.which("desktop-file-validate")
COMMAND = ["/opt/Recovery Companion/recovery-companion"]
AWKWARD = [
    "/opt/Recovery Companion/recovery-companion",
    "--data-dir",
    '/home/ann/My "legs" $HOME `x` back\\slash 100% (new); ~/it\'s',
]


# -- helpers -------------------------------------------------------------------------------


def read_desktop(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser.items("Desktop Entry"))


def parse_exec(value: str) -> list[str]:
    """Undo both escaping layers of a desktop-entry Exec value, as the spec describes."""
    unescaped, i = [], 0
    while i < len(value):  # layer 1: the string escapes of every value
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[value[i + 1]])
            i += 2
            continue
        unescaped.append(ch)
        i += 1
    text = "".join(unescaped)
    args: list[str] = []
    current: list[str] | None = None
    i = 0
    quoted = False
    while i < len(text):  # layer 2: quoting and field codes
        ch = text[i]
        if quoted:
            if ch == "\\":
                assert text[i + 1] in '"`$\\', f"bad escape in {text!r}"
                current.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                quoted = False
            else:
                current.append(ch)
        elif ch == " ":
            if current is not None:
                args.append("".join(current))
                current = None
        elif ch == '"':
            quoted = True
            current = current if current is not None else []
        else:
            current = current if current is not None else []
            current.append(ch)
        i += 1
    assert not quoted, f"unclosed quote in {text!r}"
    if current is not None:
        args.append("".join(current))
    return [a.replace("%%", "%") for a in args]


class FakeRegistry:
    """HKEY_CURRENT_USER as a dict; ``denied`` makes every write fail like winreg does."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], Any] = {}
        self.denied = False

    def get(self, key: str, name: str) -> Any:
        return self.values.get((key, name))

    def set_string(self, key: str, name: str, value: str) -> None:
        if self.denied:
            raise PermissionError(13, "Access is denied")
        self.values[key, name] = value

    def delete(self, key: str, name: str) -> None:
        if self.denied:
            raise PermissionError(13, "Access is denied")
        self.values.pop((key, name), None)


def xdg(tmp_path: Path, command: list[str] = COMMAND, **env: str) -> Autostart:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), **env}
    return Autostart(command, platform="linux", home=tmp_path / "home", environ=environ)


def mac(tmp_path: Path, command: list[str] = COMMAND) -> Autostart:
    return Autostart(command, platform="darwin", home=tmp_path / "home", environ={})


def windows(registry: FakeRegistry, command: list[str] = COMMAND) -> Autostart:
    return Autostart(command, platform="win32", registry=registry, environ={})


# -- Linux and the BSDs: the XDG autostart entry ---------------------------------------------


def test_xdg_round_trip(tmp_path):
    autostart = xdg(tmp_path)
    path = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert autostart.location == str(path)
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    entry = read_desktop(path)
    assert parse_exec(entry["Exec"]) == [*COMMAND, "--minimized"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["NoDisplay"] == "false"
    assert entry["Terminal"] == "false"
    assert entry[DESKTOP_MARKER] == "true"
    assert entry["TryExec"] == COMMAND[0]
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    autostart.disable()
    assert not path.exists()
    assert not autostart.is_enabled()
    autostart.disable()  # disabling when not enabled does nothing
    assert sorted(path.parent.iterdir()) == []  # no temporary files left behind


def test_xdg_defaults_to_dot_config_and_ignores_a_relative_xdg_config_home(tmp_path):
    expected = tmp_path / "home" / ".config" / "autostart" / f"{APP_ID}.desktop"
    assert xdg(tmp_path, XDG_CONFIG_HOME="").location == str(expected)
    assert xdg(tmp_path, XDG_CONFIG_HOME="relative/dir").location == str(expected)
    real_default = Autostart(COMMAND, platform="freebsd14")  # the conftest's XDG_CONFIG_HOME
    assert real_default.location == str(
        Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"
    )


@pytest.mark.parametrize(
    "command",
    [COMMAND, AWKWARD, ["/usr/bin/python3", "-m", "companion"], ["/x/a\tb", "", "50%"]],
    ids=["spaces", "awkward", "python-m", "tab-empty-percent"],
)
def test_xdg_exec_quoting_round_trips(tmp_path, command):
    autostart = xdg(tmp_path, command)
    autostart.enable()
    entry = read_desktop(Path(autostart.location))
    assert parse_exec(entry["Exec"]) == [*command, "--minimized"]
    if VALIDATOR:
        result = subprocess.run(
            [VALIDATOR, autostart.location], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "error" not in result.stdout.lower()


def test_exec_quoting_in_detail():
    assert desktop_exec(["/usr/bin/recovery-companion", "--minimized"]) == (
        "/usr/bin/recovery-companion --minimized"
    )
    assert desktop_exec(["/opt/My App/run", "--minimized"]) == '"/opt/My App/run" --minimized'
    # Inside quotes, \ $ " and ` are backslash-escaped; then every \ is doubled again.
    assert desktop_exec(["/a b/$x"]) == '"/a b/\\\\$x"'
    assert desktop_exec(["/a b\\c"]) == '"/a b\\\\\\\\c"'
    assert desktop_exec(["50%"]) == "50%%"


@pytest.mark.parametrize(
    ("extra", "enabled"),
    [("", True), ("Hidden=true\n", False), ("X-GNOME-Autostart-enabled=false\n", False)],
)
def test_xdg_a_switched_off_entry_is_not_enabled_and_enable_switches_it_on(
    tmp_path, extra, enabled
):
    autostart = xdg(tmp_path)
    autostart.enable()
    path = Path(autostart.location)
    text = (
        path.read_text()
        .replace("Hidden=false\n", "")
        .replace("X-GNOME-Autostart-enabled=true\n", "")
    )
    path.write_text(text + extra)
    assert autostart.is_enabled() is enabled
    autostart.enable()
    assert autostart.is_enabled()


def test_xdg_enable_again_replaces_the_command(tmp_path):
    xdg(tmp_path, ["/old/place/recovery-companion"]).enable()
    moved = xdg(tmp_path, ["/new place/recovery-companion"])
    moved.enable()
    entry = read_desktop(Path(moved.location))
    assert parse_exec(entry["Exec"]) == ["/new place/recovery-companion", "--minimized"]


@pytest.mark.parametrize(
    "content",
    [
        "[Desktop Entry]\nType=Application\nName=Mine\nExec=my-own-script\n",
        "not a desktop file at all",
        "[Desktop Entry]\nExec=x\n" + DESKTOP_MARKER + "=false\n",
    ],
    ids=["someone-elses-entry", "garbage", "marker-false"],
)
def test_xdg_a_file_that_is_not_ours_is_left_alone(tmp_path, content):
    autostart = xdg(tmp_path)
    path = Path(autostart.location)
    path.parent.mkdir(parents=True)
    path.write_text(content)
    assert not autostart.is_enabled()
    with pytest.raises(AutostartError, match=f"{path} already exists and was not made by"):
        autostart.enable()
    autostart.disable()
    assert path.read_text() == content
    assert "not made by Recovery Companion" in autostart.describe()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_xdg_an_unwritable_folder_is_named(tmp_path):
    autostart = xdg(tmp_path)
    folder = Path(autostart.location).parent
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        with (
            modes_apply(),
            pytest.raises(AutostartError, match=f"Cannot write the login entry {folder}/"),
        ):
            autostart.enable()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_xdg_an_undeletable_entry_is_named(tmp_path):
    autostart = xdg(tmp_path)
    autostart.enable()
    folder = Path(autostart.location).parent
    folder.chmod(0o500)
    try:
        with (
            modes_apply(),
            pytest.raises(AutostartError, match=f"Cannot remove the login entry {folder}/"),
        ):
            autostart.disable()
    finally:
        folder.chmod(0o700)
    assert autostart.is_enabled()


def test_xdg_a_refused_write_is_named_even_for_root(tmp_path, monkeypatch):
    autostart = xdg(tmp_path)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("companion.autostart.tempfile.mkstemp", refuse)
    folder = Path(autostart.location).parent
    with pytest.raises(
        AutostartError, match=f"Cannot write the login entry {folder}/.*: Permission denied"
    ):
        autostart.enable()
    assert not autostart.is_enabled()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gio") is None, reason="needs GLib's gio tool")
def test_glib_launches_the_entry_with_exactly_our_arguments(tmp_path):
    """GLib (which GNOME and most autostart runners use) reads our Exec line back."""
    out = tmp_path / "argv.json"
    script = tmp_path / "dump argv.py"
    script.write_text(
        f"import json, sys\nopen({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
    )
    args = [*AWKWARD[1:], "50% \t tab"]
    autostart = xdg(tmp_path, [sys.executable, str(script), *args])
    autostart.enable()
    subprocess.run(["gio", "launch", autostart.location], check=True, timeout=30)
    for _ in range(200):  # gio starts the program and returns at once
        if out.exists() and out.read_text():
            break
        time.sleep(0.05)
    assert json.loads(out.read_text()) == [*args, "--minimized"]


def test_xdg_a_file_in_the_way_of_the_folder_is_named(tmp_path):
    """Fails for root too: a path through a file is not a folder for anyone."""
    (tmp_path / "config").write_text("I am a file")
    autostart = xdg(tmp_path)
    assert not autostart.is_enabled()
    with pytest.raises(AutostartError, match=f"Cannot write the login entry {tmp_path}/config/"):
        autostart.enable()
    autostart.disable()


def test_xdg_a_failed_rename_leaves_the_old_entry_and_no_temporary_file(tmp_path, monkeypatch):
    autostart = xdg(tmp_path)
    autostart.enable()
    path = Path(autostart.location)
    before = path.read_bytes()

    def refuse(self: Path, target: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(AutostartError, match=f"{path}: No space left on device"):
        xdg(tmp_path, ["/elsewhere/recovery-companion"]).enable()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_describe_says_where_in_plain_words(tmp_path):
    text = xdg(tmp_path).describe()
    assert str(tmp_path / "config" / "autostart" / f"{APP_ID}.desktop") in text
    assert "next login" in text
    assert "LaunchAgents" in mac(tmp_path).describe()
    assert f"HKEY_CURRENT_USER\\{RUN_KEY}" in windows(FakeRegistry()).describe()


# -- macOS: a launch agent ---------------------------------------------------------------------


def test_macos_round_trip(tmp_path):
    autostart = mac(tmp_path, AWKWARD)
    path = tmp_path / "home" / "Library" / "LaunchAgents" / f"{MACOS_LABEL}.plist"
    assert autostart.location == str(path)
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    with path.open("rb") as fh:
        agent = plistlib.load(fh)
    assert agent["Label"] == MACOS_LABEL
    assert agent["ProgramArguments"] == [*AWKWARD, "--minimized"]  # no quoting: a real list
    assert agent["RunAtLoad"] is True
    assert agent["ProcessType"] == "Interactive"
    autostart.disable()
    assert not path.exists()
    autostart.disable()


def test_macos_a_disabled_agent_is_off_and_a_foreign_one_is_left_alone(tmp_path):
    autostart = mac(tmp_path)
    autostart.enable()
    path = Path(autostart.location)
    agent = plistlib.loads(path.read_bytes())
    path.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()

    foreign = plistlib.dumps({"Label": "com.example.other", "ProgramArguments": ["/bin/true"]})
    path.write_bytes(foreign)
    assert not autostart.is_enabled()
    with pytest.raises(AutostartError, match="was not made by"):
        autostart.enable()
    autostart.disable()
    assert path.read_bytes() == foreign


# -- Windows: the Run key --------------------------------------------------------------------


def test_windows_round_trip_with_a_quoted_command():
    registry = FakeRegistry()
    autostart = windows(registry, [r"C:\Program Files\Recovery Companion\recovery-companion.exe"])
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    assert registry.values == {
        (RUN_KEY, RUN_VALUE): (
            r'"C:\Program Files\Recovery Companion\recovery-companion.exe" --minimized'
        )
    }
    assert RUN_VALUE == "Recovery Companion"
    autostart.disable()
    assert registry.values == {}
    assert not autostart.is_enabled()
    autostart.disable()


def test_windows_command_line_quotes_the_program_always_and_arguments_when_needed():
    assert windows_command_line([r"C:\Apps\rc.exe", "--minimized"]) == (
        r'"C:\Apps\rc.exe" --minimized'
    )
    assert windows_command_line(
        [r"C:\Python 311\pythonw.exe", "-m", "companion", "--data-dir", r"D:\My Data\x\\"]
    ) == (r'"C:\Python 311\pythonw.exe" -m companion --data-dir "D:\My Data\x\\\\"')


def test_windows_switched_off_in_task_manager_is_off_until_enabled_again():
    registry = FakeRegistry()
    autostart = windows(registry)
    autostart.enable()
    registry.values[APPROVED_KEY, RUN_VALUE] = b"\x03\x00\x00\x00" + bytes(8)
    assert not autostart.is_enabled()
    autostart.enable()
    assert (APPROVED_KEY, RUN_VALUE) not in registry.values
    assert autostart.is_enabled()
    registry.values[APPROVED_KEY, RUN_VALUE] = b"\x02" + bytes(11)
    assert autostart.is_enabled()
    autostart.disable()
    assert registry.values == {}


def test_windows_a_denied_registry_is_a_clear_error():
    registry = FakeRegistry()
    registry.denied = True
    autostart = windows(registry)
    with pytest.raises(AutostartError, match=r"HKEY_CURRENT_USER\\Software\\.*Access is denied"):
        autostart.enable()
    registry.values[RUN_KEY, RUN_VALUE] = '"x" --minimized'
    with pytest.raises(AutostartError, match="Cannot remove the value “Recovery Companion”"):
        autostart.disable()


class FakeWinreg:
    """The few ``winreg`` functions WinRegistry uses, with winreg's errors."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 1
    KEY_SET_VALUE = 2
    REG_SZ = 1

    class Handle:
        def __init__(self, key: str) -> None:
            self.key = key

        def __enter__(self) -> FakeWinreg.Handle:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[Any, int]]] = {}
        self.read_only = False

    def OpenKey(self, root: str, key: str, reserved: int, access: int) -> Handle:
        assert root == self.HKEY_CURRENT_USER
        if key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        if access == self.KEY_SET_VALUE and self.read_only:
            raise PermissionError(5, "Access is denied")
        return self.Handle(key)

    def CreateKeyEx(self, root: str, key: str, reserved: int, access: int) -> Handle:
        if self.read_only:
            raise PermissionError(5, "Access is denied")
        self.keys.setdefault(key, {})
        return self.Handle(key)

    def QueryValueEx(self, handle: Handle, name: str) -> tuple[Any, int]:
        try:
            return self.keys[handle.key][name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def SetValueEx(self, handle: Handle, name: str, reserved: int, kind: int, value: Any) -> None:
        self.keys[handle.key][name] = (value, kind)

    def DeleteValue(self, handle: Handle, name: str) -> None:
        if name not in self.keys[handle.key]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[handle.key][name]


def test_the_real_registry_adapter_against_a_fake_winreg():
    winreg = FakeWinreg()
    autostart = windows(WinRegistry(winreg), [r"C:\A B\rc.exe"])  # type: ignore[arg-type]
    assert not autostart.is_enabled()
    autostart.enable()
    assert winreg.keys[RUN_KEY][RUN_VALUE] == (r'"C:\A B\rc.exe" --minimized', winreg.REG_SZ)
    assert autostart.is_enabled()
    autostart.disable()
    assert winreg.keys[RUN_KEY] == {}
    autostart.disable()
    winreg.read_only = True
    with pytest.raises(AutostartError, match="Access is denied"):
        autostart.enable()


# -- the command -----------------------------------------------------------------------------


def test_a_frozen_bundle_starts_itself_and_an_appimage_its_file():
    exe = "/opt/Recovery Companion/recovery-companion"
    assert launch_command(frozen=True, executable=exe, environ={}) == [exe]
    assert launch_command(
        frozen=True, executable="/tmp/.mount_abc/rc", environ={"APPIMAGE": "/home/a/RC.AppImage"}
    ) == ["/home/a/RC.AppImage"]


def test_the_installed_script_is_preferred_beside_this_interpreter_then_on_path(tmp_path):
    scripts = tmp_path / "venv bin"
    scripts.mkdir()
    on_path = tmp_path / "elsewhere"
    on_path.mkdir()
    for folder in (scripts, on_path):
        script = folder / APP_ID
        script.write_text("#!/bin/sh\n")
        script.chmod(0o755)
    env = {"PATH": str(on_path)}
    command = launch_command(frozen=False, environ=env, scripts_dir=str(scripts))
    assert command == [str(scripts / APP_ID)]
    command = launch_command(frozen=False, environ=env, scripts_dir=str(tmp_path / "none"))
    assert command == [str(on_path / APP_ID)]


def test_without_a_script_it_is_python_dash_m_companion(tmp_path):
    command = launch_command(
        frozen=False, executable="/usr/bin/python3", environ={"PATH": ""}, scripts_dir=""
    )
    assert command == ["/usr/bin/python3", "-m", "companion"]
    folder = tmp_path / "Python 311"
    folder.mkdir()
    (folder / "pythonw.exe").write_text("")
    command = launch_command(
        frozen=False,
        executable=str(folder / "python.exe"),
        environ={},
        which=lambda *_a, **_k: None,
        data_dir=Path("/data dir"),
    )
    assert command == [str(folder / "pythonw.exe"), "-m", "companion", "--data-dir", "/data dir"]


def test_the_default_command_is_this_installation():
    command = Autostart(platform="linux").command
    assert command[0] == sys.executable or Path(command[0]).name == APP_ID
    assert Path(command[0]).is_absolute()


def test_autostart_imports_no_qt():
    code = (
        "import sys, companion.autostart\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
