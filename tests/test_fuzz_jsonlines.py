"""Fuzzing JSON Lines: nothing lost, every bad line counted with its number and reason.

A stream of 100,000 records with 1% of its lines corrupted in every way known
keeps every good record and reports every bad line; random streams never end in
anything but records, bad lines, or a header this library cannot read.
"""

from __future__ import annotations

import io
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import JSON_VALUES, dumps, fuzz, outcome, tried, within

EXAMPLE = [pt.to_json_bytes(record) for record in pt.load_example().records]
LIMITS = pt.Limits(max_line_bytes=8192, max_depth=16, max_string_length=1000)


def good_line(number: int) -> bytes:
    """Mostly small records of every kind, and now and then a full one from the example."""
    if number % 97 == 0:
        return EXAMPLE[number % len(EXAMPLE)].replace(b'"id":"', b'"id":"n%d-' % number, 1)
    kind = number % 3
    if kind == 0:
        return b'{"type":"actor","id":"n%d","category":"person","name":"Person %d"}' % (
            number,
            number,
        )
    if kind == 1:
        return b'{"type":"venue","id":"n%d","formats":["phone_call"]}' % number
    return (
        b'{"type":"statement","id":"n%d","speaker":"a","quotation":"direct","text":"Yes.",'
        b'"said":{"earliest":"2025-03-18","latest":"2025-03-18"}}' % number
    )


# Each way a line can be broken, and what its first problem says.
CORRUPTIONS: dict[str, tuple[bytes, str]] = {
    "cut off": (b'{"type":"actor","id":"x","categ', "well-formed JSON"),
    "not JSON": (b"<html>", "well-formed JSON"),
    "not UTF-8": (b'{"type":"actor","id":"x","name":"\xc0\xaf"}', "UTF-8 text"),
    "repeated key": (b'{"type":"venue","id":"x","id":"y"}', "each key at most once in an object"),
    "NaN": (b'{"type":"venue","id":"x","coordinates":NaN}', "a JSON value (NaN and Infinity are not JSON)"),
    "lone surrogate": (b'{"type":"venue","id":"\\ud800"}', "text that UTF-8 can hold"),
    "NUL": (b'{"type":"venue","id":"a\x00"}', "well-formed JSON"),
    "byte order mark": (b"\xef\xbb\xbf" + b'{"type":"venue","id":"x"}', "well-formed JSON"),
    "huge integer": (b'{"type":"venue","id":"x","n":' + b"7" * 4400 + b"}", "a number of at most 4,300 digits"),
    "too deep": (b'{"type":"venue","id":"x","n":' + b"[" * 40 + b"]" * 40 + b"}", "arrays and objects nested at most 16 deep (max_depth)"),
    "too long": (b'{"type":"venue","id":"x","name":"' + b"n" * 9000 + b'"}', "at most 8,192 bytes (max_line_bytes)"),
    "long string": (b'{"type":"venue","id":"x","name":"' + b"n" * 2000 + b'"}', "a string of at most 1,000 characters (max_string_length)"),
    "wrong type": (b'{"type":"venue","id":7}', "a string"),
    "unknown key": (b'{"type":"venue","id":"x","vibe":"calm"}', "only the keys of Venue"),
    "unknown kind": (b'{"type":"meeting","id":"x"}', "one of 'actor', 'statement', 'proposal', 'truce', 'venue'"),
    "not a record": (b"[1, 2, 3]", "an object (a record)"),
    "a second header": (b'{"schema_version":1}', "one of 'actor', 'statement', 'proposal', 'truce', 'venue'"),
    "broken rule": (b'{"type":"actor","id":"x","category":"person"}', "a name, or a description for an unnamed actor"),
}  # fmt: skip


def test_100000_records_with_1_percent_corrupted_keep_every_good_record() -> None:
    total = 100_000
    chooser = random.Random(8)
    bad_at = dict(
        zip(sorted(chooser.sample(range(2, total + 2), total // 100)), range(total), strict=False)
    )
    kinds = sorted(CORRUPTIONS)
    lines = [b'{"schema_version":1,"title":"Corrupted"}']
    expected_bad: dict[int, str] = {}
    expected_good: list[str] = []
    for number in range(2, total + 2):
        if number in bad_at:
            kind = kinds[bad_at[number] % len(kinds)]
            lines.append(CORRUPTIONS[kind][0])
            expected_bad[number] = CORRUPTIONS[kind][1]
        else:
            line = good_line(number)
            lines.append(line)
            expected_good.append(
                pt.from_json(line, pt.Record).id if number % 97 == 0 else f"n{number}"
            )  # type: ignore[arg-type]
    stream = io.BytesIO(b"\n".join(lines) + b"\n")
    reader = pt.read_jsonl(stream, limits=LIMITS)
    tried("JsonLinesReader lines", total + 1)
    with within(120):
        ids = [record.id for record in reader]
    assert ids == expected_good
    assert (reader.lines, reader.good, reader.bad) == (
        total + 1,
        total - total // 100,
        total // 100,
    )
    assert [bad.line for bad in reader.bad_lines] == sorted(expected_bad)
    for bad in reader.bad_lines:
        assert bad.problems[0].expected.startswith(expected_bad[bad.line]), (
            bad,
            expected_bad[bad.line],
        )
        assert all(problem.path.startswith("$") for problem in bad.problems)
    assert sum(reader.kinds.values()) == reader.good


def stream_lines() -> st.SearchStrategy[bytes]:
    good = st.integers(min_value=1, max_value=10_000).map(good_line)
    broken = st.sampled_from([line for line, _ in CORRUPTIONS.values()])
    values = JSON_VALUES.map(dumps)
    cut = st.tuples(good, st.integers(min_value=0, max_value=200)).map(
        lambda pair: pair[0][: pair[1]]
    )
    return st.one_of(good, broken, values, cut, st.binary(max_size=80), st.just(b""))


@fuzz
@given(st.lists(stream_lines(), max_size=40), st.sampled_from([b"\n", b"\r\n"]), st.booleans())
def test_any_stream_ends_in_records_and_numbered_bad_lines(
    lines: list[bytes], end: bytes, strict: bool
) -> None:
    text = end.join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    reader = pt.read_jsonl(io.BytesIO(text), limits=LIMITS, strict=strict)
    result = outcome("JsonLinesReader", lambda: list(reader))
    read = [lines[0].removeprefix(b"\xef\xbb\xbf"), *lines[1:]][: reader.lines] if lines else []
    blank = sum(1 for line in read if not line.strip())  # a BOM alone on line 1 is blank
    if isinstance(result, list):
        assert reader.lines == len(lines) - (1 if lines and not lines[-1] else 0)
        assert reader.good == len(result)
        assert reader.good + reader.bad + blank + (reader.header is not None) == reader.lines
        assert [bad.line for bad in reader.bad_lines] == sorted(
            {bad.line for bad in reader.bad_lines}
        )
    else:
        assert isinstance(result, pt.BadLineError | pt.SchemaVersionError), result


@fuzz
@given(
    st.lists(JSON_VALUES.map(dumps), max_size=10),
    st.lists(st.integers(min_value=0, max_value=64), max_size=5),
)
def test_lines_cut_into_pieces_of_any_size_are_read_alike(
    lines: list[bytes], cuts: list[int]
) -> None:
    """The reader reads the same from a file as from a list of lines."""
    text = b"\n".join(lines) + b"\n"

    class Trickle(io.RawIOBase):
        """A file that returns a few bytes at a time, like a slow pipe."""

        position = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            sizes = [*cuts, 7]
            size = max(1, sizes[self.position % len(sizes)])
            chunk = text[self.position : self.position + min(size, len(buffer))]
            buffer[: len(chunk)] = chunk
            self.position += len(chunk)
            return len(chunk)

    from_file = pt.read_jsonl(io.BufferedReader(Trickle(), buffer_size=16), limits=LIMITS)
    from_list = pt.read_jsonl(text.splitlines(keepends=True), limits=LIMITS)
    first = outcome("JsonLinesReader", lambda: list(from_file))
    second = outcome("JsonLinesReader", lambda: list(from_list))
    assert type(first) is type(second)
    if isinstance(first, list):
        assert first == second
        assert [(b.line, b.problems) for b in from_file.bad_lines] == [
            (b.line, b.problems) for b in from_list.bad_lines
        ]
