"""Routines, wired: the built-in and the user's own, the Routines page and the guided
player, every start (and every step) asking the safety gate first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.poses import PoseCatalog
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.routines import RoutineCatalog
    from companion.domain.session import RoutineSession
    from companion.ui.routines.mine import UserRoutines

MUTED_KEY = "player.muted"


class RoutineWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self._mine: UserRoutines | None = None
        self._poses: PoseCatalog | None = None
        self._routines: RoutineCatalog | None = None

    def _routines_page(self) -> QWidget:
        from companion.services.routines import TODAY_ID, TodaysPick, todays_pick  # noqa: PLC0415
        from companion.ui.routines.page import RoutinesPage  # noqa: PLC0415

        mine = self.user_routines
        today = self.app.today

        def pick() -> TodaysPick | None:  # today's plan's routine, or None
            return todays_pick(
                today.latest(),
                self.app.clock.now(),
                today.plan,
                self.routines,
                name=QCoreApplication.translate("CompanionApp", "Today's routine"),
            )

        page = RoutinesPage(
            self.routines,
            mine.routines(),
            poses=self.poses,
            regions=today.content.regions,
            today=pick,
        )

        def start(routine_id: str) -> None:
            chosen = page.pick
            if routine_id == TODAY_ID and chosen is not None:
                self.start_player(TODAY_ID, chosen.routine.name, chosen.routine.steps)
            else:
                self.start_routine(routine_id)

        page.start_requested.connect(start)
        page.today_requested.connect(lambda: self.app.window.show_section("today"))
        page.new_requested.connect(mine.new)
        page.import_requested.connect(mine.import_file)
        page.edit_requested.connect(mine.edit)
        page.duplicate_requested.connect(mine.duplicate)
        page.export_requested.connect(mine.export)
        page.delete_requested.connect(mine.delete)
        mine.changed.connect(lambda: page.set_mine(mine.routines()))
        return page

    @property
    def user_routines(self) -> UserRoutines:
        """The user's own routines, and the actions on them."""
        if self._mine is None:
            from typing import cast  # noqa: PLC0415

            from companion.domain.translatable import Translate  # noqa: PLC0415
            from companion.resources import load_exercises  # noqa: PLC0415
            from companion.services.routines import RoutineLibrary  # noqa: PLC0415
            from companion.storage.user_routines import UserRoutineRepository  # noqa: PLC0415
            from companion.ui.routines.mine import UserRoutines  # noqa: PLC0415

            content = self.app.today.content
            self._mine = UserRoutines(
                RoutineLibrary(
                    UserRoutineRepository(self.app.db),
                    self.routines,
                    content.exercises or load_exercises(protocols=content.protocols),
                    clock=self.app.clock,
                    translate=cast(Translate, QCoreApplication.translate),
                ),
                regions=content.regions,
                bounds=content.protocols,
                window=lambda: self.app.window,
                parent=self.app,
                poses=self.poses,
            )
        return self._mine

    @property
    def poses(self) -> PoseCatalog:
        """The exercises' pose drawings, loaded when first needed."""
        if self._poses is None:
            from companion.resources import load_exercises, load_poses  # noqa: PLC0415

            content = self.app.today.content
            library = content.exercises or load_exercises(protocols=content.protocols)
            self._poses = load_poses(library=library)
        return self._poses

    @property
    def routines(self) -> RoutineCatalog:
        """The built-in routines, loaded when first needed."""
        if self._routines is None:
            from companion.resources import load_routines  # noqa: PLC0415

            content = self.app.today.content
            self._routines = load_routines(library=content.exercises, protocols=content.protocols)
        return self._routines

    def start_routine(self, routine_id: str) -> str | None:
        """Start a routine by id; the reason it cannot start, or None."""
        routine = self.user_routines.get(routine_id)
        if routine is None:
            return QCoreApplication.translate("CompanionApp", "No routine %r.") % routine_id
        return self.start_player(routine.id, routine.name, routine.steps)

    def start_player(self, routine_id: str, name: str, steps: Sequence[RoutineStep]) -> str | None:
        """Open the player, after the safety check's locks have had their say.

        Returns None once the player is open, or the reason it is not (also shown
        as a banner in the window).
        """
        from companion.ui.routines.player import RoutinePlayerView  # noqa: PLC0415 - when first used

        answer = self.app.safety.routine(steps)
        if not answer.allowed:
            reason = answer.answer.message(self.app.clock.now())
            self.app.window.add_banner(reason)
            return reason
        allowed = list(answer.steps)
        if answer.left_out:
            self.app.window.add_banner(" ".join(answer.left_out))
        if self.app.player is not None:
            self.app.player.close()
        self.app._playing = routine_id
        self.app.player = RoutinePlayerView(
            name,
            allowed,
            self.app.clock,
            regions=self.app.today.content.regions,
            poses=self.poses,
            muted=bool(self.app.settings.get(MUTED_KEY, False)),
        )
        self.app.settings_wiring._configure_cues(self.app.player.sound)
        self.app.player.muted_changed.connect(
            lambda muted: self.app.settings.set(MUTED_KEY, muted, self.app.clock.now())
        )
        self.app.player.set_step_gate(self._step_refusal)
        self.app.player.finished.connect(lambda session: self._save_run(routine_id, name, session))
        self.app.player.something_wrong.connect(self._something_wrong)
        self.app.player.show()
        self.app.player.raise_()
        self.app.player.activateWindow()
        return None

    def _step_refusal(self, step: RoutineStep) -> str:
        """Why the safety gate holds this step back now, or "" (asked as each step begins)."""
        answer = self.app.safety.step(step)
        return "" if answer.allowed else answer.message(self.app.clock.now())

    def _save_run(self, routine_id: str, name: str, session: RoutineSession) -> None:
        from companion.storage.runs import RunRepository  # noqa: PLC0415

        RunRepository(self.app.db).save(routine_id, name, session)
        self.app.run_saved.emit(routine_id)
        self.app.data_changed.emit()

    def _something_wrong(self) -> None:
        """PROTOCOLS 3.3: a stop during a routine opens the red and first orange questions.

        The gate is asked again afterwards: a lock the answers bring ends the routine.
        """
        catalog = self.app.today.content.triage
        ids = [f"R{i}" for i in range(1, 9)] + [f"O{i}" for i in range(1, 6)]
        self.app._ask_and_record(tuple(catalog.get(q) for q in ids))
        player = self.app.player
        if player is not None and player.isVisible():
            session = getattr(player, "session", None)
            steps = session.steps if session is not None else ()
            if not self.app.safety.routine(steps).allowed:
                player.close()
