"""Strategies for the value types records are built from."""

from __future__ import annotations

import string
import zoneinfo
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from hypothesis import strategies as st

from peacetalks._rules import COUNTRY_CODES, FIELD_PATH_PATTERN
from peacetalks.actor import (
    Affiliation,
    Name,
    NameKind,
    Relation,
)
from peacetalks.common import (
    KNOWN_SCHEMES,
    Citation,
    Coordinates,
    Identifier,
    Place,
    PlaceKind,
    SourceValue,
)
from peacetalks.evidence import Evidence, Extractor, ExtractorKind
from peacetalks.timepoint import TimePoint
from peacetalks.times import (
    Basis,
    Duration,
    DurationKind,
    ReportedTime,
    TimeRelation,
    TimeUnit,
    ends_before_start,
)

__all__ = [
    "ZONES",
    "citations",
    "durations",
    "evidence",
    "identifiers",
    "ids",
    "places",
    "reported_times",
    "source_values",
    "texts",
    "time_points",
]

T = TypeVar("T")

#: Zones covering whole, half-hour and extreme offsets and a DST change.
ZONES = (
    "UTC",
    "Europe/Kyiv",
    "Europe/Moscow",
    "America/New_York",
    "Asia/Riyadh",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
)
_ID_START = string.ascii_letters + string.digits
_ID_REST = _ID_START + "._:-"


def ids() -> st.SearchStrategy[str]:
    """Well-formed record ids."""
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(_ID_START),
        st.text(_ID_REST, max_size=20),
    )


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text, often with non-ASCII letters and surrounding spaces kept as is."""
    return st.text(min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def _opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _unique_ids(max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(ids(), max_size=max_size, unique=True).map(tuple)


@st.composite
def time_points(
    draw: st.DrawFn, zone: str | None = None, years: tuple[int, int] = (1, 9999)
) -> TimePoint:
    """Time points of every precision; with ``zone``, offsets are the zone's own."""
    when = draw(
        st.datetimes(datetime(max(years[0], 1), 1, 1), datetime(min(years[1], 9999), 12, 31))
    )
    depth = draw(st.integers(0, 5))
    parts: dict[str, Any] = {"year": when.year}
    if depth >= 1:
        parts["month"] = when.month
    if depth >= 2:
        parts["day"] = when.day
    if depth >= 3:
        parts["hour"] = when.hour
        if zone is None:
            parts["utc_offset_minutes"] = draw(st.integers(-12 * 60, 14 * 60))
        else:
            offset = when.replace(tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
            parts["utc_offset_minutes"] = int(offset.total_seconds() // 60) if offset else 0
    if depth >= 4:
        parts["minute"] = when.minute
    if depth >= 5:
        parts["second"] = when.second
        parts["microsecond"] = draw(st.none() | st.just(when.microsecond))
    return TimePoint(**parts)


@st.composite
def reported_times(draw: st.DrawFn) -> ReportedTime:
    """Reported times: unresolved words, single points, windows and bounds, in zones or not."""
    zone = draw(_opt(st.sampled_from(ZONES)))
    years = (1900, 2100) if zone else (1, 9999)
    relation = draw(st.sampled_from(TimeRelation))
    earliest = draw(_opt(time_points(zone, years)))
    latest = draw(_opt(time_points(zone, years)))
    if relation in (TimeRelation.BY, TimeRelation.BEFORE, TimeRelation.UNTIL):
        earliest = None
    if relation in (TimeRelation.AFTER, TimeRelation.SINCE):
        latest = None
    if ends_before_start(earliest, latest, zone):
        earliest, latest = latest, earliest
        if ends_before_start(earliest, latest, zone):
            latest = earliest
    words = draw(texts())
    return ReportedTime(
        words=words if earliest is None and latest is None else draw(_opt(st.just(words))),
        earliest=earliest,
        latest=latest,
        relation=relation,
        zone=zone,
        reference=draw(_opt(time_points())),
        basis=draw(st.sampled_from(Basis)),
        approximate=draw(st.booleans()),
    )


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    """Fixed, indefinite, permanent and unknown durations."""
    kind = draw(st.sampled_from(DurationKind))
    fixed = kind is DurationKind.FIXED
    return Duration(
        kind=kind,
        amount=draw(st.integers(0, 10**6)) if fixed else None,
        unit=draw(st.sampled_from(TimeUnit)) if fixed else None,
        words=draw(texts()) if kind is DurationKind.UNKNOWN else draw(_opt(texts())),
        approximate=draw(st.booleans()),
    )


def identifiers() -> st.SearchStrategy[Identifier]:
    """Identifiers in known schemes (with well-formed values) and in other schemes."""
    known = st.sampled_from(sorted(KNOWN_SCHEMES)).flatmap(
        lambda scheme: st.from_regex(KNOWN_SCHEMES[scheme][0], fullmatch=True).map(
            lambda value: Identifier(scheme=scheme, value=value)
        )
    )
    other = st.builds(
        Identifier,
        scheme=st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True).filter(
            lambda s: s not in KNOWN_SCHEMES
        ),
        value=texts(20).map(str.strip),
    )
    return known | other


_countries = st.sampled_from(sorted(COUNTRY_CODES))
_languages = st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True)


def places() -> st.SearchStrategy[Place]:
    """Places of every kind, with or without country and coordinates."""
    coordinates = st.builds(
        Coordinates,
        latitude=st.floats(-90, 90, allow_nan=False),
        longitude=st.floats(-180, 180, allow_nan=False),
    )
    return st.builds(
        Place,
        name=texts(),
        kind=_opt(st.sampled_from(PlaceKind)),
        country=_opt(_countries),
        within=_opt(texts()),
        coordinates=_opt(coordinates),
        identifiers=_tuples(identifiers(), 2),
    )


def source_values() -> st.SearchStrategy[SourceValue]:
    """Kept source cells of every value type, with and without a row."""
    value = st.one_of(
        texts().map(lambda v: {"text": v}),
        st.integers(-(2**53), 2**53).map(lambda v: {"integer": v}),
        st.floats(allow_nan=False, allow_infinity=False).map(lambda v: {"number": v}),
        st.booleans().map(lambda v: {"boolean": v}),
        time_points().map(lambda v: {"date": v}),
    )
    return st.builds(
        lambda dataset, column, row, cell: SourceValue(
            dataset=dataset, column=column, row=row, **cell
        ),
        st.sampled_from(("ethprio", "pax", "ucdp_peace", "my.dataset")),
        texts(20),
        _opt(texts(10)),
        value,
    )


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    """Evidence spans, with or without offsets, extractors, times and confidences."""
    quote = draw(texts())
    start = draw(_opt(st.integers(min_value=0, max_value=10**6)))
    extractor = st.builds(
        Extractor,
        kind=st.sampled_from(ExtractorKind),
        name=texts(),
        version=_opt(texts()),
        prompt=_opt(texts()),
    )
    return Evidence(
        quote=quote,
        start=start,
        end=None if start is None else start + len(quote),
        field=draw(_opt(st.from_regex(FIELD_PATH_PATTERN, fullmatch=True))),
        extractor=draw(_opt(extractor)),
        extracted=draw(_opt(time_points())),
        confidence=draw(_opt(st.floats(min_value=0, max_value=1))),
    )


def citations() -> st.SearchStrategy[Citation]:
    """Citations with at least a publisher or title."""
    return st.builds(
        Citation,
        publisher=texts(),
        title=_opt(texts()),
        url=_opt(st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9/]{0,20}", fullmatch=True)),
        authors=_tuples(texts()),
        contributors=_tuples(texts()),
        distributed_by=_tuples(texts()),
        section=_opt(texts()),
        published=_opt(reported_times()),
        retrieved=_opt(time_points()),
        language=_opt(_languages),
        rights=_opt(texts()),
        basis=st.sampled_from(Basis),
        identifiers=_tuples(identifiers(), 2),
    )


def _ordered(draw: st.DrawFn, make: Callable[..., T], **fields: Any) -> T:
    start, end = draw(_opt(time_points())), draw(_opt(time_points()))
    if ends_before_start(start, end):
        start, end = end, start
    return make(start=start, end=end, **fields)


@st.composite
def _names(draw: st.DrawFn) -> Name:
    fields = {
        "text": draw(texts()),
        "kind": draw(_opt(st.sampled_from(NameKind))),
        "language": draw(_opt(_languages)),
        "script": draw(_opt(st.sampled_from(["Latn", "Cyrl", "Arab", "Hang"]))),
    }
    return _ordered(draw, Name, **fields)


@st.composite
def _affiliations(draw: st.DrawFn) -> Affiliation:
    fields = {
        "organization": draw(ids()),
        "relation": draw(st.sampled_from(Relation)),
        "role": draw(_opt(texts())),
    }
    return _ordered(draw, Affiliation, **fields)
