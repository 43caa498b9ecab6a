"""Schema profiles: the full contract unchanged, the generation profiles within the
restrictions of OpenAI's strict structured outputs, exact round trips, and whatever a
profile lets through either loading or being reported at its path."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from conftest import run_peacetalks as run
from peacetalks.profiles import (
    GENERATION_PROFILES,
    _bundled_examples,
    build_profile,
    from_profile,
    profile_text,
    to_profile,
)
from peacetalks.schema import load_schema, load_schema_text
from peacetalks.testing import documents, records

EXAMPLE = pt.load_example()


def _example(name: str) -> pt.Document | tuple[pt.Record, ...]:
    if name == "document":
        return EXAMPLE
    return tuple(r for r in EXAMPLE.records if r.record_type == name)


# -- the full profile ------------------------------------------------------------------


def test_the_full_profile_is_the_shipped_schema_byte_for_byte() -> None:
    assert build_profile("full") == load_schema()
    assert profile_text("full") == load_schema_text()
    result = run("schema", "--profile", "full")
    assert result.returncode == 0, result.stderr
    assert result.stdout == load_schema_text()


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_the_command_prints_each_generation_profile(name: str) -> None:
    result = run("schema", "--profile", name)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == build_profile(name)


def test_an_unknown_profile_is_refused() -> None:
    assert run("schema", "--profile", "everything").returncode == 2
    with pytest.raises(ValueError, match="unknown profile 'everything'"):
        build_profile("everything")


# -- OpenAI strict mode ------------------------------------------------------------------
# The published restrictions of OpenAI's Structured Outputs with "strict": true
# (platform.openai.com/docs/guides/structured-outputs, "Supported schemas"):
# the root is an object, not anyOf; every property is required; every object has
# additionalProperties false; only these keywords; at most 5000 object properties
# and 10 levels of nesting; at most 120,000 characters of property names, definition
# names, enum and const values; at most 1000 enum values in all, and 15,000 characters
# for one enum of more than 250 string values.

OPENAI_KEYWORDS = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "anyOf",
    "$ref",
    "$defs",
    "description",
    "title",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
}
OPENAI_TYPES = {"string", "number", "integer", "boolean", "object", "array", "null"}


def openai_strict_violations(schema: dict[str, Any]) -> list[str]:
    """Every way ``schema`` breaks OpenAI's published strict-mode restrictions."""
    found: list[str] = []
    if schema.get("type") != "object" or "anyOf" in schema:
        found.append("$: the root must be an object, not anyOf")
    totals = {"properties": 0, "chars": 0, "enum_values": 0}

    def walk(node: dict[str, Any], path: str, depth: int) -> None:
        for key in node:
            if key not in OPENAI_KEYWORDS:
                found.append(f"{path}: keyword {key!r} is not supported")
        types = node.get("type")
        for kind in types if isinstance(types, list) else [types] if types else []:
            if kind not in OPENAI_TYPES:
                found.append(f"{path}: type {kind!r}")
        if "properties" in node or node.get("type") == "object":
            depth += 1
            if depth > 10:
                found.append(f"{path}: nested deeper than 10 objects")
            properties = node.get("properties", {})
            if node.get("additionalProperties") is not False:
                found.append(f"{path}: additionalProperties must be false")
            if sorted(node.get("required", [])) != sorted(properties):
                found.append(f"{path}: every property must be required")
            totals["properties"] += len(properties)
            totals["chars"] += sum(len(name) for name in properties)
            for name, child in properties.items():
                walk(child, f"{path}.{name}", depth)
        if "enum" in node:
            values = node["enum"]
            totals["enum_values"] += len(values)
            text = sum(len(str(v)) for v in values)
            totals["chars"] += text
            if len(values) > 250 and text > 15_000:
                found.append(f"{path}: an enum of more than 250 values over 15,000 characters")
        if "const" in node:
            totals["chars"] += len(str(node["const"]))
        if "items" in node:
            walk(node["items"], f"{path}[]", depth)
        for index, branch in enumerate(node.get("anyOf", [])):
            walk(branch, f"{path}|{index}", depth)
        for name, definition in node.get("$defs", {}).items():
            totals["chars"] += len(name)
            walk(definition, f"#/$defs/{name}", 0)

    walk(schema, "$", 0)
    if totals["properties"] > 5000:
        found.append(f"{totals['properties']} object properties, more than 5000")
    if totals["chars"] > 120_000:
        found.append(f"{totals['chars']} characters of names and values, more than 120,000")
    if totals["enum_values"] > 1000:
        found.append(f"{totals['enum_values']} enum values, more than 1000")
    return found


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_each_generation_profile_keeps_openai_strict_mode_rules(name: str) -> None:
    profile = build_profile(name)
    assert openai_strict_violations(profile) == []
    jsonschema.Draft202012Validator.check_schema(profile)


def test_the_strict_mode_check_rejects_the_full_schema_for_its_known_faults() -> None:
    faults = "\n".join(openai_strict_violations(load_schema()))
    for fault in ("'not'", "'allOf'", "'oneOf'", "'default'", "every property"):
        assert fault in faults


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_every_property_has_a_description_and_patterns_are_json_safe(name: str) -> None:
    def walk(node: dict[str, Any], path: str) -> None:
        for key, child in node.get("properties", {}).items():
            assert child.get("description"), f"{path}.{key}"
            walk(child, f"{path}.{key}")
        for child in [node.get("items"), *node.get("anyOf", [])]:
            if child:
                walk(child, path)
        pattern = node.get("pattern")
        if pattern is not None:
            assert pattern.startswith("^"), path
            assert pattern.endswith("$"), path
            # Only characters JSON writes as they are: engines reading the pattern
            # against the JSON text and against the decoded string agree.
            assert not re.search(r'[\x00-\x1f"]', pattern), path

    walk(build_profile(name), "$")


def test_descriptions_carry_examples_from_the_bundled_example() -> None:
    statement = build_profile("statement")["properties"]["records"]["items"]
    assert 'Example: "direct"' in statement["properties"]["quotation"]["description"]
    said = statement["properties"]["said"]["description"]
    assert 'Example: {"words": "on Friday", "earliest": "2025-03-21"' in said


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_every_field_of_every_profile_has_an_example(name: str) -> None:
    missing: list[str] = []

    def walk(node: dict[str, Any], path: str) -> None:
        for key, child in node.get("properties", {}).items():
            if "Example:" not in child["description"]:
                missing.append(f"{path}.{key}")
            walk(child, f"{path}.{key}")
        for child in [node.get("items"), *node.get("anyOf", [])]:
            if child:
                walk(child, path)

    profile = build_profile(name)
    for key, child in profile["properties"].items():  # the envelope: records, title...
        walk(child, f"$.{key}")
    assert missing == []


_SUPPLEMENT = json.loads(
    (Path(pt.__file__).parent / "data" / "profile_examples.json").read_text("utf-8")
)


@pytest.mark.parametrize("key", sorted(k for k in _SUPPLEMENT if not k.startswith("_")))
def test_each_supplementary_example_holds_under_the_full_schema(key: str) -> None:
    """The examples for fields the bundled example leaves empty: valid, and needed."""
    defs = load_schema()["$defs"]
    cls, field = key.split(".")
    schema = {**defs[cls]["properties"][field], "$defs": defs}
    jsonschema.validate(_SUPPLEMENT[key], schema, cls=jsonschema.Draft202012Validator)
    assert (cls, field) not in _bundled_examples(), f"{key}: the bundled example gives one"


# -- round trips -----------------------------------------------------------------------


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_the_example_round_trips_exactly_through_each_profile(name: str) -> None:
    value = _example(name)
    data = json.loads(json.dumps(to_profile(value, name)))
    jsonschema.validate(data, build_profile(name))
    document, problems = from_profile(data, name)
    assert problems == ()
    if name == "document":
        assert document == EXAMPLE
    else:
        assert document.records == value


@given(documents())
def test_any_document_round_trips_through_the_document_profile(document: pt.Document) -> None:
    data = json.loads(json.dumps(to_profile(document, "document")))
    assert from_profile(data, "document") == (document, ())


@given(records())
def test_any_record_round_trips_through_its_kind_profile(record: pt.Record) -> None:
    data = to_profile((record,), record.record_type or "")
    assert from_profile(data, record.record_type or "") == (pt.Document(records=(record,)), ())


def test_a_record_of_another_kind_is_refused_by_a_kind_profile() -> None:
    with pytest.raises(ValueError, match="statement records only"):
        to_profile(_example("actor"), "statement")


# -- whatever a profile lets through loads, or is reported at its path --------------------


def from_schema(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values valid against a generation profile (the keywords it uses)."""
    if "anyOf" in node:
        return st.one_of([from_schema(branch) for branch in node["anyOf"]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kinds = node.get("type")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**node, "type": kind}) for kind in kinds])
    if kinds == "object":
        return st.fixed_dictionaries(
            {key: from_schema(child) for key, child in node["properties"].items()}
        )
    if kinds == "array":
        return st.lists(from_schema(node["items"]), max_size=2)
    if kinds == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True)
        return st.text(max_size=8)
    if kinds == "integer":
        return st.integers(min_value=node.get("minimum"), max_value=node.get("maximum"))
    if kinds == "number":
        numbers = st.floats(
            min_value=node.get("minimum"),
            max_value=node.get("maximum"),
            allow_nan=False,
            allow_infinity=False,
        )
        return numbers | st.integers(min_value=-(10**6), max_value=10**6).filter(
            lambda n: node.get("minimum", n) <= n <= node.get("maximum", n)
        )
    if kinds == "boolean":
        return st.booleans()
    if kinds == "null":
        return st.none()
    raise AssertionError(f"a keyword the generation profiles do not use: {node}")


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_output_a_profile_allows_loads_or_is_reported_at_its_path(name: str) -> None:
    profile = build_profile(name)

    @settings(max_examples=8 if name == "document" else 20)
    @given(from_schema(profile))
    def check(data: dict[str, Any]) -> None:
        jsonschema.validate(data, profile)
        document, problems = from_profile(data, name)
        failed = {p.location[1] for p in problems if p.location[:1] == ("records",)}
        assert all(p.location and p.path.startswith("$.") for p in problems)
        assert len(document.records) + len(failed) == len(data["records"] or [])
        for problem in problems:
            assert str(problem)  # each renders with its path

    check()
