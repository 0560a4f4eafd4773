"""Fuzzing what comes in from files: routine files, stored preferences, content files.

Every malformed input is refused with the project's own error and a message naming
the problem (never a KeyError, TypeError, RecursionError or MemoryError from deep
inside), and a refusal leaves what is already stored exactly as it was (a dump of
every table of a real SQLite file before and after). Inputs that are accepted are
checked against the same rules the app applies when a person types them.

The command line has its own fuzz tests in test_fuzz_cli.py; helpers/fuzz.py has
the settings (same examples every CI run; ``COMPANION_FUZZ=deep`` explores).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, time
from enum import Enum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from companion.domain.conditions import parse_conditions
from companion.domain.content import ContentError
from companion.domain.custom_routines import (
    FORMAT,
    MAX_FILE_BYTES,
    MAX_STEPS,
    RoutineFileError,
    from_file,
    review,
)
from companion.domain.equipment import Equipment
from companion.domain.exercises import ExerciseLibrary, parse_exercises
from companion.domain.guide import parse_guide
from companion.domain.poses import parse_poses
from companion.domain.preferences import (
    Preferences,
    ReminderStyle,
    ThemeChoice,
    check_change,
    read_preferences,
)
from companion.domain.protocols import Check, ProtocolBounds, Verdict, parse_protocols
from companion.domain.regions import parse_regions
from companion.domain.reminders import DAY_NAMES, WakingHours, WakingWeek
from companion.domain.routines import parse_routines
from companion.domain.triage import parse_triage
from companion.domain.units import TemperatureUnit, Units, VolumeUnit
from companion.resources import (
    content_path,
    load_conditions,
    load_exercises,
    load_guide,
    load_poses,
    load_protocols,
    load_regions,
    load_routines,
    load_triage,
    read_toml,
)
from companion.services.routines import RoutineLibrary
from companion.storage.database import Database, open_database
from companion.storage.preferences import KEY, PreferencesRepository
from companion.storage.user_routines import UserRoutineRepository
from tests.helpers.fuzz import JSON, NUMBERS, TEXT, dump, fuzz, nested, outcome
from tests.storage.test_export import fill

PREFERENCE_KEYS = tuple(field.name for field in dataclasses.fields(Preferences))
UTC = ZoneInfo("UTC")


@pytest.fixture(scope="module")
def bounds() -> ProtocolBounds:
    return load_protocols()


@pytest.fixture(scope="module")
def library(bounds: ProtocolBounds) -> ExerciseLibrary:
    return load_exercises(protocols=bounds)


@pytest.fixture
def db(data_dir: Path, clock) -> Iterator[Database]:
    """A real database in the test's data folder, with a bit of everything in it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(data_dir / "companion.db", clock.now()).database
    fill(database, clock)
    yield database
    database.close()


# == routine files (docs/routine-json.md) =====================================================
LIBRARY_IDS = sorted(e.id for e in load_exercises())


def _steps() -> st.SearchStrategy[dict[str, Any]]:
    """A step the app would accept: an exercise with its own usual dose."""
    library = load_exercises()
    return st.sampled_from(LIBRARY_IDS).map(
        lambda eid: {
            "exercise": eid,
            "seconds": library.get(eid).dose.seconds,
            "reps": library.get(eid).dose.reps,
        }
    )


GOOD_FILES = st.fixed_dictionaries(
    {
        "format": st.just(FORMAT),
        "version": st.just(1),
        "name": st.text(st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=40),
        "description": st.text(max_size=60),
        "steps": st.lists(_steps(), min_size=1, max_size=4),
    }
)
# Values of the wrong kind, or of the right kind and absurd.
WRONG: st.SearchStrategy[Any] = st.one_of(
    JSON,
    NUMBERS,
    st.sampled_from(["calf_rol", "CALF_ROLL", " calf_roll", "../../etc", "mine-1", ""]),
    st.integers(min_value=MAX_STEPS + 1, max_value=500).map(lambda n: [{}] * n),
)


@st.composite
def damaged_files(draw: st.DrawFn) -> dict[str, Any]:
    """A good routine file with one to three things wrong with it."""
    document: dict[str, Any] = draw(GOOD_FILES)
    for _ in range(draw(st.integers(1, 3))):
        steps = document.get("steps")
        target: dict[str, Any] = document
        if isinstance(steps, list) and steps and isinstance(steps[0], dict) and draw(st.booleans()):
            target = draw(st.sampled_from(steps))
        keys = sorted(target) or ["name"]
        action = draw(st.sampled_from(["drop", "wrong", "extra", "many", "dose", "nest"]))
        key = draw(st.sampled_from(keys))
        if action == "drop":
            target.pop(key, None)
        elif action == "wrong":
            target[key] = draw(WRONG)
        elif action == "extra":
            target[draw(TEXT)] = draw(JSON)
        elif action == "many" and isinstance(steps, list) and steps:
            document["steps"] = steps * draw(st.integers(2, 40))
        elif action == "dose":
            target[draw(st.sampled_from(["seconds", "reps"]))] = draw(NUMBERS)
        else:
            target[key] = json.loads(nested(draw(st.integers(1, 200)), "{}"))
    return document


def _with_number(document: dict[str, Any], digits: int) -> str:
    text = json.dumps(document)
    return re.sub(r'"seconds": \d+', f'"seconds": {"9" * digits}', text, count=1)


ROUTINE_TEXTS = st.one_of(
    GOOD_FILES.map(json.dumps),
    damaged_files().map(json.dumps),  # NaN and Infinity come out as Python's json writes them
    JSON.map(json.dumps),
    st.text(max_size=200),
    st.builds(_with_number, GOOD_FILES, st.sampled_from([400, 4300, 4301, 10_000])),
    st.sampled_from(
        [
            nested(100_000),  # deep nesting: past the parser's recursion limit
            '{"format": "recovery-companion-routine", "version": 1, "name": "\\ud800"}',
            '{"format": "recovery-companion-routine", "version": true}',
            '{"format": "recovery-companion-routine", "version": 1.0}',
            "\ufeff{}",
            " " * (MAX_FILE_BYTES + 1),
        ]
    ),
)

HUGE_REPS = json.dumps(
    {
        "format": FORMAT,
        "version": 1,
        "name": "Calves",
        "steps": [{"exercise": "calf_roll", "seconds": 60, "reps": 10**9}],
    }
)
SURROGATE_NAME = (
    '{"format": "recovery-companion-routine", "version": 1, "name": "Calves \\udc80", '
    '"steps": [{"exercise": "calf_roll", "seconds": 60, "reps": 1}]}'
)


def _clean_label(text: str) -> bool:
    return text == text.strip() and not re.search(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", text)


@fuzz(300)
@given(text=ROUTINE_TEXTS)
@example(text=nested(100_000)).via("RecursionError escaped from json.loads")
@example(text="1" * 5000).via("ValueError: integer string conversion limit")
@example(text=HUGE_REPS).via("review() built a billion-step timeline: MemoryError")
@example(text=HUGE_REPS.replace("1000000000", "9" * 400)).via("OverflowError in Bound.check")
@example(text=SURROGATE_NAME).via("a name that SQLite cannot store as UTF-8")
def test_a_routine_file_is_read_by_the_editor_s_rules_or_refused_with_why(
    text: str, library: ExerciseLibrary, bounds: ProtocolBounds
) -> None:
    draft, refused = outcome(lambda: from_file(text, library, bounds), RoutineFileError)
    if refused is not None:
        assert str(refused).strip()
        return
    assert draft is not None
    assert review(draft, library, bounds).ok  # the editor would save it as it is
    assert 1 <= len(draft.steps) <= MAX_STEPS
    assert _clean_label(draft.name)
    assert _clean_label(draft.description)
    draft.name.encode("utf-8")  # storable
    draft.description.encode("utf-8")


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8


ROUTINE_BYTES = st.one_of(
    ROUTINE_TEXTS.map(_encoded),
    st.binary(max_size=200),
    GOOD_FILES.map(lambda d: json.dumps(d).encode()).flatmap(
        lambda raw: st.integers(0, len(raw)).map(lambda i: raw[:i] + b"\xff\xfe" + raw[i:])
    ),
)


@pytest.fixture
def importer(db: Database, library: ExerciseLibrary, bounds: ProtocolBounds, clock, tmp_path):
    """The GUI's import action (UserRoutines.import_file) on a real database, with the
    file chooser answering one path and the message box recording what it would say."""
    from companion.ui.routines.mine import UserRoutines  # a QObject; no window

    told: list[tuple[str, str]] = []
    found = RoutineLibrary(
        UserRoutineRepository(db),
        load_routines(library=library, protocols=bounds),
        library,
        clock=clock,
    )
    actions = UserRoutines(found, regions=load_regions(), bounds=bounds, window=lambda: None)
    path = tmp_path / "routine.json"
    actions.ask_open_path = lambda: str(path)  # type: ignore[method-assign]
    actions.tell = lambda title, text: told.append((title, text))  # type: ignore[method-assign]
    return actions, path, told


@fuzz(150)
@given(content=ROUTINE_BYTES)
@example(content=_encoded(SURROGATE_NAME)).via("UnicodeEncodeError from SQLite after import")
def test_importing_a_routine_file_adds_one_valid_routine_or_changes_nothing(
    content: bytes, importer, db: Database, library: ExerciseLibrary, bounds: ProtocolBounds
) -> None:
    actions, path, told = importer
    path.write_bytes(content)
    told.clear()
    before = dump(db.conn)
    actions.import_file()
    after = dump(db.conn)
    [(title, message)] = told
    if title == "Could not import":
        assert after == before
        assert message.startswith("routine.json ")
        assert message.endswith("Nothing was changed.") or "is not a text file" in message
        return
    assert title == "Imported"
    added = [row for row in after["user_routines"] if row not in before["user_routines"]]
    assert len(added) == 1
    assert {k: v for k, v in after.items() if k != "user_routines"} == {
        k: v for k, v in before.items() if k != "user_routines"
    }
    stored = UserRoutineRepository(db).get(added[0][1])
    assert stored is not None
    assert review(stored, library, bounds).ok


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_file_that_never_ends_is_refused_without_reading_it_all(importer, db, monkeypatch):
    """/dev/zero reports a size of 0; the import reads no more than its limit."""
    actions, _, told = importer
    before = dump(db.conn)
    monkeypatch.setattr(actions, "ask_open_path", lambda: "/dev/zero")
    actions.import_file()
    [(title, message)] = told
    assert title == "Could not import"
    assert "larger than 256 KB" in message
    assert dump(db.conn) == before


# == preferences (domain/preferences.py, storage/preferences.py) ==============================
TIME_TEXTS = st.one_of(
    st.times().map(time.isoformat),
    st.times(timezones=st.just(UTC)).map(time.isoformat),
    st.sampled_from(["07:00", "22:00", "7:00", "24:00", "07:00+05:00", "", "noon", "23:59:59.5"]),
    JSON,
)
WAKING_VALUES = st.one_of(
    st.fixed_dictionaries({"start": TIME_TEXTS, "end": TIME_TEXTS}),
    st.lists(
        st.fixed_dictionaries({"start": TIME_TEXTS, "end": TIME_TEXTS}), min_size=6, max_size=8
    ),
    st.lists(JSON, min_size=7, max_size=7),
    JSON,
)
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "units": st.fixed_dictionaries(
        {"volume": st.one_of(st.sampled_from(["ml", "fl_oz", "ML"]), JSON)},
        optional={"temperature": st.one_of(st.sampled_from(["c", "f"]), JSON)},
    ),
    "waking": WAKING_VALUES,
    "water_goal_ml": NUMBERS,
    "sounds": JSON,
    "voice": JSON,
    "volume": st.one_of(st.integers(-5, 105), NUMBERS),
    "theme": st.one_of(st.sampled_from(["dark", "light", "system", "DARK"]), JSON),
    "emergency_number": st.one_of(st.sampled_from(["112", "+44999", " 911 ", "call 999"]), TEXT),
    "equipment": st.one_of(
        st.lists(st.sampled_from([*(e.value for e in Equipment), "laser"]), max_size=4), JSON
    ),
    "reminders_as": st.one_of(st.sampled_from(["desktop", "window", "popup", "DESKTOP"]), JSON),
    "watch_folder": st.one_of(st.sampled_from(["", "/media/watch", "relative/dir", "~"]), JSON),
}


@st.composite
def preference_documents(draw: st.DrawFn) -> Any:
    """A stored document: the real shape with some keys damaged, or anything at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(JSON)
    document: dict[str, Any] = Preferences().to_dict()
    for key in draw(st.lists(st.sampled_from(sorted(FIELD_VALUES)), max_size=4, unique=True)):
        document[key] = draw(FIELD_VALUES[key])
    # Mostly this version's schema; sometimes a newer one, sometimes nonsense.
    document["schema"] = draw(st.one_of(st.just(1), st.just(1), st.just(2), JSON))
    if draw(st.booleans()):
        document.pop(draw(st.sampled_from(sorted(FIELD_VALUES))), None)
    return document


def _usable(preferences: Preferences, bounds: ProtocolBounds) -> None:
    """What the rest of the app does with loaded preferences works."""
    preferences.water_goal_l(bounds)
    preferences.waking.describe()
    for hour in (3, 12, 23):
        preferences.waking.contains(datetime(2026, 6, 15, hour, tzinfo=UTC))
    json.dumps(preferences.to_dict())


@fuzz(300)
@given(document=preference_documents())
@example(document={"schema": 1, "water_goal_ml": 10**400}).via("OverflowError: ml / 1000")
@example(document={"schema": 1, "waking": {"start": "07:00+05:00", "end": "23:00+05:00"}}).via(
    "aware times loaded, then 'can't compare offset-naive and offset-aware times'"
)
@example(document={"schema": 1, "waking": {"start": "00:00", "end": "04:00:00.000001"}}).via(
    "seconds kept on load and dropped on save: saving changed the hours"
)
def test_any_stored_preferences_document_loads_key_by_key(
    document: Any, bounds: ProtocolBounds
) -> None:
    loaded = read_preferences(document, bounds)
    preferences = loaded.preferences
    named = {problem.split(":")[0] for problem in loaded.problems}
    assert named <= {*PREFERENCE_KEYS, "preferences", "schema"}
    assert check_change(bounds, **vars(preferences)).verdict is not Verdict.REFUSE
    _usable(preferences, bounds)
    again = read_preferences(preferences.to_dict(), bounds)  # what a save writes reads back
    assert (again.preferences, again.problems) == (preferences, ())
    early = read_preferences(document, None)  # at start-up, before the limits are loaded
    _usable(early.preferences, bounds)


@fuzz(100)
@given(
    legacy=st.dictionaries(st.sampled_from(["emergency_number", "reminders.waking_hours"]), JSON)
)
def test_any_legacy_keys_load(legacy: dict[str, Any], bounds: ProtocolBounds) -> None:
    loaded = read_preferences(None, bounds, legacy)
    _usable(loaded.preferences, bounds)


RAW_STORED = st.one_of(
    preference_documents().map(json.dumps),
    st.text(max_size=100).filter(lambda t: not re.search("[\ud800-\udfff]", t)),
    st.binary(max_size=50),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),  # what SQLite can hold
    st.sampled_from([nested(100_000), "9" * 5000, "", "null", "NaN", '{"schema": 1']),
)


@fuzz(150)
@given(raw=RAW_STORED)
@example(raw=nested(100_000)).via("RecursionError in SettingsRepository.get")
@example(raw="9" * 5000).via("ValueError: integer string conversion limit")
def test_whatever_the_settings_table_holds_the_preferences_load(
    raw: Any, db: Database, bounds: ProtocolBounds
) -> None:
    with db.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
            (KEY, raw, "2026-06-15T09:00:00+00:00"),
        )
    loaded = PreferencesRepository(db).load(bounds)
    _usable(loaded.preferences, bounds)


def _aware_week() -> WakingWeek:
    offset = ZoneInfo("Asia/Kolkata")
    return WakingWeek.every_day(WakingHours(time(7, tzinfo=offset), time(22, tzinfo=offset)))


# Values a caller might pass for a preference: right, wrong kind, or right kind and absurd.
CHANGE_VALUES = st.one_of(
    JSON,
    st.builds(Units, st.sampled_from(VolumeUnit), st.sampled_from(TemperatureUnit)),
    st.builds(Units, JSON, JSON),
    st.sampled_from(
        [
            WakingWeek(),
            WakingWeek.every_day(WakingHours(time(9), time(10))),
            _aware_week(),
            Preferences(),
            ThemeChoice.DARK,
            frozenset({Equipment.BALL}),
            frozenset({"ball"}),
            frozenset(),
            {"ball"},
            b"112",
        ]
    ),
)


_HOURS = st.tuples(st.integers(0, 23), st.integers(0, 23)).map(
    lambda pair: WakingHours(time(min(pair)), time(max(pair), 59))
)
# Values of the right kind, inside or outside the rules.
GOOD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "units": st.builds(Units, st.sampled_from(VolumeUnit), st.sampled_from(TemperatureUnit)),
    "waking": st.one_of(
        _HOURS.map(WakingWeek.every_day),
        st.lists(_HOURS, min_size=7, max_size=7).map(lambda days: WakingWeek(tuple(days))),
    ),
    "water_goal_ml": st.one_of(st.none(), st.integers(-100, 10_000)),
    "sounds": st.booleans(),
    "voice": st.booleans(),
    "volume": st.integers(-10, 110),
    "theme": st.sampled_from(ThemeChoice),
    "emergency_number": st.one_of(st.from_regex(r"\+?[0-9]{1,16}", fullmatch=True), TEXT),
    "equipment": st.one_of(st.none(), st.frozensets(st.sampled_from(Equipment))),
    "reminders_as": st.sampled_from(ReminderStyle),
    "watch_folder": st.one_of(st.just(""), st.sampled_from(["/tmp", "/no/such/folder"]), TEXT),
}
# (key, value): a value for that preference, of the right kind or not.
CHANGES = st.sampled_from(PREFERENCE_KEYS).flatmap(
    lambda key: st.tuples(
        st.just(key), st.one_of(GOOD_VALUES[key], CHANGE_VALUES, FIELD_VALUES[key])
    )
)


@fuzz(300)
@given(change=CHANGES)
@example(change=("water_goal_ml", 10**400)).via("OverflowError from a huge goal")
@example(change=("volume", "50")).via("TypeError: '<=' between int and str")
@example(change=("waking", [])).via("AttributeError: no .days")
@example(change=("waking", _aware_week())).via("aware times: compared later, TypeError")
def test_check_change_answers_any_value_with_a_check(
    change: tuple[str, Any], bounds: ProtocolBounds
) -> None:
    key, value = change
    check = check_change(bounds, **{key: value})
    assert isinstance(check, Check)
    if check.verdict is Verdict.REFUSE:
        assert check.reason.strip()


@fuzz(50)
@given(key=TEXT.filter(lambda k: k not in PREFERENCE_KEYS), value=JSON)
def test_an_unknown_preference_is_a_key_error_naming_it(
    key: str, value: Any, bounds: ProtocolBounds
) -> None:
    with pytest.raises(KeyError, match="no preference called"):
        check_change(bounds, **{key: value})


STORED = Preferences(
    units=Units(VolumeUnit.FLUID_OUNCES, TemperatureUnit.FAHRENHEIT),
    water_goal_ml=2500,
    sounds=False,
    volume=35,
    theme=ThemeChoice.DARK,
    emergency_number="999",
    equipment=frozenset({Equipment.BALL, Equipment.STRAP}),
)


@fuzz(200)
@given(values=st.lists(CHANGES, min_size=1, max_size=3).map(dict))
@example(values={"sounds": "banana"}).via("check_change said OK to text; the model saved it")
@example(values={"emergency_number": "00 "}).via("saved with its space, read back without")
@example(values={"water_goal_ml": 500, "volume": 10**20}).via(
    "the goal's question hid the volume's refusal, and confirming saved both"
)
def test_a_refused_change_leaves_the_stored_preferences_as_they_were(
    values: dict[str, Any], db: Database, bounds: ProtocolBounds, clock
) -> None:
    from companion.services.settings import SettingsService
    from companion.ui.settings.preferences import PreferencesModel  # a QObject; no window

    repo = PreferencesRepository(db)
    repo.save(STORED, clock.now())  # every example starts from the same stored choices
    model = PreferencesModel(SettingsService(repo, lambda: bounds, clock))
    for action in (model.request, model.confirm):
        before, current = dump(db.conn), model.current
        check = action(**values)
        if check.verdict is not Verdict.OK:
            assert (dump(db.conn), model.current) == (before, current), check
            continue
        loaded = repo.load(bounds)  # what was saved reads back as what the app now uses
        assert (loaded.preferences, loaded.problems) == (model.current, ())


@fuzz(200)
@given(value=WAKING_VALUES)
@example(value={"start": "07:00+05:00", "end": "23:00+05:00"}).via("aware times accepted")
def test_waking_hours_parse_or_name_the_day(value: Any) -> None:
    try:
        week = WakingWeek.parse(value)
    except ValueError as exc:
        message = str(exc)
        assert message.startswith(("waking hours must list", "every day:", *DAY_NAMES)), message
        return
    assert all(h.start.tzinfo is None and h.end.tzinfo is None for h in week.days)
    week.describe()
    week.contains(datetime(2026, 6, 15, 12, tzinfo=UTC))
    assert WakingWeek.parse(week.to_list()).to_list() == week.to_list()


# == content files (resources/content/*.toml) ==================================================
def _parsers() -> dict[str, Callable[[Mapping[str, Any]], object]]:
    regions, protocols = load_regions(), load_protocols()
    library = load_exercises(regions=regions, protocols=protocols)
    ids = {e.id for e in library}
    return {
        "regions": lambda d: parse_regions(d, "regions.toml"),
        "protocols": lambda d: parse_protocols(d, "protocols.toml"),
        "triage": lambda d: parse_triage(d, "triage.toml"),
        "conditions": lambda d: parse_conditions(d, "conditions.toml"),
        "exercises": lambda d: parse_exercises(d, "exercises.toml", regions, protocols),
        "routines": lambda d: parse_routines(d, "routines.toml", library, protocols),
        "poses": lambda d: parse_poses(d, "poses.toml", ids),
        "guide": lambda d: parse_guide(d, "guide.toml"),
    }


PARSERS = _parsers()
ORIGINALS = {name: read_toml(content_path(name)) for name in PARSERS}


def _places(node: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a parsed file, as keys and list indexes."""
    if where:
        yield where
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*where, index))


PLACES = {name: list(_places(data)) for name, data in ORIGINALS.items()}
# Whatever TOML can hold: every type, and numbers TOML allows that no content should.
TOML_VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "frnt", "calf_roll", "each", "never", "allowed", "stretch"]),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 1, 10**20, 2**63 - 1, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just([{}]),
)


def _mutate(tree: Any, place: tuple[Any, ...], action: str, value: Any) -> None:
    parent = tree
    for step in place[:-1]:
        parent = parent[step]
    last = place[-1]
    old = parent[last]
    if action == "drop":
        del parent[last]
    elif action == "retype":
        parent[last] = value
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(old))  # a second entry with the same id
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}_x"] = parent.pop(last)  # an unknown key
    elif isinstance(old, int | float) and not isinstance(old, bool):
        parent[last] = {"negate": -old, "huge": old * 10**20, "nan": math.nan}.get(
            action, old + 0.5
        )
    else:
        parent[last] = value


@st.composite
def damaged_trees(draw: st.DrawFn, name: str) -> Any:
    tree = copy.deepcopy(ORIGINALS[name])
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(PLACES[name]))
        action = draw(
            st.sampled_from(
                ["drop", "retype", "duplicate", "rename", "negate", "huge", "nan", "half"]
            )
        )
        with contextlib.suppress(KeyError, IndexError, TypeError):  # an earlier change
            _mutate(tree, place, action, draw(TOML_VALUES))  # removed or replaced it
    return tree


def _numbers(value: Any) -> Iterator[float]:
    """Every number inside a loaded catalog (dataclasses, mappings, sequences)."""
    if isinstance(value, bool | str | Enum) or value is None:
        return
    if isinstance(value, int | float):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _numbers(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _numbers(item)


def _key_root(key: str) -> str:
    return re.split(r"[.\[]", key, maxsplit=1)[0]


@pytest.mark.parametrize("name", sorted(PARSERS))
@fuzz(60)
@given(data=st.data())
def test_a_damaged_content_file_is_refused_naming_the_file_and_the_key(name: str, data) -> None:
    tree = data.draw(damaged_trees(name))
    catalog, exc = outcome(lambda: PARSERS[name](tree), ContentError)
    if exc is not None:
        assert exc.source == f"{name}.toml"
        assert str(exc) == f"{name}.toml: {exc.key}: {exc.reason}"
        assert exc.reason.strip()
        assert _key_root(exc.key) in {*tree, *ORIGINALS[name], "(top)"}, exc.key
        return
    # Accepted: no NaN or infinity slipped into a limit, a cap or an angle.
    assert all(math.isfinite(number) for number in _numbers(catalog))


def _first_place(name: str, key: str) -> tuple[Any, ...]:
    return next(place for place in PLACES[name] if place[-1] == key)


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        pytest.param("protocols", "hard_max", math.nan, id="nan-hard-limit"),
        pytest.param("protocols", "hard_max", 10**400, id="hard-limit-past-a-float"),
        pytest.param("conditions", "warm_bath_temp_max_c", math.nan, id="nan-cap"),
        pytest.param("conditions", "warm_bath_temp_max_c", -1, id="negative-cap"),
        pytest.param("conditions", "water_extra_l", -0.3, id="negative-extra-water"),
        pytest.param("protocols", "intermittent_on_min", math.nan, id="nan-setting"),
    ],
)
def test_a_limit_that_is_not_a_usable_number_is_refused(name: str, key: str, value: Any) -> None:
    """Regression: a NaN hard limit (TOML allows ``nan``) compared false with everything
    and so switched the limit off; a NaN warm-bath cap could win ``min``; a negative
    extra water lowered the goal; an integer past a float's range raised OverflowError;
    a NaN setting (the ice timer's minutes on) reached the timers."""
    tree = copy.deepcopy(ORIGINALS[name])
    _mutate(tree, _first_place(name, key), "retype", value)
    with pytest.raises(ContentError, match=rf"^{name}\.toml: .*{key}: "):
        PARSERS[name](tree)


LOADERS: dict[str, Callable[[Path], object]] = {
    "regions": load_regions,
    "protocols": load_protocols,
    "triage": load_triage,
    "conditions": load_conditions,
    "exercises": lambda p: load_exercises(p, load_regions(), load_protocols()),
    "routines": lambda p: load_routines(p, load_exercises(), load_protocols()),
    "poses": lambda p: load_poses(p, load_exercises()),
    "guide": load_guide,
}
ORIGINAL_TEXT = {name: content_path(name).read_bytes() for name in LOADERS}


@st.composite
def damaged_texts(draw: st.DrawFn, name: str) -> bytes:
    """The real file with lines dropped, repeated, cut or replaced, or random bytes."""
    lines = ORIGINAL_TEXT[name].splitlines(keepends=True)
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return draw(st.binary(max_size=300))
    if choice == 1:
        return draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        change = draw(st.sampled_from(["drop", "repeat", "cut", "replace"]))
        if change == "drop":
            del lines[at]
        elif change == "repeat":
            lines.insert(at, lines[at])
        elif change == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        else:
            lines[at] = draw(st.text(max_size=40)).encode("utf-8", "surrogatepass") + b"\n"
    return b"".join(lines)


SPECIAL_TOML = [
    b"schema = " + b"9" * 5000 + b"\n",  # ValueError from the int-digits limit
    b"schema = 1\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",  # RecursionError
    b"schema = 1\nname = '\xff\xfe'\n",  # not UTF-8
    b"schema = 1\nhard_max = nan\n",
]


@pytest.mark.parametrize("name", sorted(LOADERS))
@fuzz(25)
@given(data=st.data())
def test_a_damaged_content_file_on_disk_is_a_content_error(name: str, data, tmp_path) -> None:
    raw = data.draw(st.one_of(damaged_texts(name), st.sampled_from(SPECIAL_TOML)))
    path = tmp_path / f"{name}.toml"
    path.write_bytes(raw)
    _, exc = outcome(lambda: LOADERS[name](path), ContentError)
    if exc is not None:
        assert exc.source == path.name
        assert exc.key.strip()
        assert exc.reason.strip()


ROUTINE_FIELDS = (
    ("version",),
    ("name",),
    ("description",),
    ("steps", 0, "exercise"),
    ("steps", 0, "seconds"),
    ("steps", 0, "reps"),
)
# Numbers past SQLite's integers, and text as long as the file's size limit lets it be.
HOSTILE = (2**63, 2**64 + 1, -(2**63) - 1, 10**400, "x" * (MAX_FILE_BYTES - 400))


@pytest.mark.parametrize("field", ROUTINE_FIELDS, ids=lambda f: ".".join(map(str, f)))
@pytest.mark.parametrize("value", HOSTILE, ids=["2^63", "2^64+1", "-2^63-1", "10^400", "long"])
def test_every_field_of_a_routine_file_refuses_hostile_values_in_a_short_message(
    field: tuple[Any, ...], value: Any, importer, db: Database
) -> None:
    actions, path, told = importer
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "name": "Calves",
        "description": "",
        "steps": [{"exercise": "wall_calf_straight", "seconds": 30, "reps": 2}],
    }
    node: Any = document
    for step in field[:-1]:
        node = node[step]
    node[field[-1]] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump(db.conn)

    actions.import_file()

    [(title, message)] = told
    if title == "Imported":  # long text where text may be long: stored whole, once
        assert isinstance(value, str) and field[-1] == "description"
        return
    assert title == "Could not import"
    assert dump(db.conn) == before
    assert len(message) < 400, message[:200]
