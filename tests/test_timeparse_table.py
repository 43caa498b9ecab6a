"""parse_time against a table of news phrases: fixed references, four zones, three DST changes.

Each row: the words, the reference, the zone, and the expected earliest and latest
points (ISO prefixes; "" for an open end) and relation. The expectations follow the
rules in docs/time.md: weeks run Sunday to Saturday, a bare weekday is the last one on
or before the reference, "early March" is the 1st to the 10th, and so on.
"""

from __future__ import annotations

import pytest

import peacetalks as pt

# Sunday 23 March 2025, the seed article's publication day, at noon in each city.
WASHINGTON = ("2025-03-23T12:00:00-04:00", "America/New_York")
KYIV = ("2025-03-23T12:00:00+02:00", "Europe/Kyiv")
MOSCOW = ("2025-03-23T12:00:00+03:00", "Europe/Moscow")
# Sunday 9 March 2025: US clocks went forward at 02:00 (-05:00 to -04:00).
US_SPRING = ("2025-03-09T12:00:00-04:00", "America/New_York")
# Sunday 30 March 2025: EU and Kyiv clocks went forward at 03:00 (+02:00 to +03:00).
KYIV_SPRING = ("2025-03-30T12:00:00+03:00", "Europe/Kyiv")
# Sunday 2 November 2025: US clocks went back at 02:00 (-04:00 to -05:00); 01:xx happens twice.
US_AUTUMN = ("2025-11-02T12:00:00-05:00", "America/New_York")

ROWS = [
    # Washington
    ("on Tuesday", WASHINGTON, "2025-03-18", "2025-03-18"),
    ("Friday", WASHINGTON, "2025-03-21", "2025-03-21"),
    ("on Sunday", WASHINGTON, "2025-03-23", "2025-03-23"),
    ("last Sunday", WASHINGTON, "2025-03-16", "2025-03-16"),
    ("next Monday", WASHINGTON, "2025-03-24", "2025-03-24"),
    ("this Monday", WASHINGTON, "2025-03-24", "2025-03-24"),
    ("Friday, March 21", WASHINGTON, "2025-03-21", "2025-03-21"),
    ("late Friday", WASHINGTON, "2025-03-21T18-04:00", "2025-03-21T23-04:00"),
    ("Friday night", WASHINGTON, "2025-03-21T18-04:00", "2025-03-22T05-04:00"),
    ("yesterday", WASHINGTON, "2025-03-22", "2025-03-22"),
    ("today", WASHINGTON, "2025-03-23", "2025-03-23"),
    ("tomorrow", WASHINGTON, "2025-03-24", "2025-03-24"),
    ("the day before yesterday", WASHINGTON, "2025-03-21", "2025-03-21"),
    ("last week", WASHINGTON, "2025-03-16", "2025-03-22"),
    ("this week", WASHINGTON, "2025-03-23", "2025-03-29"),
    ("next week", WASHINGTON, "2025-03-30", "2025-04-05"),
    ("this month", WASHINGTON, "2025-03", "2025-03"),
    ("last month", WASHINGTON, "2025-02", "2025-02"),
    ("next year", WASHINGTON, "2026", "2026"),
    ("earlier this month", WASHINGTON, "2025-03-01", "2025-03-23"),
    ("later this week", WASHINGTON, "2025-03-23", "2025-03-29"),
    ("in the coming days", WASHINGTON, "2025-03-23", "2025-03-30"),
    ("within weeks", WASHINGTON, "2025-03-23", "2025-05-18"),
    ("within 30 days", WASHINGTON, "2025-03-23", "2025-04-22"),
    ("the next two weeks", WASHINGTON, "2025-03-23", "2025-04-06"),
    ("by April 20", WASHINGTON, "", "2025-04-20", "by"),
    ("mid-April", WASHINGTON, "2025-04-11", "2025-04-20"),
    ("early March", WASHINGTON, "2025-03-01", "2025-03-10"),
    ("late February", WASHINGTON, "2025-02-21", "2025-02-28"),
    ("late 2024", WASHINGTON, "2024-09", "2024-12"),
    ("the past day", WASHINGTON, "2025-03-22", "2025-03-23"),
    ("in the last eight weeks", WASHINGTON, "2025-01-26", "2025-03-23"),
    ("10:00 Kyiv time", WASHINGTON, "2025-03-23T10:00+02:00", "2025-03-23T10:00+02:00"),
    ("2025-03-18", WASHINGTON, "2025-03-18", "2025-03-18"),
    ("2025-03-18T10:00", WASHINGTON, "2025-03-18T10:00-04:00", "2025-03-18T10:00-04:00"),
    ("March 2022", WASHINGTON, "2022-03", "2022-03"),
    ("2025", WASHINGTON, "2025", "2025"),
    ("2022-2023", WASHINGTON, "2022", "2023"),
    ("April 20", WASHINGTON, "2025-04-20", "2025-04-20"),
    ("20 April 2025", WASHINGTON, "2025-04-20", "2025-04-20"),
    ("April 20, 2025", WASHINGTON, "2025-04-20", "2025-04-20"),
    ("so far", WASHINGTON, "", "2025-03-23T12:00:00-04:00", "by"),
    ("two weeks ago", WASHINGTON, "2025-03-09", "2025-03-15"),
    ("three days ago", WASHINGTON, "2025-03-20", "2025-03-20"),
    ("a month ago", WASHINGTON, "2025-02", "2025-02"),
    ("since March 2022", WASHINGTON, "2022-03", "", "since"),
    ("before April 20", WASHINGTON, "", "2025-04-20", "before"),
    ("after Tuesday", WASHINGTON, "2025-03-18", "", "after"),
    ("until next week", WASHINGTON, "", "2025-04-05", "until"),
    ("this weekend", WASHINGTON, "2025-03-22", "2025-03-23"),
    ("last weekend", WASHINGTON, "2025-03-15", "2025-03-16"),
    ("the end of the month", WASHINGTON, "2025-03-21", "2025-03-31"),
    ("by the end of the year", WASHINGTON, "", "2025-12", "by"),
    ("the first half of 2024", WASHINGTON, "2024-01", "2024-06"),
    ("between March 1 and April 20", WASHINGTON, "2025-03-01", "2025-04-20"),
    ("March to May 2022", WASHINGTON, "2022-03", "2022-05"),
    ("late last year", WASHINGTON, "2024-09", "2024-12"),
    ("Friday at 9 pm", WASHINGTON, "2025-03-21T21-04:00", "2025-03-21T21-04:00"),
    ("at noon on Tuesday", WASHINGTON, "2025-03-18T12:00-04:00", "2025-03-18T12:00-04:00"),
    ("the past 24 hours", WASHINGTON, "2025-03-22T12-04:00", "2025-03-23T12-04:00"),
    ("in two weeks", WASHINGTON, "2025-04-06", "2025-04-12"),
    ("around March 18", WASHINGTON, "2025-03-18", "2025-03-18"),
    # Kyiv
    ("early Sunday morning", KYIV, "2025-03-23T00+02:00", "2025-03-23T08+02:00"),
    ("on Tuesday", KYIV, "2025-03-18", "2025-03-18"),
    ("last night", KYIV, "2025-03-22T18+02:00", "2025-03-23T05+02:00"),
    ("this morning", KYIV, "2025-03-23T05+02:00", "2025-03-23T11+02:00"),
    ("tonight", KYIV, "2025-03-23T18+02:00", "2025-03-24T05+02:00"),
    ("10:00 Kyiv time", KYIV, "2025-03-23T10:00+02:00", "2025-03-23T10:00+02:00"),
    ("9 p.m. EST", KYIV, "2025-03-23T21-05:00", "2025-03-23T21-05:00"),
    ("in the past day", KYIV, "2025-03-22", "2025-03-23"),
    ("Sunday afternoon", KYIV, "2025-03-23T12+02:00", "2025-03-23T17+02:00"),
    ("2025-03-23T06:30+02:00", KYIV, "2025-03-23T06:30+02:00", "2025-03-23T06:30+02:00"),
    ("the past 3 hours", KYIV, "2025-03-23T09+02:00", "2025-03-23T12+02:00"),
    ("two hours ago", KYIV, "2025-03-23T10+02:00", "2025-03-23T10+02:00"),
    ("by Monday", KYIV, "", "2025-03-24", "by"),
    ("the coming week", KYIV, "2025-03-23", "2025-03-30"),
    ("mid-2024", KYIV, "2024-05", "2024-08"),
    ("in March", KYIV, "2025-03", "2025-03"),
    ("since the start of the war", KYIV, "", "", "since"),
    # Moscow
    ("In the past day alone", MOSCOW, "2025-03-22", "2025-03-23"),
    ("on Saturday", MOSCOW, "2025-03-22", "2025-03-22"),
    ("late Saturday evening", MOSCOW, "2025-03-22T21+03:00", "2025-03-22T23+03:00"),
    ("10:00 Moscow time", MOSCOW, "2025-03-23T10:00+03:00", "2025-03-23T10:00+03:00"),
    ("noon MSK", MOSCOW, "2025-03-23T12:00+03:00", "2025-03-23T12:00+03:00"),
    ("Friday at 22:30", MOSCOW, "2025-03-21T22:30+03:00", "2025-03-21T22:30+03:00"),
    ("earlier this year", MOSCOW, "2025-01-01", "2025-03-23"),
    ("next month", MOSCOW, "2025-04", "2025-04"),
    ("the past week", MOSCOW, "2025-03-16", "2025-03-23"),
    ("a year ago", MOSCOW, "2024", "2024"),
    ("in 2022-2023", MOSCOW, "2022", "2023"),
    ("9 pm UTC", MOSCOW, "2025-03-23T21Z", "2025-03-23T21Z"),
    # The US spring-forward day: the night runs from -05:00 into -04:00.
    ("early Sunday morning", US_SPRING, "2025-03-09T00-05:00", "2025-03-09T08-04:00"),
    ("last night", US_SPRING, "2025-03-08T18-05:00", "2025-03-09T05-04:00"),
    ("the past 24 hours", US_SPRING, "2025-03-08T11-05:00", "2025-03-09T12-04:00"),
    ("1:30 am", US_SPRING, "2025-03-09T01:30-05:00", "2025-03-09T01:30-05:00"),
    ("3:30 am", US_SPRING, "2025-03-09T03:30-04:00", "2025-03-09T03:30-04:00"),
    # Kyiv's spring-forward day.
    ("early Sunday morning", KYIV_SPRING, "2025-03-30T00+02:00", "2025-03-30T08+03:00"),
    ("the past 24 hours", KYIV_SPRING, "2025-03-29T11+02:00", "2025-03-30T12+03:00"),
    ("last night", KYIV_SPRING, "2025-03-29T18+02:00", "2025-03-30T05+03:00"),
    ("yesterday evening", KYIV_SPRING, "2025-03-29T18+02:00", "2025-03-29T23+02:00"),
    ("10:00 Kyiv time", KYIV_SPRING, "2025-03-30T10:00+03:00", "2025-03-30T10:00+03:00"),
    # The US fall-back day: 01:30 happened twice, so it is a window of two instants.
    ("1:30 am", US_AUTUMN, "2025-11-02T01:30-04:00", "2025-11-02T01:30-05:00"),
    ("early Sunday morning", US_AUTUMN, "2025-11-02T00-04:00", "2025-11-02T08-05:00"),
    ("the past 24 hours", US_AUTUMN, "2025-11-01T13-04:00", "2025-11-02T12-05:00"),
]


def _show(point: pt.TimePoint | None) -> str:
    return "" if point is None else str(point)


@pytest.mark.parametrize(
    ("words", "context", "earliest", "latest", "relation"),
    [
        pytest.param(words, context, first, last, rest[0] if rest else "within", id=words)
        for words, context, first, last, *rest in ROWS
    ],
)
def test_phrase_resolves_to_the_expected_window(
    words: str, context: tuple[str, str], earliest: str, latest: str, relation: str
) -> None:
    reference, zone = context
    when = pt.parse_time(words, reference, zone, on_unknown="keep")
    assert (_show(when.earliest), _show(when.latest), when.relation.value) == (
        earliest,
        latest,
        relation,
    )
    assert when.words == words


def test_the_table_is_large_and_covers_every_zone_and_dst_change() -> None:
    assert len(ROWS) >= 80
    zones = {context[1] for _, context, *_ in ROWS}
    assert {"America/New_York", "Europe/Kyiv", "Europe/Moscow"} <= zones
    assert {US_SPRING, KYIV_SPRING, US_AUTUMN} <= {context for _, context, *_ in ROWS}
