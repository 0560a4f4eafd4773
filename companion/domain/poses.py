"""Pose drawings: a side-view figure posed by joint angles, with its props.

An exercise's drawing is data (``resources/content/poses.toml``): the angle of
each body segment and the props it uses (a roller under the thigh, a chair to
hold, a wall, a strap). :func:`figure` turns a pose into plain geometry (line
segments, circles and boxes in figure units, y pointing up, the floor at
y = 0) that the UI scales and paints. No Qt here, so every pose is checked by
plain tests: it loads, it names a real exercise, and the body stays in one
piece above the floor.

Angles are in degrees from straight down: 0 hangs down, 90 points the way the
figure faces, 180 points up and -90 points behind. The *near* limbs are the
ones nearer the viewer; for an each-side exercise the near leg is the one
being worked.

A pose may name key positions besides the one it holds: a ``start`` (where
the move begins, e.g. standing before stepping back into a calf stretch) and,
for a move done in repetitions, the ``moves`` positions the reps go between.
Each is a partial pose (only the angles that change). :func:`blend` mixes two
poses angle by angle and :class:`Motion` walks the key positions over time;
both are plain functions of time, so the UI only asks "the pose at t".

Which way the figure faces: unmirrored it faces the viewer's right, so the
viewer sees its left side and the near leg is the left leg. The right-side
step is drawn mirrored (:func:`mirrored`, :func:`faces_left`): facing left,
the near (worked) leg is the right leg.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from companion.domain.content import Reader

# Segment lengths in figure units (a standing figure is about 1.0 tall).
TORSO = 0.30
NECK = 0.035
HEAD_R = 0.06
UPPER_ARM = 0.16
FOREARM = 0.17  # with the hand
THIGH = 0.235
SHIN = 0.235
FOOT = 0.075
LIMB_W = 0.045  # stroke width of a limb; the torso is drawn thicker
TORSO_W = 0.075

ROLLER_R = 0.05
BALL_R = 0.03
TOWEL_R = 0.035  # a rolled towel
CHAIR_SEAT = 0.2  # seat height when nothing else reaches the floor
CHAIR_DEPTH = 0.2
WALL_H = 1.05
STEP_H = 0.09
BIKE_SEAT = 0.5  # an exercise bike's saddle: the hip's underside above the floor

PROP_KINDS = (
    "roller",
    "ball",
    "towel",
    "chair",
    "chair_back",
    "wall",
    "strap",
    "stick",
    "step",
    "bed",
    "bike",
)
LIMBS = {
    "near_arm": ("upper_arm", "forearm"),
    "far_arm": ("upper_arm", "forearm"),
    "near_leg": ("thigh", "shin", "foot"),
    "far_leg": ("thigh", "shin", "foot"),
}
# Where each limb's joints are called, in order from the body outwards.
_JOINTS = {"arm": ("elbow", "hand"), "leg": ("knee", "ankle", "toe")}
_LENGTHS = {
    "upper_arm": UPPER_ARM,
    "forearm": FOREARM,
    "thigh": THIGH,
    "shin": SHIN,
    "foot": FOOT,
}

Point = tuple[float, float]


@dataclass(frozen=True)
class Prop:
    kind: str
    at: str  # the anchor it is placed against
    to: str = ""  # strap and stick run from ``at`` to ``to``
    toward: int = 1  # +1 the way the figure faces, -1 behind it


@dataclass(frozen=True)
class Pose:
    exercise: str
    torso: float
    head: float
    limbs: Mapping[str, tuple[float, ...]]
    props: tuple[Prop, ...] = ()
    worked: tuple[str, ...] = ("near_leg",)
    start: Pose | None = None  # where the move begins, if it differs from the hold
    moves: tuple[Pose, ...] = ()  # the positions a repeated move goes between

    @property
    def keys(self) -> tuple[Pose, ...]:
        """Every key position in order: the start (if any), this one, then the moves."""
        return ((self.start,) if self.start is not None else ()) + (self,) + self.moves

    @property
    def animated(self) -> bool:
        return self.start is not None or bool(self.moves)


@dataclass(frozen=True)
class Segment:
    part: str  # "near_leg", "far_arm", "torso", ...
    start: Point
    end: Point
    width: float
    index: int = 0  # which segment of the limb, from the body out (thigh 0, shin 1, foot 2)


@dataclass(frozen=True)
class PropShape:
    kind: str  # "circle", "line", "box", "polyline"
    points: tuple[Point, ...]
    radius: float = 0.0
    width: float = 0.0
    behind: bool = True  # drawn before the body (a roller under it) or after (a strap)


@dataclass(frozen=True)
class Figure:
    """A posed figure in figure units, standing on the floor at y = 0."""

    segments: tuple[Segment, ...]
    head: Point
    head_r: float
    props: tuple[PropShape, ...]
    worked: tuple[str, ...]
    bounds: tuple[float, float, float, float]  # min x, min y, max x, max y
    anchors: Mapping[str, Point] = field(default_factory=dict)


class PoseCatalog:
    def __init__(self, poses: Mapping[str, Pose]) -> None:
        self._poses = dict(poses)

    def __iter__(self) -> Iterator[Pose]:
        return iter(self._poses.values())

    def __len__(self) -> int:
        return len(self._poses)

    def get(self, exercise_id: str) -> Pose | None:
        return self._poses.get(exercise_id)


def _direction(degrees: float) -> Point:
    rad = math.radians(degrees)
    return (math.sin(rad), -math.cos(rad))


def _along(start: Point, degrees: float, length: float) -> Point:
    dx, dy = _direction(degrees)
    return (start[0] + dx * length, start[1] + dy * length)


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _skeleton(pose: Pose) -> tuple[list[Segment], Point, dict[str, Point]]:
    """Segments from the hip outwards, with every named anchor."""
    hip: Point = (0.0, 0.0)
    shoulder = _along(hip, pose.torso, TORSO)
    head = _along(shoulder, pose.head, NECK + HEAD_R)
    anchors: dict[str, Point] = {
        "hip": hip,
        "shoulder": shoulder,
        "head": head,
        "torso": _mid(hip, shoulder),
    }
    segments = [Segment("torso", hip, shoulder, TORSO_W)]
    for limb, parts in LIMBS.items():
        side, kind = limb.split("_")
        point = shoulder if kind == "arm" else hip
        for part, joint, angle in zip(parts, _JOINTS[kind], pose.limbs[limb], strict=True):
            end = _along(point, angle, _LENGTHS[part])
            segments.append(Segment(limb, point, end, LIMB_W, parts.index(part)))
            anchors[f"{side}_{part}"] = _mid(point, end)
            anchors[f"{side}_{joint}"] = end
            point = end
    return segments, head, anchors


def anchor_names() -> tuple[str, ...]:
    probe = Pose("probe", 180, 180, {limb: (0.0,) * len(parts) for limb, parts in LIMBS.items()})
    return tuple(sorted(_skeleton(probe)[2]))


def figure(pose: Pose) -> Figure:
    """The pose as geometry, moved so its lowest point rests on the floor (y = 0)."""
    segments, head, anchors = _skeleton(pose)
    hip_x = anchors["hip"][0]
    lows = [min(s.start[1], s.end[1]) - s.width / 2 for s in segments]
    lows.append(head[1] - HEAD_R)
    # Props that the body rests on decide the floor as much as the body does.
    for prop in pose.props:
        x, y = anchors[prop.at]
        if prop.kind in _ROUND:
            lows.append(y - LIMB_W / 2 - 2 * _ROUND[prop.kind])
        elif prop.kind == "chair":
            lows.append(y - LIMB_W / 2 - CHAIR_SEAT)
        elif prop.kind == "step":
            lows.append(y - LIMB_W / 2 - STEP_H)
        elif prop.kind == "bike":
            lows.append(y - LIMB_W / 2 - BIKE_SEAT)
    floor = min(lows)

    def shift(p: Point) -> Point:
        return (p[0], p[1] - floor)

    moved = tuple(Segment(s.part, shift(s.start), shift(s.end), s.width, s.index) for s in segments)
    placed = {name: shift(p) for name, p in anchors.items()}
    shapes = tuple(_prop_shape(prop, placed, hip_x) for prop in pose.props)
    xs = [p[0] for s in moved for p in (s.start, s.end)]
    ys = [p[1] for s in moved for p in (s.start, s.end)]
    head_at = shift(head)
    xs += [head_at[0] - HEAD_R, head_at[0] + HEAD_R]
    ys += [head_at[1] + HEAD_R, 0.0]
    for shape in shapes:
        for x, y in shape.points:
            xs += [x - shape.radius, x + shape.radius]
            ys += [y + shape.radius]
    pad = TORSO_W
    return Figure(
        segments=moved,
        head=head_at,
        head_r=HEAD_R,
        props=shapes,
        worked=pose.worked,
        bounds=(min(xs) - pad, 0.0, max(xs) + pad, max(ys) + pad),
        anchors=placed,
    )


def _prop_shape(prop: Prop, anchors: Mapping[str, Point], hip_x: float) -> PropShape:
    x, y = anchors[prop.at]
    under = y - LIMB_W / 2  # the underside of the limb at the anchor
    if prop.kind in _ROUND:
        radius = _ROUND[prop.kind]
        return PropShape("circle", ((x, under - radius),), radius=radius)
    if prop.kind in ("strap", "stick"):
        return _held(prop, (x, y), anchors[prop.to])
    return _STANDING[prop.kind](prop, x, under, hip_x)


def _held(prop: Prop, start: Point, end: Point) -> PropShape:
    """A strap runs hand to foot; a stick reaches a little past both hands."""
    if prop.kind == "strap":
        return PropShape("line", (start, end), width=0.012, behind=False)
    dx, dy = end[0] - start[0], end[1] - start[1]
    over = 0.05 / (math.hypot(dx, dy) or 1.0)
    return PropShape(
        "line",
        ((start[0] - dx * over, start[1] - dy * over), (end[0] + dx * over, end[1] + dy * over)),
        width=0.022,
        behind=False,
    )


def _wall(prop: Prop, x: float, _under: float, _hip_x: float) -> PropShape:
    wall_x = x + prop.toward * LIMB_W / 2
    return PropShape("line", ((wall_x, 0.0), (wall_x, WALL_H)), width=0.02)


def _step(_prop: Prop, x: float, under: float, _hip_x: float) -> PropShape:
    return PropShape("box", ((x - 0.09, 0.0), (x + 0.09, under)))


def _bed(prop: Prop, x: float, under: float, _hip_x: float) -> PropShape:
    end = x + prop.toward * 0.75  # from the anchor to past the head
    return PropShape("box", ((min(x, end), 0.0), (max(x, end), under)))


def _chair(_prop: Prop, x: float, seat: float, hip_x: float) -> PropShape:
    """Sat on: the seat under the anchor, its back behind the figure."""
    back = x - 0.07 if hip_x <= x + 1e-9 else x + 0.07
    front = back + CHAIR_DEPTH if back < x else back - CHAIR_DEPTH
    return PropShape(
        "polyline",
        ((back, seat + 0.24), (back, 0.0), (back, seat), (front, seat), (front, 0.0)),
        width=0.018,
    )


def _chair_back(prop: Prop, x: float, top: float, _hip_x: float) -> PropShape:
    """Held for balance: the top of the chair's back under the hand, its seat beyond."""
    front = x + prop.toward * CHAIR_DEPTH
    return PropShape(
        "polyline",
        ((x, top), (x, 0.0), (x, CHAIR_SEAT), (front, CHAIR_SEAT), (front, 0.0)),
        width=0.018,
    )


def _bike(prop: Prop, x: float, seat: float, _hip_x: float) -> PropShape:
    """Sat on: an exercise bike's outline, the saddle under the anchor, the bars ahead."""
    f = prop.toward
    crank = (x + f * 0.1, seat - BIKE_SEAT + 0.17)
    wheel = [
        (crank[0] + 0.05 * math.cos(a * math.pi / 6), crank[1] + 0.05 * math.sin(a * math.pi / 6))
        for a in range(13)
    ]
    bars = (x + f * 0.5, seat + 0.1)
    return PropShape(
        "polyline",
        (
            (x - f * 0.06, seat),  # the saddle
            (x + f * 0.05, seat),
            (x, seat),
            (crank[0], crank[1]),  # the seat post to the pedals
            *wheel,
            (crank[0], crank[1]),
            (x + f * 0.42, seat - BIKE_SEAT + 0.05),  # to the front post
            (bars[0] - f * 0.02, bars[1]),
            (bars[0] - f * 0.08, bars[1]),  # the handlebar
            (bars[0] - f * 0.02, bars[1]),
            (x + f * 0.42, seat - BIKE_SEAT + 0.05),
            (x + f * 0.42, seat - BIKE_SEAT),  # the base on the floor
            (x + f * 0.52, seat - BIKE_SEAT),
            (x - f * 0.22, seat - BIKE_SEAT),
            (x - f * 0.22, seat - BIKE_SEAT + 0.03),
            (crank[0], crank[1]),
        ),
        width=0.018,
    )


_ROUND = {"roller": ROLLER_R, "ball": BALL_R, "towel": TOWEL_R}
_STANDING = {
    "wall": _wall,
    "step": _step,
    "bed": _bed,
    "chair": _chair,
    "chair_back": _chair_back,
    "bike": _bike,
}


# -- key positions over time ----------------------------------------------------------
MOVE_S = 1.4  # from one key position to the next
DWELL_S = 0.7  # resting at each key position before moving on


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """``a`` at t = 0, ``b`` at t = 1, every angle in between in proportion.

    Angles mix as written (no wrap-around), so a limb moves the way the content
    author meant. The props and worked limbs are ``b``'s; the result has no
    key positions of its own.
    """
    t = min(1.0, max(0.0, t))
    limbs = {
        limb: tuple(_lerp(x, y, t) for x, y in zip(a.limbs[limb], b.limbs[limb], strict=True))
        for limb in LIMBS
    }
    return Pose(
        b.exercise,
        _lerp(a.torso, b.torso, t),
        _lerp(a.head, b.head, t),
        limbs,
        b.props,
        b.worked,
    )


def ease(t: float) -> float:
    """Smooth in and out (0 -> 0, 1 -> 1, gentle at both ends)."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@dataclass(frozen=True)
class Motion:
    """Key positions walked through over time: once into a hold, or round and round."""

    keys: tuple[Pose, ...]
    loop: bool = False
    move_s: float = MOVE_S
    dwell_s: float = DWELL_S

    @property
    def moves(self) -> bool:
        return len(self.keys) > 1

    @property
    def period(self) -> float:
        """One pass: every transition with its dwell (a loop returns to the first key)."""
        transitions = len(self.keys) if self.loop else len(self.keys) - 1
        return max(0, transitions) * (self.dwell_s + self.move_s)

    def finished(self, seconds: float) -> bool:
        """Nothing moves any more from ``seconds`` on (a hold reached, or no motion)."""
        return not self.moves or (not self.loop and seconds >= self.period)

    @property
    def held(self) -> Pose:
        """The position shown when nothing may move: the hold, or a move's main position."""
        return self.keys[-1] if not self.loop else self.keys[0]

    def at(self, seconds: float) -> Pose:
        if not self.moves:
            return self.keys[0]
        if not self.loop and seconds >= self.period:
            return self.keys[-1]
        step = self.dwell_s + self.move_s
        position = (seconds % self.period) if self.loop else max(0.0, seconds)
        index = int(position // step)
        within = position - index * step
        a = self.keys[index % len(self.keys)]
        b = self.keys[(index + 1) % len(self.keys)]
        if within < self.dwell_s:
            return blend(a, a, 0.0)
        return blend(a, b, ease((within - self.dwell_s) / self.move_s))


def motion(pose: Pose, *, repeating: bool) -> Motion:
    """How ``pose`` moves: round its ``moves`` while repeating, else from its start into it."""
    if repeating and pose.moves:
        return Motion((pose, *pose.moves), loop=True)
    if pose.start is not None:
        return Motion((pose.start, pose))
    return Motion((pose,))


# -- which side, and which muscle ----------------------------------------------------------
def faces_left(side: str) -> bool:
    """Whether a step on ``side`` is drawn mirrored (see the module's note)."""
    return side == "right"


def mirrored(fig: Figure) -> Figure:
    """The figure flipped left to right about the hip (x = 0), so a moving figure
    flips the same way in every frame; floor and height are unchanged."""
    min_x, min_y, max_x, max_y = fig.bounds

    def flip(p: Point) -> Point:
        return (-p[0], p[1])

    return Figure(
        segments=tuple(
            Segment(s.part, flip(s.start), flip(s.end), s.width, s.index) for s in fig.segments
        ),
        head=flip(fig.head),
        head_r=fig.head_r,
        props=tuple(
            PropShape(p.kind, tuple(flip(q) for q in p.points), p.radius, p.width, p.behind)
            for p in fig.props
        ),
        worked=fig.worked,
        bounds=(-max_x, min_y, -min_x, max_y),
        anchors={name: flip(p) for name, p in fig.anchors.items()},
    )


def frame(figures: Iterable[Figure]) -> tuple[float, float, float, float]:
    """Bounds that hold every figure (the key positions of one move), so a moving
    figure keeps one place and one scale."""
    boxes = [f.bounds for f in figures]
    if not boxes:
        raise ValueError("frame needs at least one figure")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# The part of a worked leg each region group lies on: thigh 0, shin 1, foot 2;
# "hip" is the seat (the glutes) and "torso" the lower back.
_GROUP_PARTS: Mapping[str, tuple[int | str, ...]] = {
    "quads": (0,),
    "hamstrings": (0,),
    "adductors": (0,),
    "hip_flexors": (0,),
    "lateral_thigh_itb": (0,),
    "knee": (0, 1),
    "calves": (1,),
    "shin": (1,),
    "lateral_lower_leg": (1,),
    "ankle_achilles": (1, 2),
    "foot_plantar": (2,),
    "glutes": ("hip",),
    "lower_back": ("torso",),
}


def worked_parts(pose: Pose, groups: tuple[str, ...]) -> frozenset[str]:
    """What to draw in the accent colour for an exercise on ``groups``.

    Names are "near_leg:1" (a limb's segment), "hip" or "torso". With no group
    that maps to a part, the whole worked limbs are named ("near_leg").
    """
    parts: set[str] = set()
    legs = [limb for limb in pose.worked if limb.endswith("_leg")]
    for group in groups:
        for part in _GROUP_PARTS.get(group, ()):
            if isinstance(part, str):
                parts.add(part)
            else:
                parts.update(f"{leg}:{part}" for leg in legs)
    return frozenset(parts) or frozenset(pose.worked)


def parse_poses(data: Mapping[str, Any], source: str, exercise_ids: set[str]) -> PoseCatalog:
    """The pose table, checked: known exercises, angles for every segment, known props."""
    root = Reader(data, source)
    root.reject_unknown(["pose"])
    anchors = set(anchor_names())
    poses: dict[str, Pose] = {}
    for table in root.tables("pose"):
        keys = ["exercise", "torso", "head", "props", "worked", "start", "moves", *LIMBS]
        table.reject_unknown(keys)
        exercise = table.text("exercise")
        if exercise not in exercise_ids:
            raise table.error("exercise", f"{exercise!r} is not an exercise in the library")
        if exercise in poses:
            raise table.error("exercise", f"{exercise!r} has a pose already")
        torso = _angle(table, "torso")
        head = _angle(table, "head", torso)
        limbs = {limb: _angles(table, limb, len(parts)) for limb, parts in LIMBS.items()}
        worked = table.choice_in_list("worked", LIMBS) if table.has("worked") else ("near_leg",)
        props = (
            tuple(_prop(r, anchors) for r in table.tables("props")) if table.has("props") else ()
        )
        main = Pose(exercise, torso, head, limbs, props, worked)
        start = _key_position(table.table("start"), main) if table.has("start") else None
        moves = (
            tuple(_key_position(r, main) for r in table.tables("moves"))
            if table.has("moves")
            else ()
        )
        poses[exercise] = Pose(exercise, torso, head, limbs, props, worked, start, moves)
    return PoseCatalog(poses)


def _key_position(table: Reader, main: Pose) -> Pose:
    """A start or move position: the main pose with the angles the table gives."""
    table.reject_unknown(["torso", "head", *LIMBS])
    if not table.data:
        raise table.error("torso", "a key position needs at least one angle that changes")
    torso = _angle(table, "torso", main.torso)
    head = _angle(table, "head", torso + (main.head - main.torso))  # the neck keeps its bend
    limbs = {
        limb: _angles(table, limb, len(parts)) if table.has(limb) else main.limbs[limb]
        for limb, parts in LIMBS.items()
    }
    return Pose(main.exercise, torso, head, limbs, main.props, main.worked)


def _angle(table: Reader, name: str, default: Any = ...) -> float:
    value = table.number(name, default)
    if not -360 <= value <= 360:
        raise table.error(name, f"{value:g} is not an angle between -360 and 360 degrees")
    return value


def _angles(table: Reader, name: str, count: int) -> tuple[float, ...]:
    value = table.data.get(name)
    if (
        not isinstance(value, list)
        or len(value) != count
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise table.error(name, f"must be a list of {count} angles in degrees")
    if not all(-360 <= v <= 360 for v in value):
        raise table.error(name, "angles must be between -360 and 360 degrees")
    return tuple(float(v) for v in value)


def _prop(table: Reader, anchors: set[str]) -> Prop:
    table.reject_unknown(["kind", "at", "to", "toward"])
    kind = table.choice("kind", PROP_KINDS)
    at = table.choice("at", sorted(anchors))
    to = ""
    if kind in ("strap", "stick"):
        to = table.choice("to", sorted(anchors))
    elif table.has("to"):
        raise table.error("to", f"only a strap or a stick runs to a second point, not a {kind}")
    toward = table.choice("toward", ("front", "back"), "front")
    return Prop(kind, at, to, 1 if toward == "front" else -1)
