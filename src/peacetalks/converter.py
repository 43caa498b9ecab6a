"""Going between peacetalks objects, plain data and JSON: the one place that does it.

:func:`make_converter` builds a configured :class:`cattrs.Converter`; ``converter``
is the default, strict instance. The functions below use it unless given another:

* :func:`to_dict` / :func:`from_dict`: objects to and from plain JSON-ready data;
* :func:`to_json` / :func:`to_json_bytes` / :func:`from_json`: to and from JSON text.

Loading a :class:`~peacetalks.Document` is *identify → migrate → structure*: the
plain data's ``schema_version`` is read, the data is brought up to the current
version by :mod:`peacetalks.migrations`, and only then structured. A document
newer than this library raises :class:`~peacetalks.errors.SchemaVersionError`.

Loading is strict: ``5`` is not ``"5"``, ``null`` is not ``"None"``, a string is
not a list, dates with a time of day carry their UTC offset, and unknown keys
are rejected. ``make_converter(keep_unknown_keys=True)`` is the one lenient mode:
it keeps unknown keys in ``extra_fields`` and writes them back, and relaxes
nothing else.

Every failure is a :class:`~peacetalks.errors.ValidationError` listing every
problem with its JSON path; nothing else escapes.

>>> from peacetalks import Actor, ActorCategory
>>> from peacetalks.converter import from_json, to_json
>>> trump = Actor(id="trump", category=ActorCategory.PERSON, name="Donald Trump")
>>> to_json(trump)
'{"type":"actor","id":"trump","category":"person","name":"Donald Trump"}'
>>> from_json(to_json(trump), Actor) == trump
True
"""

from __future__ import annotations

import contextlib
import enum
import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs

from peacetalks import _fastjson
from peacetalks import _problems as paths
from peacetalks._base import Model, without_none
from peacetalks._classhooks import make_class_hook, make_record_hook
from peacetalks._fieldtypes import expected_for
from peacetalks._jsontext import parse_json
from peacetalks._rules import is_number
from peacetalks._unhooks import make_class_unhook
from peacetalks.document import Document, Record
from peacetalks.errors import Problem, SerializationError, ValidationError
from peacetalks.limits import DEFAULT_LIMITS, Limits, check_records
from peacetalks.migrations import MIGRATIONS, Migrations, migrate_document
from peacetalks.times import TimePoint

__all__ = [
    "converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
    "to_json_bytes",
]

T = TypeVar("T")
Invalid = paths.Invalid


def make_converter(*, keep_unknown_keys: bool = False) -> cattrs.Converter:
    """A new converter for every peacetalks type.

    With ``keep_unknown_keys=True`` keys the schema does not define are kept in
    each object's ``extra_fields`` (and written back) instead of rejected. It is
    meant for reading files from newer or extended producers without losing
    anything; everything else stays strict.

    The result is a plain :class:`cattrs.Converter`: register hooks on it to
    embed peacetalks types in your own classes. Use :func:`from_dict` and
    friends with ``converter=`` to get peacetalks errors from it.
    """
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=False)
    _register_strict_hooks(conv)
    conv.register_structure_hook(TimePoint, _structure_time_point)
    conv.register_unstructure_hook(TimePoint, str)
    conv.register_structure_hook_func(lambda t: t == Record, make_record_hook(conv))
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and issubclass(t, Model),
        lambda cls: make_class_hook(cls, conv, keep_unknown_keys, _standard_reader(conv)),
    )
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and issubclass(t, Model),
        lambda cls: make_class_unhook(cls, conv),
    )
    return conv


def _standard_reader(conv: cattrs.Converter) -> Callable[[Any], bool]:
    """Whether ``conv`` still reads a building block with the hook registered above."""
    standard: dict[Any, Any] = {
        str: _structure_str,
        int: _structure_int,
        float: _structure_float,
        bool: _structure_bool,
        int | float: _structure_number,
        TimePoint: _structure_time_point,
    }

    def is_standard(tp: Any) -> bool:
        hook = conv.get_structure_hook(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return getattr(hook, "members", None) == {member.value: member for member in tp}
        if tp in standard:
            return hook is standard[tp]
        return getattr(hook, _STANDARD, False) is True  # made by the factories below

    return is_standard


# Strict hooks for the building blocks. cattrs' defaults coerce (``str(5)``,
# ``int("3")``, ``tuple("AB")``); these accept exactly the JSON type and nothing else.
# What each expects is said in the words constructors use too (expected_for).
_STRING, _INTEGER, _NUMBER, _BOOLEAN = (expected_for(tp) for tp in (str, int, float, bool))


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise Invalid.single(_STRING, value)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise Invalid.single(_INTEGER, value)


def _not_a_number(value: object) -> Invalid:
    if type(value) is int:  # too large
        return Invalid.single("a number within the range of a 64-bit float", value)
    return Invalid.single(_NUMBER, value)


def _structure_float(value: object, _: object) -> float:
    if is_number(value):
        return float(value)  # type: ignore[arg-type]
    raise _not_a_number(value)


def _structure_number(value: object, _: object) -> int | float:
    if is_number(value):
        return value  # type: ignore[return-value]
    raise _not_a_number(value)


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise Invalid.single(_BOOLEAN, value)


def _make_enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members = {member.value: member for member in cls}
    expected = expected_for(cls)

    def structure_enum(value: object, _: object) -> enum.Enum:
        member = members.get(value) if type(value) is str else None
        if member is None:
            raise Invalid.single(expected, value)
        return member

    structure_enum.members = members  # type: ignore[attr-defined]  # for the hooks below
    return structure_enum


# The mark of the hooks made below for ``X | None`` and ``tuple[X, ...]``.
_STANDARD = "peacetalks_standard"


def _marked(hook: Callable[[object, object], Any]) -> Callable[[object, object], Any]:
    setattr(hook, _STANDARD, True)
    return hook


def _make_tuple_hook(
    tp: Any, conv: cattrs.Converter
) -> Callable[[object, object], tuple[Any, ...]]:
    item_type = typing.get_args(tp)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure_tuple(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise Invalid.single("an array", value)
        if item_hook is _structure_str:
            for item in value:
                if type(item) is not str:
                    break
            else:
                return tuple(value)
        items = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            before = paths.spent()
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                found = [p.within((index,)) for p in paths.problems(exc)]
                problems.extend(found)
                if paths.spend(before, len(found)):  # as many problems as a load reports
                    if index + 1 < len(value):
                        problems.append(paths.not_checked((index + 1,), len(value) - index - 1))
                    break
        if problems:
            raise Invalid(problems)
        return tuple(items)

    return _marked(structure_tuple)


def _is_optional(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    args = typing.get_args(tp)
    return type(None) in args and tp != Record


def _make_optional_hook(tp: Any, conv: cattrs.Converter) -> Callable[[object, object], Any]:
    inner_type = without_none(tp)
    inner = conv.get_structure_hook(inner_type)

    def structure_optional(value: object, _: object) -> Any:
        if value is None:
            return None
        try:
            return inner(value, inner_type)
        except Invalid as exc:
            raise Invalid(
                Problem(p.location, p.expected + " or null", p.got) if not p.location else p
                for p in exc.problems
            ) from None

    # The usual cases answered at once, without a second call; anything else
    # (including every invalid value) goes through structure_optional.
    plain = _PLAIN_TYPES.get(inner)
    if plain is not None:

        def structure_optional_plain(value: object, _: object) -> Any:
            if value is None or type(value) is plain:
                return value
            return structure_optional(value, _)

        return _marked(structure_optional_plain)
    members = getattr(inner, "members", None)
    if members is not None:

        def structure_optional_enum(value: object, _: object) -> Any:
            member = members.get(value) if type(value) is str else None
            return member if member is not None else structure_optional(value, _)

        return _marked(structure_optional_enum)
    if inner is _structure_time_point:

        def structure_optional_time_point(value: object, _: object) -> Any:
            if value is None:
                return None
            if type(value) is str:
                with contextlib.suppress(ValidationError):
                    return TimePoint.parse(value)
            return structure_optional(value, _)

        return _marked(structure_optional_time_point)
    return _marked(structure_optional)


_PLAIN_TYPES: dict[Callable[[object, object], Any], type] = {
    _structure_str: str,
    _structure_int: int,
    _structure_bool: bool,
}


def _register_strict_hooks(conv: cattrs.Converter) -> None:
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(lambda t: t == int | float, _structure_number)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _make_enum_hook
    )
    conv.register_structure_hook_factory(_is_tuple_type, lambda t: _make_tuple_hook(t, conv))
    conv.register_structure_hook_factory(_is_optional, lambda t: _make_optional_hook(t, conv))
    conv.register_unstructure_hook_factory(_is_tuple_type, lambda t: _make_tuple_unhook(t, conv))


def _is_tuple_type(tp: Any) -> bool:
    origin: Any = typing.get_origin(tp)
    return origin is tuple


def _make_tuple_unhook(tp: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_type = typing.get_args(tp)[0]
    item_hook = conv.get_unstructure_hook(item_type)
    return lambda value: [item_hook(item) for item in value]


def _structure_time_point(value: object, _: object) -> TimePoint:
    if type(value) is not str:
        raise Invalid.single(_STRING, value)
    try:
        return TimePoint.parse(value)
    except ValidationError as exc:
        # A time point is one string on the wire: report its problems at its own path.
        raise Invalid(_within_time_point(p, value) for p in exc.problems) from None


def _within_time_point(problem: Problem, value: str) -> Problem:
    if not problem.location:
        return problem
    part = str(problem.location[0]).replace("utc_offset_minutes", "UTC offset in minutes")
    expected = f"a date or time that exists (its {part}: {problem.expected})"
    return Problem((), expected, paths.describe(value))


converter: cattrs.Converter = make_converter()
"""The default, strict converter."""


def from_dict(
    data: object,
    cls: type[T],
    *,
    converter: cattrs.Converter = converter,
    migrations: Migrations = MIGRATIONS,
    limits: Limits = DEFAULT_LIMITS,
) -> T:
    """Build a ``cls`` from plain data (as :func:`json.loads` returns it).

    A :class:`~peacetalks.Document` is first migrated from the schema version it
    names to the current one with ``migrations`` (see :mod:`peacetalks.migrations`);
    ``data`` itself is never changed. Records and values on their own are read
    as the current version.

    Of ``limits`` only ``max_problems`` applies: data already in memory is not
    measured. A string holding a lone surrogate (``"\\ud800"``), which no UTF-8
    text can hold, is refused.

    Raises :class:`~peacetalks.errors.ValidationError` listing every problem (up
    to ``limits.max_problems``, then one saying how many more), or its subclass
    :class:`~peacetalks.errors.SchemaVersionError` for a document whose version
    this library cannot read.
    """
    surrogate = paths.lone_surrogate(data)
    if surrogate is not None:
        raise ValidationError([surrogate], _subject(cls))
    return _build(data, cls, converter, migrations, limits)


def _build(
    data: object, cls: type[T], converter: cattrs.Converter, migrations: Migrations, limits: Limits
) -> T:
    """from_dict without the check for lone surrogates (parsed JSON text has none)."""
    if cls is Document:
        data = migrate_document(data, migrations=migrations)
    with paths.at_most(limits.max_problems):
        try:
            return converter.structure(data, cls)
        except Exception as exc:
            raise _validation_error(exc, data, cls, limits.max_problems) from None


def _validation_error(exc: Exception, data: object, cls: type, most: int) -> ValidationError:
    """Every problem in ``exc`` (at most ``most``), tagged with the record's kind and id."""
    problems = paths.capped(paths.problems(exc, cls), most)
    kind = getattr(cls, "record_type", None)
    if kind is None:
        return ValidationError(problems, _subject(cls))
    record_id = data.get("id") if isinstance(data, dict) else None
    record_id = record_id if type(record_id) is str else None
    subject = kind if record_id is None else f"{kind} {record_id!r}"
    return ValidationError([problem.within((), kind, record_id) for problem in problems], subject)


def to_dict(obj: object, *, converter: cattrs.Converter = converter) -> Any:
    """Plain, JSON-ready data for a peacetalks object (a dict for a record or document)."""
    try:
        return converter.unstructure(obj)
    except Exception as exc:
        raise SerializationError(f"cannot write {type(obj).__name__}: {exc}") from exc


def to_json(
    obj: object, *, indent: int | None = None, converter: cattrs.Converter = converter
) -> str:
    """JSON text for a peacetalks object: compact by default, or indented."""
    fast = _fastjson.dumps(obj, converter) if indent is None else None
    return fast.decode("utf-8") if fast is not None else _plain_json(obj, indent, converter)


def to_json_bytes(
    obj: object, *, indent: int | None = None, converter: cattrs.Converter = converter
) -> bytes:
    """UTF-8 JSON for a peacetalks object: compact by default, or indented."""
    fast = _fastjson.dumps(obj, converter) if indent is None else None
    if fast is not None:
        return fast
    text = _plain_json(obj, indent, converter)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SerializationError(
            f"cannot write {type(obj).__name__} as UTF-8: {exc.reason}"
        ) from exc


def _plain_json(obj: object, indent: int | None, converter: cattrs.Converter) -> str:
    """JSON text by ``json.dumps``: the path without orjson, and for what orjson leaves."""
    data = to_dict(obj, converter=converter)
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(
            data, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
        )
    except (TypeError, ValueError) as exc:
        raise SerializationError(f"cannot write {type(obj).__name__} as JSON: {exc}") from exc


def from_json(
    text: str | bytes,
    cls: type[T],
    *,
    converter: cattrs.Converter = converter,
    migrations: Migrations = MIGRATIONS,
    limits: Limits = DEFAULT_LIMITS,
) -> T:
    """Build a ``cls`` from JSON text or UTF-8 bytes; a document is migrated as by from_dict.

    The text is checked against ``limits`` (its size, nesting depth and string
    lengths, and a document's number of records) before anything is built.

    Raises :class:`~peacetalks.errors.MalformedJSONError` for text that is not
    JSON, :class:`~peacetalks.errors.LimitExceededError` for text beyond a
    limit, and :class:`~peacetalks.errors.ValidationError` for JSON that is not
    a valid ``cls``.
    """
    data = parse_json(text, limits, records="document" if cls is Document else None)
    if cls is Document:
        check_records(data, limits)
    return _build(data, cls, converter, migrations, limits)


def _subject(cls: object) -> str:
    tag = getattr(cls, "record_type", None)
    if tag:
        return str(tag)
    if cls is Document:
        return "document"
    return getattr(cls, "__name__", "input")
