"""The main window: a sidebar of sections beside the current page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QFileInfo, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from companion import APP_NAME
from companion.ui.actions import AppActions
from companion.ui.icons import app_icon, line_icon
from companion.ui.reminders.pause import PauseController
from companion.ui.sections import SectionInfo

DEFAULT_SIZE = QSize(1000, 680)
MINIMUM_SIZE = QSize(720, 480)
# What a drop onto the window imports (companion/activity_files reads them; a folder too).
IMPORT_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip")


def importable_paths(urls: Sequence[QUrl]) -> list[str]:
    """The dropped files and folders an import reads, in order; nothing else."""
    found = []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        if path.lower().endswith(IMPORT_SUFFIXES) or QFileInfo(path).isDir():
            found.append(path)
    return found


class MainWindow(QMainWindow):
    """Shows the sections and reports what the user asks for; holds no rules.

    ``close_requested`` tells the app the user closed the window; the app
    decides whether that hides it to the tray or quits.
    """

    close_requested = Signal()
    section_changed = Signal(str)
    first_shown = Signal()
    files_dropped = Signal(list)  # paths (str) of activity files and folders to import

    def __init__(
        self,
        sections: Sequence[SectionInfo],
        build_page: Callable[[str], QWidget],
        pause: PauseController,
        actions: AppActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._status_override: str | None = None  # words in place of the pause's status
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(DEFAULT_SIZE)
        self._pause = pause
        self._shown_once = False
        self.allow_close = False  # set by the app when closing should really close
        self._build_page = build_page
        self._build_navigation(sections)
        sidebar = self._build_sidebar(actions)
        right = self._build_content()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # activity files and folders (dropEvent)
        self._drop_hint: QFrame | None = None

        pause.changed.connect(self._sync_status)
        self._sync_status()
        self.refresh_icons()
        self.nav.setCurrentRow(0)

    def _build_navigation(self, sections: Sequence[SectionInfo]) -> None:
        """One list item per section; each page is built the first time it is shown."""
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setAccessibleName(QCoreApplication.translate("MainWindow", "Sections"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setUniformItemSizes(True)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.sections = {info.key: info for info in sections}
        self._pages: dict[str, QWidget] = {}
        for index, info in enumerate(sections):
            item = QListWidgetItem(QCoreApplication.translate("sections", info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setToolTip(
                QCoreApplication.translate("MainWindow", "%s (Ctrl+%d)") % (item.text(), index + 1)
            )
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.nav.setCurrentRow(i))
        self.nav.currentRowChanged.connect(self._show_row)

    def _build_sidebar(self, actions: AppActions) -> QFrame:
        sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(216)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(14, 18, 14, 14)
        side.setSpacing(10)
        title_row = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(28, 28)))
        logo.setAccessibleName(APP_NAME)
        title_row.addWidget(logo)
        title = QLabel(APP_NAME)
        title.setObjectName("AppTitle")
        title.setWordWrap(True)
        title_row.addWidget(title, 1)
        side.addLayout(title_row)
        side.addSpacing(6)
        side.addWidget(self.nav, 1)

        self.status_label = QLabel()
        self.status_label.setObjectName("StatusLine")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Reminder status")
        )
        self.pause_button = QToolButton()
        self.pause_button.setObjectName("PauseButton")
        self.pause_button.setText(QCoreApplication.translate("MainWindow", "Pause reminders"))
        self.pause_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Pause or resume reminders")
        )
        self.pause_button.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Pause or resume reminders")
        )
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pause_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.pause_button.setMenu(actions.pause_menu(self))
        side.addWidget(self.status_label)
        side.addWidget(self.pause_button)
        return sidebar

    def _build_content(self) -> QWidget:
        """The page stack, with room above it for notices."""
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(24, 0, 24, 0)
        self.banners.setSpacing(8)
        right_layout.addLayout(self.banners)
        right_layout.addWidget(self.stack, 1)
        self._right = right
        return right

    # -- what the app calls -------------------------------------------------
    def current_section(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_section(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(f"No section {key!r}; known: {', '.join(self.sections)}")

    def page(self, key: str) -> QWidget:
        """The page of a section, built now if it has not been shown yet."""
        if key not in self._pages:
            row = list(self.sections).index(key)
            page = self._build_page(key)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._pages[key] = page
        return self._pages[key]

    def add_banner(self, text: str, on_dismiss: Callable[[], None] | None = None) -> QFrame:
        """A notice above the page that stays until the user dismisses it."""
        banner = QFrame()
        banner.setObjectName("Banner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(14, 10, 10, 10)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(label, 1)
        button = QPushButton(QCoreApplication.translate("MainWindow", "Got it"))
        button.setAccessibleName(QCoreApplication.translate("MainWindow", "Dismiss notice"))
        button.setAccessibleDescription(text)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        def dismiss() -> None:
            banner.hide()
            self.banners.removeWidget(banner)
            banner.deleteLater()
            if on_dismiss is not None:
                on_dismiss()
            if self.banners.count() == 0:
                self.banners.setContentsMargins(24, 0, 24, 0)

        button.clicked.connect(dismiss)
        self.banners.setContentsMargins(24, 16, 24, 0)
        self.banners.addWidget(banner)
        return banner

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh_icons(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        for row in range(self.nav.count()):
            key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
            self.nav.item(row).setIcon(line_icon(self.sections[key].icon, colour))
        self.pause_button.setIcon(line_icon("pause", colour))

    # -- Qt events ----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if importable_paths(event.mimeData().urls()):
            event.acceptProposedAction()
            self._show_drop_hint(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if importable_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_drop_hint(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drop_hint(False)
        paths = importable_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.refresh_icons()

    # -- internals ------------------------------------------------------------
    def _show_drop_hint(self, on: bool) -> None:
        """While files are dragged over the window: what dropping them does, over the page."""
        if not on:
            if self._drop_hint is not None:
                self._drop_hint.hide()
            return
        if self._drop_hint is None:
            hint = QFrame(self._right)
            hint.setObjectName("Banner")
            hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column = QVBoxLayout(hint)
            column.setContentsMargins(40, 24, 40, 24)
            column.setSpacing(12)
            column.addStretch(1)
            for text, name in (
                (QCoreApplication.translate("MainWindow", "Drop to import your runs"), "PageTitle"),
                (
                    QCoreApplication.translate(
                        "MainWindow",
                        "FIT, GPX or TCX files (gzipped too), an export ZIP from Garmin or "
                        "Strava, or a folder such as a Google Takeout export.",
                    ),
                    "",
                ),
            ):
                label = QLabel(text)
                label.setObjectName(name)
                label.setWordWrap(True)
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                column.addWidget(label)
            column.addStretch(1)
            self._drop_hint = hint
        self._drop_hint.setGeometry(self._right.rect().adjusted(16, 16, -16, -16))
        self._drop_hint.raise_()
        self._drop_hint.show()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        self.stack.setCurrentWidget(self.page(key))
        self.section_changed.emit(key)

    def set_status_override(self, text: str | None) -> None:
        """Say ``text`` where the reminders' status goes, whatever the pause says (read-only
        mode: reminders are off); None goes back to the pause's words."""
        self._status_override = text
        self._sync_status()

    def _sync_status(self) -> None:
        text = self._status_override or self._pause.describe()
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
