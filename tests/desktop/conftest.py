"""Tests on a real X desktop (marker ``desktop``): Xvfb, a tray host and dunst.

Qt picks its platform once per process, when the QApplication is made, and the
rest of the suite shares one offscreen QApplication (tests/conftest.py). So the
tests in this folder run in a pytest process of their own, on a desktop that the
normal run starts for them; nothing else in the suite changes:

- In the normal run (``pytest``, ``pytest -m desktop``, ``pytest tests/desktop``)
  each test collected here is swapped for a stand-in with the same id and marks,
  so ``-m`` and ``-k`` select as usual. The first stand-in to run starts the
  desktop (tests/desktop/session.py: Xvfb, a private session bus, trayer, dunst),
  then ``python -m pytest <the selected ids>`` on it, once, and stops the desktop
  after that process has ended (so Qt never sees its X server go away). Every
  stand-in then reports its own test's outcome from that run: passed, failed with
  that run's report, or skipped with its reason. The run's output and the
  daemons' logs are kept in ``build/desktop-tests.log``.
- In that second process DISPLAY, DBUS_SESSION_BUS_ADDRESS and
  QT_QPA_PLATFORM=xcb point at the desktop, and the ``desktop`` session fixture
  is asked for before pytest-qt makes the QApplication, so Qt comes up on xcb.

Programs or libraries missing: the tests are skipped with the reason on a
developer's machine, and fail under CI (``CI`` set), where .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import pytest

from tests.desktop.session import Desktop, missing_requirements, running_desktop
from tests.ui.conftest import _english_catalogue, make_app  # noqa: F401 - fixtures, shared

RESULTS_ENV = "COMPANION_DESKTOP_RESULTS"  # set in the second process: where its reports go
HERE = Path(__file__).resolve().parent
CHILD_TIMEOUT_S = 600
LOG_TAIL_LINES = 80


def _unavailable(problems: list[str]) -> str:
    """The message for a machine that cannot run these; a failure under CI."""
    message = "no real desktop for these tests: missing " + ", ".join(problems)
    if os.environ.get("CI"):  # .ci/run installs them: a skip there would hide a failure
        pytest.fail(f"{message}; .ci/run should have installed them", pytrace=False)
    return message


# -- the normal run: stand-ins that report the desktop run's outcomes --------------------------
class DesktopRunError(Exception):
    """A test failed in the desktop run; the message is that run's report."""


class ReplayedTest(pytest.Item):
    """Stands in for one test of this folder and reports its outcome from the desktop run."""

    def __init__(self, *, original: pytest.Item, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.own_markers = list(original.own_markers)
        self.keywords.update(original.keywords)
        self._location = original.reportinfo()

    def reportinfo(self) -> tuple[Any, int | None, str]:
        path, line, name = self._location
        return path, line, str(name)

    def runtest(self) -> None:
        run = _desktop_run(self.session)
        if run.skip_reason:
            pytest.skip(run.skip_reason)
        if run.error:
            raise DesktopRunError(run.error)
        phases = run.results.get(self.nodeid)
        if not phases:
            raise DesktopRunError(
                "the desktop run gave no result for this test; "
                f"build/desktop-tests.log has it all, and ends:\n{run.tail}"
            )
        for phase in phases:
            if phase["outcome"] == "failed":
                raise DesktopRunError(f"[in the desktop run, {phase['when']}]\n{phase['text']}")
        for phase in phases:
            if phase["outcome"] == "skipped":
                pytest.skip(phase["reason"])

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, DesktopRunError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)


class DesktopRun:
    """The desktop, and the second pytest process on it: each test's reports, by node id."""

    def __init__(self, session: pytest.Session) -> None:
        self.results: dict[str, list[dict[str, str]]] = {}
        self.skip_reason = ""
        self.error = ""  # the desktop itself failed: every test fails with this
        self.tail = ""
        problems = missing_requirements()
        if problems:  # no use starting anything that can only skip
            self.skip_reason = _unavailable(problems)
            return
        ids = [item.nodeid for item in session.items if isinstance(item, ReplayedTest)]
        # Private files: another pytest in the same tree may be running these too.
        with tempfile.TemporaryDirectory(prefix="rc-desktop-run-") as folder:
            results = Path(folder) / "results.jsonl"
            log = Path(folder) / "desktop-tests.log"
            try:
                with log.open("w", encoding="utf-8") as out, running_desktop() as desktop:
                    self._run(session, ids, desktop, results, out)
            except (RuntimeError, AssertionError, OSError, subprocess.SubprocessError) as exc:
                self.error = f"the desktop did not start: {exc}"
            build = session.config.rootpath / "build"
            build.mkdir(exist_ok=True)
            shutil.copyfile(log, build / "desktop-tests.log")
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            self.tail = "\n".join(lines[-LOG_TAIL_LINES:])
            if results.exists():
                for line in results.read_text(encoding="utf-8").splitlines():
                    report = json.loads(line)
                    self.results.setdefault(report["nodeid"], []).append(report)

    @staticmethod
    def _run(
        session: pytest.Session, ids: list[str], desktop: Desktop, results: Path, out: TextIO
    ) -> None:
        env = {**os.environ, **desktop.exported(), RESULTS_ENV: str(results)}
        # Its own process group: on a time-out, anything it started goes with it.
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-ra", *ids],
            cwd=session.config.rootpath,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=CHILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            out.write(f"\nKILLED after {CHILD_TIMEOUT_S} s\n")
        out.write(f"\n=== the desktop's daemons\n{desktop.logs()}\n")


_RUN = pytest.StashKey[DesktopRun]()


def _desktop_run(session: pytest.Session) -> DesktopRun:
    if _RUN not in session.stash:
        session.stash[_RUN] = DesktopRun(session)
    return session.stash[_RUN]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if RESULTS_ENV in os.environ:  # the desktop run itself: the real tests
        return
    for index, item in enumerate(items):
        if isinstance(item, pytest.Function) and HERE in item.path.parents:
            assert item.parent is not None
            items[index] = ReplayedTest.from_parent(item.parent, name=item.name, original=item)


# -- the desktop run: its reports for the normal run, and the fixtures --------------------------
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    target = os.environ.get(RESULTS_ENV)
    if not target:
        return
    reason = ""
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2]).removeprefix("Skipped: ")
    line = {
        "nodeid": report.nodeid,
        "when": report.when,
        "outcome": report.outcome,
        "text": report.longreprtext,
        "reason": reason,
    }
    with Path(target).open("a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


@pytest.fixture(scope="session")
def desktop() -> Iterator[Desktop]:
    """The desktop this process was started on (Xvfb, the session bus, trayer, dunst)."""
    attached = Desktop.attach()
    if attached is None:
        pytest.fail(
            "no desktop to attach to: run these through pytest as usual "
            "(tests/desktop/conftest.py starts the desktop and a second pytest on it)",
            pytrace=False,
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QT_QPA_PLATFORM", "xcb")  # tests/conftest.py said offscreen at import
        yield attached


@pytest.fixture(scope="session")
def qapp_args(desktop: Desktop, pytestconfig: pytest.Config) -> list[str]:
    """pytest-qt's QApplication arguments; asking for the desktop first brings Qt up on it."""
    return [str(pytestconfig.getini("qt_qapp_name"))]


@pytest.fixture(autouse=True)
def _on_the_desktop(
    _isolated_dirs: None, desktop: Desktop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/conftest.py hides any session bus from each test; these get the desktop's."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
