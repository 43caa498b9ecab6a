"""What a field may hold, read from its annotation: in words, and as a test.

:func:`expected_for` is the one description of a type in words: the JSON
readers use it for a value of the wrong JSON type, and constructors for a value
of the wrong Python type, so both say the same (``expected an object
(ReportedTime) or null``). :func:`field_types` turns the annotations of a class
into the tests its constructor runs on the fields that no rule and no enum
checks already (see :mod:`peacetalks._base`).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Collection, Iterator
from typing import Any

import attrs

from peacetalks._rules import describe, is_number
from peacetalks.errors import Problem

__all__ = [
    "FieldType",
    "compile_test",
    "expected_for",
    "field_types",
    "not_a_tuple",
    "optional_of",
    "type_problems",
    "without_none",
]

_NONE = type(None)
_UNIONS = (typing.Union, types.UnionType)


def optional_of(tp: Any) -> Any | None:
    """``X`` for ``X | None``; ``None`` for any other type."""
    if typing.get_origin(tp) not in _UNIONS:
        return None
    rest = [a for a in typing.get_args(tp) if a is not _NONE]
    return rest[0] if len(rest) == 1 and len(typing.get_args(tp)) == 2 else None


def without_none(tp: Any) -> Any | None:
    """``X`` for ``X | None``, ``X`` itself a union or not (``int | float``); ``None``
    for a type that does not admit ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in _UNIONS or _NONE not in args:
        return None
    rest = tuple(a for a in args if a is not _NONE)
    return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007


def _is_number_type(tp: Any) -> bool:
    """``float`` or ``int | float``: a JSON number."""
    return tp is float or (
        typing.get_origin(tp) in _UNIONS and set(typing.get_args(tp)) == {int, float}
    )


def expected_for(tp: Any) -> str:
    """What a value of type ``tp`` looks like, in words (in the JSON's terms)."""
    if typing.get_origin(tp) in _UNIONS:
        args = [a for a in typing.get_args(tp) if a is not _NONE]
        if set(args) == {int, float}:
            text = "a number"
        elif len(args) == 1:
            text = expected_for(args[0])
        else:
            text = "an object (a record)"
        return text + " or null" if _NONE in typing.get_args(tp) else text
    if typing.get_origin(tp) is tuple:
        return "an array"
    if isinstance(tp, type):
        if issubclass(tp, bool):
            return "true or false"
        if issubclass(tp, enum.Enum):
            return "one of " + ", ".join(repr(m.value) for m in tp)
        simple = {str: "a string", int: "an integer", float: "a number"}
        if tp in simple:
            return simple[tp]
        if attrs.has(tp):
            # A class that travels as one JSON value (a time point) says what that value is.
            wire: str | None = getattr(tp, "wire_expected", None)
            return wire or f"an object ({tp.__name__})"
    return "a value"


@attrs.frozen
class FieldType:
    """What one field of a class may hold, as its constructor tests it.

    Attributes:
        name: The field's name.
        many: True for a ``tuple[X, ...]`` field: it must hold a tuple, and the
            test and ``expected`` are for each of its items.
        kinds: Types that pass at once (``type(value) in kinds``), the quick test.
        test: The whole test of a value (or item): true when it is admitted.
        expected: What an admitted value (or item) looks like, in words.
    """

    name: str
    many: bool
    kinds: frozenset[type]
    test: Callable[[object], bool]
    expected: str


def field_types(cls: type, skip: Collection[str]) -> tuple[FieldType, ...]:
    """The tests of every field of ``cls`` its constructor sets, but those named in ``skip``.

    Every type peacetalks' own classes use is tested in full; a field a user's
    subclass adds is held to what its annotation says as far as a type can be
    tested at run time (``list[str]``: a list).
    """
    hints = typing.get_type_hints(cls)
    found = []
    for field in attrs.fields(cls):
        if not field.init or field.name in skip:
            continue
        tp = hints[field.name]
        many = typing.get_origin(tp) is tuple and typing.get_args(tp)[1:] == (...,)
        item = typing.get_args(tp)[0] if many else tp
        kinds, test = _admits(item)
        found.append(FieldType(field.name, many, kinds, test, _expected_in_python(item)))
    return tuple(found)


def compile_test(fields: tuple[FieldType, ...]) -> Callable[[object], bool]:
    """One function that is true when every field of an object passes its test.

    It is written out as straight-line code, one ``if`` per field (the way attrs
    writes ``__init__``): objects are built far more often than classes are
    defined, and a loop over the fields costs several times as much.
    """
    names: dict[str, Any] = {"_tuple": tuple}
    lines = ["def test(obj):"]
    for index, field in enumerate(fields):
        names[f"_test{index}"] = field.test
        lines.append(f"    value = obj.{field.name}")
        if field.many:
            quick = _quick(field.kinds, f"{index}", "item", names)
            lines.append("    if type(value) is not _tuple: return False")
            lines.append("    for item in value:")
            lines.append(f"        if {quick}not _test{index}(item): return False")
        else:
            quick = _quick(field.kinds, f"{index}", "value", names)
            lines.append(f"    if {quick}not _test{index}(value): return False")
    lines.append("    return True")
    exec("\n".join(lines), names)  # noqa: S102 - made above from the names of attrs fields
    test: Callable[[object], bool] = names["test"]
    return test


def _quick(kinds: frozenset[type], index: str, name: str, names: dict[str, Any]) -> str:
    """The start of a field's ``if``: ``<name> is not of one of the kinds and ``."""
    if not kinds:
        return ""
    if len(kinds) > 2:
        names[f"_kinds{index}"] = kinds
        return f"type({name}) not in _kinds{index} and "
    parts = []  # the usual case, X or X | None: one or two identity tests
    for number, kind in enumerate(sorted(kinds, key=lambda kind: kind is not _NONE)):
        if kind is _NONE:
            parts.append(f"{name} is not None")
        else:
            names[f"_kind{index}_{number}"] = kind
            parts.append(f"type({name}) is not _kind{index}_{number}")
    return " and ".join(parts) + " and "


def _expected_in_python(tp: Any) -> str:
    """:func:`expected_for`, but in Python's terms where they differ: a class that
    travels as one JSON value (a time point) is wanted as an object of that class,
    and a number must be finite, which a JSON number always is."""
    inner = without_none(tp)
    kind = tp if inner is None else inner
    wire = getattr(kind, "wire_expected", None) if isinstance(kind, type) else None
    if wire is not None:
        text = f"a {kind.__name__} (on the wire {wire})"
    elif _is_number_type(kind):
        text = "a finite number"  # JSON has no other kind; Python has inf and nan
    else:
        return expected_for(tp)
    return text if inner is None else text + " or null"


def not_a_tuple(name: str, value: object) -> Problem:
    """The problem of a tuple field given something else. A list is refused: kept, it
    would make the object unequal to itself read back from JSON (where arrays become
    tuples), and records are built from what they are given, never converted."""
    return Problem((name,), "a tuple", "a list" if type(value) is list else describe(value))


def type_problems(obj: object, fields: tuple[FieldType, ...]) -> Iterator[Problem]:
    """A problem for each field (or item of a tuple field) of ``obj`` that fails its test."""
    for field in fields:
        value = getattr(obj, field.name)
        if not field.many:
            if not field.test(value):
                yield Problem((field.name,), field.expected, describe(value))
        elif type(value) is not tuple:
            yield not_a_tuple(field.name, value)
        else:
            for index, item in enumerate(value):
                if not field.test(item):
                    yield Problem((field.name, index), field.expected, describe(item))


def _admits(tp: Any) -> tuple[frozenset[type], Callable[[object], bool]]:
    """The quick kinds and the whole test for values of type ``tp``."""
    inner = without_none(tp)
    if inner is not None:
        kinds, test = _admits(inner)
        return kinds | {_NONE}, lambda value: value is None or test(value)
    if _is_number_type(tp):
        return frozenset(), is_number  # a JSON number: finite, within a 64-bit float's range
    if tp in (bool, int, str):
        return frozenset({tp}), lambda value: type(value) is tp  # True is not an int here
    if typing.get_origin(tp) in _UNIONS:
        parts = [_admits(choice) for choice in typing.get_args(tp)]
        tests = tuple(test for _, test in parts)
        kinds = frozenset().union(*(kinds for kinds, _ in parts))
        return kinds, lambda value: any(test(value) for test in tests)
    if isinstance(tp, type) and tp is not Any:
        return frozenset({tp}), lambda value: isinstance(value, tp)  # subclasses too
    origin = typing.get_origin(tp)
    if isinstance(origin, type):  # list[str] in a user's subclass: a list, not looked into
        return frozenset({origin}), lambda value: isinstance(value, origin)
    return frozenset(), lambda value: True  # Any, a type variable: nothing to hold it to
