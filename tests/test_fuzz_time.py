"""Fuzzing the readers of words about time: any words give a reported time or a peacetalks error.

Words are random text, or random strings of the grammar's own vocabulary, which
reach deeper into the rules; references and zones are valid, broken or of the
wrong type. A result must be valid and survive a JSON round trip.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import AWKWARD_STRINGS, fuzz, outcome, tried
from peacetalks.testing import ZONES, time_points

VOCABULARY = tuple(
    " ".join(
        [
            "by on in at since after before until from to through between and or the a an of",
            "this last next past previous coming within ago now today yesterday tomorrow",
            "tonight early mid mid- late end start beginning middle first second half quarter",
            "week weekend month year day days hours hour minutes weeks months years morning",
            "afternoon evening night noon midnight am pm a.m. p.m. Monday Friday Sunday March",
            "April December Kyiv Moscow Washington local time EST MSK UTC GMT +02:00 - , . 1",
            "2 12 20 30 31 72 2022 2025 1999 9999 10000 0 00 -1 one two thirty hundred so far",
            "to date indefinite permanent long 30-day two-hour 2025-03-23 2025-03-23T06:30Z",
            "03/23",
        ]
    ).split()
)
WORDS = (
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)
    | st.text(max_size=40)
    | st.sampled_from(AWKWARD_STRINGS)
)
REFERENCES = st.one_of(
    st.none(),
    time_points(),
    time_points().map(str),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.sampled_from(["", "2025", "2025-13-01", "yesterday", "9" * 50, "2025-03-23T10:00"]),
    st.sampled_from([5, 2.5, [], {}, b"2025", datetime(2025, 3, 23)]),  # naive and wrong types
)
ZONE_NAMES = st.one_of(
    st.none(),
    st.sampled_from(ZONES),
    st.sampled_from(["", " ", "Mars/Olympus", "../../etc/passwd", "Europe/Kyiv\x00", "UTC"]),
    st.sampled_from([5, [], {}]),
)


def checked(result: object) -> None:
    if isinstance(result, pt.ReportedTime | pt.Duration):
        tried("to_json")
        assert pt.from_json(pt.to_json(result), type(result)) == result


@fuzz
@given(
    WORDS,
    REFERENCES,
    ZONE_NAMES,
    st.sampled_from(["past", "future"]),
    st.sampled_from(["sunday", "monday"]),
    st.sampled_from(["error", "keep"]),
)
def test_parse_time_reads_any_words(
    words: str, reference: Any, zone: Any, tense: Any, week_starts: Any, on_unknown: Any
) -> None:
    checked(
        outcome(
            "parse_time",
            lambda: pt.parse_time(
                words, reference, zone, tense=tense, week_starts=week_starts, on_unknown=on_unknown
            ),
        )
    )


@fuzz
@given(WORDS, st.sampled_from(["error", "keep"]))
def test_parse_duration_reads_any_words(words: str, on_unknown: Any) -> None:
    checked(outcome("parse_duration", lambda: pt.parse_duration(words, on_unknown=on_unknown)))


@fuzz
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=5), st.integers(1000, 20000))
def test_long_words_are_read_in_bounded_time(words: list[str], repeat: int) -> None:
    text = " ".join(words * (repeat // len(words)))
    reference = date(2025, 3, 23)
    outcome("parse_time", lambda: pt.parse_time(text, reference, "Europe/Kyiv"), seconds=10)
    outcome("parse_duration", lambda: pt.parse_duration(text), seconds=10)


@fuzz
@given(st.one_of(st.text(max_size=40), st.sampled_from(AWKWARD_STRINGS), time_points().map(str)))
def test_time_points_parse_any_text(text: str) -> None:
    checked(outcome("TimePoint.parse", lambda: pt.ReportedTime.on(pt.TimePoint.parse(text))))
