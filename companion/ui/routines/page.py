"""The Routines section: today's routine, your own and the built-in ones as cards with
their poses as pictures, a filter by region and equipment, and each routine's steps."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.domain.equipment import Equipment
from companion.domain.poses import PoseCatalog
from companion.domain.regions import RegionCatalog
from companion.domain.routines import Routine, RoutineCatalog
from companion.services.routines import TODAY_ID, TodaysPick, filter_choices, matches
from companion.ui.routines.cards import RoutineCard
from companion.ui.routines.detail import RoutineDetailDialog
from companion.ui.routines.filters import RoutineFilterBar, equipment_phrase
from companion.ui.sections import SECTIONS, SectionPage, make_label


class RoutinesPage(SectionPage):
    """Today's routine first, then your routines (new, import, edit, duplicate, export,
    delete), then the built-in ones; all filtered by region and equipment."""

    start_requested = Signal(str)  # a routine id; TODAY_ID for today's plan's routine
    new_requested = Signal()
    import_requested = Signal()
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    export_requested = Signal(str)
    delete_requested = Signal(str)
    today_requested = Signal()  # "Check in on Today" was pressed
    return_to_run_requested = Signal()  # "Coming back to running?" was pressed

    def __init__(
        self,
        catalog: RoutineCatalog,
        mine: Sequence[Routine] = (),
        *,
        poses: PoseCatalog | None = None,
        regions: RegionCatalog | None = None,
        today: Callable[[], TodaysPick | None] | None = None,
    ) -> None:
        super().__init__(SECTIONS[1])
        self.catalog = catalog
        self.poses = poses
        self._today_source = today
        self.pick: TodaysPick | None = None
        self.detail: RoutineDetailDialog | None = None
        self._map_order = regions.groups if regions is not None else ()
        self.region_names: dict[str, str] = {}  # a group's short name: "Calves"
        self.region_labels: dict[str, str] = {}  # its list name: "Calves (back of the lower leg)"
        if regions is not None:
            self.region_labels = regions.group_labels()
            for region in regions:
                self.region_names.setdefault(region.group, region.name)
        self.content.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Routines",
                    "Start a routine and the player leads you through each step with a "
                    "countdown. Stretch to mild tension only, roll at no more than moderate "
                    "discomfort, and stop if anything sharp, tingling or numb appears.",
                ),
                "Muted",
            )
        )
        self.content.addLayout(self._actions())
        from companion.ui.routines.return_to_run_parts import return_to_run_entry  # noqa: PLC0415

        self.return_to_run_entry = return_to_run_entry(self.return_to_run_requested.emit)
        self.content.addWidget(self.return_to_run_entry)
        self.filters = RoutineFilterBar()
        self.filters.changed.connect(self.apply_filter)
        self.content.addWidget(self.filters)
        self.empty = self._nothing_found()
        self.content.addWidget(self.empty)
        # Today's routine, or how to get one.
        self.today_title = make_label(
            QCoreApplication.translate("Routines", "Today's routine"), "CardTitle"
        )
        self.content.addWidget(self.today_title)
        self.today_box = QVBoxLayout()
        self.today_box.setSpacing(14)
        self.content.addLayout(self.today_box)
        self.today_card: RoutineCard | None = None
        self.mine_title = make_label(
            QCoreApplication.translate("Routines", "Your routines"), "CardTitle"
        )
        self.content.addWidget(self.mine_title)
        self.mine_box = QVBoxLayout()
        self.mine_box.setSpacing(14)
        self.content.addLayout(self.mine_box)
        self.mine_hint: QLabel | None = None
        self.cards: dict[str, RoutineCard] = {}
        self.builtin_title = make_label(
            QCoreApplication.translate("Routines", "Built-in routines"), "CardTitle"
        )
        self.content.addWidget(self.builtin_title)
        self.builtin_box = QVBoxLayout()
        self.builtin_box.setSpacing(14)
        self.content.addLayout(self.builtin_box)
        for routine in catalog:
            card = self._card(routine)
            self._button(
                card,
                QCoreApplication.translate("Routines", "Duplicate to edit"),
                QCoreApplication.translate("Routines", "Duplicate %s"),
                self.duplicate_requested,
            )
            self.builtin_box.addWidget(card)
        self._mine: list[Routine] = []
        self.set_mine(mine)
        self.set_today(None)
        self.finish()

    # -- what is shown -----------------------------------------------------------------------
    def set_mine(self, mine: Sequence[Routine]) -> None:
        """Show the user's routines (again, after a change)."""
        self._mine = list(mine)
        while self.mine_box.count():
            item = self.mine_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                self.cards.pop(widget.property("routine_id"), None)
                widget.hide()  # not painted again before the deferred delete
                widget.deleteLater()
        self.mine_hint = None
        if not mine:
            self.mine_hint = make_label(
                QCoreApplication.translate(
                    "Routines",
                    "Your own routines appear here. Press New routine, or Duplicate to edit "
                    "on any built-in one.",
                ),
                "Muted",
            )
            self.mine_box.addWidget(self.mine_hint)
        for routine in mine:
            card = self._card(routine)
            for text, accessible, signal in (
                (
                    QCoreApplication.translate("Routines", "Edit"),
                    QCoreApplication.translate("Routines", "Edit %s"),
                    self.edit_requested,
                ),
                (
                    QCoreApplication.translate("Routines", "Duplicate"),
                    QCoreApplication.translate("Routines", "Duplicate %s"),
                    self.duplicate_requested,
                ),
                (
                    QCoreApplication.translate("Routines", "Export…"),
                    QCoreApplication.translate("Routines", "Export %s"),
                    self.export_requested,
                ),
                (
                    QCoreApplication.translate("Routines", "Delete"),
                    QCoreApplication.translate("Routines", "Delete %s"),
                    self.delete_requested,
                ),
            ):
                self._button(card, text, accessible, signal)
            self.mine_box.addWidget(card)
        self._offer_filters()

    def set_today(self, pick: TodaysPick | None) -> None:
        """Today's plan's routine as the first card, or its badge on the built-in routine
        with the same steps; with no check-in today, how to get one."""
        self.pick = pick
        while self.today_box.count():
            item = self.today_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # not painted again before the deferred delete
                widget.deleteLater()
        self.today_card = None
        for card in self.cards.values():
            card.set_recommended(pick is not None and card.routine.id == pick.catalog_id)
        self._order_builtins()
        if pick is None:
            self.today_box.addWidget(self._check_in_hint())
        elif pick.catalog_id is not None and pick.catalog_id in self.cards:
            name = self.cards[pick.catalog_id].routine.name
            self.today_box.addWidget(
                make_label(
                    QCoreApplication.translate(
                        "Routines",
                        "Today's plan chose “%s”: it is first among the built-in routines, "
                        "marked Recommended today.",
                    )
                    % name,
                    "Muted",
                )
            )
        elif pick.empty:
            text = QCoreApplication.translate(
                "Routines", "Today's plan has no stretching or rolling for you."
            )
            self.today_box.addWidget(make_label(f"{text} {pick.note}".strip(), "Muted"))
        else:
            card = RoutineCard(
                pick.routine,
                poses=self.poses,
                region_names=self.region_names,
                title=QCoreApplication.translate("Routines", "Today's routine — recommended"),
            )
            card.set_recommended(True)
            card.add_note(
                QCoreApplication.translate(
                    "Routines",
                    "Made from today's check-in, for the places you marked sore. Today's page "
                    "says why each step is there.",
                )
            )
            card.start_requested.connect(self.start_requested.emit)
            card.details_requested.connect(self.open_detail)
            self.today_card = card
            self.today_box.addWidget(card)
        self.apply_filter()

    def refresh_today(self) -> None:
        """Ask for today's pick again (the page is shown, a check-in was made)."""
        if self._today_source is not None:
            self.set_today(self._today_source())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_today()

    # -- the filter --------------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Show the cards the filter keeps (the routines library's rule), or say none does."""
        region = self.filters.chosen_region()
        item = self.filters.chosen_equipment()
        groups = (region,) if region else ()
        shown = 0
        every = list(self.cards.values())
        if self.today_card is not None:
            every.append(self.today_card)
        for card in every:
            keep = matches(card.routine, groups, item)
            card.setVisible(keep)
            shown += keep
        mine_shown = any(
            not c.isHidden() for rid, c in self.cards.items() if rid in {r.id for r in self._mine}
        )
        filtering = self.filters.active()
        if self.mine_hint is not None:
            self.mine_hint.setVisible(not filtering)
        self.mine_title.setVisible(not filtering or mine_shown)
        builtin_shown = any(not self.cards[r.id].isHidden() for r in self.catalog)
        self.builtin_title.setVisible(not filtering or builtin_shown)
        # The card's own title says "Today's routine"; the heading is for the lines instead.
        self.today_title.setVisible(self.today_card is None and not filtering)
        for index in range(self.today_box.count()):
            entry = self.today_box.itemAt(index)
            widget = entry.widget() if entry is not None else None
            if widget is not None and widget is not self.today_card:
                widget.setVisible(not filtering)
        self.filters.set_count(shown, len(every))
        self.empty.setVisible(filtering and shown == 0)
        if filtering and shown == 0:
            self.empty_text.setText(self._nothing_for(region, item))

    def _nothing_for(self, region: str | None, item: Equipment | None) -> str:
        where = self.region_names.get(region, region) if region else ""
        where = where[:1].lower() + where[1:]
        if region and item is not None:
            return QCoreApplication.translate(
                "Routines", "No routine for %s %s yet. Build your own."
            ) % (where, equipment_phrase(item))
        if region:
            return (
                QCoreApplication.translate("Routines", "No routine for %s yet. Build your own.")
                % where
            )
        assert item is not None
        return QCoreApplication.translate(
            "Routines", "No routine %s yet. Build your own."
        ) % equipment_phrase(item)

    def _offer_filters(self) -> None:
        routines = [*self._mine, *self.catalog]
        self.filters.set_choices(filter_choices(routines, self._map_order), self._labels())
        self.apply_filter()

    def _labels(self) -> Mapping[str, str]:
        return self.region_labels or self.region_names

    # -- a routine's steps -------------------------------------------------------------------
    def routine(self, routine_id: str) -> Routine | None:
        if routine_id == TODAY_ID and self.pick is not None:
            return self.pick.routine
        card = self.cards.get(routine_id)
        return card.routine if card is not None else None

    def open_detail(self, routine_id: str) -> RoutineDetailDialog | None:
        """Every step of a routine, in a dialog over the page (Esc closes it)."""
        routine = self.routine(routine_id)
        if routine is None:
            return None
        if self.detail is not None:
            self.detail.close()
        today = routine_id == TODAY_ID
        recommended = today or (self.pick is not None and self.pick.catalog_id == routine_id)
        dialog = RoutineDetailDialog(
            routine,
            poses=self.poses,
            region_names=self.region_names,
            recommended=recommended,
            title=QCoreApplication.translate("Routines", "Today's routine") if today else "",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.start_requested.connect(self.start_requested.emit)
        dialog.destroyed.connect(lambda _=None: self._detail_gone(dialog))
        self.detail = dialog
        self.show_detail(dialog)
        return dialog

    def show_detail(self, dialog: RoutineDetailDialog) -> None:
        """Open the steps window (tests may replace this)."""
        dialog.open()

    def _detail_gone(self, dialog: RoutineDetailDialog) -> None:
        if self.detail is dialog:
            self.detail = None

    # -- building ----------------------------------------------------------------------------
    def _actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.new_button = QPushButton(QCoreApplication.translate("Routines", "New routine"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.import_button = QPushButton(QCoreApplication.translate("Routines", "Import…"))
        self.import_button.setToolTip(
            QCoreApplication.translate("Routines", "Add a routine from a routine file (.json)")
        )
        self.import_button.clicked.connect(self.import_requested.emit)
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        return actions

    def _nothing_found(self) -> QWidget:
        """No routine for this filter: say so, and offer to build one."""
        empty = QWidget()
        empty_row = QVBoxLayout(empty)
        empty_row.setContentsMargins(0, 4, 0, 4)
        self.empty_text = make_label("", "CardTitle")
        empty_row.addWidget(self.empty_text)
        empty_buttons = QHBoxLayout()
        self.empty_new = QPushButton(QCoreApplication.translate("Routines", "Build your own"))
        self.empty_new.setAccessibleName(
            QCoreApplication.translate("Routines", "Build your own routine")
        )
        self.empty_new.clicked.connect(self.new_requested.emit)
        self.empty_clear = QPushButton(QCoreApplication.translate("Routines", "Show all"))
        self.empty_clear.clicked.connect(self.filters.clear)
        empty_buttons.addWidget(self.empty_new)
        empty_buttons.addWidget(self.empty_clear)
        empty_buttons.addStretch(1)
        empty_row.addLayout(empty_buttons)
        empty.hide()
        return empty

    def _card(self, routine: Routine) -> RoutineCard:
        card = RoutineCard(routine, poses=self.poses, region_names=self.region_names)
        card.start_requested.connect(self.start_requested.emit)
        card.details_requested.connect(self.open_detail)
        self.cards[routine.id] = card
        return card

    def _button(
        self, card: RoutineCard, text: str, accessible: str, signal: SignalInstance
    ) -> None:
        button = card.add_button(text, accessible % card.routine.name)
        button.clicked.connect(lambda _=False, rid=card.routine.id, s=signal: s.emit(rid))

    def _order_builtins(self) -> None:
        """The built-in routine today's plan chose comes first; the rest keep their order."""
        chosen = self.pick.catalog_id if self.pick is not None else None
        order = sorted(self.catalog, key=lambda r: r.id != chosen)
        for index, routine in enumerate(order):
            card = self.cards[routine.id]
            self.builtin_box.removeWidget(card)
            self.builtin_box.insertWidget(index, card)

    def _check_in_hint(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(
            make_label(
                QCoreApplication.translate(
                    "Routines", "Check in on Today to get a routine made for you."
                ),
                "Muted",
            ),
            1,
        )
        go = QPushButton(QCoreApplication.translate("Routines", "Go to Today"))
        go.setAccessibleName(QCoreApplication.translate("Routines", "Check in on Today"))
        go.clicked.connect(self.today_requested.emit)
        row.addWidget(go, 0, Qt.AlignmentFlag.AlignVCenter)
        return box
