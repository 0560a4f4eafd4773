"""Reminder rules: what to remind, when, and whether it is safe to (PROTOCOLS.md 1.1-1.3).

A rule is plain data (stored in our own table, the source of truth). Its
occurrences are computed here from wall-clock times in the user's time zone,
so a reminder at 08:30 stays at 08:30 across a DST change, a time that occurs
twice on the autumn change day fires once, and one that does not exist on the
spring day fires at the same instant an hour later on the clock. Everything
takes ``now`` (or a window) as an argument: no clock is read here.

Kinds:
- hydration: every N minutes inside waking hours, an amount each time, toward
  a daily goal;
- icing: a session every N minutes (start to start) inside waking hours, ice
  on for ``on_min``, only inside a window (e.g. the first 72 h) and never so
  late that the ice would still be on after waking hours end;
- contrast, routine and custom: at clock times on chosen weekdays (a contrast
  session, like the ice, must be over before waking hours end).

``check_rule`` applies the protocol bounds: a hard limit refuses the rule with
the reason, a value outside the usual range asks for confirmation.

The modules, by topic:

- ``rules``: ``Kind``, ``ReminderRule`` and its schedule in words;
- ``waking``: ``WakingHours``, ``WakingWeek`` (``Waking`` is either);
- ``schedule``: ``day_times``, ``occurrences``, ``next_fire``, ``due`` (catching up);
- ``checks``: ``check_rule`` and the checks for each kind;
- ``timeline``: the day's view (its ``timeline``, asked for from the module: the
  package's attribute of that name is the module), the reminders after an activity,
  water pace.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from companion.domain.reminders.checks import (
        ICING_WINDOW_USUAL_H,
        RuleReview,
        check_rule,
    )
    from companion.domain.reminders.rules import (
        ALL_DAYS,
        CONTRAST_SESSION_MIN,
        MAX_MESSAGE,
        MAX_TITLE,
        SNOOZE_DEFAULT_MIN,
        Kind,
        ReminderRule,
        session_min,
    )
    from companion.domain.reminders.schedule import (
        CATCH_UP_DAYS,
        SEARCH_DAYS,
        Due,
        day_times,
        due,
        fits,
        next_fire,
        occurrences,
    )
    from companion.domain.reminders.timeline import (
        ACTIVITY_ROUTINES,
        AFTER_WATER_ML,
        Pace,
        backs_off,
        daily_goal_ml,
        pace,
        recovery_timeline,
    )
    from companion.domain.reminders.waking import (
        DAY_NAMES,
        MIN_WAKING_H,
        Waking,
        WakingHours,
        WakingWeek,
    )

# Each name is imported from its module the first time it is asked for (PEP 562): the
# preferences, read at every start, need only ``waking``, and an app with no reminder
# on needs neither the schedule, the checks nor the timeline until one is.
_MODULE_OF = {
    "ICING_WINDOW_USUAL_H": "checks",
    "RuleReview": "checks",
    "check_rule": "checks",
    "ALL_DAYS": "rules",
    "CONTRAST_SESSION_MIN": "rules",
    "MAX_MESSAGE": "rules",
    "MAX_TITLE": "rules",
    "SNOOZE_DEFAULT_MIN": "rules",
    "Kind": "rules",
    "ReminderRule": "rules",
    "session_min": "rules",
    "CATCH_UP_DAYS": "schedule",
    "SEARCH_DAYS": "schedule",
    "Due": "schedule",
    "day_times": "schedule",
    "due": "schedule",
    "fits": "schedule",
    "next_fire": "schedule",
    "occurrences": "schedule",
    "ACTIVITY_ROUTINES": "timeline",
    "AFTER_WATER_ML": "timeline",
    "Pace": "timeline",
    "backs_off": "timeline",
    "daily_goal_ml": "timeline",
    "pace": "timeline",
    "recovery_timeline": "timeline",
    "DAY_NAMES": "waking",
    "MIN_WAKING_H": "waking",
    "Waking": "waking",
    "WakingHours": "waking",
    "WakingWeek": "waking",
}


# Each module by a literal name (no import of a computed name anywhere in the app).
_LOADERS: dict[str, Callable[[], ModuleType]] = {
    "checks": lambda: importlib.import_module("companion.domain.reminders.checks"),
    "rules": lambda: importlib.import_module("companion.domain.reminders.rules"),
    "schedule": lambda: importlib.import_module("companion.domain.reminders.schedule"),
    "timeline": lambda: importlib.import_module("companion.domain.reminders.timeline"),
    "waking": lambda: importlib.import_module("companion.domain.reminders.waking"),
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_LOADERS[module](), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "ACTIVITY_ROUTINES",
    "AFTER_WATER_ML",
    "ALL_DAYS",
    "CATCH_UP_DAYS",
    "CONTRAST_SESSION_MIN",
    "DAY_NAMES",
    "ICING_WINDOW_USUAL_H",
    "MAX_MESSAGE",
    "MAX_TITLE",
    "MIN_WAKING_H",
    "SEARCH_DAYS",
    "SNOOZE_DEFAULT_MIN",
    "Due",
    "Kind",
    "Pace",
    "ReminderRule",
    "RuleReview",
    "Waking",
    "WakingHours",
    "WakingWeek",
    "backs_off",
    "check_rule",
    "daily_goal_ml",
    "day_times",
    "due",
    "fits",
    "next_fire",
    "occurrences",
    "pace",
    "recovery_timeline",
    "session_min",
]
