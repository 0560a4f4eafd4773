"""The History screen: each sore spot easing day by day, what you did, and your habits.

Top to bottom: the range; soreness of one region over time (raw ratings, a
3-point average and the typical course as a band, with what was logged on the
same timeline); left against right for paired regions; the body map replayed by
day; a card per sore spell; adherence with water against the goal; the
activity log. Every chart has its summary in words beside it.

What it shows is the History service's (``companion.services.history``), read
through it; the page translates its sentences by handing it ``QT_TRANSLATE``.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from companion.domain.translatable import Translate
from companion.services.history import (
    ACTIVITY_PAGE,
    DEFAULT_RANGE,
    RANGES,
    RUNS_LISTED,
    EpisodeCard,
    HistoryService,
)
from companion.ui.charts import BarChart, LineChart
from companion.ui.history.chart_models import bar_model, line_model
from companion.ui.history.replay_map import ReplayMapView, motion_hints, reduced_motion
from companion.ui.sections import SECTIONS, Card, SectionPage, make_label
from companion.ui.theme import collector_paused

EPISODES_SHOWN = 6  # cards at first; "Show more" adds as many again
REPLAY_STEP_MS = 700
MAP_HEIGHT = 300  # the replay's map and the day's words beside it: fixed, so playing never
# moves the page

# The service's sentences, translated by Qt (its stub leaves out the defaults it has).
QT_TRANSLATE = cast(Translate, QCoreApplication.translate)


class HistoryPage(SectionPage):
    log_activity_requested = Signal()
    log_morning_requested = Signal()
    import_runs_requested = Signal()

    def __init__(self, service: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(SECTIONS[3], parent)
        self.service = service
        self._stale = False
        self._drawn_units = service.units()
        self._episodes_shown = EPISODES_SHOWN
        self._replay = QTimer(self)
        self._replay.setInterval(REPLAY_STEP_MS)
        self._replay.timeout.connect(self._replay_step)

        self.content.addLayout(self._range_row())
        self.empty_card = Card(QCoreApplication.translate("HistoryPage", "Nothing to show yet"))
        self.empty_card.add_text(
            QCoreApplication.translate(
                "HistoryPage",
                "Your history fills in as you check in on the Today screen, run routines, log "
                "water, ice or heat, and log your runs and leg days. Everything stays on this "
                "computer.",
            )
        )
        self.content.addWidget(self.empty_card)
        self.content.addWidget(self._soreness_card())
        self.content.addWidget(self._sides_card())
        self.content.addWidget(self._map_card())
        self.content.addWidget(self._episodes_card())
        self.content.addWidget(self._adherence_card())
        self.content.addWidget(self._activity_card())
        note = make_label(
            QCoreApplication.translate(
                "HistoryPage",
                "What you logged is shown side by side with how you felt; it does not show "
                "that one caused the other. This is general guidance, not medical advice.",
            ),
            "Muted",
        )
        self.content.addWidget(note)
        self.finish()
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _range_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("HistoryPage", "Show"))
        self.range_box = QComboBox()
        self.range_box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for text, days in RANGES:
            self.range_box.addItem(QCoreApplication.translate("HistoryPresenter", text), days)
        self.range_box.setCurrentIndex(DEFAULT_RANGE)
        self.range_box.setAccessibleName(QCoreApplication.translate("HistoryPage", "Period shown"))
        label.setBuddy(self.range_box)
        self.range_box.currentIndexChanged.connect(self._range_changed)
        row.addWidget(label)
        row.addWidget(self.range_box)
        row.addStretch(1)
        self.log_activity_button = QPushButton(
            QCoreApplication.translate("HistoryPage", "Log activity…")
        )
        self.log_activity_button.setToolTip(
            QCoreApplication.translate("HistoryPage", "Log a run, a leg day or a long shift")
        )
        self.log_activity_button.clicked.connect(self.log_activity_requested.emit)
        self.log_morning_button = QPushButton(
            QCoreApplication.translate("HistoryPage", "Log sleep…")
        )
        self.log_morning_button.setToolTip(
            QCoreApplication.translate(
                "HistoryPage", "Log last night's sleep and how recovered you feel"
            )
        )
        self.log_morning_button.clicked.connect(self.log_morning_requested.emit)
        row.addWidget(self.log_activity_button)
        row.addWidget(self.log_morning_button)
        return row

    def _soreness_card(self) -> Card:
        self.soreness_card = card = Card(
            QCoreApplication.translate("HistoryPage", "Soreness over time")
        )
        row = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("HistoryPage", "Region"))
        self.region_box = QComboBox()
        self.region_box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.region_box.setAccessibleName(QCoreApplication.translate("HistoryPage", "Region shown"))
        self.region_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.region_box)
        self.region_box.currentIndexChanged.connect(self._show_region)
        row.addWidget(label)
        row.addWidget(self.region_box)
        row.addStretch(1)
        card.body.addLayout(row)
        row = QHBoxLayout()
        self.axis_group = QButtonGroup(self)
        self.by_day = QRadioButton(QCoreApplication.translate("HistoryPage", "By calendar day"))
        self.by_hours = QRadioButton(
            QCoreApplication.translate("HistoryPage", "Since the activity")
        )
        self.by_day.setChecked(True)
        for i, button in enumerate((self.by_day, self.by_hours)):
            self.axis_group.addButton(button, i)
            row.addWidget(button)
        self.axis_group.idClicked.connect(self._axis_clicked)
        row.addStretch(1)
        card.body.addLayout(row)
        self.chart = LineChart()
        card.body.addWidget(self.chart)
        self.summary = card.add_text("", "")
        self.summary.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Soreness summary")
        )
        return card

    def _sides_card(self) -> Card:
        self.sides_card = card = Card(QCoreApplication.translate("HistoryPage", "Left and right"))
        self.sides_chart = LineChart()
        card.body.addWidget(self.sides_chart)
        self.sides_summary = card.add_text("", "")
        return card

    def _replay_buttons(self) -> QHBoxLayout:
        """Play (and Pause), or under reduced motion Previous and Next, in a row."""
        controls = QHBoxLayout()
        self.play_button = QPushButton(QCoreApplication.translate("HistoryPage", "Play"))
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Replay the days")
        )
        widest = max(
            self.play_button.fontMetrics().horizontalAdvance(text)
            for text in (
                QCoreApplication.translate("HistoryPage", "Play"),
                QCoreApplication.translate("HistoryPage", "Pause"),
            )
        )
        self.play_button.setFixedWidth(max(self.play_button.sizeHint().width(), widest + 40))
        self.play_button.toggled.connect(self._play_toggled)
        # Under reduced motion (the system's setting) nothing changes by itself: the
        # latest day stands still and Previous and Next step through the days.
        self.previous_day = QPushButton(QCoreApplication.translate("HistoryPage", "‹ Previous"))
        self.previous_day.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Previous day")
        )
        self.previous_day.clicked.connect(lambda: self._step_day(-1))
        self.next_day = QPushButton(QCoreApplication.translate("HistoryPage", "Next ›"))
        self.next_day.setAccessibleName(QCoreApplication.translate("HistoryPage", "Next day"))
        self.next_day.clicked.connect(lambda: self._step_day(1))
        controls.addWidget(self.play_button)
        controls.addWidget(self.previous_day)
        controls.addWidget(self.next_day)
        return controls

    def _map_card(self) -> Card:
        """The body map replayed by day. Every size here is fixed, so playing never moves
        anything: the day's words scroll in a box of their own height; the slider and the
        button run across the top."""
        self.map_card = card = Card(
            QCoreApplication.translate("HistoryPage", "Day by day on the body map")
        )
        row = QHBoxLayout()
        self.body_map = ReplayMapView(self.service.regions, interactive=False)
        self.body_map.setFixedHeight(MAP_HEIGHT)
        self.body_map.setMinimumWidth(260)
        self.body_map.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Body map for the chosen day")
        )
        row.addWidget(self.body_map, 1)
        side = QVBoxLayout()
        controls = self._replay_buttons()
        self.day_slider = QSlider(Qt.Orientation.Horizontal)
        self.day_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.day_slider.setAccessibleName(QCoreApplication.translate("HistoryPage", "Day"))
        self.day_slider.setPageStep(7)
        self.day_slider.valueChanged.connect(self._show_day)
        controls.addWidget(self.day_slider, 1)
        self.day_label = make_label("", "")
        self.day_label.setAccessibleName(QCoreApplication.translate("HistoryPage", "Chosen day"))
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.day_box = QScrollArea()
        self.day_box.setWidget(self.day_label)
        self.day_box.setWidgetResizable(True)
        self.day_box.setFrameShape(QFrame.Shape.NoFrame)
        self.day_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_box.setFixedHeight(MAP_HEIGHT)
        self.day_box.viewport().setAutoFillBackground(False)
        self.day_label.setAutoFillBackground(False)
        side.addWidget(self.day_box)
        row.addLayout(side, 1)
        card.body.addLayout(controls)  # across the card, above the map and the words
        card.body.addLayout(row)
        self._map_days: list[date] = []
        hints = motion_hints()
        if hints is not None:
            hints.motionPreferenceChanged.connect(self._apply_motion)
        self._apply_motion()
        return card

    def _apply_motion(self) -> None:
        """Play, or (reduced motion) Previous and Next: never both."""
        still = reduced_motion()
        if still:
            self.play_button.setChecked(False)
        self.play_button.setVisible(not still)
        self.previous_day.setVisible(still)
        self.next_day.setVisible(still)

    def _step_day(self, step: int) -> None:
        self.day_slider.setValue(self.day_slider.value() + step)

    def _episodes_card(self) -> Card:
        self.episodes_card = card = Card(QCoreApplication.translate("HistoryPage", "Sore spells"))
        card.add_text(
            QCoreApplication.translate(
                "HistoryPage",
                "Each spell starts with a run, leg day or long day and lasts until every region "
                "is back to 1 or less on movement.",
            ),
            "Muted",
        )
        self._episode_words_shown: list[tuple[str, tuple[str, ...]]] = []
        self.episode_list = QVBoxLayout()
        self.episode_list.setSpacing(8)
        card.body.addLayout(self.episode_list)
        self.more_episodes = QPushButton(QCoreApplication.translate("HistoryPage", "Show more"))
        self.more_episodes.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.more_episodes.clicked.connect(self._show_more_episodes)
        card.body.addWidget(self.more_episodes)
        return card

    def _adherence_card(self) -> Card:
        self.adherence_card = card = Card(QCoreApplication.translate("HistoryPage", "What you did"))
        self.adherence_text = card.add_text("", "")
        self.runs_title = card.add_text(
            QCoreApplication.translate("HistoryPage", "Latest routines")
        )
        bold = self.runs_title.font()
        bold.setBold(True)
        self.runs_title.setFont(bold)
        self.runs_box = QWidget()
        self.runs_list = QVBoxLayout(self.runs_box)
        self.runs_list.setContentsMargins(0, 0, 0, 6)
        self.runs_list.setSpacing(6)  # one run per paragraph, apart from the next
        self.runs_box.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Latest routines")
        )
        # Made once and refilled: building wrapped labels on every range change is slow.
        self.run_labels = [make_label("", "") for _ in range(RUNS_LISTED)]
        for label in self.run_labels:
            self.runs_list.addWidget(label)
        card.body.addWidget(self.runs_box)
        self.water_chart = BarChart()
        card.body.addWidget(self.water_chart)
        self.water_summary = card.add_text("", "Muted")
        return card

    def run_texts(self) -> list[str]:
        """The Latest routines list as shown, newest first."""
        return [label.text() for label in self.run_labels if not label.isHidden()]

    def _activity_card(self) -> Card:
        self.activity_card = card = Card(
            QCoreApplication.translate("HistoryPage", "Runs, leg days and mornings")
        )
        self.distance_text = card.add_text("", "")
        self.activity_text = card.add_text("", "")
        self.activity_text.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Runs, leg days and mornings")
        )
        self._activity_page = 0
        row = QHBoxLayout()
        self.newer_button = QPushButton(QCoreApplication.translate("HistoryPage", "‹ Newer"))
        self.newer_button.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Newer entries")
        )
        self.newer_button.clicked.connect(lambda: self._turn_activity_page(-1))
        self.older_button = QPushButton(QCoreApplication.translate("HistoryPage", "Older ›"))
        self.older_button.setAccessibleName(
            QCoreApplication.translate("HistoryPage", "Older entries")
        )
        self.older_button.clicked.connect(lambda: self._turn_activity_page(1))
        self.activity_where = make_label("", "Muted")
        self.activity_where.setWordWrap(False)
        row.addWidget(self.newer_button)
        row.addWidget(self.older_button)
        row.addWidget(self.activity_where)
        row.addStretch(1)
        self.activity_pager = QWidget()
        self.activity_pager.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        card.body.addWidget(self.activity_pager)
        card.body.addLayout(self._import_row())
        return card

    def _import_row(self) -> QHBoxLayout:
        """Import runs…, with what it reads: the watch's files, or drop them on the window."""
        row = QHBoxLayout()
        row.setSpacing(12)
        self.import_button = QPushButton(QCoreApplication.translate("HistoryPage", "Import runs…"))
        self.import_button.setToolTip(
            QCoreApplication.translate(
                "HistoryPage", "Import runs from your watch's FIT, GPX or TCX files"
            )
        )
        self.import_button.clicked.connect(self.import_runs_requested.emit)
        hint = make_label(
            QCoreApplication.translate(
                "HistoryPage",
                "From your watch's FIT, GPX or TCX files, or a Garmin, Strava or Google "
                "export. You can also drop them on this window.",
            ),
            "Muted",
        )
        self.import_button.setAccessibleDescription(hint.text())
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(hint, 1)
        return row

    # -- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the period again and redraw everything."""
        self.service.reload()
        self._redraw()

    def _redraw(self) -> None:
        """Redraw everything from the service (which reads what it has not kept)."""
        self._stale = False
        choices = self.service.region_choices()
        current = self.region_box.currentData()
        self.region_box.blockSignals(True)
        self.region_box.clear()
        for group, name in choices:
            self.region_box.addItem(name, group)
        index = max(0, self.region_box.findData(current))
        self.region_box.setCurrentIndex(index)
        self.region_box.blockSignals(False)
        has_ratings = bool(choices)
        for widget in (self.soreness_card, self.map_card, self.episodes_card):
            widget.setVisible(has_ratings)
        self._show_region()
        self._fill_map()
        self._fill_episodes()
        self._fill_adherence()
        self._fill_activity()
        nothing = not has_ratings and not self.service.events and not self._any_water()
        self.empty_card.setVisible(nothing)

    def _any_water(self) -> bool:
        return any(self.service.water.values())

    def _range_changed(self) -> None:
        # Years of history are tens of thousands of new objects: the collector's passes
        # over them (a full one costs 20 ms and more) wait until the page is redrawn.
        with collector_paused():
            self.service.set_range(self.range_box.currentData())
            self._episodes_shown = EPISODES_SHOWN
            self._redraw()

    def _axis_clicked(self, _id: int) -> None:
        self._show_region()

    def _show_region(self) -> None:
        group = self.region_box.currentData()
        if group is None:
            self.sides_card.setVisible(False)
            return
        view = self.service.region_view(str(group), since_activity=self.by_hours.isChecked())
        self.chart.set_model(line_model(view.chart))
        self.summary.setText(view.summary)
        self.sides_card.setVisible(view.sides is not None)
        if view.sides is not None:
            self.sides_chart.set_model(line_model(view.sides))
            self.sides_summary.setText(view.sides_summary)

    def _fill_map(self) -> None:
        self._replay.stop()
        self.play_button.setChecked(False)
        self._map_days = self.service.map_days()
        self.day_slider.blockSignals(True)
        self.day_slider.setRange(0, max(0, len(self._map_days) - 1))
        self.day_slider.setValue(max(0, len(self._map_days) - 1))
        self.day_slider.blockSignals(False)
        self.day_slider.setEnabled(len(self._map_days) > 1)
        self.play_button.setEnabled(len(self._map_days) > 1)
        self._show_day(self.day_slider.value())

    def _enable_steps(self) -> None:
        at, last = self.day_slider.value(), self.day_slider.maximum()
        self.previous_day.setEnabled(bool(self._map_days) and at > 0)
        self.next_day.setEnabled(bool(self._map_days) and at < last)

    def _show_day(self, index: int) -> None:
        self._enable_steps()
        if not self._map_days:
            self.body_map.set_scores({})
            self.body_map.update()
            self.day_label.setText(
                QCoreApplication.translate("HistoryPage", "No check-ins in this period.")
            )
            return
        scores, words = self.service.map_for(self._map_days[index])
        self.body_map.set_scores(scores)
        self.body_map.setAccessibleDescription(words)
        self.body_map.update()
        self.day_label.setText(words)

    def _play_toggled(self, on: bool) -> None:
        if on and reduced_motion():
            self.play_button.setChecked(False)  # never plays by itself under reduced motion
            return
        self.play_button.setText(
            QCoreApplication.translate("HistoryPage", "Pause")
            if on
            else QCoreApplication.translate("HistoryPage", "Play")
        )
        if on:
            if self.day_slider.value() >= self.day_slider.maximum():
                self.day_slider.setValue(0)
            self._replay.start()
        else:
            self._replay.stop()

    def _replay_step(self) -> None:
        if self.day_slider.value() >= self.day_slider.maximum():
            self.play_button.setChecked(False)
            return
        self.day_slider.setValue(self.day_slider.value() + 1)

    def _fill_episodes(self) -> None:
        cards = self.service.episode_cards(self._episodes_shown)
        # By their words (an episode itself links back through every earlier one).
        words = [(card.title, card.lines) for card in cards]
        if words and words == self._episode_words_shown:
            self._fill_more_episodes(len(cards))
            return  # the same spells as shown (most range changes): keep their cards
        self._episode_words_shown = words
        while self.episode_list.count():
            item = self.episode_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for card in cards:
            self.episode_list.addWidget(EpisodeView(card))
        if not cards:
            self.episode_list.addWidget(
                make_label(
                    QCoreApplication.translate("HistoryPage", "No sore spells in this period."),
                    "Muted",
                )
            )
        self._fill_more_episodes(len(cards))

    def _fill_more_episodes(self, shown: int) -> None:
        hidden = self.service.episode_count() - shown
        self.more_episodes.setVisible(hidden > 0)
        self.more_episodes.setText(
            QCoreApplication.translate(
                "HistoryPage", "Show %n more", None, min(hidden, EPISODES_SHOWN)
            )
        )

    def _show_more_episodes(self) -> None:
        self._episodes_shown += EPISODES_SHOWN
        self._fill_episodes()

    def _fill_adherence(self) -> None:
        result = self.service.adherence()
        self.adherence_text.setText("\n".join(self.service.adherence_lines(result)))
        runs = self.service.run_lines(RUNS_LISTED)
        self.runs_title.setVisible(bool(runs))
        self.runs_box.setVisible(bool(runs))
        for i, label in enumerate(self.run_labels):
            label.setText(runs[i] if i < len(runs) else "")
            label.setVisible(i < len(runs))
        chart = self.service.water_chart()
        self._drawn_units = self.service.units()
        self.water_chart.set_model(bar_model(chart))
        self.water_summary.setText(chart.description)

    def _fill_activity(self) -> None:
        self.distance_text.setText(self.service.weekly_distance())
        self.distance_text.setVisible(bool(self.distance_text.text()))
        self._show_activity_page(0)

    def _show_activity_page(self, page: int) -> None:
        """One page of the period's activities and mornings, newest first, with Newer and
        Older to turn (the list is complete: every entry of the period is on a page)."""
        shown = self.service.activity_page(page, ACTIVITY_PAGE)
        self._activity_page = shown.page
        self.activity_text.setText(
            "\n".join(shown.lines)
            if shown.lines
            else QCoreApplication.translate("HistoryPage", "Nothing logged in this period.")
        )
        self.activity_pager.setVisible(shown.pages > 1)
        self.newer_button.setEnabled(shown.has_newer)
        self.older_button.setEnabled(shown.has_older)
        first = shown.page * ACTIVITY_PAGE + 1
        self.activity_where.setText(
            QCoreApplication.translate("HistoryPage", "%1-%2 of %n", None, shown.total)
            .replace("%1", str(first))
            .replace("%2", str(first + len(shown.lines) - 1))
        )

    def _turn_activity_page(self, step: int) -> None:
        button = self.older_button if step > 0 else self.newer_button
        self._show_activity_page(self._activity_page + step)
        if not button.isEnabled():  # the end: keep the keyboard on the pager
            other = self.newer_button if step > 0 else self.older_button
            other.setFocus()

    # -- staying current ----------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Data changed elsewhere: redraw now if shown, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        elif self.service.units() != self._drawn_units:  # changed in Settings meanwhile
            self._fill_adherence()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.play_button.setChecked(False)


class EpisodeView(QFrame):
    """One sore spell: what set it off, its peak, when it eased, and how it compares."""

    def __init__(self, card: EpisodeCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EpisodeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        title = make_label(card.title, "CardTitle")
        layout.addWidget(title)
        for line in card.lines:
            layout.addWidget(make_label(line, ""))
        self.setAccessibleName(card.title)
        self.setAccessibleDescription(" ".join(card.lines))
