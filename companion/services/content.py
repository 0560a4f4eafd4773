"""The app's content (regions, protocols, safety questions, conditions, exercises),
loaded from ``resources/`` when first used.

Regions load at once (the body map needs them to paint); the rest on first use,
so start-up does not pay for them. The window, the command line and the
services all read content through this one object.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from companion.domain.conditions import ConditionCatalog
    from companion.domain.exercises import ExerciseLibrary
    from companion.domain.protocols import ProtocolBounds
    from companion.domain.triage import TriageCatalog


class SafetyContent(Protocol):
    """The content the safety gate reads (the app's lazy content, tests' loaded content)."""

    @property
    def protocols(self) -> ProtocolBounds: ...
    @property
    def triage(self) -> TriageCatalog: ...
    @property
    def conditions(self) -> ConditionCatalog: ...


class LazyContent:
    """Regions now (the map needs them to paint); the rest on first use."""

    def __init__(self) -> None:
        from companion.resources import load_regions  # noqa: PLC0415

        self.regions = load_regions()

    @cached_property
    def protocols(self) -> ProtocolBounds:
        from companion.resources import load_protocols  # noqa: PLC0415

        return load_protocols()

    @cached_property
    def triage(self) -> TriageCatalog:
        from companion.resources import load_triage  # noqa: PLC0415

        return load_triage()

    @cached_property
    def conditions(self) -> ConditionCatalog:
        from companion.resources import load_conditions  # noqa: PLC0415

        return load_conditions()

    @cached_property
    def exercises(self) -> ExerciseLibrary | None:
        from companion.resources import load_exercises  # noqa: PLC0415

        return load_exercises(regions=self.regions, protocols=self.protocols)
