"""The Today screen: body map, check-in and today's plan together.

The widgets only show data and report what the user does; the
CheckInService decides which safety questions to ask, saves and plans.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain.checkin import (
    ROUTINE_MINUTES,
    Cause,
    CheckIn,
    Descriptor,
    RegionReport,
    SorenessType,
    Swelling,
)
from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.triage import Question, Tier
from companion.domain.units import METRIC, Units
from companion.resources import style_sheet
from companion.services.checkin import CheckInService
from companion.ui.sections import DISCLAIMER, SECTIONS, Card, make_label
from companion.ui.today.body_map import BodyMapView, IntensityLegend

if TYPE_CHECKING:
    from companion.domain.planner import Plan
    from companion.domain.therapy import TherapyOption

WIDE = 960  # from this page width, map and check-in sit side by side

TIER_COLOURS = {
    Tier.RED: ("#b3261e", "#ffffff"),
    Tier.ORANGE: ("#c25e00", "#ffffff"),
    Tier.YELLOW: ("#f2c230", "#2b2100"),
    Tier.GREEN: ("#1d7f67", "#ffffff"),
}
STATUS_WORDS = {  # keyed by therapy.Status values; the rules load after the first paint
    "suggested": QT_TRANSLATE_NOOP("Today", "Suggested"),
    "allowed": QT_TRANSLATE_NOOP("Today", "Fine"),
    "caution": QT_TRANSLATE_NOOP("Today", "With care"),
    "blocked": QT_TRANSLATE_NOOP("Today", "Not today"),
}


@dataclass
class RegionDraft:
    at_rest: int = 0
    on_movement: int = 0
    descriptors: set[Descriptor] = field(default_factory=set)


class ScoreRow(QWidget):
    """0-10 as eleven buttons: quick to click, each with a screen-reader name."""

    changed = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = make_label(title, "")
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for value in range(11):
            button = QPushButton(str(value))
            button.setObjectName("ScoreButton")
            button.setCheckable(True)
            button.setFixedSize(28, 28)
            button.setAccessibleName(
                QCoreApplication.translate("Today", "%s: %d out of 10") % (title, value)
            )
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.group.idClicked.connect(self.changed.emit)

    def value(self) -> int:
        return max(self.group.checkedId(), 0)

    def set_value(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)


class ClickableLabel(QLabel):
    """Long question text beside a checkbox: clicking the words ticks the box."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class SafetyQuestionsDialog(QDialog):
    """Tick what applies. "None of these" answers every question no."""

    def __init__(
        self,
        questions: tuple[Question, ...],
        parent: QWidget | None = None,
        reasons: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Today", "Before your plan: a quick safety check")
        )
        self.setMinimumSize(560, 480)
        layout = QVBoxLayout(self)
        if reasons:
            frame = QFrame()
            frame.setObjectName("Banner")
            frame_box = QVBoxLayout(frame)
            frame_box.setContentsMargins(12, 10, 12, 10)
            why = make_label(
                QCoreApplication.translate("Today", "Why these questions now:")
                + "\n"
                + "\n".join(f"• {r}" for r in reasons),
                "",
            )
            why.setAccessibleName(QCoreApplication.translate("Today", "Why these questions now"))
            frame_box.addWidget(why)
            layout.addWidget(frame)
        intro = make_label(
            QCoreApplication.translate(
                "Today",
                "Do any of these apply to you right now? Tick each one that does. "
                "This is not a diagnosis: it tells you when to get help instead of self-care.",
            ),
            "",
        )
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        rows = QVBoxLayout(inner)
        self.boxes: dict[str, QCheckBox] = {}
        for question in questions:
            row = QHBoxLayout()
            box = QCheckBox()
            box.setAccessibleName(question.text)
            text = ClickableLabel(question.text)
            text.setBuddy(box)
            text.clicked.connect(box.toggle)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            rows.addLayout(row)
            self.boxes[question.id] = box
        rows.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.none_button = buttons.addButton(
            QCoreApplication.translate("Today", "None of these apply"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.continue_button = buttons.addButton(
            QCoreApplication.translate("Today", "Continue with what I ticked"),
            QDialogButtonBox.ButtonRole.ApplyRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.none_button.clicked.connect(self._none)
        self.continue_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _none(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        self.accept()

    def answers(self) -> dict[str, bool]:
        return {qid: box.isChecked() for qid, box in self.boxes.items()}


class ConditionsDialog(QDialog):
    """PROTOCOLS 3.4: asked once, editable later from Settings."""

    def __init__(self, presenter: CheckInService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Today", "Health conditions"))
        self.setMinimumWidth(760)
        self._catalog = presenter.content.conditions
        current = {c.id: c for c in presenter.conditions()}
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "Some conditions make ice, heat, baths or rolling unsafe. Tick any that "
                    "apply; the plan will leave those out. You can change this in Settings.",
                ),
                "",
            )
        )
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        self.legs: dict[str, QComboBox] = {}
        for row, condition in enumerate(self._catalog.conditions):
            box = QCheckBox(condition.label)
            box.setChecked(condition.id in current)
            grid.addWidget(box, row, 0)
            self.boxes[condition.id] = box
            if condition.area_specific:
                legs = QComboBox()
                legs.addItems(
                    [
                        QCoreApplication.translate("Today", "Both legs"),
                        QCoreApplication.translate("Today", "Left leg"),
                        QCoreApplication.translate("Today", "Right leg"),
                    ]
                )
                legs.setAccessibleName(
                    QCoreApplication.translate("Today", "%s: which leg") % condition.label
                )
                if condition.id in current:
                    legs.setCurrentIndex(_legs_index(current[condition.id].legs))
                legs.setEnabled(box.isChecked())
                box.toggled.connect(legs.setEnabled)
                grid.addWidget(legs, row, 1)
                self.legs[condition.id] = legs
        layout.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[ReportedCondition, ...]:
        result = []
        for cid, box in self.boxes.items():
            if not box.isChecked():
                continue
            legs = frozenset({Side.LEFT, Side.RIGHT})
            if cid in self.legs:
                legs = (legs, frozenset({Side.LEFT}), frozenset({Side.RIGHT}))[
                    self.legs[cid].currentIndex()
                ]
            result.append(ReportedCondition(cid, legs))
        return tuple(result)


def _legs_index(legs: frozenset[Side]) -> int:
    if legs == {Side.LEFT}:
        return 1
    if legs == {Side.RIGHT}:
        return 2
    return 0


class PlanView(QWidget):
    """Today's plan, or the full stop when emergency signs were reported."""

    assessed_confirmed = Signal()
    start_routine = Signal(object)  # the plan, whose routine steps to play
    guide_requested = Signal(str)  # the id of the Guide passage behind a "why" line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.setAccessibleName(QCoreApplication.translate("Today", "Today's plan"))
        self.units: Callable[[], Units] = lambda: METRIC  # the user's units (Settings)
        self.plan: Plan | None = None
        self.start_button: QPushButton | None = None

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the tree now, freed on the next pass
                widget.deleteLater()

    def show_plan(self, plan: Plan, emergency_number: str) -> None:
        self.clear()
        self.plan = plan
        self.start_button = None
        if plan.locked:
            self._layout.addWidget(self._stop_panel(plan, emergency_number))
            return
        self._layout.addWidget(self._tier_banner(plan))
        therapies = Card(QCoreApplication.translate("Today", "Ice, heat and water"))
        for option in plan.therapies:
            therapies.body.addWidget(self._therapy_row(option))
        self._layout.addWidget(therapies)
        self._layout.addWidget(self._routine_card(plan))
        more = Card(QCoreApplication.translate("Today", "Movement and water"))
        active = plan.active_recovery
        if active.allowed:
            more.add_text(
                QCoreApplication.translate("Today", "Active recovery: %d minutes of %s. %s")
                % (active.minutes, ", ".join(active.modes), active.why)
            )
        else:
            more.add_text(QCoreApplication.translate("Today", "Active recovery: %s") % active.why)
        self._add_read_more(
            more.body, "active_recovery", QCoreApplication.translate("Today", "Active recovery")
        )
        water = plan.water
        if water.litres is None:
            more.add_text(QCoreApplication.translate("Today", "Water: %s") % water.why)
        else:
            more.add_text(
                QCoreApplication.translate("Today", "Water: about %s today. %s")
                % (self.units().litres(water.litres), water.why)
            )
        self._add_read_more(more.body, "water", QCoreApplication.translate("Today", "Water"))
        self._layout.addWidget(more)
        stops = Card(QCoreApplication.translate("Today", "Stop at once if"))
        stops.setObjectName("StopCard")
        for rule in plan.stop_rules:
            stops.add_text(f"• {rule}")
        self._add_read_more(
            stops.body, "stop_rules", QCoreApplication.translate("Today", "When to stop")
        )
        self._layout.addWidget(stops)
        self._layout.addWidget(
            make_label(QCoreApplication.translate("sections", DISCLAIMER), "Muted")
        )

    def _start_clicked(self) -> None:
        if self.plan is not None:
            self.start_routine.emit(self.plan)

    def _routine_card(self, plan: Plan) -> Card:
        minutes = round(plan.routine_seconds / 60)
        card = Card(
            QCoreApplication.translate("Today", "Stretching and rolling: about %d min") % minutes
            if plan.routine
            else QCoreApplication.translate("Today", "Stretching and rolling")
        )
        if plan.routine_note:
            card.add_text(plan.routine_note)
        for step in plan.routine:
            dose = f"{step.reps} × {step.seconds} s" if step.reps > 1 else f"{step.seconds} s"
            side = {
                "left": QCoreApplication.translate("Today", "left"),
                "right": QCoreApplication.translate("Today", "right"),
                "both": QCoreApplication.translate("Today", "both legs"),
            }[step.side]
            row = card.add_text(f"{step.exercise.name} ({side}): {dose}")
            row.setToolTip("\n".join(step.exercise.cues))
            for caution in step.cautions:  # a health condition's care for this step
                card.add_text(f"    • {caution}", "Muted").setProperty("caution", True)
        if plan.routine:
            card.add_text(
                QCoreApplication.translate(
                    "Today",
                    "Stretch to mild tension only; roll at no more than moderate discomfort. "
                    "The player times each step and tells you when to switch sides.",
                ),
                "Muted",
            )
            start = QPushButton(QCoreApplication.translate("Today", "Start the guided routine"))
            start.setObjectName("PrimaryButton")
            start.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            start.clicked.connect(self._start_clicked)
            self.start_button = start
            card.body.addWidget(start)
            links = QHBoxLayout()
            links.setSpacing(16)
            self._add_read_more(
                links,
                "stretching",
                QCoreApplication.translate("Today", "Stretching"),
                text=QCoreApplication.translate("Today", "Read more about stretching"),
            )
            self._add_read_more(
                links,
                "foam_rolling",
                QCoreApplication.translate("Today", "Foam rolling"),
                text=QCoreApplication.translate("Today", "Read more about rolling"),
            )
            links.addStretch(1)
            card.body.addLayout(links)
        return card

    def _tier_banner(self, plan: Plan) -> QFrame:
        tier = plan.triage.tier
        # Concerns in the check-in itself (sharp pain at 7/10, a swollen leg...) are shown
        # in the caution colour, never in the calm green of "no warning signs".
        shown = Tier.YELLOW if plan.needs_attention else tier
        banner = QFrame()
        banner.setObjectName("TierBanner")
        banner.setProperty("tier", shown.value)
        background, foreground = TIER_COLOURS[shown]
        banner.setStyleSheet(
            f"#TierBanner {{ background: {background}; border-radius: 10px; }}"
            f"#TierBanner QLabel {{ color: {foreground}; }}"
        )
        layout = QVBoxLayout(banner)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = make_label(plan.headline, "CardTitle")
        heading.setProperty("headline", True)
        heading.setAccessibleName(
            QCoreApplication.translate("Today", "Safety check: %s") % plan.headline
        )
        layout.addWidget(heading)
        for concern in plan.concerns:
            layout.addWidget(make_label(f"• {concern}", ""))
        for note in plan.notes:
            if note not in (tier.headline, plan.headline):
                layout.addWidget(make_label(note, ""))
        if shown is not Tier.GREEN:
            self._add_read_more(
                layout,
                shown.value,
                plan.headline,
                foreground,
                QCoreApplication.translate("Today", "Read more about getting care"),
            )
        kind = plan.soreness_type
        self._add_read_more(
            layout,
            kind.value,
            kind.label,
            foreground,
            QCoreApplication.translate("Today", "Read more about this kind of soreness"),
        )
        return banner

    def _therapy_row(self, option: TherapyOption) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        status = QCoreApplication.translate("Today", STATUS_WORDS[option.status.value])
        title = make_label(f"{option.therapy.label}: {status}", "CardTitle")
        title.setProperty("status", option.status.value)
        layout.addWidget(title)
        layout.addWidget(make_label(option.why, ""))
        self._add_read_more(layout, option.therapy.value, option.therapy.label)
        from companion.domain.therapy import describe_protocol  # noqa: PLC0415

        extra = option.reasons[1:] if option.status.value == "blocked" else option.reasons
        for reason in extra:
            layout.addWidget(make_label(reason, "Muted"))
        if option.status.usable:
            how = describe_protocol(option.therapy, option.protocol, self.units())
            layout.addWidget(make_label(how, "Muted"))
        row.setAccessibleName(f"{option.therapy.label}: {status}. {option.why}")
        return row

    def _add_read_more(
        self, layout: QBoxLayout, topic: str, about: str, colour: str = "", text: str = ""
    ) -> QPushButton | None:
        """A "Read more" link under a why line, to the Guide passage on ``topic`` if any.

        Drawn as a link but a real button: Tab reaches it, Enter or Space presses it,
        and screen readers hear what it opens.
        """
        from companion.domain.guide import topic_passage  # noqa: PLC0415 - plans come after paint

        passage_id = topic_passage(topic)
        if passage_id is None:
            return None
        link = QPushButton(text or QCoreApplication.translate("Today", "Read more"))
        link.setObjectName("GuideLink")
        link.setFlat(True)
        link.setAutoDefault(True)  # Enter presses it as well as Space
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        name = QCoreApplication.translate("Today", "Read more in the Guide: %s") % about
        link.setAccessibleName(name)
        link.setToolTip(name)
        link.setProperty("passage", passage_id)
        link.setStyleSheet(
            style_sheet(
                "guide-link",
                {"colour": colour or "palette(link)", "focus": colour or "palette(highlight)"},
            )
        )
        link.clicked.connect(lambda: self.guide_requested.emit(passage_id))
        layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        return link

    def _stop_panel(self, plan: Plan, number: str) -> QFrame:
        panel = QFrame()
        panel.setObjectName("StopPanel")
        panel.setStyleSheet(
            "#StopPanel { background: #b3261e; border-radius: 12px; }"
            "#StopPanel QLabel { color: #ffffff; }"
        )
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        heading = make_label(Tier.RED.headline, "PageTitle")
        layout.addWidget(heading)
        call = make_label(
            QCoreApplication.translate(
                "Today",
                "Call %s now, or have someone take you to an emergency department. "
                "Do not drive yourself.",
            )
            % number,
            "CardTitle",
        )
        call.setAccessibleName(QCoreApplication.translate("Today", "Call %s now") % number)
        layout.addWidget(call)
        for line in plan.triage.explain()[1:]:  # the reasons and advice, not the general notes
            layout.addWidget(make_label(line, ""))
        layout.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Today",
                    "Routines and timers stay locked until you confirm you have been assessed.",
                ),
                "",
            )
        )
        button = QPushButton(
            QCoreApplication.translate("Today", "I have been assessed by a professional")
        )
        button.clicked.connect(self.assessed_confirmed.emit)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return panel


class TodayPage(QWidget):
    """Map, check-in and plan. ``ask`` and ``ask_conditions`` are the dialogs' seams.

    Wide windows: the map stays in view on the left while the check-in and the
    plan scroll on the right. Narrow windows: one scrolling column, map first.
    """

    plan_shown = Signal()
    guide_requested = Signal(str)  # the id of a Guide passage: a plan's "Read more" was pressed

    def __init__(
        self,
        presenter: CheckInService,
        parent: QWidget | None = None,
        ask: Callable[[tuple[Question, ...]], Mapping[str, bool] | None] | None = None,
        ask_conditions: Callable[[], tuple[ReportedCondition, ...] | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = SECTIONS[0]
        self.setObjectName("page-today")
        self.setAccessibleName(QCoreApplication.translate("sections", self.info.title))
        self.presenter = presenter
        self.ask = ask or self._ask_dialog
        self.ask_conditions = ask_conditions or self._conditions_dialog
        self.drafts: dict[str, RegionDraft] = {}
        self._type_touched = False

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
        self.region_card = self._build_region_card()
        self.column.addWidget(self.region_card)
        self.column.addWidget(self._build_about_card())
        self.save_button = QPushButton(
            QCoreApplication.translate("Today", "Save check-in and plan my day")
        )
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save)
        self.column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = make_label("", "Muted")
        self.column.addWidget(self.status)
        self.plan_view = PlanView()
        self.plan_view.units = lambda: self.presenter.preferences().units
        self.plan_view.assessed_confirmed.connect(self._confirm_assessed)
        self.plan_view.guide_requested.connect(self.guide_requested.emit)
        self.column.addWidget(self.plan_view)
        self.column.addStretch(1)
        scroller.setWidget(inner)
        return scroller

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
            self.column.insertWidget(2, self.map_panel)
            self.outer.setContentsMargins(0, 0, 0, 0)

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
                QCoreApplication.translate("Today", "%d minutes") % minutes, minutes
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
        if latest is None:
            self._prefill_from_activity(None)
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
        self._prefill_from_activity(latest)
        # The plan needs the rest of the content: make it after the window has painted.
        QTimer.singleShot(0, lambda: self._show_plan_for(latest))

    def _hours_changed(self, hours: int) -> None:
        """The note names the logged activity only while the hours still point at it."""
        self.activity_note.setVisible(hours == self._activity_hours)

    def preferences_changed(self) -> None:
        """Settings changed units, the water goal, equipment or the emergency number."""
        latest = self.presenter.latest()
        if latest is not None:
            self._show_plan_for(latest)

    def activity_logged(self) -> None:
        """A run or leg day was just logged: it is the new onset for the check-in."""
        self._prefill_from_activity(self.presenter.latest())

    def _prefill_from_activity(self, latest: CheckIn | None) -> None:
        """A run or leg day logged since the last check-in sets when and why."""
        onset = self.presenter.activity_onset(latest)
        if onset is None:
            return
        self._activity_hours = onset.hours
        self.hours.setValue(onset.hours)
        self.cause.setCurrentIndex(max(0, self.cause.findData(onset.cause.value)))
        ended = onset.activity.ended_at.astimezone(self.presenter.clock.now().tzinfo)
        self.activity_note.setText(
            QCoreApplication.translate("Today", "From your log: %s, finished %s.")
            % (onset.activity.describe(), ended.strftime("%a %H:%M"))
        )
        self.activity_note.setVisible(True)

    def _show_plan_for(self, checkin: CheckIn) -> None:
        self.plan_view.show_plan(self.presenter.plan(checkin), self.presenter.emergency_number())
        self.plan_shown.emit()

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
        draft.on_movement = value
        draft.at_rest = min(draft.at_rest, value) if value else 0
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
        self.plan_view.show_plan(saved.plan, self.presenter.emergency_number())
        QTimer.singleShot(0, lambda: self.scroller.ensureWidgetVisible(self.plan_view, 0, 24))
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
            self.plan_view.show_plan(self.presenter.plan(latest), self.presenter.emergency_number())

    def _ask_dialog(self, questions: tuple[Question, ...]) -> Mapping[str, bool] | None:
        reasons = tuple(a.detail for a in self.presenter.pending_alerts)
        dialog = SafetyQuestionsDialog(questions, self, reasons)
        return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _conditions_dialog(self) -> tuple[ReportedCondition, ...] | None:
        dialog = ConditionsDialog(self.presenter, self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
