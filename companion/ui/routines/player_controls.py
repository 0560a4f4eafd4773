"""The player's controls and its always-on-screen stop rules (PROTOCOLS 1.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from companion.domain.planner import STOP_RULES
from companion.ui.sections import make_label

if TYPE_CHECKING:
    from companion.ui.routines.player import RoutinePlayerView


def build_controls(self: RoutinePlayerView) -> QHBoxLayout:
    """Back, Pause, Skip, Stop, Mini player and Mute, with their keys."""
    controls = QHBoxLayout()
    self.back_button = QPushButton(QCoreApplication.translate("Player", "Back"))
    self.pause_button = QPushButton(QCoreApplication.translate("Player", "Pause"))
    self.skip_button = QPushButton(QCoreApplication.translate("Player", "Skip"))
    self.stop_button = QPushButton(QCoreApplication.translate("Player", "Stop"))
    self.mini_button = QPushButton(QCoreApplication.translate("Player", "Mini player"))
    self.mute_button = QPushButton(QCoreApplication.translate("Player", "Mute"))
    self.mute_button.setCheckable(True)
    self._show_muted(self.sound.muted)
    self.mute_button.setToolTip(
        QCoreApplication.translate("Player", "Turn sounds and spoken cues off or on (M)")
    )
    self.mute_button.toggled.connect(self.set_muted)
    for button, slot, tip in (
        (
            self.back_button,
            self.back,
            QCoreApplication.translate("Player", "Back (Left arrow)"),
        ),
        (
            self.pause_button,
            self.toggle_pause,
            QCoreApplication.translate("Player", "Pause or resume (Space)"),
        ),
        (
            self.skip_button,
            self.skip,
            QCoreApplication.translate("Player", "Skip this step (Right arrow)"),
        ),
        (
            self.stop_button,
            self.stop,
            QCoreApplication.translate("Player", "Stop the routine (Esc)"),
        ),
        (
            self.mini_button,
            self.show_mini,
            QCoreApplication.translate("Player", "A small window that stays on top"),
        ),
    ):
        button.clicked.connect(slot)
        button.setToolTip(tip)
        controls.addWidget(button)
    controls.addWidget(self.mute_button)
    for keys, slot in (
        (Qt.Key.Key_Space, self.toggle_pause),
        (Qt.Key.Key_Right, self.skip),
        (Qt.Key.Key_Left, self.back),
        (Qt.Key.Key_Escape, self.stop),
        (Qt.Key.Key_M, self.mute_button.toggle),
    ):
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(slot)
    return controls


def build_stop_strip(self: RoutinePlayerView) -> QFrame:
    """PROTOCOLS 1.3, always on screen, with a way to say something is wrong."""
    strip = QFrame()
    strip.setObjectName("StopCard")
    strip_layout = QVBoxLayout(strip)
    strip_layout.setContentsMargins(16, 10, 16, 12)
    strip_layout.addWidget(
        make_label(QCoreApplication.translate("Player", "Stop at once if"), "CardTitle")
    )
    strip_layout.addWidget(
        make_label(" • ".join(rule.rstrip(".") for rule in STOP_RULES[:2]) + ".", "")
    )
    self.wrong_button = QPushButton(QCoreApplication.translate("Player", "Something's wrong"))
    self.wrong_button.setAccessibleDescription(
        QCoreApplication.translate(
            "Player", "Pauses the routine and asks a few quick safety questions."
        )
    )
    self.wrong_button.clicked.connect(self.report_problem)
    strip_layout.addWidget(self.wrong_button, 0, Qt.AlignmentFlag.AlignLeft)
    return strip
