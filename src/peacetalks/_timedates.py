"""Dates written out, and single days, for :mod:`peacetalks._timeread`.

ISO 8601 is read with the standard library; "20 April 2025", "April 20" and
"March 2022" with python-dateutil's parser, parsed twice with two different
defaults so that a part the words do not give is never taken from a default.
A day is also "today", "yesterday", "Tuesday", "last Friday", "next Monday".
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from peacetalks._timeclock import Context, Reading, needed_zone, single, wall_clock
from peacetalks._timewords import WEEKDAYS, ReadError, names_month, words_of
from peacetalks.errors import ValidationError
from peacetalks.timepoint import Precision, TimePoint
from peacetalks.times import _offset_problem

__all__ = [
    "ISO_TIME",
    "NEAR_MONTH",
    "SEASON",
    "explicit_date",
    "near_month",
    "read_day",
    "season",
    "week_start",
]

_WEEKDAY_STEPS = (MO, TU, WE, TH, FR, SA, SU)


def week_start(day: date, context: Context) -> date:
    return day + relativedelta(weekday=_WEEKDAY_STEPS[context.week_start](-1))


ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
ISO_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[t ](?P<h>\d{2})(?::(?P<m>\d{2})(?::(?P<s>\d{2})"
    r"(?:\.(?P<f>\d{1,6}))?)?)?(?P<offset>z|[+-]\d{2}:\d{2})?"
)
_NUMERIC_DATE = re.compile(r"\d{1,4}[./]\d{1,2}(?:[./]\d{1,4})?")
# Two defaults that differ in every part: a part that comes out the same both times was given.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(2004, 2, 2, 1, 1, 1))
_SHAPES = ({"year"}, {"year", "month"}, {"month"}, {"month", "day"}, {"year", "month", "day"})


def explicit_date(words: str, context: Context) -> Reading | None:
    """A date or time written out; its missing year is the reference's (news style)."""
    if ISO_DATE.fullmatch(words):
        return single(_checked_point(words))
    timed = ISO_TIME.fullmatch(words)
    if timed:
        return _iso_time(timed, context)
    if _NUMERIC_DATE.fullmatch(words):
        raise ReadError("numeric dates other than ISO 8601 are ambiguous: write 2025-03-18")
    if not names_month(words) or not WEEKDAYS.keys().isdisjoint(words_of(words)):
        return None
    given = _given_parts(words.removeprefix("the "))
    if "year" in given and str(given["year"]) not in re.findall(r"\d{4}", words):
        raise ReadError("expected a date such as 'April 20' or '20 April 2025', years in full")
    if "year" not in given:
        given["year"] = context.today().year
    point = TimePoint(**given) if _valid(given) else None
    if point is None:
        raise ReadError("not a date on the calendar")
    return single(point)


def _given_parts(words: str) -> dict[str, int]:
    """The parts of a date dateutil finds in ``words``, without the ones it filled in."""
    try:
        with warnings.catch_warnings():  # a zone name dateutil does not know: refuse the words
            warnings.simplefilter("error", dateparser.UnknownTimezoneWarning)
            first, second = (dateparser.parse(words, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, dateparser.UnknownTimezoneWarning):
        raise ReadError("not a date I can read") from None
    parts = ("year", "month", "day", "hour", "minute", "second")
    given = {p: getattr(first, p) for p in parts if getattr(first, p) == getattr(second, p)}
    if set(given) not in _SHAPES or first.tzinfo is not None:
        raise ReadError("expected a date such as 'April 20', '20 April 2025' or 'March 2022'")
    return given


def _valid(parts: dict[str, int]) -> bool:
    try:
        TimePoint(**parts)
    except ValidationError:
        return False
    return True


def _checked_point(text: str) -> TimePoint:
    try:
        return TimePoint.parse(text)
    except ValidationError:
        raise ReadError("not a date on the calendar") from None


def _iso_time(found: re.Match[str], context: Context) -> Reading:
    """An ISO 8601 date and time; without a UTC offset it is read in the zone."""
    text = found.group(0).upper().replace(" ", "T")
    if found["offset"]:
        point = _checked_point(text)
        if context.zone and _offset_problem(point, context.zone):
            # The same instant on the zone's clocks: a time of day in a zone carries the
            # zone's offset (the words keep the offset as written).
            return single(context.point_at(point.bounds()[0], point.precision))
        return single(point)
    try:
        naive = datetime.fromisoformat(text)
    except ValueError:
        raise ReadError("not a date and time on the calendar") from None
    given = [found[part] for part in ("m", "s")]
    precision = (Precision.HOUR, Precision.MINUTE, Precision.SECOND)[sum(map(bool, given))]
    return wall_clock(naive, precision, needed_zone(context))


def read_day(words: str, context: Context) -> date | None:
    """One day: today, yesterday, a weekday, "friday march 21", "march 18", "2025-03-18"."""
    relative = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(words)
    if relative is not None:
        return context.today() + timedelta(days=relative)
    found = re.fullmatch(r"(?:(?P<which>last|past|next|this coming|this|coming) )?(?P<wd>\w+)"
                         r"(?: (?P<rest>.+))?", words)  # fmt: skip
    if found and found["wd"] in WEEKDAYS:
        index = WEEKDAYS[found["wd"]]
        if found["rest"] is None:
            return _weekday(index, found["which"], context)
        named = None if found["which"] else _explicit_day(found["rest"], context)
        if named is not None and named.weekday() != index:
            raise ReadError(f"{named.isoformat()} is not a {found['wd'].title()}")
        return named
    return _explicit_day(words, context)


def _explicit_day(words: str, context: Context) -> date | None:
    reading = explicit_date(words, context)
    point = None if reading is None or reading.earliest != reading.latest else reading.earliest
    if point is None or point.month is None or point.day is None or point.has_time:
        return None
    return date(point.year, point.month, point.day)


def _weekday(index: int, which: str | None, context: Context) -> date:
    """The weekday before or on the reference (or after, for future words)."""
    today, step = context.today(), _WEEKDAY_STEPS[index]
    if which in ("last", "past"):
        return today + relativedelta(days=-1, weekday=step(-1))
    if which in ("next", "coming", "this coming"):
        return today + relativedelta(days=+1, weekday=step(+1))
    if which == "this":
        return week_start(today, context) + relativedelta(weekday=step(+1))
    return today + relativedelta(weekday=step(+1 if context.future else -1))


# --- a month or a season around the reference: "last December", "next spring" -----------------

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
# Meteorological seasons of the northern hemisphere: (first month, number of months).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
NEAR_MONTH = re.compile(
    r"(?P<which>last|past|previous|this coming|this|next|coming)"
    rf" (?P<name>{'|'.join(_MONTHS)}|{'|'.join(_SEASONS)})"
)
SEASON = re.compile(rf"(?:the )?(?P<name>{'|'.join(_SEASONS)})(?: (?:of )?(?P<year>\d{{4}}))?")


def near_month(found: re.Match[str], context: Context) -> Reading:
    """This, last or next December (or spring), around the reference.

    "last" is the latest one that ended before the reference, "next" the first one
    that begins after the one in progress or last begun, and "this" the one in
    progress, else the one that begins in the reference's year.
    """
    today, name, which = context.today(), found["name"], found["which"]
    first, months = (_MONTHS.index(name), 1) if name in _MONTHS else (_SEASONS[name] - 1, 3)
    now = today.year * 12 + today.month - 1  # the reference's month, counted from year 0
    begun = (now - first) // 12 * 12 + first  # the latest one begun by then
    in_progress = now < begun + months
    if which in ("last", "past", "previous"):
        start = begun - 12 if in_progress else begun
    elif which == "this":
        start = begun if in_progress else today.year * 12 + first
    else:  # next, coming, this coming
        start = begun + 12
    return _months(start, months, inferred=name in _SEASONS)


def season(found: re.Match[str], context: Context) -> Reading:
    """ "spring", "the summer of 2024": a season of a year, else this one (as "this spring")."""
    name = found["name"]
    if found["year"] is None:
        this = NEAR_MONTH.fullmatch(f"this {name}")
        assert this is not None  # noqa: S101 - the pattern names every season
        return near_month(this, context)
    if name == "winter":
        raise ReadError("a winter spans two years: write 'December 2024 to February 2025'")
    return _months(int(found["year"]) * 12 + _SEASONS[name] - 1, 3, inferred=True)


def _months(start: int, count: int, *, inferred: bool) -> Reading:
    """``count`` months from month ``start`` (counted from year 0), at month precision."""
    last = start + count - 1
    first_point = TimePoint(year=start // 12, month=start % 12 + 1)
    last_point = TimePoint(year=last // 12, month=last % 12 + 1)
    return Reading(first_point, last_point, inferred=inferred, approximate=inferred)
