"""The Guide: short passages in our own words, grouped into chapters, and searched.

The text lives in ``resources/content/guide.toml``. A passage body is plain
text: paragraphs separated by blank lines, and simple lists where lines start
with ``- ``. Each passage may say how strong the evidence is for what it
describes (see :class:`Evidence`).

The plan links its "why" lines here through :func:`topic_passage`: a topic is
a therapy id, a protocol or timer name, a soreness type or a safety tier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from companion.domain.content import ContentError, Reader
from companion.domain.translatable import QT_TRANSLATE_NOOP
from companion.domain.units import METRIC, Units, in_units

SNIPPET_CHARS = 90  # about how much text a search hit shows around the first match

_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


class Evidence(StrEnum):
    """How strong the research is for what a passage says helps or happens."""

    GOOD = "good"
    SOME = "some"
    LITTLE = "little"
    NONE = "none"  # studies looked and found no (extra) effect
    NOT_A_CLAIM = ""  # practical or safety information: no grade would make sense

    @property
    def label(self) -> str:
        """The words for the tag, e.g. "good" in "Evidence: good"; "" for no tag."""
        return {
            "good": QT_TRANSLATE_NOOP("GuidePage", "good"),
            "some": QT_TRANSLATE_NOOP("GuidePage", "some"),
            "little": QT_TRANSLATE_NOOP("GuidePage", "little"),
            "none": QT_TRANSLATE_NOOP("GuidePage", "no proven effect"),
            "": "",
        }[self.value]


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    chapter_id: str
    blocks: tuple[Block, ...]
    evidence: Evidence = Evidence.NOT_A_CLAIM
    keywords: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The body as plain text: paragraphs and list items, one per line."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(block.items)
        return "\n".join(lines)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Guide:
    notice: str  # shown above everything: general guidance, not medical advice
    chapters: tuple[Chapter, ...]

    @property
    def passages(self) -> tuple[Passage, ...]:
        return tuple(p for chapter in self.chapters for p in chapter.passages)

    def in_units(self, units: Units) -> Guide:
        """The same guide with its temperatures and litres in the user's units."""
        if units == METRIC:
            return self

        def block(b: Block) -> Block:
            if isinstance(b, Paragraph):
                return Paragraph(in_units(b.text, units))
            return BulletList(tuple(in_units(item, units) for item in b.items))

        chapters = tuple(
            replace(
                chapter,
                passages=tuple(
                    replace(p, blocks=tuple(block(b) for b in p.blocks)) for p in chapter.passages
                ),
            )
            for chapter in self.chapters
        )
        return replace(self, chapters=chapters)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.passages)

    def __iter__(self) -> Iterator[Passage]:
        return iter(self.passages)

    def __len__(self) -> int:
        return len(self.passages)

    def __contains__(self, passage_id: object) -> bool:
        return passage_id in self.ids

    def get(self, passage_id: str) -> Passage:
        for passage in self.passages:
            if passage.id == passage_id:
                return passage
        raise KeyError(f"No guide passage {passage_id!r}; known: {', '.join(self.ids)}")

    def chapter(self, chapter_id: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        known = ", ".join(c.id for c in self.chapters)
        raise KeyError(f"No guide chapter {chapter_id!r}; known: {known}")

    def neighbours(self, passage_id: str) -> tuple[Passage | None, Passage | None]:
        """The passages before and after this one in reading order."""
        passages = self.passages
        index = self.ids.index(self.get(passage_id).id)
        before = passages[index - 1] if index > 0 else None
        after = passages[index + 1] if index + 1 < len(passages) else None
        return before, after


# -- parsing --------------------------------------------------------------------------------

_TOP_KEYS = ("schema", "notice", "chapter")
_CHAPTER_KEYS = ("id", "title", "passage")
_PASSAGE_KEYS = ("id", "title", "body", "evidence", "keywords")


def parse_guide(data: Mapping[str, Any], source: str) -> Guide:
    """The guide from a parsed TOML table; a ContentError names the file and key on a fault."""
    top = Reader(data, source)
    top.reject_unknown(_TOP_KEYS)
    schema = top.integer("schema")
    if schema != 1:
        raise top.error("schema", f"version {schema} is not supported (this app reads 1)")
    notice = top.text("notice")
    chapters: list[Chapter] = []
    chapter_ids: dict[str, str] = {}
    passage_ids: dict[str, str] = {}
    for entry in top.tables("chapter"):
        entry.reject_unknown(_CHAPTER_KEYS)
        chapter_id = _identifier(entry, chapter_ids)
        passages = tuple(_passage(p, chapter_id, passage_ids) for p in entry.tables("passage"))
        chapters.append(Chapter(chapter_id, entry.text("title"), passages))
    return Guide(notice, tuple(chapters))


def _identifier(entry: Reader, seen: dict[str, str]) -> str:
    value = entry.text("id")
    if not _ID.fullmatch(value):
        raise entry.error("id", f"{value!r} must be lower_snake_case")
    if value in seen:
        raise entry.error("id", f"{value!r} is already used at {seen[value]}")
    seen[value] = entry.path
    return value


def _passage(entry: Reader, chapter_id: str, seen: dict[str, str]) -> Passage:
    entry.reject_unknown(_PASSAGE_KEYS)
    passage_id = _identifier(entry, seen)
    title = entry.text("title")
    blocks = parse_body(entry.text("body"), entry)
    evidence = Evidence.NOT_A_CLAIM
    if entry.has("evidence"):
        value = entry.data["evidence"]
        allowed = [e.value for e in Evidence]
        if not isinstance(value, str) or value.strip() not in allowed:
            shown = repr(value) if isinstance(value, str) else type(value).__name__
            raise entry.error("evidence", f'{shown} is not one of good, some, little, none or ""')
        evidence = Evidence(value.strip())
    keywords = tuple(k.casefold() for k in entry.texts("keywords", []))
    return Passage(passage_id, title, chapter_id, blocks, evidence, keywords)


def parse_body(body: str, entry: Reader | None = None) -> tuple[Block, ...]:
    """Paragraphs (split on blank lines) and "- " lists; lines inside a paragraph are joined.

    A line indented under a list item continues that item.
    """
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        words: list[str] = []
        items: list[str] = []
        for raw in chunk.splitlines():
            line = raw.strip()
            if line.startswith("- ") or line == "-":
                if words:
                    blocks.append(Paragraph(" ".join(words)))
                    words = []
                item = line[1:].strip()
                if not item:
                    if entry is not None:
                        raise entry.error("body", "has an empty list item ('- ' with no text)")
                    raise ValueError("empty list item")
                items.append(item)
            elif items and raw[:1].isspace():
                items[-1] = f"{items[-1]} {line}"
            else:
                if items:
                    blocks.append(BulletList(tuple(items)))
                    items = []
                words.append(line)
        if items:
            blocks.append(BulletList(tuple(items)))
        if words:
            blocks.append(Paragraph(" ".join(words)))
    return tuple(blocks)


# -- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    passage_id: str
    title: str
    snippet: str  # a short stretch of the body around the first match, with "…" where cut
    in_title: bool  # every word of the query is in the title


def search(guide: Guide, query: str) -> list[Hit]:
    """Passages where every word of ``query`` starts a word in the title, body or keywords.

    Case does not matter. Passages whose titles hold more of the words come
    first, then those found through keywords, then the body alone; ties keep
    the guide's reading order. An empty query finds nothing.
    """
    words = query.casefold().split()
    if not words:
        return []
    patterns = [re.compile(r"(?<!\w)" + re.escape(word)) for word in words]
    scored: list[tuple[int, int, Hit]] = []
    for order, passage in enumerate(guide.passages):
        title = passage.title.casefold()
        text = passage.text
        body = text.casefold()
        keywords = " ".join(passage.keywords)
        score = 0
        for pattern in patterns:
            if pattern.search(title):
                score += 100
            elif pattern.search(keywords):
                score += 10
            elif pattern.search(body):
                score += 1
            else:
                break
        else:
            snippet = _snippet(text, body, patterns)
            in_title = score >= 100 * len(patterns)
            scored.append((-score, order, Hit(passage.id, passage.title, snippet, in_title)))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    return [hit for _score, _order, hit in scored]


def _snippet(text: str, folded: str, patterns: list[re.Pattern[str]]) -> str:
    """About SNIPPET_CHARS of ``text`` around the earliest match, cut at word boundaries."""
    flat = " ".join(text.split())
    folded = " ".join(folded.split())
    starts = [m.start() for m in (p.search(folded) for p in patterns) if m is not None]
    if not starts:
        return _cut(flat, 0)
    return _cut(flat, max(0, min(starts) - SNIPPET_CHARS // 3))


def _cut(flat: str, start: int) -> str:
    if start > 0:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    end = start + SNIPPET_CHARS
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    piece = flat[start:end].strip()
    return ("…" if start > 0 else "") + piece + ("…" if end < len(flat) else "")


# -- plan topics ----------------------------------------------------------------------------

TOPIC_PASSAGES: Mapping[str, str] = {
    # therapy.Therapy values: the plan's ice, heat and water options
    "ice_pack": "ice_packs",
    "heat_pack": "heat_packs",
    "contrast": "contrast_water",
    "cold_water_immersion": "cold_water_soaks",
    "warm_bath": "warm_baths",
    # protocols.toml tables, condition gates and therapy-timer kinds for the same things
    "cold_pack": "ice_packs",
    "ice": "ice_packs",
    "ice_massage": "ice_packs",
    "frozen_bottle_roll": "ice_packs",
    "cold_immersion": "cold_water_soaks",
    "cold-bath": "cold_water_soaks",
    "contrast_water": "contrast_water",
    "contrast_shower": "contrast_water",
    "warm-bath": "warm_baths",
    "local_heat": "heat_packs",
    "heat": "heat_packs",
    "heat_wrap": "heat_packs",
    "compression": "compression",
    # the rest of the plan
    "active_recovery": "active_recovery",
    "water": "drinking_water",
    "water_goal": "drinking_water",
    "hydration": "drinking_water",
    "sleep": "sleep",
    "stretch": "stretching",
    "stretching": "stretching",
    "foam_roll": "foam_rolling",
    "foam_rolling": "foam_rolling",
    # checkin.SorenessType values: the plan's notes on the kind of soreness
    "doms": "doms",
    "acute_injury": "fresh_injury",
    "standing_fatigue": "standing_and_footwear",
    "persistent": "overuse",
    "nerve": "nerve_type_pain",
    # safety: the stop rules and the triage tiers
    "stop_rules": "stop_at_once",
    "safety_check": "safety_check",
    "red": "emergency_signs",
    "orange": "same_day_care",
    "yellow": "book_a_check",
    "green": "safety_check",
}


def topic_passage(topic: str) -> str | None:
    """The id of the passage that explains ``topic``, or None when the guide has none."""
    return TOPIC_PASSAGES.get(topic)


__all__ = [
    "TOPIC_PASSAGES",
    "Block",
    "BulletList",
    "Chapter",
    "ContentError",
    "Evidence",
    "Guide",
    "Hit",
    "Paragraph",
    "Passage",
    "parse_body",
    "parse_guide",
    "search",
    "topic_passage",
]
