"""Fuzzing the loaders of documents and records: every input ends in a result or a peacetalks error.

The inputs start from the bundled example: every field replaced by every JSON
type, every key removed, an unknown key added to every object (exhaustively),
then random bytes, cut-off text, broken encodings, huge strings, deep nesting,
repeated keys and huge numbers put at random places (with hypothesis). An error
must name a path, and where the damage is known, the path of the damage.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import (
    AWKWARD_STRINGS,
    JSON_VALUES,
    ONE_OF_EACH_TYPE,
    dumps,
    fuzz,
    get,
    near,
    objects_in,
    outcome,
    paths_in,
    replaced,
    tried,
    within,
    without,
)

EXAMPLE = pt.to_dict(pt.load_example())
EXAMPLE_BYTES = dumps(EXAMPLE)
RECORDS: list[dict[str, Any]] = EXAMPLE["records"]
LENIENT = pt.make_converter(keep_unknown_keys=True)
MARK = "\x00peacetalks-fuzz-mark\x00"
EVERY_PATH = [(("records",), ())] + [
    (("records", index), path) for index, record in enumerate(RECORDS) for path in paths_in(record)
]


def record_class(data: dict[str, Any]) -> type[pt.Record]:
    return pt.RECORD_CLASSES[data["type"]]


def load_record(data: Any, cls: type) -> object:
    return outcome("from_dict", lambda: pt.from_dict(data, cls))


# Exhaustive: every field of every record of the example


@pytest.mark.fuzz
def test_every_field_replaced_by_every_json_type_is_read_or_reported_at_its_path() -> None:
    for record in RECORDS:
        cls = record_class(record)
        for path in paths_in(record):
            if not path or path == ("type",):
                continue
            for value in ONE_OF_EACH_TYPE:
                result = load_record(replaced(record, path, value), cls)
                if isinstance(result, pt.ValidationError):
                    assert any(near(p, path) for p in result.problems), (path, value, result)


@pytest.mark.fuzz
def test_every_key_removed_at_every_depth_is_read_or_reported_at_its_path() -> None:
    for record in RECORDS:
        cls = record_class(record)
        for path in paths_in(record):
            if path and isinstance(path[-1], str):
                result = load_record(without(record, path), cls)
                if isinstance(result, pt.ValidationError):
                    assert any(near(p, path) for p in result.problems), (path, result)


@pytest.mark.fuzz
def test_an_unknown_key_at_every_depth_is_refused_there_or_kept_by_the_lenient_converter() -> None:
    for record in RECORDS:
        cls = record_class(record)
        for path in objects_in(record):
            extra = replaced(record, (*path, "x_extra"), {"kept": [1, "two"]})
            result = load_record(extra, cls)
            assert isinstance(result, pt.ValidationError)
            assert [p.location for p in result.problems] == [(*path, "x_extra")]
            tried("from_dict (lenient)")
            kept = pt.from_dict(extra, cls, converter=LENIENT)
            assert pt.to_dict(kept, converter=LENIENT) == extra


@pytest.mark.fuzz
def test_awkward_strings_in_every_string_field_are_read_or_reported_at_their_path() -> None:
    for record in RECORDS:
        cls = record_class(record)
        for path in paths_in(record):
            if not isinstance(get(record, path), str) or path == ("type",):
                continue
            for text in AWKWARD_STRINGS:
                result = load_record(replaced(record, path, text), cls)
                if isinstance(result, pt.ValidationError):
                    assert any(near(p, path) for p in result.problems), (path, text, result)
                else:
                    tried("to_json")
                    assert pt.from_json(pt.to_json_bytes(result), cls) == result


# Random damage, with hypothesis


@fuzz
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    for cls in (pt.Document, pt.Actor, pt.ReportedTime):
        outcome("from_json", lambda cls=cls: pt.from_json(data, cls))  # type: ignore[misc]


@fuzz
@given(st.integers(min_value=0, max_value=len(EXAMPLE_BYTES)))
def test_the_example_cut_off_anywhere(length: int) -> None:
    result = outcome("from_json", lambda: pt.from_json(EXAMPLE_BYTES[:length], pt.Document))
    assert isinstance(result, pt.MalformedJSONError) == (length < len(EXAMPLE_BYTES))


@fuzz
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(EXAMPLE_BYTES) - 1), st.binary(max_size=4)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_example_with_bytes_overwritten(changes: list[tuple[int, bytes]]) -> None:
    data = bytearray(EXAMPLE_BYTES)
    for position, new in changes:
        data[position : position + len(new)] = new
    outcome("from_json", lambda: pt.from_json(bytes(data), pt.Document))


@fuzz
@given(st.sampled_from(EVERY_PATH), JSON_VALUES)
def test_any_value_anywhere(
    where: tuple[tuple[str | int, ...], tuple[str | int, ...]], value: Any
) -> None:
    prefix, path = where
    result = outcome(
        "from_json",
        lambda: pt.from_json(dumps(replaced(EXAMPLE, (*prefix, *path), value)), pt.Document),
    )
    if isinstance(result, pt.ValidationError):
        assert any(near(p, (*prefix, *path)) for p in result.problems), result


def with_raw(path: tuple[str | int, ...], raw: bytes) -> bytes:
    """The example's JSON with the value at ``path`` replaced by raw JSON text."""
    marked = dumps(replaced(EXAMPLE, path, MARK))
    return marked.replace(dumps(MARK), raw, 1)


RAW_DAMAGE = {
    "NaN": (b"NaN", pt.MalformedJSONError, 0),
    "Infinity": (b"-Infinity", pt.MalformedJSONError, 0),
    "huge integer": (b"9" * 5000, pt.MalformedJSONError, 0),
    "huge float": (b"1e999999", pt.ValidationError, 0),
    "lone surrogate": (b'"\\udfff and more"', pt.MalformedJSONError, 0),
    "NUL byte": (b'"a\x00b"', pt.MalformedJSONError, 0),
    "not UTF-8": (b'"caf\xe9"', pt.MalformedJSONError, 0),
    "byte order mark": (b"\xef\xbb\xbf1", pt.MalformedJSONError, 0),
    "huge string": (b'"' + b"s" * 1_000_001 + b'"', pt.LimitExceededError, 0),
    "deep arrays": (b"[" * 100_000 + b"]" * 100_000, pt.LimitExceededError, 64),
    "deep objects": (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, pt.LimitExceededError, 64),
}


@fuzz
@given(st.sampled_from(EVERY_PATH), st.sampled_from(sorted(RAW_DAMAGE)))
def test_hostile_json_anywhere_is_reported_at_its_path(
    where: tuple[tuple[str | int, ...], tuple[str | int, ...]], damage: str
) -> None:
    location = (*where[0], *where[1])
    raw, error, depth = RAW_DAMAGE[damage]
    result = outcome("from_json", lambda: pt.from_json(with_raw(location, raw), pt.Document))
    assert isinstance(result, error), (damage, result)
    paths = [p.location for p in result.problems]
    if depth:  # the error is at the first level too deep, inside the damage
        assert len(paths[0]) == depth
        assert paths[0][: len(location)] == location
    elif error is not pt.ValidationError:
        assert paths == [location], (damage, result)
    else:
        assert any(p[: len(location)] == location for p in paths), result


@fuzz
@given(st.sampled_from([("records", i, *p) for i, r in enumerate(RECORDS) for p in objects_in(r)]))
def test_a_repeated_key_anywhere_is_reported_at_the_key(path: tuple[str | int, ...]) -> None:
    marked = dumps(replaced(EXAMPLE, (*path, MARK), 1))
    text = marked.replace(dumps(MARK) + b": 1", b'"twice": 1, "twice": 2', 1)
    result = outcome("from_json", lambda: pt.from_json(text, pt.Document))
    assert isinstance(result, pt.MalformedJSONError)
    assert [p.location for p in result.problems] == [(*path, "twice")]


@fuzz
@given(st.binary(max_size=500))
def test_read_document_reads_any_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "doc.json")
        with open(path, "wb") as handle:
            handle.write(data)
        outcome("read_document", lambda: pt.read_document(path))


# Migrations, dossiers and integrity checks take plain data or objects, not text


@fuzz
@given(JSON_VALUES, st.integers(min_value=-(2**70), max_value=2**70) | JSON_VALUES)
def test_migrations_take_any_data(data: Any, version: Any) -> None:
    outcome("migrate_document", lambda: pt.migrations.migrate_document(data))
    outcome(
        "migrate_document",
        lambda: pt.migrations.migrate_document({"schema_version": version, "records": data}),
    )
    outcome("migrate_record", lambda: pt.migrations.migrate_record(data, version))


RECORD_IDS = [record["id"] for record in RECORDS]


@fuzz
@given(
    st.lists(st.sampled_from(range(len(RECORDS))), max_size=30), st.lists(JSON_VALUES, max_size=2)
)
def test_dossiers_of_any_records_are_built_or_refused(picks: list[int], junk: list[Any]) -> None:
    records = [pt.from_dict(RECORDS[index], record_class(RECORDS[index])) for index in picks]
    result = outcome("Dossier", lambda: pt.Dossier([*records, *junk]))
    assert isinstance(result, pt.Dossier) == (not junk and not pt.check_integrity(records))
    tried("check_integrity")
    with within(10):
        problems = pt.check_integrity([*records, *junk])
    assert all(p.path.startswith("$.records") for p in problems)
    if isinstance(result, pt.Dossier):
        tried("Dossier queries", 2)
        with within(10):
            result.timeline()
            assert pt.Dossier.from_document(result.to_document()) == result


EXAMPLE_DOSSIER = pt.Dossier.from_document(pt.load_example())
ANY_ARGUMENT = st.one_of(
    JSON_VALUES, st.sampled_from([*RECORD_IDS[:10], *pt.Role, pt.Dossier(), "2025-03-23"])
)


@fuzz
@given(
    st.sampled_from(
        [
            "get",
            "add",
            "replace",
            "remove",
            "merge",
            "diff",
            "statements_by",
            "positions",
            "in_force",
            "truces_in_force",
            "roles_of",
            "actors_by_role",
            "references_to",
        ]
    ),
    ANY_ARGUMENT,
)
def test_dossier_methods_take_any_argument(method: str, argument: Any) -> None:
    """Each method given anything where it takes an id, a record, a time or a dossier."""
    call = getattr(EXAMPLE_DOSSIER, method)
    arguments = ["energy-truce", argument] if method == "in_force" else [argument]
    outcome(f"Dossier.{method}", lambda: call(*arguments))
