import copy
import re

import pytest

from companion.domain.checkin import SorenessType
from companion.domain.content import ContentError
from companion.domain.guide import (
    TOPIC_PASSAGES,
    BulletList,
    Evidence,
    Guide,
    Paragraph,
    parse_body,
    parse_guide,
    search,
    topic_passage,
)
from companion.domain.therapy import Therapy
from companion.domain.therapy_timer import TimerKind
from companion.domain.triage import Tier
from companion.resources import content_path, load_guide, load_protocols, load_triage

SOURCE = "guide.toml"


def small() -> dict[str, object]:
    return {
        "schema": 1,
        "notice": "General information, not medical advice.",
        "chapter": [
            {
                "id": "why",
                "title": "Why legs get sore",
                "passage": [
                    {
                        "id": "doms",
                        "title": "Soreness after exercise",
                        "evidence": "good",
                        "keywords": ["DOMS", "stiff"],
                        "body": (
                            "Muscles ache a day or two after new exercise.\n\nThe usual "
                            "pattern:\n- it peaks at 24 to 72 hours\n- it eases within a week"
                        ),
                    },
                    {
                        "id": "heavy_legs",
                        "title": "Heavy legs after standing",
                        "body": "Standing still lets fluid settle in the legs. Raise them "
                        "and walk a little; warm water may feel good.",
                    },
                ],
            },
            {
                "id": "helps",
                "title": "What helps",
                "passage": [
                    {
                        "id": "warm_baths",
                        "title": "Warm baths",
                        "evidence": "some",
                        "body": "A warm bath eases stiffness. Keep the water at 40 °C or below.",
                    },
                    {
                        "id": "epsom",
                        "title": "Epsom salt",
                        "evidence": "none",
                        "keywords": ["magnesium"],
                        "body": "The salt adds no proven benefit to a warm bath.",
                    },
                ],
            },
        ],
    }


def passage_entry(data: dict[str, object], chapter: int, passage: int) -> dict[str, object]:
    entry: dict[str, object] = data["chapter"][chapter]["passage"][passage]  # type: ignore[index]
    return entry


# -- parsing --------------------------------------------------------------------------------


def test_a_small_guide_parses_into_chapters_and_passages():
    guide = parse_guide(small(), SOURCE)
    assert guide.notice == "General information, not medical advice."
    assert [c.id for c in guide.chapters] == ["why", "helps"]
    assert guide.ids == ("doms", "heavy_legs", "warm_baths", "epsom")
    doms = guide.get("doms")
    assert doms.chapter_id == "why"
    assert doms.evidence is Evidence.GOOD
    assert doms.keywords == ("doms", "stiff")  # folded for search
    assert doms.blocks == (
        Paragraph("Muscles ache a day or two after new exercise."),
        Paragraph("The usual pattern:"),
        BulletList(("it peaks at 24 to 72 hours", "it eases within a week")),
    )
    assert guide.get("heavy_legs").evidence is Evidence.NOT_A_CLAIM
    assert guide.neighbours("heavy_legs") == (guide.get("doms"), guide.get("warm_baths"))
    assert guide.neighbours("doms")[0] is None
    assert guide.neighbours("epsom")[1] is None
    assert "doms" in guide and "nope" not in guide
    with pytest.raises(KeyError, match="known: doms, heavy_legs"):
        guide.get("nope")


def test_body_lines_join_into_paragraphs_and_indented_lines_continue_an_item():
    blocks = parse_body("One line\nand the next.\n\n- first\n  and more\n- second\nAfter the list.")
    assert blocks == (
        Paragraph("One line and the next."),
        BulletList(("first and more", "second")),
        Paragraph("After the list."),
    )


def test_evidence_tags_have_words_for_the_page():
    assert [e.label for e in Evidence] == ["good", "some", "little", "no proven effect", ""]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: passage_entry(d, 0, 1).pop("id"),
            r"^guide\.toml: chapter\[0\]\.passage\[1\]\.id: is missing$",
        ),
        (
            lambda d: passage_entry(d, 1, 0).update(id="doms"),
            (
                r"^guide\.toml: chapter\[1\]\.passage\[0\]\.id: 'doms' is already used at "
                r"chapter\[0\]\.passage\[0\]$"
            ),
        ),
        (
            lambda d: passage_entry(d, 0, 0).update(body="   "),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.body: must be non-empty text",
        ),
        (
            lambda d: passage_entry(d, 0, 0).update(body="Intro:\n- one\n-\n"),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.body: has an empty list item",
        ),
        (
            lambda d: passage_entry(d, 1, 1).update(evidence="strong"),
            (
                r"^guide\.toml: chapter\[1\]\.passage\[1\]\.evidence: 'strong' is not one of "
                r"good, some, little, none or \"\"$"
            ),
        ),
        (
            lambda d: passage_entry(d, 1, 1).update(evidence=3),
            r"^guide\.toml: chapter\[1\]\.passage\[1\]\.evidence: int is not one of",
        ),
        (
            lambda d: passage_entry(d, 0, 0).update(id="Doms-1"),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.id: 'Doms-1' must be lower_snake_case$",
        ),
        (
            lambda d: passage_entry(d, 0, 0).pop("title"),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.title: is missing$",
        ),
        (
            lambda d: passage_entry(d, 0, 0).update(keywords="doms"),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.keywords: must be a list of text",
        ),
        (
            lambda d: passage_entry(d, 0, 0).update(colour="red"),
            r"^guide\.toml: chapter\[0\]\.passage\[0\]\.colour: is not a known key",
        ),
        (
            lambda d: d["chapter"][1].update(id="why"),
            r"^guide\.toml: chapter\[1\]\.id: 'why' is already used at chapter\[0\]$",
        ),
        (
            lambda d: d["chapter"][1].update(passage=[]),
            r"^guide\.toml: chapter\[1\]\.passage: must be a non-empty list of tables",
        ),
        (lambda d: d.pop("notice"), r"^guide\.toml: notice: is missing$"),
        (
            lambda d: d.update(schema=2),
            r"^guide\.toml: schema: version 2 is not supported",
        ),
    ],
)
def test_faults_name_the_file_and_the_key(change, message):
    data = copy.deepcopy(small())
    change(data)
    with pytest.raises(ContentError, match=message):
        parse_guide(data, SOURCE)


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def guide() -> Guide:
    return parse_guide(small(), SOURCE)


def test_search_ignores_case_and_needs_every_word(guide):
    assert [h.passage_id for h in search(guide, "WARM")] == ["warm_baths", "heavy_legs", "epsom"]
    assert [h.passage_id for h in search(guide, "warm stiffness")] == ["warm_baths"]
    assert [h.passage_id for h in search(guide, "warm salt")] == ["epsom"]


def test_titles_rank_above_keywords_and_keywords_above_bodies(guide):
    hits = search(guide, "bath")
    assert [h.passage_id for h in hits] == ["warm_baths", "epsom"]
    assert [h.in_title for h in hits] == [True, False]
    # "magnesium" is only a keyword of epsom; "ache" only in a body.
    assert [h.passage_id for h in search(guide, "magnesium")] == ["epsom"]
    assert [h.passage_id for h in search(guide, "stiff")] == ["doms", "warm_baths"]


def test_words_match_from_their_start_not_inside_other_words(guide):
    assert [h.passage_id for h in search(guide, "fluid")] == ["heavy_legs"]
    assert search(guide, "luid") == []
    assert [h.passage_id for h in search(guide, "°c")] == ["warm_baths"]


def test_no_hits_and_empty_queries_find_nothing(guide):
    assert search(guide, "unicorn") == []
    assert search(guide, "warm unicorn") == []
    assert search(guide, "   ") == []


def test_snippets_show_the_text_around_the_first_match():
    guide = load_guide()
    (hit,) = [h for h in search(guide, "lactic") if h.passage_id == "doms"]
    assert "lactic acid" in hit.snippet.lower()
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= 100
    # A title-only match shows the start of the body.
    (first,) = search(guide, "epsom salt")[:1]
    assert first.passage_id == "epsom_salt"
    assert first.snippet.startswith("Epsom salt is")


# -- topics ----------------------------------------------------------------------------------


def test_every_topic_maps_to_a_real_passage():
    ids = set(load_guide().ids)
    assert {passage for passage in TOPIC_PASSAGES.values() if passage not in ids} == set()


def test_the_plan_s_topics_all_have_a_passage():
    topics = [
        *(t.value for t in Therapy),
        *(k.value for k in TimerKind),
        *(s.value for s in SorenessType),
        *(t.value for t in Tier),
        "contrast_water",
        "contrast_shower",
        "local_heat",
        "heat_wrap",
        "active_recovery",
        "water",
        "sleep",
        "stretching",
        "foam_rolling",
        "stop_rules",
    ]
    missing = [t for t in topics if topic_passage(t) is None]
    assert missing == []
    assert topic_passage("ice_pack") == "ice_packs"
    assert topic_passage("doms") == "doms"
    assert topic_passage("red") == "emergency_signs"
    assert topic_passage("no such topic") is None


# -- the real guide --------------------------------------------------------------------------


def test_the_real_guide_loads_with_its_chapters():
    guide = load_guide()
    assert [c.title for c in guide.chapters] == [
        "Why legs get sore",
        "What helps, and how sure we are",
        "Preventing soreness",
        "When to get care",
    ]
    assert 20 <= len(guide) <= 35  # short reading: a few dozen passages at most
    assert "not medical advice" in guide.notice
    for passage in guide:
        assert 60 <= passage.word_count <= 200, (passage.id, passage.word_count)


def test_treatments_say_how_strong_their_evidence_is():
    guide = load_guide()
    treatments = guide.chapter("what_helps").passages
    assert all(p.evidence is not Evidence.NOT_A_CLAIM for p in treatments)
    assert guide.get("epsom_salt").evidence is Evidence.NONE  # no proven extra effect
    assert guide.get("stretching").evidence is Evidence.NONE  # does not reduce DOMS
    assert guide.get("ice_packs").evidence is Evidence.LITTLE  # pain relief, not healing
    # Safety passages carry no grade: they are instructions.
    assert {p.evidence for p in guide.chapter("when_to_get_care").passages} == {
        Evidence.NOT_A_CLAIM
    }


def _text(guide: Guide, passage_id: str) -> str:
    return " ".join(guide.get(passage_id).text.split())


def test_the_numbers_agree_with_the_protocol_bounds():
    guide = load_guide()
    bounds = load_protocols()

    def bound(key: str, field: str) -> str:
        value = getattr(bounds.bound(key), field)
        assert value is not None, key
        return f"{value:g}"

    assert f"about {bound('cold_water_immersion.duration', 'default')} minutes" in _text(
        guide, "cold_water_soaks"
    )
    soak = _text(guide, "cold_water_soaks")
    assert f"never colder than {bound('cold_water_immersion.temp', 'hard_min')} °C" in soak
    assert f"{bound('cold_water_immersion.duration', 'hard_max')} at most" in soak
    bath = _text(guide, "warm_baths")
    assert f"never above {bound('warm_bath.temp', 'hard_max')} °C" in bath
    assert f"{bound('warm_bath.duration_above_38c', 'hard_max')} minutes at most" in bath
    ice = _text(guide, "ice_packs")
    assert f"never more than {bound('ice_pack.application', 'hard_max')} in one go" in ice
    assert f"up to {bound('ice_pack.sessions_per_24h', 'hard_max')} a day" in ice
    contrast = _text(guide, "contrast_water")
    assert f"no more than {bound('contrast_water.total', 'hard_max')} minutes" in contrast
    assert "ending on cold" in contrast
    water = _text(guide, "drinking_water")
    assert f"starts at {bound('hydration.daily_target', 'default')} litres" in water
    assert f"refuses more than {bound('hydration.daily_target', 'hard_max')} litres" in water
    assert f"above {bound('hydration.daily_target', 'warn_max')} litres" in water
    assert "1.5 to 3 litres" in water
    sleep = _text(guide, "sleep")
    assert f"at least {bound('sleep.goal', 'warn_min')} hours" in sleep
    active = _text(guide, "active_recovery")
    assert f"suggests {bound('active_recovery.duration', 'default')}" in active
    assert f"more than {bound('active_recovery.duration', 'hard_max')}" in active
    doms = _text(guide, "doms")
    assert "24 to 72 hours" in doms and "within about a week" in doms
    assert "rising after 72 hours" in doms and "after 7 days" in doms


def test_when_to_get_care_agrees_with_the_safety_questions():
    guide = load_guide()
    triage = load_triage()
    chapter = guide.chapter("when_to_get_care")
    assert [p.id for p in chapter.passages] == [
        "stop_at_once",
        "emergency_signs",
        "same_day_care",
        "book_a_check",
        "safety_check",
    ]
    # The headings say what the app's outcomes say.
    assert guide.get("same_day_care").title == Tier.ORANGE.headline.rstrip(".")
    emergency = _text(guide, "emergency_signs").casefold()
    today = _text(guide, "same_day_care").casefold()
    soon = _text(guide, "book_a_check").casefold()
    texts = {Tier.RED: emergency, Tier.ORANGE: today, Tier.YELLOW: soon}
    # A telling phrase of each question appears in the passage for its tier.
    phrases = {
        "R1": "coughing up blood",
        "R2": "cold, pale, blue or blotchy",
        "R3": "rock-hard",
        "R4": "genitals, bottom or inner thighs",
        "R5": "cola-coloured urine",
        "R6": "drink nothing more",
        "R7": "exercise in the heat",
        "R8": "bone through the skin",
        "O1": "one leg swollen compared with the other",
        "O2": "cannot take four steps",
        "O3": "stand on tiptoe",
        "O4": "red streaks",
        "O5": "does not pass within minutes",
        "O6": "locks or gives way",
        "O7": "tearing pain",
        "O8": "dark urine after hard exercise",
        "O9": "fever or chills",
        "O10": "cannot put weight on the leg",
        "Y1": "no better after 5 to 7 days",
        "Y2": "pressed with one finger",
        "Y3": "same point in every run",
        "Y4": "aches on walking and eases when you stop",
        "Y5": "one to two weeks",
        "Y6": "4 to 6 weeks",
        "Y7": "swollen overnight",
        "Y7B": "breathless at rest",
        "Y8": "pain medicine every day",
    }
    asked = {q.id for q in triage.questions}
    assert set(phrases) == asked
    for question in triage.questions:
        tier = Tier.YELLOW if question.id == "Y7B" else question.tier  # said beside Y7
        assert phrases[question.id] in texts[tier], question.id


def test_no_sentence_uses_words_the_content_rules_forbid():
    raw = content_path("guide").read_text(encoding="utf-8")
    body = raw.split("schema = 1", 1)[1].casefold()  # the header comment names them
    body = body.replace("not a cure", "")  # the stretching title says what it is not
    for words in ("cure", "heal faster", "flush", "toxin", "detox", "scar tissue", "lengthen the"):
        assert words not in body, words


def test_every_quoted_title_in_the_text_names_a_passage_or_a_chapter():
    guide = load_guide()
    titles = {p.title for p in guide} | {c.title for c in guide.chapters}
    quoted = [(p.id, q) for p in guide for q in re.findall(r'"([^"]+)"', p.text)]
    assert quoted, "the guide cross-references itself by quoting titles"
    assert [(pid, q) for pid, q in quoted if q not in titles] == []
