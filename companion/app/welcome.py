"""The first start's welcome, wired: when it is offered, and where its answers go.

It is offered once, for a new data folder with no answer yet
(``CheckInService.welcome_needed``), after the window first shows: at once on a
normal start, and on a start to the tray when the window first opens. Only
``run_gui`` turns it on (``enabled``), so tests and tools never meet it unless
they ask; ``ask`` is the dialog's seam. The health answers go to the check-in
service (the first check-in then does not ask them), the rest through the
Settings rules; the welcome is remembered as done, or as skipped when closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.ui.welcome.dialog import WelcomeAnswers

# The answers, and whether Finish was pressed (False: closed before the end).
Ask = Callable[[], tuple["WelcomeAnswers", bool]]


class WelcomeWiring(QObject):
    def __init__(self, app: CompanionApp) -> None:
        super().__init__(app)
        self.app = app
        self.enabled = False
        self.ask: Ask = self._dialog
        self._waiting = False
        self._quitting = False  # the app quit while the welcome was open: save nothing
        app.qapp.aboutToQuit.connect(self._quit)

    def _quit(self) -> None:
        self._quitting = True

    def offer_when_shown(self) -> None:
        """Offer it the first time the window is shown (a start to the tray)."""
        if self.enabled and not self._waiting:
            self._waiting = True
            self.app.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._waiting:
            self._waiting = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.offer)
        return False

    def offer(self) -> bool:
        """Show the welcome if this folder needs it; True if it was shown."""
        if not self.enabled or not self.app.today.welcome_needed():
            return False
        answers, finished = self.ask()
        if self._quitting:  # closed by quitting (the tray, a signal): asked again next time
            return True
        self.save(answers, finished)
        return True

    def save(self, answers: WelcomeAnswers, finished: bool) -> None:
        today = self.app.today
        if answers.conditions is not None:
            today.save_conditions(answers.conditions)
        values: dict[str, Any] = {}
        if answers.equipment is not None:
            values["equipment"] = answers.equipment
        if answers.waking is not None:
            from companion.domain.reminders import WakingWeek  # noqa: PLC0415

            values["waking"] = WakingWeek.every_day(answers.waking)
        if answers.water_ml is not None:
            values["water_goal_ml"] = answers.water_ml
        for key, value in values.items():
            # Each value on its own: a refusal of one (never expected: the dialog keeps
            # inside the limits) cannot lose the others.
            self.app.preferences.request(**{key: value})
        today.record_welcome(finished)

    def _dialog(self) -> tuple[WelcomeAnswers, bool]:
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        from companion.ui.welcome.dialog import WelcomeDialog  # noqa: PLC0415

        content = self.app.today.content
        dialog = WelcomeDialog(
            content.conditions, content.protocols, self.app.preferences.current, self.app.window
        )
        finished = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.answers(), finished
