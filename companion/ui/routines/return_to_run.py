"""The "Return to running" window: today's walk-run session with a timer, the questions
after the run and the next morning, the steps ahead, and when to stop and get care.

It shows the service's ``Status`` and reports intent through signals; the rules and
the words about them are ``companion.services.return_to_run``'s. The walk-run timer
shows deadline minus now, woken by the one ``Ticker`` only while it runs.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.clock import Clock, elapsed
from companion.domain.return_to_run import Interval, Phase, Sign, Today, position
from companion.services.return_to_run import Status, step_words
from companion.ui.routines.return_to_run_parts import ScaleRow, SignBoxes, card
from companion.ui.sections import make_label
from companion.ui.ticker import Ticker, format_left

MIN_SIZE = (460, 560)


class ReturnToRunView(QWidget):
    """One window over the main one; closing it stops nothing but the timer."""

    start_plan = Signal(int)  # the usual morning pain and stiffness, 0-10
    start_session = Signal()  # the walk-run timer is about to start: ask the gate
    session_logged = Signal(int, bool, object)  # pain during, completed, a list of Sign
    morning_logged = Signal(int, object)  # pain and stiffness this morning, a list of Sign
    stop_plan = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ReturnToRunView")
        self.setWindowTitle(QCoreApplication.translate("ReturnToRunView", "Return to running"))
        self.setMinimumSize(*MIN_SIZE)
        self.clock = clock
        self.ticker = Ticker(clock, self)
        self.ticker.ticked.connect(self._tick)
        self._parts: tuple[Interval, ...] = ()
        self._started: datetime | None = None
        self.status: Status | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # words wrap
        inner = QWidget()
        inner.setObjectName("PageInner")
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(24, 20, 24, 24)
        self.body.setSpacing(14)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        title = make_label(
            QCoreApplication.translate("ReturnToRunView", "Coming back to running"), "PageTitle"
        )
        self.body.addWidget(title)
        self.body.addWidget(
            make_label(
                QCoreApplication.translate(
                    "ReturnToRunView",
                    "A walk-run plan that moves on only when your leg says so: pain during the "
                    "run at 3 out of 10 or less, and the next morning back to how it usually "
                    "is. General guidance, not medical advice.",
                ),
                "PageLead",
            )
        )
        self.said = make_label("", "")
        self.said.setAccessibleName(
            QCoreApplication.translate("ReturnToRunView", "What the plan says")
        )
        self.said.hide()
        self.body.addWidget(self.said)
        self._build_today()
        self._build_start()
        self._build_timer()
        self._build_after()
        self._build_morning()
        self._build_end()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    # -- building ---------------------------------------------------------------------------
    def _build_end(self) -> None:
        self.care_box, care_body = card(
            QCoreApplication.translate("ReturnToRunView", "When to stop and get care"), "StopCard"
        )
        self.step_care = make_label("", "")
        self.plan_care = make_label("", "Warning")
        care_body.addWidget(self.step_care)
        care_body.addWidget(self.plan_care)
        self.body.addWidget(self.care_box)
        self.steps_box, self.steps_body = card(
            QCoreApplication.translate("ReturnToRunView", "The steps")
        )
        self.body.addWidget(self.steps_box)
        self.stop_button = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Stop the plan")
        )
        self.stop_button.setAccessibleName(
            QCoreApplication.translate("ReturnToRunView", "Stop the return-to-running plan")
        )
        self.stop_button.clicked.connect(self.stop_plan.emit)
        row = QHBoxLayout()
        row.addWidget(self.stop_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)

    def _build_start(self) -> None:
        self.start_box, body = card(QCoreApplication.translate("ReturnToRunView", "Start the plan"))
        body.addWidget(
            make_label(
                QCoreApplication.translate(
                    "ReturnToRunView",
                    "Start once you can walk briskly for 30 minutes without pain, and after "
                    "answering the safety questions on Today if anything worries you.",
                ),
                "Muted",
            )
        )
        self.baseline = ScaleRow(
            QCoreApplication.translate(
                "ReturnToRunView",
                "How much pain and stiffness does your leg usually have in the morning? (0-10)",
            )
        )
        body.addWidget(self.baseline)
        self.start_button = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Start the plan")
        )
        self.start_button.setObjectName("PrimaryButton")
        self.start_button.setEnabled(False)  # until the usual morning is chosen
        self.baseline.changed.connect(lambda _v: self.start_button.setEnabled(True))
        self.start_button.clicked.connect(lambda: self.start_plan.emit(self.baseline.value()))
        body.addLayout(_left(self.start_button))
        self.body.addWidget(self.start_box)

    def _build_today(self) -> None:
        self.today_box, body = card("")  # the headline says "Today: ..."
        self.headline = make_label("", "CardTitle")
        self.detail = make_label("", "")
        self.blocked = make_label("", "Warning")
        body.addWidget(self.headline)
        body.addWidget(self.detail)
        body.addWidget(self.blocked)
        self.timer_button = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Start the walk-run timer")
        )
        self.timer_button.setObjectName("PrimaryButton")
        self.timer_button.clicked.connect(self.start_session.emit)
        self.log_button = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Log a session without the timer")
        )
        self.log_button.clicked.connect(lambda: self.ask_after(completed=True))
        body.addLayout(_left(self.timer_button))
        body.addLayout(_left(self.log_button))
        self.body.addWidget(self.today_box)

    def _build_timer(self) -> None:
        self.timer_box, body = card(QCoreApplication.translate("ReturnToRunView", "Walk-run timer"))
        self.phase = make_label("", "PageTitle")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.left = QLabel("")
        self.left.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.left.setStyleSheet("font-size: 40pt; font-weight: 600;")
        self.left.setAccessibleName(
            QCoreApplication.translate("ReturnToRunView", "Time left in this interval")
        )
        self.where = make_label("", "Muted")
        self.where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.phase)
        body.addWidget(self.left)
        body.addWidget(self.where)
        self.end_button = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "End the session now")
        )
        self.end_button.clicked.connect(lambda: self._timer_ended(completed=False))
        body.addLayout(_left(self.end_button))
        self.body.addWidget(self.timer_box)

    def _build_after(self) -> None:
        self.after_box, body = card(QCoreApplication.translate("ReturnToRunView", "After the run"))
        self.pain = ScaleRow(
            QCoreApplication.translate(
                "ReturnToRunView", "How much did it hurt during the run? (0-10)"
            )
        )
        body.addWidget(self.pain)
        self.after_signs = SignBoxes(
            (
                (
                    Sign.SHARP,
                    QCoreApplication.translate("ReturnToRunView", "Sharp or stabbing pain"),
                ),
                (Sign.LIMP, QCoreApplication.translate("ReturnToRunView", "I limped")),
                (Sign.SWELLING, QCoreApplication.translate("ReturnToRunView", "It is swollen")),
            )
        )
        body.addWidget(self.after_signs)
        self.completed = QCheckBox(
            QCoreApplication.translate("ReturnToRunView", "I finished the whole session")
        )
        body.addWidget(self.completed)
        self.save_after = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Save the session")
        )
        self.save_after.setObjectName("PrimaryButton")
        self.save_after.clicked.connect(
            lambda: self.session_logged.emit(
                self.pain.value(), self.completed.isChecked(), self.after_signs.chosen()
            )
        )
        body.addLayout(_left(self.save_after))
        self.body.addWidget(self.after_box)

    def _build_morning(self) -> None:
        self.morning_box, body = card(QCoreApplication.translate("ReturnToRunView", "This morning"))
        self.morning = ScaleRow(
            QCoreApplication.translate(
                "ReturnToRunView", "How are the pain and stiffness this morning? (0-10)"
            )
        )
        body.addWidget(self.morning)
        self.morning_signs = SignBoxes(
            (
                (
                    Sign.NIGHT_PAIN,
                    QCoreApplication.translate("ReturnToRunView", "The pain woke me in the night"),
                ),
                (Sign.SWELLING, QCoreApplication.translate("ReturnToRunView", "It is swollen")),
                (Sign.LIMP, QCoreApplication.translate("ReturnToRunView", "I am limping")),
                (
                    Sign.SHARP,
                    QCoreApplication.translate("ReturnToRunView", "Sharp or stabbing pain"),
                ),
            )
        )
        body.addWidget(self.morning_signs)
        self.save_morning = QPushButton(
            QCoreApplication.translate("ReturnToRunView", "Save this morning")
        )
        self.save_morning.setObjectName("PrimaryButton")
        self.save_morning.clicked.connect(
            lambda: self.morning_logged.emit(self.morning.value(), self.morning_signs.chosen())
        )
        body.addLayout(_left(self.save_morning))
        self.body.addWidget(self.morning_box)

    # -- what is shown ----------------------------------------------------------------------
    def show_status(self, status: Status, said: str = "") -> None:
        """Show the plan as it stands, with what the last action said (if anything)."""
        self.status = status
        self.said.setText(said)
        self.said.setVisible(bool(said))
        view = status.today
        running = status.running
        self.start_box.setVisible(not running)
        self.stop_button.setVisible(running)
        self.timer_box.setVisible(False)
        self.after_box.setVisible(False)
        self.morning_box.setVisible(
            running and view is not None and view.kind is Today.MORNING_FIRST
        )
        self.today_box.setVisible(view is not None)
        if view is not None:
            self.headline.setText(view.headline)
            self.detail.setText(view.detail)
            self.detail.setVisible(bool(view.detail))
            self.blocked.setText(view.blocked)
            self.blocked.setVisible(bool(view.blocked))
            self.timer_button.setVisible(view.can_start)  # held back: the card says why
            self.log_button.setVisible(view.can_start)
            self.step_care.setText(view.care if view.care != status.care else "")
            self.step_care.setVisible(self.step_care.text() != "")
        else:
            self.step_care.hide()
        self.plan_care.setText(status.care)
        self._show_steps(status)
        self.morning.set_value(-1)

    def _show_steps(self, status: Status) -> None:
        while self.steps_body.count() > 1:  # the card's title stays
            item = self.steps_body.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        view = status.today
        current = view.step_number if view is not None and status.running else 0
        for n, step in enumerate(status.steps, start=1):
            if n == current:
                mark = QCoreApplication.translate("ReturnToRunView", "Now:")
                name = "CardTitle"
            elif n < current:
                mark = QCoreApplication.translate("ReturnToRunView", "Done:")
                name = "Muted"
            else:
                mark = ""
                name = ""
            text = f"{step.title}. {step_words(step)}"
            label = make_label(f"{mark} {text}".strip(), name)
            label.setAccessibleName(label.text())
            self.steps_body.addWidget(label)
            label.setVisible(True)  # at once, not on the layout's queued show

    # -- the timer --------------------------------------------------------------------------
    def run_timer(self, parts: tuple[Interval, ...]) -> None:
        """The gate allowed it: time the run and walk intervals from now."""
        self._parts = parts
        self._started = self.clock.now()
        self.said.hide()
        self.today_box.hide()
        self.after_box.hide()
        self.timer_box.show()
        self.ticker.start()
        self.end_button.setFocus()

    def _tick(self, now: datetime) -> None:
        if self._started is None:
            return
        at = position(self._parts, elapsed(self._started, now).total_seconds())
        if at.done:
            self._timer_ended(completed=True)
            return
        part = self._parts[at.index]
        phase = (
            QCoreApplication.translate("ReturnToRunView", "Run")
            if part.phase is Phase.RUN
            else QCoreApplication.translate("ReturnToRunView", "Walk")
        )
        if self.phase.text() != phase:
            self.phase.setText(phase)
            self.phase.setAccessibleName(phase)
        self.left.setText(format_left(at.left_s))
        self.where.setText(
            QCoreApplication.translate(
                "ReturnToRunView",
                "Interval %d of %d. Walk home if the pain goes above 3 out of 10.",
            )
            % (at.index + 1, len(self._parts))
        )
        fraction = at.left_s - int(at.left_s)
        self.ticker.wake_in(fraction or 1.0)

    def _timer_ended(self, *, completed: bool) -> None:
        self.ticker.stop()
        self._started = None
        self.timer_box.hide()
        self.ask_after(completed=completed)

    @property
    def timing(self) -> bool:
        return self._started is not None

    def ask_after(self, *, completed: bool) -> None:
        """The questions after the run."""
        self.today_box.hide()
        self.said.hide()
        self.completed.setChecked(completed)
        self.pain.set_value(-1)
        self.after_signs.clear()
        self.after_box.show()
        self.pain.focus_choice()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        self._started = None
        super().closeEvent(event)


def _left(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
