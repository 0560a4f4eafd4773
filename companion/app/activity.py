"""History and the activity log, wired: the History page, logging an activity or a
morning (rule T8 with it) through the activity service, and the fever questions."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from companion.app.root import CompanionApp
    from companion.domain.activity import Activity, MorningLog
    from companion.domain.trends import TrendAlert
    from companion.services.activity import ActivityService, Logged
    from companion.ui.history.activity_dialog import ActivityDialog
    from companion.ui.history.page import HistoryPage


class ActivityWiring:
    def __init__(self, app: CompanionApp) -> None:
        self.app = app

    def _history_page(self) -> QWidget:
        from companion.services.history import HistoryService  # noqa: PLC0415
        from companion.ui.history.page import QT_TRANSLATE, HistoryPage  # noqa: PLC0415

        zone = self.app.clock.now().tzinfo
        assert zone is not None
        service = HistoryService(
            self.app.db,
            self.app.today.content.regions,
            self.app.clock,
            zone,
            self.app.water_goal,
            translate=QT_TRANSLATE,
            units=lambda: self.app.preferences.current.units,
        )
        page = HistoryPage(service)
        page.log_activity_requested.connect(self._log_activity_from_page)
        page.log_morning_requested.connect(self.log_morning_dialog)
        page.import_runs_requested.connect(self.app.activity_import.choose)
        self.app.data_changed.connect(page.mark_stale)
        self._add_load_card(page)
        return page

    def _add_load_card(self, page: HistoryPage) -> None:
        """The training-load card, above the activity log."""
        from companion.services.load import LoadService  # noqa: PLC0415
        from companion.ui.history.load_card import LoadCard  # noqa: PLC0415

        card = LoadCard(LoadService(self.app.db, self.app.clock).weeks)
        page.content.insertWidget(page.content.indexOf(page.activity_card), card)
        card.guide_requested.connect(self.app.open_guide)
        self.app.data_changed.connect(card.refresh)
        self.load_card = card

    def _log_activity_from_page(self) -> None:
        self.log_activity_dialog("run")

    def log_activity_dialog(
        self,
        kind: str = "run",
        *,
        after: Callable[[Activity], None] | None = None,
        save_text: str = "",
    ) -> ActivityDialog:
        """Open the activity dialog (not blocking); ``after`` runs once it is logged."""
        from companion.domain.activity import ActivityKind  # noqa: PLC0415
        from companion.storage.activities import ActivityRepository  # noqa: PLC0415
        from companion.ui.history.activity_dialog import ActivityDialog  # noqa: PLC0415

        repo = ActivityRepository(self.app.db)
        if self.app.activity_dialog is not None:
            self.app.activity_dialog.close()
        dialog = ActivityDialog(
            self.app.clock.now(),
            lambda: [a for _id, a in repo.recent(500)],
            self.app.window if self.app.window.isVisible() else None,
            kind=ActivityKind(kind),
            save_text=save_text,
        )
        self.app.activity_dialog = dialog
        self.app._after_activity = after
        dialog.accepted.connect(self._activity_accepted)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _activity_accepted(self) -> None:
        dialog = self.app.activity_dialog
        if dialog is None or dialog.activity is None:
            return
        reason = self.log_activity(dialog.activity, "app")
        if reason is not None:
            self.app.window.add_banner(reason)
            return
        after, self.app._after_activity = self.app._after_activity, None
        if after is not None:
            after(dialog.activity)

    @cached_property
    def activity(self) -> ActivityService:
        from companion.services.activity import ActivityService  # noqa: PLC0415

        return ActivityService(self.app.db, self.app.clock)

    def log_activity(self, activity: Activity, source: str) -> str | None:
        """Store an activity; the reason it was refused, or None."""
        try:
            self.activity.log_activity(activity, source)
        except ValueError as exc:
            return str(exc)
        self.app.data_changed.emit()
        return None

    def log_morning_dialog(self) -> None:
        from companion.ui.history.activity_dialog import MorningDialog  # noqa: PLC0415

        dialog = MorningDialog(self.app.clock.now().date(), self.app.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.log is None:
            return
        logged = self.log_morning(dialog.log)
        note = dialog.log.sleep_note()
        if note:
            QMessageBox.information(
                self.app.window,
                QCoreApplication.translate("CompanionApp", "Sleep and recovery"),
                note,
            )
        if logged.alert is not None:
            self._morning_alert(logged.alert)

    def log_morning(self, log: MorningLog) -> Logged:
        """Store a morning's sleep and recovery: its notes, and rule T8 if raised now."""
        logged = self.activity.log_morning(log)
        self.app.data_changed.emit()
        return logged

    def _morning_alert(self, alert: TrendAlert) -> None:
        """Rule T8 (three poorly recovered mornings in a row), raised once a run of them:
        the note, and the fever questions if the user says they have a fever."""
        box = QMessageBox(self.app.window)
        box.setWindowTitle(QCoreApplication.translate("CompanionApp", "Three tired mornings"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(alert.detail)
        fever = box.addButton(
            QCoreApplication.translate("CompanionApp", "Answer the fever questions"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(
            QCoreApplication.translate("CompanionApp", "No fever"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.exec()
        self.activity.settle(alert, "answered")
        if box.clickedButton() is fever:
            from companion.domain.triage import questions_for  # noqa: PLC0415

            self.app._ask_and_record(questions_for(self.app.today.content.triage, alert.moments))
