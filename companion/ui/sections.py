"""The pages behind the navigation.

Sections that are not built yet say plainly what will be there; no fake data
and no buttons that do nothing. Settings already shows the real data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion import APP_NAME, __version__


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; it is translated where it is shown."""
    del context
    return text


DISCLAIMER = QT_TRANSLATE_NOOP(
    "sections",
    "Recovery Companion offers general self-care guidance, not medical advice. "
    "If something feels wrong, stop and speak to a health professional.",
)


NOT_BUILT = QT_TRANSLATE_NOOP(
    "sections",
    "This part of Recovery Companion is still being built, so there is nothing to do here yet.",
)


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    icon: str
    lead: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("sections", text)


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
        "settings",
        QT_TRANSLATE_NOOP("sections", "Settings"),
        "settings",
        QT_TRANSLATE_NOOP("sections", "Your data folder and preferences."),
    ),
)


def _label(text: str, object_name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 18)
        self.body.setSpacing(8)
        heading = _label(title, "CardTitle")
        heading.setAccessibleName(title)
        self.body.addWidget(heading)

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        label = _label(text, object_name)
        self.body.addWidget(label)
        return label


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
        self.content.setContentsMargins(36, 28, 36, 28)
        self.content.setSpacing(14)
        title = _label(_tr(info.title), "PageTitle")
        title.setAccessibleName(_tr(info.title))
        self.content.addWidget(title)
        self.content.addWidget(_label(_tr(info.lead), "PageLead"))
        self.content.addSpacing(6)
        self.setWidget(inner)
        self.setAccessibleName(_tr(info.title))

    def finish(self) -> None:
        self.content.addStretch(1)


class ComingPage(SectionPage):
    """An honest empty state for a section that is not built yet."""

    def __init__(self, info: SectionInfo, what: str, parent: QWidget | None = None) -> None:
        super().__init__(info, parent)
        card = Card(_tr("Not here yet"))
        card.add_text(what)
        card.add_text(
            _tr(NOT_BUILT),
            "Muted",
        )
        self.content.addWidget(card)


class SettingsPage(SectionPage):
    open_data_folder = Signal()
    edit_conditions = Signal()
    emergency_number_changed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        emergency_number: str = "",
        conditions_summary: str = "",
    ) -> None:
        super().__init__(SECTIONS[4], parent)
        safety = Card(_tr("Safety"))
        safety.add_text(
            _tr(
                "When the safety check finds signs of an emergency, the app tells you to call "
                "this number."
            )
        )
        row = QHBoxLayout()
        number_label = QLabel(_tr("Emergency number"))
        self.emergency = QLineEdit(emergency_number)
        self.emergency.setMaxLength(15)
        self.emergency.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9]{2,14}"), self.emergency)
        )
        self.emergency.setAccessibleName(_tr("Emergency number"))
        self.emergency.setMaximumWidth(160)
        number_label.setBuddy(self.emergency)
        self.emergency.editingFinished.connect(self._number_edited)
        row.addWidget(number_label)
        row.addWidget(self.emergency)
        row.addStretch(1)
        safety.body.addLayout(row)
        self.conditions_label = safety.add_text(conditions_summary)
        self.conditions_button = QPushButton(_tr("Edit health conditions…"))
        self.conditions_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.conditions_button.clicked.connect(self.edit_conditions.emit)
        safety.body.addWidget(self.conditions_button)
        self.content.addWidget(safety)
        data = Card(_tr("Your data"))
        data.add_text(
            _tr(
                "Everything you enter stays on this computer, in one database file in this "
                "folder. Recovery Companion never sends anything over the network."
            )
        )
        path_label = _label(str(data_dir), "")
        path_label.setAccessibleName(_tr("Data folder"))
        path_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        data.body.addWidget(path_label)
        self.open_button = QPushButton(_tr("Open data folder"))
        self.open_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.open_button.clicked.connect(lambda: self._open(data_dir))
        data.body.addWidget(self.open_button)
        self.content.addWidget(data)
        self.data_card = data

        coming = Card(_tr("Preferences"))
        coming.add_text(
            _tr(
                "Units, waking hours, your water goal, theme, sounds and voice will be set here. "
                "They are still being built; until then the app follows your system's light "
                "or dark theme."
            ),
            "Muted",
        )
        self.content.addWidget(coming)

        about = Card(_tr("About"))
        about.add_text(f"{APP_NAME} {__version__}")
        about.add_text(_tr(DISCLAIMER), "Muted")
        self.content.addWidget(about)
        self.finish()

    def add_after_data(self, card: QWidget) -> None:
        """A card placed right after "Your data" (export, import, backups)."""
        self.content.insertWidget(self.content.indexOf(self.data_card) + 1, card)

    def set_conditions_summary(self, text: str) -> None:
        self.conditions_label.setText(text)

    def _number_edited(self) -> None:
        if self.emergency.hasAcceptableInput():
            self.emergency_number_changed.emit(self.emergency.text())

    def _open(self, data_dir: Path) -> None:
        self.open_data_folder.emit()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir)))
