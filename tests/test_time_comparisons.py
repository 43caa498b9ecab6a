"""Comparisons that respect precision: before, after, overlaps, contains give yes, no or maybe.

The values come from parse_time, so each row reads as the news would say it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import peacetalks as pt

SUNDAY = "2025-03-23"
YES, NO, MAYBE = pt.Answer.YES, pt.Answer.NO, pt.Answer.MAYBE


def in_washington(words: str) -> pt.ReportedTime:
    return pt.parse_time(words, SUNDAY, "America/New_York")


def in_kyiv(words: str) -> pt.ReportedTime:
    return pt.parse_time(words, SUNDAY, "Europe/Kyiv")


def anywhere(words: str) -> pt.ReportedTime:
    return pt.parse_time(words, SUNDAY)


@pytest.mark.parametrize(
    ("first", "question", "second", "answer"),
    [
        # Same zone, whole days.
        (in_kyiv("on Tuesday"), "is_before", in_kyiv("on Friday"), YES),
        (in_kyiv("on Friday"), "is_before", in_kyiv("on Tuesday"), NO),
        (in_kyiv("on Friday"), "is_after", in_kyiv("on Tuesday"), YES),
        (in_kyiv("on Tuesday"), "is_after", in_kyiv("on Tuesday"), MAYBE),
        # Precision: a month is neither before nor after a day inside it.
        (in_kyiv("this month"), "is_before", in_kyiv("on Tuesday"), MAYBE),
        (in_kyiv("this month"), "is_after", in_kyiv("on Tuesday"), MAYBE),
        (in_kyiv("this month"), "overlaps", in_kyiv("on Tuesday"), YES),
        (in_kyiv("this month"), "overlaps", in_kyiv("mid-April"), NO),
        (in_kyiv("early March"), "is_before", in_kyiv("mid-April"), YES),
        (in_kyiv("last week"), "overlaps", in_kyiv("this week"), NO),
        (in_kyiv("last week"), "is_before", in_kyiv("in the coming days"), YES),
        (anywhere("March 2022"), "is_before", anywhere("2022-2023"), MAYBE),
        (anywhere("March 2022"), "overlaps", anywhere("2022-2023"), YES),
        (anywhere("late 2024"), "is_before", anywhere("this month"), YES),
        # Open bounds: "by April 20" may have happened any time up to April 20.
        (in_kyiv("by April 20"), "is_before", in_kyiv("April 21"), YES),
        (in_kyiv("by April 20"), "is_before", in_kyiv("on Tuesday"), MAYBE),
        (in_kyiv("by April 20"), "is_after", in_kyiv("on Tuesday"), MAYBE),
        (in_kyiv("by April 20"), "overlaps", in_kyiv("mid-April"), MAYBE),
        (in_kyiv("by April 20"), "overlaps", in_kyiv("late April"), NO),
        (in_kyiv("before April 20"), "overlaps", in_kyiv("April 20"), NO),
        (in_kyiv("after Tuesday"), "is_after", in_kyiv("on Tuesday"), YES),
        (in_kyiv("after Tuesday"), "overlaps", in_kyiv("on Tuesday"), NO),
        (anywhere("since March 2022"), "is_after", anywhere("2021"), YES),
        (anywhere("since March 2022"), "overlaps", anywhere("this year"), MAYBE),
        # Zones: "late Friday" in Washington runs into Saturday in Kyiv.
        (in_washington("late Friday"), "overlaps", in_kyiv("on Saturday"), YES),
        (in_washington("late Friday"), "is_before", in_kyiv("on Saturday"), MAYBE),
        (in_washington("on Friday"), "is_before", in_kyiv("on Saturday"), MAYBE),
        (in_kyiv("on Friday"), "is_before", in_kyiv("on Saturday"), YES),
        (in_washington("Friday at 11 pm"), "is_before", in_kyiv("on Saturday"), MAYBE),
        (in_washington("Friday at 11 pm"), "is_before", in_kyiv("on Sunday"), YES),
        (in_washington("Friday at 11 pm"), "is_after", in_kyiv("on Friday"), YES),
        (in_kyiv("early Sunday morning"), "is_before", in_washington("on Sunday"), MAYBE),
        (in_kyiv("early Sunday morning"), "is_before", in_kyiv("10:00 Kyiv time"), YES),
        # Unresolved words can never be compared with confidence.
        (
            pt.parse_time("since the start of the war", on_unknown="keep"),
            "is_before",
            in_kyiv("on Tuesday"),
            MAYBE,
        ),
    ],
)
def test_comparisons_of_reported_times(
    first: pt.ReportedTime, question: str, second: pt.ReportedTime, answer: pt.Answer
) -> None:
    assert getattr(first, question)(second) is answer


@pytest.mark.parametrize(
    ("when", "moment", "answer"),
    [
        (in_kyiv("last week"), date(2025, 3, 18), YES),
        # A date with no zone is read in the zone of what it is compared with: Kyiv's 16th.
        (in_kyiv("last week"), date(2025, 3, 16), YES),
        (in_kyiv("last week"), pt.TimePoint.parse("2025-03-16"), YES),
        (in_kyiv("last week"), date(2025, 3, 15), NO),
        (in_kyiv("last week"), pt.TimePoint.parse("2025-03-18T10:00+02:00"), YES),
        (in_kyiv("last week"), pt.TimePoint.parse("2025-03-23T10:00+02:00"), NO),
        (anywhere("March 2022"), date(2022, 3, 18), YES),
        (anywhere("March 2022"), pt.TimePoint.parse("2022"), MAYBE),
        (anywhere("March 2022"), date(2022, 4, 18), NO),
        (in_kyiv("on Saturday"), in_washington("Friday at 11 pm").earliest, YES),
        (in_kyiv("on Friday"), in_washington("Friday at 11 pm").earliest, NO),
        (in_kyiv("by April 20"), datetime(2025, 1, 1, tzinfo=UTC), MAYBE),
        (in_kyiv("by April 20"), datetime(2025, 5, 1, tzinfo=UTC), NO),
        (in_kyiv("early Sunday morning"), datetime(2025, 3, 23, 4, tzinfo=UTC), YES),
        (in_kyiv("early Sunday morning"), datetime(2025, 3, 23, 7, tzinfo=UTC), NO),
        (in_kyiv("1:30 am"), datetime(2025, 3, 22, 23, 30, tzinfo=UTC), YES),
        # On the US fall-back night 01:30 happens twice: each instant is inside, the hour
        # between them is not.
        (
            pt.parse_time("1:30 am", "2025-11-02", "America/New_York"),
            datetime(2025, 11, 2, 6, 0, tzinfo=UTC),
            YES,
        ),
    ],
)
def test_contains(
    when: pt.ReportedTime, moment: pt.TimePoint | datetime | date, answer: pt.Answer
) -> None:
    assert when.contains(moment) is answer
