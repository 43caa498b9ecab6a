"""peacetalks' field patterns and cross-field rules, for the peer models.

Each ``check_*`` function takes a decoded object (a pydantic model or a msgspec
Struct: anything with the fields as attributes) and raises ``ValueError`` with
the first rule it breaks. Time points stay strings in the peers, checked by
peacetalks' exact pattern (which also checks the calendar: no 30 February);
the few rules that compare time points work out their spans here.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from peacetalks._rules import (
    COUNTRY_CODES,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    SCHEME_PATTERN,
    SCRIPT_PATTERN,
    URL_PATTERN,
    WHITESPACE,
    ZONE_PATTERN,
    is_zone,
)
from peacetalks.common import KNOWN_SCHEMES
from peacetalks.timepoint import TimePoint

# peacetalks' own patterns, as JSON Schema states them (``$`` is the end of the text
# for pydantic's Rust regex engine); ``python_re`` gives the form for Python's re
# (msgspec), where ``$`` also matches before a final newline.
ID = ID_PATTERN
LANGUAGE = LANGUAGE_PATTERN
SCRIPT = SCRIPT_PATTERN
SCHEME = SCHEME_PATTERN
URL = URL_PATTERN
ZONE = ZONE_PATTERN
NON_EMPTY = f"[^{WHITESPACE}]"
TIME_POINT = str(TimePoint.wire_schema["pattern"])  # type: ignore[index]
COUNTRIES = tuple(sorted(COUNTRY_CODES))


def python_re(pattern: str) -> str:
    """``pattern`` anchored at the very end of the text for Python's re."""
    return pattern.removesuffix("$") + r"\Z" if pattern.endswith("$") else pattern


_SCHEME_VALUES = {name: re.compile(pattern) for name, (pattern, _) in KNOWN_SCHEMES.items()}
_TIME = re.compile(TIME_POINT)
_EAST = timezone(timedelta(hours=14))
_WEST = timezone(timedelta(hours=-12))


def check_zone(zone: str | None) -> None:
    if zone is not None and not is_zone(zone):
        raise ValueError("unknown time zone")


@lru_cache(maxsize=8192)
def _span(point: str, zone: str | None) -> tuple[datetime, datetime]:
    """The instants a time point string may denote, as [start, end)."""
    if "T" in point:
        start = datetime.fromisoformat(point)
        steps = {0: timedelta(hours=1), 1: timedelta(minutes=1)}
        clock = re.split(r"[Z+-]", point[11:])[0]  # "06", "06:30" or "06:30:15.5"
        return start, start + steps.get(clock.count(":"), timedelta(seconds=1))
    parts = [int(p) for p in point.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    day = parts[2] if len(parts) > 2 else None
    first = datetime(year, month or 1, day or 1)
    if day is not None:
        after = first + timedelta(days=1)
    elif month is not None:
        after = datetime(year + (month == 12), month % 12 + 1, 1)
    else:
        after = datetime(year + 1, 1, 1)
    if zone is not None:
        tz_zone = zoneinfo.ZoneInfo(zone)
        return first.replace(tzinfo=tz_zone), after.replace(tzinfo=tz_zone)
    return first.replace(tzinfo=_EAST), after.replace(tzinfo=_WEST)


def ends_before(start: str | None, end: str | None, zone: str | None = None) -> bool:
    if start is None or end is None:
        return False
    return _span(end, zone)[1] <= _span(start, zone)[0]


def check_reported_time(value: Any) -> None:
    if value.words is None and value.earliest is None and value.latest is None:
        raise ValueError("the source's words or at least one date")
    if value.relation in ("by", "before", "until") and value.earliest is not None:
        raise ValueError("no earliest point with this relation")
    if value.relation in ("after", "since") and value.latest is not None:
        raise ValueError("no latest point with this relation")
    check_zone(value.zone)
    for point in (value.earliest, value.latest):
        if point is not None and "T" in point and value.zone is not None:
            moment = _span(point, None)[0]
            wall = moment.replace(second=0, microsecond=0, tzinfo=None)
            zone = zoneinfo.ZoneInfo(value.zone)
            offsets = {wall.replace(fold=f, tzinfo=zone).utcoffset() for f in (0, 1)}
            if moment.utcoffset() not in offsets:
                raise ValueError("the UTC offset the zone has at that time")
    if ends_before(value.earliest, value.latest, value.zone):
        raise ValueError("latest before earliest")


def check_identifier(value: Any) -> None:
    known = _SCHEME_VALUES.get(value.scheme)
    if known is not None and not known.fullmatch(value.value):
        raise ValueError(f"a {value.scheme} id")
    if value.value != value.value.strip():
        raise ValueError("no spaces around the value")


def check_citation(value: Any) -> None:
    if (
        value.publisher is None
        and value.title is None
        and value.url is None
        and not value.identifiers
    ):
        raise ValueError("at least a publisher, title, url or identifier")


def check_span(start: str | None, end: str | None) -> None:
    if ends_before(start, end):
        raise ValueError("an end not before the start")


def check_actor(value: Any) -> None:
    if value.name is None and value.description is None:
        raise ValueError("a name, or a description")
    if value.anonymity is not None and value.name is not None:
        raise ValueError("no name for an actor with anonymity")
    if value.members and value.category == "person":
        raise ValueError("no members for a person")
    if value.id in value.members:
        raise ValueError("members other than the actor itself")


def check_quantity(value: Any) -> None:
    if value.qualifier == "between":
        if value.upper is None:
            raise ValueError("an upper end for a range")
        if value.upper < value.value:
            raise ValueError("an upper end of at least the value")
    elif value.upper is not None:
        raise ValueError("no upper end unless the qualifier is 'between'")


def check_statement(value: Any) -> None:
    if value.said is not None and value.reported is not None:
        said_zone = value.said.zone or value.reported.zone
        if _time_ends_before(value.said, value.reported, said_zone):
            raise ValueError("a report no earlier than the statement")
    if value.id in value.disputes:
        raise ValueError("statements other than this one")
    if value.disputes and value.stance not in ("disputes", "denies"):
        raise ValueError("'disputes' or 'denies' for a statement that disputes others")


def _time_ends_before(start: Any, end: Any, zone: str | None) -> bool:
    first, last = start.earliest, end.latest
    if first is None or last is None:
        return False
    return _span(last, end.zone or zone)[1] <= _span(first, start.zone or zone)[0]


def check_response(value: Any) -> None:
    if value.position == "conditional" and not value.conditions:
        raise ValueError("at least one condition for a conditional position")


def check_proposal(value: Any) -> None:
    if value.revises == value.id:
        raise ValueError("an earlier version, not this proposal")
    if value.title is None and not value.terms:
        raise ValueError("a title or at least one term")
    if value.agreement is not None and value.status not in ("agreed", "collapsed", "superseded"):
        raise ValueError("agreed, collapsed or superseded for a proposal with an agreement")


def check_duration(value: Any) -> None:
    if value.kind == "fixed":
        if value.amount is None or value.unit is None:
            raise ValueError("an amount and a unit for a fixed duration")
    else:
        if value.amount is not None or value.unit is not None:
            raise ValueError("no amount or unit for a duration that is not fixed")
        if value.kind == "unknown" and value.words is None:
            raise ValueError("the source's words for a duration of unknown length")


def check_truce(value: Any) -> None:
    for start in (value.declared, value.effective):
        ends = value.ends
        if start is not None and ends is not None and _time_ends_before(start, ends, None):
            raise ValueError("an end not before the start")
    if value.other_purpose is not None and "other" not in value.purposes:
        raise ValueError("no other_purpose unless purposes include 'other'")
    actors = [party.actor for party in value.parties]
    if len(set(actors)) != len(actors):
        raise ValueError("each party once")
    if any(link.truce == value.id for link in value.links):
        raise ValueError("links to truces other than this one")


def check_delegation(value: Any) -> None:
    if value.size is not None and value.size < len(value.members):
        raise ValueError("a size of at least the number of members")
    if value.head is not None and value.members and value.head not in value.members:
        raise ValueError("one of the members")


def check_venue(value: Any) -> None:
    if (
        value.place is not None
        and value.formats
        and set(value.formats)
        <= {
            "phone_call",
            "video_call",
        }
    ):
        raise ValueError("no place for talks held only by phone or video")
    if value.part_of == value.id:
        raise ValueError("a venue other than this one")
    if value.outcome is not None and value.status not in ("held", "ongoing"):
        raise ValueError("'held' or 'ongoing' for talks with an outcome")
