"""The body map's day in words and a card per sore spell. No PySide6 here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, tzinfo

from companion.domain.activity import MorningLog
from companion.domain.history import Episode, EpisodeExtras, episode_extras
from companion.domain.regions import RegionCatalog
from companion.domain.translatable import Translate
from companion.services.history.views import EpisodeCard, weekday_day_month

MAP_LISTED = 6  # sore regions named in a day's words; the rest are counted


def map_words(
    day: date, scores: Mapping[str, int], regions: RegionCatalog, translate: Translate
) -> str:
    """A day on the body map: the sorest regions on movement, or nothing sore."""
    sore = sorted(((v, rid) for rid, v in scores.items() if v > 0), reverse=True)
    when = weekday_day_month(day)
    if not sore:
        return translate("HistoryPresenter", "%s: nothing sore.") % when
    listed = ", ".join(f"{regions.get(rid).display_name} {v}" for v, rid in sore[:MAP_LISTED])
    if len(sore) > MAP_LISTED:
        listed = translate("HistoryPresenter", "%s and %d more") % (
            listed,
            len(sore) - MAP_LISTED,
        )
    return translate("HistoryPresenter", "%s: %s (on movement, 0-10).") % (when, listed)


def episode_card(
    e: Episode,
    *,
    latest: bool,
    zone: tzinfo,
    regions: RegionCatalog,
    mornings: Sequence[MorningLog],
    water: Mapping[date, int],
    goal: int | None,
    translate: Translate,
) -> EpisodeCard:
    """One sore spell: what set it off, its peak, when it eased, how it compares, and
    sleep, recovery and water over it. ``latest``: the newest spell of all (it may not
    have eased yet)."""
    onset = e.onset.astimezone(zone)
    what = e.activity.describe() if e.activity else translate("Cause", e.cause.label)
    title = f"{what} · {weekday_day_month(onset)} {onset:%Y}"
    peak, region, hours = e.peak
    region_name = regions.get(region).display_name.lower() if region in regions else region
    lines = [
        translate(
            "HistoryPresenter",
            "Peak %d/10 on movement, %n hour(s) after: %s.",
            None,
            round(hours),
        )
        % (peak, region_name)
    ]
    recovered = e.recovered_after_days
    if recovered is not None and recovered <= 7:
        lines.append(
            translate(
                "HistoryPresenter",
                "Recovered (1 or less on movement) by day %d — within the usual week.",
            )
            % recovered
        )
    elif recovered is not None:
        lines.append(
            translate("HistoryPresenter", "Recovered (1 or less on movement) by day %d.")
            % recovered
        )
    elif latest:
        lines.append(translate("HistoryPresenter", "Not back to 1 or less yet."))
    else:
        lines.append(
            translate("HistoryPresenter", "Not back to 1 or less before the next spell began.")
        )
    comparison = e.compare_previous()
    if comparison:
        lines.append(comparison)
    extras: EpisodeExtras = episode_extras(e, mornings, water, goal)
    more = []
    if extras.average_prs is not None:
        more.append(
            translate("HistoryPresenter", "felt %.1f/10 recovered on average") % extras.average_prs
        )
    if extras.nights_logged:
        more.append(
            translate(
                "HistoryPresenter",
                "%d of %n night(s) logged under 7 hours",
                None,
                extras.nights_logged,
            )
            % extras.short_nights
        )
    if extras.water_days:
        more.append(
            translate("HistoryPresenter", "water goal on %d of %n day(s)", None, extras.water_days)
            % extras.water_days_met
        )
    if more:
        text = "; ".join(more) + "."
        lines.append(text[:1].upper() + text[1:])
    return EpisodeCard(title, tuple(lines), e)
