"""Integration: every file in ../shared/data/ imports, validates and round-trips exactly.

The data is never committed; it sits beside the project (``../shared/data/``).
PEACETALKS_SHARED_DATA names another folder. Outside CI these tests skip when it is missing; with
PEACETALKS_REQUIRE_SHARED_DATA=1 (set by .ci/run) they fail instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

import peacetalks as pt
from peacetalks.interop import (
    ImportResult,
    RowOutcome,
    compare_csv,
    read_ethprio,
    read_pax,
    read_plover,
    read_popolo,
    to_ethprio,
    to_pax,
    to_plover,
    to_popolo,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("PEACETALKS_SHARED_DATA") or ROOT.parent / "shared" / "data")
REQUIRED = os.environ.get("PEACETALKS_REQUIRE_SHARED_DATA") == "1"


def data_file(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        if REQUIRED:
            pytest.fail(f"shared data missing: {path} (PEACETALKS_REQUIRE_SHARED_DATA=1)")
        pytest.skip(
            f"shared data not found at {path}: the third-party dataset files live beside the"
            " project, not in it; to run these tests, put them in ../shared/data or set"
            " PEACETALKS_SHARED_DATA to their folder"
        )
    return path


def popolo_files(kind: str) -> list[str]:
    folder = DATA / "popolo" / kind
    names = sorted(p.name for p in folder.glob("*.json")) if folder.exists() else []
    return names or ["(missing)"]


@cache
def imported(kind: str, relative: str) -> ImportResult:
    readers: dict[str, Callable[[Path], ImportResult]] = {
        "ethprio": read_ethprio,
        "pax": read_pax,
        "plover": read_plover,
        "popolo": read_popolo,
    }
    return readers[kind](DATA / relative)


def check(result: ImportResult) -> None:
    """Every row reported once; every record valid, its id unique, equal after a JSON round trip."""
    assert all(row.outcome is not RowOutcome.REJECTED or row.problems for row in result.rows)
    ids = [record.id for record in result.document.records]
    assert len(ids) == len(set(ids))
    text = pt.to_json(result.document)
    assert pt.from_json(text, pt.Document) == result.document


def test_ethprio_sample() -> None:
    relative = "eth-prio-ceasefires/ceasefires-sample.csv"
    data_file(relative)
    result = imported("ethprio", relative)
    check(result)
    assert result.rows_read == 2464
    assert len({row.line for row in result.rows}) == 2464
    counts = result.records_by_kind()
    # One per (cc, cf_id), and one more for each part of a key that holds ceasefires
    # declared years apart: 13 rows of 11 keys.
    outcomes = result.outcomes()
    assert outcomes == {"imported": 2428, "merged": 23, "split": 13, "skipped": 0, "rejected": 0}
    split_truces = {row.problems[0].split(" this row is in ")[1].split()[0]
                    for row in result.rows if row.outcome is RowOutcome.SPLIT}  # fmt: skip
    assert counts["truce"] == 1264 + len(split_truces) == 1275
    assert result.outcomes()["merged"] == 23  # rows that differ only by their id
    truce = result.document.get("ethprio-92001")
    assert str(truce.declared.earliest) == "1989-02-08"
    assert truce.other_purpose == "summit"


def test_pax_sample() -> None:
    relative = "pax/pax-v6-sample.csv"
    data_file(relative)
    result = imported("pax", relative)
    check(result)
    assert result.rows_read == 941
    counts = result.records_by_kind()
    assert counts["proposal"] + result.outcomes()["rejected"] + result.outcomes()["merged"] == 941
    ceasefires = [
        p for p in result.document.of_type(pt.Proposal) if p.stage is pt.AgreementStage.CEASEFIRE
    ]
    assert counts["truce"] == len(ceasefires)


def test_plover_sample() -> None:
    relative = "plover/gsr-sample.json"
    data_file(relative)
    result = imported("plover", relative)
    check(result)
    assert result.rows_read == 177
    kept = {row.key for row in result.rows if row.outcome is RowOutcome.IMPORTED}
    assert any(key and "AGREE" in key for key in kept)
    assert any(key and "CONSULT" in key for key in kept)
    dated = [s.said for s in result.document.of_type(pt.Statement) if s.said is not None]
    assert dated == []  # every date in the gold standard is a placeholder
    events, _ = to_plover(result.document)
    again = read_plover(json.dumps(events).encode())
    assert again.outcomes()["rejected"] == 0


@pytest.mark.parametrize("name", popolo_files("examples"))
def test_popolo_examples_import(name: str) -> None:
    relative = f"popolo/examples/{name}"
    data_file(relative)
    result = imported("popolo", relative)
    check(result)
    assert result.rows_read >= 1


def popolo_validator() -> Callable[[str, object], list[str]]:
    jsonschema = pytest.importorskip(
        "jsonschema", reason="the Popolo schemas need the test extra: pip install -e '.[test]'"
    )
    referencing = pytest.importorskip(
        "referencing", reason="the Popolo schemas need the test extra: pip install -e '.[test]'"
    )
    folder = data_file("popolo/schemas")
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    draft3 = referencing.jsonschema.DRAFT3
    registry = referencing.Registry().with_resources(
        (schema["id"].rstrip("#"), draft3.create_resource(schema)) for schema in schemas.values()
    )

    def errors(kind: str, obj: object) -> list[str]:
        validator = jsonschema.Draft3Validator(schemas[kind], registry=registry)
        return [error.message for error in validator.iter_errors(obj)]

    return errors


def awkward_actors() -> pt.Document:
    """Actors whose values Popolo can hold only in part: times of day, an unnamed member."""
    at = pt.TimePoint.parse("2022-03-01T10:00+02:00")
    envoy = pt.Affiliation(
        organization="ministry", relation=pt.Relation.ENVOY, role="envoy", start=at
    )
    person = pt.Actor(
        id="ada",
        category=pt.ActorCategory.PERSON,
        name="Ada",
        names=(pt.Name(text="Ада", language="uk", start=at, end=at),),
        affiliations=(envoy,),
    )
    ministry = pt.Actor(
        id="ministry",
        category=pt.ActorCategory.GOVERNMENT_BODY,
        description="the ministry",
        affiliations=tuple(
            pt.Affiliation(organization=parent, relation=pt.Relation.PART_OF) for parent in "ab"
        ),
    )
    return pt.Document(records=(person, ministry))


def test_exported_popolo_validates_against_the_popolo_schemas() -> None:
    errors = popolo_validator()
    documents = [pt.load_example(), awkward_actors()]
    for name in popolo_files("examples"):
        if (DATA / "popolo" / "examples" / name).exists():
            documents.append(imported("popolo", f"popolo/examples/{name}").document)
    for document in documents:
        exported, _ = to_popolo(document)
        for collection, kind in (
            ("persons", "person"),
            ("organizations", "organization"),
            ("memberships", "membership"),
        ):
            for obj in exported[collection]:
                assert errors(kind, obj) == [], (kind, obj)


def test_the_validator_catches_invalid_popolo() -> None:
    errors = popolo_validator()
    assert errors("person", {"id": "x", "birth_date": "yesterday"})


@pytest.mark.parametrize(
    ("kind", "relative", "key"),
    [
        ("ethprio", "eth-prio-ceasefires/ceasefires-sample.csv", "id"),
        ("pax", "pax/pax-v6-sample.csv", "AgtId"),
    ],
)
def test_samples_pass_integrity_and_export_back_cell_for_cell(
    kind: str, relative: str, key: str
) -> None:
    path = data_file(relative)
    result = imported(kind, relative)
    assert sum(result.outcomes().values()) == result.rows_read
    assert pt.check_integrity(result.document.records) == []
    exported, _ = (to_ethprio if kind == "ethprio" else to_pax)(result.document)
    original = path.read_bytes().decode("utf-8-sig")  # line breaks in cells as they are
    assert compare_csv(original, exported, key) == []
    header = next(iter(original.splitlines()))
    kept = {v.column for r in result.document.records for v in r.source_columns}
    assert kept <= set(header.split(","))
