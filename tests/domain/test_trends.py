from datetime import UTC, date, datetime, timedelta

from companion.domain.activity import MorningLog
from companion.domain.checkin import Cause, DayScores
from companion.domain.trends import check_in_alerts, morning_alert
from companion.domain.triage import Moment

ONSET = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def at(hours: float, onset: datetime = ONSET, **scores) -> DayScores:
    moment = onset + timedelta(hours=hours)
    return DayScores(moment.date(), moment, onset, Cause.RUN, scores)


def name(region: str) -> str:
    return region.replace("_L", " (left)").replace("_R", " (right)")


def alerts(current, history=(), swelling=False):
    return check_in_alerts(current, list(history), swelling=swelling, name=name)


def rules(found) -> list[tuple[str, str]]:
    return [(a.rule, a.subject) for a in found]


def test_t1_sorer_after_three_days_than_at_the_peak():
    history = [at(24, calves_L=(2, 4)), at(48, calves_L=(2, 5))]
    assert rules(alerts(at(80, calves_L=(2, 6)), history)) == []  # only 1 above the peak
    (t1,) = alerts(at(80, calves_L=(3, 7)), history)
    assert (t1.rule, t1.subject, t1.moments) == ("T1", "calves_L", (Moment.SORENESS_NOT_EASING,))
    assert "day 4" in t1.detail and "7/10" in t1.detail and "(5/10)" in t1.detail
    # Another activity in between: a new episode, so no comparison with the old peak.
    new_onset = ONSET + timedelta(hours=60)
    assert "T1" not in {a.rule for a in alerts(at(20, new_onset, calves_L=(3, 7)), history)}


def test_t2_day_five_without_a_clear_fall():
    history = [at(30, quads_R=(2, 6)), at(54, quads_R=(2, 6))]
    (t2,) = alerts(at(100, quads_R=(2, 5)), history)
    assert (t2.rule, t2.questions) == ("T2", ("Y1",))
    assert alerts(at(100, quads_R=(1, 4)), history) == []  # 2 points down: a clear fall
    assert alerts(at(90, quads_R=(2, 6)), history) == []  # day 4: too early
    small = [at(30, quads_R=(1, 2))]
    assert alerts(at(100, quads_R=(1, 2)), small) == []  # a peak of 2 is not an alert


def test_t3_still_sore_after_a_week_is_one_alert_for_the_whole_body():
    found = alerts(at(170, calves_L=(1, 3), quads_L=(1, 2), shin_L=(0, 1)))
    (t3,) = [a for a in found if a.rule == "T3"]
    assert t3.subject == ""
    assert "still soreness in your calves (left) and quads (left)." in t3.detail
    assert "GP or physiotherapist" in t3.detail


def test_t4_severe_at_rest_or_a_jump_of_three_in_a_day():
    (t4,) = alerts(at(30, hamstrings_L=(7, 8)))
    assert (t4.rule, t4.moments) == ("T4", (Moment.FULL,))
    history = [at(30, hamstrings_L=(1, 2))]
    (jump,) = alerts(at(50, hamstrings_L=(2, 5)), history)
    assert jump.rule == "T4" and "rose by 3 points" in jump.detail
    # Three days later is not "within 24 h".
    assert all(a.rule != "T4" for a in alerts(at(110, hamstrings_L=(2, 5)), history))


def test_t5_a_three_point_difference_between_calves_with_swelling():
    current = at(30, calves_L=(2, 6), calves_R=(1, 3))
    assert alerts(current) == []  # no swelling
    (t5,) = alerts(current, swelling=True)
    assert (t5.rule, t5.subject, t5.moments) == ("T5", "calves", (Moment.ONE_SIDED_SWELLING,))
    shins = at(30, shin_L=(2, 6), shin_R=(1, 3))
    assert alerts(shins, swelling=True) == []  # not a calf or thigh


def test_every_alert_of_an_episode_has_a_stable_key():
    history = [at(24, calves_L=(2, 4)), at(48, calves_L=(2, 5))]
    first = alerts(at(80, calves_L=(3, 7)), history)
    again = alerts(at(86, calves_L=(3, 8)), history)
    assert first[0].key == again[0].key


def test_t8_three_poorly_recovered_mornings_in_a_row():
    d = date(2026, 11, 10)
    logs = [MorningLog(d + timedelta(days=i), prs=p) for i, p in enumerate([2, 3, 5, 3, 1])]
    assert morning_alert(logs) is None  # the run was broken by a 5
    logs.append(MorningLog(d + timedelta(days=5), prs=2))
    alert = morning_alert(logs)
    assert alert is not None and alert.rule == "T8"
    assert alert.moments == (Moment.FEVER,) and "3 mornings in a row" in alert.detail
    logs.append(MorningLog(d + timedelta(days=6), prs=3))
    longer = morning_alert(logs)
    assert longer is not None and longer.key == alert.key  # the same run, the same key
    gap = [MorningLog(d, prs=2), MorningLog(d + timedelta(days=1), prs=2)]
    gap.append(MorningLog(d + timedelta(days=3), prs=2))
    assert morning_alert(gap) is None  # not consecutive


def test_t4_fires_on_a_first_check_in_with_no_history():
    """Rest at 7/10 or more needs no earlier check-in to bring the full screen."""
    found = alerts(at(5, quads_L=(7, 7)))
    assert [(a.rule, a.moments) for a in found] == [("T4", (Moment.FULL,))]
