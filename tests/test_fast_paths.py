"""The speed-ups change nothing a user can see: same objects, same errors.

* time points read from the same text are one shared object;
* the checks built once per class still catch everything, for subclasses too;
* the parts of the package loaded on first use are there when asked for.
"""

from __future__ import annotations

import gc
import subprocess
import sys

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt

# Time points -------------------------------------------------------------------


def test_the_same_text_gives_the_same_time_point() -> None:
    first = pt.from_json('{"earliest":"2025-03-18T06:30+02:00"}', pt.ReportedTime).earliest
    again = pt.TimePoint.parse("2025-03-18T06:30+02:00")
    assert first is again
    assert again == pt.TimePoint(
        year=2025, month=3, day=18, hour=6, minute=30, utc_offset_minutes=120
    )


def test_shared_time_points_stay_correct_when_the_cache_is_emptied() -> None:
    texts = [f"{year:04d}-{month:02d}" for year in range(1, 800) for month in range(1, 13)]
    points = [pt.TimePoint.parse(text) for text in texts]  # more than the cache holds
    assert [str(point) for point in points] == texts
    assert pt.TimePoint.parse(texts[0]) == points[0]
    with pytest.raises(pt.ValidationError):
        pt.TimePoint.parse("2025-02-29")


@given(st.sampled_from(["2024-02-29", "2025-02-28T23:59:59.5-05:00", "0001"]))
def test_a_single_point_is_never_a_span_that_ends_before_it_starts(text: str) -> None:
    when = pt.ReportedTime.on(text)
    assert when.earliest is when.latest


def test_the_last_instant_of_time_is_still_checked() -> None:
    with pytest.raises(pt.ValidationError, match="not before the earliest point"):
        pt.from_json(
            '{"earliest":"9999-12-31T23:59:59.999999Z","latest":"9999-12-31T23:59:59.999999Z"}',
            pt.ReportedTime,
        )


# Checks built once per class ------------------------------------------------------


@attrs.frozen(kw_only=True, weakref_slot=False)
class TaggedPlace(pt.Place):
    """A user's subclass: it must be checked with its own fields and rules."""

    tag: str = "x"


def test_a_subclass_is_checked_like_its_parent() -> None:
    assert TaggedPlace(name="Kyiv").tag == "x"
    pt.Place(name="Kyiv")  # the parent's checker is in place first
    with pytest.raises(pt.ValidationError, match="non-empty string"):
        TaggedPlace(name="  ")
    with pytest.raises(pt.ValidationError, match="country code"):
        pt.Place(name="Kyiv", country="XX")


@attrs.frozen(kw_only=True, weakref_slot=False)
class CountedPlace(pt.Place):
    """A user's subclass with an __attrs_post_init__ of its own: it keeps running."""

    seen: list[str] = attrs.field(factory=list, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        self.seen.append(self.name)


@attrs.frozen(kw_only=True, weakref_slot=False)
class NamedCountedPlace(CountedPlace):
    pass


@pytest.mark.parametrize("cls", [CountedPlace, NamedCountedPlace])
def test_a_subclass_post_init_keeps_running(cls: type[CountedPlace]) -> None:
    for _ in range(2):
        assert cls(name="Kyiv").seen == ["Kyiv"]
        with pytest.raises(pt.ValidationError, match="non-empty string"):
            cls(name=" ")


def test_every_problem_is_still_reported_at_once() -> None:
    with pytest.raises(pt.ValidationError) as caught:
        pt.Citation(url="ftp://x", language="English", authors=("", "ok", " "))
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["$.url", "$.authors[0]", "$.authors[2]", "$.language"]


# Loaded on first use --------------------------------------------------------------


def test_every_public_name_is_there() -> None:
    for name in pt.__all__:
        assert getattr(pt, name) is not None
    assert set(pt.__all__) <= set(dir(pt))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = pt.nothing_here  # type: ignore[attr-defined]


def test_importing_the_model_does_not_load_the_rest() -> None:
    code = (
        "import sys, peacetalks\n"
        "print(sorted(m for m in ('peacetalks.dossier', 'peacetalks.jsonlines',"
        " 'peacetalks.timeparse', 'importlib.resources') if m in sys.modules))\n"
        "from peacetalks import Dossier, load_example\n"
        "print(Dossier.__module__, load_example().get('trump').name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "peacetalks.dossier Donald Trump"]


# The garbage collector is left alone ------------------------------------------------


def _big_document(count: int = 1500) -> bytes:
    records = [
        pt.Actor(id=f"actor-{n}", name=f"Negotiator {n}", category=pt.ActorCategory.PERSON)
        for n in range(count)
    ]
    return pt.to_json_bytes(pt.Document(records=tuple(records)))


def test_the_collector_runs_while_a_document_is_read_and_written() -> None:
    """A library must not switch off process-wide state: collections run as usual."""
    data = _big_document()
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(note)
    try:
        document = pt.from_json(data, pt.Document)
        assert gc.isenabled()
        pt.to_json_bytes(document)
    finally:
        gc.callbacks.remove(note)
    assert len(started) > 1  # reading 1,500 records starts several young collections
    assert gc.isenabled()


def test_a_program_that_runs_with_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        pt.from_json(_big_document(10), pt.Document)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_shared_time_point_is_written_as_its_canonical_text() -> None:
    point = pt.TimePoint.parse("2025-03-23T06:30:15.5Z")
    assert str(point) == str(point) == "2025-03-23T06:30:15.500000Z"
    again = pt.TimePoint.parse("2025-03-23T06:30:15.500000Z")
    assert str(again) == "2025-03-23T06:30:15.500000Z"
    assert again == point
    assert point.wire_text == str(point)
    assert "wire_text" not in repr(point)


@attrs.frozen(kw_only=True, weakref_slot=False)
class BothEnds(pt.ReportedTime):
    """A stricter subclass: both ends, unless words are given."""

    @property
    def resolved(self) -> bool:
        return self.earliest is not None and self.latest is not None


def test_a_span_that_passed_is_not_taken_as_passed_by_a_stricter_subclass() -> None:
    start = pt.TimePoint.parse("2025-03-01")
    pt.ReportedTime(earliest=start)  # passes, and is remembered
    with pytest.raises(pt.ValidationError, match="words"):
        BothEnds(earliest=start)


def test_a_tuple_field_is_never_none() -> None:
    with pytest.raises(pt.ValidationError, match=r"\$\.requires: expected a tuple, got null"):
        pt.Condition(description="x", requires=None)  # type: ignore[arg-type]
