"""The therapy timer window: a quick safety check and what to prepare, then the phases.

Before it starts: the three-question quick check PROTOCOLS 3.1 asks before any
cold, heat or immersion timer (a yes stops it and offers the full safety
questions) and what to prepare (a cloth, a thermometer). Then a large
countdown computed as deadline minus now, the phase in words and colour, what
comes next, a look-at-your-skin line every five minutes of cold or heat, and
a chime and spoken line at each phase change. Pause (Space), Skip, Stop and
"Something's wrong" are always there; the session is stored when it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import Clock
from companion.domain.therapy_timer import Phase, PhaseTimer, Temp, TimerPlan, skin_checks
from companion.domain.triage import Question
from companion.ui.cues import CuePlayer
from companion.ui.sections import make_label
from companion.ui.ticker import Ticker, format_left

TEMP_COLOURS = {Temp.HOT: "#c8553d", Temp.COLD: "#2f7fb8", Temp.OFF: "#7d8a85"}


def kind_label(plan: TimerPlan) -> str:
    return QCoreApplication.translate("TimerKind", plan.kind.label)


def phase_name(phase: Phase) -> str:
    return QCoreApplication.translate("TherapyPhase", phase.name)


class TherapyTimerView(QWidget):
    finished = Signal(object)  # the PhaseTimer, ended (completed or stopped)
    something_wrong = Signal()
    phase_changed = Signal()

    def __init__(
        self,
        plan: TimerPlan,
        clock: Clock,
        questions: Sequence[Question],
        *,
        parent: QWidget | None = None,
        cues: CuePlayer | None = None,
        ticker: Ticker | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.clock = clock
        self.timer: PhaseTimer | None = None
        self.sound = cues or CuePlayer(parent=self)
        self.ticker = ticker or Ticker(clock, self)
        self.ticker.ticked.connect(self.advance)
        self._checks = list(skin_checks(plan))
        self._reported = False
        self.setWindowTitle(
            QCoreApplication.translate("TherapyTimer", "%s: Recovery Companion") % kind_label(plan)
        )
        self.setAccessibleName(QCoreApplication.translate("TherapyTimer", "Therapy timer"))
        self.setMinimumSize(460, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(make_label(kind_label(plan), "PageTitle"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_before(questions))
        self.pages.addWidget(self._build_running())
        layout.addWidget(self.pages, 1)
        self.wrong_button = QPushButton(
            QCoreApplication.translate("TherapyTimer", "Something's wrong")
        )
        self.wrong_button.setAccessibleDescription(
            QCoreApplication.translate(
                "TherapyTimer", "Stops the timer and opens the safety questions."
            )
        )
        self.wrong_button.clicked.connect(self.report_problem)
        layout.addWidget(self.wrong_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- before --------------------------------------------------------------------------------
    def _build_before(self, questions: Sequence[Question]) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(
            make_label(
                QCoreApplication.translate("TherapyTimer", "First, a quick safety check"),
                "CardTitle",
            )
        )
        self.answers: list[QCheckBox] = []
        for question in questions:
            box = QCheckBox(QCoreApplication.translate("TherapyTimer", "Yes"))
            box.setAccessibleName(question.text)
            box.setProperty("question", question.id)
            box.toggled.connect(self._answers_changed)
            row = QHBoxLayout()
            text = make_label(question.text, "")
            row.addWidget(text, 1)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            column.addLayout(row)
            self.answers.append(box)
        self.stop_note = make_label(
            QCoreApplication.translate(
                "TherapyTimer",
                "Do not start: a yes here needs medical attention first, not cold or heat. "
                "Use Something's wrong below to answer the safety questions.",
            ),
            "Muted",
        )
        self.stop_note.hide()
        column.addWidget(self.stop_note)
        column.addSpacing(8)
        column.addWidget(
            make_label(QCoreApplication.translate("TherapyTimer", "Before you start"), "CardTitle")
        )
        column.addWidget(make_label(self.plan.before, ""))
        minutes = self.plan.total_s / 60
        column.addWidget(
            make_label(
                QCoreApplication.translate(
                    "TherapyTimer", "%n phase(s), %s minutes in all.", None, len(self.plan.phases)
                )
                % f"{minutes:g}",
                "Muted",
            )
        )
        column.addStretch(1)
        self.start_button = QPushButton(QCoreApplication.translate("TherapyTimer", "&Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _answers_changed(self) -> None:
        any_yes = any(box.isChecked() for box in self.answers)
        self.start_button.setEnabled(not any_yes)
        self.stop_note.setVisible(any_yes)

    # -- running -------------------------------------------------------------------------------
    def _build_running(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(
            QCoreApplication.translate("TherapyTimer", "Timer progress")
        )
        column.addWidget(self.progress)
        self.band = QFrame()
        self.band.setFixedHeight(8)
        column.addWidget(self.band)
        self.phase = make_label("", "CardTitle")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.phase)
        self.countdown = QLabel("0:00")
        self.countdown.setObjectName("Countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown.setAccessibleName(
            QCoreApplication.translate("TherapyTimer", "Time left in this phase")
        )
        self.countdown.setStyleSheet("#Countdown { font-size: 56pt; font-weight: 600; }")
        column.addWidget(self.countdown)
        self.say = make_label("", "")
        self.say.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.say)
        self.skin = make_label("", "StatusLine")
        self.skin.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.skin)
        self.next_up = make_label("", "Muted")
        column.addWidget(self.next_up)
        column.addStretch(1)
        controls = QHBoxLayout()
        self.pause_button = QPushButton(QCoreApplication.translate("TherapyTimer", "Pause"))
        self.skip_button = QPushButton(QCoreApplication.translate("TherapyTimer", "Skip"))
        self.stop_button = QPushButton(QCoreApplication.translate("TherapyTimer", "Stop"))
        for button, slot, tip in (
            (
                self.pause_button,
                self.toggle_pause,
                QCoreApplication.translate("TherapyTimer", "Pause or resume (Space)"),
            ),
            (
                self.skip_button,
                self.skip,
                QCoreApplication.translate("TherapyTimer", "End this phase now"),
            ),
            (
                self.stop_button,
                self.stop,
                QCoreApplication.translate("TherapyTimer", "Stop the timer (Esc)"),
            ),
        ):
            button.clicked.connect(slot)
            button.setToolTip(tip)
            controls.addWidget(button)
        column.addLayout(controls)
        for key, slot in ((Qt.Key.Key_Space, self.toggle_pause), (Qt.Key.Key_Escape, self.stop)):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        return page

    def start(self) -> None:
        if not self.start_button.isEnabled() or self.timer is not None:
            return
        now = self.clock.now()
        self.timer = PhaseTimer(self.plan, now)
        self.pages.setCurrentIndex(1)
        self.pause_button.setFocus()  # Space pauses, whether by shortcut or on the button
        self._announce(self.plan.phases[0].say)
        self.ticker.start()
        self._render(now)

    def advance(self, now: datetime) -> None:
        timer = self.timer
        if timer is None or timer.ended_at is not None:
            return
        began = timer.tick(now)
        if began:
            self._announce(began[-1].say)
        elapsed = timer.elapsed(now).total_seconds()
        due = [at for at in self._checks if at <= elapsed]
        if due:
            self._checks = [at for at in self._checks if at > elapsed]
            check = QCoreApplication.translate(
                "TherapyTimer", "Look at your skin: stop if it is white, grey, blistered or numb."
            )
            self.skin.setText(check)
            self.sound.phase(check)
        if timer.phase is None:  # tick() ended the last phase
            self._finish(QCoreApplication.translate("TherapyTimer", "Done. Well done."))
            return
        self._render(now)
        if not timer.paused:
            left = timer.remaining(now).total_seconds()
            self.ticker.wake_in(left - int(left) if left > 1 else left)

    def _render(self, now: datetime) -> None:
        timer = self.timer
        if timer is None or timer.phase is None:
            return
        phase = timer.phase
        word = phase_name(phase)
        if timer.paused:
            word = QCoreApplication.translate("TherapyTimer", "%s (paused)") % word
        self.phase.setText(word)
        self.countdown.setText(format_left(timer.remaining(now).total_seconds()))
        self.say.setText(phase.say)
        self.band.setStyleSheet(f"background: {TEMP_COLOURS[phase.temp]}; border-radius: 4px;")
        total = self.plan.total_s or 1
        self.progress.setValue(round(timer.elapsed(now).total_seconds() / total * 1000))
        following = (
            self.plan.phases[timer.index + 1] if timer.index + 1 < len(self.plan.phases) else None
        )
        self.next_up.setText(
            QCoreApplication.translate("TherapyTimer", "Next: %s (%s)")
            % (phase_name(following), format_left(following.seconds))
            if following
            else QCoreApplication.translate("TherapyTimer", "Last phase.")
        )

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _announce(self, line: str) -> None:
        self.phase_changed.emit()
        self.sound.phase(line)
        event = QAccessibleAnnouncementEvent(self, line)
        QAccessible.updateAccessibility(event)

    # -- controls ------------------------------------------------------------------------------
    def toggle_pause(self) -> None:
        timer = self.timer
        if timer is None or timer.ended_at is not None:
            return
        now = self.clock.now()
        if timer.paused:
            timer.resume(now)
            self.pause_button.setText(QCoreApplication.translate("TherapyTimer", "Pause"))
            self.ticker.start()
        else:
            timer.pause(now)
            self.pause_button.setText(QCoreApplication.translate("TherapyTimer", "Resume"))
            self.ticker.stop()
        self._render(now)

    def skip(self) -> None:
        timer = self.timer
        if timer is None or timer.ended_at is not None:
            return
        now = self.clock.now()
        began = timer.skip(now)
        self.pause_button.setText(QCoreApplication.translate("TherapyTimer", "Pause"))
        if began is None:
            self._finish(QCoreApplication.translate("TherapyTimer", "Done. Well done."))
            return
        self._announce(began.say)
        self.ticker.start()
        self._render(now)

    def stop(self) -> None:
        if self.timer is None:
            self.close()
            return
        if self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))

    def report_problem(self) -> None:
        if self.timer is not None and self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))
        self.something_wrong.emit()
        self.close()

    def _finish(self, words: str) -> None:
        self.ticker.stop()
        self.phase.setText(words)
        self.countdown.setText("0:00")
        self.next_up.setText("")
        self.progress.setValue(1000)
        for button in (self.pause_button, self.skip_button):
            button.setEnabled(False)
        self.stop_button.setText(QCoreApplication.translate("TherapyTimer", "Close"))
        self.stop_button.clicked.disconnect()
        self.stop_button.clicked.connect(self.close)
        self._announce(words)
        if not self._reported and self.timer is not None:
            self._reported = True
            self.finished.emit(self.timer)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.timer is not None and self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))
        self.ticker.stop()
        super().closeEvent(event)

    def status(self, now: datetime) -> str:
        """One line for the tray: the phase and the time left."""
        timer = self.timer
        if timer is None or timer.phase is None:
            return ""
        if timer.paused:
            return QCoreApplication.translate("TherapyTimer", "%s: %s, paused") % (
                kind_label(self.plan),
                phase_name(timer.phase),
            )
        until = timer.deadline().astimezone(now.tzinfo)
        return QCoreApplication.translate("TherapyTimer", "%s: %s until %s") % (
            kind_label(self.plan),
            phase_name(timer.phase),
            f"{until:%H:%M:%S}",
        )
