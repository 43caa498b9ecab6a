"""The layout as Arrow schemas, and records as Arrow tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from peacetalks.document import SCHEMA_VERSION, Record
from peacetalks.tables._layout import LAYOUT_VERSION, Table, layout
from peacetalks.tables._rows import Rows

__all__ = ["ARROW_TYPES", "arrow_schema", "arrow_table", "to_arrow"]

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
}

#: Keys of the schema metadata every table carries.
LAYOUT_KEY = b"peacetalks.layout_version"
SCHEMA_KEY = b"peacetalks.schema_version"
HEADER_KEY = b"peacetalks.header"
TABLE_KEY = b"peacetalks.table"


def arrow_schema(table: Table, header: Mapping[str, Any] | None = None) -> pa.Schema:
    """The Arrow schema of a table of the layout, with its versions in the metadata.

    ``header`` (a document's title and sources, as JSON data) is kept in the
    metadata too, so reading the tables back gives the document it came from.
    """
    fields = [
        pa.field(
            column.name,
            ARROW_TYPES[column.type],
            nullable=column.role != "key",
            metadata={b"doc": column.doc.encode(), b"role": column.role.encode()},
        )
        for column in table.columns
    ]
    metadata = {
        LAYOUT_KEY: str(LAYOUT_VERSION).encode(),
        SCHEMA_KEY: str(SCHEMA_VERSION).encode(),
        TABLE_KEY: table.name.encode(),
    }
    if header:
        metadata[HEADER_KEY] = json.dumps(header, ensure_ascii=False).encode()
    return pa.schema(fields, metadata=metadata)


def arrow_table(table: Table, rows: Rows, schema: pa.Schema) -> pa.Table:
    """The rows buffered for ``table`` as an Arrow table (the buffers are left as they are)."""
    columns = rows.buffers[table.name]
    arrays = [pa.array(columns[field.name], type=field.type, from_pandas=False) for field in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def to_arrow(records: Iterable[Record]) -> dict[str, pa.Table]:
    """Records as one Arrow table per table of the layout, every table present.

    >>> import peacetalks as pt
    >>> from peacetalks.tables import to_arrow
    >>> tables = to_arrow(pt.load_example().records)
    >>> tables["truces"].num_rows, tables["truce_parties"].column_names[:4]
    (2, ['record_position', 'truce_id', 'parties_position', 'actor'])
    """
    rows = Rows()
    for record in records:
        rows.add(record)
    return {table.name: arrow_table(table, rows, arrow_schema(table)) for table in layout()}
