"""Settings' "Watched folder" card: off by default, Choose folder… and Stop watching, saved."""

from __future__ import annotations

from companion.storage.preferences import PreferencesRepository


def card_of(companion):
    companion.window.show_section("settings")
    return companion.window.page("settings").watch_folder


def test_choose_and_stop_are_saved_and_followed(make_app, tmp_path, qtbot):
    companion = make_app(has_tray=True)
    card = card_of(companion)
    assert card.where.text() == "Off: no folder is watched."
    assert not card.stop.isVisible()
    asked = []

    def choose(parent, caption, start):
        asked.append((parent, caption, start))
        return str(tmp_path)

    card.choose_folder = choose
    card.choose.click()
    assert asked == [(card, "Folder to watch for activity files", "")]
    assert PreferencesRepository(companion.db).load().preferences.watch_folder == str(tmp_path)
    assert card.where.accessibleName() == f"Watching: {tmp_path}"
    assert card.where.text().replace("\u200b", "") == f"Watching: {tmp_path}"
    assert card.stop.isVisible() and card.choose.text() == "Choose another folder…"
    assert companion.folder_watch is not None
    assert companion.folder_watch.watching == [str(tmp_path)]

    card.choose_folder = lambda *_args: ""  # cancelled: nothing changes
    card.choose.click()
    assert PreferencesRepository(companion.db).load().preferences.watch_folder == str(tmp_path)

    card.stop.click()
    assert PreferencesRepository(companion.db).load().preferences.watch_folder == ""
    assert card.where.text() == "Off: no folder is watched."
    assert not card.stop.isVisible()
    assert companion.folder_watch.watching == []


def test_a_long_path_wraps_instead_of_widening_the_page(make_app):
    companion = make_app(has_tray=True)
    card = card_of(companion)
    long_path = "/media/runner/" + "/".join(["GarminForerunner965ActivityFiles"] * 6)
    assert companion.preferences.request(watch_folder=long_path).allowed
    # A line may break after each "/" (a zero-width space); a reader hears the plain path.
    assert card.where.text().count("/\u200b") == long_path.count("/")
    assert card.where.accessibleName() == f"Watching: {long_path}"


def test_a_change_from_elsewhere_shows(make_app, tmp_path):
    companion = make_app(has_tray=True)
    card = card_of(companion)
    assert companion.preferences.request(watch_folder=str(tmp_path)).allowed  # the CLI, say
    assert card.where.accessibleName() == f"Watching: {tmp_path}"
    assert card.choose.accessibleName() == "Choose the watched folder"
