"""Was a truce in force at a given time? ``yes``, ``no`` or ``maybe``, from what its record says.

The answer is ``yes`` only when the record makes it certain for the *whole* of
the time asked about, ``no`` only when it is certainly not in force at any of
it, and ``maybe`` otherwise. Every comparison is precision-aware (see
:meth:`~peacetalks.ReportedTime.is_before`). The rules, in order:

1. A truce that was only proposed (no declared or effective time, no party's
   consent, and no event but ``proposed``) is never in force: ``no``.
2. It starts when it took effect: ``effective``, else the time of a
   ``took_effect`` event. Certainly after the time asked about: ``no``.
3. With no known start, it is not in force before it was declared (or, without
   ``declared``, before every party's consent and every ``agreed`` or
   ``announced`` event): ``no`` if that is certainly after the time asked
   about; otherwise it may or may not have started, so at most ``maybe``.
4. It ends at the *earliest* of: ``ends``; the time of an ``expired``,
   ``collapsed``, ``ended``, ``superseded`` or ``withdrawal`` event; and, when
   neither of those is recorded and no ``extended`` or ``renewed`` event
   changed it, the start plus a fixed ``duration``. Certainly before the time
   asked about: ``no``. ``yes`` needs every known end to be certainly after it,
   no undated ending event, or an indefinite or permanent duration with no
   end recorded at all.
5. A ``suspended`` event starts a pause that lasts until the next ``resumed``
   event (for good, if none follows): ``no`` during a pause certainly covering
   the time asked about, and no ``yes`` if a pause may overlap it.

>>> from datetime import date
>>> from peacetalks import load_example
>>> energy = load_example().get("energy-truce")
>>> in_force(energy, date(2025, 3, 25))  # agreed 18 March, start never given
<Answer.MAYBE: 'maybe'>
>>> in_force(energy, date(2025, 3, 16))  # before it was declared
<Answer.NO: 'no'>
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from peacetalks._rules import describe
from peacetalks.errors import Problem, ValidationError
from peacetalks.times import (
    Answer,
    Basis,
    Duration,
    DurationKind,
    ReportedTime,
    TimePoint,
    TimeRelation,
    TimeUnit,
)
from peacetalks.truce import Truce, TruceEventKind

__all__ = ["in_force"]

When = ReportedTime | TimePoint | datetime | date
"""What :func:`in_force` asks about (or the text of a :class:`~peacetalks.TimePoint`)."""

_ENDINGS = frozenset(
    {
        TruceEventKind.EXPIRED,
        TruceEventKind.COLLAPSED,
        TruceEventKind.ENDED,
        TruceEventKind.SUPERSEDED,
        TruceEventKind.WITHDRAWAL,
    }
)
_CHANGES = frozenset({TruceEventKind.EXTENDED, TruceEventKind.RENEWED})
_AGREEMENTS = frozenset({TruceEventKind.AGREED, TruceEventKind.ANNOUNCED})
_PROPOSALS = frozenset({TruceEventKind.PROPOSED, TruceEventKind.EXTENSION_PROPOSED})
_OPEN_ENDED = frozenset({DurationKind.INDEFINITE, DurationKind.PERMANENT})


def in_force(truce: Truce, on: When | str) -> Answer:
    """Was ``truce`` in force for the whole of ``on`` (yes), at none of it (no), or maybe?

    ``on`` is a date, an aware datetime, a :class:`~peacetalks.TimePoint` (or
    its text, ``"2025-03-25"``) or a :class:`~peacetalks.ReportedTime`. A date
    alone is read in the zone of the truce's dates; for a day in another zone, pass
    ``ReportedTime.on("2025-03-25", zone="Europe/Kyiv")``. Raises
    :class:`~peacetalks.errors.ValidationError` for anything else.
    """
    on = _checked(on)
    if _only_proposed(truce):
        return Answer.NO
    start = _start(truce)
    if start is not None:
        if start.is_after(on) is Answer.YES:
            return Answer.NO
        started = start.is_before(on) is Answer.YES
    else:
        if _not_before(truce, on):
            return Answer.NO
        started = False
    ends, end_known = _ends(truce, start)
    if any(end.is_before(on) is Answer.YES for end in ends):
        return Answer.NO
    paused = _paused(truce, on)
    if paused is Answer.YES:
        return Answer.NO
    ended_after = end_known and all(end.is_after(on) is Answer.YES for end in ends)
    if started and ended_after and paused is Answer.NO:
        return Answer.YES
    return Answer.MAYBE


def _checked(on: object) -> When:
    if isinstance(on, str):
        return TimePoint.parse(on)
    if isinstance(on, datetime) and on.utcoffset() is None:
        problem = Problem((), "a timezone-aware datetime", "a naive datetime")
        raise ValidationError([problem], "time")
    if isinstance(on, ReportedTime | TimePoint | datetime | date):
        return on
    problem = Problem((), "a date, an aware datetime, a TimePoint or a ReportedTime", describe(on))
    raise ValidationError([problem], "time")


def _resolved(when: ReportedTime | None) -> ReportedTime | None:
    return when if when is not None and when.resolved else None


def _only_proposed(truce: Truce) -> bool:
    return (
        bool(truce.events)
        and truce.declared is None
        and truce.effective is None
        and all(p.consent is None and p.consented is None for p in truce.parties)
        and all(event.kind in _PROPOSALS for event in truce.events)
    )


def _start(truce: Truce) -> ReportedTime | None:
    if _resolved(truce.effective):
        return truce.effective
    for event in truce.events:
        if event.kind is TruceEventKind.TOOK_EFFECT and _resolved(event.when):
            return event.when
    return None


def _not_before(truce: Truce, on: When) -> bool:
    """True when the truce was certainly not yet agreed at any time of ``on``."""
    floors: list[ReportedTime | None] = [truce.declared]
    if _resolved(truce.declared) is None:
        floors = [p.consented for p in truce.parties]
        floors += [e.when for e in truce.events if e.kind in _AGREEMENTS]
    known = [floor for floor in floors if floor is not None and floor.resolved]
    return bool(known) and all(floor.is_after(on) is Answer.YES for floor in known)


def _ends(truce: Truce, start: ReportedTime | None) -> tuple[list[ReportedTime], bool]:
    """The known times the truce ends by, and whether those are all there is to know."""
    ends = [truce.ends] if truce.ends is not None and truce.ends.resolved else []
    undated_ending = False
    for event in truce.events:
        if event.kind in _ENDINGS:
            if event.when is not None and event.when.resolved:
                ends.append(event.when)
            else:
                undated_ending = True
    changed = any(event.kind in _CHANGES for event in truce.events)
    duration = truce.duration
    if not ends and not undated_ending and not changed and start is not None and duration:
        if duration.kind in _OPEN_ENDED:
            return [], True
        computed = _plus(start, duration)
        if computed is not None:
            ends.append(computed)
    return ends, bool(ends) and not undated_ending


def _step(unit: TimeUnit, amount: int) -> Any:
    """``amount`` units as a dateutil ``relativedelta`` (months and years by the calendar)."""
    # dateutil is imported only here, so that importing peacetalks does not load it.
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    if unit is TimeUnit.MINUTE:
        return relativedelta(minutes=amount)
    if unit is TimeUnit.HOUR:
        return relativedelta(hours=amount)
    if unit is TimeUnit.DAY:
        return relativedelta(days=amount)
    if unit is TimeUnit.WEEK:
        return relativedelta(weeks=amount)
    if unit is TimeUnit.MONTH:
        return relativedelta(months=amount)
    return relativedelta(years=amount)


def _plus(start: ReportedTime, duration: Duration) -> ReportedTime | None:
    """The window ``duration`` after ``start``, when both are definite enough."""
    if (
        duration.kind is not DurationKind.FIXED
        or duration.amount is None
        or duration.unit is None
        or start.relation is not TimeRelation.WITHIN
        or start.earliest is None
        or start.latest is None
    ):
        return None
    step = _step(duration.unit, duration.amount)
    try:
        first = _moved(start.earliest, step, start.zone, last=False)
        last = _moved(start.latest, step, start.zone, last=True)
        return ReportedTime.between(first, last, zone=start.zone, basis=Basis.INFERRED)
    except (OverflowError, ValueError):
        return None  # past year 9999: no known end


def _moved(point: TimePoint, step: Any, zone: str | None, *, last: bool) -> TimePoint:
    """The first (or last) moment of ``point`` moved on by ``step``, at ``point``'s precision."""
    if not point.has_time:
        first, after = point.bounds("UTC")
        moment = (after - timedelta(microseconds=1)) if last else first
        moved: datetime = moment.replace(tzinfo=None) + step
        return TimePoint.from_date(moved.date())
    first, after = point.bounds()
    moved = ((after - timedelta(microseconds=1)) if last else first) + step
    if zone is not None:
        moved = moved.astimezone(ZoneInfo(zone))
    return TimePoint.from_datetime(moved, point.precision)


def _paused(truce: Truce, on: When) -> Answer:
    """Was the truce suspended for all of ``on`` (yes), none of it (no), or maybe?"""
    answer = Answer.NO
    events = truce.events
    for number, event in enumerate(events):
        if event.kind is not TruceEventKind.SUSPENDED:
            continue
        suspended = _resolved(event.when)
        if suspended is None:
            answer = Answer.MAYBE
            continue
        if suspended.is_after(on) is Answer.YES:
            continue
        resumption = next(
            (e for e in events[number + 1 :] if e.kind is TruceEventKind.RESUMED), None
        )
        resumed = None if resumption is None else _resolved(resumption.when)
        if resumed is not None and resumed.is_before(on) is Answer.YES:
            continue
        lasts = resumption is None or (resumed is not None and resumed.is_after(on) is Answer.YES)
        if suspended.is_before(on) is Answer.YES and lasts:
            return Answer.YES
        answer = Answer.MAYBE
    return answer
