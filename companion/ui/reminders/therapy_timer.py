"""The therapy timer window: a quick safety check and what to prepare, then the phases.

Before it starts: the three-question quick check PROTOCOLS 3.1 asks before any
cold, heat or immersion timer (a yes stops it and offers the full safety
questions) and what to prepare (a cloth, a thermometer). Then a large
countdown computed as deadline minus now, the phase in words and colour, what
comes next, and a chime and spoken line at each phase change.

When a phase ends by the clock and asks something of the user (ice off, ice
back on, switch to cold or hot, out of the bath, heat off), the window says
what to do in a panel, comes back if hidden or minimised, raises itself and
sends the same words as a desktop notification (``AlertRouter``: else the
tray's message). The skin check every five minutes of cold or heat is a
question to answer ("Looks fine" or "Stop now", in the window or on the
notification); unanswered, the timer runs on and the question stays. "Stop
now" stops the timer with what to do next. Pause (Space), Skip, Stop and
"Something's wrong" are always there; the session is stored when it ends,
with the skin checks' answers and the quick check's. A quick check left with
a yes is reported (``quick_check_refused``) for the app to store.
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
from companion.domain.therapy_cues import PhaseEnd, phase_end, skin_prompt
from companion.domain.therapy_timer import Phase, PhaseTimer, Temp, TimerPlan, skin_checks
from companion.domain.triage import Question
from companion.ui.cues import CuePlayer
from companion.ui.reminders.timer_alerts import DEFAULT_ACTION, AlertRouter, new_key
from companion.ui.reminders.timer_panels import PhaseEndPanel, SkinCheckPanel
from companion.ui.sections import make_label
from companion.ui.ticker import Ticker, format_left

TEMP_COLOURS = {Temp.HOT: "#c8553d", Temp.COLD: "#2f7fb8", Temp.OFF: "#7d8a85"}


def kind_label(plan: TimerPlan) -> str:
    return QCoreApplication.translate("TimerKind", plan.kind.label)


def phase_name(phase: Phase) -> str:
    return QCoreApplication.translate("TherapyPhase", phase.name)


def plan_length(total_s: int, phases: int) -> str:
    """ "1 phase, 1 minute in all." or "6 phases, 12 minutes in all.", with Qt's plurals."""
    minutes = total_s / 60
    phase_words = QCoreApplication.translate("TherapyTimer", "%n phase(s)", None, phases)
    if minutes == round(minutes):
        time_words = QCoreApplication.translate(
            "TherapyTimer", "%n minute(s) in all", None, round(minutes)
        )
    else:
        time_words = QCoreApplication.translate("TherapyTimer", "%s minutes in all") % (
            f"{minutes:g}"
        )
    return (
        QCoreApplication.translate("TherapyTimer", "%1, %2.", "phases, then minutes")
        .replace("%1", phase_words)
        .replace("%2", time_words)
    )


class TherapyTimerView(QWidget):
    finished = Signal(object)  # the PhaseTimer, ended (completed or stopped)
    something_wrong = Signal()
    phase_changed = Signal()
    quick_check_refused = Signal(object)  # {question id: answer}, left with a yes, not started

    def __init__(
        self,
        plan: TimerPlan,
        clock: Clock,
        questions: Sequence[Question],
        *,
        parent: QWidget | None = None,
        cues: CuePlayer | None = None,
        ticker: Ticker | None = None,
        alerts: AlertRouter | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.clock = clock
        self.timer: PhaseTimer | None = None
        self.alerts = alerts
        self._phase_key = new_key("timer-phase")
        self._skin_key = new_key("timer-skin")
        self._refusal_reported = False
        if alerts is not None:
            alerts.action.connect(self._notification_action)
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
        column.addWidget(make_label(plan_length(self.plan.total_s, len(self.plan.phases)), "Muted"))
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
        self.next_up = make_label("", "Muted")
        self.next_up.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.next_up)
        column.addSpacing(4)
        self.skin_panel = SkinCheckPanel()
        self.skin_panel.answered.connect(self.answer_skin)
        self.end_panel = PhaseEndPanel()
        self.end_panel.acknowledged.connect(self._acknowledged)
        for panel in (self.skin_panel, self.end_panel):
            centred = QHBoxLayout()  # as wide as the window, up to a readable width
            centred.addStretch(1)
            centred.addWidget(panel, 20)
            centred.addStretch(1)
            column.addLayout(centred)
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
        self.timer.quick_check = self.quick_answers()
        self.pages.setCurrentIndex(1)
        self.pause_button.setFocus()  # Space pauses, whether by shortcut or on the button
        self._announce(self.plan.phases[0].say)
        self.ticker.start()
        self._render(now)

    def quick_answers(self) -> dict[str, bool]:
        return {str(box.property("question")): box.isChecked() for box in self.answers}

    def advance(self, now: datetime) -> None:
        timer = self.timer
        if timer is None or timer.ended_at is not None:
            return
        before = timer.index
        began = timer.tick(now)
        if timer.phase is None:  # tick() ended the last phase
            self._finish(QCoreApplication.translate("TherapyTimer", "Done"), self._end_cue(before))
            return
        if began:
            cue = self._end_cue(before)
            if cue is None:
                self._announce(began[-1].say)
            else:  # one line: what to do, then the new phase
                title = QCoreApplication.translate("TherapyEnd", cue.title)
                self._announce(f"{title}. {began[-1].say}")
                self._phase_ended(cue, alert=True, speak=False)
        elapsed = timer.elapsed(now).total_seconds()
        due = [at for at in self._checks if at <= elapsed]
        if due:
            self._checks = [at for at in self._checks if at > elapsed]
            phase_start = sum(p.seconds for p in self.plan.phases[: timer.index])
            if due[-1] >= phase_start and not timer.paused:  # not one of a phase gone by
                self._ask_skin(due[-1], now)
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
        """Back on screen wherever it was: shown again, un-minimised, raised, active."""
        if self.isMinimized():
            self.showNormal()
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

    # -- what a phase's end asks, and the skin check -------------------------------------------
    def _end_cue(self, before: int) -> PhaseEnd | None:
        """What the phases ended since ``before`` ask now (the latest that asks anything)."""
        timer = self.timer
        if timer is None:
            return None
        last = len(self.plan.phases) - 1 if timer.ended_at is not None else timer.index - 1
        for index in range(last, before - 1, -1):
            cue = phase_end(self.plan, index)
            if cue is not None:
                return cue
        return None

    def _phase_ended(self, cue: PhaseEnd, *, alert: bool, speak: bool = True) -> None:
        """Say what to do now; ``alert``: the clock ended it, so reach the user wherever."""
        title = QCoreApplication.translate("TherapyEnd", cue.title)
        body = QCoreApplication.translate("TherapyEnd", cue.body)
        self.skin_panel.hide()
        self._withdraw(self._skin_key)
        self.end_panel.say(title, body, can_dismiss=not cue.last)
        if not alert:
            self._withdraw(self._phase_key)
            return
        if speak:
            self.sound.phase(f"{title}. {body}")
        self.bring_forward()
        if self.alerts is not None:
            self.alerts.send(
                self._phase_key,
                QCoreApplication.translate("TherapyTimer", "%s: %s")
                % (kind_label(self.plan), title),
                body,
                [("show", QCoreApplication.translate("TherapyTimer", "Show the timer"))],
            )

    def _ask_skin(self, due_s: int, now: datetime) -> None:
        timer = self.timer
        if timer is None:
            return
        timer.ask_skin(due_s, now)
        question = QCoreApplication.translate("SkinCheck", skin_prompt(self.plan.kind).question)
        self.end_panel.hide()
        self._withdraw(self._phase_key)
        self.skin_panel.ask(question)
        self.sound.phase(QCoreApplication.translate("SkinCheck", "Skin check: %s") % question)
        self.bring_forward()
        if self.alerts is not None:
            self.alerts.send(
                self._skin_key,
                QCoreApplication.translate("SkinCheck", "%s: skin check") % kind_label(self.plan),
                question,
                [
                    ("fine", QCoreApplication.translate("SkinCheck", "Looks fine")),
                    ("stop", QCoreApplication.translate("SkinCheck", "Stop now")),
                ],
            )

    def answer_skin(self, answer: str) -> None:
        """ "fine" or "stop" for the skin check waiting (from the window or the notification)."""
        timer = self.timer
        if timer is None or timer.pending_skin is None or timer.ended_at is not None:
            return
        now = self.clock.now()
        self.skin_panel.hide()
        self._withdraw(self._skin_key)
        timer.answer_skin(answer, now)
        if answer == "stop":
            advice = QCoreApplication.translate(
                "SkinCheck", skin_prompt(self.plan.kind).stop_advice
            )
            self._finish(
                QCoreApplication.translate("TherapyTimer", "Stopped"),
                None,
                (QCoreApplication.translate("SkinCheck", "Stop here"), advice),
            )
        else:
            self.pause_button.setFocus()

    def _acknowledged(self) -> None:
        self._withdraw(self._phase_key)
        self.pause_button.setFocus()

    def _notification_action(self, key: str, action: str) -> None:
        """A button, or the body (``DEFAULT_ACTION``), clicked on one of this timer's
        notifications: the window comes forward; a skin check is answered only by its
        own buttons, never by a click on the body."""
        if key in (self._skin_key, self._phase_key) and action == DEFAULT_ACTION:
            self.bring_forward()
        elif key == self._skin_key:
            self.answer_skin(action)
            self.bring_forward()
        elif key == self._phase_key:
            self.bring_forward()

    def _withdraw(self, key: str) -> None:
        if self.alerts is not None:
            self.alerts.withdraw(key)

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
        before = timer.index
        began = timer.skip(now)
        self.pause_button.setText(QCoreApplication.translate("TherapyTimer", "Pause"))
        if began is None:
            self._finish(QCoreApplication.translate("TherapyTimer", "Done"), self._end_cue(before))
            return
        self._announce(began.say)
        cue = self._end_cue(before)
        if cue is not None:
            self._phase_ended(cue, alert=False, speak=False)  # the user is here: the panel
        self.ticker.start()
        self._render(now)

    def stop(self) -> None:
        if self.timer is None:
            self.close()
            return
        if self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))
        else:
            self.close()

    def report_problem(self) -> None:
        if self.timer is not None and self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))
        self._report_refusal()
        self.something_wrong.emit()
        self.close()

    def _report_refusal(self) -> None:
        """A quick check left with a yes (the timer never started): the app stores it."""
        answers = self.quick_answers()
        if self.timer is None and any(answers.values()) and not self._refusal_reported:
            self._refusal_reported = True
            self.quick_check_refused.emit(answers)

    def _finish(
        self,
        words: str,
        cue: PhaseEnd | None = None,
        said: tuple[str, str] | None = None,
    ) -> None:
        """The timer is over: ``cue`` (the clock ended it) or ``said`` (title, body) is what
        to do now."""
        self.ticker.stop()
        self.phase.setText(words)
        self.countdown.setText("0:00")
        for label in (self.countdown, self.say, self.next_up):
            label.hide()  # what to do now says it all
        timer = self.timer
        if timer is not None and timer.stopped:  # how far it got, not a full bar
            total = self.plan.total_s or 1
            self.progress.setValue(
                round(timer.elapsed(self.clock.now()).total_seconds() / total * 1000)
            )
        else:
            self.progress.setValue(1000)
        self.skin_panel.hide()
        self._withdraw(self._skin_key)
        line = words
        if cue is not None:
            self._phase_ended(cue, alert=True, speak=False)
            line = f"{self.end_panel.title.text()}. {self.end_panel.body.text()}"
        elif said is not None:
            self.end_panel.say(*said, can_dismiss=False, urgent=True)
            line = f"{said[0]}. {said[1]}"
        else:
            self.end_panel.hide()
        for button in (self.pause_button, self.skip_button):
            button.setEnabled(False)
        self.stop_button.setText(QCoreApplication.translate("TherapyTimer", "Close"))
        self.stop_button.clicked.disconnect()
        self.stop_button.clicked.connect(self.close)
        self.stop_button.setFocus()  # Enter or Esc closes
        self._announce(line)
        if not self._reported and self.timer is not None:
            self._reported = True
            self.finished.emit(self.timer)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.timer is not None and self.timer.ended_at is None:
            self.timer.stop(self.clock.now())
            self._finish(QCoreApplication.translate("TherapyTimer", "Stopped."))
        self._report_refusal()
        self._withdraw(self._phase_key)
        self._withdraw(self._skin_key)
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
