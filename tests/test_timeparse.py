"""parse_time and parse_duration: what they infer, what they refuse, and what they never invent."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import peacetalks as pt

REFERENCE = "2025-03-23T12:00:00+02:00"
KYIV = "Europe/Kyiv"


def parse(
    words: str, reference: Any = REFERENCE, zone: str | None = KYIV, **options: Any
) -> pt.ReportedTime:
    return pt.parse_time(words, reference, zone, **options)


# --- what is stated, inferred, approximate -----------------------------------------------------


@pytest.mark.parametrize(
    ("words", "basis", "approximate", "uses_reference"),
    [
        ("20 April 2025", "stated", False, False),
        ("March 2022", "stated", False, False),
        ("2022-2023", "stated", False, False),
        ("2025-03-18T10:00", "stated", False, False),
        ("the first half of 2024", "stated", False, False),
        ("late 2024", "inferred", True, False),
        ("April 20", "inferred", False, True),
        ("on Tuesday", "inferred", False, True),
        ("last week", "inferred", False, True),
        ("early Sunday morning", "inferred", True, True),
        ("in the coming days", "inferred", True, True),
        ("within 30 days", "inferred", False, True),
        ("around 20 April 2025", "stated", True, False),
        ("20 April 2025 or so", "stated", True, False),
        ("about a week ago", "inferred", True, True),
    ],
)
def test_basis_approximation_and_reference_follow_the_words(
    words: str, basis: str, approximate: bool, uses_reference: bool
) -> None:
    when = parse(words)
    assert when.basis.value == basis
    assert when.approximate is approximate
    assert when.reference == (pt.TimePoint.parse(REFERENCE) if uses_reference else None)


def test_missing_parts_are_never_filled_in_from_defaults() -> None:
    month = parse("March 2022")
    assert (month.earliest, month.precision) == (
        pt.TimePoint(year=2022, month=3),
        pt.Precision.MONTH,
    )
    assert parse("2025").precision is pt.Precision.YEAR
    assert parse("April").earliest == pt.TimePoint(year=2025, month=4)
    with pytest.raises(pt.UnreadableTimeError, match="reference"):
        pt.parse_time("April 20")
    with pytest.raises(pt.UnreadableTimeError, match="reference"):
        pt.parse_time("on Tuesday", zone=KYIV)


def test_words_that_say_it_all_need_no_reference() -> None:
    assert str(pt.parse_time("20 April 2025").earliest) == "2025-04-20"
    assert str(pt.parse_time("2025-03-23T06:30+02:00").latest) == "2025-03-23T06:30+02:00"


# --- zones ---------------------------------------------------------------------------------------


def test_a_time_of_day_needs_a_zone() -> None:
    with pytest.raises(pt.UnreadableTimeError, match="needs a zone"):
        parse("early Sunday morning", zone=None)
    when = parse("10:00 Kyiv time", zone=None)
    assert (str(when.earliest), when.zone) == ("2025-03-23T10:00+02:00", KYIV)


def test_a_zone_named_in_the_words_replaces_the_callers() -> None:
    assert parse("10:00 Moscow time", zone="America/New_York").zone == "Europe/Moscow"
    winter = parse("9 p.m. EST", "2025-01-15", zone=None)
    assert (str(winter.earliest), winter.zone) == ("2025-01-15T21-05:00", "America/New_York")
    # In summer EST is not New York's offset: the words' -05:00 is kept, in a fixed zone.
    summer = parse("9 p.m. EST", "2025-07-15", zone=None)
    assert (str(summer.earliest), summer.zone) == ("2025-07-15T21-05:00", "Etc/GMT+5")
    assert parse("9 p.m. ET", "2025-07-15", zone=None).earliest == pt.TimePoint.parse(
        "2025-07-15T21-04:00"
    )
    assert parse("9 pm UTC+3", zone=None).zone == "Etc/GMT-3"


def test_an_offset_other_than_the_zones_is_the_same_instant_on_the_zones_clocks() -> None:
    when = parse("2025-03-23T06:30+03:00")
    assert (str(when.earliest), str(when.latest), when.zone) == (
        "2025-03-23T05:30+02:00",
        "2025-03-23T05:30+02:00",
        KYIV,
    )
    assert when.words == "2025-03-23T06:30+03:00"
    assert when.bounds()[0] == datetime(2025, 3, 23, 3, 30, tzinfo=UTC)
    utc = parse("2025-10-26T00:30:15Z")  # Kyiv is still on summer time: +03:00
    assert str(utc.earliest) == "2025-10-26T03:30:15+03:00"
    assert parse("2025-03-23T06:30+03:00", zone=None).zone is None
    assert str(parse("2025-03-23T06:30+02:00").earliest) == "2025-03-23T06:30+02:00"


@pytest.mark.parametrize(
    ("words", "earliest", "latest"),
    [
        ("last December", "2024-12", "2024-12"),
        ("next December", "2025-12", "2025-12"),
        ("this December", "2025-12", "2025-12"),
        ("last March", "2024-03", "2024-03"),  # said in March: a year ago
        ("this March", "2025-03", "2025-03"),
        ("next spring", "2026-03", "2026-05"),
        ("last spring", "2024-03", "2024-05"),  # this spring is in progress
        ("this spring", "2025-03", "2025-05"),
        ("in the spring", "2025-03", "2025-05"),
        ("last winter", "2024-12", "2025-02"),
        ("this winter", "2025-12", "2026-02"),
        ("next fall", "2025-09", "2025-11"),
        ("last autumn", "2024-09", "2024-11"),
        ("the summer of 2024", "2024-06", "2024-08"),
        ("by next spring", None, "2026-05"),
    ],
)
def test_months_and_seasons_around_the_reference(
    words: str, earliest: str | None, latest: str
) -> None:
    when = parse(words, "2025-03-23")
    assert (when.earliest and str(when.earliest), str(when.latest)) == (earliest, latest)
    assert when.basis is pt.Basis.INFERRED
    assert when.approximate is ("spring" in words or "winter" in words or "fall" in words
                                or "autumn" in words or "summer" in words)  # fmt: skip


def test_last_and_next_month_depend_on_where_the_reference_is() -> None:
    assert str(parse("last December", "2025-12-10").earliest) == "2024-12"
    assert str(parse("next December", "2025-12-10").earliest) == "2026-12"
    assert str(parse("this December", "2025-12-10").earliest) == "2025-12"
    assert str(parse("last spring", "2025-07-01").earliest) == "2025-03"
    assert str(parse("this winter", "2025-01-15").earliest) == "2024-12"
    assert str(parse("last winter", "2025-01-15").earliest) == "2023-12"
    with pytest.raises(pt.UnreadableTimeError, match="spans two years"):
        parse("winter 2024")
    with pytest.raises(pt.UnreadableTimeError, match="reference"):
        parse("last December", None)


@pytest.mark.parametrize("words", ["from May 1", "starting May 1", "starting on May 1",
                                   "starting from May 1", "beginning May 1"])  # fmt: skip
def test_from_and_starting_are_a_start_bound(words: str) -> None:
    when = parse(words, "2025-03-23")
    assert (str(when.earliest), when.latest, when.relation) == (
        "2025-05-01",
        None,
        pt.TimeRelation.SINCE,
    )


def test_from_with_an_end_is_still_a_range() -> None:
    when = parse("from May 1 to May 5", "2025-03-23")
    assert (str(when.earliest), str(when.latest), when.relation) == (
        "2025-05-01",
        "2025-05-05",
        pt.TimeRelation.WITHIN,
    )
    with pytest.raises(pt.UnreadableTimeError):
        parse("from so far", "2025-03-23")


def test_a_skipped_clock_time_is_refused_and_a_repeated_one_is_a_window() -> None:
    with pytest.raises(pt.UnreadableTimeError, match="does not exist"):
        parse("3:30 am", "2025-03-30")
    twice = parse("1:30 am", "2025-11-02", zone="America/New_York")
    assert twice.earliest != twice.latest
    # From the first 01:30 (05:30Z) to the end of the second 01:30 minute (06:31Z).
    start, end = twice.bounds()
    assert (start, end) == (
        datetime(2025, 11, 2, 5, 30, tzinfo=UTC),
        datetime(2025, 11, 2, 6, 31, tzinfo=UTC),
    )


def test_unknown_city_names_are_refused() -> None:
    with pytest.raises(pt.UnreadableTimeError, match="atlantis"):
        parse("10:00 Atlantis time")


# --- weekdays and weeks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "tense", "expected"),
    [
        ("on Monday", "past", "2025-03-17"),
        ("on Monday", "future", "2025-03-24"),
        ("on Sunday", "past", "2025-03-23"),
        ("on Sunday", "future", "2025-03-23"),
        ("last Sunday", "future", "2025-03-16"),
        ("next Sunday", "past", "2025-03-30"),
        ("this coming Monday", "past", "2025-03-24"),
    ],
)
def test_weekdays_look_back_unless_the_words_or_the_tense_look_ahead(
    words: str, tense: str, expected: str
) -> None:
    assert str(parse(words, tense=tense).earliest) == expected


def test_weeks_can_start_on_monday() -> None:
    monday = {"week_starts": "monday"}
    last_week = parse("last week", **monday)
    assert (str(last_week.earliest), str(last_week.latest)) == ("2025-03-10", "2025-03-16")
    assert str(parse("this week", **monday).earliest) == "2025-03-17"
    assert str(parse("this Monday", **monday).earliest) == "2025-03-17"


def test_a_weekday_must_agree_with_the_date_it_names() -> None:
    with pytest.raises(pt.UnreadableTimeError, match="not a Thursday"):
        parse("Thursday, March 21")


# --- what cannot be read -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("since the start of the war", "no date"),
        ("after the talks", "no date"),
        ("03/04/2025", "ambiguous"),
        ("April 20, 25", "years in full"),
        ("2025-02-30", "calendar"),
        ("Feb 29", "calendar"),
        ("13 pm", "no 13 pm"),
        ("10:75", "no 10:75 on a clock"),
        ("April 20 EST", "not a date"),
        ("2023-2022", "no date"),
        ("within years", "no date"),
        ("between 10:00 Moscow time and 18:00", "different zones"),
        ("from 10:00 Kyiv time to 11:00 Moscow time", "different zones"),
    ],
)
def test_unreadable_words_raise_with_the_reason(words: str, reason: str) -> None:
    with pytest.raises(pt.UnreadableTimeError, match=reason) as caught:
        parse(words)
    assert caught.value.words == words
    assert isinstance(caught.value, ValueError)
    assert pickle.loads(pickle.dumps(caught.value)).reason == caught.value.reason


def test_unreadable_words_can_be_kept_without_dates() -> None:
    kept = parse("since the start of the war", on_unknown="keep")
    assert kept == pt.ReportedTime(
        words="since the start of the war", relation=pt.TimeRelation.SINCE, zone=KYIV
    )
    assert kept.precision is None
    assert parse("after the talks", on_unknown="keep").relation is pt.TimeRelation.AFTER


def test_blank_words_are_refused_even_when_keeping() -> None:
    with pytest.raises(pt.UnreadableTimeError):
        parse("  ", on_unknown="keep")


@pytest.mark.parametrize(
    ("arguments", "options"),
    [
        ((5, REFERENCE, KYIV), {}),
        (("today", "yesterday", KYIV), {}),
        (("today", datetime(2025, 3, 23, 12), KYIV), {}),
        (("today", 20250323, KYIV), {}),
        (("today", REFERENCE, "Mars/Olympus"), {}),
        (("today", REFERENCE, KYIV), {"on_unknown": "ignore"}),
        (("today", REFERENCE, KYIV), {"tense": "present"}),
        (("today", REFERENCE, KYIV), {"week_starts": "friday"}),
    ],
)
def test_bad_arguments_raise_validation_errors(
    arguments: tuple[object, ...], options: dict[str, object]
) -> None:
    with pytest.raises(pt.ValidationError):
        pt.parse_time(*arguments, **options)  # type: ignore[arg-type]


def test_the_reference_may_be_a_point_text_datetime_or_date() -> None:
    expected = parse("on Tuesday").earliest
    kyiv_noon = datetime(2025, 3, 23, 12, tzinfo=ZoneInfo(KYIV))
    assert parse("on Tuesday", pt.TimePoint.parse(REFERENCE)).earliest == expected
    assert parse("on Tuesday", date(2025, 3, 23)).earliest == expected
    from_zone = pt.parse_time("on Tuesday", kyiv_noon)
    assert (from_zone.earliest, from_zone.zone) == (expected, KYIV)
    assert str(from_zone.reference) == REFERENCE


def test_the_reference_date_is_read_as_written() -> None:
    # 01:00 in Kyiv is still Saturday in Washington; "yesterday" counts from the reference's date.
    late = pt.parse_time("yesterday", "2025-03-23T01:00+02:00", "America/New_York")
    assert str(late.earliest) == "2025-03-22"


# --- durations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "amount", "unit", "approximate"),
    [
        ("30-day", 30, "day", False),
        ("30 days", 30, "day", False),
        ("72 hours", 72, "hour", False),
        ("72-hour", 72, "hour", False),
        ("two-hour", 2, "hour", False),
        ("120 days", 120, "day", False),
        ("a week", 1, "week", False),
        ("a 30-day", 30, "day", False),
        ("seventy-two hours", 72, "hour", False),
        ("for 90 minutes", 90, "minute", False),
        ("six months", 6, "month", False),
        ("about two hours", 2, "hour", True),
        ("roughly a year", 1, "year", True),
    ],
)
def test_durations_read_their_amount_and_unit(
    words: str, amount: int, unit: str, approximate: bool
) -> None:
    duration = pt.parse_duration(words)
    assert (duration.kind, duration.amount, duration.unit, duration.approximate) == (
        pt.DurationKind.FIXED,
        amount,
        pt.TimeUnit(unit),
        approximate,
    )
    assert duration.words == words


@pytest.mark.parametrize(
    ("words", "kind"),
    [("indefinite", "indefinite"), ("Open-ended", "indefinite"), ("permanent", "permanent")],
)
def test_open_ended_durations(words: str, kind: str) -> None:
    assert pt.parse_duration(words) == pt.Duration(kind=pt.DurationKind(kind), words=words)


def test_unreadable_durations_raise_or_are_kept() -> None:
    for words in ("until the talks end", "1.5 hours", "30-day truce"):
        with pytest.raises(pt.UnreadableTimeError):
            pt.parse_duration(words)
    assert pt.parse_duration("until the talks end", on_unknown="keep") == pt.Duration(
        kind=pt.DurationKind.UNKNOWN, words="until the talks end"
    )
    with pytest.raises(pt.UnreadableTimeError):
        pt.parse_duration(" ", on_unknown="keep")
    with pytest.raises(pt.ValidationError):
        pt.parse_duration(30)  # type: ignore[arg-type]


# --- dateutil stays off the import and JSON paths ------------------------------------------------


def test_importing_and_loading_json_do_not_import_dateutil() -> None:
    code = (
        "import sys, peacetalks; peacetalks.load_example();"
        "peacetalks.parse_duration('30-day');"
        "assert not [m for m in sys.modules if m.startswith('dateutil')], 'dateutil imported';"
        "peacetalks.parse_time('March 2022');"
        "assert 'dateutil.parser' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
