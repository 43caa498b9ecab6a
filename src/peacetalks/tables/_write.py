"""Writing the tables: Parquet (streamed in row groups) and CSV, all or nothing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import attrs
import cattrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from peacetalks.converter import converter as default_converter
from peacetalks.converter import to_dict
from peacetalks.document import Document, Record
from peacetalks.files import read_document
from peacetalks.jsonlines import BadLine, JsonLinesReader
from peacetalks.limits import DEFAULT_LIMITS, Limits
from peacetalks.tables._arrow import arrow_schema, arrow_table
from peacetalks.tables._layout import Column, Table, layout
from peacetalks.tables._rows import Rows

__all__ = ["TableWriter", "TablesReport", "write_csv", "write_parquet"]

#: Rows a table buffers before they are written as one Parquet row group.
ROW_GROUP_ROWS = 65536
#: Bytes (in Arrow) all tables together hold before the largest is written out as a
#: row group, even if it has fewer rows: this, not the number of records, bounds the
#: memory a write takes.
BUFFER_BYTES = 24 << 20
#: Bytes of a Parquet data page. An open Parquet writer keeps buffers about this size
#: for each column until it is closed, and an export keeps a writer open for each of the
#: layout's tables: at Arrow's default (1 MiB) an export's memory grew by about 0.5 MB
#: with each table that had rows, which made it grow with the number of records.
DATA_PAGE_BYTES = 64 << 10
#: Bytes of a column's dictionary before Parquet falls back to plain encoding: small
#: dictionaries (kinds, countries, precisions) are kept, and an open writer does not
#: hold a large one (ids and text) for the rest of the export.
DICTIONARY_PAGE_BYTES = 64 << 10
#: Row groups in one Parquet file before the table goes on in a new file (a segment):
#: a writer holds each row group's metadata (its footer) until the file is closed.
FILE_ROW_GROUPS = 16
#: Parquet files open at a time; past it, the file written to least recently is closed
#: and its table goes on in a new segment. Each open file keeps buffers for its columns.
OPEN_FILES = 16
# Records between conversions of the buffered rows to Arrow: few enough Python objects
# are alive at a time that the garbage collector's passes stay short.
_CHECK_EVERY = 8192
# Buffered batches a table holds before they are joined into one: a table that gains a
# few rows per conversion would otherwise hold one small batch (and its fixed overhead
# of buffers and objects) per conversion until the end, memory growing with the records.
_JOIN_AT = 16
_STREAM_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")

Source = Document | JsonLinesReader | Iterable[Record] | str | os.PathLike[str]


@attrs.frozen
class TablesReport:
    """What a write did.

    Attributes:
        directory: Where the tables are.
        records: Records written.
        rows: Rows written, by table.
        bad_lines: The bad lines of a JSON Lines source that were skipped (when
            no ``on_bad_line`` was given); they are not in the tables.
    """

    directory: Path
    records: int
    rows: dict[str, int]
    bad_lines: tuple[BadLine, ...] = ()


#: The ``countries`` table: the codes of every country code in the other tables.
COUNTRIES = Table(
    "countries",
    "country",
    None,
    (),
    (
        Column("country", "string", "An ISO 3166-1 alpha-2 code found in the tables.", "key"),
        Column("alpha3", "string", "ISO 3166-1 alpha-3."),
        Column("numeric", "int64", "ISO 3166-1 numeric (ACLED's iso)."),
        Column("name", "string", "The ISO 3166 name."),
        Column("gw_number", "int64", "Gleditsch-Ward number (UCDP's and ETH/PRIO's gwno)."),
        Column("gw_letters", "string", "Gleditsch-Ward letters."),
        Column("cow_number", "int64", "Correlates of War number (ccode)."),
        Column("cow_letters", "string", "Correlates of War letters (stateabb)."),
    ),
)


_TABLES = {table.name: table for table in layout()}


def part_name(part: int, segment: int = 0) -> str:
    """The file name of a part's segment: ``part-00000``, then ``part-00000.s00001``...

    The names sort as text in the order of the rows, as engines list files.
    """
    return f"part-{part:05d}" if segment == 0 else f"part-{part:05d}.s{segment:05d}"


class TableWriter:
    """Writes records into the tables of the layout, in ``directory``, all or nothing.

    Parquet (the default) goes to ``directory/<table>/part-NNNNN.parquet``, one
    file per table and part, in row groups of at most ``row_group_rows`` rows
    (tables together hold at most about :data:`BUFFER_BYTES` before the
    largest is written out). A table goes on in a new file, a segment
    (``part-NNNNN.s00001.parquet``, ``part-NNNNN.s00002.parquet``...), once its file
    holds ``file_row_groups`` row groups, or when its file is closed because
    ``open_files`` others were written to more recently: so memory stays
    bounded whatever the number of records. Read back, a table's segments
    are one table, in segment order. CSV goes to
    ``directory/<table>.csv``. Every table of the layout is written, empty or
    not, so the same queries work on every output.

    Files are written under hidden temporary names and renamed into place by
    :meth:`close`; :meth:`discard` (or an exception in a ``with`` block) removes
    them, leaving whatever was there before. ``part`` numbers the files, so
    several writers (one per Spark partition, say) can fill one directory.

    With ``countries=True`` a ``countries`` table is added: every country code
    found in a ``country`` column, with its ISO alpha-3 and numeric codes and
    its Gleditsch-Ward and Correlates of War codes (see
    :mod:`peacetalks.countries`; needs ``peacetalks[countries]``).
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        format: Literal["parquet", "csv"] = "parquet",
        part: int = 0,
        header: Document | None = None,
        row_group_rows: int = ROW_GROUP_ROWS,
        converter: cattrs.Converter = default_converter,
        countries: bool = False,
        file_row_groups: int = FILE_ROW_GROUPS,
        open_files: int = OPEN_FILES,
    ) -> None:
        if format not in ("parquet", "csv"):
            raise ValueError(f"format must be 'parquet' or 'csv', not {format!r}")
        if file_row_groups < 1 or open_files < 1:
            raise ValueError("file_row_groups and open_files must be at least 1")
        self.directory = Path(directory)
        self.format = format
        self.part = part
        self.header = header
        self.row_group_rows = row_group_rows
        self.file_row_groups = file_row_groups
        self.open_files = open_files
        self._converter = converter
        self._rows = Rows()
        self._since_check = 0
        self._writers: dict[str, Any] = {}  # open files, least recently written first
        self._segments: dict[str, int] = {}  # the segment each table's next file is
        self._row_groups: dict[str, int] = {}  # row groups in each table's open file
        self._schemas: dict[str, pa.Schema] = {}
        self._pending: dict[Path, Path] = {}  # temporary -> final
        self._batches: dict[str, list[pa.Table]] = {table.name: [] for table in layout()}
        self._batched: dict[str, int] = dict.fromkeys(self._batches, 0)
        self._batched_bytes: dict[str, int] = dict.fromkeys(self._batches, 0)
        self.counts: dict[str, int] = {table.name: 0 for table in layout()}
        self._countries: set[str] | None = set() if countries else None
        if countries:
            from peacetalks.countries import _packages  # noqa: PLC0415 - fail early if missing

            _packages()
        self.directory.mkdir(parents=True, exist_ok=True)

    @property
    def records(self) -> int:
        """Records written so far."""
        return self._rows.position

    def write(self, record: Record) -> None:
        """Add one record; full row groups are written out as they fill."""
        self._rows.add(record)
        self._since_check += 1
        if self._since_check >= _CHECK_EVERY:
            self._since_check = 0
            for table in layout():
                self._flush(table)
            self._within_budget()

    def write_all(self, records: Iterable[Record]) -> int:
        """Add every record; returns how many records have been written in all."""
        for record in records:
            self.write(record)
        return self.records

    def close(self) -> None:
        """Write what is buffered and move every file into place."""
        try:
            for table in layout():
                self._flush(table, last=True)
            if self._countries is not None:
                self._write_countries()
            for writer in self._writers.values():
                writer.close()
            self._writers.clear()
        except BaseException:
            self.discard()
            raise
        written = set(self._pending.values())
        for temporary, final in self._pending.items():
            os.replace(temporary, final)
        self._pending.clear()
        if self.format == "parquet":  # an earlier export's further segments of this part
            for table in (*layout(), COUNTRIES):
                stale = (self.directory / table.name).glob(f"{part_name(self.part)}.s*.parquet")
                for path in stale:
                    if path not in written:
                        path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Abandon the output: the temporary files are removed."""
        for writer in self._writers.values():
            with contextlib.suppress(Exception):  # its file is being removed anyway
                writer.close()
        self._writers.clear()
        for temporary in self._pending:
            temporary.unlink(missing_ok=True)
        self._pending.clear()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            self.close()
        else:
            self.discard()

    def _schema(self, table: Table) -> pa.Schema:
        schema = self._schemas.get(table.name)
        if schema is None:
            header = None
            if self.header is not None:
                header = to_dict(attrs.evolve(self.header, records=()), converter=self._converter)
            schema = self._schemas[table.name] = arrow_schema(table, header)
        return schema

    def _writer(self, table: Table) -> Any:
        writer = self._writers.pop(table.name, None)
        if writer is not None:
            self._writers[table.name] = writer  # now the most recently written
            return writer
        if self.format == "parquet":
            while len(self._writers) >= self.open_files:
                self._close_file(next(iter(self._writers)))
            folder = self.directory / table.name
            folder.mkdir(exist_ok=True)
            segment = self._segments.setdefault(table.name, 0)
            final = folder / f"{part_name(self.part, segment)}.parquet"
        else:
            folder = self.directory
            final = folder / f"{table.name}.csv"
        temporary = folder / f".{final.name}.tmp"
        self._pending[temporary] = final
        schema = self._schema(table)
        if self.format == "parquet":
            writer = pq.ParquetWriter(
                temporary,
                schema,
                compression="snappy",
                data_page_size=DATA_PAGE_BYTES,
                dictionary_pagesize_limit=DICTIONARY_PAGE_BYTES,
            )
        else:
            writer = pa_csv.CSVWriter(temporary, schema)
        self._writers[table.name] = writer
        self._row_groups[table.name] = 0
        return writer

    def _close_file(self, name: str) -> None:
        """Close a table's open Parquet file; its next rows go to a new segment."""
        self._writers.pop(name).close()
        self._segments[name] += 1

    def _flush(self, table: Table, *, last: bool = False) -> None:
        """Move buffered rows to Arrow; write a row group once there are enough (or at the end)."""
        name = table.name
        count = self._rows.count(name)
        if count:
            batch = arrow_table(table, self._rows, self._schema(table))
            batches = self._batches[name]
            batches.append(batch)
            if len(batches) >= _JOIN_AT:
                batches[:] = [pa.concat_tables(batches).combine_chunks()]
            if self._countries is not None:
                for column in batch.column_names:
                    if column == "country" or column.endswith("_country"):
                        self._countries.update(pc.unique(batch[column]).drop_null().to_pylist())
            self._batched[name] += count
            self._batched_bytes[name] = sum(buffered.nbytes for buffered in batches)
            self._rows.clear(name)
        if self._batched[name] >= self.row_group_rows or last:
            self._write_group(table)

    def _within_budget(self) -> None:
        """Write out the largest tables' rows while all together hold too much."""
        while sum(self._batched_bytes.values()) > BUFFER_BYTES:
            name = max(self._batched_bytes, key=self._batched_bytes.__getitem__)
            self._write_group(_TABLES[name])

    def _write_group(self, table: Table) -> None:
        """Write a table's buffered rows as a row group (opening its file if need be)."""
        name = table.name
        if self._batched[name] or (name not in self._segments and name not in self._writers):
            writer = self._writer(table)  # every table gets a file, empty or not
        if self._batched[name]:
            group = pa.concat_tables(self._batches[name])
            if self.format == "parquet":
                writer.write_table(group, row_group_size=self.row_group_rows)
                self._row_groups[name] += -(-group.num_rows // self.row_group_rows)
                if self._row_groups[name] >= self.file_row_groups:
                    self._close_file(name)
            else:
                writer.write_table(group)
            self.counts[name] += self._batched[name]
        self._batches[name].clear()
        self._batched[name] = self._batched_bytes[name] = 0

    def _write_countries(self) -> None:
        from peacetalks.countries import countries  # noqa: PLC0415 - optional

        found = countries(sorted(self._countries or ()))
        schema = self._schema(COUNTRIES)
        data = {
            column.name: [
                getattr(codes, "alpha2" if column.name == "country" else column.name)
                for codes in found
            ]
            for column in COUNTRIES.columns
        }
        self._writer(COUNTRIES).write_table(pa.Table.from_pydict(data, schema=schema))
        self.counts[COUNTRIES.name] = len(found)


def _records(
    source: Source,
    *,
    converter: cattrs.Converter,
    limits: Limits,
    on_bad_line: Callable[[BadLine], None] | None,
    rejects: str | os.PathLike[str] | None,
) -> tuple[Iterator[Record], Callable[[], Document | None], JsonLinesReader | None]:
    """The records of a source, the document header once read, and the reader if any."""
    if isinstance(source, str | os.PathLike):
        if str(source).lower().endswith(_STREAM_SUFFIXES):
            source = JsonLinesReader(
                source,
                on_bad_line=on_bad_line,
                rejects=rejects,
                converter=converter,
                limits=limits,
            )
        else:
            source = read_document(source, converter=converter, limits=limits)
    if isinstance(source, Document):
        document = source
        return iter(document.records), lambda: document, None
    if isinstance(source, JsonLinesReader):
        reader = source
        return iter(reader), lambda: reader.header, reader
    return iter(source), lambda: None, None


def _write(
    source: Source,
    directory: str | os.PathLike[str],
    format: Literal["parquet", "csv"],
    *,
    part: int,
    row_group_rows: int,
    converter: cattrs.Converter,
    limits: Limits,
    on_bad_line: Callable[[BadLine], None] | None,
    rejects: str | os.PathLike[str] | None,
    countries: bool,
) -> TablesReport:
    records, header, reader = _records(
        source, converter=converter, limits=limits, on_bad_line=on_bad_line, rejects=rejects
    )
    writer = TableWriter(
        directory,
        format=format,
        part=part,
        row_group_rows=row_group_rows,
        converter=converter,
        countries=countries,
    )
    with writer:
        first = next(records, None)  # reads a stream's header line
        writer.header = header()
        if first is not None:
            writer.write(first)
            writer.write_all(records)
    bad = tuple(reader.bad_lines) if reader is not None else ()
    return TablesReport(writer.directory, writer.records, dict(writer.counts), bad)


def write_parquet(
    source: Source,
    directory: str | os.PathLike[str],
    *,
    part: int = 0,
    row_group_rows: int = ROW_GROUP_ROWS,
    converter: cattrs.Converter = default_converter,
    limits: Limits = DEFAULT_LIMITS,
    on_bad_line: Callable[[BadLine], None] | None = None,
    rejects: str | os.PathLike[str] | None = None,
    countries: bool = False,
) -> TablesReport:
    """Write the tables of ``source`` as Parquet files in ``directory``.

    ``source`` is a :class:`~peacetalks.Document`, a
    :class:`~peacetalks.JsonLinesReader`, any iterable of records, or a path:
    a JSON Lines file (``.jsonl``, ``.ndjson``, ``.jsonlines``), read as a
    stream in bounded memory, or else a JSON document. A stream's bad lines
    are skipped and reported (``on_bad_line``, ``rejects`` and the report's
    ``bad_lines``, as for :class:`~peacetalks.JsonLinesReader`); the good
    records are written.

    Each table goes to ``directory/<table>/part-NNNNN.parquet`` (``part``
    numbers it), in row groups of ``row_group_rows``, and a long export goes
    on in segments (``part-NNNNN.s00001.parquet``..., see
    :class:`TableWriter`); the files appear only once all are complete, and
    replace the same part of an earlier export, segments included.
    ``countries=True`` adds the ``countries`` table (see :class:`TableWriter`).
    """
    return _write(
        source,
        directory,
        "parquet",
        part=part,
        row_group_rows=row_group_rows,
        converter=converter,
        limits=limits,
        on_bad_line=on_bad_line,
        rejects=rejects,
        countries=countries,
    )


def write_csv(
    source: Source,
    directory: str | os.PathLike[str],
    *,
    converter: cattrs.Converter = default_converter,
    limits: Limits = DEFAULT_LIMITS,
    on_bad_line: Callable[[BadLine], None] | None = None,
    rejects: str | os.PathLike[str] | None = None,
    countries: bool = False,
) -> TablesReport:
    """Write the tables of ``source`` as flat CSV files, ``directory/<table>.csv``.

    The same tables and columns as :func:`write_parquet`, for R and spreadsheets:
    a header row, empty fields for nulls, dates as ``YYYY-MM-DD``. Takes the
    same sources.
    """
    return _write(
        source,
        directory,
        "csv",
        part=0,
        row_group_rows=ROW_GROUP_ROWS,
        converter=converter,
        limits=limits,
        on_bad_line=on_bad_line,
        rejects=rejects,
        countries=countries,
    )
