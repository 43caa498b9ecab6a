"""Records into column buffers: one Python list per column of every table.

Each table's plan (:mod:`._layout`) is turned once into a small generated
function that appends a record's values to the lists, so flattening a record
is a run of attribute reads and list appends, with no call per field and no
dictionaries built on the way.
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
_Fill = Callable[[Any, tuple[Any, ...]], None]

# (point's text, zone or None for a time of day, which has its own offset) -> its first
# date and first instant (_STARTS) or last date and instant after it (_ENDS); bounded.
_Ends = dict[tuple[str, str | None], tuple[date, datetime | None]]
_STARTS: _Ends = {}
_ENDS: _Ends = {}
_CACHE_MAX = 4096


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


def _end(point: TimePoint, zone: str | None, last: bool) -> tuple[date, datetime | None]:
    cache = _ENDS if last else _STARTS
    key = (point.wire_text, None if point.hour is not None else zone)
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        day = _last_day(point) if last else _first_day(point)
        found = cache[key] = (day, _utc(point.bounds(zone)[1 if last else 0]))
    return found


def span(time: ReportedTime) -> tuple[Any, Any, Any, Any]:
    """First date, last date, first instant and the instant after the last (UTC)."""
    start_date = start = end_date = end = None
    if time.earliest is not None:
        start_date, start = _end(time.earliest, time.zone, False)
    if time.latest is not None:
        end_date, end = _end(time.latest, time.zone, True)
    return start_date, end_date, start, end


_SPAN_PARTS = ("start_date", "end_date", "start", "end")


def _extras_text(extras: Extras) -> str:
    return json.dumps(
        {prefix: plain_json(value) for prefix, value in extras},
        ensure_ascii=False,
        separators=(",", ":"),
    )


class _Source:
    """Python source for one table's fill function: straight-line attribute reads and appends.

    Generated once per table when a :class:`Rows` is made (like attrs' own methods),
    so flattening a record costs no call per field.
    """

    def __init__(self, node: Node, buffers: Buffers) -> None:
        self.columns = buffers[node.table.name]
        self.names: dict[str, Any] = {"span": span, "extras_text": _extras_text}
        self.lines: list[str] = []
        self.variables = 0

    def append(self, column: str) -> str:
        """The name the fill function calls to append to ``column``."""
        name = f"a{len(self.names)}"
        self.names[name] = self.columns[column].append
        return name

    def bind(self, value: object) -> str:
        name = f"n{len(self.names)}"
        self.names[name] = value
        return name

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def variable(self) -> str:
        self.variables += 1
        return f"v{self.variables}"

    def nulls(self, field: Field, depth: int) -> None:
        """Nulls in every column of an absent field."""
        for column in _columns_of(field):
            self.emit(depth, f"{self.append(column)}(None)")

    def field(self, field: Field, owner: str, depth: int) -> None:
        value = f"{owner}.{field.attr}"
        if field.shape == "scalar":
            self.emit(depth, f"{self.append(field.column)}({value})")
            return
        var = self.variable()
        self.emit(depth, f"{var} = {value}")
        if field.shape == "enum":
            text = (
                f"{var}.value" if not field.optional else f"None if {var} is None else {var}.value"
            )
            self.emit(depth, f"{self.append(field.column)}({text})")
            return
        if field.shape == "number":
            self.emit(
                depth, f"{self.append(field.column)}(None if {var} is None else float({var}))"
            )
            integer = self.append(field.column + "_integer")
            self.emit(depth, f"{integer}({var} if type({var}) is int else None)")
            return
        self.emit(depth, f"if {var} is None:")
        self.nulls(field, depth + 1)
        self.emit(depth, "else:")
        if field.shape == "point":
            self.emit(depth + 1, f"{self.append(field.column)}({var}.wire_text)")
            precision = self.append(field.column + "_precision")
            self.emit(depth + 1, f"{precision}({var}.precision.value)")
            return
        if field.presence == f"{field.column}_given":
            self.emit(depth + 1, f"{self.append(field.presence)}(True)")
        self.emit(depth + 1, f"if {var}.extra_fields is not None:")
        self.emit(depth + 2, f"extras.append(({field.column!r}, {var}.extra_fields))")
        for sub in field.fields:
            self.field(sub, var, depth + 1)
        if field.time:
            parts = self.variable()
            self.emit(depth + 1, f"{parts} = span({var})")
            for index, part in enumerate(_SPAN_PARTS):
                self.emit(depth + 1, f"{self.append(f'{field.column}_{part}')}({parts}[{index}])")


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


def _compile(node: Node, buffers: Buffers) -> _Fill:
    source = _Source(node, buffers)
    keys = [c.name for c in node.table.columns if c.role == "key"]
    source.emit(0, "def fill(obj, keys):")
    for index, key in enumerate(keys):
        source.emit(1, f"{source.append(key)}(keys[{index}])")
    if node.item is not None:
        value = "obj.value" if node.item.shape == "enum" else "obj"
        source.emit(1, f"{source.append(node.item.column)}({value})")
    else:
        source.emit(1, "extras = []")
        source.emit(1, "if obj.extra_fields is not None:")
        source.emit(2, "extras.append(('', obj.extra_fields))")
        for field in node.fields:
            source.field(field, "obj", 1)
        extra = source.append("extra_fields")
        source.emit(1, f"{extra}(extras_text(extras) if extras else None)")
        for access, child in node.children:
            child_fill = source.bind(_compile(child, buffers))
            var = source.variable()
            source.emit(1, f"{var} = obj")
            depth = 1
            for attr in access[:-1]:
                source.emit(depth, f"{var} = {var}.{attr}")
                source.emit(depth, f"if {var} is not None:")
                depth += 1
            source.emit(depth, f"for position, item in enumerate({var}.{access[-1]}):")
            source.emit(depth + 1, f"{child_fill}(item, (*keys, position))")
    namespace = dict(source.names)
    code = compile("\n".join(source.lines) + "\n", f"<peacetalks.tables {node.table.name}>", "exec")
    exec(code, namespace)  # noqa: S102 - our own generated source, as attrs does
    fill: _Fill = namespace["fill"]
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
