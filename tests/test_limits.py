"""Resource limits: each loader refuses input beyond a limit with a LimitExceededError naming it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

import peacetalks as pt
from fuzzing import within
from peacetalks.interop import read_ethprio, read_pax, read_plover, read_popolo

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
ACTOR = b'{"type":"actor","id":"a%d","category":"person","name":"Person %d"}'


def limit_error(call: object, *args: object, **kwargs: object) -> pt.LimitExceededError:
    with within(10), pytest.raises(pt.LimitExceededError) as raised:
        call(*args, **kwargs)  # type: ignore[operator]
    (problem,) = raised.value.problems
    assert f"({raised.value.limit})" in problem.expected
    assert f"{raised.value.value:,}" in problem.expected
    return raised.value


def document(**fields: object) -> str:
    return json.dumps({"schema_version": 2, **fields})


# The limits object


def test_the_defaults_are_documented_values() -> None:
    assert (
        pt.Limits(
            max_document_bytes=128 * 2**20,
            max_line_bytes=16 * 2**20,
            max_depth=64,
            max_string_length=1_000_000,
            max_records=1_000_000,
        )
        == pt.DEFAULT_LIMITS
    )


def test_limits_are_immutable_and_changed_by_evolve() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pt.DEFAULT_LIMITS.max_depth = 3  # type: ignore[misc]
    assert attrs.evolve(pt.DEFAULT_LIMITS, max_depth=10).max_depth == 10
    assert hash(pt.Limits()) == hash(pt.DEFAULT_LIMITS)


@pytest.mark.parametrize(
    "fields",
    [
        {"max_depth": 0},
        {"max_depth": 501},
        {"max_records": -1},
        {"max_line_bytes": True},
        {"max_string_length": 1.5},
    ],
)
def test_a_limit_is_a_whole_number_of_one_or_more(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(fields))):
        pt.Limits(**fields)  # type: ignore[arg-type]


def test_the_error_carries_the_limit_and_survives_pickling_by_multiprocessing() -> None:
    error = limit_error(pt.from_json, "[[1]]", pt.Document, limits=pt.Limits(max_depth=1))
    assert (error.limit, error.value) == ("max_depth", 1)
    assert isinstance(error, pt.ValidationError)
    copy = error.__reduce__()
    rebuilt = copy[0](*copy[1])
    assert (rebuilt.limit, rebuilt.value, rebuilt.problems) == ("max_depth", 1, error.problems)


# Size


@pytest.mark.parametrize("as_bytes", [True, False])
def test_a_document_larger_than_max_document_bytes_is_refused(as_bytes: bool) -> None:
    text = document(title="x" * 100)
    data: str | bytes = text.encode() if as_bytes else text
    limits = pt.Limits(max_document_bytes=len(text))
    assert pt.from_json(data, pt.Document, limits=limits).title == "x" * 100
    error = limit_error(
        pt.from_json, data + (b" " if as_bytes else " "), pt.Document, limits=limits
    )  # type: ignore[operator]
    assert error.limit == "max_document_bytes"
    assert error.problems[0].got == f"{len(text) + 1:,} {'bytes' if as_bytes else 'characters'}"


def test_read_document_refuses_a_large_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(document(title="x" * 1000))
    error = limit_error(pt.read_document, path, limits=pt.Limits(max_document_bytes=1000))
    assert error.problems[0].got == f"{path.stat().st_size:,} bytes"
    assert pt.read_document(path).title == "x" * 1000


# Depth


@pytest.mark.parametrize(
    ("opening", "closing", "path_step"),
    [(b"[", b"]", "[0]"), (b'{"a":', b"}", ".a"), (b'[{"a":', b"}]", "[0].a")],
    ids=["arrays", "objects", "both"],
)
def test_nesting_100000_deep_is_refused_at_once_with_its_path(
    opening: bytes, closing: bytes, path_step: str
) -> None:
    levels = 100_000 // (2 if len(closing) == 2 else 1)
    text = b'{"schema_version":2,"records":' + opening * levels + b"1" + closing * levels + b"}"
    error = limit_error(pt.from_json, text, pt.Document)
    path = error.problems[0].path
    assert error.limit == "max_depth"
    assert path.startswith("$.records" + path_step * 3)
    assert path.count("[") + path.count(".") == 64  # the 65th level is the first refused
    unbalanced = opening * levels  # cut off: never closed
    assert limit_error(pt.from_json, unbalanced, pt.Document).limit == "max_depth"


def test_depth_is_counted_exactly_and_brackets_inside_strings_do_not_count() -> None:
    limits = pt.Limits(max_depth=3)
    assert pt._jsontext.parse_json('[[["[[[[[[", "\\"[[["]]]', limits)
    assert pt._jsontext.parse_json('{"a": [{"b": "}}}}[[[["}], "c": [[1], [2]]}', limits)
    error = limit_error(pt._jsontext.parse_json, '{"a": [1, {"b": [[]]}]}', limits)
    assert error.problems[0].path == "$.a[1].b"


def test_a_document_nested_deeper_than_the_schema_can_use_is_refused_by_default() -> None:
    deep = {"value": None}
    for _ in range(70):
        deep = {"value": deep}
    record = {"type": "venue", "id": "v", "x_deep": deep}
    text = document(records=[record])
    error = limit_error(pt.from_json, text, pt.Document)
    assert error.problems[0].path.startswith("$.records[0].x_deep.value.value")
    lenient = pt.make_converter(keep_unknown_keys=True)
    limits = pt.Limits(max_depth=100)
    loaded = pt.from_json(text, pt.Document, limits=limits, converter=lenient)
    assert pt.to_dict(loaded.records[0], converter=lenient) == record


def test_the_deepest_nesting_allowed_is_read_kept_hashed_and_written_back() -> None:
    deep: object = "bottom"
    for _ in range(pt.DEPTH_CEILING - 3):  # the document, its records and the record
        deep = [deep]
    record = {"type": "venue", "id": "v", "x_deep": deep}
    text = document(records=[record])
    limits = pt.Limits(max_depth=pt.DEPTH_CEILING)
    lenient = pt.make_converter(keep_unknown_keys=True)
    with within(10):
        loaded = pt.from_json(text, pt.Document, limits=limits, converter=lenient)
        assert hash(loaded) == hash(pt.Dossier.from_document(loaded).to_document())
        assert json.loads(pt.to_json(loaded, converter=lenient)) == json.loads(text)
        stream = io.BytesIO()
        pt.write_jsonl(stream, loaded.records, converter=lenient)
        again = pt.read_jsonl(io.BytesIO(stream.getvalue()), limits=limits, converter=lenient)
        assert list(again) == list(loaded.records)


# Strings


@pytest.mark.parametrize(
    ("value", "length"),
    [
        ("x" * 8, 8),
        ("Зеленський", 10),  # two bytes a letter: counted in characters
        ("\\u0041" * 8, 8),  # escapes count once
        ('\\"' * 8, 8),
        ("\\\\" * 8, 8),
    ],
)
def test_strings_are_measured_in_characters(value: str, length: int) -> None:
    text = '{"name": "' + value + '"}'
    assert (
        len(pt.from_json(text, pt.Place, limits=pt.Limits(max_string_length=length)).name) == length
    )
    error = limit_error(
        pt.from_json, text, pt.Place, limits=pt.Limits(max_string_length=length - 1)
    )
    assert error.problems[0].path == "$.name"
    assert error.problems[0].got == f"a string of {length:,} characters"


def test_long_keys_and_strings_in_arrays_are_refused_and_long_numbers_are_not_strings() -> None:
    limits = pt.Limits(max_string_length=20)
    error = limit_error(pt._jsontext.parse_json, '{"ok": {"' + "k" * 21 + '": 1}}', limits)
    assert (error.problems[0].path, error.problems[0].got) == ("$.ok", "a key of 21 characters")
    error = limit_error(pt._jsontext.parse_json, '["short", "' + "s" * 21 + '"]', limits)
    assert error.problems[0].path == "$[1]"
    numbers = "[" + ", ".join(["123456789"] * 20) + ', "short"]'
    assert len(pt._jsontext.parse_json(numbers, limits)) == 21


def test_a_record_with_a_long_text_is_refused_by_default() -> None:
    text = "a" * 1_000_001
    record = {"type": "statement", "id": "s", "speaker": "a", "quotation": "direct", "text": text}
    error = limit_error(pt.from_json, document(records=[record]), pt.Document)
    assert error.problems[0].path == "$.records[0].text"


# Records


def test_a_document_with_more_records_than_max_records_is_refused() -> None:
    records = [{"type": "venue", "id": f"v{n}"} for n in range(5)]
    limits = pt.Limits(max_records=5)
    assert len(pt.from_json(document(records=records), pt.Document, limits=limits).records) == 5
    more = document(records=[*records, {"type": "venue", "id": "v5"}])
    error = limit_error(pt.from_json, more, pt.Document, limits=limits)
    assert (error.problems[0].path, error.problems[0].got) == ("$.records", "6 records")


# JSON Lines


class Recording(io.BytesIO):
    """A file that remembers the most it ever returned from one readline."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        line = super().readline(size)
        self.largest = max(self.largest, len(line))
        return line


def test_a_line_longer_than_max_line_bytes_is_a_bad_line_never_held_whole(tmp_path: Path) -> None:
    long_line = b'{"type":"venue","id":"v","x":"' + b"y" * 200_000 + b'"}'
    stream = Recording(b"\n".join([ACTOR % (1, 1), long_line, ACTOR % (3, 3)]))
    rejects = tmp_path / "rejects.jsonl"
    limits = pt.Limits(max_line_bytes=1000)
    reader = pt.JsonLinesReader(stream, limits=limits, rejects=rejects)
    assert [r.id for r in reader] == ["a1", "a3"]
    (bad,) = reader.bad_lines
    assert bad.line == 2
    assert bad.problems[0].expected == "at most 1,000 bytes (max_line_bytes)"
    assert bad.problems[0].got == f"{len(long_line):,} bytes"
    assert long_line.startswith(bad.text)
    assert len(bad.text) <= 1024
    assert stream.largest <= 1 << 16  # read in chunks, never whole
    assert rejects.read_bytes() == long_line + b"\n"  # copied whole all the same
    assert reader.bytes_read == len(stream.getvalue())


def test_lines_given_as_an_iterable_are_measured_too() -> None:
    lines = [ACTOR % (1, 1), b'{"type":"venue","id":"v","name":"' + b"y" * 2000 + b'"}']
    reader = pt.JsonLinesReader(lines, limits=pt.Limits(max_line_bytes=1000))
    assert [r.id for r in reader] == ["a1"]
    assert reader.bad_lines[0].problems[0].expected == "at most 1,000 bytes (max_line_bytes)"


def test_depth_and_string_limits_apply_to_each_line() -> None:
    lines = [
        b'{"type":"venue","id":"deep","x":' + b"[" * 100 + b"]" * 100 + b"}",
        b'{"type":"venue","id":"long","name":"' + b"n" * 50 + b'"}',
        ACTOR % (3, 3),
    ]
    reader = pt.JsonLinesReader(lines, limits=pt.Limits(max_string_length=40))
    assert [r.id for r in reader] == ["a3"]
    paths = [(bad.line, bad.problems[0].path[:10]) for bad in reader.bad_lines]
    assert paths == [(1, "$.x[0][0]["), (2, "$.name")]


# Importers


def test_importers_refuse_files_over_max_document_bytes() -> None:
    limits = pt.Limits(max_document_bytes=100)
    for read, name in (
        (read_ethprio, "ethprio.csv"),
        (read_pax, "pax.csv"),
        (read_popolo, "popolo.json"),
        (read_plover, "plover.json"),
    ):
        assert limit_error(read, FIXTURES / name, limits=limits).limit == "max_document_bytes"
        data = (FIXTURES / name).read_bytes()
        assert limit_error(read, data, limits=limits).limit == "max_document_bytes"


def test_importers_refuse_more_rows_or_objects_than_max_records() -> None:
    limits = pt.Limits(max_records=2)
    for read, name in (
        (read_ethprio, "ethprio.csv"),
        (read_pax, "pax.csv"),
        (read_popolo, "popolo.json"),
        (read_plover, "plover.json"),
    ):
        assert limit_error(read, FIXTURES / name, limits=limits).limit == "max_records"


def test_a_csv_field_longer_than_max_string_length_rejects_its_row_only() -> None:
    text = (FIXTURES / "pax.csv").read_text(encoding="utf-8")
    header, first, *rest = text.splitlines(keepends=True)
    long_row = first.replace(",", "," + "z" * 5000, 1)
    result = read_pax(
        (header + long_row + "".join(rest)).encode(), limits=pt.Limits(max_string_length=4000)
    )
    rows = result.rows
    assert rows[0].outcome is pt.interop.RowOutcome.REJECTED
    assert rows[0].problems[-1] == "a field longer than 4,000 characters (max_string_length)"
    assert any(row.outcome is pt.interop.RowOutcome.IMPORTED for row in rows[1:])
