"""Light and dark palettes on the Fusion style, following the system's colour scheme.

Qt reports the desktop's scheme through ``QStyleHints.colorScheme()`` where the
platform knows it (GNOME, KDE, Windows, macOS); where it does not (offscreen,
bare X11) the app uses light. ``Theme.apply`` is also how tests and the
screenshot script force one scheme.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication

from companion.resources import icon_path, style_sheet


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


BASE_POINT_SIZE = 10.5

# Light or dark, and whether the system (or the user) asks for more contrast.
Variant = tuple[Scheme, bool]

ACCENT = {Scheme.LIGHT: "#1d7f67", Scheme.DARK: "#4cc29f"}

_R = QPalette.ColorRole

# Every colour below is checked for WCAG AA contrast by tests/ui/test_contrast.py:
# 4.5:1 for text, 3:1 for focus rings and the outlines of check boxes and radio buttons.
_COLOURS: dict[Variant, dict[QPalette.ColorRole, str]] = {
    (Scheme.LIGHT, False): {
        _R.Window: "#f4f6f5",
        _R.WindowText: "#1c2321",
        _R.Base: "#ffffff",
        _R.AlternateBase: "#eef2f0",
        _R.Text: "#1c2321",
        _R.PlaceholderText: "#6b7772",
        _R.Button: "#ffffff",
        _R.ButtonText: "#1c2321",
        _R.BrightText: "#ffffff",
        _R.ToolTipBase: "#1c2321",
        _R.ToolTipText: "#f4f6f5",
        _R.Highlight: ACCENT[Scheme.LIGHT],
        _R.HighlightedText: "#ffffff",
        _R.Link: "#1a6b8f",
        _R.LinkVisited: "#1a6b8f",
        _R.Accent: ACCENT[Scheme.LIGHT],
        _R.Mid: "#c9d1cd",
        _R.Midlight: "#e3e8e5",
        _R.Dark: "#9aa5a0",
        _R.Shadow: "#5c6662",
        _R.Light: "#ffffff",
    },
    (Scheme.DARK, False): {
        _R.Window: "#1b1f1e",
        _R.WindowText: "#e6ebe9",
        _R.Base: "#242a28",
        _R.AlternateBase: "#2b3230",
        _R.Text: "#e6ebe9",
        _R.PlaceholderText: "#93a09a",
        _R.Button: "#2b3230",
        _R.ButtonText: "#e6ebe9",
        _R.BrightText: "#ffffff",
        _R.ToolTipBase: "#e6ebe9",
        _R.ToolTipText: "#1b1f1e",
        # White text on it at 4.6:1, and 3:1 against the window and the cards as a ring.
        _R.Highlight: "#2b836a",
        _R.HighlightedText: "#ffffff",
        _R.Link: "#7cc7ea",
        _R.LinkVisited: "#7cc7ea",
        _R.Accent: "#2b836a",
        _R.Mid: "#3c4542",
        _R.Midlight: "#333b38",
        _R.Dark: "#141716",
        _R.Shadow: "#000000",
        _R.Light: "#3f4845",
    },
    # High contrast: black on white and white on black, 7:1 and more for text.
    (Scheme.LIGHT, True): {
        _R.Window: "#ffffff",
        _R.WindowText: "#000000",
        _R.Base: "#ffffff",
        _R.AlternateBase: "#ededed",
        _R.Text: "#000000",
        _R.PlaceholderText: "#4d4d4d",
        _R.Button: "#ffffff",
        _R.ButtonText: "#000000",
        _R.BrightText: "#ffffff",
        _R.ToolTipBase: "#000000",
        _R.ToolTipText: "#ffffff",
        _R.Highlight: "#135343",
        _R.HighlightedText: "#ffffff",
        _R.Link: "#0b3d91",
        _R.LinkVisited: "#0b3d91",
        _R.Accent: "#135343",
        _R.Mid: "#000000",
        _R.Midlight: "#5c5c5c",
        _R.Dark: "#000000",
        _R.Shadow: "#000000",
        _R.Light: "#ffffff",
    },
    (Scheme.DARK, True): {
        _R.Window: "#000000",
        _R.WindowText: "#ffffff",
        _R.Base: "#000000",
        _R.AlternateBase: "#1c1c1c",
        _R.Text: "#ffffff",
        _R.PlaceholderText: "#c2c2c2",
        _R.Button: "#000000",
        _R.ButtonText: "#ffffff",
        _R.BrightText: "#ffffff",
        _R.ToolTipBase: "#ffffff",
        _R.ToolTipText: "#000000",
        _R.Highlight: "#5becc3",
        _R.HighlightedText: "#000000",
        _R.Link: "#8fd0ff",
        _R.LinkVisited: "#8fd0ff",
        _R.Accent: "#5becc3",
        _R.Mid: "#ffffff",
        _R.Midlight: "#8a8a8a",
        _R.Dark: "#ffffff",
        _R.Shadow: "#000000",
        _R.Light: "#5c5c5c",
    },
}

# Disabled controls: set apart from live ones, yet 3:1 on the window (readable, if quiet).
# A disabled line that informs (the tray menu's status lines) uses $muted instead (app.qss).
_DISABLED: dict[Variant, str] = {
    (Scheme.LIGHT, False): "#84908b",
    (Scheme.DARK, False): "#7a8580",
    (Scheme.LIGHT, True): "#6b6b6b",
    (Scheme.DARK, True): "#999999",
}

# Set to "fusion" on an application made with ``-style fusion`` (companion.app does):
# asking it for its style would cost ~10 ms of start-up, creating QStyle's Python type.
STYLE_PROPERTY = "companionStyle"


def _variant(scheme: Scheme, high_contrast: bool) -> Variant:
    return (Scheme(scheme), bool(high_contrast))


def palette_colours(scheme: Scheme, high_contrast: bool = False) -> dict[QPalette.ColorRole, str]:
    """The palette's colours by role (the active group), for the contrast test."""
    return dict(_COLOURS[_variant(scheme, high_contrast)])


def disabled_colour(scheme: Scheme, high_contrast: bool = False) -> str:
    return _DISABLED[_variant(scheme, high_contrast)]


def build_palette(scheme: Scheme, high_contrast: bool = False) -> QPalette:
    variant = _variant(scheme, high_contrast)
    palette = QPalette()
    for role, colour in _COLOURS[variant].items():
        palette.setColor(role, QColor(colour))
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[variant]))
    return palette


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


def _accessibility_hints(style_hints: QStyleHints) -> QObject | None:
    """Qt 6.10+'s ``QAccessibilityHints`` (contrast and motion), where this Qt has them.

    Keep ``style_hints`` referenced while using the answer: PySide6 makes it the answer's
    parent, and the answer's wrapper dies with its parent's ("already deleted").
    """
    accessibility = getattr(style_hints, "accessibility", None)
    if not callable(accessibility):
        return None
    found = accessibility()
    return found if isinstance(found, QObject) else None


def system_high_contrast() -> bool:
    """Whether the desktop asks for more contrast (GNOME, KDE, Windows and macOS say so)."""
    style_hints = QGuiApplication.styleHints()
    hints = _accessibility_hints(style_hints)
    preference = getattr(hints, "contrastPreference", None)
    wanted = getattr(getattr(Qt, "ContrastPreference", None), "HighContrast", None)
    return callable(preference) and wanted is not None and bool(preference() == wanted)


# The style sheet's own colours (resources/styles/app.qss), beside the palette's.
# accent: the fill of selected things (white text on it, or black in high contrast dark);
# on_accent: that text; focus: the focus ring on the window, cards and plain buttons;
# primary_*: the main button of a screen, primary_focus its ring (3:1 on its fill and
# on the card); accent_focus: the ring on a chosen score, whose fill turns accent_focus_fill
# while it has the focus (no ring shows 3:1 both on the high-contrast accents and round
# them); check_bg: a ticked box's fill under the white tick; field_border: the frame of a
# field (text, spin box, combo box) without the focus, 3:1 on its fill and round it, so
# the field's edge shows (a button's words say it is one; its frame may be softer).
_SHEET_COLOURS: dict[Variant, dict[str, str]] = {
    (Scheme.LIGHT, False): {
        "muted": "#5f6b66",
        "sidebar": "#e8edeb",
        "card": "#ffffff",
        "border": "#d5ddd9",
        "button": "#ffffff",
        "button_hover": "#eef3f1",
        "button_border": "#b9c4bf",
        "field_border": "#848f8a",  # 3:1 on the field, the card and the window (WCAG 1.4.11)
        "indicator": "#6f7c77",
        "banner": "#fff4d6",
        "banner_text": "#5a4300",
        "warning": "#9a4700",  # refused or questioned
        "focus": ACCENT[Scheme.LIGHT],
        "on_accent": "#ffffff",
        "check_bg": ACCENT[Scheme.LIGHT],
        "primary": ACCENT[Scheme.LIGHT],
        "primary_hover": "#176451",
        "primary_text": "#ffffff",
        "primary_focus": "#1c2321",
        "accent_focus": "#1c2321",
        "accent_focus_fill": "#1d7f67",
        "balloon": "#ffffff",
        "balloon_text": "#1c2321",
    },
    (Scheme.DARK, False): {
        "muted": "#a3b0aa",
        "sidebar": "#161a19",
        "card": "#242a28",
        "border": "#343c39",
        "button": "#2b3230",
        "button_hover": "#343c39",
        "button_border": "#4a5551",
        "field_border": "#6f7c77",
        "indicator": "#9aa8a2",
        "banner": "#3a3420",
        "banner_text": "#f3e2ad",
        "warning": "#f2b36b",
        "focus": ACCENT[Scheme.DARK],
        "on_accent": "#ffffff",
        "check_bg": "#2b836a",
        "primary": "#2b836a",
        "primary_hover": "#236b57",
        "primary_text": "#ffffff",
        "primary_focus": "#f4f6f5",
        "accent_focus": "#f4f6f5",
        "accent_focus_fill": "#2b836a",
        "balloon": "#242a28",
        "balloon_text": "#e6ebe9",
    },
    (Scheme.LIGHT, True): {
        "muted": "#333333",
        "sidebar": "#ffffff",
        "card": "#ffffff",
        "border": "#000000",
        "button": "#ffffff",
        "button_hover": "#e3efeb",
        "button_border": "#000000",
        "field_border": "#000000",
        "indicator": "#000000",
        "banner": "#fff0b3",
        "banner_text": "#000000",
        "warning": "#7a3300",
        "focus": "#0040c7",
        "on_accent": "#ffffff",
        "check_bg": "#135343",
        # 6:1 under its white text and 3.5:1 under its black ring.
        "primary": "#1a705b",
        "primary_hover": "#1d7f67",
        "primary_text": "#ffffff",
        "primary_focus": "#000000",
        "accent_focus": "#000000",
        "accent_focus_fill": "#1a705b",
        "balloon": "#ffffff",
        "balloon_text": "#000000",
    },
    (Scheme.DARK, True): {
        "muted": "#d9d9d9",
        "sidebar": "#000000",
        "card": "#000000",
        "border": "#ffffff",
        "button": "#000000",
        "button_hover": "#17332b",
        "button_border": "#ffffff",
        "field_border": "#ffffff",
        "indicator": "#ffffff",
        "banner": "#2e2600",
        "banner_text": "#ffe680",
        "warning": "#ffb366",
        "focus": "#ffd500",
        "on_accent": "#000000",
        "check_bg": "#000000",
        # The main button is drawn in outline (a bright fill would hide a bright ring).
        "primary": "#000000",
        "primary_hover": "#17332b",
        "primary_text": "#5becc3",
        "primary_focus": "#ffd500",
        "accent_focus": "#0066cc",
        "accent_focus_fill": "#5becc3",
        "balloon": "#000000",
        "balloon_text": "#ffffff",
    },
}

# The primary button's border: its fill, except in outline (high contrast dark).
_PRIMARY_BORDER: dict[Variant, str] = {
    (Scheme.LIGHT, False): ACCENT[Scheme.LIGHT],
    (Scheme.DARK, False): "#2b836a",
    (Scheme.LIGHT, True): "#1a705b",
    (Scheme.DARK, True): "#5becc3",
}

# A disabled primary button: no green at all, a grey fill (an outline in high contrast,
# dashed, so its shape says "not now" without colour), its words grey yet readable
# (4.5:1 on its fill, though WCAG exempts disabled controls): fill, text, border, style.
_PRIMARY_DISABLED: dict[Variant, tuple[str, str, str, str]] = {
    (Scheme.LIGHT, False): ("#e3e8e6", "#58645f", "#e3e8e6", "solid"),
    (Scheme.DARK, False): ("#2b3230", "#97a39e", "#3c4542", "solid"),
    (Scheme.LIGHT, True): ("#ffffff", "#4d4d4d", "#4d4d4d", "dashed"),
    (Scheme.DARK, True): ("#000000", "#b3b3b3", "#b3b3b3", "dashed"),
}


def sheet_colours(scheme: Scheme, high_contrast: bool = False) -> dict[str, str]:
    """Every colour the app's style sheet uses, by placeholder name."""
    variant = _variant(scheme, high_contrast)
    return {
        **_SHEET_COLOURS[variant],
        "accent": _COLOURS[variant][_R.Highlight],
        "primary_border": _PRIMARY_BORDER[variant],
        "primary_disabled": _PRIMARY_DISABLED[variant][0],
        "primary_disabled_text": _PRIMARY_DISABLED[variant][1],
        "primary_disabled_border": _PRIMARY_DISABLED[variant][2],
    }


# The body map's own colours (companion/ui/today/body_map.py), checked with the rest by
# tests/ui/test_contrast.py: the figure's outline 3:1 on the window, a region's outline
# 3:1 on an unscored region (a scored one is outlined in the words' colour); the
# selected region's ring is $focus on a halo of the window's colour, so it shows on
# every score's fill.
_BODY_MAP: dict[Variant, dict[str, str]] = {
    (Scheme.LIGHT, False): {
        "figure": "#cdd6d2",
        "figure_outline": "#5f6b66",
        "region": "#e7ecea",
        "region_outline": "#6f7c77",
        "details": "#9aa5a0",
        "highlight": ACCENT[Scheme.LIGHT],
    },
    (Scheme.DARK, False): {
        "figure": "#323b38",
        "figure_outline": "#9aa8a2",
        "region": "#44504b",
        "region_outline": "#9aa8a2",
        "details": "#66736e",
        "highlight": ACCENT[Scheme.DARK],
    },
    (Scheme.LIGHT, True): {
        "figure": "#e6e6e6",
        "figure_outline": "#000000",
        "region": "#ffffff",
        "region_outline": "#000000",
        "details": "#000000",
        "highlight": "#135343",
    },
    (Scheme.DARK, True): {
        "figure": "#2e2e2e",
        "figure_outline": "#ffffff",
        "region": "#000000",
        "region_outline": "#ffffff",
        "details": "#ffffff",
        "highlight": "#5becc3",
    },
}


def body_map_colours(scheme: Scheme, high_contrast: bool = False) -> dict[str, str]:
    """The body map's colours by name: the figure, its regions, the step's highlight,
    the focus ring and its halo, and the words (front, back, left, right)."""
    variant = _variant(scheme, high_contrast)
    return {
        **_BODY_MAP[variant],
        "focus": _SHEET_COLOURS[variant]["focus"],
        "halo": _COLOURS[variant][_R.Window],
        "text": _COLOURS[variant][_R.WindowText],
    }


def variant_of(palette: QPalette) -> Variant:
    """Which of the theme's variants ``palette`` is (by its window colour); a palette
    that is none of them (Qt's own) counts as light or dark by its lightness."""
    window = palette.color(_R.Window).name()
    for variant, colours in _COLOURS.items():
        if colours[_R.Window] == window:
            return variant
    return (Scheme.DARK if palette.color(_R.Window).lightness() < 128 else Scheme.LIGHT), False


_ARROWS = {Scheme.LIGHT: "black", Scheme.DARK: "white"}


def stylesheet(scheme: Scheme, high_contrast: bool = False) -> str:
    """The application's style sheet (resources/styles/app.qss) in the variant's colours,
    with resources/styles/high-contrast.qss after it in high contrast."""
    values = {
        **sheet_colours(scheme, high_contrast),
        # High contrast: thicker rings and outlines (the padding shrinks to match).
        "ring": "3px" if high_contrast else "2px",
        "ring_pad": "4px 12px" if high_contrast else "5px 13px",
        "primary_pad": "6px 16px" if high_contrast else "7px 17px",
        # A field's 1px frame and 3px 6px padding, with the ring: 3px + 1px 4px, 2px + 2px 5px.
        "field_focus_pad": "1px 4px" if high_contrast else "2px 5px",
        "primary_disabled_style": _PRIMARY_DISABLED[_variant(scheme, high_contrast)][3],
        "check": icon_path("check").as_posix(),
        # The fields' arrows, drawn by the sheet once it frames them (high contrast).
        "arrow_down": icon_path(f"arrow-down-{_ARROWS[scheme]}").as_posix(),
        "arrow_up": icon_path(f"arrow-up-{_ARROWS[scheme]}").as_posix(),
    }
    sheet = style_sheet("app", values)
    return sheet + style_sheet("high-contrast", values) if high_contrast else sheet


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while Qt walks every widget of the application.

    A new palette or style sheet makes Qt take the list of all widgets and send each a
    change event; the app's widgets handle some of those in Python, and any Python
    allocation can run the collector. A widget that was only waiting in a reference cycle
    (a closed window nothing refers to any more) would then be deleted while Qt still
    holds it in that list, and Qt would go on to use freed memory (one test run crashed
    in ``setStyleSheet`` that way). Paused, the collector frees it afterwards instead.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


HIGH_CONTRAST_PREFIX = "high-contrast-"


def parse_choice(choice: str) -> tuple[Scheme | None, bool]:
    """A Settings choice as (scheme, forced high contrast): "system" is (None, False),
    "dark" (DARK, False), "high-contrast-light" (LIGHT, True)."""
    forced = choice.startswith(HIGH_CONTRAST_PREFIX)
    rest = choice.removeprefix(HIGH_CONTRAST_PREFIX)
    return (None if rest == "system" else Scheme(rest)), forced


class Theme(QObject):
    """Applies a scheme to the application and follows the system when asked to.

    The Settings choice ("system", "light" or "dark") picks light or dark; the
    system's contrast setting is followed in every case, so a desktop set to high
    contrast gets the high-contrast variant of the chosen scheme. ``changed`` sends
    the scheme's name each time the palette changes (scheme or contrast).
    """

    changed = Signal(str)

    def __init__(
        self,
        app: QApplication,
        follow_system: bool = True,
        parent: QObject | None = None,
        *,
        choice: str = "system",
    ) -> None:
        super().__init__(parent)
        self._app = app
        self.choice = choice  # "system", "light" or "dark" (the Settings choice)
        self.scheme, self.high_contrast = self._wanted()
        fusion = app.property(STYLE_PROPERTY) == "fusion"
        if not fusion and app.style().name().lower() != "fusion":  # re-creating it: ~17 ms
            app.setStyle("Fusion")
        font = app.font()
        if font.pointSizeF() < BASE_POINT_SIZE:
            font.setPointSizeF(BASE_POINT_SIZE)
            app.setFont(font)
        if follow_system:
            self._style_hints = QGuiApplication.styleHints()  # see _accessibility_hints
            self._style_hints.colorSchemeChanged.connect(self._system_changed)
            self._accessibility = _accessibility_hints(self._style_hints)
            signal = getattr(self._accessibility, "contrastPreferenceChanged", None)
            if signal is not None:
                signal.connect(self._system_changed)
        self.apply(self.scheme, self.high_contrast)

    def apply(self, scheme: Scheme, high_contrast: bool | None = None) -> None:
        """Light or dark; high contrast as asked, or (None) as the choice and system say."""
        if high_contrast is None:
            high_contrast = self._wanted()[1]
        self.scheme, self.high_contrast = scheme, high_contrast
        sheet = stylesheet(scheme, high_contrast)
        if self._app.styleSheet() == sheet:
            return  # re-polishing every widget is costly: only when something changed
        with collector_paused():
            self._app.setPalette(build_palette(scheme, high_contrast))
            self._app.setStyleSheet(sheet)
        self.changed.emit(scheme.value)

    def follow(self, choice: str) -> None:
        """Settings: "system" follows the desktop; "light" or "dark" stays put."""
        self.choice = choice
        self.apply(*self._wanted())

    def _wanted(self) -> Variant:
        scheme, forced = parse_choice(self.choice)
        return (scheme or system_scheme()), forced or system_high_contrast()

    def _system_changed(self, _preference: object = None) -> None:
        self.apply(*self._wanted())
