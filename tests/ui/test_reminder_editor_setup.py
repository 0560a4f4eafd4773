"""Setting a reminder up in the editor: messages that never squash the fields, what a
water schedule adds up to, and where and from when an icing reminder ices."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.domain.checkin import Cause, CheckIn, RegionReport, SorenessType
from companion.domain.regions import Side
from companion.domain.reminders import Kind, ReminderRule, WakingHours
from companion.resources import load_protocols, load_regions
from companion.ui.reminders.editor import ReminderEditorDialog
from companion.ui.theme import Scheme, build_palette, stylesheet

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))
ONSET = NOW - timedelta(hours=30)
SHOTS = Path(os.environ.get("COMPANION_SHOTS", "")) if os.environ.get("COMPANION_SHOTS") else None


@pytest.fixture(params=[Scheme.LIGHT, Scheme.DARK], ids=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Scheme]:
    chosen: Scheme = request.param
    qapp.setPalette(build_palette(chosen))
    qapp.setStyleSheet(stylesheet(chosen))
    yield chosen
    qapp.setStyleSheet("")
    qapp.setPalette(build_palette(Scheme.LIGHT))


def editor(
    qtbot: QtBot,
    rule: ReminderRule,
    checkin: CheckIn | None = None,
    others: list[ReminderRule] | None = None,
) -> ReminderEditorDialog:
    catalog = load_regions()
    regions = sorted(catalog.group_labels().items(), key=lambda item: item[1])
    dialog = ReminderEditorDialog(
        rule,
        load_protocols(),
        others or [],
        now=NOW,
        waking=WakingHours(),
        goal_ml=2000,
        regions=regions,
        checkin=checkin,
        paired=[r.group for r in catalog if r.paired],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shoot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def fields(dialog: ReminderEditorDialog) -> list[QWidget]:
    return [dialog.kind, dialog.title, dialog.every, dialog.amount]


def test_a_refusal_wraps_below_and_the_fields_keep_their_size(
    qtbot: QtBot, scheme: Scheme, tmp_path: Path
) -> None:
    dialog = editor(qtbot, ReminderRule(Kind.HYDRATION, ""))
    heights = [w.height() for w in fields(dialog)]
    assert min(heights) >= 20
    shoot(dialog, f"editor_water_min_{scheme.value}", tmp_path)
    before = dialog.height()
    dialog.amount.setValue(750)
    dialog.every.setValue(20)  # four reasons, several lines each
    qtbot.waitUntil(lambda: dialog.height() > before)
    assert not dialog.save_button.isEnabled()
    assert dialog.review_label.text().startswith("Not allowed:\n• ")
    assert [w.height() for w in fields(dialog)] == heights
    label = dialog.review_label
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut off
    shoot(dialog, f"editor_refused_min_{scheme.value}", tmp_path)
    dialog.resize(900, 700)
    qtbot.waitUntil(lambda: dialog.width() == 900)
    assert [w.height() for w in fields(dialog)] == heights
    shoot(dialog, f"editor_refused_large_{scheme.value}", tmp_path)


def test_the_water_schedule_is_added_up_against_the_goal(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = editor(qtbot, ReminderRule(Kind.HYDRATION, ""))
    assert dialog.schedule_label.text() == "About 2.25 L over your waking day; your goal is 2 L."
    dialog.every.setValue(60)
    assert dialog.schedule_label.text() == "About 3.5 L over your waking day; your goal is 2 L."
    assert "well past your goal of 2 L" in dialog.review_label.text()
    assert dialog.save_button.isEnabled()  # allowed, but asked first
    asked: list[str] = []

    def decline(text: str) -> bool:
        asked.append(text)
        return False

    dialog._confirm = decline
    dialog.save()
    assert dialog.result_rule is None and "3.5 L of water a day" in asked[0]
    dialog._confirm = lambda text: True
    dialog.save()
    assert dialog.result_rule is not None and dialog.result_rule.every_min == 60
    shoot(dialog, "editor_water_past_goal", tmp_path)


def test_other_water_reminders_are_counted_once(qtbot: QtBot) -> None:
    stored = ReminderRule(
        Kind.HYDRATION, "Water", id=1, every_min=90, amount_ml=250, daily_goal_ml=2000
    )
    evening = ReminderRule(
        Kind.HYDRATION, "Evening", id=2, every_min=180, amount_ml=200, daily_goal_ml=2000
    )
    dialog = editor(qtbot, stored, others=[stored, evening])
    assert dialog.schedule_label.text() == (
        "About 2.25 L over your waking day, 3.05 L with your other water reminders; "
        "your goal is 2 L."
    )
    assert not dialog.schedule_label.isHidden()
    dialog.kind.setEnabled(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData(Kind.CUSTOM.value))
    assert dialog.schedule_label.isHidden()


def checkin(*reports: RegionReport) -> CheckIn:
    return CheckIn(NOW, ONSET, Cause.RUN, SorenessType.ACUTE, regions=reports)


def test_icing_starts_from_the_sorest_spot_and_its_onset(
    qtbot: QtBot, scheme: Scheme, tmp_path: Path
) -> None:
    found = checkin(
        RegionReport("quads_R", Side.RIGHT, 1, 4), RegionReport("calves_L", Side.LEFT, 2, 6)
    )
    dialog = editor(qtbot, ReminderRule(Kind.ICING, ""), found)
    assert dialog.region.currentData() == "calves"
    assert dialog.side.currentData() == "left" and not dialog.side.isHidden()
    assert dialog.window_note.text() == (
        "From Sun 04:00, when the soreness started, until Wed 04:00. 42 h left."
    )
    shoot(dialog, f"editor_icing_spot_{scheme.value}", tmp_path)
    dialog.save()
    rule = dialog.result_rule
    assert rule is not None
    assert (rule.region, rule.extra) == ("calves", {"side": "left"})
    assert rule.title == "Ice: Calves, left leg"
    assert rule.starts == ONSET and rule.ends == ONSET + timedelta(hours=72)


def test_with_nothing_to_go_on_the_editor_asks(
    qtbot: QtBot, scheme: Scheme, tmp_path: Path
) -> None:
    dialog = editor(qtbot, ReminderRule(Kind.ICING, ""))
    assert dialog.region.currentData() == ""  # no silent default
    assert not dialog.save_button.isEnabled()
    assert dialog.review_label.text() == "Choose where to ice."
    assert dialog.side.isHidden()
    assert dialog.window_note.text() == "From Mon 10:00 until Thu 10:00. 72 h left."
    shoot(dialog, f"editor_icing_ask_{scheme.value}", tmp_path)
    dialog.save()
    assert dialog.result_rule is None
    dialog.region.setCurrentIndex(dialog.region.findData("adductors"))
    assert not dialog.side.isHidden() and dialog.side.currentData() == ""
    assert dialog.review_label.text() == "Choose which leg to ice."
    assert not dialog.save_button.isEnabled()
    dialog.side.setCurrentIndex(dialog.side.findData("right"))
    assert dialog.save_button.isEnabled()
    dialog.region.setCurrentIndex(dialog.region.findData("lower_back"))
    assert dialog.side.isHidden()  # one region, no leg to choose
    dialog.save()
    assert dialog.result_rule is not None
    assert (dialog.result_rule.region, dialog.result_rule.extra) == ("lower_back", {})
    assert dialog.result_rule.starts == NOW


def test_a_window_that_already_ended_cannot_be_saved(qtbot: QtBot) -> None:
    old = ReminderRule(
        Kind.ICING,
        "Ice",
        id=5,
        every_min=120,
        on_min=15,
        region="calves",
        starts=NOW - timedelta(hours=100),
        ends=NOW - timedelta(hours=28),
        extra={"side": "both"},
    )
    dialog = editor(qtbot, old)
    assert dialog.side.currentData() == "both"
    assert dialog.window_note.text() == "This window ended on Sun 06:00."
    assert not dialog.save_button.isEnabled()
    assert "window already ended" in dialog.review_label.text()


def test_the_daily_goal_is_in_the_users_units(qtbot: QtBot) -> None:
    from companion.domain.units import TemperatureUnit, Units, VolumeUnit

    ounces = Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT)
    dialog = ReminderEditorDialog(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000),
        load_protocols(),
        [],
        now=NOW,
        waking=WakingHours(),
        units=ounces,
    )
    qtbot.addWidget(dialog)

    assert dialog.goal.suffix().strip() == "fl oz"
    assert dialog.goal.value() == round(2000 / 29.5735)
    goal = dialog.rule().daily_goal_ml
    assert goal is not None and abs(goal - 2000) < 30  # back in mL, within one step
