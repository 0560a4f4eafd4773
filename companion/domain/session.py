"""A guided routine as a state machine advanced by ``tick(now)``.

The routine becomes a timeline of segments: a get-ready lead-in before each
exercise, the work (a hold, a rolling set, a bout of movements), rests between
repetitions, and a switch when the same exercise moves to the other side,
long enough to change position (the exercise's ``switch_s``, at least 8 s).
Each segment ends at a deadline; the time left is always
``deadline - now``, never a counter, and when a tick arrives late (a busy UI
thread, a laptop that slept) the overshoot carries into the following
segments, so a late tick never stretches a stretch.

Pause, resume, skip, back and stop are transitions with a ``now`` too, and the
session records, per step, the work time actually done and how it ended.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from companion.domain.clock import elapsed, later
from companion.domain.routine_builder import RoutineStep

MIN_LEAD_IN_S = 3
BACK_RESTARTS_WITHIN_S = 3  # "back" in the first seconds of a step goes to the previous one


class Phase(StrEnum):
    LEAD_IN = "lead_in"
    WORK = "work"
    REST = "rest"
    SWITCH = "switch"
    DONE = "done"


class Outcome(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Segment:
    phase: Phase
    step: int  # index into the routine's steps
    rep: int  # 1-based repetition within the step (0 outside WORK/REST)
    seconds: int


@dataclass
class StepRecord:
    step: RoutineStep
    worked: timedelta = timedelta(0)
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Summary:
    """How a routine went, for its last screen: steps done of all, time, what was worked."""

    done: int  # steps completed
    total: int  # steps in the routine
    worked: timedelta  # time spent in the work phases
    elapsed: timedelta  # from the start to the end, pauses included
    stopped: bool  # ended early by the user (or a safety answer)
    # (region id, side) of the steps worked at least in part, in routine order: a
    # one-side step names its region ("calves_L", "left"), a both-legs step the group
    regions: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Event:
    """Something the player should announce: a segment began, or the routine ended."""

    at: datetime
    segment: Segment | None  # None when the routine has ended
    index: int


def build_segments(steps: Sequence[RoutineStep]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for index, step in enumerate(steps):
        previous = steps[index - 1] if index else None
        same_exercise = previous is not None and previous.exercise.id == step.exercise.id
        if same_exercise and previous is not None and previous.side != step.side:
            segments.append(Segment(Phase.SWITCH, index, 0, step.exercise.dose.switch_s))
        else:
            lead = max(MIN_LEAD_IN_S, step.exercise.dose.setup_s)
            segments.append(Segment(Phase.LEAD_IN, index, 0, lead))
        reps = 1 if step.exercise.timed_reps else step.reps
        for rep in range(1, reps + 1):
            segments.append(Segment(Phase.WORK, index, rep, step.seconds))
            rest = step.exercise.dose.rest_s
            if rep < reps and rest > 0:
                segments.append(Segment(Phase.REST, index, rep, rest))
    return tuple(segments)


@dataclass
class RoutineSession:
    steps: tuple[RoutineStep, ...]
    started_at: datetime
    segments: tuple[Segment, ...] = ()
    index: int = 0
    segment_start: datetime = field(init=False)
    paused_at: datetime | None = None
    ended_at: datetime | None = None
    records: list[StepRecord] = field(init=False)
    stopped_progress: float | None = None  # where the progress stood when stopped early
    # Asked as each new step is about to begin (the safety gate); a step it turns down
    # is recorded as skipped and the session moves to the next, even within one tick.
    may_start: Callable[[RoutineStep], bool] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("a routine needs at least one step")
        self.segments = build_segments(self.steps)
        self.segment_start = self.started_at
        self.records = [StepRecord(step) for step in self.steps]

    # -- reading the state ------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.ended_at is not None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def current(self) -> Segment | None:
        return None if self.done else self.segments[self.index]

    @property
    def next_segment(self) -> Segment | None:
        following = self.index + 1
        return self.segments[following] if following < len(self.segments) else None

    @property
    def stopped(self) -> bool:
        """Ended early: some step was stopped rather than completed or skipped."""
        return self.done and any(r.outcome is Outcome.STOPPED for r in self.records)

    def steps_done(self) -> int:
        return sum(1 for r in self.records if r.outcome is Outcome.COMPLETED)

    def upcoming(self, count: int) -> tuple[int, ...]:
        """The current step and the ones after it (indices into ``steps``), at most ``count``."""
        segment = self.current
        if segment is None:
            return ()
        return tuple(range(segment.step, min(len(self.steps), segment.step + count)))

    def summary(self, now: datetime) -> Summary:
        """What the routine came to; asked of an ended session (or one in progress)."""
        end = self.ended_at or self.paused_at or now
        regions: list[tuple[str, str]] = []
        for record in self.records:
            if record.worked <= timedelta(0) and record.outcome is not Outcome.COMPLETED:
                continue
            key = (record.step.region_id, record.step.side)
            if key not in regions:
                regions.append(key)
        return Summary(
            done=self.steps_done(),
            total=len(self.steps),
            worked=sum((r.worked for r in self.records), timedelta(0)),
            elapsed=max(timedelta(0), elapsed(self.started_at, end)),
            stopped=self.stopped,
            regions=tuple(regions),
        )

    def deadline(self) -> datetime:
        segment = self.current
        assert segment is not None, "the routine has ended"
        return later(self.segment_start, timedelta(seconds=segment.seconds))

    def remaining(self, now: datetime) -> timedelta:
        """Time left in the current segment: the deadline minus now (frozen while paused)."""
        if self.done:
            return timedelta(0)
        moment = self.paused_at or now
        return max(timedelta(0), elapsed(moment, self.deadline()))

    def progress(self, now: datetime) -> float:
        """Share of the whole routine's time done, 0 to 1."""
        total = sum(s.seconds for s in self.segments)
        if self.done or total == 0:
            return 1.0 if self.stopped_progress is None else self.stopped_progress
        before = sum(s.seconds for s in self.segments[: self.index])
        within = self.segments[self.index].seconds - self.remaining(now).total_seconds()
        return min(1.0, (before + within) / total)

    # -- moving on ------------------------------------------------------------------------
    def tick(self, now: datetime) -> list[Event]:
        """Advance past every segment whose deadline is behind ``now``."""
        events: list[Event] = []
        if self.done or self.paused:
            return events
        while not self.done and self.deadline() <= now:
            end = self.deadline()
            self._finish_segment(self.segments[self.index], self.segment_start, end)
            events.append(self._advance(end))
        return events

    def pause(self, now: datetime) -> None:
        if not self.done and not self.paused:
            self.paused_at = now

    def resume(self, now: datetime) -> None:
        if self.paused_at is None:
            return
        self.segment_start = later(self.segment_start, elapsed(self.paused_at, now))
        self.paused_at = None

    def skip(self, now: datetime) -> list[Event]:
        """Leave the current step now and start the next one."""
        if self.done:
            return []
        segment = self.segments[self.index]
        self._credit_partial(segment, now)
        step = segment.step
        if self.records[step].outcome is None:
            self.records[step].outcome = Outcome.SKIPPED
        following = next(
            (i for i in range(self.index + 1, len(self.segments)) if self.segments[i].step != step),
            len(self.segments),
        )
        return [self._jump(following, now)]

    def back(self, now: datetime) -> list[Event]:
        """Restart the current step; early in it, go to the previous step instead."""
        if self.done:
            return []
        segment = self.segments[self.index]
        first_of_step = next(i for i, s in enumerate(self.segments) if s.step == segment.step)
        into = elapsed(self.segment_start, self.paused_at or now).total_seconds()
        target = first_of_step
        if self.index == first_of_step and into < BACK_RESTARTS_WITHIN_S and segment.step > 0:
            target = next(i for i, s in enumerate(self.segments) if s.step == segment.step - 1)
        self._credit_partial(segment, now)
        for record in self.records[self.segments[target].step :]:
            record.outcome = None
        return [self._jump(target, now)]

    def stop(self, now: datetime) -> Event:
        """End the routine now; unfinished steps are recorded as stopped."""
        if not self.done:
            self.stopped_progress = self.progress(now)
            self._credit_partial(self.segments[self.index], now)
            for record in self.records:
                if record.outcome is None:
                    record.outcome = Outcome.STOPPED
            self.ended_at = self.paused_at or now
            self.paused_at = None
        return Event(self.ended_at or now, None, len(self.segments))

    # -- internals ----------------------------------------------------------------------
    def _finish_segment(self, segment: Segment, start: datetime, end: datetime) -> None:
        record = self.records[segment.step]
        if segment.phase is Phase.WORK:
            record.worked += elapsed(start, end)
        last_of_step = self.next_segment is None or self.next_segment.step != segment.step
        if last_of_step and record.outcome is None:
            record.outcome = Outcome.COMPLETED

    def _first_allowed(self, index: int) -> int:
        """``index``, or past every step ``may_start`` turns down from there on."""
        while self.may_start is not None and index < len(self.segments):
            segment = self.segments[index]
            starts_step = index == 0 or self.segments[index - 1].step != segment.step
            step = segment.step
            if not starts_step or self.may_start(self.steps[step]):
                break
            self.records[step].outcome = Outcome.SKIPPED
            index = next(
                (i for i in range(index, len(self.segments)) if self.segments[i].step != step),
                len(self.segments),
            )
        return index

    def _credit_partial(self, segment: Segment, now: datetime) -> None:
        if segment.phase is Phase.WORK:
            moment = self.paused_at or now
            self.records[segment.step].worked += max(
                timedelta(0), elapsed(self.segment_start, moment)
            )

    def _advance(self, start: datetime) -> Event:
        return self._jump(self.index + 1, start)

    def _jump(self, index: int, start: datetime) -> Event:
        self.segment_start = start
        self.paused_at = None if self.paused_at is None else start
        index = self._first_allowed(index)
        if index >= len(self.segments):
            self.index = len(self.segments) - 1
            self.ended_at = start
            return Event(start, None, len(self.segments))
        self.index = index
        return Event(start, self.segments[index], index)
