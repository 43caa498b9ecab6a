"""Untrusted input in bounded time and memory: one regression test per way it once was not.

The timing tests here compare growth, never absolute time: a check that reads 10 times
the input may take about 10 times as long (with generous slack for a busy machine),
not 100 times.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.fuzzing import within

import peacetalks as pt
from peacetalks import _jsonscan, _rules

# Patterns: linear growth, bounded length -------------------------------------------

_SCHEMA = json.loads((Path(pt.__file__).parent / "data" / "schema.json").read_text("utf-8"))


def _schema_patterns(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "pattern" and isinstance(item, str):
                yield item
            else:
                yield from _schema_patterns(item)
    elif isinstance(value, list):
        for item in value:
            yield from _schema_patterns(item)


#: Every pattern the JSON Schema holds (every rule's, the time points', the schemes'),
#: and the rules' own patterns.
PATTERNS = sorted(
    set(_schema_patterns(_SCHEMA))
    | {getattr(_rules, name) for name in dir(_rules) if name.endswith("_PATTERN")}
)
_PREFIXES = ("", "http://", "https://a", "Q1", "2025-", "en-", "Europe/", "a")
_FILLERS = ("a", "0", "a-", "a/", "/a", ".", "-", " ", "a:", "aA0._:-", "\\")
_SUFFIXES = ("", "!", " ", "\n", "/ ", "\x00")


def _best_time(call: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def _adversarial(length: int) -> Iterator[str]:
    for prefix in _PREFIXES:
        for filler in _FILLERS:
            for suffix in _SUFFIXES:
                yield prefix + filler * (length // len(filler)) + suffix


def _growth(match: Callable[[str], object], make: Callable[[int], str]) -> float:
    """How much longer ``match`` takes on 10^5 characters than on 10^4."""
    short, long = make(10_000), make(100_000)
    return _best_time(lambda: match(long)) / max(_best_time(lambda: match(short)), 1e-6)


def _worst_shape(match: Callable[[str], object]) -> Callable[[int], str]:
    """The adversarial shape ``match`` takes longest on, at 2,000 characters."""
    shapes = [
        (prefix, filler, suffix)
        for prefix in _PREFIXES
        for filler in _FILLERS
        for suffix in _SUFFIXES
    ]
    prefix, filler, suffix = max(
        shapes,
        key=lambda s: _best_time(lambda: match(s[0] + s[1] * (2000 // len(s[1])) + s[2]), 1),
    )
    return lambda n: prefix + filler * (n // len(filler)) + suffix


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_pattern_runs_in_linear_time(pattern: str) -> None:
    """Matched whole (as the rules do) and searched (as JSON Schema validators do)."""
    compiled = re.compile(pattern)
    for match in (compiled.fullmatch, compiled.search):
        growth = _growth(match, _worst_shape(match))
        assert growth < 40, f"{pattern!r} {match.__name__}: 10x the input took {growth:.0f}x"


RULES = [value for value in vars(_rules).values() if isinstance(value, _rules.Rule)]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_rule_checks_a_bounded_length_or_runs_in_linear_time(rule: _rules.Rule) -> None:
    for test in (rule.test, rule.text_test):
        if test is None:
            continue
        growth = _growth(test, _worst_shape(test))
        assert growth < 40, f"{rule.name}: 10x the input took {growth:.0f}x"


def test_a_long_url_that_does_not_match_is_refused_at_once() -> None:
    url = "http://" + "a" * 1_000_000 + " "
    with within(5):
        assert not _rules.URL.test(url)
        assert not _rules.URL.text_test(url)  # type: ignore[misc]
        with pytest.raises(pt.ValidationError, match="at most 8,192 characters"):
            pt.Citation(url=url[:-1])
        assert not _rules.URL.test(url[: _rules.URL_MAX - 1] + " ")
    assert _rules.URL.test("https://example.org/" + "a" * (_rules.URL_MAX - 20))
    assert not _rules.URL.test("https://example.org/" + "a" * (_rules.URL_MAX - 19))
    assert _URL_SCHEMA["maxLength"] == _rules.URL_MAX


_URL_SCHEMA = _rules.URL.schema


def test_the_url_pattern_accepts_what_it_accepted_before() -> None:
    old = re.compile(rf"^https?://[^{_rules.WHITESPACE}/?#]+[^{_rules.WHITESPACE}]*$")
    for url in (
        "http://a",
        "https://example.org/path?q=1#f",
        "https://a?b",
        "https://a#",
        "https://a/b c",
        "https:///a",
        "http://a b",
        "https://user@host:8080/x/y//z?a=b&c=d",
        "https://",
        "ftp://a",
    ):
        assert bool(_rules.URL.test(url)) == (old.fullmatch(url) is not None), url


def _walk(data: bytes) -> None:
    _jsonscan.Walker(data).advance(len(data) + 1)


def test_the_json_scanner_patterns_run_in_linear_time() -> None:
    for data in (b'"' + b"\\n" * 50_000, b'"' + b"a\\" * 50_000, b"\\ud800" * 20_000):
        short = data[: len(data) // 10]
        growth = _best_time(lambda d=data: _walk(d)) / max(
            _best_time(lambda s=short: _walk(s)), 1e-6
        )
        assert growth < 40


# parse_time and parse_duration read bounded words ------------------------------------


def test_parse_time_refuses_words_longer_than_it_reads() -> None:
    with within(5), pytest.raises(pt.UnreadableTimeError, match="longer than 300") as raised:
        pt.parse_time("march " + "1" * 1_000_000, "2025-03-23T12:00:00Z", "UTC")
    assert len(str(raised.value)) < 300  # the message shows the start of the words only
    kept = pt.parse_time("march " + "1" * 1_000_000, on_unknown="keep")
    assert kept.earliest is None
    assert len(kept.words) == 1_000_006
    longest = "on " + " " * (pt.timeparse.MAX_TIME_WORDS - 13) + "march 2025"
    assert str(pt.parse_time(longest).earliest) == "2025-03"


def test_parse_duration_refuses_words_longer_than_it_reads() -> None:
    with within(5), pytest.raises(pt.UnreadableTimeError, match="longer than 300"):
        pt.parse_duration("1" * 1_000_000 + " days")
    kept = pt.parse_duration("a" * 1_000_000, on_unknown="keep")
    assert kept.kind is pt.DurationKind.UNKNOWN
