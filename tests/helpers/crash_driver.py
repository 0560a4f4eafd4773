"""Runs the real app and makes it write, over and over, until something kills it.

The child side of ``tests/test_crash_safety.py``. Two ways to run it:

``python -m tests.helpers.crash_driver --data-dir DIR --seed N [--cycle C] [--max-actions K]``
    One session: the app starts on DIR as ``companion.app.run_gui`` starts it,
    then writes as a user would until it is killed (or, after K actions, quits
    cleanly).

``python -m tests.helpers.crash_driver --serve``
    A fork server. It imports the app once and then reads one JSON command a
    line on stdin: ``{"cmd": "run", "data_dir": ..., "seed": ..., "cycle": ...}``
    forks a child that runs one session exactly as above; ``{"cmd": "reap"}``
    waits for that child (after the test has killed it) and reports how it
    ended; ``{"cmd": "quit"}`` (or end of input) ends the server. Importing
    PySide6 and the app costs about 0.6 s; forking before anything creates a
    thread, a QApplication or a database connection shares that cost, so 200
    starts take seconds instead of minutes. Every child still builds its own
    QApplication, takes the folder's instance lock, opens (and probes) the
    database, builds ``CompanionApp`` and starts it. The child is not reaped
    until asked, so its pid cannot be reused while the test may still signal it.

A session runs the same steps as ``run_gui`` (data folder, QApplication,
instance lock, ``open_database``, ``CompanionApp`` without a tray,
single-instance channel, the SIGTERM bridge, ``start``), except that its clock
is a ``FakeClock`` the driver moves on two minutes per action, from a start
set by the cycle number (even cycles at 07:00, odd ones at 13:00 on the same
day, so every other start edits the check-in the previous process wrote).
Then, from a zero-delay QTimer on the GUI thread, one action after another
through the app's own code paths:

- check-in: the Today page's ``save()`` with drafted regions (the dialogs'
  seams ``ask`` and ``ask_conditions`` are stubs that answer no);
- water: ``CompanionApp.log_water`` (as the window and the tray do) or the
  single-instance channel's ``log-water`` command (as ``recovery-companion
  water`` does);
- routine run: a ``RoutineSession`` of a built-in routine, advanced by
  ``tick`` and completed, stopped or skipped, then ``CompanionApp._save_run``,
  the player's ``finished`` slot;
- therapy session: a ``PhaseTimer`` from ``build_plan``, completed or stopped,
  then ``CompanionApp._save_therapy``, the timer view's ``finished`` slot;
- reminders: ``ReminderCenter.save_rule`` (new and edited rules, as the editor
  dialog's result), ``CompanionApp.set_reminder_enabled`` (the page's switch)
  and ``ReminderCenter.delete_rule`` (after the page's confirmation).

Protocol: one JSON object a line on stdout, each written with one ``write``:
``started`` (pid), ``opened`` (where a damaged file went, if anywhere),
``ready``, then per action ``intent`` (seq and what is about to be written),
for a check-in ``asked`` (the safety questions, before anything is saved),
and ``confirmed`` (seq, and what the app returned) once the call has returned,
that is after its transaction committed. ``error`` reports anything unexpected;
the process then exits with status 3.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import sys
import traceback
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from tests.helpers.clock import LONDON, FakeClock

FIRST_DAY = date(2026, 3, 2)  # crosses the March DST change after 27 cycles
STEP = timedelta(minutes=2)  # the clock's move per action
MAX_ACTIONS = 150  # 150 x 2 min fits between 07:00 and 13:00
WATER_SOURCES = ("app", "tray", "cli")
THERAPIES = ("ice", "contrast", "cold-bath", "warm-bath", "heat")
ERROR_EXIT = 3


def emit(event: str, **fields: Any) -> None:
    """One protocol line, in one write (a kill cannot split it)."""
    line = json.dumps({"ev": event, **fields}, separators=(",", ":")) + "\n"
    os.write(1, line.encode())


def fail(message: str) -> None:
    emit("error", message=message)
    os._exit(ERROR_EXIT)


def cycle_start(cycle: int) -> datetime:
    day = FIRST_DAY + timedelta(days=cycle // 2)
    return datetime.combine(day, time(7 if cycle % 2 == 0 else 13), tzinfo=LONDON)


def instant(moment: datetime) -> str:
    """A moment as UTC text: the test compares instants, not their spelling."""
    return moment.astimezone(UTC).isoformat()


class Driver:
    """Performs one action at a time on the GUI thread and reports each one."""

    def __init__(self, companion: Any, clock: FakeClock, rng: random.Random, cycle: int) -> None:
        self.companion = companion
        self.clock = clock
        self.rng = rng
        self.cycle = cycle
        self.seq = 0
        self.max_actions = MAX_ACTIONS

    # -- the loop ---------------------------------------------------------------------------
    def begin(self, max_actions: int) -> None:
        from PySide6.QtCore import QTimer

        self.max_actions = max_actions
        page = self.companion.window.page("today")
        page.ask = self._ask
        page.ask_conditions = lambda: ()
        emit("ready")
        QTimer.singleShot(0, self.step)

    def step(self) -> None:
        from PySide6.QtCore import QTimer

        if self.seq >= self.max_actions:
            emit("done", actions=self.seq)
            self.companion.quit()
            return
        self.seq += 1
        self.clock.advance(STEP)
        try:
            self.act()
        except Exception:  # noqa: BLE001 - reported to the test, which fails
            fail(traceback.format_exc())
        QTimer.singleShot(0, self.step)

    def act(self) -> None:
        choice = self.rng.choices(
            ("checkin", "water", "run", "therapy", "reminder"), weights=(2, 3, 1.5, 1.5, 2)
        )[0]
        getattr(self, f"_{choice}")()

    def intent(self, **op: Any) -> None:
        emit("intent", seq=self.seq, op=op)

    def confirmed(self, **result: Any) -> None:
        emit("confirmed", seq=self.seq, result=result)

    # -- check-in: the Today page's Save -----------------------------------------------------
    def _ask(self, questions: tuple[Any, ...]) -> dict[str, bool]:
        ids = [q.id for q in questions]
        emit("asked", seq=self.seq, questions=ids)
        return dict.fromkeys(ids, False)

    def _checkin(self) -> None:
        from companion.domain.checkin import Descriptor, RegionDraft

        page = self.companion.window.page("today")
        rng = self.rng
        catalog = page.presenter.content.regions
        chosen = rng.sample(list(catalog.ids), k=rng.randint(1, 3))
        page.drafts.clear()
        for rid in chosen:
            move = rng.randint(1, 10)
            words = set(rng.sample(list(Descriptor), k=rng.choice((0, 0, 1, 2))))
            page.drafts[rid] = RegionDraft(rng.randint(0, move), move, words)
        page.map.set_scores({rid: d.on_movement for rid, d in page.drafts.items()})
        for combo in (page.cause, page.kind, page.swelling):
            combo.setCurrentIndex(rng.randrange(combo.count()))
        page.hours.setValue(rng.randint(1, 96))
        page.warm.setChecked(rng.random() < 0.2)
        checkin = page.build_checkin()  # what Save is about to store
        self.intent(
            kind="checkin",
            day=checkin.at.date().isoformat(),
            at=instant(checkin.at),
            onset=instant(checkin.onset),
            cause=checkin.cause.value,
            soreness_type=checkin.soreness_type.value,
            swelling=checkin.swelling.value,
            swollen_side=checkin.swollen_side.value if checkin.swollen_side else None,
            warm=checkin.area_warm_or_red,
            regions=sorted(
                [r.region_id, r.side.value, r.at_rest, r.on_movement, sorted(r.descriptors)]
                for r in checkin.regions
            ),
        )
        if not page.save():
            raise AssertionError(f"Today's Save refused: {page.status.text()}")
        self.confirmed()

    # -- water: the window or tray, or the command line through the running app --------------
    def _water(self) -> None:
        ml = self.rng.randrange(50, 1001, 10)
        source = self.rng.choice(WATER_SOURCES)
        self.intent(kind="water", at=instant(self.clock.now()), ml=ml, source=source)
        if source == "cli":
            reply = self.companion.handle_message({"command": "log-water", "ml": ml})
            if not reply.get("ok"):
                raise AssertionError(f"log-water refused: {reply}")
        else:
            reason = self.companion.log_water(ml, source)
            if reason is not None:
                raise AssertionError(f"log_water refused: {reason}")
        self.confirmed()

    # -- a routine run, saved as the player saves it when it finishes -------------------------
    def _run(self) -> None:
        from companion.domain.session import Outcome, RoutineSession

        rng = self.rng
        routine = rng.choice(list(self.companion.routines))
        now = self.clock.now()
        total = routine.seconds
        how = rng.choice(("completed", "stopped", "skipped"))
        if how == "completed":
            session = RoutineSession(routine.steps, now - timedelta(seconds=total))
            session.tick(now)
        else:
            ran = timedelta(seconds=rng.randint(1, max(1, total - 1)))
            session = RoutineSession(routine.steps, now - ran)
            if how == "skipped":
                middle = session.started_at + ran / 2
                session.tick(middle)
                session.skip(middle)
            session.tick(now)
            session.stop(now)
        assert session.ended_at is not None
        steps = [
            [
                position,
                record.step.exercise.id,
                record.step.side,
                (record.outcome or Outcome.STOPPED).value,
                record.worked.total_seconds(),
            ]
            for position, record in enumerate(session.records)
        ]
        completed = all(r.outcome is not Outcome.STOPPED for r in session.records)
        self.intent(
            kind="run",
            routine=routine.id,
            name=routine.name,
            started_at=instant(session.started_at),
            ended_at=instant(session.ended_at),
            outcome="completed" if completed else "stopped",
            steps=steps,
        )
        self.companion._save_run(routine.id, routine.name, session)
        self.confirmed()

    # -- a therapy session, saved as the timer view saves it when it ends ---------------------
    def _therapy(self) -> None:
        from companion.domain.therapy_timer import PhaseTimer, build_plan

        rng = self.rng
        app = self.companion
        plan = build_plan(
            rng.choice(THERAPIES), {}, app.today.content.protocols, app.preferences.current.units
        )
        now = self.clock.now()
        if rng.random() < 0.6:
            timer = PhaseTimer(plan, now - timedelta(seconds=plan.total_s))
            timer.tick(now)
        else:
            timer = PhaseTimer(plan, now - timedelta(seconds=rng.randint(1, plan.total_s - 1)))
            timer.tick(now)
            timer.stop(now)
        assert timer.ended_at is not None
        self.intent(
            kind="therapy",
            therapy=plan.kind.value,
            started_at=instant(timer.started_at),
            ended_at=instant(timer.ended_at),
            outcome=timer.outcome,
            phases=[[r.phase.name, r.worked.total_seconds()] for r in timer.records],
        )
        app.reminder_wiring._save_therapy(timer)
        self.confirmed()

    # -- reminders: new, edited, switched on or off, deleted ----------------------------------
    def _rule_fields(self, rule: Any) -> dict[str, Any]:
        return {
            "kind": rule.kind.value,
            "title": rule.title,
            "enabled": rule.enabled,
            "times": [t.strftime("%H:%M") for t in rule.times],
            "message": rule.message,
        }

    def _times(self) -> tuple[time, ...]:
        count = self.rng.choice((1, 1, 2, 3))
        slots = self.rng.sample(range(9 * 12, 21 * 12), k=count)  # 5-minute slots, 09-21 h
        return tuple(time(s // 12, s % 12 * 5) for s in sorted(slots))

    def _checked(self, rule: Any) -> Any:
        """The rule as the editor would accept it (the test's rules are always valid)."""
        from companion.domain.reminders import check_rule

        center = self.companion.reminders
        others = [r for r in center.rules() if r.enabled and r.id != rule.id]
        review = check_rule(rule, self.companion.today.content.protocols, center.waking(), others)
        if review.refused:
            raise AssertionError(f"the driver made an invalid rule: {review.refused}")
        return rule

    def _reminder(self) -> None:
        from companion.domain.reminders import Kind, ReminderRule

        rng = self.rng
        center = self.companion.reminders
        rules = [r for r in center.rules() if r.id is not None]
        what = "create" if len(rules) < 3 else rng.choice(("create", "update", "toggle", "delete"))
        if len(rules) > 12 and what == "create":
            what = "delete"
        tag = f"c{self.cycle}-{self.seq}"
        if what == "create":
            rule = self._checked(
                ReminderRule(
                    Kind.CUSTOM,
                    f"Stretch break {tag}",
                    enabled=rng.random() < 0.8,
                    times=self._times(),
                    message=f"Time for a stretch ({tag})",
                )
            )
            self.intent(kind="reminder_create", rule=self._rule_fields(rule))
            saved = center.save_rule(rule)
            self.confirmed(id=saved.id)
            return
        rule = rng.choice(rules)
        if what == "update":
            edited = self._checked(
                replace(
                    rule,
                    title=f"Edited {tag}",
                    message=f"Changed in {tag}",
                    times=self._times(),
                )
            )
            self.intent(kind="reminder_update", id=rule.id, rule=self._rule_fields(edited))
            center.save_rule(edited)
            self.confirmed()
        elif what == "toggle":
            self.intent(kind="reminder_enable", id=rule.id, enabled=not rule.enabled)
            reason = self.companion.set_reminder_enabled(rule.id, not rule.enabled)
            self.confirmed(refused=reason)
        else:
            self.intent(kind="reminder_delete", id=rule.id)
            center.delete_rule(rule.id)
            self.confirmed()


def run_session(data_dir: Path, seed: int, cycle: int, max_actions: int) -> int:
    """One start of the app, as ``companion.app.run_gui`` does it, then the driver."""
    from PySide6.QtCore import QLocale, QTimer

    from companion.app import CompanionApp, SignalBridge, _make_qapp
    from companion.ipc import acquire_instance_lock
    from companion.paths import prepare_data_dir, resolve_data_dir
    from companion.storage.database import open_database

    emit("started", pid=os.getpid())

    def excepthook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        fail("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = excepthook  # an exception in a Qt slot would otherwise only be printed
    paths = prepare_data_dir(resolve_data_dir(str(data_dir)))
    app = _make_qapp()
    lock = acquire_instance_lock(paths.data_dir)
    if lock is None:
        fail("the instance lock is held: a killed instance's lock was not seen as stale")
        return ERROR_EXIT
    clock = FakeClock(cycle_start(cycle))
    opened = open_database(paths.database, clock.now())
    emit(
        "opened",
        moved_aside=str(opened.moved_aside) if opened.moved_aside else None,
        problem=opened.problem,
    )
    country = QLocale.territoryToCode(QLocale.system().territory())
    companion = CompanionApp(app, paths, opened.database, clock, has_tray=False, country=country)
    companion.listen()
    app.aboutToQuit.connect(lock.unlock)
    companion.quit_requested.connect(app.quit)
    bridge = SignalBridge(companion.quit, companion)
    app.aboutToQuit.connect(bridge.close)
    companion.start(minimized=False)
    driver = Driver(companion, clock, random.Random(f"{seed}:{cycle}"), cycle)
    QTimer.singleShot(0, lambda: driver.begin(max_actions))
    return int(app.exec())


# -- the fork server ------------------------------------------------------------------------------
PRELOAD = (
    "sqlite_utils",
    "companion.app",
    "companion.domain.planner",
    "companion.domain.reminders",
    "companion.domain.session",
    "companion.domain.therapy_timer",
    "companion.domain.trends",
    "companion.resources",
    "companion.scheduling.reminders",
    "companion.storage.activities",
    "companion.storage.history",
    "companion.storage.reminders",
    "companion.storage.runs",
    "companion.storage.therapy",
    "companion.storage.trends",
    "companion.storage.user_routines",
    "companion.ui.routines.mine",
    "companion.ui.reminders.notifications",
    "companion.ui.reminders.center",
    "companion.ui.today.page",
    "companion.services.checkin",
)


def _preload() -> None:
    """Import what a session imports, so each forked child starts warm."""
    for name in PRELOAD:
        importlib.import_module(name)


def _threads() -> int:
    return len(list(Path("/proc/self/task").iterdir()))


def serve() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _preload()
    child: int | None = None
    for raw in sys.stdin:
        command = json.loads(raw)
        if command["cmd"] == "run":
            if child is not None:
                fail("run before the last child was reaped")
            if _threads() != 1:
                fail(f"the server has {_threads()} threads; forking it would not be safe")
            sys.stdout.flush()
            sys.stderr.flush()
            child = os.fork()
            if child == 0:
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.close(null)
                try:
                    status = run_session(
                        Path(command["data_dir"]),
                        int(command["seed"]),
                        int(command["cycle"]),
                        int(command.get("max_actions", MAX_ACTIONS)),
                    )
                except BaseException:  # noqa: BLE001 - the child must never return to the loop
                    emit("error", message=traceback.format_exc())
                    status = ERROR_EXIT
                os._exit(status)
        elif command["cmd"] == "reap":
            if child is None:
                fail("reap with no child")
                return ERROR_EXIT
            _, status = os.waitpid(child, 0)
            # The leading newline ends a line a killed child may have left half-written.
            os.write(1, b"\n")
            emit(
                "exited",
                pid=child,
                signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
                code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            )
            child = None
        elif command["cmd"] == "quit":
            break
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.helpers.crash_driver")
    parser.add_argument("--serve", action="store_true", help="fork sessions on command (stdin)")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cycle", type=int, default=0)
    parser.add_argument("--max-actions", type=int, default=MAX_ACTIONS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve()
    if args.data_dir is None:
        parser.error("--data-dir is required without --serve")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_session(args.data_dir, args.seed, args.cycle, args.max_actions)


if __name__ == "__main__":
    sys.exit(main())
