"""Schema versions and migrations: identify, migrate the plain data, structure.

The real registry holds one step, from version 1 to 2 (which only added
optional fields). These tests prove the machinery with registries of their own:
a fake version 0 that called a record's kind "kind", an actor's name "label"
and a document's title "name" (then the real step to 2), and a chain of three
made-up versions.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing
from peacetalks.migrations import (
    MIGRATIONS,
    Migration,
    Migrations,
    identify,
    migrate_document,
    migrate_record,
)


def _record_from_v0(record: dict[str, Any]) -> dict[str, Any]:
    new = {("type" if key == "kind" else key): value for key, value in record.items()}
    if new.get("type") == "actor" and "label" in new:
        new["name"] = new.pop("label")
    return new


def _document_from_v0(document: dict[str, Any]) -> dict[str, Any]:
    return {("title" if key == "name" else key): value for key, value in document.items()}


FAKE = Migrations(
    current=2,
    steps={
        0: Migration(
            description="'kind' became 'type', an actor's 'label' its 'name', 'name' 'title'.",
            record=_record_from_v0,
            document=_document_from_v0,
        ),
        1: MIGRATIONS.steps[1],
    },
)

V0_DOCUMENT: dict[str, Any] = {
    "schema_version": 0,
    "name": "Calls",
    "records": [
        {"kind": "actor", "id": "trump", "category": "person", "label": "Donald Trump"},
        {"kind": "statement", "id": "s1", "speaker": "trump", "quotation": "direct", "text": "Hi"},
    ],
}


def _to_v0(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of FAKE's migration: what version 0 would have written."""
    records = []
    for record in data.get("records", []):
        old = {("kind" if key == "type" else key): value for key, value in record.items()}
        if old["kind"] == "actor" and "name" in old:
            old["label"] = old.pop("name")
        records.append(old)
    document = {("name" if key == "title" else key): value for key, value in data.items()}
    if "records" in data:
        document["records"] = records
    return {**document, "schema_version": 0}


def test_the_real_registry_reads_versions_1_and_2() -> None:
    assert MIGRATIONS.current == pt.SCHEMA_VERSION == 2
    assert MIGRATIONS.oldest == 1
    assert sorted(MIGRATIONS.steps) == [1]
    assert MIGRATIONS.readable() == "versions 1 to 2"


def test_a_current_document_is_returned_unchanged() -> None:
    data = {"schema_version": 2, "records": []}
    assert migrate_document(data) is data
    record = {"type": "actor", "id": "a", "category": "state", "name": "A"}
    assert migrate_record(record, 2) is record


def test_version_1_data_migrates_to_version_2_unchanged_but_for_its_version() -> None:
    record = {"type": "actor", "id": "a", "category": "state", "name": "A"}
    data = {"schema_version": 1, "title": "T", "records": [record]}
    assert migrate_document(data) == {**data, "schema_version": 2}
    assert migrate_record(record, 1) == record
    assert pt.from_dict(data, pt.Document) == pt.from_dict(
        {**data, "schema_version": 2}, pt.Document
    )


def test_a_version_0_document_is_migrated_then_structured() -> None:
    untouched = copy.deepcopy(V0_DOCUMENT)
    document = pt.from_dict(V0_DOCUMENT, pt.Document, migrations=FAKE)
    assert document.title == "Calls"
    assert document.get("trump") == pt.Actor(
        id="trump", category=pt.ActorCategory.PERSON, name="Donald Trump"
    )
    assert isinstance(document.get("s1"), pt.Statement)
    assert untouched == V0_DOCUMENT, "migration changed its input"
    assert pt.to_dict(document)["schema_version"] == 2


def test_from_json_migrates_too_and_current_documents_still_load() -> None:
    v0_text = json.dumps(V0_DOCUMENT)
    document = pt.from_json(v0_text, pt.Document, migrations=FAKE)
    assert document == pt.from_dict(V0_DOCUMENT, pt.Document, migrations=FAKE)
    assert pt.from_json(pt.to_json(document), pt.Document, migrations=FAKE) == document


def test_without_the_migration_version_0_is_refused_clearly() -> None:
    with pytest.raises(pt.SchemaVersionError) as caught:
        pt.from_dict(V0_DOCUMENT, pt.Document)
    (problem,) = caught.value.problems
    assert problem.path == "$.schema_version"
    assert problem.got == "schema version 0"
    assert "no migration leads from version 0 to version 2" in problem.expected


@pytest.mark.parametrize("migrations", [MIGRATIONS, FAKE])
def test_a_document_newer_than_the_library_names_both_versions(migrations: Migrations) -> None:
    with pytest.raises(pt.SchemaVersionError) as caught:
        pt.from_json('{"schema_version": 7, "records": []}', pt.Document, migrations=migrations)
    message = str(caught.value)
    assert "schema version 7" in message
    assert "schema version 2 or older" in message
    assert "upgrade peacetalks" in message
    assert isinstance(caught.value, pt.ValidationError)


@pytest.mark.parametrize(
    ("data", "got"),
    [
        ({"records": []}, None),
        ({"schema_version": "1"}, "string '1'"),
        ({"schema_version": 1.5}, "number 1.5"),
        ({"schema_version": True}, "boolean True"),
        ({"schema_version": None}, "null"),
    ],
)
def test_a_missing_or_malformed_version_is_a_schema_version_error(
    data: dict[str, Any], got: str | None
) -> None:
    with pytest.raises(pt.SchemaVersionError) as caught:
        identify(data)
    (problem,) = caught.value.problems
    assert (problem.path, problem.got) == ("$.schema_version", got)
    assert "an integer such as 2" in problem.expected


@pytest.mark.parametrize("data", [[], "doc", 3, None])
def test_identify_wants_an_object(data: object) -> None:
    with pytest.raises(pt.ValidationError) as caught:
        identify(data)
    assert not isinstance(caught.value, pt.SchemaVersionError)
    assert caught.value.problems[0].expected == "an object (Document)"


def test_migrate_record_migrates_one_record_from_a_given_version() -> None:
    record = {"kind": "actor", "id": "a", "category": "state", "label": "A"}
    untouched = dict(record)
    migrated = migrate_record(record, 0, migrations=FAKE)
    assert migrated == {"type": "actor", "id": "a", "category": "state", "name": "A"}
    assert record == untouched
    assert pt.from_dict(migrated, pt.Actor).name == "A"


@pytest.mark.parametrize(("version", "words"), [(3, "upgrade peacetalks"), (-1, "no migration")])
def test_migrate_record_refuses_versions_it_cannot_read(version: int, words: str) -> None:
    with pytest.raises(pt.SchemaVersionError, match=words) as caught:
        migrate_record({"type": "actor"}, version, migrations=FAKE)
    assert caught.value.subject == "record"


def test_migrate_record_wants_an_integer_version() -> None:
    with pytest.raises(pt.SchemaVersionError, match="an integer"):
        migrate_record({"type": "actor"}, "1")  # type: ignore[arg-type]


@settings(max_examples=50)  # structural: renamed keys at two depths; generating is costly
@given(
    st.builds(
        pt.Document,
        records=st.lists(testing.actors() | testing.statements(), max_size=3).map(tuple),
        title=st.none() | testing.texts(),
    )
)
def test_records_migrate_alone_exactly_as_within_their_document(document: pt.Document) -> None:
    current = pt.to_dict(document)
    old = _to_v0(current)
    untouched = copy.deepcopy(old)
    assert migrate_document(old, migrations=FAKE) == current
    alone = [migrate_record(record, 0, migrations=FAKE) for record in old.get("records", [])]
    assert alone == current.get("records", [])
    assert old == untouched


def _chain() -> tuple[Migrations, list[str]]:
    """A registry reading versions 1 to 3, recording what ran in which order."""
    calls: list[str] = []

    def step(version: int) -> Migration:
        def record(data: dict[str, Any]) -> dict[str, Any]:
            calls.append(f"record {version}->{version + 1}")
            return {**data, "seen": [*data.get("seen", []), version]}

        def document(data: dict[str, Any]) -> dict[str, Any]:
            calls.append(f"document {version}->{version + 1}")
            assert data["schema_version"] == version
            records = [r for r in data["records"] if isinstance(r, dict)]
            assert all(version in r["seen"] for r in records), "records go first"
            return data

        return Migration(description=f"step {version}", record=record, document=document)

    return Migrations(current=3, steps={1: step(1), 2: step(2)}), calls


def test_a_chain_applies_each_step_in_order_and_sets_each_version() -> None:
    chain, calls = _chain()
    assert (chain.oldest, chain.readable()) == (1, "versions 1 to 3")
    data = {"schema_version": 1, "records": [{"type": "actor"}, "not a record"]}
    result = migrate_document(data, migrations=chain)
    assert result == {
        "schema_version": 3,
        "records": [{"type": "actor", "seen": [1, 2]}, "not a record"],
    }
    assert calls == ["record 1->2", "document 1->2", "record 2->3", "document 2->3"]
    assert migrate_document({"schema_version": 2, "records": []}, migrations=chain) == {
        "schema_version": 3,
        "records": [],
    }
    assert migrate_record({"type": "actor"}, 2, migrations=chain) == {"type": "actor", "seen": [2]}


def test_a_broken_chain_reads_only_from_the_break_on() -> None:
    broken = Migrations(
        current=3, steps={0: Migration(description="0->1"), 2: Migration(description="2->3")}
    )
    assert broken.oldest == 2
    with pytest.raises(
        pt.SchemaVersionError, match="no migration leads from version 1 to version 3"
    ):
        migrate_document({"schema_version": 1}, migrations=broken)


@pytest.mark.parametrize("bad", [1, 5, -1, "0"])
def test_a_registry_refuses_steps_that_cannot_lead_to_its_version(bad: object) -> None:
    with pytest.raises(ValueError, match="does not lead to version 1"):
        Migrations(current=1, steps={bad: Migration(description="?")})  # type: ignore[dict-item]


def test_a_failing_migration_is_reported_with_the_record_not_raised_raw() -> None:
    def explode(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "name": data["label"].upper()}

    failing = Migrations(current=1, steps={0: Migration(description="x", record=explode)})
    data = {"schema_version": 0, "records": [{"kind": "actor", "type": "actor", "id": "a"}]}
    with pytest.raises(pt.ValidationError) as caught:
        pt.from_dict(data, pt.Document, migrations=failing)
    (problem,) = caught.value.problems
    assert problem.path == "$.records[0]"
    assert (problem.record_kind, problem.record_id) == ("actor", "a")
    assert "migrates from schema version 0 to 1" in problem.expected
    assert "KeyError" in (problem.got or "")
    with pytest.raises(pt.ValidationError, match=r"record at \$: expected data that migrates"):
        migrate_record({"id": 5}, 0, migrations=failing)


def test_a_failing_document_migration_is_reported_too() -> None:
    failing = Migrations(
        current=1, steps={0: Migration(description="x", document=lambda d: d["missing"])}
    )
    with pytest.raises(pt.ValidationError, match="invalid document: \\$: expected data that"):
        migrate_document({"schema_version": 0}, migrations=failing)


def test_structuring_refuses_data_not_migrated_to_the_current_version() -> None:
    stale = Migrations(current=0)  # a registry that leaves version 0 as it is
    with pytest.raises(pt.ValidationError) as caught:
        pt.from_dict({"schema_version": 0, "records": []}, pt.Document, migrations=stale)
    (problem,) = caught.value.problems
    assert (problem.path, problem.got) == ("$.schema_version", "integer 0")
    assert problem.expected.startswith("schema version 2 ")
