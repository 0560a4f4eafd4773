"""Fuzzing the readers' entry: whatever the bytes, ``read_activities`` gives activities
that pass the domain's checks or raises ActivityFileError with a reason, nothing else.
Settings are those of tests/helpers/fuzz.py (``COMPANION_FUZZ=deep`` explores)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import example, given
from hypothesis import strategies as st

from companion.activity_files import ActivityFileError, Sources, read_activities
from companion.domain.activity import Activity
from tests.helpers.activity_files import fit_run, gpx_run, gz, tcx_run
from tests.helpers.fuzz import fuzz

SEEDS = (fit_run(records=3), gpx_run(minutes=3), tcx_run(minutes=3))
NAMES = st.sampled_from(
    ["a.fit", "a.FIT", "a.gpx", "a.tcx", "a.fit.gz", "a.gpx.gz", "a.tcx.gz", "download", "a.txt"]
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real file with bytes changed, cut or spliced: closer to a broken download."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


XML_JUNK = st.builds(
    lambda tag, body: f"<?xml version='1.0'?><{tag}>{body}</{tag}>".encode(),
    st.sampled_from(["gpx", "TrainingCenterDatabase", "trk", "x"]),
    st.text(max_size=200),
)
BYTES = st.one_of(st.binary(max_size=2048), mutated(), XML_JUNK, mutated().map(gz))


def check(name: str, data: bytes) -> None:
    try:
        activities = read_activities(name, data)
    except ActivityFileError as exc:
        reason = str(exc)
        assert reason, "an error without a reason"
        return
    assert activities
    for activity in activities:
        assert isinstance(activity, Activity)
        assert activity.content_hash
        assert activity.ended_at.utcoffset() is not None


@fuzz(300)
@given(name=NAMES, data=BYTES)
@example(name="a.fit", data=b"\x0e\x10" + b"\x00" * 10).via("a header and nothing else")
@example(name="a.gpx", data=b"<gpx><trk><trkseg><trkpt lat='x' lon='y'/></trkseg></trk></gpx>")
@example(
    name="a.tcx",
    data=b"<TrainingCenterDatabase><Activities><Activity/></Activities></TrainingCenterDatabase>",
).via("an Activity without a Sport")
def test_any_bytes_read_as_activities_or_our_error(name: str, data: bytes) -> None:
    check(name, data)


@fuzz(60)
@given(
    members=st.lists(
        st.tuples(st.text(min_size=1, max_size=30).map(lambda t: t + ".fit"), BYTES),
        max_size=4,
        unique_by=lambda member: member[0],
    ),
    cut=st.integers(0, 400),
)
def test_any_archive_lists_and_reads_without_escaping(tmp_path_factory, members, cut):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    raw = buffer.getvalue()
    path = tmp_path_factory.mktemp("zip") / "x.zip"
    path.write_bytes(raw[: len(raw) - cut] if cut else raw)
    with Sources([path]) as sources:
        for found in sources:
            try:
                data = found.load()
            except ActivityFileError as exc:
                reason = str(exc)
                assert reason, "an error without a reason"
                continue
            check(found.name, data)
