"""What every peacetalks class shares.

Every class is a frozen, slotted attrs class deriving from :class:`Model`.
Invariants are checked when an object is built, from Python or from JSON, and
*every* broken invariant is reported at once in one
:class:`~peacetalks.errors.ValidationError`:

* per-field rules (ids, country codes, language tags...) are declared in the
  field's metadata with :func:`meta` and checked generically;
* rules that involve several fields live in the class's ``_check`` method.

Field descriptions live in the same metadata, so the model reference in the docs
and the JSON Schema are generated from the classes themselves.
"""

from __future__ import annotations

import contextlib
import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from operator import attrgetter
from typing import Any, ClassVar, TypeAlias

import attrs

from peacetalks._rules import Rule, describe
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


def optional_of(tp: Any) -> Any | None:
    """``X`` for ``X | None``; ``None`` for any other type."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    rest = [a for a in typing.get_args(tp) if a is not type(None)]
    return rest[0] if len(rest) == 1 and len(typing.get_args(tp)) == 2 else None


def without_none(tp: Any) -> Any | None:
    """``X`` for ``X | None``, ``X`` itself a union or not (``int | float``); ``None``
    for a type that does not admit ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or type(None) not in args:
        return None
    rest = tuple(a for a in args if a is not type(None))
    return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007


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
                continue  # reported as not a tuple by the field's rule, or below
            for index, item in enumerate(value):
                if type(item) is not kind:
                    yield Problem((name, index), _choice_expected(kind), describe(item))
        elif type(value) is not kind and not (optional and value is None):
            yield Problem((name,), _choice_expected(kind), describe(value))


def _extra_clash(cls: type, extras: object) -> Problem | None:
    if not isinstance(extras, JSONObject):
        return Problem(("extra_fields",), "a JSONObject", describe(extras))
    reserved = {a.name for a in attrs.fields(cls)} | {"type", "schema_version"}
    taken = sorted(key for key in extras if key in reserved)
    if taken:
        return Problem(("extra_fields",), "only keys the schema does not define", ", ".join(taken))
    return None


def _is_tuple(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith("tuple[")


_CHECKERS: dict[type, Callable[[Any], None]] = {}


def _make_checker(cls: type[Checked]) -> Callable[[Checked], None]:
    """The construction-time check of ``cls``, built once per class.

    It tests the field rules and runs ``_check`` without building any
    :class:`Problem`; at the first sign of trouble it hands over to
    :meth:`Checked._report`, which finds and reports every problem. So a valid
    object costs one pass over its ruled fields, and an invalid one gets the
    same complete report as ever. Strings are tested with each rule's
    ``text_test`` where it has one: a built-in call instead of a Python one.
    """
    ruled = plan(cls)
    scalars = tuple((name, rule) for name, rule, many in ruled if not many)
    get_scalars = attrgetter(*(name for name, _ in scalars)) if scalars else None
    scalar_tests = tuple((rule.text_test, rule.test) for _, rule in scalars)
    tuples = tuple((name, rule.text_test, rule.test) for name, rule, many in ruled if many)
    has_extras = issubclass(cls, Model)
    cross_check = cls._check if cls._check is not Checked._check else None
    enum_scalars = tuple(
        (name, kind, optional) for name, kind, many, optional in choices(cls) if not many
    )
    enum_tuples = tuple((name, kind) for name, kind, many, _ in choices(cls) if many)

    def check(obj: Checked) -> None:
        if type(obj) is not cls:  # a subclass: it gets a checker of its own
            Checked.__attrs_post_init__(obj)
            return
        if get_scalars is not None:
            values = get_scalars(obj)
            if len(scalar_tests) == 1:
                values = (values,)
            for value, (text_test, test) in zip(values, scalar_tests, strict=True):
                if value is None:
                    continue
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
        problems: list[Problem] | None = None
        for name, rule, many in plan(type(self)):
            value = getattr(self, name)
            if value is None and not many:  # an optional value; a tuple is never None
                continue
            if many:
                if type(value) is not tuple:
                    problems = problems or []
                    problems.append(Problem((name,), "a tuple", describe(value)))
                    continue
                for index, item in enumerate(value):
                    if not rule.test(item):
                        problems = problems or []
                        problems.append(
                            Problem((name, index), rule.expected_of(item), describe(item))
                        )
            elif not rule.test(value):
                problems = problems or []
                problems.append(Problem((name,), rule.expected_of(value), describe(value)))
        for problem in _choice_problems(self):
            problems = problems or []
            problems.append(problem)
        extras = getattr(self, "extra_fields", None)
        if extras is not None:
            clash = _extra_clash(type(self), extras)
            if clash is not None:
                problems = problems or []
                problems.append(clash)
        if problems is None:
            more = self._check()
            if not more:
                return
            problems = list(more)
        else:
            # Cross-field rules may trip over values the field rules already rejected.
            with contextlib.suppress(TypeError, ValueError, AttributeError):
                problems.extend(self._check())
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
