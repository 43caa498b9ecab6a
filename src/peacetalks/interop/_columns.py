"""Source cells kept on records, and the comparison of a file with its export.

An importer maps the columns it knows to typed fields; every cell that the
exporter cannot write back from those fields (a column with no typed home, a
value the typed field could not hold) is kept on the record as a
:class:`~peacetalks.SourceValue`, typed as the dataset codes it. An export
therefore gives back every cell of every imported row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from peacetalks.common import SourceValue
from peacetalks.errors import ValidationError
from peacetalks.timepoint import TimePoint

__all__ = ["CellDifference", "cell_text", "compare_csv", "keep_cells", "kept_rows", "write_csv"]

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]*[1-9]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def typed(dataset: str, column: str, row: str | None, text: str, free_text: bool) -> SourceValue:
    """A cell as a :class:`SourceValue`: a code or count as a number, a date as a date.

    A cell of a ``free_text`` column is always text. A cell is given a type only
    when writing that type back gives the same text ("007" stays text), so
    nothing is changed by keeping it.
    """
    base = {"dataset": dataset, "column": column, "row": row}
    if not free_text:
        if _INTEGER.fullmatch(text) and text != "-0":
            return SourceValue(**base, integer=int(text))  # type: ignore[arg-type]
        if _NUMBER.fullmatch(text) and repr(float(text)) == text:
            return SourceValue(**base, number=float(text))  # type: ignore[arg-type]
        if _DATE.fullmatch(text):
            try:
                point = TimePoint.parse(text)
            except ValidationError:
                point = None
            if point is not None and str(point) == text:
                return SourceValue(**base, date=point)  # type: ignore[arg-type]
    return SourceValue(**base, text=text)  # type: ignore[arg-type]


def cell_text(value: SourceValue) -> str:
    """The cell as the file had it."""
    if value.text is not None:
        return value.text
    if value.integer is not None:
        return str(value.integer)
    if value.number is not None:
        return repr(float(value.number))
    if value.boolean is not None:
        return "true" if value.boolean else "false"
    return str(value.date)


def keep_cells(
    dataset: str,
    row: str | None,
    original: Mapping[str, str],
    written: Mapping[str, str],
    free_text: frozenset[str] = frozenset(),
) -> list[SourceValue]:
    """The cells of ``original`` that the export (``written``) does not give back as they were."""
    return [
        typed(dataset, column, row, text, column in free_text)
        for column, text in original.items()
        if written.get(column, "") != text
    ]


def kept_rows(values: Iterable[SourceValue], dataset: str) -> dict[str | None, dict[str, str]]:
    """The kept cells of ``dataset``, by row (in order of first mention), as text."""
    rows: dict[str | None, dict[str, str]] = {}
    for value in values:
        if value.dataset == dataset:
            rows.setdefault(value.row, {})[value.column] = cell_text(value)
    return rows


def write_csv(header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> str:
    """CSV text with ``header`` and one line per row (missing cells empty), lines ending in CRLF."""
    out = io.StringIO(newline="")
    # Lines end in CRLF, as RFC 4180 has them: the writer then quotes every cell holding
    # a CR or an LF, so a lone CR in a cell cannot end a row.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


@attrs.frozen
class CellDifference:
    """One cell that differs between a file and its export, and why."""

    key: str
    column: str
    original: str | None
    exported: str | None
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.key}: {self.column}: {self.original!r} became {self.exported!r} ({self.reason})"
        )


def compare_csv(
    original: str, exported: str, key: str, reasons: Mapping[str, str] | None = None
) -> list[CellDifference]:
    """Every cell of ``original`` that ``exported`` does not give back, column by column.

    Rows are matched by their ``key`` column. ``reasons`` says, by key, why a
    row may be missing from the export (for instance, why it was rejected).
    """
    reasons = reasons or {}
    before = list(csv.DictReader(io.StringIO(original, newline="")))
    after = {row.get(key, ""): row for row in csv.DictReader(io.StringIO(exported, newline=""))}
    differences: list[CellDifference] = []
    for row in before:
        name = row.get(key) or ""
        other = after.get(name)
        if other is None:
            why = reasons.get(name, "the row is not in the export")
            differences.append(CellDifference(name, key, name, None, why))
            continue
        for column, value in row.items():
            if column is None:
                continue
            got = other.get(column)
            if got != value:
                why = "the column is not in the export" if got is None else "the value differs"
                differences.append(CellDifference(name, column, value, got, why))
    return differences
