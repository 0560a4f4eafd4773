"""Render every section of the real main window to PNGs, in light and dark.

    python docs/make_screenshots.py [OUTPUT_DIR]

Runs offscreen with a throw-away data folder. On the Today screen it marks a
few sore spots and saves a check-in through the page itself (answering the
health and safety questions "none of these"), so the picture shows a real
plan. The README's screenshot comes from here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util
from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp, _make_qapp
from companion.domain.clock import SystemClock
from companion.localzone import local_zone
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.ui.theme import Scheme
from companion.ui.today.page import TodayPage

SIZE = (1280, 820)
SORE = {"quads_L": 6, "quads_R": 4, "hamstrings_L": 3, "calves_R": 5}


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def fill_today(page: TodayPage) -> None:
    page.ask = lambda questions: dict.fromkeys((q.id for q in questions), False)
    page.ask_conditions = tuple
    for region, score in SORE.items():
        page.map.select(region)
        page.map.set_score(region, score)
    page.map.select("quads_L")
    page.rest_row.set_value(2)
    page._draft_changed(rest=2)
    page.hours.setValue(30)
    page.save()


def render(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = _make_qapp()
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare_data_dir(Path(tmp) / "data")
        clock = SystemClock(local_zone())
        seed_history(paths.database, clock.now())
        db = open_database(paths.database, clock.now()).database
        companion = CompanionApp(app, paths, db, clock, has_tray=True)
        window = companion.window
        window.resize(*SIZE)
        window.show()
        today = window.page("today")
        assert isinstance(today, TodayPage)
        fill_today(today)
        add_own_routine(companion)
        add_reminders(companion)
        for scheme in Scheme:
            companion.theme.apply(scheme)
            for key in window.sections:
                window.show_section(key)
                settle()
                if key == "today":
                    today.scroller.verticalScrollBar().setValue(0)
                    settle()
                path = out_dir / f"{key}-{scheme.value}.png"
                window.grab().save(str(path))
                written.append(path)
            today.scroller.ensureWidgetVisible(today.plan_view, 0, 0)
            window.show_section("today")
            settle()
            path = out_dir / f"today-plan-{scheme.value}.png"
            window.grab().save(str(path))
            written.append(path)
            written.append(render_player(out_dir, scheme))
            written.append(render_editor(companion, out_dir, scheme))
            written += render_reminder_windows(companion, out_dir, scheme)
            written += render_timer(companion, out_dir, scheme)
            written += render_history(companion, out_dir, scheme)
        companion.shutdown()
        window.allow_close = True
        window.close()
    return written


def seed_history(database: Path, now: datetime) -> None:
    """Four months of a runner's life from the benchmark's generator, ending now."""
    spec = importlib.util.spec_from_file_location(
        "history_data", Path(__file__).resolve().parent.parent / "benchmarks" / "history_data.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["history_data"] = module
    spec.loader.exec_module(module)
    module.generate(database, years=0.35, end=now, zone=local_zone(), seed=3)


def render_history(companion: CompanionApp, out_dir: Path, scheme: Scheme) -> list[Path]:
    """The whole History page (taller than the window), and the activity dialog with a note."""
    window = companion.window
    window.show_section("history")
    settle()
    inner = window.page("history").widget()  # type: ignore[attr-defined]
    inner.resize(inner.width(), inner.sizeHint().height())
    settle()
    full = out_dir / f"history-full-{scheme.value}.png"
    inner.grab().save(str(full))
    window.page("history").setWidgetResizable(True)  # type: ignore[attr-defined]
    dialog = companion.log_activity_dialog("run")
    dialog.km.setValue(24)
    dialog.minutes.setValue(140)
    dialog.effort.setValue(7)
    settle()
    logged = out_dir / f"activity-dialog-{scheme.value}.png"
    dialog.grab().save(str(logged))
    dialog.reject()
    return [full, logged]


def add_reminders(companion: CompanionApp) -> None:
    """Water, icing and an evening routine, with some water drunk, as a user might set them."""
    from datetime import time, timedelta  # noqa: PLC0415

    from companion.domain.reminders import Kind, ReminderRule  # noqa: PLC0415

    center = companion.reminders
    center.scheduler.start(paused=True)  # next times shown; nothing fires while rendering
    now = companion.clock.now()
    for rule in (
        ReminderRule(Kind.HYDRATION, "Water", every_min=90, amount_ml=250, daily_goal_ml=2000),
        ReminderRule(
            Kind.ICING,
            "Ice the left calf",
            every_min=120,
            on_min=15,
            region="calves",
            starts=now,
            ends=now + timedelta(hours=48),
        ),
        ReminderRule(
            Kind.ROUTINE,
            "Evening cool-down",
            times=(time(19, 30),),
            routine_id="post_run_cooldown",
        ),
    ):
        center.save_rule(rule)
    center.log_water(500, "app")
    center.log_water(250, "tray")


def render_reminder_windows(companion: CompanionApp, out_dir: Path, scheme: Scheme) -> list[Path]:
    """The reminder popup (a water prompt) and the editor on the icing rule."""
    from companion.ui.reminders.center import Prompt  # noqa: PLC0415

    center = companion.reminders
    water, ice = center.rules()[:2]
    popup = center.popup
    popup.show_prompt(
        Prompt(
            "event-0",
            water.title,
            center._body(water),
            (("done", "Done"), ("snooze", "Snooze 10 min"), ("skip", "Skip")),
        )
    )
    settle()
    popup_path = out_dir / f"reminder-popup-{scheme.value}.png"
    popup.grab().save(str(popup_path))
    popup.hide()
    dialog = companion.reminder_dialog(ice)
    dialog.show()
    settle()
    editor_path = out_dir / f"reminder-editor-{scheme.value}.png"
    dialog.grab().save(str(editor_path))
    dialog.close()
    return [popup_path, editor_path]


def render_timer(companion: CompanionApp, out_dir: Path, scheme: Scheme) -> list[Path]:
    """A contrast timer: its quick check, then 100 s into the second hot phase."""
    from datetime import timedelta  # noqa: PLC0415

    assert companion.start_timer("contrast", {"preset": "3-1x3"}) is None
    view = companion.therapy
    assert view is not None
    view.resize(480, 640)
    settle()
    before = out_dir / f"timer-check-{scheme.value}.png"
    view.grab().save(str(before))
    view.start()
    view.ticker.stop()
    assert view.timer is not None
    view.timer.started_at -= timedelta(seconds=340)
    view.timer.phase_started -= timedelta(seconds=340)
    view.advance(companion.clock.now())
    view.ticker.stop()
    settle()
    running = out_dir / f"timer-{scheme.value}.png"
    view.grab().save(str(running))
    view.finished.disconnect()  # a screenshot's timer is not stored
    view.close()
    companion.therapy = None
    return [before, running]


def add_own_routine(companion: CompanionApp) -> None:
    """One routine of the user's own, so the Routines page shows that part too."""
    from companion.domain.custom_routines import RoutineDraft, StepSpec  # noqa: PLC0415

    steps = (StepSpec("calf_roll", 60, 1), StepSpec("wall_calf_straight", 30, 2))
    companion.user_routines.found.save(
        RoutineDraft("Evening calves", "After a long run, before bed.", steps)
    )


def render_editor(companion: CompanionApp, out_dir: Path, scheme: Scheme) -> Path:
    """The routine editor on the user's routine, one dose outside the usual range."""
    from dataclasses import replace  # noqa: PLC0415

    from companion.ui.routines.editor import RoutineEditorDialog  # noqa: PLC0415

    mine = companion.user_routines
    (draft,) = mine.found.repo.all()
    steps = (draft.steps[0], replace(draft.steps[1], seconds=45))
    dialog = RoutineEditorDialog(
        replace(draft, steps=steps), mine.library, mine.regions, mine.bounds, poses=mine.poses
    )
    dialog.region_filter.setCurrentIndex(dialog.region_filter.findData("calves"))
    dialog.steps.setCurrentRow(1)
    dialog.resize(840, 700)
    dialog.show()
    settle()
    path = out_dir / f"routine-editor-{scheme.value}.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path


def render_player(out_dir: Path, scheme: Scheme) -> Path:
    """The guided player a few seconds into the post-run cool-down's first stretch."""
    from datetime import datetime, timedelta  # noqa: PLC0415

    from companion.resources import load_routines  # noqa: PLC0415
    from companion.ui.routines.player import RoutinePlayerView  # noqa: PLC0415

    class StillClock:
        def __init__(self) -> None:
            self.moment = datetime(2026, 6, 15, 18, 0, tzinfo=UTC)

        def now(self) -> datetime:
            return self.moment

    clock = StillClock()
    routine = load_routines().get("post_run_cooldown")
    from companion.resources import load_poses, load_regions  # noqa: PLC0415

    player = RoutinePlayerView(
        routine.name, routine.steps, clock, regions=load_regions(), poses=load_poses()
    )
    player.ticker.stop()
    player.resize(560, 820)
    player.show()
    clock.moment += timedelta(seconds=300 + 10 + 15 + 12)
    player.advance(clock.now())
    settle()
    path = out_dir / f"player-{scheme.value}.png"
    player.grab().save(str(path))
    player.close()
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "screenshots"
    for p in render(target):
        print(p)
