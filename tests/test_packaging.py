"""The files in packaging/: checked without building anything (build.py builds and smoke-tests)."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from companion import APP_ID, APP_NAME, __version__

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = PACKAGING / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# appstreamcli's only complaints, both about the id: it is APP_ID (as the desktop file,
# the icon and setDesktopFileName are) until the project has a domain for a reverse-DNS id.
KNOWN_APPSTREAM_ISSUES = {"cid-desktopapp-is-not-rdns", "cid-contains-hyphen"}


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser.items("Desktop Entry"))


def png_header(data: bytes) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


# -- the desktop entry -------------------------------------------------------------------------


def test_desktop_entry_launches_the_app_by_its_id():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == APP_ID
    assert entry["TryExec"] == APP_ID
    assert entry["Icon"] == APP_ID
    # Matches WM_CLASS's instance and app.setDesktopFileName(APP_ID) (checked with xprop).
    assert entry["StartupWMClass"] == APP_ID
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";") and "Utility" in categories.split(";")
    assert entry["Keywords"].endswith(";")
    assert "SingleMainWindow" not in entry  # Debian 12's validator rejects it


# -- AppStream metainfo ------------------------------------------------------------------------


def test_metainfo_agrees_with_the_desktop_entry_and_the_package():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, (
        "add a <release> for the new version at the top of <releases>"
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    # No screenshot or homepage addresses: nothing is hosted anywhere yet.
    assert root.find("screenshots") is None and root.find("url") is None
    description = " ".join("".join(root.find("description").itertext()).split())
    assert "not medical advice" in description
    assert "stays on your computer" in description


# -- icons -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_icon_size_is_a_square_rgba_png_of_that_size(size):
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    width, height, depth, colour = png_header(path.read_bytes())
    assert (width, height) == (size, size)
    assert (depth, colour) == (8, 6)  # 8-bit RGBA: the corners are transparent


def test_the_scalable_icon_is_the_apps_own_svg():
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (REPO / "resources" / "icons" / f"{APP_ID}.svg").read_bytes()


def test_windows_ico_holds_png_images_16_to_256():
    data = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        width, height, _depth, _colour = png_header(data[offset : offset + length])
        assert (width, height) == (w or 256, h or 256)
        sizes.append(width)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_holds_png_images_up_to_1024():
    data = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = struct.unpack(">4sI", data[at : at + 8])
        found[kind.decode()] = png_header(data[at + 8 : at + length])[0]
        at += length
    assert found["ic07"] == 128 and found["ic09"] == 512 and found["ic10"] == 1024
    assert found["icp4"] == 16 and found["ic11"] == 32


def channels(colour) -> tuple[int, int, int, int]:
    return colour.red(), colour.green(), colour.blue(), colour.alpha()


def test_committed_icons_match_the_svg(qapp, tmp_path):
    """After the SVG changes, run ``python packaging/make_icons.py`` and commit the result."""
    from PySide6.QtGui import QImage

    make_icons = load("make_icons")
    assert make_icons.main(["--out", str(tmp_path)]) == 0
    for size in (16, 48, 256):
        name = Path("hicolor") / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        fresh, committed = QImage(str(tmp_path / name)), QImage(str(ICONS / name))
        assert fresh.size() == committed.size()
        worst = max(
            abs(a - b)
            for x in range(0, size, max(1, size // 32))
            for y in range(0, size, max(1, size // 32))
            for a, b in zip(
                channels(fresh.pixelColor(x, y)), channels(committed.pixelColor(x, y)), strict=True
            )
        )
        assert worst <= 8, f"{name} differs from the SVG: run python packaging/make_icons.py"


# -- validators (when installed) -------------------------------------------------------------


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_has_nothing_to_say():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""


def appstream_issues(*args: str) -> set[str]:
    result = subprocess.run(
        ["appstreamcli", *args], capture_output=True, text=True, check=False, timeout=60
    )
    issues = set(re.findall(r"^\s*[EWIP]: [^:]+:\d*:? ?([a-z0-9-]+)", result.stdout, re.M))
    assert result.returncode in (0, 3), result.stdout + result.stderr
    assert result.returncode == 0 or issues, result.stdout
    return issues


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_appstreamcli_finds_only_the_known_id_issues():
    issues = appstream_issues("validate", "--no-net", "--pedantic", str(METAINFO))
    assert issues <= KNOWN_APPSTREAM_ISSUES, issues


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_the_installed_layout_validates_as_a_tree(tmp_path):
    """The paths packaging/README.md tells distributions to install to."""
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    issues = appstream_issues("validate-tree", "--no-net", str(tmp_path))
    assert issues <= KNOWN_APPSTREAM_ISSUES, issues


# -- what the spec leaves out -------------------------------------------------------------------

GTK = "PySide6/Qt/plugins/platformthemes/libqgtk3.so"
GUI_EXT = "PySide6/QtGui.abi3.so"
GUI = "PySide6/Qt/lib/libQt6Gui.so.6"


def entries(*dests: str) -> list[tuple[str, str, str]]:
    return [(dest, f"/src/{dest}", "BINARY") for dest in dests]


# Who loads whom, one step at a time (as get_imports reports on Windows and macOS).
DIRECT = {
    GTK: {"libgtk-3.so.0", "libglib-2.0.so.0", "libQt6Gui.so.6"},
    GUI_EXT: {"libQt6Gui.so.6"},
    GUI: {"libglib-2.0.so.0"},
    "libgtk-3.so.0": {"libcairo.so.2", "libglib-2.0.so.0"},
    "libcairo.so.2": set(),
    "libglib-2.0.so.0": set(),
}


def tree(dest: str) -> set[str]:
    """Everything ``dest`` loads, as ldd reports it on Linux."""
    found: set[str] = set()
    todo = list(DIRECT[dest])
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += DIRECT[next(d for d in DIRECT if Path(d).name == name)]
    return found


def needs_from(graph):
    return lambda src: graph(src.removeprefix("/src/"))


ALL = entries(GTK, GUI_EXT, GUI, "libgtk-3.so.0", "libcairo.so.2", "libglib-2.0.so.0")


def test_a_left_out_plugin_takes_the_libraries_only_it_needed():
    prune = load("bundle_prune")
    kept, dropped = prune.prune_binaries(ALL, needs_from(tree))
    assert sorted(d for d, _s, _k in dropped) == sorted([GTK, "libgtk-3.so.0", "libcairo.so.2"])
    assert sorted(d for d, _s, _k in kept) == sorted([GUI_EXT, GUI, "libglib-2.0.so.0"])


def test_with_direct_imports_only_the_pruning_stays_on_the_safe_side():
    prune = load("bundle_prune")
    kept, dropped = prune.prune_binaries(ALL, needs_from(lambda d: DIRECT[d]))
    # cairo is not seen as the plugin's (only GTK's), so it stays: nothing needed goes.
    assert sorted(d for d, _s, _k in dropped) == sorted([GTK, "libgtk-3.so.0"])
    assert "libcairo.so.2" in {d for d, _s, _k in kept}


def test_a_library_a_kept_one_needs_stays_through_a_chain():
    prune = load("bundle_prune")
    graph = {
        GTK: {"libA.so", "libB.so"},
        GUI_EXT: {"libB.so"},
        "libB.so": {"libA.so"},
        "libA.so": set(),
    }
    _kept, dropped = prune.prune_binaries(
        entries(GTK, GUI_EXT, "libA.so", "libB.so"), needs_from(lambda d: graph[d])
    )
    assert [d for d, _s, _k in dropped] == [GTK]
    # A file that cannot be read keeps every library (only the plugins go).
    _kept, dropped = prune.prune_binaries(
        ALL, needs_from(lambda d: None if d == GUI_EXT else tree(d))
    )
    assert [d for d, _s, _k in dropped] == [GTK]


def test_links_to_left_out_libraries_go_too():
    prune = load("bundle_prune")
    datas = [
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("resources/content/regions.toml", "/src/regions.toml", "DATA"),
    ]
    dropped = [("PySide6/Qt/lib/libQt6Quick.so.6", "/src/q", "BINARY")]
    kept, dead = prune.drop_dead_links(datas, dropped)
    assert dead == datas[:1]
    assert kept == datas[1:]


def test_only_the_named_plugins_are_left_out():
    prune = load("bundle_prune")
    plugins = "PySide6/Qt/plugins/"
    assert prune.excluded_plugin(plugins + "platformthemes/libqgtk3.so")
    assert prune.excluded_plugin(plugins + "multimedia/libffmpegmediaplugin.so")
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platformthemes/libqxdgdesktopportal.so",
        "iconengines/libqsvgicon.so",
        "imageformats/libqsvg.so",
        "texttospeech/libqtexttospeech_mock.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
    ):
        assert not prune.excluded_plugin(plugins + kept), kept
    assert not prune.excluded_plugin("PySide6/Qt/lib/libQt6Quick.so.6")


# -- the build script's own logic ------------------------------------------------------------


def test_build_script_allows_only_the_listed_stderr_lines():
    build = load("build")
    text = (
        "This plugin does not support raise()\n"
        "No QtMultimedia backends found. Only QMediaDevices, QAudioDevice, QSoundEffect, "
        "QAudioSink, and QAudioSource are available.\n"
        "\n"
        "qt.qpa.xcb: could not connect to display\n"
        "Traceback (most recent call last):\n"
    )
    assert build.unexpected_stderr(text) == [
        "qt.qpa.xcb: could not connect to display",
        "Traceback (most recent call last):",
    ]


def test_build_script_runs_offscreen_without_a_screen_and_isolates_the_run(tmp_path, monkeypatch):
    build = load("build")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    env = build.smoke_env(tmp_path, offscreen=False)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["XDG_RUNTIME_DIR"] == str(tmp_path)
    assert "COMPANION_DATA_DIR" not in env  # the conftest sets one; the smoke test uses its own
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    assert build.smoke_env(tmp_path, offscreen=False)["LC_ALL"] == "C.UTF-8"
    monkeypatch.setenv("LANG", "de_DE.utf8")
    assert "LC_ALL" not in build.smoke_env(tmp_path, offscreen=False)
    monkeypatch.setenv("DISPLAY", ":5")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert "QT_QPA_PLATFORM" not in build.smoke_env(tmp_path, offscreen=False)
    assert build.smoke_env(tmp_path, offscreen=True)["QT_QPA_PLATFORM"] == "offscreen"


def test_the_spec_is_python_and_names_the_files_it_needs():
    source = (PACKAGING / f"{APP_ID}.spec").read_text()
    compile(source, "recovery-companion.spec", "exec")
    assert '(str(REPO / "resources"), "resources")' in source  # where resources.py looks
    assert (PACKAGING / "launch.py").is_file()
    for name in (f"{APP_ID}.ico", f"{APP_ID}.icns"):
        assert name.split(".")[-1] in source and (ICONS / name).is_file()


@pytest.mark.slow
def test_the_launcher_is_the_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launch.py"), "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_ID} {__version__}"
