"""Fuzzing the dataset importers: any file gives a report on every row, or a peacetalks error.

The inputs are random bytes, the test fixtures cut off anywhere, CSV cells
replaced by awkward text, and Popolo and PLOVER values replaced by any JSON. What
is imported must always be a valid document that round-trips through JSON.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from fuzzing import AWKWARD_STRINGS, JSON_VALUES, dumps, fuzz, outcome, paths_in, replaced, tried
from peacetalks.interop import IMPORTERS, ImportResult, RowOutcome, compare_csv, to_ethprio, to_pax

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
FILES = {
    "ethprio": "ethprio.csv",
    "pax": "pax.csv",
    "popolo": "popolo.json",
    "plover": "plover.json",
    "ucdp": "ucdp.csv",
}
CONTENT = {name: (FIXTURES / file).read_bytes() for name, file in FILES.items()}
LIMITS = pt.Limits(max_records=50, max_string_length=5000)


def imported(name: str, data: bytes) -> ImportResult | pt.PeacetalksError:
    """Import ``data`` as ``name``; what it makes must be valid and survive a round trip."""
    result = outcome(f"import {name}", lambda: IMPORTERS[name](data, limits=LIMITS))
    if isinstance(result, ImportResult):
        for row in result.rows:
            assert isinstance(row.outcome, RowOutcome)
            assert row.line >= 1
            assert all(isinstance(problem, str) and problem for problem in row.problems)
        tried("to_json")
        assert pt.from_json(pt.to_json_bytes(result.document), pt.Document) == result.document
        ids = [record.id for record in result.document.records]
        assert len(ids) == len(set(ids)), "an importer made two records with one id"
    return result


@fuzz
@given(st.sampled_from(sorted(IMPORTERS)), st.binary(max_size=600))
def test_random_bytes(name: str, data: bytes) -> None:
    imported(name, data)


@fuzz
@given(st.sampled_from(sorted(IMPORTERS)), st.data())
def test_files_cut_off_anywhere(name: str, data: st.DataObject) -> None:
    content = CONTENT[name]
    length = data.draw(st.integers(min_value=0, max_value=len(content)))
    imported(name, content[:length])


def csv_cells(name: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(CONTENT[name].decode("utf-8"), newline="")))
    return rows[0], rows[1:]


def as_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


CELL_TEXT = (
    st.sampled_from(AWKWARD_STRINGS)
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "-1",
            "-99",
            "0",
            "1",
            "3",
            "NA",
            "1990",
            "2001-03-04",
            "13",
            "32",
            "1e9",
            "9" * 30,
            "2.5",
            "00",
            "-0",
        ]
    )
)


@fuzz
@given(st.sampled_from(["ethprio", "pax"]), st.data())
def test_csv_cells_replaced_by_awkward_text(name: str, data: st.DataObject) -> None:
    header, rows = csv_cells(name)
    changes = data.draw(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=len(rows) - 1),
                st.integers(min_value=0, max_value=len(header) - 1),
                CELL_TEXT,
            ),
            min_size=1,
            max_size=8,
        )
    )
    for row, column, text in changes:
        rows[row][column] = text
    data_bytes = as_csv([header, *rows])
    result = imported(name, data_bytes)
    if isinstance(result, pt.ValidationError):  # most of a column not what it holds
        assert "are columns swapped or misnamed?" in str(result), result
        return
    gives_back_every_cell(name, data_bytes, result)


def gives_back_every_cell(name: str, data: bytes, result: ImportResult) -> None:
    """Integrity holds, and the export gives back every cell of every row not rejected."""
    assert pt.check_integrity(result.document.records) == []
    key = {"ethprio": "id", "pax": "AgtId"}[name]
    original = data.decode("utf-8")
    reader = csv.reader(io.StringIO(original, newline=""))
    header = next(reader)
    raw: dict[int, str] = {}  # the key cell of the row starting on each line
    start = 2
    for fields in reader:
        raw[start] = dict(zip(header, fields, strict=False)).get(key, "")
        start = reader.line_num + 1
    keys = list(raw.values())
    if len(set(keys)) != len(keys) or not all(keys):
        return  # rows cannot be matched by their key
    exported, _ = (to_ethprio if name == "ethprio" else to_pax)(result.document)
    rejected = {
        raw[row.line]: "rejected"
        for row in result.rows
        if row.outcome is RowOutcome.REJECTED
        or (row.problems and "wrong number" in row.problems[0])
    }
    differences = compare_csv(original, exported, key, rejected)
    assert [d for d in differences if d.key not in rejected] == []


@fuzz
@given(st.sampled_from(["ethprio", "pax"]), st.data())
def test_csv_columns_dropped_or_rows_ragged(name: str, data: st.DataObject) -> None:
    header, rows = csv_cells(name)
    drop = data.draw(st.sets(st.integers(min_value=0, max_value=len(header) - 1), max_size=3))
    table = [
        [cell for index, cell in enumerate(row) if index not in drop] for row in [header, *rows]
    ]
    cut = data.draw(st.lists(st.integers(min_value=0, max_value=40), max_size=len(rows)))
    for row, keep in zip(table[1:], cut, strict=False):
        del row[keep:]
    data_bytes = as_csv(table)
    result = imported(name, data_bytes)
    if isinstance(result, pt.ValidationError):  # only a missing required column stops an import
        assert "columns" in result.problems[0].expected
    else:
        gives_back_every_cell(name, data_bytes, result)


def json_places(name: str) -> list[tuple[str | int, ...]]:
    return list(paths_in(json.loads(CONTENT[name])))


@fuzz
@given(st.sampled_from(["popolo", "plover"]), st.data())
def test_json_values_replaced_by_any_json(name: str, data: st.DataObject) -> None:
    document: Any = json.loads(CONTENT[name])
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(list(paths_in(document))))
        value = data.draw(JSON_VALUES | st.sampled_from(AWKWARD_STRINGS))
        document = replaced(document, path, value)
    imported(name, dumps(document))


@fuzz
@given(st.sampled_from(["popolo", "plover"]), JSON_VALUES)
def test_any_json_value(name: str, value: Any) -> None:
    imported(name, dumps(value))
