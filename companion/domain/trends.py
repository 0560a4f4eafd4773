"""Trend alerts (PROTOCOLS 5.4): when the course of soreness calls for the safety questions.

Each alert names what was seen in words and which questions it opens. An alert
is raised once per episode (its rule, its region and the episode's onset make
its key); storage remembers the keys, so it never nags.

Covered elsewhere: T6 (nerve words) and one-sided swelling in T5 are asked by
the check-in itself (``triage.moments_for``); T7 needs a urine-colour field,
which the app does not offer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from companion.domain.activity import MorningLog
from companion.domain.checkin import SAME_ONSET, DayScores
from companion.domain.clock import utc
from companion.domain.triage import Moment

PEAK_WINDOW_H = (24.0, 72.0)  # T1: the usual peak
DAY_FIVE_H = (96.0, 168.0)  # T2: from day 5 until T3 takes over
WEEK_H = 168.0  # T3
T1_RISE = 2
T2_FALL_POINTS, T2_FALL_SHARE = 2, 0.30
T2_MIN_PEAK = 3  # a peak of 1 or 2 has nowhere much to fall
T3_PRESENT = 2
T4_REST, T4_JUMP = 7, 3
T4_JUMP_WINDOW = timedelta(hours=36)  # "in 24 h": the check-in before, a day or so earlier
T5_GAP = 3
T5_GROUPS = frozenset({"calves", "quads", "hamstrings", "adductors", "lateral_thigh_itb"})
T8_PRS, T8_MORNINGS = 3, 3


# A rule whose questions another rule already asked for the same region and episode.
COVERED_BY = {"T2": ("T1",)}


@dataclass(frozen=True)
class TrendAlert:
    rule: str  # "T1" ... "T8"
    subject: str  # a region id, or "" for the whole body
    episode: datetime  # the episode's onset, or the first morning of a T8 run
    detail: str  # what was seen, in words, shown above the questions
    moments: tuple[Moment, ...] = ()
    questions: tuple[str, ...] = ()  # question ids asked on top of the moments'

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.subject, utc(self.episode).isoformat())

    @property
    def keys(self) -> tuple[tuple[str, str, str], ...]:
        """Its own key and those of the rules that cover it: any one seen means asked."""
        episode = utc(self.episode).isoformat()
        return (self.key, *((r, self.subject, episode) for r in COVERED_BY.get(self.rule, ())))


Names = Callable[[str], str]


def _same_episode(history: Iterable[DayScores], onset: datetime) -> list[DayScores]:
    return [d for d in history if abs(utc(d.onset) - utc(onset)) <= SAME_ONSET]


def check_in_alerts(
    current: DayScores,
    history: Sequence[DayScores],
    *,
    swelling: bool,
    name: Names,
) -> list[TrendAlert]:
    """Alerts raised by saving ``current`` after the earlier check-ins in ``history``.

    ``swelling`` is whether any swelling was logged with it; ``name`` turns a
    region id into words ("left calf").
    """
    earlier = [d for d in history if d.day < current.day]
    episode = _same_episode(earlier, current.onset)
    onset = current.onset
    hours = current.hours
    alerts: list[TrendAlert] = []
    for region, (rest, move) in sorted(current.scores.items()):
        past = [(d.hours, d.scores[region]) for d in episode if region in d.scores]
        # T1: higher after 72 h than the 24-72 h peak, by 2 or more.
        in_peak = [m for h, (_r, m) in past if PEAK_WINDOW_H[0] <= h <= PEAK_WINDOW_H[1]]
        if hours > PEAK_WINDOW_H[1] and in_peak and move >= max(in_peak) + T1_RISE:
            alerts.append(
                TrendAlert(
                    "T1",
                    region,
                    onset,
                    f"Soreness in your {name(region)} is higher on day {_day(hours)} "
                    f"({move}/10 on movement) than at its usual peak ({max(in_peak)}/10). "
                    "Ordinary soreness after exercise is easing by now.",
                    (Moment.SORENESS_NOT_EASING,),
                )
            )
        # T2: on day 5, less than a 30 % (or 2-point) fall from the peak.
        peak = max([m for _h, (_r, m) in past] + [move])
        fall = peak - move
        if (
            DAY_FIVE_H[0] <= hours < DAY_FIVE_H[1]
            and peak >= T2_MIN_PEAK
            and fall < T2_FALL_POINTS
            and fall / peak < T2_FALL_SHARE
        ):
            alerts.append(
                TrendAlert(
                    "T2",
                    region,
                    onset,
                    f"Soreness in your {name(region)} is {move}/10 on day {_day(hours)}, close "
                    f"to its peak of {peak}/10. Soreness after exercise usually falls clearly "
                    "by now.",
                    questions=("Y1",),
                )
            )
        # T4: severe at rest, or a jump of 3+ within a day with no new activity.
        if rest >= T4_REST:
            alerts.append(
                TrendAlert(
                    "T4",
                    region,
                    onset,
                    f"Soreness in your {name(region)} is {rest}/10 even at rest. That is more "
                    "than ordinary soreness usually brings.",
                    (Moment.FULL,),
                )
            )
        else:
            before = [
                d
                for d in episode
                if region in d.scores and timedelta(0) < current.at - d.at <= T4_JUMP_WINDOW
            ]
            if before:
                last = before[-1].scores[region]
                jump = max(rest - last[0], move - last[1])
                if jump >= T4_JUMP:
                    alerts.append(
                        TrendAlert(
                            "T4",
                            region,
                            onset,
                            f"Soreness in your {name(region)} rose by {jump} points since your "
                            "last check-in, without a new activity in between.",
                            (Moment.FULL,),
                        )
                    )
    # T3: still sore (2+) more than a week after the activity.
    still = sorted(r for r, (_rest, move) in current.scores.items() if move >= T3_PRESENT)
    if hours >= WEEK_H and still:
        alerts.append(
            TrendAlert(
                "T3",
                "",
                onset,
                f"It is {_day(hours) - 1} days since the activity and there is still soreness "
                f"in your {_list(name(r) for r in still)}. Soreness that lasts beyond a week "
                "is worth showing to a GP or physiotherapist.",
                (Moment.SORENESS_NOT_EASING,),
            )
        )
    # T5: left and right differ by 3+ in a calf or thigh, with swelling.
    if swelling:
        for group in sorted(T5_GROUPS):
            left = current.scores.get(f"{group}_L")
            right = current.scores.get(f"{group}_R")
            if left and right and abs(left[1] - right[1]) >= T5_GAP:
                alerts.append(
                    TrendAlert(
                        "T5",
                        group,
                        onset,
                        f"Your left and right sides differ by {abs(left[1] - right[1])} points "
                        f"({name(group + '_L')} {left[1]}/10, {name(group + '_R')} "
                        f"{right[1]}/10 on movement), with swelling.",
                        (Moment.ONE_SIDED_SWELLING,),
                    )
                )
    return alerts


def morning_alert(mornings: Sequence[MorningLog]) -> TrendAlert | None:
    """T8: how recovered you feel at 3 or less on 3 mornings in a row."""
    run: list[MorningLog] = []
    for log in sorted(mornings, key=lambda m: m.day):
        if log.prs is None:
            continue
        if log.prs <= T8_PRS and (not run or (log.day - run[-1].day).days == 1):
            run.append(log)
        elif log.prs <= T8_PRS:
            run = [log]
        else:
            run = []
    if len(run) < T8_MORNINGS:
        return None
    first = run[0].day  # the run's first morning: the key stays put as the run grows
    return TrendAlert(
        "T8",
        "",
        datetime(first.year, first.month, first.day, tzinfo=UTC),
        f"You have felt poorly recovered ({_list(str(m.prs) for m in run[-T8_MORNINGS:])} out "
        f"of 10) on {len(run)} mornings in a row. Consider a rest or easy day, and look at "
        "your sleep and what you eat and drink. If you also have a fever, answer the "
        "fever questions.",
        (Moment.FEVER,),
    )


def _day(hours: float) -> int:
    """Day 1 is the first 24 hours after the activity."""
    return int(hours // 24) + 1


def _list(items: Iterable[str]) -> str:
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
