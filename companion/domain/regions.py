"""Body-map regions (PROTOCOLS.md section 2.0).

A paired region such as ``quads`` becomes two regions, ``quads_L`` and
``quads_R``; the lower back is one central region. ``L`` and ``R`` are always
the person's own left and right, never the viewer's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from companion.domain.content import ContentError, Reader


class View(StrEnum):
    FRONT = "front"
    BACK = "back"


# Region groups where ice is kept to 10 minutes: a nerve runs close under the skin at
# the outer knee (PROTOCOLS 1.1, ice pack; 4.3). The one list the plan, the ice timer
# and icing reminders all use.
OUTER_KNEE_GROUPS = frozenset({"knee", "lateral_lower_leg", "lateral_thigh_itb"})


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTRE = "centre"

    @property
    def suffix(self) -> str:
        return {"left": "_L", "right": "_R", "centre": ""}[self.value]


class Rolling(StrEnum):
    """Whether a foam roller or ball may be used on the region itself."""

    ALLOWED = "allowed"
    NEVER = "never"  # roll the neighbours named in roll_instead, never the region


@dataclass(frozen=True)
class BodyRegion:
    id: str  # e.g. "quads_L"
    group: str  # e.g. "quads": the same for both sides
    name: str  # e.g. "Quadriceps"
    plain_name: str  # e.g. "front of thigh"
    side: Side
    views: tuple[View, ...]
    structures: str
    test_movement: str
    triggers: tuple[str, ...]
    rolling: Rolling
    roll_instead: tuple[str, ...]  # region groups to roll instead
    never_roll: str  # the spots in or near the region that are never rolled, or ""

    @property
    def display_name(self) -> str:
        if self.side is Side.CENTRE:
            return self.name
        return f"{self.name} ({self.side.value})"

    @property
    def paired(self) -> bool:
        return self.side is not Side.CENTRE


@dataclass(frozen=True)
class RegionCatalog:
    regions: tuple[BodyRegion, ...]

    def __iter__(self) -> Iterator[BodyRegion]:
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def __contains__(self, region_id: object) -> bool:
        return any(r.id == region_id for r in self.regions)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.regions)

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.group for r in self.regions))

    def group_labels(self) -> dict[str, str]:
        """Each group's name for a list, e.g. "Quadriceps (front of the thigh)", in map order."""
        labels: dict[str, str] = {}
        for region in self.regions:
            plain = f" ({region.plain_name})" if region.plain_name else ""
            labels.setdefault(region.group, f"{region.name}{plain}")
        return labels

    def get(self, region_id: str) -> BodyRegion:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(f"No body region {region_id!r}; known: {', '.join(self.ids)}")

    def on_view(self, view: View) -> tuple[BodyRegion, ...]:
        return tuple(r for r in self.regions if view in r.views)

    def other_side(self, region: BodyRegion) -> BodyRegion | None:
        if region.side is Side.CENTRE:
            return None
        other = Side.RIGHT if region.side is Side.LEFT else Side.LEFT
        return self.get(region.group + other.suffix)


_REGION_KEYS = (
    "group",
    "name",
    "plain_name",
    "paired",
    "views",
    "structures",
    "test_movement",
    "triggers",
    "rolling",
    "roll_instead",
    "never_roll",
)


def parse_regions(data: Mapping[str, Any], source: str) -> RegionCatalog:
    top = Reader(data, source)
    top.reject_unknown(("schema", "region"))
    schema = top.integer("schema")
    if schema != 1:
        raise top.error("schema", f"version {schema} is not supported (this app reads 1)")
    regions: list[BodyRegion] = []
    groups: dict[str, str] = {}
    pending_roll_refs: list[tuple[Reader, str]] = []
    for entry in top.tables("region"):
        entry.reject_unknown(_REGION_KEYS)
        group = entry.text("group")
        if not group.isidentifier() or not group.islower():
            raise entry.error("group", f"{group!r} must be lower_snake_case")
        if group in groups:
            raise entry.error("group", f"{group!r} is already defined at {groups[group]}")
        groups[group] = entry.path
        views = tuple(View(v) for v in entry.choice_in_list("views", [v.value for v in View]))
        rolling = Rolling(entry.choice("rolling", [r.value for r in Rolling]))
        roll_instead = entry.texts("roll_instead", [])
        if rolling is Rolling.NEVER and not roll_instead:
            raise entry.error(
                "roll_instead", "must name neighbours to roll when rolling is 'never'"
            )
        pending_roll_refs.extend((entry, ref) for ref in roll_instead)
        sides = (Side.LEFT, Side.RIGHT) if entry.boolean("paired") else (Side.CENTRE,)
        for side in sides:
            regions.append(
                BodyRegion(
                    id=group + side.suffix,
                    group=group,
                    name=entry.text("name"),
                    plain_name=entry.text("plain_name"),
                    side=side,
                    views=views,
                    structures=entry.text("structures"),
                    test_movement=entry.text("test_movement"),
                    triggers=entry.texts("triggers"),
                    rolling=rolling,
                    roll_instead=roll_instead,
                    never_roll=entry.text("never_roll", "") if entry.has("never_roll") else "",
                )
            )
    for entry, ref in pending_roll_refs:
        if ref not in groups:
            raise entry.error("roll_instead", f"{ref!r} is not a region group in this file")
    return RegionCatalog(tuple(regions))


__all__ = [
    "BodyRegion",
    "ContentError",
    "RegionCatalog",
    "Rolling",
    "Side",
    "View",
    "parse_regions",
]
