"""The text of ``peacetalks/_writers.py``: generated writers for the orjson path.

Part of the generator (``python -m peacetalks._codegen``). Each writer turns an
object into the dict that :mod:`peacetalks._fastjson` hands to orjson: the
same keys, in the same order, as the converter's ``to_dict`` (a record's
``type`` first, fields in their order, a field left out when it holds its
default), with tuples of strings left as tuples (orjson writes them as arrays)
and every value orjson could write differently from :func:`json.dumps` refused
by raising, so that the plain path writes that object instead. What the class
checks at construction (a rule's ``str`` values, enum members) is not checked
again.
"""

from __future__ import annotations

import enum
import typing
from typing import Any

import attrs

from peacetalks._base import Model, without_none
from peacetalks._classhooks import is_model
from peacetalks._codegen import enums, import_block, snake, split_raises
from peacetalks.document import RECORD_CLASSES, Document, Record
from peacetalks.timepoint import TimePoint

__all__ = ["generate_writers"]

_HEADER = '''\
"""Fast writers for every peacetalks class, for the orjson path: generated, do not edit.

Written by ``python -m peacetalks._codegen`` from the classes themselves; see
``peacetalks._codegen_write`` for what a writer does and why. One function per
class, hence the length. Each raises :class:`~peacetalks._unhooks.NotPlain` (or
any exception) for a value orjson might write differently from ``json.dumps``;
the plain path then writes the object.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from operator import attrgetter
from typing import Any

{imports}

__all__ = ["WRITERS", "write_record"]

_value_of = attrgetter("_value_")
'''


def generate_writers(classes: list[type[Model]]) -> str:
    """The text of ``_writers.py`` for ``classes``."""
    functions: list[str] = []
    for cls in classes:
        functions.extend(["", "", *_class_lines(cls)])
    imported: dict[str, set[str]] = {
        "peacetalks._unhooks": {"NotPlain", "checked_number"},
        "peacetalks.document": {"SCHEMA_VERSION"},
    }
    for cls in classes:
        imported.setdefault(cls.__module__, set()).add(cls.__name__)
    text = "\n".join(functions)
    for tp in enums(classes):
        if f" {tp.__name__}." in text:  # a default the writers compare with
            imported.setdefault(tp.__module__, set()).add(tp.__name__)
    by_class = ", ".join(f"{cls.__name__}: {_writer_name(cls)}" for cls in RECORD_CLASSES.values())
    writers = ", ".join(f"{cls.__name__}: {_writer_name(cls)}" for cls in classes)
    lines = [
        "",
        "",
        "def write_record(o: Any) -> Any:",
        "    return _RECORD_WRITERS[type(o)](o)",
        *split_raises(functions),
        "",
        "",
        f"_RECORD_WRITERS: dict[type, Any] = {{{by_class}}}",
        "",
        "#: The writer of each class.",
        f"WRITERS: dict[type, Any] = {{{writers}}}",
        "",
    ]
    return _HEADER.format(imports=import_block(imported)) + "\n".join(lines)


def _writer_name(cls: type) -> str:
    return f"write_{snake(cls.__name__)}"


def _class_lines(cls: type[Model]) -> list[str]:
    hints = typing.get_type_hints(cls)
    head = "{" + (f"'type': {cls.record_type!r}" if cls.record_type else "") + "}"
    if cls is Document:
        head = "{'schema_version': SCHEMA_VERSION}"
    body = [
        "if o.extra_fields is not None: raise NotPlain",
        f"d: dict[str, Any] = {head}",
        "x: Any",
    ]
    for field in attrs.fields(cls):
        if field.name == "extra_fields":
            continue
        body.extend(_field_lines(field, hints[field.name]))
    body.append("return d")
    return [
        f"def {_writer_name(cls)}(o: {cls.__name__}) -> dict[str, Any]:",
        *(f"    {line}" for line in body),
    ]


def _field_lines(field: attrs.Attribute[Any], tp: Any) -> list[str]:
    name, rule, default = field.name, field.metadata.get("rule"), field.default
    exact_str = rule is not None and rule.text_test is not None
    if typing.get_origin(tp) is tuple:
        if default != ():
            raise TypeError(f"{name}: a tuple field whose default is not ()")
        checks, value = _items(typing.get_args(tp)[0], rule)
        return [
            f"x = o.{name}",
            "if x != ():",
            *(f"    {line}" for line in checks),
            f"    d[{name!r}] = {value}",
        ]
    inner = without_none(tp)
    if inner is not None:
        if default is not None:
            raise TypeError(f"{name}: an optional field whose default is not None")
        checks, value = _value(inner, exact_str, rule_on_kind=rule is not None)
        return [
            f"x = o.{name}",
            "if x is not None:",
            *(f"    {line}" for line in checks),
            f"    d[{name!r}] = {value}",
        ]
    checks, value = _value(tp, exact_str, rule_on_kind=rule is not None)
    if default is attrs.NOTHING:
        return [f"x = o.{name}", *checks, f"d[{name!r}] = {value}"]
    if isinstance(default, enum.Enum):
        test = f"x is not {type(default).__name__}.{default.name}"
    elif type(default) is bool:
        test = f"x is not {default!r}"
    else:
        raise TypeError(f"{name}: a default of {default!r}")
    return [
        f"x = o.{name}",
        f"if {test}:",
        *(f"    {line}" for line in checks),
        f"    d[{name!r}] = {value}",
    ]


def _value(tp: Any, exact_str: bool, *, rule_on_kind: bool = False) -> tuple[list[str], str]:
    """Checks on ``x``, a value of type ``tp``, and the expression that writes it."""
    if tp is str:
        return ([] if exact_str else ["if type(x) is not str: raise NotPlain"]), "x"
    if rule_on_kind and tp is not int and tp is not float and tp != int | float:
        raise TypeError(f"a rule on a field of type {tp!r}")
    if tp is bool or tp is int:
        return [f"if type(x) is not {tp.__name__}: raise NotPlain"], "x"
    if tp is float or tp == int | float:
        return [], "checked_number(x)"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        _string_values(tp)
        return [], "x._value_"
    if tp is TimePoint:
        return [], "x.wire_text"
    if is_model(tp):
        return [], f"{_writer_name(tp)}(x)"
    raise TypeError(f"no writer for a field of type {tp!r}")


def _items(item: Any, rule: Any) -> tuple[list[str], str]:
    """Checks on ``x``, a tuple of ``item``, and the expression that writes it."""
    if item is str:
        if rule is None or rule.text_test is None:
            raise TypeError("a tuple of strings without a rule that tests text")
        # Strings a rule tested as text are strs; a tuple of them orjson writes as is.
        return ["if type(x) is not tuple: raise NotPlain"], "x"
    if rule is not None:
        raise TypeError(f"a rule on a tuple of {item!r}")
    if isinstance(item, type) and issubclass(item, enum.Enum):
        _string_values(item)
        return [], "list(map(_value_of, x))"
    if is_model(item):
        return [], f"list(map({_writer_name(item)}, x))"
    if item == Record:
        return [], "list(map(write_record, x))"
    raise TypeError(f"no writer for a tuple of {item!r}")


def _string_values(kind: type[enum.Enum]) -> None:
    if not all(type(member.value) is str for member in kind):
        raise TypeError(f"{kind.__name__} has values that are not strings")
