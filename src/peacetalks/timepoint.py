"""Time points: calendar dates and times of day known to a precision.

A :class:`TimePoint` travels as an ISO 8601 prefix whose length is its precision:
``"2022"``, ``"2022-03"``, ``"2025-03-18"``, ``"2025-03-23T06+02:00"``,
``"2025-03-23T06:30Z"``. A time of day always carries its UTC offset; a date
alone is read in the zone of the :class:`~peacetalks.times.ReportedTime` that
holds it.

>>> from peacetalks import TimePoint
>>> point = TimePoint.parse("2022-03")
>>> point.precision
<Precision.MONTH: 'month'>
>>> str(point)
'2022-03'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, ClassVar

import attrs

from peacetalks._base import Checked, meta
from peacetalks._rules import describe, pattern_schema
from peacetalks.errors import Problem, ValidationError

__all__ = ["TIME_POINT_PATTERN", "Precision", "TimePoint", "format_offset"]


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
    r"(?P<offset>Z|[+-][0-9]{2}:[0-5][0-9]))?)?)?$"
)
_TIME_POINT = re.compile(TIME_POINT_PATTERN)
TIME_POINT_EXPECTED = (
    "a date or time as an ISO 8601 prefix: 2025, 2025-03, 2025-03-23, "
    "2025-03-23T06+02:00, 2025-03-23T06:30Z or 2025-03-23T06:30:15+02:00"
)
# Time points read by ``parse``, by their text: a time point is immutable, so every
# record that gives the same date shares one object. Bounded: emptied when full, so it
# holds at most about 12 MB, and a corpus with fewer distinct dates and times than this
# (20,000 news records have about 10,000) reads each once.
_INTERNED: dict[str, TimePoint] = {}
_INTERNED_MAX = 32768
# Real-world UTC offsets run from -12:00 to +14:00.
_MIN_OFFSET, _MAX_OFFSET = -12 * 60, 14 * 60


def _either(*choices: str) -> str:
    return "(?:" + "|".join(choices) + ")"


def _exact_pattern() -> str:
    """A pattern for exactly the strings :meth:`TimePoint.parse` accepts.

    Unlike ``TIME_POINT_PATTERN`` it also checks ranges: months 1-12, the days
    of each month (29 February only in leap years), hours, minutes and seconds,
    year 0001 on and offsets from -12:00 to +14:00. Portable: no named groups,
    no look-arounds.
    """
    year = _either("000[1-9]", "00[1-9][0-9]", "0[1-9][0-9]{2}", "[1-9][0-9]{3}")
    leap_tail = _either("0[48]", "[2468][048]", "[13579][26]")  # two digits divisible by 4
    leap_year = _either(f"[0-9]{{2}}{leap_tail}", f"{leap_tail}00")
    every_month = ("0[1-9]", "1[0-9]", "2[0-8]")  # the days every month has
    date = _either(
        f"{year}-{_either('0[13578]', '1[02]')}-{_either(*every_month, '29', '3[01]')}",
        f"{year}-{_either('0[469]', '11')}-{_either(*every_month, '29', '30')}",
        f"{year}-02-{_either(*every_month)}",
        f"{leap_year}-02-29",
    )
    offset = _either(
        "Z",
        r"\+" + _either("(?:0[0-9]|1[0-3]):[0-5][0-9]", "14:00"),
        "-" + _either("(?:0[0-9]|1[01]):[0-5][0-9]", "12:00"),
    )
    time = rf"T(?:[01][0-9]|2[0-3])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{{1,6}})?)?)?{offset}"
    return "^" + _either(year, f"{year}-(?:0[1-9]|1[0-2])", f"{date}(?:{time})?") + "$"


def _shift(moment: datetime, delta: timedelta) -> datetime:
    try:
        return moment + delta
    except OverflowError:
        edge = datetime.max if delta > timedelta(0) else datetime.min
        return edge.replace(tzinfo=moment.tzinfo)


def _zone(zone: str | tzinfo | None) -> tzinfo | None:
    if isinstance(zone, str):
        import zoneinfo  # noqa: PLC0415 - loaded with the first zone, not with peacetalks

        return zoneinfo.ZoneInfo(zone)
    return zone


@attrs.frozen(kw_only=True, weakref_slot=False)
class TimePoint(Checked):
    """A calendar date or time of day, known to some precision.

    Each part is known only if every coarser part is: a day needs a month, a
    minute needs an hour. A point with a time of day needs its UTC offset, so
    it names an instant in some zone; a date alone is a calendar date, read in
    the zone of the :class:`ReportedTime` that holds it.

    On the wire it is a string: an ISO 8601 prefix whose length is its
    precision, such as ``2022``, ``2022-03``, ``2025-03-18``,
    ``2025-03-23T06+02:00`` or ``2025-03-23T06:30:15.5Z``. That string, as
    written (``str(point)``), is kept in ``wire_text``, which is not part of the
    value: it is not compared, hashed, shown or given to the constructor.
    """

    wire_schema: ClassVar[Mapping[str, Any] | None] = pattern_schema(_exact_pattern())
    wire_expected: ClassVar[str | None] = "a date or time string"

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
        interned = cls is TimePoint and type(text) is str
        if interned:
            known = _INTERNED.get(text)
            if known is not None:
                return known
        found = _TIME_POINT.match(text) if type(text) is str else None
        if found is None or text.endswith("\n"):
            raise ValidationError([Problem((), TIME_POINT_EXPECTED, describe(text))], "time point")
        year, month, day, hour, minute, second, fraction, offset = found.groups()
        point = cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
            hour=None if hour is None else int(hour),
            minute=None if minute is None else int(minute),
            second=None if second is None else int(second),
            microsecond=None if fraction is None else int(fraction.ljust(6, "0")),
            utc_offset_minutes=_parse_offset(offset),
        )
        if interned:
            if len(_INTERNED) >= _INTERNED_MAX:
                _INTERNED.clear()
            _INTERNED[text] = point
        return point

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

    # The wire text, made once when the point is built (after its checks): a point is
    # written far more often than it is built, since points read from one text are one
    # object. Not part of the value: not compared, hashed or shown.
    wire_text: str = attrs.field(init=False, default="", eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "wire_text", self._text())

    def __str__(self) -> str:
        return self.wire_text

    def _text(self) -> str:
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
            text += format_offset(self.utc_offset_minutes)
        return text

    def _check(self) -> list[Problem]:
        if self._well_formed():
            return []
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

    def _well_formed(self) -> bool:
        """True when ``_check`` has nothing to report: a quick test for the usual case."""
        year, month, day = self.year, self.month, self.day
        if type(year) is not int or not 1 <= year <= 9999:
            return False
        if month is None:
            return day is None and self.hour is None and self._no_finer_parts()
        if type(month) is not int or not 1 <= month <= 12:
            return False
        if day is None:
            return self.hour is None and self._no_finer_parts()
        if type(day) is not int or day < 1 or (day > 28 and day > self._days_in_month()):
            return False
        hour, offset = self.hour, self.utc_offset_minutes
        if hour is None:
            return self._no_finer_parts()
        if type(hour) is not int or not 0 <= hour <= 23:
            return False
        if type(offset) is not int or not _MIN_OFFSET <= offset <= _MAX_OFFSET:
            return False
        minute, second, microsecond = self.minute, self.second, self.microsecond
        if minute is None:
            return second is None and microsecond is None
        if type(minute) is not int or not 0 <= minute <= 59:
            return False
        if second is None:
            return microsecond is None
        if type(second) is not int or not 0 <= second <= 59:
            return False
        return microsecond is None or (type(microsecond) is int and 0 <= microsecond <= 999_999)

    def _no_finer_parts(self) -> bool:
        """No minute, second, fraction or UTC offset: what a point without an hour must lack."""
        return (
            self.minute is None
            and self.second is None
            and self.microsecond is None
            and self.utc_offset_minutes is None
        )

    def _days_in_month(self) -> int:
        if (
            type(self.year) is int
            and type(self.month) is int
            and 1 <= self.year <= 9999
            and 1 <= self.month <= 12
        ):
            return _days_in(self.year, self.month)
        return 31


# Days in each month of a common year (index 0 unused). ``calendar`` is not used:
# it imports ``locale``, which costs more to import than this table.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _MONTH_DAYS[month] + leap


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


def format_offset(minutes: int | None) -> str:
    if minutes is None:
        return ""
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"
