"""Render the app icon for desktops and installers from ``resources/icons/recovery-companion.svg``.

    python packaging/make_icons.py [--out DIR]

Writes, below ``packaging/icons/`` (or ``DIR``):

- ``hicolor/<N>x<N>/apps/recovery-companion.png`` for the usual theme sizes
  and ``hicolor/scalable/apps/recovery-companion.svg`` (a copy of the source);
- ``recovery-companion.ico`` (Windows: PNG images of 16 to 256 px in one file);
- ``recovery-companion.icns`` (macOS: PNG images of 16 to 1024 px in one file).

The results are committed; run this again after the SVG changes. Qt renders the
SVG offscreen (no screen needed); the .ico and .icns containers are written with
``struct``, so every platform's icon is made on any platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from companion import APP_ID  # noqa: E402 - after the path is set up
from companion.pyside_guard import protect_singletons  # noqa: E402

protect_singletons()  # PySide6 6.12 on Python 3.11 wears out None; see that module

SOURCE = REPO / "resources" / "icons" / f"{APP_ID}.svg"
OUT = HERE / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 pt at 2x
    (b"ic11", 32),  # 16 pt at 2x
    (b"ic12", 64),  # 32 pt at 2x
    (b"ic13", 256),  # 128 pt at 2x
    (b"ic14", 512),  # 256 pt at 2x
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes, ``size`` pixels square, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    png = image.convertToFormat(QImage.Format.Format_ARGB32)
    # PySide6 6.12 accepts only str here; its stubs ask for bytes.
    if not png.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (read by Windows Vista and later)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = images[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the app icon in every size.")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    out = parser.parse_args(argv).out
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not an SVG Qt can read", file=sys.stderr)
        return 1
    needed = set(SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    images = {size: render(renderer, size) for size in sorted(needed)}
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images[size])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    (out / f"{APP_ID}.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (out / f"{APP_ID}.icns").write_bytes(icns(images))
    print(f"make_icons: wrote {len(SIZES)} PNG sizes, the SVG, .ico and .icns below {out}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
