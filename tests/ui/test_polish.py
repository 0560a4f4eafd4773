"""Every section at the smallest and a large window, light and dark, and by keyboard alone.

The pictures are kept in ``build/screenshots/`` (not committed) so a person can look
at what the tests saw: ``<section>-<size>-<scheme>.png``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QWidget,
)

from companion.ui.theme import Scheme

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
SIZES = {"small": None, "large": (1280, 900)}


def visible_in(widget: QWidget, page: QWidget) -> bool:
    return widget.isVisibleTo(page) and widget.width() > 0


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
@pytest.mark.parametrize("size", list(SIZES))
def test_every_section_fits_without_clipping(make_app, scheme, size):
    companion = make_app(scheme=scheme)
    window = companion.window
    wanted = SIZES[size]
    window.resize(window.minimumSize() if wanted is None else window.size().__class__(*wanted))
    SHOTS.mkdir(parents=True, exist_ok=True)
    for key in window.sections:
        window.show_section(key)
        page = window.page(key)
        QApplication.processEvents()
        window.grab().save(str(SHOTS / f"{key}-{size}-{scheme.value}.png"))
        scroll = page if isinstance(page, QScrollArea) else page.findChild(QScrollArea)
        assert scroll.horizontalScrollBar().maximum() == 0, key
        for button in page.findChildren(QAbstractButton):
            if visible_in(button, page) and button.text():
                needed = button.minimumSizeHint().width()
                assert button.width() >= needed, (key, button.text(), button.width(), needed)
        for label in page.findChildren(QLabel):
            if visible_in(label, page) and label.text() and not label.wordWrap():
                needed = label.fontMetrics().horizontalAdvance(label.text().split("\n")[0])
                if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
                    continue  # rich text measures differently; it wraps in its own way
                assert label.width() >= needed, (key, label.text(), label.width(), needed)


def is_control(widget: QWidget) -> bool:
    return isinstance(
        widget, QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit | QSlider
    ) and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox)


def test_tab_reaches_every_control_on_every_section(make_app, qtbot):
    companion = make_app()
    window = companion.window
    window.resize(1280, 900)
    for key in window.sections:
        window.show_section(key)
        page = window.page(key)
        QApplication.processEvents()
        controls = {
            w
            for w in page.findChildren(QWidget)
            if is_control(w)
            and w.isVisibleTo(page)
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        }
        window.nav.setFocus()
        reached: set[QWidget] = set()
        for _ in range(len(controls) * 3 + 40):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            if focus is not None:
                reached.add(focus)
                if isinstance(focus, QAbstractScrollArea) and focus.parent() is page:
                    continue
        missing = sorted(
            f"{type(w).__name__} {getattr(w, 'text', lambda: '')() or w.accessibleName()}"
            for w in controls - reached
        )
        assert controls, key
        assert not missing, (key, missing)
