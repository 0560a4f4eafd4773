from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
)

from companion.app import GEOMETRY_KEY, NO_TRAY_NOTICE_KEY, TRAY_HINT_SHOWN_KEY
from companion.domain.pause import PauseChoice
from companion.ui.theme import Scheme
from tests.ui.conftest import reopen

SECTION_KEYS = ["today", "routines", "reminders", "history", "guide", "settings"]


def nav_click(qtbot, window, row: int) -> None:
    rect: QRect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_shows_six_sections_and_clicking_switches_page(make_app, qtbot):
    window = make_app().window
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Today", "Routines", "Reminders", "History", "Guide", "Settings"]
    assert window.current_section() == "today"
    nav_click(qtbot, window, 0)  # already current: nothing changes
    assert window.current_section() == "today"
    for row, key in enumerate(SECTION_KEYS[1:], start=1):
        with qtbot.waitSignal(window.section_changed, check_params_cb=lambda k, key=key: k == key):
            nav_click(qtbot, window, row)
        assert window.stack.currentWidget() is window.page(key)
        assert window.stack.currentWidget().findChild(QLabel, "PageTitle").text() == titles[row]


def test_keyboard_moves_between_sections(make_app, qtbot):
    window = make_app().window
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_section() == "routines"
    qtbot.keyClick(window.nav, Qt.Key.Key_End)
    assert window.current_section() == "settings"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "reminders"


def test_sections_are_built_when_first_shown(make_app):
    window = make_app().window
    assert set(window._pages) == {"today"}
    window.show_section("history")
    assert set(window._pages) == {"today", "history"}
    assert window.stack.count() == 6
    assert window.stack.indexOf(window.page("history")) == 3


def _connected(obj, signature: str) -> bool:
    meta = obj.metaObject()
    return bool(obj.isSignalConnected(meta.method(meta.indexOfSignal(signature))))


def test_no_dead_buttons(make_app):
    window = make_app().window
    for key in window.sections:
        window.page(key)
    buttons = window.findChildren(QAbstractButton)
    assert buttons, "the window has buttons to check"
    for button in buttons:
        if isinstance(button, QToolButton) and button.menu() is not None:
            continue
        group = button.group()
        if group is not None:
            assert _connected(group, "idClicked(int)"), f"button group of {button.text()!r}"
            continue
        if button.isCheckable():
            continue  # a checkbox holds state that a save reads
        assert _connected(button, "clicked(bool)"), f"button {button.text()!r} does nothing"


def test_screen_reader_names(make_app):
    window = make_app().window
    assert window.nav.accessibleName() == "Sections"
    assert window.status_label.accessibleName() == "Reminder status"
    assert window.pause_button.accessibleName() == "Pause or resume reminders"
    for key in window.sections:
        assert window.page(key).accessibleName() == window.nav.item(SECTION_KEYS.index(key)).text()


def test_pause_from_the_window_is_saved_shown_everywhere_and_resumable(make_app, clock):
    companion = make_app()
    window, tray = companion.window, companion.tray
    assert window.status_label.text() == "Reminders on"
    assert not companion.actions.resume.isEnabled()
    assert not companion.pause.timer_active  # nothing ticks while reminders run normally

    companion.actions.pause_actions[PauseChoice.MINUTES_30].trigger()

    assert window.status_label.text() == "Paused until 09:30"
    assert window.page("reminders").status_label.text() == "Paused until 09:30"
    assert "Paused until 09:30" in tray.toolTip()
    assert tray.pause_menu.title() == "Reminders: Paused until 09:30"
    assert companion.actions.resume.isEnabled()
    assert companion.settings.pause_state().paused_until == clock.now() + timedelta(minutes=30)
    assert companion.pause.timer_active

    companion.actions.resume.trigger()
    assert window.status_label.text() == "Reminders on"
    assert companion.settings.pause_state().paused_until is None
    assert not companion.pause.timer_active


def test_pause_runs_out_and_survives_a_restart(make_app, qtbot, clock):
    companion = make_app()
    companion.actions.pause_actions[PauseChoice.UNTIL_MORNING].trigger()
    companion = reopen(make_app, companion)
    assert companion.window.status_label.text() == "Paused until Tue 07:00"
    assert companion.pause.is_paused()
    clock.advance(hours=21, minutes=59)
    companion.pause.refresh()
    assert companion.pause.is_paused()
    clock.advance(minutes=2)
    with qtbot.waitSignal(companion.pause.changed):
        companion.pause.refresh()
    assert companion.window.status_label.text() == "Reminders on"
    assert companion.settings.pause_state().paused_until is None


def test_closing_with_a_tray_hides_to_the_tray_and_says_so_once(make_app, qtbot):
    companion = make_app(has_tray=True)
    window = companion.window
    with qtbot.assertNotEmitted(companion.quit_requested):
        window.close()
    assert not window.isVisible()
    assert companion.settings.get(TRAY_HINT_SHOWN_KEY) is True
    companion.actions.open_window.trigger()
    qtbot.waitExposed(window)
    assert window.isVisible()


def test_closing_without_a_tray_quits(make_app, qtbot):
    companion = make_app(has_tray=False)
    with qtbot.waitSignal(companion.quit_requested):
        companion.window.close()


def test_quit_from_the_tray_menu(make_app, qtbot):
    companion = make_app(has_tray=True)
    assert companion.actions.quit in companion.tray.menu.actions()
    with qtbot.waitSignal(companion.quit_requested):
        companion.actions.quit.trigger()
    assert companion.window.allow_close


def test_tray_menu_has_open_water_pause_and_quit(make_app):
    tray = make_app(has_tray=True).tray
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Open Recovery Companion",
        "Log &water",
        "Just &finished...",
        "&Import runs…",
        "&Pause reminders",
        "&Quit",
    ]
    assert [a.text() for a in tray.water_menu.actions()] == ["150 mL", "250 mL", "500 mL"]
    pause_texts = [a.text() for a in tray.pause_menu.actions() if not a.isSeparator()]
    assert pause_texts == [
        "For 30 minutes",
        "For 1 hour",
        "Until tomorrow morning",
        "&Resume reminders now",
    ]
    assert not tray.icon().isNull()


def test_no_tray_notice_appears_until_acknowledged(make_app, qtbot):
    companion = make_app(has_tray=False)
    banners = companion.window.findChildren(QLabel)
    notice = [b for b in banners if "No system tray" in b.text()]
    assert len(notice) == 1
    button = next(b for b in companion.window.findChildren(QPushButton) if b.text() == "Got it")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert companion.settings.get(NO_TRAY_NOTICE_KEY) is True
    companion = reopen(make_app, companion, has_tray=False)
    assert not [b for b in companion.window.findChildren(QLabel) if "No system tray" in b.text()]


def test_window_size_and_position_are_remembered(make_app, qtbot):
    companion = make_app()
    # The offscreen screen is 800 x 600 and restoring clamps to the screen: stay inside it.
    companion.window.resize(744, 512)
    companion.window.move(QPoint(30, 20))
    placed = companion.window.pos()
    companion.window.close()  # hides to the tray, saving geometry
    assert companion.settings.get(GEOMETRY_KEY)
    companion = reopen(make_app, companion)
    assert (companion.window.width(), companion.window.height()) == (744, 512)
    # Platforms may shift a restored window by its frame margins (offscreen: 3 px).
    moved = companion.window.pos() - placed
    assert abs(moved.x()) <= 8 and abs(moved.y()) <= 8


def test_ipc_messages(make_app, qtbot):
    from companion.services.commands import PROTOCOL

    companion = make_app()
    companion.window.hide()
    assert companion.handle_message({"command": "ping"})["ok"] is True
    assert companion.handle_message({"command": "show"}) == {"ok": True}
    assert companion.window.isVisible()
    assert companion.handle_message({"command": "dance"}) == {
        "ok": False,
        "error": "unknown command 'dance'",
        "protocol": PROTOCOL,
    }
    with qtbot.waitSignal(companion.quit_requested):
        assert companion.handle_message({"command": "quit"}) == {"ok": True}


@pytest.mark.parametrize("scheme", list(Scheme))
def test_screens_render_in_both_schemes(make_app, qtbot, tmp_path, scheme):
    companion = make_app(scheme=scheme)
    window = companion.window
    window.resize(1000, 660)
    window_colour = window.palette().color(QPalette.ColorRole.Window)
    assert (window_colour.lightness() > 128) == (scheme is Scheme.LIGHT)
    for key in SECTION_KEYS:
        window.show_section(key)
        image = window.grab().toImage()
        image.save(str(tmp_path / f"{key}-{scheme}.png"))
        # The selected nav item is drawn in the accent colour, with white text on it.
        rect = window.nav.visualItemRect(window.nav.currentItem())
        spot = window.nav.viewport().mapTo(window, rect.topLeft() + QPoint(rect.width() - 12, 8))
        accent = QColor(image.pixel(spot))
        assert accent.name() == window.palette().color(QPalette.ColorRole.Highlight).name()
        # Page text is readable: title colour contrasts strongly with the background.
        title = window.stack.currentWidget().findChild(QLabel, "PageTitle")
        text = title.palette().color(QPalette.ColorRole.WindowText)
        assert abs(text.lightness() - window_colour.lightness()) > 150


def test_first_start_fits_the_screen_and_is_centred(make_app):
    window = make_app().window
    area = window.screen().availableGeometry()
    assert window.width() <= area.width()
    assert window.height() <= area.height()
    assert window.width() >= window.minimumWidth()
    centre = window.frameGeometry().center()
    assert abs(centre.x() - area.center().x()) <= 2
    assert abs(centre.y() - area.center().y()) <= 2


def test_smallest_window_keeps_every_section_readable(make_app, tmp_path):
    companion = make_app()
    window = companion.window
    window.resize(window.minimumSize())
    for key in window.sections:
        window.show_section(key)
        page = window.page(key)
        QApplication.processEvents()
        window.grab().save(str(tmp_path / f"small-{key}.png"))
        # Nothing is cut off sideways: text wraps and the page scrolls vertically only.
        scroll = page if isinstance(page, QScrollArea) else page.findChild(QScrollArea)
        assert scroll.horizontalScrollBar().maximum() == 0, key
        inner = scroll.widget()
        assert inner is not None
        assert inner.width() <= scroll.viewport().width(), key


def test_routines_section_lists_the_built_in_routines(make_app):
    window = make_app().window
    window.show_section("routines")
    page = window.page("routines")
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "Post-run cool-down" in texts
    assert "Plantar and Achilles care" in texts
    assert any(t.startswith("About 18 min · ") for t in texts)  # each card's length and regions
    assert any(t.startswith("You need:") for t in texts)
    names = [b.accessibleName() for b in page.findChildren(QPushButton)]
    assert "Start Post-run cool-down" in names
    assert "Duplicate Post-run cool-down" in names
    assert len([n for n in names if n.startswith("Start ")]) == 8
    assert not [n for n in names if n.startswith(("Edit ", "Delete "))]  # built-ins are read-only


# Showing a tray icon on the offscreen platform (which has no tray) makes Qt say so.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_a_login_start_waits_for_the_tray_then_settles_in_it(make_app, qtbot):
    companion = make_app(has_tray=False, show=False)
    answers = iter([False, False, True])
    companion.tray_probe = lambda: next(answers)
    companion._tray_wait.setInterval(1)
    companion.start(minimized=True)
    assert companion.tray is None and not companion.window.isVisible()
    qtbot.waitUntil(lambda: companion.tray is not None)
    tray = companion.tray
    assert tray is not None and tray.isVisible()
    assert not companion.window.isVisible()  # it stays in the tray, as asked
    assert "closing this window quits" not in " ".join(
        label.text() for label in companion.window.findChildren(QLabel) if label.isVisible()
    )


def test_a_login_start_with_no_tray_opens_the_window_after_waiting(make_app, qtbot):
    companion = make_app(has_tray=False, show=False)
    companion.tray_probe = lambda: False
    companion._tray_wait.setInterval(1)
    companion.start(minimized=True, tray_wait_s=0.05)
    qtbot.waitUntil(companion.window.isVisible)
    assert companion.tray is None
    assert not companion._tray_wait.isActive()  # nothing keeps looking
