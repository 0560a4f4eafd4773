"""A file's sport in the app's terms: runs are runs, everything else is other exercise."""

from __future__ import annotations

from companion.domain.activity import ActivityKind

# Sport words that mean running, as FIT, GPX, TCX and Strava spell them (lower case);
# a sport of only "trail", "treadmill" or "track" is a run too ("trail" under cycling is not).
_RUN_WORDS = frozenset({"running", "run", "jogging", "jog"})
_RUN_ALONE = frozenset({"trail", "treadmill", "track", "9"})  # 9: running in Strava's GPX
# FIT sub-sports that say nothing beyond the sport itself.
_PLAIN_SUB_SPORTS = frozenset({"", "generic", "all", "none"})


def sport_name(sport: object, sub_sport: object = None) -> str:
    """'running' + 'trail' -> 'trail running'; a numbered FIT sport (unknown to the
    profile) or nothing gives ''."""
    main = _words(sport)
    sub = _words(sub_sport)
    if main.isdigit():
        main = "running" if main == "9" else ""  # Strava's GPX numbers its types
    if sub.isdigit() or sub in _PLAIN_SUB_SPORTS or sub == main:
        return main
    if not main or main in sub:
        return sub
    return f"{sub} {main}"


def kind_of(sport: str) -> ActivityKind:
    """RUN for running, trail, treadmill and track running; OTHER for everything else."""
    text = sport.lower().replace("_", " ").replace("-", " ")
    compact = text.replace(" ", "")
    if set(text.split()) & _RUN_WORDS or compact in _RUN_ALONE:
        return ActivityKind.RUN
    if compact.endswith(("run", "running")):  # Strava's TrailRun, VirtualRun
        return ActivityKind.RUN
    return ActivityKind.OTHER


def _words(value: object) -> str:
    if value is None:
        return ""
    text = str(value).strip().lower().replace("_", " ")
    return " ".join(text.split())[:60]
