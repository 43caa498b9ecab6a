"""Regression tests for bugs the fuzzers found: each once let another exception escape."""

from __future__ import annotations

from pathlib import Path

import pytest

import peacetalks as pt
from peacetalks.errors import format_path

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
        pt.from_dict({"schema_version": 1, ("a",): 1, "x": 2}, pt.Document)
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


def test_check_integrity_reads_a_generator_once() -> None:
    example = pt.load_example()
    assert pt.check_integrity(record for record in example.records) == []


def test_a_path_no_file_can_have_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="embedded null byte"):
        pt.read_document(tmp_path / "a\x00b.json")
