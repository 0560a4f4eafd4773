"""Write the player's cue sounds (resources/sounds/*.wav) from plain sine tones.

    python docs/make_sounds.py

Our own sounds, made here rather than taken from anywhere: a short soft tick
for the 3-2-1 count and a two-note chime for a phase change. 16-bit mono,
44.1 kHz, with gentle fades so nothing clicks.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, seconds: float, volume: float) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade) * math.exp(-3.0 * i / count)
        samples.append(volume * envelope * math.sin(2 * math.pi * freq * i / RATE))
    return samples


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    write("tick.wav", tone(880, 0.12, 0.35))
    write("chime.wav", tone(660, 0.18, 0.4) + tone(990, 0.32, 0.4))


if __name__ == "__main__":
    main()
