"""A guided routine's run, kept: how it went, and how each region felt afterwards.

The player saves the run when it ends (``save``), then asks "How does it feel
now?" for the regions it worked and keeps the answers (``record_feel``) beside
that morning's check-in score (``before_scores``). History shows both. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from companion.domain.clock import Clock
from companion.domain.feel import FeelScore
from companion.domain.regions import Side
from companion.domain.session import RoutineSession
from companion.storage.checkins import CheckInRepository
from companion.storage.database import Database
from companion.storage.runs import FeelRepository, RunRepository


class RunService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._runs = RunRepository(db)
        self._feel = FeelRepository(db)

    def save(self, routine_id: str, name: str, session: RoutineSession) -> int:
        """Store a finished session (completed or stopped); returns the run's id."""
        return self._runs.save(routine_id, name, session)

    def record_feel(self, run_id: int, scores: Sequence[FeelScore]) -> None:
        """Keep how each region feels now, in one transaction; replaces earlier answers
        for the run (answering again, or changing one, keeps only the last)."""
        keys = [s.key for s in scores]
        if len(set(keys)) != len(keys):
            raise ValueError("each region and side can be scored once per run")
        self._feel.replace(run_id, scores)

    def feel(self, run_id: int) -> tuple[FeelScore, ...]:
        return self._feel.for_run(run_id)

    def before_scores(self, regions: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """Today's check-in score for each (region_id, side) that was scored today.

        A one-side step names the region itself ("calves_L", "left"). A both-sides step
        names the group ("calves", "both"): its score is the sorer side's, or the
        region's own for a centre region ("lower_back"). The score is the region's
        worst (rest or movement), as the plan reads it. Nothing from another day.
        """
        checkin = CheckInRepository(self._db).for_day(self._clock.now().date())
        if checkin is None:
            return {}
        by_id = {r.region_id: r.worst for r in checkin.regions}
        found: dict[tuple[str, str], int] = {}
        for region_id, side in regions:
            if side == "both":
                candidates = [
                    by_id[rid]
                    for rid in (
                        region_id,
                        region_id + Side.LEFT.suffix,
                        region_id + Side.RIGHT.suffix,
                    )
                    if rid in by_id
                ]
            else:
                candidates = [by_id[region_id]] if region_id in by_id else []
            if candidates:
                found[(region_id, side)] = max(candidates)
        return found
