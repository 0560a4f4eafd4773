"""Words the user reads the same way everywhere, and second windows that open over the
main one rather than at the screen's top-left corner."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QPoint

from companion.domain.reminders import Kind, ReminderRule
from companion.domain.units import VolumeUnit


@pytest.fixture
def companion(make_app, clock):
    clock.set(clock.now().replace(hour=8, minute=0))
    return make_app(has_tray=True)


def expected_top_left(window, anchor) -> QPoint:
    """Centred over ``anchor``'s frame, then kept inside its screen (the offscreen screen
    is 800 x 800, smaller than the player's default size)."""
    area = anchor.screen().availableGeometry()
    size = window.frameGeometry().size()
    centre = anchor.frameGeometry().center()
    left = centre.x() - (size.width() - 1) // 2
    top = centre.y() - (size.height() - 1) // 2
    left = max(area.left(), min(left, area.right() - size.width() + 1))
    top = max(area.top(), min(top, area.bottom() - size.height() + 1))
    return QPoint(left, top)


def close_enough(a: QPoint, b: QPoint) -> bool:
    return abs(a.x() - b.x()) <= 3 and abs(a.y() - b.y()) <= 3


def test_the_timer_opens_over_the_main_window(companion, qtbot):
    window = companion.window
    window.move(40, 90)
    assert companion.start_timer("heat", {}) is None
    timer = companion.therapy
    assert timer is not None and timer.isVisible()
    assert close_enough(timer.frameGeometry().topLeft(), expected_top_left(timer, window))
    assert timer.frameGeometry().topLeft() != QPoint(0, 0)
    timer.close()


def test_the_player_opens_over_the_main_window(companion, qtbot, monkeypatch):
    import companion.app.placement as placement

    placed: list[tuple[object, object]] = []
    real = placement.centre_over

    def recording(window, anchor) -> None:
        placed.append((window, anchor))
        real(window, anchor)

    monkeypatch.setattr(placement, "centre_over", recording)
    window = companion.window
    window.move(40, 90)
    assert companion.start_routine("post_run_cooldown") is None
    player = companion.player
    assert player is not None and player.isVisible()
    assert placed == [(player, window)]
    # The offscreen screen (800 x 800) is smaller than the player, so it is kept inside it.
    assert close_enough(player.frameGeometry().topLeft(), expected_top_left(player, window))
    player.close()


def test_a_small_window_is_centred_exactly_over_its_anchor(qtbot):
    from PySide6.QtWidgets import QWidget

    from companion.app.placement import centre_over

    anchor, other = QWidget(), QWidget()
    qtbot.addWidget(anchor)
    qtbot.addWidget(other)
    anchor.setGeometry(150, 120, 500, 400)
    anchor.show()
    qtbot.waitExposed(anchor)
    other.resize(200, 100)
    centre_over(other, anchor)
    other.show()
    qtbot.waitExposed(other)
    gap = other.frameGeometry().center() - anchor.frameGeometry().center()
    assert abs(gap.x()) <= 2 and abs(gap.y()) <= 2, gap
    assert other.x() > 200  # not the screen's top-left corner


def test_a_window_larger_than_the_room_left_stays_on_the_screen(companion, qtbot):
    from PySide6.QtWidgets import QWidget

    from companion.app.placement import centre_over

    window = companion.window
    window.move(0, 0)
    other = QWidget()
    qtbot.addWidget(other)
    other.resize(window.width() + 200, window.height() + 100)
    centre_over(other, window)
    area = window.screen().availableGeometry()
    assert other.x() >= area.left() and other.y() >= area.top()


def test_tray_and_window_write_the_days_water_alike(companion):
    center = companion.reminders
    center.scheduler.start(paused=True)
    rule = ReminderRule(
        Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000, times=()
    )
    center.save_rule(rule)
    companion.tray.water_menu.actions()[1].trigger()
    tip = companion.tray.toolTip()
    assert "Water today: 250 mL of 2,000 mL" in tip
    assert "2000 mL" not in tip


def test_the_trays_water_amounts_follow_the_units(companion):
    from dataclasses import replace

    tray = companion.tray
    assert [a.text() for a in tray.water_menu.actions()] == ["150 mL", "250 mL", "500 mL"]
    units = replace(companion.preferences.current.units, volume=VolumeUnit.FLUID_OUNCES)
    tray.set_water_units(units)
    assert [a.text() for a in tray.water_menu.actions()] == [
        "5.1 fl oz",
        "8.5 fl oz",
        "16.9 fl oz",
    ]
    assert [a.data() for a in tray.water_menu.actions()] == [150, 250, 500]


def test_reminders_add_set_remove_over_ipc_reschedule_in_the_running_app(companion):
    center = companion.reminders
    center.scheduler.start(paused=True)
    add = {
        "command": "edit-reminder",
        "protocol": 3,
        "action": "add",
        "fields": {"kind": "custom", "times": ["12:00"], "message": "Stretch", "enabled": True},
    }
    reply = companion.handle_message(add)
    assert reply["ok"] is True and reply["said"].startswith("Added reminder")
    rule_id = reply["id"]
    assert [r.times for r in center.rules()] == [(time(12, 0),)]
    assert center.next_reminder() is not None
    refused = companion.handle_message(
        {**add, "action": "set", "id": rule_id, "fields": {"times": ["23:55"]}}
    )
    assert refused["ok"] is False and "waking hours" in refused["error"]
    assert [r.times for r in center.rules()] == [(time(12, 0),)]
    gone = companion.handle_message({**add, "action": "remove", "id": rule_id, "fields": {}})
    assert gone["ok"] is True and center.rules() == []


def test_an_icing_reminder_over_ipc_needs_its_region_as_in_the_editor(companion):
    add = {"command": "edit-reminder", "protocol": 3, "action": "add"}
    refused = companion.handle_message({**add, "fields": {"kind": "icing"}})
    assert refused["ok"] is False and refused["error"].startswith("Not saved: Choose where to ice.")
    assert companion.reminders.rules() == []
    fields = {"kind": "icing", "region": "quads", "side": "right"}
    reply = companion.handle_message({**add, "fields": fields})
    assert reply["ok"] is True, reply
    (rule,) = companion.reminders.rules()
    dialog = companion.reminder_wiring.reminder_dialog(rule)  # the editor agrees it is whole
    assert dialog.missing() == []
    dialog.region.setCurrentIndex(0)  # "Choose where to ice..."
    assert dialog.missing() == ["Choose where to ice."]
    dialog.close()


def test_a_reminder_popup_opened_from_its_notification_is_over_the_main_window(
    companion, clock, qtbot
):
    from tests.ui.test_reminder_delivery import StandInNotifier

    notifier = StandInNotifier()
    companion.reminder_wiring._notifier = notifier
    center = companion.reminders
    center.scheduler.start(paused=True)
    rule = center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    window = companion.window
    window.hide()  # in the tray, as when the notification comes
    window.resize(700, 560)
    window.move(30, 70)
    clock.advance(minutes=95)
    from companion.scheduling.fired import Fired

    center._on_fired(Fired(rule_id=rule.id))
    (key, *_rest) = notifier.shown[-1]
    notifier.action_invoked.emit(key, "default")  # its body clicked
    popup = center.popup
    assert window.isVisible() and popup.isVisible()
    assert close_enough(popup.frameGeometry().topLeft(), expected_top_left(popup, window))
    assert window.frameGeometry().contains(popup.frameGeometry().center())
    popup.hide()


def test_a_reminder_popup_with_the_window_in_the_tray_is_in_the_screens_corner(
    companion, clock, qtbot
):
    from companion.domain.preferences import ReminderStyle
    from companion.scheduling.fired import Fired

    companion.preferences.request(reminders_as=ReminderStyle.WINDOW)
    center = companion.reminders
    center.scheduler.start(paused=True)
    rule = center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    companion.window.hide()
    clock.advance(minutes=95)
    center._on_fired(Fired(rule_id=rule.id))
    popup = center.popup
    assert popup.isVisible() and not companion.window.isVisible()
    area = popup.screen().availableGeometry()
    frame = popup.frameGeometry()
    assert area.contains(frame)
    assert abs(area.right() - frame.right() - 24) <= 1
    assert abs(area.bottom() - frame.bottom() - 24) <= 1
    popup.hide()
