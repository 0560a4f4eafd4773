"""Today's plan as cards: the safety banner, each therapy with its reason, the routine with
its Start button, movement and water, and the stop rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.triage import Tier
from companion.domain.units import METRIC, Units
from companion.resources import style_sheet
from companion.ui.sections import DISCLAIMER, Card, make_label

if TYPE_CHECKING:
    from companion.domain.planner import Plan
    from companion.domain.therapy import TherapyOption


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
