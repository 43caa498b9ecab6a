"""JSON written with orjson (the ``fast`` extra) is byte for byte the JSON the plain
path writes, and what one path refuses the other refuses with the same error.

Each test writes the same object both ways in one process: with orjson, and with
the fast path switched off as if orjson were not installed.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import TypeVar

import attrs
import pytest
from hypothesis import given

import peacetalks as pt
from fuzzing import JSON_VALUES
from peacetalks import _fastjson
from peacetalks.testing import documents, records

orjson = pytest.importorskip(
    "orjson",
    reason="the fast path needs orjson, in the fast and test extras: pip install -e '.[test]'",
)

T = TypeVar("T")


def unchecked(obj: T, **changes: object) -> T:
    """``obj`` with ``changes``, made without ``__init__`` as the generated readers make
    objects: constructors refuse these values, but an object made this way can still
    hold them, and both writers must refuse it alike."""
    copy = object.__new__(type(obj))
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        object.__setattr__(copy, field.name, changes.get(field.name, getattr(obj, field.name)))
    return copy


THREE_DAYS = pt.Duration(amount=3, unit=pt.TimeUnit.DAY)


@pytest.fixture
def plain_only() -> Iterator[None]:
    """The plain path alone, as without the fast extra."""
    saved = _fastjson._orjson_dumps, _fastjson._looked
    _fastjson._orjson_dumps, _fastjson._looked = None, True
    try:
        yield
    finally:
        _fastjson._orjson_dumps, _fastjson._looked = saved


def both_ways(obj: object, converter: object = pt.converter) -> tuple[object, object]:
    """(fast, plain): the bytes, or the error text, that to_json_bytes gives each way."""
    results = []
    for enabled in (True, False):
        saved = _fastjson._orjson_dumps, _fastjson._looked
        if not enabled:
            _fastjson._orjson_dumps, _fastjson._looked = None, True
        try:
            results.append(pt.to_json_bytes(obj, converter=converter))  # type: ignore[arg-type]
        except pt.SerializationError as error:
            results.append(f"SerializationError: {error}")
        finally:
            _fastjson._orjson_dumps, _fastjson._looked = saved
    return results[0], results[1]


def test_the_fast_path_is_taken_for_valid_objects() -> None:
    assert _fastjson.dumps(pt.load_example(), pt.converter) is not None


def test_the_example_is_written_alike() -> None:
    fast, plain = both_ways(pt.load_example())
    assert fast == plain


@given(documents(max_records=2))
def test_documents_are_written_alike(document: pt.Document) -> None:
    fast, plain = both_ways(document)
    assert fast == plain


@given(records())
def test_records_are_written_alike_as_text_too(record: pt.Record) -> None:
    with_orjson = pt.to_json(record)
    saved = _fastjson._orjson_dumps, _fastjson._looked
    _fastjson._orjson_dumps, _fastjson._looked = None, True
    try:
        assert pt.to_json(record) == with_orjson
    finally:
        _fastjson._orjson_dumps, _fastjson._looked = saved


def test_every_character_is_escaped_alike() -> None:
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    place = pt.Place(name="x" + text)
    fast, plain = both_ways(place)
    assert fast == plain


@pytest.mark.parametrize(
    "number",
    [0.0, -0.0, 1.0, 1e-4, 9.99e-5, 1e-7, 123456789.125, 1e16, 9999999999999998.0, 1e300, 5e-324],
)
def test_numbers_are_written_alike(number: float) -> None:
    quantity = pt.Quantity(value=number, unit="drones")
    fast, plain = both_ways(quantity)
    assert fast == plain


def test_integers_beyond_64_bits_take_the_plain_path() -> None:
    quantity = pt.Quantity(value=2**70, unit="drones")
    fast, plain = both_ways(quantity)
    assert fast == plain == b'{"value":1180591620717411303424,"unit":"drones"}'


@pytest.mark.parametrize(
    "broken",
    [
        unchecked(THREE_DAYS, approximate=float("nan")),
        unchecked(THREE_DAYS, approximate=pt.Basis.STATED),
        pt.Place(name="lone \ud800 surrogate"),
        unchecked(pt.Place(name="Kyiv"), identifiers=(pt.Identifier(scheme="x", value="1"), "x:2")),
        unchecked(
            pt.Actor(id="a", category=pt.ActorCategory.STATE, name="A"), identifiers=[{"x": 1}]
        ),
    ],
    ids=[
        "NaN for a bool",
        "enum for a bool",
        "lone surrogate",
        "string among objects",
        "dict in a list",
    ],
)
def test_broken_objects_fail_alike(broken: object) -> None:
    fast, plain = both_ways(broken)
    assert fast == plain
    assert isinstance(fast, str)
    assert fast.startswith("SerializationError: cannot write")


def test_wrong_python_types_that_still_encode_are_written_alike() -> None:
    odd = unchecked(THREE_DAYS, approximate=1)
    fast, plain = both_ways(odd)
    assert fast == plain == b'{"amount":3,"unit":"day","approximate":1}'


def test_kept_unknown_keys_are_written_alike() -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    data = {"type": "actor", "id": "a", "category": "state", "name": "A", "z": [1.5e300, {"k": 1}]}
    actor = pt.from_dict(data, pt.Actor, converter=lenient)
    fast, plain = both_ways(actor, lenient)
    assert (
        fast
        == plain
        == b'{"type":"actor","id":"a","category":"state","name":"A","z":[1.5e+300,{"k":1}]}'
    )


def test_indented_json_is_unchanged() -> None:
    actor = pt.Actor(id="a", category=pt.ActorCategory.STATE, name="A")
    assert pt.to_json(actor, indent=2).startswith('{\n  "type": "actor"')


@pytest.mark.usefixtures("plain_only")
def test_without_orjson_nothing_takes_the_fast_path() -> None:
    assert _fastjson.dumps(pt.load_example(), pt.converter) is None
    assert pt.to_json_bytes(pt.load_example()) == both_ways(pt.load_example())[0]


def test_a_hook_registered_by_a_user_is_respected() -> None:
    custom = pt.make_converter()
    custom.register_unstructure_hook(pt.Place, lambda place: {"name": place.name.upper()})
    statement = pt.Statement(
        id="s", speaker="a", quotation=pt.Quotation.DIRECT, text="t", place=pt.Place(name="kyiv")
    )
    fast, plain = both_ways(statement, custom)
    assert fast == plain
    assert b'"place":{"name":"KYIV"}' in fast  # type: ignore[operator]


def test_odd_documents_are_written_alike() -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    data = {
        "schema_version": 2,
        "records": [{"type": "actor", "id": "a", "category": "state", "name": "A"}],
        "z": 1,
    }
    kept = pt.from_dict(data, pt.Document, converter=lenient)
    not_a_record = unchecked(pt.Document(), records=(pt.Place(name="Kyiv"),))
    for document, converter in [(kept, lenient), (not_a_record, pt.converter)]:
        fast, plain = both_ways(document, converter)
        assert fast == plain
    assert both_ways(kept, lenient)[0] == (
        b'{"schema_version":2,"records":[{"type":"actor","id":"a","category":"state",'
        b'"name":"A"}],"z":1}'
    )


def test_the_generated_writers_are_the_checked_functions() -> None:
    from peacetalks._unhooks import checked_unhook  # noqa: PLC0415
    from peacetalks._writers import WRITERS  # noqa: PLC0415

    for cls, writer in WRITERS.items():
        assert checked_unhook(cls, pt.converter) is writer, cls


def test_a_time_point_hook_registered_by_a_user_is_respected() -> None:
    custom = pt.make_converter()
    custom.register_unstructure_hook(pt.TimePoint, lambda point: f"{point}?")
    actor = pt.Actor(
        id="a",
        category=pt.ActorCategory.PERSON,
        name="A",
        names=(pt.Name(text="B", start=pt.TimePoint.parse("2025-03")),),
    )
    fast, plain = both_ways(actor, custom)
    assert fast == plain
    assert b'"start":"2025-03?"' in fast  # type: ignore[operator]


# Reading: compact text that orjson writes back byte for byte is read by orjson ------


def both_parsers(data: bytes) -> tuple[object, object]:
    """What parse_json gives (the value, or the error's problems) with orjson and without."""
    from peacetalks import _jsontext  # noqa: PLC0415

    results = []
    for enabled in (True, False):
        saved = _jsontext._orjson, _jsontext._looked
        if not enabled:
            _jsontext._orjson, _jsontext._looked = None, True
        try:
            results.append(_jsontext.parse_json(data))
        except pt.PeacetalksError as error:
            results.append([str(problem) for problem in getattr(error, "problems", [error])])
        finally:
            _jsontext._orjson, _jsontext._looked = saved
    return results[0], results[1]


def _typed(value: object) -> object:
    """The value with the type of every part, so that 1 and 1.0 and True differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


@given(JSON_VALUES)
def test_compact_json_reads_alike_with_and_without_orjson(value: object) -> None:
    texts = [json.dumps(value).encode(), json.dumps(value, separators=(",", ":")).encode()]
    with contextlib.suppress(TypeError):  # an integer beyond 64 bits, which orjson refuses
        texts.append(orjson.dumps(value))
    for data in texts:
        quick, plain = both_parsers(data)
        assert _typed(quick) == _typed(plain)


@pytest.mark.parametrize(
    "data",
    [
        b'{"a":1,"a":1}',
        b'[{"id":"x","id":"y"}]',
        b"18446744073709551616",
        b"[-9223372036854775809,1.5]",
        b"-0",
        b"1e400",
        b"[NaN]",
        b'"\\ud800"',
        b'{"a":"\\u00e9"}',
        b"[1.0000000000000002,0.1,1e16,1e-7]",
    ],
)
def test_odd_compact_json_reads_alike_with_and_without_orjson(data: bytes) -> None:
    quick, plain = both_parsers(data)
    assert _typed(quick) == _typed(plain)


def test_a_repeated_key_in_compact_json_is_still_refused() -> None:
    with pytest.raises(pt.MalformedJSONError, match=r"\$\.records\[0\]\.id"):
        pt.from_json(b'{"schema_version":2,"records":[{"id":"a","id":"a"}]}', pt.Document)
