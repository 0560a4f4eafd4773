"""Which Qt plugins the bundle leaves out, and the libraries that go with them.

Used by ``recovery-companion.spec`` after PyInstaller's analysis. Kept apart from
the spec (which PyInstaller executes as a whole) so that ``tests/test_packaging.py``
can check the pruning on a made-up dependency graph. Entries are PyInstaller TOC
tuples: ``(dest_name, src_name, typecode)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

Entry = tuple[str, str, str]
Needs = Callable[[str], "set[str] | None"]

# Qt plugins (paths below PySide6/Qt/plugins/) left out, with the reason.
EXCLUDED_PLUGINS = (
    "platformthemes/libqgtk3",  # GTK 3 theme: drags in GTK, GDK, cairo, pango, atk
    "platforminputcontexts/libqtvirtualkeyboardplugin",  # needs QtQuick and QML
    "platforms/libqeglfs",  # embedded and kiosk platforms
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "egldeviceintegrations/",
    "generic/",  # evdev and TUIO input for embedded devices
    "networkinformation/",  # the app never uses the network
    "tls/",
    "imageformats/libqtiff",  # the app shows SVG and PNG only
    "imageformats/libqwebp",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
    "imageformats/libqpdf",
    "imageformats/libqicns",
    # FFmpeg media backend: for QMediaPlayer (video, compressed audio); it links QtQuick,
    # QML, OpenGL and FFmpeg (about 40 MB). The player's cues use only QMediaDevices and
    # QSoundEffect, which Qt Multimedia serves without a backend (it says so once on
    # stderr: "No QtMultimedia backends found. Only QMediaDevices, ... are available.").
    # build.py checks that the cues still sound, into a PulseAudio null sink.
    "multimedia/libffmpegmediaplugin",
)
PLUGIN_DIR = "PySide6/Qt/plugins/"


def excluded_plugin(dest: str) -> bool:
    """Whether ``dest`` is a plugin that ``EXCLUDED_PLUGINS`` names."""
    dest = dest.replace("\\", "/")
    if PLUGIN_DIR not in dest:
        return False
    below = dest.split(PLUGIN_DIR, 1)[1]
    return below.startswith(EXCLUDED_PLUGINS)


def pyinstaller_needs(src: str) -> set[str] | None:
    """Names of the shared libraries ``src`` loads; None if it cannot be read.

    On Linux this is the whole tree, as ldd sees it; elsewhere the direct imports.
    """
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]  # noqa: PLC0415

    try:
        return {Path(name).name for name, _path in get_imports(src)}
    except Exception:  # noqa: BLE001 - an unreadable file keeps everything it might need
        return None


def prune_binaries(
    binaries: Iterable[Entry], needs: Needs = pyinstaller_needs
) -> tuple[list[Entry], list[Entry]]:
    """Drop the excluded plugins and every library only they needed.

    Only a library that an excluded plugin loads can go, and only if nothing kept
    loads it, directly or through another kept library; anything collected for
    another reason stays. ``needs`` may list the whole tree or only direct imports:
    the loop follows the tree itself. Returns the entries kept and those dropped.
    """
    binaries = list(binaries)
    plugins = [entry for entry in binaries if excluded_plugin(entry[0])]
    kept = [entry for entry in binaries if not excluded_plugin(entry[0])]
    wanted_by_plugins: set[str] = set()
    for _dest, src, _kind in plugins:
        wanted_by_plugins |= needs(src) or set()
    candidates = {e[0]: e for e in kept if Path(e[0]).name in wanted_by_plugins}
    needed: set[str] = set()
    for dest, src, _kind in kept:
        if dest not in candidates:
            names = needs(src)
            if names is None:
                return kept, plugins  # cannot tell: keep every library
            needed |= names
    while True:
        reached = [d for d in candidates if Path(d).name in needed]
        if not reached:
            break
        for dest in reached:
            needed |= needs(candidates.pop(dest)[1]) or set()
    return [e for e in kept if e[0] not in candidates], plugins + list(candidates.values())


def _link_target(entry: Entry) -> str:
    """For a SYMLINK entry (dest, target relative to dest's folder): the dest it points to."""
    dest, target, _kind = entry
    return os.path.normpath(Path(dest).parent / target)


def drop_dead_links(
    datas: Iterable[Entry], dropped: Iterable[Entry]
) -> tuple[list[Entry], list[Entry]]:
    """PyInstaller's SYMLINK entries (in ``datas``) that point to a dropped library."""
    datas = list(datas)
    gone = {entry[0] for entry in dropped}
    dead = [e for e in datas if e[2] == "SYMLINK" and _link_target(e) in gone]
    return [e for e in datas if e not in dead], dead
