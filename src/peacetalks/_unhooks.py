"""The converter's unstructuring hooks for peacetalks classes.

Each class gets, built once when the converter first writes it:

* the *exact* function: cattrs' own generated code with the converter's hooks,
  which raises the error a broken object gives (a string in an enum field...);
* the *fast* function: the same output, with nested classes, enums, time points
  and optional values handled inline instead of through cattrs' dispatch.

The hook runs the fast function and falls back to the exact one if it raises,
so valid objects take the fast path and broken ones fail as before.

A third, *checked* function is built on demand for the optional orjson encoder
(:mod:`peacetalks._fastjson`): the fast function that also refuses (by raising)
any value orjson would not write exactly as :func:`json.dumps` does, so that
both encoders give the same bytes.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn, override

from peacetalks import _problems as paths
from peacetalks._base import Model
from peacetalks._classhooks import TAG, fast_of, is_model, optional_of
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record
from peacetalks.timepoint import TimePoint

__all__ = ["NotPlain", "checked_number", "checked_unhook", "make_class_unhook", "refuse"]

UnstructureHook = Callable[[Any], Any]
# The attribute of a class's hook that holds its checked function, once built.
_CHECKED = "peacetalks_checked"
# An enum member's value without the `value` property's Python-level call.
_value_of = attrgetter("_value_")
_wire_text = attrgetter("wire_text")


class NotPlain(Exception):  # noqa: N818 - internal signal, never escapes
    """A value the checked path leaves to :func:`json.dumps`."""


def _only(kind: type) -> UnstructureHook:
    def checked(value: Any) -> Any:
        if type(value) is not kind:
            raise NotPlain
        return value

    return checked


def checked_number(value: Any) -> Any:
    """An int, or a float that orjson and json.dumps write alike (no exponent, finite)."""
    if type(value) is int or (type(value) is float and (value == 0.0 or 1e-4 <= abs(value) < 1e16)):
        return value
    raise NotPlain


def _checked_enum(value: Any) -> str:
    member_value = value._value_
    if type(member_value) is not str:
        raise NotPlain
    return member_value


def _checked_strings(value: Any) -> list[str]:
    for item in value:
        if type(item) is not str:
            raise NotPlain
    return list(value)


def refuse(value: Any) -> Any:
    """The checked function of anything the orjson path leaves to the plain one."""
    raise NotPlain


_PLAIN = (str, int, bool, float)
_CHECKED_PLAIN: dict[Any, UnstructureHook] = {
    str: _only(str),
    int: _only(int),
    bool: _only(bool),
    float: checked_number,
    int | float: checked_number,
}


def _field_unhook(
    tp: Any, default: Any, conv: cattrs.Converter, checked: bool, *, exact_str: bool = False
) -> UnstructureHook | None:
    """A hook for a field of type ``tp``, or ``None`` for the converter's own.

    Fields are written only when they differ from their default, so an optional
    field whose default is ``None`` never sees ``None``: its hook is the hook of
    the type inside. ``exact_str`` says the field's rule already let through
    nothing but ``str`` objects (a rule with a ``text_test``: see
    :func:`peacetalks._base.plan`), so the checked path need not look again.
    """
    if checked and exact_str:
        checked = False  # only exact strs: orjson and json.dumps write them alike
    if checked and tp == int | float | None and default is None:
        return checked_number
    inner_type = optional_of(tp)
    if inner_type is not None:
        if default is not None:
            return refuse if checked else None
        tp = inner_type
    if checked and tp in _CHECKED_PLAIN:
        return _CHECKED_PLAIN[tp]
    if tp in _PLAIN:
        return identity
    if tp is TimePoint and conv.get_unstructure_hook(TimePoint) is str:
        return _wire_text  # str(point), read in C
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if checked and all(type(member.value) is str for member in tp):
            # The field holds members of ``tp`` alone (checked when the object was
            # built), whose values are strs: read each in C. (orjson could write the
            # member itself, but it reads the value through Enum's Python property.)
            return _value_of
        return _checked_enum if checked else _value_of
    if is_model(tp):
        if checked:
            return checked_unhook(tp, conv) or refuse
        return fast_of(conv.get_unstructure_hook(tp))  # type: ignore[no-any-return]
    if typing.get_origin(tp) is tuple:
        return _tuple_unhook(typing.get_args(tp)[0], conv, checked)
    return refuse if checked else None


def _tuple_unhook(item_type: Any, conv: cattrs.Converter, checked: bool) -> UnstructureHook | None:
    if item_type == Record:
        return _record_unhook(conv, checked)
    item = _field_unhook(item_type, attrs.NOTHING, conv, checked)
    if item is identity:
        return list
    if item is _CHECKED_PLAIN[str]:
        return _checked_strings
    if item is None:
        return refuse if checked else None
    if checked:  # a lazy map: the orjson path has orjson make it a list
        return functools.partial(map, item)
    return lambda value: list(map(item, value))


def _record_unhook(conv: cattrs.Converter, checked: bool) -> UnstructureHook:
    by_class = {
        cls: (checked_unhook(cls, conv) or refuse)
        if checked
        else fast_of(conv.get_unstructure_hook(cls))
        for cls in RECORD_CLASSES.values()
    }
    return lambda value: [by_class[type(entry)](entry) for entry in value]


def _build(cls: type[Model], conv: cattrs.Converter, checked: bool) -> UnstructureHook:
    # The checked path leaves unknown keys kept by a lenient converter to the plain
    # one: a value type is then its generated function alone, with no wrapper.
    extras = override(unstruct_hook=refuse) if checked else override(omit=True)
    overrides: dict[str, Any] = {"extra_fields": extras}
    for field in attrs.fields(cls):
        if field.name != "extra_fields":
            rule = field.metadata.get("rule")
            exact_str = (
                rule is not None
                and rule.text_test is not None
                and field.type in (str, str | None, tuple[str, ...])
            )
            hook = _field_unhook(field.type, field.default, conv, checked, exact_str=exact_str)
            if hook is not None:
                overrides[field.name] = override(unstruct_hook=hook)
    body = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **overrides)
    if checked and not cls.record_type and cls is not Document:
        return body
    return _with_head(cls, body, keep_extras=not checked)


def _with_head(
    cls: type[Model], body: Callable[[Any], dict[str, Any]], *, keep_extras: bool
) -> UnstructureHook:
    """``body`` with the record's tag or the document's version first, and kept unknown keys."""
    head: dict[str, Any] | None = {TAG: cls.record_type} if cls.record_type else None
    if cls is Document:
        head = {"schema_version": SCHEMA_VERSION}

    def unstructure(obj: Any) -> dict[str, Any]:
        data = body(obj)
        result = {**head, **data} if head else data
        extras = obj.extra_fields
        if extras:
            if not keep_extras:
                raise NotPlain
            result.update(paths.thaw(extras))
        return result

    return unstructure


def make_class_unhook(cls: type[Model], conv: cattrs.Converter) -> UnstructureHook:
    """The unstructuring hook of a peacetalks class: fast, with cattrs' own behind it."""
    exact = _with_head(
        cls,
        make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, extra_fields=override(omit=True)
        ),
        keep_extras=True,
    )
    fast = _build(cls, conv, checked=False)

    def unstructure(obj: Any) -> dict[str, Any]:
        try:
            return fast(obj)  # type: ignore[no-any-return]
        except Exception:  # cattrs' own hooks raise the error this object gives
            return exact(obj)  # type: ignore[no-any-return]

    unstructure.peacetalks_fast = fast  # type: ignore[attr-defined]
    return unstructure


def checked_unhook(cls: type, conv: cattrs.Converter) -> UnstructureHook | None:
    """The checked function of a peacetalks class for ``conv``; ``None`` if it has none.

    ``None`` when the converter writes ``cls`` with a hook that is not
    peacetalks' own (registered by a user): only the plain path knows it.
    """
    hook = conv.get_unstructure_hook(cls)
    if getattr(hook, "peacetalks_fast", None) is None:
        return None
    found: UnstructureHook | None = getattr(hook, _CHECKED, None)
    if found is None:
        from peacetalks._writers import WRITERS  # noqa: PLC0415 - only with orjson

        writer = WRITERS.get(cls)
        if writer is not None and _writes_standard(cls, conv, set()):
            found = writer
        else:
            found = _build(cls, conv, checked=True)
        setattr(hook, _CHECKED, found)
    return found


def _writes_standard(cls: type, conv: cattrs.Converter, seen: set[type]) -> bool:
    """Whether ``conv`` writes ``cls`` and everything in it with peacetalks' own hooks.

    Then the generated writer of :mod:`peacetalks._writers` gives the same dict;
    a hook of the user's for a class inside, or for time points, means it does not.
    """
    if cls in seen:
        return True
    seen.add(cls)
    if getattr(conv.get_unstructure_hook(cls), "peacetalks_fast", None) is None:
        return False
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        tp = hints[field.name]
        inner = optional_of(tp)
        if inner is not None:
            tp = inner
        if typing.get_origin(tp) is tuple:
            tp = typing.get_args(tp)[0]
        inside = list(RECORD_CLASSES.values()) if tp == Record else [tp]
        for kind in inside:
            if kind is TimePoint and conv.get_unstructure_hook(TimePoint) is not str:
                return False
            if is_model(kind) and not _writes_standard(kind, conv, seen):
                return False
    return True
