"""The Today screen: body map, check-in and today's plan together.

The widgets only show data and report what the user does; the
CheckInService decides which safety questions to ask, saves and plans.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from companion.domain.checkin import (
    ROUTINE_MINUTES,
    Cause,
    CheckIn,
    Descriptor,
    RegionDraft,
    RegionReport,
    SorenessType,
    Swelling,
)
from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.triage import Question
from companion.services.checkin import CheckInService
from companion.ui.score_row import ScoreRow
from companion.ui.sections import SECTIONS, Card, make_label
from companion.ui.today.body_map import BodyMapView, IntensityLegend

if TYPE_CHECKING:
    from companion.domain.planner import Plan
    from companion.services.checkin import ActivityOnset
    from companion.services.today import TodayService, TodayStatus
    from companion.ui.today.plan_view import PlanView

WIDE = 960  # from this page width, map and check-in sit side by side


class TodayPage(QWidget):
    """Map, check-in and plan. ``ask`` and ``ask_conditions`` are the dialogs' seams.

    Wide windows: the map stays in view on the left while the check-in and the
    plan scroll on the right. Narrow windows: one scrolling column, map first.
    """

    plan_shown = Signal()
    guide_requested = Signal(str)  # the id of a Guide passage: a plan's "Read more" was pressed
    # The plan's actions (see PlanView), reported by the page, which builds the plan late.
    start_routine_requested = Signal(object)
    start_timer_requested = Signal(str, object)
    water_reminders_requested = Signal()

    def __init__(
        self,
        presenter: CheckInService,
        parent: QWidget | None = None,
        ask: Callable[[tuple[Question, ...]], Mapping[str, bool] | None] | None = None,
        ask_conditions: Callable[[], tuple[ReportedCondition, ...] | None] | None = None,
        *,
        today: TodayService | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today  # what of the plan is done, and what the gate lets it offer
        self.info = SECTIONS[0]
        self.setObjectName("page-today")
        self.setAccessibleName(QCoreApplication.translate("sections", self.info.title))
        self.presenter = presenter
        self.ask = ask or self._ask_dialog
        self.ask_conditions = ask_conditions or self._conditions_dialog
        self.drafts: dict[str, RegionDraft] = {}
        self._type_touched = False
        self._context: tuple[str, str] | None = None  # the activity a new check-in is for

        self.map = BodyMapView(presenter.content.regions)
        self.map.setMinimumSize(340, 420)
        self.map.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.map_panel = QWidget()
        left = QVBoxLayout(self.map_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.map, 1)
        self.caption = make_label(
            QCoreApplication.translate("Today", "Point at a sore spot to see its name."),
            "CardTitle",
        )
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.caption)
        left.addWidget(IntensityLegend())
        left.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "Click a sore spot, or Tab into the map and use the arrow keys. "
                    "1-9 set soreness, 0 sets 10, Delete clears.",
                ),
                "Muted",
            )
        )

        self.scroller = self._build_column()

        self.outer = QHBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(0)
        self.outer.addWidget(self.scroller, 6)
        self._wide: bool | None = None
        self._arrange(wide=False)

        self.map.region_selected.connect(self._show_region)
        self.map.intensity_changed.connect(self._map_score_changed)
        self.map.region_hovered.connect(self._update_caption)
        self.map.region_selected.connect(self._update_caption)
        self.map.intensity_changed.connect(lambda rid, _v: self._update_caption(rid))
        self._prefill()

    def _build_column(self) -> QScrollArea:
        """Title, check-in cards, the save button and the plan, in one scrolling column."""
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(24, 22, 24, 24)
        self.column.setSpacing(12)
        title = make_label(QCoreApplication.translate("sections", self.info.title), "PageTitle")
        title.setAccessibleName(QCoreApplication.translate("sections", self.info.title))
        self.column.addWidget(title)
        self.column.addWidget(
            make_label(QCoreApplication.translate("sections", self.info.lead), "PageLead")
        )
        self.context_banner = QFrame()
        self.context_banner.setObjectName("Banner")
        banner_box = QVBoxLayout(self.context_banner)
        banner_box.setContentsMargins(14, 10, 14, 10)
        self.context_label = make_label("", "")
        self.context_label.setAccessibleName(QCoreApplication.translate("Today", "A new check-in"))
        banner_box.addWidget(self.context_label)
        self.context_banner.setVisible(False)
        self.column.addWidget(self.context_banner)
        self.region_card = self._build_region_card()
        self.column.addWidget(self.region_card)
        self.about_card = self._build_about_card()
        self.column.addWidget(self.about_card)
        self.save_button = QPushButton(
            QCoreApplication.translate("Today", "Save check-in and plan my day")
        )
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setDefault(True)  # Enter in a check-in field saves (keyPressEvent)
        self.save_button.setToolTip(QCoreApplication.translate("Today", "Enter"))
        self.save_button.clicked.connect(self.save)
        self.column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = make_label("", "Muted")
        self.column.addWidget(self.status)
        self._plan_view: PlanView | None = None  # built with the first plan shown
        self.column.addStretch(1)
        scroller.setWidget(inner)
        return scroller

    @property
    def plan_view(self) -> PlanView:
        """Today's plan, under the check-in. Built the first time a plan is shown (a
        returning user's start has none yet, and the plan's widgets wait for one)."""
        if self._plan_view is None:
            from companion.ui.today.plan_view import PlanView  # noqa: PLC0415

            view = PlanView()
            view.units = lambda: self.presenter.preferences().units
            view.assessed_confirmed.connect(self._confirm_assessed)
            view.guide_requested.connect(self.guide_requested.emit)
            view.edit_checkin_requested.connect(self.edit_checkin)
            view.start_routine_requested.connect(self.start_routine_requested.emit)
            view.start_timer_requested.connect(self.start_timer_requested.emit)
            view.water_reminders_requested.connect(self.water_reminders_requested.emit)
            self.column.insertWidget(self.column.indexOf(self.status) + 1, view)
            self._plan_view = view
            self.order_tabs()
        return self._plan_view

    def is_wide(self) -> bool:
        """Map and check-in side by side (True) or in one column."""
        return bool(self._wide)

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.column.removeWidget(self.map_panel)
            self.outer.insertWidget(0, self.map_panel, 5)
            self.outer.setContentsMargins(24, 22, 0, 12)
        else:
            self.outer.removeWidget(self.map_panel)
            # under the title, the lead and the new check-in's banner
            self.column.insertWidget(self.column.indexOf(self.context_banner) + 1, self.map_panel)
            self.outer.setContentsMargins(0, 0, 0, 0)
        self.order_tabs()

    def order_tabs(self) -> None:
        """Tab follows the page: the map, the region's scores and words, the answers
        about the soreness, Save, then the plan (the map panel joins the page last, so
        Qt's order, by when each widget joined, would put it after the plan)."""
        chain: list[QWidget] = [
            self.map,
            *self.rest_row.buttons(),
            *self.move_row.buttons(),
            *self.word_boxes.values(),
            self.hours,
            self.cause,
            self.kind,
            self.swelling,
            self.minutes,
            self.warm,
            self.save_button,
            *([self._plan_view] if self._plan_view is not None else []),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- building ---------------------------------------------------------------------
    def _build_region_card(self) -> Card:
        card = Card(QCoreApplication.translate("Today", "Pick a sore spot on the map"))
        self.region_title = card.findChild(QLabel, "CardTitle")
        self.region_hint = card.add_text(
            QCoreApplication.translate(
                "Today", "Choose the front or back of either leg. Each spot gets its own score."
            ),
            "Muted",
        )
        self.rest_row = ScoreRow(QCoreApplication.translate("Today", "Soreness at rest"))
        self.move_row = ScoreRow(
            QCoreApplication.translate("Today", "Soreness during the test movement")
        )
        card.body.addWidget(self.rest_row)
        card.body.addWidget(self.move_row)
        words = QGridLayout()
        self.word_boxes: dict[Descriptor, QCheckBox] = {}
        for index, word in enumerate(Descriptor):
            box = QCheckBox(word.value)
            box.setAccessibleName(QCoreApplication.translate("Today", "Feels %s") % word.value)
            words.addWidget(box, index // 3, index % 3)
            box.toggled.connect(lambda on, w=word: self._word_toggled(w, on))
            self.word_boxes[word] = box
        card.body.addLayout(words)
        self.rest_row.changed.connect(lambda v: self._draft_changed(rest=v))
        self.move_row.changed.connect(lambda v: self._draft_changed(move=v))
        self._set_region_controls_enabled(False)
        return card

    def _build_about_card(self) -> Card:
        card = Card(QCoreApplication.translate("Today", "About this soreness"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.hours = QSpinBox()
        self.hours.setRange(0, 24 * 90)
        self.hours.setValue(24)
        self.hours.setSuffix(QCoreApplication.translate("Today", " hours ago"))
        self.hours.setAccessibleName(
            QCoreApplication.translate("Today", "It started this many hours ago")
        )
        self.cause = QComboBox()
        for cause in Cause:
            self.cause.addItem(cause.label, cause.value)
        self.cause.setAccessibleName(QCoreApplication.translate("Today", "What set it off"))
        self.kind = QComboBox()
        for kind in SorenessType:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setAccessibleName(QCoreApplication.translate("Today", "What it feels like"))
        self.swelling = QComboBox()
        self.swelling.addItem(
            QCoreApplication.translate("Today", "No swelling"), Swelling.NONE.value
        )
        self.swelling.addItem(
            QCoreApplication.translate("Today", "Both legs swollen"), Swelling.BOTH_SIDES.value
        )
        self.swelling.addItem(
            QCoreApplication.translate("Today", "Left leg swollen"), Side.LEFT.value
        )
        self.swelling.addItem(
            QCoreApplication.translate("Today", "Right leg swollen"), Side.RIGHT.value
        )
        self.swelling.setAccessibleName(QCoreApplication.translate("Today", "Swelling"))
        self.warm = QCheckBox(QCoreApplication.translate("Today", "The sore area is warm or red"))
        self.minutes = QComboBox()
        for minutes in ROUTINE_MINUTES:
            self.minutes.addItem(
                QCoreApplication.translate("Today", "%n minute(s)", None, minutes), minutes
            )
        self.minutes.setAccessibleName(
            QCoreApplication.translate("Today", "Time for a routine today")
        )
        for row, (text, widget) in enumerate(
            (
                (QCoreApplication.translate("Today", "It started"), self.hours),
                (QCoreApplication.translate("Today", "What set it off"), self.cause),
                (QCoreApplication.translate("Today", "It feels like"), self.kind),
                (QCoreApplication.translate("Today", "Swelling"), self.swelling),
                (QCoreApplication.translate("Today", "Routine time"), self.minutes),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
        for combo in (self.cause, self.kind, self.swelling, self.minutes):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        grid.addWidget(self.warm, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        self.activity_note = make_label("", "Muted")
        self.activity_note.setVisible(False)
        card.body.addWidget(self.activity_note)
        self._activity_hours: int | None = None
        self.hours.valueChanged.connect(self._hours_changed)
        self.cause.currentIndexChanged.connect(self._cause_changed)
        self.kind.activated.connect(lambda _i: setattr(self, "_type_touched", True))
        return card

    # -- layout ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(wide=event.size().width() >= WIDE)

    # -- the draft check-in ----------------------------------------------------------------------
    def _prefill(self) -> None:
        latest = self.presenter.latest()
        self.minutes.setCurrentIndex(
            max(0, self.minutes.findData(self.presenter.routine_minutes()))
        )
        onset = self.presenter.activity_onset(latest)
        if latest is None or onset is not None:
            self._start_new_context(latest, onset)
            return
        for report in latest.regions:
            self.drafts[report.region_id] = RegionDraft(
                report.at_rest, report.on_movement, set(report.descriptors)
            )
        self.map.set_scores({rid: d.on_movement for rid, d in self.drafts.items()})
        hours = latest.hours_since_onset + (
            (self.presenter.clock.now() - latest.at).total_seconds() / 3600
        )
        self.hours.setValue(round(hours))
        self.cause.setCurrentIndex(max(0, self.cause.findData(latest.cause.value)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(latest.soreness_type.value)))
        self._type_touched = True
        side = latest.swollen_side.value if latest.swollen_side else latest.swelling.value
        self.swelling.setCurrentIndex(max(0, self.swelling.findData(side)))
        self.warm.setChecked(latest.area_warm_or_red)
        # The plan needs the rest of the content: make it after the window has painted.
        QTimer.singleShot(0, lambda: self._show_plan_for(latest))

    def _hours_changed(self, hours: int) -> None:
        """The note names the logged activity only while the hours still point at it."""
        self.activity_note.setVisible(hours == self._activity_hours)

    def preferences_changed(self) -> None:
        """Settings changed units, the water goal, equipment or the emergency number."""
        latest = self.presenter.latest()
        if latest is not None and self._context is None:
            self._show_plan_for(latest)

    def activity_logged(self) -> None:
        """Something was stored (a run or leg day logged, a routine run, an import).

        A run or leg day newer than the last check-in starts a new check-in for it: the
        map and answers are cleared, its cause and onset come from the activity, and a
        banner says so. Otherwise what is done today may have changed.
        """
        latest = self.presenter.latest()
        onset = self.presenter.activity_onset(latest)
        if onset is not None and self._activity_key(onset) != self._context:
            self._start_new_context(latest, onset)
            return
        self.refresh_plan()

    @staticmethod
    def _activity_key(onset: ActivityOnset) -> tuple[str, str]:
        return (onset.activity.kind.value, onset.activity.ended_at.isoformat())

    def _start_new_context(self, latest: CheckIn | None, onset: ActivityOnset | None) -> None:
        """A fresh check-in: nothing marked, the usual answers; with an activity logged
        since the last check-in, its cause and onset, and the banner naming it."""
        self.drafts = {}
        self.map.set_scores({})
        self.swelling.setCurrentIndex(0)
        self.warm.setChecked(False)
        self._type_touched = False
        if self.map.selected_region is not None:
            self._show_region(self.map.selected_region)  # its scores read 0 again
            self.drafts = {}
        if onset is None:
            self._context = None
            return
        self._context = self._activity_key(onset)
        self._activity_hours = onset.hours
        self.hours.setValue(onset.hours)
        self.cause.setCurrentIndex(max(0, self.cause.findData(onset.cause.value)))
        self._cause_changed()
        now = self.presenter.clock.now()
        ended = onset.activity.ended_at.astimezone(now.tzinfo)
        self.activity_note.setText(
            QCoreApplication.translate("Today", "From your log: %s, finished %s.")
            % (onset.activity.describe(), ended.strftime("%a %H:%M"))
        )
        self.activity_note.setVisible(True)
        self.context_label.setText(self._context_words(onset, latest))
        self.context_banner.setVisible(True)
        self.scroller.verticalScrollBar().setValue(0)  # the banner, the map and the answers
        if self._plan_view is not None:
            self._plan_view.clear()
            self._plan_view.plan = None
        self.status.setText("")

    def _context_words(self, onset: ActivityOnset, latest: CheckIn | None) -> str:
        now = self.presenter.clock.now()
        ended = onset.activity.ended_at.astimezone(now.tzinfo)
        when = ended.strftime("%H:%M")
        if ended.date() != now.date():
            when = ended.strftime("%a %H:%M")
        what = {
            "run": QCoreApplication.translate("Today", "your run"),
            "leg_day": QCoreApplication.translate("Today", "your leg day"),
            "long_standing": QCoreApplication.translate("Today", "your long time on your feet"),
            "other": QCoreApplication.translate("Today", "your exercise"),
        }[onset.activity.kind.value]
        text = QCoreApplication.translate(
            "Today", "New check-in for %s that ended at %s. Mark how your legs feel now"
        ) % (what, when)
        if latest is None:
            return text + "."
        day = latest.at.astimezone(now.tzinfo).date()
        days = (now.date() - day).days
        if days <= 0:
            return text + QCoreApplication.translate(
                "Today", "; saving replaces today's earlier check-in."
            )
        if days == 1:
            return text + QCoreApplication.translate(
                "Today", "; yesterday's check-in stays in History."
            )
        return text + (
            QCoreApplication.translate("Today", "; your check-in from %s stays in History.")
            % day.strftime("%a %d %b")
        )

    def _status_for(self, plan: Plan) -> TodayStatus | None:
        return self.today.status(plan) if self.today is not None else None

    def show_plan(self, plan: Plan) -> None:
        """Draw ``plan`` with what is done today and what may start now."""
        self.plan_view.show_plan(plan, self.presenter.emergency_number(), self._status_for(plan))

    def refresh_plan(self) -> None:
        """A routine or timer ended, or reminders changed: mark what is done again
        (the page stays where it was scrolled to)."""
        plan = self._plan_view.plan if self._plan_view is not None else None
        if plan is None:
            return
        bar = self.scroller.verticalScrollBar()
        where = bar.value()
        self.plan_view.set_status(self._status_for(plan))
        QTimer.singleShot(0, lambda: self._settled(lambda: bar.setValue(where)))

    def _settled(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the column's new sizes are known (the scroll area hears of
        them through its layout request, handled here rather than on a later pass)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        then()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_plan()  # coming back from Reminders or a timer: what is done now

    def _show_plan_for(self, checkin: CheckIn) -> None:
        self.show_plan(self.presenter.plan(checkin))
        self.plan_shown.emit()

    def scroll_to_plan(self) -> None:
        """Bring the plan's top into view (once the layout has settled)."""
        self._settled(self._scroll_to_plan_now)

    def _scroll_to_plan_now(self) -> None:
        inner = self.scroller.widget()
        if inner is None:
            return
        top = self.plan_view.mapTo(inner, self.plan_view.rect().topLeft()).y()
        self.scroller.verticalScrollBar().setValue(max(0, top - 12))

    def edit_checkin(self) -> None:
        """The plan's "Edit check-in": back to the map and answers."""
        target = self.region_card if self.is_wide() else self.map_panel
        inner = self.scroller.widget()
        if inner is not None:
            top = target.mapTo(inner, target.rect().topLeft()).y()
            self.scroller.verticalScrollBar().setValue(max(0, top - 12))
        self.map.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field of the check-in saves it, as a dialog's default button would
        (not in a multi-line editor, and not in the plan, whose buttons take Enter)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._in_checkin_field():
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def _in_checkin_field(self) -> bool:
        focus = self.focusWidget()
        if focus is None or isinstance(focus, QTextEdit | QPlainTextEdit):
            return False
        return any(
            focus is card or card.isAncestorOf(focus)
            for card in (self.region_card, self.about_card, self.save_button)
        )

    def _update_caption(self, region_id: str) -> None:
        """Name the region under the pointer, else the selected one."""
        shown = region_id or self.map.selected_region
        if shown:
            self.caption.setText(self.map.describe(shown))

    def _cause_changed(self) -> None:
        if not self._type_touched:
            kind = SorenessType.suggested_for(Cause(self.cause.currentData()))
            self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _show_region(self, region_id: str) -> None:
        region = self.presenter.content.regions.get(region_id)
        draft = self.drafts.setdefault(region_id, RegionDraft())
        assert self.region_title is not None
        self.region_title.setText(f"{region.display_name}: {region.plain_name}")
        self.region_hint.setText(
            QCoreApplication.translate("Today", "Test movement: %s") % region.test_movement
        )
        self._set_region_controls_enabled(True)
        self.rest_row.set_value(draft.at_rest)
        self.move_row.set_value(draft.on_movement)
        for word, box in self.word_boxes.items():
            box.blockSignals(True)
            box.setChecked(word in draft.descriptors)
            box.blockSignals(False)

    def _set_region_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.rest_row, self.move_row, *self.word_boxes.values()):
            widget.setEnabled(enabled)

    def _map_score_changed(self, region_id: str, value: int) -> None:
        draft = self.drafts.setdefault(region_id, RegionDraft())
        draft.rate_on_map(value)
        if self.map.selected_region == region_id:
            self.move_row.set_value(value)
            self.rest_row.set_value(draft.at_rest)

    def _draft_changed(self, rest: int | None = None, move: int | None = None) -> None:
        region_id = self.map.selected_region
        if region_id is None:
            return
        draft = self.drafts.setdefault(region_id, RegionDraft())
        if rest is not None:
            draft.at_rest = rest
        if move is not None:
            draft.on_movement = move
            self.map.set_score(region_id, move)

    def _word_toggled(self, word: Descriptor, on: bool) -> None:
        region_id = self.map.selected_region
        if region_id is None:
            return
        draft = self.drafts.setdefault(region_id, RegionDraft())
        if on:
            draft.descriptors.add(word)
        else:
            draft.descriptors.discard(word)

    def build_checkin(self) -> CheckIn:
        now = self.presenter.clock.now()
        catalog = self.presenter.content.regions
        reports = tuple(
            RegionReport(
                rid, catalog.get(rid).side, d.at_rest, d.on_movement, frozenset(d.descriptors)
            )
            for rid, d in self.drafts.items()
            if d.at_rest or d.on_movement
        )
        swelling_value = self.swelling.currentData()
        if swelling_value in (Side.LEFT.value, Side.RIGHT.value):
            swelling, swollen = Swelling.ONE_SIDE, Side(swelling_value)
        else:
            swelling, swollen = Swelling(swelling_value), None
        return CheckIn(
            at=now,
            onset=now - timedelta(hours=self.hours.value()),
            cause=Cause(self.cause.currentData()),
            soreness_type=SorenessType(self.kind.currentData()),
            regions=reports,
            swelling=swelling,
            swollen_side=swollen,
            area_warm_or_red=self.warm.isChecked(),
        )

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> bool:
        checkin = self.build_checkin()
        if not checkin.sore_regions:
            self.status.setText(
                QCoreApplication.translate("Today", "Mark at least one sore spot on the map first.")
            )
            return False
        if not self.presenter.conditions_asked():
            conditions = self.ask_conditions()
            if conditions is None:
                self.status.setText(
                    QCoreApplication.translate(
                        "Today", "Nothing saved: the health questions were cancelled."
                    )
                )
                return False
            self.presenter.save_conditions(conditions)
        minutes = int(self.minutes.currentData())
        self.presenter.set_routine_minutes(minutes)
        saved = self.presenter.submit(checkin, self.ask)
        if saved is None:
            self.status.setText(
                QCoreApplication.translate(
                    "Today", "Nothing saved: the safety check was cancelled."
                )
            )
            return False
        self.status.setText(
            QCoreApplication.translate("Today", "Saved at %s.") % saved.checkin.at.strftime("%H:%M")
        )
        self.context_banner.setVisible(False)
        self._context = None
        self.show_plan(saved.plan)
        QTimer.singleShot(0, self.scroll_to_plan)  # once the new plan's sizes are known
        self.plan_shown.emit()
        return True

    def _confirm_assessed(self) -> None:
        """The "I have been assessed" button: only a Yes to its question ends a red lock."""
        if self.ask_assessed():
            self.confirm_assessed()

    def ask_assessed(self) -> bool:
        """The assessment question's seam: True only when the user answers Yes."""
        return bool(self.assessed_question().exec() == QMessageBox.StandardButton.Yes)

    def assessed_question(self) -> QMessageBox:
        """A plain Yes/No question whose default (Enter) and Escape are No."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Today", "Confirm assessment"),
            QCoreApplication.translate(
                "Today",
                "Have you been assessed by a doctor or other health professional about "
                "these symptoms?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def confirm_assessed(self) -> None:
        self.presenter.confirm_assessed()
        latest = self.presenter.latest()
        if latest is not None:
            self.show_plan(self.presenter.plan(latest))

    def _ask_dialog(self, questions: tuple[Question, ...]) -> Mapping[str, bool] | None:
        from companion.ui.today.dialogs import SafetyQuestionsDialog  # noqa: PLC0415 - at Save

        reasons = tuple(a.detail for a in self.presenter.pending_alerts)
        dialog = SafetyQuestionsDialog(questions, self, reasons)
        return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _conditions_dialog(self) -> tuple[ReportedCondition, ...] | None:
        from companion.ui.today.dialogs import ConditionsDialog  # noqa: PLC0415 - at Save

        dialog = ConditionsDialog(self.presenter, self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
