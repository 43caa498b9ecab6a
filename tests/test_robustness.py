"""Regression tests for bugs the fuzzers found: each once let another exception escape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacetalks as pt
from peacetalks.errors import format_path
from peacetalks.interop import RowOutcome, read_ethprio, read_pax, read_plover, read_popolo

HUGE = 10**5000  # more digits than Python turns into text (4,300)


def test_an_integer_too_long_to_show_is_described_not_converted() -> None:
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict({"type": "actor", "id": HUGE, "category": "person", "name": "A"}, pt.Actor)
    assert raised.value.problems[0].got == "an integer of about 5,001 digits"


@pytest.mark.parametrize(
    "call",
    [
        lambda: pt.from_dict({"schema_version": HUGE}, pt.Document),
        lambda: pt.migrations.migrate_document({"schema_version": -HUGE}),
        lambda: pt.migrations.migrate_record({}, HUGE),
    ],
)
def test_a_schema_version_too_long_to_show_is_refused(call: object) -> None:
    with pytest.raises(pt.SchemaVersionError) as raised:
        call()  # type: ignore[operator]
    assert "schema version an integer of about 5,001 digits" in str(raised.value)


def test_a_key_only_python_data_can_have_gets_a_path() -> None:
    assert format_path(("records", ("a", 1), None)) == "$.records[('a', 1)][None]"
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_dict({"schema_version": 2, ("a",): 1, "x": 2}, pt.Document)
    assert [p.path for p in raised.value.problems] == ["$[('a',)]", "$.x"]


@pytest.mark.parametrize("zone", [[], {}, ["Europe/Kyiv"]])
def test_an_unhashable_zone_is_refused(zone: object) -> None:
    with pytest.raises(pt.ValidationError):
        pt.parse_time("today", "2025-03-23", zone)  # type: ignore[arg-type]
    with pytest.raises(pt.ValidationError):
        pt.ReportedTime(words="today", zone=zone)  # type: ignore[arg-type]


@pytest.mark.parametrize("records", [None, 5, 2.5])
def test_records_that_are_not_iterable_are_refused(records: object) -> None:
    (problem,) = pt.check_integrity(records)  # type: ignore[arg-type]
    assert (problem.path, problem.expected) == ("$.records", "a sequence of records")
    with pytest.raises(pt.IntegrityError) as raised:
        pt.Dossier(records)  # type: ignore[arg-type]
    assert raised.value.problems[0].path == "$.records"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda d: d.remove([]), pt.UnknownRecordError),
        (lambda d: d.statements_by([]), pt.UnknownRecordError),
        (lambda d: d.actors_by_role(pt.Role.MEDIATOR, within={}), pt.UnknownRecordError),
        (lambda d: d.replace("trump"), pt.IntegrityError),
        (lambda d: d.merge(5), pt.IntegrityError),
        (lambda d: d.diff(None), pt.IntegrityError),
    ],
)
def test_dossier_methods_given_the_wrong_type_raise_peacetalks_errors(
    call: object, error: type[Exception]
) -> None:
    dossier = pt.Dossier.from_document(pt.load_example())
    with pytest.raises(error):
        call(dossier)  # type: ignore[operator]
    assert dossier.get([]) is None  # type: ignore[arg-type]


def test_check_integrity_reads_a_generator_once() -> None:
    # A generator can be read once: the check must read it into a list first, or the
    # records after the first pass are gone and their problems go unreported.
    example = pt.load_example()
    dangling = pt.Statement(id="odd", speaker="nobody", quotation=pt.Quotation.DIRECT, text="Hi.")
    records = [*example.records, dangling, example.records[0]]
    expected = pt.check_integrity(records)
    assert [(p.record_id, p.path) for p in expected] == [
        ("united-states", "$.records[99].id"),
        ("odd", "$.records[98].speaker"),
    ]
    assert pt.check_integrity(record for record in records) == expected
    assert pt.check_integrity(record for record in example.records) == []


def test_a_path_no_file_can_have_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="embedded null byte"):
        pt.read_document(tmp_path / "a\x00b.json")


# The importers


def import_csv(read: object, header: str, *rows: str) -> object:
    return read("\n".join([header, *rows]).encode())  # type: ignore[operator]


ETHPRIO_HEADER = "cc,cf_id,uniq_id,actor_name,cf_dec_yr"


def test_a_short_csv_row_is_rejected_not_a_key_error() -> None:
    result = import_csv(
        read_ethprio, ETHPRIO_HEADER, "900,1,900001,Government of Testland,2001", "900"
    )
    assert [row.outcome for row in result.rows] == [RowOutcome.IMPORTED, RowOutcome.REJECTED]  # type: ignore[attr-defined]
    assert "wrong number of fields: 1, the header has 5" in result.rows[1].problems  # type: ignore[attr-defined]


def test_two_ceasefires_given_one_uniq_id_do_not_make_two_records_with_one_id() -> None:
    result = import_csv(
        read_ethprio, ETHPRIO_HEADER, "900,1,900001,Side A,2001", "901,1,900001,Side B,2002"
    )
    ids = [record.id for record in result.document.records]  # type: ignore[attr-defined]
    assert len(ids) == len(set(ids))
    assert ids.count("ethprio-900001") == 1
    assert "ethprio-901-1" in ids  # the second keeps its data under an id of cc and cf_id
    assert result.rows[1].outcome is RowOutcome.IMPORTED  # type: ignore[attr-defined]
    assert result.rows[1].problems == (  # type: ignore[attr-defined]
        "uniq_id already names another ceasefire (cc 900, cf_id 1), cc and cf_id used:"
        " uniq_id '900001'",
    )


def test_agreement_ids_that_read_as_one_number_do_not_make_two_records_with_one_id() -> None:
    result = import_csv(
        read_pax, "AgtId,Agt,Dat", "101,First,2001-03-04", "101.0,Second,2001-03-05"
    )
    assert [r.id for r in result.document.records] == ["pax-101"]  # type: ignore[attr-defined]
    assert result.document.records[0].title == "First"  # type: ignore[attr-defined]
    assert result.rows[1].problems == ("id already used by another record: pax-101",)  # type: ignore[attr-defined]


def test_a_plover_event_whose_id_is_an_actor_id_is_rejected_not_duplicated() -> None:
    events = [
        {"id": "plover-testland", "event": "CONSULT", "mode": "phone", "source": ["Testland"]},
        {"id": "e2", "event": "CONSULT", "mode": "phone", "source": ["Testland"]},
    ]
    result = read_plover(json.dumps(events).encode())
    assert [r.id for r in result.document.records] == ["plover-testland", "e2"]
    assert result.rows[0].outcome is RowOutcome.REJECTED
    assert result.rows[0].problems[-1] == "id already used by another record: plover-testland"


def test_a_plover_actor_with_an_id_that_is_not_an_id_does_not_stop_the_import() -> None:
    events = [
        {
            "id": "e1",
            "event": "CONSULT",
            "mode": "phone",
            "source": [{"name": "X", "id": "not an id"}],
        }
    ]
    result = read_plover(json.dumps(events).encode())
    assert [r.id for r in result.document.records] == ["plover-x", "e1"]
    assert result.rows[0].outcome is RowOutcome.IMPORTED
    assert "actor id not usable, one made from the name: source id 'not an id'" in (
        result.rows[0].problems
    )


def test_a_zone_name_too_long_for_a_file_name_is_refused() -> None:
    zone = "x" * 10_000  # zoneinfo looks for a file of that name: OSError
    with pytest.raises(pt.ValidationError):
        pt.parse_time("today", "2025-03-23", zone)
    with pytest.raises(pt.ValidationError) as raised:
        pt.from_json(json.dumps({"words": "today", "zone": zone}), pt.ReportedTime)
    assert raised.value.problems[0].path == "$.zone"


def test_an_ethprio_uniq_id_that_cannot_be_part_of_an_id_is_made_into_one() -> None:
    result = import_csv(read_ethprio, ETHPRIO_HEADER, "900,1,9 0\x00,Side A,2001")
    assert result.rows[0].outcome is RowOutcome.IMPORTED  # type: ignore[attr-defined]
    ids = [record.id for record in result.document.records]  # type: ignore[attr-defined]
    assert all(record_id.startswith(("ethprio-", "ucdp-")) for record_id in ids)
    assert pt.Dossier(result.document.records)  # type: ignore[attr-defined]


def test_popolo_values_of_the_wrong_shape_are_dropped_with_a_note() -> None:
    person = {
        "id": "ada",
        "name": "Ada",
        "sources": True,
        "identifiers": 7,
        "memberships": "none",
        "other_names": [{"name": "A.", "start_date": "2000", "end_date": "1990"}],
    }
    result = read_popolo(json.dumps({"persons": [person]}).encode())
    (row,) = result.rows
    assert row.outcome is RowOutcome.IMPORTED
    assert "not a list, dropped: sources" in row.problems
    assert "not a list, dropped: identifiers" in row.problems
    assert "not a list, dropped: memberships" in row.problems
    assert any(
        problem.startswith("other name not valid, dropped: 'A.'") for problem in row.problems
    )
    assert result.document.records[0].names == ()


def test_a_pax_party_of_blank_characters_is_no_party() -> None:
    result = import_csv(read_pax, "AgtId,Agt,Dat,Part", "101,Accord,2001-03-04,\x0c;Front")
    assert result.rows[0].outcome is RowOutcome.IMPORTED  # type: ignore[attr-defined]
    actors = [r for r in result.document.records if isinstance(r, pt.Actor)]  # type: ignore[attr-defined]
    assert [actor.name for actor in actors] == ["Front"]
