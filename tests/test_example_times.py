"""The bundled example's times agree with the parser: re-reading its words gives its values.

Every reported time and duration in the example that keeps the source's words is
read again against its own stored reference and zone; the result must be the stored
value, exactly.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import peacetalks as pt

# Words that are a whole clause rather than a time phrase; recorded by hand.
BEYOND_THE_PARSER = {
    "collapsed when Russia withdrew",
    "after a call with Russian President Vladimir Putin on Tuesday",
}
# Values the rest of the article narrows beyond what their own words say, by path:
# the separate calls happened "last week", and the article gives their days
# (Tuesday and Wednesday). The stored window must lie inside the words' window.
NARROWED_BY_THE_ARTICLE = {"$.records[93].when"}


Worded = pt.ReportedTime | pt.Duration


def _values(value: object, path: str) -> Iterator[tuple[str, Worded]]:
    if isinstance(value, pt.ReportedTime | pt.Duration):
        if value.words is not None:
            yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _values(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _values(getattr(value, field.name), f"{path}.{field.name}")


WITH_WORDS = list(_values(pt.load_example(), "$"))
READABLE = [(path, value) for path, value in WITH_WORDS if value.words not in BEYOND_THE_PARSER]


@pytest.mark.parametrize(("path", "stored"), READABLE, ids=[path for path, _ in READABLE])
def test_rereading_the_words_gives_the_stored_value(path: str, stored: Worded) -> None:
    if isinstance(stored, pt.Duration):
        assert pt.parse_duration(stored.words or "") == stored
        return
    read = pt.parse_time(stored.words or "", stored.reference, stored.zone)
    if path in NARROWED_BY_THE_ARTICLE:
        assert stored.earliest is not None
        assert stored.latest is not None
        assert read.contains(stored.earliest) is pt.Answer.YES
        assert read.contains(stored.latest) is pt.Answer.YES
        assert stored != read
    else:
        assert read == stored


def test_the_example_has_many_phrases_and_only_known_clauses_are_left_out() -> None:
    assert len(READABLE) >= 25
    assert any(isinstance(value, pt.Duration) for _, value in READABLE)
    left_out = {value.words for _, value in WITH_WORDS} - {value.words for _, value in READABLE}
    assert left_out == BEYOND_THE_PARSER
    for words in BEYOND_THE_PARSER:
        with pytest.raises(pt.UnreadableTimeError):
            pt.parse_time(words, "2025-03-23")
