"""Crash safety: the real app is killed with SIGKILL at random moments while it writes.

Each cycle starts the app on the same data folder (through
``tests/helpers/crash_driver.py``: the start-up steps of ``run_gui``, then
check-ins, water, routine runs, therapy sessions and reminder edits through the
app's own code paths), lets it write, and kills it with SIGKILL: some kills
land during start-up (opening and migrating the database, building the
window), most in the middle of a burst of writes, some just after a write was
confirmed. After every kill the database is opened read-only in this process
and checked:

a. ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds
   nothing;
b. every write the app had confirmed (the call returned, so its transaction
   committed) is there exactly as written, and nothing else changed: the
   tracked tables equal a model built from the confirmed writes, or that model
   plus the one write in flight when the kill came (it either committed or it
   did not; never half);
c. no record is half written: every check-in has its regions and only the
   safety answers of its own save, every routine run has all its steps, in
   order, and no row points at a missing parent;
d. the next start opens the file without moving it aside as damaged (each
   start reports what ``open_database`` did; no ``*.damaged-*`` file appears),
   and at the end the real entry point (``python -m companion``) starts on the
   folder and paints.

What this proves, and what it does not. ``companion/storage/database.py``
runs SQLite in WAL mode with ``synchronous=NORMAL``: a commit appends its
frames to the ``-wal`` file with ``write()`` and returns without ``fsync``
(checkpoints do sync). Once ``write()`` has returned, the data is in the
operating system's page cache, and a process killed a moment later, even by
SIGKILL, cannot take it back: the next reader finds the committed frames in the
``-wal`` file and an uncommitted tail is ignored. So against a crash or kill of
the app, every confirmed write is durable, and that is what this test checks.
Against a power cut or a kernel crash, ``synchronous=NORMAL`` may lose the last
few commits before the next checkpoint (never corrupting the file);
``synchronous=FULL`` would close that gap at the price of an ``fsync`` per
write. A SIGKILL test cannot show either; it would take a fault-injecting VFS
or a virtual machine that is powered off.

The kill times come from a seeded generator, and pass or fail never depends on
them: whenever the kill lands, the checks must hold. ``COMPANION_CRASH_CYCLES``
shortens the run for local work (CI runs the default 200);
``COMPANION_CRASH_SEED`` picks another sequence.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.crash_driver import WATER_SOURCES

REPO = Path(__file__).resolve().parent.parent
CYCLES = int(os.environ.get("COMPANION_CRASH_CYCLES", "200"))
SEED = int(os.environ.get("COMPANION_CRASH_SEED", "20260302"))
TIMEOUT_S = 30.0  # for any one answer from the driver; a healthy one answers in well under 1 s


# -- the model: what the tracked tables must hold -----------------------------------------------
def instant(text: str) -> str:
    """Stored time text as the UTC instant it names (storage spells local and UTC times)."""
    return datetime.fromisoformat(text).astimezone(UTC).isoformat()


@dataclass(frozen=True)
class CheckInRecord:
    at: str
    onset: str
    cause: str
    soreness_type: str
    swelling: str
    swollen_side: str | None
    warm: bool
    regions: tuple[tuple[Any, ...], ...]
    answers: frozenset[tuple[str, bool]]


@dataclass
class Model:
    checkins: dict[str, CheckInRecord] = field(default_factory=dict)  # by day
    water: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    runs: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    therapy: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    rules: dict[int, tuple[Any, ...]] = field(default_factory=dict)

    def copy(self) -> Model:
        return Model(
            dict(self.checkins),
            Counter(self.water),
            Counter(self.runs),
            Counter(self.therapy),
            dict(self.rules),
        )

    def differences(self, other: Model) -> list[str]:
        found: list[str] = []
        for name in ("checkins", "rules"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key in sorted(set(mine) | set(theirs), key=str):
                if mine.get(key) != theirs.get(key):
                    found.append(
                        f"{name}[{key}]: expected {mine.get(key)}, stored {theirs.get(key)}"
                    )
        for name in ("water", "runs", "therapy"):
            mine, theirs = getattr(self, name), getattr(other, name)
            found += [f"{name}: missing {item}" for item in (mine - theirs)]
            found += [f"{name}: unexpected {item}" for item in (theirs - mine)]
        return found


def rule_record(fields: dict[str, Any]) -> tuple[Any, ...]:
    return (
        fields["kind"],
        fields["title"],
        bool(fields["enabled"]),
        tuple(fields["times"]),
        fields["message"],
    )


def region_record(region: list[Any] | tuple[Any, ...]) -> tuple[Any, ...]:
    rid, side, rest, move, words = region
    return (rid, side, int(rest), int(move), tuple(sorted(words)))


def apply(
    model: Model,
    op: dict[str, Any],
    result: dict[str, Any] | None,
    asked: list[str],
    stored: Model | None = None,
) -> Model | None:
    """The model after one write. ``result`` is None for the write in flight at the kill;
    a reminder created then has no id yet, so it is looked for in ``stored``."""
    after = model.copy()
    kind = op["kind"]
    if kind == "checkin":
        earlier = model.checkins.get(op["day"])
        answers = dict(earlier.answers) if earlier else {}
        answers.update(dict.fromkeys(asked, False))
        after.checkins[op["day"]] = CheckInRecord(
            at=op["at"],
            onset=op["onset"],
            cause=op["cause"],
            soreness_type=op["soreness_type"],
            swelling=op["swelling"],
            swollen_side=op["swollen_side"],
            warm=bool(op["warm"]),
            regions=tuple(sorted(region_record(r) for r in op["regions"])),
            answers=frozenset(answers.items()),
        )
    elif kind == "water":
        after.water[(op["at"], op["ml"], op["source"])] += 1
    elif kind == "run":
        steps = tuple(
            (pos, ex, side, outcome, round(worked, 3))
            for pos, ex, side, outcome, worked in op["steps"]
        )
        after.runs[
            (op["routine"], op["name"], op["started_at"], op["ended_at"], op["outcome"], steps)
        ] += 1
    elif kind == "therapy":
        phases = tuple((name, round(worked, 3)) for name, worked in op["phases"])
        after.therapy[(op["therapy"], op["started_at"], op["ended_at"], op["outcome"], phases)] += 1
    elif kind == "reminder_create":
        record = rule_record(op["rule"])
        if result is not None:
            rule_id = int(result["id"])
        else:
            assert stored is not None
            new = [i for i, r in stored.rules.items() if i not in model.rules and r == record]
            if len(new) != 1:
                return None
            rule_id = new[0]
        after.rules[rule_id] = record
    elif kind == "reminder_update":
        after.rules[int(op["id"])] = rule_record(op["rule"])
    elif kind == "reminder_enable":
        refused = result is not None and result.get("refused")
        if not refused:
            rule = after.rules[int(op["id"])]
            after.rules[int(op["id"])] = (*rule[:2], bool(op["enabled"]), *rule[3:])
    elif kind == "reminder_delete":
        del after.rules[int(op["id"])]
    else:
        raise AssertionError(f"unknown write {kind!r}")
    return after


# -- reading the database as the next start will find it -----------------------------------------
@dataclass
class Stored:
    model: Model
    integrity: list[str]
    problems: list[str]  # half-written records and broken references


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def read_database(path: Path) -> Stored:
    with read_only(path) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        model = Model()
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return Stored(model, integrity, problems)  # killed before the first migration

        regions: dict[int, list[tuple[Any, ...]]] = {}
        for cid, rid, side, rest, move, words in conn.execute(
            "SELECT checkin_id, region_id, side, at_rest, on_movement, descriptors "
            "FROM checkin_regions"
        ):
            regions.setdefault(cid, []).append(
                region_record((rid, side, rest, move, json.loads(words)))
            )
        answers: dict[int, list[tuple[str, bool, str]]] = {}
        for cid, qid, answer, answered_at in conn.execute(
            "SELECT checkin_id, question_id, answer, answered_at FROM triage_answers"
        ):
            answers.setdefault(cid, []).append((qid, bool(answer), answered_at))
        for cid, day, at, onset, cause, kind, swelling, side, warm in conn.execute(
            "SELECT id, day, at, onset, cause, soreness_type, swelling, swollen_side, "
            "area_warm_or_red FROM checkins"
        ):
            if not regions.get(cid):
                problems.append(f"check-in {cid} ({day}) has no regions")
            stale = [qid for qid, _, when in answers.get(cid, []) if instant(when) != instant(at)]
            if stale:
                problems.append(f"check-in {cid} ({day}) keeps answers of another save: {stale}")
            model.checkins[day] = CheckInRecord(
                at=instant(at),
                onset=instant(onset),
                cause=cause,
                soreness_type=kind,
                swelling=swelling,
                swollen_side=side,
                warm=bool(warm),
                regions=tuple(sorted(regions.get(cid, []))),
                answers=frozenset((qid, ans) for qid, ans, _ in answers.get(cid, [])),
            )

        for at, ml, source in conn.execute("SELECT at, ml, source FROM water_log"):
            if source in WATER_SOURCES:
                model.water[(instant(at), ml, source)] += 1

        steps: dict[int, list[tuple[Any, ...]]] = {}
        for run_id, pos, ex, side, outcome, worked in conn.execute(
            "SELECT run_id, position, exercise, side, outcome, worked_s FROM routine_run_steps "
            "ORDER BY run_id, position"
        ):
            steps.setdefault(run_id, []).append((pos, ex, side, outcome, round(worked, 3)))
        for run_id, routine, name, started, ended, outcome in conn.execute(
            "SELECT id, routine, name, started_at, ended_at, outcome FROM routine_runs"
        ):
            mine = tuple(steps.get(run_id, []))
            if [s[0] for s in mine] != list(range(len(mine))) or not mine:
                problems.append(f"routine run {run_id} has steps {[s[0] for s in mine]}")
            model.runs[(routine, name, instant(started), instant(ended), outcome, mine)] += 1

        for therapy, started, ended, outcome, phases in conn.execute(
            "SELECT therapy, started_at, ended_at, outcome, phases FROM therapy_sessions"
        ):
            done = tuple((p["phase"], round(p["worked_s"], 3)) for p in json.loads(phases))
            if not done:
                problems.append(f"therapy session at {started} has no phases")
            model.therapy[(therapy, instant(started), instant(ended), outcome, done)] += 1

        for rule_id, kind, title, enabled, spec in conn.execute(
            "SELECT id, kind, title, enabled, spec FROM reminder_rules"
        ):
            values = json.loads(spec)
            model.rules[rule_id] = (
                kind,
                title,
                bool(enabled),
                tuple(values.get("times", ())),
                values.get("message", ""),
            )
    return Stored(model, integrity, problems)


# -- the fork server that starts the app ---------------------------------------------------------
class Driver:
    """``python -m tests.helpers.crash_driver --serve``, spoken to line by line."""

    def __init__(self, env: dict[str, str], stderr: Path) -> None:
        self._stderr_path = stderr
        self._stderr = stderr.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.crash_driver", "--serve"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        assert self.proc.stdout is not None
        os.set_blocking(self.proc.stdout.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.proc.stdout, selectors.EVENT_READ)
        self._buffer = b""
        self.child: int | None = None

    def send(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command).encode() + b"\n")
        self.proc.stdin.flush()

    def read(self, until: float, stop: str | None = None) -> list[dict[str, Any]]:
        """The lines that arrive before the monotonic time ``until``, or up to ``stop``."""
        assert self.proc.stdout is not None
        events: list[dict[str, Any]] = []
        while True:
            remaining = until - time.monotonic()
            if remaining <= 0 or not self._selector.select(timeout=remaining):
                return events
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError(f"the driver ended: {self.stderr_tail()}")
            self._buffer += chunk
            *lines, self._buffer = self._buffer.split(b"\n")
            new = [self._parse(line) for line in lines if line.strip()]
            events += new
            if stop is not None and any(e["ev"] == stop for e in new):
                return events

    def read_until(self, event: str, events: list[dict[str, Any]]) -> dict[str, Any]:
        """Read (adding to ``events``) until ``event`` arrives; fail on an error or a timeout."""
        for seen in events:
            if seen["ev"] == event:
                return seen
        new = self.read(time.monotonic() + TIMEOUT_S, stop=event)
        events += new
        for seen in new:
            if seen["ev"] == event:
                return seen
        raise AssertionError(f"no {event!r} from the driver in {TIMEOUT_S} s: {events[-3:]}")

    def _parse(self, line: bytes) -> dict[str, Any]:
        try:
            event: dict[str, Any] = json.loads(line)
        except ValueError:
            # A line a kill cut short (never seen: each line is one small write).
            return {"ev": "garbled", "line": line.decode(errors="replace")}
        if event["ev"] == "error":
            raise AssertionError(f"the app failed:\n{event['message']}\n{self.stderr_tail()}")
        return event

    def kill_child(self, events: list[dict[str, Any]]) -> dict[str, Any]:
        """SIGKILL the running app, have the server reap it, and read what it wrote."""
        assert self.child is not None
        os.kill(self.child, signal.SIGKILL)  # a zombie until reaped: its pid stays ours
        self.send(cmd="reap")
        exited = self.read_until("exited", events)
        self.child = None
        return exited

    def stderr_tail(self) -> str:
        self._stderr.flush()
        return self._stderr_path.read_text(errors="replace")[-4000:]

    def close(self) -> None:
        if self.child is not None:
            with contextlib.suppress(Exception):
                self.kill_child([])
        with contextlib.suppress(Exception):
            self.send(cmd="quit")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._selector.close()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        self._stderr.close()


# -- one cycle ------------------------------------------------------------------------------------
@dataclass
class Stats:
    early: int = 0
    after_write: int = 0
    burst: int = 0
    confirmed: Counter[str] = field(default_factory=Counter)
    in_flight_committed: int = 0
    in_flight_not_committed: int = 0


def run_cycle(
    driver: Driver, data_dir: Path, cycle: int, rng: random.Random, stats: Stats
) -> list[dict[str, Any]]:
    """Start the app, kill it at a moment the generator picks; the events it reported."""
    events: list[dict[str, Any]] = []
    driver.send(cmd="run", data_dir=str(data_dir), seed=SEED, cycle=cycle)
    driver.child = int(driver.read_until("started", events)["pid"])
    how = rng.random()
    if how < 0.12:  # during start-up: the database opening, migrations, the window
        stats.early += 1
        events += driver.read(time.monotonic() + rng.uniform(0.0, 0.2))
    elif how < 0.30:  # just after a write was confirmed: inside the next one
        stats.after_write += 1
        driver.read_until("ready", events)
        wanted = rng.randint(1, 8)
        deadline = time.monotonic() + TIMEOUT_S
        while sum(e["ev"] == "confirmed" for e in events) < wanted:
            assert time.monotonic() < deadline, "the app stopped confirming writes"
            events += driver.read(deadline, stop="confirmed")
        time.sleep(rng.uniform(0.0, 0.004))
    else:  # anywhere in a burst of writes
        stats.burst += 1
        driver.read_until("ready", events)
        events += driver.read(time.monotonic() + rng.uniform(0.0, 0.2))
    exited = driver.kill_child(events)
    assert exited["signal"] == signal.SIGKILL or exited["code"] == 0, exited
    return events


def check_cycle(
    events: list[dict[str, Any]], model: Model, db: Path, cycle: int, stats: Stats
) -> Model:
    """Apply the confirmed writes to the model, check the file against it; the new model."""
    kinds = [e["ev"] for e in events]
    garbled = [e["line"] for e in events if e["ev"] == "garbled"]
    assert kinds.count("garbled") <= 1, f"cycle {cycle}: the app wrote to stdout: {garbled}"
    if garbled:  # only the last line before the kill may be cut short
        assert kinds[-2:] == ["garbled", "exited"], f"cycle {cycle}: stray output {garbled}"
    if "ready" in kinds:
        assert "opened" in kinds, f"cycle {cycle}: the app started without opening its database"
    for e in events:
        if e["ev"] == "opened":
            assert e["moved_aside"] is None, f"cycle {cycle}: the database was moved aside: {e}"
    intents = {e["seq"]: e["op"] for e in events if e["ev"] == "intent"}
    results = {e["seq"]: e["result"] for e in events if e["ev"] == "confirmed"}
    asked = {e["seq"]: e["questions"] for e in events if e["ev"] == "asked"}
    pending = sorted(set(intents) - set(results))
    assert set(results) <= set(intents)
    assert not pending or pending == [max(intents)], f"cycle {cycle}: unconfirmed {pending}"
    for seq in sorted(results):
        after = apply(model, intents[seq], results[seq], asked.get(seq, []))
        assert after is not None
        model = after
        stats.confirmed[intents[seq]["kind"]] += 1
    if not db.exists():  # killed before the database was created
        assert not results
        return model
    stored = read_database(db)
    assert stored.integrity == ["ok"], f"cycle {cycle}: integrity_check: {stored.integrity}"
    assert not stored.problems, f"cycle {cycle}: half-written records: {stored.problems}"
    damaged = sorted(p.name for p in db.parent.glob(f"{db.name}.damaged-*"))
    assert not damaged, f"cycle {cycle}: moved aside as damaged: {damaged}"
    if stored.model.differences(model) == []:
        if pending:
            stats.in_flight_not_committed += 1
        return model
    if pending:
        seq = pending[0]
        candidate = apply(model, intents[seq], None, asked.get(seq, []), stored.model)
        if candidate is not None and stored.model.differences(candidate) == []:
            stats.in_flight_committed += 1
            return candidate
    problems = "\n".join(model.differences(stored.model)[:20])
    raise AssertionError(
        f"cycle {cycle}: the database does not hold the confirmed writes "
        f"(in flight at the kill: {[intents[s] for s in pending]}):\n{problems}"
    )


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="rc-crash-"))  # short: socket paths max 107 bytes
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def app_env(runtime: Path) -> dict[str, str]:
    env = dict(os.environ)  # the conftest's private HOME and XDG folders, offscreen Qt
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="forks, and counts threads in /proc")
def test_confirmed_writes_survive_sigkill_at_random_moments(
    tmp_path: Path, runtime_dir: Path
) -> None:
    data_dir = tmp_path / "data"
    db = data_dir / "companion.db"
    env = app_env(runtime_dir)
    rng = random.Random(SEED)
    stats = Stats()
    model = Model()
    started = time.monotonic()
    driver = Driver(env, tmp_path / "driver-stderr.txt")
    try:
        for cycle in range(CYCLES):
            events = run_cycle(driver, data_dir, cycle, rng, stats)
            model = check_cycle(events, model, db, cycle, stats)
    finally:
        driver.close()
    cycles_s = time.monotonic() - started

    # The real entry point starts on what 200 kills left, paints, and quits cleanly.
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--data-dir", str(data_dir), "--exit-after-paint"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout
    assert "moved" not in result.stderr, result.stderr
    stored = read_database(db)
    assert stored.integrity == ["ok"]
    assert not stored.problems
    assert stored.model.differences(model) == []

    total = sum(stats.confirmed.values())
    print(
        f"\n{CYCLES} kills in {cycles_s:.1f} s ({stats.early} in start-up, {stats.after_write} "
        f"just after a write, {stats.burst} in a burst); {total} confirmed writes "
        f"{dict(stats.confirmed)}; in flight at the kill: {stats.in_flight_committed} had "
        f"committed, {stats.in_flight_not_committed} had not"
    )
    if CYCLES >= 50:  # the full run must have exercised every kind of write
        kinds = {"checkin", "water", "run", "therapy", "reminder_create", "reminder_update"}
        kinds |= {"reminder_enable", "reminder_delete"}
        assert set(stats.confirmed) == kinds
        assert stats.in_flight_committed + stats.in_flight_not_committed > 0


def test_the_checks_catch_a_lost_write_and_half_written_records(tmp_path: Path) -> None:
    """The checks above can fail: a confirmed write missing, a run without its steps, a
    check-in without its regions or with answers left from an earlier save."""
    from companion.storage.database import open_database
    from tests.helpers.clock import FakeClock

    db = tmp_path / "companion.db"
    opened = open_database(db, FakeClock().now()).database
    with opened.transaction() as conn:
        conn.execute(
            "INSERT INTO routine_runs (routine, name, started_at, ended_at, outcome) "
            "VALUES ('r', 'R', '2026-03-02T07:00:00+00:00', '2026-03-02T07:10:00+00:00', "
            "'completed')"
        )
        conn.execute(
            "INSERT INTO checkins (day, at, onset, cause, soreness_type) VALUES "
            "('2026-03-02', '2026-03-02T07:00:00+00:00', '2026-03-01T07:00:00+00:00', "
            "'run', 'doms')"
        )
        conn.execute("INSERT INTO triage_answers VALUES (1, 'R1', 0, '2026-03-01T07:00:00+00:00')")
    opened.close()
    stored = read_database(db)
    assert stored.integrity == ["ok"]
    assert stored.problems == [
        "check-in 1 (2026-03-02) has no regions",
        "check-in 1 (2026-03-02) keeps answers of another save: ['R1']",
        "routine run 1 has steps []",
    ]
    water = {"kind": "water", "at": "2026-03-02T07:12:00+00:00", "ml": 250, "source": "app"}
    expected = apply(stored.model, water, {}, [])
    assert expected is not None
    assert expected.differences(stored.model) == [
        "water: missing ('2026-03-02T07:12:00+00:00', 250, 'app')"
    ]
