"""Coming back to running, once for the window and the command line (no Qt).

Start a plan (the safety gate is asked first: emergency signs, a locked leg,
nerve-type pain or a fresh injury refuse it, in the gate's words), see today's
session (what to do, a rest day, or "report how this morning feels first"), log
a session with the pain during it, log the next morning, stop. The rules are
``companion.domain.return_to_run``'s; this module stores and words them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from companion.domain.clock import Clock
from companion.domain.return_to_run import (
    Change,
    Interval,
    Outcome,
    Refusal,
    ReturnToRunPlan,
    Session,
    Sign,
    Step,
    Today,
    TodayAdvice,
    Why,
    check_morning,
    check_session,
    intervals,
    progress,
    today,
)
from companion.domain.translatable import Translate, english

if TYPE_CHECKING:
    from companion.services.safety import Answer, SafetyGate
    from companion.storage.database import Database
    from companion.storage.return_to_run import StoredPlan


class ReturnToRunError(ValueError):
    """A refusal, in words to show as they are."""


@dataclass(frozen=True)
class TodayView:
    """Today's part of the plan, worded."""

    kind: Today
    step: Step
    step_number: int  # 1-based
    counted: int  # good sessions at this step so far
    headline: str
    detail: str
    care: str  # the step's own "when to stop" words, or the plan's stop-and-get-care text
    intervals: tuple[Interval, ...] = ()  # the timer's, when today is a running day
    blocked: str = ""  # the safety gate's words when a running day is refused

    @property
    def can_start(self) -> bool:
        return self.kind is Today.RUN and not self.blocked


@dataclass(frozen=True)
class Status:
    plan: StoredPlan | None
    steps: tuple[Step, ...]
    today: TodayView | None  # None when no plan was ever started
    sessions: tuple[Session, ...] = ()
    care: str = ""  # the plan's stop-and-get-care words

    @property
    def running(self) -> bool:
        return self.plan is not None and not self.plan.state.stopped


class ReturnToRunService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        gate: SafetyGate,
        plan: ReturnToRunPlan | None = None,
        translate: Translate = english,
    ) -> None:
        from companion.storage.return_to_run import ReturnToRunRepository  # noqa: PLC0415

        if plan is None:
            from companion.resources import load_return_to_run  # noqa: PLC0415

            plan = load_return_to_run()
        self.plan = plan
        self.clock = clock
        self.gate = gate
        self.repo = ReturnToRunRepository(db)
        self.translate = translate

    # -- reading ----------------------------------------------------------------------------
    def status(self) -> Status:
        stored = self.repo.latest()
        if stored is None:
            return Status(None, self.plan.steps, None, care=self.plan.care)
        sessions = tuple(self.repo.sessions(stored.id))
        advice = today(self.plan, stored.state, sessions, self.clock.now().date())
        return Status(stored, self.plan.steps, self._today_view(advice), sessions, self.plan.care)

    def today(self) -> TodayView | None:
        return self.status().today

    # -- changing -----------------------------------------------------------------------------
    def start(self, baseline: int) -> str:
        """Start a plan at step 1, if the gate allows; ``baseline`` is how the leg usually
        feels in the morning (0-10). Returns what to do first."""
        translate = self.translate
        if not 0 <= baseline <= 10:
            raise ReturnToRunError(
                translate("ReturnToRun", "The usual morning feeling is 0 to 10.")
            )
        current = self.repo.latest()
        if current is not None and not current.state.stopped:
            raise ReturnToRunError(
                translate("ReturnToRun", "A plan is already running; stop it first to start again.")
            )
        answer = self.gate.running()
        if not answer.allowed:
            raise ReturnToRunError(answer.message(self.clock.now()))
        first = self.plan.steps[0]
        self.repo.start(self.clock.now(), baseline, first.id)
        return translate("ReturnToRun", "Plan started. First: %s.") % first.title

    def log_session(self, pain: int, *, completed: bool = True, signs: Iterable[Sign] = ()) -> str:
        """Log today's session: the pain during the run (0-10). Returns what it meant."""
        stored = self._running()
        sessions = self.repo.sessions(stored.id)
        day = self.clock.now().date()
        refusal = check_session(self.plan, stored.state, sessions, day, pain)
        if refusal is not None:
            raise ReturnToRunError(self._refusal(refusal))
        before = progress(self.plan, stored.state.baseline, sessions)
        session = Session(day, self.plan.steps[before.step].id, pain, completed, frozenset(signs))
        after = progress(self.plan, stored.state.baseline, [*sessions, session])
        self.repo.add_session(stored.id, session, self.clock.now(), self.plan.steps[after.step].id)
        return self._after(stored, after.last, after.counted)

    def log_morning(self, pain: int, signs: Iterable[Sign] = ()) -> str:
        """The next morning after the last session: pain and stiffness (0-10)."""
        stored = self._latest()
        sessions = self.repo.sessions(stored.id)
        day = self.clock.now().date()
        refusal = check_morning(stored.state, sessions, day, pain)
        if refusal is not None:
            raise ReturnToRunError(self._refusal(refusal))
        last = sessions[-1]
        reported = Session(
            last.day, last.step, last.pain, last.completed, last.signs, pain, frozenset(signs)
        )
        after = progress(self.plan, stored.state.baseline, [*sessions[:-1], reported])
        self.repo.set_morning(
            stored.id,
            last.day,
            morning=pain,
            signs=reported.morning_signs,
            at=self.clock.now(),
            current_step=self.plan.steps[after.step].id,
        )
        return self._after(stored, after.last, after.counted)

    def stop(self) -> str:
        stored = self._running()
        self.repo.stop(stored.id, self.clock.now(), for_care=False)
        return self.translate(
            "ReturnToRun", "The plan is stopped. Start a new one whenever you are ready."
        )

    def running_answer(self) -> Answer:
        """The gate's answer for starting today's session (the Start button asks here)."""
        return self.gate.running()

    # -- helpers ------------------------------------------------------------------------------
    def _latest(self) -> StoredPlan:
        stored = self.repo.latest()
        if stored is None:
            raise ReturnToRunError(
                self.translate("ReturnToRun", "No return-to-run plan yet: start one first.")
            )
        return stored

    def _running(self) -> StoredPlan:
        stored = self._latest()
        if stored.state.stopped:
            raise ReturnToRunError(self._refusal(Refusal.STOPPED))
        return stored

    def _after(self, stored: StoredPlan, outcome: Outcome | None, counted: int) -> str:
        """Store a stop sign's stop, and say what the session or morning meant."""
        if outcome is None:
            return ""
        if outcome.change is Change.STOPPED:
            self.repo.stop(stored.id, self.clock.now(), for_care=True)
            return f"{self._stop_words(outcome.why)} {self.plan.care}"
        return self._change_words(outcome, counted)

    def _change_words(self, outcome: Outcome, counted: int) -> str:
        translate = self.translate
        step = self.plan.steps[outcome.step]
        change = outcome.change
        if change is Change.ADVANCED:
            text = translate("ReturnToRun", "Well done: on to %s next time.") % step.title
        elif change is Change.FINISHED:
            text = translate(
                "ReturnToRun",
                "Well done: you are back to easy running. Build up gently: keep any one run "
                "no more than 10 % longer than your longest of the last 30 days.",
            )
        elif change is Change.COUNTED:
            text = translate("ReturnToRun", "A good session: %d of %d at this step.") % (
                counted,
                step.sessions,
            )
        elif change is Change.STEPPED_BACK and outcome.why is Why.PAIN_DURING:
            text = translate(
                "ReturnToRun",
                "The pain went above %d out of 10, so the plan steps back to %s. That is "
                "common: stay there until it settles.",
            ) % (self.plan.pain_limit, step.title)
        elif change is Change.STEPPED_BACK:
            text = (
                translate(
                    "ReturnToRun",
                    "This morning feels worse than your usual, so the plan steps back to %s.",
                )
                % step.title
            )
        elif change is Change.WAITING:
            text = translate(
                "ReturnToRun",
                "Logged. Rest tomorrow, and tell how your leg feels in the morning: the next "
                "morning decides the next step.",
            )
        else:
            text = translate(
                "ReturnToRun",
                "An unfinished session does not count yet; repeat this step next time.",
            )
        return text

    def _stop_words(self, why: Why) -> str:
        translate = self.translate
        if why is Why.SIGN:
            return translate(
                "ReturnToRun",
                "Sharp pain, a limp, swelling or pain at night is a sign to stop. The plan has "
                "stopped.",
            )
        return (
            translate(
                "ReturnToRun",
                "Pain of %d out of 10 or more is a sign to stop. The plan has stopped.",
            )
            % self.plan.stop_pain
        )

    def _refusal(self, refusal: Refusal) -> str:
        translate = self.translate
        words = {
            Refusal.STOPPED: translate(
                "ReturnToRun", "The plan is stopped; start a new one first."
            ),
            Refusal.FINISHED: translate(
                "ReturnToRun", "The plan is finished: you are back to running."
            ),
            Refusal.MORNING_FIRST: translate(
                "ReturnToRun", "Report how this morning feels first: it decides the next step."
            ),
            Refusal.ALREADY_TODAY: translate("ReturnToRun", "Today's session is already logged."),
            Refusal.REST_DAY: translate(
                "ReturnToRun",
                "Rest today: yesterday was a running day, and the plan keeps a day between "
                "sessions.",
            ),
            Refusal.NOTHING_TO_REPORT: translate(
                "ReturnToRun", "There is no session waiting for its next morning."
            ),
            Refusal.NOT_YET_MORNING: translate(
                "ReturnToRun",
                "The next morning is tomorrow: tell how your leg feels when you wake up.",
            ),
            Refusal.OUT_OF_RANGE: translate("ReturnToRun", "Pain is 0 to 10."),
        }
        return words[refusal]

    def _today_view(self, advice: TodayAdvice) -> TodayView:
        translate = self.translate
        step = advice.step
        number = self.plan.steps.index(step) + 1
        counted = advice.progress.counted
        kind = advice.kind
        care = step.care
        parts: tuple[Interval, ...] = ()
        blocked = ""
        if kind is Today.RUN:
            headline = translate("ReturnToRun", "Today: %s") % step.title
            detail = " ".join(
                (
                    step_words(step, translate),
                    translate(
                        "ReturnToRun",
                        "Keep the pain during the run at %d out of 10 or less. Good sessions "
                        "at this step: %d of %d.",
                    )
                    % (self.plan.pain_limit, counted, step.sessions),
                )
            )
            parts = intervals(step)
            answer = self.gate.running()
            if not answer.allowed:
                blocked = answer.message(self.clock.now())
        elif kind is Today.REST:
            headline = translate("ReturnToRun", "Rest today")
            detail = translate(
                "ReturnToRun",
                "Yesterday was a running day. A day between sessions lets your leg answer; a "
                "gentle walk, stretch or easy cycle is fine.",
            )
        elif kind is Today.MORNING_FIRST:
            headline = translate("ReturnToRun", "Report how this morning feels first")
            detail = translate(
                "ReturnToRun",
                "How are the pain and stiffness this morning, 0 to 10? Before the plan they "
                "were %d. The answer decides the next step.",
            ) % (self._baseline())
            if advice.rest_after_morning:
                detail += " " + translate("ReturnToRun", "Today is a rest day either way.")
        elif kind is Today.DONE_TODAY:
            headline = translate("ReturnToRun", "Done for today")
            detail = translate(
                "ReturnToRun",
                "Tomorrow morning, tell how your leg feels: the next morning decides whether "
                "the plan moves on. Tomorrow is a rest day.",
            )
        elif kind is Today.FINISHED:
            headline = translate("ReturnToRun", "You are back to easy running")
            detail = translate(
                "ReturnToRun",
                "Build up gently from here: keep any one run no more than 10 % longer than "
                "your longest of the last 30 days.",
            )
        elif kind is Today.GET_CARE:
            headline = translate("ReturnToRun", "Stop the plan and get care")
            why = advice.progress.stop
            detail = self._stop_words(why) if why is not Why.NONE else ""
            care = self.plan.care
        else:
            headline = translate("ReturnToRun", "The plan is stopped")
            detail = translate("ReturnToRun", "Start a new one whenever you are ready.")
        return TodayView(
            kind, step, number, counted, headline, detail.strip(), care, parts, blocked
        )

    def _baseline(self) -> int:
        stored = self.repo.latest()
        return stored.state.baseline if stored is not None else 0


def step_words(step: Step, translate: Translate = english) -> str:
    """'Run 1 min, walk 2 min, 8 times: 24 min in all.' or 'Run 20 min without stopping.'"""
    if step.continuous:
        return translate("ReturnToRun", "Run %d min at an easy pace, without stopping.") % (
            step.continuous_min
        )
    return translate("ReturnToRun", "Run %d min, walk %d min, %d times: %d min in all.") % (
        step.run_min,
        step.walk_min,
        step.repeats,
        step.minutes,
    )
