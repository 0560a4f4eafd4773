"""Today's plan: the safety banner, then one recommendation per need, each with its
why, its action and a Done mark (the routine, one heat or cold treatment with the
others one click away, water, and easy movement), and the stop rules. A red outcome
shows the full stop instead.

The view reports intent with signals; what is done today and what the safety gate
lets it offer come in a ``TodayStatus`` (companion/services/today.py).
"""

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
from companion.ui.today.plan_items import Disclosure, PlanItem

if TYPE_CHECKING:
    from companion.domain.planner import Plan
    from companion.domain.therapy import TherapyOption
    from companion.services.today import TodayStatus


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
START_TIMER = {  # keyed by therapy.Therapy values
    "ice_pack": QT_TRANSLATE_NOOP("Today", "Start ice timer"),
    "heat_pack": QT_TRANSLATE_NOOP("Today", "Start heat timer"),
    "contrast": QT_TRANSLATE_NOOP("Today", "Start contrast timer"),
    "cold_water_immersion": QT_TRANSLATE_NOOP("Today", "Start cold-soak timer"),
    "warm_bath": QT_TRANSLATE_NOOP("Today", "Start bath timer"),
}


class PlanView(QWidget):
    """Today's plan, or the full stop when emergency signs were reported."""

    assessed_confirmed = Signal()
    start_routine_requested = Signal(object)  # the plan, whose routine steps to play
    start_routine = start_routine_requested  # the older name, kept for callers
    start_timer_requested = Signal(str, object)  # a TimerKind value, the timer's options
    water_reminders_requested = Signal()
    edit_checkin_requested = Signal()
    guide_requested = Signal(str)  # the id of the Guide passage behind a "why" line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.setAccessibleName(QCoreApplication.translate("Today", "Today's plan"))
        self.units: Callable[[], Units] = lambda: METRIC  # the user's units (Settings)
        self.plan: Plan | None = None
        self.status: TodayStatus | None = None
        self.start_button: QPushButton | None = None
        self.items: dict[str, PlanItem] = {}
        self.other_options: Disclosure | None = None
        self._number = ""

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the tree now, freed on the next pass
                widget.deleteLater()

    def show_plan(
        self, plan: Plan, emergency_number: str, status: TodayStatus | None = None
    ) -> None:
        self.clear()
        self.plan = plan
        self.status = status
        self._number = emergency_number
        self.start_button = None
        self.items = {}
        self.other_options = None
        if plan.locked:
            self._layout.addWidget(self._stop_panel(plan, emergency_number))
            return
        self._layout.addWidget(self._heading())
        self._layout.addWidget(self._tier_banner(plan))
        card = Card(QCoreApplication.translate("Today", "What to do today"))
        for index, item in enumerate(
            (
                self._routine_item(plan),
                self._thermal_item(plan),
                self._water_item(plan),
                self._movement_item(plan),
            )
        ):
            if index:
                line = QFrame()
                line.setObjectName("PlanDivider")
                line.setFixedHeight(1)
                line.setStyleSheet("#PlanDivider { background: rgba(128, 128, 128, 70); }")
                card.body.addWidget(line)
            self.items[item.key] = item
            card.body.addWidget(item)
        self._layout.addWidget(card)
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

    def set_status(self, status: TodayStatus | None) -> None:
        """What is done and what may start changed (a routine ended, a timer ended,
        reminders changed): the same plan, drawn again."""
        if self.plan is not None:
            opened = self.other_options is not None and self.other_options.toggle.isChecked()
            self.show_plan(self.plan, self._number, status)
            if opened and self.other_options is not None:
                self.other_options.set_open(True)

    def _heading(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 8, 0, 0)
        title = make_label(QCoreApplication.translate("Today", "Today's plan"), "CardTitle")
        title.setObjectName("PlanTitle")
        title.setStyleSheet("#PlanTitle { font-size: 16pt; font-weight: 600; }")
        title.setAccessibleName(QCoreApplication.translate("Today", "Today's plan"))
        layout.addWidget(title, 1)
        edit = QPushButton(QCoreApplication.translate("Today", "Edit check-in"))
        edit.setObjectName("EditCheckIn")
        edit.setAccessibleName(
            QCoreApplication.translate("Today", "Edit check-in: back to the map and answers")
        )
        edit.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        edit.clicked.connect(self.edit_checkin_requested.emit)
        layout.addWidget(edit, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    # -- the four recommendations ----------------------------------------------------------
    def _start_clicked(self) -> None:
        if self.plan is not None:
            self.start_routine_requested.emit(self.plan)

    def _routine_item(self, plan: Plan) -> PlanItem:
        item = PlanItem("routine", QCoreApplication.translate("Today", "Stretching and rolling"))
        status = self.status
        item.set_done(bool(status and status.done.routine))
        if plan.routine:
            item.add_text(plan.routine_summary or plan.routine_note)
            if plan.routine_note and plan.routine_summary:
                item.add_text(plan.routine_note, "Muted")
            for step in plan.routine:
                side = {
                    "left": QCoreApplication.translate("Today", "left"),
                    "right": QCoreApplication.translate("Today", "right"),
                    "both": QCoreApplication.translate("Today", "both legs"),
                }[step.side]
                row = item.add_text(f"• {step.exercise.name} ({side}): {step.describe_dose()}")
                row.setToolTip("\n".join(step.exercise.cues))
                note = plan.hold_note(step)
                if note:
                    held = item.add_text(note, "Muted")
                    held.setProperty("hold", True)
                    held.setIndent(14)
                for caution in step.cautions:  # a health condition's care for this step
                    line = item.add_text(f"• {caution}", "Muted")
                    line.setProperty("caution", True)
                    line.setIndent(14)
            item.add_text(
                QCoreApplication.translate(
                    "Today",
                    "Stretch to mild tension only; roll at no more than moderate discomfort. "
                    "The player times each step and tells you when to switch sides.",
                ),
                "Muted",
            )
            if status is not None and not status.routine.allowed:
                item.add_text(status.routine.reason, "StatusLine").setProperty("refused", True)
            else:
                done = bool(status and status.done.routine)
                start = item.add_action(
                    QCoreApplication.translate("Today", "Start routine again")
                    if done
                    else QCoreApplication.translate("Today", "Start routine"),
                    primary=not done,
                )
                start.setAccessibleName(
                    QCoreApplication.translate("Today", "Start today's guided routine")
                )
                item.action_clicked.connect(self._start_clicked)
                self.start_button = start
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
            item.body.addLayout(links)
        else:
            item.add_text(plan.routine_note)
        return item

    def _thermal_item(self, plan: Plan) -> PlanItem:
        choice = plan.thermal
        chosen = choice.chosen if choice is not None else None
        title = (
            chosen.therapy.label
            if chosen is not None
            else QCoreApplication.translate("Today", "Ice and heat")
        )
        item = PlanItem("thermal", title)
        status = self.status
        if chosen is None:
            item.add_text(choice.why_none if choice is not None else "")
        else:
            done = bool(status and status.done.therapy(chosen.therapy))
            item.set_done(done)
            item.add_text(chosen.why)
            for caution in chosen.reasons:
                item.add_text(caution, "Muted").setProperty("caution", True)
            item.add_text(self._how(chosen), "Muted")
            if status is not None and not status.therapy.allowed:
                item.add_text(status.therapy.reason, "StatusLine").setProperty("refused", True)
            else:
                words = QCoreApplication.translate("Today", START_TIMER[chosen.therapy.value])
                button = item.add_action(words, primary=not done)
                button.setAccessibleName(f"{words}: {chosen.therapy.label}")
                item.action_clicked.connect(self._timer_clicked)
            self._add_read_more(item.body, chosen.therapy.value, chosen.therapy.label)
        if choice is not None and choice.others:
            more = Disclosure(QCoreApplication.translate("Today", "Other options"))
            link_colours = {"colour": "palette(link)", "focus": "palette(highlight)"}
            more.toggle.setStyleSheet(
                style_sheet("guide-link", link_colours).replace("#GuideLink", "#OtherOptions")
            )
            for option in choice.others:
                more.rows.addWidget(self._other_row(option))
            item.body.addWidget(more)
            self.other_options = more
        return item

    def _timer_clicked(self) -> None:
        status = self.status
        plan = self.plan
        if status is not None and status.timer is not None:
            self.start_timer_requested.emit(status.timer.value, dict(status.timer_options))
        elif plan is not None and plan.thermal is not None and plan.thermal.chosen is not None:
            from companion.services.today import timer_kind, timer_options  # noqa: PLC0415

            chosen = plan.thermal.chosen
            self.start_timer_requested.emit(timer_kind(chosen.therapy).value, timer_options(chosen))

    def _how(self, option: TherapyOption) -> str:
        from companion.domain.therapy import describe_protocol  # noqa: PLC0415

        return describe_protocol(option.therapy, option.protocol, self.units())

    def _other_row(self, option: TherapyOption) -> QWidget:
        """Another treatment: why not today, or when it fits."""
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        status = QCoreApplication.translate("Today", STATUS_WORDS[option.status.value])
        title = make_label(f"{option.therapy.label}: {status}", "")
        title.setProperty("status", option.status.value)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(make_label(option.why, "Muted"))
        self._add_read_more(layout, option.therapy.value, option.therapy.label)
        row.setAccessibleName(f"{option.therapy.label}: {status}. {option.why}")
        return row

    def _water_item(self, plan: Plan) -> PlanItem:
        water = plan.water
        item = PlanItem("water", QCoreApplication.translate("Today", "Water"))
        if water.litres is None:
            item.add_text(water.why)
        else:
            item.add_text(
                QCoreApplication.translate("Today", "About %s across the day.")
                % self.units().litres(water.litres)
            )
            item.add_text(water.why, "Muted")
            status = self.status
            on = bool(status and status.done.water_reminders)
            item.set_done(on)
            if on:
                item.add_text(
                    QCoreApplication.translate("Today", "Water reminders are on."), "StatusLine"
                )
            else:
                item.add_action(
                    QCoreApplication.translate("Today", "Turn on water reminders"), primary=False
                )
                item.action_clicked.connect(self.water_reminders_requested.emit)
        self._add_read_more(item.body, "water", QCoreApplication.translate("Today", "Water"))
        return item

    def _movement_item(self, plan: Plan) -> PlanItem:
        active = plan.active_recovery
        item = PlanItem("movement", QCoreApplication.translate("Today", "Easy movement"))
        if active.allowed:
            item.title.setText(
                QCoreApplication.translate("Today", "Easy movement: %d min") % active.minutes
            )
            item.add_text(
                QCoreApplication.translate("Today", "For example %s.") % ", ".join(active.modes)
            )
            item.add_text(active.why, "Muted")
        else:
            item.add_text(active.why)
        self._add_read_more(
            item.body, "active_recovery", QCoreApplication.translate("Today", "Active recovery")
        )
        return item

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
