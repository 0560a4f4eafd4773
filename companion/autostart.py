"""Start at login: one entry per platform, never half-written, never someone else's.

- Linux and the BSDs: an XDG autostart entry,
  ``$XDG_CONFIG_HOME/autostart/recovery-companion.desktop`` (``~/.config`` by default).
- Windows: the ``Recovery Companion`` value under
  ``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a launch agent, ``~/Library/LaunchAgents/<label>.plist``.

Each entry starts the app with ``--minimized`` (in the tray). The command is the
frozen bundle's executable, else the installed ``recovery-companion`` script,
else ``python -m companion``; always absolute paths, because a login session's
``PATH`` is not the shell's.

Files are written to a temporary name beside the target and renamed, so a full
disk or a crash never leaves half an entry. A file in our place that we did not
write (marked by ``X-Recovery-Companion-Autostart`` or our launch agent label)
is left alone: ``enable`` refuses with a message, ``disable`` does nothing.

Plain Python with no Qt: the platform, folders, environment and the registry are
injectable, so every platform's logic is tested on Linux.
"""

from __future__ import annotations

import configparser
import contextlib
import importlib
import os
import plistlib
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from companion import APP_ID, APP_NAME

MINIMIZED = "--minimized"
DESKTOP_FILE = f"{APP_ID}.desktop"
DESKTOP_MARKER = "X-Recovery-Companion-Autostart"
# launchd wants a reverse-DNS label. "local." claims no domain: the project has none yet.
# packaging/recovery-companion.spec uses it as the macOS bundle identifier too. If it ever
# changes, an agent written under the old label is no longer recognised as ours.
MACOS_LABEL = "local.recovery-companion"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's "Startup apps" switch: a binary value whose first byte is odd when off.
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE = APP_NAME
HKCU = "HKEY_CURRENT_USER"


class AutostartError(Exception):
    """The login entry could not be read, written or removed. The message names the place."""


# -- the command to launch -------------------------------------------------------------------


def launch_command(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    environ: Mapping[str, str] | None = None,
    which: Callable[..., str | None] = shutil.which,
    scripts_dir: str | None = None,
    data_dir: Path | None = None,
) -> list[str]:
    """The argument list that starts this installation of the app (without ``--minimized``).

    A frozen bundle starts itself (an AppImage its ``$APPIMAGE`` file, since its mount
    point changes at every start). Otherwise the ``recovery-companion`` script, looked
    for first beside this interpreter's scripts and then on ``PATH``; otherwise this
    interpreter with ``-m companion`` (``pythonw.exe`` on Windows, so no console opens).
    ``data_dir``, when given, is passed on as ``--data-dir``.
    """
    env = os.environ if environ is None else environ
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    python = executable or sys.executable
    if is_frozen:
        command = [env.get("APPIMAGE") or python]
    else:
        here = scripts_dir if scripts_dir is not None else sysconfig.get_path("scripts")
        search = os.pathsep.join(p for p in (here, env.get("PATH", os.defpath)) if p)
        script = which(APP_ID, path=search)
        if script:
            command = [str(Path(script).absolute())]
        else:
            command = [_windowless(python), "-m", "companion"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def _windowless(python: str) -> str:
    """``pythonw.exe`` beside ``python.exe`` where there is one: no console at login."""
    path = Path(python)
    if path.name.lower() == "python.exe":
        quiet = path.with_name("pythonw.exe")
        if quiet.is_file():
            return str(quiet)
    return python


# -- quoting ------------------------------------------------------------------------------

# Characters that make a desktop-entry Exec argument need quotes (Desktop Entry spec 1.5).
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec(argv: Sequence[str]) -> str:
    """``argv`` as an Exec value, escaped as it must appear in the ``.desktop`` file.

    Two layers, as the spec orders them: an argument with a reserved character is put
    in double quotes with ``"``, `````, ``$`` and ``\\`` backslash-escaped inside; ``%``
    is doubled (field codes); then the string escapes of every value (``\\\\``, ``\\n``,
    ``\\t``, ``\\r``) apply to the whole line.
    """
    parts = []
    for arg in argv:
        quoted = arg.replace("%", "%%")
        if not arg or any(ch in _EXEC_RESERVED for ch in arg):
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in quoted)
            quoted = f'"{inner}"'
        parts.append(quoted)
    return _desktop_string(" ".join(parts))


def _desktop_string(value: str) -> str:
    """The string escapes every desktop-entry value uses."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def windows_command_line(argv: Sequence[str]) -> str:
    """``argv`` as one Windows command line: the program always in double quotes.

    Windows reads the program name up to the closing quote with no escapes (a path
    cannot contain ``"``); the arguments follow the C runtime's rules.
    """
    program, *rest = argv
    line = f'"{program}"'
    if rest:
        line += " " + subprocess.list2cmdline(rest)
    return line


# -- the Windows registry ------------------------------------------------------------------


class Registry(Protocol):
    """Values below ``HKEY_CURRENT_USER``. Errors are ``OSError`` (as ``winreg`` raises)."""

    def get(self, key: str, name: str) -> Any:
        """The value's data, or None when the key or the value does not exist."""

    def set_string(self, key: str, name: str, value: str) -> None:
        """Create or replace a ``REG_SZ`` value, creating the key if needed."""

    def delete(self, key: str, name: str) -> None:
        """Remove a value; nothing happens if it (or its key) does not exist."""


class WinRegistry:
    """The real registry through ``winreg``, imported when first used.

    ``module`` replaces ``winreg`` (tests pass a fake with the same functions).
    """

    def __init__(self, module: Any = None) -> None:
        self._module = module

    @property
    def _winreg(self) -> Any:
        if self._module is None:
            self._module = importlib.import_module("winreg")
        return self._module

    def get(self, key: str, name: str) -> Any:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key, 0, reg.KEY_READ) as handle:
                value, _kind = reg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value

    def set_string(self, key: str, name: str, value: str) -> None:
        reg = self._winreg
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, key, 0, reg.KEY_SET_VALUE) as handle:
            reg.SetValueEx(handle, name, 0, reg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key, 0, reg.KEY_SET_VALUE) as handle:
                reg.DeleteValue(handle, name)
        except FileNotFoundError:
            return


# -- the entry --------------------------------------------------------------------------------


class Autostart:
    """Start the app at login, in the tray, on this platform.

    Everything is injectable: ``platform`` (``sys.platform`` values), ``home``,
    ``environ`` (for ``XDG_CONFIG_HOME``), ``registry`` (Windows) and ``command``
    (the argument list to launch, without ``--minimized``; default ``launch_command()``).
    """

    def __init__(
        self,
        command: Sequence[str] | None = None,
        *,
        platform: str | None = None,
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.platform = platform or sys.platform
        self.command = list(command) if command is not None else launch_command()
        if not self.command:
            raise ValueError("the launch command is empty")
        self._home = home
        self._environ = os.environ if environ is None else environ
        self._registry = registry

    # -- where ------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``"windows"``, ``"macos"`` or ``"xdg"`` (Linux and the BSDs)."""
        if self.platform.startswith(("win", "cygwin", "msys")):
            return "windows"
        if self.platform == "darwin":
            return "macos"
        return "xdg"

    @property
    def home(self) -> Path:
        return self._home if self._home is not None else Path.home()

    @property
    def location(self) -> str:
        """The file, or the registry key and value, that holds the entry."""
        if self.kind == "windows":
            return f"{HKCU}\\{RUN_KEY}\\{RUN_VALUE}"
        return str(self._path)

    @property
    def _path(self) -> Path:
        if self.kind == "macos":
            return self.home / "Library" / "LaunchAgents" / f"{MACOS_LABEL}.plist"
        config = self._environ.get("XDG_CONFIG_HOME", "")
        # The spec says to ignore a relative XDG_CONFIG_HOME.
        base = Path(config) if config and Path(config).is_absolute() else self.home / ".config"
        return base / "autostart" / DESKTOP_FILE

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = WinRegistry()
        return self._registry

    def describe(self) -> str:
        """Where the entry lives, in plain words (for the Settings screen)."""
        if self.kind == "windows":
            text = (
                f"The “{RUN_VALUE}” value in the registry key {HKCU}\\{RUN_KEY}, "
                "listed under Startup apps in Task Manager and Settings."
            )
        elif self.kind == "macos":
            text = (
                f"A launch agent, {self._path}, listed under Login Items in System Settings. "
                "It takes effect at your next login."
            )
        else:
            text = (
                f"A login entry, {self._path}, which your desktop's list of startup "
                "applications shows. It takes effect at your next login."
            )
        if self._foreign():
            text += " A file there was not made by Recovery Companion; it is left alone."
        return text

    # -- state ------------------------------------------------------------------------------
    def is_enabled(self) -> bool:
        """True when our entry is there and not switched off. Never raises."""
        try:
            if self.kind == "windows":
                return self._windows_enabled()
            entry = self._read_ours()
        except (OSError, AutostartError):
            return False
        if entry is None:
            return False
        if self.kind == "macos":
            return entry.get("Disabled") is not True
        return not (
            entry.get("Hidden", "false").strip().lower() == "true"
            or entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() == "false"
        )

    def enable(self) -> None:
        """Write the entry (again: an old command is replaced). Raises AutostartError."""
        if self.kind == "windows":
            self._windows_enable()
            return
        path = self._path
        try:
            entry = self._read()
            foreign = entry is not None and not self._is_ours(entry)
        except AutostartError:
            foreign = True
        except OSError as exc:
            raise AutostartError(
                f"Cannot read the login entry {path}: {exc.strerror or exc}."
            ) from exc
        if foreign:
            raise AutostartError(
                f"{path} already exists and was not made by {APP_NAME}, so it was "
                "left as it is. Remove or rename it, then switch this on again."
            )
        data = self._plist() if self.kind == "macos" else self._desktop_entry().encode()
        self._write(path, data)

    def disable(self) -> None:
        """Remove our entry; nothing happens if there is none, or if the file is not ours."""
        if self.kind == "windows":
            self._windows_disable()
            return
        path = self._path
        try:
            if self._read_ours() is None:
                return
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AutostartError(
                f"Cannot remove the login entry {path}: {exc.strerror or exc}."
            ) from exc

    # -- files (XDG and macOS) ----------------------------------------------------------------
    def _desktop_entry(self) -> str:
        argv = [*self.command, MINIMIZED]
        lines = [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",  # the newest that Debian 12's desktop-file-validate knows
            f"Name={APP_NAME}",
            "Comment=Starts in the system tray at login so your reminders keep coming",
            f"Exec={desktop_exec(argv)}",
            f"TryExec={_desktop_string(self.command[0])}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "NoDisplay=false",
            "Hidden=false",
            "X-GNOME-Autostart-enabled=true",
            # KDE starts us after its panel, so the tray is there when we look for it.
            "X-KDE-autostart-after=panel",
            f"{DESKTOP_MARKER}=true",
        ]
        return "\n".join(lines) + "\n"

    def _plist(self) -> bytes:
        agent = {
            "Label": MACOS_LABEL,
            "ProgramArguments": [*self.command, MINIMIZED],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",  # only in a logged-in desktop session
        }
        return plistlib.dumps(agent, fmt=plistlib.FMT_XML)

    def _read(self) -> dict[str, Any] | None:
        """The entry at our path as a mapping; None if there is no file.

        Raises AutostartError for a file that is not a valid entry, OSError if unreadable.
        """
        path = self._path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            return None
        if self.kind == "macos":
            try:
                value = plistlib.loads(raw)
            except (plistlib.InvalidFileException, ValueError) as exc:
                raise AutostartError(f"{path} is not a property list.") from exc
            if not isinstance(value, dict):
                raise AutostartError(f"{path} is not a launch agent.")
            return value
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
        try:
            parser.read_string(raw.decode("utf-8"), source=str(path))
        except (UnicodeDecodeError, configparser.Error) as exc:
            raise AutostartError(f"{path} is not a desktop entry.") from exc
        if not parser.has_section("Desktop Entry"):
            raise AutostartError(f"{path} is not a desktop entry.")
        return dict(parser.items("Desktop Entry"))

    def _is_ours(self, entry: Mapping[str, Any]) -> bool:
        if self.kind == "macos":
            return entry.get("Label") == MACOS_LABEL
        return str(entry.get(DESKTOP_MARKER, "")).strip().lower() == "true"

    def _read_ours(self) -> dict[str, Any] | None:
        """Our entry, or None if there is none or the file there is someone else's."""
        try:
            entry = self._read()
        except AutostartError:
            return None
        if entry is None or not self._is_ours(entry):
            return None
        return entry

    def _foreign(self) -> bool:
        """A file in our place that is not ours (one that cannot be read is not judged)."""
        try:
            entry = self._read()
        except AutostartError:
            return True
        except OSError:
            return False
        return entry is not None and not self._is_ours(entry)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        except OSError as exc:
            raise AutostartError(
                f"Cannot write the login entry {path}: {exc.strerror or exc}."
            ) from exc
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            temp.chmod(0o644)
            temp.replace(path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise AutostartError(
                f"Cannot write the login entry {path}: {exc.strerror or exc}."
            ) from exc

    # -- Windows -------------------------------------------------------------------------------
    def _windows_enabled(self) -> bool:
        if not self.registry.get(RUN_KEY, RUN_VALUE):
            return False
        approved = self.registry.get(APPROVED_KEY, RUN_VALUE)
        # Task Manager writes 02 (on) or 03 (off) followed by a timestamp: odd means off.
        switched_off = (
            isinstance(approved, bytes | bytearray) and bool(approved[:1]) and approved[0] & 1
        )
        return not switched_off

    def _windows_enable(self) -> None:
        value = windows_command_line([*self.command, MINIMIZED])
        try:
            self.registry.set_string(RUN_KEY, RUN_VALUE, value)
            # Switching it on here also clears an "off" from Task Manager's Startup apps.
            self.registry.delete(APPROVED_KEY, RUN_VALUE)
        except OSError as exc:
            raise AutostartError(
                f"Cannot write the value “{RUN_VALUE}” in the registry key "
                f"{HKCU}\\{RUN_KEY}: {exc.strerror or exc}."
            ) from exc

    def _windows_disable(self) -> None:
        try:
            self.registry.delete(RUN_KEY, RUN_VALUE)
            self.registry.delete(APPROVED_KEY, RUN_VALUE)
        except OSError as exc:
            raise AutostartError(
                f"Cannot remove the value “{RUN_VALUE}” from the registry key "
                f"{HKCU}\\{RUN_KEY}: {exc.strerror or exc}."
            ) from exc
