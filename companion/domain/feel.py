"""How a region feels after a routine, next to how it felt at the morning check-in.

The player asks "How does it feel now?" for each region a run worked; the
answer (0-10, the check-in's scale) is kept with the run, and History shows
it beside the run: "Left calf 6 → 4". Plain data, no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# RoutineStep.side uses "left", "right" and "both"; a check-in's regions.Side adds "centre".
FEEL_SIDES = frozenset({"left", "right", "both", "centre"})
SCORE_MIN = 0
SCORE_MAX = 10


def _check_score(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{field} must be a whole number from 0 to 10, got {value!r}")
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValueError(f"{field} must be from 0 to 10, got {value}")


@dataclass(frozen=True)
class FeelScore:
    """One region's soreness after a run, with its check-in score that day if any."""

    region_id: str
    side: str  # "left" | "right" | "both" (as in RoutineStep.side), or "centre"
    before: int | None  # that region's score in today's check-in, if any
    after: int  # 0-10 now

    def __post_init__(self) -> None:
        if not self.region_id:
            raise ValueError("region_id must name a region")
        if self.side not in FEEL_SIDES:
            raise ValueError(
                f"side must be one of {', '.join(sorted(FEEL_SIDES))}, got {self.side!r}"
            )
        if self.before is not None:
            _check_score("before", self.before)
        _check_score("after", self.after)

    @property
    def change(self) -> int | None:
        """``after - before``: negative is easier, positive is sorer; None with no before."""
        return None if self.before is None else self.after - self.before

    @property
    def key(self) -> tuple[str, str]:
        return (self.region_id, self.side)


def feel_words(name: str, score: FeelScore) -> str:
    """ "Left calf 6 → 4", or "Left calf 4" when there was no check-in score."""
    if score.before is None:
        return f"{name} {score.after}"
    return f"{name} {score.before} → {score.after}"


def feel_summary(named: Iterable[tuple[str, FeelScore]]) -> str:
    """Several regions in one line: "Left calf 6 → 4, Right calf 5 → 5"."""
    return ", ".join(feel_words(name, score) for name, score in named)


def worst_change(scores: Iterable[FeelScore]) -> int | None:
    """The largest rise among scores that had a before (a flare shows first), or None."""
    changes = [s.change for s in scores if s.change is not None]
    return max(changes) if changes else None


def steps_done(outcomes: Iterable[str]) -> tuple[int, int]:
    """(steps completed or skipped, steps planned) from a run's step outcomes.

    A stored run keeps every planned step; the one the user stopped on and the
    ones after it are 'stopped'.
    """
    listed = list(outcomes)
    return sum(o in ("completed", "skipped") for o in listed), len(listed)
