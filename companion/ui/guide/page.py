"""The Guide: short reading on sore legs, searchable and readable at any window size.

Top to bottom: the title, the notice that this is general guidance and not
medical advice, and a search field (Ctrl+F). Below them, the chapters and
passages (or the search results) and the passage itself. Wide pages put the
list beside the text and hold the text to a comfortable reading width; narrow
pages stack the list above the text.

Keyboard: Tab goes search, list, text; the arrow keys move through the list
(skipping chapter headings) and show each passage; Enter opens it and moves to
the text; Down in the search field goes to the results; Escape clears it.

The page only shows the guide: it holds no rules and reports nothing.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain.guide import BulletList, Evidence, Guide, Passage, search
from companion.resources import style_sheet
from companion.ui.sections import SectionPage, make_label, section_info

NARROW = 760  # below this page width the list sits above the text
READING_CHARS = 70  # the text column is held to about this many characters a line
READING_SCALE = 1.05  # the text's size against the window's
LIST_WIDTH = 280  # the list's width beside the text, before the user drags the divider
LINK_SCHEME = "passage:"

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SNIPPET_ROLE = int(Qt.ItemDataRole.UserRole) + 2
HEADING, PASSAGE, HIT = "heading", "passage", "hit"


def _muted(palette: QPalette) -> QColor:
    """The text colour moved a third of the way towards the background: quieter, readable."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        round(text.red() * 0.68 + base.red() * 0.32),
        round(text.green() * 0.68 + base.green() * 0.32),
        round(text.blue() * 0.68 + base.blue() * 0.32),
    )


class GuideList(QListWidget):
    """Chapter headings with their passages, or search results; the arrow keys skip headings."""

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        if not index.isValid() or self.is_passage(index.row()):
            return index
        move = QAbstractItemView.CursorAction
        forward = action in (
            move.MoveDown,
            move.MoveNext,
            move.MovePageDown,
            move.MoveHome,
            move.MoveRight,
        )
        for step in (1, -1) if forward else (-1, 1):
            row = index.row()
            while 0 <= row < self.count():
                if self.is_passage(row):
                    return self.model().index(row, 0)
                row += step
        return self.currentIndex()

    def is_passage(self, row: int) -> bool:
        item = self.item(row)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsSelectable)

    def passage_id(self, row: int) -> str | None:
        item = self.item(row)
        value = item.data(ID_ROLE) if item is not None else None
        return str(value) if value else None


class _ItemDelegate(QStyledItemDelegate):
    """Headings in quiet bold with room above; results with their snippet under the title."""

    PAD_X, PAD_Y, GAP = 10, 6, 10

    def __init__(self, view: GuideList) -> None:
        super().__init__(view)
        self._view = view

    def _width(self) -> int:
        """The text width of every item: the list's inside less the padding either side."""
        return max(60, self._view.viewport().width() - 2 * self.PAD_X)

    @staticmethod
    def _fonts(option: QStyleOptionViewItem, kind: str) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        if kind == HEADING:
            title.setBold(True)
        elif kind == HIT:
            title.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        return title, small

    def _heights(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> tuple[int, int]:
        kind = str(index.data(KIND_ROLE))
        title_font, small_font = self._fonts(option, kind)
        box = QRect(0, 0, width, 100_000)
        wrap = int(Qt.TextFlag.TextWordWrap)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_h = QFontMetrics(title_font).boundingRect(box, wrap, title).height()
        snippet = str(index.data(SNIPPET_ROLE) or "")
        snippet_h = (
            QFontMetrics(small_font).boundingRect(box, wrap, snippet).height() if snippet else 0
        )
        return title_h, snippet_h

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._width()
        title_h, snippet_h = self._heights(option, index, width)
        height = title_h + (snippet_h + 3 if snippet_h else 0) + 2 * self.PAD_Y
        if index.data(KIND_ROLE) == HEADING and index.row() > 0:
            height += self.GAP
        return QSize(width, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        kind = str(index.data(KIND_ROLE))
        rect = QRect(opt.rect)
        if kind == HEADING and index.row() > 0:
            rect.setTop(rect.top() + self.GAP)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if kind != HEADING:
            background = QStyleOptionViewItem(opt)
            background.rect = rect
            background.text = ""
            style = opt.widget.style() if opt.widget is not None else QApplication.style()
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, background, painter, opt.widget
            )
        palette = opt.palette
        if selected:
            colour = muted = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            colour, muted = palette.color(QPalette.ColorRole.Text), _muted(palette)
        title_font, small_font = self._fonts(opt, kind)
        area = QRect(rect.left() + self.PAD_X, rect.top() + self.PAD_Y, self._width(), 0)
        title_h, snippet_h = self._heights(opt, index, area.width())
        wrap = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(muted if kind == HEADING else colour)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(QRect(area.left(), area.top(), area.width(), title_h), wrap, title)
        snippet = str(index.data(SNIPPET_ROLE) or "")
        if snippet:
            painter.setFont(small_font)
            painter.setPen(muted)
            top = area.top() + title_h + 3
            painter.drawText(QRect(area.left(), top, area.width(), snippet_h), wrap, snippet)
        painter.restore()


class SearchField(QLineEdit):
    """A search box where Escape clears the words and Down moves on to the results."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        else:
            super().keyPressEvent(event)


class PassageView(QScrollArea):
    """One passage: its chapter, title, evidence tag and text, and the way on."""

    passage_requested = Signal(str)  # a cross-reference or previous / next was chosen

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        # Cross-references quote a passage's title, or a chapter's for its first passage.
        self._links = {c.title: c.passages[0].id for c in guide.chapters} | {
            p.title: p.id for p in guide
        }
        self.setObjectName("GuideReader")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QCoreApplication.translate("GuidePage", "Passage text"))
        self.passage: Passage | None = None
        self._words: tuple[str, ...] = ()
        self._link_colour = ""
        self._build()

    def _build(self) -> None:
        inner = QWidget()
        inner.setObjectName("GuideReaderInner")
        self._row = row = QHBoxLayout(inner)
        row.setContentsMargins(28, 20, 28, 24)
        row.setSpacing(0)
        self.column = QWidget()
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        row.addWidget(self.column, 100)
        row.addStretch(1)

        self.chapter = make_label("", "Muted")
        self.title = make_label("", "GuideTitle")
        self.evidence = QLabel()
        self.evidence.setObjectName("EvidenceTag")
        self.evidence.setToolTip(
            QCoreApplication.translate(
                "GuidePage",
                "How strong the research is for what this passage describes. Good: several "
                "good studies agree. Some: small or moderate benefits, or mixed studies. "
                "Little: few or weak studies. No proven effect: studies looked and found none.",
            )
        )
        self.body = QLabel()
        self.body.setObjectName("GuideBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(False)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.linkActivated.connect(self._link)

        column.addWidget(self.chapter)
        column.addWidget(self.title)
        column.addWidget(self.evidence, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(4)
        column.addWidget(self.body)
        column.addLayout(self._steps())
        column.addStretch(1)
        self.setWidget(inner)
        self.viewport().setAutoFillBackground(False)
        self._fit_column()

    def _steps(self) -> QHBoxLayout:
        """Previous and Next, named for screen readers by the passages they open."""
        self.previous_button = QPushButton(QCoreApplication.translate("GuidePage", "Previous"))
        self.next_button = QPushButton(QCoreApplication.translate("GuidePage", "Next"))
        self.previous_button.setAutoDefault(True)  # Enter as well as Space
        self.next_button.setAutoDefault(True)
        self.previous_button.clicked.connect(lambda: self._go(0))
        self.next_button.clicked.connect(lambda: self._go(1))
        steps = QHBoxLayout()
        steps.setContentsMargins(0, 10, 0, 0)
        steps.addWidget(self.previous_button)
        steps.addStretch(1)
        steps.addWidget(self.next_button)
        return steps

    # -- what the page calls ------------------------------------------------------------------
    def show_passage(self, passage_id: str, words: tuple[str, ...] = ()) -> None:
        """Show a passage from the top, marking where ``words`` start words in its text."""
        moved = self.passage is None or self.passage.id != passage_id
        self.passage = self.guide.get(passage_id)
        self._words = words
        self._render()
        if moved:
            self.verticalScrollBar().setValue(0)

    def set_compact(self, compact: bool) -> None:
        """Narrow margins around the text when the page is narrow."""
        side = 16 if compact else 28
        self._row.setContentsMargins(side, 16 if compact else 20, side, 20 if compact else 24)

    def reading_font(self) -> QFont:
        """The text's font: a touch larger than the window's, for reading."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * READING_SCALE)
        return font

    def reading_width(self) -> int:
        """The widest the text column grows: about READING_CHARS characters."""
        return QFontMetrics(self.reading_font()).averageCharWidth() * READING_CHARS

    # -- drawing ---------------------------------------------------------------------------
    def _render(self) -> None:
        passage = self.passage
        if passage is None:
            return
        before, after = self.guide.neighbours(passage.id)
        chapter = self.guide.chapter(passage.chapter_id).title
        # Sizes go in the text: a font set on a label is lost when a style sheet re-polishes it.
        self.chapter.setText(_sized(chapter, self.font().pointSizeF() * 0.9, bold=True))
        self.chapter.setAccessibleName(
            QCoreApplication.translate("GuidePage", "Chapter: %s") % chapter
        )
        self.title.setText(passage.title)
        self.title.setAccessibleName(passage.title)
        if passage.evidence is Evidence.NOT_A_CLAIM:
            self.evidence.hide()
        else:
            tag = QCoreApplication.translate(
                "GuidePage", "Evidence: %s"
            ) % QCoreApplication.translate("GuidePage", passage.evidence.label)
            self.evidence.setText(tag)
            self.evidence.setAccessibleName(tag)
            self.evidence.show()
        text = self._html(passage, self._words)
        self.body.setText(text)
        # Tab stops on the text only when it has cross-references to follow.
        has_links = f'href="{LINK_SCHEME}' in text
        self.body.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if has_links else Qt.FocusPolicy.NoFocus
        )
        self.body.setAccessibleName(passage.title)
        self.body.setAccessibleDescription(passage.text)
        self.setAccessibleName(
            QCoreApplication.translate("GuidePage", "Passage: %s") % passage.title
        )
        for button, target, words_for in (
            (
                self.previous_button,
                before,
                QCoreApplication.translate("GuidePage", "Previous passage: %s"),
            ),
            (self.next_button, after, QCoreApplication.translate("GuidePage", "Next passage: %s")),
        ):
            button.setEnabled(target is not None)
            button.setToolTip(target.title if target else "")
            button.setAccessibleName(words_for % target.title if target else button.text())

    def _html(self, passage: Passage, words: tuple[str, ...]) -> str:
        palette = self.palette()
        marks = (
            palette.color(QPalette.ColorRole.Highlight).name(),
            palette.color(QPalette.ColorRole.HighlightedText).name(),
        )
        # Qt bakes a link's colour in when it parses the text: name it, so a theme change shows.
        self._link_colour = palette.color(QPalette.ColorRole.Link).name()
        pattern = (
            re.compile("|".join(r"(?<!\w)" + re.escape(w) for w in words), re.IGNORECASE)
            if words
            else None
        )
        parts: list[str] = []
        for block in passage.blocks:
            if isinstance(block, BulletList):
                items = "".join(
                    f'<li style="margin-bottom: 5px; line-height: 135%;">'
                    f"{self._inline(item, pattern, marks)}</li>"
                    for item in block.items
                )
                parts.append(f'<ul style="margin-top: 0px; margin-bottom: 12px;">{items}</ul>')
            else:
                parts.append(
                    f'<p style="margin-top: 0px; margin-bottom: 12px; line-height: 135%;">'
                    f"{self._inline(block.text, pattern, marks)}</p>"
                )
        size = self.reading_font().pointSizeF()
        return f'<div style="font-size: {size:.2f}pt;">{"".join(parts)}</div>'

    def _inline(self, text: str, pattern: re.Pattern[str] | None, marks: tuple[str, str]) -> str:
        """Escaped text with quoted titles as links, quotes curled, and search words marked."""
        out: list[str] = []
        last = 0
        for match in re.finditer(r'"([^"]+)"', text):
            out.append(_marked(text[last : match.start()], pattern, marks))
            quoted = match.group(1)
            target = self._links.get(quoted)
            inner = _marked(quoted, pattern, marks)
            if target:
                out.append(
                    f'“<a href="{LINK_SCHEME}{target}" style="color: {self._link_colour};">'
                    f"{inner}</a>”"
                )
            else:
                out.append(f"“{inner}”")
            last = match.end()
        out.append(_marked(text[last:], pattern, marks))
        return "".join(out)

    def _link(self, href: str) -> None:
        if href.startswith(LINK_SCHEME):
            self.passage_requested.emit(href.removeprefix(LINK_SCHEME))

    def _go(self, which: int) -> None:
        if self.passage is not None:
            target = self.guide.neighbours(self.passage.id)[which]
            if target is not None:
                self.passage_requested.emit(target.id)

    def _fit_column(self) -> None:
        self.column.setMaximumWidth(self.reading_width())

    # -- Qt events ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._render()  # the search marks take the palette's colours
        if event.type() == QEvent.Type.FontChange:
            self._fit_column()
            self._render()


def _sized(text: str, points: float, *, bold: bool = False) -> str:
    """``text`` as rich text of a given size (and weight), escaped."""
    weight = " font-weight: 600;" if bold else ""
    return f'<span style="font-size: {points:.2f}pt;{weight}">{html.escape(text)}</span>'


def _marked(text: str, pattern: re.Pattern[str] | None, marks: tuple[str, str]) -> str:
    if pattern is None:
        return html.escape(text, quote=False)
    background, foreground = marks
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(
            f'<span style="background-color: {background}; color: {foreground};">'
            f"{html.escape(match.group(0), quote=False)}</span>"
        )
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


class GuidePage(SectionPage):
    """The Guide section: search, the list of passages and the passage being read."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(section_info("guide"), parent)
        self.compact_below = NARROW
        self.guide = guide
        self.current: str | None = None
        self._words: tuple[str, ...] = ()
        self._narrow: bool | None = None
        self.setStyleSheet(style_sheet("guide"))

        self.notice = make_label(guide.notice, "Muted")
        self.notice.setAccessibleName(QCoreApplication.translate("GuidePage", "About this guide"))
        self.notice.setAccessibleDescription(guide.notice)
        self.content.addWidget(self.notice)

        self._build_search()
        self._build_panes()

        QWidget.setTabOrder(self.search, self.list)
        QWidget.setTabOrder(self.list, self.reader)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._open_first)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(self._activated)
        self.reader.passage_requested.connect(lambda pid: self.show_passage(pid, focus=True))

        self._fill_contents()
        self._arrange(narrow=False)
        if len(guide):
            self.show_passage(guide.passages[0].id)

    def _build_search(self) -> None:
        self.search = SearchField()
        self.search.setObjectName("GuideSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            QCoreApplication.translate("GuidePage", "Search the guide, e.g. ice bath or sleep")
        )
        self.search.setAccessibleName(QCoreApplication.translate("GuidePage", "Search the guide"))
        self.search.setMaximumWidth(560)
        self.search.setToolTip(QCoreApplication.translate("GuidePage", "Search the guide (Ctrl+F)"))
        self.search.down_pressed.connect(self._to_results)
        self.content.addWidget(self.search)

    def _build_panes(self) -> None:
        """The list (or results) and the text, in a splitter the page turns on narrow widths."""
        self.result_note = make_label("", "Muted")
        self.result_note.hide()
        self.list = GuideList()
        self.list.setObjectName("GuideList")
        self.list.setAccessibleName(
            QCoreApplication.translate("GuidePage", "Chapters and passages")
        )
        self.list.setItemDelegate(_ItemDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list_panel = QWidget()
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(6)
        panel.addWidget(self.result_note)
        panel.addWidget(self.list, 1)

        self.reader = PassageView(self.guide)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(14)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setMinimumHeight(320)
        self.splitter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.content.addWidget(self.splitter, 1)

    # -- what the app calls ------------------------------------------------------------------
    def set_guide(self, guide: Guide) -> None:
        """The same passages written differently (Settings changed the units)."""
        self.guide = guide
        self.reader.guide = guide
        if self.reader.passage is not None:
            self.reader.show_passage(self.reader.passage.id, self._words)
        if self.search.text():
            self._search_changed(self.search.text())

    def show_passage(self, passage_id: str, *, focus: bool = False) -> None:
        """Select ``passage_id`` in the list, scroll to it and show it from the top.

        A search that hides the passage is cleared first. ``focus`` moves the
        keyboard to the text. Raises KeyError, naming the known ids, for an unknown id.
        """
        self.guide.get(passage_id)
        item = self._item(passage_id)
        if item is None:
            self.search.clear()  # the full list again
            item = self._item(passage_id)
        assert item is not None
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._show(passage_id)
        if focus:
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        self.ensureWidgetVisible(self.search)

    def is_narrow(self) -> bool:
        """The list sits above the text (True) or beside it."""
        return bool(self._narrow)

    # -- the list ----------------------------------------------------------------------------
    def _fill_contents(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for chapter in self.guide.chapters:
            heading = QListWidgetItem(chapter.title)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setData(KIND_ROLE, HEADING)
            heading.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                QCoreApplication.translate("GuidePage", "Chapter: %s") % chapter.title,
            )
            self.list.addItem(heading)
            for passage in chapter.passages:
                item = QListWidgetItem(passage.title)
                item.setData(ID_ROLE, passage.id)
                item.setData(KIND_ROLE, PASSAGE)
                self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setAccessibleName(
            QCoreApplication.translate("GuidePage", "Chapters and passages")
        )
        self.result_note.hide()
        self.list.show()

    def _search_changed(self, text: str) -> None:
        query = text.strip()
        self._words = tuple(query.split())
        if not query:
            self._fill_contents()
            if self.current is not None:
                item = self._item(self.current)
                if item is not None:
                    self.list.setCurrentItem(item)
                    self.list.scrollToItem(item)
            self._show(self.current)
            return
        hits = search(self.guide, query)
        self.list.blockSignals(True)
        self.list.clear()
        for hit in hits:
            item = QListWidgetItem(hit.title)
            item.setData(ID_ROLE, hit.passage_id)
            item.setData(KIND_ROLE, HIT)
            item.setData(SNIPPET_ROLE, hit.snippet)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}. {hit.snippet}")
            item.setToolTip(hit.snippet)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if hits:
            note = (
                QCoreApplication.translate("GuidePage", "1 passage matches “%s”.") % query
                if len(hits) == 1
                else QCoreApplication.translate("GuidePage", "%d passages match “%s”.")
                % (len(hits), query)
            )
        else:
            note = (
                QCoreApplication.translate(
                    "GuidePage", "No passages match “%s”. Try fewer or shorter words."
                )
                % query
            )
        self.result_note.setText(note)
        self.result_note.setAccessibleName(note)
        self.result_note.show()
        self.list.setVisible(bool(hits))
        self.list.setAccessibleName(QCoreApplication.translate("GuidePage", "Search results"))
        current = self._item(self.current) if self.current else None
        if current is not None:
            self.list.blockSignals(True)
            self.list.setCurrentItem(current)
            self.list.blockSignals(False)
            self.list.scrollToItem(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.list.scrollToTop()
        self._show(self.current)  # mark the words in the passage being read

    def _open_first(self) -> None:
        """Enter in the search field: open the first result and go to the list."""
        for row in range(self.list.count()):
            passage_id = self.list.passage_id(row)
            if passage_id:
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                self.show_passage(passage_id)
                return

    def _to_results(self) -> None:
        """Down in the search field: into the list, on the first passage if none is chosen."""
        if not (self.list.isVisible() and self.list.count()):
            return
        self.list.setFocus(Qt.FocusReason.TabFocusReason)
        if self.list.currentItem() is None:
            for row in range(self.list.count()):
                if self.list.is_passage(row):
                    self.list.setCurrentRow(row)
                    break

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        passage_id = item.data(ID_ROLE) if item is not None else None
        if passage_id:
            self._show(str(passage_id))

    def _activated(self, item: QListWidgetItem) -> None:
        passage_id = item.data(ID_ROLE)
        if passage_id:
            self.show_passage(str(passage_id), focus=True)

    def _item(self, passage_id: str | None) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if passage_id and self.list.passage_id(row) == passage_id:
                return self.list.item(row)
        return None

    def _show(self, passage_id: str | None) -> None:
        if passage_id is None:
            return
        self.current = passage_id
        self.reader.show_passage(passage_id, self._words)

    # -- layout ------------------------------------------------------------------------------
    def _arrange(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if narrow:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.list_panel.setMinimumWidth(0)
            self.list_panel.setMaximumWidth(16_777_215)
            self.list_panel.setMinimumHeight(130)
            self.reader.setMinimumHeight(180)
            self.reader.set_compact(True)
            self.splitter.setSizes([190, 400])
        else:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.list_panel.setMinimumHeight(0)
            self.reader.setMinimumHeight(0)
            self.reader.set_compact(False)
            self.list_panel.setMinimumWidth(200)
            self.list_panel.setMaximumWidth(380)
            self.splitter.setSizes([LIST_WIDTH, max(self.splitter.width() - LIST_WIDTH, 400)])

    # -- Qt events ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=self.viewport().width() < NARROW)
