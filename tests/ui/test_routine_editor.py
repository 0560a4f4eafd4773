"""Routine editor and the user's routines, driven like a user (dialogs replaced by answers)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from companion.domain.custom_routines import RoutineDraft, StepSpec
from companion.resources import load_exercises, load_protocols, load_regions
from companion.ui.routines.editor import RoutineEditorDialog


@pytest.fixture(scope="module")
def content():
    bounds = load_protocols()
    return load_exercises(protocols=bounds), load_regions(), bounds


@pytest.fixture
def editor(qtbot, content):
    library, regions, bounds = content
    dialog = RoutineEditorDialog(RoutineDraft("Evening"), library, regions, bounds)
    qtbot.addWidget(dialog)
    return dialog


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def pick(dialog, region, equipment=""):
    dialog.region_filter.setCurrentIndex(dialog.region_filter.findData(region))
    dialog.equipment_filter.setCurrentIndex(dialog.equipment_filter.findData(equipment))
    return [dialog.exercises.item(i).text() for i in range(dialog.exercises.count())]


def test_filters_by_region_and_equipment(editor):
    calves = pick(editor, "calves")
    assert any(t.startswith("Seated calf roll") for t in calves)
    rollers = pick(editor, "calves", "foam_roller")
    assert rollers and all("(roll or massage)" in t for t in rollers)
    assert not any("roll" in t.lower() for t in pick(editor, "knee", "foam_roller"))


def test_the_highlighted_exercise_is_previewed_on_the_body_map(editor):
    pick(editor, "calves", "foam_roller")
    assert editor.figure.highlighted == {"calves_L", "calves_R"}
    assert editor.about.text().startswith("Needs: foam roller.")
    pick(editor, "lower_back")
    assert "lower_back" in editor.figure.highlighted


def test_build_reorder_and_change_a_dose(editor, qtbot):
    assert not save_button(editor).isEnabled()  # no exercises yet
    assert "Add at least one exercise" in editor.status.text()
    pick(editor, "calves", "foam_roller")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    pick(editor, "hamstrings", "strap")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert save_button(editor).isEnabled()
    first, second = editor.draft().steps
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert editor.draft().steps == (second, first)
    editor.steps.setCurrentRow(0)
    editor.seconds.setValue(20)
    assert editor.draft().steps[0].seconds == 20
    assert "20 s" in editor.steps.item(0).text()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.draft().steps == (first,)
    assert "About" in editor.status.text()


def test_beyond_the_usual_range_asks_and_beyond_the_limit_refuses(editor, qtbot):
    pick(editor, "calves", "wall")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.seconds.setValue(45)  # usual is up to 30 s
    assert save_button(editor).isEnabled()
    asked = []

    def say_no(lines):
        asked.append(lines)
        return False

    editor.confirm = say_no
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert asked and "Stretch hold" in asked[0][0]
    assert editor.result() == 0  # said no: still editing
    editor.seconds.setValue(90)  # hard limit 60 s
    assert not save_button(editor).isEnabled()
    assert "Cannot save" in editor.status.text()
    editor.seconds.setValue(45)
    editor.confirm = lambda lines: True
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert editor.result() == 1


@pytest.fixture
def mine(make_app):
    companion = make_app()
    companion.window.show_section("routines")
    return companion, companion.user_routines, companion.window.page("routines")


def buttons(page):
    return {b.accessibleName(): b for b in page.findChildren(QPushButton)}


def test_duplicate_a_built_in_edit_start_and_delete(mine, qtbot):
    companion, routines, page = mine
    seen = []

    def accept_as_is(draft):
        seen.append(draft)
        return draft

    routines.edit_dialog = accept_as_is
    qtbot.mouseClick(buttons(page)["Duplicate Calves and shins"], Qt.MouseButton.LeftButton)
    (copy,) = seen
    assert copy.name == "Calves and shins (copy)"
    builtin = companion.routines.get("calves_and_shins")
    assert len(copy.steps) * 2 >= len(builtin.steps)  # each-side pairs fold back into one step
    (stored,) = routines.routines()
    assert stored.id == "mine-1"
    assert [s.exercise.id for s in stored.steps] == [s.exercise.id for s in builtin.steps]
    qtbot.waitUntil(lambda: "Start Calves and shins (copy)" in buttons(page))
    routines.edit_dialog = lambda d: RoutineDraft("Short calves", "", d.steps[:2], d.id)
    qtbot.mouseClick(buttons(page)["Edit Calves and shins (copy)"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Start Short calves" in buttons(page))
    qtbot.mouseClick(buttons(page)["Start Short calves"], Qt.MouseButton.LeftButton)
    assert companion.player is not None and "Short calves" in companion.player.windowTitle()
    companion.player.close()
    routines.confirm = lambda question: "Short calves" in question
    qtbot.mouseClick(buttons(page)["Delete Short calves"], Qt.MouseButton.LeftButton)
    assert routines.routines() == []
    qtbot.waitUntil(lambda: "Start Short calves" not in buttons(page))


def test_export_then_import_round_trips(mine, tmp_path):
    _companion, routines, _page = mine
    routines.edit_dialog = lambda d: RoutineDraft(
        "Feet", "Plantar care.", (StepSpec("plantar_stretch", 10, 10),)
    )
    routines.new()
    (saved,) = routines.routines()
    routines.ask_save_path = lambda name: str(tmp_path / "feet")
    routines.export(saved.id)
    data = json.loads((tmp_path / "feet.json").read_text(encoding="utf-8"))
    assert data["name"] == "Feet" and data["steps"] == [
        {"exercise": "plantar_stretch", "seconds": 10, "reps": 10}
    ]
    told = []
    routines.tell = lambda title, text: told.append((title, text))
    routines.ask_open_path = lambda: str(tmp_path / "feet.json")
    routines.import_file()
    assert told[-1][0] == "Imported"
    assert [r.name for r in routines.routines()] == ["Feet", "Feet"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{oops", "Not a JSON file"),
        (b"\xff\xfe\x00garbage", "is not a text file"),
        (
            json.dumps(
                {
                    "format": "recovery-companion-routine",
                    "version": 1,
                    "name": "X",
                    "steps": [{"exercise": "calf_roll", "seconds": 900, "reps": 1}],
                }
            ).encode(),
            "above the safe limit",
        ),
    ],
)
def test_a_bad_import_names_the_problem_and_changes_nothing(mine, tmp_path, content, message):
    _companion, routines, page = mine
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    told = []
    routines.tell = lambda title, text: told.append((title, text))
    routines.ask_open_path = lambda: str(bad)
    routines.import_file()
    ((title, text),) = told
    assert title == "Could not import"
    assert message in text
    assert routines.routines() == []
    assert any(
        "Your own routines appear here" in label.text() for label in page.findChildren(QLabel)
    )


def test_a_missing_file_is_a_message_too(mine, tmp_path):
    _companion, routines, _page = mine
    told = []
    routines.tell = lambda title, text: told.append(text)
    routines.ask_open_path = lambda: str(tmp_path / "gone.json")
    routines.import_file()
    assert "could not be read" in told[0]


EDITOR_LIFETIME = """
import gc, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["COMPANION_TTS_ENGINE"] = "none"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from companion.domain.custom_routines import RoutineDraft
from companion.resources import load_exercises, load_protocols, load_regions
from companion.ui.routines.editor import RoutineEditorDialog
bounds = load_protocols()
dialog = RoutineEditorDialog(
    RoutineDraft("Evening"), load_exercises(protocols=bounds), load_regions(), bounds
)
dialog.show()
app.processEvents()
del dialog
gc.collect()
print("clean exit", flush=True)
"""


@pytest.mark.slow
def test_the_editor_is_deleted_cleanly():
    """With lambdas on its signals PySide6 6.12 warned and damaged the heap at exit."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", EDITOR_LIFETIME],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "shared QObject" not in result.stderr
    assert result.stdout.strip() == "clean exit"
