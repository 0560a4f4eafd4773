"""Every screen on the real X display, read back from the server.

The pictures go to ``build/screenshots/desktop/`` (not committed) for a person
to look at. Each is the window's own X window as the server holds it (what a
user sees), not Qt painting the widget again; each must be more than one
colour, and must match what Qt meant to draw (``QWidget.grab``) closely, which
says the X server shows the window Qt painted.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from companion.domain.preferences import ReminderStyle
from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.reminders import Fired
from tests.desktop.shots import (
    SAMPLE_STEP,
    assert_not_blank,
    painted,
    screen_shot,
    window_shot,
)

pytestmark = pytest.mark.desktop

WAIT_MS = 10_000
SAME_SHARE = 0.9  # of the sampled pixels: hover and focus may differ, not whole areas


def same_share(shown: QImage, meant: QImage) -> float:
    """The share of sampled pixels where the screen shows what Qt painted."""
    meant = meant.convertToFormat(shown.format())
    width, height = min(shown.width(), meant.width()), min(shown.height(), meant.height())
    points = [(x, y) for y in range(0, height, SAMPLE_STEP) for x in range(0, width, SAMPLE_STEP)]
    same = sum(shown.pixel(x, y) == meant.pixel(x, y) for x, y in points)
    return same / len(points)


def check(widget: QWidget, name: str) -> None:
    shown = window_shot(widget, name)
    assert_not_blank(shown, name)
    assert shown.size() == widget.size() * widget.devicePixelRatio(), name
    share = same_share(shown, widget.grab().toImage())
    assert share >= SAME_SHARE, f"{name}: only {share:.0%} of the screen matches the window"


def test_every_screen_on_the_x_display(desktop, make_app, clock, qtbot):
    clock.set(clock.now().replace(hour=8, minute=0))
    companion = make_app(has_tray=True)
    companion.tray.show()
    window = companion.window
    window.move(0, 0)
    window.resize(1100, 820)
    qtbot.waitExposed(window)
    for key in window.sections:
        window.show_section(key)
        check(window, f"section-{key}")

    assert companion.start_routine("calves_and_shins") is None
    player = companion.player
    assert player is not None
    player.ticker.stop()  # one moment of the routine, held still
    qtbot.waitExposed(player)
    check(player, "player")
    player.close()

    assert companion.start_timer("ice", {"intermittent": True}) is None
    timer = companion.therapy
    assert timer is not None
    timer.start()
    timer.ticker.stop()
    qtbot.waitExposed(timer)
    check(timer, "timer")
    timer.close()

    center = companion.reminders
    center.scheduler.start(paused=True)
    rule = center.save_rule(ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250))

    def fire() -> None:
        job = threading.Thread(target=center._bridge.fired.emit, args=(Fired(rule_id=rule.id),))
        with qtbot.waitSignal(center.prompt_shown, timeout=WAIT_MS):
            job.start()
            job.join()

    # The app's own window, as chosen in Settings (with a notification server the
    # reminder is a desktop notification instead, and only that).
    center.style = lambda: ReminderStyle.WINDOW
    clock.advance(minutes=30)
    fire()
    qtbot.waitExposed(center.popup)
    check(center.popup, "reminder-popup")
    assert desktop.displayed() == 0
    assert center.current is not None
    center.answer(center.current.key, "skip")

    # The whole desktop: the window, dunst's notification and the tray.
    center.style = lambda: ReminderStyle.DESKTOP
    clock.advance(minutes=90)
    fire()
    qtbot.waitUntil(lambda: desktop.displayed() == 1, timeout=WAIT_MS)
    painted(window)
    assert_not_blank(screen_shot("desktop"), "the desktop")
    desktop.run("dunstctl", "close-all")
