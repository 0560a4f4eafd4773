"""Translations: Qt's own and the app's, for the user's locale, installed at start-up.

The app's words are English in the source. Its catalogues live in
``resources/translations`` as ``companion_<lang>[_<COUNTRY>].qm``, built from
the ``.ts`` files by ``packaging/update_translations.py``. The English one is
always installed: it holds the English singular and plural of every numerus
message ("%n day(s)" becomes "1 day" and "2 days"), and it stays underneath a
partial translation, so a message that translation lacks falls back to proper
English rather than to its source text. For another language, Qt's own
translations (the standard buttons, the file dialogs) come from Qt's
translations folder and the app's from ours; ``QTranslator.load(locale, ...)``
tries the locale's UI languages in turn, so de_AT finds ``companion_de.qm``.

The cost at start-up is one to three ``QTranslator.load`` calls; nothing scans
a folder.

Every window string goes through ``QCoreApplication.translate("Context",
"literal text")`` (or ``self.tr`` in a QObject) with both arguments written
as literals: that is the only form pyside6-lupdate extracts. Plurals pass the
count as the fourth, positional argument: ``translate("Context", "%n day(s)",
None, n)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "companion"  # companion_<lang>.qm
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    """The app's ``.qm`` files: in a checkout, an installed wheel or a frozen bundle."""
    from companion.resources import resources_root  # noqa: PLC0415 - cheap, but only when asked

    return resources_root() / "translations"


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, *, directory: Path | None = None
) -> list[str]:
    """Install the translators for ``locale`` (the system's by default) on ``app``.

    Returns the files loaded, most general first (for the log and for tests).
    The translators are children of ``app``, so they live as long as it does.
    ``directory`` replaces the app's translations folder (tests use it).
    """
    locale = locale if locale is not None else QLocale.system()
    folder = str(directory if directory is not None else translations_dir())
    loaded: list[str] = []

    def install(translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        loaded.append(translator.filePath())

    english = locale.language() == QLocale.Language.English
    if not english:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", qt_dir):
            install(qt)
        else:
            qt.deleteLater()
    # Installed first, so searched last: the English plurals under any other language.
    base = QTranslator(app)
    if base.load(f"{CATALOGUE}_{SOURCE_LANGUAGE}", folder):
        install(base)
    else:
        base.deleteLater()
    if not english:
        ours = QTranslator(app)
        if ours.load(locale, CATALOGUE, "_", folder):
            install(ours)
        else:
            ours.deleteLater()
    return loaded
