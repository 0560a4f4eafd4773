"""The watched folder in the running app: a real folder, Qt's file watching, one
notification of what arrived, and History on a click."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta

import pytest

from companion.app.watch_folder import follow_folder
from companion.services.watch_folder import SEEN_KEY
from companion.storage.activities import ActivityRepository
from companion.storage.settings import SettingsRepository
from tests.helpers.activity_files import START, fit_run, fit_settings
from tests.ui.conftest import reopen
from tests.ui.test_timer_alerts import FakeNotifier

WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def _quick_settle(monkeypatch):
    """Files here are written at once: a short wait for their sizes to stay still."""
    monkeypatch.setattr("companion.app.watch_folder.SETTLE_MS", 150)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "Watch"
    path.mkdir()
    (path / "old.fit").write_bytes(fit_run(start=START - timedelta(days=20)))
    return path


@pytest.fixture
def companion(make_app, clock):
    clock.set(START + timedelta(hours=12))  # 19:00 on the day of the run
    return make_app(has_tray=True)


@pytest.fixture
def notifier(companion):
    notifier = FakeNotifier()
    companion.reminder_wiring._notifier = notifier
    return notifier


def count(companion) -> int:
    return len(ActivityRepository(companion.db).recent(100))


def watch_it(companion, folder, qtbot):
    assert companion.preferences.request(watch_folder=str(folder)).allowed
    watch = companion.folder_watch
    assert watch is not None and watch.watching == [str(folder)]
    qtbot.waitUntil(
        lambda: SettingsRepository(companion.db).get(SEEN_KEY) is not None, timeout=WAIT_MS
    )
    return watch


def settled(watch, folder) -> bool:
    return not watch.settle.isActive() and not watch.service.waiting(folder)


def test_nothing_is_built_while_no_folder_is_set(companion):
    follow_folder(companion)
    assert companion.folder_watch is None


def test_a_new_run_is_imported_once_and_the_tray_says_so(companion, notifier, folder, qtbot):
    watch = watch_it(companion, folder, qtbot)
    assert count(companion) == 0  # what was there already is left alone
    (folder / "run.fit").write_bytes(fit_run())
    qtbot.waitUntil(lambda: len(notifier.log) == 1, timeout=WAIT_MS)
    ((key, title, body),) = notifier.log
    assert title == "A new activity arrived"
    assert body == "10 km run, 60 min. Check in to get tonight's plan."
    assert count(companion) == 1
    assert not watch.settle.isActive()  # nothing ticks once it is in

    # The same file again, and a change that is no activity: nothing more.
    (folder / "run.fit").write_bytes(fit_run())
    (folder / "notes.txt").write_text("not a run")
    (folder / "settings.fit").write_bytes(fit_settings())
    qtbot.waitUntil(lambda: settled(watch, folder), timeout=WAIT_MS)
    assert count(companion) == 1
    assert len(notifier.log) == 1

    # Clicking the notification opens History.
    notifier.click(key, "default")
    assert companion.window.current_section() == "history"


def test_a_removed_folder_is_waited_for_and_armed_again(companion, notifier, folder, qtbot):
    watch = watch_it(companion, folder, qtbot)
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: watch.watching == [str(folder.parent)], timeout=WAIT_MS)
    assert notifier.log == []  # unplugged: nothing said
    folder.mkdir()
    (folder / "run.fit").write_bytes(fit_run())
    qtbot.waitUntil(lambda: len(notifier.log) == 1, timeout=WAIT_MS)
    assert watch.watching == [str(folder)]
    assert count(companion) == 1


def test_files_that_came_while_the_app_was_closed_are_imported_at_start(
    make_app, companion, folder, qtbot
):
    watch_it(companion, folder, qtbot)
    later = reopen(make_app, companion, has_tray=False)
    (folder / "run.fit").write_bytes(fit_run())
    notifier = FakeNotifier()
    later.reminder_wiring._notifier = notifier  # type: ignore[assignment]
    later.start(minimized=False)
    qtbot.waitUntil(lambda: len(notifier.log) == 1, timeout=WAIT_MS)
    assert count(later) == 1


def test_several_at_once_are_one_notification(companion, notifier, folder, qtbot):
    watch_it(companion, folder, qtbot)
    for day in range(3):
        (folder / f"{day}.fit").write_bytes(fit_run(start=START - timedelta(days=day + 1)))
    qtbot.waitUntil(lambda: count(companion) == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not companion.folder_watch.settle.isActive(), timeout=WAIT_MS)
    ((_key, title, body),) = notifier.log
    assert title == "3 activities arrived"
    assert body.startswith("3 activities arrived: 10 km run, 60 min; 10 km run, 60 min; ")


def test_stop_watching_lets_the_folder_go(companion, notifier, folder, qtbot):
    watch = watch_it(companion, folder, qtbot)
    assert companion.preferences.request(watch_folder="").allowed
    assert watch.watching == []
    (folder / "run.fit").write_bytes(fit_run())
    assert not watch.settle.isActive()
    assert count(companion) == 0


def test_a_read_only_data_file_watches_nothing(companion, folder):
    service = companion.preferences.service
    service.current = replace(service.current, watch_folder=str(folder))
    companion.db.read_only = True
    try:
        follow_folder(companion)
        assert companion.folder_watch is None
    finally:
        companion.db.read_only = False


def test_with_a_check_in_today_the_notification_offers_its_routine(
    companion, notifier, folder, qtbot, clock
):
    from tests.ui.test_routines_page import sore_calves

    companion.today.submit(sore_calves(clock), lambda qs: dict.fromkeys((q.id for q in qs), False))
    plan = companion.today.plan(companion.today.latest())
    minutes = max(1, round(plan.routine_seconds / 60))
    watch_it(companion, folder, qtbot)
    (folder / "run.fit").write_bytes(fit_run())
    qtbot.waitUntil(lambda: len(notifier.log) == 1, timeout=WAIT_MS)
    ((_key, _title, body),) = notifier.log
    assert body.startswith(f"10 km run, 60 min: tonight's {minutes}-minute routine for your ")
    assert "calves" in body and body.endswith(" is ready."), body
