"""Reading the way the news talks about time: "by April 20", "early Sunday morning", "30-day".

:func:`parse_time` turns words into a :class:`~peacetalks.times.ReportedTime`,
resolved against a reference (usually the article's publication time) in a
zone; :func:`parse_duration` turns words into a :class:`~peacetalks.times.Duration`.
Neither invents a date: words they cannot read raise
:class:`~peacetalks.errors.UnreadableTimeError`, or, with ``on_unknown="keep"``,
give a value that keeps the words and no dates.

>>> from peacetalks import parse_time, to_json
>>> when = parse_time("by April 20", "2025-03-23T12:00:00+02:00", "Europe/Kyiv")
>>> str(when.latest), when.relation.value, when.basis.value
('2025-04-20', 'by', 'inferred')

The rules (weeks, weekdays, "early", "mid-", "late", parts of the day) are in
``docs/time.md``. python-dateutil is imported on the first call, not on
``import peacetalks``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from peacetalks._rules import ZONE, describe, is_zone
from peacetalks.errors import Problem, UnreadableTimeError, ValidationError
from peacetalks.timepoint import TimePoint
from peacetalks.times import Basis, Duration, DurationKind, ReportedTime, TimeRelation

__all__ = ["MAX_TIME_WORDS", "OnUnknown", "Tense", "WeekStart", "parse_duration", "parse_time"]

#: The longest words :func:`parse_time` and :func:`parse_duration` read, in
#: characters; longer words are not read (they are unreadable, or kept with
#: ``on_unknown="keep"``). Words about one time are far shorter, and the bound
#: keeps the cost of reading any input small (the grammar and dateutil's parser
#: are not linear in the length of what they are given).
MAX_TIME_WORDS = 300
_TOO_LONG = f"the words are longer than {MAX_TIME_WORDS} characters"

OnUnknown = Literal["error", "keep"]
Tense = Literal["past", "future"]
WeekStart = Literal["sunday", "monday"]


def parse_time(
    text: str,
    reference: TimePoint | datetime | date | str | None = None,
    zone: str | None = None,
    *,
    tense: Tense = "past",
    week_starts: WeekStart = "sunday",
    on_unknown: OnUnknown = "error",
) -> ReportedTime:
    """Read words about when something happened, resolved against ``reference``.

    Args:
        text: The source's words, e.g. ``"early Sunday morning"``; kept as they are.
        reference: What relative words are resolved against, usually the
            publication time: a :class:`TimePoint`, its ISO form, an aware
            ``datetime`` or a ``date``. Only needed by relative words.
        zone: The IANA zone the words are read in, e.g. ``"Europe/Kyiv"``; when
            absent and ``reference`` is a ``datetime`` with a ``ZoneInfo``, its zone.
            A zone the words name ("10:00 Kyiv time", "9 p.m. EST") replaces it.
        tense: ``"future"`` reads a bare weekday ("on Monday") as the next one
            rather than the last one.
        week_starts: ``"sunday"`` (the default, as in US news) or ``"monday"``
            (ISO 8601), for "this week", "last week" and "this Monday".
        on_unknown: ``"error"`` raises :class:`UnreadableTimeError` for words it
            cannot read or resolve; ``"keep"`` returns them with no dates instead.

    Raises:
        UnreadableTimeError: The words cannot be read or resolved (with ``"error"``).
        ValidationError: ``reference`` or ``zone`` is not valid.
    """
    if type(text) is not str:
        raise ValidationError([Problem(("text",), "a string", describe(text))], "time words")
    if on_unknown not in ("error", "keep") or tense not in ("past", "future"):
        problem = Problem((), "on_unknown 'error' or 'keep', tense 'past' or 'future'")
        raise ValidationError([problem], "parse_time options")
    if week_starts not in ("sunday", "monday"):
        problem = Problem(("week_starts",), "'sunday' or 'monday'", describe(week_starts))
        raise ValidationError([problem], "parse_time options")
    point, zone = _reference(reference, zone)
    if not text.strip():
        raise UnreadableTimeError(text, "there are no words to read")
    if len(text) > MAX_TIME_WORDS:
        if on_unknown == "error":
            raise UnreadableTimeError(text, _TOO_LONG)
        return ReportedTime(words=text, relation=TimeRelation.WITHIN, zone=zone)
    # Imported here, not above: the grammar and dateutil load on the first call only.
    from peacetalks import _timeclock, _timeread, _timewords  # noqa: PLC0415

    context = _timeclock.Context(
        point, zone, future=tense == "future", week_start=6 if week_starts == "sunday" else 0
    )
    try:
        relation, reading = _timeread.read(_timewords.normalize(text), context)
    except _timewords.ReadError as problem:
        if on_unknown == "error":
            raise UnreadableTimeError(text, problem.reason) from None
        relation = problem.relation or TimeRelation.WITHIN
        return ReportedTime(words=text, relation=relation, zone=zone)
    inferred = reading.inferred or context.used_reference
    return ReportedTime(
        words=text,
        earliest=reading.earliest,
        latest=reading.latest,
        relation=relation,
        zone=reading.zone or zone,
        reference=point if context.used_reference else None,
        basis=Basis.INFERRED if inferred else Basis.STATED,
        approximate=reading.approximate,
    )


def _reference(
    reference: TimePoint | datetime | date | str | None, zone: str | None
) -> tuple[TimePoint | None, str | None]:
    """The reference as a point, and the zone (from a ``ZoneInfo`` reference if not given)."""
    point: TimePoint | None
    if reference is None or isinstance(reference, TimePoint):
        point = reference
    elif isinstance(reference, str):
        point = TimePoint.parse(reference)
    elif isinstance(reference, datetime):
        point = TimePoint.from_datetime(reference)
        zone = zone or getattr(reference.tzinfo, "key", None)
    elif isinstance(reference, date):
        point = TimePoint.from_date(reference)
    else:
        problem = Problem((), "a TimePoint, ISO text, datetime or date", describe(reference))
        raise ValidationError([problem], "reference")
    if zone is not None and not is_zone(zone):
        raise ValidationError([Problem((), ZONE.expected_of(zone), describe(zone))], "zone")
    return point, zone


def parse_duration(text: str, *, on_unknown: OnUnknown = "error") -> Duration:
    """Read a length of time: "30-day", "72 hours", "two-hour", "indefinite", "permanent".

    >>> parse_duration("30-day").amount, parse_duration("two-hour").unit.value
    (30, 'hour')
    >>> parse_duration("until the talks end", on_unknown="keep").kind.value
    'unknown'

    Raises:
        UnreadableTimeError: The words are not a length (with ``on_unknown="error"``).
    """
    if type(text) is not str:
        raise ValidationError([Problem(("text",), "a string", describe(text))], "duration words")
    if on_unknown not in ("error", "keep"):
        problem = Problem(("on_unknown",), "'error' or 'keep'", describe(on_unknown))
        raise ValidationError([problem], "parse_duration options")
    if len(text) > MAX_TIME_WORDS:
        if on_unknown == "error":
            raise UnreadableTimeError(text, _TOO_LONG)
        return Duration(kind=DurationKind.UNKNOWN, words=text)
    from peacetalks import _timewords  # noqa: PLC0415 - loaded on the first call only

    try:
        return _timewords.read_duration(text)
    except _timewords.ReadError as problem:
        if on_unknown == "error" or not text.strip():
            raise UnreadableTimeError(text, problem.reason) from None
        return Duration(kind=DurationKind.UNKNOWN, words=text)
