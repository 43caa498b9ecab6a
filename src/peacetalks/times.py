"""Reported time: dates as precise as the source and no more.

News rarely gives a timestamp. It says "on Tuesday", "in March 2022", "by April
20", "early Sunday morning", "a 30-day truce". Three types record that exactly:

* :class:`TimePoint`: a calendar date or time of day known to a precision
  (year, month, day, hour, minute or second). On the wire it is an ISO 8601
  prefix whose length is its precision: ``"2022"``, ``"2022-03"``,
  ``"2025-03-18"``, ``"2025-03-23T06:00+02:00"``. A time of day always carries
  its UTC offset.
* :class:`ReportedTime`: what the source said about when something happened:
  its words, the earliest and latest points it allows, how the words relate to
  them ("by", "since"...), the zone they are read in, the reference they were
  resolved against and whether the dates are stated or inferred.
* :class:`Duration`: "30 days", "72 hours", "indefinite", "permanent".

>>> from peacetalks import ReportedTime
>>> when = ReportedTime.on("2025-03-18", words="on Tuesday", zone="Europe/Kyiv")
>>> when.precision
<Precision.DAY: 'day'>
>>> [str(moment) for moment in when.bounds()]
['2025-03-18 00:00:00+02:00', '2025-03-19 00:00:00+02:00']
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TypeAlias

import attrs

from peacetalks._base import Model, meta
from peacetalks._invariants import any_of, field_in, given, implies, missing
from peacetalks._rules import COUNT, NON_EMPTY, ZONE, describe, is_zone
from peacetalks.errors import Problem
from peacetalks.timepoint import Precision, TimePoint, format_offset

__all__ = [
    "Answer",
    "Basis",
    "Duration",
    "DurationKind",
    "Precision",
    "ReportedTime",
    "TimePoint",
    "TimeRelation",
    "TimeUnit",
    "ends_before_start",
]

_PRECISION_RANK = {p: rank for rank, p in enumerate(Precision)}


class TimeRelation(enum.Enum):
    """How the reported words relate an event to the earliest and latest points."""

    WITHIN = "within"
    """It happened somewhere from ``earliest`` to ``latest`` ("on Tuesday", "in March 2022")."""
    BY = "by"
    """No later than the end of ``latest`` ("by April 20")."""
    BEFORE = "before"
    """Before ``latest`` began ("before Easter")."""
    AFTER = "after"
    """After ``earliest`` ended ("after the talks")."""
    SINCE = "since"
    """A state that began within ``earliest`` and still holds ("since March 2022")."""
    UNTIL = "until"
    """A state that lasts to the end of ``latest`` ("until April 20")."""


class Basis(enum.Enum):
    """Where a fact comes from."""

    STATED = "stated"
    """The source says it in so many words."""
    INFERRED = "inferred"
    """Worked out from what the source says (a weekday resolved against the publication date)."""
    EXTERNAL = "external"
    """Known from outside the source (another dataset, a reference work)."""


class Answer(enum.Enum):
    """The answer to a question about imprecise times: yes, no, or maybe."""

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"


_Span = tuple[datetime | None, datetime | None]
_Comparable: TypeAlias = "ReportedTime | TimePoint | datetime | date"


def _zone_of(value: _Comparable | None) -> str | None:
    return value.zone if isinstance(value, ReportedTime) else None


def _calendar_only(value: _Comparable) -> bool:
    """A date with no time of day and no zone: it means the same day in any zone."""
    if isinstance(value, ReportedTime):
        points = (value.earliest, value.latest)
        return value.zone is None and not any(p is not None and p.has_time for p in points)
    if isinstance(value, TimePoint):
        return not value.has_time
    return not isinstance(value, datetime)


def _context(value: _Comparable, other: _Comparable) -> str | None:
    """The zone to read ``value``'s dates in when it is compared with ``other``.

    Its own zone first; else the other side's zone; two zoneless calendar dates
    are compared as calendar dates (in any one zone, say UTC); otherwise the
    dates are widened to every zone on Earth.
    """
    own = _zone_of(value)
    if own is not None:
        return own
    theirs = _zone_of(other)
    if theirs is not None:
        return theirs
    return "UTC" if _calendar_only(value) and _calendar_only(other) else None


def _span(value: _Comparable, other: _Comparable) -> _Span:
    zone = _context(value, other)
    if isinstance(value, ReportedTime):
        return value.bounds(zone)
    return _moment(value, zone)


def _moment(
    value: TimePoint | datetime | date, zone: str | None = None
) -> tuple[datetime, datetime]:
    if isinstance(value, TimePoint):
        return value.bounds(zone)
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise TypeError("comparisons need a timezone-aware datetime")
        return value, value + timedelta(microseconds=1)
    return TimePoint.from_date(value).bounds(zone)


def _before(first: _Span, second: _Span) -> Answer:
    """Is every instant of ``first`` before every instant of ``second``?"""
    if first[1] is not None and second[0] is not None and first[1] <= second[0]:
        return Answer.YES
    if first[0] is not None and second[1] is not None and first[0] >= second[1]:
        return Answer.NO
    return Answer.MAYBE


_OPEN_START = {TimeRelation.BY, TimeRelation.BEFORE, TimeRelation.UNTIL}
_OPEN_END = {TimeRelation.AFTER, TimeRelation.SINCE}

# The spans of ReportedTime._check that passed: (id of earliest, id of latest, id of
# the relation, zone, whether words is None) -> (earliest, latest, relation). Bounded;
# cleared when full, like the shared time points.
_PASSED: dict[tuple[int, int, int, str | None, bool], tuple[object, object, object]] = {}
_PASSED_MAX = 32768


@attrs.frozen(kw_only=True, weakref_slot=False)
class ReportedTime(Model):
    """When something happened, exactly as precisely as the source says.

    An unresolved phrase keeps its words and no dates ("since the start of the
    war"); a resolved one gives the earliest and latest points the words allow.
    A single day is ``earliest == latest``.
    """

    schema_invariants = (
        any_of(given("words"), given("earliest"), given("latest")),
        implies(field_in("relation", _OPEN_START), missing("earliest")),
        implies(field_in("relation", _OPEN_END), missing("latest")),
    )
    schema_gaps = (
        "`latest` is not before `earliest`: JSON Schema cannot compare two values.",
        "A time of day in `earliest` or `latest` has the UTC offset that `zone` has at that"
        " moment: that needs the time zone database.",
    )

    words: str | None = attrs.field(
        default=None,
        metadata=meta("The source's own words, e.g. 'early Sunday morning'.", NON_EMPTY),
    )
    earliest: TimePoint | None = attrs.field(
        default=None,
        metadata=meta("The earliest point the words allow; absent when open or unknown."),
    )
    latest: TimePoint | None = attrs.field(
        default=None,
        metadata=meta("The latest point the words allow; absent when open or unknown."),
    )
    relation: TimeRelation = attrs.field(
        default=TimeRelation.WITHIN,
        metadata=meta("How the words relate the event to those points: within, by, before..."),
    )
    zone: str | None = attrs.field(
        default=None,
        metadata=meta("The IANA time zone the words are read in, e.g. 'Europe/Kyiv'.", ZONE),
    )
    reference: TimePoint | None = attrs.field(
        default=None,
        metadata=meta(
            "The time relative words were resolved against, usually the publication time."
        ),
    )
    basis: Basis = attrs.field(
        default=Basis.STATED,
        metadata=meta("Whether the dates are stated by the source, inferred, or external."),
    )
    approximate: bool = attrs.field(
        default=False, metadata=meta("True when the source hedges: 'around', 'about', 'roughly'.")
    )

    @classmethod
    def on(cls, point: TimePoint | str, **details: object) -> ReportedTime:
        """A single point: ``ReportedTime.on("2025-03-18", words="on Tuesday")``."""
        resolved = TimePoint.parse(point) if isinstance(point, str) else point
        return cls(earliest=resolved, latest=resolved, **details)  # type: ignore[arg-type]

    @classmethod
    def between(
        cls, earliest: TimePoint | str, latest: TimePoint | str, **details: object
    ) -> ReportedTime:
        """A window from ``earliest`` to ``latest``, both inclusive."""
        first = TimePoint.parse(earliest) if isinstance(earliest, str) else earliest
        last = TimePoint.parse(latest) if isinstance(latest, str) else latest
        return cls(earliest=first, latest=last, **details)  # type: ignore[arg-type]

    @property
    def resolved(self) -> bool:
        """True when at least one date is known."""
        return self.earliest is not None or self.latest is not None

    @property
    def precision(self) -> Precision | None:
        """The coarser precision of the known points, or ``None`` when unresolved."""
        ranks = [
            _PRECISION_RANK[p.precision] for p in (self.earliest, self.latest) if p is not None
        ]
        return list(Precision)[min(ranks)] if ranks else None

    def bounds(self, zone: str | None = None) -> tuple[datetime | None, datetime | None]:
        """The instants the event may fall in, as ``[start, end)``; ``None`` is open.

        Dates are read in the value's own zone; without one, in ``zone``; without
        either, as dates anywhere on Earth (see :meth:`TimePoint.bounds`).
        """
        zone = self.zone or zone
        start = end = None
        if self.earliest is not None:
            first, last = self.earliest.bounds(zone)
            start = last if self.relation is TimeRelation.AFTER else first
        if self.latest is not None:
            first, last = self.latest.bounds(zone)
            end = first if self.relation is TimeRelation.BEFORE else last
        return start, end

    def is_before(self, other: ReportedTime | TimePoint | datetime | date) -> Answer:
        """Did this certainly happen before ``other`` (yes), certainly not (no), or maybe?

        Precision counts: ``2025-03`` is neither before nor after ``2025-03-18``.
        Open or unknown bounds make the answer ``maybe``.
        """
        return _before(_span(self, other), _span(other, self))

    def is_after(self, other: ReportedTime | TimePoint | datetime | date) -> Answer:
        """Did this certainly happen after ``other`` (yes), certainly not (no), or maybe?"""
        return _before(_span(other, self), _span(self, other))

    def overlaps(self, other: ReportedTime | TimePoint | datetime | date) -> Answer:
        """Do the two spans share some time? ``no`` when they are certainly apart."""
        mine, theirs = _span(self, other), _span(other, self)
        apart = _before(mine, theirs) is Answer.YES or _before(theirs, mine) is Answer.YES
        if apart:
            return Answer.NO
        known = None not in mine and None not in theirs
        return Answer.YES if known else Answer.MAYBE

    def contains(self, moment: TimePoint | datetime | date) -> Answer:
        """Does the span certainly include all of ``moment`` (yes), none of it (no), or maybe?

        ``ReportedTime.on("2025-03").contains(date(2025, 3, 18))`` is yes;
        ``ReportedTime.on("2025-03-18").contains(TimePoint.parse("2025-03"))`` is maybe.
        """
        (start, end), (first, last) = _span(self, moment), _moment(moment, _context(moment, self))
        if (end is not None and end <= first) or (start is not None and start >= last):
            return Answer.NO
        if start is not None and end is not None and start <= first and last <= end:
            return Answer.YES
        return Answer.MAYBE

    def _check(self) -> list[Problem]:
        # A span that passed is remembered by the identity of its points, which
        # TimePoint.parse shares between all that give the same text: the same
        # dates, zone and relation pass again without a second look.
        earliest, latest, relation, zone = self.earliest, self.latest, self.relation, self.zone
        if type(self) is not ReportedTime or (zone is not None and type(zone) is not str):
            return self._problems()  # a subclass may check more; an odd zone, nothing to keep
        key = (id(earliest), id(latest), id(relation), zone, self.words is None)
        known = _PASSED.get(key)
        if (
            known is not None
            and known[0] is earliest
            and known[1] is latest
            and known[2] is relation
        ):
            return []
        problems = self._problems()
        if not problems:
            if len(_PASSED) >= _PASSED_MAX:
                _PASSED.clear()
            _PASSED[key] = (earliest, latest, relation)  # kept alive: their ids stay theirs
        return problems

    def _problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.words is None and not self.resolved:
            problems.append(Problem(("words",), "the source's words or at least one date"))
        if self.relation in _OPEN_START and self.earliest is not None:
            problems.append(
                Problem(
                    ("earliest",),
                    f"no earliest point with relation {self.relation.value!r}",
                    str(self.earliest),
                )
            )
        if self.relation in _OPEN_END and self.latest is not None:
            problems.append(
                Problem(
                    ("latest",),
                    f"no latest point with relation {self.relation.value!r}",
                    str(self.latest),
                )
            )
        if self.zone is not None and not is_zone(self.zone):
            return problems  # reported by the field rule; nothing below can be read without it
        for name in ("earliest", "latest"):
            point = getattr(self, name)
            if point is not None and point.has_time and self.zone is not None:
                problem = _offset_problem(point, self.zone)
                if problem:
                    problems.append(Problem((name,), problem, str(point)))
        if _one_point(self.earliest, self.latest):
            return problems  # a single point cannot end before it starts
        if ends_before_start(self.earliest, self.latest, self.zone):
            problems.append(
                Problem(
                    ("latest",),
                    f"a point not before the earliest point {self.earliest}",
                    str(self.latest),
                )
            )
        return problems


def _one_point(earliest: TimePoint | None, latest: TimePoint | None) -> bool:
    """The same time point (``parse`` shares equal ones), short of the end of time.

    Such a span is never empty: only a point in the last instant of year 9999
    could end where it starts.
    """
    return earliest is latest and earliest is not None and earliest.year < 9999


def _offset_problem(point: TimePoint, zone_name: str) -> str | None:
    wall = (point.year, point.month or 1, point.day or 1, point.hour or 0, point.minute or 0)
    offsets = _zone_offsets(zone_name, wall)
    if point.utc_offset_minutes in offsets:
        return None
    allowed = " or ".join(sorted(format_offset(o) for o in offsets))
    return f"the UTC offset {zone_name} has at that time ({allowed})"


@lru_cache(maxsize=4096)
def _zone_offsets(zone_name: str, wall: tuple[int, int, int, int, int]) -> frozenset[int]:
    """The UTC offsets, in minutes, that a wall-clock time (year to minute) may have in a zone."""
    import zoneinfo  # noqa: PLC0415 - loaded with the first zone, not with peacetalks

    zone = zoneinfo.ZoneInfo(zone_name)
    naive = datetime(*wall)
    offsets = set()
    for fold in (0, 1):
        offset = naive.replace(fold=fold, tzinfo=zone).utcoffset()
        if offset is not None:
            offsets.add(int(offset.total_seconds() // 60))
    return frozenset(offsets)


class TimeUnit(enum.Enum):
    """A unit of a :class:`Duration`."""

    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class DurationKind(enum.Enum):
    """Whether a duration is a fixed length or something else."""

    FIXED = "fixed"
    """A stated length: "30 days", "72 hours"."""
    INDEFINITE = "indefinite"
    """No end was set: "indefinite", "open-ended"."""
    PERMANENT = "permanent"
    """Meant to last for good: "permanent"."""
    UNKNOWN = "unknown"
    """The source mentions a length but does not give it; keep its words."""


@attrs.frozen(kw_only=True, weakref_slot=False)
class Duration(Model):
    """How long something lasts or lasted: "30-day", "two-hour", "indefinite".

    >>> Duration(amount=30, unit=TimeUnit.DAY, words="30-day").amount
    30
    """

    schema_invariants = (
        implies(
            field_in("kind", [DurationKind.FIXED], when_missing=True),
            {"allOf": [given("amount"), given("unit")]},
            {"allOf": [missing("amount"), missing("unit")]},
        ),
        implies(field_in("kind", [DurationKind.UNKNOWN]), given("words")),
    )

    kind: DurationKind = attrs.field(
        default=DurationKind.FIXED, metadata=meta("fixed, indefinite, permanent or unknown.")
    )
    amount: int | None = attrs.field(
        default=None,
        metadata=meta("How many units, zero or more; only for a fixed duration.", COUNT),
    )
    unit: TimeUnit | None = attrs.field(
        default=None, metadata=meta("The unit of the amount; only for a fixed duration.")
    )
    words: str | None = attrs.field(
        default=None, metadata=meta("The source's own words, e.g. '30-day'.", NON_EMPTY)
    )
    approximate: bool = attrs.field(
        default=False, metadata=meta("True when the source hedges: 'about two hours'.")
    )

    def _check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.kind is DurationKind.FIXED:
            if self.amount is None:
                problems.append(Problem(("amount",), "an amount for a fixed duration"))
            if self.unit is None:
                problems.append(Problem(("unit",), "a unit for a fixed duration"))
        else:
            for name in ("amount", "unit"):
                value = getattr(self, name)
                if value is not None:
                    shown = value.value if isinstance(value, enum.Enum) else value
                    problems.append(
                        Problem(
                            (name,),
                            f"no {name} for a duration that is {self.kind.value}",
                            describe(shown),
                        )
                    )
            if self.kind is DurationKind.UNKNOWN and self.words is None:
                problems.append(
                    Problem(("words",), "the source's words for a duration of unknown length")
                )
        return problems


def ends_before_start(
    start: TimePoint | ReportedTime | None,
    end: TimePoint | ReportedTime | None,
    zone: str | None = None,
) -> bool:
    """True when ``end`` is certainly earlier than ``start``, allowing for precision.

    ``2025-03`` does not end before ``2025-03-18``: they overlap. ``2025-03``
    does end before ``2025-04``. Unknown values never conflict. ``zone`` is the
    zone to read dates in when neither value has its own.
    """
    if start is None or end is None:
        return False
    if zone is not None:
        start_at = start.bounds(zone)[0]
        end_at = end.bounds(zone)[1]
    else:
        start_at = _span(start, end)[0]
        end_at = _span(end, start)[1]
    return start_at is not None and end_at is not None and end_at <= start_at
