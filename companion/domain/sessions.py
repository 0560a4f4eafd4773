"""Therapy sessions as the safety gate counts them: what, when, and for how long.

A session is a therapy timer that ran (stored with its phases) or an icing or
contrast reminder answered Done. Gaps and daily caps (PROTOCOLS 1.1-1.2) count
only sessions that put cold or heat on the body for at least ``COUNTS_FROM_S``:
a timer stopped after a few seconds is not a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

COUNTS_FROM_S = 60


@dataclass(frozen=True)
class PastSession:
    kind: str  # a TimerKind value: "ice", "contrast", "cold-bath", "warm-bath", "heat"
    started_at: datetime
    ended_at: datetime
    exposure_s: float  # seconds of cold or heat (the "off" phases between ice are not counted)

    @property
    def counts(self) -> bool:
        return self.exposure_s >= COUNTS_FROM_S
