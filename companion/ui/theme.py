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
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from companion.resources import icon_path, style_sheet


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


BASE_POINT_SIZE = 10.5

ACCENT = {Scheme.LIGHT: "#1d7f67", Scheme.DARK: "#4cc29f"}

_COLOURS: dict[Scheme, dict[QPalette.ColorRole, str]] = {
    Scheme.LIGHT: {
        QPalette.ColorRole.Window: "#f4f6f5",
        QPalette.ColorRole.WindowText: "#1c2321",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef2f0",
        QPalette.ColorRole.Text: "#1c2321",
        QPalette.ColorRole.PlaceholderText: "#6b7772",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1c2321",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#1c2321",
        QPalette.ColorRole.ToolTipText: "#f4f6f5",
        QPalette.ColorRole.Highlight: ACCENT[Scheme.LIGHT],
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1a6b8f",
        QPalette.ColorRole.Mid: "#c9d1cd",
        QPalette.ColorRole.Midlight: "#e3e8e5",
        QPalette.ColorRole.Dark: "#9aa5a0",
        QPalette.ColorRole.Shadow: "#5c6662",
        QPalette.ColorRole.Light: "#ffffff",
    },
    Scheme.DARK: {
        QPalette.ColorRole.Window: "#1b1f1e",
        QPalette.ColorRole.WindowText: "#e6ebe9",
        QPalette.ColorRole.Base: "#242a28",
        QPalette.ColorRole.AlternateBase: "#2b3230",
        QPalette.ColorRole.Text: "#e6ebe9",
        QPalette.ColorRole.PlaceholderText: "#93a09a",
        QPalette.ColorRole.Button: "#2b3230",
        QPalette.ColorRole.ButtonText: "#e6ebe9",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#e6ebe9",
        QPalette.ColorRole.ToolTipText: "#1b1f1e",
        QPalette.ColorRole.Highlight: "#2f8f74",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7cc7ea",
        QPalette.ColorRole.Mid: "#3c4542",
        QPalette.ColorRole.Midlight: "#333b38",
        QPalette.ColorRole.Dark: "#141716",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Light: "#3f4845",
    },
}

_DISABLED = {Scheme.LIGHT: "#9aa5a0", Scheme.DARK: "#6d7773"}

# Set to "fusion" on an application made with ``-style fusion`` (companion.app does):
# asking it for its style would cost ~10 ms of start-up, creating QStyle's Python type.
STYLE_PROPERTY = "companionStyle"


def build_palette(scheme: Scheme) -> QPalette:
    palette = QPalette()
    for role, colour in _COLOURS[scheme].items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[scheme]))
    return palette


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


# The style sheet's own colours (resources/styles/app.qss), beside the palette's.
_SHEET_COLOURS: dict[Scheme, dict[str, str]] = {
    Scheme.LIGHT: {
        "muted": "#5f6b66",
        "sidebar": "#e8edeb",
        "card": "#ffffff",
        "border": "#d5ddd9",
        "button": "#ffffff",
        "button_hover": "#eef3f1",
        "button_border": "#b9c4bf",
        "indicator": "#7d8a85",
        "banner": "#fff4d6",
        "banner_text": "#5a4300",
        "warning": "#9a4700",  # refused or questioned
    },
    Scheme.DARK: {
        "muted": "#a3b0aa",
        "sidebar": "#161a19",
        "card": "#242a28",
        "border": "#343c39",
        "button": "#2b3230",
        "button_hover": "#343c39",
        "button_border": "#4a5551",
        "indicator": "#8d9b95",
        "banner": "#3a3420",
        "banner_text": "#f3e2ad",
        "warning": "#f2b36b",
    },
}


def stylesheet(scheme: Scheme) -> str:
    """The application's style sheet (resources/styles/app.qss) in the scheme's colours."""
    return style_sheet(
        "app",
        {
            **_SHEET_COLOURS[scheme],
            # The selected item carries white text, so it uses the darker accent in both schemes.
            "accent": _COLOURS[scheme][QPalette.ColorRole.Highlight],
            "focus": ACCENT[scheme],
            "check": icon_path("check").as_posix(),
        },
    )


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


class Theme(QObject):
    """Applies a scheme to the application and follows the system when asked to."""

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
        self.scheme = self._wanted()
        fusion = app.property(STYLE_PROPERTY) == "fusion"
        if not fusion and app.style().name().lower() != "fusion":  # re-creating it: ~17 ms
            app.setStyle("Fusion")
        font = app.font()
        if font.pointSizeF() < BASE_POINT_SIZE:
            font.setPointSizeF(BASE_POINT_SIZE)
            app.setFont(font)
        if follow_system:
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(self.scheme)

    def apply(self, scheme: Scheme) -> None:
        self.scheme = scheme
        sheet = stylesheet(scheme)
        if self._app.styleSheet() == sheet:
            return  # re-polishing every widget is costly: only when something changed
        with collector_paused():
            self._app.setPalette(build_palette(scheme))
            self._app.setStyleSheet(sheet)
        self.changed.emit(scheme.value)

    def follow(self, choice: str) -> None:
        """Settings: "system" follows the desktop; "light" or "dark" stays put."""
        self.choice = choice
        self.apply(self._wanted())

    def _wanted(self) -> Scheme:
        return system_scheme() if self.choice == "system" else Scheme(self.choice)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply(system_scheme())
