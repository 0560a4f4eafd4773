"""The Today screen's dialogs: the safety questions and the health conditions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.domain.conditions import ConditionCatalog, ReportedCondition
from companion.domain.regions import Side
from companion.domain.triage import Question, Tier
from companion.services.checkin import CheckInService
from companion.ui.sections import make_label


class SafetyQuestionsDialog(QDialog):
    """The safety questions in small steps: one question a screen, Yes or No.

    Y answers yes and N no (each moves on), Enter is Next once the question is
    answered, Back keeps every answer, Esc cancels. A follow-up question is shown
    only after a "yes" to its parent. The last screen lists what was answered yes
    before Done. ``answers()`` has every question (follow-ups not shown are no).
    """

    def __init__(
        self,
        questions: tuple[Question, ...],
        parent: QWidget | None = None,
        reasons: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Today", "Before your plan: a quick safety check")
        )
        self.setMinimumSize(520, 400)
        self._questions = questions
        self._given: dict[str, bool] = {}
        self._index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.step_label = make_label("", "Muted")
        self.step_label.setAccessibleName(QCoreApplication.translate("Today", "Step"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(QCoreApplication.translate("Today", "Progress"))
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress)
        self._add_reasons(layout, reasons)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self._add_pages()
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "This is not a diagnosis: it tells you when to get help instead of "
                    "self-care. Keys: Y yes, N no, Enter next, Esc cancel.",
                ),
                "Muted",
            )
        )
        layout.addLayout(self._buttons())
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Y answers yes, N answers no (Enter and Esc are the dialog's own)."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        answers = {Qt.Key.Key_Y: True, Qt.Key.Key_N: False}
        if plain and event.key() in answers and self.current_question() is not None:
            self.answer(answers[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def _add_reasons(self, layout: QVBoxLayout, reasons: tuple[str, ...]) -> None:
        if reasons:
            frame = QFrame()
            frame.setObjectName("Banner")
            frame_box = QVBoxLayout(frame)
            frame_box.setContentsMargins(12, 10, 12, 10)
            why = make_label(
                QCoreApplication.translate("Today", "Why these questions now:")
                + "\n"
                + "\n".join(f"• {r}" for r in reasons),
                "",
            )
            why.setAccessibleName(QCoreApplication.translate("Today", "Why these questions now"))
            frame_box.addWidget(why)
            layout.addWidget(frame)

    def _add_pages(self) -> None:
        ask_page = QWidget()
        ask = QVBoxLayout(ask_page)
        ask.setContentsMargins(0, 4, 0, 0)
        ask.setSpacing(12)
        self.question_label = make_label("", "CardTitle")
        self.question_label.setMinimumHeight(64)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        ask.addWidget(self.question_label)
        answers = QHBoxLayout()
        answers.setSpacing(12)
        self.yes_button = self._answer_button(QCoreApplication.translate("Today", "&Yes"), True)
        self.no_button = self._answer_button(QCoreApplication.translate("Today", "&No"), False)
        self._answer_group = QButtonGroup(self)
        for button in (self.yes_button, self.no_button):
            self._answer_group.addButton(button)
            answers.addWidget(button)
        answers.addStretch(1)
        ask.addLayout(answers)
        ask.addStretch(1)
        self.pages.addWidget(ask_page)

        done_page = QWidget()
        done = QVBoxLayout(done_page)
        done.setContentsMargins(0, 4, 0, 0)
        self.summary_label = make_label("", "")
        done.addWidget(self.summary_label)
        done.addStretch(1)
        self.pages.addWidget(done_page)

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.back_button = QPushButton(QCoreApplication.translate("Today", "&Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.cancel_button = QPushButton(QCoreApplication.translate("Today", "Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button = QPushButton(QCoreApplication.translate("Today", "Next"))
        self.next_button.setObjectName("PrimaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        return buttons

    def _answer_button(self, text: str, value: bool) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("ScoreButton")
        button.setCheckable(True)
        button.setAutoDefault(False)  # Enter is always Next
        button.setMinimumSize(120, 44)
        button.clicked.connect(lambda: self.answer(value))
        return button

    # -- the steps ---------------------------------------------------------------------
    def steps(self) -> list[Question]:
        """The questions to show now: each follow-up right after a "yes" to its parent."""
        shown: list[Question] = []
        for question in self._questions:
            if question.follow_up is not None:
                continue
            shown.append(question)
            if self._given.get(question.id):
                shown += [q for q in self._questions if q.follow_up == question.id]
        return shown

    def current_question(self) -> Question | None:
        steps = self.steps()
        return steps[self._index] if self._index < len(steps) else None

    def answer(self, value: bool) -> None:
        """Answer the question on screen and move on."""
        question = self.current_question()
        if question is None:
            return
        self._given[question.id] = value
        if not value:  # a follow-up is only asked after a yes
            for follow in (q for q in self._questions if q.follow_up == question.id):
                self._given.pop(follow.id, None)
        self._index += 1
        self._show()

    def next(self) -> None:
        question = self.current_question()
        if question is None:
            self.accept()
        elif question.id in self._given:
            self._index += 1
            self._show()

    def back(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show()

    def _show(self) -> None:
        steps = self.steps()
        total = len(steps)
        question = self.current_question()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(self._index, total))
        self.back_button.setEnabled(self._index > 0)
        if question is None:
            self.pages.setCurrentIndex(1)
            self.step_label.setText(
                QCoreApplication.translate("Today", "All %n question(s) answered", None, total)
            )
            self.summary_label.setText(self._summary(steps))
            self.next_button.setText(QCoreApplication.translate("Today", "Done"))
            self.next_button.setEnabled(True)
            self.next_button.setFocus()
            return
        self.pages.setCurrentIndex(0)
        self.step_label.setText(
            QCoreApplication.translate("Today", "%s · question %d of %d")
            % (_topic(question), self._index + 1, total)
        )
        self.question_label.setText(question.text)
        given = self._given.get(question.id)
        self._answer_group.setExclusive(False)
        self.yes_button.setChecked(given is True)
        self.no_button.setChecked(given is False)
        self._answer_group.setExclusive(True)
        for button, word in (
            (self.yes_button, QCoreApplication.translate("Today", "Yes")),
            (self.no_button, QCoreApplication.translate("Today", "No")),
        ):
            button.setAccessibleName(f"{word}: {question.text}")
        self.next_button.setText(QCoreApplication.translate("Today", "Next"))
        self.next_button.setEnabled(given is not None)
        (self.next_button if given is not None else self.yes_button).setFocus()

    def _summary(self, steps: list[Question]) -> str:
        yes = [q.text for q in steps if self._given.get(q.id)]
        if not yes:
            return QCoreApplication.translate(
                "Today", "You answered no to every question. Press Done to carry on."
            )
        return (
            QCoreApplication.translate("Today", "You answered yes to:")
            + "\n"
            + "\n".join(f"• {text}" for text in yes)
            + "\n\n"
            + QCoreApplication.translate(
                "Today", "Press Done to see what to do next, or Back to change an answer."
            )
        )

    def answers(self) -> dict[str, bool]:
        shown = {q.id for q in self.steps()}
        return {q.id: bool(self._given.get(q.id)) and q.id in shown for q in self._questions}


def _topic(question: Question) -> str:
    """The small heading over a question: how urgent a yes would be."""
    if question.tier is Tier.RED:
        return QCoreApplication.translate("Today", "Emergency signs")
    if question.tier is Tier.ORANGE:
        return QCoreApplication.translate("Today", "Signs to get checked today")
    return QCoreApplication.translate("Today", "Signs to get checked soon")


class ConditionsPicker(QWidget):
    """The health conditions as tick boxes, with "None of these" (PROTOCOLS 3.4).

    "None of these" clears every condition, and ticking a condition clears it, so an
    answer is either some conditions or none. ``answered()`` says whether either is
    ticked; area-specific conditions ask which leg.
    """

    changed = Signal()  # a box was ticked or cleared

    def __init__(
        self,
        catalog: ConditionCatalog,
        current: tuple[ReportedCondition, ...] = (),
        *,
        none_ticked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        chosen = {c.id: c for c in current}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.boxes: dict[str, QCheckBox] = {}
        self.legs: dict[str, QComboBox] = {}
        for row, condition in enumerate(catalog.conditions):
            box = _wrapped_check(grid, row, condition.label)
            box.setChecked(condition.id in chosen)
            box.toggled.connect(self._condition_toggled)
            self.boxes[condition.id] = box
            if condition.area_specific:
                legs = QComboBox()
                legs.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                legs.addItems(
                    [
                        QCoreApplication.translate("Today", "Both legs"),
                        QCoreApplication.translate("Today", "Left leg"),
                        QCoreApplication.translate("Today", "Right leg"),
                    ]
                )
                legs.setAccessibleName(
                    QCoreApplication.translate("Today", "%s: which leg") % condition.label
                )
                if condition.id in chosen:
                    legs.setCurrentIndex(_legs_index(chosen[condition.id].legs))
                legs.setEnabled(box.isChecked())
                box.toggled.connect(legs.setEnabled)
                grid.addWidget(legs, row, 2, Qt.AlignmentFlag.AlignTop)
                self.legs[condition.id] = legs
        self.none_box = _wrapped_check(
            grid, len(self.boxes), QCoreApplication.translate("Today", "None of these")
        )
        self.none_box.setChecked(none_ticked and not current)
        self.none_box.toggled.connect(self._none_toggled)

    def _condition_toggled(self, on: bool) -> None:
        if on and self.none_box.isChecked():
            self.none_box.setChecked(False)
        self.changed.emit()

    def _none_toggled(self, on: bool) -> None:
        if on:
            for box in self.boxes.values():
                box.setChecked(False)
        self.changed.emit()

    def answered(self) -> bool:
        return self.none_box.isChecked() or any(b.isChecked() for b in self.boxes.values())

    def chosen(self) -> tuple[ReportedCondition, ...]:
        result = []
        for cid, box in self.boxes.items():
            if not box.isChecked():
                continue
            legs = frozenset({Side.LEFT, Side.RIGHT})
            if cid in self.legs:
                legs = (legs, frozenset({Side.LEFT}), frozenset({Side.RIGHT}))[
                    self.legs[cid].currentIndex()
                ]
            result.append(ReportedCondition(cid, legs))
        return tuple(result)


class ConditionsDialog(QDialog):
    """PROTOCOLS 3.4: asked once (by the welcome or the first check-in), changed from
    Settings. Save (Enter) needs an answer: some conditions or "None of these"."""

    def __init__(self, presenter: CheckInService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Today", "Health conditions"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "Some conditions make ice, heat, baths or rolling unsafe. Tick any that "
                    "apply; the plan will leave those out. You can change this in Settings.",
                ),
                "",
            )
        )
        self.picker = ConditionsPicker(
            presenter.content.conditions,
            presenter.conditions(),
            none_ticked=presenter.conditions_asked(),
        )
        self.boxes = self.picker.boxes
        self.legs = self.picker.legs
        self.none_box = self.picker.none_box
        layout.addWidget(self.picker)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.changed.connect(self._answered)
        self._answered()

    def _answered(self) -> None:
        self.save_button.setEnabled(self.picker.answered())

    def chosen(self) -> tuple[ReportedCondition, ...]:
        return self.picker.chosen()


class _Words(QLabel):
    """A tick box's words, wrapped: clicking them ticks the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(box)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._box.toggle()


def _wrapped_check(grid: QGridLayout, row: int, text: str) -> QCheckBox:
    """A tick box with words that wrap in a narrow window (a QCheckBox's own do not)."""
    box = QCheckBox()
    box.setAccessibleName(text)
    grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(_Words(text, box), row, 1)
    return box


def _legs_index(legs: frozenset[Side]) -> int:
    if legs == {Side.LEFT}:
        return 1
    if legs == {Side.RIGHT}:
        return 2
    return 0
