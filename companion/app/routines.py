"""Routines, wired: the built-in and the user's own, the Routines page and the guided
player, every start (and every step) asking the safety gate first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from companion.app.return_to_run import ReturnToRunWiring
    from companion.app.root import CompanionApp
    from companion.domain.feel import FeelScore
    from companion.domain.poses import PoseCatalog
    from companion.domain.routine_builder import RoutineStep
    from companion.domain.routines import RoutineCatalog
    from companion.domain.session import RoutineSession
    from companion.services.runs import RunService
    from companion.ui.routines.mine import UserRoutines
    from companion.ui.routines.player import RoutinePlayerView

MUTED_KEY = "player.muted"


class RoutineWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app
        self._mine: UserRoutines | None = None
        self._poses: PoseCatalog | None = None
        self._routines: RoutineCatalog | None = None
        self._runs: RunService | None = None
        self.last_run_id: int | None = None
        self._return_to_run: ReturnToRunWiring | None = None

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
        page.return_to_run_requested.connect(self.open_return_to_run)
        page.new_requested.connect(mine.new)
        page.import_requested.connect(mine.import_file)
        page.edit_requested.connect(mine.edit)
        page.duplicate_requested.connect(mine.duplicate)
        page.export_requested.connect(mine.export)
        page.delete_requested.connect(mine.delete)
        mine.changed.connect(lambda: page.set_mine(mine.routines()))
        return page

    def open_return_to_run(self) -> None:
        """The "Return to running" window (its wiring is built when first opened)."""
        if self._return_to_run is None:
            from companion.app.return_to_run import ReturnToRunWiring  # noqa: PLC0415

            self._return_to_run = ReturnToRunWiring(self.app)
        self._return_to_run.open()

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
        player = RoutinePlayerView(
            name,
            allowed,
            self.app.clock,
            regions=self.app.today.content.regions,
            poses=self.poses,
            muted=bool(self.app.settings.get(MUTED_KEY, False)),
        )
        self.app.player = player
        self.app.settings_wiring._configure_cues(player.sound)
        player.muted_changed.connect(
            lambda muted: self.app.settings.set(MUTED_KEY, muted, self.app.clock.now())
        )
        player.set_step_gate(self._step_refusal)
        player.before_scores = self.runs.before_scores
        run = _RunOfPlayer()
        player.finished.connect(
            lambda session: run.saved(self._save_run(routine_id, name, session), self._record_feel)
        )
        player.feel_given.connect(lambda scores: run.feel(scores, self._record_feel))
        player.something_wrong.connect(lambda: self._player_something_wrong(player))
        from companion.app.placement import centre_over  # noqa: PLC0415

        centre_over(player, self.app.window)
        self.app.player.show()
        self.app.player.raise_()
        self.app.player.activateWindow()
        return None

    def _step_refusal(self, step: RoutineStep) -> str:
        """Why the safety gate holds this step back now, or "" (asked as each step begins)."""
        answer = self.app.safety.step(step)
        return "" if answer.allowed else answer.message(self.app.clock.now())

    @property
    def runs(self) -> RunService:
        """Runs and how they felt, kept (built when first needed)."""
        if self._runs is None:
            from companion.services.runs import RunService  # noqa: PLC0415

            self._runs = RunService(self.app.db, self.app.clock)
        return self._runs

    def _save_run(self, routine_id: str, name: str, session: RoutineSession) -> int:
        run_id = self.runs.save(routine_id, name, session)
        self.last_run_id = run_id
        self.app.run_saved.emit(routine_id)
        self.app.data_changed.emit()
        return run_id

    def _record_feel(self, run_id: int, scores: Sequence[FeelScore]) -> None:
        self.runs.record_feel(run_id, scores)
        self.app.data_changed.emit()

    def _player_something_wrong(self, player: RoutinePlayerView) -> None:
        """PROTOCOLS 3.3: Something's wrong during a routine pauses it and asks the red
        and first orange questions, over the player (the main window stays where it is).

        Cancelled: the player stays paused. Answered: the outcome is kept, today's plan
        redrawn, and the gate asked again; only a lock it brings ends the routine, with
        what to do. A lock on this step's leg alone skips the step.
        """
        from companion.domain.regions import Side  # noqa: PLC0415

        if player.session.done:
            return
        catalog = self.app.today.content.triage
        ids = [f"R{i}" for i in range(1, 9)] + [f"O{i}" for i in range(1, 6)]
        answers = player.ask_check(tuple(catalog.get(q) for q in ids))
        if answers is None:
            player.check_cancelled()
            return
        now = self.app.clock.now()
        result = catalog.evaluate(dict(answers), {Side.LEFT, Side.RIGHT}, now)
        self.app.today.checkins.record_outcome(result)
        self._redraw_plan()
        verdict = self.app.safety.routine(player.session.steps)
        if not verdict.allowed:
            player.end_for_safety(verdict.answer.message(self.app.clock.now()))
            return
        segment = player.session.current
        if segment is not None:
            refusal = self._step_refusal(player.session.steps[segment.step])
            if refusal:
                player.skip()  # this step is held back now; the gate asks for each next one
                player.check_clear(refusal)
                return
        player.check_clear()

    def _something_wrong(self) -> None:
        """PROTOCOLS 3.3 outside the player (the therapy timer's Something's wrong): the red
        and first orange questions through the app; a lock the answers bring ends a
        routine that is playing."""
        catalog = self.app.today.content.triage
        ids = [f"R{i}" for i in range(1, 9)] + [f"O{i}" for i in range(1, 6)]
        self.app._ask_and_record(tuple(catalog.get(q) for q in ids))
        player = self.app.player
        if player is not None and player.isVisible():
            session = getattr(player, "session", None)
            steps = session.steps if session is not None else ()
            if not self.app.safety.routine(steps).allowed:
                player.close()

    def _redraw_plan(self) -> None:
        """Today's plan, redrawn with any lock the answers bring (without raising it)."""
        from companion.ui.today.page import TodayPage  # noqa: PLC0415

        page = self.app.window.page("today")
        latest = self.app.today.latest()
        if isinstance(page, TodayPage) and latest is not None:
            page.plan_view.show_plan(self.app.today.plan(latest), self.app.today.emergency_number())


class _RunOfPlayer:
    """One player's run id, once saved; scores given before that wait for it."""

    def __init__(self) -> None:
        self.run_id: int | None = None
        self.waiting: list[FeelScore] | None = None

    def saved(self, run_id: int, record: Callable[[int, Sequence[FeelScore]], None]) -> None:
        self.run_id = run_id
        if self.waiting is not None:
            record(run_id, self.waiting)
            self.waiting = None

    def feel(
        self, scores: Sequence[FeelScore], record: Callable[[int, Sequence[FeelScore]], None]
    ) -> None:
        if self.run_id is None:
            self.waiting = list(scores)
        else:
            record(self.run_id, scores)
