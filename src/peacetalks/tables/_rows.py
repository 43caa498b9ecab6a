"""Records into column buffers: one Python list per column of every table.

Each table's plan (:mod:`._layout`) is compiled once into closures that append
a record's values to the lists, so flattening a record is a run of attribute
reads and list appends, with no dictionaries built on the way.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from peacetalks._base import JSONObject
from peacetalks.document import Record
from peacetalks.tables._layout import Field, Node, layout, record_nodes
from peacetalks.timepoint import TimePoint
from peacetalks.times import ReportedTime

__all__ = ["Rows", "plain_json"]

Buffers = dict[str, dict[str, list[Any]]]
Extras = list[tuple[str, JSONObject]]
Step = Callable[[Any, Extras], None]
_Fill = Callable[[Any, tuple[Any, ...]], None]

# (earliest, latest, zone) -> (start date, end date, start, end), bounded.
_SPANS: dict[tuple[str | None, str | None, str | None], tuple[Any, Any, Any, Any]] = {}
_SPANS_MAX = 65536


def plain_json(value: object) -> Any:
    """A JSON-ready copy of kept unknown keys (JSONObject and tuples made dict and list)."""
    if isinstance(value, JSONObject):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [plain_json(item) for item in value]
    return value


def _first_day(point: TimePoint) -> date:
    return date(point.year, point.month or 1, point.day or 1)


def _last_day(point: TimePoint) -> date:
    if point.day is not None:
        return date(point.year, point.month or 1, point.day)
    month = point.month or 12
    return date(point.year, month, calendar.monthrange(point.year, month)[1])


def _utc(moment: datetime) -> datetime | None:
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):  # the far edge of year 1 or 9999
        return None


def span(time: ReportedTime) -> tuple[Any, Any, Any, Any]:
    """First date, last date, first instant and the instant after the last (UTC)."""
    earliest, latest, zone = time.earliest, time.latest, time.zone
    key = (
        None if earliest is None else earliest.wire_text,
        None if latest is None else latest.wire_text,
        zone,
    )
    found = _SPANS.get(key)
    if found is not None:
        return found
    start_date = start = end_date = end = None
    if earliest is not None:
        start_date = _first_day(earliest)
        start = _utc(earliest.bounds(zone)[0])
    if latest is not None:
        end_date = _last_day(latest)
        end = _utc(latest.bounds(zone)[1])
    if len(_SPANS) >= _SPANS_MAX:
        _SPANS.clear()
    found = _SPANS[key] = (start_date, end_date, start, end)
    return found


def _step(field: Field, columns: dict[str, list[Any]]) -> Step:
    """A closure that appends one field of an object to its columns."""
    name = field.attr
    if field.shape == "scalar":
        append = columns[field.column].append

        def scalar(obj: Any, extras: Extras) -> None:
            append(getattr(obj, name))

        return scalar
    if field.shape == "enum":
        append = columns[field.column].append

        def enum_value(obj: Any, extras: Extras) -> None:
            value = getattr(obj, name)
            append(None if value is None else value.value)

        return enum_value
    if field.shape == "point":
        append = columns[field.column].append
        append_precision = columns[field.column + "_precision"].append

        def point(obj: Any, extras: Extras) -> None:
            value = getattr(obj, name)
            if value is None:
                append(None)
                append_precision(None)
            else:
                append(value.wire_text)
                append_precision(value.precision.value)

        return point
    if field.shape == "number":
        append = columns[field.column].append
        append_integer = columns[field.column + "_integer"].append

        def number(obj: Any, extras: Extras) -> None:
            value = getattr(obj, name)
            append(None if value is None else float(value))
            append_integer(value if type(value) is int else None)

        return number
    return _object_step(field, columns)


def _object_step(field: Field, columns: dict[str, list[Any]]) -> Step:
    name, prefix = field.attr, field.column
    steps = [_step(sub, columns) for sub in field.fields]
    appends = [columns[column].append for column in _columns_of(field)]
    given = None if field.presence != f"{prefix}_given" else columns[field.presence].append
    derived = None
    if field.time:
        derived = [columns[f"{prefix}_{part}"].append for part in _SPAN_PARTS]

    def nested(obj: Any, extras: Extras) -> None:
        value = getattr(obj, name)
        if value is None:
            for append in appends:
                append(None)
            return
        if given is not None:
            given(True)
        if value.extra_fields is not None:
            extras.append((prefix, value.extra_fields))
        for step in steps:
            step(value, extras)
        if derived is not None:
            for append, part in zip(derived, span(value), strict=True):
                append(part)

    return nested


_SPAN_PARTS = ("start_date", "end_date", "start", "end")


def _columns_of(field: Field) -> list[str]:
    """Every column a field fills (for an absent object: all of them, null)."""
    if field.shape == "point":
        return [field.column, field.column + "_precision"]
    if field.shape == "number":
        return [field.column, field.column + "_integer"]
    if field.shape != "object":
        return [field.column]
    out = [] if field.presence != f"{field.column}_given" else [field.presence]
    for sub in field.fields:
        out += _columns_of(sub)
    if field.time:
        out += [f"{field.column}_{part}" for part in _SPAN_PARTS]
    return out


def _extras_text(extras: Extras) -> str:
    return json.dumps(
        {prefix: plain_json(value) for prefix, value in extras},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _compile(node: Node, buffers: Buffers) -> _Fill:
    columns = buffers[node.table.name]
    key_appends = [columns[c.name].append for c in node.table.columns if c.role == "key"]
    children = [(access, _compile(child, buffers)) for access, child in node.children]
    item = node.item

    if item is not None:
        append = columns[item.column].append
        is_enum = item.shape == "enum"

        def fill_value(value: Any, keys: tuple[Any, ...]) -> None:
            for key_append, key in zip(key_appends, keys, strict=True):
                key_append(key)
            append(value.value if is_enum else value)

        return fill_value

    steps = [_step(field, columns) for field in node.fields]
    append_extra = columns["extra_fields"].append

    def fill(obj: Any, keys: tuple[Any, ...]) -> None:
        for key_append, key in zip(key_appends, keys, strict=True):
            key_append(key)
        extras: Extras = []
        if obj.extra_fields is not None:
            extras.append(("", obj.extra_fields))
        for step in steps:
            step(obj, extras)
        append_extra(_extras_text(extras) if extras else None)
        for access, child in children:
            value = obj
            for attr in access:
                value = getattr(value, attr)
                if value is None:
                    break
            else:
                for position, part in enumerate(value):
                    child(part, (*keys, position))

    return fill


class Rows:
    """Column buffers for every table of the layout, filled one record at a time.

    ``position`` counts the records added; it is each record's ``record_position``.
    """

    def __init__(self) -> None:
        self.buffers: Buffers = {
            table.name: {column.name: [] for column in table.columns} for table in layout()
        }
        self._fills = {kind: _compile(node, self.buffers) for kind, node in record_nodes().items()}
        self.position = 0

    def add(self, record: Record) -> None:
        """Append a record's rows to every table it has rows in."""
        fill = self._fills[str(record.record_type)]
        fill(record, (self.position, record.id))
        self.position += 1

    def count(self, table: str) -> int:
        """Rows buffered for ``table``."""
        return len(next(iter(self.buffers[table].values())))

    def clear(self, table: str) -> None:
        """Empty a table's buffers (in place: the compiled plan keeps the lists)."""
        for values in self.buffers[table].values():
            values.clear()
