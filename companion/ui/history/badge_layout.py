"""Where the replay's score badges go, so that no two overlap: plain numbers, no PySide6.

A badge starts at its region's centre. Badges closer than two radii (and a small
gap) push each other apart along the line between them, a few passes, kept inside
the map; a badge that ends up away from its region gets a leader line back to
the region's centre (``Placed.leader``). Regions on the thighs sit close together
(front of thigh, inner thigh, hip flexors): there the badges fan out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

GAP = 2.0  # pixels between two badges' edges
PASSES = 60


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    anchor: tuple[float, float]  # the region's centre

    @property
    def leader(self) -> bool:
        """Moved off its region's centre by more than a couple of pixels."""
        return math.hypot(self.x - self.anchor[0], self.y - self.anchor[1]) > 2.0


def place_badges(
    centres: Sequence[tuple[float, float]],
    radius: float,
    bounds: tuple[float, float, float, float],  # left, top, right, bottom
) -> list[Placed]:
    """Badge centres for regions at ``centres`` (in the same order), none overlapping
    where the space allows."""
    left, top, right, bottom = bounds
    xs = [float(x) for x, _y in centres]
    ys = [float(y) for _x, y in centres]
    need = 2 * radius + GAP
    n = len(xs)
    for _pass in range(PASSES):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                distance = math.hypot(dx, dy)
                if distance >= need - 1e-6:
                    continue
                if distance < 1e-6:  # the same spot: apart sideways, by order
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (need - distance) / 2 + 0.01
                ux, uy = dx / distance, dy / distance
                xs[i] -= ux * push
                ys[i] -= uy * push
                xs[j] += ux * push
                ys[j] += uy * push
                moved = True
        for i in range(n):
            xs[i] = min(max(xs[i], left + radius), right - radius)
            ys[i] = min(max(ys[i], top + radius), bottom - radius)
        if not moved:
            break
    return [Placed(xs[i], ys[i], (float(centres[i][0]), float(centres[i][1]))) for i in range(n)]


def overlapping(placed: Sequence[Placed], radius: float) -> list[tuple[int, int]]:
    """Pairs of badges that overlap (for tests and checks)."""
    out = []
    for i, a in enumerate(placed):
        for j in range(i + 1, len(placed)):
            b = placed[j]
            if math.hypot(a.x - b.x, a.y - b.y) < 2 * radius - 1e-6:
                out.append((i, j))
    return out
