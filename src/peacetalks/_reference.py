"""The model reference page (docs/reference.md), generated from the classes and the schema.

Every type, with each field's wire name, type, whether it is required, its
description and an example value taken from the bundled example document.
Written and checked by ``python -m peacetalks.schema --reference docs/reference.md``.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from typing import Any

import attrs

from peacetalks._docstrings import class_doc, member_docs
from peacetalks._rules import Rule
from peacetalks.converter import to_dict
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document
from peacetalks.example import load_example
from peacetalks.schema import schema_types

__all__ = ["build_reference"]

Schema = dict[str, Any]
_EXAMPLE_WIDTH = 60
_HEADER = f"""\
<!-- Generated from the classes by
     python -m peacetalks.schema --write --reference docs/reference.md
     Do not edit: CI fails when this page is stale. -->

# Model reference

Every type of the peacetalks JSON format, schema version {SCHEMA_VERSION}, generated from the
classes themselves, as is the [JSON Schema](schema.md). Field names are the keys on the wire
and the attribute names in Python. *Required* fields have no default; an optional field
left out (or, where its type allows, `null`) takes its default. Examples come from the
bundled example document (`peacetalks example`); "—" marks a field it does not use.
"""


def build_reference(schema: Schema) -> str:
    """The Markdown text of the reference page for ``schema`` (from :func:`build_schema`)."""
    types = schema_types()
    examples = _examples()
    groups = _groups(types)
    lines = [_HEADER, "## Contents", ""]
    for title, names in groups:
        lines.append(f"- {title}: " + ", ".join(_link(name) for name in names))
    lines.append(f"- [What the JSON Schema cannot check]({_anchor_of_gaps()})")
    for title, names in groups:
        lines += ["", f"## {title}"]
        for name in names:
            lines += ["", *_section(name, types[name], schema["$defs"][name], examples)]
    lines += ["", *_gaps_section(types)]
    return "\n".join(lines).rstrip() + "\n"


def _groups(types: dict[str, Any]) -> list[tuple[str, list[str]]]:
    records = ["Document", "Record", *(cls.__name__ for cls in RECORD_CLASSES.values())]
    rest = sorted(set(types) - set(records))
    return [
        ("Documents and records", records),
        ("Value types", [n for n in rest if isinstance(types[n], type) and attrs.has(types[n])]),
        ("Checked strings and numbers", [n for n in rest if isinstance(types[n], Rule)]),
        ("Enumerations", [n for n in rest if _is_enum(types[n])]),
    ]


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _section(name: str, tp: Any, definition: Schema, examples: dict[str, str]) -> list[str]:
    lines = [f"### {name}", ""]
    if isinstance(tp, Rule):
        lines.append(_cell_text(definition["description"]))
        lines += ["", "```json", json.dumps(_without_docs(definition)), "```"]
        return lines
    lines.append(class_doc(tp) if name != "Record" else definition["description"])
    if name == "Record":
        return lines
    if _is_enum(tp):
        notes = member_docs(tp)
        lines += ["", "| Value | Meaning |", "| --- | --- |"]
        lines += [f"| `{m.value}` | {_cell_text(notes.get(m.value, ''))} |" for m in tp]
        return lines
    if tp.wire_schema is not None:
        lines += ["", "A string with this JSON Schema:", "", "```json"]
        lines += [json.dumps(_without_docs(definition), indent=2), "```"]
        return lines
    lines += ["", "| Field | Type | Required | Description | Example |", *_TABLE_RULE]
    required = set(definition["required"])
    for field, prop in definition["properties"].items():
        needed = "yes" if field in required else _optional(prop)
        example = examples.get(f"{name}.{field}", "—")
        text = _cell_text(prop["description"])
        lines.append(f"| `{field}` | {_type_text(prop)} | {needed} | {text} | {example} |")
    if getattr(tp, "schema_gaps", ()):
        lines += ["", "Also checked by peacetalks, beyond the JSON Schema:", ""]
        lines += [f"- {gap}" for gap in tp.schema_gaps]
    return lines


_TABLE_RULE = ["| --- | --- | --- | --- | --- |"]


def _optional(prop: Schema) -> str:
    default = prop.get("default")
    if default is None or default == []:
        return "no"
    return f"no, default {_code(json.dumps(default))}"


def _type_text(schema: Schema) -> str:
    if "$ref" in schema:
        return _link(schema["$ref"].rsplit("/", 1)[1])
    if "const" in schema:
        return _code(json.dumps(schema["const"]))
    if "anyOf" in schema:
        return " or ".join(_type_text(option) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        return "array of " + _type_text(schema["items"])
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def _without_docs(definition: Schema) -> Schema:
    return {k: v for k, v in definition.items() if k not in ("title", "description")}


def _gaps_section(types: dict[str, Any]) -> list[str]:
    lines = [
        "## What the JSON Schema cannot check",
        "",
        "peacetalks checks these rules when it loads a document; the JSON Schema cannot say",
        "them, so a document that passes a JSON Schema validator may still be rejected for",
        "them. [The JSON contract](schema.md) explains why, and lists the gaps that concern",
        "JSON itself rather than one type.",
        "",
    ]
    for name in sorted(types):
        tp = types[name]
        gaps = (tp.schema_gap,) if isinstance(tp, Rule) else getattr(tp, "schema_gaps", ())
        lines += [f"- {_link(name)}: {gap}" for gap in gaps if gap]
    return lines


def _anchor_of_gaps() -> str:
    return "#what-the-json-schema-cannot-check"


def _link(name: str) -> str:
    return f"[{name}](#{name.lower()})"


def _code(text: str) -> str:
    return f"`{_cell_text(text)}`"


def _cell_text(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _examples() -> dict[str, str]:
    """``"Class.field"`` → the first value of that field in the bundled example, as JSON."""
    found: dict[str, str] = {}
    for obj in _objects(load_example()):
        cls = type(obj)
        if cls.record_type is not None:
            found.setdefault(f"{cls.__name__}.type", _code(json.dumps(cls.record_type)))
        if cls is Document:
            found.setdefault("Document.schema_version", _code(str(SCHEMA_VERSION)))
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            key = f"{cls.__name__}.{field.name}"
            if key in found or value is None or value == field.default:
                continue
            text = json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))
            if len(text) > _EXAMPLE_WIDTH:
                text = text[: _EXAMPLE_WIDTH - 1] + "…"
            found[key] = _code(text)
    return found


def _objects(value: Any) -> Iterator[Any]:
    """Every attrs object in ``value``, parents before children."""
    if isinstance(value, tuple):
        for item in value:
            yield from _objects(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _objects(getattr(value, field.name))
