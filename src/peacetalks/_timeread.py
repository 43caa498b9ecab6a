"""The grammar behind :func:`peacetalks.timeparse.parse_time`.

A phrase is read in three steps: a hedge ("about") and a relation word ("by",
"since"...) are taken off the front; the rest is matched against the rules in
:data:`_RULES`, in order, each of which returns a :class:`Reading` (earliest
and latest points) or ``None`` when the words are not its kind; the relation
then picks which of the two points the result keeps.

This module imports python-dateutil; :mod:`peacetalks.timeparse` imports it
only when a phrase is read, so ``import peacetalks`` stays light.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import SA, relativedelta

from peacetalks._timeclock import Context, Reading, day_parts, single
from peacetalks._timedates import (
    ISO_TIME,
    NEAR_MONTH,
    SEASON,
    explicit_date,
    near_month,
    read_day,
    season,
    week_start,
)
from peacetalks._timewords import (
    NUMBER_PATTERN,
    UNIT_PATTERN,
    VAGUE_REACH,
    ReadError,
    names_month,
    number,
    strip_hedge,
    unit,
)
from peacetalks.timepoint import Precision, TimePoint
from peacetalks.times import TimeRelation, TimeUnit

__all__ = ["read"]

_RELATIONS = (
    ("no later than ", TimeRelation.BY),
    ("by ", TimeRelation.BY),
    ("before ", TimeRelation.BEFORE),
    ("ahead of ", TimeRelation.BEFORE),
    ("after ", TimeRelation.AFTER),
    ("since ", TimeRelation.SINCE),
    ("until ", TimeRelation.UNTIL),
    ("till ", TimeRelation.UNTIL),
)
_PREPOSITION = re.compile(r"(?:in|on|at|during|over|throughout|for) ")
_N = rf"(?P<n>{NUMBER_PATTERN})"
_UNIT = rf"(?P<unit>{UNIT_PATTERN})"


def read(words: str, context: Context) -> tuple[TimeRelation, Reading]:
    """The relation and the reading of normalized ``words``; raises :class:`ReadError`."""
    words, hedged = strip_hedge(words)
    if words.endswith(" or so"):
        words, hedged = words[: -len(" or so")], True
    words = words.removesuffix(" alone")
    relation = TimeRelation.WITHIN
    for prefix, named in _RELATIONS:
        if words.startswith(prefix):
            relation, words = named, words[len(prefix) :]
            break
    if relation in (TimeRelation.BY, TimeRelation.UNTIL):
        context.future = True
    try:
        words, more_hedged = strip_hedge(words)
        reading = read_period(words, context, _RULES)
    except ReadError as problem:
        problem.relation = relation
        raise
    except (ValueError, OverflowError):  # date arithmetic past year 1 or 9999
        raise ReadError("the dates fall outside the calendar (years 1 to 9999)") from None
    if reading.relation is not None:
        if relation is not TimeRelation.WITHIN:
            raise ReadError(f"these words cannot follow {relation.value!r}")
        relation = reading.relation
    return relation, _relate(relation, reading)._replace(
        approximate=reading.approximate or hedged or more_hedged
    )


def _relate(relation: TimeRelation, reading: Reading) -> Reading:
    """Keep the points the relation needs: "by X" keeps X's end, "since X" its start."""
    first, last = reading.earliest, reading.latest
    if relation in (TimeRelation.BY, TimeRelation.UNTIL):
        return reading._replace(earliest=None)
    if relation is TimeRelation.BEFORE:
        return reading._replace(earliest=None, latest=first)
    if relation is TimeRelation.AFTER:
        return reading._replace(earliest=last, latest=None)
    if relation is TimeRelation.SINCE:
        return reading._replace(latest=None)
    return reading


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Reading | None]]


def read_period(words: str, context: Context, rules: tuple[_Rule, ...]) -> Reading:
    """The first rule that reads ``words`` (after an "in", "on", "at"... in front)."""
    counted = _IN_COUNT.fullmatch(words)
    reading = _count_away(counted, context, +1) if counted else None
    if reading is not None:
        return reading
    words = _PREPOSITION.sub("", words, count=1) if _PREPOSITION.match(words) else words
    for pattern, rule in rules:
        found = pattern.fullmatch(words)
        if found:
            reading = rule(found, context)
            if reading is not None:
                return reading
    raise ReadError("no date, time or period I can read")


# --- days, weeks, months, years around the reference -----------------------------------------


def _days(first: date, last: date, *, vague: bool = False) -> Reading:
    """The days from ``first`` to ``last``; ``vague`` when their edges are a convention."""
    first_day, last_day = TimePoint.from_date(first), TimePoint.from_date(last)
    return Reading(first_day, last_day, inferred=vague, approximate=vague)


def _span(day: date, name: str, context: Context) -> tuple[date, date]:
    """The first and last day of the week, month or year that holds ``day``."""
    if name == "week":
        start = week_start(day, context)
        return start, start + timedelta(days=6)
    if name == "month":
        return day.replace(day=1), day + relativedelta(day=31)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _calendar(found: re.Match[str], context: Context) -> Reading:
    """this/last/next week, weekend, month or year."""
    today, name = context.today(), found["unit"]
    step = {"this": 0, "the": 0, "last": -1, "previous": -1, "next": 1}[found["which"]]
    if name == "week":
        start = week_start(today, context) + relativedelta(weeks=step)
        return _days(start, start + timedelta(days=6))
    if name == "weekend":
        saturday = today + relativedelta(weekday=SA(-1 if today.weekday() == 6 else +1))
        saturday += relativedelta(weeks=step)
        return _days(saturday, saturday + timedelta(days=1))
    if name == "month":
        month = today + relativedelta(months=step)
        return single(TimePoint(year=month.year, month=month.month))
    return single(TimePoint(year=today.year + step))


def _earlier_or_later(found: re.Match[str], context: Context) -> Reading:
    """earlier/later this week, month or year; earlier/later today."""
    today = context.today()
    if found["unit"] is None:
        return _days(today, today)
    first, last = _span(today, found["unit"], context)
    return _days(first, today) if found["side"] == "earlier" else _days(today, last)


_FEW = ("few", "a few", "several")


def _delta(amount: int, name: TimeUnit) -> relativedelta:
    """``amount`` days, weeks, months or years, on the calendar."""
    years, months, weeks, days = (
        amount if name is part else 0
        for part in (TimeUnit.YEAR, TimeUnit.MONTH, TimeUnit.WEEK, TimeUnit.DAY)
    )
    return relativedelta(years=years, months=months, weeks=weeks, days=days)


def _clock_delta(amount: int, name: TimeUnit) -> tuple[timedelta, Precision]:
    """``amount`` hours or minutes of elapsed time, and the precision they are known to."""
    if name is TimeUnit.HOUR:
        return timedelta(hours=amount), Precision.HOUR
    return timedelta(minutes=amount), Precision.MINUTE


class _Count(NamedTuple):
    amount: int
    unit: TimeUnit
    vague: bool


def _count(found: re.Match[str]) -> _Count | None:
    """How many of which unit: "eight weeks"; "weeks" and "a few weeks" reach VAGUE_REACH."""
    name, amount = unit(found["unit"]), found["n"]
    if amount in _FEW or (amount is None and found["unit"].endswith("s")):
        reach = VAGUE_REACH.get(name)
        return None if reach is None else _Count(reach, name, vague=True)
    value = 1 if amount is None else number(amount)
    return None if value is None else _Count(value, name, vague=False)


def _rolling(found: re.Match[str], context: Context, sign: int) -> Reading | None:
    """The past/next N units, as a window from or to the reference."""
    counted = _count(found)
    if counted is None:
        return None
    amount, name, vague = counted
    if name in (TimeUnit.HOUR, TimeUnit.MINUTE) and context.has_time():
        now = context.now()
        delta, precision = _clock_delta(amount, name)
        first, last = sorted((now, now + sign * delta))
        return Reading(context.point_at(first, precision), context.point_at(last, precision))
    today = context.today()
    if name in (TimeUnit.HOUR, TimeUnit.MINUTE):  # a date reference: count whole days
        minutes = amount * (60 if name is TimeUnit.HOUR else 1)
        amount, name = math.ceil(minutes / (24 * 60)), TimeUnit.DAY
    other = today + sign * _delta(amount, name)
    return _days(*sorted((today, other)), vague=vague)


def _count_away(found: re.Match[str], context: Context, sign: int) -> Reading | None:
    """N units ago / in N units: the unit that holds that moment, at the unit's precision.

    A vague count ("a few days ago", "in a few weeks") is the window up to or from it.
    """
    counted = _count(found)
    if counted is None or counted.vague:
        return None if counted is None else _rolling(found, context, sign)
    amount, name, _ = counted
    if name in (TimeUnit.HOUR, TimeUnit.MINUTE):
        delta, precision = _clock_delta(amount, name)
        return single(context.point_at(context.now() + sign * delta, precision))
    day = context.today() + sign * _delta(amount, name)
    if name is TimeUnit.WEEK:
        return _days(*_span(day, "week", context))
    if name is TimeUnit.MONTH:
        return single(TimePoint(year=day.year, month=day.month))
    if name is TimeUnit.YEAR:
        return single(TimePoint(year=day.year))
    return _days(day, day)


def _so_far(_: re.Match[str], context: Context) -> Reading:
    return Reading(None, context.reference_point(), relation=TimeRelation.BY)


# --- parts of a month or year: early, mid, late, first half ----------------------------------

_PARTS = {
    "early": 0,
    "the start of": 0,
    "the beginning of": 0,
    "mid": 1,
    "the middle of": 1,
    "late": 2,
    "the end of": 2,
    "the first half of": 3,
    "the second half of": 4,
}
# For a month: days; for a year: months. (first, last); None means the last day of the month.
_MONTH_PARTS = ((1, 10), (11, 20), (21, None), (1, 15), (16, None))
_YEAR_PARTS = ((1, 4), (5, 8), (9, 12), (1, 6), (7, 12))


def _part_of_period(found: re.Match[str], context: Context) -> Reading | None:
    period = _period(found["period"], context)
    if period is None:
        return None
    index = _PARTS[found["part"]]
    thirds = index < 3
    if period.month is None:
        first, last = _YEAR_PARTS[index]
        return Reading(
            TimePoint(year=period.year, month=first),
            TimePoint(year=period.year, month=last),
            inferred=thirds,
            approximate=thirds,
        )
    start = date(period.year, period.month, 1)
    first_day, last_day = _MONTH_PARTS[index]
    end = start + relativedelta(day=31) if last_day is None else start.replace(day=last_day)
    return _days(start.replace(day=first_day), end, vague=thirds)


def _period(words: str, context: Context) -> TimePoint | None:
    """A whole month or year: "2024", "april", "april 2025", "this month", "last year"."""
    relative = re.fullmatch(r"(?P<which>this|last|next|previous|the) (?P<unit>month|year)", words)
    if relative:
        return _calendar(relative, context).earliest
    if not (re.fullmatch(r"\d{4}", words) or names_month(words)):
        return None
    explicit = explicit_date(words, context)
    if explicit is None or explicit.earliest != explicit.latest:
        return None
    point = explicit.earliest
    return point if point is not None and point.day is None else None


# --- the rules, in order ------------------------------------------------------------------------


def _range(found: re.Match[str], context: Context) -> Reading:
    """X to Y, between X and Y: from the start of X to the end of Y."""
    first_words, last_words = found["a"], found["b"]
    year = re.findall(r"\b\d{4}\b", last_words)
    if year and not re.search(r"\d{4}", first_words) and names_month(first_words):
        first_words += " " + year[-1]  # "March to May 2022": March 2022
    first = read_period(first_words, context, _SIDE_RULES)
    last = read_period(last_words, context, _SIDE_RULES)
    named = {first.zone, last.zone} - {None, context.zone}
    timed = [side for side in (first, last) if side.earliest and side.earliest.has_time]
    if len(named) > 1 or (named and any(side.zone not in named for side in timed)):
        raise ReadError("the two ends are in different zones: name the zone at both")
    window = Reading(
        first.earliest,
        last.latest,
        inferred=first.inferred or last.inferred,
        approximate=first.approximate or last.approximate,
        zone=first.zone or last.zone,
    )
    zone = context.zone_name(window.zone)
    if first.earliest is None or last.latest is None:
        raise ReadError("a range needs a start and an end")
    if first.earliest.bounds(zone)[0] >= last.latest.bounds(zone)[1]:
        raise ReadError("the range ends before it starts")
    return window


def _from(found: re.Match[str], context: Context) -> Reading:
    """from X, starting X: a start bound, read as "since X" ("from X to Y" is a range)."""
    reading = read_period(found["a"], context, _SIDE_RULES)
    if reading.relation is not None:
        raise ReadError(f"these words cannot follow {found.group(0).split()[0]!r}")
    return reading._replace(relation=TimeRelation.SINCE)


def _year_range(found: re.Match[str], _: Context) -> Reading | None:
    first, last = found["a"], found["b"]
    if len(last) == 2:
        last = first[:2] + last
    if last <= first:
        return None
    return Reading(TimePoint(year=int(first)), TimePoint(year=int(last)), inferred=False)


def _day_time(found: re.Match[str], context: Context) -> Reading | None:
    return day_parts(found.group(0), context, read_day)


def _explicit(found: re.Match[str], context: Context) -> Reading | None:
    return explicit_date(found.group(0), context)


_CALENDAR = r"(?P<which>this|last|next|previous|the) (?P<unit>week|weekend|month|year)"
_IN_COUNT = re.compile(rf"in {_N} {_UNIT}")
_RANGE_RULES: tuple[_Rule, ...] = (
    (re.compile(r"(?P<a>\d{4}) ?- ?(?P<b>\d{4}|\d{2})"), _year_range),
    (re.compile(r"between (?P<a>.+) and (?P<b>.+)"), _range),
    (re.compile(r"from (?P<a>.+?) (?:to|until|till|through) (?P<b>.+)"), _range),
    (re.compile(r"(?P<a>.+?) (?:to|through) (?P<b>.+)"), _range),
)
_SIDE_RULES: tuple[_Rule, ...] = (
    (re.compile(_CALENDAR), _calendar),
    (re.compile(r"(?P<side>earlier|later) (?:this (?P<unit>week|month|year)|today)"),
     _earlier_or_later),
    (re.compile(rf"(?:the )?(?:past|last|previous) (?:{_N} )?{_UNIT}"),
     lambda found, context: _rolling(found, context, -1)),
    (re.compile(rf"recent (?P<n>(?!))?{_UNIT}"),
     lambda found, context: _rolling(found, context, -1)),
    (re.compile(rf"(?:the )?(?:next|coming) (?:{_N} )?{_UNIT}"),
     lambda found, context: _rolling(found, context, +1)),
    (re.compile(rf"within (?:the next )?(?:{_N} )?{_UNIT}"),
     lambda found, context: _rolling(found, context, +1)),
    (re.compile(rf"{_N} {_UNIT} ago"), lambda found, context: _count_away(found, context, -1)),
    (re.compile(rf"{_N} {_UNIT} from now"),
     lambda found, context: _count_away(found, context, +1)),
    (re.compile(rf"(?P<part>{'|'.join(_PARTS)})[ -](?P<period>.+)"), _part_of_period),
    (ISO_TIME, _explicit),
    (NEAR_MONTH, near_month),
    (SEASON, season),
    (re.compile(r".+"), _day_time),
    (re.compile(r".+"), _explicit),
)  # fmt: skip
_RULES: tuple[_Rule, ...] = (
    (re.compile(r"so far|to date|thus far|until now|up to now"), _so_far),
    *_RANGE_RULES,
    (re.compile(r"(?:from|starting(?: from| on)?|beginning(?: on)?) (?P<a>.+)"), _from),
    *_SIDE_RULES,
)
