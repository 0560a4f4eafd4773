"""The body map's vector shapes: a front and a back figure, cut into regions.

Each leg is one smooth outline; regions are carved out of it with path
boolean operations (bands across the leg, strips along its outer and inner
edges), so neighbouring regions tile exactly: no gaps, no overlaps, and hit
testing uses the same paths that are drawn. One leg is drawn and mirrored.

Coordinates: a figure lives in a 240 x 520 box, x from -120 to 120 with the
midline at 0, y from 0 (top of the head) to 520. In the FRONT view the
viewer's left leg is the person's right; in the BACK view it is their left.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

FIGURE = QRectF(-120, 0, 240, 520)

# The viewer-left leg's outline, as (x, y) points joined by smooth curves.
_OUTER = [
    (-55, 222),
    (-54, 262),
    (-49, 310),
    (-41, 352),
    (-39, 372),
    (-41, 396),
    (-42, 418),
    (-37, 446),
    (-31, 466),
]
_INNER = [
    (-2, 262),
    (-6, 304),
    (-12, 350),
    (-15, 372),
    (-14, 396),
    (-13, 420),
    (-17, 446),
    (-19, 466),
]

KNEE_TOP, KNEE_BOTTOM = 352, 386
_HALF_RECT = QRectF(-130, -10, 130, 540)  # the viewer-left half of a figure
_SAMPLES = 120


def _smooth(points: list[tuple[float, float]]) -> QPainterPath:
    """A path through the points, smoothed with quadratic curves between midpoints."""
    path = QPainterPath(QPointF(*points[0]))
    for (x0, y0), (x1, y1) in itertools.pairwise(points[1:]):
        path.quadTo(QPointF(x0, y0), QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    path.lineTo(QPointF(*points[-1]))
    return path


def _outline(outer: list[tuple[float, float]], inner: list[tuple[float, float]]) -> QPainterPath:
    """A closed shape down the smooth outer edge and back up the smooth inner edge.

    Both edges are sampled finely into one simple polygon, which the boolean
    operations that cut regions handle reliably.
    """
    points: list[QPointF] = []
    for edge in (_smooth(outer), _smooth(list(reversed(inner)))):
        points += [edge.pointAtPercent(i / _SAMPLES) for i in range(_SAMPLES + 1)]
    clean = QPainterPath()
    clean.addPolygon(QPolygonF(points))
    clean.closeSubpath()
    return clean


def _band(top: float, bottom: float) -> QPainterPath:
    path = QPainterPath()
    path.addRect(QRectF(-130, top, 260, bottom - top))
    return path


def _strip(edge: Sequence[tuple[float, float]], width: float) -> QPainterPath:
    """A band along an edge of the leg, ``width`` wide, on the leg's side of the edge."""
    shifted = [(x + width, y) for x, y in edge]
    outside = [(x - 30 * (1 if width > 0 else -1), y) for x, y in edge]
    polygon = QPolygonF([QPointF(x, y) for x, y in [*outside, *reversed(shifted)]])
    path = QPainterPath()
    path.addPolygon(polygon)
    path.closeSubpath()
    return path


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), rx, ry)
    return path


_HALF = QPainterPath()
_HALF.addRect(_HALF_RECT)


@cache
def _leg() -> QPainterPath:
    """Hip to ankle, with a little extra at the top that the torso covers."""
    return _outline([(-50, 212), *_OUTER], [(-1, 236), *_INNER])


@cache
def _foot(view: str) -> QPainterPath:
    path = QPainterPath()
    if view == "front":
        path.moveTo(-31, 462)
        path.cubicTo(-33, 480, -44, 492, -46, 500)
        path.cubicTo(-47, 508, -30, 510, -16, 506)
        path.cubicTo(-12, 496, -15, 480, -19, 462)
    else:
        path.moveTo(-31, 462)
        path.cubicTo(-33, 482, -36, 500, -31, 506)
        path.cubicTo(-27, 511, -21, 511, -18, 506)
        path.cubicTo(-14, 498, -16, 480, -19, 462)
    path.closeSubpath()
    return path


@cache
def _upper_body() -> QPainterPath:
    """Head, neck, torso and arms: drawn for orientation, not selectable."""
    body = _ellipse(0, 34, 24, 29)
    torso = QPainterPath(QPointF(-10, 58))
    torso.cubicTo(-12, 66, -20, 72, -52, 80)  # neck to shoulder
    torso.cubicTo(-64, 84, -62, 110, -58, 140)  # shoulder, armpit side
    torso.cubicTo(-54, 170, -46, 190, -50, 206)  # waist
    torso.cubicTo(-56, 222, -56, 240, -54, 250)  # hip
    torso.lineTo(54, 250)
    torso.cubicTo(56, 240, 56, 222, 50, 206)
    torso.cubicTo(46, 190, 54, 170, 58, 140)
    torso.cubicTo(62, 110, 64, 84, 52, 80)
    torso.cubicTo(20, 72, 12, 66, 10, 58)
    torso.closeSubpath()
    body = body.united(torso)
    for sign in (-1, 1):
        arm = QPainterPath(QPointF(sign * 54, 82))
        arm.cubicTo(sign * 72, 90, sign * 74, 130, sign * 74, 170)
        arm.cubicTo(sign * 75, 200, sign * 80, 235, sign * 79, 262)
        arm.cubicTo(sign * 79, 276, sign * 68, 278, sign * 67, 264)
        arm.cubicTo(sign * 66, 236, sign * 62, 200, sign * 60, 172)
        arm.cubicTo(sign * 58, 150, sign * 58, 120, sign * 54, 100)
        arm.closeSubpath()
        body = body.united(arm)
    return body


@dataclass(frozen=True)
class FigureShapes:
    view: str  # "front" or "back"
    silhouette: QPainterPath  # the whole figure
    regions: dict[str, QPainterPath]  # region id -> shape, in figure coordinates
    details: QPainterPath  # fine lines drawn on top (kneecaps, gluteal folds)


def _left_leg_regions(view: str) -> tuple[dict[str, QPainterPath], QPainterPath]:
    leg = _leg()
    outer = _strip(_OUTER, 10).intersected(leg)
    inner_band = _strip(_INNER, -12).intersected(leg)
    knee = leg.intersected(_band(KNEE_TOP, KNEE_BOTTOM))
    details = QPainterPath()
    regions: dict[str, QPainterPath] = {}
    thigh = leg.intersected(_band(150, KNEE_TOP))
    lower = leg.intersected(_band(KNEE_BOTTOM, 452))
    itb = outer.intersected(_band(228, KNEE_TOP))
    lateral_lower = outer.intersected(_band(KNEE_BOTTOM, 446))
    if view == "front":
        hip = thigh.intersected(_band(238, 274)).subtracted(itb)
        adductors = inner_band.intersected(_band(262, 336)).subtracted(hip)
        quads = thigh.intersected(_band(238, KNEE_TOP))
        quads = quads.subtracted(hip).subtracted(itb).subtracted(adductors)
        regions = {
            "hip_flexors": hip,
            "lateral_thigh_itb": itb,
            "adductors": adductors,
            "quads": quads,
            "knee": knee,
            "lateral_lower_leg": lateral_lower,
            "shin": lower.subtracted(lateral_lower),
        }
        details.addEllipse(QPointF(-27, 369), 8, 10)  # kneecap
    else:
        glutes = _ellipse(-28, 230, 29, 35).intersected(_band(204, 272))
        glutes = glutes.intersected(leg.united(_upper_body())).intersected(_HALF)
        hamstrings = thigh.subtracted(glutes).subtracted(itb)
        calves = lower.intersected(_band(KNEE_BOTTOM, 446)).subtracted(lateral_lower)
        regions = {
            "glutes": glutes,
            "hamstrings": hamstrings,
            "lateral_thigh_itb": itb.subtracted(glutes),
            "knee": knee,
            "calves": calves,
            "lateral_lower_leg": lateral_lower,
            "ankle_achilles": leg.intersected(_band(446, 470)).united(
                _foot("back").intersected(_band(446, 470))
            ),
            "foot_plantar": _foot("back").intersected(_band(470, 520)),
        }
        details.moveTo(-50, 262)
        details.quadTo(-28, 270, -6, 262)  # gluteal fold
    return regions, details


@cache
def figure(view: str) -> FigureShapes:
    if view not in ("front", "back"):
        raise ValueError(f"view must be 'front' or 'back', got {view!r}")
    left_regions, left_details = _left_leg_regions(view)
    mirror = QTransform.fromScale(-1, 1)
    # Front: the viewer's left leg is the person's right. Back: it is their left.
    near, far = ("_R", "_L") if view == "front" else ("_L", "_R")
    regions: dict[str, QPainterPath] = {}
    for group, path in left_regions.items():
        regions[group + near] = path
        regions[group + far] = mirror.map(path)
    feet = _foot(view).united(mirror.map(_foot(view)))
    legs = _leg().united(mirror.map(_leg()))
    silhouette = _upper_body().united(legs).united(feet)
    if view == "back":
        lower_back = _upper_body().intersected(_band(160, 204))
        lower_back = lower_back.intersected(_ellipse(0, 184, 40, 30))
        regions["lower_back"] = lower_back
    details = (
        left_details.united(mirror.map(left_details))
        if view == "front"
        else QPainterPath(left_details)
    )
    if view == "back":
        details.addPath(mirror.map(left_details))
    return FigureShapes(view, silhouette.simplified(), regions, details)
