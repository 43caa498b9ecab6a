"""Reading a dataset's file: its text (UTF-8 or a named encoding) and, for CSV, its rows.

Bad files are caught before a row is imported, each with the line and column:
bytes that are not in the encoding, a header that names a column twice,
columns whose values do not fit what the column holds (swapped or misnamed
columns, two-digit years), and a file separated by semicolons or tabs (read
as such, with a note).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, islice

from peacetalks.errors import Problem, ValidationError
from peacetalks.interop._common import MISSING, Source, too_many_rows
from peacetalks.limits import Limits, read_file, too_large

__all__ = ["Domain", "Rows", "check_table", "read_csv", "read_text", "text_not_number", "whole"]

Domain = tuple[str, Callable[[str], bool]]
"""What a column holds, in words ("a month, 1 to 12"), and a test of one (known) value."""

_WHOLE = re.compile(r"[+-]?[0-9]{1,18}(\.0+)?")
_NUMBERISH = re.compile(r"[0-9.,+-]+")


def whole(low: int, high: int, *also: int) -> Callable[[str], bool]:
    """A test for a whole number from ``low`` to ``high`` (or one of ``also``)."""

    def test(value: str) -> bool:
        if not _WHOLE.fullmatch(value):
            return False
        number = int(float(value))
        return low <= number <= high or number in also

    return test


def text_not_number(value: str) -> bool:
    """A test for a name: text that is not only a number."""
    return not _NUMBERISH.fullmatch(value)


Rows = Iterator[tuple[int, dict[str, str], list[str]]]
"""``(line, row, problems)`` for each row of a table."""

#: How many rows are looked at to tell whether columns hold what they should.
SAMPLE_ROWS = 200
_SEPARATORS = (",", ";", "\t", "|")
_SEPARATOR_NAMES = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def read_text(
    source: Source, what: str, limits: Limits, encoding: str | None = None
) -> tuple[str, list[str]]:
    """The text of ``source`` and file-level notes.

    UTF-8 is expected (a byte-order mark is allowed) unless ``encoding`` names
    another. Bytes that are not in the encoding are refused with the line and
    column of the first, and a hint: garbled names are never imported.
    Raises :class:`~peacetalks.errors.LimitExceededError` for a file larger
    than ``limits.max_document_bytes``.
    """
    if isinstance(source, bytes):
        data = source
        if len(data) > limits.max_document_bytes:
            raise too_large(limits, len(data), what)
    else:
        try:
            data = read_file(source, limits, what)
        except OSError as exc:
            problem = Problem((), f"a readable {what} file", exc.strerror or str(exc))
            raise ValidationError([problem], what) from None
    name = encoding or "utf-8-sig"
    try:
        codecs.lookup(name)
    except LookupError:
        raise ValidationError([Problem((), "a known text encoding", repr(name))], what) from None
    try:
        return data.decode(name), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start : exc.start + 1].hex()
        hint = (
            "; if the file is Latin-1 or Windows-1252, read it with encoding 'cp1252'"
            " (--encoding cp1252)"
            if encoding is None
            else ""
        )
        problem = Problem(
            (),
            f"text in {encoding or 'UTF-8'}",
            f"byte 0x{byte} at line {line}, column {column}{hint}",
        )
        raise ValidationError([problem], what) from None


def read_csv(
    text: str,
    what: str,
    required: Iterable[str],
    limits: Limits,
    *,
    known: Iterable[str] = (),
    domains: Mapping[str, Domain] | None = None,
) -> tuple[list[str], Rows, list[str]]:
    """The header, ``(line, row, problems)`` for every row, and notes on the file.

    ``line`` is the 1-based line the row starts on. A row with too few or too
    many fields, or a field longer than ``limits.max_string_length``, still
    comes back, with a problem saying so. The separator is told from the
    header line (commas, else the semicolons, tabs or bars it is split by,
    noted). Columns not in ``known`` (when given) are noted. Raises
    :class:`~peacetalks.errors.ValidationError` when a required column is
    missing, when the header names a column twice, or when most values of a
    column in ``domains`` (over the first :data:`SAMPLE_ROWS` rows) are not
    what it holds; :class:`~peacetalks.errors.LimitExceededError` at the row
    after ``limits.max_records`` rows.
    """
    first = text.split("\n", 1)[0]
    separator = max(_SEPARATORS, key=first.count)
    notes: list[str] = []
    if separator != "," and first.count(separator) > first.count(","):
        notes.append(
            f"line 1: the columns are separated by {_SEPARATOR_NAMES[separator]}, not commas;"
            " read as such"
        )
    else:
        separator = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        got = "an empty file" if isinstance(exc, StopIteration) else str(exc)
        raise ValidationError(
            [Problem((), f"a CSV {what} file with a header", got)], what
        ) from None
    rows, more = check_table(
        header, _rows(reader, header, what, limits), what, required, known=known, domains=domains
    )
    return header, rows, notes + more


def check_table(
    header: list[str],
    rows: Rows,
    what: str,
    required: Iterable[str],
    *,
    known: Iterable[str] = (),
    domains: Mapping[str, Domain] | None = None,
) -> tuple[Rows, list[str]]:
    """The rows of a table (CSV or a workbook's sheet) once its header and columns are checked.

    See :func:`read_csv` for what is refused and what is noted.
    """
    notes: list[str] = []
    for number, name in enumerate(header, 1):
        if not name:  # a column without a name ("a,b,c," ends in one) still has its cells
            header[number - 1] = f"column_{number}"
            notes.append(f"line 1: column {number} has no name, read as column_{number}")
    _check_header(header, what, required)
    expected = set(known)
    if expected:
        unknown = [
            f"{name} (column {n})" for n, name in enumerate(header, 1) if name not in expected
        ]
        if unknown:
            notes.append(
                "line 1: columns the dataset does not define, kept as source columns: "
                + ", ".join(unknown)
            )
    if domains:
        sample = list(islice(rows, SAMPLE_ROWS))
        notes.extend(_check_domains(header, sample, domains, what))
        rows = chain(sample, rows)
    return rows, notes


def _check_header(header: list[str], what: str, required: Iterable[str]) -> None:
    problems = []
    places: dict[str, list[int]] = {}
    for number, name in enumerate(header, 1):
        places.setdefault(name, []).append(number)
    for name, numbers in places.items():
        if len(numbers) > 1:
            columns = ", ".join(str(n) for n in numbers)
            problems.append(
                Problem((), f"each column named once in the header (line 1): {name!r}",
                        f"columns {columns} all named {name!r}")
            )  # fmt: skip
    required = list(required)
    missing = [name for name in required if name not in places]
    if missing:
        hint = ""
        if len(header) == 1:
            hint = " (the header is one column: is the file separated by something else?)"
        problems.append(
            Problem((), f"the {what} columns {', '.join(required)}",
                    "no " + ", ".join(missing) + hint)
        )  # fmt: skip
    if problems:
        raise ValidationError(problems, what)


def _check_domains(
    header: list[str],
    sample: list[tuple[int, dict[str, str], list[str]]],
    domains: Mapping[str, Domain],
    what: str,
) -> list[str]:
    """Refuse a file whose columns mostly hold the wrong values; note one that partly does."""
    problems: list[Problem] = []
    notes: list[str] = []
    for number, name in enumerate(header, 1):
        if name not in domains:
            continue
        words, test = domains[name]
        values = [(line, row[name].strip()) for line, row, _ in sample]
        known = [(line, value) for line, value in values if value not in MISSING]
        wrong = [(line, value) for line, value in known if not test(value)]
        if not wrong:
            continue
        line, value = wrong[0]
        text = (
            f"{len(wrong)} of {len(known)} values in the first {len(sample)} rows are not"
            f" {words} (first: {value!r} on line {line})"
        )
        where = f"column {number} ({name})"
        if len(known) >= 5 and len(wrong) * 2 >= len(known):
            problems.append(
                Problem((), f"{words} in {where}", text + "; are columns swapped or misnamed?")
            )
        elif len(wrong) * 10 >= len(known) >= 5:
            notes.append(f"{where}: {text}; the rows concerned say how each was read")
    if problems:
        raise ValidationError(problems, what)
    return notes


def _rows(reader: Iterator[list[str]], header: list[str], what: str, limits: Limits) -> Rows:
    start = 2
    count = 0
    longest = limits.max_string_length
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = Problem((), f"well-formed CSV after line {start - 1}", str(exc))
            raise ValidationError([problem], what) from None
        problems = []
        if len(fields) != len(header) and any(field.strip() for field in fields):
            problems.append(f"wrong number of fields: {len(fields)}, the header has {len(header)}")
        if fields and max(map(len, fields)) > longest:
            problems.append(f"a field longer than {longest:,} characters (max_string_length)")
        if fields and any(field.strip() for field in fields):
            count += 1
            if count > limits.max_records:
                raise too_many_rows(limits, what, f"more rows (line {start})")
            # Every column is in the row, empty where the row is short (it is reported).
            padded = [*fields, *[""] * (len(header) - len(fields))]
            yield start, dict(zip(header, padded, strict=False)), problems
        start = reader.line_num + 1  # type: ignore[attr-defined]
