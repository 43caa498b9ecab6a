"""The JSON Schema of the peacetalks format, generated from the classes themselves.

:func:`build_schema` walks every class reachable from :class:`~peacetalks.Document`
and writes a JSON Schema (draft 2020-12) with a ``$defs`` entry per type:

* each field's description from its metadata, each type's from its docstring;
* each field's rule (``metadata["rule"]``) as its patterns and enums;
* fields without a default are ``required``; unknown keys are not allowed;
* each class's ``schema_invariants`` (what its ``_check`` enforces) in ``allOf``,
  and its ``schema_gaps`` (what JSON Schema cannot say) in its description.

The generated file ships in the package; :func:`load_schema` reads it, and the
``peacetalks schema`` command prints it. After changing the model, regenerate it
and the reference page with::

    python -m peacetalks.schema --write --reference docs/reference.md

and ``--check`` instead of ``--write`` (as CI does) fails while either is stale.

>>> from peacetalks.schema import build_schema, load_schema
>>> load_schema() == build_schema()
True
>>> load_schema()["$defs"]["Document"]["properties"]["schema_version"]["const"]
2
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
import types
import typing
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

from peacetalks._base import Checked, Model
from peacetalks._docstrings import class_doc, member_docs
from peacetalks._rules import FLOAT_MAX, Rule
from peacetalks.converter import to_dict
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record

__all__ = [
    "SCHEMA_DIALECT",
    "build_schema",
    "definition_name",
    "load_schema",
    "load_schema_text",
    "main",
    "schema_text",
    "schema_types",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_FILE = ("data", "schema.json")
_NUMBER = {"type": "number", "minimum": -FLOAT_MAX, "maximum": FLOAT_MAX}
_SIMPLE: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: _NUMBER,
}
Schema = dict[str, Any]


def build_schema() -> Schema:
    """The JSON Schema of a peacetalks document, freshly generated from the classes."""
    return _build()[0]


def schema_types() -> dict[str, Any]:
    """What each ``$defs`` entry is made from: a class, a :class:`Rule` or ``Record``."""
    return _build()[1]


def _build() -> tuple[Schema, dict[str, Any]]:
    builder = _Builder()
    root = builder.ref(Document)
    schema = {
        "$schema": SCHEMA_DIALECT,
        "title": f"peacetalks document, schema version {SCHEMA_VERSION}",
        "description": (
            "A peacetalks document: records of peace negotiations as the news reports them"
            " (actors, statements, proposals, truces, venues), in schema version"
            f" {SCHEMA_VERSION}. A single record is valid against #/$defs/Record."
        ),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    normal: Schema = json.loads(json.dumps(schema))  # tuples become lists, as when loaded
    return normal, builder.types


def schema_text(schema: Schema | None = None) -> str:
    """The schema as the JSON text that is shipped: indented, ASCII, one final newline.

    ASCII: characters beyond it, such as the whitespace in patterns, are written
    as JSON escapes, so they are visible and survive any encoding.
    """
    text = json.dumps(build_schema() if schema is None else schema, indent=2)
    return text + "\n"


@cache
def load_schema_text() -> str:
    """The JSON Schema shipped with this version of peacetalks, as JSON text."""
    return files("peacetalks").joinpath(*_FILE).read_text(encoding="utf-8")


def load_schema() -> Schema:
    """The JSON Schema shipped with this version of peacetalks (a new copy each call)."""
    schema: Schema = json.loads(load_schema_text())
    return schema


class _Builder:
    """Collects a ``$defs`` entry for every type a schema refers to."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}
        self.types: dict[str, Any] = {}  # what each definition was made from

    def ref(self, cls: Any) -> Schema:
        """A reference to the definition of ``cls`` (a class, a rule or ``Record``)."""
        name = definition_name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # claimed first: classes refer to each other
            self.types[name] = cls
            self.defs[name] = self._definition(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _definition(self, cls: Any) -> Schema:
        if isinstance(cls, Rule):
            description = cls.expected[0].upper() + cls.expected[1:] + "."
            if cls.schema_gap is not None:
                description += f" Also checked by peacetalks, beyond this schema: {cls.schema_gap}"
            return {"title": definition_name(cls), "description": description, **cls.schema}
        if cls == Record:
            return {
                "title": "Record",
                "description": "Any of the five records, told apart by its `type`: "
                + ", ".join(f"`{tag}`" for tag in RECORD_CLASSES)
                + ".",
                "oneOf": [self.ref(record) for record in RECORD_CLASSES.values()],
            }
        if issubclass(cls, enum.Enum):
            return _enum_definition(cls)
        if cls.wire_schema is not None:
            return {"title": cls.__name__, "description": class_doc(cls), **cls.wire_schema}
        return self._object_definition(cls)

    def _object_definition(self, cls: type[Model]) -> Schema:
        hints = typing.get_type_hints(cls)
        properties: Schema = {}
        required: list[str] = []
        if cls.record_type is not None:
            properties["type"] = {
                "description": "The kind of record.",
                "const": cls.record_type,
            }
            required.append("type")
        if cls is Document:
            properties["schema_version"] = {
                "description": "The version of the JSON format the document is written in.",
                "type": "integer",
                "const": SCHEMA_VERSION,
            }
            required.append("schema_version")
        for field in attrs.fields(cls):
            if field.name == "extra_fields":
                continue  # unknown keys, kept only by the lenient converter
            properties[field.name] = self._property(field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        description = class_doc(cls)
        if cls.schema_gaps:
            description += "\n\nAlso checked by peacetalks, beyond this schema: " + " ".join(
                cls.schema_gaps
            )
        definition: Schema = {
            "title": cls.__name__,
            "description": description,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if cls.schema_invariants:
            definition["allOf"] = [dict(invariant) for invariant in cls.schema_invariants]
        return definition

    def _property(self, field: attrs.Attribute[Any], tp: Any) -> Schema:
        rule: Rule | None = field.metadata.get("rule")
        schema: Schema = {"description": field.metadata["doc"], **self.value(tp, rule)}
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default = default.factory()
        if default is not attrs.NOTHING:
            schema["default"] = to_dict(default)
        return schema

    def value(self, tp: Any, rule: Rule | None) -> Schema:
        """The schema of a value of type ``tp``; ``rule`` applies to each item of a tuple."""
        origin = typing.get_origin(tp)
        if tp == Record:
            return self.ref(Record)
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if set(members) == {int, float}:
                inner = dict(_NUMBER) if rule is None else self.ref(rule)
            elif len(members) == 1:
                inner = self.value(members[0], rule)
            else:
                raise TypeError(f"no JSON Schema for the union {tp!r}")
            return _nullable(inner) if len(members) < len(typing.get_args(tp)) else inner
        if origin is tuple:
            return {"type": "array", "items": self.value(typing.get_args(tp)[0], rule)}
        if rule is not None:
            return self.ref(rule)
        if tp in _SIMPLE:
            return dict(_SIMPLE[tp])
        if isinstance(tp, type) and (
            issubclass(tp, enum.Enum) or (attrs.has(tp) and issubclass(tp, Checked))
        ):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema for the type {tp!r}")


def definition_name(cls: Any) -> str:
    """The name of the ``$defs`` entry for a class, a rule (``CountryCode``) or ``Record``."""
    if isinstance(cls, Rule):
        return "".join(word[0].upper() + word[1:] for word in cls.name.replace("-", " ").split())
    return "Record" if cls == Record else str(cls.__name__)


def _nullable(schema: Schema) -> Schema:
    if schema.keys() == {"type"} and isinstance(schema["type"], str):
        return {"type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _enum_definition(cls: type[enum.Enum]) -> Schema:
    description = class_doc(cls)
    notes = member_docs(cls)
    if notes:
        description += "\n\n" + "\n".join(f"- `{value}`: {note}" for value, note in notes.items())
    return {
        "title": cls.__name__,
        "description": description,
        "type": "string",
        "enum": [member.value for member in cls],
    }


def _write_or_check(path: Path, text: str, *, write: bool) -> bool:
    """Write ``text`` to ``path``, or check it is already there; True when current."""
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        return True
    if write:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
        return True
    print(f"{path} is stale: run python -m peacetalks.schema --write", file=sys.stderr)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m peacetalks.schema``: print, write or check the generated files."""
    parser = argparse.ArgumentParser(
        prog="python -m peacetalks.schema",
        description="Generate the JSON Schema (and the reference page) from the classes.",
        epilog="exit codes: 0 done or current, 1 a generated file is stale, 2 usage error",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="write the generated files")
    action.add_argument("--check", action="store_true", help="fail if a generated file is stale")
    parser.add_argument("--reference", type=Path, metavar="PATH", help="also the reference page")
    args = parser.parse_args(argv)
    schema = build_schema()
    if not (args.write or args.check):
        sys.stdout.write(schema_text(schema))
        return 0
    targets = [(Path(__file__).parent.joinpath(*_FILE), schema_text(schema))]
    if args.reference is not None:
        from peacetalks._reference import build_reference  # noqa: PLC0415 - only needed here

        targets.append((args.reference, build_reference(schema)))
    current = [_write_or_check(path, text, write=args.write) for path, text in targets]
    return 0 if all(current) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
