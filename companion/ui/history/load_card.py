"""History's "Training load" card: the last 7 days and the weeks before, in words.

Session load (minutes x effort), distance, how alike the days were and strain, the
heart-rate load apart (never added in), the sessions left out for want of an
effort, and the spike note at the top. No acute:chronic ratio, no risk zone: the
Guide passage behind "Why no risk zone?" says why. It shows
``domain.load.WeekLoad`` values read by services/load.py; it holds no rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain import load
from companion.ui.sections import Card, make_label

if TYPE_CHECKING:
    from companion.domain.load import WeekLoad

GUIDE_PASSAGE = "no_risk_zones"


def _span(week: WeekLoad) -> str:
    first, last = week.first, week.last
    if first.month == last.month:
        return f"{first.day}-{last.day} {last:%b}"
    return f"{first.day} {first:%b} - {last.day} {last:%b}"


class WeekView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EpisodeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        self.title = make_label("", "CardTitle")
        layout.addWidget(self.title)
        self.text = make_label("", "")
        layout.addWidget(self.text)
        self.missing = make_label("", "Muted")
        layout.addWidget(self.missing)

    def show_week(self, title: str, week: WeekLoad) -> None:
        self.title.setText(title)
        lines = [load.load_words(week), load.distance_words(week)]
        lines += [w for w in (load.sameness_words(week), load.strain_words(week)) if w]
        hr = load.hr_words(week)
        if hr:
            lines.append(hr)
        self.text.setText("\n".join(lines))
        missing = load.missing_words(week)
        self.missing.setText("\n".join(missing))
        self.missing.setVisible(bool(missing))
        self.setAccessibleName(title)
        self.setAccessibleDescription(" ".join([*lines, *missing]))


class LoadCard(Card):
    guide_requested = Signal(str)

    def __init__(
        self, read: Callable[[], Sequence[WeekLoad]], parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("LoadCard", "Training load"), parent)
        self._read = read
        self._stale = True
        self.spike = make_label("", "")
        self.spike.setObjectName("")
        self.spike_box = QFrame()
        self.spike_box.setObjectName("Banner")
        box = QVBoxLayout(self.spike_box)
        box.setContentsMargins(14, 10, 14, 10)
        box.addWidget(self.spike)
        self.spike.setAccessibleName(QCoreApplication.translate("LoadCard", "Load note"))
        self.body.addWidget(self.spike_box)
        self.add_text(
            QCoreApplication.translate(
                "LoadCard",
                "Session load is minutes x effort (1-10) for each session; a session without "
                "an effort is left out, never guessed. Heart-rate load is shown apart and "
                "never added to it. There is no risk zone here.",
            ),
            "Muted",
        )
        row = QHBoxLayout()
        self.why_button = QPushButton(QCoreApplication.translate("LoadCard", "Why no risk zone?"))
        self.why_button.clicked.connect(lambda: self.guide_requested.emit(GUIDE_PASSAGE))
        row.addWidget(self.why_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.week_views = [WeekView() for _ in range(load.WEEKS_SHOWN)]
        for view in self.week_views:
            self.body.addWidget(view)
        self.empty = self.add_text(
            QCoreApplication.translate("LoadCard", "No runs or sessions logged in these weeks."),
            "Muted",
        )

    def refresh(self) -> None:
        if self.isVisible():
            self.show_weeks(self._read())
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_weeks(self._read())

    def show_weeks(self, weeks: Sequence[WeekLoad]) -> None:
        self._stale = False
        notes = weeks[0].notes if weeks else ()
        self.spike.setText("\n\n".join(notes[:2]))
        self.spike_box.setVisible(bool(notes))
        any_shown = False
        for i, view in enumerate(self.week_views):
            week = weeks[i] if i < len(weeks) else None
            has = week is not None and bool(week.counted or week.runs or week.effort_missing)
            view.setVisible(has)
            if week is not None and has:
                any_shown = True
                title = (
                    QCoreApplication.translate("LoadCard", "Last 7 days (%s)") % _span(week)
                    if i == 0
                    else _span(week)
                )
                view.show_week(title, week)
        self.empty.setVisible(not any_shown)
