from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp
from companion.i18n import install_translators
from companion.paths import prepare_data_dir
from companion.storage.database import open_database
from companion.ui.theme import Scheme

MakeApp = Callable[..., CompanionApp]


@pytest.fixture(scope="session", autouse=True)
def _english_catalogue(qapp: QApplication) -> None:
    """English, as the app installs it at start-up: "%n day(s)" reads "1 day" and "2 days"."""
    install_translators(qapp, QLocale(QLocale.Language.English))


@pytest.fixture
def make_app(qapp: QApplication, qtbot, data_dir, clock) -> Iterator[MakeApp]:
    """Builds the real app on a real database in the test's data folder."""
    made: list[CompanionApp] = []

    def make(
        *, has_tray: bool = True, show: bool = True, scheme: Scheme = Scheme.LIGHT
    ) -> CompanionApp:
        paths = prepare_data_dir(data_dir)
        db = open_database(paths.database, clock.now()).database
        companion = CompanionApp(qapp, paths, db, clock, has_tray=has_tray)
        companion.theme.apply(scheme)
        qtbot.addWidget(companion.window)
        if show:
            companion.window.show()
            qtbot.waitExposed(companion.window)
        made.append(companion)
        return companion

    yield make
    for companion in made:
        companion.shutdown()
        if companion.tray is not None:
            companion.tray.hide()
        companion.window.allow_close = True
        companion.window.close()
        companion.window.deleteLater()
        companion.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def reopen(make_app: MakeApp, companion: CompanionApp, **kwargs) -> CompanionApp:
    """Quit one app the way a user would and start another on the same data folder."""
    companion.shutdown()
    companion.window.allow_close = True
    companion.window.close()
    return make_app(**kwargs)
