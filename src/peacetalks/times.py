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

>>> from peacetalks import TimePoint
>>> point = TimePoint.parse("2022-03")
>>> point.precision
<Precision.MONTH: 'month'>
>>> str(point)
'2022-03'
"""

from __future__ import annotations

import calendar
import enum
import re
import zoneinfo
from datetime import date, datetime, timedelta, timezone, tzinfo

import attrs

from peacetalks._base import Checked, Model, meta
from peacetalks._rules import NON_EMPTY, ZONE, describe, is_zone
from peacetalks.errors import Problem, ValidationError

__all__ = [
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


class Precision(enum.Enum):
    """How precisely a :class:`TimePoint` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


_PRECISION_RANK = {p: rank for rank, p in enumerate(Precision)}

TIME_POINT_PATTERN = (
    r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<hour>[0-9]{2})(?::(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]{1,6}))?)?)?"
    r"(?P<offset>Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"
)
_TIME_POINT = re.compile(TIME_POINT_PATTERN)
TIME_POINT_EXPECTED = (
    "a date or time as an ISO 8601 prefix: 2025, 2025-03, 2025-03-23, "
    "2025-03-23T06+02:00, 2025-03-23T06:30Z or 2025-03-23T06:30:15+02:00"
)
# Real-world UTC offsets run from -12:00 to +14:00.
_MIN_OFFSET, _MAX_OFFSET = -12 * 60, 14 * 60


def _shift(moment: datetime, delta: timedelta) -> datetime:
    try:
        return moment + delta
    except OverflowError:
        edge = datetime.max if delta > timedelta(0) else datetime.min
        return edge.replace(tzinfo=moment.tzinfo)


def _zone(zone: str | tzinfo | None) -> tzinfo | None:
    return zoneinfo.ZoneInfo(zone) if isinstance(zone, str) else zone


@attrs.frozen(kw_only=True, weakref_slot=False)
class TimePoint(Checked):
    """A calendar date or time of day, known to some precision.

    Each part is known only if every coarser part is: a day needs a month, a
    minute needs an hour. A point with a time of day needs its UTC offset, so
    it names an instant in some zone; a date alone is a calendar date, read in
    the zone of the :class:`ReportedTime` that holds it.
    """

    year: int = attrs.field(metadata=meta("Year, 1 to 9999."))
    month: int | None = attrs.field(default=None, metadata=meta("Month 1-12, if known."))
    day: int | None = attrs.field(default=None, metadata=meta("Day of the month, if known."))
    hour: int | None = attrs.field(default=None, metadata=meta("Hour 0-23, if known."))
    minute: int | None = attrs.field(default=None, metadata=meta("Minute 0-59, if known."))
    second: int | None = attrs.field(default=None, metadata=meta("Second 0-59, if known."))
    microsecond: int | None = attrs.field(
        default=None, metadata=meta("Fraction of the second in microseconds, if given.")
    )
    utc_offset_minutes: int | None = attrs.field(
        default=None,
        metadata=meta(
            "The UTC offset of the time of day, in minutes east of UTC (+120 for +02:00)."
            " Required with a time of day, absent without one."
        ),
    )

    @classmethod
    def parse(cls, text: str) -> TimePoint:
        """Read the ISO 8601 prefix form, e.g. ``"2025-03"`` or ``"2025-03-23T06:00+02:00"``.

        Raises :class:`~peacetalks.errors.ValidationError` for anything else.
        """
        found = _TIME_POINT.match(text) if type(text) is str else None
        if found is None or text.endswith("\n"):
            raise ValidationError([Problem((), TIME_POINT_EXPECTED, describe(text))], "time point")
        year, month, day, hour, minute, second, fraction, offset = found.groups()
        return cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
            hour=None if hour is None else int(hour),
            minute=None if minute is None else int(minute),
            second=None if second is None else int(second),
            microsecond=None if fraction is None else int(fraction.ljust(6, "0")),
            utc_offset_minutes=_parse_offset(offset),
        )

    @classmethod
    def from_date(cls, value: date) -> TimePoint:
        """The calendar date of ``value``, at day precision."""
        return cls(year=value.year, month=value.month, day=value.day)

    @classmethod
    def from_datetime(cls, value: datetime, precision: Precision = Precision.SECOND) -> TimePoint:
        """An aware datetime, cut to ``precision``. A naive datetime is rejected."""
        offset = value.utcoffset()
        if offset is None:
            problem = Problem((), "a timezone-aware datetime", "a naive datetime")
            raise ValidationError([problem], "time point")
        rank = _PRECISION_RANK[precision]
        if rank <= _PRECISION_RANK[Precision.DAY]:
            parts = (value.year, value.month, value.day)[: rank + 1]
            return cls(**dict(zip(("year", "month", "day"), parts, strict=False)))
        return cls(
            year=value.year,
            month=value.month,
            day=value.day,
            hour=value.hour,
            minute=value.minute if rank >= _PRECISION_RANK[Precision.MINUTE] else None,
            second=value.second if precision is Precision.SECOND else None,
            microsecond=(value.microsecond or None) if precision is Precision.SECOND else None,
            utc_offset_minutes=int(offset.total_seconds() // 60),
        )

    @property
    def precision(self) -> Precision:
        """The finest part that is known."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        if self.hour is None:
            return Precision.DAY
        if self.minute is None:
            return Precision.HOUR
        if self.second is None:
            return Precision.MINUTE
        return Precision.SECOND

    @property
    def has_time(self) -> bool:
        """True when the point has a time of day (and so a UTC offset)."""
        return self.hour is not None

    def bounds(self, zone: str | tzinfo | None = None) -> tuple[datetime, datetime]:
        """The instants this point may denote, as a half-open range ``[start, end)``.

        A time of day uses its own offset. A date alone is read in ``zone``; with
        no zone it could be a date anywhere on Earth, so the range is widened to
        run from the date's start at UTC+14:00 to its end at UTC-12:00.
        """
        if self.utc_offset_minutes is not None:
            tz: tzinfo = timezone(timedelta(minutes=self.utc_offset_minutes))
            start = datetime(
                self.year,
                self.month or 1,
                self.day or 1,
                self.hour or 0,
                self.minute or 0,
                self.second or 0,
                self.microsecond or 0,
                tzinfo=tz,
            )
            step = {
                Precision.HOUR: timedelta(hours=1),
                Precision.MINUTE: timedelta(minutes=1),
            }.get(
                self.precision,
                timedelta(microseconds=1) if self.microsecond else timedelta(seconds=1),
            )
            return start, _shift(start, step)
        first, after = self._calendar_span()
        resolved = _zone(zone)
        if resolved is not None:
            return _wall(first, resolved), _wall(after, resolved) if after else _max(resolved)
        east = timezone(timedelta(minutes=_MAX_OFFSET))
        west = timezone(timedelta(minutes=_MIN_OFFSET))
        return _wall(first, east), _wall(after, west) if after else _max(west)

    def _calendar_span(self) -> tuple[date, date | None]:
        """The first date covered and the first date after (``None`` past year 9999)."""
        if self.month is None:
            first = date(self.year, 1, 1)
            after = (self.year + 1, 1, 1)
        elif self.day is None:
            first = date(self.year, self.month, 1)
            after = (self.year + 1, 1, 1) if self.month == 12 else (self.year, self.month + 1, 1)
        else:
            first = date(self.year, self.month, self.day)
            following = first.toordinal() + 1
            return first, date.fromordinal(following) if following <= date.max.toordinal() else None
        return first, date(*after) if after[0] <= 9999 else None

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}"
            if self.minute is not None:
                text += f":{self.minute:02d}"
                if self.second is not None:
                    text += f":{self.second:02d}"
                    if self.microsecond is not None:
                        text += f".{self.microsecond:06d}"
            text += _format_offset(self.utc_offset_minutes)
        return text

    def _check(self) -> list[Problem]:
        problems: list[Problem] = []
        parts = (
            ("year", self.year, 1, 9999),
            ("month", self.month, 1, 12),
            ("day", self.day, 1, self._days_in_month()),
            ("hour", self.hour, 0, 23),
            ("minute", self.minute, 0, 59),
            ("second", self.second, 0, 59),
            ("microsecond", self.microsecond, 0, 999_999),
            ("utc_offset_minutes", self.utc_offset_minutes, _MIN_OFFSET, _MAX_OFFSET),
        )
        missing_coarser = None
        for name, value, low, high in parts[:-1]:
            if value is None:
                missing_coarser = missing_coarser or name
                continue
            if missing_coarser is not None:
                problems.append(
                    Problem((name,), f"no {name} without a {missing_coarser}", str(value))
                )
            elif type(value) is not int or not low <= value <= high:
                problems.append(
                    Problem((name,), f"an integer from {low} to {high}", describe(value))
                )
        offset = self.utc_offset_minutes
        if offset is not None and (
            type(offset) is not int or not _MIN_OFFSET <= offset <= _MAX_OFFSET
        ):
            problems.append(
                Problem(("utc_offset_minutes",), "minutes from -720 to +840", describe(offset))
            )
        if self.hour is not None and offset is None:
            problems.append(Problem(("utc_offset_minutes",), "a UTC offset with a time of day"))
        elif self.hour is None and offset is not None:
            problems.append(
                Problem(("utc_offset_minutes",), "no UTC offset without a time of day", str(offset))
            )
        return problems

    def _days_in_month(self) -> int:
        if (
            type(self.year) is int
            and type(self.month) is int
            and 1 <= self.year <= 9999
            and 1 <= self.month <= 12
        ):
            return calendar.monthrange(self.year, self.month)[1]
        return 31


def _wall(day: date, zone: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def _max(zone: tzinfo) -> datetime:
    return datetime.max.replace(tzinfo=zone)


def _parse_offset(text: str | None) -> int | None:
    if text is None:
        return None
    if text == "Z":
        return 0
    minutes = int(text[1:3]) * 60 + int(text[4:6])
    return -minutes if text[0] == "-" else minutes


def _format_offset(minutes: int | None) -> str:
    if minutes is None:
        return ""
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


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


_OPEN_START = {TimeRelation.BY, TimeRelation.BEFORE, TimeRelation.UNTIL}
_OPEN_END = {TimeRelation.AFTER, TimeRelation.SINCE}


@attrs.frozen(kw_only=True, weakref_slot=False)
class ReportedTime(Model):
    """When something happened, exactly as precisely as the source says.

    An unresolved phrase keeps its words and no dates ("since the start of the
    war"); a resolved one gives the earliest and latest points the words allow.
    A single day is ``earliest == latest``.
    """

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

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The instants the event may fall in, as ``[start, end)``; ``None`` is open."""
        zone = self.zone
        start = end = None
        if self.earliest is not None:
            first, last = self.earliest.bounds(zone)
            start = last if self.relation is TimeRelation.AFTER else first
        if self.latest is not None:
            first, last = self.latest.bounds(zone)
            end = first if self.relation is TimeRelation.BEFORE else last
        return start, end

    def _check(self) -> list[Problem]:
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
        if self.earliest is not None and self.latest is not None:
            earliest_start = self.earliest.bounds(self.zone)[0]
            latest_end = self.latest.bounds(self.zone)[1]
            if earliest_start >= latest_end:
                problems.append(
                    Problem(
                        ("latest",),
                        f"a point not before the earliest point {self.earliest}",
                        str(self.latest),
                    )
                )
        return problems


def _offset_problem(point: TimePoint, zone_name: str) -> str | None:
    zone = zoneinfo.ZoneInfo(zone_name)
    naive = datetime(
        point.year, point.month or 1, point.day or 1, point.hour or 0, point.minute or 0
    )
    offsets = set()
    for fold in (0, 1):
        offset = naive.replace(fold=fold, tzinfo=zone).utcoffset()
        if offset is not None:
            offsets.add(int(offset.total_seconds() // 60))
    if point.utc_offset_minutes in offsets:
        return None
    allowed = " or ".join(sorted(_format_offset(o) for o in offsets))
    return f"the UTC offset {zone_name} has at that time ({allowed})"


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

    kind: DurationKind = attrs.field(
        default=DurationKind.FIXED, metadata=meta("fixed, indefinite, permanent or unknown.")
    )
    amount: int | None = attrs.field(
        default=None, metadata=meta("How many units, zero or more; only for a fixed duration.")
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
            elif type(self.amount) is not int or self.amount < 0:
                problems.append(
                    Problem(("amount",), "a whole number, zero or more", describe(self.amount))
                )
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
    start: TimePoint | ReportedTime | None, end: TimePoint | ReportedTime | None
) -> bool:
    """True when ``end`` is certainly earlier than ``start``, allowing for precision.

    ``2025-03`` does not end before ``2025-03-18``: they overlap. Unknown values
    never conflict.
    """
    if start is None or end is None:
        return False
    if isinstance(start, TimePoint):
        start_at: datetime | None = start.bounds()[0]
    else:
        start_at = start.bounds()[0]
    if isinstance(end, TimePoint):
        end_at: datetime | None = end.bounds()[1]
    else:
        end_at = end.bounds()[1]
    return start_at is not None and end_at is not None and end_at <= start_at
