"""A reminder added, changed or removed from outside the window (the command line, or
the running app answering it over IPC): the request as plain JSON-ready fields, made
into a rule and put through the very checks the editor uses (``ReminderService.check``,
that is ``check_rule``), then saved by the caller (``ReminderService`` or the running
app's reminder center, which reschedules). No Qt here.

Fields of a request, each optional except ``kind`` for an addition:
``kind``, ``title``, ``every_min``, ``amount_ml``, ``daily_goal_ml``, ``times``
("HH:MM" strings), ``weekdays`` (0 is Monday), ``on_min``, ``region`` (a region group),
``side`` (icing a paired region: "left", "right" or "both"), ``hours`` (icing: the
window, from now; 0 for none), ``routine_id``, ``message``, ``enabled``. A field left
out keeps the stored rule's value (or the editor's default for a new rule).

What the user must choose themselves (``missing_choices``: where to ice, and which leg)
is asked here once, for the editor and for these requests alike.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from companion.domain.clock import later
from companion.domain.reminders import ALL_DAYS, Kind, ReminderRule
from companion.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from companion.services.reminders import ReminderService

# The editor's defaults for a new rule (ui/reminders/editor.py; PROTOCOLS 1.2).
DEFAULT_EVERY = {Kind.HYDRATION: 90, Kind.ICING: 120}
DEFAULT_AMOUNT_ML = 250
DEFAULT_GOAL_ML = 2000
DEFAULT_ICE_ON_MIN = 15
DEFAULT_ICING_WINDOW_H = 72
FIELDS = (
    "kind",
    "title",
    "every_min",
    "amount_ml",
    "daily_goal_ml",
    "times",
    "weekdays",
    "on_min",
    "region",
    "side",
    "hours",
    "routine_id",
    "message",
    "enabled",
)


SIDES = ("left", "right", "both")  # an icing rule's extra["side"]
# English; the editor shows them translated (QCoreApplication.translate("ReminderEditor", ...)).
CHOOSE_REGION = QT_TRANSLATE_NOOP("ReminderEditor", "Choose where to ice.")
CHOOSE_SIDE = QT_TRANSLATE_NOOP("ReminderEditor", "Choose which leg to ice.")


def missing_choices(rule: ReminderRule, paired: Collection[str] | None = None) -> list[str]:
    """What the user still has to choose for ``rule`` (nothing is picked for them): an
    icing rule's region, then, for a region with a left and a right (a group in
    ``paired``; every group when ``paired`` is None), which leg."""
    if rule.kind is not Kind.ICING:
        return []
    if not rule.region:
        return [CHOOSE_REGION]
    needs_side = paired is None or rule.region in paired
    if needs_side and rule.extra.get("side") not in SIDES:
        return [CHOOSE_SIDE]
    return []


def _regions() -> tuple[dict[str, str], set[str]]:
    """The region groups by name, and those with a left and a right (the content's)."""
    from companion.resources import load_regions  # noqa: PLC0415 - only for an icing rule

    catalog = load_regions()
    return catalog.group_labels(), {r.group for r in catalog if r.paired}


def _where(rule: ReminderRule) -> str:
    """Why an icing rule cannot be saved as it is (its region and leg), or ""."""
    if rule.kind is not Kind.ICING:
        return ""
    groups, paired = _regions()
    if rule.region and rule.region not in groups:
        return f"{rule.region!r} is not a region group; use one of {', '.join(groups)}."
    missing = missing_choices(rule, paired)
    if missing == [CHOOSE_REGION]:
        return f"{CHOOSE_REGION} Say which region with --region, e.g. --region calves."
    if missing == [CHOOSE_SIDE]:
        return f"{CHOOSE_SIDE} Say which with --side left, right or both."
    return ""


@dataclass(frozen=True)
class Prepared:
    """A rule ready to save, or why not: ``refused`` (a hard limit, or a request that
    makes no sense) or ``to_confirm`` (outside the usual range, not confirmed)."""

    rule: ReminderRule | None
    refused: str = ""
    to_confirm: str = ""

    @property
    def ready(self) -> bool:
        return self.rule is not None and not self.refused and not self.to_confirm


def _int(fields: dict[str, Any], name: str) -> int | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}.")
    return value


def _times(value: Any) -> tuple[time, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError("times must be a list of HH:MM times.")
    found = []
    for text in value:
        try:
            found.append(time.fromisoformat(str(text)))
        except ValueError:
            raise ValueError(f"{text!r} is not a time of day (HH:MM, e.g. 18:30).") from None
    return tuple(sorted(found))


def _weekdays(value: Any) -> frozenset[int]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(d, int) and not isinstance(d, bool) for d in value
    ):
        raise ValueError("weekdays must be a list of day numbers (0 is Monday).")
    return frozenset(value)


def new_rule(kind: Kind) -> ReminderRule:
    """A new rule of ``kind`` with the editor's defaults (its name is the kind's)."""
    rule = ReminderRule(kind, kind.label)
    if kind is Kind.HYDRATION:
        return replace(
            rule,
            every_min=DEFAULT_EVERY[kind],
            amount_ml=DEFAULT_AMOUNT_ML,
            daily_goal_ml=DEFAULT_GOAL_ML,
        )
    if kind is Kind.ICING:
        return replace(rule, every_min=DEFAULT_EVERY[kind], on_min=DEFAULT_ICE_ON_MIN)
    return rule


def _window(rule: ReminderRule, hours: int | None, now: datetime) -> dict[str, Any]:
    """Icing: the window's start and end for ``hours`` from its start (now, for a new one)."""
    if rule.kind is not Kind.ICING:
        if hours is not None:
            raise ValueError("Only an icing reminder has a window in hours.")
        return {}
    if hours is None and rule.id is None:
        hours = DEFAULT_ICING_WINDOW_H
    if hours is None:
        return {}
    if hours < 0:
        raise ValueError("The icing window must be 0 hours (no end) or more.")
    starts = rule.starts or now
    if not hours:
        return {"starts": None, "ends": None}
    return {"starts": starts, "ends": later(starts, timedelta(hours=hours))}


def apply_fields(rule: ReminderRule, fields: dict[str, Any], now: datetime) -> ReminderRule:
    """``rule`` with the request's fields; ValueError (a sentence) for a field that is
    not one. Limits are not judged here: that is ``check_rule``'s."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown reminder fields: {', '.join(sorted(unknown))}.")
    changes: dict[str, Any] = {}
    if fields.get("title") is not None:
        changes["title"] = str(fields["title"]).strip()
    for name in ("every_min", "amount_ml", "daily_goal_ml", "on_min"):
        number = _int(fields, name)
        if number is not None:
            changes[name] = number
    if fields.get("times") is not None:
        changes["times"] = _times(fields["times"])
    if fields.get("weekdays") is not None:
        changes["weekdays"] = _weekdays(fields["weekdays"])
    for name in ("region", "routine_id", "message"):
        if fields.get(name) is not None:
            changes[name] = str(fields[name]).strip()
    if fields.get("enabled") is not None:
        changes["enabled"] = fields["enabled"] is True
    if fields.get("side") is not None:
        if rule.kind is not Kind.ICING or fields["side"] not in SIDES:
            raise ValueError("Only an icing reminder has a side: left, right or both.")
        changes["extra"] = {**rule.extra, "side": fields["side"]}
    changes.update(_window(rule, _int(fields, "hours"), now))
    if rule.kind.by_interval:
        changes["weekdays"] = ALL_DAYS  # as the editor: interval reminders run every day
    return replace(rule, **changes)


def _base(
    service: ReminderService, fields: dict[str, Any], rule_id: int | None
) -> ReminderRule | str:
    """The rule a request starts from (a new one, or the stored one), or why there is none."""
    if rule_id is None:
        try:
            return new_rule(Kind(str(fields.get("kind", ""))))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            return f"No reminder kind {fields.get('kind')!r}; choose {known}."
    stored = service.get(rule_id)
    if stored is None:
        return f"There is no reminder {rule_id}."
    if fields.get("kind") not in (None, stored.kind.value):
        return "A reminder keeps its kind; add a new one instead."
    return stored


def prepare(
    service: ReminderService,
    fields: dict[str, Any],
    rule_id: int | None = None,
    *,
    confirmed: bool = False,
) -> Prepared:
    """The rule a request makes (a new one, or ``rule_id`` changed), checked as the
    editor checks it: a hard limit refuses it, a value outside the usual range needs
    ``confirmed``. A switched-off rule is checked when it is switched on."""
    now = service.clock.now()
    base = _base(service, fields, rule_id)
    if isinstance(base, str):
        return Prepared(None, base)
    try:
        rule = apply_fields(base, {k: v for k, v in fields.items() if k != "kind"}, now)
    except ValueError as exc:
        return Prepared(None, str(exc))
    where = _where(rule)  # the editor cannot save these either, on or off
    if where or not rule.enabled:
        return Prepared(rule, refused=where)
    review = service.check(rule)
    if review.refused:
        return Prepared(rule, refused=" ".join(review.refused))
    if review.to_confirm and not confirmed:
        return Prepared(rule, to_confirm=" ".join(review.to_confirm))
    return Prepared(rule)


ACTIONS = ("add", "set", "remove")


def _malformed(action: object, rule_id: object, fields: object) -> str:
    """What is wrong with a request's shape, or ""."""
    if action not in ACTIONS:
        return f"{action!r} is not add, set or remove."
    if action != "add" and (isinstance(rule_id, bool) or not isinstance(rule_id, int)):
        return "Say which reminder, by its number."
    if not isinstance(fields, dict):
        return "A reminder's fields must be a table."
    return ""


def _remove(
    service: ReminderService, rule_id: int, delete: Callable[[int], object]
) -> dict[str, Any]:
    stored = service.get(rule_id)
    if stored is None:
        return {"ok": False, "error": f"There is no reminder {rule_id}."}
    delete(rule_id)
    return {
        "ok": True,
        "id": rule_id,
        "said": f"Removed reminder {rule_id}, “{stored.title}”. "
        "What it reminded you of stays in your history.",
    }


def run_request(
    service: ReminderService,
    message: dict[str, Any],
    save: Callable[[ReminderRule], ReminderRule],
    delete: Callable[[int], object],
) -> dict[str, Any]:
    """One ``edit-reminder`` request (``action``, ``id``, ``fields``, ``confirmed``), its
    reply as the IPC sends it. ``save`` and ``delete`` are the service's own, or the
    running app's reminder center's (which reschedules after them)."""
    action, rule_id = message.get("action"), message.get("id")
    fields = message.get("fields", {})
    malformed = _malformed(action, rule_id, fields)
    if malformed:
        return {"ok": False, "error": malformed}
    assert isinstance(fields, dict)
    if action == "remove":
        assert isinstance(rule_id, int)
        return _remove(service, rule_id, delete)
    prepared = prepare(
        service,
        fields,
        rule_id if action == "set" else None,
        confirmed=message.get("confirmed") is True,
    )
    if prepared.refused:
        return {"ok": False, "error": f"Not saved: {prepared.refused}"}
    if prepared.to_confirm:
        return {
            "ok": False,
            "confirm": True,
            "error": f"Not saved: {prepared.to_confirm} To keep it, run it again with --yes.",
        }
    assert prepared.rule is not None
    saved = save(prepared.rule)
    verb = "Added" if action == "add" else "Changed"
    return {
        "ok": True,
        "id": saved.id,
        "said": f"{verb} reminder {saved.id}, {describe(service, saved)}",
    }


def describe(service: ReminderService, rule: ReminderRule) -> str:
    """“Water”: every 1 h 30 min while awake; next today 14:30."""
    from companion.domain.reminders import next_fire  # noqa: PLC0415

    text = f"“{rule.title}”: {rule.describe_schedule()}"
    if not rule.enabled:
        return f"{text}; switched off."
    now = service.now()
    when = next_fire(rule, now, service.zone, service.waking(), service.pause.state.paused_until)
    return f"{text}; next {when_words(when, now)}."


def when_words(moment: datetime | None, now: datetime) -> str:
    """ "today 14:30", "tomorrow 07:00", "Wed 09 Dec 07:00", or "none to come"."""
    if moment is None:
        return "none to come"
    moment = moment.astimezone(now.tzinfo)
    days = (moment.date() - now.date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"{moment:%a %d %b}"
    return f"{day} {moment:%H:%M}"


class _ReminderCenter(Protocol):
    """What the running app's reminder center offers (ui/reminders/center.py)."""

    @property
    def service(self) -> ReminderService: ...

    def save_rule(self, rule: ReminderRule) -> ReminderRule: ...

    def delete_rule(self, rule_id: int) -> None: ...


def edit_running(center: _ReminderCenter, message: dict[str, Any]) -> dict[str, Any]:
    """The running app's answer to ``edit-reminder``: saved through its reminder center,
    so the schedule follows at once."""
    return run_request(center.service, message, center.save_rule, center.delete_rule)
