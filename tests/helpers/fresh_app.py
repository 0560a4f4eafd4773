"""The app started in a fresh Python process (offscreen), for what a start leaves loaded.

A test process has imported and wrapped far more than an app at start would, so
questions like "is this module loaded?" or "has Python wrapped the style?" are asked
of a process of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_START = """\
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from companion.app import CompanionApp
from companion.domain.clock import SystemClock
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
qapp = QApplication([sys.argv[0], '-style', 'fusion'])
qapp.setProperty('companionStyle', 'fusion')  # as make_qapp marks it
paths = prepare_data_dir(Path({folder!r}))
clock = SystemClock()
db = open_database(paths.database, clock.now()).database
app = CompanionApp(qapp, paths, db, clock, has_tray=False)
app.window.show(); qapp.processEvents()
"""


def in_fresh_app(data_dir: Path, then: str) -> str:
    """Start the app on ``data_dir`` with its window shown, run ``then`` (code that sees
    ``app``, ``qapp`` and ``sys``), shut the app down; the last line ``then`` printed."""
    code = _START.format(folder=str(data_dir)) + then + "\napp.shutdown()\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.strip().splitlines()[-1]
