"""Schema profiles: the full JSON contract, and generation profiles for constrained decoding.

The ``full`` profile is the JSON Schema of :mod:`peacetalks.schema`, unchanged.
A *generation* profile is derived from it for language models and the engines
that constrain their output (OpenAI strict structured outputs, llguidance,
outlines-core), using only what they all accept:

* the root is an object with ``records`` (and, for ``document``, the document's
  ``schema_version``, ``title`` and ``sources``); no root ``$ref``, no ``$defs``:
  every type is written out where it is used;
* every property is required, and ``additionalProperties`` is false; a property
  that is optional in the full schema is nullable, and ``null`` means "not
  given" (its default);
* no ``not``, ``if``/``then``/``else``, ``allOf``, ``oneOf``, ``const`` or
  ``default``: records are told apart in an ``anyOf`` by a one-value ``enum``
  on ``type``;
* patterns are anchored and match only characters that JSON writes unescaped,
  so engines that apply them to the JSON text (outlines-core) and those that
  apply them to the decoded string agree; numbers carry no ±1.8e308 bounds;
* every property has a description (from the docstrings), with an example
  value from the bundled example where it has one.

What a profile cannot say is checked by peacetalks after decoding, when the
output is loaded (:func:`from_profile`, :func:`peacetalks.extract.extract`):
text that is not blank, country codes that exist, zones the zone database knows,
and every rule between fields. A record written under a profile therefore
either loads or yields a :class:`~peacetalks.errors.ValidationError` naming
the path.

>>> from peacetalks.profiles import PROFILES, build_profile
>>> PROFILES
('full', 'document', 'actor', 'statement', 'proposal', 'truce', 'venue')
>>> statement = build_profile("statement")
>>> statement["required"], statement["additionalProperties"]
(['records'], False)
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import attrs

from peacetalks._base import Model
from peacetalks._rules import FLOAT_MAX, describe
from peacetalks.converter import to_dict
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record
from peacetalks.errors import Problem, ValidationError
from peacetalks.evidence import check_evidence, quotation_problem
from peacetalks.schema import load_schema, schema_text

__all__ = [
    "GENERATION_PROFILES",
    "PROFILES",
    "Schema",
    "build_profile",
    "from_profile",
    "profile_text",
    "to_profile",
]

Schema = dict[str, Any]

#: Every profile's name: the full contract, a whole document, then one per record kind.
PROFILES = ("full", "document", *RECORD_CLASSES)
#: The profiles made for constrained decoding (all but ``full``).
GENERATION_PROFILES = PROFILES[1:]

# Printable ASCII but '"' and '\': what JSON writes as it is.
_PLAIN = r"!#-\[\]-~"
#: The definitions whose values a generation profile describes differently: a
#: looser or simpler form, whose exact rule peacetalks checks after decoding.
_REPLACED: dict[str, Schema] = {
    # A pattern for "not blank" would have to allow any character around the
    # non-blank one, quotes and backslashes included: no engine reads that alike.
    "NonEmptyText": {"type": "string"},
    "CountryCode": {"type": "string", "pattern": "^[A-Z]{2}$"},
    "URL": {
        "type": "string",
        "pattern": f"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][{_PLAIN}]*)?$",
    },
}
# maxLength (the caps on URLs, language tags and zone names) is not in OpenAI's
# strict subset: the caps are checked after decoding like the other limits.
_DROPPED = frozenset(
    {"not", "allOf", "if", "then", "else", "default", "title", "$schema", "maxLength"}
)
_AFTER_DECODING = (
    "Write null for what the text does not say. Checked by peacetalks after decoding,"
    " beyond this schema: text is not blank; URLs, language tags and zone names are not too"
    " long; country codes exist; time zones are known;"
    " and the rules between fields (a 'between' quantity has an upper end, ends are not"
    " before starts, evidence offsets span the quote...)."
)


def build_profile(name: str) -> Schema:
    """The JSON Schema of profile ``name`` (one of :data:`PROFILES`), as a new dict."""
    return copy.deepcopy(_profile(name))


def profile_text(name: str) -> str:
    """The profile as JSON text, as ``peacetalks schema --profile NAME`` prints it.

    For ``full`` this is the shipped schema file, byte for byte.
    """
    if name == "full":
        from peacetalks.schema import load_schema_text  # noqa: PLC0415 - the shipped file

        return load_schema_text()
    return schema_text(_profile(name))


@cache
def _profile(name: str) -> Schema:
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}: expected one of {', '.join(PROFILES)}")
    full = load_schema()
    if name == "full":
        return full
    builder = _Generation(full["$defs"], _examples())
    if name == "document":
        root = builder.object_of("Document")
        root["description"] = f"{full['description']} {_AFTER_DECODING}"
        return root
    record = builder.object_of(RECORD_CLASSES[name].__name__)
    return {
        "type": "object",
        "description": (
            f"Records of one kind, {name}, extracted from a text, in peacetalks schema version"
            f" {SCHEMA_VERSION}. {_AFTER_DECODING}"
        ),
        "properties": {
            "records": {
                "type": "array",
                "description": f"The {name} records, one object each.",
                "items": record,
            }
        },
        "required": ["records"],
        "additionalProperties": False,
    }


class _Generation:
    """Writes out the full schema's definitions in the generation subset."""

    def __init__(self, defs: Schema, examples: dict[tuple[str, str], Any]) -> None:
        self.defs = defs
        self.examples = examples

    def object_of(self, name: str) -> Schema:
        """The definition ``name``, an object, with its class description."""
        schema = self.value({"$ref": f"#/$defs/{name}"})
        schema["description"] = self.defs[name]["description"]
        return schema

    def value(self, schema: Schema, owner: str | None = None) -> Schema:
        """The generation form of ``schema`` (a property of definition ``owner``, if any)."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if name in _REPLACED:
                return dict(_REPLACED[name])
            target = self.defs[name]
            if "properties" in target:
                return self._object(name, target)
            inner = self.value(target)
            inner.pop("description", None)  # the property says what it holds
            return inner
        out: Schema = {}
        for key, item in schema.items():
            if key in _DROPPED:
                continue
            if key in ("anyOf", "oneOf"):
                out["anyOf"] = [self.value(branch) for branch in item]
            elif key == "items":
                out["items"] = self.value(item)
            elif key == "const":
                out["enum"] = [item]
            elif key in ("minimum", "maximum") and abs(item) >= FLOAT_MAX:
                continue  # the 64-bit float range: checked after decoding
            else:
                out[key] = item
        if set(out) == {"anyOf"} and len(out["anyOf"]) == 1:
            return dict(out["anyOf"][0])
        return out

    def _object(self, name: str, target: Schema) -> Schema:
        properties: Schema = {}
        for key, prop in target["properties"].items():
            description = prop.get("description", "")
            value = self.value({k: v for k, v in prop.items() if k != "description"})
            if key not in target["required"]:
                value = _nullable(value)
            example = self.examples.get((name, key))
            if example is not None:
                shown = json.dumps(example, ensure_ascii=False)
                description = f"{description} Example: {shown}."
            properties[key] = {"description": description, **value}
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }


def _nullable(schema: Schema) -> Schema:
    if set(schema) == {"type"} and isinstance(schema["type"], str):
        return {"type": [schema["type"], "null"]}
    branches = schema.get("anyOf") if set(schema) == {"anyOf"} else None
    if branches is not None:
        if {"type": "null"} in branches:
            return schema
        return {"anyOf": [*branches, {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


#: An object (or an array's first object) is shown as an example only when its JSON is
#: at most this long, so that descriptions stay short enough to send with every prompt.
EXAMPLE_OBJECT_CHARS = 200


@cache
def _examples() -> dict[tuple[str, str], Any]:
    """(class name, field) → an example of the field's value.

    The first value the bundled example gives the field: a plain value or list
    of them (at most two items), or a short object (or a list of one) whose JSON
    is at most :data:`EXAMPLE_OBJECT_CHARS` characters. For the fields the
    bundled example leaves empty, ``data/profile_examples.json`` gives one (each
    checked against the full schema by the tests).
    """
    found = dict(_bundled_examples())
    for name, value in json.loads(_EXAMPLES_FILE.read_text(encoding="utf-8")).items():
        if not name.startswith("_"):
            cls, field = name.split(".")
            found.setdefault((cls, field), value)
    return found


@cache
def _bundled_examples() -> dict[tuple[str, str], Any]:
    """(class name, field) → the example the bundled example document gives."""
    from peacetalks.example import load_example  # noqa: PLC0415 - only for the profiles

    found: dict[tuple[str, str], Any] = {}
    document = load_example()
    for obj, data in _pairs(document, to_dict(document)):
        for key, value in data.items():
            if (type(obj).__name__, key) in found or value is None or value == []:
                continue
            shown = _example(value)
            if shown is not None:
                found[type(obj).__name__, key] = shown
    return found


_EXAMPLES_FILE = files("peacetalks").joinpath("data", "profile_examples.json")


def _example(value: Any) -> Any:
    if isinstance(value, list) and not isinstance(value[0], dict | list):
        return value[:2]
    if isinstance(value, list):
        value = value[:1]
    elif not isinstance(value, dict):
        return value
    short = len(json.dumps(value, ensure_ascii=False)) <= EXAMPLE_OBJECT_CHARS
    return value if short else None


def _pairs(obj: Any, data: Any) -> Iterator[tuple[Model, dict[str, Any]]]:
    """Each object of the model within ``obj``, with its JSON form within ``data``."""
    if isinstance(obj, Model) and isinstance(data, dict):
        yield obj, data
        for field in attrs.fields(type(obj)):
            if field.name in data:
                yield from _pairs(getattr(obj, field.name), data[field.name])
    elif isinstance(obj, tuple) and isinstance(data, list):
        for item, value in zip(obj, data, strict=True):
            yield from _pairs(item, value)


@cache
def full_definitions() -> Schema:
    """The ``$defs`` of the full schema, read once; not to be changed."""
    defs: Schema = load_schema()["$defs"]
    return defs


def to_profile(value: Document | Record | tuple[Record, ...], name: str) -> Schema:
    """``value`` as generation profile ``name`` writes it: every property present
    (``null`` for what is not given), in the profile's order.

    A document or a tuple of records for ``document``; records of the one kind
    for a record kind's profile.
    """
    defs = full_definitions()
    if name == "document":
        document = value if isinstance(value, Document) else Document(records=_records(value))
        filled: Schema = _fill(to_dict(document), {"$ref": "#/$defs/Document"}, defs)
        return filled
    if name not in RECORD_CLASSES:
        raise ValueError(f"not a generation profile: {name!r}")
    records = value.records if isinstance(value, Document) else _records(value)
    wrong = [type(r).__name__ for r in records if r.record_type != name]
    if wrong:
        raise ValueError(f"the {name} profile holds {name} records only, not {', '.join(wrong)}")
    item = {"$ref": f"#/$defs/{RECORD_CLASSES[name].__name__}"}
    return {"records": [_fill(to_dict(record), item, defs) for record in records]}


def _records(value: Record | tuple[Record, ...]) -> tuple[Record, ...]:
    return value if isinstance(value, tuple) else (value,)


def _resolve(schema: Schema, data: Any, defs: Schema) -> Schema:
    """The branch of ``schema`` that describes ``data``: through ``$ref`` and ``anyOf``."""
    while True:
        if "$ref" in schema:
            schema = defs[schema["$ref"].rsplit("/", 1)[1]]
            continue
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches is None:
            return schema
        schema = _pick(branches, data, defs)


def _pick(branches: list[Schema], data: Any, defs: Schema) -> Schema:
    resolved = [_resolve(b, None, defs) if "$ref" in b else b for b in branches]
    if isinstance(data, dict):
        tag = data.get("type")
        for branch in resolved:
            kind = branch.get("properties", {}).get("type", {})
            if "properties" in branch and kind.get("const", tag) == tag:
                return branch
    for branch in resolved:
        if branch.get("type") != "null":
            return branch
    return resolved[0]


def _fill(data: Any, schema: Schema, defs: Schema) -> Any:
    if data is None:
        return None
    target = _resolve(schema, data, defs)
    if isinstance(data, dict) and "properties" in target:
        return {key: _fill(data.get(key), prop, defs) for key, prop in target["properties"].items()}
    if isinstance(data, list) and "items" in target:
        return [_fill(item, target["items"], defs) for item in data]
    return data


def _strip_nulls(data: Any, schema: Schema, defs: Schema) -> Any:
    """``data`` without the ``null`` values a profile writes for optional properties.

    Only keys the full schema does not require are dropped, so a ``null`` for a
    required one is still reported as such.
    """
    target = _resolve(schema, data, defs)
    if isinstance(data, dict) and "properties" in target:
        required = target.get("required", ())
        properties = target["properties"]
        return {
            key: _strip_nulls(value, properties.get(key, {}), defs)
            for key, value in data.items()
            if value is not None or key in required
        }
    if isinstance(data, list) and "items" in target:
        return [_strip_nulls(item, target["items"], defs) for item in data]
    return data


def from_profile(
    data: Any, name: str, *, source: str | None = None
) -> tuple[Document, tuple[Problem, ...]]:
    """A document of what ``data``, written under profile ``name``, holds, and every problem.

    Each record is loaded on its own: the document holds the valid ones, and
    every problem of the others is listed with its path from the root of
    ``data`` (``$.records[3].said.earliest``). For ``document``, the title and
    sources are kept when valid, and their problems listed otherwise. With the
    ``source`` text, a record whose evidence or direct quotation does not match
    it (:func:`peacetalks.evidence.check_evidence`) is reported and left out.
    """
    from peacetalks.converter import from_dict  # noqa: PLC0415 - converter imports schema

    if name not in GENERATION_PROFILES:
        raise ValueError(f"not a generation profile: {name!r}")
    problems: list[Problem] = []
    if not isinstance(data, dict):
        got = "an array" if isinstance(data, list) else type(data).__name__
        return Document(), (Problem((), "an object with 'records'", got),)
    defs = full_definitions()
    root = "Document" if name == "document" else None
    allowed = {"records"} if root is None else set(defs["Document"]["properties"])
    for key in data:
        if key not in allowed:
            problems.append(
                Problem((key,), f"only the keys {', '.join(sorted(allowed))}", "an unknown key")
            )
    envelope = Document()
    if root is not None:
        rest = {k: v for k, v in data.items() if k in allowed and k != "records"}
        rest = _strip_nulls(rest, {"$ref": "#/$defs/Document"}, defs)
        rest.setdefault("schema_version", SCHEMA_VERSION)
        try:
            envelope = from_dict(rest, Document)
        except ValidationError as error:
            problems.extend(error.problems)
    items = data.get("records")
    if items is None and root is not None and "records" in data:
        items = []  # optional in a document: null is none
    if not isinstance(items, list):
        problems.append(Problem(("records",), "an array of records", _kind(items)))
        return envelope, tuple(problems)
    records: list[Record] = []
    item = {"$ref": "#/$defs/Record" if root else f"#/$defs/{RECORD_CLASSES[name].__name__}"}
    cls: Any = Record if root else RECORD_CLASSES[name]
    for index, value in enumerate(items):
        try:
            record = from_dict(_strip_nulls(value, item, defs), cls)
        except ValidationError as error:
            problems.extend(p.within(("records", index)) for p in error.problems)
            problems.extend(_unloaded_quotation(value, index, error.problems, source))
            continue
        wrong = () if source is None else check_evidence([record], source)
        problems.extend(
            attrs.evolve(p, location=("records", index, *p.location[2:])) for p in wrong
        )
        if not wrong:
            records.append(record)
    return attrs.evolve(envelope, records=tuple(records)), tuple(problems)


def _kind(value: Any) -> str:
    return "nothing" if value is None else describe(value)


def _unloaded_quotation(
    value: Any, index: int, found: Sequence[Problem], source: str | None
) -> Iterator[Problem]:
    """A direct quotation not in ``source``, of a record that failed to load."""
    if source is None or not isinstance(value, dict) or value.get("quotation") != "direct":
        return
    if any(problem.location[:1] == ("text",) for problem in found):
        return  # its text is wrong already
    wrong = quotation_problem(value.get("text"), source)
    if wrong is not None:
        kind, record_id = value.get("type"), value.get("id")
        yield Problem(
            ("records", index, "text"),
            wrong.expected,
            wrong.got,
            kind if isinstance(kind, str) else None,
            record_id if isinstance(record_id, str) else None,
        )
