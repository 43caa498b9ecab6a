"""The way back: tables into records, through the converter, every problem reported.

The value columns of each row are put back together as the record's JSON data
(derived columns are ignored), child rows are attached by their keys, and the
data is structured by :func:`~peacetalks.jsonlines.record_from_dict`: the
same checks, and the same migrations, as any record read from JSON.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import cattrs
import pyarrow as pa
import pyarrow.parquet as pq

from peacetalks.converter import converter as default_converter
from peacetalks.converter import from_dict
from peacetalks.document import Document, Record
from peacetalks.errors import Problem, SchemaVersionError, ValidationError
from peacetalks.jsonlines import record_from_dict
from peacetalks.tables._arrow import HEADER_KEY, LAYOUT_KEY, SCHEMA_KEY
from peacetalks.tables._layout import LAYOUT_VERSION, SCHEMA_VERSIONS, Field, Node, record_nodes

# A table's file: part-NNNNN.parquet (segment 0), then part-NNNNN.s00001.parquet...
_PART_FILE = re.compile(r"part-([0-9]+)(?:\.s([0-9]+))?\.parquet")

__all__ = ["from_arrow", "read_parquet"]

_Groups = dict[str, dict[tuple[Any, ...], list[tuple[int, dict[str, Any]]]]]


def _descendants(node: Node) -> list[Node]:
    out = []
    for _, child in node.children:
        out.append(child)
        out += _descendants(child)
    return out


def _rows(tables: Mapping[str, pa.Table], node: Node) -> list[dict[str, Any]]:
    table = tables.get(node.table.name)
    if table is None:
        return []
    wanted = [c.name for c in node.table.columns if c.role != "derived"]
    missing = [name for name in wanted if name not in table.column_names]
    if missing:
        problem = Problem((node.table.name,), f"the columns {', '.join(missing)}", "none")
        raise ValidationError([problem], f"table {node.table.name}")
    rows: list[dict[str, Any]] = table.select(wanted).to_pylist()
    return rows


def _fields(
    fields: tuple[Field, ...],
    row: dict[str, Any],
    out: dict[str, Any],
    prefixes: dict[str, dict[str, Any]],
) -> None:
    for field in fields:
        if field.shape == "object":
            present = row[field.presence] if field.presence else True
            if present is None or present is False:
                continue
            sub: dict[str, Any] = {}
            prefixes[field.column] = sub
            _fields(field.fields, row, sub, prefixes)
            out[field.attr] = sub
            continue
        value = row[field.column]
        if field.shape == "number":
            exact = row[field.column + "_integer"]
            value = exact if exact is not None else value
        if value is not None:
            out[field.attr] = value


class _Assembler:
    def __init__(self, tables: Mapping[str, pa.Table], root: Node) -> None:
        self.groups: _Groups = {}
        for node in _descendants(root):
            keys = [c.name for c in node.table.columns if c.role == "key"]
            record, last = keys[0], keys[-1]
            between = keys[2:-1]  # past record_position and the record's id
            grouped: dict[tuple[Any, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
            for row in _rows(tables, node):
                key = (row[record], *(row[name] for name in between))
                grouped[key].append((row[last], row))
            self.groups[node.table.name] = grouped

    def build(self, node: Node, row: dict[str, Any], keys: tuple[Any, ...]) -> Any:
        if node.item is not None:
            return row[node.item.column]
        data: dict[str, Any] = {}
        prefixes = {"": data}
        _fields(node.fields, row, data, prefixes)
        for access, child in node.children:
            found = self.groups[child.table.name].get(keys)
            if not found:
                continue
            found.sort(key=lambda pair: pair[0])
            target = data
            for attr in access[:-1]:
                target = target.setdefault(attr, {})
            target[access[-1]] = [
                self.build(child, child_row, (*keys, position)) for position, child_row in found
            ]
        extra = row.get("extra_fields")
        if extra:
            for prefix, values in _extras(extra, node.table.name).items():
                prefixes.get(prefix, data).update(values)
        return data


def _extras(text: str, table: str) -> dict[str, dict[str, Any]]:
    """An ``extra_fields`` cell: a JSON object of JSON objects, or a ValidationError."""
    try:
        found = json.loads(text)
    except ValueError:
        found = None
    if not isinstance(found, dict) or not all(isinstance(v, dict) for v in found.values()):
        expected = "a JSON object of objects in extra_fields"
        raise ValidationError([Problem(("extra_fields",), expected, repr(text[:80]))], table)
    return found


def _check_versions(metadata: Mapping[bytes, bytes] | None, where: str) -> int:
    metadata = metadata or {}
    layout = int(metadata.get(LAYOUT_KEY, str(LAYOUT_VERSION).encode()))
    if layout not in SCHEMA_VERSIONS:
        known = ", ".join(map(str, SCHEMA_VERSIONS))
        problem = Problem((), f"a table layout version this library reads ({known})", str(layout))
        raise SchemaVersionError([problem], where)
    return int(metadata.get(SCHEMA_KEY, str(SCHEMA_VERSIONS[layout]).encode()))


def from_arrow(
    tables: Mapping[str, pa.Table],
    *,
    header: Document | None = None,
    converter: cattrs.Converter = default_converter,
) -> Document:
    """Records back from tables as :func:`~peacetalks.tables.to_arrow` made them.

    Returns a document holding the records in their original order, under
    ``header``'s title and sources (or those kept in the tables' metadata).
    A missing table counts as empty. Raises
    :class:`~peacetalks.errors.ValidationError` listing every invalid record,
    each problem located at ``$.records[N]...`` and naming the record.
    """
    schema_version = SCHEMA_VERSIONS[LAYOUT_VERSION]
    header_data = None
    for table in tables.values():
        schema_version = _check_versions(table.schema.metadata, "tables")
        header_data = (table.schema.metadata or {}).get(HEADER_KEY)
        break
    if header is None and header_data is not None:
        try:
            data = json.loads(header_data)
        except ValueError:
            data = header_data.decode("utf-8", errors="replace")
        header = from_dict(data, Document, converter=converter)
    found: list[tuple[int, str, dict[str, Any]]] = []
    problems: list[Problem] = []
    for kind, node in record_nodes().items():
        assembler = _Assembler(tables, node)
        for row in _rows(tables, node):
            position = row["record_position"]
            try:
                data = {"type": kind, **assembler.build(node, row, (position,))}
            except ValidationError as exc:
                where = ("records", position)
                problems += [p.within(where, kind, row.get("id")) for p in exc.problems]
                continue
            found.append((position, kind, data))
    found.sort(key=lambda item: item[0])
    records: list[Record] = []
    for index, (_, kind, data) in enumerate(found):
        try:
            records.append(record_from_dict(data, schema_version, converter=converter))
        except ValidationError as exc:
            problems += [p.within(("records", index), kind, data.get("id")) for p in exc.problems]
    if problems:
        raise ValidationError(problems, "tables")
    title = None if header is None else header.title
    sources = () if header is None else header.sources
    return Document(records=tuple(records), title=title, sources=sources)


def read_parquet(
    directory: str | os.PathLike[str],
    *,
    converter: cattrs.Converter = default_converter,
) -> Document:
    """Read back the tables :func:`~peacetalks.tables.write_parquet` wrote in ``directory``.

    Every part is read (in part order, each one's records in their original
    order; a table's segments, ``part-NNNNN.s00001.parquet``..., as one table) and
    the records are checked as when read from JSON. Reads a part's tables into
    memory at a time.
    """
    root = Path(directory)
    parts: dict[int, dict[str, list[tuple[int, Path]]]] = {}
    foreign: list[Problem] = []
    for path in sorted(root.glob("*/part-*.parquet")):
        found = _PART_FILE.fullmatch(path.name)
        if found is None:  # read as nothing would lose its rows without a word
            where = f"{path.parent.name}/{path.name}"
            expected = (
                "a part or segment as write_parquet names them"
                " (part-00000.parquet, part-00000.s00001.parquet)"
            )
            foreign.append(Problem(("files", where), expected, repr(path.name)))
            continue
        part, segment = int(found[1]), int(found[2] or 0)
        parts.setdefault(part, {}).setdefault(path.parent.name, []).append((segment, path))
    if foreign:
        raise ValidationError(foreign, "tables")
    records: list[Record] = []
    header: Document | None = None
    for _, files in sorted(parts.items()):
        tables = {
            name: pa.concat_tables(pq.read_table(path) for _, path in sorted(segments))
            for name, segments in sorted(files.items())
        }
        document = from_arrow(tables, converter=converter)
        records += document.records
        if header is None:
            header = document
    title = None if header is None else header.title
    sources = () if header is None else header.sources
    return Document(records=tuple(records), title=title, sources=sources)
