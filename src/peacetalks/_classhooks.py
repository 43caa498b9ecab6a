"""The converter's hooks for peacetalks classes: a fast path and an exact one.

Every class gets two structuring functions when the converter first meets the
class:

* the *exact* one checks the tag, the schema version and unknown keys, and
  structures every field with cattrs' detailed validation, so that it reports
  every problem with its path (built the first time input needs it);
* the *fast* one accepts only input that the exact one accepts without a
  problem, and raises at the first sign of trouble, without saying what. It is
  the class's generated reader (:mod:`peacetalks._readers`) when the converter
  reads everything inside the class with peacetalks' own hooks; otherwise
  cattrs' plain generated code, calling the fast functions of nested classes
  directly.

The hook a converter uses runs the fast function and, if it raises anything,
runs the exact one on the same input, which raises the complete report. Valid
input takes the fast path only; invalid input gets the same errors as ever.

Unstructuring works the same way (see :mod:`peacetalks._unhooks`).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from peacetalks import _problems as paths
from peacetalks._base import JSONObject, Model, optional_of, without_none
from peacetalks._problems import Invalid
from peacetalks._readers import READERS
from peacetalks.document import RECORD_CLASSES, SCHEMA_VERSION, Document, Record
from peacetalks.errors import Problem

__all__ = ["TAG", "fast_of", "is_model", "make_class_hook", "make_record_hook", "optional_of"]

TAG = "type"
_VERSION_EXPECTED = (
    f"schema version {SCHEMA_VERSION} (from_dict and from_json migrate older documents first)"
)
_TAG_EXPECTED = "one of " + ", ".join(repr(tag) for tag in RECORD_CLASSES)
# The attribute of a peacetalks hook that holds its fast function.
_FAST = "peacetalks_fast"
# The attribute that marks the converter's hook for ``Record`` (see _reads_standard).
_RECORDS = "peacetalks_records"

StructureHook = Callable[[Any, Any], Any]


class _NotFast(Exception):  # noqa: N818 - internal signal, never escapes
    """The fast path gives up: the exact path will say why."""


def fast_of(hook: Any) -> Any:
    """The fast function behind one of our hooks, else the hook itself."""
    return getattr(hook, _FAST, hook)


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and issubclass(tp, Model)


# Structuring -----------------------------------------------------------------


def _fast_structure_hook(tp: Any, conv: cattrs.Converter) -> StructureHook | None:
    """A hook for a field of type ``tp`` that skips the exact paths, or ``None``."""
    if is_model(tp) or tp == Record:
        return fast_of(conv.get_structure_hook(tp))  # type: ignore[no-any-return]
    inner_type = optional_of(tp)
    if inner_type is not None and (is_model(inner_type)):
        inner = fast_of(conv.get_structure_hook(inner_type))

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure_optional
    if typing.get_origin(tp) is tuple:
        item_type = typing.get_args(tp)[0]
        if is_model(item_type) or item_type == Record:
            item = fast_of(conv.get_structure_hook(item_type))

            def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list and type(value) is not tuple:
                    raise _NotFast
                return tuple([item(entry, item_type) for entry in value])

            return structure_tuple
    return None


def make_class_hook(
    cls: type[Model],
    conv: cattrs.Converter,
    keep_unknown: bool,
    is_standard: Callable[[Any], bool] = lambda tp: False,
) -> Any:
    """The structuring hook of a peacetalks class: fast, with the exact path behind it.

    The fast function is the generated reader of :mod:`peacetalks._readers` when
    ``conv`` reads every type the class holds the standard way: ``is_standard``
    says so for the building blocks (strings, numbers, enums, time points), and
    the hooks of nested classes must be the generated readers too. A converter
    with a hook of its own for any of them gets cattrs' generated code, which
    calls that hook.
    """
    exact = _lazy_exact_hook(cls, conv, keep_unknown)
    reader = READERS.get(cls)
    if reader is not None and _reads_standard(cls, conv, is_standard):
        return _fast_then_exact(reader, exact)
    overrides: dict[str, Any] = {"extra_fields": override(omit=True)}
    for field in attrs.fields(cls):
        if field.name == "extra_fields":
            continue
        hook = _fast_structure_hook(field.type, conv)
        if hook is not None:
            overrides[field.name] = override(struct_hook=hook)
    body = make_dict_structure_fn(
        cls,
        conv,
        _cattrs_forbid_extra_keys=False,
        _cattrs_detailed_validation=False,
        **overrides,
    )
    tag = cls.record_type
    allowed = _allowed_keys(cls)
    is_document = cls is Document

    def fast(value: Any, _: Any = None) -> Any:
        if type(value) is not dict or not value.keys() <= allowed:
            raise _NotFast
        if tag is not None and value.get(TAG) != tag:
            raise _NotFast
        if is_document and value.get("schema_version") != SCHEMA_VERSION:
            raise _NotFast
        return body(value, cls)

    return _fast_then_exact(fast, exact)


def _reads_standard(
    cls: type[Model], conv: cattrs.Converter, is_standard: Callable[[Any], bool]
) -> bool:
    """Whether ``conv`` reads every field of ``cls`` as its generated reader does."""
    hints = typing.get_type_hints(cls)
    return all(
        _standard_type(hints[field.name], conv, is_standard)
        for field in attrs.fields(cls)
        if field.name != "extra_fields"
    )


def _standard_type(tp: Any, conv: cattrs.Converter, is_standard: Callable[[Any], bool]) -> bool:
    """Whether ``conv`` reads ``tp``, and every type inside it, with peacetalks' own hooks."""
    if tp == Record:
        return getattr(conv.get_structure_hook(Record), _RECORDS, False) and all(
            _standard_type(kind, conv, is_standard) for kind in RECORD_CLASSES.values()
        )
    if is_model(tp):
        return fast_of(conv.get_structure_hook(tp)) is READERS.get(tp)
    if typing.get_origin(tp) is tuple:
        return is_standard(tp) and _standard_type(typing.get_args(tp)[0], conv, is_standard)
    inner = without_none(tp)
    if inner is not None:
        return is_standard(tp) and _standard_type(inner, conv, is_standard)
    return is_standard(tp)


def _lazy_exact_hook(cls: type[Model], conv: cattrs.Converter, keep_unknown: bool) -> Any:
    """The exact hook, built the first time input needs it (valid input never does)."""
    built: list[Any] = []

    def exact(value: object, tp: object) -> Any:
        if not built:
            built.append(_exact_class_hook(cls, conv, keep_unknown))
        return built[0](value, tp)

    return exact


def _allowed_keys(cls: type[Model]) -> frozenset[str]:
    known = frozenset(a.name for a in attrs.fields(cls) if a.name != "extra_fields")
    if cls.record_type:
        known |= {TAG}
    if cls is Document:
        known |= {"schema_version"}
    return known


def _exact_class_hook(cls: type[Model], conv: cattrs.Converter, keep_unknown: bool) -> Any:
    inner = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=False, extra_fields=override(omit=True)
    )
    tag = cls.record_type
    known = frozenset(a.name for a in attrs.fields(cls) if a.name != "extra_fields")
    allowed = _allowed_keys(cls)
    is_document = cls is Document

    def structure(value: object, _: object) -> Any:
        if type(value) is not dict:
            raise Invalid.single(f"an object ({cls.__name__})", value)
        problems: list[Problem] = []
        if tag is not None and value.get(TAG) != tag:
            problems.append(Problem((TAG,), repr(tag), paths.describe_key(value, TAG)))
        if is_document and value.get("schema_version") != SCHEMA_VERSION:
            got = paths.describe_key(value, "schema_version")
            problems.append(Problem(("schema_version",), _VERSION_EXPECTED, got))
        unknown = value.keys() - allowed
        if unknown and not keep_unknown:
            keys = sorted(unknown, key=str)
            left = paths.room()
            if left is not None and len(keys) > left:
                problems.append(paths.not_checked((), len(keys) - left, "unknown keys"))
                keys = keys[:left]
            problems.extend(paths.unknown_key(key, cls, known, allowed) for key in keys)
        try:
            obj = inner(value, cls)
        except Exception as exc:
            problems.extend(paths.problems(exc, cls))
            problems.extend(paths.rule_problems(value, cls, problems))
        if problems:
            raise Invalid(problems)
        if unknown:
            extras = JSONObject({key: paths.freeze(value[key]) for key in sorted(unknown)})
            try:
                obj = attrs.evolve(obj, extra_fields=extras)
            except Exception as exc:
                raise Invalid(paths.problems(exc, cls)) from None
        return obj

    return structure


def make_record_hook(conv: cattrs.Converter) -> StructureHook:
    """The hook for ``Record``: any of the five record kinds, chosen by its ``type`` tag."""
    hooks: dict[str, StructureHook] = {}
    fast_hooks: dict[str, StructureHook] = {}

    def hook_for(tag: str) -> StructureHook:
        hook = hooks.get(tag)
        if hook is None:
            hook = hooks[tag] = conv.get_structure_hook(RECORD_CLASSES[tag])
            fast_hooks[tag] = fast_of(hook)
        return hook

    def exact(value: object, _: object) -> Record:
        if type(value) is not dict:
            raise Invalid.single("an object (a record)", value)
        tag = value.get(TAG)
        if type(tag) is not str or tag not in RECORD_CLASSES:
            raise Invalid([Problem((TAG,), _TAG_EXPECTED, paths.describe_key(value, TAG))])
        cls = RECORD_CLASSES[tag]
        try:
            return hook_for(tag)(value, cls)  # type: ignore[no-any-return]
        except Exception as exc:
            record_id = value.get("id")
            record_id = record_id if type(record_id) is str else None
            raise Invalid([p.within((), tag, record_id) for p in paths.problems(exc)]) from None

    def fast(value: Any, _: Any = None) -> Record:
        tag = value[TAG] if type(value) is dict else None
        hook = fast_hooks.get(tag) if type(tag) is str else None
        if hook is None:
            hook_for(tag)  # type: ignore[arg-type]  # raises for anything but a known tag
            hook = fast_hooks[tag]  # type: ignore[index]
        return hook(value, None)  # type: ignore[no-any-return]

    hook = _fast_then_exact(fast, exact)
    setattr(hook, _RECORDS, True)
    return hook


def _fast_then_exact(fast: Callable[[Any], Any], exact: StructureHook) -> StructureHook:
    """The hook a converter uses: ``fast``, and ``exact`` on the same input if it raises."""

    def structure(value: object, tp: object) -> Any:
        try:
            return fast(value)
        except Exception:  # the exact path finds and reports what is wrong
            return exact(value, tp)

    setattr(structure, _FAST, fast)
    return structure
