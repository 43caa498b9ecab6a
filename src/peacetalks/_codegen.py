"""Write ``peacetalks/_readers.py`` and ``_writers.py``: generated code (a tool for developers).

Run ``python -m peacetalks._codegen`` after changing a class, and
``python -m peacetalks._codegen --check`` (as ``.ci/run`` does) to fail when the
file on disk is not what the classes give. The readers are ordinary Python
source written into the package, not code compiled at run time: peacetalks
never calls ``exec`` or ``eval`` (see ``SECURITY.md``).

For every class a document can hold, the generator writes one function that
reads a plain dict and returns the object, doing in one pass what the
converter's hooks, attrs' ``__init__`` and the construction-time checks of
:mod:`peacetalks._base` do one call at a time: the key set, the tag, each
field's JSON type, its rule and its enum, then the rules across fields. It
raises at the first sign of trouble without saying what: the converter then
reads the same input the exact way, which reports every problem. So a reader
must accept exactly the input the exact path accepts without a problem, and
build an equal object; ``tests/test_readers.py`` checks both.

The generator refuses a field shape it does not know, so a new kind of field
fails here, not in the readers.
"""

from __future__ import annotations

import argparse
import enum
import re
import sys
import typing
from pathlib import Path
from typing import Any

import attrs

from peacetalks import _rules
from peacetalks._base import _CHECKERS, Checked, Model, optional_of, without_none
from peacetalks._classhooks import is_model
from peacetalks.document import RECORD_CLASSES, Document, Record
from peacetalks.timepoint import TimePoint

__all__ = ["READERS_FILE", "WRITERS_FILE", "generate", "main"]

READERS_FILE = Path(__file__).with_name("_readers.py")
WRITERS_FILE = Path(__file__).with_name("_writers.py")
_LINE_LENGTH = 100

_HEADER = '''\
"""Fast readers for every peacetalks class: generated, do not edit.

Written by ``python -m peacetalks._codegen`` from the classes themselves; see that
module for what a reader does and why. One function per class, hence the length.
Each raises at the first sign of trouble (any exception); the converter then
reads the input the exact way, which reports every problem.
"""

# ruff: noqa: E501, SIM102
# fmt: off

from __future__ import annotations

from collections.abc import Callable
from typing import Any

{imports}

__all__ = ["READERS", "read_record"]


class NotRead(Exception):  # noqa: N818 - internal signal, never escapes
    """The fast reader gives up: the exact path will say why."""


def _text_test(rule: _rules.Rule) -> Callable[[str], object]:
    if rule.text_test is None:
        raise TypeError(f"the rule {{rule.name!r}} has no test for text alone")
    return rule.text_test


_new = object.__new__
_set = object.__setattr__
_point = TimePoint.parse
_known_point = _INTERNED.get  # the points parse shares (a TimePoint is always true)
_is_number = _rules.is_number
'''


def _rule_name(rule: _rules.Rule) -> str:
    for name in _rules.__all__:
        if getattr(_rules, name) is rule:
            return name
    raise TypeError(f"rule {rule.name!r} is not one of peacetalks._rules")


def _classes() -> list[type[Model]]:
    """Every class a document can hold, each once, in a stable order."""
    found: dict[type[Model], None] = {}

    def visit(tp: Any) -> None:
        if is_model(tp):
            if tp in found:
                return
            found[tp] = None
            hints = typing.get_type_hints(tp)
            for field in attrs.fields(tp):
                visit(hints[field.name])
        for arg in typing.get_args(tp):
            visit(arg)

    visit(Document)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


class _Module:
    """The names a generated module binds at import, with what each is bound to."""

    def __init__(self) -> None:
        self.bindings: dict[str, str] = {}

    def bind(self, name: str, expression: str) -> str:
        self.bindings.setdefault(name, expression)
        return name

    def rule_test(self, rule: _rules.Rule) -> tuple[str, bool]:
        """The name of the rule's quickest test, and whether it is for ``str`` alone."""
        name = _rule_name(rule)
        if rule.text_test is not None:
            return self.bind(f"_text_{snake(name)}", f"_text_test(_rules.{name})"), True
        return self.bind(f"_test_{snake(name)}", f"_rules.{name}.test"), False

    def enum_table(self, kind: type[enum.Enum]) -> str:
        return self.bind(
            f"_members_{snake(kind.__name__)}",
            f"{{member.value: member for member in {kind.__name__}}}",
        )


def snake(name: str) -> str:
    """``ReportedTime`` as ``reported_time``, ``NON_EMPTY`` as ``non_empty``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def _reader_name(cls: type) -> str:
    return f"read_{snake(cls.__name__)}"


def _value_lines(w: _Module, tp: Any, rule: _rules.Rule | None, v: str) -> list[str]:
    """Lines that check the non-null value ``v`` of type ``tp`` and leave the result in ``v``."""
    fail = "raise NotRead"
    if tp is str:
        if rule is None:
            return [f"if type({v}) is not str: {fail}"]
        test, text_only = w.rule_test(rule)
        return [f"if type({v}) is not str or not {test}({v}): {fail}"]
    if tp is bool:
        if rule is not None:
            raise TypeError(f"a rule on a field of type {tp!r}")
        return [f"if type({v}) is not bool: {fail}"]
    if tp is int or tp is float or tp == int | float:
        if tp is int:
            lines = [f"if type({v}) is not int: {fail}"]
        else:
            lines = [f"if not _is_number({v}): {fail}"]
            if tp is float:
                lines.append(f"{v} = float({v})")
        if rule is not None:
            test, text_only = w.rule_test(rule)
            if text_only:
                raise TypeError(f"rule {rule.name!r} tests text, not numbers")
            lines.append(f"if not {test}({v}): {fail}")
        return lines
    if rule is not None:
        raise TypeError(f"a rule on a field of type {tp!r}")
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        table = w.enum_table(tp)
        return [f"if type({v}) is not str: {fail}", f"{v} = {table}[{v}]"]
    if tp is TimePoint:
        return [f"if type({v}) is not str: {fail}", f"{v} = _known_point({v}) or _point({v})"]
    if is_model(tp):
        return [f"{v} = {_reader_name(tp)}({v})"]
    if tp == Record:
        return [f"{v} = read_record({v})"]
    raise TypeError(f"no reader for a field of type {tp!r}")


def _tuple_lines(w: _Module, item: Any, rule: _rules.Rule | None, v: str) -> list[str]:
    """Lines that read the array ``v`` into a tuple of ``item``, left in ``v``."""
    lines = [f"if type({v}) is not list and type({v}) is not tuple: raise NotRead"]
    if item is str and rule is None:
        raise TypeError("a tuple of strings without a rule")
    if rule is not None and item is not str and item is not int:
        raise TypeError(f"a rule on a tuple of {item!r}")
    if item is str or item is int:
        body = _value_lines(w, item, rule, "item")
        return [*lines, f"for item in {v}:", *(f"    {line}" for line in body), f"{v} = tuple({v})"]
    if isinstance(item, type) and issubclass(item, enum.Enum):
        table = w.enum_table(item)
        return [
            *lines,
            f"for item in {v}:",
            "    if type(item) is not str: raise NotRead",
            f"{v} = tuple([{table}[item] for item in {v}])",
        ]
    if is_model(item):
        return [*lines, f"{v} = tuple([{_reader_name(item)}(item) for item in {v}])"]
    if item == Record:
        return [*lines, f"{v} = tuple([read_record(item) for item in {v}])"]
    raise TypeError(f"no reader for a tuple of {item!r}")


def _field_lines(w: _Module, field: attrs.Attribute[Any], tp: Any) -> list[str]:
    """Lines that leave the field's value in ``f_<name>``."""
    name, v = field.name, f"f_{field.name}"
    rule = field.metadata.get("rule")
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{name}: a default factory")
    if field.converter is not None or field.validator is not None:
        raise TypeError(f"{name}: a converter or validator")
    if not field.init:
        raise TypeError(f"{name}: a field set by the class, not by its input (init=False)")
    if typing.get_origin(tp) is tuple:
        if len(typing.get_args(tp)) != 2 or typing.get_args(tp)[1] is not Ellipsis:
            raise TypeError(f"{name}: a tuple of fixed length")
        if default != ():
            raise TypeError(f"{name}: a tuple field whose default is not ()")
        body = _tuple_lines(w, typing.get_args(tp)[0], rule, v)
        return [
            f"if {name!r} in o:",
            f"    {v} = o[{name!r}]",
            *(f"    {line}" for line in body),
            "else:",
            f"    {v} = ()",
        ]
    inner = without_none(tp)
    if inner is not None:
        if default is not None:
            raise TypeError(f"{name}: an optional field whose default is not None")
        body = _value_lines(w, inner, rule, v)
        return [f"{v} = o.get({name!r})", f"if {v} is not None:", *(f"    {line}" for line in body)]
    body = _value_lines(w, tp, rule, v)
    if default is attrs.NOTHING:
        return [f"{v} = o[{name!r}]", *body]
    default_name = _default_name(w, field, default)
    return [
        f"if {name!r} in o:",
        f"    {v} = o[{name!r}]",
        *(f"    {line}" for line in body),
        "else:",
        f"    {v} = {default_name}",
    ]


def _default_name(w: _Module, field: attrs.Attribute[Any], default: object) -> str:
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    if type(default) is bool:
        return repr(default)
    raise TypeError(f"{field.name}: a default of {default!r}")


def _class_lines(w: _Module, cls: type[Model]) -> list[str]:
    post_init = cls.__attrs_post_init__
    if post_init is not Checked.__attrs_post_init__ and post_init not in _CHECKERS.values():
        raise TypeError(f"{cls.__name__} has an __attrs_post_init__ of its own")
    init_code = getattr(cls.__init__, "__code__", None)
    if (
        hasattr(cls, "__attrs_pre_init__")
        or init_code is None
        or "attrs generated" not in init_code.co_filename
    ):
        raise TypeError(f"{cls.__name__} is built by code other than attrs' __init__")
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.name != "extra_fields"]
    keys = {f.name for f in fields}
    if cls.record_type:
        keys.add("type")
    if cls is Document:
        keys.add("schema_version")
    key_set = w.bind(f"_keys_{snake(cls.__name__)}", f"frozenset({sorted(keys)!r})")
    body = [
        f"if type(o) is not dict or not o.keys() <= {key_set}: raise NotRead",
    ]
    if cls.record_type:
        body.append(f"if o.get('type') != {cls.record_type!r}: raise NotRead")
    if cls is Document:
        body.append("if o.get('schema_version') != SCHEMA_VERSION: raise NotRead")
    for field in fields:
        body.extend(_field_lines(w, field, hints[field.name]))
    body.append(f"obj = _new({cls.__name__})")
    body.append("_set(obj, 'extra_fields', None)")
    body.extend(f"_set(obj, {f.name!r}, f_{f.name})" for f in fields)
    if cls._check is not Checked._check:
        check = w.bind(f"_check_{snake(cls.__name__)}", f"{cls.__name__}._check")
        body.append(f"if {check}(obj): raise NotRead")
    body.append("return obj")
    return [
        f"def {_reader_name(cls)}(o: Any, _: Any = None) -> {cls.__name__}:",
        *(f"    {line}" for line in body),
    ]


def generate() -> dict[Path, str]:
    """The generated modules for the classes as they are now, by path."""
    from peacetalks import _codegen_write  # noqa: PLC0415 - it uses this module's helpers

    classes = _classes()
    return {
        READERS_FILE: _generate_readers(classes),
        WRITERS_FILE: _codegen_write.generate_writers(classes),
    }


def _generate_readers(classes: list[type[Model]]) -> str:
    """The text of ``_readers.py``."""
    w = _Module()
    functions: list[str] = []
    for cls in classes:
        functions.extend(["", "", *_class_lines(w, cls)])
    imported: dict[str, set[str]] = {
        "peacetalks": {"_rules"},
        "peacetalks.document": {"SCHEMA_VERSION"},
        "peacetalks.timepoint": {"_INTERNED", "TimePoint"},
    }
    for cls in classes:
        imported.setdefault(cls.__module__, set()).add(cls.__name__)
    for tp in enums(classes):
        imported.setdefault(tp.__module__, set()).add(tp.__name__)
    imports = import_block(imported)
    readers = ", ".join(f"{cls.__name__}: {_reader_name(cls)}" for cls in classes)
    by_tag = ", ".join(f"{tag!r}: {_reader_name(cls)}" for tag, cls in RECORD_CLASSES.items())
    bindings = [f"{name} = {expression}" for name, expression in sorted(w.bindings.items())]
    record = [
        "",
        "",
        "def read_record(o: Any, _: Any = None) -> Any:",
        "    return _RECORD_READERS[o['type']](o)",
    ]
    tail = [
        "",
        "",
        f"_RECORD_READERS: dict[str, Any] = {{{by_tag}}}",
        "",
        "#: The reader of each class.",
        f"READERS: dict[type, Any] = {{{readers}}}",
        "",
    ]
    lines = [*bindings, *record, *split_raises(functions), *tail]
    return _HEADER.format(imports=imports) + "\n".join(["", *lines])


def split_raises(lines: list[str]) -> list[str]:
    """``if test: raise NotRead`` as two lines, the way the formatter wants it."""
    out = []
    for line in lines:
        head, found, signal = line.partition(": raise Not")
        if found and head.lstrip().startswith("if "):
            indent = len(line) - len(line.lstrip())
            out.extend([f"{head}:", " " * (indent + 4) + f"raise Not{signal}"])
        else:
            out.append(line)
    return out


def import_block(imported: dict[str, set[str]]) -> str:
    """The imports of a generated module, in isort's order."""
    return "\n".join(
        _import_line(module, names)
        for module, names in sorted(imported.items(), key=lambda item: _import_order(item[0]))
    )


def _import_line(module: str, names: set[str]) -> str:
    """One import, wrapped as isort wraps it when longer than a line."""
    ordered = sorted(names, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
    line = f"from {module} import {', '.join(ordered)}"
    if len(line) <= _LINE_LENGTH:
        return line
    return "\n".join([f"from {module} import (", *(f"    {n}," for n in ordered), ")"])


def _import_order(module: str) -> tuple[bool, str]:
    """isort's order: ``from peacetalks import`` first, then the modules by name."""
    return (module != "peacetalks", module)


def enums(classes: list[type[Model]]) -> list[type[enum.Enum]]:
    found: dict[type[enum.Enum], None] = {}
    for cls in classes:
        for tp in typing.get_type_hints(cls).values():
            for candidate in (tp, optional_of(tp), *typing.get_args(tp)):
                if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
                    found[candidate] = None
    return list(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if a file on disk is out of date"
    )
    args = parser.parse_args(argv)
    for path, text in generate().items():
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run python -m peacetalks._codegen", file=sys.stderr)
            return 1
        else:
            print(f"{path.name} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
