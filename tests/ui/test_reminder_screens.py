"""The reminder screens in light, dark and both high-contrast variants, small and large:
the Reminders page, the New reminder dialog with a message, a reminder popup and the
therapy timer. Saves PNGs (to $COMPANION_SHOTS, or the test's folder) for people to look
at, and checks that nothing is squashed or cut: every field and message at least the
height it asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QWidget

from companion.domain.reminders import Kind, ReminderRule
from companion.ui.reminders.center import Prompt
from companion.ui.theme import Scheme
from tests.ui.conftest import MakeApp
from tests.ui.test_theme_screens import VARIANTS, shots_dir, variant_name


def assert_nothing_squashed(root: QWidget) -> None:
    for field in root.findChildren(QWidget):
        if not field.isVisibleTo(root):
            continue
        if isinstance(field, QLineEdit | QAbstractSpinBox | QComboBox):
            wanted = field.minimumSizeHint().height()
            assert field.height() >= wanted, (type(field).__name__, field.height(), wanted)
        if isinstance(field, QLabel) and field.wordWrap() and field.text():
            wanted = field.heightForWidth(field.width())
            assert field.height() >= wanted, (field.text()[:40], field.height(), wanted)


@pytest.mark.parametrize(("scheme", "high_contrast"), VARIANTS)
def test_the_reminder_screens_in_each_variant(
    make_app: MakeApp, qtbot, tmp_path: Path, scheme: Scheme, high_contrast: bool
) -> None:
    companion = make_app(has_tray=True)
    companion.theme.apply(scheme, high_contrast)
    folder = shots_dir(tmp_path)
    name = variant_name(scheme, high_contrast)
    center = companion.reminders
    center.save_rule(
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000)
    )
    window = companion.window
    for size_name, size in {"min": QSize(720, 480), "large": QSize(1400, 950)}.items():
        window.resize(size)
        window.show_section("reminders")
        window.grab().save(str(folder / f"reminders_{name}_{size_name}.png"))
    dialog = companion.reminder_wiring.reminder_dialog(ReminderRule(Kind.ICING, ""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.review_label.text() == "Choose where to ice."
    for size_name, size in {"min": dialog.minimumSizeHint(), "large": QSize(900, 760)}.items():
        dialog.resize(size)
        qtbot.wait(1)  # the layout settles on the next pass of the event loop
        assert_nothing_squashed(dialog)
        dialog.grab().save(str(folder / f"reminder_editor_{name}_{size_name}.png"))
    dialog.close()
    popup = center.popup
    popup.show_prompt(
        Prompt(
            "event-1",
            "Water",
            "Time for a drink: about 250 mL. 750 mL of 2,000 mL so far today.",
            (("done", "Done"), ("snooze", "Snooze 10 min"), ("skip", "Skip")),
        )
    )
    qtbot.waitExposed(popup)
    assert_nothing_squashed(popup)
    popup.grab().save(str(folder / f"reminder_popup_{name}.png"))
    popup.hide()
    assert companion.start_timer("ice", {"minutes": 15}) is None
    timer = companion.therapy
    assert timer is not None
    for size_name, size in {"min": timer.minimumSize(), "large": QSize(900, 900)}.items():
        timer.resize(size)
        qtbot.wait(1)
        assert_nothing_squashed(timer)
        timer.grab().save(str(folder / f"therapy_timer_{name}_{size_name}.png"))
    timer.close()
    companion.theme.apply(Scheme.LIGHT, False)
