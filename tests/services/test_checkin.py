from dataclasses import replace
from datetime import timedelta

import pytest

from companion.domain.checkin import (
    Cause,
    CheckIn,
    Descriptor,
    RegionReport,
    SorenessType,
    Swelling,
)
from companion.domain.conditions import ReportedCondition
from companion.domain.regions import Side
from companion.domain.therapy import Status
from companion.domain.triage import Moment, Tier
from companion.resources import load_conditions, load_protocols, load_regions, load_triage
from companion.services.checkin import CheckInService, Content
from companion.storage.database import open_database
from companion.storage.settings import SettingsRepository

L, R = Side.LEFT, Side.RIGHT


@pytest.fixture
def presenter(data_dir, clock):
    data_dir.mkdir()
    db = open_database(data_dir / "companion.db", clock.now()).database
    content = Content(load_regions(), load_protocols(), load_triage(), load_conditions())
    yield CheckInService(db, content, clock, SettingsRepository(db), country="GB")
    db.close()


def checkin(clock, regions=None, **kw):
    return CheckIn(
        at=clock.now(),
        onset=clock.now() - timedelta(hours=30),
        cause=Cause.RUN,
        soreness_type=kw.pop("soreness_type", SorenessType.DOMS),
        regions=regions or (RegionReport("quads_L", L, 2, 5),),
        **kw,
    )


class Asker:
    """Stands in for the dialog: records what was asked, answers as told."""

    def __init__(self, yes=(), back_out=False):
        self.yes = set(yes)
        self.back_out = back_out
        self.asked: list[list[str]] = []

    def __call__(self, questions):
        self.asked.append([q.id for q in questions])
        if self.back_out:
            return None
        return {q.id: q.id in self.yes for q in questions}


def test_a_new_region_asks_the_new_region_questions_then_plans(presenter, clock):
    ask = Asker()
    saved = presenter.submit(checkin(clock), ask)
    assert saved is not None
    assert "R1" in ask.asked[0]
    assert "O1" in ask.asked[0]
    assert saved.triage.tier is Tier.GREEN
    assert saved.checkin.triage_answers["R1"] is False
    assert presenter.latest() == saved.checkin
    assert saved.plan.water.litres == 2.0


def test_the_same_regions_again_ask_nothing(presenter, clock):
    presenter.submit(checkin(clock), Asker())
    clock.advance(hours=5)
    ask = Asker()
    assert presenter.submit(checkin(clock), ask) is not None
    assert ask.asked == []


def test_nerve_words_and_one_sided_swelling_ask_their_questions(presenter, clock):
    presenter.submit(checkin(clock), Asker())
    ask = Asker()
    words = frozenset({Descriptor.TINGLING})
    presenter.submit(
        checkin(
            clock,
            regions=(RegionReport("quads_L", L, 2, 5, words),),
            swelling=Swelling.ONE_SIDE,
            swollen_side=L,
        ),
        ask,
    )
    assert set(ask.asked[0]) >= {"O5", "R3", "R4", "O1", "R1"}


def test_backing_out_saves_nothing(presenter, clock):
    assert presenter.submit(checkin(clock), Asker(back_out=True)) is None
    assert presenter.latest() is None


def test_red_locks_until_assessed_and_shows_the_number(presenter, clock):
    saved = presenter.submit(checkin(clock), Asker(yes={"R2"}))
    assert saved.plan.locked
    assert presenter.emergency_number() == "999"
    clock.advance(days=2)
    assert presenter.plan(presenter.latest()).locked  # still locked days later
    assert presenter.confirm_assessed() == 1
    assert not presenter.plan(presenter.latest()).locked


TINGLING = frozenset({Descriptor.TINGLING})
KNEE = (RegionReport("knee_L", L, 2, 5),)
SHIN = (RegionReport("shin_L", L, 2, 5),)
CALF = (RegionReport("calves_L", L, 2, 5),)


def test_orange_lock_ends_after_24_hours_without_restarting(presenter, clock):
    tingling = checkin(clock, regions=(RegionReport("quads_L", L, 2, 5, TINGLING),))
    saved = presenter.submit(tingling, Asker(yes={"O5"}))
    assert saved.triage.tier is Tier.ORANGE
    assert saved.triage.locked_legs == {L}
    clock.advance(hours=23)
    assert (
        presenter.plan(presenter.latest()).triage.tier is Tier.ORANGE
    )  # showing it does not extend it
    clock.advance(hours=1, minutes=1)
    assert presenter.plan(presenter.latest()).triage.tier is Tier.GREEN


def test_yellow_restrictions_stay_with_the_checkin(presenter, clock):
    presenter.submit(checkin(clock, regions=CALF), Asker(yes={"Y4"}))
    clock.advance(days=1)
    plan = presenter.plan(presenter.latest())
    assert plan.triage.tier is Tier.YELLOW
    assert {"no_cold", "no_heat"} <= plan.triage.restrictions
    assert {o.therapy.value for o in plan.therapies if o.status is Status.BLOCKED} == {
        "ice_pack",
        "heat_pack",
        "contrast",
        "cold_water_immersion",
        "warm_bath",
    }


def test_conditions_gate_the_plan_and_are_remembered(presenter, clock):
    assert not presenter.conditions_asked()
    presenter.save_conditions((ReportedCondition("cold_sensitivity"),))
    assert presenter.conditions_asked()
    saved = presenter.submit(checkin(clock), Asker())
    blocked = {o.therapy.value for o in saved.plan.therapies if o.status is Status.BLOCKED}
    assert blocked == {"ice_pack", "contrast", "cold_water_immersion"}
    with pytest.raises(KeyError):
        presenter.save_conditions((ReportedCondition("flu"),))


def test_the_emergency_number_is_the_local_one_unless_settings_give_another(presenter, clock):
    from companion.domain.preferences import Preferences
    from companion.storage.preferences import PreferencesRepository

    assert presenter.emergency_number() == "999"  # set up in the United Kingdom
    PreferencesRepository(presenter.checkins._db).save(
        Preferences(emergency_number="112"), clock.now()
    )
    assert presenter.emergency_number() == "112"


def test_an_orange_screen_is_repeated_once_its_lock_has_ended(presenter, clock):
    presenter.submit(checkin(clock, regions=KNEE), Asker(yes={"O6"}))
    clock.advance(hours=2)
    ask = Asker()
    presenter.submit(checkin(clock, regions=KNEE), ask)
    assert ask.asked == []  # same regions, lock still running: nothing new to ask
    clock.advance(hours=23)
    ask = Asker()
    presenter.submit(checkin(clock, regions=KNEE), ask)
    assert ask.asked == [["O6"]]  # the lock ended: the question comes back
    clock.advance(hours=2)
    ask = Asker()
    presenter.submit(checkin(clock, regions=KNEE), ask)
    assert ask.asked == []  # answered again after the lock: not asked at every check-in


def test_editing_the_same_day_keeps_earlier_answers(presenter, clock):
    presenter.submit(checkin(clock, regions=SHIN), Asker(yes={"Y2"}))
    clock.advance(hours=1)
    ask = Asker()
    presenter.submit(checkin(clock, regions=SHIN), ask)
    assert ask.asked == []  # nothing new to ask
    latest = presenter.latest()
    assert latest.triage_answers["Y2"] is True
    assert "no_running" in presenter.plan(latest).triage.restrictions


def test_editing_the_same_day_does_not_extend_an_orange_lock(presenter, clock):
    saved = presenter.submit(checkin(clock, regions=KNEE), Asker(yes={"O6"}))
    assert saved.triage.tier is Tier.ORANGE
    clock.advance(hours=3)
    presenter.submit(checkin(clock, regions=KNEE), Asker())
    clock.advance(hours=21, minutes=1)  # 24 h after the answer, not after the edit
    assert presenter.plan(presenter.latest()).triage.tier is Tier.GREEN


def test_a_trend_alert_opens_its_questions_once_with_the_reason(presenter, clock):
    onset = clock.now() - timedelta(hours=30)

    def day(move: int) -> CheckIn:
        return CheckIn(
            at=clock.now(),
            onset=onset,
            cause=Cause.RUN,
            soreness_type=SorenessType.DOMS,
            regions=(RegionReport("calves_L", L, 1, move),),
        )

    presenter.submit(day(4), Asker())  # day 2: the peak so far
    clock.advance(days=1)
    assert presenter.submit(day(4), Asker()) is not None  # day 3: the same, nothing new
    clock.advance(days=1)
    ask = Asker()
    presenter.submit(day(6), ask)  # day 4: 2 above the 24-72 h peak -> T1
    assert ask.asked and "Y1" in ask.asked[0] and "O1" in ask.asked[0]
    assert presenter.pending_alerts == ()  # answered and remembered
    (raised,) = presenter.alerts.recent()
    assert raised[1] == "T1" and "calves (left)" in raised[2] and raised[3] == "answered"
    clock.advance(days=1)
    ask = Asker()
    presenter.submit(day(6), ask)  # day 5, still up: T1 is not asked again, nor T2 (within T1)
    assert all("Y1" not in asked for asked in ask.asked)


def test_backing_out_of_a_trend_alert_asks_it_again_next_time(presenter, clock):
    onset = clock.now() - timedelta(hours=30)
    base = {"onset": onset, "cause": Cause.RUN, "soreness_type": SorenessType.DOMS}
    severe = CheckIn(at=clock.now(), regions=(RegionReport("quads_L", L, 8, 9),), **base)
    assert presenter.submit(severe, Asker(back_out=True)) is None
    assert presenter.alerts.recent() == []
    ask = Asker()
    presenter.submit(severe, ask)
    assert red_questions(presenter) <= set(ask.asked[0])  # T4: every red question
    assert presenter.alerts.recent()[0][1] == "T4"


def test_the_plan_uses_the_equipment_and_water_goal_from_settings(data_dir, clock):
    from companion.domain.equipment import Equipment
    from companion.domain.preferences import Preferences
    from companion.resources import load_exercises

    data_dir.mkdir()
    db = open_database(data_dir / "companion.db", clock.now()).database
    content = Content(
        load_regions(), load_protocols(), load_triage(), load_conditions(), load_exercises()
    )
    chosen = [Preferences(equipment=frozenset({Equipment.FOAM_ROLLER}))]
    presenter = CheckInService(
        db, content, clock, SettingsRepository(db), country="GB", preferences=lambda: chosen[0]
    )
    rolls = [
        s.exercise
        for s in presenter.plan(checkin(clock)).routine
        if s.exercise.kind.value == "roll"
    ]
    assert rolls and Equipment.FOAM_ROLLER in rolls[0].equipment
    assert presenter.plan(checkin(clock)).water.litres == 2.0
    # A new user owns nothing until they say so: no foam roller in their plan.
    for owned in (Preferences(equipment=frozenset()), Preferences(water_goal_ml=2500)):
        chosen[0] = owned
        plan = presenter.plan(checkin(clock))
        rolls = [s.exercise for s in plan.routine if s.exercise.kind.value == "roll"]
        assert rolls and rolls[0].equipment == (Equipment.NONE,)  # by hand
    assert plan.water.litres == 2.5
    assert presenter.water_goal_ml() == 2500
    db.close()


def full_screen(presenter):
    return {q.id for q in presenter.content.triage.for_moment(Moment.FULL)}


def red_questions(presenter):
    return {q.id for q in presenter.content.triage.questions if q.tier is Tier.RED}


@pytest.mark.parametrize(
    "report",
    [
        RegionReport("quads_L", L, 7, 7),  # T4: 7/10 at rest
        RegionReport("quads_L", L, 3, 10),  # the worst imaginable on movement
        RegionReport("quads_L", L, 2, 7, frozenset({Descriptor.SHARP})),  # a stop rule
    ],
)
def test_severe_soreness_brings_the_full_screen_every_day(presenter, clock, report):
    """Even the first check-in, with no history: every red question, and the others that
    apply to it; again the next day; not again for a same-day re-save with nothing new."""
    first = {q.id for q in presenter.questions_needed(checkin(clock, regions=(report,)))}
    assert red_questions(presenter) <= first <= full_screen(presenter)
    presenter.submit(checkin(clock, regions=(report,)), Asker())
    clock.advance(hours=6)
    assert presenter.questions_needed(checkin(clock, regions=(report,))) == ()
    clock.advance(days=1)
    again = {q.id for q in presenter.questions_needed(checkin(clock, regions=(report,)))}
    assert red_questions(presenter) <= again


def test_ordinary_soreness_seen_before_asks_nothing_more(presenter, clock):
    presenter.submit(checkin(clock, regions=(RegionReport("quads_L", L, 3, 6),)), Asker())
    clock.advance(hours=6)
    assert (
        presenter.questions_needed(checkin(clock, regions=(RegionReport("quads_L", L, 3, 6),)))
        == ()
    )


# -- a same-day re-save asks again only what is new ---------------------------------------
def test_a_same_day_re_save_with_nothing_new_asks_nothing(presenter, clock):
    """Nerve words and swelling brought their questions once; saving again minutes later
    with the same report does not bring them back."""
    words = checkin(
        clock,
        regions=(RegionReport("quads_L", L, 2, 5, TINGLING),),
        swelling=Swelling.ONE_SIDE,
        swollen_side=L,
    )
    first = Asker()
    presenter.submit(words, first)
    assert {"O5", "R3", "O1"} <= set(first.asked[0])
    clock.advance(minutes=10)
    again = Asker()
    presenter.submit(replace(words, at=clock.now()), again)
    assert again.asked == []


@pytest.mark.parametrize(
    ("change", "expected", "not_expected"),
    [
        # a new region: its own questions (a calf: the Achilles and calf-artery ones)
        ({"regions": (RegionReport("quads_L", L, 2, 5), *CALF)}, {"O3", "Y4", "Y3"}, {"O5"}),
        # a nerve-type word for the first time today
        ({"regions": (RegionReport("quads_L", L, 2, 5, TINGLING),)}, {"O5", "R3", "R4"}, {"O3"}),
        # swelling for the first time today
        ({"swelling": Swelling.ONE_SIDE, "swollen_side": L}, {"O1", "Y7", "O4"}, {"O3", "O5"}),
        # a score past a rule's number (6: the weight-bearing and medicine questions)
        ({"regions": (RegionReport("quads_L", L, 2, 6),)}, {"O10", "Y8"}, {"O3", "R1"}),
    ],
)
def test_a_same_day_re_save_asks_what_applies_to_the_news(
    presenter, clock, change, expected, not_expected
):
    presenter.submit(checkin(clock), Asker())
    clock.advance(minutes=20)
    ask = Asker()
    presenter.submit(checkin(clock, **change), ask)
    assert ask.asked, "something new was reported"
    assert expected <= set(ask.asked[0])
    assert not not_expected & set(ask.asked[0])


def test_a_same_day_re_save_with_a_new_severe_score_asks_every_red_question(presenter, clock):
    presenter.submit(checkin(clock), Asker())
    clock.advance(minutes=30)
    ask = Asker()
    presenter.submit(checkin(clock, regions=(RegionReport("quads_L", L, 8, 8),)), ask)
    assert red_questions(presenter) <= set(ask.asked[0])


def test_questions_answered_yes_earlier_today_still_count_after_a_re_save(presenter, clock):
    presenter.submit(checkin(clock, regions=CALF), Asker(yes={"Y4"}))
    clock.advance(minutes=5)
    ask = Asker()
    saved = presenter.submit(checkin(clock, regions=CALF), ask)
    assert ask.asked == []
    assert saved.triage.tier is Tier.YELLOW
