"""The generated JSON Schema accepts exactly what the Python loader accepts.

Checked against a validator nobody on this project wrote (the ``jsonschema``
package): valid documents pass both, invalid ones (hand-written, and mutations
of valid ones) fail both. The only differences allowed are the rules JSON
Schema cannot say, listed in docs/reference.md and docs/schema.md and pinned in
``test_documented_gaps_are_exactly_where_the_schema_is_more_lenient``.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing
from peacetalks._rules import WHITESPACE
from peacetalks.migrations import migrate_document
from schema_support import (
    SCHEMA,
    VALIDATOR,
    disagreement,
    document,
    mutations,
    python_problems,
    rejected_by_both,
    schema_accepts,
)

GOLDEN = Path(__file__).parent / "golden"
EVERY_FIELD = json.loads((GOLDEN / f"v{pt.SCHEMA_VERSION}" / "every-field.json").read_text())

ACTOR = {"type": "actor", "id": "a", "category": "person", "name": "A"}
STATEMENT = {"type": "statement", "id": "s", "speaker": "a", "quotation": "direct", "text": "Hi"}
PROPOSAL = {"type": "proposal", "id": "p", "title": "Talks"}
TRUCE = {"type": "truce", "id": "t"}
VENUE = {"type": "venue", "id": "v"}


def _with(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``record`` with keys changed; a value of ``...`` removes the key."""
    result = {**record, **changes}
    return {key: value for key, value in result.items() if value is not ...}


def _said(**when: Any) -> dict[str, Any]:
    return document(_with(STATEMENT, said=when))


def _claim(**quantity: Any) -> dict[str, Any]:
    claim = {"subject": "drones", "quantity": {"value": 224, "unit": "drones", **quantity}}
    return document(_with(STATEMENT, claims=[claim]))


def _truce(**fields: Any) -> dict[str, Any]:
    return document(_with(TRUCE, **fields))


def _venue(**fields: Any) -> dict[str, Any]:
    return document(_with(VENUE, **fields))


def _duration(**fields: Any) -> dict[str, Any]:
    return _truce(duration=fields)


def _place(**fields: Any) -> dict[str, Any]:
    return _venue(place={"name": "Riyadh", **fields})


def _citation(**fields: Any) -> dict[str, Any]:
    return document(_with(ACTOR, sources=[fields]))


def _identifier(scheme: str, value: Any) -> dict[str, Any]:
    return document(_with(ACTOR, identifiers=[{"scheme": scheme, "value": value}]))


INVALID: dict[str, Any] = {
    # The envelope.
    "not an object": [],
    "no schema_version": {"records": []},
    "schema_version as a string": {"schema_version": "1", "records": []},
    "schema_version too new": {"schema_version": 3, "records": []},
    "schema_version 0": {"schema_version": 0, "records": []},
    "schema_version true": {"schema_version": True, "records": []},
    "records an object": {"schema_version": 2, "records": {}},
    "a record that is a string": document("actor"),
    "a record that is null": document(None),
    "an unknown top-level key": {**document(), "author": "me"},
    "an empty title": {**document(), "title": ""},
    "a blank title": {**document(), "title": " \t"},
    "a title of Unicode spaces": {**document(), "title": "\u2003\u3000"},
    "a citation with nothing in it": {**document(), "sources": [{}]},
    "a record without type": document(_with(ACTOR, type=...)),
    "a record type in capitals": document(_with(ACTOR, type="Actor")),
    "an unknown record type": document(_with(ACTOR, type="meeting")),
    "a record type that is a number": document(_with(ACTOR, type=5)),
    # Actors.
    "an actor without id": document(_with(ACTOR, id=...)),
    "an empty id": document(_with(ACTOR, id="")),
    "an id starting with a dash": document(_with(ACTOR, id="-a")),
    "an id with a space": document(_with(ACTOR, id="a b")),
    "an id of 201 characters": document(_with(ACTOR, id="a" * 201)),
    "an id with a final newline": document(_with(ACTOR, id="a\n")),
    "an unknown category": document(_with(ACTOR, category="persons")),
    "a null category": document(_with(ACTOR, category=None)),
    "neither name nor description": document(_with(ACTOR, name=None)),
    "a name with anonymity": document(_with(ACTOR, anonymity={"how_many": "one"})),
    "members of a person": document(_with(ACTOR, members=["b"])),
    "a country that is not ISO 3166": document(_with(ACTOR, country="UK")),
    "a lower-case country": document(_with(ACTOR, country="ua")),
    "a name without text": document(_with(ACTOR, names=[{"kind": "short"}])),
    "a language in capitals": document(_with(ACTOR, names=[{"text": "A", "language": "EN"}])),
    "a script in lower case": document(_with(ACTOR, names=[{"text": "A", "script": "latn"}])),
    "an affiliation without relation": document(_with(ACTOR, affiliations=[{"organization": "b"}])),
    "an affiliation to a bad id": document(
        _with(ACTOR, affiliations=[{"organization": "b c", "relation": "member"}])
    ),
    "a name that is a number": document(_with(ACTOR, name=5)),
    "names as a string": document(_with(ACTOR, names="A")),
    "members null": document(_with(ACTOR, category="group", members=None)),
    "a wikidata id without Q": _identifier("wikidata", "30"),
    "a wikidata id with a final newline": _identifier("wikidata", "Q30\n"),
    "a pax id with a leading zero": _identifier("pax", "0123"),
    "a scheme in capitals": _identifier("Wikidata", "Q30"),
    "an identifier value with a leading space": _identifier("example", " x"),
    "an identifier value with a final newline": _identifier("example", "x\n"),
    "a popolo id with a space": _identifier("popolo", "person/a b"),
    "an unknown anonymity count": document(
        _with(ACTOR, name=None, description="sources", anonymity={"how_many": "two"})
    ),
    # Statements.
    "a statement without quotation": document(_with(STATEMENT, quotation=...)),
    "an empty text": document(_with(STATEMENT, text="")),
    "a text of one em space": document(_with(STATEMENT, text="\u2003")),
    "disputes without a stance": document(_with(STATEMENT, disputes=["s0"])),
    "disputes that supports": document(_with(STATEMENT, disputes=["s0"], stance="supports")),
    "a language spelt out": document(_with(STATEMENT, language="english")),
    "a time with neither words nor dates": _said(),
    "'by' with an earliest point": _said(earliest="2025-03", relation="by"),
    "'since' with a latest point": _said(latest="2025-03", relation="since"),
    "29 February in a common year": _said(earliest="2025-02-29"),
    "31 April": _said(earliest="2025-04-31"),
    "month 13": _said(earliest="2025-13"),
    "month 00": _said(earliest="2025-00"),
    "year 0000": _said(earliest="0000"),
    "a time of day without offset": _said(earliest="2025-03-18T10:00"),
    "hour 24": _said(earliest="2025-03-18T24:00Z"),
    "second 60": _said(earliest="2025-03-18T23:59:60Z"),
    "an offset beyond +14:00": _said(earliest="2025-03-18T10:00+14:30"),
    "an offset beyond -12:00": _said(earliest="2025-03-18T10:00-12:01"),
    "offset minutes over 59": _said(earliest="2025-03-18T10:00+02:75"),
    "a time of day without a day": _said(earliest="2025-03T10Z"),
    "a basic-format date": _said(earliest="20250318"),
    "a date with a final newline": _said(earliest="2025-03-18\n"),
    "a date that is a number": _said(earliest=2025),
    "seven fraction digits": _said(earliest="2025-03-18T10:00:00.1234567Z"),
    "a zone with a space": _said(words="then", zone="Europe Kyiv"),
    "an empty zone": _said(words="then", zone=""),
    "an absolute zone path": _said(words="then", zone="/Europe/Kyiv"),
    "approximate as a string": _said(words="then", approximate="yes"),
    "an unknown basis": _said(words="then", basis="reported"),
    "a channel without medium": document(_with(STATEMENT, channel={"outlet": "Fox"})),
    "an empty published_on item": document(
        _with(STATEMENT, channel={"medium": "interview", "published_on": [""]})
    ),
    "a number as a string": _claim(value="224"),
    "a number that is true": _claim(value=True),
    "an infinite number": _claim(value=float("inf")),
    "a number beyond 64-bit floats": _claim(value=10**400),
    "an upper end without 'between'": _claim(upper=300),
    "'between' without an upper end": _claim(qualifier="between"),
    "a claim without subject": document(_with(STATEMENT, claims=[{"quantity": None}])),
    # Proposals.
    "a proposal with neither title nor terms": document(_with(PROPOSAL, title=...)),
    "an agreement on a proposed proposal": document(_with(PROPOSAL, agreement={})),
    "an agreement on a rejected proposal": document(
        _with(PROPOSAL, agreement={}, status="rejected")
    ),
    "a conditional response without conditions": document(
        _with(PROPOSAL, responses=[{"party": "a", "position": "conditional"}])
    ),
    "an unknown term topic": document(
        _with(PROPOSAL, terms=[{"topic": "peace", "description": "peace"}])
    ),
    "a status in capitals": document(_with(PROPOSAL, status="Agreed")),
    "a response without position": document(_with(PROPOSAL, responses=[{"party": "a"}])),
    "a deadline whose words are a number": document(_with(PROPOSAL, deadline={"words": 5})),
    "a signatory with a bad id": document(
        _with(PROPOSAL, status="agreed", agreement={"signatories": ["a b"]})
    ),
    # Truces.
    "other_purpose without 'other'": _truce(purposes=["holiday"], other_purpose="Easter"),
    "other_purpose without purposes": _truce(other_purpose="Easter"),
    "a scope without extent": _truce(scope={"words": "energy"}),
    "a fixed duration without amount": _duration(unit="day"),
    "a fixed duration without unit": _duration(amount=30),
    "a negative amount": _duration(amount=-1, unit="day"),
    "a fractional amount": _duration(amount=2.5, unit="day"),
    "an indefinite duration with an amount": _duration(kind="indefinite", amount=30),
    "an unknown duration without words": _duration(kind="unknown"),
    "an unknown consent": _truce(parties=[{"actor": "a", "consent": "email"}]),
    "a link without truce": _truce(links=[{"relation": "extends"}]),
    "an unknown purpose": _truce(purposes=["war"]),
    "written as a string": _truce(written="true"),
    "an event without kind": _truce(events=[{"words": "collapsed"}]),
    # Venues.
    "a place for a phone call": _venue(formats=["phone_call"], place={"name": "Washington"}),
    "a place for phone and video calls": _venue(
        formats=["phone_call", "video_call"], place={"name": "Washington"}
    ),
    "an outcome of planned talks": _venue(outcome="agreement", status="planned"),
    "an outcome without status": _venue(outcome="no_agreement"),
    "a delegation of size 0": _venue(delegations=[{"sent_by": "a", "size": 0}]),
    "a delegation without sender": _venue(delegations=[{"rank": "leaders"}]),
    "an unknown rank": _venue(delegations=[{"sent_by": "a", "rank": "senior"}]),
    "formats as a string": _venue(formats="phone_call"),
    "a latitude of 91": _place(coordinates={"latitude": 91, "longitude": 0}),
    "a longitude as a string": _place(coordinates={"latitude": 0, "longitude": "10"}),
    "an unknown place kind": _place(kind="town"),
    "a place without name": _venue(place={"kind": "city"}),
    "an unknown key in a nested object": _place(population=7),
    # Citations.
    "an ftp URL": _citation(url="ftp://example.org/a"),
    "a URL with a space": _citation(url="https://exa mple.org/"),
    "a URL with a no-break space": _citation(url="https://example.org/\u00a0a"),
    "a retrieval time in words": _citation(title="A", retrieved="yesterday"),
    "an empty author": _citation(title="A", authors=[""]),
}


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_hand_written_corpus_is_large_and_every_base_record_is_valid() -> None:
    assert len(INVALID) >= 100
    for record in (ACTOR, STATEMENT, PROPOSAL, TRUCE, VENUE):
        assert python_problems(document(record)) is None
        assert schema_accepts(document(record))


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_documents_are_rejected_by_both(name: str) -> None:
    assert rejected_by_both(INVALID[name]) is None, rejected_by_both(INVALID[name])


def _valid_documents() -> dict[str, Any]:
    found = {"bundled example": json.loads(pt.example_json())}
    for path in sorted(GOLDEN.glob("v*/*.json")):
        found[f"golden {path.parent.name}/{path.name}"] = migrate_document(
            json.loads(path.read_text())
        )
    return found


@pytest.mark.parametrize(("name", "data"), sorted(_valid_documents().items()))
def test_valid_documents_pass_both(name: str, data: Any) -> None:
    assert python_problems(data) is None
    errors = [f"{e.json_path}: {e.message[:200]}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def test_every_kind_of_mutation_of_a_document_using_every_field_is_rejected_by_both() -> None:
    seen: set[str] = set()
    failures = []
    variants = [
        (f"$.records[{index}]", mutation, document(mutation.data))
        for index, record in enumerate(EVERY_FIELD["records"])
        for mutation in mutations(record, pt.RECORD_CLASSES[record["type"]])
    ]
    variants += [("$", m, m.data) for m in mutations({**EVERY_FIELD, "records": []})]
    for prefix, mutation, data in variants:
        if mutation.kind in seen:
            continue  # the same change to the same field of the same class, elsewhere
        seen.add(mutation.kind)
        problem = rejected_by_both(data)
        if problem:
            failures.append(f"{mutation.kind} at {prefix}{mutation.where[1:]}: {problem}")
    assert failures == []
    assert len(seen) >= 300


_JSON_VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        -1,
        1.5,
        "",
        " ",
        "x",
        "a-1",
        "2025-03",
        "Europe/Kyiv",
        [],
        {},
        ["x"],
        {"x": 1},
    ]
)


def _positions(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _positions(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _positions(item, (*path, index))
    return found


@given(testing.records(), st.data())
def test_generated_records_pass_both_and_their_mutations_agree(
    record: pt.Record, data: st.DataObject
) -> None:
    plain = pt.to_dict(record)
    assert python_problems(document(plain)) is None
    assert schema_accepts(document(plain))

    mutation = data.draw(st.sampled_from(list(mutations(plain, type(record)))), label="mutation")
    assert rejected_by_both(document(mutation.data)) is None, mutation

    where = data.draw(st.sampled_from(_positions(plain)), label="replaced")
    changed = copy.deepcopy(plain)
    target = changed
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = data.draw(_JSON_VALUES, label="by")
    assert disagreement(document(changed)) is None


# Time points: the schema's pattern against TimePoint.parse, exhaustively over a grid.


def _time_point_candidates() -> list[str]:
    found = []
    for year in ("0000", "0001", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "9999"):
        found.append(year)
        for month in range(14):
            found.append(f"{year}-{month:02d}")
            found += [f"{year}-{month:02d}-{day:02d}" for day in range(33)]
    times = ["", ":00", ":59", ":60", ":30:59", ":30:60", ":30:15.1", ":30:15.123456"]
    times += [":30:15.1234567", ":30:15."]
    offsets = ["Z", "", "+00:00", "-00:00", "+14:00", "+14:01", "-12:00", "-12:01", "+13:59"]
    offsets += ["+05:45", "+05:60", "-11:59", "+1:00", "z"]
    for hour in range(25):
        found += [f"2024-02-29T{hour:02d}{t}{o}" for t in times for o in offsets]
    return [*found, "2025\n", " 2025", "2025 ", "20250301", "2025-3", "+2025", "2025-03-01T10Z\n"]


def test_the_time_point_pattern_accepts_exactly_what_the_loader_accepts() -> None:
    time_point = {"$ref": "#/$defs/TimePoint", "$defs": SCHEMA["$defs"]}
    validator = jsonschema.Draft202012Validator(time_point)
    wrong = []
    for text in _time_point_candidates():
        try:
            pt.TimePoint.parse(text)
            loads = True
        except pt.ValidationError:
            loads = False
        if loads != validator.is_valid(text):
            wrong.append(text)
    assert wrong == []


def test_whitespace_in_patterns_is_exactly_what_python_strips() -> None:
    python = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    spelt_out = {
        chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(f"[{WHITESPACE}]", chr(c))
    }
    assert spelt_out == python


# The documented gaps: where the schema is deliberately more lenient than Python.

_ON_18_MARCH = {"earliest": "2025-03-18", "latest": "2025-03-18"}
GAPS = {
    "an integer written as 1.0": _duration(amount=30.0, unit="day"),
    "schema_version written as 2.0": {"schema_version": 2.0, "records": []},
    "a zone that does not exist": _said(words="then", zone="Mars/Olympus_Mons"),
    "an offset the zone does not have": _said(
        earliest="2025-03-18T10:00+05:00", latest="2025-03-18T10:00+05:00", zone="Europe/Kyiv"
    ),
    "latest before earliest": _said(earliest="2025-03-18", latest="2025-03-10"),
    "an end before the start": document(
        _with(ACTOR, names=[{"text": "A", "start": "2025", "end": "2020"}])
    ),
    "reported before said": document(
        _with(
            STATEMENT,
            said=_ON_18_MARCH,
            reported={"earliest": "2025-03-10", "latest": "2025-03-10"},
        )
    ),
    "an actor among its own members": document(_with(ACTOR, category="group", members=["a"])),
    "a statement disputing itself": document(_with(STATEMENT, disputes=["s"], stance="disputes")),
    "a proposal revising itself": document(_with(PROPOSAL, revises="p")),
    "a truce linked to itself": _truce(links=[{"relation": "extends", "truce": "t"}]),
    "a party twice": _truce(parties=[{"actor": "a"}, {"actor": "a"}]),
    "a truce ending before it was declared": _truce(
        declared=_ON_18_MARCH, ends={"earliest": "2025-03-10", "latest": "2025-03-10"}
    ),
    "a venue part of itself": _venue(part_of="v"),
    "a head who is not a member": _venue(
        delegations=[{"sent_by": "a", "members": ["b"], "head": "c"}]
    ),
    "a delegation smaller than its members": _venue(
        delegations=[{"sent_by": "a", "members": ["b", "c"], "size": 1}]
    ),
    "an upper end below the value": _claim(qualifier="between", upper=100),
}


@pytest.mark.parametrize("name", sorted(GAPS))
def test_documented_gaps_are_exactly_where_the_schema_is_more_lenient(name: str) -> None:
    data = GAPS[name]
    assert schema_accepts(data), "the schema now checks this: update the docs and this list"
    assert python_problems(data) is not None


def test_problems_inside_a_time_point_are_reported_at_its_wire_path() -> None:
    problems = python_problems(_said(earliest="2025-02-29", latest="2025-13"))
    assert problems is not None
    assert [(p.path, p.got) for p in problems] == [
        ("$.records[0].said.earliest", "string '2025-02-29'"),
        ("$.records[0].said.latest", "string '2025-13'"),
    ]
    assert "its day: an integer from 1 to 28" in problems[0].expected


@pytest.mark.parametrize(
    "evidence",
    [
        {"quote": "a-1", "start": 0, "end": 1},  # the span is shorter than the quote
        {"quote": "a", "start": 2, "end": 1},  # the span ends before it starts
    ],
)
def test_evidence_offsets_are_a_known_gap_python_refuses(evidence: dict[str, Any]) -> None:
    record = {
        "type": "actor",
        "id": "a1",
        "category": "group",
        "description": "x",
        "evidence": [evidence],
    }
    data = document(record)
    assert python_problems(data) is not None
    assert schema_accepts(data)
    assert disagreement(data) is None
