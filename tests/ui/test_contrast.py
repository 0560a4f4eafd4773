"""WCAG 2.2 AA contrast, computed from the palettes and the style sheet's colours.

4.5:1 for text, 3:1 for focus rings and for the outlines that make a control (a check
box, a radio button), in light, dark and the two high-contrast variants. High contrast
asks 7:1 (AAA) of body text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

import companion.ui.theme as theme_module
from companion.ui.theme import (
    Scheme,
    Theme,
    body_map_colours,
    disabled_colour,
    palette_colours,
    parse_choice,
    sheet_colours,
    stylesheet,
)

R = QPalette.ColorRole
VARIANTS = [(s, hc) for hc in (False, True) for s in (Scheme.LIGHT, Scheme.DARK)]
TEXT, LARGE_OR_UI = 4.5, 3.0


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    assert q.isValid() and q.alpha() == 255, colour
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ratio_matches_wcag_reference_values() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA grey


def pairs(scheme: Scheme, high_contrast: bool) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, needed) for every pairing the app draws."""
    p = palette_colours(scheme, high_contrast)
    s = sheet_colours(scheme, high_contrast)
    text = 7.0 if high_contrast else TEXT
    surfaces = {"window": p[R.Window], "card": s["card"], "sidebar": s["sidebar"]}
    found = [
        ("text on window", p[R.WindowText], p[R.Window], text),
        ("text on base", p[R.Text], p[R.Base], text),
        ("text on alternate base", p[R.Text], p[R.AlternateBase], text),
        ("text on card", p[R.WindowText], s["card"], text),
        ("text on sidebar", p[R.WindowText], s["sidebar"], text),
        ("button text on button", p[R.ButtonText], s["button"], text),
        ("button text on hover", p[R.ButtonText], s["button_hover"], TEXT),
        ("button text on palette button", p[R.ButtonText], p[R.Button], text),
        ("highlighted text", p[R.HighlightedText], p[R.Highlight], TEXT),
        ("selected section", s["on_accent"], s["accent"], TEXT),
        ("main button text", s["primary_text"], s["primary"], TEXT),
        ("main button text on hover", s["primary_text"], s["primary_hover"], TEXT),
        ("placeholder on base", p[R.PlaceholderText], p[R.Base], TEXT),
        ("tooltip", p[R.ToolTipText], p[R.ToolTipBase], TEXT),
        ("tray balloon", s["balloon_text"], s["balloon"], TEXT),
        ("banner", s["banner_text"], s["banner"], TEXT),
        ("tick on a ticked box", "#ffffff", s["check_bg"], LARGE_OR_UI),
        # Disabled controls are exempt from AA; these are not fainter than 3:1 all the same.
        ("disabled text on window", disabled_colour(scheme, high_contrast), p[R.Window], 3.0),
        ("disabled text on button", disabled_colour(scheme, high_contrast), s["button"], 3.0),
        # A disabled main button: grey words on its grey fill (or outline), still legible.
        ("disabled main button text", s["primary_disabled_text"], s["primary_disabled"], TEXT),
        # A disabled menu line that informs (the tray's next reminder) is drawn muted.
        ("menu status line", s["muted"], p[R.Window], TEXT),
        ("menu status line on base", s["muted"], p[R.Base], TEXT),
        # A focused main button: its ring against its fill and against the card around it.
        ("main button ring on its fill", s["primary_focus"], s["primary"], LARGE_OR_UI),
        ("main button ring on the card", s["primary_focus"], s["card"], LARGE_OR_UI),
        ("main button ring on the window", s["primary_focus"], p[R.Window], LARGE_OR_UI),
        ("a chosen score's ring on its fill", s["accent_focus"], s["accent_focus_fill"], 3.0),
        ("a chosen score's ring on the card", s["accent_focus"], s["card"], LARGE_OR_UI),
        ("a chosen score's ring on the window", s["accent_focus"], p[R.Window], LARGE_OR_UI),
        ("a focused chosen score's text", s["on_accent"], s["accent_focus_fill"], TEXT),
        ("ring on a plain button", s["focus"], s["button"], LARGE_OR_UI),
        ("ring on a hovered button", s["focus"], s["button_hover"], LARGE_OR_UI),
        # Cards the Routines page made focusable and Fusion's input frames: the highlight.
        ("highlight ring on the window", p[R.Highlight], p[R.Window], LARGE_OR_UI),
        ("highlight ring on a card", p[R.Highlight], s["card"], LARGE_OR_UI),
        ("highlight ring on base", p[R.Highlight], p[R.Base], LARGE_OR_UI),
        # A focused field (text, spin box, combo box, date): the ring against its fill.
        ("field focus ring on the field", s["focus"], p[R.Base], LARGE_OR_UI),
        # A field without the focus: its frame shows its edge (WCAG 1.4.11), on its fill
        # and on what is round it.
        ("field frame on the field", s["field_border"], p[R.Base], LARGE_OR_UI),
        ("field frame on the card", s["field_border"], s["card"], LARGE_OR_UI),
        ("field frame on the window", s["field_border"], p[R.Window], LARGE_OR_UI),
    ]
    for where, colour in surfaces.items():
        found += [
            (f"muted text on {where}", s["muted"], colour, TEXT),
            (f"link on {where}", p[R.Link], colour, TEXT),
            (f"warning on {where}", s["warning"], colour, TEXT),
            (f"focus ring on {where}", s["focus"], colour, LARGE_OR_UI),
            (f"check box outline on {where}", s["indicator"], colour, LARGE_OR_UI),
            (f"ticked box on {where}", s["accent"], colour, LARGE_OR_UI),
        ]
    found.append(("radio outline on its fill", s["indicator"], s["card"], LARGE_OR_UI))
    found.append(("radio dot on its fill", s["accent"], s["card"], LARGE_OR_UI))
    return found


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_every_pair_meets_aa(scheme: Scheme, high_contrast: bool) -> None:
    failures = [
        f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1, needs {needed}:1"
        for what, fg, bg, needed in pairs(scheme, high_contrast)
        if ratio(fg, bg) < needed
    ]
    assert not failures, "\n".join(failures)


def body_map_pairs(scheme: Scheme, high_contrast: bool) -> list[tuple[str, str, str, float]]:
    """The body map: the figure and its regions stand out, the selected region's ring
    shows on every score, the numbers on the badges read."""
    from companion.ui.today.body_map import intensity_colour, text_on

    b = body_map_colours(scheme, high_contrast)
    window = palette_colours(scheme, high_contrast)[R.Window]
    text = 7.0 if high_contrast else TEXT
    found = [
        ("body map words", b["text"], window, text),
        ("figure outline on the window", b["figure_outline"], window, LARGE_OR_UI),
        ("figure outline on the figure", b["figure_outline"], b["figure"], LARGE_OR_UI),
        ("region outline on a region", b["region_outline"], b["region"], LARGE_OR_UI),
        ("region outline on the window", b["region_outline"], window, LARGE_OR_UI),
        ("a step's regions among the others", b["highlight"], b["region"], LARGE_OR_UI),
        ("selected region's ring on its halo", b["focus"], b["halo"], LARGE_OR_UI),
        ("hovered region's ring", b["text"], window, LARGE_OR_UI),
    ]
    for value in range(1, 11):
        fill = intensity_colour(value).name()
        found.append((f"the number on badge {value}", text_on(QColor(fill)).name(), fill, TEXT))
        # A scored region is outlined in the words' colour: it is set apart from the
        # window by its fill or by that outline, whichever stands out.
        edge = max((window, b["text"]), key=lambda other: ratio(fill, other))
        found.append((f"score {value} set apart from the window", fill, edge, LARGE_OR_UI))
    return found


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_body_map_meets_aa(scheme: Scheme, high_contrast: bool) -> None:
    failures = [
        f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1, needs {needed}:1"
        for what, fg, bg, needed in body_map_pairs(scheme, high_contrast)
        if ratio(fg, bg) < needed
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_body_map_paints_with_the_checked_colours(
    qapp: QApplication, qtbot, scheme: Scheme, high_contrast: bool
) -> None:
    """Under each theme the figure's pixels are the theme's colours: high contrast is
    not left pale grey."""
    from companion.resources import load_regions
    from companion.ui.today.body_map import BodyMapView, Spot

    theme = Theme(qapp, follow_system=False, choice=scheme.value)
    theme.apply(scheme, high_contrast)
    try:
        view = BodyMapView(load_regions())
        qtbot.addWidget(view)
        view.resize(460, 500)
        view.show()
        b = body_map_colours(scheme, high_contrast)
        assert {k: c.name() for k, c in view.colours().items()} == b
        image = view.grab().toImage()
        torso = view._transform("front").map(QPointF(0, 130)).toPoint()  # mid-chest
        assert image.pixelColor(torso).name() == b["figure"]
        calf = view.centre(Spot("calves_L", "back")).toPoint()
        assert image.pixelColor(calf).name() == b["region"]
    finally:
        theme.apply(Scheme.LIGHT, False)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_sheet_draws_with_the_checked_colours(scheme: Scheme, high_contrast: bool) -> None:
    """The pairs above are what app.qss uses: the rules name these placeholders."""
    sheet = stylesheet(scheme, high_contrast)
    s = sheet_colours(scheme, high_contrast)
    assert f"#NavList::item:selected {{ background: {s['accent']}; color: {s['on_accent']}; }}" in (
        sheet
    )
    assert f"solid {s['primary_focus']}; padding:" in sheet  # the main button's ring
    assert "QPushButton:focus, QToolButton:focus { border: " in sheet
    assert f"solid {s['focus']}; padding:" in sheet
    assert f"QBalloonTip {{ background: {s['balloon']}; }}" in sheet
    assert f"QBalloonTip QLabel {{ color: {s['balloon_text']}; }}" in sheet
    assert f"QMenu::item:disabled {{ color: {s['muted']}; }}" in sheet
    assert "QRadioButton::indicator {" in sheet
    # Fields are framed by the sheet in every variant, their focus ring the checked one.
    ring = "3px" if high_contrast else "2px"
    assert (
        f"border: 1px solid {s['field_border']}; border-radius: 4px; background: palette(base)"
        in (sheet)
    )
    assert (
        f"QPlainTextEdit:focus, QTextEdit:focus {{ border: {ring} solid {s['focus']}; }}" in sheet
    )


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_a_focused_field_shows_the_ring_and_keeps_its_size(
    qapp: QApplication, qtbot, scheme: Scheme, high_contrast: bool
) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPushButton, QSpinBox

    theme = Theme(qapp, follow_system=False, choice=scheme.value)
    theme.apply(scheme, high_contrast)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        combo = QComboBox()
        combo.addItems(["Calves", "Quadriceps"])
        date = QDateEdit(QDate(2026, 12, 7))
        date.setCalendarPopup(True)
        fields = [QLineEdit("Water"), QSpinBox(), combo, date]
        for field in fields:
            layout.addWidget(field)
        elsewhere = QPushButton("Elsewhere")
        layout.addWidget(elsewhere)
        host.show()
        qtbot.waitExposed(host)
        focus = QColor(sheet_colours(scheme, high_contrast)["focus"])
        for field in fields:
            elsewhere.setFocus()
            qtbot.waitUntil(elsewhere.hasFocus)
            before = (field.sizeHint(), field.size())
            field.setFocus()
            qtbot.waitUntil(lambda f=field: f.hasFocus())
            assert (field.sizeHint(), field.size()) == before, type(field).__name__
            image = field.grab().toImage()
            middle_left = image.pixelColor(1, image.height() // 2)
            assert middle_left == focus, (type(field).__name__, middle_left.name())
    finally:
        theme.apply(Scheme.LIGHT, False)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_a_disabled_main_button_looks_disabled(
    qapp: QApplication, qtbot, scheme: Scheme, high_contrast: bool
) -> None:
    """Not the enabled button's green: another fill, other words, another frame."""
    from PySide6.QtWidgets import QPushButton

    s = sheet_colours(scheme, high_contrast)
    assert s["primary_disabled"] != s["primary"] or high_contrast  # hc dark: black both
    assert s["primary_disabled_text"] != s["primary_text"]
    assert s["primary_disabled_border"] != s["primary_border"]
    theme = Theme(qapp, follow_system=False, choice=scheme.value)
    theme.apply(scheme, high_contrast)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        buttons = []
        for enabled in (True, False):
            button = QPushButton("Save check-in and plan my day")
            button.setObjectName("PrimaryButton")
            button.setEnabled(enabled)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no ring in the way
            layout.addWidget(button)
            buttons.append(button)
        host.show()
        qtbot.waitExposed(host)
        drawn = []
        for button in buttons:
            image = button.grab().toImage()
            fill = image.pixelColor(6, image.height() // 2).name()  # inside the frame
            frame = image.pixelColor(image.width() // 2, 0).name()
            drawn.append((fill, frame))
        (on_fill, on_frame), (off_fill, off_frame) = drawn
        assert (on_fill, on_frame) == (s["primary"], s["primary_border"])
        assert off_fill == s["primary_disabled"]
        assert off_frame in (s["primary_disabled_border"], s["primary_disabled"])  # dashed
        assert (off_fill, off_frame) != (on_fill, on_frame)
    finally:
        theme.apply(Scheme.LIGHT, False)


def test_high_contrast_is_a_variant_of_its_own() -> None:
    for scheme in Scheme:
        assert palette_colours(scheme, True) != palette_colours(scheme, False)
        assert stylesheet(scheme, True) != stylesheet(scheme, False)
    assert palette_colours(Scheme.DARK, True)[R.Window] == "#000000"
    assert palette_colours(Scheme.LIGHT, True)[R.Window] == "#ffffff"


class QBalloonTip(QWidget):
    """Stands in for Qt's private balloon: a style sheet type selector matches the class
    name, and it builds itself as Qt's does (labels polished before they have a parent,
    then a pale yellow window colour of its own)."""

    def __init__(self) -> None:
        super().__init__()
        self.labels = [QLabel("Recovery Companion"), QLabel("Still running in the tray.")]
        layout = QVBoxLayout(self)
        for label in self.labels:
            label.ensurePolished()  # Qt's balloon measures its labels first
            layout.addWidget(label)
        palette = self.palette()
        palette.setColor(R.Window, QColor("#ffffe1"))
        palette.setColor(R.WindowText, QColor("#000000"))
        self.setPalette(palette)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_tray_balloon_is_readable(
    qapp: QApplication, qtbot, scheme: Scheme, high_contrast: bool
) -> None:
    theme = Theme(qapp, follow_system=False, choice=scheme.value)
    theme.apply(scheme, high_contrast)
    try:
        balloon = QBalloonTip()
        qtbot.addWidget(balloon)
        balloon.show()
        background = balloon.palette().color(R.Window).name()
        for label in balloon.labels:
            words = label.palette().color(label.foregroundRole()).name()
            assert ratio(words, background) >= TEXT, (words, background)
        assert background == sheet_colours(scheme, high_contrast)["balloon"]
    finally:
        theme.apply(Scheme.LIGHT, False)


def test_the_system_contrast_is_followed_whatever_the_choice(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    asks = {"more": False}
    monkeypatch.setattr(theme_module, "system_high_contrast", lambda: asks["more"])
    theme = Theme(qapp, follow_system=False, choice="dark")
    seen: list[str] = []
    theme.changed.connect(seen.append)
    try:
        assert (theme.scheme, theme.high_contrast) == (Scheme.DARK, False)
        asks["more"] = True
        theme._system_changed()  # what contrastPreferenceChanged calls
        assert (theme.scheme, theme.high_contrast) == (Scheme.DARK, True)
        assert qapp.palette().color(R.Window).name() == "#000000"
        assert qapp.styleSheet() == stylesheet(Scheme.DARK, True)
        theme.follow("light")  # a Settings change keeps the system's contrast
        assert (theme.scheme, theme.high_contrast) == (Scheme.LIGHT, True)
        asks["more"] = False
        theme._system_changed()
        assert (theme.scheme, theme.high_contrast) == (Scheme.LIGHT, False)
        assert seen == ["dark", "light", "light"]
    finally:
        theme.apply(Scheme.LIGHT, False)


def test_the_contrast_signal_is_connected_where_qt_has_it(qapp: QApplication) -> None:
    theme = Theme(qapp, follow_system=True, choice="light")
    hints = theme._accessibility
    if hints is None:  # pragma: no cover - Qt before 6.10
        pytest.skip("this Qt has no accessibility hints")
    meta = hints.metaObject()
    signal = meta.method(meta.indexOfSignal("contrastPreferenceChanged(Qt::ContrastPreference)"))
    assert hints.isSignalConnected(signal)
    theme.deleteLater()


def test_choices_parse() -> None:
    assert parse_choice("system") == (None, False)
    assert parse_choice("dark") == (Scheme.DARK, False)
    assert parse_choice("high-contrast-light") == (Scheme.LIGHT, True)
