"""The table layout, derived from the record classes.

Every record kind gets one table (``truces``) and one child table for each
repeated value inside it (``truce_parties``, ``truce_sources_authors``...).
The layout is computed from the attrs classes, walking their fields:

* a string, number or boolean field is a column of that type; an enum is a
  string column holding its wire value;
* a nested object (``place``, ``scope``) is flattened into the row, its
  columns prefixed with the field's name (``place_country``);
* a tuple is a child table, keyed by the record's position and id and by the
  position of each repeated value on the way to it;
* a :class:`~peacetalks.TimePoint` is its ISO 8601 text plus its precision, and
  a :class:`~peacetalks.ReportedTime` adds typed columns: the first and last
  dates it covers and the first and last instants in UTC;
* ``int | float`` (a quantity's value) is a float column plus an exact integer
  column, so an integer comes back as the integer it was;
* unknown keys kept in lenient mode go, as JSON, into the row's
  ``extra_fields`` column.

Nothing here needs pyarrow: types are named, and :mod:`._arrow` maps them.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal

import attrs

from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION
from peacetalks.timepoint import TimePoint
from peacetalks.times import ReportedTime

__all__ = [
    "LAYOUT_VERSION",
    "SCHEMA_VERSIONS",
    "Column",
    "Table",
    "layout",
    "table_names",
]

#: The version of the table layout. A new layout version comes with each new schema
#: version (see SCHEMA_VERSIONS); within one, names and types never change.
LAYOUT_VERSION = 1

#: The schema version each layout version lays out: layout 1 (the first) is schema 2.
SCHEMA_VERSIONS: dict[int, int] = {1: 2}

ColumnType = Literal["string", "int64", "float64", "bool", "date32", "timestamp"]
Shape = Literal["scalar", "enum", "point", "number", "object"]

_SCALARS: dict[type, ColumnType] = {str: "string", int: "int64", float: "float64", bool: "bool"}
_PLURALS = {"proposal": "proposals", "truce": "truces", "venue": "venues"}


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: Its name, stable within a layout version.
        type: ``string``, ``int64``, ``float64``, ``bool``, ``date32`` or
            ``timestamp`` (microseconds, UTC).
        doc: What it holds.
        role: ``key`` (joins tables), ``value`` (a field of the record) or
            ``derived`` (computed from value columns for analysis, and ignored
            when tables are read back into records).
    """

    name: str
    type: ColumnType
    doc: str
    role: Literal["key", "value", "derived"] = "value"


@attrs.frozen
class Table:
    """One table of the layout.

    Attributes:
        name: The table's name: ``truces``, ``truce_parties``...
        kind: The kind of record its rows belong to.
        parent: The table its rows hang from; ``None`` for a record table.
        path: The fields from the record to the repeated value, e.g.
            ``("sources", "authors")``; empty for a record table.
        columns: Its columns, keys first.
    """

    name: str
    kind: str
    parent: str | None
    path: tuple[str, ...]
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


@attrs.frozen
class Field:
    """How one field of a class maps to columns (internal)."""

    attr: str
    shape: Shape
    column: str  # the column, or for an object the prefix of its columns
    optional: bool
    fields: tuple[Field, ...] = ()  # an object's fields
    presence: str | None = None  # the column that is null exactly when the object is absent
    time: bool = False  # a ReportedTime: derived start/end columns
    cls: type | None = None


@attrs.frozen
class Node:
    """A table with the plan to fill it and read it back (internal)."""

    table: Table
    item: Field | None  # a scalar repeated value: the one field; None for objects
    fields: tuple[Field, ...]  # an object row's fields
    children: tuple[tuple[tuple[str, ...], Node], ...]  # (access path, child)
    depth: int  # how many position columns the keys have


def table_name(kind: str) -> str:
    """The name of the table of a record kind: ``actors``, ``truces``..."""
    return _PLURALS.get(kind, kind + "s")


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The type without ``None``, and whether ``None`` was allowed."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = tuple(arg for arg in args if arg is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return hint, False


def _doc(field: attrs.Attribute[Any]) -> str:
    return str(field.metadata.get("doc", "")).strip()


@attrs.define
class _Where:
    """The table being laid out: its name, path, position keys, columns and children."""

    table: str
    path: tuple[str, ...]
    positions: tuple[str, ...]
    columns: list[Column] = attrs.Factory(list)
    children: list[tuple[tuple[str, ...], Node]] = attrs.Factory(list)


class _Builder:
    def __init__(self, kind: str) -> None:
        self.kind = kind

    def node(self, where: _Where, parent: str | None, hint: Any, doc: str) -> Node:
        keys = [
            Column("record_position", "int64", "The record's position in its part: joins.", "key")
        ]
        keys.append(Column(f"{self.kind}_id", "string", f"The {self.kind}'s id.", "key"))
        keys += [
            Column(position, "int64", f"The position in '{position[: -len('_position')]}'.", "key")
            for position in where.positions
        ]
        item: Field | None = None
        fields: tuple[Field, ...] = ()
        if attrs.has(hint):
            fields = self.fields(hint, "", (), where)
            where.columns.append(
                Column("extra_fields", "string", "Unknown keys kept in lenient mode, as JSON.")
            )
        else:
            last = where.path[-1]
            item = self.field(last, hint, False, last, doc, access=(), where=where)
        table = Table(where.table, self.kind, parent, where.path, (*keys, *where.columns))
        names = [column.name for column in table.columns]
        assert len(names) == len(set(names)), f"duplicate columns in {where.table}"  # noqa: S101
        return Node(table, item, fields, tuple(where.children), len(where.positions))

    def fields(
        self, cls: type, prefix: str, access: tuple[str, ...], where: _Where
    ) -> tuple[Field, ...]:
        hints = _hints(cls)
        out = []
        for attribute in attrs.fields(cls):
            if attribute.name == "extra_fields" or not attribute.init:
                continue
            hint, optional = _unwrap(hints[attribute.name])
            if typing.get_origin(hint) is tuple:
                item = typing.get_args(hint)[0]
                steps = (*access, attribute.name)
                stem = self.kind if where.table == table_name(self.kind) else where.table
                child = _Where(
                    f"{stem}_{'_'.join(steps)}",
                    (*where.path, *steps),
                    (*where.positions, "_".join(steps) + "_position"),
                )
                node = self.node(child, where.table, item, _doc(attribute))
                where.children.append((steps, node))
                continue
            out.append(
                self.field(
                    attribute.name,
                    hint,
                    optional,
                    prefix + attribute.name,
                    _doc(attribute),
                    access=(*access, attribute.name),
                    where=where,
                )
            )
        return tuple(out)

    def field(
        self,
        attr: str,
        hint: Any,
        optional: bool,
        column: str,
        doc: str,
        *,
        access: tuple[str, ...],
        where: _Where,
    ) -> Field:
        columns = where.columns
        if hint is TimePoint:
            columns.append(Column(column, "string", doc + " (ISO 8601, as on the wire)"))
            columns.append(
                Column(
                    f"{column}_precision", "string", "Its precision: year ... second.", "derived"
                )
            )
            return Field(attr, "point", column, optional)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            values = ", ".join(str(member.value) for member in hint)
            columns.append(Column(column, "string", f"{doc} One of: {values}."))
            return Field(attr, "enum", column, optional)
        if hint in _SCALARS:
            columns.append(Column(column, _SCALARS[hint], doc))
            return Field(attr, "scalar", column, optional)
        if set(typing.get_args(hint)) == {int, float}:
            columns.append(Column(column, "float64", doc))
            columns.append(
                Column(f"{column}_integer", "int64", "The value when it is an integer, exactly.")
            )
            return Field(attr, "number", column, optional)
        if attrs.has(hint):
            start = len(columns)
            fields = self.fields(hint, column + "_", access, where)
            presence = next(
                (f.column for f in fields if not f.optional and f.shape != "object"), None
            )
            if optional and presence is None:
                presence = f"{column}_given"
                columns.insert(start, Column(presence, "bool", f"True when {attr} is given."))
            time = hint is ReportedTime
            if time:
                columns += [
                    Column(f"{column}_start_date", "date32", "First date covered.", "derived"),
                    Column(f"{column}_end_date", "date32", "Last date covered.", "derived"),
                    Column(f"{column}_start", "timestamp", "First instant (UTC).", "derived"),
                    Column(
                        f"{column}_end", "timestamp", "Instant after the last (UTC).", "derived"
                    ),
                ]
            return Field(attr, "object", column, optional, fields, presence, time, hint)
        raise TypeError(f"no column type for {hint!r}")  # a new kind of field: extend the layout


@cache
def _nodes() -> dict[str, Node]:
    nodes = {}
    for kind, cls in RECORD_CLASSES.items():
        name = table_name(kind)
        nodes[kind] = _Builder(kind).node(_Where(name, (), ()), None, cls, cls.__doc__ or "")
    return nodes


def record_nodes() -> dict[str, Node]:
    """The plan of every record table, by record kind (internal)."""
    return _nodes()


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for _, child in node.children:
        yield from _walk(child)


@cache
def layout() -> tuple[Table, ...]:
    """Every table of the layout, each record table followed by its child tables."""
    return tuple(n.table for root in _nodes().values() for n in _walk(root))


def table_names() -> tuple[str, ...]:
    """The names of every table, in :func:`layout` order."""
    return tuple(table.name for table in layout())


def all_nodes() -> Iterator[Node]:
    """Every node, parents before children (internal)."""
    for root in _nodes().values():
        yield from _walk(root)


assert SCHEMA_VERSIONS[LAYOUT_VERSION] == SCHEMA_VERSION  # noqa: S101
