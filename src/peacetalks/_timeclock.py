"""The reference, the zone and times of day, for :mod:`peacetalks._timeread`.

:class:`Context` is what a phrase is resolved against; :func:`day_parts` reads
a day with a clock time ("Friday at 9 p.m. EST", "10:00 Kyiv time") or a part
of the day ("early Sunday morning", "late Friday").
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from dateutil import tz

from peacetalks._timewords import ABBREVIATIONS, PARTS_OF_DAY, ReadError, city_zone
from peacetalks.timepoint import Precision, TimePoint
from peacetalks.times import TimeRelation

__all__ = [
    "Context",
    "Reading",
    "clock_reading",
    "day_parts",
    "needed_zone",
    "single",
    "wall_clock",
]


class Reading(NamedTuple):
    """What a rule read: the earliest and latest points, and how it got them."""

    earliest: TimePoint | None
    latest: TimePoint | None
    inferred: bool = False
    """A convention filled something in: "early March" as the 1st to the 10th."""
    approximate: bool = False
    zone: str | None = None
    """A zone the words name ("Kyiv time"), which replaces the caller's."""
    relation: TimeRelation | None = None
    """A relation the words imply: "so far" is "by" the reference."""


def single(point: TimePoint) -> Reading:
    """A reading of one point: earliest and latest are the same."""
    return Reading(point, point)


class Context:
    """The reference and zone a phrase is resolved against; notes whether it used the reference."""

    __slots__ = ("future", "reference", "used_reference", "week_start", "zone")

    def __init__(
        self, reference: TimePoint | None, zone: str | None, *, future: bool, week_start: int
    ) -> None:
        self.reference = reference
        self.zone = zone
        self.future = future
        self.week_start = week_start
        self.used_reference = False

    def today(self) -> date:
        """The reference's calendar date, as written (in the reference's own UTC offset)."""
        point = self.reference
        if point is None or point.month is None or point.day is None:
            raise ReadError("needs a reference date to resolve against")
        self.used_reference = True
        return date(point.year, point.month, point.day)

    def has_time(self) -> bool:
        return self.reference is not None and self.reference.has_time

    def now(self) -> datetime:
        """The reference instant; needs a reference with a time of day."""
        if self.reference is None or not self.reference.has_time:
            raise ReadError("needs a reference with a time of day to resolve against")
        self.used_reference = True
        return self.reference.bounds()[0]

    def zone_name(self, named: str | None) -> str | None:
        return named or self.zone

    def point_at(self, moment: datetime, precision: Precision) -> TimePoint:
        """``moment`` in the zone (or the reference's own offset when there is none)."""
        there: tzinfo | None = zoneinfo.ZoneInfo(self.zone) if self.zone else moment.tzinfo
        return TimePoint.from_datetime(moment.astimezone(there), precision)

    def reference_point(self) -> TimePoint:
        """The reference itself, its time of day shown in the zone."""
        point = self.reference
        if point is None:
            raise ReadError("needs a reference to resolve against")
        if point.has_time:
            return self.point_at(self.now(), point.precision)
        self.used_reference = True
        return point


def _hour(day: date, hour: int, zone: str, *, later: bool = False) -> TimePoint:
    """An hour on the clocks of ``zone``; ``later`` picks the second of a repeated hour."""
    naive = datetime(day.year, day.month, day.day, hour)
    return TimePoint.from_datetime(_in_zone(naive, zone, later=later), Precision.HOUR)


def _in_zone(naive: datetime, zone: str, *, later: bool) -> datetime:
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=int(later))


def wall_clock(naive: datetime, precision: Precision, zone: str) -> Reading:
    """A time on the clocks of ``zone``: both instants when the hour repeats, none if skipped."""
    if not tz.datetime_exists(naive, zoneinfo.ZoneInfo(zone)):
        raise ReadError(
            f"{naive:%H:%M} on {naive:%Y-%m-%d} does not exist in {zone}: the clocks went forward"
        )
    first, last = (TimePoint.from_datetime(_in_zone(naive, zone, later=later), precision)
                   for later in (False, True))  # fmt: skip
    return Reading(first, last)


def needed_zone(context: Context, named: str | None = None) -> str:
    """The zone the words name, else the caller's; a time of day cannot do without one."""
    zone = named or context.zone
    if zone is None:
        raise ReadError("a time of day needs a zone: pass one, or name it ('10:00 Kyiv time')")
    return zone


class _ZoneWords(NamedTuple):
    """A zone named after a clock time: a zone, or a fixed UTC offset with a likely zone."""

    zone: str | None
    offset: int | None = None


_CLOCK = re.compile(
    r"(?:\bat )?\b(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))? (?P<meridiem>am|pm)"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})|(?P<noon>noon))\b"
)
_ZONE_AFTER = re.compile(
    r" (?:(?:utc|gmt) ?(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
    r"|(?P<city>[a-z][a-z .'-]*?) time|\(?(?P<abbr>[a-z]{1,4})\)?)(?= |$)"
)
_SAYINGS = {
    "tonight": "today night",
    "last night": "yesterday night",
    "this morning": "today morning",
    "this afternoon": "today afternoon",
    "this evening": "today evening",
}

ReadDay = Callable[[str, Context], date | None]


def day_parts(words: str, context: Context, read_day: ReadDay) -> Reading | None:
    """A day with a clock time or a part of the day; ``None`` when the words are not that."""
    words = _SAYINGS.get(words, words)
    clock = _CLOCK.search(words)
    if clock is not None:
        named, after = _zone_words(words[clock.end() :])
        rest = f"{words[: clock.start()]} {after}".split()
        day = _the_day(rest, context, read_day, need_words=False)
        if day is None:
            return None
        hour, minute = _clock_value(clock)
        return clock_reading(day, hour, minute, named, context)
    tokens = words.split()
    modifier = tokens.pop(0) if tokens and tokens[0] in ("early", "late") else None
    part = tokens.pop() if tokens and tokens[-1] in ("morning", "afternoon", "evening") else None
    if part is None and tokens and tokens[-1] == "night":
        part = tokens.pop()
    if part and tokens[-2:] == ["in", "the"]:
        del tokens[-2:]
    if modifier is None and part is None:
        day = read_day(words, context)
        return None if day is None else single(TimePoint.from_date(day))
    hours = PARTS_OF_DAY.get((modifier, part))
    day = _the_day(tokens, context, read_day, need_words=part is None)
    if hours is None or day is None:
        return None
    zone = needed_zone(context)
    first, last, next_day = hours
    return Reading(
        _hour(day, first, zone),
        _hour(day + timedelta(days=next_day), last, zone, later=True),
        inferred=True,
        approximate=True,
    )


def _the_day(
    tokens: list[str], context: Context, read_day: ReadDay, *, need_words: bool
) -> date | None:
    """The day the words left of a clock time or part of the day name; none is today."""
    while tokens and tokens[0] == "on":
        del tokens[0]
    while tokens and tokens[-1] in ("at", "on"):
        del tokens[-1]
    if not tokens:
        return None if need_words else context.today()
    return read_day(" ".join(tokens), context)


def _clock_value(clock: re.Match[str]) -> tuple[int, int | None]:
    if clock["noon"]:
        return 12, 0
    if clock["meridiem"]:
        hour = int(clock["h"])
        if not 1 <= hour <= 12:
            raise ReadError(f"there is no {hour} {clock['meridiem']}")
        minute = None if clock["m"] is None else int(clock["m"])
        if minute is not None and minute > 59:
            raise ReadError(f"there is no minute {minute}")
        return hour % 12 + (12 if clock["meridiem"] == "pm" else 0), minute
    hour, minute = int(clock["h24"]), int(clock["m24"])
    if hour > 23 or minute > 59:
        raise ReadError(f"there is no {clock['h24']}:{clock['m24']} on a clock")
    return hour, minute


def _zone_words(after: str) -> tuple[_ZoneWords | None, str]:
    """The zone named right after a clock time ("Kyiv time", "EST", "UTC+3"), and the rest."""
    found = _ZONE_AFTER.match(" " + after.strip()) if after.strip() else None
    if found is None:
        return None, after
    rest = (" " + after.strip())[found.end() :]
    if found["sign"]:
        minutes = int(found["oh"]) * 60 + int(found["om"] or 0)
        return _ZoneWords(None, -minutes if found["sign"] == "-" else minutes), rest
    if found["city"]:
        if found["city"] == "local":
            return None, rest
        zone = city_zone(found["city"])
        if zone is None:
            raise ReadError(f"no time zone I know is called {found['city']!r}")
        return _ZoneWords(zone), rest
    if found["abbr"] in ABBREVIATIONS:
        offset, usual = ABBREVIATIONS[found["abbr"]]
        return _ZoneWords(usual, offset), rest
    return None, after


def clock_reading(
    day: date, hour: int, minute: int | None, named: _ZoneWords | None, context: Context
) -> Reading:
    """A clock time on ``day``, in the zone the words name or else the caller's."""
    if named is not None and named.offset is not None:
        fixed = _zone_with_offset(named, day, hour, minute, context, offset=named.offset)
        point = TimePoint(
            year=day.year,
            month=day.month,
            day=day.day,
            hour=hour,
            minute=minute,
            utc_offset_minutes=named.offset,
        )
        return Reading(point, point, zone=fixed)
    zone = needed_zone(context, named.zone if named else None)
    naive = datetime(day.year, day.month, day.day, hour, minute or 0)
    precision = Precision.HOUR if minute is None else Precision.MINUTE
    return wall_clock(naive, precision, zone)._replace(zone=named.zone if named else None)


def _zone_with_offset(
    named: _ZoneWords, day: date, hour: int, minute: int | None, context: Context, *, offset: int
) -> str:
    """The caller's zone or the usual one if it has that offset then, else a fixed-offset zone."""
    naive = datetime(day.year, day.month, day.day, hour, minute or 0)
    for name in (context.zone, named.zone):
        if name is not None:
            zone = zoneinfo.ZoneInfo(name)
            offsets = {naive.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1)}
            if timedelta(minutes=offset) in offsets:
                return name
    if offset == 0:
        return "UTC"
    if offset % 60 or not -12 * 60 <= offset <= 14 * 60:
        raise ReadError(f"no zone keeps the UTC offset {timezone(timedelta(minutes=offset))}")
    # The IANA fixed-offset zones count the other way: Etc/GMT+5 is UTC-05:00.
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset) // 60}"
