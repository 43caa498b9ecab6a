"""The generated readers read exactly what the exact path reads, and nothing else.

``peacetalks._readers`` is generated from the classes (``python -m
peacetalks._codegen``). Each reader must accept exactly the input that the
converter's exact path accepts without a problem, and build an equal object;
for anything else it gives up and the exact path reports. These tests read the
same input with the default converter (which uses the readers) and with a
reference converter that cannot use them (its string and float hooks are
wrappers of its own), and compare: the same object, or the same problems.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import AWKWARD_STRINGS, JSON_VALUES, ONE_OF_EACH_TYPE, paths_in, replaced, without
from peacetalks import _codegen, _readers, _rules
from peacetalks._classhooks import fast_of
from peacetalks.testing import documents, records

EXAMPLE = pt.to_dict(pt.load_example())


def _reference_converter() -> Any:
    conv = pt.make_converter()
    for tp in (str, float):
        conv.register_structure_hook(tp, _wrapped(conv.get_structure_hook(tp)))
    return conv


def _wrapped(hook: Any) -> Any:
    def wrapper(value: object, tp: object) -> Any:
        return hook(value, tp)

    return wrapper


REFERENCE = _reference_converter()


def read(data: Any, cls: type, converter: Any = pt.converter) -> object:
    """The object, or the problems of the error, as plain values to compare."""
    try:
        return pt.from_dict(copy.deepcopy(data), cls, converter=converter)
    except pt.ValidationError as error:
        return ("error", type(error).__name__, [str(problem) for problem in error.problems])


def same_either_way(data: Any, cls: type) -> object:
    fast = read(data, cls)
    exact = read(data, cls, REFERENCE)
    assert fast == exact
    return fast


def test_the_generated_files_are_what_the_classes_give() -> None:
    for path, text in _codegen.generate().items():
        assert path.read_text(encoding="utf-8") == text, path
    assert _codegen.main(["--check"]) == 0


def test_every_class_a_document_holds_has_a_reader_and_the_converter_uses_it() -> None:
    for cls, reader in _readers.READERS.items():
        assert fast_of(pt.converter.get_structure_hook(cls)) is reader, cls
        assert fast_of(REFERENCE.get_structure_hook(cls)) is not reader, cls


def test_a_converter_with_a_hook_of_its_own_gets_that_hook_called() -> None:
    seen: list[str] = []
    conv = pt.make_converter()

    def shouting(value: object, _: object) -> str:
        if type(value) is not str:
            raise TypeError("not a string")
        seen.append(value)
        return value.upper()

    conv.register_structure_hook(str, shouting)
    data = {"type": "actor", "id": "kyiv", "category": "state", "name": "Kyiv"}
    actor = pt.from_dict(data, pt.Actor, converter=conv)
    assert (actor.id, actor.name) == ("KYIV", "KYIV")
    assert sorted(seen) == ["Kyiv", "kyiv"]


def test_the_example_reads_alike() -> None:
    assert same_either_way(EXAMPLE, pt.Document) == pt.load_example()


@pytest.mark.parametrize("index", range(len(EXAMPLE["records"])))
def test_every_value_of_the_example_replaced_by_every_json_type_reads_alike(index: int) -> None:
    record = EXAMPLE["records"][index]
    cls = pt.RECORD_CLASSES[record["type"]]
    for path in list(paths_in(record))[1:]:
        for value in (*ONE_OF_EACH_TYPE, *AWKWARD_STRINGS[:4]):
            same_either_way(replaced(record, path, value), cls)
        same_either_way(without(record, path), cls)


# The fast and the exact reader are compared over as many examples as the profile draws
# (15 in a plain run, 150 in CI: HYPOTHESIS_PROFILE=ci), twice as many for any value anywhere.
_PROFILE_EXAMPLES = settings.default.max_examples


@settings(max_examples=_PROFILE_EXAMPLES, deadline=None)
@given(records())
def test_any_valid_record_reads_alike(record: pt.Record) -> None:
    assert same_either_way(pt.to_dict(record), type(record)) == record
    assert _readers.read_record(pt.to_dict(record)) == record  # the fast path took it


@settings(max_examples=max(10, _PROFILE_EXAMPLES // 4), deadline=None)
@given(documents())
def test_any_valid_document_reads_alike(document: pt.Document) -> None:
    assert same_either_way(pt.to_dict(document), pt.Document) == document
    assert _readers.read_document(pt.to_dict(document)) == document


@settings(max_examples=2 * _PROFILE_EXAMPLES, deadline=None)
@given(records(), st.data())
def test_any_record_with_any_value_anywhere_reads_alike(record: pt.Record, data: Any) -> None:
    plain = pt.to_dict(record)
    path = data.draw(st.sampled_from(list(paths_in(plain))[1:]))
    value = data.draw(JSON_VALUES | st.sampled_from(AWKWARD_STRINGS))
    same_either_way(replaced(plain, path, value), type(record))


@settings(max_examples=_PROFILE_EXAMPLES, deadline=None)
@given(records(), st.data())
def test_any_record_with_a_key_removed_or_added_reads_alike(record: pt.Record, data: Any) -> None:
    plain = pt.to_dict(record)
    objects = [p for p in paths_in(plain) if isinstance(_at(plain, p), dict)]
    where = data.draw(st.sampled_from(objects))
    target = _at(plain, where)
    if target and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(target)))
        same_either_way(without(plain, (*where, key)), type(record))
    else:
        key = data.draw(st.sampled_from(["type", "schema_version", "extra", "id", ""]))
        changed = copy.deepcopy(plain)
        _at(changed, where)[key] = data.draw(JSON_VALUES)
        same_either_way(changed, type(record))


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def test_python_values_json_never_gives_read_alike() -> None:
    """From Python data: tuples for arrays, subclasses of str, a float that is an int."""

    class Text(str):
        pass

    actor = {"type": "actor", "id": "kyiv", "category": "state", "name": "Kyiv"}
    for field, value in [
        ("id", Text("kyiv")),
        ("members", ("a", "b")),
        ("members", ("a", Text("b"))),
        ("category", Text("state")),
        ("name", Text("Kyiv")),
    ]:
        same_either_way({**actor, field: value}, pt.Actor)
    place = {"name": "Kyiv", "coordinates": {"latitude": 50, "longitude": 30.5}}
    assert same_either_way(place, pt.Place) == pt.Place(
        name="Kyiv", coordinates=pt.Coordinates(latitude=50.0, longitude=30.5)
    )
    same_either_way({**place, "coordinates": {"latitude": True, "longitude": 1}}, pt.Place)
    same_either_way({**place, "coordinates": {"latitude": 10**400, "longitude": 1}}, pt.Place)


def test_a_hook_of_its_own_for_a_record_class_is_called_inside_a_document() -> None:
    conv = pt.make_converter()
    exact = conv.get_structure_hook(pt.Actor)
    calls: list[str] = []

    def counting(value: Any, tp: Any) -> Any:
        calls.append(value["id"])
        return exact(value, tp)

    conv.register_structure_hook(pt.Actor, counting)
    actor = {"type": "actor", "id": "kyiv", "category": "state", "name": "Kyiv"}
    data = {"schema_version": pt.SCHEMA_VERSION, "records": [actor]}
    pt.from_dict(data, pt.Document, converter=conv)
    assert calls == ["kyiv"]


@pytest.mark.parametrize("tp", [tuple[str, ...], str | None])
def test_a_hook_of_its_own_for_a_wrapped_type_is_called(tp: Any) -> None:
    conv = pt.make_converter()
    inner = conv.get_structure_hook(tp)
    seen: list[Any] = []

    def counting(value: Any, of: Any) -> Any:
        seen.append(value)
        return inner(value, of)

    conv.register_structure_hook_func(lambda t: t == tp, counting)
    actor = {"type": "actor", "id": "kyiv", "category": "state", "name": "Kyiv", "members": ["a"]}
    pt.from_dict(actor, pt.Actor, converter=conv)
    assert seen


def test_the_generator_refuses_field_shapes_it_cannot_read() -> None:
    @attrs.frozen(kw_only=True, weakref_slot=False)
    class Computed(pt.Identifier):
        label: str = attrs.field(init=False, default="x")

    @attrs.frozen(kw_only=True, weakref_slot=False)
    class Pair(pt.Identifier):
        pair: tuple[str, int] = ("a", 1)

    @attrs.frozen(kw_only=True, weakref_slot=False)
    class RuledFlag(pt.Identifier):
        flag: bool = attrs.field(default=False, metadata={"doc": "x", "rule": _rules.ID})

    for cls, reason in [(Computed, "init=False"), (Pair, "fixed length"), (RuledFlag, "a rule")]:
        with pytest.raises(TypeError, match=reason):
            _codegen._class_lines(_codegen._Module(), cls)
