"""The routine editor: pick exercises by region and equipment, order them, set doses.

A dose outside the usual range is allowed after the user confirms it; a dose
beyond a hard limit cannot be saved (the Save button stays off and the
reason is shown). Both rules come from ``custom_routines.review``, the same
check an imported file goes through.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain.custom_routines import (
    MAX_DESCRIPTION,
    MAX_NAME,
    RoutineDraft,
    StepSpec,
    review,
    seconds_of,
)
from companion.domain.equipment import Equipment
from companion.domain.exercises import ExerciseLibrary, Kind, Sides, worked_region_ids
from companion.domain.poses import PoseCatalog
from companion.domain.protocols import ProtocolBounds
from companion.domain.regions import RegionCatalog
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.ui.routines.pose_view import PoseView
from companion.ui.today.body_map import BodyMapView

# The words below are translated where they are shown, in the "RoutineEditor" context.
KIND_WORDS = {
    Kind.STRETCH: QT_TRANSLATE_NOOP("RoutineEditor", "stretch"),
    Kind.ROLL: QT_TRANSLATE_NOOP("RoutineEditor", "roll or massage"),
    Kind.MOBILITY: QT_TRANSLATE_NOOP("RoutineEditor", "mobility"),
    Kind.ISOMETRIC: QT_TRANSLATE_NOOP("RoutineEditor", "isometric"),
    Kind.YOGA: QT_TRANSLATE_NOOP("RoutineEditor", "yoga"),
    Kind.ACTIVE: QT_TRANSLATE_NOOP("RoutineEditor", "active recovery"),
}
EQUIPMENT_WORDS = {
    Equipment.NONE: QT_TRANSLATE_NOOP("RoutineEditor", "no equipment"),
    Equipment.FOAM_ROLLER: QT_TRANSLATE_NOOP("RoutineEditor", "foam roller"),
    Equipment.BALL: QT_TRANSLATE_NOOP("RoutineEditor", "ball"),
    Equipment.STRAP: QT_TRANSLATE_NOOP("RoutineEditor", "strap"),
    Equipment.WALL: QT_TRANSLATE_NOOP("RoutineEditor", "wall"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("RoutineEditor", "chair"),
    Equipment.STEP: QT_TRANSLATE_NOOP("RoutineEditor", "step"),
    Equipment.BOTTLE: QT_TRANSLATE_NOOP("RoutineEditor", "bottle"),
    Equipment.STICK: QT_TRANSLATE_NOOP("RoutineEditor", "stick"),
}


def kind_word(kind: Kind) -> str:
    word = KIND_WORDS.get(kind)
    return QCoreApplication.translate("RoutineEditor", word) if word else kind.value


def equipment_word(item: Equipment) -> str:
    word = EQUIPMENT_WORDS.get(item)
    return (
        QCoreApplication.translate("RoutineEditor", word) if word else item.value.replace("_", " ")
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class RoutineEditorDialog(QDialog):
    def __init__(
        self,
        draft: RoutineDraft,
        library: ExerciseLibrary,
        regions: RegionCatalog,
        bounds: ProtocolBounds,
        parent: QWidget | None = None,
        *,
        poses: PoseCatalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.poses = poses
        self.bounds = bounds
        self._id = draft.id
        self._steps: list[StepSpec] = list(draft.steps)
        self.setWindowTitle(
            QCoreApplication.translate("RoutineEditor", "Edit routine")
            if draft.id
            else QCoreApplication.translate("RoutineEditor", "New routine")
        )
        self.setMinimumSize(780, 680)

        form = QFormLayout()
        self.name = QLineEdit(draft.name)
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(QCoreApplication.translate("RoutineEditor", "Routine name"))
        self.description = QLineEdit(draft.description)
        self.description.setMaxLength(MAX_DESCRIPTION)
        self.description.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Description")
        )
        form.addRow(QCoreApplication.translate("RoutineEditor", "&Name"), self.name)
        form.addRow(QCoreApplication.translate("RoutineEditor", "&Description"), self.description)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(QLabel(QCoreApplication.translate("RoutineEditor", "Exercises")), 0, 0)
        grid.addWidget(
            QLabel(QCoreApplication.translate("RoutineEditor", "Your routine, in order")), 0, 1
        )
        grid.addLayout(self._build_picker(regions), 1, 0)
        grid.addLayout(self._build_steps(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("Muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._refresh)
        self.description.textChanged.connect(self._refresh)
        self._fill_steps()
        self._filter()

    # -- the exercise picker ----------------------------------------------------------------
    def _build_picker(self, regions: RegionCatalog) -> QVBoxLayout:
        column = QVBoxLayout()
        filters = QHBoxLayout()
        self.region_filter = QComboBox()
        self.region_filter.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Show exercises for region")
        )
        self.region_filter.addItem(QCoreApplication.translate("RoutineEditor", "Every region"), "")
        for group, name in regions.group_labels().items():
            self.region_filter.addItem(name, group)
        self.equipment_filter = QComboBox()
        self.equipment_filter.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Show exercises using equipment")
        )
        self.equipment_filter.addItem(
            QCoreApplication.translate("RoutineEditor", "Any equipment"), ""
        )
        for item in Equipment:
            self.equipment_filter.addItem(_capitalised(equipment_word(item)), item.value)
        filters.addWidget(self.region_filter)
        filters.addWidget(self.equipment_filter)
        column.addLayout(filters)
        self.exercises = QListWidget()
        self.exercises.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Exercises to add")
        )
        # Bound methods, not lambdas, on this dialog's signals: with lambdas PySide6 6.12
        # warned "shared QObject was deleted directly" when the dialog was deleted, and
        # the heap was damaged at exit (measured; see the editor test).
        self.exercises.itemActivated.connect(self._exercise_activated)
        column.addWidget(self.exercises, 1)
        pictures = QHBoxLayout()
        self.pose = PoseView()
        self.pose.setFixedHeight(150)
        pictures.addWidget(self.pose, 1)
        self.figure = BodyMapView(regions, interactive=False)
        self.figure.setFixedHeight(150)
        pictures.addWidget(self.figure, 1)
        column.addLayout(pictures)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setObjectName("Muted")
        column.addWidget(self.about)
        self.exercises.currentRowChanged.connect(self._preview)
        self.add_button = QPushButton(
            QCoreApplication.translate("RoutineEditor", "&Add to routine")
        )
        self.add_button.clicked.connect(self.add_selected)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.region_filter.currentIndexChanged.connect(self._filter)
        self.equipment_filter.currentIndexChanged.connect(self._filter)
        return column

    def _filter(self) -> None:
        group = self.region_filter.currentData()
        equipment = self.equipment_filter.currentData()
        self.exercises.clear()
        for exercise in self.library.exercises:
            if group and group not in exercise.regions:
                continue
            if equipment == Equipment.NONE.value and exercise.equipment not in (
                (),
                (Equipment.NONE,),
            ):
                continue
            if (
                equipment
                and equipment != Equipment.NONE.value
                and Equipment(equipment) not in exercise.equipment
            ):
                continue
            item = QListWidgetItem(f"{exercise.name} ({kind_word(exercise.kind)})")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.exercises.addItem(item)
        if self.exercises.count():
            self.exercises.setCurrentRow(0)

    def _preview(self, row: int) -> None:
        """What the highlighted exercise works, with its equipment and cautions."""
        item = self.exercises.item(row) if row >= 0 else None
        if item is None:
            self.figure.set_highlight(frozenset())
            self.pose.set_pose(None)
            self.about.setText("")
            return
        exercise = self.library.get(item.data(Qt.ItemDataRole.UserRole))
        self.figure.set_highlight(worked_region_ids(exercise.regions, "both"))
        pose = self.poses.get(exercise.id) if self.poses is not None else None
        self.pose.set_pose(
            pose,
            description=QCoreApplication.translate("RoutineEditor", "How to stand or lie for %s")
            % exercise.name,
        )
        needs = [equipment_word(e) for e in exercise.equipment if e is not Equipment.NONE]
        lines = [
            QCoreApplication.translate("RoutineEditor", "Needs: %s.") % ", ".join(needs)
            if needs
            else QCoreApplication.translate("RoutineEditor", "No equipment.")
        ]
        lines += list(exercise.cautions[:1])
        self.about.setText(" ".join(lines))

    def _exercise_activated(self, _item: QListWidgetItem) -> None:
        self.add_selected()

    def add_selected(self) -> None:
        if self.exercises.currentRow() < 0:  # nothing to add
            return
        item = self.exercises.currentItem()
        exercise = self.library.get(item.data(Qt.ItemDataRole.UserRole))
        self._steps.append(StepSpec(exercise.id, exercise.dose.seconds, exercise.dose.reps))
        self._fill_steps(len(self._steps) - 1)

    # -- the routine's steps ----------------------------------------------------------------
    def _build_steps(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.steps = QListWidget()
        self.steps.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Steps of your routine")
        )
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercises.setWordWrap(True)
        self.exercises.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self._show_dose)
        column.addWidget(self.steps, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(QCoreApplication.translate("RoutineEditor", "Move &up"))
        self.down_button = QPushButton(QCoreApplication.translate("RoutineEditor", "Move do&wn"))
        self.remove_button = QPushButton(QCoreApplication.translate("RoutineEditor", "&Remove"))
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.remove_button.clicked.connect(self.remove)
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        column.addLayout(moves)
        dose = QHBoxLayout()
        self.seconds = QSpinBox()
        self.seconds.setRange(1, 3600)
        self.seconds.setSuffix(QCoreApplication.translate("RoutineEditor", " s"))
        self.seconds.setAccessibleName(
            QCoreApplication.translate("RoutineEditor", "Seconds per hold or set")
        )
        self.reps = QSpinBox()
        self.reps.setRange(1, 50)
        self.reps.setAccessibleName(QCoreApplication.translate("RoutineEditor", "Repetitions"))
        self.seconds_label = QLabel(QCoreApplication.translate("RoutineEditor", "&Seconds"))
        self.seconds_label.setBuddy(self.seconds)
        reps_label = QLabel(QCoreApplication.translate("RoutineEditor", "Re&ps"))
        reps_label.setBuddy(self.reps)
        dose.setSpacing(8)
        for widget in (self.seconds_label, self.seconds, reps_label, self.reps):
            dose.addWidget(widget)
            if widget is self.seconds:
                dose.addSpacing(12)
        dose.addStretch(1)
        column.addLayout(dose)
        self.seconds.valueChanged.connect(self._dose_changed)
        self.reps.valueChanged.connect(self._dose_changed)
        return column

    def _describe(self, spec: StepSpec) -> str:
        exercise = self.library.get(spec.exercise)
        side = (
            QCoreApplication.translate("RoutineEditor", ", each side")
            if exercise.sides is Sides.EACH
            else ""
        )
        if exercise.timed_reps:
            dose = (
                QCoreApplication.translate(
                    "RoutineEditor", "%n movement(s) in %s s", None, spec.reps
                )
                % spec.seconds
            )
        elif spec.reps > 1:
            dose = QCoreApplication.translate("RoutineEditor", "%d × %d s") % (
                spec.reps,
                spec.seconds,
            )
        else:
            dose = QCoreApplication.translate("RoutineEditor", "%d s") % spec.seconds
        return f"{exercise.name}: {dose}{side}"

    def _fill_steps(self, select: int = 0) -> None:
        self.steps.blockSignals(True)
        self.steps.clear()
        for spec in self._steps:
            self.steps.addItem(self._describe(spec))
        self.steps.blockSignals(False)
        if self._steps:
            self.steps.setCurrentRow(max(0, min(select, len(self._steps) - 1)))
        self._show_dose(self.steps.currentRow())
        self._refresh()

    def _show_dose(self, row: int) -> None:
        has = 0 <= row < len(self._steps)
        for widget in (
            self.seconds,
            self.reps,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            widget.setEnabled(has)
        if not has:
            return
        spec = self._steps[row]
        for box, value in ((self.seconds, spec.seconds), (self.reps, spec.reps)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _dose_changed(self) -> None:
        row = self.steps.currentRow()
        if not 0 <= row < len(self._steps):
            return
        self._steps[row] = replace(
            self._steps[row], seconds=self.seconds.value(), reps=self.reps.value()
        )
        item = self.steps.item(row)
        if item is not None:
            item.setText(self._describe(self._steps[row]))
        self._refresh()

    def move_up(self) -> None:
        self.move_step(-1)

    def move_down(self) -> None:
        self.move_step(+1)

    def move_step(self, offset: int) -> None:
        row = self.steps.currentRow()
        target = row + offset
        if not (0 <= row < len(self._steps) and 0 <= target < len(self._steps)):
            return
        self._steps[row], self._steps[target] = self._steps[target], self._steps[row]
        self._fill_steps(target)

    def remove(self) -> None:
        row = self.steps.currentRow()
        if 0 <= row < len(self._steps):
            del self._steps[row]
            self._fill_steps(row)

    # -- saving -----------------------------------------------------------------------------
    def draft(self) -> RoutineDraft:
        return RoutineDraft(
            self.name.text().strip(), self.description.text().strip(), tuple(self._steps), self._id
        )

    def _refresh(self) -> None:
        draft = self.draft()
        verdict = review(draft, self.library, self.bounds)
        lines = []
        if draft.steps and all(self._known(s) for s in draft.steps):
            minutes = seconds_of(draft, self.library) / 60
            lines.append(
                QCoreApplication.translate(
                    "RoutineEditor", "About %d min, set-up and side switches included."
                )
                % max(1, round(minutes))
            )
        lines += [
            QCoreApplication.translate("RoutineEditor", "Cannot save: %s") % r
            for r in verdict.refusals
        ]
        lines += [
            QCoreApplication.translate("RoutineEditor", "Outside the usual range: %s") % c
            for c in verdict.confirmations
        ]
        self.status.setText("\n".join(lines))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(verdict.ok)

    def _known(self, spec: StepSpec) -> bool:
        try:
            self.library.get(spec.exercise)
        except KeyError:
            return False
        return True

    def save(self) -> None:
        verdict = review(self.draft(), self.library, self.bounds)
        if not verdict.ok:
            return
        if verdict.confirmations and not self.confirm(verdict.confirmations):
            return
        self.accept()

    def confirm(self, lines: list[str]) -> bool:
        """Ask before saving doses outside the usual range (tests replace this)."""
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("RoutineEditor", "Outside the usual range"),
            "\n\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
