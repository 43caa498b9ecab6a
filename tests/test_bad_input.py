"""A table of bad inputs: each is rejected with the exact path and message shape expected."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt

STATEMENT: dict[str, Any] = {
    "type": "statement",
    "id": "st-1",
    "speaker": "trump",
    "quotation": "direct",
    "text": "I believe we’re going to pretty soon have a full ceasefire,",
    "said": {
        "words": "on Friday",
        "earliest": "2025-03-21",
        "latest": "2025-03-21",
        "zone": "America/New_York",
    },
    "channel": {"medium": "remarks_to_reporters"},
}
TRUCE: dict[str, Any] = {
    "type": "truce",
    "id": "energy",
    "parties": [{"actor": "russia"}, {"actor": "ukraine"}],
    "duration": {"amount": 30, "unit": "day"},
    "declared": {"earliest": "2025-03-18", "latest": "2025-03-18"},
}


def document(*records: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": 1, "records": list(records)}


def changed(base: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """A deep copy of ``base`` with the value at ``path`` replaced (or removed for ...)."""
    result = copy.deepcopy(base)
    target: Any = result
    for step in path[:-1]:
        target = target[step]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return result


# (case name, record, expected path, expected message) — the path is inside the document.
CASES = [
    (
        "integer for a string",
        changed(STATEMENT, ("text",), 5),
        "$.records[0].text",
        "expected a string, got integer 5",
    ),
    (
        "string for an integer",
        changed(TRUCE, ("duration", "amount"), "30"),
        "$.records[0].duration.amount",
        "expected an integer or null, got string '30'",
    ),
    (
        "null for a required string",
        changed(STATEMENT, ("text",), None),
        "$.records[0].text",
        "expected a string, got null",
    ),
    (
        "string for a list",
        changed(TRUCE, ("parties",), "russia"),
        "$.records[0].parties",
        "expected an array, got string 'russia'",
    ),
    (
        "object for a list",
        changed(TRUCE, ("parties",), {"actor": "russia"}),
        "$.records[0].parties",
        "expected an array, got an object",
    ),
    (
        "list for an object",
        changed(STATEMENT, ("said",), ["on Friday"]),
        "$.records[0].said",
        "expected an object (ReportedTime) or null, got an array",
    ),
    (
        "boolean for a number",
        changed(TRUCE, ("duration", "amount"), True),
        "$.records[0].duration.amount",
        "expected an integer or null, got boolean True",
    ),
    (
        "float for an integer",
        changed(TRUCE, ("duration", "amount"), 30.0),
        "$.records[0].duration.amount",
        "expected an integer or null, got number 30.0",
    ),
    (
        "string 'None' is not null",
        changed(STATEMENT, ("language",), "None"),
        "$.records[0].language",
        "expected a BCP 47 language tag such as 'en', 'uk' or 'ru-Latn', got string 'None'",
    ),
    (
        "missing required key",
        changed(STATEMENT, ("speaker",), ...),
        "$.records[0].speaker",
        "expected an id: 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit, got nothing (the key is missing)",
    ),
    (
        "missing nested required key",
        changed(TRUCE, ("parties", 1, "actor"), ...),
        "$.records[0].parties[1].actor",
        "got nothing (the key is missing)",
    ),
    (
        "unknown key",
        changed(STATEMENT, ("mood",), "angry"),
        "$.records[0].mood",
        "got an unknown key",
    ),
    (
        "unknown nested key",
        changed(STATEMENT, ("channel", "network"), "Fox"),
        "$.records[0].channel.network",
        "got an unknown key",
    ),
    (
        "misspelt enum value",
        changed(STATEMENT, ("quotation",), "Direct"),
        "$.records[0].quotation",
        "expected one of 'direct', 'partial', 'paraphrase', got string 'Direct'",
    ),
    (
        "bad tag",
        changed(STATEMENT, ("type",), "quote"),
        "$.records[0].type",
        "expected one of 'actor', 'statement', 'proposal', 'truce', 'venue', got string 'quote'",
    ),
    ("missing tag", changed(STATEMENT, ("type",), ...), "$.records[0].type", "got nothing"),
    (
        "naive datetime",
        changed(STATEMENT, ("said", "earliest"), "2025-03-21T10:00"),
        "$.records[0].said.earliest",
        "expected a date or time as an ISO 8601 prefix",
    ),
    (
        "datetime with seconds but no zone",
        changed(STATEMENT, ("said", "latest"), "2025-03-21T10:00:00"),
        "$.records[0].said.latest",
        "got string '2025-03-21T10:00:00'",
    ),
    (
        "compact ISO date",
        changed(STATEMENT, ("said", "earliest"), "20250321"),
        "$.records[0].said.earliest",
        "got string '20250321'",
    ),
    (
        "impossible day",
        changed(STATEMENT, ("said", "earliest"), "2025-02-30"),
        "$.records[0].said.earliest",
        "expected a date or time that exists (its day: an integer from 1 to 28) or null, got string '2025-02-30'",
    ),
    (
        "offset the zone does not use",
        changed(STATEMENT, ("said", "earliest"), "2025-03-21T10:00+02:00"),
        "$.records[0].said.earliest",
        "expected the UTC offset America/New_York has at that time (-04:00)",
    ),
    (
        "unknown zone",
        changed(STATEMENT, ("said", "zone"), "Mars/Olympus"),
        "$.records[0].said.zone",
        "expected an IANA time zone name",
    ),
    (
        "end before start",
        changed(STATEMENT, ("said", "earliest"), "2025-03-22"),
        "$.records[0].said.latest",
        "expected a point not before the earliest point 2025-03-22",
    ),
    (
        "truce ends before it was declared",
        changed(TRUCE, ("ends",), {"earliest": "2025-03-01", "latest": "2025-03-01"}),
        "$.records[0].ends",
        "expected an end not before the declared time",
    ),
    (
        "negative duration",
        changed(TRUCE, ("duration", "amount"), -30),
        "$.records[0].duration.amount",
        "expected a whole number, zero or more, got integer -30",
    ),
    ("bad id", changed(STATEMENT, ("id",), "st 1"), "$.records[0].id", "got string 'st 1'"),
    ("empty id", changed(STATEMENT, ("id",), ""), "$.records[0].id", "got string ''"),
    (
        "bad reference id",
        changed(STATEMENT, ("about",), ["ok", "not ok"]),
        "$.records[0].about[1]",
        "got string 'not ok'",
    ),
    (
        "bad country code",
        changed(TRUCE, ("mediators",), [])
        | {"scope": {"extent": "partial", "areas": [{"name": "Black Sea", "country": "XX"}]}},
        "$.records[0].scope.areas[0].country",
        "expected an ISO 3166-1 alpha-2 country code such as 'UA', got string 'XX'",
    ),
    (
        "lower-case country code",
        changed(
            TRUCE, ("scope",), {"extent": "partial", "areas": [{"name": "Kyiv", "country": "ua"}]}
        ),
        "$.records[0].scope.areas[0].country",
        "got string 'ua'",
    ),
    (
        "malformed Wikidata id",
        changed(TRUCE, ("identifiers",), [{"scheme": "wikidata", "value": "3874799"}]),
        "$.records[0].identifiers[0].value",
        "expected a wikidata id like 'Q3874799', got string '3874799'",
    ),
    (
        "duplicate party",
        changed(TRUCE, ("parties", 1, "actor"), "russia"),
        "$.records[0].parties[1].actor",
        "expected each party once, got 'russia'",
    ),
    (
        "disputes without a disputing stance",
        changed(STATEMENT, ("disputes",), ["st-0"]),
        "$.records[0].stance",
        "expected 'disputes' or 'denies' for a statement that disputes others, got no stance",
    ),
    (
        "NaN-like string for a number",
        {
            "type": "statement",
            "id": "s",
            "speaker": "a",
            "quotation": "direct",
            "text": "t",
            "claims": [{"subject": "x", "quantity": {"value": "NaN", "unit": "drones"}}],
        },
        "$.records[0].claims[0].quantity.value",
        "expected a number, got string 'NaN'",
    ),
]


@pytest.mark.parametrize(
    ("record", "path", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_is_reported_with_its_path_and_message(
    record: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(json.dumps(document(record)), pt.Document)
    matching = [p for p in raised.value.problems if p.path == path]
    assert matching, f"no problem at {path}: {raised.value}"
    assert any(message in p.message for p in matching), str(raised.value)
    assert any(message in line for line in str(raised.value).splitlines())


def test_problems_name_the_record_kind_and_id() -> None:
    record = changed(STATEMENT, ("speaker",), 5)
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(json.dumps(document(TRUCE, record)), pt.Document)
    (problem,) = raised.value.problems
    assert (problem.record_kind, problem.record_id, problem.path) == (
        "statement",
        "st-1",
        "$.records[1].speaker",
    )
    assert (
        str(problem) == "statement 'st-1' at $.records[1].speaker: expected a string, got integer 5"
    )


def test_every_problem_in_a_document_is_reported_at_once() -> None:
    bad = [
        changed(STATEMENT, ("text",), 5),
        changed(TRUCE, ("duration", "amount"), -1),
        changed(STATEMENT, ("quotation",), "verbatim") | {"id": "st-2", "extra": 1},
        {"type": "venue"},
        7,
    ]
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(json.dumps(document(STATEMENT, *bad)), pt.Document)
    paths = [p.path for p in raised.value.problems]
    assert paths == [
        "$.records[1].text",
        "$.records[2].duration.amount",
        "$.records[3].extra",
        "$.records[3].quotation",
        "$.records[4].id",
        "$.records[5]",
    ]
    assert str(raised.value).startswith(
        "invalid document: 6 problems\n  - statement 'st-1' at $.records[1].text"
    )


def test_a_record_with_a_type_error_also_reports_its_broken_field_rules() -> None:
    record = {
        "type": "actor",
        "id": "bad id",
        "category": "persn",
        "members": ["ok", "not ok"],
        "name": "X",
    }
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(record, pt.Actor)
    assert sorted(p.path for p in raised.value.problems) == ["$.category", "$.id", "$.members[1]"]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ('{"schema_version": 1, "records": [], "records": []}', "'records' more than once"),
        ('{"schema_version": 1, "records": [1.0, NaN]}', "NaN"),
        ('{"schema_version": 1, "records": [Infinity]}', "Infinity"),
        ('{"schema_version": 1, "records": [', "Expecting value at line 1 column 35"),
        (b'{"schema_version": 1, "title": "\xff"}', "a byte that is not UTF-8 at offset 32"),
        ("", "Expecting value at line 1 column 1"),
    ],
)
def test_malformed_json_is_rejected_with_a_clear_reason(text: str | bytes, got: str) -> None:
    with pytest.raises(pt.MalformedJSONError) as raised:
        pt.from_json(text, pt.Document)
    assert got in str(raised.value)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (
            3,
            "expected schema version 2 or older (this peacetalks reads versions 1 to 2; upgrade peacetalks to read this document), got schema version 3",
        ),
        ("1", "expected the schema version, an integer such as 2, got string '1'"),
        (None, "expected the schema version, an integer such as 2, got null"),
    ],
)
def test_unsupported_schema_versions_are_named(version: object, expected: str) -> None:
    with pytest.raises(pt.SchemaVersionError) as raised:
        pt.from_dict({"schema_version": version, "records": []}, pt.Document)
    assert expected in str(raised.value)


def test_a_standalone_record_must_carry_its_own_type() -> None:
    record = changed(STATEMENT, ("type",), "truce")
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict(record, pt.Statement)
    assert any(p.path == "$.type" and p.expected == "'statement'" for p in raised.value.problems)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    st.sampled_from(
        [pt.Document, pt.Actor, pt.Statement, pt.Proposal, pt.Truce, pt.Venue, pt.ReportedTime]
    ),
    JSON_VALUES,
)
def test_arbitrary_json_values_give_a_result_or_a_validation_error(cls: type, data: object) -> None:
    try:
        pt.from_dict(data, cls)
    except pt.ValidationError as error:
        assert error.problems
        assert all(p.path.startswith("$") for p in error.problems)


@given(
    st.sampled_from(["actor", "statement", "proposal", "truce", "venue"]),
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "speaker",
                "category",
                "quotation",
                "text",
                "parties",
                "scope",
                "said",
                "terms",
                "formats",
                "place",
                "name",
            ]
        ),
        JSON_VALUES,
        max_size=6,
    ),
)
def test_records_with_random_field_values_never_raise_anything_else(
    kind: str, fields: dict[str, object]
) -> None:
    try:
        pt.from_dict(document({"type": kind, **fields}), pt.Document)
    except pt.ValidationError as error:
        assert all(p.path.startswith("$.records[0]") for p in error.problems)
