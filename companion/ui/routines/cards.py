"""A routine's card on the Routines page: its poses as pictures, length, regions,
equipment and buttons; Enter or a click on the card opens its steps."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QPushButton, QWidget

from companion.domain.equipment import Equipment
from companion.domain.poses import PoseCatalog
from companion.domain.routines import Routine
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.services.routines import distinct_exercises, needed_equipment, routine_groups
from companion.ui.routines.pose_thumbs import PoseStrip
from companion.ui.sections import Card, make_label

# The words below are translated where they are shown, in the "Routines" context.
EQUIPMENT_WORDS = {
    Equipment.FOAM_ROLLER: QT_TRANSLATE_NOOP("Routines", "a foam roller"),
    Equipment.BALL: QT_TRANSLATE_NOOP("Routines", "a ball"),
    Equipment.STRAP: QT_TRANSLATE_NOOP("Routines", "a strap or towel"),
    Equipment.WALL: QT_TRANSLATE_NOOP("Routines", "a wall"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("Routines", "a chair"),
    Equipment.STEP: QT_TRANSLATE_NOOP("Routines", "a low step"),
    Equipment.BOTTLE: QT_TRANSLATE_NOOP("Routines", "a bottle"),
    Equipment.STICK: QT_TRANSLATE_NOOP("Routines", "a massage stick"),
}
SIDE_WORDS = {
    "left": QT_TRANSLATE_NOOP("Routines", "left"),
    "right": QT_TRANSLATE_NOOP("Routines", "right"),
    "both": QT_TRANSLATE_NOOP("Routines", "both legs"),
}
BADGE_STYLE = (
    "QLabel#Badge { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 9px; padding: 2px 10px; font-weight: 600; }"
)
FOCUS_STYLE = "#Card:focus { border: 2px solid palette(highlight); }"


def side_word(side: str) -> str:
    return QCoreApplication.translate("Routines", SIDE_WORDS[side]) if side in SIDE_WORDS else side


def equipment_words(routine: Routine) -> list[str]:
    return [
        QCoreApplication.translate("Routines", EQUIPMENT_WORDS[item])
        for item in needed_equipment(routine)
        if item in EQUIPMENT_WORDS
    ]


def equipment_line(routine: Routine) -> str:
    needed = equipment_words(routine)
    return (
        QCoreApplication.translate("Routines", "You need: %s.") % ", ".join(needed)
        if needed
        else QCoreApplication.translate("Routines", "No equipment needed.")
    )


def minutes_of(routine: Routine) -> int:
    return max(1, round(routine.seconds / 60))


def regions_line(routine: Routine, names: Mapping[str, str]) -> str:
    """ "Calves, Shin": the groups the routine works, by their map names."""
    return ", ".join(names.get(group, group) for group in routine_groups(routine))


def make_badge(text: str) -> QLabel:
    badge = QLabel(text)
    badge.setObjectName("Badge")
    badge.setStyleSheet(BADGE_STYLE)
    badge.setAccessibleName(text)
    return badge


class RoutineCard(Card):
    """One routine. Reports ``details_requested`` (click, Enter) and its buttons' intents."""

    details_requested = Signal(str)
    start_requested = Signal(str)

    def __init__(
        self,
        routine: Routine,
        *,
        poses: PoseCatalog | None,
        region_names: Mapping[str, str],
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title or routine.name, parent)
        self.routine = routine
        self.setProperty("routine_id", routine.id)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(FOCUS_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        minutes = minutes_of(routine)
        self.setAccessibleName(
            QCoreApplication.translate("Routines", "%s, about %n minute(s)", None, minutes)
            % (title or routine.name)
        )
        self.setAccessibleDescription(
            QCoreApplication.translate("Routines", "Press Enter to see every step.")
        )
        first = self.body.itemAt(0)
        heading = first.widget() if first is not None else None
        top = QHBoxLayout()
        top.setSpacing(10)
        if isinstance(heading, QLabel):  # the card's title, with the badge beside it
            self.body.removeWidget(heading)
            top.addWidget(heading, 1)
        self.badge = make_badge(QCoreApplication.translate("Routines", "Recommended today"))
        self.badge.hide()
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.body.insertLayout(0, top)
        meta = QCoreApplication.translate("Routines", "About %n min", None, minutes)
        where = regions_line(routine, region_names)
        self.meta = self.add_text(f"{meta} · {where}" if where else meta, "Muted")
        self.poses = PoseStrip(distinct_exercises(routine), poses)
        self.body.addWidget(self.poses)
        if routine.description:
            self.description = self.add_text(routine.description)
        self.equipment = self.add_text(equipment_line(routine), "Muted")
        self.buttons = FlowLayout(spacing=8)
        self.start_button = self.add_button(
            QCoreApplication.translate("Routines", "Start"),
            QCoreApplication.translate("Routines", "Start %s") % routine.name,
        )
        self.start_button.setObjectName("PrimaryButton")
        self.start_button.clicked.connect(lambda: self.start_requested.emit(routine.id))
        self.details_button = self.add_button(
            QCoreApplication.translate("Routines", "See steps"),
            QCoreApplication.translate("Routines", "See the steps of %s") % routine.name,
        )
        self.details_button.clicked.connect(lambda: self.details_requested.emit(routine.id))
        self.body.addLayout(self.buttons)

    def add_note(self, text: str) -> QLabel:
        """A line of quiet text above the buttons."""
        label = make_label(text, "Muted")
        self.body.insertWidget(self.body.indexOf(self.equipment) + 1, label)
        return label

    def add_button(self, text: str, accessible: str) -> QPushButton:
        """A button in the card's row (after Start and See steps)."""
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        self.buttons.addWidget(button)
        return button

    def set_recommended(self, recommended: bool) -> None:
        self.badge.setVisible(recommended)
        self.setProperty("recommended", recommended)

    def is_recommended(self) -> bool:
        return bool(self.property("recommended"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.details_requested.emit(self.routine.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.details_requested.emit(self.routine.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto a new row when the width runs out (a card's
    buttons, the filter row) so nothing is cut off in a small window."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Rows of items, each row's items centred on its height; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._visible():
            hint = item.sizeHint()
            if rows[-1] and x + hint.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(hint.height() for _, hint in row)
            x = area.x()
            for item, hint in row:
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        used = y - self._spacing if any(rows) else y
        return used - rect.y() + margins.bottom()
