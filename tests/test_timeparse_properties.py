"""Properties of parse_time and parse_duration over generated phrases, references and zones."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import assume, given
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks.testing import ZONES

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
UNITS = ("minutes", "hours", "days", "weeks", "months", "years")


def _format(template: str) -> st.SearchStrategy[str]:
    return st.builds(
        template.format,
        weekday=st.sampled_from(WEEKDAYS),
        month=st.sampled_from(MONTHS),
        day=st.integers(1, 28),
        year=st.integers(1950, 2090),
        n=st.integers(1, 60),
        unit=st.sampled_from(UNITS),
        hour=st.integers(1, 12),
        hour24=st.integers(0, 23),
        minute=st.integers(0, 59),
        meridiem=st.sampled_from(("a.m.", "pm", "PM")),
        part=st.sampled_from(("early", "mid-", "late", "the end of", "the first half of")),
        day_part=st.sampled_from(("morning", "afternoon", "evening", "night")),
        which=st.sampled_from(("", "on ", "last ", "next ", "this ", "by ", "since ", "after ")),
        period=st.sampled_from(("week", "month", "year", "weekend")),
        city=st.sampled_from(("Kyiv", "Moscow", "Washington", "London", "local")),
        zone_abbreviation=st.sampled_from(("EST", "EDT", "ET", "MSK", "UTC", "CET", "GMT")),
    )


PHRASES = st.one_of(
    _format("{which}{weekday}"),
    _format("{month} {day}"),
    _format("{day} {month} {year}"),
    _format("by {month} {day}"),
    _format("{month} {year}"),
    _format("{year}"),
    _format("{year}-{year}"),
    _format("{part} {month}"),
    _format("{part} {year}"),
    _format("{year}-03-{day:02d}"),
    _format("{year}-03-{day:02d}T{hour24:02d}:{minute:02d}"),
    _format("the past {n} {unit}"),
    _format("in the last {n} {unit}"),
    _format("{n} {unit} ago"),
    _format("in {n} {unit}"),
    _format("within {n} {unit}"),
    _format("{which}{period}"),
    _format("early {weekday} {day_part}"),
    _format("late {weekday}"),
    _format("{weekday} {day_part}"),
    _format("{weekday} at {hour} {meridiem}"),
    _format("{hour24}:{minute:02d} {city} time"),
    _format("{hour} {meridiem} {zone_abbreviation}"),
    st.sampled_from(
        (
            "so far", "today", "yesterday", "tonight", "last night", "this morning",
            "in the coming days", "within weeks", "earlier this month", "later this year",
            "the past day", "in recent weeks", "the next few days", "a few days ago",
        )
    ),
)  # fmt: skip

PHRASES = PHRASES | st.builds(
    "{} {} {} {}".format,
    st.sampled_from(("between", "from")),
    PHRASES,
    st.sampled_from(("and", "to")),
    PHRASES,
)

REFERENCES = st.datetimes(
    datetime(1950, 1, 1),
    datetime(2090, 12, 31),
    timezones=st.sampled_from([ZoneInfo(name) for name in ZONES]),
    allow_imaginary=False,
)


def _resolve(words: str, reference: datetime) -> pt.ReportedTime:
    try:
        return pt.parse_time(words, reference)
    except pt.UnreadableTimeError:
        assume(False)
        raise


@given(PHRASES, REFERENCES)
def test_earliest_is_never_after_latest(words: str, reference: datetime) -> None:
    when = _resolve(words, reference)
    assert when.resolved
    start, end = when.bounds()
    assert start is None or end is None or start < end
    if when.earliest is not None and when.latest is not None:
        # The earliest point starts before the latest point ends ("between the past
        # minute and January 1" runs from a minute ago to the end of the day).
        assert when.earliest.bounds(when.zone)[0] < when.latest.bounds(when.zone)[1]


@given(PHRASES, REFERENCES)
def test_resolving_again_against_the_stored_reference_gives_the_same_value(
    words: str, reference: datetime
) -> None:
    when = _resolve(words, reference)
    assert pt.parse_time(when.words or "", when.reference, when.zone) == when


@given(PHRASES, REFERENCES)
def test_resolved_values_round_trip_exactly_through_json(words: str, reference: datetime) -> None:
    when = _resolve(words, reference)
    text = pt.to_json(when)
    assert pt.from_json(text, pt.ReportedTime) == when
    assert pt.to_json(pt.from_json(text, pt.ReportedTime)) == text


@given(st.text(max_size=40), REFERENCES, st.sampled_from((None, *ZONES)))
def test_any_text_is_read_or_refused_with_an_unreadable_time_error(
    text: str, reference: datetime, zone: str | None
) -> None:
    try:
        when: pt.ReportedTime | None = pt.parse_time(text, reference, zone)
    except pt.UnreadableTimeError as error:
        when, refused = None, error
    if when is not None:
        assert when.words == text
    elif text.strip():
        assert refused.words == text
        kept = pt.parse_time(text, reference, zone, on_unknown="keep")
        assert (kept.words, kept.resolved) == (text, False)


@given(st.integers(0, 999_999), st.sampled_from(UNITS), st.sampled_from((" ", "-")))
def test_durations_keep_their_amount_and_round_trip(amount: int, unit: str, joint: str) -> None:
    duration = pt.parse_duration(f"{amount}{joint}{unit}")
    assert (duration.amount, duration.unit) == (amount, pt.TimeUnit(unit.rstrip("s")))
    assert pt.from_json(pt.to_json(duration), pt.Duration) == duration


@given(st.text(max_size=30))
def test_any_text_is_a_duration_or_refused(text: str) -> None:
    try:
        duration = pt.parse_duration(text)
    except pt.UnreadableTimeError:
        return
    assert duration.words == text
