"""Render every section of the real main window to PNGs, in light and dark.

    python docs/make_screenshots.py [OUTPUT_DIR]

Runs offscreen with a throw-away data folder; the README's screenshot comes from here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp, _make_qapp
from companion.domain.clock import SystemClock
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.ui.theme import Scheme


def render(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = _make_qapp()
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare_data_dir(Path(tmp) / "data")
        clock = SystemClock()
        db = open_database(paths.database, clock.now()).database
        companion = CompanionApp(app, paths, db, clock, has_tray=True)
        window = companion.window
        window.resize(1000, 660)
        window.show()
        for scheme in Scheme:
            companion.theme.apply(scheme)
            for key in window.sections:
                window.show_section(key)
                QApplication.processEvents()
                path = out_dir / f"{key}-{scheme.value}.png"
                window.grab().save(str(path))
                written.append(path)
        window.allow_close = True
        window.close()
        db.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "screenshots"
    for p in render(target):
        print(p)
