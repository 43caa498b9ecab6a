"""What every peacetalks class shares.

Every class is a frozen, slotted attrs class deriving from :class:`Model`.
Invariants are checked when an object is built, from Python or from JSON, and
*every* broken invariant is reported at once in one
:class:`~peacetalks.errors.ValidationError`:

* per-field rules (ids, country codes, language tags...) are declared in the
  field's metadata with :func:`meta` and checked generically;
* every other field holds what its annotation says, checked deeply: a member of
  its enum, an object of its class (``ReportedTime``, not the string
  ``"2022-05-16"``), a tuple (never a list) whose every item is of its type,
  ``True`` or ``False`` for a ``bool``, a finite number for a number; ``None``
  only where the annotation allows it (see :mod:`peacetalks._fieldtypes`);
* rules that involve several fields live in the class's ``_check`` method.

Field descriptions live in the same metadata, so the model reference in the docs
and the JSON Schema are generated from the classes themselves.
"""

from __future__ import annotations

import contextlib
import enum
import typing
from collections.abc import Callable, Iterator, Mapping
from operator import attrgetter
from typing import Any, ClassVar, TypeAlias

import attrs

from peacetalks._fieldtypes import (
    FieldType,
    compile_test,
    field_types,
    not_a_tuple,
    optional_of,
    type_problems,
    without_none,
)
from peacetalks._rules import Rule, describe, is_number
from peacetalks.errors import Problem, ValidationError

__all__ = [
    "Checked",
    "JSONObject",
    "JSONValue",
    "Model",
    "meta",
    "optional_of",
    "plan",
    "without_none",
]

JSONValue: TypeAlias = "bool | int | float | str | tuple[JSONValue, ...] | JSONObject | None"


class JSONObject(Mapping[str, JSONValue]):
    """An immutable, hashable JSON object: how unknown keys are kept in lenient mode.

    Nested objects are :class:`JSONObject` too, and arrays are tuples, so records
    that keep unknown keys stay hashable and compare by value.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, JSONValue] = ()) -> None:  # type: ignore[assignment]
        self._data: dict[str, JSONValue] = dict(data)
        self._hash: int | None = None

    def __getitem__(self, key: str) -> JSONValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JSONObject):
            return self._data == other._data
        return NotImplemented

    def __repr__(self) -> str:
        return f"JSONObject({self._data!r})"


def meta(doc: str, rule: Rule | None = None) -> dict[str, Any]:
    """Field metadata: its description and, optionally, the rule its values obey.

    For a tuple field the rule applies to each item.
    """
    return {"doc": doc, "rule": rule} if rule else {"doc": doc}


# (field name, rule, field holds a tuple of values) for every ruled field of a class.
_Plan = tuple[tuple[str, Rule, bool], ...]
_PLANS: dict[type, _Plan] = {}


def plan(cls: type) -> _Plan:
    """The ruled fields of ``cls``: (name, rule, holds a tuple), computed once."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = tuple(
            (a.name, a.metadata["rule"], _is_tuple(a.type))
            for a in attrs.fields(cls)
            if "rule" in a.metadata
        )
        _PLANS[cls] = plan
    return plan


# (field name, enum, field holds a tuple of members, field may be None) for every
# field whose type is an enum: the rule no field description has to spell out.
_Choices = tuple[tuple[str, type[enum.Enum], bool, bool], ...]
_CHOICES: dict[type, _Choices] = {}


def choices(cls: type) -> _Choices:
    """The enum-typed fields of ``cls``, computed once: they must hold members of their enum."""
    found = _CHOICES.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        entries = []
        for a in attrs.fields(cls):
            tp, many, optional = hints.get(a.name, a.type), False, False
            if typing.get_origin(tp) is tuple:
                tp, many = typing.get_args(tp)[0], True
            elif (inner := optional_of(tp)) is not None:
                tp, optional = inner, True
            if isinstance(tp, type) and issubclass(tp, enum.Enum):
                entries.append((a.name, tp, many, optional))
        found = _CHOICES[cls] = tuple(entries)
    return found


def _choice_expected(kind: type[enum.Enum]) -> str:
    values = ", ".join(repr(m.value) for m in kind)
    return f"a member of {kind.__name__} (on the wire one of {values})"


def _choice_problems(obj: object) -> Iterator[Problem]:
    """A problem for each enum-typed field that holds something other than a member."""
    for name, kind, many, optional in choices(type(obj)):
        value = getattr(obj, name)
        if many:
            if type(value) is not tuple:
                yield not_a_tuple(name, value)
                continue
            for index, item in enumerate(value):
                if type(item) is not kind:
                    yield Problem((name, index), _choice_expected(kind), describe(item))
        elif type(value) is not kind and not (optional and value is None):
            yield Problem((name,), _choice_expected(kind), describe(value))


def _extra_problems(cls: type, extras: object) -> Iterator[Problem]:
    if not isinstance(extras, JSONObject):
        yield Problem(("extra_fields",), "a JSONObject", describe(extras))
        return
    reserved = {a.name for a in attrs.fields(cls)} | {"type", "schema_version"}
    taken = sorted(key for key in extras if key in reserved)
    if taken:
        yield Problem(("extra_fields",), "only keys the schema does not define", ", ".join(taken))
    yield from _json_problems(extras, ("extra_fields",))


_JSON_VALUE = "a JSON value: None, a bool, a finite number, a str, a tuple or a JSONObject"


def _json_problems(value: object, location: tuple[str | int, ...]) -> Iterator[Problem]:
    """A problem for each part of kept unknown data that would not come back as it is."""
    if isinstance(value, JSONObject):
        for key, item in value.items():
            if type(key) is str:
                yield from _json_problems(item, (*location, key))
            else:
                yield Problem(location, "a JSONObject with string keys", describe(key))
    elif type(value) is tuple:
        for index, item in enumerate(value):
            yield from _json_problems(item, (*location, index))
    elif not (value is None or type(value) is bool or type(value) is str or is_number(value)):
        yield Problem(location, _JSON_VALUE, describe(value))


# For every class, computed once: the fields that no rule and no enum checks, with the
# tests their annotations call for; and the ruled fields that may not be None.
_TYPED: dict[type, tuple[tuple[FieldType, ...], frozenset[str]]] = {}


def typed(cls: type) -> tuple[tuple[FieldType, ...], frozenset[str]]:
    """The fields of ``cls`` checked by type, and its ruled fields that may not be None."""
    found = _TYPED.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        ruled = plan(cls)
        skip = {name for name, _, _ in ruled} | {name for name, *_ in choices(cls)}
        required = frozenset(
            name for name, _, many in ruled if not many and without_none(hints[name]) is None
        )
        found = _TYPED[cls] = (field_types(cls, skip | {"extra_fields"}), required)
    return found


def _rule_problems(obj: object, required: frozenset[str]) -> Iterator[Problem]:
    """A problem for each value a field's rule rejects (or each item, for a tuple)."""
    for name, rule, many in plan(type(obj)):
        value = getattr(obj, name)
        if not many:
            if (value is not None or name in required) and not rule.test(value):
                yield Problem((name,), rule.expected_of(value), describe(value))
        elif type(value) is not tuple:
            yield not_a_tuple(name, value)
        else:
            for index, item in enumerate(value):
                if not rule.test(item):
                    yield Problem((name, index), rule.expected_of(item), describe(item))


def _is_tuple(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith("tuple[")


_CHECKERS: dict[type, Callable[[Any], None]] = {}


def _make_checker(cls: type[Checked]) -> Callable[[Checked], None]:
    """The construction-time check of ``cls``, built once per class.

    It tests the field rules, the enum fields and the type of every other field
    (one function written for the class, see ``compile_test``) and runs
    ``_check`` without building any :class:`Problem`; at the first sign of trouble it hands over to
    :meth:`Checked._report`, which finds and reports every problem. So a valid
    object costs one pass over its ruled fields, and an invalid one gets the
    same complete report as ever. Strings are tested with each rule's
    ``text_test`` where it has one: a built-in call instead of a Python one.
    """
    ruled = plan(cls)
    checked_by_type, required = typed(cls)
    scalars = tuple((name, rule) for name, rule, many in ruled if not many)
    get_scalars = attrgetter(*(name for name, _ in scalars)) if scalars else None
    scalar_tests = tuple(
        (rule.text_test, rule.test, name not in required) for name, rule in scalars
    )
    tuples = tuple((name, rule.text_test, rule.test) for name, rule, many in ruled if many)
    has_extras = issubclass(cls, Model)
    cross_check = cls._check if cls._check is not Checked._check else None
    enum_scalars = tuple(
        (name, kind, optional) for name, kind, many, optional in choices(cls) if not many
    )
    enum_tuples = tuple((name, kind) for name, kind, many, _ in choices(cls) if many)
    typed_test = compile_test(checked_by_type) if checked_by_type else None

    def check(obj: Checked) -> None:
        if type(obj) is not cls:  # a subclass: it gets a checker of its own
            Checked.__attrs_post_init__(obj)
            return
        if get_scalars is not None:
            values = get_scalars(obj)
            if len(scalar_tests) == 1:
                values = (values,)
            for value, (text_test, test, optional) in zip(values, scalar_tests, strict=True):
                if value is None:
                    if optional:
                        continue
                    obj._report()
                    return
                if not (
                    text_test(value)
                    if text_test is not None and type(value) is str
                    else test(value)
                ):
                    obj._report()
                    return
        for name, text_test, test in tuples:
            items = getattr(obj, name)
            if type(items) is not tuple:
                obj._report()
                return
            for item in items:
                if not (
                    text_test(item) if text_test is not None and type(item) is str else test(item)
                ):
                    obj._report()
                    return
        for name, kind, optional in enum_scalars:
            value = getattr(obj, name)
            if type(value) is not kind and not (optional and value is None):
                obj._report()
                return
        for name, kind in enum_tuples:
            items = getattr(obj, name)
            if type(items) is not tuple:
                obj._report()
                return
            for item in items:
                if type(item) is not kind:
                    obj._report()
                    return
        if typed_test is not None and not typed_test(obj):
            obj._report()
            return
        extras = obj.extra_fields if has_extras else None  # type: ignore[attr-defined]
        if extras is not None or (cross_check is not None and cross_check(obj)):
            obj._report()

    return check


class Checked:
    """Base of every peacetalks class: invariants checked at construction, all at once.

    Subclasses are frozen, slotted attrs classes, compared and hashed by value.
    """

    __slots__ = ()

    record_type: ClassVar[str | None] = None
    """The ``type`` tag of a record class on the wire; ``None`` for value types."""
    schema_invariants: ClassVar[tuple[Mapping[str, Any], ...]] = ()
    """JSON Schema subschemas saying what ``_check`` enforces (see ``peacetalks._invariants``)."""
    schema_gaps: ClassVar[tuple[str, ...]] = ()
    """What ``_check`` enforces that JSON Schema cannot say, in words, with the reason."""
    wire_schema: ClassVar[Mapping[str, Any] | None] = None
    """The JSON Schema of a class that travels as a single JSON value instead of an object."""
    wire_expected: ClassVar[str | None] = None
    """What that single JSON value looks like, in words, for error messages."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # attrs gives each class a Python __ne__ that calls __eq__ and negates it: what
        # Python does by itself for a class without one. Without it, `!=` (which cattrs
        # runs on every optional field it writes) costs one Python call, not two.
        ne = cls.__dict__.get("__ne__")
        if ne is not None and (ne.__module__, ne.__name__) == ("attr._make", "__ne__"):
            type.__delattr__(cls, "__ne__")

    def __attrs_post_init__(self) -> None:
        # The first object of a class builds the class's checker. Unless a class
        # on the way has an __attrs_post_init__ of its own, the checker takes this
        # method's place, so every later object goes straight to it.
        cls = type(self)
        checker = _CHECKERS.get(cls)
        if checker is None:
            checker = _CHECKERS[cls] = _make_checker(cls)
            found = cls.__attrs_post_init__
            if found is Checked.__attrs_post_init__ or found in _CHECKERS.values():
                type.__setattr__(cls, "__attrs_post_init__", checker)
        checker(self)

    def _report(self) -> None:
        """Find every problem, in order, and raise them (the slow path, for invalid objects)."""
        checked_by_type, required = typed(type(self))
        problems = [*_rule_problems(self, required), *_choice_problems(self)]
        mistyped = list(type_problems(self, checked_by_type))
        problems.extend(mistyped)
        extras = getattr(self, "extra_fields", None)
        if extras is not None:
            problems.extend(_extra_problems(type(self), extras))
        if not problems:
            problems = self._check()
            if not problems:
                return
        else:
            # Cross-field rules may trip over values the field checks already rejected:
            # whatever they raise then, the problems found so far are the report. A field
            # of the wrong type is reported once, for its type.
            taken = {problem.location[:1] for problem in mistyped}
            with contextlib.suppress(Exception):
                problems.extend(p for p in self._check() if p.location[:1] not in taken)
        raise self._error(problems)

    def _check(self) -> list[Problem]:
        """Problems with rules that involve more than one field (none by default)."""
        return []

    def _error(self, problems: list[Problem]) -> ValidationError:
        kind = self.record_type
        if kind is None:
            return ValidationError(problems, type(self).__name__)
        record_id = getattr(self, "id", None)
        record_id = record_id if type(record_id) is str else None
        tagged = [problem.within((), kind, record_id) for problem in problems]
        subject = kind if record_id is None else f"{kind} {record_id!r}"
        return ValidationError(tagged, subject)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Model(Checked):
    """Base of every class that travels as a JSON object.

    Attributes:
        extra_fields: Keys found in the input that the schema does not define,
            kept by a lenient converter (``make_converter(keep_unknown_keys=True)``)
            and written back unchanged. Always ``None`` with the default, strict
            converter, which rejects unknown keys.
    """

    extra_fields: JSONObject | None = attrs.field(
        default=None,
        repr=False,
        metadata=meta("Unknown keys kept by a lenient converter; not part of the schema."),
    )
