"""Golden fixtures: documents written in every released schema version load, migrate and round-trip.

tests/golden/vN/ holds documents exactly as version N wrote them. They are never
edited once N is released: a change to the format adds a new version, a
migration and a new folder. The fixtures of the current version cover every
record kind, type and field.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import peacetalks as pt
from peacetalks.migrations import identify, migrate_document
from peacetalks.schema import load_schema

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = sorted(GOLDEN.glob("v*/*.json"))


def _version_of(path: Path) -> int:
    found = re.fullmatch(r"v([0-9]+)", path.parent.name)
    assert found, f"{path} is not in a vN folder"
    return int(found.group(1))


def test_there_are_golden_fixtures_for_the_current_version() -> None:
    assert any(_version_of(path) == pt.SCHEMA_VERSION for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_fixture_loads_migrates_and_round_trips(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    untouched = copy.deepcopy(data)
    assert identify(data) == _version_of(path)

    migrated = migrate_document(data)
    assert migrated["schema_version"] == pt.SCHEMA_VERSION
    jsonschema.validate(migrated, load_schema(), cls=jsonschema.Draft202012Validator)

    document = pt.from_json(path.read_bytes(), pt.Document)
    assert pt.from_dict(data, pt.Document) == document
    assert pt.to_dict(document) == migrated
    assert pt.from_json(pt.to_json(document), pt.Document) == document
    assert data == untouched, "loading or migrating changed its input"


def _objects(value: Any) -> list[Any]:
    if isinstance(value, tuple):
        return [found for item in value for found in _objects(item)]
    if not attrs.has(type(value)):
        return []
    found = [value]
    for field in attrs.fields(type(value)):
        found += _objects(getattr(value, field.name))
    return found


def test_current_golden_fixtures_cover_every_record_kind_type_and_field() -> None:
    current = [p for p in FIXTURES if _version_of(p) == pt.SCHEMA_VERSION]
    objects = [o for p in current for o in _objects(pt.from_json(p.read_bytes(), pt.Document))]
    used = {
        (type(o).__name__, f.name)
        for o in objects
        for f in attrs.fields(type(o))
        if getattr(o, f.name) not in (None, f.default)
    }
    wire_types = {type(o) for o in objects}
    expected = {
        (cls.__name__, f.name)
        for cls in wire_types
        for f in attrs.fields(cls)
        if f.name != "extra_fields"
    }
    assert expected - used == set(), "fields no golden fixture of the current version uses"
    assert {cls.__name__ for cls in pt.RECORD_CLASSES.values()} <= {c.__name__ for c in wire_types}
    reachable = {name for name in load_schema()["$defs"] if hasattr(pt, name)}
    classes = {name for name in reachable if attrs.has(getattr(pt, name))}
    assert classes - {c.__name__ for c in wire_types} == set(), "types no fixture uses"
