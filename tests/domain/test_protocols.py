import copy
import math
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain.content import ContentError
from companion.domain.protocols import UNITS, Bound, Verdict, parse_protocols
from companion.resources import content_path, load_protocols


@pytest.fixture(scope="module")
def bounds():
    return load_protocols()


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    with content_path("protocols").open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(
    ("key", "limit", "value"),
    [
        # The hard limits the issues and PROTOCOLS 1.1/1.2 name explicitly.
        ("ice_pack.application", "hard_max", 20),
        ("ice_pack.application_outer_knee_or_lean", "hard_max", 10),
        ("ice_pack.interval_between_sessions", "hard_min", 60),
        ("ice_pack.sessions_per_24h", "hard_max", 8),
        ("hydration.scheduled_per_hour", "hard_max", 1.0),
        ("hydration.daily_target", "hard_max", 6.0),
        ("hydration.daily_target", "warn_max", 4.0),
        ("hydration.reminder_interval", "hard_min", 30),
        ("hydration.reminder_volume", "hard_max", 500),
        ("stretch_static.hold", "hard_max", 60),
        ("stretch_static.reps", "hard_max", 4),
        ("stretch_static.total_hold_per_side", "hard_max", 120),
        ("foam_roll.per_muscle_set", "hard_max", 120),
        ("foam_roll.session_total", "hard_max", 30),
        ("foam_roll.tender_hold", "hard_max", 60),
        ("cold_water_immersion.temp", "hard_min", 10),
        ("cold_water_immersion.duration", "hard_max", 15),
        ("contrast_water.hot", "hard_max", 40),
        ("contrast_water.cold", "hard_min", 10),
        ("contrast_water.total", "hard_max", 20),
        ("warm_bath.temp", "hard_max", 40),
        ("warm_bath.duration", "hard_max", 30),
        ("warm_bath.duration_above_38c", "hard_max", 15),
        ("local_heat.application", "hard_max", 30),
        ("active_recovery.duration", "hard_max", 60),
    ],
)
def test_safety_limits_match_protocols(bounds, key, limit, value):
    assert getattr(bounds.bound(key), limit) == value


def test_every_bound_is_ordered_and_has_a_known_unit(bounds):
    order = ("hard_min", "warn_min", "default", "warn_max", "hard_max")
    all_bounds = bounds.all_bounds()
    assert len(all_bounds) > 40
    for bound in all_bounds:
        assert bound.unit in UNITS
        values = [getattr(bound, name) for name in order if getattr(bound, name) is not None]
        assert values == sorted(values), bound.key
        if bound.default is not None:
            assert bound.check(bound.default).verdict is Verdict.OK, bound.key


def test_settings_the_rules_read(bounds):
    assert bounds.setting("ice_pack.allow_during_sleep") is False
    assert bounds.setting("local_heat.allow_during_sleep") is False
    assert bounds.setting("ice_pack.skin_check_every_min") == 5
    assert bounds.setting("contrast_water.end_on") == "cold"
    assert bounds.setting("doms_review.escalate_if_lasting_days") == 7
    assert "kidney_disease" in bounds.setting("hydration.disable_targets_if")


def test_check_refuses_beyond_hard_limits_and_asks_outside_the_usual_range(bounds):
    ice = bounds.bound("ice_pack.application")
    assert ice.check(15).verdict is Verdict.OK
    assert ice.check(20).verdict is Verdict.OK
    refused = ice.check(25)
    assert refused.verdict is Verdict.REFUSE and not refused.allowed
    assert refused.reason == "Ice on the skin: 25 min is above the safe limit of 20 min."
    gap = bounds.check("ice_pack.interval_between_sessions", 45)
    assert gap.verdict is Verdict.REFUSE and "below the safe minimum of 60 min" in gap.reason
    confirm = bounds.check("ice_pack.interval_between_sessions", 90)
    assert confirm.verdict is Verdict.CONFIRM and confirm.allowed
    assert bounds.check("hydration.daily_target", 4.5).verdict is Verdict.CONFIRM
    assert bounds.check("hydration.daily_target", 6.5).verdict is Verdict.REFUSE
    assert bounds.check("contrast_water.hot", 41).reason.endswith("above the safe limit of 40 °C.")


def test_not_a_number_is_refused(bounds):
    assert bounds.check("stretch_static.hold", math.nan).verdict is Verdict.REFUSE


@given(
    value=st.floats(min_value=-1000, max_value=1000, allow_nan=False),
    lows=st.tuples(st.integers(0, 50), st.integers(0, 50)),
    highs=st.tuples(st.integers(0, 50), st.integers(0, 50)),
)
def test_verdict_is_exactly_the_band_the_value_falls_in(value, lows, highs):
    hard_min, warn_min = sorted(lows)
    warn_max, hard_max = sorted(highs)
    warn_max += warn_min + 50  # keep the bands ordered: hard_min <= warn_min < warn_max <= hard_max
    hard_max += warn_max
    bound = Bound("x.y", "Thing", "min", None, warn_min, warn_max, hard_min, hard_max)
    verdict = bound.check(value).verdict
    if value < hard_min or value > hard_max:
        assert verdict is Verdict.REFUSE
    elif value < warn_min or value > warn_max:
        assert verdict is Verdict.CONFIRM
    else:
        assert verdict is Verdict.OK


def test_unknown_names_list_what_exists(bounds):
    with pytest.raises(KeyError, match="ice_pack"):
        bounds.bound("ice_pak.application")
    with pytest.raises(KeyError, match="application"):
        bounds.bound("ice_pack.aplication")
    with pytest.raises(KeyError, match="skin_check_every_min"):
        bounds.setting("ice_pack.nope")


@pytest.mark.parametrize(
    ("mutate", "key", "reason"),
    [
        (
            lambda d: d["ice_pack"]["application"].update(hard_max=12),
            "ice_pack.application.hard_max",
            "12 is below warn_max 20",
        ),
        (
            lambda d: d["ice_pack"]["application"].update(unit="minutes"),
            "ice_pack.application.unit",
            "not one of",
        ),
        (
            lambda d: d["ice_pack"]["application"].update(default="15"),
            "ice_pack.application.default",
            "must be a number",
        ),
        (
            lambda d: d["ice_pack"]["application"].update(maximum=20),
            "ice_pack.application.maximum",
            "not a known key",
        ),
        (lambda d: d["ice_pack"].pop("label"), "ice_pack.label", "is missing"),
        (lambda d: d["sleep"]["goal"].pop("label"), "sleep.goal.label", "is missing"),
        (lambda d: d.update(schema=9), "schema", "not supported"),
        (
            lambda d: d["ice_pack"].update(odd={"a": [1, {}]}.get("a")),
            "ice_pack.odd",
            "must be a bound table",
        ),
    ],
)
def test_malformed_protocols_name_file_key_and_reason(raw, mutate, key, reason):
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(ContentError) as info:
        parse_protocols(data, source="protocols.toml")
    assert info.value.key == key
    assert reason in info.value.reason
    assert str(info.value).startswith(f"protocols.toml: {key}: ")
