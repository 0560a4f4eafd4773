"""The tray icon on a real X11 tray host (trayer, XEmbed)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from companion.ui.tray import tray_available
from tests.desktop.session import Desktop
from tests.desktop.shots import assert_not_blank, screen_shot

pytestmark = pytest.mark.desktop


def embedded_icons(desktop: Desktop) -> list[QRect]:
    """Where windows of this process sit inside trayer's panel (the embedded icons)."""
    (panel,) = desktop.visible_windows("--classname", "panel")  # trayer's
    return [
        QRect(*desktop.geometry(window))
        for window in desktop.descendants(panel)
        if desktop.pid(window) == os.getpid()
    ]


def test_a_login_start_settles_in_the_tray_and_the_host_embeds_the_icon(desktop, make_app, qtbot):
    qtbot.waitUntil(QSystemTrayIcon.isSystemTrayAvailable, timeout=10_000)
    # As run_gui does: the tray is asked for, then a login start stays out of sight.
    companion = make_app(has_tray=tray_available(), show=False)
    companion.start(minimized=True)
    tray = companion.tray
    assert tray is not None and tray.isVisible()
    assert not companion.window.isVisible()

    # The host reparents the icon's window into its panel (XEmbed), and Qt learns where.
    qtbot.waitUntil(lambda: embedded_icons(desktop) == [tray.geometry()], timeout=10_000)
    screen = QApplication.primaryScreen().geometry()
    assert tray.geometry().bottom() > screen.height() - 40  # trayer's panel: bottom right
    assert tray.geometry().right() > screen.width() - 80
    assert_not_blank(screen_shot("tray-icon", tray.geometry()), "the tray icon")
    assert_not_blank(screen_shot("desktop-with-tray"), "the desktop")
