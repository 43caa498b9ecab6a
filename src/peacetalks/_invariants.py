"""JSON Schema building blocks for the rules a class's ``_check`` enforces.

A class states its cross-field rules twice: as code in ``_check`` and, as far as
JSON Schema can say them, as subschemas in its ``schema_invariants``; the rules
JSON Schema cannot say are listed in words in its ``schema_gaps``.
:mod:`peacetalks.schema` puts both into the generated schema and reference, and
the conformance tests check that the code and the schema agree.

Every helper names fields by their wire names, and treats a key that is absent
and a key whose value is ``null`` alike, as the converter does.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

__all__ = ["all_of", "any_of", "field_in", "given", "implies", "missing", "never", "non_empty"]

Schema = dict[str, Any]


def given(name: str) -> Schema:
    """The field is present and not null."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def missing(name: str) -> Schema:
    """The field is absent or null."""
    return {"properties": {name: {"type": "null"}}}


def non_empty(name: str) -> Schema:
    """The array field has at least one item."""
    return {"required": [name], "properties": {name: {"type": "array", "minItems": 1}}}


def field_in(name: str, values: Iterable[enum.Enum], *, when_missing: bool = False) -> Schema:
    """The field holds one of ``values``; an absent field counts only ``when_missing``.

    Pass ``when_missing=True`` when the field's default is among ``values``.
    """
    wire = sorted(str(member.value) for member in values)
    schema: Schema = {"properties": {name: {"enum": wire}}}
    if not when_missing:
        schema["required"] = [name]
    return schema


def implies(condition: Schema, then: Schema, otherwise: Schema | None = None) -> Schema:
    """When ``condition`` holds, so must ``then``; else ``otherwise``, if given."""
    schema: Schema = {"if": condition, "then": then}
    if otherwise is not None:
        schema["else"] = otherwise
    return schema


def any_of(*schemas: Schema) -> Schema:
    """At least one of ``schemas`` holds."""
    return {"anyOf": list(schemas)}


def all_of(*schemas: Schema) -> Schema:
    """Every one of ``schemas`` holds."""
    return {"allOf": list(schemas)}


def never(schema: Schema) -> Schema:
    """``schema`` does not hold."""
    return {"not": schema}
