"""Helpers for the JSON Schema conformance tests: both validators, and mutations of valid data."""

from __future__ import annotations

import copy
import enum
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema

import peacetalks as pt
from peacetalks.schema import load_schema

SCHEMA = load_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Rules peacetalks checks that JSON Schema cannot say (docs/reference.md and docs/schema.md
# list them): the words each such problem's "expected" contains. The schema may accept a
# document Python rejects only when every problem is one of these.
KNOWN_GAPS = (
    "an end not before",  # dates in order: Name, Affiliation, Truce
    "a point not before the earliest point",  # ReportedTime
    "a report no earlier than the statement",  # Statement
    "the UTC offset",  # a time of day's offset against the zone
    "an IANA time zone name",  # the zone exists in the zone database
    "members other than the actor itself",  # a value against another field's value
    "statements other than this one",
    "an earlier version, not this proposal",
    "links to truces other than this one",
    "a venue other than this one",
    "each party once",
    "one of the members",
    "a whole number of at least",  # Delegation.size against the number of members
    "an upper end of at least",  # Quantity.upper against value
    "an offset no smaller than start",  # Evidence.end against start
    "the quote's length in code points",  # Evidence.end - start against len(quote)
)


def document(*records: Any) -> dict[str, Any]:
    return {"schema_version": pt.SCHEMA_VERSION, "records": list(records)}


def python_problems(data: Any) -> list[pt.Problem] | None:
    """The problems the Python loader finds, or ``None`` when it accepts ``data``."""
    try:
        pt.from_dict(data, pt.Document)
    except pt.ValidationError as exc:
        return list(exc.problems)
    return None


def schema_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(data)


def disagreement(data: Any) -> str | None:
    """Why the two validators disagree about ``data`` beyond the known gaps, or ``None``."""
    problems = python_problems(data)
    accepted = schema_accepts(data)
    if problems is None and not accepted:
        error = jsonschema.exceptions.best_match(VALIDATOR.iter_errors(data))
        return f"Python accepts, the schema rejects: {error.message[:300]} at {error.json_path}"
    if problems is not None and accepted:
        unexplained = [p for p in problems if not any(gap in p.expected for gap in KNOWN_GAPS)]
        if unexplained:
            return "the schema accepts, Python rejects: " + "; ".join(map(str, unexplained))
    return None


def rejected_by_both(data: Any) -> str | None:
    """``None`` when both reject ``data``, else what went wrong."""
    problems = python_problems(data)
    accepted = schema_accepts(data)
    if problems is not None and not accepted:
        return None
    return f"Python {'rejects' if problems else 'accepts'}, the schema {'accepts' if accepted else 'rejects'}"


# Walking plain data alongside the classes it stands for.


def _hints(cls: type) -> dict[str, Any]:
    hints: dict[str, Any] = typing.get_type_hints(cls)
    return hints


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and tp != pt.Record:
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) < len(typing.get_args(tp)):
            return (members[0] if len(members) == 1 else typing.Union[tuple(members)]), True  # noqa: UP007
    return tp, False


@attrs.frozen
class Node:
    """An object in plain data: where it is, the class it stands for, and the object."""

    path: tuple[str | int, ...]
    cls: type
    value: dict[str, Any]


def nodes(
    data: dict[str, Any], cls: type = pt.Document, path: tuple[str | int, ...] = ()
) -> Iterator[Node]:
    """Every object in valid plain ``data`` (of ``cls``), parents first."""
    yield Node(path, cls, data)
    hints = _hints(cls)
    for name, value in data.items():
        if name in ("type", "schema_version") or name not in hints:
            continue
        tp, _ = _strip_optional(hints[name])
        items = enumerate(value) if typing.get_origin(tp) is tuple else [(None, value)]
        item_type = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else tp
        for index, item in items:
            where = (*path, name) if index is None else (*path, name, index)
            if item_type == pt.Record:
                yield from nodes(item, pt.RECORD_CLASSES[item["type"]], where)
            elif isinstance(item, dict):
                yield from nodes(item, item_type, where)


def field_type(cls: type, name: str) -> tuple[Any, bool]:
    """The type of a field, without ``None``, and whether ``null`` is allowed."""
    return _strip_optional(_hints(cls)[name])


def required_fields(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]


def wrong_type_value(tp: Any) -> Any:
    """A JSON value whose type a field of type ``tp`` never accepts."""
    if typing.get_origin(tp) is tuple:
        return "not an array"
    if tp is bool:
        return "true"
    if tp in (int, float) or tp == int | float:
        return "5"
    if isinstance(tp, type) and attrs.has(tp) and tp.wire_schema is None:
        return ["not an object"]
    return 5  # strings, enums, time points


def enum_type(tp: Any) -> type[enum.Enum] | None:
    """The enum a field (or its items) holds, if any."""
    item = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else tp
    return item if isinstance(item, type) and issubclass(item, enum.Enum) else None


def replace_at(data: Any, path: tuple[str | int, ...], change: Any) -> Any:
    """A deep copy of ``data`` with ``change(node)`` applied to the object at ``path``."""
    result = copy.deepcopy(data)
    target = result
    for step in path:
        target = target[step]
    change(target)
    return result


@attrs.frozen
class Mutation:
    """An invalid variant of valid data: what kind of change, where, and the result."""

    kind: str  # the class, field and change, e.g. "Actor.name = 5"
    where: str
    data: Any


def mutations(data: dict[str, Any], root: type = pt.Document) -> Iterator[Mutation]:
    """Invalid variants of valid ``data``, each invalid for sure.

    A required field removed, an unknown key added, an enum value misspelt, a
    value of the wrong JSON type, ``null`` where it is not allowed.
    """
    for node in nodes(data, root):
        where, name_of = pt.errors.format_path(node.path), node.cls.__name__

        def change(kind: str, edit: Any, node: Node = node, where: str = where) -> Mutation:
            return Mutation(kind, where, replace_at(data, node.path, edit))

        yield change(f"{name_of} + unknown key", lambda o: o.update(not_a_field=1))
        for key in ("type", "schema_version"):
            if key in node.value:
                yield change(f"{name_of}.{key} removed", lambda o, k=key: o.pop(k))
                yield change(
                    f"{name_of}.{key} misspelt", lambda o, k=key: o.__setitem__(k, _misspell(o[k]))
                )
        for name in required_fields(node.cls):
            yield change(f"{name_of}.{name} removed", lambda o, n=name: o.pop(n))
        for name, value in node.value.items():
            if name in ("type", "schema_version"):
                continue
            tp, nullable = field_type(node.cls, name)
            wrong = wrong_type_value(tp)
            yield change(
                f"{name_of}.{name} = {wrong!r}", lambda o, n=name, w=wrong: o.__setitem__(n, w)
            )
            if not nullable:
                yield change(f"{name_of}.{name} = null", lambda o, n=name: o.__setitem__(n, None))
            if enum_type(tp) is not None and value:
                yield change(
                    f"{name_of}.{name} misspelt",
                    lambda o, n=name: o.__setitem__(n, _misspell(o[n])),
                )


def _misspell(value: Any) -> Any:
    if isinstance(value, list):
        return [_misspell(value[0]), *value[1:]]
    if isinstance(value, int):  # a schema version
        return str(value)
    return str(value).upper()
