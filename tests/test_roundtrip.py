"""Round trips are exact: object → JSON → object gives an equal object, for every kind."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import testing

RECORD_STRATEGIES = {
    "actor": testing.actors(),
    "statement": testing.statements(),
    "proposal": testing.proposals(),
    "truce": testing.truces(),
    "venue": testing.venues(),
}


@pytest.mark.parametrize("kind", sorted(RECORD_STRATEGIES))
def test_every_record_kind_round_trips_through_json_text(kind: str) -> None:
    @given(RECORD_STRATEGIES[kind])
    def check(record: pt.Record) -> None:
        text = pt.to_json(record)
        assert json.loads(text)["type"] == kind
        assert pt.from_json(text, type(record)) == record

    check()


@given(testing.records())
def test_records_round_trip_through_bytes_and_dicts(record: pt.Record) -> None:
    assert pt.from_json(pt.to_json_bytes(record), type(record)) == record
    assert pt.from_dict(pt.to_dict(record), type(record)) == record
    indented = pt.to_json(record, indent=2)
    assert pt.from_json(indented, type(record)) == record


@given(testing.documents())
def test_documents_round_trip(document: pt.Document) -> None:
    data = pt.to_dict(document)
    assert data["schema_version"] == pt.SCHEMA_VERSION
    assert pt.from_json(pt.to_json(document), pt.Document) == document


@given(testing.records())
def test_equal_records_hash_equal_and_serialize_identically(record: pt.Record) -> None:
    copy = pt.from_json(pt.to_json(record), type(record))
    assert hash(copy) == hash(record)
    assert pt.to_json(copy) == pt.to_json(record)


@given(testing.reported_times())
def test_value_types_round_trip_on_their_own(when: pt.ReportedTime) -> None:
    assert pt.from_dict(pt.to_dict(when), pt.ReportedTime) == when


@given(testing.time_points())
def test_time_points_round_trip_through_their_iso_form(point: pt.TimePoint) -> None:
    assert pt.TimePoint.parse(str(point)) == point
    assert pt.from_dict(str(point), pt.TimePoint) == point


@given(
    testing.records(),
    st.dictionaries(
        st.from_regex(r"x_[a-z]{1,8}", fullmatch=True),
        st.integers() | st.text() | st.lists(st.booleans()),
        min_size=1,
        max_size=3,
    ),
)
def test_lenient_converter_keeps_unknown_keys_and_writes_them_back(
    record: pt.Record, extra: dict[str, object]
) -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    data = {**pt.to_dict(record), **extra}
    loaded = pt.from_dict(data, type(record), converter=lenient)
    assert loaded.extra_fields is not None
    assert dict(pt.to_dict(loaded, converter=lenient)) == data
    assert (
        pt.from_json(pt.to_json(loaded, converter=lenient), type(record), converter=lenient)
        == loaded
    )
    with pytest.raises(pt.ValidationError):
        pt.from_dict(data, type(record))


def test_lenient_converter_keeps_unknown_keys_at_every_depth() -> None:
    lenient = pt.make_converter(keep_unknown_keys=True)
    data = {
        "schema_version": 2,
        "x_note": {"a": [1, 2]},
        "records": [
            {
                "type": "statement",
                "id": "s",
                "speaker": "a",
                "quotation": "direct",
                "text": "Hello",
                "said": {"earliest": "2025", "latest": "2025", "x_confidence": 0.5},
            }
        ],
    }
    document = pt.from_dict(data, pt.Document, converter=lenient)
    statement = document.records[0]
    assert isinstance(statement, pt.Statement)
    assert statement.said is not None
    assert dict(statement.said.extra_fields or {}) == {"x_confidence": 0.5}
    assert pt.to_dict(document, converter=lenient) == data
