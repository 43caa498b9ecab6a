"""Hostile JSON text: encodings, byte order marks, NUL, surrogates, repeats, huge numbers, paths."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import JSON_VALUES, fuzz, within
from peacetalks import _jsonscan
from peacetalks._jsontext import parse_json

BOM = b"\xef\xbb\xbf"
DOC = b'{"schema_version":1,"title":"T"}'


def malformed(text: str | bytes, cls: type = pt.Document) -> pt.Problem:
    with pytest.raises(pt.MalformedJSONError) as raised:
        pt.from_json(text, cls)
    return raised.value.problems[0]


# Byte order marks: skipped at the start of a document or a stream, refused anywhere else


def test_a_byte_order_mark_at_the_start_of_a_document_is_skipped() -> None:
    assert pt.from_json(BOM + DOC, pt.Document).title == "T"
    assert pt.from_json("\ufeff" + DOC.decode(), pt.Document).title == "T"


@pytest.mark.parametrize("text", [b" " + BOM + DOC, BOM + BOM + DOC, DOC[:-1] + b"," + BOM + b"}"])
def test_a_byte_order_mark_anywhere_else_is_refused(text: bytes) -> None:
    assert malformed(text).expected == "well-formed JSON"


def test_streams_skip_a_byte_order_mark_on_their_first_line_only() -> None:
    line = b'{"type":"venue","id":"v%d"}'
    stream = io.BytesIO(BOM + line % 1 + b"\n" + BOM + line % 2 + b"\n" + line % 3)
    reader = pt.read_jsonl(stream)
    assert [r.id for r in reader] == ["v1", "v3"]
    assert [b.line for b in reader.bad_lines] == [2]


# Encodings, NUL and surrogates


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (DOC.decode().encode("utf-16"), "a byte that is not UTF-8 at offset 0"),
        (b'{"schema_version":1,"title":"caf\xe9"}', "a byte that is not UTF-8 at offset 32"),
        (b'{"schema_version":1,"title":"\xed\xa0\x80"}', "a byte that is not UTF-8 at offset 29"),
        (BOM + b'{"title":"\xff"}', "a byte that is not UTF-8 at offset 13"),
    ],
)
def test_bytes_that_are_not_utf8_are_refused_with_their_offset_and_path(
    text: bytes, got: str
) -> None:
    problem = malformed(text)
    assert (problem.expected, problem.got) == ("UTF-8 text", got)
    assert problem.path in ("$", "$.title")


@pytest.mark.parametrize(
    "escape",
    ["\\ud800", "\\uDBFF", "\\udc00", "\\udc00\\ud800", "\\ud800\\ud800\\udc00", "a\\ud83d"],
)
def test_lone_surrogate_escapes_are_refused_since_utf8_cannot_hold_them(escape: str) -> None:
    problem = malformed('{"schema_version":1,"title":"' + escape + '"}')
    assert problem.path == "$.title"
    assert "lone surrogate" in problem.expected


def test_paired_surrogate_escapes_and_an_escaped_backslash_before_u_are_text() -> None:
    doc = pt.from_json('{"schema_version":1,"title":"\\ud83d\\udd4a \\\\ud800"}', pt.Document)
    assert doc.title == "\U0001f54a \\ud800"
    assert pt.from_json(pt.to_json_bytes(doc), pt.Document) == doc


def test_a_str_holding_a_lone_surrogate_is_refused() -> None:
    problem = malformed('{"schema_version":1,"records":[],"title":"a\ud800"}')
    assert (problem.path, problem.got) == ("$.title", "the lone surrogate '\\ud800'")


def test_nul_is_refused_raw_and_kept_escaped() -> None:
    problem = malformed(b'{"schema_version":1,"title":"a\x00b"}')
    assert problem.path == "$.title"
    assert problem.got == "Invalid control character at line 1 column 31"
    doc = pt.from_json(b'{"schema_version":1,"title":"a\\u0000b"}', pt.Document)
    assert doc.title == "a\x00b"
    assert pt.from_json(pt.to_json(doc), pt.Document) == doc


# Repeated keys, NaN, Infinity and huge numbers: every one, each with its path


def test_repeated_keys_are_each_reported_at_the_key_that_repeats() -> None:
    text = (
        '{"schema_version":1,"records":[{"type":"venue","id":"v"},'
        '{"type":"venue","id":"w","id":"x","name":"A","name":"B","id":"y"}],'
        '"title":"T","title":"T"}'
    )
    with pytest.raises(pt.MalformedJSONError) as raised:
        pt.from_json(text, pt.Document)
    assert [(p.path, p.got) for p in raised.value.problems] == [
        ("$.records[1].id", "'id' more than once"),
        ("$.records[1].name", "'name' more than once"),
        ("$.title", "'title' more than once"),
    ]


@pytest.mark.parametrize(
    ("number", "got"),
    [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity")],
)
def test_nan_and_infinity_are_not_json(number: str, got: str) -> None:
    text = '{"type":"statement","claims":[{"quantity":{"value":' + number + "}}]}"
    problem = malformed(text, pt.Statement)
    assert (problem.path, problem.got) == ("$.claims[0].quantity.value", got)


def test_an_integer_too_long_for_python_is_refused_at_its_path() -> None:
    problem = malformed('{"amount": ' + "9" * 5000 + ', "unit": "day"}', pt.Duration)
    assert problem.path == "$.amount"
    assert problem.expected == "a number of at most 4,300 digits"
    assert problem.got == "an integer of 5,000 digits"


def test_a_number_beyond_a_64_bit_float_is_refused_by_the_schema() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json('{"value": 1e400, "unit": "drones"}', pt.Quantity)
    assert raised.value.problems[0].path == "$.value"
    assert raised.value.problems[0].got == "number inf"


# Syntax errors name the path where the text broke


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"schema_version":1,"records":[{"type":"venue","id":}]}', "$.records[0].id"),
        ('{"schema_version":1,"records":[{"type":"venue"},{"id" "x"}]}', "$.records[1].id"),
        ('{"schema_version":1,"records":[1,2,', "$.records[2]"),
        ('{"schema_version":1,"title":"a]}[{"', "$.title"),
        ("", "$"),
        ("[1] [2]", "$"),
    ],
)
def test_syntax_errors_name_the_path_where_the_text_broke(text: str, path: str) -> None:
    problem = malformed(text)
    assert problem.path == path
    assert problem.expected == "well-formed JSON"
    assert " at line 1 column " in str(problem.got)


# The checks on raw bytes agree with the parsed values


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def longest_string(value: Any) -> int:
    if isinstance(value, dict):
        return max([0, *map(len, value), *map(longest_string, value.values())])
    if isinstance(value, list):
        return max(map(longest_string, value), default=0)
    return len(value) if isinstance(value, str) else 0


TRICKY_TEXT = st.text(alphabet='[]{}"\\:,ab \u00e9\U0001f54a', max_size=10)
NESTED = st.recursive(
    st.none() | st.integers() | TRICKY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY_TEXT, inner, max_size=3),
    max_leaves=30,
)


@fuzz
@given(NESTED, st.integers(min_value=1, max_value=12), st.booleans(), st.booleans())
def test_the_depth_check_agrees_with_the_parsed_depth(
    value: Any, limit: int, ascii_only: bool, indent: bool
) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only, indent=1 if indent else None).encode()
    escaped = _jsonscan.without_escapes(data)
    assert _jsonscan.too_deep(escaped, limit) == (depth(value) > limit)
    walker = _jsonscan.Walker(data)
    assert (walker.first_too_deep(limit) is not None) == (depth(value) > limit)


@fuzz
@given(NESTED, st.integers(min_value=0, max_value=12), st.booleans())
def test_the_string_check_agrees_with_the_longest_parsed_string(
    value: Any, limit: int, ascii_only: bool
) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only).encode()
    limits = pt.Limits(max_string_length=max(limit, 1), max_depth=pt.DEPTH_CEILING)
    if longest_string(value) > limits.max_string_length:
        with pytest.raises(pt.LimitExceededError):
            parse_json(data, limits)
    else:
        assert parse_json(data, limits) == value


@fuzz
@given(JSON_VALUES)
def test_what_json_writes_peacetalks_reads_back(value: Any) -> None:
    with within(10):
        assert parse_json(json.dumps(value)) == value
        assert parse_json(json.dumps(value, ensure_ascii=False).encode()) == value
