"""Routine runs in History's words: how far a run got and how each region felt after.

"Post-run cool-down: stopped after 4 of 11 steps", "Calves (left) 6 → 4 after the
routine". The timeline's markers, the "What you did" list and the body map's day
all use these. No PySide6 here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo

from companion.domain.feel import FeelScore, feel_words
from companion.domain.history import RunSummary
from companion.domain.regions import RegionCatalog, Side
from companion.domain.translatable import Translate
from companion.services.history.views import weekday_day_month

FEEL_LISTED = 3  # regions named in one line; the rest are counted
DAY_RUNS_LISTED = 4  # a day's routines under the body map


def run_words(run: RunSummary, translate: Translate) -> str:
    """ "Post-run cool-down: done", or "...: stopped after 4 of 11 steps"."""
    if run.stopped:
        how = translate(
            "HistoryPresenter", "stopped after %d of %n step(s)", None, run.steps_planned
        ) % (run.steps_done,)
    else:
        how = translate("HistoryPresenter", "done")
    return translate("HistoryPresenter", "%s: %s") % (run.name, how)


def region_names(regions: RegionCatalog) -> dict[str, str]:
    """Each region's name ("Calves (left)") and each group's ("Calves", for a both-sides
    step), read once: the timeline words hundreds of runs."""
    names: dict[str, str] = {}
    for region in regions:
        names.setdefault(region.group, region.name)
    for region in regions:
        names[region.id] = region.display_name  # a centre region's id is its group
        if region.side is Side.CENTRE:
            # A one-sided exercise on a centre region's group names its side's step
            # "lower_back_L" (domain.routine_builder): "Lower back (left)".
            for side in (Side.LEFT, Side.RIGHT):
                names.setdefault(region.id + side.suffix, f"{region.name} ({side.value})")
    return names


def feel_line(scores: Sequence[FeelScore], names: Mapping[str, str], translate: Translate) -> str:
    """ "Calves (left) 6 → 4 after the routine"; "" when the question was not answered."""
    if not scores:
        return ""
    shown = scores[:FEEL_LISTED]
    listed = ", ".join(feel_words(names.get(s.region_id, s.region_id), s) for s in shown)
    if len(scores) > FEEL_LISTED:
        listed = translate("HistoryPresenter", "%s and %d more") % (
            listed,
            len(scores) - FEEL_LISTED,
        )
    return translate("HistoryPresenter", "%s after the routine") % listed


def marker_label(run: RunSummary, names: Mapping[str, str], translate: Translate) -> str:
    """A run on the timeline: its words, then how it felt after (one line)."""
    feel = feel_line(run.feel, names, translate)
    words = run_words(run, translate)
    return f"{words}. {feel}" if feel else words


def run_line(run: RunSummary, zone: tzinfo, names: Mapping[str, str], translate: Translate) -> str:
    """ "Fri 4 Dec, 18:30 · Post-run cool-down: stopped after 4 of 11 steps. Calves (left)
    6 → 4 after the routine." for the "What you did" list."""
    at = run.started_at.astimezone(zone)
    when = f"{weekday_day_month(at.date())}, {at:%H:%M}"
    return f"{when} · {marker_label(run, names, translate)}."
