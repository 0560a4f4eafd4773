"""Today's page, wired: the check-in, and the plan's actions to the app's own (the
player, the therapy timers and the water reminders, each asking the safety gate
first), with the plan's Done marks drawn again when a routine or timer ends."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from companion.services.today import TODAY_ROUTINE, TodayService
from companion.ui.today.page import TodayPage

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.planner import Plan
    from companion.ui.today.effort_prompt import EffortPrompt


class TodayWiring:
    def __init__(self, app: CompanionApp, *, routine_name: str = "") -> None:
        self.app = app
        self.routine_name = routine_name or QCoreApplication.translate(
            "CompanionApp", "Today's routine"
        )
        self.page: TodayPage | None = None
        self.effort_prompt: EffortPrompt | None = None
        # Opens the editor for a first water reminder (a seam for tests).
        self.new_water_reminder: Callable[[], None] = lambda: app.reminder_wiring.edit_reminder(
            None, "hydration"
        )

    def build(self) -> TodayPage:
        app = self.app
        service = TodayService(
            app.db,
            app.clock,
            lambda: app.safety,
            lambda: app.today.content.protocols,
            lambda: app.preferences.current.units,
        )
        page = TodayPage(app.today, today=service)
        self.page = page
        page.guide_requested.connect(app.open_guide)
        app.data_changed.connect(page.activity_logged)  # a run logged, a routine run saved
        page.start_routine_requested.connect(self.start_routine)
        page.start_timer_requested.connect(self.start_timer)
        page.water_reminders_requested.connect(self.water_reminders)
        self._add_morning_cards(page)
        return page

    def _add_morning_cards(self, page: TodayPage) -> None:
        """This morning's readiness and the one question about an imported run's effort,
        above the check-in (Tab: the question, then the map and the rest of the page)."""
        from companion.services.load import LoadService  # noqa: PLC0415
        from companion.services.readiness import ReadinessService  # noqa: PLC0415
        from companion.ui.today.readiness_card import ReadinessCard  # noqa: PLC0415

        app = self.app
        readiness = ReadinessService(app.db, app.clock, app.safety)
        self.load = LoadService(app.db, app.clock)
        self.readiness_card = ReadinessCard(readiness.today)
        page.column.insertWidget(page.column.indexOf(page.context_banner), self.readiness_card)
        page.order_tabs()
        app.data_changed.connect(self.readiness_card.refresh)
        page.plan_shown.connect(self.readiness_card.refresh)  # a check-in saved: soreness, safety
        app.data_changed.connect(self.ask_effort)
        self.ask_effort()

    def ask_effort(self) -> None:
        """Ask about the newest imported run with no effort, if any is not asked yet."""
        pending = self.load.runs_missing_effort()
        if pending:
            run_id, run = pending[0]
            self._effort_prompt().ask(run_id, self.load.question(run))
        elif self.effort_prompt is not None:
            self.effort_prompt.ask(None, "")

    def _effort_prompt(self) -> EffortPrompt:
        """The question card, built the first time a run waits for its effort (most
        mornings none does), between the readiness card and the check-in."""
        if self.effort_prompt is None:
            from PySide6.QtWidgets import QWidget  # noqa: PLC0415

            from companion.ui.today.effort_prompt import EffortPrompt  # noqa: PLC0415

            page = self.page
            assert page is not None  # asked only once the page is built
            prompt = EffortPrompt()
            page.column.insertWidget(page.column.indexOf(self.readiness_card) + 1, prompt)
            chain = [
                self.readiness_card.toggle,
                *prompt.group.buttons(),
                prompt.save_button,
                prompt.later_button,
                page.map,
            ]
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)
            page.order_tabs()
            prompt.effort_given.connect(self._effort_given)
            prompt.dismissed.connect(self._effort_dismissed)
            self.effort_prompt = prompt
        return self.effort_prompt

    def _effort_given(self, run_id: int, effort: int) -> None:
        from companion.storage.database import DatabaseError  # noqa: PLC0415

        try:
            self.load.set_effort(run_id, effort)
        except (ValueError, DatabaseError) as exc:
            self.app.window.add_banner(str(exc))
            return
        self.app.data_changed.emit()  # History's load, readiness and the next question

    def _effort_dismissed(self, run_id: int) -> None:
        from companion.storage.database import DatabaseError  # noqa: PLC0415

        try:
            self.load.mark_asked(run_id)
        except DatabaseError as exc:
            self.app.window.add_banner(str(exc))
        self.ask_effort()

    def start_routine(self, plan: Plan) -> None:
        self.app.start_player(TODAY_ROUTINE, self.routine_name, plan.routine)  # refusal: a banner

    def start_timer(self, kind: str, options: dict[str, Any]) -> None:
        """The plan's treatment: the timer window, after the limits and the gate."""
        reason = self.app.start_timer(kind, dict(options))
        if reason is not None:
            self.app.window.add_banner(reason)
            return
        view = self.app.therapy
        if view is not None and self.page is not None:
            view.finished.connect(lambda _timer: self._refresh())

    def water_reminders(self) -> None:
        """Switch a water reminder on: the first one kept, else a new one in the editor
        (its amount and how often, within the limits)."""
        from companion.domain.reminders import Kind  # noqa: PLC0415

        water = [r for r in self.app.reminders.rules() if r.kind is Kind.HYDRATION]
        if water:
            if not any(r.enabled for r in water) and water[0].id is not None:
                reason = self.app.set_reminder_enabled(water[0].id, True)
                if reason:
                    self.app.window.add_banner(reason)
        else:
            self.new_water_reminder()
        self._refresh()

    def _refresh(self) -> None:
        if self.page is not None:
            self.page.refresh_plan()
