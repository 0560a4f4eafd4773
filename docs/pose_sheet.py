"""Render every pose drawing on one contact sheet, to look at them together.

QT_QPA_PLATFORM=offscreen python docs/pose_sheet.py /tmp/poses.png [--dark] [--right] [--keys]
    [--only=id,id,...]

--right draws them mirrored, as the player does for a right-side step; --keys
shows only the poses with key positions, each key position and the midway
blends between them (companion.domain.poses.blend), as the animation passes them.
--only=... draws just the named exercises' poses.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

from companion.domain.poses import Pose, PoseCatalog, blend
from companion.i18n import install_translators
from companion.resources import load_exercises, load_poses
from companion.ui.routines.pose_view import pose_pixmap
from companion.ui.theme import Scheme, build_palette, stylesheet

COLS = 5
CELL = QSize(300, 210)


def _frames(pose: Pose) -> list[tuple[str, Pose]]:
    """Each key position, with the blend halfway to the next."""
    keys = pose.keys
    shown: list[tuple[str, Pose]] = []
    for i, key in enumerate(keys):
        shown.append((f"key {i + 1}", key))
        if i + 1 < len(keys):
            shown.append(("halfway", blend(key, keys[i + 1], 0.5)))
    return shown


def main() -> None:
    app = QApplication(sys.argv)
    install_translators(app)  # English plurals ("1 day", "2 days")
    scheme = Scheme.DARK if "--dark" in sys.argv else Scheme.LIGHT
    side = "right" if "--right" in sys.argv else "left"
    app.setStyle("Fusion")
    app.setPalette(build_palette(scheme))
    app.setStyleSheet(stylesheet(scheme))
    library = load_exercises()
    poses = load_poses(library=library)
    names = {e.id: e.name for e in library}
    only = {
        name
        for arg in sys.argv
        if arg.startswith("--only=")
        for name in arg.removeprefix("--only=").split(",")
    }
    cells: list[tuple[Pose, str]] = []
    for pose in poses:
        if only and pose.exercise not in only:
            continue
        if "--keys" not in sys.argv:
            cells.append((pose, f"{pose.exercise}\n{names[pose.exercise]}"))
        elif pose.animated:
            cells += [(shown, f"{pose.exercise}\n{label}") for label, shown in _frames(pose)]
    sheet = QWidget()
    grid = QGridLayout(sheet)
    groups = {e.id: e.regions for e in library}
    for i, (pose, text) in enumerate(cells):
        one = PoseCatalog({pose.exercise: pose})
        picture = QLabel()
        pixmap = pose_pixmap(
            one, pose.exercise, CELL, app.palette(), side=side, groups=groups[pose.exercise]
        )
        picture.setPixmap(pixmap if pixmap is not None else QPixmap())
        grid.addWidget(picture, (i // COLS) * 2, i % COLS)
        grid.addWidget(QLabel(text), (i // COLS) * 2 + 1, i % COLS)
    sheet.adjustSize()
    sheet.grab().save(sys.argv[1])


if __name__ == "__main__":
    main()
