"""Coming back to running: walk-run steps gated by pain, as plain rules.

The steps are data (``resources/content/return_to_run.toml``), checked at load.
A session is logged with the pain during the run (0-10), whether it was
completed and any warning sign; the next morning adds how the leg feels then
(pain and stiffness, 0-10), compared with the baseline given at the start.

The rules (the pain-monitoring model; the next-day response is the rule for
tendons, Silbernagel et al. 2007):

- a session counts when the pain during it stayed at ``pain_limit`` (3/10) or
  less, it was completed, and the next morning was back to the baseline; the
  plan moves on once the step's ``sessions`` sessions counted;
- pain during above the limit, or a next morning worse than the baseline, steps
  back one step (never below the first);
- a morning not yet reported decides nothing: the plan stays where it is and
  asks for it;
- a rest day between sessions: never two sessions on consecutive days;
- pain at ``stop_pain`` (7/10) or more, or a sharp pain, a limp, swelling or
  pain at night, stops the plan: get care.

Everything here is decided from the plan and its log alone, with an injected
``now`` or day: no Qt, no I/O. Words for people are the service's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from companion.domain.content import ContentError, Reader

# Bounds on the content: the file may be stricter, never looser.
PAIN_LIMIT_MAX = 3  # pain during a run above this never counts as a good session
STOP_PAIN_MAX = 7  # pain at or above this always stops the plan
MAX_SESSION_MIN = 45  # [D] no step asks for a longer outing
MAX_RUN_MIN = 30  # one run interval
MAX_WALK_MIN = 5
MAX_REPEATS = 12
MAX_SESSIONS = 5  # sessions asked of one step


class Sign(StrEnum):
    """Warning signs that stop the plan whatever the pain score."""

    SHARP = "sharp"
    LIMP = "limp"
    SWELLING = "swelling"
    NIGHT_PAIN = "night_pain"


# -- content -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One step: ``repeats`` times run ``run_min`` then walk ``walk_min``, or a
    continuous run of ``continuous_min``; ``sessions`` good sessions move on."""

    id: str
    title: str
    sessions: int
    care: str
    run_min: int = 0
    walk_min: int = 0
    repeats: int = 0
    continuous_min: int = 0

    @property
    def continuous(self) -> bool:
        return self.continuous_min > 0

    @property
    def minutes(self) -> int:
        """The whole session, walks included."""
        if self.continuous:
            return self.continuous_min
        return (self.run_min + self.walk_min) * self.repeats

    @property
    def running_minutes(self) -> int:
        return self.continuous_min if self.continuous else self.run_min * self.repeats


@dataclass(frozen=True)
class ReturnToRunPlan:
    """The steps in order and the plan's limits."""

    steps: tuple[Step, ...]
    pain_limit: int
    stop_pain: int
    care: str

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def index(self, step_id: str) -> int:
        for n, step in enumerate(self.steps):
            if step.id == step_id:
                return n
        raise KeyError(f"No step {step_id!r}; known: {', '.join(s.id for s in self.steps)}")


def parse_return_to_run(data: Mapping[str, Any], source: str) -> ReturnToRunPlan:
    """The plan from its TOML table; a ContentError names the file and key of a problem."""
    top = Reader(data, source)
    top.reject_unknown(("schema", "plan", "step"))
    if top.integer("schema") != 1:
        raise top.error("schema", "only version 1 is supported")
    plan = top.table("plan")
    plan.reject_unknown(("pain_limit", "stop_pain", "care"))
    pain_limit = plan.integer("pain_limit")
    if not 0 <= pain_limit <= PAIN_LIMIT_MAX:
        raise plan.error("pain_limit", f"must be 0-{PAIN_LIMIT_MAX}, got {pain_limit}")
    stop_pain = plan.integer("stop_pain")
    if not pain_limit < stop_pain <= STOP_PAIN_MAX:
        raise plan.error(
            "stop_pain", f"must be above pain_limit and at most {STOP_PAIN_MAX}, got {stop_pain}"
        )
    steps: list[Step] = []
    seen: set[str] = set()
    for entry in top.tables("step"):
        step = _step(entry)
        if step.id in seen:
            raise entry.error("id", f"{step.id!r} is listed twice")
        seen.add(step.id)
        if steps and step.running_minutes < steps[-1].running_minutes:
            raise entry.error(
                "id",
                f"runs {step.running_minutes} min, less than the {steps[-1].running_minutes} "
                f"min of {steps[-1].id!r} before it",
            )
        steps.append(step)
    if not steps[-1].continuous:
        raise ContentError(
            source, f"step[{len(steps) - 1}]", "the last step must be a continuous run"
        )
    return ReturnToRunPlan(tuple(steps), pain_limit, stop_pain, plan.text("care"))


def _step(entry: Reader) -> Step:
    entry.reject_unknown(
        ("id", "title", "sessions", "care", "run_min", "walk_min", "repeats", "continuous_min")
    )
    sid = entry.text("id")
    title = entry.text("title")
    care = entry.text("care")
    sessions = _bounded(entry, "sessions", 1, MAX_SESSIONS)
    if entry.has("continuous_min"):
        for name in ("run_min", "walk_min", "repeats"):
            if entry.has(name):
                raise entry.error(name, "a continuous run has no run_min, walk_min or repeats")
        minutes = _bounded(entry, "continuous_min", 1, MAX_SESSION_MIN)
        return Step(sid, title, sessions, care, continuous_min=minutes)
    if not entry.has("run_min"):
        raise entry.error("run_min", "is missing (or give continuous_min)")
    step = Step(
        sid,
        title,
        sessions,
        care,
        run_min=_bounded(entry, "run_min", 1, MAX_RUN_MIN),
        walk_min=_bounded(entry, "walk_min", 1, MAX_WALK_MIN),
        repeats=_bounded(entry, "repeats", 1, MAX_REPEATS),
    )
    if step.minutes > MAX_SESSION_MIN:
        raise entry.error(
            "repeats", f"makes a {step.minutes}-min session; at most {MAX_SESSION_MIN} min"
        )
    return step


def _bounded(entry: Reader, name: str, low: int, high: int) -> int:
    value = entry.integer(name)
    if not low <= value <= high:
        raise entry.error(name, f"must be {low}-{high}, got {value}")
    return value


# -- the log -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Session:
    """One logged outing, and the morning after it once reported."""

    day: date
    step: str  # the step it was logged at
    pain: int  # during the run, 0-10
    completed: bool
    signs: frozenset[Sign] = frozenset()
    morning: int | None = None  # pain and stiffness the next morning, 0-10
    morning_signs: frozenset[Sign] = frozenset()

    @property
    def all_signs(self) -> frozenset[Sign]:
        return self.signs | self.morning_signs


@dataclass(frozen=True)
class PlanState:
    """The stored plan: when it started, the baseline, and whether it stopped."""

    started_at: datetime
    baseline: int  # how the leg usually feels in the morning, 0-10
    stopped_at: datetime | None = None
    stopped_for_care: bool = False

    @property
    def stopped(self) -> bool:
        return self.stopped_at is not None


class Change(StrEnum):
    """What one session did to the plan."""

    COUNTED = "counted"  # a good session at this step, not yet enough to move on
    ADVANCED = "advanced"  # the step's sessions all counted: on to the next
    FINISHED = "finished"  # the last step's sessions counted: back to easy running
    STEPPED_BACK = "stepped_back"
    STAYED = "stayed"  # not completed: neither forward nor back
    WAITING = "waiting"  # the morning is not reported yet: nothing decided
    STOPPED = "stopped"  # a stop sign: get care


class Why(StrEnum):
    """Why a session stepped back or stopped the plan."""

    NONE = ""
    PAIN_DURING = "pain_during"  # above the limit
    MORNING_WORSE = "morning_worse"  # the next morning worse than the baseline
    PAIN_HIGH = "pain_high"  # at or above stop_pain
    SIGN = "sign"  # sharp pain, limp, swelling or night pain


@dataclass(frozen=True)
class Outcome:
    change: Change
    why: Why = Why.NONE
    step: int = 0  # the step index after this session


@dataclass(frozen=True)
class Progress:
    """Where the plan stands after its whole log."""

    step: int  # index into the plan's steps
    counted: int  # good sessions at this step so far
    finished: bool = False
    stop: Why = Why.NONE  # PAIN_HIGH or SIGN when a session stopped the plan
    last: Outcome | None = None
    outcomes: tuple[Outcome, ...] = field(default=())

    @property
    def stopped_for_care(self) -> bool:
        return self.stop is not Why.NONE


def stop_sign(plan: ReturnToRunPlan, session: Session) -> Why:
    """PAIN_HIGH or SIGN if this session (or its morning) says stop and get care."""
    if session.all_signs:
        return Why.SIGN
    if session.pain >= plan.stop_pain or (
        session.morning is not None and session.morning >= plan.stop_pain
    ):
        return Why.PAIN_HIGH
    return Why.NONE


def judge(plan: ReturnToRunPlan, baseline: int, session: Session, step: int) -> Outcome:
    """What one session at step ``step`` means, before counting it."""
    stop = stop_sign(plan, session)
    if stop is not Why.NONE:
        return Outcome(Change.STOPPED, stop, step)
    if session.pain > plan.pain_limit:
        return Outcome(Change.STEPPED_BACK, Why.PAIN_DURING, max(0, step - 1))
    if session.morning is None:
        return Outcome(Change.WAITING, step=step)
    if session.morning > baseline:
        return Outcome(Change.STEPPED_BACK, Why.MORNING_WORSE, max(0, step - 1))
    if not session.completed:
        return Outcome(Change.STAYED, step=step)
    return Outcome(Change.COUNTED, step=step)


def progress(plan: ReturnToRunPlan, baseline: int, sessions: Iterable[Session]) -> Progress:
    """Replay the log in day order: the step now, its good sessions, and each outcome."""
    step, counted, finished = 0, 0, False
    outcomes: list[Outcome] = []
    for session in sorted(sessions, key=lambda s: s.day):
        outcome = judge(plan, baseline, session, step)
        if outcome.change is Change.STOPPED:
            outcomes.append(outcome)
            return Progress(step, counted, finished, outcome.why, outcome, tuple(outcomes))
        if outcome.change is Change.STEPPED_BACK:
            step, counted, finished = outcome.step, 0, False
        elif outcome.change is Change.COUNTED:
            counted += 1
            if counted >= plan.steps[step].sessions:
                if step + 1 < len(plan):
                    step, counted = step + 1, 0
                    outcome = Outcome(Change.ADVANCED, step=step)
                else:
                    finished = True
                    outcome = Outcome(Change.FINISHED, step=step)
        outcomes.append(outcome)
    last = outcomes[-1] if outcomes else None
    return Progress(step, counted, finished, Why.NONE, last, tuple(outcomes))


# -- today ---------------------------------------------------------------------------------------
class Today(StrEnum):
    STOPPED = "stopped"  # stopped by the user
    GET_CARE = "get_care"  # stopped by a stop sign
    FINISHED = "finished"
    MORNING_FIRST = "morning_first"  # report how this morning feels before anything else
    DONE_TODAY = "done_today"  # a session is logged today; the morning comes tomorrow
    REST = "rest"  # yesterday was a session day
    RUN = "run"


@dataclass(frozen=True)
class TodayAdvice:
    kind: Today
    day: date
    step: Step
    progress: Progress
    pending: Session | None = None  # the session whose morning is awaited

    @property
    def rest_after_morning(self) -> bool:
        """The morning to report is today's, after yesterday's session: a rest day too."""
        return (
            self.kind is Today.MORNING_FIRST
            and self.pending is not None
            and (self.day - self.pending.day).days == 1
        )


def awaiting_morning(sessions: Sequence[Session]) -> Session | None:
    """The latest session, if its next morning has not been reported."""
    if not sessions:
        return None
    last = max(sessions, key=lambda s: s.day)
    return last if last.morning is None else None


def today(
    plan: ReturnToRunPlan, state: PlanState, sessions: Sequence[Session], day: date
) -> TodayAdvice:
    """What today holds: a session, a rest day, the morning to report first, or a stop."""
    done = progress(plan, state.baseline, sessions)
    last = max(sessions, key=lambda s: s.day) if sessions else None
    pending = awaiting_morning(sessions)
    kind = Today.RUN
    if done.stopped_for_care or (state.stopped and state.stopped_for_care):
        kind = Today.GET_CARE
    elif state.stopped:
        kind = Today.STOPPED
    elif done.finished:
        kind = Today.FINISHED
    elif last is not None and last.day >= day:
        kind = Today.DONE_TODAY
    elif pending is not None:
        kind = Today.MORNING_FIRST
    elif last is not None and (day - last.day).days == 1:
        kind = Today.REST
    waiting = pending if kind in (Today.DONE_TODAY, Today.MORNING_FIRST) else None
    return TodayAdvice(kind, day, plan.steps[done.step], done, waiting)


class Refusal(StrEnum):
    """Why a session or a morning cannot be logged now."""

    STOPPED = "stopped"
    FINISHED = "finished"
    MORNING_FIRST = "morning_first"
    ALREADY_TODAY = "already_today"
    REST_DAY = "rest_day"
    NOTHING_TO_REPORT = "nothing_to_report"
    NOT_YET_MORNING = "not_yet_morning"  # the morning after is tomorrow
    OUT_OF_RANGE = "out_of_range"


def check_session(
    plan: ReturnToRunPlan, state: PlanState, sessions: Sequence[Session], day: date, pain: int
) -> Refusal | None:
    """May a session be logged for ``day``? None when it may."""
    if not 0 <= pain <= 10:
        return Refusal.OUT_OF_RANGE
    advice = today(plan, state, sessions, day)
    return {
        Today.STOPPED: Refusal.STOPPED,
        Today.GET_CARE: Refusal.STOPPED,
        Today.FINISHED: Refusal.FINISHED,
        Today.MORNING_FIRST: Refusal.MORNING_FIRST,
        Today.DONE_TODAY: Refusal.ALREADY_TODAY,
        Today.REST: Refusal.REST_DAY,
        Today.RUN: None,
    }[advice.kind]


def check_morning(
    state: PlanState, sessions: Sequence[Session], day: date, pain: int
) -> Refusal | None:
    """May the next morning be reported on ``day``? None when it may."""
    if not 0 <= pain <= 10:
        return Refusal.OUT_OF_RANGE
    if state.stopped:
        return Refusal.STOPPED
    pending = awaiting_morning(sessions)
    if pending is None:
        return Refusal.NOTHING_TO_REPORT
    if pending.day >= day:
        return Refusal.NOT_YET_MORNING
    return None


# -- the walk-run timer --------------------------------------------------------------------------
class Phase(StrEnum):
    RUN = "run"
    WALK = "walk"


@dataclass(frozen=True)
class Interval:
    phase: Phase
    seconds: int


def intervals(step: Step) -> tuple[Interval, ...]:
    """The session as timed intervals: run, walk, run, walk... or one run."""
    if step.continuous:
        return (Interval(Phase.RUN, step.continuous_min * 60),)
    pairs = [
        (Interval(Phase.RUN, step.run_min * 60), Interval(Phase.WALK, step.walk_min * 60))
        for _ in range(step.repeats)
    ]
    return tuple(i for pair in pairs for i in pair)


@dataclass(frozen=True)
class TimerPosition:
    index: int  # the interval now (len(intervals) when done)
    left_s: float  # in this interval
    done: bool


def position(parts: Sequence[Interval], elapsed_s: float) -> TimerPosition:
    """Where a timer started ``elapsed_s`` ago is: deadline minus now, never a counter."""
    end = 0.0
    for n, part in enumerate(parts):
        end += part.seconds
        if elapsed_s < end:
            return TimerPosition(n, end - elapsed_s, False)
    return TimerPosition(len(parts), 0.0, True)
