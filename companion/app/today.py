"""Today's page, wired: the check-in, and the plan's actions to the app's own (the
player, the therapy timers and the water reminders, each asking the safety gate
first), with the plan's Done marks drawn again when a routine or timer ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from companion.services.today import TODAY_ROUTINE, TodayService
from companion.ui.today.page import TodayPage

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.planner import Plan


class TodayWiring:
    def __init__(self, app: CompanionApp, *, routine_name: str = "") -> None:
        self.app = app
        self.routine_name = routine_name or QCoreApplication.translate(
            "CompanionApp", "Today's routine"
        )
        self.page: TodayPage | None = None
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
        plan = page.plan_view
        plan.start_routine_requested.connect(self.start_routine)
        plan.start_timer_requested.connect(self.start_timer)
        plan.water_reminders_requested.connect(self.water_reminders)
        return page

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
