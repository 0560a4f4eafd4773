"""Routine runs in History's words: how far a run got and how each region felt after.

"Post-run cool-down: stopped after 4 of 11 steps", "Calves (left) 6 → 4 after the
routine". The timeline's markers, the "What you did" list and the body map's day
all use these. No PySide6 here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from companion.domain.feel import FeelScore, feel_words
from companion.domain.history import RunSummary
from companion.domain.regions import RegionCatalog
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


def region_name(region_id: str, regions: RegionCatalog) -> str:
    """A region's name ("Calves (left)"), or a group's for a both-sides step ("Calves")."""
    if region_id in regions:
        return regions.get(region_id).display_name
    members = [r for r in regions if r.group == region_id]
    return members[0].name if members else region_id


def feel_line(scores: Sequence[FeelScore], regions: RegionCatalog, translate: Translate) -> str:
    """ "Calves (left) 6 → 4 after the routine"; "" when the question was not answered."""
    if not scores:
        return ""
    named = [feel_words(region_name(s.region_id, regions), s) for s in scores[:FEEL_LISTED]]
    listed = ", ".join(named)
    if len(scores) > FEEL_LISTED:
        listed = translate("HistoryPresenter", "%s and %d more") % (
            listed,
            len(scores) - FEEL_LISTED,
        )
    return translate("HistoryPresenter", "%s after the routine") % listed


def marker_label(run: RunSummary, regions: RegionCatalog, translate: Translate) -> str:
    """A run on the timeline: its words, then how it felt after (one line)."""
    feel = feel_line(run.feel, regions, translate)
    words = run_words(run, translate)
    return f"{words}. {feel}" if feel else words


def run_line(run: RunSummary, zone: tzinfo, regions: RegionCatalog, translate: Translate) -> str:
    """ "Fri 4 Dec, 18:30 · Post-run cool-down: stopped after 4 of 11 steps. Calves (left)
    6 → 4 after the routine." for the "What you did" list."""
    at = run.started_at.astimezone(zone)
    when = f"{weekday_day_month(at.date())}, {at:%H:%M}"
    return f"{when} · {marker_label(run, regions, translate)}."
