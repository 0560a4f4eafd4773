"""The Guide page driven as a reader would: search, the list, the text, keys and sizes."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from companion.domain.guide import Guide
from companion.resources import load_guide
from companion.ui.guide.page import NARROW, READING_CHARS, GuidePage
from companion.ui.theme import Scheme, Theme

SHOTS = Path("/tmp/guide-shots")


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide()


@pytest.fixture
def theme(qapp) -> Theme:
    theme = Theme(qapp, follow_system=False)
    theme.apply(Scheme.LIGHT)
    return theme


def build(qtbot, guide: Guide, size: tuple[int, int]) -> GuidePage:
    page = GuidePage(guide)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, guide, theme) -> Iterator[GuidePage]:
    page = build(qtbot, guide, (1000, 680))
    yield page
    gone(page)


def gone(page: GuidePage) -> None:
    """Closed and deleted now, not at some later loop: pages left behind slow later tests."""
    page.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def listed(page: GuidePage) -> list[str]:
    return [page.list.passage_id(row) or "" for row in range(page.list.count())]


def headings(page: GuidePage) -> list[str]:
    return [
        page.list.item(row).text()
        for row in range(page.list.count())
        if not page.list.is_passage(row)
    ]


def active(qtbot, page: GuidePage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


# -- what it shows ------------------------------------------------------------------------------
def test_the_page_lists_every_chapter_and_passage_and_opens_on_the_first(page, guide):
    assert page.findChild(QLabel, "PageTitle").text() == "Guide"
    assert page.notice.text() == guide.notice
    assert "not medical advice" in page.notice.text()
    assert headings(page) == [c.title for c in guide.chapters]
    assert [pid for pid in listed(page) if pid] == list(guide.ids)
    first = guide.passages[0]
    assert page.current == first.id
    assert page.list.currentItem().text() == first.title
    assert page.reader.title.text() == first.title
    assert guide.chapters[0].title in page.reader.chapter.text()
    assert page.reader.chapter.accessibleName() == f"Chapter: {guide.chapters[0].title}"


def test_a_passage_shows_its_evidence_tag_and_text(page, guide):
    page.show_passage("epsom_salt")
    assert page.reader.evidence.isVisible()
    assert page.reader.evidence.text() == "Evidence: no proven effect"
    assert page.reader.evidence.accessibleName() == "Evidence: no proven effect"
    page.show_passage("warm_baths")
    assert page.reader.evidence.text() == "Evidence: some"
    body = page.reader.body.text()
    assert "never above 40 °C" in body
    assert body.count("<li") == 4  # the "- " lines are a list
    page.show_passage("stop_at_once")  # safety information carries no grade
    assert not page.reader.evidence.isVisible()


def test_show_passage_selects_scrolls_and_shows_it_from_the_top(page, guide):
    page.show_passage("same_day_care")
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == "same_day_care"
    assert page.list.visualItemRect(page.list.currentItem()).intersects(page.list.viewport().rect())
    assert page.reader.title.text() == "Get medical advice today"
    assert page.reader.verticalScrollBar().value() == 0
    with pytest.raises(KeyError, match="known: doms"):
        page.show_passage("no_such_passage")


def test_show_passage_clears_a_search_that_hides_it(page):
    page.search.setText("epsom")
    assert listed(page) == ["epsom_salt"]
    page.show_passage("sleep")
    assert page.search.text() == ""
    assert len(listed(page)) > 20
    assert page.list.currentItem().text() == "Sleep"


# -- search -------------------------------------------------------------------------------------
def test_searching_lists_the_matching_passages_with_snippets(page):
    page.search.setText("cold water")
    ids = listed(page)
    assert ids[0] == "cold_water_soaks"  # the title match first
    assert "contrast_water" in ids
    assert not headings(page)
    assert page.result_note.isVisible()
    assert page.result_note.text() == f"{len(ids)} passages match “cold water”."
    item = page.list.item(0)
    assert "cold water" in item.data(int(Qt.ItemDataRole.UserRole) + 2).lower()
    assert item.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Cold-water soaks")
    assert page.list.accessibleName() == "Search results"


def test_one_match_and_no_match_say_so(page):
    page.search.setText("Epsom")
    assert page.result_note.text() == "1 passage matches “Epsom”."
    page.search.setText("unicorn tears")
    assert page.result_note.text().startswith("No passages match “unicorn tears”.")
    assert page.result_note.isVisible()
    assert not page.list.isVisible()
    page.search.clear()
    assert not page.result_note.isVisible()
    assert page.list.isVisible()
    assert headings(page)


def test_the_words_searched_for_are_marked_in_the_text(page):
    page.show_passage("ice_packs")
    page.search.setText("skin")
    highlight = page.palette().color(QPalette.ColorRole.Highlight).name()
    assert f"background-color: {highlight};" in page.reader.body.text()
    page.search.clear()
    assert "background-color" not in page.reader.body.text()


def test_a_quoted_title_in_the_text_opens_that_passage(page):
    page.show_passage("doms")
    assert 'href="passage:book_a_check"' in page.reader.body.text()
    page.reader.body.linkActivated.emit("passage:book_a_check")
    assert page.current == "book_a_check"
    # A chapter's title opens its first passage.
    page.show_passage("heavy_legs")
    assert 'href="passage:stop_at_once"' in page.reader.body.text()


def test_previous_and_next_walk_the_guide_in_order(page, guide, qtbot):
    page.show_passage(guide.passages[0].id)
    assert not page.reader.previous_button.isEnabled()
    assert page.reader.next_button.accessibleName() == f"Next passage: {guide.passages[1].title}"
    qtbot.mouseClick(page.reader.next_button, Qt.MouseButton.LeftButton)
    assert page.current == guide.passages[1].id
    qtbot.mouseClick(page.reader.previous_button, Qt.MouseButton.LeftButton)
    assert page.current == guide.passages[0].id
    page.show_passage(guide.passages[-1].id)
    assert not page.reader.next_button.isEnabled()


# -- keyboard -----------------------------------------------------------------------------------
def test_tab_goes_from_search_to_list_to_text(page, qtbot):
    active(qtbot, page)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.list
    qtbot.keyClick(page.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.reader


def test_arrow_keys_move_through_passages_skipping_chapter_headings(page, guide, qtbot):
    active(qtbot, page)
    chapter = guide.chapters[0]
    page.show_passage(chapter.passages[-1].id)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # over the next chapter's heading
    assert page.current == guide.chapters[1].passages[0].id
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert page.current == chapter.passages[-1].id
    qtbot.keyClick(page.list, Qt.Key.Key_Home)  # the first passage, not the first heading
    assert page.current == guide.passages[0].id
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert page.current == guide.passages[0].id
    qtbot.keyClick(page.list, Qt.Key.Key_End)
    assert page.current == guide.passages[-1].id


def test_enter_opens_the_passage_in_the_text(page, qtbot):
    active(qtbot, page)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    chosen = page.current
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert page.current == chosen
    assert QApplication.focusWidget() is page.reader


def test_ctrl_f_finds_and_the_search_keys_work(page, qtbot):
    active(qtbot, page)
    page.reader.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "sleep")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is page.list
    assert page.current == "sleep"
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.keyClicks(page.search, "epsom")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # opens the first result
    assert page.current == "epsom_salt"


# -- names for screen readers -------------------------------------------------------------------
def test_everything_has_a_name_for_screen_readers(page):
    page.show_passage("ice_packs")
    assert page.accessibleName() == "Guide"
    assert page.search.accessibleName() == "Search the guide"
    assert page.search.isClearButtonEnabled()
    assert page.list.accessibleName() == "Chapters and passages"
    assert page.reader.accessibleName() == "Passage: Ice packs: pain relief, not a quicker recovery"
    assert page.reader.body.accessibleName() == page.reader.title.text()
    assert "thin damp cloth" in page.reader.body.accessibleDescription()
    assert page.notice.accessibleName() == "About this guide"
    heading = page.list.item(0)
    assert heading.data(Qt.ItemDataRole.AccessibleTextRole) == "Chapter: Why legs get sore"
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            assert widget.accessibleName(), widget


# -- sizes --------------------------------------------------------------------------------------
def test_narrow_pages_stack_the_list_above_the_text(page, qtbot):
    page.resize(420, 700)
    QApplication.processEvents()
    assert page.viewport().width() < NARROW
    assert page.is_narrow()
    assert page.splitter.orientation() is Qt.Orientation.Vertical
    assert page.horizontalScrollBar().maximum() == 0
    assert page.widget().width() <= page.viewport().width()
    assert page.reader.horizontalScrollBar().maximum() == 0
    page.resize(1280, 800)
    QApplication.processEvents()
    assert not page.is_narrow()
    assert page.splitter.orientation() is Qt.Orientation.Horizontal


def test_wide_pages_hold_the_text_to_a_comfortable_width(page):
    page.resize(1600, 900)
    page.show_passage("doms")
    QApplication.processEvents()
    width = page.reader.column.width()
    average = QFontMetrics(page.reader.reading_font()).averageCharWidth()
    assert page.reader.reading_font().pointSizeF() > page.font().pointSizeF()
    assert f"font-size: {page.reader.reading_font().pointSizeF():.2f}pt" in page.reader.body.text()
    assert width <= page.reader.reading_width() == average * READING_CHARS
    assert width >= average * 55  # and uses the room it has
    assert page.reader.viewport().width() > width + 100  # the pane itself is wider


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("size", [(420, 700), (1280, 800)], ids=["small", "large"])
def test_screenshots(qtbot, guide, theme, scheme, size):
    theme.apply(scheme)
    page = build(qtbot, guide, size)
    page.show_passage("cold_water_soaks")
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"guide-{size[0]}x{size[1]}-{scheme}"
    image = page.grab().toImage()
    image.save(str(SHOTS / f"{name}.png"))
    # The text column sits on the reading pane's base colour, its title in the text colour.
    palette = page.palette()
    base = palette.color(QPalette.ColorRole.Base)
    corner = page.reader.column.mapTo(page, QPoint(-8, 4))
    assert QColor(image.pixel(corner)).name() == base.name()
    text = palette.color(QPalette.ColorRole.Text)
    assert abs(text.lightness() - base.lightness()) > 150
    # Nothing is cut off sideways.
    assert page.horizontalScrollBar().maximum() == 0
    assert page.reader.horizontalScrollBar().maximum() == 0
    assert page.reader.column.geometry().right() <= page.reader.viewport().width()
    page.search.setText("cold")
    QApplication.processEvents()
    page.grab().save(str(SHOTS / f"{name}-search.png"))
    theme.apply(Scheme.LIGHT)
    gone(page)


def test_a_theme_change_recolours_the_links_and_marks(page, theme):
    page.show_passage("doms")
    light = page.palette().color(QPalette.ColorRole.Link).name()
    assert light in page.reader.body.text()
    theme.apply(Scheme.DARK)
    QApplication.processEvents()
    dark = page.palette().color(QPalette.ColorRole.Link).name()
    assert dark != light
    assert dark in page.reader.body.text()
    theme.apply(Scheme.LIGHT)


def test_every_button_does_something(page):
    for button in page.findChildren(QPushButton):
        meta = button.metaObject()
        clicked = meta.method(meta.indexOfSignal("clicked(bool)"))
        assert button.isSignalConnected(clicked), button.text()
