"""The "Return to running" window, wired: the service (safety gate included) behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.return_to_run import Sign
    from companion.services.return_to_run import ReturnToRunService
    from companion.ui.routines.return_to_run import ReturnToRunView


class ReturnToRunWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self.view: ReturnToRunView | None = None
        self._service: ReturnToRunService | None = None

    @property
    def service(self) -> ReturnToRunService:
        if self._service is None:
            from companion.domain.translatable import Translate  # noqa: PLC0415
            from companion.services.return_to_run import ReturnToRunService  # noqa: PLC0415

            self._service = ReturnToRunService(
                self.app.db,
                self.app.clock,
                self.app.safety,
                translate=cast(Translate, QCoreApplication.translate),
            )
        return self._service

    def open(self) -> ReturnToRunView:
        """Show the window (one at a time), with the plan read afresh."""
        from companion.ui.routines.return_to_run import ReturnToRunView  # noqa: PLC0415

        if self.view is None:
            view = ReturnToRunView(self.app.clock)
            view.start_plan.connect(lambda baseline: self._do(lambda: self.service.start(baseline)))
            view.start_session.connect(self._start_session)
            view.session_logged.connect(self._session_logged)
            view.morning_logged.connect(self._morning_logged)
            view.stop_plan.connect(lambda: self._do(self.service.stop))
            self.view = view
            from companion.app.placement import centre_over  # noqa: PLC0415

            view.resize(620, 760)
            centre_over(view, self.app.window)
        self.view.show_status(self.service.status())
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def _do(self, action: Callable[[], str]) -> None:
        from companion.services.return_to_run import ReturnToRunError  # noqa: PLC0415

        assert self.view is not None
        try:
            said = action()
        except ReturnToRunError as exc:
            said = str(exc)
        else:
            self.app.data_changed.emit()
        self.view.show_status(self.service.status(), said)

    def _start_session(self) -> None:
        """Ask the gate again as the timer starts; refused: its words, no timer."""
        assert self.view is not None
        answer = self.service.running_answer()
        today = self.service.today()
        if not answer.allowed or today is None or not today.can_start:
            self.view.show_status(self.service.status())  # today's card says why
            return
        self.view.run_timer(today.intervals)

    def _session_logged(self, pain: int, completed: bool, signs: list[Sign]) -> None:
        if pain < 0:
            assert self.view is not None
            self.view.said.setText(
                QCoreApplication.translate(
                    "ReturnToRunView", "Choose how much it hurt during the run, 0 to 10."
                )
            )
            self.view.said.show()
            return
        self._do(lambda: self.service.log_session(pain, completed=completed, signs=signs))

    def _morning_logged(self, pain: int, signs: list[Sign]) -> None:
        if pain < 0:
            assert self.view is not None
            self.view.said.setText(
                QCoreApplication.translate(
                    "ReturnToRunView", "Choose how your leg feels this morning, 0 to 10."
                )
            )
            self.view.said.show()
            return
        self._do(lambda: self.service.log_morning(pain, signs))
