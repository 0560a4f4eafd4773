"""Sound and spoken cues for the guided player, quietly absent where the machine has none.

A short tick sounds at 3, 2 and 1 seconds before a hold, a roll or a switch
starts and ends; a chime and (where a text-to-speech engine works) a spoken
line mark each phase change. Qt Multimedia and Qt TextToSpeech load only when
a player opens. If they cannot load (no PulseAudio library, no audio device,
no speech engine), the player works exactly the same, silently.

``COMPANION_TTS_ENGINE`` picks a speech engine by name (tests use ``mock``;
``none`` turns speech off). By default the first engine that starts is used,
never the ``mock`` one.
"""

from __future__ import annotations

import ctypes.util
import logging
import os
from typing import Any

from PySide6.QtCore import QLoggingCategory, QObject, QUrl

from companion.resources import sound_path

log = logging.getLogger(__name__)

ENGINE_VARIABLE = "COMPANION_TTS_ENGINE"
DEFAULT_VOLUME = 60  # percent


class CuePlayer(QObject):
    def __init__(self, *, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted  # this player's mute button
        self.sounds = True  # Settings: ticks and chimes
        self.voice = True  # Settings: spoken lines
        self.volume = DEFAULT_VOLUME
        self.history: list[str] = []  # every cue given (for tests and the accessibility log)
        self._sounds: dict[str, Any] = {}
        self._speech: Any = None
        self._load_sounds()
        self._load_speech()

    # -- what the machine can do ----------------------------------------------------------
    def _load_sounds(self) -> None:
        # Qt Multimedia lists every optional codec library it cannot find; none matter here.
        QLoggingCategory.setFilterRules(
            "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
        )
        try:
            from PySide6.QtMultimedia import (  # noqa: PLC0415 - only with a player
                QMediaDevices,
                QSoundEffect,
            )
        except ImportError as exc:  # no libpulse, or PySide6-Addons missing
            log.info("no sound cues: %s", exc)
            return
        if QMediaDevices.defaultAudioOutput().isNull():
            log.info("no sound cues: no audio output")
            return
        for name in ("tick", "chime"):
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(sound_path(name))))
            effect.setVolume(self.volume / 100)
            self._sounds[name] = effect

    def _load_speech(self) -> None:
        wanted = os.environ.get(ENGINE_VARIABLE, "")
        if wanted == "none":
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415
        except ImportError as exc:
            log.info("no spoken cues: %s", exc)
            return
        engines = (
            [wanted] if wanted else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        )
        if not wanted and "speechd" in engines and ctypes.util.find_library("speechd") is None:
            engines.remove("speechd")  # its plug-in would only fail loudly without the library
        for engine in engines:
            speech = QTextToSpeech(engine, self)
            if speech.state() != QTextToSpeech.State.Error:
                self._speech = speech
                return
            speech.deleteLater()

    @property
    def can_speak(self) -> bool:
        return self._speech is not None

    # -- cues -------------------------------------------------------------------------------
    def count(self, number: int) -> None:
        """3, 2, 1 before a phase ends."""
        self._play("tick", f"count {number}")

    def phase(self, words: str) -> None:
        """A new phase began: chime, and say what to do."""
        self._play("chime", f"phase {words}")
        if self._speech is not None and not self.muted and self.voice:
            self._speech.stop()
            self._speech.say(words)

    def configure(self, *, sounds: bool, voice: bool, volume: int) -> None:
        """The Settings choices: which cues to give, and how loud (0-100 %)."""
        self.sounds, self.voice, self.volume = sounds, voice, volume
        for effect in self._sounds.values():
            effect.setVolume(volume / 100)
        if self._speech is not None:
            self._speech.setVolume(volume / 100)
            if not voice:
                self._speech.stop()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted and self._speech is not None:
            self._speech.stop()

    def _play(self, name: str, what: str) -> None:
        if self.muted or not self.sounds:
            return
        self.history.append(what)
        effect = self._sounds.get(name)
        if effect is not None and effect.status() != effect.Status.Error:
            effect.play()
