"""The sections behind the navigation, and the page and card frames they are built from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.translatable import QT_TRANSLATE_NOOP

DISCLAIMER = QT_TRANSLATE_NOOP(
    "sections",
    "Recovery Companion offers general self-care guidance, not medical advice. "
    "If something feels wrong, stop and speak to a health professional.",
)


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    icon: str
    lead: str


SECTIONS: tuple[SectionInfo, ...] = (
    SectionInfo(
        "today",
        QT_TRANSLATE_NOOP("sections", "Today"),
        "today",
        QT_TRANSLATE_NOOP("sections", "Your plan for today, built from where your legs are sore."),
    ),
    SectionInfo(
        "routines",
        QT_TRANSLATE_NOOP("sections", "Routines"),
        "routines",
        QT_TRANSLATE_NOOP("sections", "Guided stretching and foam rolling, step by step."),
    ),
    SectionInfo(
        "reminders",
        QT_TRANSLATE_NOOP("sections", "Reminders"),
        "reminders",
        QT_TRANSLATE_NOOP("sections", "Water, ice, contrast and routine reminders from the tray."),
    ),
    SectionInfo(
        "history",
        QT_TRANSLATE_NOOP("sections", "History"),
        "history",
        QT_TRANSLATE_NOOP("sections", "How each sore spot eases, day by day."),
    ),
    SectionInfo(
        "guide",
        QT_TRANSLATE_NOOP("sections", "Guide"),
        "guide",
        QT_TRANSLATE_NOOP(
            "sections", "Short reading on why legs get sore, what helps and when to get care."
        ),
    ),
    SectionInfo(
        "settings",
        QT_TRANSLATE_NOOP("sections", "Settings"),
        "settings",
        QT_TRANSLATE_NOOP(
            "sections", "Units, waking hours, water, sound, theme, safety and your data."
        ),
    ),
)


def section_info(key: str) -> SectionInfo:
    """A section by its key: pages use this, not their position in SECTIONS."""
    for info in SECTIONS:
        if info.key == key:
            return info
    raise KeyError(f"No section {key!r}; known: {', '.join(i.key for i in SECTIONS)}")


def make_label(
    text: str, object_name: str = "", wrap: bool = True, *, selectable: bool = False
) -> QLabel:
    """A label of the app's words. ``selectable`` lets the mouse select and copy them:
    only for words worth copying (a path, a reminder's summary), because Qt gives a
    selectable label a text document and editor of its own (about 17 kB each with the
    style sheet: 0.4 MB for the labels Today shows at start, docs/PERFORMANCE.md)."""
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after the widget's object name or a property its
    rules match changed. Done by touching its own sheet (a changed sheet re-polishes
    it), not through ``widget.style()``: that hands Python the app's QStyle, whose
    type and enums cost about 1 MB (docs/PERFORMANCE.md)."""
    sheet = widget.styleSheet()
    widget.setStyleSheet(sheet + " ")
    widget.setStyleSheet(sheet)


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 18)
        self.body.setSpacing(8)
        heading = make_label(title, "CardTitle")
        heading.setAccessibleName(title)
        self.body.addWidget(heading)

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        label = make_label(text, object_name)
        self.body.addWidget(label)
        return label


COMPACT_WIDTH = 600  # page widths below this use the compact margins
COMPACT_MARGINS = (24, 22, 24, 24)
WIDE_MARGINS = (36, 28, 36, 28)


class SectionPage(QScrollArea):
    """A titled, scrollable page; content is added to ``self.content``."""

    def __init__(self, info: SectionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"page-{info.key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("PageInner")
        self.content = QVBoxLayout(inner)
        self.content.setContentsMargins(*WIDE_MARGINS)
        self.content.setSpacing(14)
        title = make_label(QCoreApplication.translate("sections", info.title), "PageTitle")
        title.setAccessibleName(QCoreApplication.translate("sections", info.title))
        self.content.addWidget(title)
        self.content.addWidget(
            make_label(QCoreApplication.translate("sections", info.lead), "PageLead")
        )
        self.content.addSpacing(6)
        self.setWidget(inner)
        self.setAccessibleName(QCoreApplication.translate("sections", info.title))
        self.compact_below = COMPACT_WIDTH  # a page that stacks its columns sooner raises it

    def finish(self) -> None:
        self.content.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Small windows get the same 24 px page margins as Today, large ones more air.
        compact = event.size().width() < self.compact_below
        wanted = COMPACT_MARGINS if compact else WIDE_MARGINS
        if self.content.contentsMargins().left() != wanted[0]:
            self.content.setContentsMargins(*wanted)
        super().resizeEvent(event)
