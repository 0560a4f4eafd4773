"""The app at rest: nothing polls, and what is not needed yet does not run.

Issue 8's idle targets (0.00 % CPU, at most 0.1 wake-ups a second) hold
because of what these tests pin: the reminder scheduler starts only once a
reminder is on, the daily backup is one single-shot timer armed for the next
day, start-up's cached pixmaps are let go (Qt trims that cache on a 10 s timer
while it holds any), and no repeating timer is left running.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap, QPixmapCache

from companion.app import (
    BACKUP_AFTER_MIDNIGHT_S,
    BACKUP_MAX_WAIT_MS,
    BACKUP_RETRY_MS,
    BACKUP_START_DELAY_MS,
    next_backup_ms,
)
from companion.domain.reminders import Kind, ReminderRule
from companion.scheduling.reminders import Fired
from tests.helpers.clock import LONDON
from tests.helpers.fresh_app import in_fresh_app


def water_rule(**changes) -> ReminderRule:
    values = {"every_min": 90, "amount_ml": 250} | changes
    return ReminderRule(Kind.HYDRATION, "Water", **values)


@pytest.fixture
def companion(make_app, clock):
    # Years ahead of the real clock, which the real scheduler runs on: nothing it holds
    # falls due during a test, so what it holds can be looked at.
    clock.set(datetime(2036, 6, 16, 8, 0, tzinfo=LONDON))
    return make_app(has_tray=True)


# The offscreen platform has no tray; showing the tray icon there makes Qt say so.
tray_warning = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


# -- the reminder scheduler ---------------------------------------------------------------
def test_with_no_reminder_on_the_scheduler_is_not_even_made(companion):
    center = companion.reminders
    center.save_rule(water_rule(enabled=False))
    companion.start_reminders()
    assert center.started
    assert center._scheduler is None  # APScheduler not imported for it, no thread
    assert not center.scheduler_running
    assert center.next_fire_times() == {}
    companion.start_reminders()  # a second call changes nothing
    assert center._scheduler is None


def test_switching_the_first_reminder_on_starts_the_scheduler(companion):
    center = companion.reminders
    rule = center.save_rule(water_rule(enabled=False))
    companion.start_reminders()
    assert not center.scheduler_running
    assert companion.set_reminder_enabled(rule.id, True) is None
    assert center.scheduler_running
    assert set(center.next_fire_times()) == {rule.id}
    center.set_enabled(rule.id, False)  # off again: its job goes, the scheduler may stay
    assert center.next_fire_times() == {}


def test_a_new_enabled_rule_after_start_starts_the_scheduler(companion):
    center = companion.reminders
    companion.start_reminders()
    assert not center.scheduler_running
    rule = center.save_rule(water_rule())
    assert center.scheduler_running
    assert set(center.next_fire_times()) == {rule.id}


def test_an_enabled_rule_at_start_starts_the_scheduler(companion):
    center = companion.reminders
    rule = center.save_rule(water_rule())
    assert not center.scheduler_running  # saved before start: nothing runs yet
    companion.start_reminders()
    assert center.scheduler_running
    assert set(center.next_fire_times()) == {rule.id}


def test_a_snooze_starts_the_scheduler_for_its_one_off(companion, clock):
    center = companion.reminders
    rule = center.save_rule(water_rule())  # before start: nothing runs yet
    assert not center.scheduler_running
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    center.answer(center.current.key, "snooze")
    assert center.scheduler_running
    ((key, when),) = center.scheduler.next_once().items()
    assert key.startswith("snooze-")
    assert when == clock.now() + timedelta(minutes=10)


def test_a_snooze_from_before_a_restart_starts_the_scheduler(make_app, companion, clock):
    from tests.ui.conftest import reopen

    center = companion.reminders
    rule = center.save_rule(water_rule())
    companion.start_reminders()
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    center.answer(center.current.key, "snooze")
    center.set_enabled(rule.id, False)  # no rule on: only the snooze needs the scheduler
    again = reopen(make_app, companion)
    again.start_reminders()
    assert again.reminders.scheduler_running
    assert [k for k in again.reminders.scheduler.next_once() if k.startswith("snooze-")]


def test_with_nothing_to_schedule_the_reminder_center_waits_for_its_first_use(companion):
    companion.start_reminders()
    assert companion.reminder_wiring.center is None  # no rule on, no snooze: not built
    center = companion.reminders  # the first use (the page, a drink, a rule): built, started
    assert center.started and not center.scheduler_running
    rule = center.save_rule(water_rule())
    assert center.scheduler_running
    assert set(center.next_fire_times()) == {rule.id}


def test_a_rule_on_at_start_builds_the_reminder_center_with_the_app(make_app, companion):
    from tests.ui.conftest import reopen

    companion.reminders.save_rule(water_rule())
    again = reopen(make_app, companion)
    again.start_reminders()
    center = again.reminder_wiring.center
    assert center is not None and center.scheduler_running


def test_data_restored_with_a_rule_on_starts_the_waiting_center(companion, clock):
    from companion.storage.reminders import ReminderRepository

    companion.start_reminders()
    assert companion.reminder_wiring.center is None
    ReminderRepository(companion.db).save(water_rule(), clock.now())  # as a restore writes it
    companion._data_replaced()
    center = companion.reminder_wiring.center
    assert center is not None and center.scheduler_running


def test_the_tray_says_todays_water_while_the_center_waits(companion, clock):
    from companion.storage.reminders import WaterLog

    WaterLog(companion.db).add(500, clock.now(), "app")
    companion.start_reminders()
    assert companion.reminder_wiring.center is None
    companion.reminder_wiring._sync_reminder_status()
    assert companion.tray is not None
    assert "Water today: 500 mL of 2,000 mL" in companion.tray.toolTip()


def test_desktop_notifications_load_with_the_first_prompt(companion, clock):
    center = companion.reminders
    rule = center.save_rule(water_rule())
    companion.start_reminders()
    assert center._notifier is None  # QtDBus not loaded for it yet
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    assert center.current is not None
    assert center._notifier is not None
    assert center.notifier is center._notifier  # one, kept


# -- the daily backup -----------------------------------------------------------------------
def near(remaining_ms: int, expected_ms: int) -> bool:
    """A very coarse timer keeps to the second (and Qt may align it by up to 5 %)."""
    return abs(remaining_ms - expected_ms) <= max(2000, expected_ms * 0.05)


@pytest.mark.parametrize(
    ("now", "expected_s"),
    [
        (datetime(2026, 6, 15, 9, 0, tzinfo=LONDON), BACKUP_MAX_WAIT_MS / 1000),  # 15 h: capped
        (datetime(2026, 6, 15, 22, 0, tzinfo=LONDON), 2 * 3600 + BACKUP_AFTER_MIDNIGHT_S),
        (datetime(2026, 6, 15, 23, 59, 30, tzinfo=LONDON), 30 + BACKUP_AFTER_MIDNIGHT_S),
        # 29 March 2026: London's clocks go forward at 01:00, after midnight: no change.
        (datetime(2026, 3, 28, 23, 0, tzinfo=LONDON), 3600 + BACKUP_AFTER_MIDNIGHT_S),
    ],
)
def test_the_next_backup_is_due_just_after_local_midnight(now, expected_s):
    assert next_backup_ms(now) == int(expected_s * 1000)


@tray_warning
def test_the_backup_timer_is_single_shot_and_re_arms_for_the_next_day(
    companion, clock, qtbot, data_dir
):
    clock.set(datetime(2036, 6, 16, 22, 0, tzinfo=LONDON))
    companion.start(minimized=False)
    timer = companion._backup_timer
    assert timer.isSingleShot()
    assert timer.isActive()
    assert near(timer.remainingTime(), BACKUP_START_DELAY_MS)
    timer.stop()  # as if it had fired
    with qtbot.waitSignal(companion.backup_finished, timeout=10_000) as finished:
        timer.timeout.emit()
    assert finished.args == [""]
    assert list((data_dir / "backups").glob("companion-*.db"))
    # The signal comes from the backup's thread; the app's slot runs on the GUI thread.
    qtbot.waitUntil(timer.isActive)  # re-armed, once, for just after midnight
    assert timer.isSingleShot()
    assert near(timer.remainingTime(), next_backup_ms(clock.now()))


def test_a_failed_backup_is_tried_again_in_an_hour(companion, qtbot, monkeypatch):
    from companion.storage import backup

    def fail(*_args, **_kwargs):
        raise backup.BackupError("the disk is full")

    monkeypatch.setattr(backup, "ensure_daily", fail)
    with qtbot.waitSignal(companion.backup_finished, timeout=10_000) as finished:
        companion.daily_backup()
    assert finished.args == ["the disk is full"]
    qtbot.waitUntil(companion._backup_timer.isActive)
    assert near(companion._backup_timer.remainingTime(), BACKUP_RETRY_MS)


# -- nothing ticks ----------------------------------------------------------------------------
@tray_warning
def test_after_start_no_timer_repeats(companion, qtbot):
    companion.start(minimized=False)
    companion.start_reminders()
    timers = companion.findChildren(QTimer) + companion.window.findChildren(QTimer)
    ticking = [t for t in timers if t.isActive() and not t.isSingleShot()]
    assert ticking == []


def test_start_up_pixmaps_are_let_go_once_settled_and_when_hidden_to_the_tray(companion):
    key = QPixmapCache.insert(QPixmap(8, 8))
    assert QPixmapCache.find(key) is not None  # type: ignore[call-overload]
    companion.drop_pixmap_cache()
    assert QPixmapCache.find(key) is None  # type: ignore[call-overload]
    key = QPixmapCache.insert(QPixmap(8, 8))
    companion.window.close()  # with a tray: hides, and the cache goes with the window
    assert not companion.window.isVisible()
    assert QPixmapCache.find(key) is None  # type: ignore[call-overload]


def test_settling_drops_cached_source_lines_and_cycles(companion):
    import gc
    import linecache

    class Cycle:
        pass

    first, second = Cycle(), Cycle()
    first.other, second.other = second, first  # type: ignore[attr-defined]
    gc.disable()  # only give_back may collect it
    try:
        del first, second
        linecache.getlines(__file__)
        assert __file__ in linecache.cache
        companion.drop_pixmap_cache()
        assert __file__ not in linecache.cache
        assert not [o for o in gc.get_objects() if type(o) is Cycle]
    finally:
        gc.enable()


def test_the_reminder_popup_is_made_for_the_first_prompt(companion, clock):
    center = companion.reminders
    rule = center.save_rule(water_rule())
    companion.start_reminders()
    assert center._popup is None  # no window built for a prompt that has not come
    center.stop()  # closing nothing is fine
    clock.advance(minutes=30)
    center._on_fired(Fired(rule_id=rule.id))
    assert center._popup is not None and center._popup.isVisible()


def test_the_started_window_leaves_the_style_and_the_effort_question_unmade(tmp_path):
    """A fresh process, as a returning user starts: the window shown, the readiness
    card refreshed. Nothing hands Python the app's QStyle (its type and enums, about
    1 MB: a findChild walk over the app's children or ``widget.style()`` would); the
    effort question waits for a run that needs it, the plan's view and rules for a plan
    (the tray's water goal has its own small module), the safety gate's checks of timers,
    routines and reminders for the first one, the load rules for a logged activity, the
    exercise library and the reminder schedule for their first use."""
    last = in_fresh_app(
        tmp_path / "data",
        "import enum, gc\n"
        "app.data_changed.emit(); qapp.processEvents()\n"
        "names = {t.__qualname__ for t in gc.get_objects() if isinstance(t, enum.EnumType)}\n"
        "styles = sorted(n for n in names if n.startswith('QStyle.'))\n"
        "later = ('companion.ui.today.effort_prompt', 'companion.ui.today.plan_view',\n"
        "         'companion.domain.planner', 'companion.domain.routine_builder',\n"
        "         'companion.services.safety_checks', 'companion.domain.load',\n"
        "         'companion.domain.exercises', 'companion.domain.reminders.schedule')\n"
        "print(styles, [name for name in later if name in sys.modules])\n",
    )
    assert last == "[] []"
