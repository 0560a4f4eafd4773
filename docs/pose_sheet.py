"""Render every pose drawing on one contact sheet, to look at them together.

QT_QPA_PLATFORM=offscreen python docs/pose_sheet.py /tmp/poses.png [--dark]
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

from companion.i18n import install_translators
from companion.resources import load_exercises, load_poses
from companion.ui.routines.pose_view import PoseView
from companion.ui.theme import Scheme, build_palette, stylesheet

COLS = 5


def main() -> None:
    app = QApplication(sys.argv)
    install_translators(app)  # English plurals ("1 day", "2 days")
    scheme = Scheme.DARK if "--dark" in sys.argv else Scheme.LIGHT
    app.setStyle("Fusion")
    app.setPalette(build_palette(scheme))
    app.setStyleSheet(stylesheet(scheme))
    library = load_exercises()
    poses = load_poses(library=library)
    sheet = QWidget()
    grid = QGridLayout(sheet)
    names = {e.id: e.name for e in library}
    for i, pose in enumerate(poses):
        view = PoseView()
        view.set_pose(pose)
        view.setFixedSize(300, 210)
        label = QLabel(f"{pose.exercise}\n{names[pose.exercise]}")
        grid.addWidget(view, (i // COLS) * 2, i % COLS)
        grid.addWidget(label, (i // COLS) * 2 + 1, i % COLS)
    sheet.adjustSize()
    sheet.grab().save(sys.argv[1])


if __name__ == "__main__":
    main()
